/* SPDX-License-Identifier: BSD-3-Clause */
/* Layout of a cuckoo hash table, shared by the files of the library. */
#ifndef _HASH_PRIVATE_H_
#define _HASH_PRIVATE_H_

#include <stdint.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_rwlock.h>
#include <rte_rcu_qsbr.h>

#include "rte_hash.h"

/* Entries per bucket: one bucket's signatures and indexes fit in a cache line. */
#define HASH_BUCKET_ENTRIES 8
/* Most buckets the breadth-first search for a free entry visits. */
#define HASH_BFS_MAX 512
/* Default most entries one RCU reclamation frees. */
#define HASH_RCU_RECLAIM_MAX 16

/*
 * A bucket. key_idx[i] is 0 for an empty entry, otherwise the key's slot in the key store
 * (position + 1); it is written last with release order so that lock-free readers see the
 * signature and the key before they see the entry.
 */
struct hash_bucket {
	uint16_t sig[HASH_BUCKET_ENTRIES];
	uint32_t key_idx[HASH_BUCKET_ENTRIES];
	struct hash_bucket *next; /* extendable buckets chained after the secondary one */
} __rte_cache_aligned;

/* A key slot: the data pointer, then the key. */
struct hash_key {
	void *pdata;
	uint8_t key[];
};

struct rte_hash {
	TAILQ_ENTRY(rte_hash) next; /* in the list rte_hash_find_existing searches */
	char name[RTE_HASH_NAMESIZE];
	uint32_t entries;          /* usable key slots */
	uint32_t key_len;
	uint32_t key_entry_size;   /* bytes of a struct hash_key with its key */
	uint32_t num_buckets;      /* main table, a power of 2 */
	uint32_t bucket_mask;
	rte_hash_function hash_func; /* the application's, or NULL for the default */
	uint32_t hash_func_init_val;
	rte_hash_cmp_eq_t cmp_func; /* set by rte_hash_set_cmp_func */
	uint8_t cmp_kind;          /* what lookups compare keys with (rte_cuckoo_hash.c) */
	uint8_t ext_table;
	uint8_t writer_lock;       /* writers take rwlock for writing */
	uint8_t reader_lock;       /* readers take rwlock for reading */
	uint8_t lock_free;         /* readers use tbl_chng_cnt, never a lock */
	uint8_t no_free_on_del;
	uint32_t tbl_chng_cnt;     /* bumped when a key moves between buckets */
	rte_rwlock_t rwlock;
	struct hash_bucket *buckets;
	struct hash_bucket *ext_buckets;  /* num_buckets of them, index 1-based in ext_free */
	uint32_t *ext_free;        /* stack of free extendable bucket indexes */
	uint32_t ext_free_n;
	uint32_t *ext_to_free;     /* per key slot: extendable bucket to recycle with it */
	uint8_t *key_store;        /* entries + 1 slots; slot 0 is never used */
	uint32_t *free_slots;      /* FIFO of free key slots (entries of them) */
	uint32_t free_head;
	uint32_t free_n;
	struct rte_hash_rcu_config *rcu_cfg;
	struct rte_rcu_qsbr_dq *dq;
};

#endif /* _HASH_PRIVATE_H_ */
