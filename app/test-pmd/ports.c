/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Port life cycle as the shell drives it: configure and start, stop, close, and
 * the hotplug pair attach (probe a device, adopt its new ports) and detach
 * (remove a device once all its ports are stopped). A closed port keeps its id
 * until its device is detached, so "port close" then "port detach" works.
 */
#include <errno.h>
#include <string.h>

#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>

#include "testpmd.h"

struct rte_port ports[RTE_MAX_ETHPORTS];
portid_t fwd_ports_ids[RTE_MAX_ETHPORTS];
uint32_t nb_cfg_ports;
uint32_t nb_fwd_ports;

static const char *
status_name(int st)
{
	switch (st) {
	case RTE_PORT_STARTED: return "started";
	case RTE_PORT_CLOSED: return "closed";
	default: return "stopped";
	}
}

bool
port_id_is_invalid(portid_t port_id, bool warn)
{
	if (port_id < RTE_MAX_ETHPORTS && ports[port_id].in_use)
		return false;
	if (warn)
		fprintf(stderr, "Invalid port %d\n", port_id);
	return true;
}

void
print_valid_ports(void)
{
	portid_t pi;

	printf("The valid ports array is [");
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++)
		if (ports[pi].in_use)
			printf(" %d", pi);
	printf(" ]\n");
}

uint16_t
count_ports(void)
{
	portid_t pi;
	uint16_t n = 0;

	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++)
		if (ports[pi].in_use)
			n++;
	return n;
}

bool
all_ports_stopped(void)
{
	portid_t pi;

	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++)
		if (ports[pi].in_use && ports[pi].port_status == RTE_PORT_STARTED)
			return false;
	return true;
}

/* Is the port used by the forwarding run in progress (or configured for the next one)? */
bool
port_is_forwarding(portid_t pi)
{
	streamid_t s;
	uint32_t i;

	if (!test_done) {
		for (s = 0; s < nb_fwd_streams; s++)
			if (fwd_streams[s].rx_port == pi || fwd_streams[s].tx_port == pi)
				return true;
		return false;
	}
	for (i = 0; i < nb_fwd_ports; i++)
		if (fwd_ports_ids[i] == pi)
			return true;
	return false;
}

void
promisc_set(portid_t pi, bool on)
{
	int ret = on ? rte_eth_promiscuous_enable(pi) : rte_eth_promiscuous_disable(pi);

	if (ret != 0) {
		fprintf(stderr, "Error during %s promiscuous mode for port %u: %s\n",
			on ? "enabling" : "disabling", pi, rte_strerror(-ret));
		return;
	}
	ports[pi].promisc = on;
}

/* Adopt an ethdev port: default configuration, stopped, appended to the forwarding list. */
void
port_adopt(portid_t pi)
{
	struct rte_port *port = &ports[pi];
	struct rte_eth_dev_info info;

	memset(port, 0, sizeof(*port));
	port->in_use = true;
	port->port_status = RTE_PORT_STOPPED;
	port->need_reconfig = true;
	if (rte_eth_dev_info_get(pi, &info) == 0)
		port->device = info.device;
	rte_eth_macaddr_get(pi, &port->eth_addr);
	rte_eth_stats_get(pi, &port->stats_base);
	port->last_stats = port->stats_base;
	if (!rte_is_zero_ether_addr(&peer_eth_addrs[pi]))
		port->peer_addr = peer_eth_addrs[pi];
	else
		port->peer_addr = (struct rte_ether_addr){{ 0x02, 0, 0, 0, 0, (uint8_t)pi }};
	promisc_set(pi, true);
	fwd_ports_ids[nb_cfg_ports++] = pi;
	nb_fwd_ports = nb_cfg_ports;
}

/* Forget a port whose device was removed (or that a bond took). */
void
port_forget(portid_t pi)
{
	uint32_t i, j;

	ports[pi].in_use = false;
	for (i = 0, j = 0; i < nb_cfg_ports; i++)
		if (fwd_ports_ids[i] != pi)
			fwd_ports_ids[j++] = fwd_ports_ids[i];
	nb_cfg_ports = j;
	nb_fwd_ports = nb_cfg_ports;
}

void
init_ports(void)
{
	portid_t pi;

	RTE_ETH_FOREACH_DEV(pi)
		port_adopt(pi);
}

static int
port_configure(portid_t pi)
{
	struct rte_port *port = &ports[pi];
	struct rte_eth_conf conf;
	struct rte_eth_dev_info info;
	uint16_t rxd = nb_rxd, txd = nb_txd;
	int ret;
	uint16_t q;

	ret = rte_eth_dev_info_get(pi, &info);
	if (ret != 0) {
		fprintf(stderr, "Fail to get device info of port %d: %s\n", pi, rte_strerror(-ret));
		return ret;
	}
	if (nb_rxq > info.max_rx_queues || nb_txq > info.max_tx_queues) {
		fprintf(stderr, "Fail: port %d supports at most %u rx and %u tx queues "
			"(asked for %u and %u)\n", pi, info.max_rx_queues, info.max_tx_queues,
			nb_rxq, nb_txq);
		return -EINVAL;
	}
	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(pi, nb_rxq, nb_txq, &conf);
	if (ret != 0) {
		fprintf(stderr, "Fail to configure port %d: %s\n", pi, rte_strerror(-ret));
		return ret;
	}
	/* 0: the ring size the driver prefers, else ethdev's fallback (as rte_eth_*_queue_setup). */
	if (rxd == 0)
		rxd = info.default_rxportconf.ring_size != 0 ?
			info.default_rxportconf.ring_size : RTE_ETH_DEV_FALLBACK_RX_RINGSIZE;
	if (txd == 0)
		txd = info.default_txportconf.ring_size != 0 ?
			info.default_txportconf.ring_size : RTE_ETH_DEV_FALLBACK_TX_RINGSIZE;
	ret = rte_eth_dev_adjust_nb_rx_tx_desc(pi, &rxd, &txd);
	if (ret != 0) {
		fprintf(stderr, "Fail to adjust the descriptors of port %d: %s\n", pi,
			rte_strerror(-ret));
		return ret;
	}
	for (q = 0; q < nb_txq; q++) {
		ret = rte_eth_tx_queue_setup(pi, q, txd, rte_eth_dev_socket_id(pi) < 0 ?
					     (unsigned int)rte_socket_id() :
					     (unsigned int)rte_eth_dev_socket_id(pi), NULL);
		if (ret != 0) {
			fprintf(stderr, "Fail to configure port %d tx queues: %s\n", pi,
				rte_strerror(-ret));
			return ret;
		}
	}
	for (q = 0; q < nb_rxq; q++) {
		ret = rte_eth_rx_queue_setup(pi, q, rxd, rte_eth_dev_socket_id(pi) < 0 ?
					     (unsigned int)rte_socket_id() :
					     (unsigned int)rte_eth_dev_socket_id(pi), NULL, mbuf_pool);
		if (ret != 0) {
			fprintf(stderr, "Fail to configure port %d rx queues: %s\n", pi,
				rte_strerror(-ret));
			return ret;
		}
	}
	port->nb_rxq = nb_rxq;
	port->nb_txq = nb_txq;
	port->nb_rxd = rxd;
	port->nb_txd = txd;
	port->need_reconfig = false;
	return 0;
}

static void
print_mac(portid_t pi)
{
	const uint8_t *b = ports[pi].eth_addr.addr_bytes;

	printf("Port %d: %02X:%02X:%02X:%02X:%02X:%02X\n", pi, b[0], b[1], b[2], b[3], b[4], b[5]);
}

int
start_port(portid_t pid)
{
	portid_t pi;
	bool started = false, refused = false;
	int ret, failed = 0;

	if (!test_done && pid == RTE_PORT_ALL) {
		fprintf(stderr, "Please stop forwarding first\n");
		return -EBUSY;
	}
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++) {
		struct rte_port *port = &ports[pi];

		if (!port->in_use || (pid != RTE_PORT_ALL && pid != pi))
			continue;
		if (port->port_status == RTE_PORT_STARTED) {
			if (pid != RTE_PORT_ALL) {
				fprintf(stderr, "Port %d is now not stopped\n", pi);
				refused = true;
			}
			continue;
		}
		if (port->port_status == RTE_PORT_CLOSED) {
			fprintf(stderr, "Port %d is closed: detach it and attach it again to use it\n",
				pi);
			failed++;
			continue;
		}
		if (port->need_reconfig) {
			printf("Configuring Port %d (socket %d)\n", pi,
			       rte_eth_dev_socket_id(pi) < 0 ? (int)rte_socket_id() :
			       rte_eth_dev_socket_id(pi));
			if (port_configure(pi) != 0) {
				port->need_reconfig = true;
				failed++;
				continue;
			}
		}
		ret = rte_eth_dev_start(pi);
		if (ret != 0) {
			fprintf(stderr, "Fail to start port %d: %s\n", pi, rte_strerror(-ret));
			failed++;
			continue;
		}
		port->port_status = RTE_PORT_STARTED;
		rte_eth_macaddr_get(pi, &port->eth_addr);
		print_mac(pi);
		started = true;
	}
	if (refused)
		fprintf(stderr, "Please stop the ports first\n");
	if (started)
		printf("Checking link statuses...\n");
	printf("Done\n");
	return failed ? -EIO : 0;
}

void
stop_port(portid_t pid)
{
	portid_t pi;
	bool stopped = false;
	int ret;

	printf("Stopping ports...\n");
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++) {
		struct rte_port *port = &ports[pi];

		if (!port->in_use || (pid != RTE_PORT_ALL && pid != pi))
			continue;
		if (!test_done && port_is_forwarding(pi)) {
			fprintf(stderr, "Please remove port %d from forwarding configuration.\n", pi);
			continue;
		}
		if (port->port_status != RTE_PORT_STARTED)
			continue;
		ret = rte_eth_dev_stop(pi);
		if (ret != 0) {
			fprintf(stderr, "Fail to stop port %d: %s\n", pi, rte_strerror(-ret));
			continue;
		}
		port->port_status = RTE_PORT_STOPPED;
		stopped = true;
	}
	if (stopped)
		printf("Checking link statuses...\n");
	printf("Done\n");
}

/* Close one port: stops it first when needed. Prints "Port N is closed". */
static int
port_close_one(portid_t pi)
{
	struct rte_port *port = &ports[pi];
	int ret;

	if (port->port_status == RTE_PORT_STARTED) {
		ret = rte_eth_dev_stop(pi);
		if (ret != 0) {
			fprintf(stderr, "Fail to stop port %d: %s\n", pi, rte_strerror(-ret));
			return ret;
		}
		port->port_status = RTE_PORT_STOPPED;
	}
	ret = rte_eth_dev_close(pi);
	if (ret != 0) {
		fprintf(stderr, "Fail to close port %d: %s\n", pi, rte_strerror(-ret));
		return ret;
	}
	port->port_status = RTE_PORT_CLOSED;
	printf("Port %d is closed\n", pi);
	return 0;
}

void
close_port(portid_t pid)
{
	portid_t pi;

	printf("Closing ports...\n");
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++) {
		struct rte_port *port = &ports[pi];

		if (!port->in_use || (pid != RTE_PORT_ALL && pid != pi))
			continue;
		if (!test_done && port_is_forwarding(pi)) {
			fprintf(stderr, "Please remove port %d from forwarding configuration.\n", pi);
			continue;
		}
		if (port->port_status == RTE_PORT_CLOSED) {
			fprintf(stderr, "Port %d is already closed\n", pi);
			continue;
		}
		port_close_one(pi);
	}
	printf("Done\n");
}

void
reset_port(portid_t pid)
{
	portid_t pi;
	int ret;

	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++)
		if (ports[pi].in_use && (pid == RTE_PORT_ALL || pid == pi) &&
		    ports[pi].port_status == RTE_PORT_STARTED) {
			fprintf(stderr, "Can not reset port(s), please stop port(s) first.\n");
			return;
		}
	printf("Resetting ports...\n");
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++) {
		if (!ports[pi].in_use || (pid != RTE_PORT_ALL && pid != pi))
			continue;
		if (ports[pi].port_status == RTE_PORT_CLOSED) {
			fprintf(stderr, "Port %d is closed: detach it and attach it again to use it\n",
				pi);
			continue;
		}
		ret = rte_eth_dev_reset(pi);
		if (ret != 0) {
			fprintf(stderr, "Failed to reset port %d: %s\n", pi, rte_strerror(-ret));
			continue;
		}
		ports[pi].need_reconfig = true;
	}
	printf("Done\n");
}

void
attach_port(const char *identifier)
{
	bool known[RTE_MAX_ETHPORTS];
	portid_t pi;
	int ret, added = 0;

	printf("Attaching a new port...\n");
	if (identifier == NULL || identifier[0] == '\0') {
		fprintf(stderr, "Invalid parameters are specified\n");
		return;
	}
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++)
		known[pi] = ports[pi].in_use;
	ret = rte_dev_probe(identifier);
	if (ret < 0) {
		fprintf(stderr, "testpmd: Failed to attach port %s: %s\n", identifier,
			rte_strerror(-ret));
		return;
	}
	RTE_ETH_FOREACH_DEV(pi) {
		if (known[pi])
			continue;
		port_adopt(pi);
		added++;
		printf("Port %d is attached. Now total ports is %d\n", pi, count_ports());
	}
	if (added == 0)
		fprintf(stderr, "Device %s was probed but created no new port\n", identifier);
	printf("Done\n");
}

/*
 * Ports that belong to the same device as pi (pi included), in dev. The device
 * goes away as a whole, so all of them must be stopped first.
 */
static int
device_ports(struct rte_device *dev, portid_t *list)
{
	portid_t pi;
	int n = 0;

	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++)
		if (ports[pi].in_use && ports[pi].device == dev)
			list[n++] = pi;
	return n;
}

static int
remove_device(struct rte_device *dev, const portid_t *list, int n)
{
	int i, ret;

	for (i = 0; i < n; i++)
		if (ports[list[i]].port_status != RTE_PORT_CLOSED && port_close_one(list[i]) != 0)
			return -EIO;
	ret = rte_dev_remove(dev);
	if (ret < 0) {
		fprintf(stderr, "Failed to detach device %s: %s\n", rte_dev_name(dev),
			rte_strerror(-ret));
		return ret;
	}
	for (i = 0; i < n; i++)
		port_forget(list[i]);
	return 0;
}

void
detach_port_device(portid_t port_id)
{
	portid_t list[RTE_MAX_ETHPORTS];
	struct rte_device *dev;
	int n, i;

	if (port_id >= RTE_MAX_ETHPORTS || !ports[port_id].in_use) {
		fprintf(stderr, "Invalid port_id=%u\n", port_id);
		return;
	}
	dev = ports[port_id].device;
	if (dev == NULL) {
		fprintf(stderr, "Device already removed\n");
		return;
	}
	n = device_ports(dev, list);
	for (i = 0; i < n; i++) {
		if (ports[list[i]].port_status == RTE_PORT_STARTED ||
		    (!test_done && port_is_forwarding(list[i]))) {
			if (list[i] == port_id)
				fprintf(stderr, "Port not stopped\n");
			else
				fprintf(stderr, "Port %u not stopped\n", list[i]);
			return;
		}
	}
	if (ports[port_id].port_status != RTE_PORT_CLOSED)
		fprintf(stderr, "Port was not closed\n");
	printf("Removing a device...\n");
	if (remove_device(dev, list, n) != 0)
		return;
	printf("Device is detached\n");
	printf("Now total ports is %d\n", count_ports());
	printf("Done\n");
}

void
detach_devargs(const char *identifier)
{
	portid_t list[RTE_MAX_ETHPORTS];
	char name[RTE_DEV_NAME_MAX_LEN];
	struct rte_device *dev = NULL;
	portid_t pi;
	int n, i;

	printf("Removing a device...\n");
	snprintf(name, sizeof(name), "%.*s", (int)strcspn(identifier, ","), identifier);
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++)
		if (ports[pi].in_use && ports[pi].device != NULL &&
		    strcmp(rte_dev_name(ports[pi].device), name) == 0) {
			dev = ports[pi].device;
			break;
		}
	if (dev == NULL) {
		fprintf(stderr, "No device %s with ports: see \"show device info all\"\n", name);
		return;
	}
	n = device_ports(dev, list);
	for (i = 0; i < n; i++)
		if (ports[list[i]].port_status == RTE_PORT_STARTED ||
		    (!test_done && port_is_forwarding(list[i]))) {
			fprintf(stderr, "Port %u not stopped\n", list[i]);
			return;
		}
	if (remove_device(dev, list, n) != 0)
		return;
	printf("Device %s is detached\n", identifier);
	printf("Now total ports is %d\n", count_ports());
	printf("Done\n");
}

const char *
port_status_name(portid_t pi)
{
	return status_name(ports[pi].port_status);
}
