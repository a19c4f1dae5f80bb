/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Hash table of fixed-length keys (cuckoo hashing): each key may live in one of two buckets
 * of 8 entries, chosen from its 32-bit hash; a full pair of buckets makes room by moving
 * other keys to their alternative bucket, and optionally by chaining extra buckets.
 * Every key gets a position (0 .. rte_hash_max_key_id() - 1), stable while it is stored,
 * that applications use to index their own arrays.
 */
#ifndef _RTE_HASH_H_
#define _RTE_HASH_H_

#include <stdint.h>
#include <stddef.h>

#include <rte_rcu_qsbr.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Most entries a table can have. */
#define RTE_HASH_ENTRIES_MAX			(1 << 30)

/** Size of a table's name, with its terminating zero. */
#define RTE_HASH_NAMESIZE			32

/** Most keys of one bulk lookup. */
#define RTE_HASH_LOOKUP_BULK_MAX		64
/** Same as RTE_HASH_LOOKUP_BULK_MAX. */
#define RTE_HASH_LOOKUP_MULTI_MAX		RTE_HASH_LOOKUP_BULK_MAX

/** Accepted for compatibility; writers use a lock either way. */
#define RTE_HASH_EXTRA_FLAGS_TRANS_MEM_SUPPORT	0x01

/** Several threads may add and delete keys at the same time (serialized by a lock). */
#define RTE_HASH_EXTRA_FLAGS_MULTI_WRITER_ADD 0x02

/** Lookups may run while keys are added or deleted (readers take a read lock). */
#define RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY 0x04

/** Chain extra buckets when both buckets of a key are full: the table never refuses a key
 * while it has free entries.
 */
#define RTE_HASH_EXTRA_FLAGS_EXT_TABLE 0x08

/** Deleting a key does not free its position: rte_hash_free_key_with_position() does. */
#define RTE_HASH_EXTRA_FLAGS_NO_FREE_ON_DEL 0x10

/** Lookups may run while keys are added or deleted, without any lock (implies
 * RTE_HASH_EXTRA_FLAGS_NO_FREE_ON_DEL unless an RCU variable is attached).
 */
#define RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF 0x20

/** Signature of a key: its 32-bit hash. */
typedef uint32_t hash_sig_t;

/** Hash function of a table. */
typedef uint32_t (*rte_hash_function)(const void *key, uint32_t key_len,
				      uint32_t init_val);

/** Key comparison: 0 when equal (as memcmp). */
typedef int (*rte_hash_cmp_eq_t)(const void *key1, const void *key2, size_t key_len);

/** Frees the data of a key once no reader can see it (RCU reclamation). */
typedef void (*rte_hash_free_key_data)(void *p, void *key_data);

/** How to create a table. */
struct rte_hash_parameters {
	const char *name;		/**< Name of the hash. */
	uint32_t entries;		/**< Total hash table entries. */
	uint32_t reserved;		/**< Unused field. Should be set to 0 */
	uint32_t key_len;		/**< Length of hash key. */
	rte_hash_function hash_func;	/**< Primary Hash function used to calculate hash. */
	uint32_t hash_func_init_val;	/**< Init value used by hash_func. */
	int socket_id;			/**< NUMA Socket ID for memory. */
	uint8_t extra_flag;		/**< Indicate if additional parameters are present. */
};

/** How deleted entries wait for readers. */
enum rte_hash_qsbr_mode {
	/** Create defer queue for reclaim. */
	RTE_HASH_QSBR_MODE_DQ = 0,
	/** Use blocking mode reclaim. No defer queue created. */
	RTE_HASH_QSBR_MODE_SYNC
};

/** RCU reclamation of deleted entries (rte_hash_rcu_qsbr_add). */
struct rte_hash_rcu_config {
	struct rte_rcu_qsbr *v;		/**< RCU QSBR variable. */
	enum rte_hash_qsbr_mode mode;
	/**< RTE_HASH_QSBR_MODE_DQ (0, default) or RTE_HASH_QSBR_MODE_SYNC. */
	uint32_t dq_size;
	/**< Defer queue size; 0: the table's entries. */
	uint32_t trigger_reclaim_limit;	/**< Threshold to trigger auto reclaim. */
	uint32_t max_reclaim_size;
	/**< Most entries reclaimed at once; 0: a small default. */
	void *key_data_ptr;
	/**< First argument of free_key_data_func (may be NULL). */
	rte_hash_free_key_data free_key_data_func;
	/**< Frees the data of a reclaimed key (may be NULL). */
};

/** @internal A hash table. */
struct rte_hash;

/**
 * Create a table; its name must be unique.
 *
 * @param params
 *   Name, size (at least 8 and at most RTE_HASH_ENTRIES_MAX entries), key length (not 0),
 *   hash function (NULL: rte_jhash), seed, socket and RTE_HASH_EXTRA_FLAGS_* flags.
 * @return
 *   The table, or NULL with rte_errno set: EINVAL (bad parameters), EEXIST (name in use),
 *   ENOMEM.
 */
struct rte_hash *
rte_hash_create(const struct rte_hash_parameters *params);

/**
 * Replace the key comparison function (memcmp semantics).
 *
 * @param h
 *   Table.
 * @param func
 *   Function.
 */
void rte_hash_set_cmp_func(struct rte_hash *h, rte_hash_cmp_eq_t func);

/**
 * Find a table by name.
 *
 * @param name
 *   Name given at creation.
 * @return
 *   The table, or NULL with rte_errno set to ENOENT.
 */
struct rte_hash *
rte_hash_find_existing(const char *name);

/**
 * Free a table and everything it allocated. NULL is ignored.
 *
 * @param h
 *   Table.
 */
void
rte_hash_free(struct rte_hash *h);

/**
 * Remove every key. Not safe while readers use the table.
 *
 * @param h
 *   Table.
 */
void
rte_hash_reset(struct rte_hash *h);

/**
 * Number of positions in use (deleted keys whose position is not freed yet count).
 *
 * @param h
 *   Table.
 * @return
 *   The number, or -EINVAL.
 */
int32_t
rte_hash_count(const struct rte_hash *h);

/**
 * Upper bound of the positions the table returns.
 *
 * @param h
 *   Table.
 * @return
 *   Positions are below this value; -EINVAL if h is NULL.
 */
int32_t
rte_hash_max_key_id(const struct rte_hash *h);

/**
 * Add a key with data, or replace the data of a key already present.
 *
 * @param h
 *   Table.
 * @param key
 *   Key (key_len bytes).
 * @param data
 *   Data.
 * @return
 *   0, -EINVAL or -ENOSPC.
 */
int
rte_hash_add_key_data(const struct rte_hash *h, const void *key, void *data);

/**
 * Like rte_hash_add_key_data(), with the key's hash computed by the caller.
 *
 * @return
 *   0, -EINVAL or -ENOSPC.
 */
int32_t
rte_hash_add_key_with_hash_data(const struct rte_hash *h, const void *key,
						hash_sig_t sig, void *data);

/**
 * Add a key (or find it if present).
 *
 * @param h
 *   Table.
 * @param key
 *   Key.
 * @return
 *   Its position (>= 0), -EINVAL or -ENOSPC.
 */
int32_t
rte_hash_add_key(const struct rte_hash *h, const void *key);

/**
 * Like rte_hash_add_key(), with the key's hash computed by the caller.
 *
 * @return
 *   Its position (>= 0), -EINVAL or -ENOSPC.
 */
int32_t
rte_hash_add_key_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig);

/**
 * Delete a key.
 *
 * @param h
 *   Table.
 * @param key
 *   Key.
 * @return
 *   The position it had (>= 0), -EINVAL or -ENOENT.
 */
int32_t
rte_hash_del_key(const struct rte_hash *h, const void *key);

/**
 * Like rte_hash_del_key(), with the key's hash computed by the caller.
 *
 * @return
 *   The position it had (>= 0), -EINVAL or -ENOENT.
 */
int32_t
rte_hash_del_key_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig);

/**
 * The key stored at a position.
 *
 * @param h
 *   Table.
 * @param position
 *   Position returned by an add.
 * @param key
 *   Output: pointer to the stored key.
 * @return
 *   0, -EINVAL, or -ENOENT when no key is stored there.
 */
int
rte_hash_get_key_with_position(const struct rte_hash *h, const int32_t position,
			       void **key);

/**
 * Free the position of a deleted key, with RTE_HASH_EXTRA_FLAGS_NO_FREE_ON_DEL or
 * RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF, once no reader can still be using it.
 *
 * @param h
 *   Table.
 * @param position
 *   Position returned by the delete.
 * @return
 *   0, or -EINVAL.
 */
int
rte_hash_free_key_with_position(const struct rte_hash *h,
				const int32_t position);

/**
 * Find a key and its data.
 *
 * @param h
 *   Table.
 * @param key
 *   Key.
 * @param data
 *   Output: its data.
 * @return
 *   Its position (>= 0), -EINVAL or -ENOENT.
 */
int
rte_hash_lookup_data(const struct rte_hash *h, const void *key, void **data);

/**
 * Like rte_hash_lookup_data(), with the key's hash computed by the caller.
 *
 * @return
 *   Its position (>= 0), -EINVAL or -ENOENT.
 */
int
rte_hash_lookup_with_hash_data(const struct rte_hash *h, const void *key,
					hash_sig_t sig, void **data);

/**
 * Find a key.
 *
 * @param h
 *   Table.
 * @param key
 *   Key.
 * @return
 *   Its position (>= 0), -EINVAL or -ENOENT.
 */
int32_t
rte_hash_lookup(const struct rte_hash *h, const void *key);

/**
 * Like rte_hash_lookup(), with the key's hash computed by the caller.
 *
 * @return
 *   Its position (>= 0), -EINVAL or -ENOENT.
 */
int32_t
rte_hash_lookup_with_hash(const struct rte_hash *h,
				const void *key, hash_sig_t sig);

/**
 * The hash of a key, with the table's function and seed.
 *
 * @param h
 *   Table.
 * @param key
 *   Key.
 * @return
 *   The hash.
 */
hash_sig_t
rte_hash_hash(const struct rte_hash *h, const void *key);

/**
 * Find up to RTE_HASH_LOOKUP_BULK_MAX keys and their data.
 *
 * @param h
 *   Table.
 * @param keys
 *   Keys.
 * @param num_keys
 *   Number of keys (1 .. RTE_HASH_LOOKUP_BULK_MAX).
 * @param hit_mask
 *   Output: bit i set when keys[i] was found.
 * @param data
 *   Output: data of the keys found.
 * @return
 *   Number of keys found, or -EINVAL.
 */
int
rte_hash_lookup_bulk_data(const struct rte_hash *h, const void **keys,
		      uint32_t num_keys, uint64_t *hit_mask, void *data[]);

/**
 * Like rte_hash_lookup_bulk(), with the keys' hashes computed by the caller.
 *
 * @return
 *   0 or -EINVAL.
 */
int
rte_hash_lookup_with_hash_bulk(const struct rte_hash *h, const void **keys,
		hash_sig_t *sig, uint32_t num_keys, int32_t *positions);

/**
 * Like rte_hash_lookup_bulk_data(), with the keys' hashes computed by the caller.
 *
 * @return
 *   Number of keys found, or -EINVAL.
 */
int
rte_hash_lookup_with_hash_bulk_data(const struct rte_hash *h,
		const void **keys, hash_sig_t *sig,
		uint32_t num_keys, uint64_t *hit_mask, void *data[]);

/**
 * Find up to RTE_HASH_LOOKUP_BULK_MAX keys.
 *
 * @param h
 *   Table.
 * @param keys
 *   Keys.
 * @param num_keys
 *   Number of keys (1 .. RTE_HASH_LOOKUP_BULK_MAX).
 * @param positions
 *   Output: position of each key, or -ENOENT.
 * @return
 *   0 or -EINVAL.
 */
int
rte_hash_lookup_bulk(const struct rte_hash *h, const void **keys,
		      uint32_t num_keys, int32_t *positions);

/**
 * Walk the keys: start with *next = 0 and call until -ENOENT. Not safe while keys are added
 * or deleted.
 *
 * @param h
 *   Table.
 * @param key
 *   Output: the key.
 * @param data
 *   Output: its data.
 * @param next
 *   Cursor.
 * @return
 *   The key's position, -ENOENT after the last key, or -EINVAL.
 */
int32_t
rte_hash_iterate(const struct rte_hash *h, const void **key, void **data, uint32_t *next);

/**
 * Reclaim deleted entries with RCU (lock-free readers report quiescent states on cfg->v):
 * a deleted key's position and data are freed only once every reader is past it.
 *
 * @param h
 *   Table.
 * @param cfg
 *   Configuration.
 * @return
 *   0, or 1 with rte_errno set: EINVAL, EEXIST (already added) or ENOMEM.
 */
int rte_hash_rcu_qsbr_add(struct rte_hash *h, struct rte_hash_rcu_config *cfg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_HASH_H_ */
