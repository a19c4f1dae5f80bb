/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Log types and levels. The table grows as libraries and drivers register their types from
 * constructors (or from plugins loaded later); levels requested before a type exists
 * (--log-level=pmd.net.*:debug) are kept as patterns and applied when the type registers.
 *
 * Any thread may log while another registers a type, so the table is made of fixed chunks that
 * never move: readers index it without a lock, writers take rte_logs.lock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdarg.h>
#include <errno.h>
#include <fnmatch.h>
#include <regex.h>
#include <pthread.h>

#include <rte_log.h>
#include <rte_per_lcore.h>
#include <rte_string_fns.h>

#include "eal_private.h"

#define LOG_CHUNK 64
#define LOG_MAX_CHUNKS 64 /* up to 4096 log types */

struct log_type {
	char *name;       /* NULL for the fixed ids no one has named */
	uint32_t level;
};

struct log_pattern {
	struct log_pattern *next;
	char *pattern;
	regex_t re;
	int is_regex;
	uint32_t level;
};

static struct {
	FILE *file;                   /* NULL means stderr */
	uint32_t level;               /* global level */
	struct log_type *chunks[LOG_MAX_CHUNKS];
	uint32_t ntypes;              /* published with release after the slot is filled */
	struct log_pattern *patterns; /* in the order given; later ones win */
	pthread_mutex_t lock;
	/* Levels before rte_eal_init applied --log-level, restored by rte_eal_cleanup. */
	uint32_t *saved_levels;
	uint32_t saved_ntypes;
	uint32_t saved_global;
} rte_logs = {
	.level = RTE_LOG_DEBUG,
	.lock = PTHREAD_MUTEX_INITIALIZER,
};

struct log_cur_msg {
	uint32_t loglevel;
	uint32_t logtype;
};
static RTE_DEFINE_PER_LCORE(struct log_cur_msg, log_cur_msg);

/* Names of the fixed ids, so patterns such as "lib.eal" work on them too. */
static const struct {
	uint32_t id;
	const char *name;
} fixed_types[] = {
	{ RTE_LOGTYPE_EAL, "lib.eal" },
	{ RTE_LOGTYPE_MALLOC, "lib.malloc" },
	{ RTE_LOGTYPE_RING, "lib.ring" },
	{ RTE_LOGTYPE_MEMPOOL, "lib.mempool" },
	{ RTE_LOGTYPE_TIMER, "lib.timer" },
	{ RTE_LOGTYPE_PMD, "pmd" },
	{ RTE_LOGTYPE_HASH, "lib.hash" },
	{ RTE_LOGTYPE_LPM, "lib.lpm" },
	{ RTE_LOGTYPE_KNI, "lib.kni" },
	{ RTE_LOGTYPE_ACL, "lib.acl" },
	{ RTE_LOGTYPE_POWER, "lib.power" },
	{ RTE_LOGTYPE_METER, "lib.meter" },
	{ RTE_LOGTYPE_SCHED, "lib.sched" },
	{ RTE_LOGTYPE_PORT, "lib.port" },
	{ RTE_LOGTYPE_TABLE, "lib.table" },
	{ RTE_LOGTYPE_PIPELINE, "lib.pipeline" },
	{ RTE_LOGTYPE_MBUF, "lib.mbuf" },
	{ RTE_LOGTYPE_CRYPTODEV, "lib.cryptodev" },
	{ RTE_LOGTYPE_EFD, "lib.efd" },
	{ RTE_LOGTYPE_EVENTDEV, "lib.eventdev" },
	{ RTE_LOGTYPE_GSO, "lib.gso" },
	{ RTE_LOGTYPE_USER1, "user1" },
	{ RTE_LOGTYPE_USER2, "user2" },
	{ RTE_LOGTYPE_USER3, "user3" },
	{ RTE_LOGTYPE_USER4, "user4" },
	{ RTE_LOGTYPE_USER5, "user5" },
	{ RTE_LOGTYPE_USER6, "user6" },
	{ RTE_LOGTYPE_USER7, "user7" },
	{ RTE_LOGTYPE_USER8, "user8" },
};

static const char *const level_names[] = {
	"disabled", "emergency", "alert", "critical", "error",
	"warning", "notice", "info", "debug",
};

static inline struct log_type *
log_slot(uint32_t id)
{
	return &rte_logs.chunks[id / LOG_CHUNK][id % LOG_CHUNK];
}

static inline uint32_t
log_ntypes(void)
{
	return __atomic_load_n(&rte_logs.ntypes, __ATOMIC_ACQUIRE);
}

int
rte_openlog_stream(FILE *f)
{
	__atomic_store_n(&rte_logs.file, f, __ATOMIC_RELEASE);
	return 0;
}

int
rte_log_set_stream(FILE *f)
{
	return rte_openlog_stream(f);
}

FILE *
rte_log_get_stream(void)
{
	FILE *f = __atomic_load_n(&rte_logs.file, __ATOMIC_ACQUIRE);

	return f != NULL ? f : stderr;
}

void
rte_log_set_global_level(uint32_t level)
{
	__atomic_store_n(&rte_logs.level, level, __ATOMIC_RELAXED);
}

uint32_t
rte_log_get_global_level(void)
{
	return __atomic_load_n(&rte_logs.level, __ATOMIC_RELAXED);
}

int
rte_log_get_level(uint32_t type)
{
	if (type >= log_ntypes())
		return -EINVAL;
	return (int)__atomic_load_n(&log_slot(type)->level, __ATOMIC_RELAXED);
}

bool
rte_log_can_log(uint32_t logtype, uint32_t level)
{
	int type_level = rte_log_get_level(logtype);

	if (type_level < 0)
		return false;
	return level <= rte_log_get_global_level() && level <= (uint32_t)type_level;
}

int
rte_log_set_level(uint32_t type, uint32_t level)
{
	if (type >= log_ntypes() || level > RTE_LOG_MAX)
		return -EINVAL;
	__atomic_store_n(&log_slot(type)->level, level, __ATOMIC_RELAXED);
	return 0;
}

static bool
pattern_matches(const struct log_pattern *p, const char *name)
{
	if (p->is_regex)
		return regexec(&p->re, name, 0, NULL, 0) == 0;
	return fnmatch(p->pattern, name, 0) == 0;
}

static int
add_level_pattern(const char *pattern, uint32_t level, int is_regex)
{
	struct log_pattern *p, **tail;
	uint32_t i, n;

	if (pattern == NULL || pattern[0] == '\0' || level > RTE_LOG_MAX)
		return -EINVAL;
	p = calloc(1, sizeof(*p));
	if (p == NULL)
		return -ENOMEM;
	p->pattern = strdup(pattern);
	if (p->pattern == NULL) {
		free(p);
		return -ENOMEM;
	}
	p->is_regex = is_regex;
	p->level = level;
	if (is_regex && regcomp(&p->re, pattern, REG_NOSUB) != 0) {
		free(p->pattern);
		free(p);
		return -EINVAL;
	}

	pthread_mutex_lock(&rte_logs.lock);
	n = rte_logs.ntypes;
	for (i = 0; i < n; i++) {
		struct log_type *t = log_slot(i);

		if (t->name != NULL && pattern_matches(p, t->name))
			__atomic_store_n(&t->level, level, __ATOMIC_RELAXED);
	}
	for (tail = &rte_logs.patterns; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = p;
	pthread_mutex_unlock(&rte_logs.lock);
	return 0;
}

int
rte_log_set_level_pattern(const char *pattern, uint32_t level)
{
	return add_level_pattern(pattern, level, 0);
}

int
rte_log_set_level_regexp(const char *regex, uint32_t level)
{
	return add_level_pattern(regex, level, 1);
}

/* Make room for n slots; new ones are unnamed at INFO. Lock held. */
static int
log_table_reserve(uint32_t n)
{
	uint32_t c;

	if (n > LOG_CHUNK * LOG_MAX_CHUNKS)
		return -ENOSPC;
	for (c = 0; c * LOG_CHUNK < n; c++) {
		uint32_t i;

		if (rte_logs.chunks[c] != NULL)
			continue;
		rte_logs.chunks[c] = calloc(LOG_CHUNK, sizeof(struct log_type));
		if (rte_logs.chunks[c] == NULL)
			return -ENOMEM;
		for (i = 0; i < LOG_CHUNK; i++)
			rte_logs.chunks[c][i].level = RTE_LOG_INFO;
	}
	if (n > rte_logs.ntypes)
		__atomic_store_n(&rte_logs.ntypes, n, __ATOMIC_RELEASE);
	return 0;
}

static int
log_lookup(const char *name)
{
	uint32_t i;

	for (i = 0; i < rte_logs.ntypes; i++) {
		const struct log_type *t = log_slot(i);

		if (t->name != NULL && strcmp(t->name, name) == 0)
			return (int)i;
	}
	return -1;
}

/* Register name with a default level; saved patterns override it. Lock held. */
static int
log_register_locked(const char *name, uint32_t level_def)
{
	struct log_pattern *p;
	struct log_type *t;
	uint32_t id, level = level_def;
	char *dup;
	int ret;

	ret = log_lookup(name);
	if (ret >= 0)
		return ret;
	if (rte_logs.ntypes < RTE_LOGTYPE_FIRST_EXT_ID) {
		ret = log_table_reserve(RTE_LOGTYPE_FIRST_EXT_ID);
		if (ret < 0)
			return ret;
	}
	id = rte_logs.ntypes;
	if (id >= LOG_CHUNK * LOG_MAX_CHUNKS)
		return -ENOSPC;
	dup = strdup(name);
	if (dup == NULL)
		return -ENOMEM;
	for (p = rte_logs.patterns; p != NULL; p = p->next)
		if (pattern_matches(p, name))
			level = p->level;
	/* Fill the slot (its chunk may be new) before the count makes it visible. */
	if (rte_logs.chunks[id / LOG_CHUNK] == NULL) {
		rte_logs.chunks[id / LOG_CHUNK] = calloc(LOG_CHUNK, sizeof(struct log_type));
		if (rte_logs.chunks[id / LOG_CHUNK] == NULL) {
			free(dup);
			return -ENOMEM;
		}
	}
	t = log_slot(id);
	t->name = dup;
	t->level = level;
	__atomic_store_n(&rte_logs.ntypes, id + 1, __ATOMIC_RELEASE);
	return (int)id;
}

int
rte_log_register(const char *name)
{
	return rte_log_register_type_and_pick_level(name, RTE_LOG_INFO);
}

int
rte_log_register_type_and_pick_level(const char *name, uint32_t level_def)
{
	int id;

	if (name == NULL || name[0] == '\0' || level_def > RTE_LOG_MAX)
		return -EINVAL;
	pthread_mutex_lock(&rte_logs.lock);
	id = log_register_locked(name, level_def);
	pthread_mutex_unlock(&rte_logs.lock);
	return id;
}

/* Fixed ids get their names before any constructor of another library can log. */
RTE_INIT_PRIO(log_init, LOG)
{
	size_t i;

	pthread_mutex_lock(&rte_logs.lock);
	if (log_table_reserve(RTE_LOGTYPE_FIRST_EXT_ID) == 0) {
		for (i = 0; i < RTE_DIM(fixed_types); i++)
			log_slot(fixed_types[i].id)->name = strdup(fixed_types[i].name);
	}
	pthread_mutex_unlock(&rte_logs.lock);
}

static const char *
loglevel_to_string(uint32_t level)
{
	return level < RTE_DIM(level_names) ? level_names[level] : "unknown";
}

/*
 * A level is a number 1..8 or the start of its name, as DPDK accepts it ("err", "warn", "d").
 * A prefix shared by two names picks the more severe one.
 */
int
eal_log_level_parse_name(const char *name, uint32_t *level)
{
	size_t len = strlen(name), i;
	char *end;
	unsigned long v;

	if (len == 0)
		return -1;
	for (i = 1; i < RTE_DIM(level_names); i++) {
		if (strncasecmp(level_names[i], name, len) == 0) {
			*level = (uint32_t)i;
			return 0;
		}
	}
	errno = 0;
	v = strtoul(name, &end, 0);
	/* 0 is a valid number, as in DPDK: nothing is logged at all. */
	if (errno != 0 || end == name || *end != '\0' || v > RTE_LOG_MAX)
		return -1;
	*level = (uint32_t)v;
	return 0;
}

void
eal_log_save_levels(void)
{
	uint32_t i, n;

	pthread_mutex_lock(&rte_logs.lock);
	if (rte_logs.saved_levels == NULL) {
		n = rte_logs.ntypes;
		rte_logs.saved_levels = malloc(sizeof(uint32_t) * (n > 0 ? n : 1));
		if (rte_logs.saved_levels != NULL) {
			for (i = 0; i < n; i++)
				rte_logs.saved_levels[i] = log_slot(i)->level;
			rte_logs.saved_ntypes = n;
			rte_logs.saved_global = rte_logs.level;
		}
	}
	pthread_mutex_unlock(&rte_logs.lock);
}

void
rte_log_list_types(FILE *out, const char *prefix)
{
	uint32_t i;

	pthread_mutex_lock(&rte_logs.lock);
	for (i = 0; i < rte_logs.ntypes; i++)
		if (log_slot(i)->name != NULL)
			fprintf(out, "%s%s\n", prefix, log_slot(i)->name);
	pthread_mutex_unlock(&rte_logs.lock);
}

void
rte_log_dump(FILE *f)
{
	uint32_t i;

	pthread_mutex_lock(&rte_logs.lock);
	fprintf(f, "global log level is %s\n", loglevel_to_string(rte_logs.level));
	for (i = 0; i < rte_logs.ntypes; i++)
		if (log_slot(i)->name != NULL)
			fprintf(f, "id %u: %s, level is %s\n", i, log_slot(i)->name,
				loglevel_to_string(log_slot(i)->level));
	pthread_mutex_unlock(&rte_logs.lock);
}

int
rte_log_cur_msg_loglevel(void)
{
	return (int)RTE_PER_LCORE(log_cur_msg).loglevel;
}

int
rte_log_cur_msg_logtype(void)
{
	return (int)RTE_PER_LCORE(log_cur_msg).logtype;
}

int
rte_vlog(uint32_t level, uint32_t logtype, const char *format, va_list ap)
{
	FILE *f = rte_log_get_stream();
	int ret;

	if (logtype >= log_ntypes())
		return -1;
	if (!rte_log_can_log(logtype, level))
		return 0;
	RTE_PER_LCORE(log_cur_msg).loglevel = level;
	RTE_PER_LCORE(log_cur_msg).logtype = logtype;
	ret = vfprintf(f, format, ap);
	fflush(f);
	return ret;
}

int
rte_log(uint32_t level, uint32_t logtype, const char *format, ...)
{
	va_list ap;
	int ret;

	va_start(ap, format);
	ret = rte_vlog(level, logtype, format, ap);
	va_end(ap);
	return ret;
}

/*
 * At rte_eal_cleanup: forget the patterns and put back the levels --log-level changed, so a
 * later rte_eal_init starts from the same state. Type names stay: constructors registered them.
 */
void
eal_log_free(void)
{
	struct log_pattern *p;
	uint32_t i;

	pthread_mutex_lock(&rte_logs.lock);
	while ((p = rte_logs.patterns) != NULL) {
		rte_logs.patterns = p->next;
		if (p->is_regex)
			regfree(&p->re);
		free(p->pattern);
		free(p);
	}
	if (rte_logs.saved_levels != NULL) {
		for (i = 0; i < rte_logs.saved_ntypes; i++)
			log_slot(i)->level = rte_logs.saved_levels[i];
		rte_logs.level = rte_logs.saved_global;
		free(rte_logs.saved_levels);
		rte_logs.saved_levels = NULL;
	}
	pthread_mutex_unlock(&rte_logs.lock);
}
