/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Log types and levels. The table grows as libraries and drivers register their types from
 * constructors; levels requested before a type exists (--log-level=pmd.net.*:debug) are kept as
 * patterns and applied when the type registers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <fnmatch.h>
#include <regex.h>
#include <pthread.h>

#include <rte_log.h>
#include <rte_per_lcore.h>
#include <rte_string_fns.h>

#include "eal_private.h"

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
	FILE *file;                 /* NULL means stderr */
	uint32_t level;             /* global level */
	struct log_type *types;
	size_t ntypes;
	struct log_pattern *patterns; /* in the order given; later ones win */
	pthread_mutex_t lock;
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

int
rte_openlog_stream(FILE *f)
{
	rte_logs.file = f;
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
	return rte_logs.file != NULL ? rte_logs.file : stderr;
}

void
rte_log_set_global_level(uint32_t level)
{
	rte_logs.level = level;
}

uint32_t
rte_log_get_global_level(void)
{
	return rte_logs.level;
}

int
rte_log_get_level(uint32_t type)
{
	if (type >= rte_logs.ntypes)
		return -EINVAL;
	return (int)rte_logs.types[type].level;
}

bool
rte_log_can_log(uint32_t logtype, uint32_t level)
{
	int type_level = rte_log_get_level(logtype);

	if (type_level < 0)
		return false;
	return level <= rte_logs.level && level <= (uint32_t)type_level;
}

int
rte_log_set_level(uint32_t type, uint32_t level)
{
	if (type >= rte_logs.ntypes || level > RTE_LOG_MAX || level == 0)
		return -EINVAL;
	rte_logs.types[type].level = level;
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
	size_t i;

	if (pattern == NULL || level > RTE_LOG_MAX || level == 0)
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
	if (is_regex && regcomp(&p->re, pattern, 0) != 0) {
		free(p->pattern);
		free(p);
		return -EINVAL;
	}

	pthread_mutex_lock(&rte_logs.lock);
	for (i = 0; i < rte_logs.ntypes; i++)
		if (rte_logs.types[i].name != NULL && pattern_matches(p, rte_logs.types[i].name))
			rte_logs.types[i].level = level;
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

/* Grow the table so that id fits; new slots are unnamed at INFO. Lock held. */
static int
log_table_reserve(size_t n)
{
	struct log_type *t;
	size_t i;

	if (n <= rte_logs.ntypes)
		return 0;
	t = realloc(rte_logs.types, n * sizeof(*t));
	if (t == NULL)
		return -ENOMEM;
	for (i = rte_logs.ntypes; i < n; i++) {
		t[i].name = NULL;
		t[i].level = RTE_LOG_INFO;
	}
	rte_logs.types = t;
	rte_logs.ntypes = n;
	return 0;
}

static int
log_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < rte_logs.ntypes; i++)
		if (rte_logs.types[i].name != NULL && strcmp(rte_logs.types[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Register name with a default level; saved patterns override it. Lock held. */
static int
log_register_locked(const char *name, uint32_t level_def)
{
	struct log_pattern *p;
	char *dup;
	int id;

	id = log_lookup(name);
	if (id >= 0)
		return id;
	if (rte_logs.ntypes < RTE_LOGTYPE_FIRST_EXT_ID &&
			log_table_reserve(RTE_LOGTYPE_FIRST_EXT_ID) < 0)
		return -ENOMEM;
	dup = strdup(name);
	if (dup == NULL || log_table_reserve(rte_logs.ntypes + 1) < 0) {
		free(dup);
		return -ENOMEM;
	}
	id = (int)rte_logs.ntypes - 1;
	rte_logs.types[id].name = dup;
	rte_logs.types[id].level = level_def;
	for (p = rte_logs.patterns; p != NULL; p = p->next)
		if (pattern_matches(p, name))
			rte_logs.types[id].level = p->level;
	return id;
}

int
rte_log_register(const char *name)
{
	int id;

	if (name == NULL || name[0] == '\0')
		return -EINVAL;
	pthread_mutex_lock(&rte_logs.lock);
	id = log_register_locked(name, RTE_LOG_INFO);
	pthread_mutex_unlock(&rte_logs.lock);
	return id;
}

int
rte_log_register_type_and_pick_level(const char *name, uint32_t level_def)
{
	int id;

	if (name == NULL || name[0] == '\0' || level_def > RTE_LOG_MAX)
		return -EINVAL;
	pthread_mutex_lock(&rte_logs.lock);
	id = log_lookup(name);
	if (id < 0)
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
			rte_logs.types[fixed_types[i].id].name = strdup(fixed_types[i].name);
	}
	pthread_mutex_unlock(&rte_logs.lock);
}

static const char *
loglevel_to_string(uint32_t level)
{
	static const char *const names[] = {
		"disabled", "emergency", "alert", "critical", "error",
		"warning", "notice", "info", "debug",
	};

	return level < RTE_DIM(names) ? names[level] : "unknown";
}

int
eal_log_level_parse_name(const char *name, uint32_t *level)
{
	static const char *const names[] = {
		NULL, "emergency", "alert", "critical", "error",
		"warning", "notice", "info", "debug",
	};
	static const char *const short_names[] = {
		NULL, "emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
	};
	char *end;
	unsigned long v;
	size_t i;

	for (i = 1; i < RTE_DIM(names); i++) {
		if (strcasecmp(name, names[i]) == 0 || strcasecmp(name, short_names[i]) == 0) {
			*level = (uint32_t)i;
			return 0;
		}
	}
	errno = 0;
	v = strtoul(name, &end, 0);
	if (errno != 0 || end == name || *end != '\0' || v < RTE_LOG_EMERG || v > RTE_LOG_MAX)
		return -1;
	*level = (uint32_t)v;
	return 0;
}

void
rte_log_list_types(FILE *out, const char *prefix)
{
	size_t i;

	pthread_mutex_lock(&rte_logs.lock);
	for (i = 0; i < rte_logs.ntypes; i++)
		if (rte_logs.types[i].name != NULL)
			fprintf(out, "%s%s\n", prefix, rte_logs.types[i].name);
	pthread_mutex_unlock(&rte_logs.lock);
}

void
rte_log_dump(FILE *f)
{
	size_t i;

	pthread_mutex_lock(&rte_logs.lock);
	fprintf(f, "global log level is %s\n", loglevel_to_string(rte_logs.level));
	for (i = 0; i < rte_logs.ntypes; i++)
		if (rte_logs.types[i].name != NULL)
			fprintf(f, "id %zu: %s, level is %s\n", i, rte_logs.types[i].name,
				loglevel_to_string(rte_logs.types[i].level));
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

	if (logtype >= rte_logs.ntypes)
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

/* At exit: free names and patterns so leak checkers see a clean process. */
void
eal_log_free(void)
{
	struct log_pattern *p;

	pthread_mutex_lock(&rte_logs.lock);
	while ((p = rte_logs.patterns) != NULL) {
		rte_logs.patterns = p->next;
		if (p->is_regex)
			regfree(&p->re);
		free(p->pattern);
		free(p);
	}
	pthread_mutex_unlock(&rte_logs.lock);
}
