/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Subtuple helpers: make part of a tuple able to steer the low bits of its Toeplitz hash.
 *
 * Flipping tuple bit t changes the hash by the 32 key bits starting at key bit t, so its
 * effect on the n low hash bits (n = log2 of the redirection table) is key bits t + 32 - n
 * .. t + 31, an n-bit vector. A helper writes the key bits under its subtuple as a maximal
 * length LFSR sequence: consecutive n-bit windows of such a sequence are consecutive LFSR
 * states, and n of them are linearly independent. Any change of the n low hash bits is then
 * a combination of n subtuple bits, precomputed per unit change by Gaussian elimination.
 *
 * Bits are numbered as the hash reads them: bit 0 is the most significant bit of byte 0.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <string.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_random.h>
#include <rte_string_fns.h>

#include "rte_thash.h"
#include "thash_private.h"

/* The hash is 32 bits wide: each tuple bit sees a 32-bit slice of the key. */
#define THASH_WIDTH 32
/* Fillings of a helper's key bits tried before giving up (the last ones random). */
#define THASH_FILL_TRIES 32

struct rte_thash_subtuple_helper {
	TAILQ_ENTRY(rte_thash_subtuple_helper) next;
	char name[THASH_NAMESIZE];
	uint32_t tuple_offset;   /* first subtuple bit */
	uint32_t tuple_len;      /* subtuple bits */
	uint32_t key_start;      /* key bits written: key_start .. key_end - 1 */
	uint32_t key_end;
	uint32_t lsb_mask;       /* the hash bits a helper controls */
	/* Complement values use the last (up to) 32 subtuple bits, its last bit as bit 0. */
	uint32_t pivot_mask;     /* bits used by the complements */
	uint32_t value_mask;     /* all usable bits: min(tuple_len, 32) low bits */
	uint32_t unit[RTE_THASH_RETA_SZ_MAX]; /* complement changing only hash bit k */
};

/* Taps of x^n + sum(x^tap) + 1, a primitive polynomial of each degree n (mask of taps). */
static const uint16_t thash_lfsr_taps[RTE_THASH_RETA_SZ_MAX + 1] = {
	[2] = 1u << 1, [3] = 1u << 1, [4] = 1u << 1, [5] = 1u << 2, [6] = 1u << 1,
	[7] = 1u << 1, [8] = (1u << 4) | (1u << 3) | (1u << 2), [9] = 1u << 4,
	[10] = 1u << 3, [11] = 1u << 2, [12] = (1u << 6) | (1u << 4) | (1u << 1),
	[13] = (1u << 4) | (1u << 3) | (1u << 1), [14] = (1u << 5) | (1u << 3) | (1u << 1),
	[15] = 1u << 1, [16] = (1u << 5) | (1u << 3) | (1u << 2),
};

static inline unsigned int
bit_get(const uint8_t *bytes, uint32_t pos)
{
	return (bytes[pos / CHAR_BIT] >> (CHAR_BIT - 1 - pos % CHAR_BIT)) & 1;
}

static inline void
bit_set(uint8_t *bytes, uint32_t pos, unsigned int val)
{
	uint8_t mask = (uint8_t)(0x80u >> (pos % CHAR_BIT));

	if (val)
		bytes[pos / CHAR_BIT] |= mask;
	else
		bytes[pos / CHAR_BIT] &= (uint8_t)~mask;
}

/* The n low hash bits that flipping tuple bit t changes. */
static uint32_t
thash_effect(const struct rte_thash_ctx *ctx, uint32_t t)
{
	uint32_t v = 0, k;

	for (k = 0; k < ctx->reta_sz_log; k++)
		v |= (uint32_t)bit_get(ctx->key, t + THASH_WIDTH - 1 - k) << k;
	return v;
}

static bool
thash_effect_fixed(const struct rte_thash_ctx *ctx, uint32_t t)
{
	uint32_t k;

	for (k = 0; k < ctx->reta_sz_log; k++)
		if (!bit_get(ctx->owned, t + THASH_WIDTH - 1 - k))
			return false;
	return true;
}

/* How the key bits no helper owns are filled, tried in this order until one works. */
enum thash_fill {
	THASH_FILL_FORWARD,   /* continue the sequence of the bits before */
	THASH_FILL_BACKWARD,  /* run the sequence back from the bits after */
	THASH_FILL_RANDOM,    /* random bits: when both neighbours are other helpers' */
};

/* The recurrence of the sequence, over bits p - n .. p - 1 (forward) or p + 1 .. p + n. */
static unsigned int
thash_lfsr_next(const struct rte_thash_ctx *ctx, uint32_t p, bool forward)
{
	uint32_t n = ctx->reta_sz_log, taps = thash_lfsr_taps[n];
	uint32_t k, state = 0, first = forward ? p - n : p + 1;
	unsigned int bit;

	/* state bit k is key bit first + k: s[i + n] = s[i] + sum of s[i + tap] */
	for (k = 0; k < n; k++)
		state |= (uint32_t)bit_get(ctx->key, first + k) << k;
	if (state == 0)
		return 1;       /* the all-zero state would repeat forever */
	if (forward) {
		bit = state & 1;
		for (k = 1; k < n; k++)
			bit ^= (state >> k) & 1 & (taps >> k);
	} else {
		/* solve the same relation for its oldest bit: s[i] = s[i + n] + taps */
		bit = (state >> (n - 1)) & 1;
		for (k = 1; k < n; k++)
			bit ^= (state >> (k - 1)) & 1 & (taps >> k);
	}
	return bit;
}

/* Write the key bits start .. end - 1 that no helper owns. */
static void
thash_fill(struct rte_thash_ctx *ctx, uint32_t start, uint32_t end, enum thash_fill how)
{
	uint32_t n = ctx->reta_sz_log, bits = ctx->key_len * CHAR_BIT, p;

	switch (how) {
	case THASH_FILL_FORWARD:
		for (p = start; p < end; p++)
			if (!bit_get(ctx->owned, p) && p >= n)
				bit_set(ctx->key, p, thash_lfsr_next(ctx, p, true));
		break;
	case THASH_FILL_BACKWARD:
		for (p = end; p-- > start;)
			if (!bit_get(ctx->owned, p) && p + n < bits)
				bit_set(ctx->key, p, thash_lfsr_next(ctx, p, false));
		break;
	case THASH_FILL_RANDOM:
		for (p = start; p < end; p++)
			if (!bit_get(ctx->owned, p))
				bit_set(ctx->key, p, (unsigned int)rte_rand() & 1);
		break;
	}
}

/*
 * Pick n subtuple bits among the last 32 whose effects are independent and fixed, and
 * precompute the complement of each unit change. False when there are not n of them.
 */
static bool
thash_solve(const struct rte_thash_ctx *ctx, struct rte_thash_subtuple_helper *h)
{
	uint32_t vec[RTE_THASH_RETA_SZ_MAX], comb[RTE_THASH_RETA_SZ_MAX];
	uint32_t n = ctx->reta_sz_log, rank = 0, b, k, v, c, last;
	bool have[RTE_THASH_RETA_SZ_MAX] = { false };

	last = h->tuple_offset + h->tuple_len - 1;
	for (b = 0; b < h->tuple_len && b < THASH_WIDTH && rank < n; b++) {
		if (!thash_effect_fixed(ctx, last - b))
			continue;
		v = thash_effect(ctx, last - b);
		c = 1u << b;
		/* reduce by the rows kept so far, each owning its highest bit */
		for (k = n; k-- > 0;) {
			if (!(v & (1u << k)) || !have[k])
				continue;
			v ^= vec[k];
			c ^= comb[k];
		}
		if (v == 0)
			continue;
		k = 31 - (uint32_t)__builtin_clz(v);
		vec[k] = v;
		comb[k] = c;
		have[k] = true;
		h->pivot_mask |= 1u << b;
		rank++;
	}
	if (rank < n)
		return false;
	for (b = 0; b < n; b++) {
		v = 1u << b;
		c = 0;
		for (k = n; k-- > 0;) {
			if (v & (1u << k)) {
				v ^= vec[k];
				c ^= comb[k];
			}
		}
		h->unit[b] = c;
	}
	return true;
}

int
rte_thash_add_helper(struct rte_thash_ctx *ctx, const char *name, uint32_t len,
	uint32_t offset)
{
	struct rte_thash_subtuple_helper *h, *cur;
	uint32_t n, start, end, p, try, fresh = 0;
	uint8_t *saved;

	if (ctx == NULL || name == NULL || len < ctx->reta_sz_log ||
			(uint64_t)offset + len + THASH_WIDTH - 1 > (uint64_t)ctx->key_len * CHAR_BIT) {
		RTE_LOG(ERR, HASH, "rte_thash_add_helper %s: subtuple of %u bits at bit %u "
			"does not fit the context\n", name != NULL ? name : "(null)", len, offset);
		return -EINVAL;
	}
	TAILQ_FOREACH(cur, &ctx->helpers, next) {
		if (strncmp(name, cur->name, sizeof(cur->name)) == 0) {
			RTE_LOG(ERR, HASH, "rte_thash_add_helper: helper %s exists\n", name);
			return -EEXIST;
		}
	}

	n = ctx->reta_sz_log;
	end = offset + len + THASH_WIDTH - 1;
	start = (ctx->flags & RTE_THASH_MINIMAL_SEQ) ? end - (2 * n - 1) : offset;
	for (p = start; p < end; p++)
		fresh += !bit_get(ctx->owned, p);
	if (fresh > (1u << n) - 1 && !(ctx->flags & RTE_THASH_IGNORE_PERIOD_OVERFLOW)) {
		RTE_LOG(ERR, HASH, "rte_thash_add_helper %s: %u key bits exceed the %u-bit period "
			"of the sequence\n", name, fresh, (1u << n) - 1);
		return -ENOSPC;
	}

	h = rte_zmalloc("thash_helper", sizeof(*h), 0);
	/* key and owned bitmap, restored if the helper cannot be made */
	saved = rte_malloc("thash_key", 2 * (size_t)ctx->key_len, 0);
	if (h == NULL || saved == NULL) {
		RTE_LOG(ERR, HASH, "rte_thash_add_helper %s: out of memory\n", name);
		rte_free(h);
		rte_free(saved);
		return -ENOMEM;
	}
	strlcpy(h->name, name, sizeof(h->name));
	h->tuple_offset = offset;
	h->tuple_len = len;
	h->key_start = start;
	h->key_end = end;
	h->lsb_mask = (uint32_t)((1ull << n) - 1);
	h->value_mask = len >= THASH_WIDTH ? UINT32_MAX : (1u << len) - 1;

	memcpy(saved, ctx->key, 2 * (size_t)ctx->key_len);
	for (try = 0; ; try++) {
		thash_fill(ctx, start, end, try < THASH_FILL_RANDOM ? try : THASH_FILL_RANDOM);
		for (p = start; p < end; p++)
			bit_set(ctx->owned, p, 1);
		if (thash_solve(ctx, h))
			break;
		memcpy(ctx->key, saved, 2 * (size_t)ctx->key_len);
		h->pivot_mask = 0;
		if (try == THASH_FILL_TRIES) {
			RTE_LOG(ERR, HASH, "rte_thash_add_helper %s: conflicts with the key bits of "
				"existing helpers\n", name);
			rte_free(saved);
			rte_free(h);
			return -EEXIST;
		}
	}
	rte_free(saved);
	TAILQ_INSERT_TAIL(&ctx->helpers, h, next);
	return 0;
}

struct rte_thash_subtuple_helper *
rte_thash_get_helper(struct rte_thash_ctx *ctx, const char *name)
{
	struct rte_thash_subtuple_helper *h;

	if (ctx == NULL || name == NULL)
		return NULL;
	TAILQ_FOREACH(h, &ctx->helpers, next)
		if (strncmp(name, h->name, sizeof(h->name)) == 0)
			return h;
	return NULL;
}

void
thash_free_helpers(struct rte_thash_ctx *ctx)
{
	struct rte_thash_subtuple_helper *h;

	while ((h = TAILQ_FIRST(&ctx->helpers)) != NULL) {
		TAILQ_REMOVE(&ctx->helpers, h, next);
		rte_free(h);
	}
}

uint32_t
rte_thash_get_complement(struct rte_thash_subtuple_helper *h, uint32_t hash,
	uint32_t desired_hash)
{
	uint32_t delta = (hash ^ desired_hash) & h->lsb_mask, c = 0;

	while (delta != 0) {
		c ^= h->unit[__builtin_ctz(delta)];
		delta &= delta - 1;
	}
	return c;
}

/* Toeplitz hash of a tuple of network-order bytes. */
static uint32_t
thash_bytes(const struct rte_thash_ctx *ctx, const uint8_t *tuple, uint32_t len)
{
	uint32_t hash = 0, window, t;

	for (t = 0; t < len * CHAR_BIT; t++) {
		if (!bit_get(tuple, t))
			continue;
		window = 0;
		/* key bits t .. t + 31, t as the most significant */
		for (uint32_t k = 0; k < THASH_WIDTH; k++)
			window = (window << 1) | bit_get(ctx->key, t + k);
		hash ^= window;
	}
	return hash;
}

/* The last min(len, 32) subtuple bits as a number, the last bit as bit 0. */
static uint32_t
subtuple_read(const struct rte_thash_subtuple_helper *h, const uint8_t *tuple)
{
	uint32_t last = h->tuple_offset + h->tuple_len - 1, v = 0, b;

	for (b = 0; b < THASH_WIDTH && b < h->tuple_len; b++)
		v |= (uint32_t)bit_get(tuple, last - b) << b;
	return v;
}

static void
subtuple_write(const struct rte_thash_subtuple_helper *h, uint8_t *tuple, uint32_t v)
{
	uint32_t last = h->tuple_offset + h->tuple_len - 1, b;

	for (b = 0; b < THASH_WIDTH && b < h->tuple_len; b++)
		bit_set(tuple, last - b, (v >> b) & 1);
}

int
rte_thash_adjust_tuple(struct rte_thash_ctx *ctx, struct rte_thash_subtuple_helper *h,
	uint8_t *tuple, unsigned int tuple_len, uint32_t desired_value, unsigned int attempts,
	rte_thash_check_tuple_t fn, void *userdata)
{
	uint32_t free_mask, v, hash;
	unsigned int i;

	if (ctx == NULL || h == NULL || tuple == NULL || tuple_len == 0 || tuple_len % 4 != 0 ||
			attempts == 0 || (uint64_t)tuple_len * CHAR_BIT <
				(uint64_t)h->tuple_offset + h->tuple_len ||
			tuple_len + 4 > ctx->key_len) {
		RTE_LOG(ERR, HASH, "rte_thash_adjust_tuple: invalid arguments (tuple of %u bytes, "
			"%u attempts)\n", tuple_len, attempts);
		return -EINVAL;
	}
	free_mask = h->value_mask & ~h->pivot_mask;
	for (i = 0; i < attempts; i++) {
		hash = thash_bytes(ctx, tuple, tuple_len);
		v = subtuple_read(h, tuple) ^ rte_thash_get_complement(h, hash, desired_value);
		subtuple_write(h, tuple, v);
		if (fn == NULL || fn(userdata, tuple))
			return 0;
		if (free_mask == 0)
			break;
		/* Next candidate: count up in the bits the complements leave alone. */
		v = (v & ~free_mask) | (((v | ~free_mask) + 1) & free_mask);
		subtuple_write(h, tuple, v);
	}
	return -EEXIST;
}

void
rte_thash_complete_matrix(uint64_t *matrixes, const uint8_t *rss_key, int size)
{
	uint8_t *m = (uint8_t *)matrixes;
	unsigned int pair;
	int i, j;

	if (matrixes == NULL || rss_key == NULL || size <= 0)
		return;
	/* Row j of byte i's matrix: the 8 key bits from bit 8 * i + j, wrapping at the end. */
	for (i = 0; i < size; i++) {
		pair = ((unsigned int)rss_key[i] << 8) | rss_key[(i + 1) % size];
		for (j = 0; j < 8; j++)
			m[i * 8 + j] = (uint8_t)(pair >> (8 - j));
	}
}
