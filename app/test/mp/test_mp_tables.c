/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Lookup tables across processes. The primary creates a hash table (with the default hash
 * function, one key size the library compares with a fixed-size function and one it does not),
 * an LPM table, a FIB, a stack, a four-byte-key table and a Toeplitz context; a secondary (this
 * program run again with --secondary) finds each by name, looks keys and addresses up, one by
 * one and in bulk, and adds a key the primary then finds. Each process runs its own copy of
 * the library, at another address: nothing the secondary calls may be a pointer the primary
 * stored (the four-byte-key table's hash function is one, as in DPDK: the secondary hashes with
 * its own copy of the function).
 */
#include "test_common.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_fbk_hash.h>
#include <rte_fib.h>
#include <rte_hash.h>
#include <rte_ip.h>
#include <rte_lpm.h>
#include <rte_stack.h>
#include <rte_thash.h>

#define PREFIX "test_mp_tables"
#define N_KEYS 64
#define ROUTE_A RTE_IPV4(10, 1, 0, 0)
#define ROUTE_B RTE_IPV4(10, 1, 2, 0)

struct odd_key {
	uint8_t b[13];
};

static const uint8_t mp_rss_key[40] = { 0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41,
	0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb };

/* The four-byte-key table's hash: each process has its own copy, at its own address. */
static uint32_t
fbk_hash_low_bits(uint32_t key, uint32_t init_val)
{
	return key ^ init_val;
}

static uint32_t
fbk_bucket(const struct rte_fbk_hash_table *ht, uint32_t key)
{
	return (fbk_hash_low_bits(key, ht->init_val) & ht->bucket_mask) << ht->bucket_shift;
}

static int
eal_up(const char *type)
{
	const char *args[] = { "prog", "--file-prefix=" PREFIX, "--no-pci", "-l", "0",
		"--no-huge", "-m", "256", type, NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

static int
run_secondary(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		execl("/proc/self/exe", "test_mp_tables", "--secondary", (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
}

static struct odd_key
odd_key(unsigned int i)
{
	struct odd_key k;

	memset(&k, (int)i, sizeof(k));
	k.b[0] = 0xee;
	return k;
}

#define CHECK TEST_PEER_CHECK

static int
secondary_main(void)
{
	const void *keys[N_KEYS];
	uint32_t k32[N_KEYS], ips[4], added = 0xabcdef;
	void *datas[N_KEYS];
	uint64_t nh[4], hits = 0;
	struct rte_hash *h4, *h13;
	struct odd_key k13;
	struct rte_lpm *lpm;
	struct rte_fib *fib;
	struct rte_stack *st;
	struct rte_fbk_hash_table *fbk;
	struct rte_thash_ctx *rss;
	uint32_t hop;
	unsigned int i;
	void *data;

	CHECK(eal_up("--proc-type=secondary") >= 0);
	h4 = rte_hash_find_existing("mp_h4");
	h13 = rte_hash_find_existing("mp_h13");
	CHECK(h4 != NULL && h13 != NULL);
	CHECK(rte_hash_find_existing("mp_none") == NULL && rte_errno == ENOENT);
	for (i = 0; i < N_KEYS; i++) {
		k32[i] = i * 7919u;
		keys[i] = &k32[i];
	}
	CHECK(rte_hash_lookup_data(h4, &k32[5], &data) >= 0 && data == (void *)(uintptr_t)6);
	CHECK(rte_hash_lookup_bulk_data(h4, keys, N_KEYS, &hits, datas) == N_KEYS);
	CHECK(hits == UINT64_MAX);
	for (i = 0; i < N_KEYS; i++)
		CHECK(datas[i] == (void *)(uintptr_t)(i + 1));
	k13 = odd_key(9);
	CHECK(rte_hash_lookup(h13, &k13) >= 0);
	k13 = odd_key(200);
	CHECK(rte_hash_lookup(h13, &k13) == -ENOENT);
	CHECK(rte_hash_add_key_data(h4, &added, (void *)(uintptr_t)0x5ec) >= 0);

	lpm = rte_lpm_find_existing("mp_lpm");
	CHECK(lpm != NULL);
	CHECK(rte_lpm_lookup(lpm, ROUTE_B + 9, &hop) == 0 && hop == 2);
	CHECK(rte_lpm_lookup(lpm, ROUTE_A + 9, &hop) == 0 && hop == 1);

	fib = rte_fib_find_existing("mp_fib");
	CHECK(fib != NULL);
	ips[0] = ROUTE_B + 1;
	ips[1] = ROUTE_A + 1;
	ips[2] = RTE_IPV4(192, 0, 2, 1);
	ips[3] = ROUTE_B + 255;
	CHECK(rte_fib_lookup_bulk(fib, ips, nh, 4) == 0);
	CHECK(nh[0] == 2 && nh[1] == 1 && nh[2] == 99 && nh[3] == 2);

	st = rte_stack_lookup("mp_stack");
	CHECK(st != NULL && rte_stack_count(st) == 3);
	CHECK(rte_stack_pop(st, &data, 1) == 1 && data == (void *)(uintptr_t)3);

	fbk = rte_fbk_hash_find_existing("mp_fbk");
	CHECK(fbk != NULL && rte_fbk_hash_find_existing("mp_none") == NULL);
	CHECK(rte_fbk_hash_lookup_with_bucket(fbk, 77, fbk_bucket(fbk, 77)) == 770);
	CHECK(rte_fbk_hash_lookup_with_bucket(fbk, 78, fbk_bucket(fbk, 78)) == -ENOENT);
	CHECK(rte_fbk_hash_add_key_with_bucket(fbk, 78, 780, fbk_bucket(fbk, 78)) == 0);

	rss = rte_thash_find_existing("mp_rss");
	CHECK(rss != NULL && rte_thash_find_existing("mp_none") == NULL);
	CHECK(memcmp(rte_thash_get_key(rss), mp_rss_key, sizeof(mp_rss_key)) == 0);
	CHECK(rte_eal_cleanup() == 0);
	return 0;
}

static void
test_tables_in_secondary(void **state)
{
	struct rte_hash_parameters hp = { .entries = 1024, .socket_id = SOCKET_ID_ANY };
	struct rte_lpm_config lc = { .max_rules = 64, .number_tbl8s = 16 };
	struct rte_fib_conf fc = { .type = RTE_FIB_DIR24_8, .default_nh = 99, .max_routes = 64,
		.dir24_8 = { .nh_sz = RTE_FIB_DIR24_8_4B, .num_tbl8 = 16 } };
	uint32_t k, added = 0xabcdef;
	struct rte_hash *h4, *h13;
	struct odd_key k13;
	struct rte_lpm *lpm;
	struct rte_fib *fib;
	struct rte_fbk_hash_params fp = { .name = "mp_fbk", .entries = 256,
		.entries_per_bucket = 4, .socket_id = SOCKET_ID_ANY,
		.hash_func = fbk_hash_low_bits, .init_val = 0x5a5a };
	struct rte_fbk_hash_table *fbk;
	struct rte_thash_ctx *rss;
	struct rte_stack *st;
	unsigned int i;
	void *data;

	RTE_SET_USED(state);
	assert_true(eal_up("--proc-type=primary") >= 0);
	hp.name = "mp_h4";
	hp.key_len = sizeof(uint32_t);
	h4 = rte_hash_create(&hp);
	hp.name = "mp_h13";
	hp.key_len = sizeof(struct odd_key);
	h13 = rte_hash_create(&hp);
	assert_non_null(h4);
	assert_non_null(h13);
	for (i = 0; i < N_KEYS; i++) {
		k = i * 7919u;
		assert_true(rte_hash_add_key_data(h4, &k, (void *)(uintptr_t)(i + 1)) >= 0);
		k13 = odd_key(i);
		assert_true(rte_hash_add_key(h13, &k13) >= 0);
	}
	lpm = rte_lpm_create("mp_lpm", SOCKET_ID_ANY, &lc);
	assert_non_null(lpm);
	assert_int_equal(rte_lpm_add(lpm, ROUTE_A, 16, 1), 0);
	assert_int_equal(rte_lpm_add(lpm, ROUTE_B, 24, 2), 0);
	fib = rte_fib_create("mp_fib", SOCKET_ID_ANY, &fc);
	assert_non_null(fib);
	assert_int_equal(rte_fib_add(fib, ROUTE_A, 16, 1), 0);
	assert_int_equal(rte_fib_add(fib, ROUTE_B, 24, 2), 0);
	st = rte_stack_create("mp_stack", 8, SOCKET_ID_ANY, 0);
	assert_non_null(st);
	for (i = 1; i <= 3; i++) {
		data = (void *)(uintptr_t)i;
		assert_int_equal(rte_stack_push(st, &data, 1), 1);
	}

	fbk = rte_fbk_hash_create(&fp);
	assert_non_null(fbk);
	assert_int_equal(rte_fbk_hash_add_key(fbk, 77, 770), 0);
	rss = rte_thash_init_ctx("mp_rss", sizeof(mp_rss_key), 7, (uint8_t *)(uintptr_t)mp_rss_key,
		0);
	assert_non_null(rss);

	assert_int_equal(run_secondary(), 0);
	/* What the secondary added to the four-byte-key table is seen here. */
	assert_int_equal(rte_fbk_hash_lookup(fbk, 78), 780);
	/* The secondary took the top of the stack. */
	assert_int_equal(rte_stack_count(st), 2);
	/* What the secondary added is in the primary's table. */
	assert_true(rte_hash_lookup_data(h4, &added, &data) >= 0);
	assert_ptr_equal(data, (void *)(uintptr_t)0x5ec);
	assert_int_equal(rte_hash_count(h4), N_KEYS + 1);

	rte_thash_free_ctx(rss);
	rte_fbk_hash_free(fbk);
	rte_stack_free(st);
	rte_fib_free(fib);
	rte_lpm_free(lpm);
	rte_hash_free(h13);
	rte_hash_free(h4);
	assert_int_equal(rte_eal_cleanup(), 0);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables_in_secondary),
	};

	if (argc == 2 && strcmp(argv[1], "--secondary") == 0)
		return secondary_main();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
