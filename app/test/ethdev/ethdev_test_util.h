/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the ethdev, pmd_null and pmd_ring suites. */
#ifndef _ETHDEV_TEST_UTIL_H_
#define _ETHDEV_TEST_UTIL_H_

#include "test_common.h"

#include <stdio.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

/* EAL arguments that load the PMDs under test (see meson.build). */
#define TEST_PMD_ARGS "-d", TEST_NULL_PMD, "-d", TEST_RING_PMD

/*
 * Bring EAL up for a test program - no hugepages, the PMDs under test, quiet logs, a file
 * prefix unique to this process (the same test may run from several build folders at once) -
 * and create an mbuf pool of nb_mbufs. lcore_opt/lcore_arg select the lcores ("-l", "0").
 * Returns the pool, or NULL after printing why.
 */
static inline struct rte_mempool *
test_env_init(const char *name, const char *lcore_opt, const char *lcore_arg,
		unsigned int nb_mbufs, unsigned int cache)
{
	char prefix[64], pool_name[RTE_MEMPOOL_NAMESIZE];
	const char *const args[] = { name, "--no-huge", lcore_opt, lcore_arg, prefix,
		"--log-level=lib.ethdev:critical", "--log-level=pmd.*:critical",
		"--log-level=bus.*:critical", "--log-level=lib.eal:critical",
		TEST_PMD_ARGS, NULL };
	struct rte_mempool *mp;
	struct test_argv a;

	snprintf(prefix, sizeof(prefix), "--file-prefix=%s_%d", name, (int)getpid());
	test_argv_build(&a, args);
	if (rte_eal_init(a.argc, a.argv) < 0) {
		printf("# rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return NULL;
	}
	snprintf(pool_name, sizeof(pool_name), "%.20s_pool", name);
	mp = rte_pktmbuf_pool_create(pool_name, nb_mbufs, cache, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
			SOCKET_ID_ANY);
	if (mp == NULL)
		printf("# mbuf pool creation failed: %s\n", rte_strerror(rte_errno));
	return mp;
}

/* Undo test_env_init. */
static inline int
test_env_fini(struct rte_mempool *mp)
{
	rte_mempool_free(mp);
	return rte_eal_cleanup();
}

/* Bytes allocated from EAL's heap on every socket (leak checks). */
static inline size_t
test_malloc_bytes(void)
{
	struct rte_malloc_socket_stats st;
	size_t total = 0;
	int s;

	for (s = 0; s < RTE_MAX_NUMA_NODES; s++)
		if (rte_malloc_get_socket_stats(s, &st) == 0)
			total += st.heap_allocsz_bytes;
	return total;
}

/* Configure port with nq rx/tx queues from mp and start it; asserts on failure. */
static inline void
test_port_up(uint16_t port, uint16_t nq, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	uint16_t q;

	memset(&conf, 0, sizeof(conf));
	assert_int_equal(rte_eth_dev_configure(port, nq, nq, &conf), 0);
	for (q = 0; q < nq; q++) {
		assert_int_equal(rte_eth_rx_queue_setup(port, q, 256, rte_eth_dev_socket_id(port),
				NULL, mp), 0);
		assert_int_equal(rte_eth_tx_queue_setup(port, q, 256, rte_eth_dev_socket_id(port),
				NULL), 0);
	}
	assert_int_equal(rte_eth_dev_start(port), 0);
}

/* Stop, close and detach port; returns the device name in devname. */
static inline void
test_port_remove(uint16_t port, char *devname)
{
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_dev_close(port), 0);
	assert_int_equal(rte_eth_dev_detach(port, devname), 0);
	assert_false(rte_eth_dev_is_valid_port(port));
}

/* Allocate n mbufs of len bytes each, payload byte i = seed + i. */
static inline void
test_fill(struct rte_mempool *mp, struct rte_mbuf **m, unsigned int n, uint16_t len,
		uint8_t seed)
{
	unsigned int i;

	assert_int_equal(rte_pktmbuf_alloc_bulk(mp, m, n), 0);
	for (i = 0; i < n; i++) {
		uint8_t *p = (uint8_t *)rte_pktmbuf_append(m[i], len);

		assert_non_null(p);
		memset(p, (uint8_t)(seed + i), len);
	}
}

#endif /* _ETHDEV_TEST_UTIL_H_ */
