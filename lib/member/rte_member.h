/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Membership library: set summaries that answer "which set does this key belong to?" without
 * storing the keys, in little memory and at the price of some wrong answers.
 *
 * - RTE_MEMBER_TYPE_HT: a table of buckets of 16-bit signatures, each with a set id in
 *   [1, 0x7fff]. Non-cache mode never forgets a key (no false negative) and may become full;
 *   cache mode overwrites older entries when a bucket pair is full (false negatives possible).
 *   False positives come from signature collisions.
 * - RTE_MEMBER_TYPE_VBF: a vector of up to 32 bloom filters, one per set, sized from the
 *   expected number of keys and the wanted false positive rate. No deletion.
 * - RTE_MEMBER_TYPE_SKETCH: a count-min sketch estimating how often each key was seen (or how
 *   many bytes), with the top-k heaviest keys kept; set id 1 means heavy, 0 light.
 *
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 */

#ifndef _RTE_MEMBER_H_
#define _RTE_MEMBER_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <stdbool.h>
#include <inttypes.h>

#include <rte_compat.h>
#include <rte_common.h>

/** Set id as stored in hash table summaries. */
typedef uint16_t member_set_t;
/** Set id meaning "in no set". */
#define RTE_MEMBER_NO_MATCH 0
/** Largest number of entries of a hash table summary. */
#define RTE_MEMBER_ENTRIES_MAX (1 << 30)
/** Largest number of keys of one bulk lookup. */
#define RTE_MEMBER_LOOKUP_BULK_MAX 64
/** Entries per bucket of a hash table summary. */
#define RTE_MEMBER_BUCKET_ENTRIES 16
/** Size of a summary name, terminating NUL included. */
#define RTE_MEMBER_NAMESIZE 32
/** Largest value rte_rand() returns. */
#define RTE_RAND_MAX      ~0LLU
/**
 * Sketch flag: count every key exactly until the estimates are within the error bound, and
 * only then start sampling, so that the bound holds from the start.
 */
#define RTE_MEMBER_SKETCH_ALWAYS_BOUNDED 0x01
/** Sketch flag: count bytes (rte_member_add_byte_count()) instead of keys. */
#define RTE_MEMBER_SKETCH_COUNT_BYTE 0x02

#if defined(RTE_ARCH_X86) || defined(__ARM_FEATURE_CRC32)
#include <rte_hash_crc.h>
/** Hash function of the library. */
#define MEMBER_HASH_FUNC       rte_hash_crc
#else
#include <rte_jhash.h>
/** Hash function of the library. */
#define MEMBER_HASH_FUNC       rte_jhash
#endif

/** Log type of the library. */
extern int librte_member_logtype;

/** Log a message of the library, prefixed with the function name. */
#define RTE_MEMBER_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, \
		librte_member_logtype, \
		RTE_FMT("%s(): " RTE_FMT_HEAD(__VA_ARGS__,), \
			__func__, \
			RTE_FMT_TAIL(__VA_ARGS__,)))

/** Set summary. */
struct rte_member_setsum;

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Parameters of rte_member_create().
 */
struct rte_member_parameters;

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Kinds of set summary.
 */
enum rte_member_setsum_type {
	RTE_MEMBER_TYPE_HT = 0,  /**< Hash table of signatures. */
	RTE_MEMBER_TYPE_VBF,     /**< Vector of bloom filters. */
	RTE_MEMBER_TYPE_SKETCH,  /**< Count-min sketch with top-k. */
	RTE_MEMBER_NUM_TYPE      /**< Number of types. */
};

/** Signature comparison variants. */
enum rte_member_sig_compare_function {
	RTE_MEMBER_COMPARE_SCALAR = 0, /**< Plain C. */
	RTE_MEMBER_COMPARE_AVX2,       /**< AVX2 (not used by this implementation). */
	RTE_MEMBER_COMPARE_NUM         /**< Number of variants. */
};

/** Adds count to the counters of a key. */
typedef void (*sketch_update_fn_t)(const struct rte_member_setsum *ss,
				   const void *key,
				   uint32_t count);

/** Estimated count of a key. */
typedef uint64_t (*sketch_lookup_fn_t)(const struct rte_member_setsum *ss,
				       const void *key);

/** Clears the counters of a key. */
typedef void (*sketch_delete_fn_t)(const struct rte_member_setsum *ss,
				   const void *key);

/** Set summary; the layout is DPDK's, applications should not touch it. */
struct rte_member_setsum {
	enum rte_member_setsum_type type; /**< kind of summary */
	uint32_t key_len;		/**< bytes hashed per key */
	uint32_t prim_hash_seed;	/**< seed of the first hash */
	uint32_t sec_hash_seed;		/**< seed of the second hash */

	/* hash table */
	uint32_t bucket_cnt;		/**< buckets, a power of two */
	uint32_t bucket_mask;		/**< bucket_cnt - 1 */
	enum rte_member_sig_compare_function sig_cmp_fn; /**< always scalar here */
	uint8_t cache;			/**< 1 for cache mode */

	/* vector of bloom filters */
	uint32_t num_set;		/**< filters */
	uint32_t bits;			/**< bits per filter */
	uint32_t bit_mask;		/**< bits - 1 */
	uint32_t num_hashes;		/**< bits tested per key */

	/* sketch */
	float error_rate; /**< sketch: relative error of the counts */
	float sample_rate; /**< sketch: fraction of row updates made */
	uint32_t num_col; /**< sketch: counters per row */
	uint32_t num_row; /**< sketch: rows */
	int always_bounded; /**< sketch: exact counting until converged */
	double converge_thresh; /**< sketch: keys counted exactly before sampling */
	uint32_t topk; /**< sketch: heavy hitters kept */
	uint32_t count_byte; /**< sketch: counts bytes, not keys */
	uint64_t *hash_seeds; /**< sketch: one seed per row */
	sketch_update_fn_t sketch_update; /**< sketch: add to the counters of a key */
	sketch_lookup_fn_t sketch_lookup; /**< sketch: estimate of a key */
	sketch_delete_fn_t sketch_delete; /**< sketch: clear the counters of a key */

	void *runtime_var; /**< sketch: heap and sampling state */
	uint32_t mul_shift;  /**< vbf: log2(num_set) */
	uint32_t div_shift;  /**< vbf: log2(32 / num_set) */

	void *table;	/**< buckets, filter words or counters */


	/* second cache line */
	uint32_t socket_id; /**< NUMA socket of the memory */
	char name[RTE_MEMBER_NAMESIZE]; /**< name of the summary */
#ifdef RTE_ARCH_X86
	bool use_avx512; /**< sketch: AVX-512 variant (not used here) */
#endif
} __rte_cache_aligned;

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * What rte_member_create() builds.
 */
struct rte_member_parameters {
	const char *name;			/**< Unique name. */

	/** Kind of summary, one of enum rte_member_setsum_type. */
	enum rte_member_setsum_type type;

	/**
	 * HT only: 1 for cache mode (a full bucket pair overwrites an entry, recent keys win),
	 * 0 for non-cache mode (a key stays until deleted, adds fail with -ENOSPC when full).
	 */
	uint8_t is_cache;

	/**
	 * HT: number of entries (at least RTE_MEMBER_BUCKET_ENTRIES, rounded up to a power of
	 * two). VBF: expected number of keys over all sets, used with false_positive_rate to
	 * size the filters.
	 */
	uint32_t num_keys;

	/** Bytes hashed per key; keys are not stored, so long keys cost no memory. */
	uint32_t key_len;

	/** VBF only: number of sets (filters), a power of two up to 32. */
	uint32_t num_set;

	/**
	 * VBF only: wanted probability, with num_keys keys inserted, that a key of no set
	 * matches a set; in (0, 1). The HT false positive rate follows from its size: about
	 * 2 * RTE_MEMBER_BUCKET_ENTRIES / 2^16 per lookup when full.
	 */
	float false_positive_rate;

	/** Seed of the first hash (HT signature and bucket, VBF positions). */
	uint32_t prim_hash_seed;

	/** Seed of the second hash; must differ from the first. */
	uint32_t sec_hash_seed;

	/** Sketch only: relative error of the counts (of the total count), in (0, 1). */
	float error_rate;

	/** Sketch only: fraction of counter updates actually made, in (0, 1]. */
	float sample_rate;

	/** Sketch only: number of heaviest keys kept for rte_member_report_heavyhitter(). */
	uint32_t top_k;

	/** Sketch only: RTE_MEMBER_SKETCH_* flags. */
	uint32_t extra_flag;

	int socket_id;			/**< NUMA socket of the memory. */
} __rte_cache_aligned;

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Find a summary by name.
 *
 * @return
 *   The summary, or NULL with rte_errno ENOENT (EINVAL for a NULL name).
 */
struct rte_member_setsum *
rte_member_find_existing(const char *name);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Create a summary.
 *
 * @return
 *   The summary, or NULL with rte_errno EINVAL (bad parameters), EEXIST (name taken) or
 *   ENOMEM.
 */
struct rte_member_setsum *
rte_member_create(const struct rte_member_parameters *params);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Look a key up, stopping at the first match.
 *
 * @param setsum
 *   The summary.
 * @param key
 *   The key, key_len bytes.
 * @param set_id
 *   The set found, or RTE_MEMBER_NO_MATCH. Sketch: 1 when the key counts as heavy, else 0.
 * @return
 *   1 on a match, 0 otherwise, -EINVAL for a NULL argument.
 */
int
rte_member_lookup(const struct rte_member_setsum *setsum, const void *key,
			member_set_t *set_id);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * rte_member_lookup() of num_keys keys (HT and VBF).
 *
 * @return
 *   Number of keys that matched, -EINVAL for a bad argument.
 */
int
rte_member_lookup_bulk(const struct rte_member_setsum *setsum,
			const void **keys, uint32_t num_keys,
			member_set_t *set_ids);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Every set a key matches, at most max_match_per_key of them (HT and VBF; a cache mode
 * table holds at most one).
 *
 * @return
 *   Number of matches written to set_id, -EINVAL for a bad argument.
 */
int
rte_member_lookup_multi(const struct rte_member_setsum *setsum,
		const void *key, uint32_t max_match_per_key,
		member_set_t *set_id);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * rte_member_lookup_multi() of num_keys keys: match_count[i] matches of key i are in
 * set_ids[i * max_match_per_key ...].
 *
 * @return
 *   Number of keys with at least one match, -EINVAL for a bad argument.
 */
int
rte_member_lookup_multi_bulk(const struct rte_member_setsum *setsum,
		const void **keys, uint32_t num_keys,
		uint32_t max_match_per_key,
		uint32_t *match_count,
		member_set_t *set_ids);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Add a key to a set.
 *
 * @param setsum
 *   The summary.
 * @param key
 *   The key, key_len bytes.
 * @param set_id
 *   HT: [1, 0x7fff]. VBF: [1, num_set]. Sketch: ignored (the key is counted once).
 * @return
 *   0 on success; 1 when HT had to move (non-cache) or overwrite (cache) another entry;
 *   -ENOSPC when a non-cache HT is full; -EINVAL for a bad argument or set id.
 */
int
rte_member_add(const struct rte_member_setsum *setsum, const void *key,
			member_set_t set_id);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Count byte_count bytes for a key of a byte-counting sketch.
 *
 * @return
 *   0, or -EINVAL for a bad argument, a zero byte count or another kind of summary.
 */
__rte_experimental
int
rte_member_add_byte_count(const struct rte_member_setsum *setsum,
			  const void *key, uint32_t byte_count);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Estimated count (keys or bytes) of a key in a sketch.
 *
 * @return
 *   0, or -EINVAL for a bad argument or another kind of summary.
 */
__rte_experimental
int
rte_member_query_count(const struct rte_member_setsum *setsum,
		       const void *key, uint64_t *count);


/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * The heaviest keys of a sketch, heaviest first: keys[i] points to a copy kept by the
 * sketch (valid until the next change), counts[i] is its estimated count. Both arrays need
 * room for top_k entries.
 *
 * @return
 *   Number of keys reported, or -EINVAL for a bad argument or another kind of summary.
 */
__rte_experimental
int
rte_member_report_heavyhitter(const struct rte_member_setsum *setsum,
			      void **keys, uint64_t *counts);


/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Free a summary; NULL is ignored.
 */
void
rte_member_free(struct rte_member_setsum *setsum);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Empty a summary: every set and count back to nothing.
 */
void
rte_member_reset(const struct rte_member_setsum *setsum);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Remove a key from a set. HT needs the set id (another key may share the signature);
 * a sketch forgets the key's counts and drops it from the top-k. VBF cannot delete.
 *
 * @return
 *   0 on success, -ENOENT when not found (sketch: -1 when the key is not a heavy hitter),
 *   -EINVAL for a bad argument or a VBF.
 */
int
rte_member_delete(const struct rte_member_setsum *setsum, const void *key,
			member_set_t set_id);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMBER_H_ */
