/* SPDX-License-Identifier: BSD-3-Clause */
/* State shared by the parts of the pcap driver. */
#ifndef _PCAP_PRIVATE_H_
#define _PCAP_PRIVATE_H_

#include <stdint.h>
#include <limits.h>
#include <net/if.h>
#include <pcap.h>

#include <rte_ether.h>
#include <rte_log.h>

extern int pcap_logtype;
#define PCAP_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, pcap_logtype, "%s(): " fmt "\n", __func__, ##__VA_ARGS__)

#define PCAP_MAX_QUEUES 16
/* Large enough for any jumbo frame; libpcap's own default. */
#define PCAP_SNAPLEN 65535

enum pcap_source {
	PQ_NONE = 0,   /* no source: rx returns nothing, tx drops (and counts) */
	PQ_FILE,       /* rx_pcap / tx_pcap */
	PQ_IFACE,      /* rx_iface / tx_iface / iface */
};

/* One rx or tx queue as given on the device arguments. */
struct pcap_queue_arg {
	enum pcap_source kind;
	int inbound_only;          /* rx_iface_in: only packets coming into the interface */
	char *name;                /* file path or interface name (malloc'd: see pcap_args_free) */
};

/* Everything parsed from the device arguments, before anything is opened. */
struct pcap_args {
	struct pcap_queue_arg rx[PCAP_MAX_QUEUES];
	struct pcap_queue_arg tx[PCAP_MAX_QUEUES];
	unsigned int nb_rx;
	unsigned int nb_tx;
	int phy_mac;
	int infinite_rx;
	char mac_iface[IF_NAMESIZE]; /* interface whose MAC phy_mac asks for */
};

/*
 * Parse "rx_pcap=a.pcap,tx_iface=eth0,..." into args. Returns 0, or -EINVAL after logging one
 * line that names the offending argument (args then holds nothing to free).
 * The names are allocated one by one rather than held in PATH_MAX arrays: the arguments live in
 * the port's private data, which ethdev zeroes at every attach, and 32 paths of PATH_MAX bytes
 * made that 128 KiB of memset and page faults per port.
 */
int pcap_args_parse(const char *name, const char *params, struct pcap_args *args);
/* Free the names of args; safe to call twice. */
void pcap_args_free(struct pcap_args *args);

#endif /* _PCAP_PRIVATE_H_ */
