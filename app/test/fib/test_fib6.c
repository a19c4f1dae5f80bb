/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_fib6: configuration and argument errors, tbl8 exhaustion (a long route needs one group
 * per byte level it crosses), nested routes, /16 blocks going from one next hop to split
 * and back (the first-level summary), and random route sets for DUMMY and every TRIE
 * entry size, checked after adds, deletes and re-adds against a longest match found by
 * scanning the route list.
 */
#include "test_eal_main.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include <rte_fib6.h>
#include <rte_malloc.h>
#include <rte_rib6.h>

#define ALEN RTE_FIB6_IPV6_ADDR_SIZE
#define DEF_NH 5

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

/* Blocks allocated in the EAL heap: back to the same count once a table is freed. */
static unsigned int
heap_blocks(void)
{
	struct rte_malloc_socket_stats st;
	unsigned int n = 0;
	int s;

	for (s = 0; s < RTE_MAX_NUMA_NODES; s++)
		if (rte_malloc_get_socket_stats(s, &st) == 0)
			n += st.alloc_count;
	return n;
}

static struct rte_fib6 *
make(const char *name, enum rte_fib6_type type, enum rte_fib_trie_nh_sz sz, uint32_t tbl8s,
		int routes)
{
	struct rte_fib6_conf c;
	struct rte_fib6 *fib;

	memset(&c, 0, sizeof(c));
	c.type = type;
	c.default_nh = DEF_NH;
	c.max_routes = routes;
	c.rib_ext_sz = 4;
	c.trie.nh_sz = sz;
	c.trie.num_tbl8 = tbl8s;
	fib = rte_fib6_create(name, SOCKET_ID_ANY, &c);
	assert_non_null(fib);
	return fib;
}

static uint64_t
lookup(struct rte_fib6 *fib, const uint8_t *ip)
{
	uint8_t a[1][ALEN];
	uint64_t nh = UINT64_MAX;

	memcpy(a[0], ip, ALEN);
	assert_int_equal(rte_fib6_lookup_bulk(fib, a, &nh, 1), 0);
	return nh;
}

/* An address from its first bytes, the rest zero. */
static const uint8_t *
A(uint8_t b0, uint8_t b1, uint8_t b2, uint8_t b3, uint8_t b4, uint8_t b5, uint8_t b15)
{
	static uint8_t bufs[8][ALEN];
	static unsigned int next;
	uint8_t *a = bufs[next++ % 8];

	memset(a, 0, ALEN);
	a[0] = b0;
	a[1] = b1;
	a[2] = b2;
	a[3] = b3;
	a[4] = b4;
	a[5] = b5;
	a[15] = b15;
	return a;
}

static void
bad_conf(struct rte_fib6_conf *c)
{
	rte_errno = 0;
	assert_null(rte_fib6_create("bad", SOCKET_ID_ANY, c));
	assert_int_equal(rte_errno, EINVAL);
}

static void
test_create_errors(void **state)
{
	unsigned int blocks = heap_blocks();
	struct rte_fib6_conf good, c;
	struct rte_fib6 *fib;

	(void)state;
	memset(&good, 0, sizeof(good));
	good.type = RTE_FIB6_TRIE;
	good.max_routes = 16;
	good.trie.nh_sz = RTE_FIB6_TRIE_2B;
	good.trie.num_tbl8 = 32767;
	good.default_nh = 32767;

	rte_errno = 0;
	assert_null(rte_fib6_create(NULL, SOCKET_ID_ANY, &good));
	assert_int_equal(rte_errno, EINVAL);
	bad_conf(NULL);
	c = good;
	c.type = (enum rte_fib6_type)2;
	bad_conf(&c);
	c = good;
	c.max_routes = -1;
	bad_conf(&c);
	c = good;
	c.trie.nh_sz = (enum rte_fib_trie_nh_sz)0; /* no 1-byte entries in a trie */
	bad_conf(&c);
	c = good;
	c.trie.nh_sz = (enum rte_fib_trie_nh_sz)4;
	bad_conf(&c);
	c = good;
	c.trie.num_tbl8 = 0;
	bad_conf(&c);
	c = good;
	c.trie.num_tbl8 = 32768;
	bad_conf(&c);
	c = good;
	c.default_nh = 32768;
	bad_conf(&c);

	fib = rte_fib6_create("dup6", SOCKET_ID_ANY, &good);
	assert_non_null(fib);
	rte_errno = 0;
	assert_null(rte_fib6_create("dup6", SOCKET_ID_ANY, &good));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_fib6_find_existing("dup6"), fib);
	assert_int_equal(lookup(fib, A(0x20, 1, 2, 3, 4, 5, 6)), 32767);
	rte_fib6_free(fib);
	rte_errno = 0;
	assert_null(rte_fib6_find_existing("dup6"));
	assert_int_equal(rte_errno, ENOENT);
	rte_fib6_free(NULL);
	fib = rte_fib6_create("dup6", SOCKET_ID_ANY, &good);
	assert_non_null(fib);
	rte_fib6_free(fib);
	assert_int_equal(heap_blocks(), blocks);
}

static void
test_arg_errors(void **state)
{
	struct rte_fib6 *fib = make("args6", RTE_FIB6_TRIE, RTE_FIB6_TRIE_2B, 16, 16);
	const uint8_t *p = A(0x20, 1, 0, 0, 0, 0, 0);
	uint8_t a[1][ALEN];
	uint64_t nh;

	(void)state;
	memset(a, 0, sizeof(a));
	assert_int_equal(rte_fib6_add(NULL, p, 16, 1), -EINVAL);
	assert_int_equal(rte_fib6_add(fib, NULL, 16, 1), -EINVAL);
	assert_int_equal(rte_fib6_add(fib, p, 129, 1), -EINVAL);
	assert_int_equal(rte_fib6_add(fib, p, 16, 32768), -EINVAL);
	assert_int_equal(rte_fib6_delete(NULL, p, 16), -EINVAL);
	assert_int_equal(rte_fib6_delete(fib, NULL, 16), -EINVAL);
	assert_int_equal(rte_fib6_delete(fib, p, 129), -EINVAL);
	assert_int_equal(rte_fib6_delete(fib, p, 16), -ENOENT);
	assert_int_equal(rte_fib6_lookup_bulk(NULL, a, &nh, 1), -EINVAL);
	assert_int_equal(rte_fib6_lookup_bulk(fib, NULL, &nh, 1), -EINVAL);
	assert_int_equal(rte_fib6_lookup_bulk(fib, a, NULL, 1), -EINVAL);
	assert_null(rte_fib6_get_dp(NULL));
	assert_null(rte_fib6_get_rib(NULL));
	assert_non_null(rte_fib6_get_dp(fib));
	assert_int_equal(lookup(fib, p), DEF_NH);

	assert_int_equal(rte_fib6_add(fib, p, 16, 32767), 0);
	assert_int_equal(rte_fib6_add(fib, p, 16, 32768), -EINVAL);
	assert_int_equal(rte_fib6_delete(fib, p, 17), -ENOENT);
	assert_int_equal(lookup(fib, A(0x20, 1, 9, 9, 9, 9, 9)), 32767);
	assert_non_null(rte_rib6_lookup_exact(rte_fib6_get_rib(fib), p, 16));

	assert_int_equal(rte_fib6_select_lookup(NULL, RTE_FIB6_LOOKUP_DEFAULT), -EINVAL);
	assert_int_equal(rte_fib6_select_lookup(fib, RTE_FIB6_LOOKUP_TRIE_SCALAR), 0);
	assert_int_equal(lookup(fib, p), 32767);
	assert_int_equal(rte_fib6_select_lookup(fib, RTE_FIB6_LOOKUP_TRIE_VECTOR_AVX512),
		-EINVAL);
	assert_int_equal(rte_fib6_select_lookup(fib, (enum rte_fib6_lookup_type)9), -EINVAL);
	assert_int_equal(rte_fib6_select_lookup(fib, RTE_FIB6_LOOKUP_DEFAULT), 0);
	assert_int_equal(lookup(fib, p), 32767);
	rte_fib6_free(fib);

	fib = make("dargs6", RTE_FIB6_DUMMY, RTE_FIB6_TRIE_2B, 0, 16);
	assert_int_equal(rte_fib6_select_lookup(fib, RTE_FIB6_LOOKUP_DEFAULT), -EINVAL);
	assert_int_equal(rte_fib6_delete(fib, p, 16), -ENOENT);
	assert_int_equal(rte_fib6_add(fib, p, 129, 1), -EINVAL);
	assert_int_equal(rte_fib6_add(fib, p, 16, UINT64_MAX - 1), 0);
	assert_int_equal(lookup(fib, p), UINT64_MAX - 1);
	rte_fib6_free(fib);
}

static void
test_nested(void **state)
{
	struct rte_fib6 *fib = make("nested6", RTE_FIB6_TRIE, RTE_FIB6_TRIE_4B, 64, 64);
	uint8_t full[ALEN];

	(void)state;
	memset(full, 0xAB, ALEN);
	assert_int_equal(rte_fib6_add(fib, full, 0, 1), 0);
	assert_int_equal(rte_fib6_add(fib, full, 128, 128), 0);
	assert_int_equal(rte_fib6_add(fib, full, 127, 127), 0);
	assert_int_equal(rte_fib6_add(fib, full, 61, 61), 0);
	assert_int_equal(rte_fib6_add(fib, full, 20, 20), 0);
	assert_int_equal(lookup(fib, full), 128);
	full[15] ^= 1;
	assert_int_equal(lookup(fib, full), 127);
	full[15] ^= 2;
	assert_int_equal(lookup(fib, full), 61);
	full[7] ^= 4; /* bit 61 */
	assert_int_equal(lookup(fib, full), 61);
	full[7] ^= 8; /* bit 60 */
	assert_int_equal(lookup(fib, full), 20);
	full[2] ^= 0x10; /* bit 19 */
	assert_int_equal(lookup(fib, full), 1);
	memset(full, 0xAB, ALEN);
	assert_int_equal(rte_fib6_delete(fib, full, 128), 0);
	assert_int_equal(lookup(fib, full), 127);
	assert_int_equal(rte_fib6_delete(fib, full, 61), 0);
	full[15] ^= 2;
	assert_int_equal(lookup(fib, full), 20);
	assert_int_equal(rte_fib6_delete(fib, full, 0), 0);
	assert_int_equal(rte_fib6_delete(fib, full, 20), 0);
	assert_int_equal(lookup(fib, full), DEF_NH);
	full[15] ^= 2;
	assert_int_equal(lookup(fib, full), 127);
	assert_int_equal(rte_fib6_delete(fib, full, 127), 0);
	assert_int_equal(lookup(fib, full), DEF_NH);
	rte_fib6_free(fib);
}

/*
 * Routes around the /16 2001::/16: its block of the first level goes from one next hop (a /8,
 * then the /16 itself) to split by a /24 and a /25 at either end, and back. A bulk lookup
 * mixing addresses of every case, in batches with a remainder, matches the single lookups.
 */
static void
test_summary(void **state)
{
	static const uint8_t pick[][3] = {
		{ 0x20, 0x01, 0x00 }, { 0x20, 0x01, 0xFF }, { 0x20, 0x01, 0xFE },
		{ 0x20, 0x02, 0x00 }, { 0x21, 0x01, 0xFF }, { 0x20, 0x00, 0xFF },
	};
	struct rte_fib6 *fib = make("summary6", RTE_FIB6_TRIE, RTE_FIB6_TRIE_2B, 8, 64);
	uint8_t ips[37][ALEN];
	uint64_t nhs[37];
	unsigned int i;

	(void)state;
	assert_int_equal(rte_fib6_add(fib, A(0x20, 0, 0, 0, 0, 0, 0), 8, 8), 0);
	assert_int_equal(lookup(fib, A(0x20, 1, 0xFF, 0, 0, 0, 0)), 8);
	assert_int_equal(lookup(fib, A(0x21, 1, 0xFF, 0, 0, 0, 0)), DEF_NH);
	assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 0, 0, 0, 0, 0), 16, 16), 0);
	assert_int_equal(lookup(fib, A(0x20, 1, 0xFF, 0, 0, 0, 0)), 16);
	assert_int_equal(lookup(fib, A(0x20, 2, 0, 0, 0, 0, 0)), 8);
	assert_int_equal(lookup(fib, A(0x20, 0, 0xFF, 0, 0, 0, 0)), 8);
	assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 0xFF, 0, 0, 0, 0), 24, 24), 0);
	assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 0, 0x80, 0, 0, 0), 25, 25), 0);
	assert_int_equal(lookup(fib, A(0x20, 1, 0xFF, 0, 0, 0, 0)), 24);
	assert_int_equal(lookup(fib, A(0x20, 1, 0xFE, 0xFF, 0, 0, 0)), 16);
	assert_int_equal(lookup(fib, A(0x20, 1, 0, 0x80, 0, 0, 0)), 25);
	assert_int_equal(lookup(fib, A(0x20, 1, 0, 0x7F, 0, 0, 0)), 16);
	assert_int_equal(lookup(fib, A(0x20, 2, 0, 0x80, 0, 0, 0)), 8);
	for (i = 0; i < RTE_DIM(ips); i++) {
		memset(ips[i], 0, ALEN);
		memcpy(ips[i], pick[i % RTE_DIM(pick)], 3);
		ips[i][3] = (uint8_t)(i * 37);
	}
	assert_int_equal(rte_fib6_lookup_bulk(fib, ips, nhs, (int)RTE_DIM(ips)), 0);
	for (i = 0; i < RTE_DIM(ips); i++)
		assert_int_equal(nhs[i], lookup(fib, ips[i]));
	assert_int_equal(rte_fib6_delete(fib, A(0x20, 1, 0xFF, 0, 0, 0, 0), 24), 0);
	assert_int_equal(rte_fib6_delete(fib, A(0x20, 1, 0, 0x80, 0, 0, 0), 25), 0);
	assert_int_equal(lookup(fib, A(0x20, 1, 0xFF, 0, 0, 0, 0)), 16);
	assert_int_equal(lookup(fib, A(0x20, 1, 0, 0x80, 0, 0, 0)), 16);
	assert_int_equal(rte_fib6_delete(fib, A(0x20, 1, 0, 0, 0, 0, 0), 16), 0);
	assert_int_equal(lookup(fib, A(0x20, 1, 0xFF, 0, 0, 0, 0)), 8);
	assert_int_equal(rte_fib6_delete(fib, A(0x20, 0, 0, 0, 0, 0, 0), 8), 0);
	assert_int_equal(lookup(fib, A(0x20, 1, 0xFF, 0, 0, 0, 0)), DEF_NH);
	assert_int_equal(rte_fib6_add(fib, A(0x99, 0, 0, 0, 0, 0, 0), 0, 1), 0);
	assert_int_equal(lookup(fib, A(0x20, 1, 0, 0x80, 0, 0, 0)), 1);
	rte_fib6_free(fib);
}

static void
test_tbl8_exhaustion(void **state)
{
	struct rte_fib6 *fib = make("tbl86", RTE_FIB6_TRIE, RTE_FIB6_TRIE_2B, 5, 64);
	int round;

	(void)state;
	for (round = 0; round < 3; round++) {
		/* a /48 crosses the 24, 32 and 40 bit levels: three groups */
		assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 2, 3, 4, 5, 0), 48, 1), 0);
		/* three more in another /24: too many, and nothing changes */
		assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 3, 3, 4, 5, 0), 48, 2), -ENOSPC);
		assert_int_equal(lookup(fib, A(0x20, 1, 3, 3, 4, 5, 1)), DEF_NH);
		assert_null(rte_rib6_lookup_exact(rte_fib6_get_rib(fib), A(0x20, 1, 3, 3, 4, 5, 0),
			48));
		/* under the same /40: no new group; a /32 elsewhere: one; a /24: none */
		assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 2, 3, 4, 6, 0), 48, 3), 0);
		assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 3, 3, 0, 0, 0), 32, 4), 0);
		assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 4, 0, 0, 0, 0), 24, 5), 0);
		assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 5, 0, 0, 0, 0), 25, 6), 0);
		assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 6, 0, 0, 0, 0), 25, 7), -ENOSPC);
		assert_int_equal(lookup(fib, A(0x20, 1, 2, 3, 4, 5, 9)), 1);
		assert_int_equal(lookup(fib, A(0x20, 1, 2, 3, 4, 6, 9)), 3);
		assert_int_equal(lookup(fib, A(0x20, 1, 2, 3, 4, 7, 9)), DEF_NH);
		assert_int_equal(lookup(fib, A(0x20, 1, 3, 3, 0x7F, 0, 0)), 4);
		assert_int_equal(lookup(fib, A(0x20, 1, 4, 3, 0, 0, 0)), 5);
		assert_int_equal(lookup(fib, A(0x20, 1, 5, 3, 0, 0, 0)), 6);
		assert_int_equal(lookup(fib, A(0x20, 1, 6, 3, 0, 0, 0)), DEF_NH);
		/* the groups of a deleted route come back */
		assert_int_equal(rte_fib6_delete(fib, A(0x20, 1, 5, 0, 0, 0, 0), 25), 0);
		assert_int_equal(rte_fib6_add(fib, A(0x20, 1, 6, 0, 0, 0, 0), 25, 7), 0);
		assert_int_equal(lookup(fib, A(0x20, 1, 6, 3, 0, 0, 0)), 7);
		assert_int_equal(rte_fib6_delete(fib, A(0x20, 1, 6, 0, 0, 0, 0), 25), 0);
		assert_int_equal(rte_fib6_delete(fib, A(0x20, 1, 4, 0, 0, 0, 0), 24), 0);
		assert_int_equal(rte_fib6_delete(fib, A(0x20, 1, 3, 3, 0, 0, 0), 32), 0);
		assert_int_equal(rte_fib6_delete(fib, A(0x20, 1, 2, 3, 4, 6, 0), 48), 0);
		assert_int_equal(rte_fib6_delete(fib, A(0x20, 1, 2, 3, 4, 5, 0), 48), 0);
		assert_int_equal(lookup(fib, A(0x20, 1, 2, 3, 4, 5, 9)), DEF_NH);
	}
	rte_fib6_free(fib);
}

#define N_ROUTES 1000
#define N_LOOKUPS 8000

struct route {
	uint8_t ip[ALEN];
	uint8_t depth;
	uint64_t nh;
	bool present;
};

static struct route routes[N_ROUTES];
static uint8_t addrs[N_LOOKUPS][ALEN];
static uint64_t got[N_LOOKUPS];
static uint8_t bases[6][ALEN];

static bool
covered(const uint8_t *ip, const uint8_t *pfx, uint8_t depth)
{
	int k;

	for (k = 0; k < ALEN; k++)
		if ((ip[k] ^ pfx[k]) & get_msk_part(depth, k))
			return false;
	return true;
}

static uint64_t
ref_lookup(const uint8_t *ip)
{
	int best = -1, i;

	for (i = 0; i < N_ROUTES; i++)
		if (routes[i].present && covered(ip, routes[i].ip, routes[i].depth) &&
				(best < 0 || routes[i].depth > routes[best].depth))
			best = i;
	return best < 0 ? DEF_NH : routes[best].nh;
}

static void
check(struct rte_fib6 *fib)
{
	const struct route *r;
	int k, b;

	for (k = 0; k < N_LOOKUPS; k++) {
		r = &routes[rng() % N_ROUTES];
		for (b = 0; b < ALEN; b++) {
			addrs[k][b] = (uint8_t)rng();
			if (rng() % 8 != 0)
				addrs[k][b] = (uint8_t)((r->ip[b] & get_msk_part(r->depth, b)) |
					(addrs[k][b] & ~get_msk_part(r->depth, b)));
		}
	}
	assert_int_equal(rte_fib6_lookup_bulk(fib, addrs, got, N_LOOKUPS), 0);
	for (k = 0; k < N_LOOKUPS; k++)
		if (got[k] != ref_lookup(addrs[k]))
			fail_msg("lookup %d: got %" PRIu64 ", expected %" PRIu64, k, got[k],
				ref_lookup(addrs[k]));
}

static void
add_route(struct rte_fib6 *fib, int i)
{
	int j;

	assert_int_equal(rte_fib6_add(fib, routes[i].ip, routes[i].depth, routes[i].nh), 0);
	for (j = 0; j < N_ROUTES; j++)
		if (j != i && routes[j].present && routes[j].depth == routes[i].depth &&
				memcmp(routes[j].ip, routes[i].ip, ALEN) == 0)
			routes[j].present = false; /* its next hop was replaced */
	routes[i].present = true;
}

static void
random_run(enum rte_fib6_type type, enum rte_fib_trie_nh_sz sz)
{
	uint64_t max_nh = (UINT64_C(1) << ((8u << sz) - 1)) - 1;
	static bool readd[N_ROUTES];
	struct rte_fib6 *fib;
	int i, k, round;

	/* enough groups for every route to need its own at each level */
	fib = make("random6", type, sz, N_ROUTES * 13, N_ROUTES);
	for (i = 0; i < 6; i++)
		for (k = 0; k < ALEN; k++)
			bases[i][k] = (uint8_t)rng();
	for (i = 0; i < N_ROUTES; i++) {
		memcpy(routes[i].ip, bases[rng() % 6], ALEN);
		for (k = 0; k < 3; k++)
			routes[i].ip[2 + rng() % 14] = (uint8_t)rng();
		routes[i].depth = (uint8_t)(rng() % 16 == 0 ? rng() % 129 : 20 + rng() % 109);
		for (k = 0; k < ALEN; k++)
			routes[i].ip[k] &= get_msk_part(routes[i].depth, k);
		routes[i].nh = ((uint64_t)rng() << 32 | rng()) % (max_nh + 1);
		add_route(fib, i);
	}
	check(fib);
	for (round = 0; round < 2; round++) {
		for (i = 0; i < N_ROUTES; i++) {
			if (!routes[i].present || rng() % 2)
				continue;
			assert_int_equal(rte_fib6_delete(fib, routes[i].ip, routes[i].depth), 0);
			assert_int_equal(rte_fib6_delete(fib, routes[i].ip, routes[i].depth),
				-ENOENT);
			routes[i].present = false;
			readd[i] = true;
		}
		check(fib);
		for (i = 0; i < N_ROUTES; i++) {
			if (readd[i])
				add_route(fib, i);
			readd[i] = false;
		}
		check(fib);
	}
	for (i = 0; i < N_ROUTES; i++)
		if (routes[i].present) {
			assert_int_equal(rte_fib6_delete(fib, routes[i].ip, routes[i].depth), 0);
			routes[i].present = false;
		}
	check(fib);
	if (type == RTE_FIB6_TRIE) {
		/* every group is free again: each /128 in its own /24 takes 13 */
		for (i = 0; i < N_ROUTES; i++)
			assert_int_equal(rte_fib6_add(fib, A(0x30, (uint8_t)(i >> 8), (uint8_t)i,
				0, 0, 0, 1), 128, 1), 0);
		assert_int_equal(rte_fib6_add(fib, A(0x31, 0, 0, 0, 0, 0, 1), 128, 1), -ENOSPC);
		assert_int_equal(lookup(fib, A(0x30, 0, 7, 0, 0, 0, 1)), 1);
	}
	rte_fib6_free(fib);
}

static void
test_random_dummy(void **state)
{
	(void)state;
	random_run(RTE_FIB6_DUMMY, RTE_FIB6_TRIE_8B);
}

static void
test_random_2b(void **state)
{
	(void)state;
	random_run(RTE_FIB6_TRIE, RTE_FIB6_TRIE_2B);
}

static void
test_random_4b(void **state)
{
	(void)state;
	random_run(RTE_FIB6_TRIE, RTE_FIB6_TRIE_4B);
}

static void
test_random_8b(void **state)
{
	(void)state;
	random_run(RTE_FIB6_TRIE, RTE_FIB6_TRIE_8B);
}

int
main(void)
{
	static const char *const args[] = { "test_fib6", "--no-huge", "-m", "512", "-l", "0",
		"--file-prefix=test_fib6", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_arg_errors),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_tbl8_exhaustion),
		cmocka_unit_test(test_random_dummy),
		cmocka_unit_test(test_random_2b),
		cmocka_unit_test(test_random_4b),
		cmocka_unit_test(test_random_8b),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
