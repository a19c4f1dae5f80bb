/* SPDX-License-Identifier: BSD-3-Clause */
/* State shared by the parts of the af_packet driver. */
#ifndef _AFP_PRIVATE_H_
#define _AFP_PRIVATE_H_

#include <stdint.h>
#include <net/if.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

extern int afp_logtype;
#define AFP_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, afp_logtype, "%s(): " fmt "\n", __func__, ##__VA_ARGS__)

/* The same limit and defaults as DPDK's driver. */
#define RTE_PMD_AF_PACKET_MAX_RINGS 16
#define AFP_DEFAULT_FRAMESZ 2048
#define AFP_DEFAULT_FRAMECNT 512

/* Everything parsed from the device arguments, before anything is opened. */
struct afp_args {
	char iface[IF_NAMESIZE];
	unsigned int qpairs;
	unsigned int blocksz;
	unsigned int framesz;
	unsigned int framecnt;
	int qdisc_bypass;
};

/*
 * Parse "iface=eth0,qpairs=2,..." into args, with DPDK's defaults for what is not given.
 * 0, or -EINVAL after one log line naming the bad argument.
 */
int afp_args_parse(const char *devname, const char *params, struct afp_args *args);

/* One mapped ring: frame i starts at frames[i]. */
struct afp_ring {
	uint8_t **frames;
	uint32_t nb_frames;
	uint32_t next;            /* the frame to look at next */
};

struct afp_queue_stats {
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;
};

struct afp_rx_queue {
	struct afp_ring ring;
	struct rte_mempool *mb_pool;
	uint16_t port_id;
	uint16_t buf_len;         /* data room of one mbuf after the headroom */
	uint8_t scatter;          /* frames may be split over a chain of mbufs */
	uint8_t vlan_strip;       /* leave a kernel-stripped tag in vlan_tci only */
	int fd;
	struct afp_queue_stats stats;
	uint64_t nombuf;
	uint64_t imissed;         /* kernel drops, summed from PACKET_STATISTICS */
};

struct afp_tx_queue {
	struct afp_ring ring;
	uint32_t room;            /* largest frame a slot holds */
	int fd;
	struct afp_queue_stats stats;
};

/* A socket bound to the interface with its two rings, one per queue pair. */
struct afp_qpair {
	int fd;
	void *map;
	size_t map_len;
};

/*
 * Open, map and bind the socket of queue pair qp. With fanout_group, the socket joins that
 * hash fanout group (-1: a new group, whose id is stored there). 0, or negative errno after
 * one log line. Nothing stays open on failure.
 */
int afp_qpair_open(struct afp_qpair *qp, struct afp_rx_queue *rxq, struct afp_tx_queue *txq,
		const struct afp_args *args, int ifindex, int *fanout_group, const char *devname);
/* Unmap and close what afp_qpair_open made; safe to call twice. */
void afp_qpair_close(struct afp_qpair *qp, struct afp_rx_queue *rxq, struct afp_tx_queue *txq);

/* Interface helpers (SIOC* ioctls on a throwaway socket): 0 or negative errno. */
int afp_if_get_flags(const char *iface, short *flags);
int afp_if_get_mac(const char *iface, struct rte_ether_addr *mac);
int afp_if_set_mac(const char *iface, const struct rte_ether_addr *mac);
int afp_if_get_mtu(const char *iface, int *mtu);
int afp_if_set_mtu(const char *iface, int mtu);
/* Link speed in Mb/s from ethtool, 0 when unknown. */
uint32_t afp_if_speed(const char *iface);

uint16_t afp_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);
uint16_t afp_tx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts);

#endif /* _AFP_PRIVATE_H_ */
