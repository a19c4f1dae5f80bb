/* SPDX-License-Identifier: BSD-3-Clause */
/* State shared by the control and data paths of net_e1000_em. */
#ifndef _EM_PRIVATE_H_
#define _EM_PRIVATE_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_io.h>
#include <rte_log.h>
#include <rte_ether.h>
#include <rte_ethdev.h>
#include <rte_memzone.h>
#include <ethdev_driver.h>

#include "em_regs.h"

extern int em_logtype;
#define EM_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, em_logtype, "%s(): " fmt "\n", __func__, ##__VA_ARGS__)

struct em_hw {
	volatile uint8_t *regs;      /* BAR0, mapped by the PCI bus */
	uint16_t device_id;
};

static inline uint32_t
em_read(const struct em_hw *hw, uint32_t reg)
{
	return rte_read32(hw->regs + reg);
}

static inline void
em_write(struct em_hw *hw, uint32_t reg, uint32_t val)
{
	rte_write32(val, hw->regs + reg);
}

struct em_rx_queue {
	volatile struct em_rx_desc *ring;
	struct rte_mbuf **sw_ring;   /* mbuf behind each descriptor */
	struct em_hw *hw;
	struct rte_mempool *mb_pool;
	struct rte_mbuf *pkt_first;  /* packet being assembled across descriptors */
	struct rte_mbuf *pkt_last;
	uint16_t nb_desc;
	uint16_t next;               /* next descriptor to look at */
	uint16_t port_id;
	uint16_t buf_len;            /* receive buffer size programmed in RCTL */
	uint16_t nb_hold;            /* descriptors refilled but not yet given back (RDT) */
	uint16_t free_thresh;        /* give them back once more than this many are held */
	uint64_t nombuf;
	const struct rte_memzone *mz;
};

struct em_tx_queue {
	volatile struct em_tx_desc *ring;
	struct rte_mbuf **sw_ring;   /* segment to free once its descriptor is done */
	struct em_hw *hw;
	uint16_t nb_desc;
	uint16_t tail;               /* next descriptor to fill */
	uint16_t clean;              /* oldest descriptor not yet reclaimed */
	uint16_t nb_free;
	const struct rte_memzone *mz;
};

struct em_stats {
	uint64_t gprc, gptc, gorc, gotc, mpc, crcerrs, rxerrc, rnbc;
};

struct em_adapter {
	struct em_hw hw;
	struct rte_ether_addr mac;
	struct em_stats stats;       /* clear-on-read counters, accumulated */
	struct em_stats stats_base;  /* values at the last stats reset */
	uint32_t rctl;               /* receive control without the enable bit */
};

/* em_rxtx.c */
int em_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_rxconf *conf, struct rte_mempool *mp);
int em_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		unsigned int socket_id, const struct rte_eth_txconf *conf);
void em_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
void em_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
int em_rx_init(struct rte_eth_dev *dev);
void em_tx_init(struct rte_eth_dev *dev);
void em_rx_queue_drain(struct em_rx_queue *rxq);
void em_tx_queue_drain(struct em_tx_queue *txq);
uint16_t em_recv_pkts(void *rxq, struct rte_mbuf **rx_pkts, uint16_t nb_pkts);
uint16_t em_xmit_pkts(void *txq, struct rte_mbuf **tx_pkts, uint16_t nb_pkts);

#endif /* _EM_PRIVATE_H_ */
