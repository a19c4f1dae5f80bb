/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The fast-path table and the grace periods that make detaching under traffic safe.
 *
 * rte_eth_rx_burst reads a function pointer and a queue-array pointer from rte_eth_fp_ops
 * without any synchronisation, in an order the compiler chooses. So the control path never
 * changes both at once:
 *   - stop:   the functions become no-ops; the queue array and the queues stay valid;
 *   - start:  the queue array is published, a grace period passes, then the functions;
 *   - before freeing queues or a queue array (close, reconfigure, release): the functions are
 *     no-ops (port stopped), a grace period passes so nobody is still inside the driver's
 *     burst, the array pointer goes back to the static empty one, and a second grace period
 *     passes so nobody still holds the old array pointer.
 * A grace period is a QSBR synchronize over the lcores registered with
 * rte_eth_dev_fp_register; with none registered it costs nothing, which is DPDK's behaviour.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_rcu_qsbr.h>

#include "ethdev_private.h"

struct rte_eth_fp_ops rte_eth_fp_ops[RTE_MAX_ETHPORTS];
struct rte_rcu_qsbr *rte_eth_fp_qsbr;

/* Queue arrays a port without queues points to: reading any slot gives NULL. */
static void *eth_dummy_queues[RTE_MAX_QUEUES_PER_PORT];

/*
 * Heads of the receive and transmit callback lists, per port and queue. The fast-path table
 * points at them for the whole life of the process, so the inline burst functions can always
 * read them; a NULL head is the common case and costs one load and one branch.
 */
void *eth_rx_cb_heads[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
void *eth_tx_cb_heads[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];

/* Which lcores are registered readers (written under fp_reg_lock, read by the lock helpers). */
static uint8_t fp_registered[RTE_MAX_LCORE];
static pthread_mutex_t fp_reg_lock = PTHREAD_MUTEX_INITIALIZER;

static uint16_t
eth_dummy_rx(void *rxq, struct rte_mbuf **pkts, uint16_t nb)
{
	RTE_SET_USED(rxq);
	RTE_SET_USED(pkts);
	RTE_SET_USED(nb);
	return 0;
}

static uint16_t
eth_dummy_tx(void *txq, struct rte_mbuf **pkts, uint16_t nb)
{
	RTE_SET_USED(txq);
	RTE_SET_USED(pkts);
	RTE_SET_USED(nb);
	return 0;
}

static int
eth_dummy_queue_count(void *q)
{
	RTE_SET_USED(q);
	return -ENODEV;
}

static int
eth_dummy_desc_status(void *q, uint16_t offset)
{
	RTE_SET_USED(q);
	RTE_SET_USED(offset);
	return -ENODEV;
}

static void
fp_set_functions(struct rte_eth_fp_ops *fp, eth_rx_burst_t rx, eth_tx_burst_t tx,
		eth_tx_prep_t prep)
{
	__atomic_store_n(&fp->rx_pkt_burst, rx, __ATOMIC_RELEASE);
	__atomic_store_n(&fp->tx_pkt_burst, tx, __ATOMIC_RELEASE);
	__atomic_store_n(&fp->tx_pkt_prepare, prep, __ATOMIC_RELEASE);
}

static void
fp_set_queues(struct rte_eth_fp_ops *fp, void **rxq, void **txq)
{
	__atomic_store_n(&fp->rxq.data, rxq, __ATOMIC_RELEASE);
	__atomic_store_n(&fp->txq.data, txq, __ATOMIC_RELEASE);
}

/* Runs before main(): every port id, used or not, is safe to poll. */
RTE_INIT(eth_dev_fp_ops_init)
{
	uint16_t i;

	for (i = 0; i < RTE_MAX_ETHPORTS; i++)
		eth_dev_fp_ops_reset(i);
}

void
eth_dev_fp_ops_reset(uint16_t port_id)
{
	struct rte_eth_fp_ops *fp = &rte_eth_fp_ops[port_id];

	fp_set_functions(fp, eth_dummy_rx, eth_dummy_tx, NULL);
	fp->rx_queue_count = eth_dummy_queue_count;
	fp->rx_descriptor_status = eth_dummy_desc_status;
	fp->tx_descriptor_status = eth_dummy_desc_status;
	fp->rxq.clbk = eth_rx_cb_heads[port_id];
	fp->txq.clbk = eth_tx_cb_heads[port_id];
	fp_set_queues(fp, eth_dummy_queues, eth_dummy_queues);
}

void
eth_dev_fp_ops_quiesce(uint16_t port_id)
{
	fp_set_functions(&rte_eth_fp_ops[port_id], eth_dummy_rx, eth_dummy_tx, NULL);
}

void
eth_dev_fp_ops_setup(struct rte_eth_dev *dev)
{
	struct rte_eth_fp_ops *fp = &rte_eth_fp_ops[dev->data->port_id];

	fp_set_queues(fp, dev->data->rx_queues, dev->data->tx_queues);
	/* A driver without these gives -ENOTSUP through the inline functions. */
	fp->rx_queue_count = dev->rx_queue_count;
	fp->rx_descriptor_status = dev->rx_descriptor_status;
	fp->tx_descriptor_status = dev->tx_descriptor_status;
	/* Readers must see the queue arrays before they can see functions that use them. */
	eth_dev_fp_synchronize();
	fp_set_functions(fp, dev->rx_pkt_burst != NULL ? dev->rx_pkt_burst : eth_dummy_rx,
			dev->tx_pkt_burst != NULL ? dev->tx_pkt_burst : eth_dummy_tx,
			dev->tx_pkt_prepare);
}

void
eth_dev_fp_ops_unpublish(uint16_t port_id)
{
	struct rte_eth_fp_ops *fp = &rte_eth_fp_ops[port_id];

	eth_dev_fp_ops_quiesce(port_id);
	if (fp->rxq.data == eth_dummy_queues && fp->txq.data == eth_dummy_queues)
		return;
	eth_dev_fp_synchronize();
	fp_set_queues(fp, eth_dummy_queues, eth_dummy_queues);
	eth_dev_fp_synchronize();
}

/* The caller's reader id if it is a registered lcore, so it does not wait for itself. */
static unsigned int
fp_self_id(void)
{
	unsigned int id = rte_lcore_id();

	if (id < RTE_MAX_LCORE && __atomic_load_n(&fp_registered[id], __ATOMIC_ACQUIRE))
		return id;
	return RTE_QSBR_THRID_INVALID;
}

/*
 * Like rte_rcu_qsbr_synchronize, but yielding the CPU between checks: the readers we wait
 * for may share this CPU (more lcores than cores), and spinning would only delay them.
 */
void
eth_dev_fp_synchronize(void)
{
	struct rte_rcu_qsbr *v = __atomic_load_n(&rte_eth_fp_qsbr, __ATOMIC_ACQUIRE);
	unsigned int self;
	uint64_t token;

	if (v == NULL)
		return;
	self = fp_self_id();
	token = rte_rcu_qsbr_start(v);
	if (self != RTE_QSBR_THRID_INVALID)
		rte_rcu_qsbr_quiescent(v, self);
	while (!rte_rcu_qsbr_check(v, token, false))
		sched_yield();
}

int
rte_eth_dev_fp_register(void)
{
	unsigned int id = rte_lcore_id();
	struct rte_rcu_qsbr *v;
	int ret = 0;

	if (id >= RTE_MAX_LCORE) {
		ETHDEV_LOG(ERR, "fp register: the calling thread has no lcore id");
		return -EINVAL;
	}
	pthread_mutex_lock(&fp_reg_lock);
	v = rte_eth_fp_qsbr;
	if (v == NULL) {
		/*
		 * Plain heap, kept for the life of the process: it must outlive EAL's heap
		 * (ports are released during rte_eal_cleanup) and is not a per-port resource.
		 */
		size_t sz = rte_rcu_qsbr_get_memsize(RTE_MAX_LCORE);

		v = aligned_alloc(RTE_CACHE_LINE_SIZE, RTE_ALIGN_CEIL(sz, RTE_CACHE_LINE_SIZE));
		if (v == NULL || rte_rcu_qsbr_init(v, RTE_MAX_LCORE) != 0) {
			free(v);
			pthread_mutex_unlock(&fp_reg_lock);
			ETHDEV_LOG(ERR, "fp register: cannot create the QSBR variable");
			return -ENOMEM;
		}
		__atomic_store_n(&rte_eth_fp_qsbr, v, __ATOMIC_RELEASE);
	}
	if (!fp_registered[id]) {
		ret = rte_rcu_qsbr_thread_register(v, id);
		if (ret == 0) {
			rte_rcu_qsbr_thread_online(v, id);
			__atomic_store_n(&fp_registered[id], 1, __ATOMIC_RELEASE);
		}
	}
	pthread_mutex_unlock(&fp_reg_lock);
	if (ret != 0)
		ETHDEV_LOG(ERR, "fp register: lcore %u refused by QSBR (%d)", id, ret);
	return ret != 0 ? -EINVAL : 0;
}

int
rte_eth_dev_fp_unregister(void)
{
	unsigned int id = rte_lcore_id();
	struct rte_rcu_qsbr *v = rte_eth_fp_qsbr;

	if (id >= RTE_MAX_LCORE || v == NULL || !fp_registered[id]) {
		ETHDEV_LOG(ERR, "fp unregister: lcore %u is not registered", id);
		return -EINVAL;
	}
	pthread_mutex_lock(&fp_reg_lock);
	__atomic_store_n(&fp_registered[id], 0, __ATOMIC_RELEASE);
	rte_rcu_qsbr_thread_offline(v, id);
	rte_rcu_qsbr_thread_unregister(v, id);
	pthread_mutex_unlock(&fp_reg_lock);
	return 0;
}

/* Recursive so that drivers called under it may call back into ethdev. */
static pthread_mutex_t eth_table_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t eth_hp_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

/* Take a lock; a registered reader is offline while it waits (see ethdev_private.h). */
static void
lock_as_reader(pthread_mutex_t *m)
{
	unsigned int id;

	if (pthread_mutex_trylock(m) == 0)
		return;
	id = fp_self_id();
	if (id == RTE_QSBR_THRID_INVALID) {
		pthread_mutex_lock(m);
		return;
	}
	rte_rcu_qsbr_thread_offline(rte_eth_fp_qsbr, id);
	pthread_mutex_lock(m);
	rte_rcu_qsbr_thread_online(rte_eth_fp_qsbr, id);
}

void
eth_dev_lock(void)
{
	lock_as_reader(&eth_table_lock);
}

void
eth_dev_unlock(void)
{
	pthread_mutex_unlock(&eth_table_lock);
}

void
eth_hotplug_lock(void)
{
	lock_as_reader(&eth_hp_lock);
}

void
eth_hotplug_unlock(void)
{
	pthread_mutex_unlock(&eth_hp_lock);
}
