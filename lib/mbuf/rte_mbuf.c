/* SPDX-License-Identifier: BSD-3-Clause */
/* Packet pools and the out-of-line mbuf operations (clone, copy, bulk free, checks, dump). */
#include <string.h>
#include <inttypes.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "rte_mbuf.h"
#include "rte_mbuf_pool_ops.h"
#include "mbuf_private.h"

RTE_LOG_REGISTER_DEFAULT(mbuf_logtype, INFO);

void
rte_pktmbuf_pool_init(struct rte_mempool *mp, void *opaque_arg)
{
	struct rte_pktmbuf_pool_private *priv = rte_mempool_get_priv(mp);
	struct rte_pktmbuf_pool_private def;

	RTE_VERIFY(mp->private_data_size >= sizeof(struct rte_pktmbuf_pool_private));
	if (opaque_arg == NULL) {
		memset(&def, 0, sizeof(def));
		def.mbuf_data_room_size = (uint16_t)(mp->elt_size - sizeof(struct rte_mbuf));
		opaque_arg = &def;
	}
	memcpy(priv, opaque_arg, sizeof(*priv));
}

void
rte_pktmbuf_init(struct rte_mempool *mp, void *opaque_arg, void *_m, unsigned int i)
{
	struct rte_mbuf *m = _m;
	uint16_t priv_size = rte_pktmbuf_priv_size(mp);
	uint32_t mbuf_size = (uint32_t)sizeof(struct rte_mbuf) + priv_size;
	uint16_t buf_len = rte_pktmbuf_data_room_size(mp);

	RTE_SET_USED(opaque_arg);
	RTE_SET_USED(i);
	RTE_VERIFY(mp->elt_size >= mbuf_size + buf_len);
	memset(m, 0, mbuf_size);
	m->priv_size = priv_size;
	m->buf_addr = (char *)m + mbuf_size;
	m->buf_iova = rte_mempool_virt2iova(m) == RTE_BAD_IOVA ? RTE_BAD_IOVA :
		rte_mempool_virt2iova(m) + mbuf_size;
	m->buf_len = buf_len;
	rte_pktmbuf_reset_headroom(m);
	m->data_len = 0;
	m->pool = mp;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	rte_mbuf_refcnt_set(m, 1);
	m->next = NULL;
}

struct rte_mempool *
rte_pktmbuf_pool_create_by_ops(const char *name, unsigned int n, unsigned int cache_size,
		uint16_t priv_size, uint16_t data_room_size, int socket_id, const char *ops_name)
{
	struct rte_pktmbuf_pool_private priv;
	struct rte_mempool *mp;
	unsigned int elt_size;
	int ret;

	if (RTE_ALIGN(priv_size, RTE_MBUF_PRIV_ALIGN) != priv_size) {
		MBUF_LOG(ERR, "pool %s: private size %u is not a multiple of %u",
			name != NULL ? name : "(null)", priv_size, RTE_MBUF_PRIV_ALIGN);
		rte_errno = EINVAL;
		return NULL;
	}
	elt_size = (unsigned int)sizeof(struct rte_mbuf) + priv_size + data_room_size;
	memset(&priv, 0, sizeof(priv));
	priv.mbuf_data_room_size = data_room_size;
	priv.mbuf_priv_size = priv_size;

	mp = rte_mempool_create_empty(name, n, elt_size, cache_size, sizeof(priv), socket_id,
			0);
	if (mp == NULL)
		return NULL;
	if (ops_name == NULL)
		ops_name = rte_mbuf_best_mempool_ops();
	ret = rte_mempool_set_ops_byname(mp, ops_name, NULL);
	if (ret != 0) {
		MBUF_LOG(ERR, "pool %s: mempool ops %s: %s", name, ops_name, rte_strerror(-ret));
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	rte_pktmbuf_pool_init(mp, &priv);
	ret = rte_mempool_populate_default(mp);
	if (ret < 0) {
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	rte_mempool_obj_iter(mp, rte_pktmbuf_init, NULL);
	return mp;
}

/* Where the next mbuf's buffer is while rte_pktmbuf_pool_create_extbuf sets the mbufs up. */
struct extmem_cursor {
	const struct rte_pktmbuf_extmem *ext_mem;
	unsigned int ext_num;
	unsigned int ext; /* area of the next buffer */
	size_t off; /* its offset in the area */
};

/* Called when the last clone lets go of a pinned buffer whose mbuf was freed before. */
static void
pktmbuf_free_pinned_extmem(void *addr, void *opaque)
{
	struct rte_mbuf *m = opaque;

	RTE_SET_USED(addr);
	rte_mbuf_ext_refcnt_set(m->shinfo, 1);
	m->ol_flags = RTE_MBUF_F_EXTERNAL;
	m->next = NULL;
	m->nb_segs = 1;
	rte_mbuf_raw_free(m);
}

/* Object constructor of pinned pools: the buffer is the next one of the external areas. */
static void
pktmbuf_init_extmem(struct rte_mempool *mp, void *opaque_arg, void *obj, unsigned int i)
{
	struct extmem_cursor *cur = opaque_arg;
	const struct rte_pktmbuf_extmem *ext = &cur->ext_mem[cur->ext];
	uint16_t priv_size = rte_pktmbuf_priv_size(mp);
	uint32_t mbuf_size = (uint32_t)sizeof(struct rte_mbuf) + priv_size;
	struct rte_mbuf_ext_shared_info *shinfo;
	struct rte_mbuf *m = obj;

	RTE_SET_USED(i);
	RTE_VERIFY(cur->ext < cur->ext_num);
	memset(m, 0, mbuf_size);
	m->priv_size = priv_size;
	m->buf_len = rte_pktmbuf_data_room_size(mp);
	m->buf_addr = RTE_PTR_ADD(ext->buf_ptr, cur->off);
	rte_mbuf_iova_set(m, ext->buf_iova == RTE_BAD_IOVA ? RTE_BAD_IOVA :
		ext->buf_iova + cur->off);
	cur->off += ext->elt_size;
	if (cur->off + ext->elt_size > ext->buf_len) {
		cur->off = 0;
		cur->ext++;
	}
	rte_pktmbuf_reset_headroom(m);
	m->pool = mp;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	m->ol_flags = RTE_MBUF_F_EXTERNAL;
	rte_mbuf_refcnt_set(m, 1);
	m->next = NULL;
	/* The shared information lives right after the mbuf and its private area. */
	shinfo = RTE_PTR_ADD(m, mbuf_size);
	m->shinfo = shinfo;
	shinfo->free_cb = pktmbuf_free_pinned_extmem;
	shinfo->fcb_opaque = m;
	rte_mbuf_ext_refcnt_set(shinfo, 1);
}

struct rte_mempool *
rte_pktmbuf_pool_create_extbuf(const char *name, unsigned int n, unsigned int cache_size,
		uint16_t priv_size, uint16_t data_room_size, int socket_id,
		const struct rte_pktmbuf_extmem *ext_mem, unsigned int ext_num)
{
	struct rte_pktmbuf_pool_private priv;
	struct extmem_cursor cur;
	struct rte_mempool *mp;
	uint64_t capacity = 0;
	unsigned int i, elt_size;
	int ret;

	if (name == NULL || ext_mem == NULL || ext_num == 0) {
		MBUF_LOG(ERR, "pool %s: no name or no external memory (%u areas)",
			name != NULL ? name : "(null)", ext_num);
		rte_errno = EINVAL;
		return NULL;
	}
	if (RTE_ALIGN(priv_size, RTE_MBUF_PRIV_ALIGN) != priv_size) {
		MBUF_LOG(ERR, "pool %s: private size %u is not a multiple of %u", name,
			priv_size, RTE_MBUF_PRIV_ALIGN);
		rte_errno = EINVAL;
		return NULL;
	}
	for (i = 0; i < ext_num; i++) {
		if (ext_mem[i].buf_ptr == NULL || ext_mem[i].elt_size == 0 ||
				ext_mem[i].elt_size < data_room_size) {
			MBUF_LOG(ERR, "pool %s: external area %u (address %p, element size %u) "
				"cannot hold buffers of %u bytes", name, i, ext_mem[i].buf_ptr,
				ext_mem[i].elt_size, data_room_size);
			rte_errno = EINVAL;
			return NULL;
		}
		capacity += ext_mem[i].buf_len / ext_mem[i].elt_size;
	}
	if (capacity < n) {
		MBUF_LOG(ERR, "pool %s: the external areas hold %" PRIu64 " buffers, not %u", name,
			capacity, n);
		rte_errno = EINVAL;
		return NULL;
	}
	elt_size = (unsigned int)sizeof(struct rte_mbuf) + priv_size +
		(unsigned int)sizeof(struct rte_mbuf_ext_shared_info);
	memset(&priv, 0, sizeof(priv));
	priv.mbuf_data_room_size = data_room_size;
	priv.mbuf_priv_size = priv_size;
	priv.flags = RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF;

	mp = rte_mempool_create_empty(name, n, elt_size, cache_size, sizeof(priv), socket_id,
			0);
	if (mp == NULL)
		return NULL;
	ret = rte_mempool_set_ops_byname(mp, rte_mbuf_best_mempool_ops(), NULL);
	if (ret != 0) {
		MBUF_LOG(ERR, "pool %s: mempool ops %s: %s", name, rte_mbuf_best_mempool_ops(),
			rte_strerror(-ret));
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	rte_pktmbuf_pool_init(mp, &priv);
	ret = rte_mempool_populate_default(mp);
	if (ret < 0) {
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	cur.ext_mem = ext_mem;
	cur.ext_num = ext_num;
	cur.ext = 0;
	cur.off = 0;
	rte_mempool_obj_iter(mp, pktmbuf_init_extmem, &cur);
	return mp;
}

struct rte_mempool *
rte_pktmbuf_pool_create(const char *name, unsigned int n, unsigned int cache_size,
		uint16_t priv_size, uint16_t data_room_size, int socket_id)
{
	return rte_pktmbuf_pool_create_by_ops(name, n, cache_size, priv_size, data_room_size,
			socket_id, NULL);
}

int
rte_mbuf_check(const struct rte_mbuf *m, int is_header, const char **reason)
{
	unsigned int nb_segs, pkt_len;

	if (m == NULL) {
		*reason = "mbuf is NULL";
		return -1;
	}
	if (m->pool == NULL) {
		*reason = "bad mbuf pool";
		return -1;
	}
	if (RTE_MBUF_DIRECT(m) && m->buf_iova == 0) {
		*reason = "bad IO addr";
		return -1;
	}
	if (m->buf_addr == NULL) {
		*reason = "bad virt addr";
		return -1;
	}
	if (rte_mbuf_refcnt_read(m) == 0) {
		*reason = "bad ref cnt";
		return -1;
	}
	if (!is_header)
		return 0;
	if (m->data_off > m->buf_len) {
		*reason = "data offset too big in mbuf segment";
		return -1;
	}
	if ((uint32_t)m->data_off + m->data_len > m->buf_len) {
		*reason = "data length too big in mbuf segment";
		return -1;
	}
	nb_segs = m->nb_segs;
	pkt_len = m->pkt_len;
	do {
		if (m->data_off > m->buf_len ||
				(uint32_t)m->data_off + m->data_len > m->buf_len) {
			*reason = "data out of the buffer in a segment";
			return -1;
		}
		if (nb_segs == 0) {
			*reason = "more segments than nb_segs";
			return -1;
		}
		nb_segs--;
		pkt_len -= m->data_len;
	} while ((m = m->next) != NULL);
	if (nb_segs != 0) {
		*reason = "fewer segments than nb_segs";
		return -1;
	}
	if (pkt_len != 0) {
		*reason = "pkt_len is not the sum of data_len";
		return -1;
	}
	return 0;
}

void
rte_mbuf_sanity_check(const struct rte_mbuf *m, int is_header)
{
	const char *reason;

	if (rte_mbuf_check(m, is_header, &reason) != 0)
		rte_panic("%s\n", reason);
}

/* Objects are returned to their pool in batches of at most this many. */
#define FREE_BATCH 64

void
rte_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count)
{
	struct rte_mempool *batch_pool = NULL;
	void *batch[FREE_BATCH];
	unsigned int nb = 0, i;
	struct rte_mbuf *m, *next;

	for (i = 0; i < count; i++) {
		for (m = mbufs[i]; m != NULL; m = next) {
			next = m->next;
			m = rte_pktmbuf_prefree_seg(m);
			if (m == NULL)
				continue;
			if (m->pool != batch_pool || nb == FREE_BATCH) {
				if (nb != 0)
					rte_mempool_put_bulk(batch_pool, batch, nb);
				batch_pool = m->pool;
				nb = 0;
			}
			batch[nb++] = m;
		}
	}
	if (nb != 0)
		rte_mempool_put_bulk(batch_pool, batch, nb);
}

struct rte_mbuf *
rte_pktmbuf_clone(struct rte_mbuf *md, struct rte_mempool *mp)
{
	struct rte_mbuf *mc, *mi, **prev;
	uint32_t pktlen;
	uint16_t nseg;

	mc = rte_pktmbuf_alloc(mp);
	if (mc == NULL)
		return NULL;
	mi = mc;
	prev = &mi->next;
	pktlen = md->pkt_len;
	nseg = 0;
	do {
		nseg++;
		rte_pktmbuf_attach(mi, md);
		*prev = mi;
		prev = &mi->next;
	} while ((md = md->next) != NULL && (mi = rte_pktmbuf_alloc(mp)) != NULL);
	*prev = NULL;
	mc->nb_segs = nseg;
	mc->pkt_len = pktlen;
	if (md != NULL) {
		/* Ran out of mbufs: undo, which also drops the references taken. */
		rte_pktmbuf_free(mc);
		return NULL;
	}
	__rte_mbuf_sanity_check(mc, 1);
	return mc;
}

struct rte_mbuf *
rte_pktmbuf_copy(const struct rte_mbuf *m, struct rte_mempool *mp, uint32_t off, uint32_t len)
{
	const struct rte_mbuf *seg = m;
	struct rte_mbuf *mc, *m_last, **prev;

	if (off >= m->pkt_len && !(off == 0 && m->pkt_len == 0))
		return NULL;
	mc = rte_pktmbuf_alloc(mp);
	if (mc == NULL)
		return NULL;
	__rte_pktmbuf_copy_hdr(mc, m);
	mc->ol_flags = m->ol_flags & ~(RTE_MBUF_F_INDIRECT | RTE_MBUF_F_EXTERNAL);
	prev = &mc->next;
	m_last = mc;
	len = RTE_MIN(len, m->pkt_len - off);

	while (off >= seg->data_len) {
		off -= seg->data_len;
		seg = seg->next;
	}
	while (len > 0) {
		uint32_t copy_len;

		if (rte_pktmbuf_tailroom(m_last) == 0) {
			m_last = rte_pktmbuf_alloc(mp);
			if (m_last == NULL) {
				rte_pktmbuf_free(mc);
				return NULL;
			}
			++mc->nb_segs;
			*prev = m_last;
			prev = &m_last->next;
		}
		copy_len = RTE_MIN((uint32_t)rte_pktmbuf_tailroom(m_last),
				(uint32_t)seg->data_len - off);
		copy_len = RTE_MIN(copy_len, len);
		memcpy(rte_pktmbuf_mtod_offset(m_last, char *, m_last->data_len),
			rte_pktmbuf_mtod_offset(seg, const char *, off), copy_len);
		m_last->data_len = (uint16_t)(m_last->data_len + copy_len);
		mc->pkt_len += copy_len;
		len -= copy_len;
		off += copy_len;
		if (off == seg->data_len) {
			off = 0;
			seg = seg->next;
		}
	}
	__rte_mbuf_sanity_check(mc, 1);
	return mc;
}

const void *
__rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, void *buf)
{
	const struct rte_mbuf *seg = m;
	uint32_t copied = 0, chunk;

	if (off + len < off || off + len > rte_pktmbuf_pkt_len(m))
		return NULL;
	while (seg != NULL && off >= seg->data_len) {
		off -= seg->data_len;
		seg = seg->next;
	}
	if (seg == NULL)
		return len == 0 ? buf : NULL;
	if (off + len <= seg->data_len)
		return rte_pktmbuf_mtod_offset(seg, const char *, off);
	while (copied < len && seg != NULL) {
		chunk = RTE_MIN((uint32_t)seg->data_len - off, len - copied);
		memcpy((char *)buf + copied, rte_pktmbuf_mtod_offset(seg, const char *, off),
			chunk);
		copied += chunk;
		off = 0;
		seg = seg->next;
	}
	return copied == len ? buf : NULL;
}

int
__rte_pktmbuf_linearize(struct rte_mbuf *mbuf)
{
	struct rte_mbuf *seg, *next;
	uint32_t total = mbuf->pkt_len;
	char *dst;

	if (!RTE_MBUF_DIRECT(mbuf) || rte_mbuf_refcnt_read(mbuf) > 1 ||
			total > (uint32_t)mbuf->buf_len - mbuf->data_off)
		return -1;
	dst = rte_pktmbuf_mtod_offset(mbuf, char *, mbuf->data_len);
	for (seg = mbuf->next; seg != NULL; seg = seg->next) {
		memcpy(dst, rte_pktmbuf_mtod(seg, const char *), seg->data_len);
		dst += seg->data_len;
	}
	seg = mbuf->next;
	mbuf->next = NULL;
	mbuf->nb_segs = 1;
	mbuf->data_len = (uint16_t)total;
	while (seg != NULL) {
		next = seg->next;
		rte_pktmbuf_free_seg(seg);
		seg = next;
	}
	return 0;
}

void
rte_pktmbuf_dump(FILE *f, const struct rte_mbuf *m, unsigned int dump_len)
{
	unsigned int len, i, nb_segs;

	if (f == NULL)
		f = stdout;
	fprintf(f, "dump mbuf at %p, iova=%#" PRIx64 ", buf_len=%u\n", (const void *)m,
		m->buf_iova, m->buf_len);
	fprintf(f, "  pkt_len=%u, ol_flags=%#" PRIx64 ", nb_segs=%u, port=%u, ptype=%#x\n",
		m->pkt_len, m->ol_flags, m->nb_segs, m->port, m->packet_type);
	nb_segs = m->nb_segs;
	while (m != NULL && nb_segs != 0) {
		fprintf(f, "  segment at %p, data=%p, len=%u, off=%u, refcnt=%u\n",
			(const void *)m, rte_pktmbuf_mtod(m, const void *), m->data_len,
			m->data_off, rte_mbuf_refcnt_read(m));
		len = RTE_MIN((unsigned int)m->data_len, dump_len);
		for (i = 0; i < len; i++)
			fprintf(f, "%s%02x", (i % 16 == 0) ? (i ? "\n    " : "    ") : " ",
				rte_pktmbuf_mtod(m, const uint8_t *)[i]);
		if (len != 0)
			fprintf(f, "\n");
		dump_len -= len;
		m = m->next;
		nb_segs--;
	}
}

struct flag_name {
	uint64_t mask;
	uint64_t flag;
	const char *name;
};

#define FLAG(f) { RTE_MBUF_F_ ## f, RTE_MBUF_F_ ## f, "RTE_MBUF_F_" #f }
#define FIELD(m, f) { RTE_MBUF_F_ ## m, RTE_MBUF_F_ ## f, "RTE_MBUF_F_" #f }

static const struct flag_name rx_flags[] = {
	FLAG(RX_VLAN), FLAG(RX_RSS_HASH), FLAG(RX_FDIR),
	FIELD(RX_L4_CKSUM_MASK, RX_L4_CKSUM_BAD), FIELD(RX_L4_CKSUM_MASK, RX_L4_CKSUM_GOOD),
	FIELD(RX_L4_CKSUM_MASK, RX_L4_CKSUM_NONE),
	FIELD(RX_IP_CKSUM_MASK, RX_IP_CKSUM_BAD), FIELD(RX_IP_CKSUM_MASK, RX_IP_CKSUM_GOOD),
	FIELD(RX_IP_CKSUM_MASK, RX_IP_CKSUM_NONE),
	FLAG(RX_OUTER_IP_CKSUM_BAD), FLAG(RX_VLAN_STRIPPED), FLAG(RX_IEEE1588_PTP),
	FLAG(RX_IEEE1588_TMST), FLAG(RX_FDIR_ID), FLAG(RX_FDIR_FLX), FLAG(RX_QINQ_STRIPPED),
	FLAG(RX_LRO), FLAG(RX_SEC_OFFLOAD), FLAG(RX_SEC_OFFLOAD_FAILED), FLAG(RX_QINQ),
	FIELD(RX_OUTER_L4_CKSUM_MASK, RX_OUTER_L4_CKSUM_BAD),
	FIELD(RX_OUTER_L4_CKSUM_MASK, RX_OUTER_L4_CKSUM_GOOD),
	FIELD(RX_OUTER_L4_CKSUM_MASK, RX_OUTER_L4_CKSUM_INVALID),
};

static const struct flag_name tx_flags[] = {
	FLAG(TX_VLAN), FLAG(TX_IP_CKSUM),
	FIELD(TX_L4_MASK, TX_TCP_CKSUM), FIELD(TX_L4_MASK, TX_SCTP_CKSUM),
	FIELD(TX_L4_MASK, TX_UDP_CKSUM),
	FLAG(TX_IEEE1588_TMST), FLAG(TX_TCP_SEG), FLAG(TX_IPV4), FLAG(TX_IPV6),
	FLAG(TX_OUTER_IP_CKSUM), FLAG(TX_OUTER_IPV4), FLAG(TX_OUTER_IPV6),
	FIELD(TX_TUNNEL_MASK, TX_TUNNEL_VXLAN), FIELD(TX_TUNNEL_MASK, TX_TUNNEL_GRE),
	FIELD(TX_TUNNEL_MASK, TX_TUNNEL_IPIP), FIELD(TX_TUNNEL_MASK, TX_TUNNEL_GENEVE),
	FIELD(TX_TUNNEL_MASK, TX_TUNNEL_MPLSINUDP), FIELD(TX_TUNNEL_MASK, TX_TUNNEL_VXLAN_GPE),
	FIELD(TX_TUNNEL_MASK, TX_TUNNEL_GTP), FIELD(TX_TUNNEL_MASK, TX_TUNNEL_ESP),
	FIELD(TX_TUNNEL_MASK, TX_TUNNEL_IP), FIELD(TX_TUNNEL_MASK, TX_TUNNEL_UDP),
	FLAG(TX_QINQ), FLAG(TX_MACSEC), FLAG(TX_SEC_OFFLOAD), FLAG(TX_UDP_SEG),
	FLAG(TX_OUTER_UDP_CKSUM),
};

static const char *
flag_name(const struct flag_name *t, size_t n, uint64_t mask)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].flag == mask && mask != 0)
			return t[i].name;
	return NULL;
}

static int
flag_list(const struct flag_name *t, size_t n, uint64_t mask, char *buf, size_t buflen)
{
	size_t i, used = 0;
	int ret;

	if (buflen == 0)
		return -1;
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if ((mask & t[i].mask) != t[i].flag || t[i].flag == 0)
			continue;
		ret = snprintf(buf + used, buflen - used, "%s ", t[i].name);
		if (ret < 0 || (size_t)ret >= buflen - used)
			return -1;
		used += (size_t)ret;
	}
	return 0;
}

const char *
rte_get_rx_ol_flag_name(uint64_t mask)
{
	return flag_name(rx_flags, RTE_DIM(rx_flags), mask);
}

const char *
rte_get_tx_ol_flag_name(uint64_t mask)
{
	return flag_name(tx_flags, RTE_DIM(tx_flags), mask);
}

int
rte_get_rx_ol_flag_list(uint64_t mask, char *buf, size_t buflen)
{
	return flag_list(rx_flags, RTE_DIM(rx_flags), mask, buf, buflen);
}

int
rte_get_tx_ol_flag_list(uint64_t mask, char *buf, size_t buflen)
{
	return flag_list(tx_flags, RTE_DIM(tx_flags), mask, buf, buflen);
}
