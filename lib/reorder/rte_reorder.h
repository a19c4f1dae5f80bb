/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_REORDER_H_
#define _RTE_REORDER_H_

/**
 * @file
 * Reorder buffer: puts back in sequence the packets that parallel workers hand back out of
 * order. Each mbuf carries its sequence number in a dynamic field (rte_reorder_seqn()). The
 * buffer keeps a window of the next *size* sequence numbers and a ring of *size* packets that
 * have left the window and wait to be drained.
 */

#include <rte_compat.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_reorder_buffer;

/** Sequence number of a packet, stored in an mbuf dynamic field. */
typedef uint32_t rte_reorder_seqn_t;

/** Offset of the sequence number field in the mbuf, -1 until a reorder buffer exists. */
extern int rte_reorder_seqn_dynfield_offset;

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * Where the reorder sequence number of an mbuf is stored.
 *
 * @param mbuf
 *   The packet; a reorder buffer must have been created or initialised before.
 * @return
 *   Pointer to the sequence number inside the mbuf.
 */
__rte_experimental
static inline rte_reorder_seqn_t *
rte_reorder_seqn(struct rte_mbuf *mbuf)
{
	return RTE_MBUF_DYNFIELD(mbuf, rte_reorder_seqn_dynfield_offset,
		rte_reorder_seqn_t *);
}

/**
 * Allocate a reorder buffer on a NUMA socket and register it under a name.
 *
 * @param name
 *   Name of the buffer. If a buffer of that name exists, it is returned.
 * @param socket_id
 *   NUMA socket of the memory, or SOCKET_ID_ANY.
 * @param size
 *   Number of packets the window (and the ready ring) hold; a power of two.
 * @return
 *   The buffer, or NULL with rte_errno ENOMEM (no memory) or EINVAL (bad parameter).
 */
struct rte_reorder_buffer *
rte_reorder_create(const char *name, unsigned socket_id, unsigned int size);

/**
 * Initialise a reorder buffer in memory provided by the caller. The buffer is not registered,
 * so rte_reorder_find_existing() does not see it and rte_reorder_free() leaves it alone.
 *
 * @param b
 *   Memory for the buffer.
 * @param bufsize
 *   Bytes at b: the control structure plus two arrays of size mbuf pointers.
 * @param name
 *   Name of the buffer.
 * @param size
 *   Number of packets the window holds; a power of two.
 * @return
 *   b, or NULL with rte_errno EINVAL (bad parameter) or ENOMEM (the sequence number field
 *   could not be registered).
 */
struct rte_reorder_buffer *
rte_reorder_init(struct rte_reorder_buffer *b, unsigned int bufsize,
		const char *name, unsigned int size);

/**
 * Look up a buffer made by rte_reorder_create().
 *
 * @param name
 *   Its name.
 * @return
 *   The buffer, or NULL with rte_errno ENOENT.
 */
struct rte_reorder_buffer *
rte_reorder_find_existing(const char *name);

/**
 * Free the packets a buffer holds and start it again: the next packet inserted sets the
 * first expected sequence number.
 *
 * @param b
 *   The buffer.
 */
void
rte_reorder_reset(struct rte_reorder_buffer *b);

/**
 * Free the packets a buffer holds, unregister it and release its memory.
 *
 * @param b
 *   A buffer made by rte_reorder_create(); NULL does nothing.
 */
void
rte_reorder_free(struct rte_reorder_buffer *b);

/**
 * Put a packet in the buffer at the place its sequence number gives.
 *
 * A packet within the window is stored. A packet up to one window beyond it slides the window
 * forward; the packets that leave the window go to the ready ring.
 *
 * @param b
 *   The buffer.
 * @param mbuf
 *   The packet, whose rte_reorder_seqn() is set.
 * @return
 *   0 when stored; -1 with rte_errno:
 *    - ENOSPC: the window cannot slide far enough because the ready ring is full; drain, then
 *      insert again.
 *    - ERANGE: the packet is older than the window or more than one window ahead of it; the
 *      caller decides what to do with it.
 */
int
rte_reorder_insert(struct rte_reorder_buffer *b, struct rte_mbuf *mbuf);

/**
 * Take the packets that are in order: first all of the ready ring, then the packets at the
 * start of the window up to the first missing sequence number.
 *
 * @param b
 *   The buffer.
 * @param mbufs
 *   Where to write the packets.
 * @param max_mbufs
 *   Room in mbufs.
 * @return
 *   Number of packets written, at most max_mbufs.
 */
unsigned int
rte_reorder_drain(struct rte_reorder_buffer *b, struct rte_mbuf **mbufs,
		unsigned max_mbufs);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_REORDER_H_ */
