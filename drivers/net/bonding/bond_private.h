/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * State of a net_bonding port, shared by the control path (API, ethdev ops, link events) and
 * the burst functions.
 *
 * The control path changes a bond under bond->lock. The burst functions take no lock: they
 * read the active member list through a published snapshot (bond->active points to one of
 * two arrays, switched only after the new one is complete), so a member that leaves may see
 * one more burst, which its own port turns away once it is stopped or released.
 *
 * Member MAC address changes and the bond's link event may call into ethdev (its port lock)
 * or into the application: they are recorded under the lock and done by the outermost
 * bond_unlock, so that the poll and event threads never wait on ethdev holding the bond.
 */
#ifndef _BOND_PRIVATE_H_
#define _BOND_PRIVATE_H_

#include <stdint.h>

#include <rte_ether.h>
#include <rte_log.h>
#include <rte_ring.h>
#include <rte_spinlock.h>
#include <ethdev_driver.h>

#include "rte_eth_bond.h"
#include "rte_eth_bond_8023ad.h"

extern int bond_logtype;
#define BOND_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, bond_logtype, "net_bonding: " fmt "\n", ##__VA_ARGS__)

#define BOND_DRIVER_NAME "net_bonding"
#define BOND_MAX_MEMBERS RTE_MAX_ETHPORTS
#define BOND_DEFAULT_POLL_MS 10
#define BOND_MAX_QUEUES 1024

/* A member port and what the bond changed on it, to give back when it leaves. */
struct bond_member {
	uint16_t port_id;
	uint8_t link_up;      /* last state read or announced */
	uint8_t gone;         /* removed under the bond (RMV event): never used again */
	uint8_t configured;   /* the bond configured and started it */
	struct rte_ether_addr own_mac;
};

/* ALB: the member that talks ARP with one IPv4 client. */
struct bond_alb_client {
	uint32_t ip;          /* network order */
	uint16_t port;        /* member port id */
	uint8_t in_use;
};
#define BOND_ALB_CLIENTS 256

/* A list of active member port ids, as the burst functions see it. */
struct bond_active {
	uint16_t nb;
	uint16_t ports[BOND_MAX_MEMBERS];
};

struct bond_dev;

/* Mode 4: where a member's multiplexer is (IEEE 802.1AX mux machine). */
enum bond_mux_state {
	MUX_DETACHED,
	MUX_WAITING,
	MUX_ATTACHED,
	MUX_COLLECTING,
	MUX_DISTRIBUTING,
};

/* Mode 4: where a member's receive machine is. */
enum bond_rx_state {
	RX_DEFAULTED,   /* no partner heard (or it went quiet twice): default partner */
	RX_CURRENT,     /* partner heard within its timeout */
	RX_EXPIRED,     /* one timeout missed: partner asked to hurry */
};

/*
 * Mode 4 state of one member port. Allocated the first time a port joins the bond and kept
 * until the bond goes: the burst functions find it by port id without a lock, and a port
 * that has left may still see one more burst.
 */
struct bond_lacp_port {
	struct rte_ring *rx_ring;       /* slow frames taken out by rx burst, for the alarm */
	struct rte_ring *tx_ring;       /* slow frames waiting for a transmit */
	uint8_t actor_state;            /* read by the burst functions (atomic) */
	uint8_t partner_state;
	struct port_params actor;
	struct port_params partner;
	enum rte_bond_8023ad_selection selected;
	uint16_t agg_port_id;
	enum bond_mux_state mux;
	enum bond_rx_state rx;
	uint8_t ntt;                    /* need to transmit an LACPDU */
	uint64_t current_while;         /* ms: when the partner information runs out */
	uint64_t periodic_next;         /* ms: next periodic LACPDU */
	uint64_t wait_while;            /* ms: end of the aggregation wait */
	uint64_t tx_next;               /* ms: earliest next LACPDU */
	uint64_t marker_next;           /* ms: earliest next marker answered */
	uint64_t rx_lacpdu;             /* LACPDUs accepted */
	uint64_t rx_bad;                /* slow frames dropped as malformed */
	uint64_t rx_looped;             /* LACPDUs of this bond heard back, dropped */
};

/* One bond queue: what members get at start, and the round-robin positions of its lcore. */
struct bond_queue {
	struct bond_dev *bond;
	uint16_t qid;
	uint16_t nb_desc;
	unsigned int socket_id;
	struct rte_mempool *mp;          /* rx only */
	struct rte_eth_rxconf rxconf;
	struct rte_eth_txconf txconf;
	uint16_t next;                   /* rx: first member polled; tx: next round-robin member */
	uint64_t *tx_bytes;              /* TLB: bytes sent per member port of this queue */
};

struct bond_dev {
	rte_spinlock_recursive_t lock;
	uint16_t port_id;
	uint8_t mode;
	uint8_t xmit_policy;
	uint8_t user_mac;                /* mac set by the application, kept over member changes */
	uint8_t user_primary;            /* primary chosen by the application */
	uint8_t members_from_args;       /* devargs members added (first configure) */
	uint8_t link_up;                 /* bond link as last announced */
	uint8_t poll_armed;
	uint8_t macs_dirty;              /* member addresses to update at the outermost unlock */
	uint8_t lsc_due;                 /* link event to announce at the outermost unlock */
	uint16_t primary;                /* chosen primary; valid when nb_members > 0 */
	uint16_t cur_primary;            /* primary in use: the chosen one, or an active stand-in */
	uint16_t nb_members;
	uint32_t poll_ms;
	uint32_t up_delay_ms;
	uint32_t down_delay_ms;
	uint64_t owner_id;
	struct rte_ether_addr mac;       /* data->mac_addrs points here */
	struct bond_member members[BOND_MAX_MEMBERS];
	/* burst functions read *active; the other array is the next version */
	struct bond_active *active;
	struct bond_active lists[2];
	struct rte_kvargs *kvargs;        /* devargs, applied at the first configure */
	/* ALB clients, shared by the queues of every lcore */
	rte_spinlock_t alb_lock;
	uint16_t alb_next;
	struct bond_alb_client alb[BOND_ALB_CLIENTS];
	/* mode 4 */
	struct rte_eth_bond_8023ad_conf lacp_conf;
	uint8_t lacp_armed;              /* the LACP alarm runs */
	uint8_t dedicated_queues;        /* LACPDUs leave by an extra tx queue from the alarm */
	uint16_t lacp_tx_queue;          /* that queue, fixed at start */
	struct bond_lacp_port *lacp[RTE_MAX_ETHPORTS];
	/* members that receive (mode 4: distributing or not), as the burst functions see it */
	struct bond_active *rx_active;
	struct bond_active rx_lists[2];
};

static inline struct bond_dev *
bond_of(const struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

static inline void
bond_lock(struct bond_dev *b)
{
	rte_spinlock_recursive_lock(&b->lock);
}

void bond_unlock(struct bond_dev *b);

/* bond_pmd.c */
extern const struct eth_dev_ops bond_ops;
int bond_is_bond(uint16_t port_id);
struct bond_dev *bond_get(uint16_t port_id);
int bond_mode_supported(uint8_t mode);
void bond_set_burst(struct rte_eth_dev *dev);

/* bond_members.c */
int bond_member_add(struct bond_dev *b, uint16_t port);
int bond_member_remove(struct bond_dev *b, uint16_t port);
int bond_member_index(const struct bond_dev *b, uint16_t port);
int bond_member_start(struct bond_dev *b, struct bond_member *m);
void bond_apply_macs(struct bond_dev *b);
void bond_pick_primary(struct bond_dev *b);

/* bond_link.c */
void bond_update_active(struct bond_dev *b);
void bond_link_refresh(struct bond_dev *b);
int bond_events_register(struct bond_dev *b);
void bond_events_unregister(struct bond_dev *b);
void bond_poll_start(struct bond_dev *b);
void bond_poll_stop(struct bond_dev *b);

/* bond_args.c */
int bond_args_parse(const char *name, const char *args, struct rte_kvargs **kv,
		uint8_t *mode, int *socket_id);
int bond_args_apply(struct bond_dev *b);
int bond_args_members(struct bond_dev *b);

/* bond_rx.c, bond_tx.c */
uint16_t bond_rx_all(void *q, struct rte_mbuf **bufs, uint16_t nb);
uint16_t bond_rx_primary(void *q, struct rte_mbuf **bufs, uint16_t nb);
uint16_t bond_tx_round_robin(void *q, struct rte_mbuf **bufs, uint16_t nb);
uint16_t bond_tx_active_backup(void *q, struct rte_mbuf **bufs, uint16_t nb);
uint16_t bond_tx_balance(void *q, struct rte_mbuf **bufs, uint16_t nb);
uint16_t bond_tx_broadcast(void *q, struct rte_mbuf **bufs, uint16_t nb);
uint16_t bond_tx_tlb(void *q, struct rte_mbuf **bufs, uint16_t nb);
uint16_t bond_tx_alb(void *q, struct rte_mbuf **bufs, uint16_t nb);
uint16_t bond_rx_alb(void *q, struct rte_mbuf **bufs, uint16_t nb);
int bond_alb_member(struct bond_dev *b, uint32_t ip, const uint16_t *ports, uint16_t n);
uint32_t bond_hash(const struct rte_mbuf *m, uint8_t policy);
uint16_t bond_rx_8023ad(void *q, struct rte_mbuf **bufs, uint16_t nb);
uint16_t bond_tx_8023ad(void *q, struct rte_mbuf **bufs, uint16_t nb);

/* bond_8023ad.c */
void bond_lacp_conf_default(struct rte_eth_bond_8023ad_conf *conf);
int bond_lacp_conf_check(uint16_t port_id, const struct rte_eth_bond_8023ad_conf *conf);
int bond_lacp_port_init(struct bond_dev *b, uint16_t port);
void bond_lacp_port_reset(struct bond_dev *b, uint16_t port);
void bond_lacp_free(struct bond_dev *b);
int bond_lacp_distributing(const struct bond_dev *b, uint16_t port);
int bond_lacp_is_slow(const struct rte_mbuf *m);
void bond_lacp_start(struct bond_dev *b);
void bond_lacp_stop(struct bond_dev *b);
void bond_lacp_member_leaves(struct bond_dev *b, uint16_t port);

#endif /* _BOND_PRIVATE_H_ */
