/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Toeplitz hash, as NICs compute it for RSS: the software version gives the same value as
 * the hardware for the same key and tuple, e.g. to predict the queue of a flow. Tuples are
 * arrays of 32-bit words in host order (see union rte_thash_tuple).
 */
#ifndef _RTE_THASH_H
#define _RTE_THASH_H

#ifdef __cplusplus
extern "C" {
#endif

#include <stdint.h>
#include <string.h>

#include <rte_compat.h>
#include <rte_byteorder.h>
#include <rte_ip.h>
#include <rte_common.h>
#include <rte_thash_gfni.h>

/** Words of an IPv4 tuple without ports. */
#define RTE_THASH_V4_L3_LEN	((sizeof(struct rte_ipv4_tuple) -	\
			sizeof(((struct rte_ipv4_tuple *)0)->sctp_tag)) / 4)

/** Words of an IPv4 tuple with ports. */
#define RTE_THASH_V4_L4_LEN	 ((sizeof(struct rte_ipv4_tuple)) / 4)

/** Words of an IPv6 tuple without ports. */
#define RTE_THASH_V6_L3_LEN	((sizeof(struct rte_ipv6_tuple) -       \
			sizeof(((struct rte_ipv6_tuple *)0)->sctp_tag)) / 4)

/** Words of an IPv6 tuple with ports. */
#define RTE_THASH_V6_L4_LEN	((sizeof(struct rte_ipv6_tuple)) / 4)

/** IPv4 tuple, host order. */
struct rte_ipv4_tuple {
	uint32_t	src_addr; /**< source address */
	uint32_t	dst_addr; /**< destination address */
	RTE_STD_C11
	union {
		struct {
			uint16_t dport; /**< destination port */
			uint16_t sport; /**< source port */
		};
		uint32_t        sctp_tag; /**< SCTP verification tag */
	}; /**< ports or SCTP tag */
};

/** IPv6 tuple: addresses as four host-order words each (rte_thash_load_v6_addrs). */
struct rte_ipv6_tuple {
	uint8_t		src_addr[16]; /**< source address, host-order words */
	uint8_t		dst_addr[16]; /**< destination address, host-order words */
	RTE_STD_C11
	union {
		struct {
			uint16_t dport; /**< destination port */
			uint16_t sport; /**< source port */
		};
		uint32_t        sctp_tag; /**< SCTP verification tag */
	}; /**< ports or SCTP tag */
};

/** Either tuple. */
union rte_thash_tuple {
	struct rte_ipv4_tuple	v4; /**< IPv4 */
	struct rte_ipv6_tuple	v6; /**< IPv6 */
#ifdef RTE_ARCH_X86
} __rte_aligned(16);
#else
};
#endif

/**
 * Convert an RSS key from bytes (as NICs take it) to host-order words, for rte_softrss_be().
 *
 * @param orig
 *   Key as given to the NIC.
 * @param targ
 *   Output.
 * @param len
 *   Key length in bytes.
 */
static inline void
rte_convert_rss_key(const uint32_t *orig, uint32_t *targ, int len)
{
	int i;

	for (i = 0; i < (len >> 2); i++)
		targ[i] = rte_be_to_cpu_32(orig[i]);
}

/**
 * Copy the addresses of an IPv6 header into a tuple, as host-order words.
 *
 * @param orig
 *   IPv6 header.
 * @param targ
 *   Tuple.
 */
static inline void
rte_thash_load_v6_addrs(const struct rte_ipv6_hdr *orig, union rte_thash_tuple *targ)
{
	uint32_t w;
	int i;

	for (i = 0; i < 4; i++) {
		memcpy(&w, &orig->src_addr[4 * i], sizeof(w));
		w = rte_be_to_cpu_32(w);
		memcpy(&targ->v6.src_addr[4 * i], &w, sizeof(w));
		memcpy(&w, &orig->dst_addr[4 * i], sizeof(w));
		w = rte_be_to_cpu_32(w);
		memcpy(&targ->v6.dst_addr[4 * i], &w, sizeof(w));
	}
}

/**
 * @internal Toeplitz hash of host-order words with a key of host-order words: every set
 * bit of the input, at bit offset n from the start, XORs in the 32 key bits from offset n.
 */
static inline uint32_t
__rte_softrss_words(const uint32_t *input_tuple, uint32_t input_len, const uint8_t *rss_key,
		int key_be)
{
	uint32_t j, ret = 0;

	for (j = 0; j < input_len; j++) {
		uint32_t k0, k1, map;

		memcpy(&k0, rss_key + 4 * j, sizeof(k0));
		memcpy(&k1, rss_key + 4 * (j + 1), sizeof(k1));
		if (key_be) {
			k0 = rte_be_to_cpu_32(k0);
			k1 = rte_be_to_cpu_32(k1);
		}
		for (map = input_tuple[j]; map != 0; map &= map - 1) {
			uint32_t bit = 31 - rte_bsf32(map); /* from the word's most significant bit */
			uint64_t window = ((uint64_t)k0 << 32) | k1;

			ret ^= (uint32_t)(window >> (32 - bit));
		}
	}
	return ret;
}

/**
 * Toeplitz hash with the key as given to the NIC (bytes). The key must have 4 bytes more
 * than the tuple.
 *
 * @param input_tuple
 *   Tuple, host-order words.
 * @param input_len
 *   Tuple length in 32-bit words.
 * @param rss_key
 *   RSS key.
 * @return
 *   The hash.
 */
static inline uint32_t
rte_softrss(uint32_t *input_tuple, uint32_t input_len, const uint8_t *rss_key)
{
	return __rte_softrss_words(input_tuple, input_len, rss_key, 1);
}

/**
 * Toeplitz hash with a key converted by rte_convert_rss_key() (faster).
 *
 * @param input_tuple
 *   Tuple, host-order words.
 * @param input_len
 *   Tuple length in 32-bit words.
 * @param rss_key
 *   Converted RSS key.
 * @return
 *   The hash.
 */
static inline uint32_t
rte_softrss_be(uint32_t *input_tuple, uint32_t input_len, const uint8_t *rss_key)
{
	return __rte_softrss_words(input_tuple, input_len, rss_key, 0);
}

/**
 * Whether rte_thash_gfni() works here.
 *
 * @return
 *   1 if so, 0 otherwise (always 0 in this build).
 */
__rte_experimental
int
rte_thash_gfni_supported(void);

/**
 * Build the GFNI matrices of a key: for each key byte i, eight bytes, byte j holding the 8
 * key bits that start at bit 8 * i + j (the key read as a ring).
 *
 * @param matrixes
 *   Receives size matrices (size * 8 bytes).
 * @param rss_key
 *   The key.
 * @param size
 *   Key length in bytes.
 */
__rte_experimental
void
rte_thash_complete_matrix(uint64_t *matrixes, const uint8_t *rss_key,
	int size);

/** Smallest RSS redirection table, as log2 of its size. */
#define	RTE_THASH_RETA_SZ_MIN	2U
/** Largest RSS redirection table, as log2 of its size. */
#define	RTE_THASH_RETA_SZ_MAX	16U

/** Context flag: let the generated sequence wrap. */
#define RTE_THASH_IGNORE_PERIOD_OVERFLOW	0x1
/** Context flag: use the shortest sequence. */
#define RTE_THASH_MINIMAL_SEQ			0x2

/** Toeplitz hash context: a key and what it serves. */
struct rte_thash_ctx;
/** Part of a tuple whose bits can be changed to reach a wanted hash. */
struct rte_thash_subtuple_helper;


/**
 * Create a Toeplitz hash context.
 *
 * @param name
 *   Unique name.
 * @param key_len
 *   Key length in bytes (not 0).
 * @param reta_sz
 *   log2 of the redirection table size, RTE_THASH_RETA_SZ_MIN .. RTE_THASH_RETA_SZ_MAX.
 * @param key
 *   Initial key, or NULL for a random one.
 * @param flags
 *   RTE_THASH_* flags.
 * @return
 *   The context, or NULL with rte_errno set: EINVAL, EEXIST or ENOMEM.
 */
__rte_experimental
struct rte_thash_ctx *
rte_thash_init_ctx(const char *name, uint32_t key_len, uint32_t reta_sz,
	uint8_t *key, uint32_t flags);

/**
 * Find a context by name.
 *
 * @param name
 *   Name.
 * @return
 *   The context, or NULL with rte_errno set to ENOENT.
 */
__rte_experimental
struct rte_thash_ctx *
rte_thash_find_existing(const char *name);

/**
 * Free a context. NULL is ignored.
 *
 * @param ctx
 *   Context.
 */
__rte_experimental
void
rte_thash_free_ctx(struct rte_thash_ctx *ctx);

/**
 * Make the bits of a subtuple able to steer the low bits (as many as log2 of the
 * redirection table) of the hash: rewrites the key bits under the subtuple with a
 * maximal-length LFSR sequence, leaving bits written by earlier helpers as they are. Program
 * the key (rte_thash_get_key()) into the NIC afterwards. Not thread-safe.
 *
 * @param ctx
 *   Context.
 * @param name
 *   Name of the helper, unique in the context.
 * @param len
 *   Subtuple length in bits, at least the reta_sz of rte_thash_init_ctx().
 * @param offset
 *   Subtuple position in bits from the start of the tuple.
 * @return
 *   0 on success; -EINVAL for a NULL argument, a len below reta_sz or a subtuple whose key
 *   bits run past the key; -EEXIST if the name is taken or the key bits of existing
 *   helpers leave too few usable subtuple bits; -ENOSPC when the sequence needs more bits
 *   than its period (2^reta_sz - 1) without RTE_THASH_IGNORE_PERIOD_OVERFLOW; -ENOMEM.
 */
__rte_experimental
int
rte_thash_add_helper(struct rte_thash_ctx *ctx, const char *name, uint32_t len,
	uint32_t offset);

/**
 * Find a helper of a context by name.
 *
 * @param ctx
 *   Context.
 * @param name
 *   Name of the helper.
 * @return
 *   The helper, or NULL if there is none of that name.
 */
__rte_experimental
struct rte_thash_subtuple_helper *
rte_thash_get_helper(struct rte_thash_ctx *ctx, const char *name);

/**
 * The bits to flip in a subtuple so that its tuple's hash gets the low bits of
 * desired_hash. Thread-safe.
 *
 * @param h
 *   Helper.
 * @param hash
 *   Current hash of the tuple.
 * @param desired_hash
 *   Hash whose low bits are wanted.
 * @return
 *   Value to XOR into the subtuple read as a big-endian number (its last bit is bit 0).
 */
__rte_experimental
uint32_t
rte_thash_get_complement(struct rte_thash_subtuple_helper *h,
	uint32_t hash, uint32_t desired_hash);

/**
 * The key of a context.
 *
 * @param ctx
 *   Context.
 * @return
 *   The key (key_len bytes).
 */
__rte_experimental
const uint8_t *
rte_thash_get_key(struct rte_thash_ctx *ctx);

/**
 * The GFNI matrices of a context's key.
 *
 * @param ctx
 *   Context.
 * @return
 *   NULL when GFNI is not supported (always, in this build).
 */
__rte_experimental
const uint64_t *
rte_thash_get_gfni_matrices(struct rte_thash_ctx *ctx);

/**
 * Tells rte_thash_adjust_tuple() whether a proposed tuple can be used (typically: whether
 * it is free in some table).
 *
 * @param userdata
 *   As given to rte_thash_adjust_tuple().
 * @param tuple
 *   Proposed tuple.
 * @return
 *   1 to accept the tuple, 0 to ask for another.
 */
typedef int (*rte_thash_check_tuple_t)(void *userdata, uint8_t *tuple);

/**
 * Change the subtuple bits of a tuple so that its hash has the low bits of desired_value.
 * With fn, each candidate is offered to it; a rejected one is changed in the subtuple bits
 * the adjustment does not use and adjusted again, up to attempts times. Thread-safe.
 *
 * @param ctx
 *   Context.
 * @param h
 *   Helper of the context.
 * @param tuple
 *   Tuple in network byte order, changed in place.
 * @param tuple_len
 *   Tuple length in bytes, a multiple of 4, at least 4 less than the key.
 * @param desired_value
 *   Hash whose low bits are wanted.
 * @param attempts
 *   Candidates offered to fn at most (at least 1).
 * @param fn
 *   Check of a candidate, or NULL to take the first.
 * @param userdata
 *   Passed to fn.
 * @return
 *   0 on success; -EINVAL for a NULL argument, a bad tuple_len, a subtuple outside the
 *   tuple or 0 attempts; -EEXIST when fn rejected every candidate.
 */
__rte_experimental
int
rte_thash_adjust_tuple(struct rte_thash_ctx *ctx,
	struct rte_thash_subtuple_helper *h,
	uint8_t *tuple, unsigned int tuple_len,
	uint32_t desired_value, unsigned int attempts,
	rte_thash_check_tuple_t fn, void *userdata);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_THASH_H */
