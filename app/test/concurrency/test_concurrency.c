/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Readers and a writer on two lcores, for a set time, checking every answer the readers get:
 *   - rte_hash with lock-free readers (RW_CONCURRENCY_LF and RCU reclamation): a table kept
 *     nearly full so that the writer's adds move stable keys between their two buckets while
 *     the reader looks them up; stable keys must always be found with their data, absent keys
 *     never;
 *   - rte_lpm with RCU reclamation of tbl8 groups: the writer adds and deletes more specific
 *     routes under stable ones (creating and freeing tbl8 groups); every reader lookup must
 *     return the stable route or the more specific one, never a miss or another next hop.
 * The time per case is STRESS_SECONDS (default 2). devtools/test-tsan.sh builds this program
 * with ThreadSanitizer and runs it for minutes.
 */
#include "test_eal_main.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_cycles.h>
#include <rte_hash.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_lpm.h>
#include <rte_malloc.h>
#include <rte_pause.h>
#include <rte_rcu_qsbr.h>
#include <rte_vect.h>

#define READER_ID 1

static unsigned long stop_flag;
static unsigned long reader_errors, reader_lookups, writer_errors;
static struct rte_rcu_qsbr *qsbr;

static int
should_stop(void)
{
	return __atomic_load_n(&stop_flag, __ATOMIC_ACQUIRE) != 0;
}

static uint64_t
run_cycles(void)
{
	const char *s = getenv("STRESS_SECONDS");
	double secs = s != NULL ? atof(s) : 2.0;

	if (secs <= 0)
		secs = 2.0;
	return (uint64_t)(secs * (double)rte_get_timer_hz());
}

static struct rte_rcu_qsbr *
make_qsbr(void)
{
	size_t sz = rte_rcu_qsbr_get_memsize(2);
	struct rte_rcu_qsbr *v = rte_zmalloc("stress_qsbr", sz, RTE_CACHE_LINE_SIZE);

	assert_non_null(v);
	assert_int_equal(rte_rcu_qsbr_init(v, 2), 0);
	return v;
}

static void
reader_online(void)
{
	rte_rcu_qsbr_thread_register(qsbr, READER_ID);
	rte_rcu_qsbr_thread_online(qsbr, READER_ID);
}

static void
reader_offline(void)
{
	rte_rcu_qsbr_thread_offline(qsbr, READER_ID);
	rte_rcu_qsbr_thread_unregister(qsbr, READER_ID);
}

/* Start fn on the worker lcore, run writer until the time is up, then stop and join. */
static void
run_pair(lcore_function_t *fn, void (*writer)(uint64_t round))
{
	unsigned int worker = rte_get_next_lcore(-1, 1, 0);
	uint64_t end, round = 0;

	__atomic_store_n(&stop_flag, 0, __ATOMIC_RELEASE);
	reader_errors = 0;
	reader_lookups = 0;
	writer_errors = 0;
	assert_int_equal(rte_eal_remote_launch(fn, NULL, worker), 0);
	end = rte_get_timer_cycles() + run_cycles();
	while (rte_get_timer_cycles() < end)
		writer(round++);
	__atomic_store_n(&stop_flag, 1, __ATOMIC_RELEASE);
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	test_note("%lu writer rounds, %lu reader lookups, %lu wrong answers, %lu writer errors\n",
		(unsigned long)round, reader_lookups, reader_errors, writer_errors);
	assert_int_equal(reader_errors, 0);
	assert_int_equal(writer_errors, 0);
	assert_true(reader_lookups > 0);
}

/* ---- hash ---- */

#define H_ENTRIES 128   /* a small table: 16 buckets of 8 */
#define H_STABLE 64
#define H_CHURN 56      /* with the stable keys, fills the table to 94% */

struct hkey {
	uint32_t w[4];
};

static struct rte_hash *stress_h;

static struct hkey
hkey(uint32_t i, int stable)
{
	struct hkey k = { { i * 2654435761u, ~i, i, stable ? 0x5aa5c33cu : 0x0ff0f00fu } };

	return k;
}

static int
hash_reader(void *arg)
{
	uint32_t i = 0;

	RTE_SET_USED(arg);
	reader_online();
	while (!should_stop()) {
		struct hkey k = hkey(i % H_STABLE, 1);
		struct hkey absent = hkey(i % H_STABLE + H_STABLE, 1);
		struct hkey bk[8];
		const void *bp[8];
		void *bd[8];
		uint64_t hits = 0;
		void *d = NULL;
		unsigned int j;

		if (rte_hash_lookup_data(stress_h, &k, &d) < 0 ||
				d != (void *)(uintptr_t)(i % H_STABLE + 1))
			reader_errors++;
		if (rte_hash_lookup(stress_h, &absent) != -ENOENT)
			reader_errors++;
		for (j = 0; j < 8; j++) {
			bk[j] = hkey((i + j * 7) % H_STABLE, 1);
			bp[j] = &bk[j];
		}
		if (rte_hash_lookup_bulk_data(stress_h, bp, 8, &hits, bd) != 8 || hits != 0xff)
			reader_errors++;
		for (j = 0; j < 8; j++)
			if (bd[j] != (void *)(uintptr_t)((i + j * 7) % H_STABLE + 1))
				reader_errors++;
		reader_lookups += 10;
		if ((++i & 15) == 0)
			rte_rcu_qsbr_quiescent(qsbr, READER_ID);
	}
	reader_offline();
	return 0;
}

static void
hash_writer(uint64_t round)
{
	uint32_t base = (uint32_t)round * H_CHURN;
	uint32_t i;

	/* Adds into a nearly full table move resident keys; some fail with -ENOSPC. */
	for (i = 0; i < H_CHURN; i++) {
		struct hkey k = hkey(base + i, 0);

		(void)rte_hash_add_key_data(stress_h, &k, (void *)(uintptr_t)0xdead);
	}
	for (i = 0; i < H_CHURN; i++) {
		struct hkey k = hkey(base + i, 0);

		(void)rte_hash_del_key(stress_h, &k);
	}
}

static void
test_hash_lock_free(void **state)
{
	struct rte_hash_parameters p = {
		.name = "stress_lf", .entries = H_ENTRIES, .key_len = sizeof(struct hkey),
		.socket_id = SOCKET_ID_ANY, .extra_flag = RTE_HASH_EXTRA_FLAGS_RW_CONCURRENCY_LF,
	};
	struct rte_hash_rcu_config cfg = { 0 };
	uint32_t i;

	(void)state;
	qsbr = make_qsbr();
	stress_h = rte_hash_create(&p);
	assert_non_null(stress_h);
	cfg.v = qsbr;
	assert_int_equal(rte_hash_rcu_qsbr_add(stress_h, &cfg), 0);
	for (i = 0; i < H_STABLE; i++) {
		struct hkey k = hkey(i, 1);

		assert_int_equal(rte_hash_add_key_data(stress_h, &k, (void *)(uintptr_t)(i + 1)), 0);
	}
	run_pair(hash_reader, hash_writer);
	for (i = 0; i < H_STABLE; i++) {
		struct hkey k = hkey(i, 1);

		assert_true(rte_hash_lookup(stress_h, &k) >= 0);
	}
	rte_hash_free(stress_h);
	rte_free(qsbr);
}

/* ---- lpm ---- */

#define IPV4(a, b, c, d) (((uint32_t)(a) << 24) | ((b) << 16) | ((c) << 8) | (d))
#define NH_WIDE 1      /* 10.0.0.0/8, stable */
#define NH_HOST_NET 3  /* 192.168.0.0/16, stable */
#define NH_SUB 7       /* 10.<x>.<y>.0/25, added and deleted */
#define NH_HOST 9      /* 192.168.<x>.<y>/32, added and deleted */
#define L_CHURN 16     /* more specific routes per round, each in its own tbl8 group */

static struct rte_lpm *stress_lpm;

static uint32_t
churn_net(uint32_t k)
{
	return IPV4(10, (k >> 8) & 0xff, k & 0xff, 0);
}

static uint32_t
churn_host(uint32_t k)
{
	return IPV4(192, 168, (k >> 7) & 0xff, ((k & 0x7f) << 1) | 1);
}

/* One lookup answer, given the next hops it may legitimately be. */
static void
check_hop_(int line, int ret, uint32_t hop, uint32_t stable, uint32_t specific)
{
	if (ret != 0 || (hop != stable && hop != specific)) {
		if (reader_errors++ == 0)
			printf("# first wrong answer: line %d, ret %d, next hop %u (expected %u or %u)\n",
				line, ret, hop, stable, specific);
	}
}

#define check_hop(...) check_hop_(__LINE__, __VA_ARGS__)
static int
lpm_reader(void *arg)
{
	uint32_t i = 0;

	RTE_SET_USED(arg);
	reader_online();
	while (!should_stop()) {
		uint32_t k = (i * 37) % (L_CHURN * 4);
		uint32_t ips[4] = { churn_net(k) | 5, churn_net(k) | 200, churn_host(k),
			IPV4(11, 0, 0, 1) };
		uint32_t hops[4], hop = 0;
		xmm_t v;
		int ret;

		ret = rte_lpm_lookup(stress_lpm, ips[0], &hop);
		check_hop(ret, hop, NH_WIDE, NH_SUB);
		/* outside the /25: always the /8, even while its tbl8 group comes and goes */
		ret = rte_lpm_lookup(stress_lpm, ips[1], &hop);
		check_hop(ret, hop, NH_WIDE, NH_WIDE);
		ret = rte_lpm_lookup(stress_lpm, ips[2], &hop);
		check_hop(ret, hop, NH_HOST_NET, NH_HOST);
		if (rte_lpm_lookup(stress_lpm, ips[3], &hop) != -ENOENT)
			reader_errors++;

		rte_lpm_lookup_bulk(stress_lpm, ips, hops, 4);
		check_hop(0, hops[0] & 0x00ffffff, NH_WIDE, NH_SUB);
		check_hop(0, hops[1] & 0x00ffffff, NH_WIDE, NH_WIDE);
		check_hop(0, hops[2] & 0x00ffffff, NH_HOST_NET, NH_HOST);
		if ((hops[0] & hops[1] & hops[2] & RTE_LPM_LOOKUP_SUCCESS) == 0 ||
				(hops[3] & RTE_LPM_LOOKUP_SUCCESS) != 0)
			reader_errors++;

		v = _mm_loadu_si128((const __m128i *)ips);
		rte_lpm_lookupx4(stress_lpm, v, hops, UINT32_MAX);
		check_hop(0, hops[0], NH_WIDE, NH_SUB);
		check_hop(0, hops[1], NH_WIDE, NH_WIDE);
		check_hop(0, hops[2], NH_HOST_NET, NH_HOST);
		if (hops[3] != UINT32_MAX)
			reader_errors++;
		reader_lookups += 12;
		if ((++i & 15) == 0)
			rte_rcu_qsbr_quiescent(qsbr, READER_ID);
	}
	reader_offline();
	return 0;
}

/*
 * Add a route; with every tbl8 group still waiting for the reader to pass a quiescent state,
 * -ENOSPC is a legitimate answer, so retry until the reader has moved on.
 */
static void
lpm_add(uint32_t ip, uint8_t depth, uint32_t hop)
{
	unsigned int tries;
	int ret = -ENOSPC;

	for (tries = 0; tries < 1000000 && ret == -ENOSPC; tries++) {
		ret = rte_lpm_add(stress_lpm, ip, depth, hop);
		if (ret == -ENOSPC)
			rte_pause();
	}
	if (ret != 0)
		writer_errors++;
}

static void
lpm_writer(uint64_t round)
{
	uint32_t base = (uint32_t)(round % 4) * L_CHURN;
	uint32_t i;

	for (i = 0; i < L_CHURN; i++) {
		lpm_add(churn_net(base + i), 25, NH_SUB);
		lpm_add(churn_host(base + i), 32, NH_HOST);
	}
	for (i = 0; i < L_CHURN; i++) {
		if (rte_lpm_delete(stress_lpm, churn_net(base + i), 25) != 0 ||
				rte_lpm_delete(stress_lpm, churn_host(base + i), 32) != 0)
			writer_errors++;
	}
}

static void
test_lpm_rcu(void **state)
{
	/* Groups for three rounds: freed groups must be reclaimed to go on. */
	struct rte_lpm_config c = { .max_rules = 256, .number_tbl8s = 6 * L_CHURN, .flags = 0 };
	struct rte_lpm_rcu_config cfg = { 0 };

	(void)state;
	qsbr = make_qsbr();
	stress_lpm = rte_lpm_create("stress_lpm", SOCKET_ID_ANY, &c);
	assert_non_null(stress_lpm);
	cfg.v = qsbr;
	cfg.mode = RTE_LPM_QSBR_MODE_DQ;
	assert_int_equal(rte_lpm_rcu_qsbr_add(stress_lpm, &cfg), 0);
	assert_int_equal(rte_lpm_add(stress_lpm, IPV4(10, 0, 0, 0), 8, NH_WIDE), 0);
	assert_int_equal(rte_lpm_add(stress_lpm, IPV4(192, 168, 0, 0), 16, NH_HOST_NET), 0);
	run_pair(lpm_reader, lpm_writer);
	rte_lpm_free(stress_lpm);
	rte_free(qsbr);
}

int
main(void)
{
	/* A prefix of its own, so that a ThreadSanitizer run and the meson suite may overlap. */
	static char prefix[64];
	static const char *args[] = { "test_concurrency", "--no-huge", "-m", "256",
		"-l", "0-1", prefix, "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_lock_free),
		cmocka_unit_test(test_lpm_rcu),
	};

	snprintf(prefix, sizeof(prefix), "--file-prefix=test_concurrency_%d", (int)getpid());
	return TEST_RUN_WITH_EAL(args, 2, tests, NULL, NULL);
}
