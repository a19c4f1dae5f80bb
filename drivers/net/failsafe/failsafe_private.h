/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * State of a net_failsafe port: its sub-devices, the configuration the application gave it
 * (replayed on a sub-device that comes back) and the fast-path guards.
 *
 * Threads. The application's control calls reach the fail-safe with ethdev's port-table lock
 * held and call into the sub-devices under it; the hotplug alarm (interrupt thread) removes
 * and re-probes sub-devices, which takes the same ethdev lock and EAL's hotplug lock. So the
 * alarm never holds the fail-safe lock while it calls ethdev or EAL: it marks the sub-device
 * busy under the lock (control calls then leave it alone), works on it unlocked, and takes
 * the lock again to publish the result. A configuration change made while it replayed bumps
 * conf_gen, and the replay is done again.
 *
 * The state lives in its own allocation, shared by the port and the alarms that may still be
 * pending or running when the port goes: the last reference frees it.
 *
 * Fast path. A burst touches a sub-device only between incrementing its per-queue counter and
 * decrementing it, and only if the sub-device is usable after the increment. Removal clears
 * usable first and waits for the counters of every queue to drop to zero before it stops the
 * sub-device, so no burst runs on a port that is being closed or whose id is reused.
 */
#ifndef _FAILSAFE_PRIVATE_H_
#define _FAILSAFE_PRIVATE_H_

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/queue.h>

#include <rte_ether.h>
#include <rte_log.h>
#include <ethdev_driver.h>

extern int fs_logtype;
#define FS_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, fs_logtype, "net_failsafe: " fmt "\n", ##__VA_ARGS__)

#define FS_DRIVER_NAME "net_failsafe"
#define FS_MAX_SUB 2             /* sub-devices of one fail-safe port (DPDK's limit) */
#define FS_MAX_QUEUES 128        /* queues of each direction */
#define FS_MAX_MACS 16           /* MAC addresses, the default one included */
#define FS_MAX_MC 128            /* multicast addresses of set_mc_addr_list */
#define FS_MAX_RSS_KEY 64        /* bytes of an RSS hash key */
#define FS_DEFAULT_POLL_MS 2000  /* hotplug_poll when not given */
#define FS_DEVARGS_LEN 512       /* longest sub-device devargs */

/* Where a sub-device's devargs come from. */
enum fs_sub_src {
	FS_SRC_DEV,   /* dev(<devargs>) */
	FS_SRC_EXEC,  /* exec(<command>): the command's output */
	FS_SRC_FD,    /* fd(<fd>): a line read from the descriptor */
};

/* Life of a sub-device; each state includes the ones before it. */
enum fs_sub_state {
	FS_SUB_ABSENT = 0,   /* known from the devargs, no port */
	FS_SUB_PROBED,       /* a port the fail-safe owns */
	FS_SUB_CONFIGURED,   /* configuration and queues replayed */
	FS_SUB_STARTED,      /* started with the fail-safe */
};

struct fs_sub {
	enum fs_sub_src src;
	char cmd[FS_DEVARGS_LEN];        /* exec: the command */
	int fd;                          /* fd: the descriptor */
	char devargs[FS_DEVARGS_LEN];    /* current devargs */
	char name[RTE_DEV_NAME_MAX_LEN]; /* device name parsed from devargs */
	enum fs_sub_state state;
	uint16_t port_id;                /* valid from FS_SUB_PROBED */
	uint8_t busy;                    /* the alarm works on it: control calls skip it */
	uint8_t rmv;                     /* removal requested (RMV event) */
	uint8_t usable;                  /* bursts may use it (atomic) */
};

/* One queue as the application set it up, replayed on sub-devices. */
struct fs_qconf {
	uint8_t set;
	uint16_t nb_desc;
	unsigned int socket_id;
	struct rte_eth_rxconf rxconf;
	struct rte_eth_txconf txconf;
	struct rte_mempool *mp;
};

/* Everything replayed on a sub-device. */
struct fs_conf {
	uint8_t configured;
	uint8_t started;
	uint8_t promisc;
	uint8_t allmulti;
	uint8_t mtu_set;
	uint16_t mtu;
	uint16_t nb_rxq;
	uint16_t nb_txq;
	struct rte_eth_conf dev_conf;
	struct rte_ether_addr macs[FS_MAX_MACS]; /* [0] default; zero entries unused */
	uint8_t rss_set;                 /* rss_hash_update was called: replay it */
	uint8_t rss_key_len;             /* 0: the hash update kept the key */
	uint64_t rss_hf;
	uint8_t rss_key[FS_MAX_RSS_KEY];
	uint32_t nb_mc;                  /* multicast list, as set_mc_addr_list gave it */
	struct rte_ether_addr mc[FS_MAX_MC];
	uint64_t vlan_ids[(RTE_ETHER_MAX_VLAN_ID + 1) / 64]; /* VLAN filter, a bit per id */
	struct fs_qconf rxq[FS_MAX_QUEUES];
	struct fs_qconf txq[FS_MAX_QUEUES];
};

/* Burst counters of one queue, one per sub-device; a cache line per queue. */
struct fs_qref {
	uint32_t n[FS_MAX_SUB];
} __rte_cache_aligned;

struct fs_priv;
struct rte_flow;
struct rte_flow_ops;
TAILQ_HEAD(fs_flow_list, rte_flow);

/* A fail-safe queue, as ethdev holds it. */
struct fs_queue {
	struct fs_priv *p;
	uint16_t qid;
	uint16_t next;     /* rx: sub-device polled first next time */
};

struct fs_priv {
	pthread_mutex_t lock;
	uint32_t refs;            /* the port, and each alarm pending or running */
	uint8_t closing;          /* the port is closing: alarms stop working and re-arming */
	uint8_t alarm_running;    /* an alarm callback is inside (see fs_alarm_stop) */
	uint8_t user_mac;         /* mac= given */
	uint8_t nb_sub;
	uint16_t port_id;
	uint32_t poll_ms;
	uint32_t conf_gen;        /* bumped by every configuration change */
	uint64_t owner_id;
	char name[RTE_DEV_NAME_MAX_LEN];
	struct fs_sub sub[FS_MAX_SUB];
	struct rte_eth_stats gone_stats; /* counters of removed sub-devices */
	struct fs_conf conf;             /* the application's configuration */
	struct fs_conf snap;             /* the alarm's copy while it replays */
	struct fs_flow_list flows;       /* the application's flow rules */
	struct fs_qref rxref[FS_MAX_QUEUES];
	struct fs_qref txref[FS_MAX_QUEUES];
};

static inline struct fs_priv *
fs_of(const struct rte_eth_dev *dev)
{
	return *(struct fs_priv **)dev->data->dev_private;
}

static inline void
fs_lock(struct fs_priv *p)
{
	pthread_mutex_lock(&p->lock);
}

static inline void
fs_unlock(struct fs_priv *p)
{
	pthread_mutex_unlock(&p->lock);
}

/* A sub-device the control path may use (caller holds the lock). */
static inline int
fs_sub_ready(const struct fs_sub *s, enum fs_sub_state at_least)
{
	return !s->busy && s->state >= at_least;
}

/* An optional setting: a sub-device without it is still used. */
static inline int
fs_opt_ret(int ret)
{
	return ret == -ENOTSUP ? 0 : ret;
}

/* failsafe_args.c */
int fs_args_parse(struct fs_priv *p, const char *args, struct rte_ether_addr *mac);
int fs_sub_refresh_devargs(struct fs_priv *p, struct fs_sub *s, int initial);

/* failsafe_sub.c */
int fs_sub_attach(struct fs_priv *p, struct fs_sub *s);
int fs_sub_replay(struct fs_priv *p, struct fs_sub *s, const struct fs_conf *c);
void fs_sub_detach(struct fs_priv *p, struct fs_sub *s);
void fs_sub_quiesce(struct fs_priv *p, unsigned int i);
void fs_stats_add(struct rte_eth_stats *sum, const struct rte_eth_stats *st);

/* failsafe.c */
void fs_priv_put(struct fs_priv *p);
int fs_alarm_start(struct fs_priv *p);
void fs_alarm_stop(struct fs_priv *p);
int fs_events_register(struct fs_priv *p);
void fs_events_unregister(struct fs_priv *p);

/* failsafe_flow.c */
int fs_flow_ops_get(struct rte_eth_dev *dev, const struct rte_flow_ops **ops);
int fs_flow_replay(struct fs_priv *p, unsigned int i);
void fs_flow_forget_sub(struct fs_priv *p, unsigned int i);
void fs_flow_free_all(struct fs_priv *p);

/* failsafe_ops.c */
extern const struct eth_dev_ops fs_ops;

/* failsafe_rxtx.c */
uint16_t fs_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb);
uint16_t fs_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb);

#endif /* _FAILSAFE_PRIVATE_H_ */
