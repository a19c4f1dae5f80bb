/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: rte_kvargs_parse / rte_kvargs_parse_delim on arbitrary text, then every
 * accessor on the result, checking the invariants the API promises.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_kvargs.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
count_cb(const char *key, const char *value, void *opaque)
{
	unsigned int *n = opaque;

	if (key == NULL || key[0] == '\0')
		abort();
	(void)value;
	(*n)++;
	return 0;
}

static void
check(const struct rte_kvargs *kv)
{
	unsigned int i, n = 0;

	if (kv == NULL)
		return;
	if (kv->count > RTE_KVARGS_MAX || rte_kvargs_count(kv, NULL) != kv->count)
		abort();
	for (i = 0; i < kv->count; i++) {
		const char *k = kv->pairs[i].key;

		if (k == NULL || k[0] == '\0' || strchr(k, ',') != NULL || strchr(k, '=') != NULL)
			abort();
		if (rte_kvargs_count(kv, k) == 0)
			abort();
		if (kv->pairs[i].value != NULL && rte_kvargs_get(kv, k) == NULL)
			abort();
	}
	if (rte_kvargs_process_opt(kv, NULL, count_cb, &n) != 0 || n != kv->count)
		abort();
	n = 0;
	(void)rte_kvargs_process(kv, kv->count > 0 ? kv->pairs[0].key : "x", count_cb, &n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = { "a", "iface", "queues", "size", NULL };
	struct rte_kvargs *kv;
	char *s;

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	kv = rte_kvargs_parse(s, NULL);
	check(kv);
	rte_kvargs_free(kv);
	kv = rte_kvargs_parse(s, keys);
	check(kv);
	rte_kvargs_free(kv);
	kv = rte_kvargs_parse_delim(s, NULL, "/");
	check(kv);
	rte_kvargs_free(kv);
	free(s);
	return 0;
}
