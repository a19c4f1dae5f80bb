/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dpdk-testpmd: state shared by the option parser, the command shell, the port
 * management code and the forwarding engines.
 */
#ifndef _TESTPMD_H_
#define _TESTPMD_H_

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define MAX_PKT_BURST 512
#define DEF_PKT_BURST 32
/* Descriptors per queue: 0 takes the driver's preferred ring size (default_rxportconf). */
#define DEF_RXD 0
#define DEF_TXD 0
/* Ring size assumed when sizing the mbuf pool for ports whose driver chooses. */
#define POOL_SIZING_RING 1024
#define MAX_QUEUES 64
#define TESTPMD_NB_MBUF_DEFAULT 8192

typedef uint16_t portid_t;
typedef uint16_t queueid_t;
typedef uint16_t streamid_t;
typedef uint32_t lcoreid_t;

#define RTE_PORT_STOPPED 0
#define RTE_PORT_STARTED 1
#define RTE_PORT_CLOSED 2
#define RTE_PORT_HANDLING 3

enum port_topology {
	PORT_TOPOLOGY_PAIRED,
	PORT_TOPOLOGY_CHAINED,
	PORT_TOPOLOGY_LOOP,
};

/* Per-port state kept by testpmd on top of ethdev's own. */
struct rte_port {
	bool in_use;          /* an ethdev port known to testpmd */
	int port_status;      /* RTE_PORT_* */
	bool need_reconfig;   /* configure and set up queues at next start */
	bool promisc;
	uint16_t nb_rxq;
	uint16_t nb_txq;
	uint16_t nb_rxd;
	uint16_t nb_txd;
	struct rte_ether_addr eth_addr;
	struct rte_ether_addr peer_addr;
	/* NIC counters when forwarding started: forward statistics are the difference */
	struct rte_eth_stats stats_base;
	struct rte_device *device;
	/* NIC counters at the last "show port stats", for the throughput lines */
	struct rte_eth_stats last_stats;
	uint64_t last_cycles;
};

/* One rx queue polled by one lcore, sending to one tx queue. */
struct fwd_stream {
	portid_t rx_port;
	queueid_t rx_queue;
	portid_t tx_port;
	queueid_t tx_queue;
	uint64_t rx_packets;
	uint64_t tx_packets;
	uint64_t fwd_dropped;
	uint32_t flow_seq;    /* flowgen: next flow of this stream */
} __rte_cache_aligned;

struct fwd_lcore {
	lcoreid_t lcore_id;
	streamid_t stream_idx;   /* first stream of this lcore */
	streamid_t stream_nb;
	volatile bool stopped;
} __rte_cache_aligned;

typedef void (*packet_fwd_t)(struct fwd_stream *fs);
typedef void (*stream_begin_t)(portid_t pi);

struct fwd_engine {
	const char *fwd_mode_name;
	stream_begin_t port_fwd_begin;  /* per port, before lcores start */
	packet_fwd_t packet_fwd;        /* one burst of one stream */
};

extern struct fwd_engine io_fwd_engine;
extern struct fwd_engine mac_fwd_engine;
extern struct fwd_engine mac_swap_engine;
extern struct fwd_engine rx_only_engine;
extern struct fwd_engine tx_only_engine;
extern struct fwd_engine flow_gen_engine;
extern struct fwd_engine *fwd_engines[];
extern struct fwd_engine *cur_fwd_eng;

/* configuration (options and "set"/"port config" commands) */
extern bool interactive;
extern bool auto_start;
extern bool tx_first;
extern bool no_flush_rx;
extern bool hot_plug;
extern bool lsc_interrupt;
extern bool bitrate_enabled;          /* --bitrate-stats */
extern lcoreid_t bitrate_lcore_id;
extern bool latencystats_enabled;     /* --latencystats */
extern lcoreid_t latencystats_lcore_id;

/* stats.c: the metrics, bit rate and latency libraries behind those options */
void stats_libs_init(void);
void stats_libs_poll(lcoreid_t lcore);
void stats_libs_close(void);
extern uint32_t stats_period;
extern enum port_topology port_topology;
extern uint16_t nb_pkt_per_burst;
extern uint16_t nb_rxq;
extern uint16_t nb_txq;
extern uint16_t nb_rxd;
extern uint16_t nb_txd;
extern uint16_t mbuf_data_size;
extern uint32_t param_total_num_mbufs;
extern uint32_t nb_fwd_lcores;
extern uint32_t nb_fwd_ports;
extern uint32_t param_nb_ports;    /* --nb-ports, 0 for all */
extern uint32_t nb_cfg_ports;
extern uint16_t tx_pkt_length;
extern char cmdline_filename[4096];
extern struct rte_ether_addr peer_eth_addrs[RTE_MAX_ETHPORTS];

/* run time state */
extern struct rte_port ports[RTE_MAX_ETHPORTS];
extern portid_t fwd_ports_ids[RTE_MAX_ETHPORTS];
extern lcoreid_t fwd_lcores_cpuids[RTE_MAX_LCORE];
extern uint32_t nb_lcores;           /* worker lcores available for forwarding */
extern struct fwd_lcore fwd_lcores[RTE_MAX_LCORE];
extern struct fwd_stream *fwd_streams;
extern streamid_t nb_fwd_streams;
extern volatile bool test_done;      /* no forwarding in progress */
extern volatile bool f_quit;         /* a signal asked us to leave */
extern struct rte_mempool *mbuf_pool;

/* parameters.c */
int launch_args_parse(int argc, char **argv);
void usage(const char *progname);
int parse_ether_addr(const char *s, struct rte_ether_addr *ea);

/* testpmd.c: ports and forwarding */
bool port_id_is_invalid(portid_t port_id, bool warn);
void print_valid_ports(void);
uint16_t count_ports(void);
int start_port(portid_t pid);   /* RTE_PORT_ALL for every port */
void stop_port(portid_t pid);
void close_port(portid_t pid);
void reset_port(portid_t pid);
void attach_port(const char *identifier);
void port_adopt(portid_t pi);
void port_forget(portid_t pi);
void detach_port_device(portid_t port_id);
void detach_devargs(const char *identifier);
bool all_ports_stopped(void);
bool port_is_forwarding(portid_t pi);
void start_packet_forwarding(int with_tx_first);
void stop_packet_forwarding(void);
void set_fwd_ports_list_all(void);
int set_fwd_ports_list(const portid_t *list, unsigned int n);
void fwd_config_setup(void);
uint32_t fwd_run_lcores(void);
void pmd_test_exit(void);
int set_pkt_fwd_mode(const char *name);
void promisc_set(portid_t pid, bool on);
void init_ports(void);
const char *port_status_name(portid_t pi);

#define RTE_PORT_ALL ((portid_t)UINT16_MAX)

/* config.c: display */
void port_summary_header_display(void);
void port_summary_display(portid_t pi);
void port_infos_display(portid_t pi);
void nic_stats_display(portid_t pi);
void nic_stats_clear(portid_t pi);
void nic_xstats_display(portid_t pi);
void fwd_config_display(void);
void rxtx_config_display(void);
void fwd_lcores_config_display(void);
void device_infos_display(const char *identifier);
void fwd_stats_display(void);
void fwd_stats_reset(void);
void format_link_speed(char *buf, size_t len, uint32_t speed);

/* hotplug.c: --hot-plug, device events */
int hotplug_monitor_start(void);
void hotplug_monitor_stop(void);
void hotplug_poll(void);

/* cmdline.c: command parser and commands */
enum cmd_status {
	CMD_OK = 0,
	CMD_QUIT = 1,
};
int cmdline_execute(const char *line);

/* bonding.c: net_bonding commands (built with the bonding driver, TESTPMD_BONDING) */
int cmd_bond_create(char **tok, int ntok);
int cmd_bond_add_member(char **tok, int ntok);
int cmd_bond_remove_member(char **tok, int ntok);
int cmd_bond_set_mode(char **tok, int ntok);
int cmd_bond_set_primary(char **tok, int ntok);
int cmd_bond_show(char **tok, int ntok);
int cmd_bond_show_lacp(char **tok, int ntok);
int cmd_bond_dedicated_queues(char **tok, int ntok);
int cmd_bond_agg_mode(char **tok, int ntok);
int cmdline_complete(const char *line, const char *prefix, char **out, int max);

/* shell.c: input sources */
void prompt(void);
int cmdline_read_from_file(const char *filename);
void cmdline_shell(void);

#endif /* _TESTPMD_H_ */
