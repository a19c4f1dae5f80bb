/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Packet capture files in the pcapng format.
 *
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * rte_pcapng_fdopen() writes the section header and one interface description per ethdev
 * port to an open file; rte_pcapng_copy() turns a packet into an mbuf that already holds a
 * complete enhanced packet block (timestamp, direction, queue), so that the capture thread
 * only has to pass such mbufs to rte_pcapng_write_packets(); rte_pcapng_write_stats() adds
 * an interface statistics block. Timestamps are written in nanoseconds since the epoch.
 * The format is described at https://github.com/IETF-OPSAWG-WG/draft-ietf-opsawg-pcap.
 */
#ifndef _RTE_PCAPNG_H_
#define _RTE_PCAPNG_H_

#include <stdint.h>
#include <sys/types.h>

#include <rte_compat.h>
#include <rte_mempool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Handle of an open capture file. */
typedef struct rte_pcapng rte_pcapng_t;

/**
 * Start a capture file on an open file descriptor: write the section header and the
 * interface description of every ethdev port. Ports that appear later get their description
 * when their first packet or statistics are written.
 *
 * @param fd
 *   File descriptor open for writing; owned by the handle from now on (closed by
 *   rte_pcapng_close()).
 * @param osname
 *   Operating system, recorded in the section header; may be NULL.
 * @param hardware
 *   Hardware, recorded in the section header; may be NULL.
 * @param appname
 *   Application, recorded in the section header; may be NULL.
 * @param comment
 *   Comment of the section header; may be NULL.
 * @return
 *   The handle, or NULL with rte_errno set: EINVAL for a negative fd, ENOMEM, or the errno
 *   of the failed write.
 */
__rte_experimental
rte_pcapng_t *
rte_pcapng_fdopen(int fd,
		  const char *osname, const char *hardware,
		  const char *appname, const char *comment);

/**
 * Close the file and free the handle.
 *
 * @param self
 *   The handle; NULL does nothing.
 */
__rte_experimental
void
rte_pcapng_close(rte_pcapng_t *self);

/** Direction of a packet, as the enhanced packet block's flags record it. */
enum rte_pcapng_direction {
	RTE_PCAPNG_DIRECTION_UNKNOWN = 0, /**< not known */
	RTE_PCAPNG_DIRECTION_IN  = 1,     /**< received */
	RTE_PCAPNG_DIRECTION_OUT = 2,     /**< sent */
};

/**
 * Copy a packet into a new mbuf framed as an enhanced packet block. A VLAN tag stripped by
 * the NIC on receive (or to be inserted on transmit) is put back into the copy.
 *
 * @param port_id
 *   Port the packet was received on or is sent to.
 * @param queue
 *   Queue of that port.
 * @param m
 *   The packet; it is not modified.
 * @param mp
 *   Pool of the copy; its data room should be at least rte_pcapng_mbuf_size(length).
 * @param length
 *   Most bytes of the packet to copy; UINT32_MAX copies all of it.
 * @param timestamp
 *   Time of the packet, in TSC cycles (rte_get_tsc_cycles()).
 * @param direction
 *   Direction of the packet.
 * @return
 *   The copy, or NULL with rte_errno set: EINVAL for a NULL m or mp, a bad direction or a
 *   port id not below RTE_MAX_ETHPORTS; ENOMEM when mp is empty; ENOSPC when the mbufs of
 *   mp are too small.
 */
__rte_experimental
struct rte_mbuf *
rte_pcapng_copy(uint16_t port_id, uint32_t queue,
		const struct rte_mbuf *m, struct rte_mempool *mp,
		uint32_t length, uint64_t timestamp,
		enum rte_pcapng_direction direction);

/**
 * Data room an mbuf needs for rte_pcapng_copy() of a packet of up to length bytes in one
 * segment: headroom, block header, the packet with room for a VLAN tag, and block trailer.
 *
 * @param length
 *   Largest number of packet bytes copied.
 * @return
 *   The data room size, for rte_pktmbuf_pool_create().
 */
__rte_experimental
uint32_t
rte_pcapng_mbuf_size(uint32_t length);

/**
 * Write packets made by rte_pcapng_copy(). An mbuf that does not hold a block made by
 * rte_pcapng_copy() is logged and skipped rather than corrupting the file.
 *
 * @param self
 *   The capture file.
 * @param pkts
 *   The mbufs; all of them are freed, written or not.
 * @param nb_pkts
 *   Number of mbufs.
 * @return
 *   Number of bytes written, or -1 (rte_errno set) when self is NULL or writing fails.
 */
__rte_experimental
ssize_t
rte_pcapng_write_packets(rte_pcapng_t *self,
			 struct rte_mbuf *pkts[], uint16_t nb_pkts);

/**
 * Write an interface statistics block for a port, typically before closing the file.
 *
 * @param self
 *   The capture file.
 * @param port
 *   The port.
 * @param comment
 *   Comment of the block; may be NULL.
 * @param start_time
 *   Start of the capture in nanoseconds since the epoch; 0 when not known.
 * @param end_time
 *   End of the capture in nanoseconds since the epoch; 0 when not known.
 * @param ifrecv
 *   Packets received by the capture; UINT64_MAX when not known.
 * @param ifdrop
 *   Packets the capture missed; UINT64_MAX when not known.
 * @return
 *   Number of bytes written, or -1 (rte_errno set): NULL self, a port that is neither
 *   valid nor already described in the file, or a failed write.
 */
__rte_experimental
ssize_t
rte_pcapng_write_stats(rte_pcapng_t *self, uint16_t port,
		       const char *comment,
		       uint64_t start_time, uint64_t end_time,
		       uint64_t ifrecv, uint64_t ifdrop);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PCAPNG_H_ */
