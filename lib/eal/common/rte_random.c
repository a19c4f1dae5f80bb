/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * xoshiro256** per thread: fast, 256 bits of state, good statistical quality. Each thread seeds
 * its state on first use from the global seed mixed with its own address.
 */
#include <stdint.h>
#include <time.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_random.h>
#include <rte_branch_prediction.h>

struct rand_state {
	uint64_t s[4];
	uint64_t epoch; /* seed generation this state was made from */
};

static uint64_t rand_seed;
static uint64_t rand_epoch = 1;
static __thread struct rand_state rand_state;

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static void
rand_state_seed(struct rand_state *st)
{
	uint64_t x = __atomic_load_n(&rand_seed, __ATOMIC_RELAXED) ^ (uintptr_t)st;
	int i;

	if (x == (uintptr_t)st)
		x ^= rte_rdtsc();
	for (i = 0; i < 4; i++)
		st->s[i] = splitmix64(&x);
	st->epoch = __atomic_load_n(&rand_epoch, __ATOMIC_ACQUIRE);
}

void
rte_srand(uint64_t seedval)
{
	__atomic_store_n(&rand_seed, seedval, __ATOMIC_RELAXED);
	__atomic_fetch_add(&rand_epoch, 1, __ATOMIC_RELEASE);
}

uint64_t
rte_rand(void)
{
	struct rand_state *st = &rand_state;
	uint64_t result, t;

	if (unlikely(st->epoch != __atomic_load_n(&rand_epoch, __ATOMIC_RELAXED)))
		rand_state_seed(st);
	result = rotl(st->s[1] * 5, 7) * 9;
	t = st->s[1] << 17;
	st->s[2] ^= st->s[0];
	st->s[3] ^= st->s[1];
	st->s[1] ^= st->s[2];
	st->s[0] ^= st->s[3];
	st->s[2] ^= t;
	st->s[3] = rotl(st->s[3], 45);
	return result;
}

uint64_t
rte_rand_max(uint64_t upper_bound)
{
	uint64_t mask, r;

	if (upper_bound < 2)
		return 0;
	/* Rejection sampling on the smallest covering mask keeps the result unbiased. */
	mask = ~UINT64_C(0) >> __builtin_clzll(upper_bound - 1);
	do {
		r = rte_rand() & mask;
	} while (r >= upper_bound);
	return r;
}

double
rte_drand(void)
{
	return (double)(rte_rand() >> 11) * 0x1.0p-53;
}
