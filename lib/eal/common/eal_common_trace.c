/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Trace point registry: names, ids, enable and discard bits, payload descriptions.
 *
 * Events are not recorded: no thread ever gets a trace buffer, so an enabled trace
 * point stops at __rte_trace_mem_get() and the save and metadata functions only have
 * the registry itself to report.
 */
#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <inttypes.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_log.h>
#include <rte_per_lcore.h>
#include <rte_spinlock.h>
#include <rte_string_fns.h>
#include <rte_trace.h>
#include <rte_trace_point_register.h>

#include "eal_private.h"

#define TRACE_POINT_NAME_SIZE 64

struct trace_point {
	rte_trace_point_t *handle;
	char name[TRACE_POINT_NAME_SIZE];
	char *fields; /* "type name;" per payload field, NULL when there is none */
};

/*
 * Entries are indexed by the id stored in their handle; the array only grows, and the
 * lock covers it so that plugins loaded at run time may register while others look up.
 */
static struct {
	rte_spinlock_t lock;
	struct trace_point **points;
	uint32_t nb_points;
	uint32_t capacity;
	enum rte_trace_mode mode;
	uint32_t nb_enabled;
} registry = {
	.lock = RTE_SPINLOCK_INITIALIZER,
	.mode = RTE_TRACE_MODE_OVERWRITE,
};

RTE_DEFINE_PER_LCORE(void *, trace_mem);
RTE_DEFINE_PER_LCORE(volatile int, trace_point_sz);

/* Payload description being built by the registration running on this thread. */
static RTE_DEFINE_PER_LCORE(char *, reg_fields);
static RTE_DEFINE_PER_LCORE(bool, reg_nomem);

static inline uint32_t
trace_point_id(uint64_t val)
{
	return (uint32_t)((val & __RTE_TRACE_FIELD_ID_MASK) >> __RTE_TRACE_FIELD_ID_SHIFT);
}

/* The entry a handle belongs to, or NULL when the handle was not registered. Lock held. */
static struct trace_point *
trace_point_of(rte_trace_point_t *tp)
{
	struct trace_point *p;
	uint32_t id;

	if (tp == NULL)
		return NULL;
	id = trace_point_id(__atomic_load_n(tp, __ATOMIC_RELAXED));
	if (id >= registry.nb_points)
		return NULL;
	p = registry.points[id];
	return p->handle == tp ? p : NULL;
}

static struct trace_point *
trace_point_by_name(const char *name)
{
	uint32_t i;

	for (i = 0; i < registry.nb_points; i++)
		if (strcmp(registry.points[i]->name, name) == 0)
			return registry.points[i];
	return NULL;
}

void
__rte_trace_mem_per_thread_alloc(void)
{
	/* Events are not recorded: the thread keeps no buffer and the event is dropped. */
}

void
__rte_trace_point_emit_field(size_t sz, const char *field, const char *type)
{
	char *old = RTE_PER_LCORE(reg_fields);
	size_t used = old != NULL ? strlen(old) : 0;
	size_t add = strlen(type) + strlen(field) + 3;
	char *buf, *name;

	RTE_PER_LCORE(trace_point_sz) += (int)sz;
	buf = realloc(old, used + add);
	if (buf == NULL) {
		RTE_PER_LCORE(reg_nomem) = true;
		return;
	}
	snprintf(buf + used, add, "%s %s;", type, field);
	/* "conf->rxmode.mtu" becomes "conf__rxmode_mtu": CTF wants identifiers. */
	name = buf + used + strlen(type) + 1;
	for (; *name != ';' && *name != '['; name++)
		if (!isalnum((unsigned char)*name))
			*name = '_';
	RTE_PER_LCORE(reg_fields) = buf;
}

static int
register_fail(const char *name, int err, const char *why)
{
	EAL_LOG(ERR, "trace point %s not registered: %s\n", name != NULL ? name : "(null)", why);
	free(RTE_PER_LCORE(reg_fields));
	RTE_PER_LCORE(reg_fields) = NULL;
	rte_errno = err;
	return -err;
}

int
__rte_trace_point_register(rte_trace_point_t *handle, const char *name,
	void (*register_fn)(void))
{
	struct trace_point *p, **grown;
	int sz;

	if (handle == NULL || name == NULL || register_fn == NULL)
		return register_fail(name, EINVAL, "NULL handle, name or function");
	if (name[0] == '\0')
		return register_fail(name, EINVAL, "empty name");
	if (strlen(name) >= TRACE_POINT_NAME_SIZE)
		return register_fail(name, E2BIG, "name longer than 63 characters");

	/* Let the function describe its payload: it sets the size and the fields. */
	RTE_PER_LCORE(trace_point_sz) = 0;
	free(RTE_PER_LCORE(reg_fields)); /* left by a stray __rte_trace_point_emit_field() */
	RTE_PER_LCORE(reg_fields) = NULL;
	RTE_PER_LCORE(reg_nomem) = false;
	register_fn();
	sz = RTE_PER_LCORE(trace_point_sz);
	if (sz == 0)
		return register_fail(name, EBADF, "function emits no event header");
	if (sz > UINT16_MAX)
		return register_fail(name, ENOSPC, "event larger than 65535 bytes");
	if (RTE_PER_LCORE(reg_nomem))
		return register_fail(name, ENOMEM, "out of memory");

	p = calloc(1, sizeof(*p));
	if (p == NULL)
		return register_fail(name, ENOMEM, "out of memory");
	strcpy(p->name, name);
	p->handle = handle;
	p->fields = RTE_PER_LCORE(reg_fields);
	RTE_PER_LCORE(reg_fields) = NULL;

	rte_spinlock_lock(&registry.lock);
	if (trace_point_by_name(name) != NULL || trace_point_of(handle) != NULL) {
		rte_spinlock_unlock(&registry.lock);
		free(p->fields);
		free(p);
		return register_fail(name, EEXIST, "name or object already registered");
	}
	if (registry.nb_points > UINT16_MAX) {
		rte_spinlock_unlock(&registry.lock);
		free(p->fields);
		free(p);
		return register_fail(name, ENOSPC, "65536 trace points already registered");
	}
	if (registry.nb_points == registry.capacity) {
		uint32_t cap = registry.capacity != 0 ? registry.capacity * 2 : 64;

		grown = realloc(registry.points, cap * sizeof(*grown));
		if (grown == NULL) {
			rte_spinlock_unlock(&registry.lock);
			free(p->fields);
			free(p);
			return register_fail(name, ENOMEM, "out of memory");
		}
		registry.points = grown;
		registry.capacity = cap;
	}
	__atomic_store_n(handle, (uint64_t)sz |
		((uint64_t)registry.nb_points << __RTE_TRACE_FIELD_ID_SHIFT) |
		(registry.mode == RTE_TRACE_MODE_DISCARD ? __RTE_TRACE_FIELD_ENABLE_DISCARD : 0),
		__ATOMIC_RELEASE);
	registry.points[registry.nb_points++] = p;
	rte_spinlock_unlock(&registry.lock);
	return 0;
}

/* Set or clear the enable bit, keeping the count of enabled trace points. Lock held. */
static void
trace_point_switch(rte_trace_point_t *tp, bool enable)
{
	uint64_t old;

	if (enable) {
		old = __atomic_fetch_or(tp, __RTE_TRACE_FIELD_ENABLE_MASK, __ATOMIC_RELEASE);
		if ((old & __RTE_TRACE_FIELD_ENABLE_MASK) == 0)
			registry.nb_enabled++;
	} else {
		old = __atomic_fetch_and(tp, ~__RTE_TRACE_FIELD_ENABLE_MASK, __ATOMIC_RELEASE);
		if ((old & __RTE_TRACE_FIELD_ENABLE_MASK) != 0)
			registry.nb_enabled--;
	}
}

static int
trace_point_set(rte_trace_point_t *tp, bool enable)
{
	int ret = 0;

	rte_spinlock_lock(&registry.lock);
	if (trace_point_of(tp) == NULL)
		ret = -ERANGE;
	else
		trace_point_switch(tp, enable);
	rte_spinlock_unlock(&registry.lock);
	if (ret != 0)
		EAL_LOG(ERR, "trace point object %p is not registered\n", (void *)tp);
	return ret;
}

int
rte_trace_point_enable(rte_trace_point_t *tp)
{
	return trace_point_set(tp, true);
}

int
rte_trace_point_disable(rte_trace_point_t *tp)
{
	return trace_point_set(tp, false);
}

bool
rte_trace_point_is_enabled(rte_trace_point_t *tp)
{
	bool on;

	rte_spinlock_lock(&registry.lock);
	on = trace_point_of(tp) != NULL &&
		(__atomic_load_n(tp, __ATOMIC_RELAXED) & __RTE_TRACE_FIELD_ENABLE_MASK) != 0;
	rte_spinlock_unlock(&registry.lock);
	return on;
}

rte_trace_point_t *
rte_trace_point_lookup(const char *name)
{
	struct trace_point *p;

	if (name == NULL)
		return NULL;
	rte_spinlock_lock(&registry.lock);
	p = trace_point_by_name(name);
	rte_spinlock_unlock(&registry.lock);
	return p != NULL ? p->handle : NULL;
}

bool
rte_trace_is_enabled(void)
{
	return __atomic_load_n(&registry.nb_enabled, __ATOMIC_RELAXED) != 0;
}

void
rte_trace_mode_set(enum rte_trace_mode mode)
{
	uint32_t i;

	if (mode != RTE_TRACE_MODE_OVERWRITE && mode != RTE_TRACE_MODE_DISCARD) {
		EAL_LOG(ERR, "trace mode %d is invalid\n", (int)mode);
		return;
	}
	rte_spinlock_lock(&registry.lock);
	registry.mode = mode;
	for (i = 0; i < registry.nb_points; i++) {
		rte_trace_point_t *tp = registry.points[i]->handle;

		if (mode == RTE_TRACE_MODE_DISCARD)
			__atomic_fetch_or(tp, __RTE_TRACE_FIELD_ENABLE_DISCARD, __ATOMIC_RELEASE);
		else
			__atomic_fetch_and(tp, ~__RTE_TRACE_FIELD_ENABLE_DISCARD, __ATOMIC_RELEASE);
	}
	rte_spinlock_unlock(&registry.lock);
}

enum rte_trace_mode
rte_trace_mode_get(void)
{
	return __atomic_load_n(&registry.mode, __ATOMIC_RELAXED);
}

/* Switch every trace point the matcher accepts; 1 if there was at least one. */
static int
trace_switch_matching(bool (*match)(const char *name, const void *arg), const void *arg,
	bool enable)
{
	int found = 0;
	uint32_t i;

	rte_spinlock_lock(&registry.lock);
	for (i = 0; i < registry.nb_points; i++) {
		if (!match(registry.points[i]->name, arg))
			continue;
		trace_point_switch(registry.points[i]->handle, enable);
		found = 1;
	}
	rte_spinlock_unlock(&registry.lock);
	return found;
}

static bool
glob_match(const char *name, const void *pattern)
{
	return fnmatch(pattern, name, 0) == 0;
}

static bool
regex_match(const char *name, const void *re)
{
	return regexec(re, name, 0, NULL, 0) == 0;
}

int
rte_trace_pattern(const char *pattern, bool enable)
{
	if (pattern == NULL) {
		EAL_LOG(ERR, "trace pattern is NULL\n");
		return -EINVAL;
	}
	return trace_switch_matching(glob_match, pattern, enable);
}

int
rte_trace_regexp(const char *regex, bool enable)
{
	regex_t re;
	int ret;

	if (regex == NULL) {
		EAL_LOG(ERR, "trace regular expression is NULL\n");
		return -EINVAL;
	}
	if (regcomp(&re, regex, REG_NOSUB) != 0) {
		EAL_LOG(ERR, "trace regular expression \"%s\" is invalid\n", regex);
		return -EINVAL;
	}
	ret = trace_switch_matching(regex_match, &re, enable);
	regfree(&re);
	return ret;
}

int
rte_trace_save(void)
{
	/* No thread holds a trace buffer, so there is no event and no file to write. */
	return 0;
}

int
rte_trace_metadata_dump(FILE *f)
{
	const char *field, *end;
	uint32_t i;

	if (f == NULL) {
		EAL_LOG(ERR, "trace metadata dump: stream is NULL\n");
		return -EINVAL;
	}
	rte_spinlock_lock(&registry.lock);
	for (i = 0; i < registry.nb_points; i++) {
		const struct trace_point *p = registry.points[i];

		fprintf(f, "event {\n\tid = %" PRIu32 ";\n\tname = \"%s\";\n"
			"\tfields := struct {\n", i, p->name);
		for (field = p->fields; field != NULL && *field != '\0'; field = end + 1) {
			end = strchr(field, ';');
			fprintf(f, "\t\t%.*s;\n", (int)(end - field), field);
		}
		fprintf(f, "\t};\n};\n\n");
	}
	rte_spinlock_unlock(&registry.lock);
	return 0;
}

void
rte_trace_dump(FILE *f)
{
	uint32_t i;

	if (f == NULL) {
		EAL_LOG(ERR, "trace dump: stream is NULL\n");
		return;
	}
	rte_spinlock_lock(&registry.lock);
	fprintf(f, "trace: %s, mode %s, %" PRIu32 " trace points, %" PRIu32 " enabled\n",
		registry.nb_enabled != 0 ? "enabled" : "disabled",
		registry.mode == RTE_TRACE_MODE_DISCARD ? "discard" : "overwrite",
		registry.nb_points, registry.nb_enabled);
	fprintf(f, "trace: events are not recorded (no trace buffer)\n");
	for (i = 0; i < registry.nb_points; i++) {
		const struct trace_point *p = registry.points[i];
		uint64_t val = __atomic_load_n(p->handle, __ATOMIC_RELAXED);

		fprintf(f, "  %-40s id %-5" PRIu32 " size %-5u %s\n", p->name, i,
			(unsigned int)(val & __RTE_TRACE_FIELD_SIZE_MASK),
			(val & __RTE_TRACE_FIELD_ENABLE_MASK) != 0 ? "enabled" : "disabled");
	}
	rte_spinlock_unlock(&registry.lock);
}
