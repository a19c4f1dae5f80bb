/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_fib: configuration and argument errors, tbl8 exhaustion, nested routes and what a delete
 * re-exposes, and random route sets for DUMMY and every DIR24_8 entry size, checked after
 * adds, deletes and re-adds against a longest match found by scanning the route list.
 */
#include "test_eal_main.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include <rte_fib.h>
#include <rte_malloc.h>
#include <rte_rib.h>

#define IP(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (d))
#define DEF_NH 5

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

static struct rte_fib *
make(const char *name, enum rte_fib_type type, enum rte_fib_dir24_8_nh_sz sz, uint32_t tbl8s,
		int routes)
{
	struct rte_fib_conf c;
	struct rte_fib *fib;

	memset(&c, 0, sizeof(c));
	c.type = type;
	c.default_nh = DEF_NH;
	c.max_routes = routes;
	c.rib_ext_sz = 8;
	c.dir24_8.nh_sz = sz;
	c.dir24_8.num_tbl8 = tbl8s;
	fib = rte_fib_create(name, SOCKET_ID_ANY, &c);
	assert_non_null(fib);
	return fib;
}

static uint64_t
lookup(struct rte_fib *fib, uint32_t ip)
{
	uint64_t nh = UINT64_MAX;

	assert_int_equal(rte_fib_lookup_bulk(fib, &ip, &nh, 1), 0);
	return nh;
}

static void
bad_conf(struct rte_fib_conf *c)
{
	rte_errno = 0;
	assert_null(rte_fib_create("bad", SOCKET_ID_ANY, c));
	assert_int_equal(rte_errno, EINVAL);
}

static void
test_create_errors(void **state)
{
	struct rte_fib_conf good, c;
	unsigned int blocks = heap_blocks();
	struct rte_fib *fib;
	char longname[80];

	(void)state;
	memset(&good, 0, sizeof(good));
	good.type = RTE_FIB_DIR24_8;
	good.max_routes = 16;
	good.dir24_8.nh_sz = RTE_FIB_DIR24_8_1B;
	good.dir24_8.num_tbl8 = 127;
	good.default_nh = 127;

	rte_errno = 0;
	assert_null(rte_fib_create(NULL, SOCKET_ID_ANY, &good));
	assert_int_equal(rte_errno, EINVAL);
	bad_conf(NULL);
	c = good;
	c.type = (enum rte_fib_type)2;
	bad_conf(&c);
	c = good;
	c.max_routes = -1;
	bad_conf(&c);
	c = good;
	c.dir24_8.nh_sz = (enum rte_fib_dir24_8_nh_sz)4;
	bad_conf(&c);
	c = good;
	c.dir24_8.num_tbl8 = 0;
	bad_conf(&c);
	/* group numbers live in the next hop bits: at most 127 with 1-byte entries */
	c = good;
	c.dir24_8.num_tbl8 = 128;
	bad_conf(&c);
	c = good;
	c.default_nh = 128;
	bad_conf(&c);
	c = good;
	c.dir24_8.nh_sz = RTE_FIB_DIR24_8_2B;
	c.default_nh = 32768;
	bad_conf(&c);
	/* no room for a single route */
	c = good;
	c.max_routes = 0;
	bad_conf(&c);
	memset(longname, 'f', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	rte_errno = 0;
	assert_null(rte_fib_create(longname, SOCKET_ID_ANY, &good));
	assert_int_equal(rte_errno, EINVAL);

	fib = rte_fib_create("dup", SOCKET_ID_ANY, &good);
	assert_non_null(fib);
	rte_errno = 0;
	assert_null(rte_fib_create("dup", SOCKET_ID_ANY, &good));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_fib_find_existing("dup"), fib);
	assert_int_equal(lookup(fib, IP(1, 2, 3, 4)), 127);
	rte_fib_free(fib);
	rte_errno = 0;
	assert_null(rte_fib_find_existing("dup"));
	assert_int_equal(rte_errno, ENOENT);
	rte_fib_free(NULL);
	/* the name and its RIB's name are free again */
	fib = rte_fib_create("dup", SOCKET_ID_ANY, &good);
	assert_non_null(fib);
	rte_fib_free(fib);
	good.type = RTE_FIB_DUMMY;
	good.default_nh = UINT64_MAX;
	fib = rte_fib_create("dummy", SOCKET_ID_ANY, &good);
	assert_non_null(fib);
	assert_int_equal(lookup(fib, IP(1, 2, 3, 4)), UINT64_MAX);
	rte_fib_free(fib);
	/* failed creates, the EEXIST one included, and frees left nothing behind */
	assert_int_equal(heap_blocks(), blocks);
}

static void
test_arg_errors(void **state)
{
	struct rte_fib *fib = make("args", RTE_FIB_DIR24_8, RTE_FIB_DIR24_8_1B, 4, 16);
	uint32_t ip = IP(10, 0, 0, 1);
	uint64_t nh;

	(void)state;
	assert_int_equal(rte_fib_add(NULL, IP(10, 0, 0, 0), 8, 1), -EINVAL);
	assert_int_equal(rte_fib_add(fib, IP(10, 0, 0, 0), 33, 1), -EINVAL);
	assert_int_equal(rte_fib_add(fib, IP(10, 0, 0, 0), 8, 128), -EINVAL);
	assert_int_equal(rte_fib_delete(NULL, IP(10, 0, 0, 0), 8), -EINVAL);
	assert_int_equal(rte_fib_delete(fib, IP(10, 0, 0, 0), 33), -EINVAL);
	assert_int_equal(rte_fib_delete(fib, IP(10, 0, 0, 0), 8), -ENOENT);
	assert_int_equal(rte_fib_lookup_bulk(NULL, &ip, &nh, 1), -EINVAL);
	assert_int_equal(rte_fib_lookup_bulk(fib, NULL, &nh, 1), -EINVAL);
	assert_int_equal(rte_fib_lookup_bulk(fib, &ip, NULL, 1), -EINVAL);
	assert_null(rte_fib_get_dp(NULL));
	assert_null(rte_fib_get_rib(NULL));
	assert_non_null(rte_fib_get_dp(fib));
	assert_int_equal(lookup(fib, ip), DEF_NH);
	assert_null(rte_rib_lookup(rte_fib_get_rib(fib), ip));

	assert_int_equal(rte_fib_add(fib, IP(10, 0, 0, 0), 8, 127), 0);
	assert_int_equal(rte_fib_delete(fib, IP(10, 0, 0, 0), 9), -ENOENT);
	assert_int_equal(rte_fib_add(fib, IP(10, 0, 0, 0), 8, 128), -EINVAL);
	assert_int_equal(lookup(fib, ip), 127);

	assert_int_equal(rte_fib_select_lookup(NULL, RTE_FIB_LOOKUP_DEFAULT), -EINVAL);
	assert_int_equal(rte_fib_select_lookup(fib, RTE_FIB_LOOKUP_DIR24_8_SCALAR_MACRO), 0);
	assert_int_equal(lookup(fib, ip), 127);
	assert_int_equal(rte_fib_select_lookup(fib, RTE_FIB_LOOKUP_DIR24_8_SCALAR_INLINE), 0);
	assert_int_equal(lookup(fib, ip), 127);
	assert_int_equal(rte_fib_select_lookup(fib, RTE_FIB_LOOKUP_DIR24_8_SCALAR_UNI), 0);
	assert_int_equal(lookup(fib, ip), 127);
	assert_int_equal(rte_fib_select_lookup(fib, RTE_FIB_LOOKUP_DIR24_8_VECTOR_AVX512),
		-EINVAL);
	assert_int_equal(rte_fib_select_lookup(fib, (enum rte_fib_lookup_type)42), -EINVAL);
	assert_int_equal(rte_fib_select_lookup(fib, RTE_FIB_LOOKUP_DEFAULT), 0);
	assert_int_equal(lookup(fib, ip), 127);
	rte_fib_free(fib);

	fib = make("dargs", RTE_FIB_DUMMY, RTE_FIB_DIR24_8_1B, 0, 16);
	assert_int_equal(rte_fib_select_lookup(fib, RTE_FIB_LOOKUP_DEFAULT), -EINVAL);
	assert_int_equal(rte_fib_add(fib, IP(10, 0, 0, 0), 33, 1), -EINVAL);
	assert_int_equal(rte_fib_delete(fib, IP(10, 0, 0, 0), 8), -ENOENT);
	/* a DUMMY FIB takes any next hop */
	assert_int_equal(rte_fib_add(fib, IP(10, 0, 0, 0), 8, UINT64_MAX - 1), 0);
	assert_int_equal(lookup(fib, ip), UINT64_MAX - 1);
	rte_fib_free(fib);
}

/* A full RIB: -ENOMEM, and nothing changed. */
static void
test_rib_full(void **state)
{
	struct rte_fib *fib = make("full", RTE_FIB_DIR24_8, RTE_FIB_DIR24_8_2B, 8, 1);
	int ret;

	(void)state;
	/* max_routes 1 gives two RIB nodes: two disjoint routes need three */
	assert_int_equal(rte_fib_add(fib, IP(10, 0, 0, 0), 8, 1), 0);
	ret = rte_fib_add(fib, IP(11, 0, 0, 0), 8, 2);
	assert_int_equal(ret, -ENOMEM);
	assert_int_equal(lookup(fib, IP(11, 1, 1, 1)), DEF_NH);
	assert_int_equal(lookup(fib, IP(10, 1, 1, 1)), 1);
	assert_null(rte_rib_lookup_exact(rte_fib_get_rib(fib), IP(11, 0, 0, 0), 8));
	rte_fib_free(fib);
}

static void
test_nested(void **state)
{
	struct rte_fib *fib = make("nested", RTE_FIB_DIR24_8, RTE_FIB_DIR24_8_4B, 16, 64);
	struct rte_rib_node *n;
	uint64_t nh;

	(void)state;
	assert_int_equal(rte_fib_add(fib, 0, 0, 1), 0);
	assert_int_equal(rte_fib_add(fib, IP(10, 0, 0, 0), 8, 8), 0);
	assert_int_equal(rte_fib_add(fib, IP(10, 1, 2, 0), 24, 24), 0);
	assert_int_equal(rte_fib_add(fib, IP(10, 1, 2, 128), 25, 25), 0);
	assert_int_equal(rte_fib_add(fib, IP(10, 1, 2, 130), 32, 32), 0);
	assert_int_equal(lookup(fib, IP(9, 0, 0, 0)), 1);
	assert_int_equal(lookup(fib, IP(10, 9, 0, 0)), 8);
	assert_int_equal(lookup(fib, IP(10, 1, 2, 1)), 24);
	assert_int_equal(lookup(fib, IP(10, 1, 2, 129)), 25);
	assert_int_equal(lookup(fib, IP(10, 1, 2, 130)), 32);
	/* the RIB holds the routes and their next hops, with the user area */
	n = rte_rib_lookup_exact(rte_fib_get_rib(fib), IP(10, 1, 2, 128), 25);
	assert_non_null(n);
	assert_int_equal(rte_rib_get_nh(n, &nh), 0);
	assert_int_equal(nh, 25);
	assert_non_null(rte_rib_get_ext(n));

	/* a new next hop for an existing route; the same one again changes nothing */
	assert_int_equal(rte_fib_add(fib, IP(10, 1, 2, 0), 24, 240), 0);
	assert_int_equal(rte_fib_add(fib, IP(10, 1, 2, 0), 24, 240), 0);
	assert_int_equal(lookup(fib, IP(10, 1, 2, 1)), 240);
	assert_int_equal(lookup(fib, IP(10, 1, 2, 129)), 25);

	/* deleting re-exposes the next shorter route, or the default */
	assert_int_equal(rte_fib_delete(fib, IP(10, 1, 2, 128), 25), 0);
	assert_int_equal(lookup(fib, IP(10, 1, 2, 129)), 240);
	assert_int_equal(lookup(fib, IP(10, 1, 2, 130)), 32);
	assert_int_equal(rte_fib_delete(fib, IP(10, 1, 2, 0), 24), 0);
	assert_int_equal(lookup(fib, IP(10, 1, 2, 1)), 8);
	assert_int_equal(rte_fib_delete(fib, 0, 0), 0);
	assert_int_equal(lookup(fib, IP(9, 0, 0, 0)), DEF_NH);
	assert_int_equal(rte_fib_delete(fib, IP(10, 1, 2, 130), 32), 0);
	assert_int_equal(lookup(fib, IP(10, 1, 2, 130)), 8);
	assert_int_equal(rte_fib_delete(fib, IP(10, 0, 0, 0), 8), 0);
	assert_int_equal(lookup(fib, IP(10, 1, 2, 130)), DEF_NH);
	rte_fib_free(fib);
}

/* One tbl8 group per /24 holding longer routes; a route that needs one more fails cleanly. */
static void
test_tbl8_exhaustion(void **state)
{
	struct rte_fib *fib = make("tbl8", RTE_FIB_DIR24_8, RTE_FIB_DIR24_8_2B, 2, 64);
	int round;

	(void)state;
	for (round = 0; round < 3; round++) {
		assert_int_equal(rte_fib_add(fib, IP(10, 0, 1, 0), 25, 1), 0);
		assert_int_equal(rte_fib_add(fib, IP(10, 0, 1, 200), 32, 2), 0);
		assert_int_equal(rte_fib_add(fib, IP(10, 0, 2, 0), 26, 3), 0);
		assert_int_equal(rte_fib_add(fib, IP(10, 0, 3, 0), 25, 4), -ENOSPC);
		assert_int_equal(rte_fib_add(fib, IP(10, 0, 3, 0), 32, 4), -ENOSPC);
		assert_null(rte_rib_lookup_exact(rte_fib_get_rib(fib), IP(10, 0, 3, 0), 25));
		assert_int_equal(lookup(fib, IP(10, 0, 3, 1)), DEF_NH);
		/* routes up to /24 need no group, nor does one more in a /24 that has one */
		assert_int_equal(rte_fib_add(fib, IP(10, 0, 3, 0), 24, 5), 0);
		assert_int_equal(rte_fib_add(fib, IP(10, 0, 2, 77), 32, 6), 0);
		assert_int_equal(lookup(fib, IP(10, 0, 1, 1)), 1);
		assert_int_equal(lookup(fib, IP(10, 0, 1, 200)), 2);
		assert_int_equal(lookup(fib, IP(10, 0, 1, 201)), DEF_NH);
		assert_int_equal(lookup(fib, IP(10, 0, 2, 1)), 3);
		assert_int_equal(lookup(fib, IP(10, 0, 2, 77)), 6);
		assert_int_equal(lookup(fib, IP(10, 0, 3, 1)), 5);
		/* a /24 whose longer routes are all gone gives its group back */
		assert_int_equal(rte_fib_delete(fib, IP(10, 0, 1, 0), 25), 0);
		assert_int_equal(rte_fib_add(fib, IP(10, 0, 3, 0), 25, 4), -ENOSPC);
		assert_int_equal(rte_fib_delete(fib, IP(10, 0, 1, 200), 32), 0);
		assert_int_equal(rte_fib_add(fib, IP(10, 0, 3, 0), 25, 4), 0);
		assert_int_equal(lookup(fib, IP(10, 0, 3, 1)), 4);
		assert_int_equal(lookup(fib, IP(10, 0, 3, 129)), 5);
		assert_int_equal(lookup(fib, IP(10, 0, 1, 200)), DEF_NH);
		assert_int_equal(rte_fib_delete(fib, IP(10, 0, 3, 0), 25), 0);
		assert_int_equal(rte_fib_delete(fib, IP(10, 0, 3, 0), 24), 0);
		assert_int_equal(rte_fib_delete(fib, IP(10, 0, 2, 0), 26), 0);
		assert_int_equal(rte_fib_delete(fib, IP(10, 0, 2, 77), 32), 0);
		assert_int_equal(lookup(fib, IP(10, 0, 2, 77)), DEF_NH);
	}
	rte_fib_free(fib);
}

#define N_ROUTES 3000
#define N_LOOKUPS 20000

struct route {
	uint32_t ip;
	uint8_t depth;
	uint64_t nh;
	bool present;
};

static struct route routes[N_ROUTES];
static uint32_t addrs[N_LOOKUPS];
static uint64_t got[N_LOOKUPS];

static uint64_t
ref_lookup(uint32_t ip)
{
	int best = -1, i;

	for (i = 0; i < N_ROUTES; i++)
		if (routes[i].present &&
				((ip ^ routes[i].ip) &
				 rte_rib_depth_to_mask(routes[i].depth)) == 0 &&
				(best < 0 || routes[i].depth > routes[best].depth))
			best = i;
	return best < 0 ? DEF_NH : routes[best].nh;
}

static void
check(struct rte_fib *fib)
{
	const struct route *r;
	int k;

	for (k = 0; k < N_LOOKUPS; k++) {
		r = &routes[rng() % N_ROUTES];
		addrs[k] = rng() % 8 == 0 ? rng() :
			r->ip | (rng() & ~rte_rib_depth_to_mask(r->depth));
	}
	assert_int_equal(rte_fib_lookup_bulk(fib, addrs, got, N_LOOKUPS), 0);
	for (k = 0; k < N_LOOKUPS; k++)
		if (got[k] != ref_lookup(addrs[k]))
			fail_msg("%08x: got %" PRIu64 ", expected %" PRIu64, addrs[k], got[k],
				ref_lookup(addrs[k]));
}

/*
 * Add route i. With few groups (1-byte entries) a route longer than 24 bits may find none
 * left: then nothing may change, which the next check() verifies.
 */
static void
add_route(struct rte_fib *fib, int i, bool small)
{
	int ret = rte_fib_add(fib, routes[i].ip, routes[i].depth, routes[i].nh);
	int j;

	if (ret == -ENOSPC && small && routes[i].depth > 24) {
		routes[i].present = false;
		return;
	}
	assert_int_equal(ret, 0);
	for (j = 0; j < N_ROUTES; j++)
		if (j != i && routes[j].present && routes[j].ip == routes[i].ip &&
				routes[j].depth == routes[i].depth)
			routes[j].present = false; /* its next hop was replaced */
	routes[i].present = true;
}

static void
random_run(enum rte_fib_type type, enum rte_fib_dir24_8_nh_sz sz)
{
	uint64_t max_nh = (UINT64_C(1) << ((8u << sz) - 1)) - 1;
	uint32_t groups = max_nh < 4000 ? (uint32_t)max_nh : 4000;
	bool small = type == RTE_FIB_DIR24_8 && groups < 4000;
	static bool readd[N_ROUTES];
	unsigned int blocks = heap_blocks();
	struct rte_fib *fib;
	uint32_t i;
	int round;

	fib = make("random", type, sz, groups, 2 * N_ROUTES + 4000);
	for (i = 0; i < N_ROUTES; i++) {
		routes[i].depth = (uint8_t)(rng() % 32 == 0 ? rng() % 33 : 12 + rng() % 21);
		routes[i].ip = (IP(10 + rng() % 2, rng() % 4, 0, 0) | (rng() & 0xFFFF)) &
			rte_rib_depth_to_mask(routes[i].depth);
		routes[i].nh = ((uint64_t)rng() << 32 | rng()) % (max_nh + 1);
		add_route(fib, i, small);
	}
	check(fib);
	for (round = 0; round < 2; round++) {
		for (i = 0; i < N_ROUTES; i++) {
			if (!routes[i].present || rng() % 2)
				continue;
			assert_int_equal(rte_fib_delete(fib, routes[i].ip, routes[i].depth), 0);
			assert_int_equal(rte_fib_delete(fib, routes[i].ip, routes[i].depth),
				-ENOENT);
			routes[i].present = false;
			readd[i] = true;
		}
		check(fib);
		for (i = 0; i < N_ROUTES; i++) {
			if (readd[i])
				add_route(fib, i, small);
			readd[i] = false;
		}
		check(fib);
	}
	/* everything deleted: the default everywhere, and every group free again */
	for (i = 0; i < N_ROUTES; i++)
		if (routes[i].present) {
			assert_int_equal(rte_fib_delete(fib, routes[i].ip, routes[i].depth), 0);
			routes[i].present = false;
		}
	check(fib);
	if (type == RTE_FIB_DIR24_8) {
		for (i = 0; i < groups; i++)
			assert_int_equal(rte_fib_add(fib, i << 8, 32, 1), 0);
		assert_int_equal(rte_fib_add(fib, i << 8, 32, 1), -ENOSPC);
		assert_int_equal(lookup(fib, (groups - 1) << 8), 1);
		assert_int_equal(lookup(fib, i << 8), DEF_NH);
	}
	rte_fib_free(fib);
	assert_int_equal(heap_blocks(), blocks);
}

static void
test_random_dummy(void **state)
{
	(void)state;
	random_run(RTE_FIB_DUMMY, RTE_FIB_DIR24_8_1B);
}

static void
test_random_1b(void **state)
{
	(void)state;
	random_run(RTE_FIB_DIR24_8, RTE_FIB_DIR24_8_1B);
}

static void
test_random_2b(void **state)
{
	(void)state;
	random_run(RTE_FIB_DIR24_8, RTE_FIB_DIR24_8_2B);
}

static void
test_random_4b(void **state)
{
	(void)state;
	random_run(RTE_FIB_DIR24_8, RTE_FIB_DIR24_8_4B);
}

static void
test_random_8b(void **state)
{
	(void)state;
	random_run(RTE_FIB_DIR24_8, RTE_FIB_DIR24_8_8B);
}

int
main(void)
{
	static const char *const args[] = { "test_fib", "--no-huge", "-m", "512", "-l", "0",
		"--file-prefix=test_fib", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_arg_errors),
		cmocka_unit_test(test_rib_full),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_tbl8_exhaustion),
		cmocka_unit_test(test_random_dummy),
		cmocka_unit_test(test_random_1b),
		cmocka_unit_test(test_random_2b),
		cmocka_unit_test(test_random_4b),
		cmocka_unit_test(test_random_8b),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
