/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_rib6: the inline address helpers, argument and pool errors, and random 128-bit route sets
 * checked against a scan of the route list (longest, exact and parent lookups, get_nxt walks),
 * through removal and re-insertion.
 */
#include "test_eal_main.h"

#include <stdbool.h>
#include <string.h>

#include <rte_rib6.h>

#define ALEN RTE_RIB6_IPV6_ADDR_SIZE

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 11);
}

static struct rte_rib6 *
make(const char *name, int nodes, size_t ext)
{
	struct rte_rib6_conf c = { .ext_sz = ext, .max_nodes = nodes };
	struct rte_rib6 *rib = rte_rib6_create(name, SOCKET_ID_ANY, &c);

	assert_non_null(rib);
	return rib;
}

static void
mask(uint8_t *ip, uint8_t depth)
{
	int k;

	for (k = 0; k < ALEN; k++)
		ip[k] &= get_msk_part(depth, k);
}

static bool
covered(const uint8_t *ip, const uint8_t *pfx, uint8_t depth)
{
	int k;

	for (k = 0; k < ALEN; k++)
		if ((ip[k] ^ pfx[k]) & get_msk_part(depth, k))
			return false;
	return true;
}

static void
test_helpers(void **state)
{
	uint8_t a[ALEN], b[ALEN];
	int k;

	(void)state;
	for (k = 0; k < ALEN; k++)
		a[k] = (uint8_t)(k * 17 + 1);
	memset(b, 0, sizeof(b));
	rte_rib6_copy_addr(b, a);
	assert_memory_equal(a, b, ALEN);
	rte_rib6_copy_addr(NULL, a);
	rte_rib6_copy_addr(b, NULL);
	assert_int_equal(rte_rib6_is_equal(a, b), 1);
	b[15] ^= 1;
	assert_int_equal(rte_rib6_is_equal(a, b), 0);
	assert_int_equal(rte_rib6_is_equal(NULL, b), 0);
	assert_int_equal(get_msk_part(0, 0), 0);
	assert_int_equal(get_msk_part(3, 0), 0xE0);
	assert_int_equal(get_msk_part(8, 0), 0xFF);
	assert_int_equal(get_msk_part(8, 1), 0);
	assert_int_equal(get_msk_part(13, 1), 0xF8);
	assert_int_equal(get_msk_part(128, 15), 0xFF);
	assert_int_equal(get_msk_part(200, 15), 0xFF);
	assert_int_equal(get_msk_part(127, 15), 0xFE);
	/* only the low four bits of the byte index count */
	assert_int_equal(get_msk_part(13, 17), 0xF8);
}

static void
test_errors(void **state)
{
	struct rte_rib6_conf c = { .ext_sz = 0, .max_nodes = 2 };
	uint8_t ip[ALEN] = { 0x20, 0x01, 0x0d, 0xb8 };
	uint8_t ip2[ALEN] = { 0x20, 0x01, 0x0d, 0xb9 };
	uint8_t ip3[ALEN] = { 0x30 };
	struct rte_rib6_node *n;
	struct rte_rib6 *rib;
	uint64_t nh;
	uint8_t d;

	(void)state;
	rte_errno = 0;
	assert_null(rte_rib6_create(NULL, SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib6_create("x", SOCKET_ID_ANY, NULL));
	assert_int_equal(rte_errno, EINVAL);
	c.max_nodes = 0;
	rte_errno = 0;
	assert_null(rte_rib6_create("x", SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EINVAL);
	rib = make("e6", 3, 0);
	c.max_nodes = 3;
	rte_errno = 0;
	assert_null(rte_rib6_create("e6", SOCKET_ID_ANY, &c));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_rib6_find_existing("e6"), rib);
	rte_errno = 0;
	assert_null(rte_rib6_find_existing("nope"));
	assert_int_equal(rte_errno, ENOENT);

	rte_errno = 0;
	assert_null(rte_rib6_insert(rib, NULL, 8));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib6_insert(rib, ip, 129));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib6_insert(NULL, ip, 8));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib6_lookup(rib, NULL));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib6_lookup_exact(rib, ip, 129));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib6_get_nxt(rib, ip, 129, NULL, RTE_RIB6_GET_NXT_ALL));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib6_get_nxt(rib, NULL, 0, NULL, RTE_RIB6_GET_NXT_ALL));
	assert_int_equal(rte_errno, EINVAL);
	rte_rib6_remove(rib, NULL, 8);
	rte_rib6_remove(rib, ip, 129);
	assert_null(rte_rib6_lookup_parent(NULL));
	assert_null(rte_rib6_get_ext(NULL));

	n = rte_rib6_insert(rib, ip, 32);
	assert_non_null(n);
	assert_int_equal(rte_rib6_get_ip(n, NULL), -1);
	assert_int_equal(rte_rib6_get_ip(NULL, ip3), -1);
	assert_int_equal(rte_rib6_get_depth(n, NULL), -1);
	assert_int_equal(rte_rib6_get_depth(NULL, &d), -1);
	assert_int_equal(rte_rib6_get_nh(n, NULL), -1);
	assert_int_equal(rte_rib6_get_nh(NULL, &nh), -1);
	rte_errno = 0;
	assert_int_equal(rte_rib6_set_nh(NULL, 1), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_rib6_insert(rib, ip, 32));
	assert_int_equal(rte_errno, EEXIST);
	assert_non_null(rte_rib6_insert(rib, ip2, 32)); /* a branch point and a leaf */
	rte_errno = 0;
	assert_null(rte_rib6_insert(rib, ip3, 8));
	assert_int_equal(rte_errno, ENOMEM);
	assert_null(rte_rib6_lookup(rib, ip3));
	assert_ptr_equal(rte_rib6_lookup(rib, ip), n);
	rte_rib6_free(rib);
	rte_rib6_free(NULL);
}

#define N_ROUTES 800

struct route {
	uint8_t ip[ALEN];
	uint8_t depth;
	bool present;
};

static struct route routes[N_ROUTES];
static uint8_t bases[6][ALEN];

static int
ref_lpm(const uint8_t *ip, int min_depth, int max_depth)
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

static int
route_index(const struct rte_rib6_node *n)
{
	uint64_t nh;

	assert_int_equal(rte_rib6_get_nh(n, &nh), 0);
	assert_true(nh < N_ROUTES);
	return (int)nh;
}

static void
check_node(const struct rte_rib6_node *n, int idx)
{
	uint8_t ip[ALEN];
	uint8_t d;

	if (idx < 0) {
		assert_null(n);
		return;
	}
	assert_non_null(n);
	assert_int_equal(route_index(n), idx);
	assert_int_equal(rte_rib6_get_ip(n, ip), 0);
	assert_int_equal(rte_rib6_get_depth(n, &d), 0);
	assert_memory_equal(ip, routes[idx].ip, ALEN);
	assert_int_equal(d, routes[idx].depth);
}

static void
random_addr(uint8_t *ip)
{
	const struct route *r = &routes[rng() % N_ROUTES];
	int k;

	for (k = 0; k < ALEN; k++)
		ip[k] = (uint8_t)rng();
	if (rng() % 8 == 0)
		return;
	for (k = 0; k < ALEN; k++)
		ip[k] = (uint8_t)((r->ip[k] & get_msk_part(r->depth, k)) |
			(ip[k] & ~get_msk_part(r->depth, k)));
}

static void
check_walks(struct rte_rib6 *rib, const uint8_t *ip, uint8_t depth)
{
	static bool seen[N_ROUTES];
	struct rte_rib6_node *n = NULL;
	int count = 0, expect = 0, i, j;

	memset(seen, 0, sizeof(seen));
	while ((n = rte_rib6_get_nxt(rib, ip, depth, n, RTE_RIB6_GET_NXT_ALL)) != NULL) {
		i = route_index(n);
		assert_true(routes[i].present && routes[i].depth > depth &&
			covered(routes[i].ip, ip, depth));
		assert_false(seen[i]);
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

	count = 0;
	expect = 0;
	while ((n = rte_rib6_get_nxt(rib, ip, depth, n, RTE_RIB6_GET_NXT_COVER)) != NULL) {
		i = route_index(n);
		assert_true(seen[i]);
		assert_int_equal(ref_lpm(routes[i].ip, depth, routes[i].depth), -1);
		count++;
	}
	for (i = 0; i < N_ROUTES; i++)
		if (seen[i] && ref_lpm(routes[i].ip, depth, routes[i].depth) == -1)
			expect++;
	assert_int_equal(count, expect);
}

static void
check_all(struct rte_rib6 *rib)
{
	uint8_t ip[ALEN], zero[ALEN] = { 0 };
	struct rte_rib6_node *n;
	int i, k;

	for (k = 0; k < 3000; k++) {
		random_addr(ip);
		check_node(rte_rib6_lookup(rib, ip), ref_lpm(ip, -1, 129));
	}
	for (i = 0; i < N_ROUTES; i++) {
		n = rte_rib6_lookup_exact(rib, routes[i].ip, routes[i].depth);
		if (!routes[i].present) {
			assert_null(n);
			continue;
		}
		check_node(n, i);
		check_node(rte_rib6_lookup_parent(n), ref_lpm(routes[i].ip, -1, routes[i].depth));
	}
	check_walks(rib, zero, 0);
	for (k = 0; k < 20; k++) {
		i = rng() % N_ROUTES;
		check_walks(rib, routes[i].ip, routes[i].depth);
		check_walks(rib, routes[i].ip, (uint8_t)(rng() % (routes[i].depth + 1)));
	}
}

static void
add_route(struct rte_rib6 *rib, int i)
{
	struct rte_rib6_node *n = rte_rib6_insert(rib, routes[i].ip, routes[i].depth);

	assert_non_null(n);
	assert_int_equal(rte_rib6_set_nh(n, i), 0);
	routes[i].present = true;
}

static void
test_random(void **state)
{
	struct rte_rib6 *rib = make("random6", 2 * N_ROUTES, 8);
	static bool readd[N_ROUTES];
	bool dup;
	int i, j, k, round;

	(void)state;
	for (i = 0; i < 6; i++)
		for (k = 0; k < ALEN; k++)
			bases[i][k] = (uint8_t)rng();
	for (i = 0; i < N_ROUTES; i++) {
		do {
			memcpy(routes[i].ip, bases[rng() % 6], ALEN);
			/* change a few bytes past the fourth, so that routes share long prefixes */
			for (k = 0; k < 3; k++)
				routes[i].ip[4 + rng() % 12] = (uint8_t)rng();
			routes[i].depth = (uint8_t)(rng() % 8 == 0 ? rng() % 129 :
				16 + rng() % 113);
			mask(routes[i].ip, routes[i].depth);
			dup = false;
			for (j = 0; j < i; j++)
				if (routes[j].depth == routes[i].depth &&
						memcmp(routes[j].ip, routes[i].ip, ALEN) == 0)
					dup = true;
		} while (dup);
		add_route(rib, i);
	}
	check_all(rib);
	for (round = 0; round < 2; round++) {
		for (i = 0; i < N_ROUTES; i++) {
			if (!routes[i].present || rng() % 2)
				continue;
			rte_rib6_remove(rib, routes[i].ip, routes[i].depth);
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
	rte_rib6_free(rib);
}

int
main(void)
{
	static const char *const args[] = { "test_rib6", "--no-huge", "-m", "256", "-l", "0",
		"--file-prefix=test_rib6", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_helpers),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_random),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
