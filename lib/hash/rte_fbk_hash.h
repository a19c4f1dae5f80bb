/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Four-byte-key hash: a flat table of fixed-size buckets holding 32-bit keys and 16-bit
 * values, for small lookups such as a port or address to an index. Each entry is one 64-bit
 * word written at once, so a reader never sees half of an entry; a bucket's used entries are
 * kept at its start, which lets lookups stop at the first empty one. Writers need external
 * serialization.
 */
#ifndef _RTE_FBK_HASH_H_
#define _RTE_FBK_HASH_H_

#include <stdint.h>
#include <errno.h>

#ifdef __cplusplus
extern "C" {
#endif

#include <string.h>

#include <rte_hash_crc.h>
#include <rte_jhash.h>

#ifndef RTE_FBK_HASH_INIT_VAL_DEFAULT
/** A seed for the hash function when the application has none. */
#define RTE_FBK_HASH_INIT_VAL_DEFAULT		0xFFFFFFFF
#endif

/** Most entries of a table. */
#define RTE_FBK_HASH_ENTRIES_MAX		(1 << 20)

/** Most entries of a bucket. */
#define RTE_FBK_HASH_ENTRIES_PER_BUCKET_MAX	256

/** Size of a table's name, with its terminating zero. */
#define RTE_FBK_HASH_NAMESIZE			32

/** Hash function of a four-byte key. */
typedef uint32_t (*rte_fbk_hash_fn)(uint32_t key, uint32_t init_val);

/** How to create a table. */
struct rte_fbk_hash_params {
	const char *name;		/**< Name of the hash table. */
	uint32_t entries;		/**< Total number of entries. */
	uint32_t entries_per_bucket;	/**< Number of entries in a bucket. */
	int socket_id;			/**< Socket to allocate memory on. */
	rte_fbk_hash_fn hash_func;	/**< The hash function. */
	uint32_t init_val;		/**< For initialising hash function. */
};

/** One entry: as a whole word, or as its parts. */
union rte_fbk_hash_entry {
	uint64_t whole_entry;		/**< For accessing entire entry. */
	struct {
		uint16_t is_entry;	/**< Non-zero if entry is active. */
		uint16_t value;		/**< Value returned by lookup. */
		uint32_t key;		/**< Key used to find value. */
	} entry;			/**< For accessing each entry part. */
};

/** A table. */
struct rte_fbk_hash_table {
	char name[RTE_FBK_HASH_NAMESIZE];	/**< Name of the hash. */
	uint32_t entries;		/**< Total number of entries. */
	uint32_t entries_per_bucket;	/**< Number of entries in a bucket. */
	uint32_t used_entries;		/**< How many entries are used. */
	uint32_t bucket_mask;		/**< To find which bucket the key is in. */
	uint32_t bucket_shift;		/**< Convert bucket to table offset. */
	rte_fbk_hash_fn hash_func;	/**< The hash function. */
	uint32_t init_val;		/**< For initialising hash function. */

	/** A flat table of all buckets. */
	union rte_fbk_hash_entry t[];
};

/**
 * Index in t[] of the first entry of a key's bucket.
 *
 * @param ht
 *   Table.
 * @param key
 *   Key.
 * @return
 *   The index.
 */
static inline uint32_t
rte_fbk_hash_get_bucket(const struct rte_fbk_hash_table *ht, uint32_t key)
{
	return (ht->hash_func(key, ht->init_val) & ht->bucket_mask) << ht->bucket_shift;
}

/**
 * Add a key, or change its value, in a bucket computed by the caller.
 *
 * @param ht
 *   Table.
 * @param key
 *   Key.
 * @param value
 *   Value.
 * @param bucket
 *   rte_fbk_hash_get_bucket(ht, key).
 * @return
 *   0, or -ENOSPC when the bucket is full.
 */
static inline int
rte_fbk_hash_add_key_with_bucket(struct rte_fbk_hash_table *ht,
			uint32_t key, uint16_t value, uint32_t bucket)
{
	union rte_fbk_hash_entry *b = &ht->t[bucket];
	union rte_fbk_hash_entry e;
	uint32_t i;

	e.whole_entry = 0;
	e.entry.is_entry = 1;
	e.entry.value = value;
	e.entry.key = key;
	for (i = 0; i < ht->entries_per_bucket; i++) {
		if (!b[i].entry.is_entry) {
			b[i].whole_entry = e.whole_entry;
			ht->used_entries++;
			return 0;
		}
		if (b[i].entry.key == key) {
			b[i].whole_entry = e.whole_entry;
			return 0;
		}
	}
	return -ENOSPC;
}

/**
 * Add a key, or change its value.
 *
 * @param ht
 *   Table.
 * @param key
 *   Key.
 * @param value
 *   Value.
 * @return
 *   0, or -ENOSPC when its bucket is full.
 */
static inline int
rte_fbk_hash_add_key(struct rte_fbk_hash_table *ht, uint32_t key, uint16_t value)
{
	return rte_fbk_hash_add_key_with_bucket(ht, key, value,
			rte_fbk_hash_get_bucket(ht, key));
}

/**
 * Delete a key from a bucket computed by the caller. The bucket's last entry fills the hole.
 *
 * @param ht
 *   Table.
 * @param key
 *   Key.
 * @param bucket
 *   rte_fbk_hash_get_bucket(ht, key).
 * @return
 *   0, or -ENOENT.
 */
static inline int
rte_fbk_hash_delete_key_with_bucket(struct rte_fbk_hash_table *ht,
					uint32_t key, uint32_t bucket)
{
	union rte_fbk_hash_entry *b = &ht->t[bucket];
	uint32_t i, last;

	for (i = 0; i < ht->entries_per_bucket && b[i].entry.is_entry; i++) {
		if (b[i].entry.key != key)
			continue;
		for (last = i; last + 1 < ht->entries_per_bucket &&
				b[last + 1].entry.is_entry; last++)
			;
		b[i].whole_entry = b[last].whole_entry;
		b[last].whole_entry = 0;
		ht->used_entries--;
		return 0;
	}
	return -ENOENT;
}

/**
 * Delete a key.
 *
 * @param ht
 *   Table.
 * @param key
 *   Key.
 * @return
 *   0, or -ENOENT.
 */
static inline int
rte_fbk_hash_delete_key(struct rte_fbk_hash_table *ht, uint32_t key)
{
	return rte_fbk_hash_delete_key_with_bucket(ht, key, rte_fbk_hash_get_bucket(ht, key));
}

/**
 * Find a key in a bucket computed by the caller.
 *
 * @param ht
 *   Table.
 * @param key
 *   Key.
 * @param bucket
 *   rte_fbk_hash_get_bucket(ht, key).
 * @return
 *   Its value, or -ENOENT.
 */
static inline int
rte_fbk_hash_lookup_with_bucket(const struct rte_fbk_hash_table *ht,
				uint32_t key, uint32_t bucket)
{
	const union rte_fbk_hash_entry *b = &ht->t[bucket];
	uint32_t i;

	for (i = 0; i < ht->entries_per_bucket; i++) {
		union rte_fbk_hash_entry e;

		/* one 64-bit read: key and value belong together */
		e.whole_entry = __atomic_load_n(&b[i].whole_entry, __ATOMIC_RELAXED);
		if (!e.entry.is_entry)
			break;
		if (e.entry.key == key)
			return e.entry.value;
	}
	return -ENOENT;
}

/**
 * Find a key.
 *
 * @param ht
 *   Table.
 * @param key
 *   Key.
 * @return
 *   Its value, or -ENOENT.
 */
static inline int
rte_fbk_hash_lookup(const struct rte_fbk_hash_table *ht, uint32_t key)
{
	return rte_fbk_hash_lookup_with_bucket(ht, key, rte_fbk_hash_get_bucket(ht, key));
}

/**
 * Remove every key.
 *
 * @param ht
 *   Table.
 */
static inline void
rte_fbk_hash_clear_all(struct rte_fbk_hash_table *ht)
{
	memset(ht->t, 0, sizeof(ht->t[0]) * ht->entries);
	ht->used_entries = 0;
}

/**
 * Share of the entries in use.
 *
 * @param ht
 *   Table.
 * @return
 *   used / total, between 0 and 1.
 */
static inline double
rte_fbk_hash_get_load_factor(struct rte_fbk_hash_table *ht)
{
	return (double)ht->used_entries / (double)ht->entries;
}

/**
 * Find a table by name.
 *
 * @param name
 *   Name given at creation.
 * @return
 *   The table, or NULL with rte_errno set to ENOENT.
 */
struct rte_fbk_hash_table *rte_fbk_hash_find_existing(const char *name);

/**
 * Create a table.
 *
 * @param params
 *   Name, entries and entries per bucket (powers of 2, at most RTE_FBK_HASH_ENTRIES_MAX
 *   and RTE_FBK_HASH_ENTRIES_PER_BUCKET_MAX, entries >= entries_per_bucket), socket, hash
 *   function (NULL: CRC32C or jhash) and its seed.
 * @return
 *   The table, or NULL with rte_errno set: EINVAL, EEXIST (name in use) or ENOMEM.
 */
struct rte_fbk_hash_table *
rte_fbk_hash_create(const struct rte_fbk_hash_params *params);

/**
 * Free a table. NULL is ignored.
 *
 * @param ht
 *   Table.
 */
void rte_fbk_hash_free(struct rte_fbk_hash_table *ht);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_FBK_HASH_H_ */
