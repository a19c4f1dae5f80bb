/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Packet buffers. An mbuf is a header (struct rte_mbuf), an optional private area, then its
 * data buffer, all in one mempool object. A packet is a chain of mbufs linked by next; the first
 * one carries pkt_len and nb_segs for the whole chain.
 *
 * Invariants of a free mbuf (in its pool): refcnt 1, next NULL, nb_segs 1. The free functions
 * restore them, so allocation only resets the packet fields.
 *
 * Cloning shares data: an indirect mbuf (RTE_MBUF_F_INDIRECT) points at the buffer of a
 * direct one and holds a reference on it; the direct mbuf goes back to its pool only when the
 * last indirect mbuf is detached or freed.
 */
#ifndef _RTE_MBUF_H_
#define _RTE_MBUF_H_

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_branch_prediction.h>
#include <rte_debug.h>
#include <rte_memory.h>
#include <rte_mempool.h>
#include <rte_prefetch.h>
#include <rte_mbuf_ptype.h>
#include <rte_mbuf_core.h>
#include <rte_mbuf_dyn.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Port number of an mbuf not received on any port. */
#define RTE_MBUF_PORT_INVALID UINT16_MAX
#define MBUF_INVALID_PORT RTE_MBUF_PORT_INVALID /**< Old name of RTE_MBUF_PORT_INVALID. */

/** Stored in the private area of a packet mbuf pool. */
struct rte_pktmbuf_pool_private {
	uint16_t mbuf_data_room_size; /**< buffer size of each mbuf, headroom included */
	uint16_t mbuf_priv_size;      /**< private area size of each mbuf */
	uint32_t flags;               /**< RTE_PKTMBUF_POOL_F_* */
};

/** The pool's mbufs carry pinned external buffers (not supported for creation here). */
#define RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF (1 << 0)

/** Name of a receive offload flag, or NULL. */
const char *rte_get_rx_ol_flag_name(uint64_t mask);
/** Name of a transmit offload flag, or NULL. */
const char *rte_get_tx_ol_flag_name(uint64_t mask);
/** Write the names of the receive flags set in mask into buf: 0, or -1 if it does not fit. */
int rte_get_rx_ol_flag_list(uint64_t mask, char *buf, size_t buflen);
/** Write the names of the transmit flags set in mask into buf: 0, or -1 if it does not fit. */
int rte_get_tx_ol_flag_list(uint64_t mask, char *buf, size_t buflen);

/** Prefetch the first cache line of m (the receive fields). */
static inline void
rte_mbuf_prefetch_part1(struct rte_mbuf *m)
{
	rte_prefetch0(&m->cacheline0);
}

/** Prefetch the second cache line of m (the transmit fields). */
static inline void
rte_mbuf_prefetch_part2(struct rte_mbuf *m)
{
	rte_prefetch0(&m->cacheline1);
}

/** Private area size of the mbufs of a packet pool. */
static inline uint16_t
rte_pktmbuf_priv_size(struct rte_mempool *mp)
{
	return ((struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp))->mbuf_priv_size;
}

/** Buffer size (data room, headroom included) of the mbufs of a packet pool. */
static inline uint16_t
rte_pktmbuf_data_room_size(struct rte_mempool *mp)
{
	return ((struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp))->mbuf_data_room_size;
}

/**
 * Flags of a packet pool (RTE_PKTMBUF_POOL_F_*).
 *
 * @param mp
 *   A packet pool.
 * @return
 *   Its flags.
 */
static inline uint32_t
rte_pktmbuf_priv_flags(struct rte_mempool *mp)
{
	return ((struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp))->flags;
}

/** mb comes from a pool whose mbufs stay attached to their external buffers for good. */
#define RTE_MBUF_HAS_PINNED_EXTBUF(mb) \
	(rte_pktmbuf_priv_flags((mb)->pool) & RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF)

/**
 * IOVA of the mbuf's buffer.
 *
 * @param m
 *   The mbuf.
 * @return
 *   m->buf_iova.
 */
static inline rte_iova_t
rte_mbuf_iova_get(const struct rte_mbuf *m)
{
	return m->buf_iova;
}

/**
 * Set the IOVA of the mbuf's buffer.
 *
 * @param m
 *   The mbuf.
 * @param iova
 *   The IOVA.
 */
static inline void
rte_mbuf_iova_set(struct rte_mbuf *m, rte_iova_t iova)
{
	m->buf_iova = iova;
}

/** IOVA of the start of the data of mb. */
static inline rte_iova_t
rte_mbuf_data_iova(const struct rte_mbuf *mb)
{
	return mb->buf_iova + mb->data_off;
}

/** IOVA the data of mb starts at after a reset (default headroom). */
static inline rte_iova_t
rte_mbuf_data_iova_default(const struct rte_mbuf *mb)
{
	return mb->buf_iova + RTE_PKTMBUF_HEADROOM;
}

/** The direct mbuf whose buffer the indirect mbuf mi uses. */
static inline struct rte_mbuf *
rte_mbuf_from_indirect(struct rte_mbuf *mi)
{
	return (struct rte_mbuf *)RTE_PTR_SUB(mi->buf_addr, sizeof(*mi) + mi->priv_size);
}

/** Start of the buffer of mb, an mbuf of pool mp (after the mbuf and its private area). */
static inline char *
rte_mbuf_buf_addr(struct rte_mbuf *mb, struct rte_mempool *mp)
{
	return (char *)mb + sizeof(*mb) + rte_pktmbuf_priv_size(mp);
}

/**
 * Default data address of mb, an mbuf of its pool's own buffers: the start of the buffer
 * plus RTE_PKTMBUF_HEADROOM.
 *
 * @param mb
 *   The mbuf.
 * @return
 *   The address.
 */
static inline char *
rte_mbuf_data_addr_default(struct rte_mbuf *mb)
{
	return rte_mbuf_buf_addr(mb, mb->pool) + RTE_PKTMBUF_HEADROOM;
}

/** Start of the buffer that directly follows md and its private area. */
static inline char *
rte_mbuf_to_baddr(struct rte_mbuf *md)
{
	return (char *)md + sizeof(*md) + md->priv_size;
}

/** Start of the private area of m. */
static inline void *
rte_mbuf_to_priv(struct rte_mbuf *m)
{
	return RTE_PTR_ADD(m, sizeof(struct rte_mbuf));
}

/** Reference count of m. */
static inline uint16_t
rte_mbuf_refcnt_read(const struct rte_mbuf *m)
{
	return __atomic_load_n(&m->refcnt, __ATOMIC_RELAXED);
}

/** Set the reference count of m to new_value (no ordering). */
static inline void
rte_mbuf_refcnt_set(struct rte_mbuf *m, uint16_t new_value)
{
	__atomic_store_n(&m->refcnt, new_value, __ATOMIC_RELAXED);
}

static inline uint16_t
__rte_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
	/* acq_rel: whoever drops the last reference must see every other holder's writes. */
	return __atomic_add_fetch(&m->refcnt, (uint16_t)value, __ATOMIC_ACQ_REL);
}

/** Add value to the reference count of m; returns the new count. */
static inline uint16_t
rte_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
	/* A sole owner has nobody to race with: skip the locked instruction. */
	if (likely(rte_mbuf_refcnt_read(m) == 1)) {
		uint16_t v = (uint16_t)(1 + value);

		rte_mbuf_refcnt_set(m, v);
		return v;
	}
	return __rte_mbuf_refcnt_update(m, value);
}

/** Reference count of the external buffer described by shinfo. */
static inline uint16_t
rte_mbuf_ext_refcnt_read(const struct rte_mbuf_ext_shared_info *shinfo)
{
	return __atomic_load_n(&shinfo->refcnt, __ATOMIC_RELAXED);
}

/** Set the reference count of an external buffer to new_value (no ordering). */
static inline void
rte_mbuf_ext_refcnt_set(struct rte_mbuf_ext_shared_info *shinfo, uint16_t new_value)
{
	__atomic_store_n(&shinfo->refcnt, new_value, __ATOMIC_RELAXED);
}

/** Add value to the reference count of an external buffer; returns the new count. */
static inline uint16_t
rte_mbuf_ext_refcnt_update(struct rte_mbuf_ext_shared_info *shinfo, int16_t value)
{
	if (likely(rte_mbuf_ext_refcnt_read(shinfo) == 1)) {
		uint16_t v = (uint16_t)(1 + value);

		rte_mbuf_ext_refcnt_set(shinfo, v);
		return v;
	}
	return __atomic_add_fetch(&shinfo->refcnt, (uint16_t)value, __ATOMIC_ACQ_REL);
}

/** Check the consistency of m (and of its chain when is_header); panics on error. */
void rte_mbuf_sanity_check(const struct rte_mbuf *m, int is_header);

/**
 * Check the consistency of m without panicking.
 * @return 0, or -1 with *reason set to a description of the problem.
 */
int rte_mbuf_check(const struct rte_mbuf *m, int is_header, const char **reason);

#ifdef RTE_LIBRTE_MBUF_DEBUG
#define __rte_mbuf_sanity_check(m, is_h) rte_mbuf_sanity_check(m, is_h)
#else
#define __rte_mbuf_sanity_check(m, is_h) do { } while (0)
#endif

/** Take an mbuf from mp without resetting its packet fields, or NULL. */
static __rte_always_inline struct rte_mbuf *
rte_mbuf_raw_alloc(struct rte_mempool *mp)
{
	void *m;

	if (rte_mempool_get(mp, &m) < 0)
		return NULL;
	return (struct rte_mbuf *)m;
}

/** Return a direct mbuf with refcnt 1, next NULL and nb_segs 1 to its pool. */
static __rte_always_inline void
rte_mbuf_raw_free(struct rte_mbuf *m)
{
	rte_mempool_put(m->pool, m);
}

/** Check the mbuf a raw allocation returned (debug builds only). */
#define MBUF_RAW_ALLOC_CHECK(m) __rte_mbuf_sanity_check(m, 0)

/** Prefetch an mbuf that is about to be freed, if not NULL. */
#define RTE_MBUF_PREFETCH_TO_FREE(m) do { \
		if ((m) != NULL) \
			rte_prefetch0(m); \
	} while (0)

/** Object constructor of packet pools (the obj_init of rte_mempool_create). */
void rte_pktmbuf_init(struct rte_mempool *mp, void *opaque_arg, void *m, unsigned int i);

/** Pool constructor of packet pools: opaque_arg is a struct rte_pktmbuf_pool_private, or
 *  NULL for "whole element after the mbuf is data room". */
void rte_pktmbuf_pool_init(struct rte_mempool *mp, void *opaque_arg);

/**
 * Create a pool of n packet mbufs.
 * @param name pool name, unique, shorter than RTE_MEMPOOL_NAMESIZE.
 * @param n number of mbufs.
 * @param cache_size per-lcore cache (0 for none).
 * @param priv_size private area per mbuf, a multiple of RTE_MBUF_PRIV_ALIGN.
 * @param data_room_size buffer size, headroom included (e.g. RTE_MBUF_DEFAULT_BUF_SIZE).
 * @param socket_id NUMA node of the memory, or SOCKET_ID_ANY.
 * @return the pool, or NULL with rte_errno (EINVAL, EEXIST, ENAMETOOLONG, ENOSPC, ENOMEM).
 */
struct rte_mempool *rte_pktmbuf_pool_create(const char *name, unsigned int n,
		unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size,
		int socket_id);

/** One area of external memory holding the data buffers of a pinned packet pool. */
struct rte_pktmbuf_extmem {
	void *buf_ptr; /**< start of the area */
	rte_iova_t buf_iova; /**< its IOVA, or RTE_BAD_IOVA */
	size_t buf_len; /**< its length in bytes */
	uint16_t elt_size; /**< distance between buffers, at least the data room size */
};

/**
 * Create a packet pool whose mbufs have their data buffers in external memory the caller
 * provides (device memory, for instance), one buffer each, for good: an mbuf stays attached
 * to its buffer when freed (RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF), clones attached to it keep
 * the mbuf out of the pool until the last of them is freed. The mbufs themselves, with their
 * private areas, are in a memzone as usual. The caller keeps the areas until the pool is
 * freed.
 *
 * @param name
 *   Pool name.
 * @param n
 *   Number of mbufs.
 * @param cache_size
 *   Per-lcore cache size.
 * @param priv_size
 *   Application private area per mbuf, a multiple of RTE_MBUF_PRIV_ALIGN.
 * @param data_room_size
 *   Size of each data buffer, headroom included.
 * @param socket_id
 *   NUMA node of the mbufs.
 * @param ext_mem
 *   The areas, used in order, each cut into buffers elt_size apart.
 * @param ext_num
 *   Number of areas.
 * @return
 *   The pool, or NULL with rte_errno: EINVAL (bad argument, or areas too small for n
 *   buffers), or as rte_mempool_create_empty().
 */
struct rte_mempool *rte_pktmbuf_pool_create_extbuf(const char *name, unsigned int n,
		unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size,
		int socket_id, const struct rte_pktmbuf_extmem *ext_mem, unsigned int ext_num);

/** As rte_pktmbuf_pool_create with a given mempool ops name (NULL for the default). */
struct rte_mempool *rte_pktmbuf_pool_create_by_ops(const char *name, unsigned int n,
		unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size,
		int socket_id, const char *ops_name);

/** Bytes before the data in the first segment. */
static inline uint16_t
rte_pktmbuf_headroom(const struct rte_mbuf *m)
{
	return m->data_off;
}

/** Bytes after the data in segment m. */
static inline uint16_t
rte_pktmbuf_tailroom(const struct rte_mbuf *m)
{
	return (uint16_t)(m->buf_len - rte_pktmbuf_headroom(m) - m->data_len);
}

/** Last segment of the chain starting at m. */
static inline struct rte_mbuf *
rte_pktmbuf_lastseg(struct rte_mbuf *m)
{
	while (m->next != NULL)
		m = m->next;
	return m;
}

#define rte_pktmbuf_pkt_len(m) ((m)->pkt_len) /**< Length of the whole packet m (first segment). */
#define rte_pktmbuf_data_len(m) ((m)->data_len) /**< Length of the data in segment m. */

/** Put the data start back at the default headroom (or the buffer end if shorter). */
static inline void
rte_pktmbuf_reset_headroom(struct rte_mbuf *m)
{
	m->data_off = (uint16_t)RTE_MIN((uint16_t)RTE_PKTMBUF_HEADROOM, m->buf_len);
}

/** Reset the packet fields of a single-segment mbuf to "empty packet". */
static inline void
rte_pktmbuf_reset(struct rte_mbuf *m)
{
	m->next = NULL;
	m->pkt_len = 0;
	m->tx_offload = 0;
	m->vlan_tci = 0;
	m->vlan_tci_outer = 0;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	m->ol_flags &= RTE_MBUF_F_EXTERNAL;
	m->packet_type = 0;
	rte_pktmbuf_reset_headroom(m);
	m->data_len = 0;
	__rte_mbuf_sanity_check(m, 1);
}

/** An empty packet mbuf from mp, or NULL when the pool is exhausted. */
static inline struct rte_mbuf *
rte_pktmbuf_alloc(struct rte_mempool *mp)
{
	struct rte_mbuf *m = rte_mbuf_raw_alloc(mp);

	if (m != NULL)
		rte_pktmbuf_reset(m);
	return m;
}

/** count empty packet mbufs from pool: 0, or -ENOENT (nothing allocated). */
static inline int
rte_pktmbuf_alloc_bulk(struct rte_mempool *pool, struct rte_mbuf **mbufs, unsigned int count)
{
	unsigned int i;
	int ret;

	ret = rte_mempool_get_bulk(pool, (void **)mbufs, count);
	if (unlikely(ret != 0))
		return ret;
	for (i = 0; i < count; i++)
		rte_pktmbuf_reset(mbufs[i]);
	return 0;
}

/**
 * Copy the dynamic fields of msrc to mdst.
 *
 * @param mdst
 *   Destination mbuf.
 * @param msrc
 *   Source mbuf.
 */
static inline void
rte_mbuf_dynfield_copy(struct rte_mbuf *mdst, const struct rte_mbuf *msrc)
{
	memcpy(mdst->dynfield1, msrc->dynfield1, sizeof(mdst->dynfield1));
}

/* Copy the packet metadata of a segment (not its buffer description). */
static inline void
__rte_pktmbuf_copy_hdr(struct rte_mbuf *mdst, const struct rte_mbuf *msrc)
{
	mdst->port = msrc->port;
	mdst->vlan_tci = msrc->vlan_tci;
	mdst->vlan_tci_outer = msrc->vlan_tci_outer;
	mdst->tx_offload = msrc->tx_offload;
	mdst->hash = msrc->hash;
	mdst->packet_type = msrc->packet_type;
	rte_mbuf_dynfield_copy(mdst, msrc);
}

/**
 * Put the shared information of an external buffer at the end of the buffer itself and
 * initialise it (reference count 1).
 *
 * @param buf_addr
 *   Start of the external buffer.
 * @param buf_len
 *   Its length; reduced to what is left before the shared information.
 * @param free_cb
 *   Called with buf_addr and fcb_opaque when the last mbuf lets go of the buffer.
 * @param fcb_opaque
 *   Second argument of free_cb.
 * @return
 *   The shared information, or NULL when the buffer is too small to hold it.
 */
static inline struct rte_mbuf_ext_shared_info *
rte_pktmbuf_ext_shinfo_init_helper(void *buf_addr, uint16_t *buf_len,
		rte_mbuf_extbuf_free_callback_t free_cb, void *fcb_opaque)
{
	struct rte_mbuf_ext_shared_info *shinfo;
	void *end = RTE_PTR_ADD(buf_addr, *buf_len);
	void *at;

	at = RTE_PTR_ALIGN_FLOOR(RTE_PTR_SUB(end, sizeof(*shinfo)), sizeof(uintptr_t));
	if (at <= buf_addr)
		return NULL;
	shinfo = (struct rte_mbuf_ext_shared_info *)at;
	shinfo->free_cb = free_cb;
	shinfo->fcb_opaque = fcb_opaque;
	rte_mbuf_ext_refcnt_set(shinfo, 1);
	*buf_len = (uint16_t)RTE_PTR_DIFF(shinfo, buf_addr);
	return shinfo;
}

/**
 * Make m (a direct mbuf nobody else references) use an external buffer instead of its own.
 * The data is empty afterwards (data_off and data_len 0). The caller has taken a reference
 * in shinfo for m (rte_pktmbuf_ext_shinfo_init_helper() starts at 1, one more per further
 * mbuf, with rte_mbuf_ext_refcnt_update()); freeing or detaching m drops it.
 *
 * @param m
 *   The mbuf.
 * @param buf_addr
 *   Start of the external buffer.
 * @param buf_iova
 *   Its IOVA, or RTE_BAD_IOVA.
 * @param buf_len
 *   Its length.
 * @param shinfo
 *   Its shared information (reference count and free callback).
 */
static inline void
rte_pktmbuf_attach_extbuf(struct rte_mbuf *m, void *buf_addr, rte_iova_t buf_iova,
		uint16_t buf_len, struct rte_mbuf_ext_shared_info *shinfo)
{
	RTE_ASSERT(RTE_MBUF_DIRECT(m) && rte_mbuf_refcnt_read(m) == 1);
	RTE_ASSERT(shinfo->free_cb != NULL);
	m->buf_addr = buf_addr;
	rte_mbuf_iova_set(m, buf_iova);
	m->buf_len = buf_len;
	m->data_len = 0;
	m->data_off = 0;
	m->ol_flags |= RTE_MBUF_F_EXTERNAL;
	m->shinfo = shinfo;
}

/** Detach the external buffer of m: the same as rte_pktmbuf_detach(). */
#define rte_pktmbuf_detach_extbuf(m) rte_pktmbuf_detach(m)

/**
 * Make mi (a fresh single-segment mbuf) an indirect mbuf pointing at the data of segment m,
 * taking a reference on the buffer's owner.
 */
static inline void
rte_pktmbuf_attach(struct rte_mbuf *mi, struct rte_mbuf *m)
{
	if (RTE_MBUF_HAS_EXTBUF(m)) {
		rte_mbuf_ext_refcnt_update(m->shinfo, 1);
		mi->ol_flags = m->ol_flags;
		mi->shinfo = m->shinfo;
	} else {
		/* m may itself be indirect: the reference goes to the buffer's owner. */
		rte_mbuf_refcnt_update(rte_mbuf_from_indirect(m), 1);
		mi->priv_size = m->priv_size;
		mi->ol_flags = m->ol_flags | RTE_MBUF_F_INDIRECT;
	}
	__rte_pktmbuf_copy_hdr(mi, m);
	mi->data_off = m->data_off;
	mi->data_len = m->data_len;
	mi->buf_iova = m->buf_iova;
	mi->buf_addr = m->buf_addr;
	mi->buf_len = m->buf_len;
	mi->next = NULL;
	mi->pkt_len = mi->data_len;
	mi->nb_segs = 1;
}

/* Drop the reference an indirect mbuf holds on its direct mbuf. */
static inline void
__rte_pktmbuf_free_direct(struct rte_mbuf *m)
{
	struct rte_mbuf *md = rte_mbuf_from_indirect(m);

	if (rte_mbuf_refcnt_update(md, -1) == 0) {
		md->next = NULL;
		md->nb_segs = 1;
		rte_mbuf_refcnt_set(md, 1);
		rte_mbuf_raw_free(md);
	}
}

static inline void
__rte_pktmbuf_free_extbuf(struct rte_mbuf *m)
{
	if (rte_mbuf_ext_refcnt_update(m->shinfo, -1) == 0)
		m->shinfo->free_cb(m->buf_addr, m->shinfo->fcb_opaque);
}

/** Make an indirect (or external-buffer) mbuf direct again, with its own empty buffer. */
static inline void
rte_pktmbuf_detach(struct rte_mbuf *m)
{
	struct rte_mempool *mp = m->pool;
	uint32_t mbuf_size, buf_len;
	uint16_t priv_size;

	if (RTE_MBUF_HAS_EXTBUF(m)) {
		/* A pinned buffer stays with its mbuf for the mbuf's whole life. */
		if (rte_pktmbuf_priv_flags(mp) & RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF)
			return;
		__rte_pktmbuf_free_extbuf(m);
	} else {
		__rte_pktmbuf_free_direct(m);
	}

	priv_size = rte_pktmbuf_priv_size(mp);
	mbuf_size = (uint32_t)(sizeof(struct rte_mbuf) + priv_size);
	buf_len = rte_pktmbuf_data_room_size(mp);

	m->priv_size = priv_size;
	m->buf_addr = (char *)m + mbuf_size;
	m->buf_iova = rte_mempool_virt2iova(m) + mbuf_size;
	m->buf_len = (uint16_t)buf_len;
	rte_pktmbuf_reset_headroom(m);
	m->data_len = 0;
	m->ol_flags = 0;
}

/*
 * An mbuf of a pinned pool is being freed: drop its own reference on its buffer. Returns 1
 * when clones attached to the buffer still hold it (the mbuf goes back to its pool when the
 * last of them lets go, through the buffer's free callback), 0 when the mbuf can go now.
 */
static inline int
__rte_pktmbuf_pinned_extbuf_decref(struct rte_mbuf *m)
{
	struct rte_mbuf_ext_shared_info *shinfo = m->shinfo;

	m->ol_flags = RTE_MBUF_F_EXTERNAL;
	if (likely(rte_mbuf_ext_refcnt_read(shinfo) == 1))
		return 0;
	if (__atomic_sub_fetch(&shinfo->refcnt, 1, __ATOMIC_ACQ_REL) != 0)
		return 1;
	rte_mbuf_ext_refcnt_set(shinfo, 1);
	return 0;
}

/**
 * Drop one reference to segment m. Returns m when it must go back to its pool (restored to
 * the free-mbuf invariants), NULL when someone else still holds it.
 */
static __rte_always_inline struct rte_mbuf *
rte_pktmbuf_prefree_seg(struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 0);

	if (likely(rte_mbuf_refcnt_read(m) == 1)) {
		if (!RTE_MBUF_DIRECT(m)) {
			rte_pktmbuf_detach(m);
			if (RTE_MBUF_HAS_EXTBUF(m) && RTE_MBUF_HAS_PINNED_EXTBUF(m) &&
					__rte_pktmbuf_pinned_extbuf_decref(m))
				return NULL;
		}
		if (m->next != NULL)
			m->next = NULL;
		if (m->nb_segs != 1)
			m->nb_segs = 1;
		return m;
	}
	if (__rte_mbuf_refcnt_update(m, -1) == 0) {
		if (!RTE_MBUF_DIRECT(m)) {
			rte_pktmbuf_detach(m);
			if (RTE_MBUF_HAS_EXTBUF(m) && RTE_MBUF_HAS_PINNED_EXTBUF(m) &&
					__rte_pktmbuf_pinned_extbuf_decref(m))
				return NULL;
		}
		if (m->next != NULL)
			m->next = NULL;
		if (m->nb_segs != 1)
			m->nb_segs = 1;
		rte_mbuf_refcnt_set(m, 1);
		return m;
	}
	return NULL;
}

/** Free one segment (not the rest of its chain). */
static __rte_always_inline void
rte_pktmbuf_free_seg(struct rte_mbuf *m)
{
	m = rte_pktmbuf_prefree_seg(m);
	if (likely(m != NULL))
		rte_mbuf_raw_free(m);
}

/** Free a packet: every segment of its chain (NULL is ignored). */
static inline void
rte_pktmbuf_free(struct rte_mbuf *m)
{
	struct rte_mbuf *next;

	while (m != NULL) {
		next = m->next;
		rte_pktmbuf_free_seg(m);
		m = next;
	}
}

/** Free count packets (NULL entries are skipped), batching returns to each pool. */
void rte_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count);

/**
 * A new packet from mp whose segments are indirect mbufs sharing md's data.
 * @return the clone, or NULL (pool exhausted; nothing changed).
 */
struct rte_mbuf *rte_pktmbuf_clone(struct rte_mbuf *md, struct rte_mempool *mp);

/**
 * A new packet from mp with a deep copy of len bytes of m from offset off (UINT32_MAX: to
 * the end). NULL when off is past the end or the pool is exhausted.
 */
struct rte_mbuf *rte_pktmbuf_copy(const struct rte_mbuf *m, struct rte_mempool *mp,
		uint32_t offset, uint32_t length);

/** Add v to the reference count of every segment of m. */
static inline void
rte_pktmbuf_refcnt_update(struct rte_mbuf *m, int16_t v)
{
	do {
		rte_mbuf_refcnt_update(m, v);
	} while ((m = m->next) != NULL);
}

/**
 * Grow the data of the first segment by len bytes at the front.
 * @return the new data start, or NULL without enough headroom (m unchanged).
 */
static inline char *
rte_pktmbuf_prepend(struct rte_mbuf *m, uint16_t len)
{
	if (unlikely(len > rte_pktmbuf_headroom(m)))
		return NULL;
	m->data_off = (uint16_t)(m->data_off - len);
	m->data_len = (uint16_t)(m->data_len + len);
	m->pkt_len = m->pkt_len + len;
	return (char *)m->buf_addr + m->data_off;
}

/**
 * Grow the packet by len bytes at the end of its last segment.
 * @return where the new bytes go, or NULL without enough tailroom (m unchanged).
 */
static inline char *
rte_pktmbuf_append(struct rte_mbuf *m, uint16_t len)
{
	struct rte_mbuf *last = rte_pktmbuf_lastseg(m);
	char *tail;

	if (unlikely(len > rte_pktmbuf_tailroom(last)))
		return NULL;
	tail = (char *)last->buf_addr + last->data_off + last->data_len;
	last->data_len = (uint16_t)(last->data_len + len);
	m->pkt_len = m->pkt_len + len;
	return tail;
}

/**
 * Remove len bytes from the front of the first segment.
 * @return the new data start, or NULL when the segment holds fewer bytes (m unchanged).
 */
static inline char *
rte_pktmbuf_adj(struct rte_mbuf *m, uint16_t len)
{
	if (unlikely(len > m->data_len))
		return NULL;
	m->data_len = (uint16_t)(m->data_len - len);
	m->data_off = (uint16_t)(m->data_off + len);
	m->pkt_len = m->pkt_len - len;
	return (char *)m->buf_addr + m->data_off;
}

/**
 * Remove len bytes from the end of the last segment.
 * @return 0, or -1 when the last segment holds fewer bytes (m unchanged).
 */
static inline int
rte_pktmbuf_trim(struct rte_mbuf *m, uint16_t len)
{
	struct rte_mbuf *last = rte_pktmbuf_lastseg(m);

	if (unlikely(len > last->data_len))
		return -1;
	last->data_len = (uint16_t)(last->data_len - len);
	m->pkt_len = m->pkt_len - len;
	return 0;
}

/** The packet is a single segment. */
static inline int
rte_pktmbuf_is_contiguous(const struct rte_mbuf *m)
{
	return m->nb_segs == 1;
}

/* Out-of-line part of rte_pktmbuf_read for data spanning segments. */
const void *__rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len,
		void *buf);

/**
 * Read len bytes at offset off of the packet: a pointer into the mbuf when they are in the
 * first segment, else a copy in buf. NULL when the packet is shorter than off + len.
 */
static inline const void *
rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, void *buf)
{
	if (likely(off + len <= rte_pktmbuf_data_len(m) && off + len >= off))
		return rte_pktmbuf_mtod_offset(m, const char *, off);
	return __rte_pktmbuf_read(m, off, len, buf);
}

/**
 * Append the chain tail to the chain head.
 * @return 0, or -EOVERFLOW when the result would exceed RTE_MBUF_MAX_NB_SEGS (nothing
 *   changed).
 */
static inline int
rte_pktmbuf_chain(struct rte_mbuf *head, struct rte_mbuf *tail)
{
	struct rte_mbuf *cur_tail;

	if (head->nb_segs + tail->nb_segs > RTE_MBUF_MAX_NB_SEGS)
		return -EOVERFLOW;
	cur_tail = rte_pktmbuf_lastseg(head);
	cur_tail->next = tail;
	head->nb_segs = (uint16_t)(head->nb_segs + tail->nb_segs);
	head->pkt_len += tail->pkt_len;
	/* tail is no longer a packet head: its pkt_len describes its own segment only. */
	tail->pkt_len = tail->data_len;
	return 0;
}

/* Out-of-line part of rte_pktmbuf_linearize. */
int __rte_pktmbuf_linearize(struct rte_mbuf *mbuf);

/**
 * Move the whole packet into its first segment and free the others.
 * @return 0, or -1 when the first segment lacks the room (mbuf unchanged).
 */
static inline int
rte_pktmbuf_linearize(struct rte_mbuf *mbuf)
{
	if (rte_pktmbuf_is_contiguous(mbuf))
		return 0;
	return __rte_pktmbuf_linearize(mbuf);
}

/** Print the mbuf chain and up to dump_len bytes of its data. */
void rte_pktmbuf_dump(FILE *f, const struct rte_mbuf *m, unsigned int dump_len);

/**
 * Build a tx_offload value from its fields.
 *
 * @param il2
 *   l2_len.
 * @param il3
 *   l3_len.
 * @param il4
 *   l4_len.
 * @param tso
 *   tso_segsz.
 * @param ol3
 *   outer_l3_len.
 * @param ol2
 *   outer_l2_len.
 * @param unused
 *   The unused bits.
 * @return
 *   The value for m->tx_offload.
 */
static __rte_always_inline uint64_t
rte_mbuf_tx_offload(uint64_t il2, uint64_t il3, uint64_t il4, uint64_t tso, uint64_t ol3,
		uint64_t ol2, uint64_t unused)
{
	return il2 << RTE_MBUF_L2_LEN_OFS | il3 << RTE_MBUF_L3_LEN_OFS |
		il4 << RTE_MBUF_L4_LEN_OFS | tso << RTE_MBUF_TSO_SEGSZ_OFS |
		ol3 << RTE_MBUF_OUTL3_LEN_OFS | ol2 << RTE_MBUF_OUTL2_LEN_OFS |
		unused << RTE_MBUF_TXOFLD_UNUSED_OFS;
}

/**
 * Check that the transmit offload flags of a packet are consistent: an IP checksum only
 * for IPv4, the IP version given when an L4 checksum or TSO is asked, a segment size and
 * (IPv4) the IP checksum with TSO, an outer IPv4 header for the outer IP checksum.
 *
 * @param m
 *   The packet.
 * @return
 *   0, or -EINVAL.
 */
static inline int
rte_validate_tx_offload(const struct rte_mbuf *m)
{
	uint64_t f = m->ol_flags;

	if (!(f & RTE_MBUF_F_TX_OFFLOAD_MASK))
		return 0;
	if ((f & RTE_MBUF_F_TX_IP_CKSUM) && (f & RTE_MBUF_F_TX_IPV6))
		return -EINVAL;
	if ((f & (RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)) &&
			!(f & (RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)))
		return -EINVAL;
	if ((f & RTE_MBUF_F_TX_TCP_SEG) && (m->tso_segsz == 0 ||
			((f & RTE_MBUF_F_TX_IPV4) && !(f & RTE_MBUF_F_TX_IP_CKSUM))))
		return -EINVAL;
	if ((f & RTE_MBUF_F_TX_OUTER_IP_CKSUM) && !(f & RTE_MBUF_F_TX_OUTER_IPV4))
		return -EINVAL;
	return 0;
}

/**
 * Traffic manager queue of a packet.
 *
 * @param m
 *   The packet.
 * @return
 *   hash.sched.queue_id.
 */
static inline uint32_t
rte_mbuf_sched_queue_get(const struct rte_mbuf *m)
{
	return m->hash.sched.queue_id;
}

/**
 * Traffic class of a packet.
 *
 * @param m
 *   The packet.
 * @return
 *   hash.sched.traffic_class.
 */
static inline uint8_t
rte_mbuf_sched_traffic_class_get(const struct rte_mbuf *m)
{
	return m->hash.sched.traffic_class;
}

/**
 * Color (drop precedence) of a packet.
 *
 * @param m
 *   The packet.
 * @return
 *   hash.sched.color.
 */
static inline uint8_t
rte_mbuf_sched_color_get(const struct rte_mbuf *m)
{
	return m->hash.sched.color;
}

/**
 * The three traffic manager fields of a packet at once.
 *
 * @param m
 *   The packet.
 * @param queue_id
 *   Receives the queue.
 * @param traffic_class
 *   Receives the traffic class.
 * @param color
 *   Receives the color.
 */
static inline void
rte_mbuf_sched_get(const struct rte_mbuf *m, uint32_t *queue_id, uint8_t *traffic_class,
		uint8_t *color)
{
	struct rte_mbuf_sched sched = m->hash.sched;

	*queue_id = sched.queue_id;
	*traffic_class = sched.traffic_class;
	*color = sched.color;
}

/**
 * Set the traffic manager queue of a packet.
 *
 * @param m
 *   The packet.
 * @param queue_id
 *   The queue.
 */
static inline void
rte_mbuf_sched_queue_set(struct rte_mbuf *m, uint32_t queue_id)
{
	m->hash.sched.queue_id = queue_id;
}

/**
 * Set the traffic class of a packet.
 *
 * @param m
 *   The packet.
 * @param traffic_class
 *   The class.
 */
static inline void
rte_mbuf_sched_traffic_class_set(struct rte_mbuf *m, uint8_t traffic_class)
{
	m->hash.sched.traffic_class = traffic_class;
}

/**
 * Set the color of a packet.
 *
 * @param m
 *   The packet.
 * @param color
 *   The color.
 */
static inline void
rte_mbuf_sched_color_set(struct rte_mbuf *m, uint8_t color)
{
	m->hash.sched.color = color;
}

/**
 * Set the three traffic manager fields of a packet at once (reserved bits cleared).
 *
 * @param m
 *   The packet.
 * @param queue_id
 *   The queue.
 * @param traffic_class
 *   The class.
 * @param color
 *   The color.
 */
static inline void
rte_mbuf_sched_set(struct rte_mbuf *m, uint32_t queue_id, uint8_t traffic_class,
		uint8_t color)
{
	m->hash.sched = (struct rte_mbuf_sched){
		.queue_id = queue_id,
		.traffic_class = traffic_class,
		.color = color,
		.reserved = 0,
	};
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_H_ */
