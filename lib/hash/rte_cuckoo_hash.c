/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cuckoo hash table. A key's 32-bit hash h gives its primary bucket (h & mask), a 16-bit
 * signature (h >> 16) and its secondary bucket (primary ^ signature) & mask; since the
 * relation is symmetric, any entry's other bucket follows from its bucket and signature,
 * which is what moving keys (displacement) needs.
 *
 * Concurrency: writers are serialized by the caller, or by rwlock when several may write.
 * Readers take rwlock for reading (RW_CONCURRENCY) or nothing (RW_CONCURRENCY_LF): then
 * an entry is published by a release store of its key index, deleted slots are not reused
 * until the application (or RCU) says readers are done, and a reader that may have missed a
 * key being moved between buckets sees tbl_chng_cnt change and searches again.
 */
#include <errno.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_bitops.h>
#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_hash_crc.h>
#include <rte_jhash.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_prefetch.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "hash_private.h"
#include "hash_sig_match.h"

#if defined(RTE_ARCH_X86) || defined(RTE_ARCH_ARM64)
#define HASH_DEFAULT_FUNC rte_hash_crc
#else
#define HASH_DEFAULT_FUNC rte_jhash
#endif

/*
 * The tables, by name, in a list every process of the primary's group walks: a secondary finds
 * the primary's tables with rte_hash_find_existing.
 */
TAILQ_HEAD(rte_hash_list, rte_hash);
static struct rte_tailq_elem rte_hash_tailq = {
	.name = "RTE_HASH",
};
EAL_REGISTER_TAILQ(rte_hash_tailq)

static struct rte_hash_list *
hash_list(void)
{
	return RTE_TAILQ_CAST(rte_hash_tailq.head, rte_hash_list);
}

/* Fixed-length comparisons, which the compiler turns into a few loads. */
#define HASH_CMP_FIXED(n) \
static int \
hash_cmp_##n(const void *a, const void *b, size_t len) \
{ \
	RTE_SET_USED(len); \
	return memcmp(a, b, n) != 0; \
}
HASH_CMP_FIXED(4)
HASH_CMP_FIXED(8)
HASH_CMP_FIXED(12)
HASH_CMP_FIXED(16)
HASH_CMP_FIXED(32)
HASH_CMP_FIXED(64)

static int
hash_cmp_any(const void *a, const void *b, size_t len)
{
	return memcmp(a, b, len);
}

/*
 * The table lives in memory every process maps, but this library's functions sit at another
 * address in each process: the table keeps which comparison it uses, and each process calls
 * its own copy. Only a function the application gave is kept as a pointer.
 */
enum hash_cmp_kind {
	HASH_CMP_4, HASH_CMP_8, HASH_CMP_12, HASH_CMP_16, HASH_CMP_32, HASH_CMP_64, HASH_CMP_ANY,
	HASH_CMP_USER,
};

static int (*const hash_cmp_fns[])(const void *a, const void *b, size_t len) = {
	[HASH_CMP_4] = hash_cmp_4,
	[HASH_CMP_8] = hash_cmp_8,
	[HASH_CMP_12] = hash_cmp_12,
	[HASH_CMP_16] = hash_cmp_16,
	[HASH_CMP_32] = hash_cmp_32,
	[HASH_CMP_64] = hash_cmp_64,
	[HASH_CMP_ANY] = hash_cmp_any,
};

static void
hash_pick_cmp(struct rte_hash *h)
{
	switch (h->key_len) {
	case 4: h->cmp_kind = HASH_CMP_4; break;
	case 8: h->cmp_kind = HASH_CMP_8; break;
	case 12: h->cmp_kind = HASH_CMP_12; break;
	case 16: h->cmp_kind = HASH_CMP_16; break;
	case 32: h->cmp_kind = HASH_CMP_32; break;
	case 64: h->cmp_kind = HASH_CMP_64; break;
	default: h->cmp_kind = HASH_CMP_ANY; break;
	}
}

static inline int
hash_key_cmp(const struct rte_hash *h, const void *a, const void *b)
{
	if (unlikely(h->cmp_kind == HASH_CMP_USER))
		return h->cmp_func(a, b, h->key_len);
	return hash_cmp_fns[h->cmp_kind](a, b, h->key_len);
}

static inline struct hash_key *
key_slot(const struct rte_hash *h, uint32_t idx)
{
	return (struct hash_key *)(h->key_store + (size_t)idx * h->key_entry_size);
}

static inline uint32_t
prim_bucket(const struct rte_hash *h, hash_sig_t sig)
{
	return sig & h->bucket_mask;
}

static inline uint32_t
alt_bucket(const struct rte_hash *h, uint32_t bkt, uint16_t short_sig)
{
	return (bkt ^ short_sig) & h->bucket_mask;
}

static inline void
writer_lock(struct rte_hash *h)
{
	if (h->writer_lock)
		rte_rwlock_write_lock(&h->rwlock);
}

static inline void
writer_unlock(struct rte_hash *h)
{
	if (h->writer_lock)
		rte_rwlock_write_unlock(&h->rwlock);
}

static inline void
reader_lock(const struct rte_hash *h)
{
	if (h->reader_lock)
		rte_rwlock_read_lock((rte_rwlock_t *)(uintptr_t)&h->rwlock);
}

static inline void
reader_unlock(const struct rte_hash *h)
{
	if (h->reader_lock)
		rte_rwlock_read_unlock((rte_rwlock_t *)(uintptr_t)&h->rwlock);
}

/* Publish an entry: signature first, then the index that makes it visible. */
static inline void
entry_set(struct hash_bucket *b, unsigned int i, uint16_t short_sig, uint32_t idx)
{
	__atomic_store_n(&b->sig[i], short_sig, __ATOMIC_RELAXED);
	__atomic_store_n(&b->key_idx[i], idx, __ATOMIC_RELEASE);
}

/* Key index of key in bucket b, or 0. */
static inline uint32_t
bucket_find(const struct rte_hash *h, const struct hash_bucket *b, uint16_t short_sig,
		const void *key)
{
	uint32_t match = bucket_sig_match(b, short_sig);

	while (match != 0) {
		unsigned int i = rte_ctz32(match);
		uint32_t idx = __atomic_load_n(&b->key_idx[i], __ATOMIC_ACQUIRE);

		if (idx != 0 && hash_key_cmp(h, key, key_slot(h, idx)->key) == 0)
			return idx;
		match &= match - 1;
	}
	return 0;
}

/* Key index of key in its primary bucket, its secondary bucket or that one's chain. */
static inline uint32_t
table_find(const struct rte_hash *h, const void *key, hash_sig_t sig)
{
	uint16_t short_sig = sig >> 16;
	uint32_t p = prim_bucket(h, sig);
	const struct hash_bucket *b;
	uint32_t idx;

	idx = bucket_find(h, &h->buckets[p], short_sig, key);
	if (idx != 0)
		return idx;
	b = &h->buckets[alt_bucket(h, p, short_sig)];
	do {
		idx = bucket_find(h, b, short_sig, key);
		if (idx != 0)
			return idx;
		b = __atomic_load_n(&b->next, __ATOMIC_ACQUIRE);
	} while (b != NULL);
	return 0;
}

/* Lookup without the reader lock: position, or -ENOENT. */
static inline int32_t
lookup_nolock(const struct rte_hash *h, const void *key, hash_sig_t sig, void **data)
{
	uint32_t cnt, idx;

	do {
		cnt = __atomic_load_n(&h->tbl_chng_cnt, __ATOMIC_ACQUIRE);
		idx = table_find(h, key, sig);
		if (idx != 0) {
			if (data != NULL)
				*data = __atomic_load_n(&key_slot(h, idx)->pdata, __ATOMIC_ACQUIRE);
			return (int32_t)idx - 1;
		}
		if (!h->lock_free)
			break;
		/* order the bucket reads above before the counter read below */
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while (cnt != __atomic_load_n(&h->tbl_chng_cnt, __ATOMIC_RELAXED));
	return -ENOENT;
}

static inline int32_t
lookup(const struct rte_hash *h, const void *key, hash_sig_t sig, void **data)
{
	int32_t ret;

	reader_lock(h);
	ret = lookup_nolock(h, key, sig, data);
	reader_unlock(h);
	return ret;
}

/* Where an existing key is stored (writer side). */
struct entry_ref {
	struct hash_bucket *b;
	unsigned int i;
};

static int
writer_find(struct rte_hash *h, const void *key, hash_sig_t sig, struct entry_ref *ref)
{
	uint16_t short_sig = sig >> 16;
	uint32_t p = prim_bucket(h, sig);
	struct hash_bucket *b = &h->buckets[p];
	unsigned int i;
	int primary = 1;

	while (b != NULL) {
		for (i = 0; i < HASH_BUCKET_ENTRIES; i++) {
			uint32_t idx = b->key_idx[i];

			if (idx != 0 && b->sig[i] == short_sig &&
					hash_key_cmp(h, key, key_slot(h, idx)->key) == 0) {
				ref->b = b;
				ref->i = i;
				return 1;
			}
		}
		if (primary) {
			primary = 0;
			b = &h->buckets[alt_bucket(h, p, short_sig)];
		} else {
			b = b->next;
		}
	}
	return 0;
}

static void
slot_release(struct rte_hash *h, uint32_t idx)
{
	uint32_t ext = h->ext_to_free[idx];

	if (ext != 0) {
		h->ext_free[h->ext_free_n++] = ext;
		h->ext_to_free[idx] = 0;
	}
	h->free_slots[(h->free_head + h->free_n) % h->entries] = idx;
	h->free_n++;
}

static uint32_t
slot_take(struct rte_hash *h)
{
	uint32_t idx;

	if (h->free_n == 0 && h->dq != NULL)
		rte_rcu_qsbr_dq_reclaim(h->dq, h->rcu_cfg->max_reclaim_size, NULL, NULL, NULL);
	if (h->free_n == 0)
		return 0;
	idx = h->free_slots[h->free_head];
	h->free_head = (h->free_head + 1) % h->entries;
	h->free_n--;
	return idx;
}

static int
bucket_put(struct hash_bucket *b, uint16_t short_sig, uint32_t idx)
{
	unsigned int i;

	for (i = 0; i < HASH_BUCKET_ENTRIES; i++) {
		if (b->key_idx[i] == 0) {
			entry_set(b, i, short_sig, idx);
			return 1;
		}
	}
	return 0;
}

struct bfs_node {
	uint32_t bkt;
	int32_t parent;   /* index in the queue, -1 for the two starting buckets */
	uint32_t slot;    /* entry of the parent bucket that would move into this bucket */
};

static int
bfs_on_path(const struct bfs_node *q, int32_t n, uint32_t bkt)
{
	for (; n >= 0; n = q[n].parent)
		if (q[n].bkt == bkt)
			return 1;
	return 0;
}

/*
 * Make room in bucket p or s by moving keys to their other bucket, found by a breadth-first
 * search (shortest chain of moves), then put the new key there. Moves run from the free end
 * of the chain, so that every key stays findable; each one bumps tbl_chng_cnt before the key
 * leaves its old entry, for lock-free readers.
 */
static int
cuckoo_insert(struct rte_hash *h, uint32_t p, uint32_t s, uint16_t short_sig, uint32_t idx)
{
	struct bfs_node q[HASH_BFS_MAX];
	int32_t head = 0, tail = 0, cur;
	unsigned int i, free_i = 0;

	q[tail++] = (struct bfs_node){ .bkt = p, .parent = -1 };
	if (s != p)
		q[tail++] = (struct bfs_node){ .bkt = s, .parent = -1 };
	for (; head < tail; head++) {
		struct hash_bucket *b = &h->buckets[q[head].bkt];

		for (i = 0; i < HASH_BUCKET_ENTRIES; i++)
			if (b->key_idx[i] == 0)
				break;
		if (i < HASH_BUCKET_ENTRIES) {
			free_i = i;
			break;
		}
		for (i = 0; i < HASH_BUCKET_ENTRIES && tail < HASH_BFS_MAX; i++) {
			uint32_t alt = alt_bucket(h, q[head].bkt, b->sig[i]);

			if (!bfs_on_path(q, head, alt))
				q[tail++] = (struct bfs_node){ .bkt = alt, .parent = head, .slot = i };
		}
	}
	if (head == tail)
		return 0;

	for (cur = head; q[cur].parent >= 0; cur = q[cur].parent) {
		struct hash_bucket *to = &h->buckets[q[cur].bkt];
		struct hash_bucket *from = &h->buckets[q[q[cur].parent].bkt];
		uint32_t from_i = q[cur].slot;

		entry_set(to, free_i, from->sig[from_i], from->key_idx[from_i]);
		__atomic_store_n(&h->tbl_chng_cnt, h->tbl_chng_cnt + 1, __ATOMIC_RELAXED);
		/* the counter change is visible before the key leaves from_i */
		__atomic_thread_fence(__ATOMIC_RELEASE);
		free_i = from_i;
	}
	entry_set(&h->buckets[q[cur].bkt], free_i, short_sig, idx);
	return 1;
}

/* Put the key in the chain of extendable buckets after bucket s. */
static int
ext_insert(struct rte_hash *h, uint32_t s, uint16_t short_sig, uint32_t idx)
{
	struct hash_bucket *b = &h->buckets[s], *nb;

	for (;;) {
		if (bucket_put(b, short_sig, idx))
			return 1;
		if (b->next == NULL)
			break;
		b = b->next;
	}
	if (h->ext_free_n == 0)
		return 0;
	nb = &h->ext_buckets[h->ext_free[--h->ext_free_n] - 1];
	memset(nb, 0, sizeof(*nb));
	entry_set(nb, 0, short_sig, idx);
	__atomic_store_n(&b->next, nb, __ATOMIC_RELEASE);
	return 1;
}

static int32_t
add_key(const struct rte_hash *hc, const void *key, hash_sig_t sig, void *data)
{
	struct rte_hash *h = (struct rte_hash *)(uintptr_t)hc;
	uint16_t short_sig = sig >> 16;
	uint32_t p = prim_bucket(h, sig);
	uint32_t s = alt_bucket(h, p, short_sig);
	struct entry_ref ref;
	struct hash_key *k;
	uint32_t idx;

	writer_lock(h);
	if (writer_find(h, key, sig, &ref)) {
		idx = ref.b->key_idx[ref.i];
		__atomic_store_n(&key_slot(h, idx)->pdata, data, __ATOMIC_RELEASE);
		writer_unlock(h);
		return (int32_t)idx - 1;
	}
	idx = slot_take(h);
	if (idx == 0) {
		writer_unlock(h);
		return -ENOSPC;
	}
	k = key_slot(h, idx);
	memcpy(k->key, key, h->key_len);
	__atomic_store_n(&k->pdata, data, __ATOMIC_RELAXED);

	if (bucket_put(&h->buckets[p], short_sig, idx) ||
			bucket_put(&h->buckets[s], short_sig, idx) ||
			cuckoo_insert(h, p, s, short_sig, idx) ||
			(h->ext_table && ext_insert(h, s, short_sig, idx))) {
		writer_unlock(h);
		return (int32_t)idx - 1;
	}
	/* the slot was never visible: give it back at the front, as if untouched */
	h->free_head = (h->free_head + h->entries - 1) % h->entries;
	h->free_slots[h->free_head] = idx;
	h->free_n++;
	writer_unlock(h);
	return -ENOSPC;
}

/* Unlink an extendable bucket that became empty; it is recycled with key slot idx. */
static void
ext_unlink_if_empty(struct rte_hash *h, struct hash_bucket *b, uint32_t s, uint32_t idx)
{
	struct hash_bucket *prev;
	unsigned int i;
	uint32_t ext;

	if (b < h->ext_buckets || b >= h->ext_buckets + h->num_buckets)
		return;
	for (i = 0; i < HASH_BUCKET_ENTRIES; i++)
		if (b->key_idx[i] != 0)
			return;
	for (prev = &h->buckets[s]; prev->next != b; prev = prev->next)
		;
	/* readers inside b still find their way on through b->next, which is kept */
	__atomic_store_n(&prev->next, b->next, __ATOMIC_RELEASE);
	ext = (uint32_t)(b - h->ext_buckets) + 1;
	if (h->lock_free || h->no_free_on_del || h->rcu_cfg != NULL)
		h->ext_to_free[idx] = ext;
	else
		h->ext_free[h->ext_free_n++] = ext;
}

static void
rcu_free_slots(void *p, void *e, unsigned int n)
{
	struct rte_hash *h = p;
	const uint32_t *idx = e;
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (h->rcu_cfg->free_key_data_func != NULL)
			h->rcu_cfg->free_key_data_func(h->rcu_cfg->key_data_ptr,
					key_slot(h, idx[i])->pdata);
		slot_release(h, idx[i]);
	}
}

static int32_t
del_key(const struct rte_hash *hc, const void *key, hash_sig_t sig)
{
	struct rte_hash *h = (struct rte_hash *)(uintptr_t)hc;
	uint32_t s = alt_bucket(h, prim_bucket(h, sig), sig >> 16);
	struct entry_ref ref;
	uint32_t idx;

	writer_lock(h);
	if (!writer_find(h, key, sig, &ref)) {
		writer_unlock(h);
		return -ENOENT;
	}
	idx = ref.b->key_idx[ref.i];
	__atomic_store_n(&ref.b->key_idx[ref.i], 0, __ATOMIC_RELEASE);
	__atomic_store_n(&ref.b->sig[ref.i], 0, __ATOMIC_RELAXED);
	ext_unlink_if_empty(h, ref.b, s, idx);

	if (h->rcu_cfg == NULL) {
		if (!h->no_free_on_del)
			slot_release(h, idx);
	} else if (h->dq != NULL) {
		if (rte_rcu_qsbr_dq_enqueue(h->dq, &idx) != 0) {
			/* queue full: wait for the readers right here rather than leak */
			rte_rcu_qsbr_synchronize(h->rcu_cfg->v, RTE_QSBR_THRID_INVALID);
			rcu_free_slots(h, &idx, 1);
		}
	} else {
		rte_rcu_qsbr_synchronize(h->rcu_cfg->v, RTE_QSBR_THRID_INVALID);
		rcu_free_slots(h, &idx, 1);
	}
	writer_unlock(h);
	return (int32_t)idx - 1;
}

static void
table_init(struct rte_hash *h)
{
	uint32_t i;

	memset(h->buckets, 0, sizeof(*h->buckets) * h->num_buckets);
	if (h->ext_table) {
		memset(h->ext_buckets, 0, sizeof(*h->ext_buckets) * h->num_buckets);
		for (i = 0; i < h->num_buckets; i++)
			h->ext_free[i] = h->num_buckets - i; /* bucket 1 is taken first */
		h->ext_free_n = h->num_buckets;
	}
	memset(h->ext_to_free, 0, sizeof(*h->ext_to_free) * (h->entries + 1));
	for (i = 0; i < h->entries; i++)
		h->free_slots[i] = i + 1;
	h->free_head = 0;
	h->free_n = h->entries;
}

static void
hash_mem_free(struct rte_hash *h)
{
	rte_free(h->buckets);
	rte_free(h->ext_buckets);
	rte_free(h->ext_free);
	rte_free(h->ext_to_free);
	rte_free(h->key_store);
	rte_free(h->free_slots);
	rte_free(h->rcu_cfg);
	rte_free(h);
}

struct rte_hash *
rte_hash_create(const struct rte_hash_parameters *params)
{
	struct rte_hash *h, *e;
	int sock;

	if (params == NULL) {
		RTE_LOG(ERR, HASH, "rte_hash_create: no parameters\n");
		rte_errno = EINVAL;
		return NULL;
	}
	if (params->name == NULL) {
		RTE_LOG(ERR, HASH, "rte_hash_create: no name\n");
		rte_errno = EINVAL;
		return NULL;
	}
	if (params->entries > RTE_HASH_ENTRIES_MAX ||
			params->entries < HASH_BUCKET_ENTRIES || params->key_len == 0) {
		RTE_LOG(ERR, HASH, "rte_hash_create %s: %u entries of %u-byte keys invalid\n",
			params->name, params->entries, params->key_len);
		rte_errno = EINVAL;
		return NULL;
	}
	if ((params->extra_flag & RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY) &&
			(params->extra_flag & RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF)) {
		RTE_LOG(ERR, HASH, "rte_hash_create %s: RW_CONCURRENCY and RW_CONCURRENCY_LF "
			"exclude each other\n", params->name);
		rte_errno = EINVAL;
		return NULL;
	}

	sock = params->socket_id;
	h = rte_zmalloc_socket("rte_hash", sizeof(*h), RTE_CACHE_LINE_SIZE, sock);
	if (h == NULL)
		goto nomem;
	strlcpy(h->name, params->name, sizeof(h->name));
	h->entries = params->entries;
	h->key_len = params->key_len;
	/* 16-byte slots: a 16-byte key and its data pointer never straddle two cache lines */
	h->key_entry_size = RTE_ALIGN_CEIL(sizeof(struct hash_key) + params->key_len, 16);
	h->num_buckets = rte_align32pow2(params->entries) / HASH_BUCKET_ENTRIES;
	h->bucket_mask = h->num_buckets - 1;
	/* NULL: the default function, this process's own copy of it (see rte_hash_hash) */
	h->hash_func = params->hash_func;
	h->hash_func_init_val = params->hash_func_init_val;
	hash_pick_cmp(h);
	h->ext_table = !!(params->extra_flag & RTE_HASH_EXTRA_FLAGS_EXT_TABLE);
	h->lock_free = !!(params->extra_flag & RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF);
	h->reader_lock = !!(params->extra_flag & RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY);
	h->writer_lock = h->reader_lock ||
		!!(params->extra_flag & RTE_HASH_EXTRA_FLAGS_MULTI_WRITER_ADD);
	h->no_free_on_del = h->lock_free ||
		!!(params->extra_flag & RTE_HASH_EXTRA_FLAGS_NO_FREE_ON_DEL);
	rte_rwlock_init(&h->rwlock);

	h->buckets = rte_zmalloc_socket("rte_hash_buckets",
		sizeof(*h->buckets) * h->num_buckets, RTE_CACHE_LINE_SIZE, sock);
	h->key_store = rte_zmalloc_socket("rte_hash_keys",
		(size_t)h->key_entry_size * (h->entries + 1), RTE_CACHE_LINE_SIZE, sock);
	h->free_slots = rte_zmalloc_socket("rte_hash_free",
		sizeof(uint32_t) * h->entries, 0, sock);
	h->ext_to_free = rte_zmalloc_socket("rte_hash_ext_free",
		sizeof(uint32_t) * (h->entries + 1), 0, sock);
	if (h->buckets == NULL || h->key_store == NULL || h->free_slots == NULL ||
			h->ext_to_free == NULL)
		goto nomem;
	if (h->ext_table) {
		h->ext_buckets = rte_zmalloc_socket("rte_hash_ext",
			sizeof(*h->ext_buckets) * h->num_buckets, RTE_CACHE_LINE_SIZE, sock);
		h->ext_free = rte_zmalloc_socket("rte_hash_ext_stack",
			sizeof(uint32_t) * h->num_buckets, 0, sock);
		if (h->ext_buckets == NULL || h->ext_free == NULL)
			goto nomem;
	}
	table_init(h);

	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(e, hash_list(), next)
		if (strncmp(e->name, h->name, RTE_HASH_NAMESIZE) == 0)
			break;
	if (e != NULL) {
		rte_mcfg_tailq_write_unlock();
		RTE_LOG(ERR, HASH, "rte_hash_create: a table named %s exists\n", params->name);
		hash_mem_free(h);
		rte_errno = EEXIST;
		return NULL;
	}
	TAILQ_INSERT_TAIL(hash_list(), h, next);
	rte_mcfg_tailq_write_unlock();
	return h;

nomem:
	RTE_LOG(ERR, HASH, "rte_hash_create %s: out of memory\n", params->name);
	if (h != NULL)
		hash_mem_free(h);
	rte_errno = ENOMEM;
	return NULL;
}

struct rte_hash *
rte_hash_find_existing(const char *name)
{
	struct rte_hash *h;

	if (name == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(h, hash_list(), next)
		if (strncmp(name, h->name, RTE_HASH_NAMESIZE) == 0)
			break;
	rte_mcfg_tailq_read_unlock();
	if (h == NULL)
		rte_errno = ENOENT;
	return h;
}

void
rte_hash_free(struct rte_hash *h)
{
	struct rte_hash *e;

	if (h == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(e, hash_list(), next)
		if (e == h)
			break;
	if (e == NULL) {
		rte_mcfg_tailq_write_unlock();
		RTE_LOG(ERR, HASH, "rte_hash_free: %p is not a hash table\n", (void *)h);
		return;
	}
	TAILQ_REMOVE(hash_list(), h, next);
	rte_mcfg_tailq_write_unlock();
	if (h->dq != NULL)
		rte_rcu_qsbr_dq_delete(h->dq);
	hash_mem_free(h);
}

void
rte_hash_set_cmp_func(struct rte_hash *h, rte_hash_cmp_eq_t func)
{
	if (h == NULL)
		return;
	h->cmp_func = func;
	if (func != NULL)
		h->cmp_kind = HASH_CMP_USER;
	else
		hash_pick_cmp(h);
}

void
rte_hash_reset(struct rte_hash *h)
{
	if (h == NULL)
		return;
	writer_lock(h);
	if (h->dq != NULL) {
		unsigned int pending = 0;

		rte_rcu_qsbr_dq_reclaim(h->dq, UINT32_MAX, NULL, &pending, NULL);
		if (pending != 0)
			RTE_LOG(ERR, HASH, "rte_hash_reset %s: %u deleted keys still in use\n",
				h->name, pending);
	}
	table_init(h);
	__atomic_fetch_add(&h->tbl_chng_cnt, 1, __ATOMIC_RELEASE);
	writer_unlock(h);
}

int32_t
rte_hash_count(const struct rte_hash *h)
{
	if (h == NULL)
		return -EINVAL;
	return (int32_t)(h->entries - __atomic_load_n(&h->free_n, __ATOMIC_RELAXED));
}

int32_t
rte_hash_max_key_id(const struct rte_hash *h)
{
	if (h == NULL)
		return -EINVAL;
	return (int32_t)h->entries;
}

hash_sig_t
rte_hash_hash(const struct rte_hash *h, const void *key)
{
	if (h->hash_func == NULL)
		return HASH_DEFAULT_FUNC(key, h->key_len, h->hash_func_init_val);
	return h->hash_func(key, h->key_len, h->hash_func_init_val);
}

int32_t
rte_hash_add_key_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return add_key(h, key, sig, NULL);
}

int32_t
rte_hash_add_key(const struct rte_hash *h, const void *key)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return add_key(h, key, rte_hash_hash(h, key), NULL);
}

int32_t
rte_hash_add_key_with_hash_data(const struct rte_hash *h, const void *key, hash_sig_t sig,
		void *data)
{
	int32_t ret;

	if (h == NULL || key == NULL)
		return -EINVAL;
	ret = add_key(h, key, sig, data);
	return ret >= 0 ? 0 : ret;
}

int
rte_hash_add_key_data(const struct rte_hash *h, const void *key, void *data)
{
	int32_t ret;

	if (h == NULL || key == NULL)
		return -EINVAL;
	ret = add_key(h, key, rte_hash_hash(h, key), data);
	return ret >= 0 ? 0 : ret;
}

int32_t
rte_hash_del_key_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return del_key(h, key, sig);
}

int32_t
rte_hash_del_key(const struct rte_hash *h, const void *key)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return del_key(h, key, rte_hash_hash(h, key));
}

int32_t
rte_hash_lookup_with_hash(const struct rte_hash *h, const void *key, hash_sig_t sig)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return lookup(h, key, sig, NULL);
}

int32_t
rte_hash_lookup(const struct rte_hash *h, const void *key)
{
	if (h == NULL || key == NULL)
		return -EINVAL;
	return lookup(h, key, rte_hash_hash(h, key), NULL);
}

int
rte_hash_lookup_with_hash_data(const struct rte_hash *h, const void *key, hash_sig_t sig,
		void **data)
{
	if (h == NULL || key == NULL || data == NULL)
		return -EINVAL;
	return lookup(h, key, sig, data);
}

int
rte_hash_lookup_data(const struct rte_hash *h, const void *key, void **data)
{
	if (h == NULL || key == NULL || data == NULL)
		return -EINVAL;
	return lookup(h, key, rte_hash_hash(h, key), data);
}

/* First entry of bucket b whose signature matches, or 0. */
static inline uint32_t
bucket_first_sig(const struct hash_bucket *b, uint16_t short_sig)
{
	uint32_t match = bucket_sig_match(b, short_sig);

	while (match != 0) {
		uint32_t idx = __atomic_load_n(&b->key_idx[rte_ctz32(match)], __ATOMIC_ACQUIRE);

		if (idx != 0)
			return idx;
		match &= match - 1;
	}
	return 0;
}

/*
 * Bulk lookup in stages, so that the cache misses of different keys overlap: hash every key
 * and prefetch its buckets; find a candidate entry by signature and prefetch its key; then
 * compare keys. Whatever the fast stages cannot settle (a signature shared by other keys,
 * a chain of extendable buckets, keys moved meanwhile) goes through the one-key lookup.
 */
/* how many keys ahead of the one being hashed a bulk lookup fetches the caller's keys */
#define HASH_KEY_PREFETCH_AHEAD 4u

static inline int
lookup_bulk(const struct rte_hash *h, const void **keys, const hash_sig_t *sigs, uint32_t n,
		int32_t *positions, uint64_t *hit_mask, void *data[])
{
	hash_sig_t hv[RTE_HASH_LOOKUP_BULK_MAX];
	uint32_t cand[RTE_HASH_LOOKUP_BULK_MAX];
	int32_t pos[RTE_HASH_LOOKUP_BULK_MAX];
	uint64_t hits = 0, unsure = 0;
	uint32_t i, cnt;
	int found = 0;

	/*
	 * Hashing the next key hides part of the wait for this key's buckets: a loop that only
	 * prefetched would stall once the CPU's outstanding misses (and page walks) are full.
	 * The keys themselves are the caller's, often just as cold: they are fetched a few
	 * ahead of their hashing.
	 */
	if (sigs == NULL)
		for (i = 0; i < RTE_MIN(n, HASH_KEY_PREFETCH_AHEAD); i++)
			rte_prefetch0(keys[i]);
	for (i = 0; i < n; i++) {
		uint32_t p;

		if (sigs == NULL && i + HASH_KEY_PREFETCH_AHEAD < n)
			rte_prefetch0(keys[i + HASH_KEY_PREFETCH_AHEAD]);
		if (sigs != NULL)
			hv[i] = sigs[i];
		else if (h->hash_func == NULL)
			hv[i] = HASH_DEFAULT_FUNC(keys[i], h->key_len, h->hash_func_init_val);
		else
			hv[i] = h->hash_func(keys[i], h->key_len, h->hash_func_init_val);
		p = prim_bucket(h, hv[i]);
		rte_prefetch0(&h->buckets[p]);
		rte_prefetch0(&h->buckets[alt_bucket(h, p, hv[i] >> 16)]);
	}
	reader_lock(h);
	cnt = __atomic_load_n(&h->tbl_chng_cnt, __ATOMIC_ACQUIRE);
	for (i = 0; i < n; i++) {
		uint16_t short_sig = hv[i] >> 16;
		uint32_t p = prim_bucket(h, hv[i]);
		const struct hash_bucket *sb = &h->buckets[alt_bucket(h, p, short_sig)];

		cand[i] = bucket_first_sig(&h->buckets[p], short_sig);
		if (cand[i] == 0)
			cand[i] = bucket_first_sig(sb, short_sig);
		if (cand[i] != 0)
			rte_prefetch0(key_slot(h, cand[i]));
		else if (__atomic_load_n(&sb->next, __ATOMIC_RELAXED) != NULL)
			unsure |= UINT64_C(1) << i;
	}
	for (i = 0; i < n; i++) {
		pos[i] = -ENOENT;
		if (cand[i] != 0 && hash_key_cmp(h, keys[i], key_slot(h, cand[i])->key) == 0) {
			pos[i] = (int32_t)cand[i] - 1;
			if (data != NULL)
				data[i] = __atomic_load_n(&key_slot(h, cand[i])->pdata,
					__ATOMIC_ACQUIRE);
		} else if (cand[i] != 0 || (unsure & (UINT64_C(1) << i))) {
			pos[i] = lookup_nolock(h, keys[i], hv[i], data != NULL ? &data[i] : NULL);
		}
	}
	if (h->lock_free) {
		/* a key moved during the stages above may have been missed: look again */
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (cnt != __atomic_load_n(&h->tbl_chng_cnt, __ATOMIC_RELAXED))
			for (i = 0; i < n; i++)
				if (pos[i] < 0)
					pos[i] = lookup_nolock(h, keys[i], hv[i],
						data != NULL ? &data[i] : NULL);
	}
	reader_unlock(h);
	for (i = 0; i < n; i++) {
		if (positions != NULL)
			positions[i] = pos[i];
		if (pos[i] >= 0) {
			hits |= UINT64_C(1) << i;
			found++;
		}
	}
	if (hit_mask != NULL)
		*hit_mask = hits;
	return found;
}

static inline int
bulk_args_bad(const struct rte_hash *h, const void **keys, uint32_t n, const void *out)
{
	return h == NULL || keys == NULL || n == 0 || n > RTE_HASH_LOOKUP_BULK_MAX || out == NULL;
}

int
rte_hash_lookup_bulk(const struct rte_hash *h, const void **keys, uint32_t num_keys,
		int32_t *positions)
{
	if (bulk_args_bad(h, keys, num_keys, positions))
		return -EINVAL;
	lookup_bulk(h, keys, NULL, num_keys, positions, NULL, NULL);
	return 0;
}

int
rte_hash_lookup_with_hash_bulk(const struct rte_hash *h, const void **keys, hash_sig_t *sig,
		uint32_t num_keys, int32_t *positions)
{
	if (bulk_args_bad(h, keys, num_keys, positions) || sig == NULL)
		return -EINVAL;
	lookup_bulk(h, keys, sig, num_keys, positions, NULL, NULL);
	return 0;
}

int
rte_hash_lookup_bulk_data(const struct rte_hash *h, const void **keys, uint32_t num_keys,
		uint64_t *hit_mask, void *data[])
{
	if (bulk_args_bad(h, keys, num_keys, hit_mask) || data == NULL)
		return -EINVAL;
	return lookup_bulk(h, keys, NULL, num_keys, NULL, hit_mask, data);
}

int
rte_hash_lookup_with_hash_bulk_data(const struct rte_hash *h, const void **keys,
		hash_sig_t *sig, uint32_t num_keys, uint64_t *hit_mask, void *data[])
{
	if (bulk_args_bad(h, keys, num_keys, hit_mask) || data == NULL || sig == NULL)
		return -EINVAL;
	return lookup_bulk(h, keys, sig, num_keys, NULL, hit_mask, data);
}

int
rte_hash_get_key_with_position(const struct rte_hash *h, const int32_t position, void **key)
{
	struct hash_key *k;

	if (h == NULL || key == NULL || position < 0 || (uint32_t)position >= h->entries)
		return -EINVAL;
	k = key_slot(h, (uint32_t)position + 1);
	*key = k->key;
	if (lookup(h, k->key, rte_hash_hash(h, k->key), NULL) != position)
		return -ENOENT;
	return 0;
}

int
rte_hash_free_key_with_position(const struct rte_hash *h, const int32_t position)
{
	struct rte_hash *hw = (struct rte_hash *)(uintptr_t)h;

	if (h == NULL || position < 0 || (uint32_t)position >= h->entries)
		return -EINVAL;
	writer_lock(hw);
	if (hw->free_n == hw->entries) {
		writer_unlock(hw);
		return -EINVAL;
	}
	slot_release(hw, (uint32_t)position + 1);
	writer_unlock(hw);
	return 0;
}

int32_t
rte_hash_iterate(const struct rte_hash *h, const void **key, void **data, uint32_t *next)
{
	uint32_t main_total, total, n;

	if (h == NULL || key == NULL || data == NULL || next == NULL)
		return -EINVAL;
	main_total = h->num_buckets * HASH_BUCKET_ENTRIES;
	total = h->ext_table ? 2 * main_total : main_total;
	for (n = *next; n < total; n++) {
		const struct hash_bucket *b = n < main_total ?
			&h->buckets[n / HASH_BUCKET_ENTRIES] :
			&h->ext_buckets[(n - main_total) / HASH_BUCKET_ENTRIES];
		uint32_t idx = __atomic_load_n(&b->key_idx[n % HASH_BUCKET_ENTRIES],
			__ATOMIC_ACQUIRE);

		if (idx != 0) {
			struct hash_key *k = key_slot(h, idx);

			*key = k->key;
			*data = __atomic_load_n(&k->pdata, __ATOMIC_ACQUIRE);
			*next = n + 1;
			return (int32_t)idx - 1;
		}
	}
	*next = n;
	return -ENOENT;
}

int
rte_hash_rcu_qsbr_add(struct rte_hash *h, struct rte_hash_rcu_config *cfg)
{
	struct rte_rcu_qsbr_dq_parameters params;
	char name[RTE_RCU_QSBR_DQ_NAMESIZE];
	struct rte_hash_rcu_config *c;

	if (h == NULL || cfg == NULL || cfg->v == NULL ||
			(cfg->mode != RTE_HASH_QSBR_MODE_DQ && cfg->mode != RTE_HASH_QSBR_MODE_SYNC)) {
		RTE_LOG(ERR, HASH, "rte_hash_rcu_qsbr_add: invalid table or configuration\n");
		rte_errno = EINVAL;
		return 1;
	}
	if (h->rcu_cfg != NULL) {
		RTE_LOG(ERR, HASH, "rte_hash_rcu_qsbr_add %s: RCU already added\n", h->name);
		rte_errno = EEXIST;
		return 1;
	}
	c = rte_zmalloc("rte_hash_rcu", sizeof(*c), 0);
	if (c == NULL) {
		rte_errno = ENOMEM;
		return 1;
	}
	*c = *cfg;
	if (c->max_reclaim_size == 0)
		c->max_reclaim_size = HASH_RCU_RECLAIM_MAX;
	if (c->mode == RTE_HASH_QSBR_MODE_DQ) {
		snprintf(name, sizeof(name), "HASH_RCU_%.*s", (int)sizeof(name) - 10, h->name);
		memset(&params, 0, sizeof(params));
		params.name = name;
		params.flags = RTE_RCU_QSBR_DQ_MT_UNSAFE; /* only writers, serialized, use it */
		params.size = c->dq_size != 0 ? c->dq_size : h->entries;
		params.esize = sizeof(uint32_t);
		params.trigger_reclaim_limit = c->trigger_reclaim_limit;
		params.max_reclaim_size = c->max_reclaim_size;
		params.free_fn = rcu_free_slots;
		params.p = h;
		params.v = c->v;
		h->dq = rte_rcu_qsbr_dq_create(&params);
		if (h->dq == NULL) {
			RTE_LOG(ERR, HASH, "rte_hash_rcu_qsbr_add %s: no defer queue\n", h->name);
			rte_free(c);
			return 1;
		}
	}
	h->rcu_cfg = c;
	return 0;
}
