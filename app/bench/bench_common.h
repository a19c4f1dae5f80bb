/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers shared by the benchmark programs. Header-only, so that each program still builds
 * from its one source file against any installed DPDK:
 *   cc -O2 app/bench/bench_X.c $(pkg-config --cflags --libs libdpdk)
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

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

/* Monotonic nanoseconds: the system clock, not EAL's timer, whose rate is estimated. */
static inline uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The process's open descriptors, or -1. */
static inline int
count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n - 1; /* the directory's own descriptor */
}

/* The process's memory mappings (lines of /proc/self/maps), or -1. */
static inline int
count_maps(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	int n = 0, c;

	if (f == NULL)
		return -1;
	while ((c = fgetc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

#endif /* BENCH_COMMON_H */
