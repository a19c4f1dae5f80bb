/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * IPv4 and IPv6 headers and the Internet checksum (RFC 1071) helpers.
 */
#ifndef _RTE_IP_H_
#define _RTE_IP_H_

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <arpa/inet.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_byteorder.h>
#include <rte_mbuf.h>

#ifdef __cplusplus
extern "C" {
#endif

/** IPv4 header, multi-byte fields in network order. */
struct rte_ipv4_hdr {
	/** Version and header length, as one byte or as two fields. */
	__extension__
	union {
		uint8_t version_ihl; /**< version (high nibble) and header length in words */
		struct {
			uint8_t ihl:4; /**< header length in 32-bit words */
			uint8_t version:4; /**< IP version (4) */
		};
	};
	uint8_t type_of_service; /**< DSCP and ECN */
	rte_be16_t total_length;    /**< header plus payload */
	rte_be16_t packet_id; /**< identification, for reassembly */
	rte_be16_t fragment_offset; /**< flags and offset in 8-byte units */
	uint8_t time_to_live; /**< hops left */
	uint8_t next_proto_id;      /**< IPPROTO_* */
	rte_be16_t hdr_checksum; /**< header checksum */
	rte_be32_t src_addr; /**< source address */
	rte_be32_t dst_addr; /**< destination address */
} __rte_packed;

/** An IPv4 address a.b.c.d in host order. */
/* Each byte is widened before shifting: 192 << 24 does not fit an int. */
#define RTE_IPV4(a, b, c, d) ((((uint32_t)(a) & 0xff) << 24) | \
	(((uint32_t)(b) & 0xff) << 16) | (((uint32_t)(c) & 0xff) << 8) | ((uint32_t)(d) & 0xff))

#define RTE_IPV4_MAX_PKT_LEN 65535 /**< longest IPv4 packet */
#define RTE_IPV4_HDR_IHL_MASK (0x0f) /**< header length bits of version_ihl */
#define RTE_IPV4_IHL_MULTIPLIER (4) /**< bytes per header length unit */
#define RTE_IPV4_MIN_IHL (0x5) /**< header length without options, in words */
/** version_ihl of a header without options */
#define RTE_IPV4_VHL_DEF ((4 << 4) | RTE_IPV4_MIN_IHL)

#define RTE_IPV4_HDR_DF_SHIFT 14 /**< position of don't-fragment in fragment_offset */
#define RTE_IPV4_HDR_MF_SHIFT 13 /**< position of more-fragments in fragment_offset */
#define RTE_IPV4_HDR_FO_SHIFT 3 /**< log2 of the fragment offset unit */
#define RTE_IPV4_HDR_DF_FLAG (1 << RTE_IPV4_HDR_DF_SHIFT) /**< don't fragment */
#define RTE_IPV4_HDR_MF_FLAG (1 << RTE_IPV4_HDR_MF_SHIFT) /**< more fragments follow */
#define RTE_IPV4_HDR_OFFSET_MASK ((1 << RTE_IPV4_HDR_MF_SHIFT) - 1) /**< fragment offset bits */
#define RTE_IPV4_HDR_OFFSET_UNITS 8 /**< bytes per fragment offset unit */

#define RTE_IPV4_ANY RTE_IPV4(0, 0, 0, 0) /**< 0.0.0.0 */
#define RTE_IPV4_LOOPBACK RTE_IPV4(127, 0, 0, 1) /**< 127.0.0.1 */
#define RTE_IPV4_BROADCAST RTE_IPV4(255, 255, 255, 255) /**< 255.255.255.255 */
#define RTE_IPV4_ANY_MULTICAST RTE_IPV4(224, 0, 0, 0) /**< 224.0.0.0 */
#define RTE_IPV4_MIN_MCAST RTE_IPV4(224, 0, 0, 0) /**< first multicast address */
#define RTE_IPV4_MAX_MCAST RTE_IPV4(239, 255, 255, 255) /**< last multicast address */
/** Non-zero if host-order address x is multicast. */
#define RTE_IS_IPV4_MCAST(x) ((x) >= RTE_IPV4_MIN_MCAST && (x) <= RTE_IPV4_MAX_MCAST)

/** Header length of an IPv4 header in bytes. */
static inline uint8_t
rte_ipv4_hdr_len(const struct rte_ipv4_hdr *ipv4_hdr)
{
	return (uint8_t)((ipv4_hdr->version_ihl & RTE_IPV4_HDR_IHL_MASK) *
		RTE_IPV4_IHL_MULTIPLIER);
}

/**
 * Add the 16-bit words of buf (len bytes, any alignment) to sum, in host order. An odd last
 * byte counts as a word padded with zero on the wire. Fold with __rte_raw_cksum_reduce.
 */
static inline uint32_t
__rte_raw_cksum(const void *buf, size_t len, uint32_t sum)
{
	const uint8_t *p = (const uint8_t *)buf;
	uint64_t acc = sum;
	uint16_t w;

	for (; len >= 2; len -= 2, p += 2) {
		memcpy(&w, p, sizeof(w));
		acc += w;
	}
	if (len == 1) {
		w = 0;
		memcpy(&w, p, 1);
		acc += w;
	}
	/* One's complement: carries wrap around. Fold to 32 bits without losing any. */
	acc = (acc & 0xffffffffULL) + (acc >> 32);
	acc = (acc & 0xffffffffULL) + (acc >> 32);
	return (uint32_t)acc;
}

/** Fold a 32-bit partial sum to 16 bits. */
static inline uint16_t
__rte_raw_cksum_reduce(uint32_t sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

/** One's complement sum (not inverted) of len bytes at buf. */
static inline uint16_t
rte_raw_cksum(const void *buf, size_t len)
{
	return __rte_raw_cksum_reduce(__rte_raw_cksum(buf, len, 0));
}

/**
 * Raw checksum of len bytes of packet m from offset off, across segments.
 * @return 0 and *cksum, or -1 when the packet is shorter than off + len.
 */
static inline int
rte_raw_cksum_mbuf(const struct rte_mbuf *m, uint32_t off, uint32_t len, uint16_t *cksum)
{
	const struct rte_mbuf *seg;
	uint32_t sum = 0, seglen, done = 0;
	uint64_t acc = 0;

	if (off + len < off || off + len > rte_pktmbuf_pkt_len(m))
		return -1;
	for (seg = m; seg != NULL && off >= seg->data_len; seg = seg->next)
		off -= seg->data_len;
	while (done < len && seg != NULL) {
		seglen = RTE_MIN((uint32_t)seg->data_len - off, len - done);
		sum = __rte_raw_cksum(rte_pktmbuf_mtod_offset(seg, const char *, off), seglen, 0);
		/* A chunk starting at an odd packet offset has its bytes swapped in words. */
		if (done & 1)
			sum = ((sum & 0x00ff00ffU) << 8) | ((sum >> 8) & 0x00ff00ffU);
		acc += sum;
		done += seglen;
		off = 0;
		seg = seg->next;
	}
	acc = (acc & 0xffffffffULL) + (acc >> 32);
	acc = (acc & 0xffffffffULL) + (acc >> 32);
	*cksum = __rte_raw_cksum_reduce((uint32_t)acc);
	return 0;
}

/** IPv4 header checksum, to store in hdr_checksum (which must be 0 when computing). */
static inline uint16_t
rte_ipv4_cksum(const struct rte_ipv4_hdr *ipv4_hdr)
{
	return (uint16_t)~rte_raw_cksum(ipv4_hdr, rte_ipv4_hdr_len(ipv4_hdr));
}

/**
 * Raw sum of the IPv4 pseudo-header of a UDP/TCP packet. With RTE_MBUF_F_TX_TCP_SEG or
 * RTE_MBUF_F_TX_UDP_SEG in ol_flags the length is left out (the NIC adds it per segment).
 */
static inline uint16_t
rte_ipv4_phdr_cksum(const struct rte_ipv4_hdr *ipv4_hdr, uint64_t ol_flags)
{
	struct {
		rte_be32_t src_addr;
		rte_be32_t dst_addr;
		uint8_t zero;
		uint8_t proto;
		rte_be16_t len;
	} __rte_packed psd_hdr;

	psd_hdr.src_addr = ipv4_hdr->src_addr;
	psd_hdr.dst_addr = ipv4_hdr->dst_addr;
	psd_hdr.zero = 0;
	psd_hdr.proto = ipv4_hdr->next_proto_id;
	if (ol_flags & (RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_UDP_SEG))
		psd_hdr.len = 0;
	else
		psd_hdr.len = rte_cpu_to_be_16((uint16_t)(
			rte_be_to_cpu_16(ipv4_hdr->total_length) - rte_ipv4_hdr_len(ipv4_hdr)));
	return rte_raw_cksum(&psd_hdr, sizeof(psd_hdr));
}

/* Inverted sum of the L4 data and the pseudo-header, before the UDP zero rule. */
static inline uint16_t
__rte_ipv4_udptcp_cksum(const struct rte_ipv4_hdr *ipv4_hdr, const void *l4_hdr)
{
	uint32_t l4_len = (uint32_t)rte_be_to_cpu_16(ipv4_hdr->total_length) -
		rte_ipv4_hdr_len(ipv4_hdr);
	uint32_t sum;

	sum = __rte_raw_cksum(l4_hdr, l4_len, 0);
	sum += rte_ipv4_phdr_cksum(ipv4_hdr, 0);
	return (uint16_t)~__rte_raw_cksum_reduce(sum);
}

/**
 * UDP or TCP checksum of an IPv4 packet whose L4 header (checksum field 0) and payload
 * follow contiguously at l4_hdr. A UDP result of 0 is sent as 0xffff.
 */
static inline uint16_t
rte_ipv4_udptcp_cksum(const struct rte_ipv4_hdr *ipv4_hdr, const void *l4_hdr)
{
	uint16_t cksum = __rte_ipv4_udptcp_cksum(ipv4_hdr, l4_hdr);

	if (cksum == 0 && ipv4_hdr->next_proto_id == IPPROTO_UDP)
		cksum = 0xffff;
	return cksum;
}

/** 0 when the UDP/TCP checksum of an IPv4 packet is right, -1 otherwise. */
static inline int
rte_ipv4_udptcp_cksum_verify(const struct rte_ipv4_hdr *ipv4_hdr, const void *l4_hdr)
{
	return __rte_ipv4_udptcp_cksum(ipv4_hdr, l4_hdr) == 0 ? 0 : -1;
}

/** IPv6 header, multi-byte fields in network order. */
struct rte_ipv6_hdr {
	rte_be32_t vtc_flow;   /**< version, traffic class, flow label */
	rte_be16_t payload_len; /**< bytes after this header */
	uint8_t proto;         /**< next header */
	uint8_t hop_limits; /**< hops left */
	uint8_t src_addr[16]; /**< source address */
	uint8_t dst_addr[16]; /**< destination address */
} __rte_packed;

#define RTE_IPV6_HDR_FL_SHIFT 0 /**< position of the flow label in vtc_flow */
#define RTE_IPV6_HDR_TC_SHIFT 20 /**< position of the traffic class in vtc_flow */
#define RTE_IPV6_HDR_FL_MASK ((1u << RTE_IPV6_HDR_TC_SHIFT) - 1) /**< flow label bits of vtc_flow */
#define RTE_IPV6_HDR_TC_MASK (0xffu << RTE_IPV6_HDR_TC_SHIFT) /**< traffic class bits of vtc_flow */
#define RTE_IPV6_MIN_MTU 1280 /**< smallest IPv6 MTU */

/** Raw sum of the IPv6 pseudo-header (length left out with the segmentation flags). */
static inline uint16_t
rte_ipv6_phdr_cksum(const struct rte_ipv6_hdr *ipv6_hdr, uint64_t ol_flags)
{
	struct {
		rte_be32_t len;
		rte_be32_t proto;
	} psd_hdr;
	uint32_t sum;

	psd_hdr.proto = rte_cpu_to_be_32((uint32_t)ipv6_hdr->proto);
	if (ol_flags & (RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_UDP_SEG))
		psd_hdr.len = 0;
	else
		psd_hdr.len = rte_cpu_to_be_32((uint32_t)rte_be_to_cpu_16(ipv6_hdr->payload_len));
	sum = __rte_raw_cksum(ipv6_hdr->src_addr,
		sizeof(ipv6_hdr->src_addr) + sizeof(ipv6_hdr->dst_addr), 0);
	sum = __rte_raw_cksum(&psd_hdr, sizeof(psd_hdr), sum);
	return __rte_raw_cksum_reduce(sum);
}

static inline uint16_t
__rte_ipv6_udptcp_cksum(const struct rte_ipv6_hdr *ipv6_hdr, const void *l4_hdr)
{
	uint32_t sum;

	sum = __rte_raw_cksum(l4_hdr, rte_be_to_cpu_16(ipv6_hdr->payload_len), 0);
	sum += rte_ipv6_phdr_cksum(ipv6_hdr, 0);
	return (uint16_t)~__rte_raw_cksum_reduce(sum);
}

/** UDP or TCP checksum of an IPv6 packet (a result of 0 is sent as 0xffff). */
static inline uint16_t
rte_ipv6_udptcp_cksum(const struct rte_ipv6_hdr *ipv6_hdr, const void *l4_hdr)
{
	uint16_t cksum = __rte_ipv6_udptcp_cksum(ipv6_hdr, l4_hdr);

	return cksum == 0 ? 0xffff : cksum;
}

/** 0 when the UDP/TCP checksum of an IPv6 packet is right, -1 otherwise. */
static inline int
rte_ipv6_udptcp_cksum_verify(const struct rte_ipv6_hdr *ipv6_hdr, const void *l4_hdr)
{
	return __rte_ipv6_udptcp_cksum(ipv6_hdr, l4_hdr) == 0 ? 0 : -1;
}

/* IPv6 fragment extension header (RFC 8200 section 4.5). */
#define RTE_IPV6_EHDR_MF_SHIFT 0 /**< position of more-fragments in frag_data */
#define RTE_IPV6_EHDR_MF_MASK 1 /**< more-fragments bit of frag_data */
#define RTE_IPV6_EHDR_FO_SHIFT 3 /**< position of the offset in frag_data */
/** offset bits of frag_data: the offset in bytes, always a multiple of 8 */
#define RTE_IPV6_EHDR_FO_MASK (~((1 << RTE_IPV6_EHDR_FO_SHIFT) - 1))
#define RTE_IPV6_EHDR_FO_ALIGN (1 << RTE_IPV6_EHDR_FO_SHIFT) /**< offset granularity */

/** bits of frag_data that carry information */
#define RTE_IPV6_FRAG_USED_MASK (RTE_IPV6_EHDR_MF_MASK | RTE_IPV6_EHDR_FO_MASK)

#define RTE_IPV6_GET_MF(x) ((x) & RTE_IPV6_EHDR_MF_MASK) /**< more-fragments bit */
#define RTE_IPV6_GET_FO(x) ((x) >> RTE_IPV6_EHDR_FO_SHIFT) /**< offset in 8-byte units */

/** frag_data (host order) from an offset in bytes and the more-fragments bit */
#define RTE_IPV6_SET_FRAG_DATA(fo, mf) \
	(((fo) & RTE_IPV6_EHDR_FO_MASK) | ((mf) & RTE_IPV6_EHDR_MF_MASK))

/** IPv6 fragment extension header, multi-byte fields in network order. */
struct rte_ipv6_fragment_ext {
	uint8_t next_header; /**< protocol of the fragmented payload */
	uint8_t reserved; /**< zero */
	rte_be16_t frag_data; /**< offset, flags and more-fragments bit */
	rte_be32_t id; /**< identification, for reassembly */
} __rte_packed;

/** size of the IPv6 fragment extension header */
#define RTE_IPV6_FRAG_HDR_SIZE sizeof(struct rte_ipv6_fragment_ext)

/**
 * Length and successor of an IPv6 extension header.
 *
 * @param p
 *   First byte of the extension header.
 * @param proto
 *   Its type: the next-header value of whatever precedes it.
 * @param ext_len
 *   Set to the extension header's length in bytes.
 * @return
 *   The next-header value it carries, or -EINVAL when proto is not an extension header this
 *   function knows (AH, hop-by-hop, routing, destination options, fragment).
 */
__rte_experimental
static inline int
rte_ipv6_get_next_ext(const uint8_t *p, int proto, size_t *ext_len)
{
	switch (proto) {
	case IPPROTO_AH:
		/* length field in 4-byte words, not counting the first two */
		*ext_len = ((size_t)p[1] + 2) * 4;
		return p[0];
	case IPPROTO_HOPOPTS:
	case IPPROTO_ROUTING:
	case IPPROTO_DSTOPTS:
		/* length field in 8-byte words, not counting the first one */
		*ext_len = ((size_t)p[1] + 1) * 8;
		return p[0];
	case IPPROTO_FRAGMENT:
		*ext_len = RTE_IPV6_FRAG_HDR_SIZE;
		return p[0];
	default:
		return -EINVAL;
	}
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_IP_H_ */
