/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_rib: argument and pool errors, the user area, longest/exact/parent lookups and get_nxt
 * walks over random route sets checked against a scan of the route list, and removal down to
 * an empty tree that gives every node back to the pool.
 */
#include "test_eal_main.h"

#include <stdbool.h>
#include <string.h>

#include <rte_rib.h>
#include <rte_malloc.h>

#define IP(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))

static uint64_t rng_state = 0x2545F4914F6CDD1Dull;

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

static struct rte_rib *
make(const char *name, int nodes, size_t ext)
{
	struct rte_rib_conf c = { .ext_sz = ext, .max_nodes = nodes };
	struct rte_rib *rib = rte_rib_create(name, SOCKET_ID_ANY, &c);

	assert_non_null(rib);
	return rib;
}

static void
node_is(const struct rte_rib_node *n, uint32_t ip, uint8_t depth)
{
	uint32_t got_ip;
	uint8_t got_depth;

	assert_non_null(n);
	assert_int_equal(rte_rib_get_ip(n, &got_ip), 0);
	assert_int_equal(rte_rib_get_depth(n, &got_depth), 0);
	assert_int_equal(got_ip, ip);
	assert_int_equal(got_depth, depth);
}

static void
test_create_errors(void **state)
{
	struct rte_rib_conf c = { .ext_sz = 0, .max_nodes = 16 };
	struct rte_rib_conf bad = c;
	unsigned int blocks = heap_blocks();
	char longname[80];
	struct rte_rib *rib;

	(void)state;
	rte_errno = 0;
	assert_null(rte_rib_create(NULL, SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib_create("conf", SOCKET_ID_ANY, NULL));
	assert_int_equal(rte_errno, EINVAL);
	bad.max_nodes = 0;
	rte_errno = 0;
	assert_null(rte_rib_create("nodes0", SOCKET_ID_ANY, &bad));
	assert_int_equal(rte_errno, EINVAL);
	bad.max_nodes = -1;
	rte_errno = 0;
	assert_null(rte_rib_create("nodesneg", SOCKET_ID_ANY, &bad));
	assert_int_equal(rte_errno, EINVAL);
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	rte_errno = 0;
	assert_null(rte_rib_create(longname, SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EINVAL);

	rib = make("dup", 16, 0);
	rte_errno = 0;
	assert_null(rte_rib_create("dup", SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_rib_find_existing("dup"), rib);
	rte_rib_free(rib);
	rte_errno = 0;
	assert_null(rte_rib_find_existing("dup"));
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_null(rte_rib_find_existing(NULL));
	assert_int_equal(rte_errno, EINVAL);
	rte_rib_free(NULL);
	rib = make("dup", 16, 0);
	rte_rib_free(rib);
	assert_int_equal(heap_blocks(), blocks);
}

static void
test_arg_errors(void **state)
{
	struct rte_rib *rib = make("args", 16, 0);
	struct rte_rib_node *n;
	uint64_t nh;
	uint32_t ip;
	uint8_t d;

	(void)state;
	rte_errno = 0;
	assert_null(rte_rib_insert(NULL, 0, 8));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib_insert(rib, 0, 33));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib_lookup(NULL, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib_lookup_exact(NULL, 0, 8));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib_lookup_exact(rib, 0, 33));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib_get_nxt(NULL, 0, 0, NULL, RTE_RIB_GET_NXT_ALL));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib_get_nxt(rib, 0, 33, NULL, RTE_RIB_GET_NXT_ALL));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_rib_lookup_parent(NULL));
	assert_null(rte_rib_get_ext(NULL));
	rte_rib_remove(NULL, 0, 8);
	rte_rib_remove(rib, 0, 33);

	n = rte_rib_insert(rib, IP(10, 0, 0, 0), 8);
	assert_non_null(n);
	rte_errno = 0;
	assert_int_equal(rte_rib_get_ip(NULL, &ip), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rib_get_ip(n, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rib_get_depth(NULL, &d), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rib_get_depth(n, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rib_get_nh(NULL, &nh), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rib_get_nh(n, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_rib_set_nh(NULL, 1), -1);
	assert_int_equal(rte_errno, EINVAL);

	/* a route that is there already: EEXIST, and the route keeps its next hop */
	assert_int_equal(rte_rib_set_nh(n, 7), 0);
	rte_errno = 0;
	assert_null(rte_rib_insert(rib, IP(10, 1, 2, 3), 8));
	assert_int_equal(rte_errno, EEXIST);
	assert_int_equal(rte_rib_get_nh(rte_rib_lookup(rib, IP(10, 9, 9, 9)), &nh), 0);
	assert_int_equal(nh, 7);
	/* removing what is not there changes nothing */
	rte_rib_remove(rib, IP(10, 0, 0, 0), 9);
	rte_rib_remove(rib, IP(11, 0, 0, 0), 8);
	assert_ptr_equal(rte_rib_lookup(rib, IP(10, 200, 0, 1)), n);
	rte_rib_free(rib);
}

static void
test_basic(void **state)
{
	struct rte_rib *rib = make("basic", 64, 0);
	struct rte_rib_node *def, *n8, *n16, *n24, *n32, *n;
	uint64_t nh;

	(void)state;
	assert_null(rte_rib_lookup(rib, IP(1, 2, 3, 4)));
	/* the host bits of a prefix are ignored */
	n16 = rte_rib_insert(rib, IP(10, 1, 255, 255), 16);
	node_is(n16, IP(10, 1, 0, 0), 16);
	n32 = rte_rib_insert(rib, IP(10, 1, 2, 3), 32);
	n8 = rte_rib_insert(rib, IP(10, 0, 0, 0), 8);
	n24 = rte_rib_insert(rib, IP(10, 1, 2, 0), 24);
	def = rte_rib_insert(rib, 0, 0);
	assert_non_null(n32);
	assert_non_null(n8);
	assert_non_null(n24);
	node_is(def, 0, 0);
	assert_int_equal(rte_rib_get_nh(n24, &nh), 0);
	assert_int_equal(nh, 0);
	assert_int_equal(rte_rib_set_nh(n24, 24), 0);
	assert_int_equal(rte_rib_get_nh(n24, &nh), 0);
	assert_int_equal(nh, 24);

	assert_ptr_equal(rte_rib_lookup(rib, IP(10, 1, 2, 3)), n32);
	assert_ptr_equal(rte_rib_lookup(rib, IP(10, 1, 2, 4)), n24);
	assert_ptr_equal(rte_rib_lookup(rib, IP(10, 1, 3, 4)), n16);
	assert_ptr_equal(rte_rib_lookup(rib, IP(10, 2, 3, 4)), n8);
	assert_ptr_equal(rte_rib_lookup(rib, IP(11, 2, 3, 4)), def);
	assert_ptr_equal(rte_rib_lookup_exact(rib, IP(10, 1, 2, 99), 24), n24);
	assert_null(rte_rib_lookup_exact(rib, IP(10, 1, 2, 0), 23));
	assert_ptr_equal(rte_rib_lookup_parent(n32), n24);
	assert_ptr_equal(rte_rib_lookup_parent(n24), n16);
	assert_ptr_equal(rte_rib_lookup_parent(n16), n8);
	assert_ptr_equal(rte_rib_lookup_parent(n8), def);
	assert_null(rte_rib_lookup_parent(def));

	/* the walks: ALL gives the covered routes first, COVER only the outermost */
	n = rte_rib_get_nxt(rib, IP(10, 0, 0, 0), 8, NULL, RTE_RIB_GET_NXT_ALL);
	assert_ptr_equal(n, n32);
	n = rte_rib_get_nxt(rib, IP(10, 0, 0, 0), 8, n, RTE_RIB_GET_NXT_ALL);
	assert_ptr_equal(n, n24);
	n = rte_rib_get_nxt(rib, IP(10, 0, 0, 0), 8, n, RTE_RIB_GET_NXT_ALL);
	assert_ptr_equal(n, n16);
	assert_null(rte_rib_get_nxt(rib, IP(10, 0, 0, 0), 8, n, RTE_RIB_GET_NXT_ALL));
	n = rte_rib_get_nxt(rib, IP(10, 0, 0, 0), 8, NULL, RTE_RIB_GET_NXT_COVER);
	assert_ptr_equal(n, n16);
	assert_null(rte_rib_get_nxt(rib, IP(10, 0, 0, 0), 8, n, RTE_RIB_GET_NXT_COVER));
	assert_ptr_equal(rte_rib_get_nxt(rib, 0, 0, NULL, RTE_RIB_GET_NXT_COVER), n8);
	assert_null(rte_rib_get_nxt(rib, IP(10, 1, 2, 3), 32, NULL, RTE_RIB_GET_NXT_ALL));
	assert_null(rte_rib_get_nxt(rib, IP(12, 0, 0, 0), 8, NULL, RTE_RIB_GET_NXT_ALL));

	/* removing a middle route re-exposes the next shorter one */
	rte_rib_remove(rib, IP(10, 1, 2, 0), 24);
	assert_null(rte_rib_lookup_exact(rib, IP(10, 1, 2, 0), 24));
	assert_ptr_equal(rte_rib_lookup(rib, IP(10, 1, 2, 4)), n16);
	assert_ptr_equal(rte_rib_lookup_parent(n32), n16);
	rte_rib_remove(rib, 0, 0);
	assert_null(rte_rib_lookup(rib, IP(11, 2, 3, 4)));
	assert_null(rte_rib_lookup_parent(n8));
	rte_rib_free(rib);
}

/* Every node comes from the pool, branch points included; a full pool changes nothing. */
static void
test_pool(void **state)
{
	struct rte_rib *rib = make("pool", 3, 0);
	struct rte_rib_node *a, *b;
	int round;

	(void)state;
	for (round = 0; round < 3; round++) {
		a = rte_rib_insert(rib, IP(10, 0, 0, 0), 8);
		/* 11/8 next to 10/8 needs a branch point at /7: three nodes */
		b = rte_rib_insert(rib, IP(11, 0, 0, 0), 8);
		assert_non_null(a);
		assert_non_null(b);
		rte_errno = 0;
		assert_null(rte_rib_insert(rib, IP(12, 0, 0, 0), 8));
		assert_int_equal(rte_errno, ENOMEM);
		/* even a route that needs a single node does not fit */
		rte_errno = 0;
		assert_null(rte_rib_insert(rib, IP(10, 1, 0, 0), 16));
		assert_int_equal(rte_errno, ENOMEM);
		assert_null(rte_rib_lookup(rib, IP(12, 1, 1, 1)));
		assert_ptr_equal(rte_rib_lookup(rib, IP(10, 1, 1, 1)), a);
		assert_ptr_equal(rte_rib_lookup(rib, IP(11, 1, 1, 1)), b);
		/* the branch point /7 becomes a route without a new node */
		assert_non_null(rte_rib_insert(rib, IP(10, 0, 0, 0), 7));
		rte_rib_remove(rib, IP(10, 0, 0, 0), 7);
		rte_rib_remove(rib, IP(10, 0, 0, 0), 8);
		rte_rib_remove(rib, IP(11, 0, 0, 0), 8);
		assert_null(rte_rib_get_nxt(rib, 0, 0, NULL, RTE_RIB_GET_NXT_ALL));
	}
	rte_rib_free(rib);
}

static void
test_ext(void **state)
{
	struct rte_rib *rib = make("ext", 64, 24);
	struct rte_rib_node *n[8];
	uint8_t zero[24] = { 0 };
	uint8_t *e;
	int i;

	(void)state;
	for (i = 0; i < 8; i++) {
		n[i] = rte_rib_insert(rib, IP(10, i, 0, 0), 16 + i);
		e = rte_rib_get_ext(n[i]);
		assert_non_null(e);
		assert_memory_equal(e, zero, sizeof(zero));
		memset(e, 0xA0 + i, 24);
	}
	for (i = 0; i < 8; i++) {
		e = rte_rib_get_ext(rte_rib_lookup_exact(rib, IP(10, i, 0, 0), 16 + i));
		assert_ptr_equal(e, rte_rib_get_ext(n[i]));
		assert_int_equal(e[0], 0xA0 + i);
		assert_int_equal(e[23], 0xA0 + i);
	}
	/* a node reused from the pool starts with a clean area */
	rte_rib_remove(rib, IP(10, 3, 0, 0), 19);
	e = rte_rib_get_ext(rte_rib_insert(rib, IP(10, 3, 0, 0), 19));
	assert_memory_equal(e, zero, sizeof(zero));
	rte_rib_free(rib);
}

#define N_ROUTES 1500

struct route {
	uint32_t ip;
	uint8_t depth;
	bool present;
};

static struct route routes[N_ROUTES];

static bool
covered(uint32_t ip, uint32_t pfx, uint8_t depth)
{
	return ((ip ^ pfx) & rte_rib_depth_to_mask(depth)) == 0;
}

/* The reference: index of the longest present route covering ip (deeper than min), or -1. */
static int
ref_lpm(uint32_t ip, int min_depth, int max_depth)
{
	int best = -1, i;

	for (i = 0; i < N_ROUTES; i++)
		if (routes[i].present && routes[i].depth > min_depth &&
				routes[i].depth < max_depth &&
				covered(ip, routes[i].ip, routes[i].depth) &&
				(best < 0 || routes[i].depth > routes[best].depth))
			best = i;
	return best;
}

static void
check_node(const struct rte_rib_node *n, int idx)
{
	uint64_t nh;

	if (idx < 0) {
		assert_null(n);
		return;
	}
	node_is(n, routes[idx].ip, routes[idx].depth);
	assert_int_equal(rte_rib_get_nh(n, &nh), 0);
	assert_int_equal(nh, (uint64_t)idx);
}

static int
route_index(const struct rte_rib_node *n)
{
	uint64_t nh;

	assert_int_equal(rte_rib_get_nh(n, &nh), 0);
	assert_true(nh < N_ROUTES);
	return (int)nh;
}

static void
check_walks(struct rte_rib *rib, uint32_t ip, uint8_t depth)
{
	static bool seen[N_ROUTES];
	struct rte_rib_node *n = NULL;
	int count = 0, expect = 0, i, j;
	uint32_t prev = 0;

	memset(seen, 0, sizeof(seen));
	while ((n = rte_rib_get_nxt(rib, ip, depth, n, RTE_RIB_GET_NXT_ALL)) != NULL) {
		i = route_index(n);
		assert_true(routes[i].present);
		assert_true(routes[i].depth > depth && covered(routes[i].ip, ip, depth));
		assert_false(seen[i]);
		/* every route this one covers came before it */
		for (j = 0; j < N_ROUTES; j++)
			if (routes[j].present && routes[j].depth > routes[i].depth &&
					covered(routes[j].ip, routes[i].ip, routes[i].depth))
				assert_true(seen[j]);
		seen[i] = true;
		count++;
	}
	for (i = 0; i < N_ROUTES; i++)
		if (routes[i].present && routes[i].depth > depth &&
				covered(routes[i].ip, ip, depth))
			expect++;
	assert_int_equal(count, expect);

	/* COVER: exactly the routes under ip/depth that no other route under it covers */
	count = 0;
	expect = 0;
	while ((n = rte_rib_get_nxt(rib, ip, depth, n, RTE_RIB_GET_NXT_COVER)) != NULL) {
		i = route_index(n);
		assert_true(seen[i]);
		assert_int_equal(ref_lpm(routes[i].ip, depth, routes[i].depth), -1);
		assert_true(count == 0 || routes[i].ip > prev);
		prev = routes[i].ip;
		count++;
	}
	for (i = 0; i < N_ROUTES; i++)
		if (seen[i] && ref_lpm(routes[i].ip, depth, routes[i].depth) == -1)
			expect++;
	assert_int_equal(count, expect);
}

static uint32_t
random_addr(void)
{
	int i = rng() % N_ROUTES;

	if (rng() % 8 == 0)
		return rng();
	/* inside a route, so that nested routes compete */
	return routes[i].ip | (rng() & ~rte_rib_depth_to_mask(routes[i].depth));
}

static void
check_all(struct rte_rib *rib)
{
	uint32_t ip;
	int i, k;

	for (k = 0; k < 4000; k++) {
		ip = random_addr();
		check_node(rte_rib_lookup(rib, ip), ref_lpm(ip, -1, 33));
	}
	for (i = 0; i < N_ROUTES; i++) {
		if (!routes[i].present) {
			assert_null(rte_rib_lookup_exact(rib, routes[i].ip, routes[i].depth));
			continue;
		}
		check_node(rte_rib_lookup_exact(rib, routes[i].ip, routes[i].depth), i);
		check_node(rte_rib_lookup_parent(rte_rib_lookup_exact(rib, routes[i].ip,
				routes[i].depth)), ref_lpm(routes[i].ip, -1, routes[i].depth));
	}
	check_walks(rib, 0, 0);
	for (k = 0; k < 20; k++) {
		i = rng() % N_ROUTES;
		check_walks(rib, routes[i].ip, routes[i].depth);
		check_walks(rib, routes[i].ip, (uint8_t)(rng() % (routes[i].depth + 1)));
	}
}

static bool readd[N_ROUTES];

static void
add_route(struct rte_rib *rib, int i)
{
	struct rte_rib_node *n = rte_rib_insert(rib, routes[i].ip, routes[i].depth);

	assert_non_null(n);
	assert_int_equal(rte_rib_set_nh(n, i), 0);
	routes[i].present = true;
}

static void
test_random(void **state)
{
	struct rte_rib *rib = make("random", 2 * N_ROUTES, 0);
	bool dup;
	int i, j, round;

	(void)state;
	for (i = 0; i < N_ROUTES; i++) {
		do {
			routes[i].depth = (uint8_t)(rng() % 8 == 0 ? rng() % 33 : 8 + rng() % 25);
			/* a few /8s, so that routes nest */
			routes[i].ip = (IP(10 + rng() % 3, 0, 0, 0) | (rng() & 0xFFFFFF)) &
				rte_rib_depth_to_mask(routes[i].depth);
			dup = false;
			for (j = 0; j < i; j++)
				if (routes[j].ip == routes[i].ip &&
						routes[j].depth == routes[i].depth)
					dup = true;
		} while (dup);
		add_route(rib, i);
	}
	check_all(rib);

	for (round = 0; round < 2; round++) {
		for (i = 0; i < N_ROUTES; i++) {
			if (!routes[i].present || rng() % 2)
				continue;
			rte_rib_remove(rib, routes[i].ip, routes[i].depth);
			routes[i].present = false;
			readd[i] = true;
		}
		check_all(rib);
		for (i = 0; i < N_ROUTES; i++) {
			if (readd[i])
				add_route(rib, i);
			readd[i] = false;
		}
		check_all(rib);
	}

	/* down to an empty tree, then all of it again: no node was lost */
	for (i = 0; i < N_ROUTES; i++) {
		if (!routes[i].present)
			continue;
		rte_rib_remove(rib, routes[i].ip, routes[i].depth);
		routes[i].present = false;
		readd[i] = true;
	}
	assert_null(rte_rib_get_nxt(rib, 0, 0, NULL, RTE_RIB_GET_NXT_ALL));
	assert_null(rte_rib_lookup(rib, random_addr()));
	for (i = 0; i < N_ROUTES; i++)
		if (readd[i])
			add_route(rib, i);
	check_all(rib);
	rte_rib_free(rib);
}

int
main(void)
{
	static const char *const args[] = { "test_rib", "--no-huge", "-m", "256", "-l", "0",
		"--file-prefix=test_rib", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_arg_errors),
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_pool),
		cmocka_unit_test(test_ext),
		cmocka_unit_test(test_random),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
