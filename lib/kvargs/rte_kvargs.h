/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Key/value argument lists, the "k1=v1,k2=v2" strings that drivers receive in their devargs.
 *
 * A value may be a bracketed list that contains commas ("queues=[0,1]"); the brackets are kept
 * in the value. A key may appear without a value ("promisc") and may repeat ("iface=a,iface=b");
 * repeated keys are kept in order. Empty elements are skipped, as in DPDK: "a=1,,b=2," holds
 * two pairs and "," none. Parsing refuses, with one log line naming the offending text: an
 * empty key ("=v"), unbalanced brackets, a key not in valid_keys, more than RTE_KVARGS_MAX
 * pairs, a NULL string. An empty string is an empty, valid list.
 */
#ifndef _RTE_KVARGS_H_
#define _RTE_KVARGS_H_

#ifdef __cplusplus
extern "C" {
#endif

/** Most pairs one list can hold. */
#define RTE_KVARGS_MAX 32
/** Separator between pairs. */
#define RTE_KVARGS_PAIRS_DELIM ","
/** Separator between a key and its value. */
#define RTE_KVARGS_KV_DELIM "="

/** Called for each matching pair; a negative return stops rte_kvargs_process. */
typedef int (*arg_handler_t)(const char *key, const char *value, void *opaque);

/** One key and its value (NULL when the key was given alone). */
struct rte_kvargs_pair {
	char *key;   /**< key, never empty */
	char *value; /**< value, NULL when the key was given alone */
};

/** A parsed list; the pairs point into str. */
struct rte_kvargs {
	char *str;     /**< copy of the input, cut in place */
	unsigned count; /**< number of pairs */
	struct rte_kvargs_pair pairs[RTE_KVARGS_MAX]; /**< the pairs, in input order */
};

/**
 * Parse args ("k=v,k2=[a,b],k3"). valid_keys is a NULL-terminated array, or NULL to accept any
 * key. Returns a list to free with rte_kvargs_free, or NULL on malformed input or no memory.
 */
struct rte_kvargs *rte_kvargs_parse(const char *args, const char *const valid_keys[]);

/**
 * Like rte_kvargs_parse, but only the text before the first character found in valid_ends
 * (e.g. "/" for one layer of a devargs string) is parsed. valid_ends NULL: the whole string.
 */
struct rte_kvargs *rte_kvargs_parse_delim(const char *args, const char *const valid_keys[],
		const char *valid_ends);

/** Free a list (NULL is allowed). */
void rte_kvargs_free(struct rte_kvargs *kvlist);

/** Value of the first pair with this key, or NULL (no such key, or key without value). */
const char *rte_kvargs_get(const struct rte_kvargs *kvlist, const char *key);

/**
 * Value of the first pair with this key, and, when value is not NULL, whose value equals it.
 * NULL if none.
 */
const char *rte_kvargs_get_with_value(const struct rte_kvargs *kvlist, const char *key,
		const char *value);

/**
 * Call handler(key, value, opaque_arg) for every pair whose key is key_match (NULL: every
 * pair), in order. A matching key given without a value is an error (handlers expect a value).
 * @return 0, or -1 when kvlist is NULL, a matching key has no value or a handler returned < 0.
 */
int rte_kvargs_process(const struct rte_kvargs *kvlist, const char *key_match,
		arg_handler_t handler, void *opaque_arg);

/** Like rte_kvargs_process, but keys without a value are passed with value NULL. */
int rte_kvargs_process_opt(const struct rte_kvargs *kvlist, const char *key_match,
		arg_handler_t handler, void *opaque_arg);

/** Number of pairs whose key is key_match (NULL: all pairs). */
unsigned rte_kvargs_count(const struct rte_kvargs *kvlist, const char *key_match);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_KVARGS_H_ */
