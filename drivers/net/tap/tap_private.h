/* SPDX-License-Identifier: BSD-3-Clause */
/* State shared by the parts of the tap driver. */
#ifndef _TAP_PRIVATE_H_
#define _TAP_PRIVATE_H_

#include <stdint.h>
#include <net/if.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

extern int tap_logtype;
#define TAP_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, tap_logtype, "%s(): " fmt "\n", __func__, ##__VA_ARGS__)

/* The same queue limit as DPDK's driver. */
#define RTE_PMD_TAP_MAX_QUEUES 16
/* The name pattern the kernel fills in when no iface is given, as in DPDK. */
#define TAP_DEFAULT_NAME "dtap%d"
#define TUN_DEFAULT_NAME "dtun%d"
/* Segments one received frame may span (scatter): enough for a 64 KiB frame of 2 KiB mbufs. */
#define TAP_RX_MAX_SEGS 40
/* Segments one transmitted mbuf chain may have; longer chains are dropped and counted. */
#define TAP_TX_MAX_SEGS 128

/* Everything parsed from the device arguments, before anything is created. */
struct tap_args {
	char iface[IF_NAMESIZE];     /* a name, or a default with %d for the kernel to fill in */
	uint8_t tun;                 /* net_tun: an L3 tun interface, no Ethernet header */
	struct rte_ether_addr mac;
	uint8_t have_mac;            /* mac= given (fixed or an address); else random */
};

/*
 * Parse "iface=dtap0,mac=fixed" into args, for net_tun when tun. 0, or -EINVAL (-ENOTSUP for
 * remote) after one log line naming the bad argument.
 */
int tap_args_parse(const char *devname, const char *params, int tun, struct tap_args *args);

struct tap_queue_stats {
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;
};

struct tap_rx_queue {
	int fd;                      /* the queue pair's descriptor, non-blocking (the primary's) */
	uint16_t port_id;
	uint16_t qid;                /* index of the descriptor a secondary holds for it */
	uint16_t nb_segs;            /* mbufs kept ready for one frame (1 without scatter) */
	struct rte_mempool *mp;
	struct rte_mbuf *segs[TAP_RX_MAX_SEGS];   /* ready, reused until a frame fills them */
	struct tap_queue_stats stats;
	uint64_t nombuf;
};

struct tap_tx_queue {
	int fd;
	uint16_t port_id;
	uint16_t qid;
	const uint16_t *mtu;         /* the port's: longest frame is this + Ethernet, VLAN, CRC */
	struct tap_queue_stats stats;
};

/*
 * Open /dev/net/tun and attach a queue of the tap (tun when tun) interface name. With
 * keepalive, this is the port's first descriptor: the interface is created unless a persistent
 * one of that name that nobody holds exists (*persistent then says so), a "%d" in name is
 * filled in by the kernel (the result written back), and the queue is taken out of the data
 * path at once: it only keeps the interface alive. Without, the queue joins the port's
 * interface for traffic.
 * The descriptor (non-blocking), or negative errno after one log line.
 */
int tap_open_queue(char *name, int tun, int keepalive, int *persistent, const char *devname);

/* Interface helpers (SIOC* ioctls on a throwaway socket): 0 or negative errno. */
int tap_if_get_flags(const char *iface, short *flags);
int tap_if_change_flags(const char *iface, short set, short clear);
int tap_if_set_mac(const char *iface, const struct rte_ether_addr *mac);
int tap_if_get_mtu(const char *iface, int *mtu);
int tap_if_set_mtu(const char *iface, int mtu);
/* The kernel driver of an interface ("tun" for tun/tap), or negative errno. */
int tap_if_driver(const char *iface, char *driver, size_t len);

/* Prepare the ready mbufs of an rx queue (0 or -ENOMEM), and give them back. */
int tap_rxq_fill(struct tap_rx_queue *q);
void tap_rxq_release(struct tap_rx_queue *q);

/*
 * What a secondary process keeps of a port (dev->process_private): its own duplicates of the
 * primary's queue descriptors, received over the multi-process channel, -1 where it has none.
 * The queue data is shared and its fd fields hold the primary's numbers, so the secondary's
 * bursts take the descriptor from here by queue index.
 */
struct tap_proc_private {
	int fd[RTE_PMD_TAP_MAX_QUEUES];
};

uint16_t tap_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t tap_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
/* The same in a secondary process; a queue index it holds no descriptor for moves nothing. */
uint16_t tap_rx_burst_secondary(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t tap_tx_burst_secondary(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);

#endif /* _TAP_PRIVATE_H_ */
