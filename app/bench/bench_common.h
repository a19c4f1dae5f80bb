/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers shared by the benchmark programs. Header-only, so that each program still builds
 * from its one source file against any installed DPDK:
 *   cc -O2 app/bench/bench_X.c $(pkg-config --cflags --libs libdpdk)
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdint.h>

/*
 * A fixed-seed xorshift generator: the programs built against this tree and against another
 * DPDK draw the same keys, tags and lengths.
 */
static inline uint32_t
rng(void)
{
	static uint64_t state = 0x9E3779B97F4A7C15ull;

	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)(state >> 16);
}

/* qsort order of uint64_t samples. */
static inline int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

#endif /* BENCH_COMMON_H */
