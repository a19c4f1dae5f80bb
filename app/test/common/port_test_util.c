/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "port_test_util.h"

int
pt_sh(const char *fmt, ...)
{
	char cmd[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(cmd, sizeof(cmd) - 20, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(cmd) - 20)
		return -1;
	strcat(cmd, " >/dev/null 2>&1");
	return system(cmd) == 0 ? 0 : -1;
}

long
pt_sysfs(const char *iface, const char *attr)
{
	char path[256];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/net/%s/%s", iface, attr);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fscanf(f, "%li", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

int
pt_port_start(uint16_t port, uint16_t nq, uint64_t rxoff, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	uint16_t q;
	int ret;

	memset(&conf, 0, sizeof(conf));
	conf.rxmode.offloads = rxoff;
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	ret = rte_eth_dev_configure(port, nq, nq, &conf);
	if (ret < 0)
		return ret;
	for (q = 0; q < nq; q++) {
		ret = rte_eth_rx_queue_setup(port, q, 512, SOCKET_ID_ANY, NULL, mp);
		if (ret < 0)
			return ret;
		ret = rte_eth_tx_queue_setup(port, q, 512, SOCKET_ID_ANY, NULL);
		if (ret < 0)
			return ret;
	}
	return rte_eth_dev_start(port);
}

int
pt_port_remove(uint16_t port)
{
	char name[RTE_DEV_NAME_MAX_LEN];
	int ret;

	ret = rte_eth_dev_stop(port);
	if (ret == 0)
		ret = rte_eth_dev_close(port);
	if (ret == 0)
		ret = rte_eth_dev_detach(port, name);
	return ret;
}

unsigned int
pt_receive(uint16_t port, uint16_t nq, unsigned int want, unsigned int timeout_ms,
		unsigned int *per_queue, long (*seq_of)(const struct rte_mbuf *m))
{
	uint64_t deadline = rte_get_timer_cycles() + rte_get_timer_hz() * timeout_ms / 1000;
	struct rte_mbuf *rx[32];
	unsigned int got = 0;
	uint16_t q, i, n;

	while (got < want && rte_get_timer_cycles() < deadline) {
		int idle = 1;

		for (q = 0; q < nq; q++) {
			n = rte_eth_rx_burst(port, q, rx, RTE_DIM(rx));
			for (i = 0; i < n; i++) {
				if (seq_of(rx[i]) >= 0) {
					got++;
					if (per_queue != NULL)
						per_queue[q]++;
				}
				rte_pktmbuf_free(rx[i]);
			}
			if (n > 0)
				idle = 0;
		}
		if (idle)
			usleep(200);
	}
	return got;
}
