/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pcapng writer. Packets are framed at copy time (on the lcore that sees them) so that the
 * writer only gathers segments into writev(). The interface id of a packet block is the
 * index of its port's interface description in this file; a copy cannot know the file, so it
 * records the port id there and the writer translates it, describing a port it has not seen
 * yet just before its first packet.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/uio.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "rte_pcapng.h"
#include "pcapng_proto.h"

RTE_LOG_REGISTER_DEFAULT(pcapng_logtype, INFO);

#define PCAPNG_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, pcapng_logtype, "PCAPNG: " fmt "\n", ##__VA_ARGS__)

/* Segments gathered per writev(). */
#define PCAPNG_IOV_MAX 1024

struct rte_pcapng {
	int fd;
	uint32_t nb_interfaces;
	/* interface id of each port in this file, -1 before its description is written */
	int32_t port_index[RTE_MAX_ETHPORTS];
};

/* Wall clock of TSC base_tsc, so that a TSC timestamp becomes nanoseconds since the epoch. */
static pthread_once_t clock_once = PTHREAD_ONCE_INIT;
static uint64_t base_ns;
static uint64_t base_tsc;
static uint64_t tsc_hz;

static void
pcapng_clock_init(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	base_tsc = rte_get_tsc_cycles();
	base_ns = (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
	tsc_hz = rte_get_tsc_hz();
	if (tsc_hz == 0)
		tsc_hz = NS_PER_S;
}

static uint64_t
pcapng_tsc_to_ns(uint64_t tsc)
{
	uint64_t d;

	pthread_once(&clock_once, pcapng_clock_init);
	/* split so that neither product overflows 64 bits */
	if (tsc >= base_tsc) {
		d = tsc - base_tsc;
		return base_ns + d / tsc_hz * NS_PER_S + d % tsc_hz * NS_PER_S / tsc_hz;
	}
	d = base_tsc - tsc;
	return base_ns - (d / tsc_hz * NS_PER_S + d % tsc_hz * NS_PER_S / tsc_hz);
}

/* A block built in memory: header fields, then options appended one by one. */
struct pcapng_buf {
	uint8_t *data;
	size_t len;
	size_t cap;
};

static int
buf_put(struct pcapng_buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = RTE_MAX(b->cap * 2, b->len + n + 256);
		uint8_t *d = realloc(b->data, cap);

		if (d == NULL)
			return -ENOMEM;
		b->data = d;
		b->cap = cap;
	}
	if (p != NULL)
		memcpy(b->data + b->len, p, n);
	else
		memset(b->data + b->len, 0, n);
	b->len += n;
	return 0;
}

/* An option, padded to 32 bits; a string longer than an option can hold is cut. */
static int
buf_opt(struct pcapng_buf *b, uint16_t code, const void *val, size_t n)
{
	struct pcapng_option o = { .code = code };
	int ret;

	if (n > UINT16_MAX - 3)
		n = UINT16_MAX - 3;
	o.length = (uint16_t)n;
	ret = buf_put(b, &o, sizeof(o));
	if (ret == 0)
		ret = buf_put(b, val, n);
	if (ret == 0)
		ret = buf_put(b, NULL, RTE_ALIGN(n, 4) - n);
	return ret;
}

static int
buf_opt_str(struct pcapng_buf *b, uint16_t code, const char *s)
{
	if (s == NULL || s[0] == '\0')
		return 0;
	return buf_opt(b, code, s, strlen(s));
}

/* End of options, trailing length; patch the length in the header. */
static int
buf_finish(struct pcapng_buf *b)
{
	uint32_t len;
	int ret;

	ret = buf_opt(b, PCAPNG_OPT_END, NULL, 0);
	if (ret != 0)
		return ret;
	len = (uint32_t)(b->len + sizeof(len));
	ret = buf_put(b, &len, sizeof(len));
	if (ret == 0)
		((struct pcapng_block_head *)b->data)->length = len;
	return ret;
}

/* Write all of iov[0..n), resuming after short writes. */
static ssize_t
pcapng_writev_all(int fd, struct iovec *iov, int n)
{
	ssize_t total = 0;

	while (n > 0) {
		ssize_t w = writev(fd, iov, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			rte_errno = errno;
			PCAPNG_LOG(ERR, "write to fd %d failed: %s", fd, strerror(errno));
			return -1;
		}
		total += w;
		while (n > 0 && (size_t)w >= iov->iov_len) {
			w -= iov->iov_len;
			iov++;
			n--;
		}
		if (n > 0) {
			iov->iov_base = (uint8_t *)iov->iov_base + w;
			iov->iov_len -= w;
		}
	}
	return total;
}

static ssize_t
buf_write(rte_pcapng_t *self, struct pcapng_buf *b)
{
	struct iovec iov = { .iov_base = b->data, .iov_len = b->len };

	return pcapng_writev_all(self->fd, &iov, 1);
}

static ssize_t
pcapng_write_section(rte_pcapng_t *self, const char *os, const char *hw, const char *app,
		const char *comment)
{
	struct pcapng_section_header h = {
		.head.type = PCAPNG_SHB_TYPE,
		.byte_order_magic = PCAPNG_BYTE_ORDER_MAGIC,
		.major_version = 1,
		.minor_version = 0,
		.section_length = -1,   /* not known in advance */
	};
	struct pcapng_buf b = { 0 };
	ssize_t ret = -1;

	if (buf_put(&b, &h, sizeof(h)) == 0 && buf_opt_str(&b, PCAPNG_OPT_COMMENT, comment) == 0 &&
			buf_opt_str(&b, PCAPNG_SHB_HARDWARE, hw) == 0 &&
			buf_opt_str(&b, PCAPNG_SHB_OS, os) == 0 &&
			buf_opt_str(&b, PCAPNG_SHB_USERAPPL, app) == 0 && buf_finish(&b) == 0)
		ret = buf_write(self, &b);
	else
		rte_errno = ENOMEM;
	free(b.data);
	return ret;
}

/*
 * Describe a port: its ethdev name, its driver, MAC address and link speed when the port
 * still exists, and nanosecond timestamps. The snap length 0 means "no limit".
 */
static int
pcapng_add_interface(rte_pcapng_t *self, uint16_t port)
{
	struct pcapng_interface_block h = {
		.head.type = PCAPNG_IDB_TYPE,
		.link_type = PCAPNG_LINKTYPE_ETHERNET,
		.snap_len = 0,
	};
	char name[RTE_ETH_NAME_MAX_LEN];
	struct rte_eth_dev_info info;
	struct rte_ether_addr mac;
	struct rte_eth_link link;
	struct pcapng_buf b = { 0 };
	const uint8_t tsresol = 9;  /* 10^-9 s */
	int ret;

	if (rte_eth_dev_get_name_by_port(port, name) != 0)
		snprintf(name, sizeof(name), "port%u", port);
	ret = buf_put(&b, &h, sizeof(h));
	if (ret == 0)
		ret = buf_opt_str(&b, PCAPNG_IF_NAME, name);
	if (ret == 0 && rte_eth_dev_info_get(port, &info) == 0 && info.driver_name != NULL)
		ret = buf_opt_str(&b, PCAPNG_IF_DESCRIPTION, info.driver_name);
	if (ret == 0 && rte_eth_macaddr_get(port, &mac) == 0)
		ret = buf_opt(&b, PCAPNG_IF_MACADDR, mac.addr_bytes, RTE_ETHER_ADDR_LEN);
	if (ret == 0 && rte_eth_link_get_nowait(port, &link) == 0 &&
			link.link_status == RTE_ETH_LINK_UP && link.link_speed != 0 &&
			link.link_speed != RTE_ETH_SPEED_NUM_UNKNOWN) {
		uint64_t bps = (uint64_t)link.link_speed * 1000000;

		ret = buf_opt(&b, PCAPNG_IF_SPEED, &bps, sizeof(bps));
	}
	if (ret == 0)
		ret = buf_opt(&b, PCAPNG_IF_TSRESOL, &tsresol, sizeof(tsresol));
	if (ret == 0)
		ret = buf_finish(&b);
	if (ret != 0) {
		free(b.data);
		rte_errno = ENOMEM;
		return -1;
	}
	if (buf_write(self, &b) < 0) {
		free(b.data);
		return -1;
	}
	free(b.data);
	self->port_index[port] = (int32_t)self->nb_interfaces++;
	return 0;
}

/* Interface id of port, describing it first if needed; -1 when that fails. */
static int32_t
pcapng_interface_of(rte_pcapng_t *self, uint16_t port)
{
	if (port >= RTE_MAX_ETHPORTS) {
		rte_errno = EINVAL;
		return -1;
	}
	if (self->port_index[port] < 0 && pcapng_add_interface(self, port) != 0)
		return -1;
	return self->port_index[port];
}

rte_pcapng_t *
rte_pcapng_fdopen(int fd, const char *osname, const char *hardware, const char *appname,
		const char *comment)
{
	rte_pcapng_t *self;
	uint16_t port;
	unsigned int i;

	if (fd < 0) {
		PCAPNG_LOG(ERR, "fdopen: bad file descriptor %d", fd);
		rte_errno = EINVAL;
		return NULL;
	}
	self = rte_zmalloc("pcapng", sizeof(*self), 0);
	if (self == NULL) {
		PCAPNG_LOG(ERR, "fdopen: out of memory");
		rte_errno = ENOMEM;
		return NULL;
	}
	self->fd = fd;
	for (i = 0; i < RTE_DIM(self->port_index); i++)
		self->port_index[i] = -1;
	pthread_once(&clock_once, pcapng_clock_init);
	if (pcapng_write_section(self, osname, hardware, appname, comment) < 0)
		goto fail;
	RTE_ETH_FOREACH_DEV(port)
		if (pcapng_add_interface(self, port) != 0)
			goto fail;
	return self;
fail:
	/* the caller keeps its descriptor when there is no handle to own it */
	rte_free(self);
	return NULL;
}

void
rte_pcapng_close(rte_pcapng_t *self)
{
	if (self == NULL)
		return;
	close(self->fd);
	rte_free(self);
}

uint32_t
rte_pcapng_mbuf_size(uint32_t length)
{
	uint64_t sz = (uint64_t)RTE_PKTMBUF_HEADROOM +
		sizeof(struct pcapng_enhanced_packet_block) +
		RTE_ALIGN((uint64_t)length + sizeof(struct rte_vlan_hdr), 4) +
		sizeof(struct pcapng_epb_trailer);

	return sz > UINT32_MAX ? UINT32_MAX : (uint32_t)sz;
}

/* Put back the 802.1Q tag tci after the MAC addresses of the first segment of m. */
static int
pcapng_vlan_insert(struct rte_mbuf *m, uint16_t tci)
{
	uint16_t tag[2] = { rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN), rte_cpu_to_be_16(tci) };
	uint8_t *p;

	if (rte_pktmbuf_data_len(m) < 2 * RTE_ETHER_ADDR_LEN)
		return -EINVAL;
	p = (uint8_t *)rte_pktmbuf_prepend(m, sizeof(tag));
	if (p == NULL)
		return -ENOSPC;
	memmove(p, p + sizeof(tag), 2 * RTE_ETHER_ADDR_LEN);
	/* TPID and TCI; the packet's own EtherType follows them */
	memcpy(p + 2 * RTE_ETHER_ADDR_LEN, tag, sizeof(tag));
	return 0;
}

struct rte_mbuf *
rte_pcapng_copy(uint16_t port_id, uint32_t queue, const struct rte_mbuf *m,
		struct rte_mempool *mp, uint32_t length, uint64_t timestamp,
		enum rte_pcapng_direction direction)
{
	struct pcapng_enhanced_packet_block *epb;
	struct pcapng_epb_trailer *tr;
	struct rte_mbuf *mc, *seg;
	uint32_t orig_len, cap_len, pad;
	uint64_t ns;
	uint8_t *tail;

	if (m == NULL || mp == NULL || direction > RTE_PCAPNG_DIRECTION_OUT ||
			port_id >= RTE_MAX_ETHPORTS) {
		PCAPNG_LOG(ERR, "copy: %s", m == NULL ? "NULL mbuf" :
				mp == NULL ? "NULL mempool" :
				port_id >= RTE_MAX_ETHPORTS ? "port id too large" : "bad direction");
		rte_errno = EINVAL;
		return NULL;
	}
	mc = rte_pktmbuf_copy(m, mp, 0, length);
	if (mc == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	orig_len = rte_pktmbuf_pkt_len(m);
	cap_len = rte_pktmbuf_pkt_len(mc);
	if (((m->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED) &&
			direction == RTE_PCAPNG_DIRECTION_IN) ||
			((m->ol_flags & RTE_MBUF_F_TX_VLAN) &&
			direction == RTE_PCAPNG_DIRECTION_OUT)) {
		if (pcapng_vlan_insert(mc, m->vlan_tci) != 0)
			goto nospace;
		orig_len += sizeof(struct rte_vlan_hdr);
	}
	cap_len = rte_pktmbuf_pkt_len(mc);
	pad = RTE_ALIGN(cap_len, 4) - cap_len;

	tail = (uint8_t *)rte_pktmbuf_append(mc, pad + sizeof(*tr));
	if (tail == NULL) {
		/* the last segment is full: the trailer goes into one more */
		seg = rte_pktmbuf_alloc(mp);
		if (seg == NULL) {
			rte_pktmbuf_free(mc);
			rte_errno = ENOMEM;
			return NULL;
		}
		if (rte_pktmbuf_chain(mc, seg) != 0) {
			rte_pktmbuf_free(seg);
			goto nospace;
		}
		tail = (uint8_t *)rte_pktmbuf_append(mc, pad + sizeof(*tr));
		if (tail == NULL)
			goto nospace;
	}
	epb = (struct pcapng_enhanced_packet_block *)rte_pktmbuf_prepend(mc, sizeof(*epb));
	if (epb == NULL)
		goto nospace;

	memset(tail, 0, pad);
	tr = (struct pcapng_epb_trailer *)(tail + pad);
	tr->flags_opt = (struct pcapng_option){ PCAPNG_EPB_FLAGS, sizeof(tr->flags) };
	tr->flags = direction;
	tr->queue_opt = (struct pcapng_option){ PCAPNG_EPB_QUEUE, sizeof(tr->queue) };
	tr->queue = queue;
	tr->end_opt = (struct pcapng_option){ PCAPNG_OPT_END, 0 };
	tr->block_length = rte_pktmbuf_pkt_len(mc);

	ns = pcapng_tsc_to_ns(timestamp);
	epb->head.type = PCAPNG_EPB_TYPE;
	epb->head.length = rte_pktmbuf_pkt_len(mc);
	epb->interface_id = port_id;  /* a port id until rte_pcapng_write_packets */
	epb->timestamp_hi = (uint32_t)(ns >> 32);
	epb->timestamp_lo = (uint32_t)ns;
	epb->captured_length = cap_len;
	epb->original_length = orig_len;
	mc->port = port_id;
	return mc;
nospace:
	PCAPNG_LOG(ERR, "copy: mbufs of pool %s too small for a %u byte packet block", mp->name,
			cap_len);
	rte_pktmbuf_free(mc);
	rte_errno = ENOSPC;
	return NULL;
}

/* Whether m holds a packet block as rte_pcapng_copy() makes it. */
static int
pcapng_epb_valid(const struct rte_mbuf *m)
{
	const struct pcapng_enhanced_packet_block *epb;

	if (rte_pktmbuf_data_len(m) < sizeof(*epb))
		return 0;
	epb = rte_pktmbuf_mtod(m, const struct pcapng_enhanced_packet_block *);
	return epb->head.type == PCAPNG_EPB_TYPE && epb->head.length == rte_pktmbuf_pkt_len(m) &&
		epb->head.length % 4 == 0 &&
		epb->head.length >= sizeof(*epb) + sizeof(struct pcapng_epb_trailer) +
			epb->captured_length;
}

ssize_t
rte_pcapng_write_packets(rte_pcapng_t *self, struct rte_mbuf *pkts[], uint16_t nb_pkts)
{
	struct iovec iov[PCAPNG_IOV_MAX];
	ssize_t total = 0, w;
	uint16_t i, first = 0;
	int n = 0;

	if (self == NULL || (pkts == NULL && nb_pkts > 0)) {
		PCAPNG_LOG(ERR, "write_packets: NULL %s", self == NULL ? "handle" : "packets");
		if (pkts != NULL)
			rte_pktmbuf_free_bulk(pkts, nb_pkts);
		rte_errno = EINVAL;
		return -1;
	}
	for (i = 0; i < nb_pkts; i++) {
		struct rte_mbuf *m = pkts[i], *s;
		struct pcapng_enhanced_packet_block *epb;
		int32_t ifid;

		if (m == NULL)
			continue;
		if (!pcapng_epb_valid(m) || m->port >= RTE_MAX_ETHPORTS) {
			PCAPNG_LOG(ERR, "write_packets: mbuf %u was not made by rte_pcapng_copy", i);
			continue;
		}
		epb = rte_pktmbuf_mtod(m, struct pcapng_enhanced_packet_block *);
		if (m->nb_segs > PCAPNG_IOV_MAX) {
			PCAPNG_LOG(ERR, "write_packets: mbuf %u has %u segments", i, m->nb_segs);
			continue;
		}
		if (n + m->nb_segs > PCAPNG_IOV_MAX) {
			w = pcapng_writev_all(self->fd, iov, n);
			if (w < 0)
				goto fail;
			total += w;
			n = 0;
			rte_pktmbuf_free_bulk(pkts + first, i - first);
			first = i;
		}
		/* the interface description must come before the block, not in this batch */
		if (self->port_index[m->port] < 0 && n > 0) {
			w = pcapng_writev_all(self->fd, iov, n);
			if (w < 0)
				goto fail;
			total += w;
			n = 0;
		}
		ifid = pcapng_interface_of(self, m->port);
		if (ifid < 0)
			goto fail;
		epb->interface_id = (uint32_t)ifid;
		for (s = m; s != NULL; s = s->next) {
			iov[n].iov_base = rte_pktmbuf_mtod(s, void *);
			iov[n].iov_len = rte_pktmbuf_data_len(s);
			n++;
		}
	}
	w = pcapng_writev_all(self->fd, iov, n);
	if (w < 0)
		goto fail;
	total += w;
	rte_pktmbuf_free_bulk(pkts + first, nb_pkts - first);
	return total;
fail:
	rte_pktmbuf_free_bulk(pkts + first, nb_pkts - first);
	return -1;
}

ssize_t
rte_pcapng_write_stats(rte_pcapng_t *self, uint16_t port, const char *comment,
		uint64_t start_time, uint64_t end_time, uint64_t ifrecv, uint64_t ifdrop)
{
	struct pcapng_statistics_block h = { .head.type = PCAPNG_ISB_TYPE };
	struct pcapng_buf b = { 0 };
	uint32_t t[2];
	int32_t ifid;
	uint64_t ns;
	ssize_t ret;
	int err = 0;

	if (self == NULL) {
		PCAPNG_LOG(ERR, "write_stats: NULL handle");
		rte_errno = EINVAL;
		return -1;
	}
	if (port >= RTE_MAX_ETHPORTS ||
			(self->port_index[port] < 0 && !rte_eth_dev_is_valid_port(port))) {
		PCAPNG_LOG(ERR, "write_stats: port %u is not in the file and does not exist", port);
		rte_errno = EINVAL;
		return -1;
	}
	ifid = pcapng_interface_of(self, port);
	if (ifid < 0)
		return -1;
	ns = pcapng_tsc_to_ns(rte_get_tsc_cycles());
	h.interface_id = (uint32_t)ifid;
	h.timestamp_hi = (uint32_t)(ns >> 32);
	h.timestamp_lo = (uint32_t)ns;
	err |= buf_put(&b, &h, sizeof(h));
	err |= buf_opt_str(&b, PCAPNG_OPT_COMMENT, comment);
	/* timestamps in options are written as high then low 32 bits, like the block's */
	if (start_time != 0) {
		t[0] = (uint32_t)(start_time >> 32);
		t[1] = (uint32_t)start_time;
		err |= buf_opt(&b, PCAPNG_ISB_STARTTIME, t, sizeof(t));
	}
	if (end_time != 0) {
		t[0] = (uint32_t)(end_time >> 32);
		t[1] = (uint32_t)end_time;
		err |= buf_opt(&b, PCAPNG_ISB_ENDTIME, t, sizeof(t));
	}
	if (ifrecv != UINT64_MAX)
		err |= buf_opt(&b, PCAPNG_ISB_IFRECV, &ifrecv, sizeof(ifrecv));
	if (ifdrop != UINT64_MAX)
		err |= buf_opt(&b, PCAPNG_ISB_IFDROP, &ifdrop, sizeof(ifdrop));
	if (err == 0)
		err = buf_finish(&b);
	if (err != 0) {
		free(b.data);
		rte_errno = ENOMEM;
		return -1;
	}
	ret = buf_write(self, &b);
	free(b.data);
	return ret;
}
