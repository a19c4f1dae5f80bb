/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Packet capture for secondary processes. The secondary (client) sends a request over the EAL
 * IPC channel; the primary (server) installs or removes receive/transmit callbacks that copy
 * each burst into the client's mempool and enqueue the copies on the client's ring. Rings and
 * pools are shared memory mapped at the same address in every process of the prefix, so the
 * request carries their pointers. Counters live in a memzone so that any process can read them.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>
#include <rte_mempool.h>
#include <rte_pcapng.h>
#include <rte_ring.h>
#include <rte_string_fns.h>

#include "rte_pdump.h"

RTE_LOG_REGISTER_DEFAULT(pdump_logtype, NOTICE);
#define PDUMP_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, pdump_logtype, "PDUMP: " fmt "\n", ##__VA_ARGS__)

#define PDUMP_MP "mp_pdump"
#define PDUMP_STATS_MZ "rte_pdump_stats"
#define PDUMP_REQ_TIMEOUT_S 5
#define PDUMP_BURST 32
#define PDUMP_ALL_FLAGS (RTE_PDUMP_FLAG_RXTX | RTE_PDUMP_FLAG_PCAPNG)

enum pdump_op {
	PDUMP_OP_ENABLE = 1,
	PDUMP_OP_DISABLE = 2,
};

/* Sent by the client; both processes are built from the same tree, so no versioning. */
struct pdump_request {
	uint16_t op;
	uint16_t port;
	uint16_t queue;
	uint32_t flags;
	uint32_t snaplen;
	int32_t pid; /* of the client */
	struct rte_ring *ring;
	struct rte_mempool *mp;
};

struct pdump_response {
	uint16_t op;
	int32_t err; /* 0 or negative errno */
};

/* Counters of one queue and direction: written only by the lcore polling that queue. */
struct pdump_counters {
	uint64_t accepted;
	uint64_t filtered;
	uint64_t nombuf;
	uint64_t ringfull;
};

struct pdump_shared {
	struct pdump_counters rx[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
	struct pdump_counters tx[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
};

/* What a callback needs; its address is the callback's user parameter. */
struct pdump_cb {
	const struct rte_eth_rxtx_callback *cb; /* NULL: capture off */
	struct rte_ring *ring;
	struct rte_mempool *mp;
	struct pdump_counters *stats;
	uint32_t snaplen;
	uint32_t flags;
	pid_t owner; /* client that enabled the capture */
};

/* Server state, in the primary only; control path serialised by pdump_lock. */
static struct pdump_cb rx_cbs[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
static struct pdump_cb tx_cbs[RTE_MAX_ETHPORTS][RTE_MAX_QUEUES_PER_PORT];
static pthread_mutex_t pdump_lock = PTHREAD_MUTEX_INITIALIZER;
static const struct rte_memzone *pdump_mz;
static struct pdump_shared *pdump_shared;

static inline void
counter_add(uint64_t *c, uint64_t n)
{
	if (n != 0)
		__atomic_fetch_add(c, n, __ATOMIC_RELAXED);
}

/* Copy a burst into the client's pool and ring; the burst itself is left untouched. */
static void
pdump_copy(struct pdump_cb *cbs, uint16_t port, uint16_t queue, struct rte_mbuf **pkts,
		uint16_t nb, enum rte_pcapng_direction dir)
{
	struct rte_mbuf *dup[PDUMP_BURST];
	uint64_t ts = 0, nombuf = 0, ringfull = 0, accepted = 0;
	unsigned int i, n, sent;
	uint16_t done = 0;

	if (cbs->flags & RTE_PDUMP_FLAG_PCAPNG)
		ts = rte_get_tsc_cycles();
	while (done < nb) {
		uint16_t chunk = RTE_MIN((uint16_t)(nb - done), (uint16_t)PDUMP_BURST);

		n = 0;
		for (i = 0; i < chunk; i++) {
			struct rte_mbuf *m = pkts[done + i];
			struct rte_mbuf *p;

			if (cbs->flags & RTE_PDUMP_FLAG_PCAPNG)
				p = rte_pcapng_copy(port, queue, m, cbs->mp, cbs->snaplen, ts, dir);
			else
				p = rte_pktmbuf_copy(m, cbs->mp, 0, cbs->snaplen);
			if (p == NULL)
				nombuf++;
			else
				dup[n++] = p;
		}
		accepted += n;
		sent = rte_ring_enqueue_burst(cbs->ring, (void **)dup, n, NULL);
		if (sent < n) {
			ringfull += n - sent;
			rte_pktmbuf_free_bulk(&dup[sent], n - sent);
		}
		done += chunk;
	}
	counter_add(&cbs->stats->accepted, accepted);
	counter_add(&cbs->stats->nombuf, nombuf);
	counter_add(&cbs->stats->ringfull, ringfull);
}

static uint16_t
pdump_rx(uint16_t port, uint16_t queue, struct rte_mbuf *pkts[], uint16_t nb_pkts,
		uint16_t max_pkts __rte_unused, void *user_param)
{
	pdump_copy(user_param, port, queue, pkts, nb_pkts, RTE_PCAPNG_DIRECTION_IN);
	return nb_pkts;
}

static uint16_t
pdump_tx(uint16_t port, uint16_t queue, struct rte_mbuf *pkts[], uint16_t nb_pkts,
		void *user_param)
{
	pdump_copy(user_param, port, queue, pkts, nb_pkts, RTE_PCAPNG_DIRECTION_OUT);
	return nb_pkts;
}

/*
 * Unlink a callback. The entry's ring, pool and counters are left as they are: a burst on
 * another lcore may still be running the callback (ethdev only guarantees that bursts
 * starting later do not call it).
 */
static int
pdump_remove(bool rx, uint16_t port, uint16_t q)
{
	struct pdump_cb *cbs = rx ? &rx_cbs[port][q] : &tx_cbs[port][q];
	int ret;

	if (cbs->cb == NULL)
		return 0;
	ret = rx ? rte_eth_remove_rx_callback(port, q, cbs->cb) :
		rte_eth_remove_tx_callback(port, q, cbs->cb);
	cbs->cb = NULL;
	return ret;
}

/*
 * A capture whose client process has ended without disabling it (killed) would copy
 * packets for nobody forever and block new captures of the queue: remove it.
 */
static bool
pdump_owner_gone(bool rx, uint16_t port, uint16_t q)
{
	struct pdump_cb *cbs = rx ? &rx_cbs[port][q] : &tx_cbs[port][q];
	pid_t owner = cbs->owner;

	if (owner <= 0 || kill(owner, 0) == 0 || errno != ESRCH)
		return false;
	PDUMP_LOG(NOTICE, "port %u %s queue %u: removing the capture of exited process %d",
		port, rx ? "rx" : "tx", q, (int)owner);
	pdump_remove(rx, port, q);
	return true;
}

static int
pdump_add(bool rx, const struct pdump_request *req, uint16_t q)
{
	struct pdump_cb *cbs = rx ? &rx_cbs[req->port][q] : &tx_cbs[req->port][q];

	cbs->ring = req->ring;
	cbs->mp = req->mp;
	cbs->snaplen = req->snaplen == 0 ? UINT32_MAX : req->snaplen;
	cbs->flags = req->flags;
	cbs->owner = req->pid;
	cbs->stats = rx ? &pdump_shared->rx[req->port][q] : &pdump_shared->tx[req->port][q];
	cbs->cb = rx ? rte_eth_add_rx_callback(req->port, q, pdump_rx, cbs) :
		rte_eth_add_tx_callback(req->port, q, pdump_tx, cbs);
	if (cbs->cb == NULL) {
		PDUMP_LOG(ERR, "port %u %s queue %u: cannot add callback: %s", req->port,
			rx ? "rx" : "tx", q, rte_strerror(rte_errno));
		return -rte_errno;
	}
	return 0;
}

/* The queues a request names: [*first, *last) for one direction. */
static int
pdump_queue_range(const struct pdump_request *req, uint16_t nb_queues, const char *dir,
		uint16_t *first, uint16_t *last)
{
	if (req->queue == RTE_PDUMP_ALL_QUEUES) {
		*first = 0;
		*last = nb_queues;
		return 0;
	}
	if (req->queue >= nb_queues) {
		PDUMP_LOG(ERR, "port %u has %u %s queues, no queue %u", req->port, nb_queues, dir,
			req->queue);
		return -EINVAL;
	}
	*first = req->queue;
	*last = req->queue + 1;
	return 0;
}

/* Serve a request in the primary; 0 or a negative errno, logged here. */
static int
pdump_serve(const struct pdump_request *req)
{
	struct rte_eth_dev_info info;
	uint16_t first[2], last[2], q;
	bool enable = req->op == PDUMP_OP_ENABLE;
	int d, ret = 0;

	if (req->op != PDUMP_OP_ENABLE && req->op != PDUMP_OP_DISABLE) {
		PDUMP_LOG(ERR, "unknown request %u", req->op);
		return -EINVAL;
	}
	if (!rte_eth_dev_is_valid_port(req->port)) {
		PDUMP_LOG(ERR, "no port %u", req->port);
		return -EINVAL;
	}
	if ((req->flags & RTE_PDUMP_FLAG_RXTX) == 0 || (req->flags & ~PDUMP_ALL_FLAGS) != 0) {
		PDUMP_LOG(ERR, "bad flags 0x%x", req->flags);
		return -EINVAL;
	}
	if (enable && (req->ring == NULL || req->mp == NULL)) {
		PDUMP_LOG(ERR, "port %u: no ring or no mempool", req->port);
		return -EINVAL;
	}
	ret = rte_eth_dev_info_get(req->port, &info);
	if (ret < 0) {
		PDUMP_LOG(ERR, "port %u: cannot read its queues: %s", req->port, strerror(-ret));
		return ret;
	}
	/* Check every queue first, so that a request is done entirely or not at all. */
	for (d = 0; d < 2; d++) {
		bool rx = d == 0;

		first[d] = last[d] = 0;
		if (!(req->flags & (rx ? RTE_PDUMP_FLAG_RX : RTE_PDUMP_FLAG_TX)))
			continue;
		ret = pdump_queue_range(req, rx ? info.nb_rx_queues : info.nb_tx_queues,
			rx ? "rx" : "tx", &first[d], &last[d]);
		if (ret < 0)
			return ret;
		for (q = first[d]; q < last[d]; q++) {
			bool on = (rx ? rx_cbs : tx_cbs)[req->port][q].cb != NULL;

			if (enable && on && pdump_owner_gone(rx, req->port, q))
				on = false;
			if (enable && on) {
				PDUMP_LOG(ERR, "port %u %s queue %u: capture already enabled",
					req->port, rx ? "rx" : "tx", q);
				return -EEXIST;
			}
			if (!enable && !on) {
				PDUMP_LOG(ERR, "port %u %s queue %u: capture not enabled",
					req->port, rx ? "rx" : "tx", q);
				return -EINVAL;
			}
		}
	}
	if (enable && last[0] == 0 && last[1] == 0) {
		PDUMP_LOG(ERR, "port %u has no queue to capture", req->port);
		return -EINVAL;
	}
	for (d = 0; d < 2 && ret == 0; d++)
		for (q = first[d]; q < last[d] && ret == 0; q++)
			ret = enable ? pdump_add(d == 0, req, q) : pdump_remove(d == 0, req->port, q);
	if (ret < 0 && enable) {
		/* Undo the part done; the entries checked above were all off. */
		for (d = 0; d < 2; d++)
			for (q = first[d]; q < last[d]; q++)
				pdump_remove(d == 0, req->port, q);
	} else if (ret < 0) {
		PDUMP_LOG(ERR, "port %u: cannot remove callback: %s", req->port, strerror(-ret));
	}
	return ret;
}

static int
pdump_serve_locked(const struct pdump_request *req)
{
	int ret;

	pthread_mutex_lock(&pdump_lock);
	if (pdump_shared == NULL) {
		PDUMP_LOG(ERR, "capture requests are not served: rte_pdump_init() not called");
		ret = -ENOENT;
	} else {
		ret = pdump_serve(req);
	}
	pthread_mutex_unlock(&pdump_lock);
	return ret;
}

/* IPC action of the primary. */
static int
pdump_action(const struct rte_mp_msg *msg, const void *peer)
{
	struct pdump_response resp = { 0 };
	struct pdump_request req;
	struct rte_mp_msg out;

	if (msg->len_param != (int)sizeof(req)) {
		PDUMP_LOG(ERR, "request of %d bytes, %zu expected", msg->len_param, sizeof(req));
		resp.err = -EINVAL;
	} else {
		memcpy(&req, msg->param, sizeof(req));
		resp.op = req.op;
		resp.err = pdump_serve_locked(&req);
	}
	memset(&out, 0, sizeof(out));
	rte_strscpy(out.name, PDUMP_MP, sizeof(out.name));
	out.len_param = sizeof(resp);
	memcpy(out.param, &resp, sizeof(resp));
	return rte_mp_reply(&out, peer);
}

int
rte_pdump_init(void)
{
	const struct rte_memzone *mz;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		PDUMP_LOG(ERR, "rte_pdump_init() serves captures from the primary process only");
		rte_errno = EPERM;
		return -EPERM;
	}
	pthread_mutex_lock(&pdump_lock);
	if (pdump_shared != NULL) {
		pthread_mutex_unlock(&pdump_lock);
		return 0;
	}
	mz = rte_memzone_reserve(PDUMP_STATS_MZ, sizeof(struct pdump_shared), SOCKET_ID_ANY, 0);
	if (mz == NULL) {
		pthread_mutex_unlock(&pdump_lock);
		PDUMP_LOG(ERR, "cannot reserve the capture counters: %s", rte_strerror(rte_errno));
		return -rte_errno;
	}
	memset(mz->addr, 0, sizeof(struct pdump_shared));
	pdump_mz = mz;
	pdump_shared = mz->addr;
	pthread_mutex_unlock(&pdump_lock);
	if (rte_mp_action_register(PDUMP_MP, pdump_action) < 0 && rte_errno != ENOTSUP) {
		int err = rte_errno;

		PDUMP_LOG(ERR, "cannot register the IPC action: %s", rte_strerror(err));
		rte_pdump_uninit();
		rte_errno = err;
		return -err;
	}
	return 0;
}

int
rte_pdump_uninit(void)
{
	uint16_t port, q;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	rte_mp_action_unregister(PDUMP_MP);
	pthread_mutex_lock(&pdump_lock);
	for (port = 0; port < RTE_MAX_ETHPORTS; port++) {
		for (q = 0; q < RTE_MAX_QUEUES_PER_PORT; q++) {
			pdump_remove(true, port, q);
			pdump_remove(false, port, q);
		}
	}
	if (pdump_mz != NULL)
		rte_memzone_free(pdump_mz);
	pdump_mz = NULL;
	pdump_shared = NULL;
	pthread_mutex_unlock(&pdump_lock);
	return 0;
}

/* Send a request to the primary (or serve it here in the primary); 0 or negative errno. */
static int
pdump_request(struct pdump_request *req)
{
	struct timespec ts = { .tv_sec = PDUMP_REQ_TIMEOUT_S, .tv_nsec = 0 };
	struct pdump_response resp;
	struct rte_mp_reply reply;
	struct rte_mp_msg msg;
	int ret;

	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		return pdump_serve_locked(req);
	/* The memzone exists exactly while the primary serves requests. */
	if (rte_memzone_lookup(PDUMP_STATS_MZ) == NULL) {
		PDUMP_LOG(ERR, "the primary process does not serve captures (no rte_pdump_init())");
		return -ENOENT;
	}
	memset(&msg, 0, sizeof(msg));
	rte_strscpy(msg.name, PDUMP_MP, sizeof(msg.name));
	msg.len_param = sizeof(*req);
	memcpy(msg.param, req, sizeof(*req));
	memset(&reply, 0, sizeof(reply));
	if (rte_mp_request_sync(&msg, &reply, &ts) < 0) {
		ret = -rte_errno;
		PDUMP_LOG(ERR, "request to the primary failed: %s", rte_strerror(-ret));
		return ret;
	}
	if (reply.nb_received != 1 || reply.msgs[0].len_param != (int)sizeof(resp)) {
		PDUMP_LOG(ERR, "the primary process did not answer the capture request");
		free(reply.msgs);
		return -ENOENT;
	}
	memcpy(&resp, reply.msgs[0].param, sizeof(resp));
	free(reply.msgs);
	/* The primary logged the reason of a refusal. */
	return resp.err;
}

static int
pdump_check_port(uint16_t port)
{
	if (!rte_eth_dev_is_valid_port(port)) {
		PDUMP_LOG(ERR, "no port %u", port);
		return -EINVAL;
	}
	return 0;
}

static int
pdump_check_flags(uint32_t flags)
{
	if ((flags & RTE_PDUMP_FLAG_RXTX) == 0 || (flags & ~PDUMP_ALL_FLAGS) != 0) {
		PDUMP_LOG(ERR, "bad flags 0x%x", flags);
		return -EINVAL;
	}
	return 0;
}

static int
pdump_enable(uint16_t port, uint16_t queue, uint32_t flags, uint32_t snaplen,
		struct rte_ring *ring, struct rte_mempool *mp)
{
	struct pdump_request req;
	int ret;

	ret = pdump_check_port(port);
	if (ret == 0)
		ret = pdump_check_flags(flags);
	if (ret == 0 && (ring == NULL || mp == NULL)) {
		PDUMP_LOG(ERR, "port %u: no ring or no mempool", port);
		ret = -EINVAL;
	}
	/* Several queues, and both directions, copy at the same time. */
	if (ret == 0 && (ring->flags & RING_F_SP_ENQ)) {
		PDUMP_LOG(ERR, "ring %s is single-producer", ring->name);
		ret = -EINVAL;
	}
	if (ret == 0 && (mp->flags & RTE_MEMPOOL_F_SC_GET)) {
		PDUMP_LOG(ERR, "mempool %s is single-consumer", mp->name);
		ret = -EINVAL;
	}
	/*
	 * Checked here, once, rather than failing (and logging) for every packet in the
	 * primary's callbacks: a pcapng copy needs room for the block header and trailer.
	 */
	if (ret == 0 && (mp->private_data_size < sizeof(struct rte_pktmbuf_pool_private) ||
			((flags & RTE_PDUMP_FLAG_PCAPNG) &&
			 rte_pktmbuf_data_room_size(mp) < rte_pcapng_mbuf_size(0)))) {
		PDUMP_LOG(ERR, "mempool %s is not a packet pool or its mbufs are too small",
			mp->name);
		ret = -EINVAL;
	}
	if (ret == 0) {
		memset(&req, 0, sizeof(req));
		req.op = PDUMP_OP_ENABLE;
		req.port = port;
		req.queue = queue;
		req.flags = flags;
		req.snaplen = snaplen;
		req.pid = getpid();
		req.ring = ring;
		req.mp = mp;
		ret = pdump_request(&req);
	}
	if (ret < 0)
		rte_errno = -ret;
	return ret;
}

static int
pdump_port_by_name(const char *name, uint16_t *port)
{
	if (name == NULL || rte_eth_dev_get_port_by_name(name, port) != 0) {
		PDUMP_LOG(ERR, "no port named %s", name == NULL ? "(null)" : name);
		rte_errno = EINVAL;
		return -EINVAL;
	}
	return 0;
}

static int
pdump_no_bpf(const struct rte_bpf_prm *prm)
{
	if (prm != NULL) {
		PDUMP_LOG(ERR, "BPF filters are not supported: no BPF library in this build");
		rte_errno = ENOTSUP;
		return -ENOTSUP;
	}
	return 0;
}

int
rte_pdump_enable(uint16_t port, uint16_t queue, uint32_t flags, struct rte_ring *ring,
		struct rte_mempool *mp, void *filter __rte_unused)
{
	return pdump_enable(port, queue, flags, 0, ring, mp);
}

int
rte_pdump_enable_bpf(uint16_t port_id, uint16_t queue, uint32_t flags, uint32_t snaplen,
		struct rte_ring *ring, struct rte_mempool *mp, const struct rte_bpf_prm *prm)
{
	int ret = pdump_no_bpf(prm);

	return ret < 0 ? ret : pdump_enable(port_id, queue, flags, snaplen, ring, mp);
}

int
rte_pdump_enable_by_deviceid(char *device_id, uint16_t queue, uint32_t flags,
		struct rte_ring *ring, struct rte_mempool *mp, void *filter __rte_unused)
{
	uint16_t port;
	int ret = pdump_port_by_name(device_id, &port);

	return ret < 0 ? ret : pdump_enable(port, queue, flags, 0, ring, mp);
}

int
rte_pdump_enable_bpf_by_deviceid(const char *device_id, uint16_t queue, uint32_t flags,
		uint32_t snaplen, struct rte_ring *ring, struct rte_mempool *mp,
		const struct rte_bpf_prm *filter)
{
	uint16_t port;
	int ret = pdump_no_bpf(filter);

	if (ret == 0)
		ret = pdump_port_by_name(device_id, &port);
	return ret < 0 ? ret : pdump_enable(port, queue, flags, snaplen, ring, mp);
}

int
rte_pdump_disable(uint16_t port, uint16_t queue, uint32_t flags)
{
	struct pdump_request req;
	int ret;

	ret = pdump_check_port(port);
	if (ret == 0)
		ret = pdump_check_flags(flags);
	if (ret == 0) {
		memset(&req, 0, sizeof(req));
		req.op = PDUMP_OP_DISABLE;
		req.port = port;
		req.queue = queue;
		req.flags = flags;
		ret = pdump_request(&req);
	}
	if (ret < 0)
		rte_errno = -ret;
	return ret;
}

int
rte_pdump_disable_by_deviceid(char *device_id, uint16_t queue, uint32_t flags)
{
	uint16_t port;
	int ret = pdump_port_by_name(device_id, &port);

	return ret < 0 ? ret : rte_pdump_disable(port, queue, flags);
}

int
rte_pdump_stats(uint16_t port_id, struct rte_pdump_stats *stats)
{
	const struct rte_memzone *mz;
	const struct pdump_shared *sh;
	unsigned int q;

	if (stats == NULL || !rte_eth_dev_is_valid_port(port_id)) {
		PDUMP_LOG(ERR, "no port %u or no stats", port_id);
		rte_errno = EINVAL;
		return -EINVAL;
	}
	mz = rte_memzone_lookup(PDUMP_STATS_MZ);
	if (mz == NULL) {
		PDUMP_LOG(ERR, "no capture counters: rte_pdump_init() not called in the primary");
		rte_errno = ENOENT;
		return -ENOENT;
	}
	sh = mz->addr;
	memset(stats, 0, sizeof(*stats));
	for (q = 0; q < RTE_MAX_QUEUES_PER_PORT; q++) {
		const struct pdump_counters *c[2] = { &sh->rx[port_id][q], &sh->tx[port_id][q] };
		int d;

		for (d = 0; d < 2; d++) {
			stats->accepted += __atomic_load_n(&c[d]->accepted, __ATOMIC_RELAXED);
			stats->filtered += __atomic_load_n(&c[d]->filtered, __ATOMIC_RELAXED);
			stats->nombuf += __atomic_load_n(&c[d]->nombuf, __ATOMIC_RELAXED);
			stats->ringfull += __atomic_load_n(&c[d]->ringfull, __ATOMIC_RELAXED);
		}
	}
	return 0;
}
