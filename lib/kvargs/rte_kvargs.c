/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Key/value list parser. The input is copied once and cut in place: each pair's key and value
 * point into that copy, so a list is two allocations whatever its size.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_log.h>

#include "rte_kvargs.h"

/*
 * EAL links against kvargs, so kvargs cannot link against EAL. It still logs through rte_log:
 * the references are weak and resolve to EAL's functions whenever EAL is in the process (always,
 * in an application); a program with kvargs alone gets the message on stderr.
 */
#pragma weak rte_log
#pragma weak rte_log_register_type_and_pick_level

/* Longest piece of the input quoted in a log line. */
#define KVARGS_LOG_QUOTE 128

static int kvargs_logtype = -1;

static void __rte_format_printf(1, 2)
kvargs_log(const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int type;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (rte_log == NULL || rte_log_register_type_and_pick_level == NULL) {
		fprintf(stderr, "KVARGS: %s\n", msg);
		return;
	}
	/* Registered on first use: EAL's log table may not exist yet when kvargs is loaded. */
	type = __atomic_load_n(&kvargs_logtype, __ATOMIC_RELAXED);
	if (type < 0) {
		type = rte_log_register_type_and_pick_level("lib.kvargs", RTE_LOG_INFO);
		if (type < 0)
			type = RTE_LOGTYPE_EAL;
		__atomic_store_n(&kvargs_logtype, type, __ATOMIC_RELAXED);
	}
	rte_log(RTE_LOG_ERR, (uint32_t)type, "KVARGS: %s\n", msg);
}

static int
key_is_valid(const char *key, const char *const valid_keys[])
{
	const char *const *k;

	if (valid_keys == NULL)
		return 1;
	for (k = valid_keys; *k != NULL; k++)
		if (strcmp(key, *k) == 0)
			return 1;
	return 0;
}

/*
 * Cut str into pairs. Empty elements (",,", or a comma at either end) are skipped, as DPDK does.
 * Returns NULL on success, or a static description of the first problem and its offset in *where.
 */
static const char *
kvargs_split(struct rte_kvargs *kv, char *str, size_t *where)
{
	char *p = str;

	for (;;) {
		char *key, *value = NULL;

		while (*p == ',')
			p++;
		if (*p == '\0')
			return NULL;
		key = p;

		while (*p != '\0' && *p != ',' && *p != '=') {
			if (*p == '[' || *p == ']') {
				*where = (size_t)(p - str);
				return "bracket in a key";
			}
			p++;
		}
		if (p == key) {
			*where = (size_t)(p - str);
			return "empty key";
		}
		if (*p == '=') {
			*p++ = '\0';
			value = p;
			while (*p != '\0' && *p != ',') {
				if (*p == ']') {
					*where = (size_t)(p - str);
					return "']' without '['";
				}
				if (*p == '[') {
					char *open = p;

					for (p++; *p != '\0' && *p != ']'; p++) {
						if (*p == '[') {
							*where = (size_t)(p - str);
							return "nested '['";
						}
					}
					if (*p == '\0') {
						*where = (size_t)(open - str);
						return "'[' without ']'";
					}
				}
				p++;
			}
		}
		if (kv->count == RTE_KVARGS_MAX) {
			*where = (size_t)(key - str);
			return "too many pairs (RTE_KVARGS_MAX)";
		}
		kv->pairs[kv->count].key = key;
		kv->pairs[kv->count].value = value;
		kv->count++;
		if (*p == '\0')
			return NULL;
		*p++ = '\0';
	}
}

struct rte_kvargs *
rte_kvargs_parse_delim(const char *args, const char *const valid_keys[], const char *valid_ends)
{
	struct rte_kvargs *kv;
	const char *err;
	size_t len, where = 0;
	unsigned int i;

	if (args == NULL) {
		kvargs_log("no argument string to parse");
		return NULL;
	}
	len = valid_ends != NULL ? strcspn(args, valid_ends) : strlen(args);
	kv = calloc(1, sizeof(*kv));
	if (kv == NULL)
		goto nomem;
	kv->str = malloc(len + 1);
	if (kv->str == NULL)
		goto nomem;
	memcpy(kv->str, args, len);
	kv->str[len] = '\0';

	err = kvargs_split(kv, kv->str, &where);
	if (err != NULL) {
		kvargs_log("%s at offset %zu in '%.*s%s'", err, where, KVARGS_LOG_QUOTE, args,
			len > KVARGS_LOG_QUOTE ? "..." : "");
		rte_kvargs_free(kv);
		return NULL;
	}
	for (i = 0; i < kv->count; i++) {
		if (!key_is_valid(kv->pairs[i].key, valid_keys)) {
			kvargs_log("unknown key '%.*s' in '%.*s%s'", KVARGS_LOG_QUOTE,
				kv->pairs[i].key, KVARGS_LOG_QUOTE, args,
				len > KVARGS_LOG_QUOTE ? "..." : "");
			rte_kvargs_free(kv);
			return NULL;
		}
	}
	return kv;
nomem:
	kvargs_log("out of memory parsing %zu characters", len);
	rte_kvargs_free(kv);
	return NULL;
}

struct rte_kvargs *
rte_kvargs_parse(const char *args, const char *const valid_keys[])
{
	return rte_kvargs_parse_delim(args, valid_keys, NULL);
}

void
rte_kvargs_free(struct rte_kvargs *kvlist)
{
	if (kvlist == NULL)
		return;
	free(kvlist->str);
	free(kvlist);
}

const char *
rte_kvargs_get_with_value(const struct rte_kvargs *kvlist, const char *key, const char *value)
{
	unsigned int i;

	if (kvlist == NULL || key == NULL)
		return NULL;
	for (i = 0; i < kvlist->count; i++) {
		const struct rte_kvargs_pair *p = &kvlist->pairs[i];

		if (strcmp(p->key, key) != 0 || p->value == NULL)
			continue;
		if (value == NULL || strcmp(p->value, value) == 0)
			return p->value;
	}
	return NULL;
}

const char *
rte_kvargs_get(const struct rte_kvargs *kvlist, const char *key)
{
	return rte_kvargs_get_with_value(kvlist, key, NULL);
}

static int
kvargs_walk(const struct rte_kvargs *kvlist, const char *key_match, arg_handler_t handler,
		void *opaque_arg, int allow_no_value)
{
	unsigned int i;

	if (kvlist == NULL || handler == NULL)
		return -1;
	for (i = 0; i < kvlist->count; i++) {
		const struct rte_kvargs_pair *p = &kvlist->pairs[i];

		if (key_match != NULL && strcmp(p->key, key_match) != 0)
			continue;
		if (p->value == NULL && !allow_no_value) {
			kvargs_log("key '%.*s' needs a value", KVARGS_LOG_QUOTE, p->key);
			return -1;
		}
		if (handler(p->key, p->value, opaque_arg) < 0)
			return -1;
	}
	return 0;
}

int
rte_kvargs_process(const struct rte_kvargs *kvlist, const char *key_match,
		arg_handler_t handler, void *opaque_arg)
{
	return kvargs_walk(kvlist, key_match, handler, opaque_arg, 0);
}

int
rte_kvargs_process_opt(const struct rte_kvargs *kvlist, const char *key_match,
		arg_handler_t handler, void *opaque_arg)
{
	return kvargs_walk(kvlist, key_match, handler, opaque_arg, 1);
}

unsigned
rte_kvargs_count(const struct rte_kvargs *kvlist, const char *key_match)
{
	unsigned int i, n = 0;

	if (kvlist == NULL)
		return 0;
	for (i = 0; i < kvlist->count; i++)
		if (key_match == NULL || strcmp(kvlist->pairs[i].key, key_match) == 0)
			n++;
	return n;
}
