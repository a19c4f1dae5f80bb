/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linked into a test build of DPDK's unchanged skeleton sample (basicfwd.c), which forwards
 * forever between two ports and has no way to feed it packets. A constructor starts a thread
 * that waits for both net_ring ports to be up, puts packets into port 0's ring, then checks
 * that the skeleton forwarded them across both ports and ends the process with the verdict.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#define NB_INJECT 64

static void *
inject(void *arg)
{
	struct rte_mbuf *m[NB_INJECT];
	struct rte_eth_stats s0, s1;
	struct rte_eth_link l0, l1;
	struct rte_mempool *mp = NULL;
	struct rte_ring *r = NULL;
	int i;

	(void)arg;
	/* Up to 20 s for EAL init and port start. */
	for (i = 0; i < 2000; i++) {
		if (rte_eth_dev_count_avail() == 2 && rte_eth_link_get_nowait(0, &l0) == 0 &&
		    rte_eth_link_get_nowait(1, &l1) == 0 && l0.link_status && l1.link_status &&
		    rte_eth_promiscuous_get(1) == 1) {
			mp = rte_mempool_lookup("MBUF_POOL");
			r = rte_ring_lookup("ETH_RXTX0_net_ring0");
			if (mp != NULL && r != NULL)
				break;
		}
		usleep(10000);
	}
	if (mp == NULL || r == NULL) {
		printf("skeleton_inject: ports never came up\n");
		fflush(stdout);
		_exit(1);
	}
	if (rte_pktmbuf_alloc_bulk(mp, m, NB_INJECT) != 0)
		_exit(1);
	for (i = 0; i < NB_INJECT; i++)
		memset(rte_pktmbuf_append(m[i], 64), i, 64);
	/*
	 * One burst: nothing else enqueues to this ring until the skeleton has forwarded some
	 * of these packets, which it can only see once the whole burst is published.
	 */
	if (rte_ring_enqueue_burst(r, (void **)m, NB_INJECT, NULL) != NB_INJECT)
		_exit(1);
	usleep(500000);
	rte_eth_stats_get(0, &s0);
	rte_eth_stats_get(1, &s1);
	printf("skeleton_inject: port 0 rx %" PRIu64 " tx %" PRIu64 ", port 1 rx %" PRIu64
		" tx %" PRIu64 "\n", s0.ipackets, s0.opackets, s1.ipackets, s1.opackets);
	fflush(stdout);
	/* Forwarded 0 -> 1 and back 1 -> 0, many times over, none dropped. */
	_exit(s1.opackets >= NB_INJECT && s0.opackets >= NB_INJECT &&
		s0.oerrors + s1.oerrors == 0 ? 0 : 1);
}

RTE_INIT(skeleton_inject_start)
{
	pthread_t t;

	pthread_create(&t, NULL, inject, NULL);
	pthread_detach(t);
}
