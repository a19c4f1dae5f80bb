/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Dynamic mbuf fields and flags: libraries and drivers that need per-packet data of their own
 * reserve it at run time instead of growing struct rte_mbuf.
 *
 * A dynamic field is a byte range of the mbuf's free area (dynfield1), registered under a
 * name with a size and an alignment; its offset is then used with RTE_MBUF_DYNFIELD(). A
 * dynamic flag is a bit of ol_flags that no static RTE_MBUF_F_* flag uses (bits 23 to 40),
 * registered under a name. Registering a name again with the same parameters gives the same
 * offset or bit, so independent components agree on them; other components find them with
 * the lookup functions. Registrations last for the life of the process and cannot be undone.
 *
 * @code
 * static int my_off;
 * const struct rte_mbuf_dynfield desc = {
 *         .name = "example_dynfield_seqno", .size = sizeof(uint32_t),
 *         .align = alignof(uint32_t),
 * };
 * my_off = rte_mbuf_dynfield_register(&desc);     // -1 and rte_errno on failure
 * *RTE_MBUF_DYNFIELD(m, my_off, uint32_t *) = 42;
 * @endcode
 */
#ifndef _RTE_MBUF_DYN_H_
#define _RTE_MBUF_DYN_H_

#include <stdio.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Longest name of a dynamic field or flag, terminating NUL included. */
#define RTE_MBUF_DYN_NAMESIZE 64

/** Description of a dynamic field. */
struct rte_mbuf_dynfield {
	char name[RTE_MBUF_DYN_NAMESIZE]; /**< unique name */
	size_t size; /**< bytes to reserve */
	size_t align; /**< alignment of the offset, a power of two */
	unsigned int flags; /**< reserved, 0 */
};

/** Description of a dynamic flag. */
struct rte_mbuf_dynflag {
	char name[RTE_MBUF_DYN_NAMESIZE]; /**< unique name */
	unsigned int flags; /**< reserved, 0 */
};

/**
 * Reserve a dynamic field, at an offset the library picks.
 *
 * @param params
 *   Name, size, alignment and flags (0) of the field.
 * @return
 *   The offset of the field in struct rte_mbuf (the same as before when the name is already
 *   registered with the same parameters), or -1 with rte_errno: EINVAL (bad parameters),
 *   ENAMETOOLONG (name without its NUL), EEXIST (the name is registered with other
 *   parameters), ENOENT (no room left), ENOMEM.
 */
int rte_mbuf_dynfield_register(const struct rte_mbuf_dynfield *params);

/**
 * Reserve a dynamic field at a given offset.
 *
 * @param params
 *   Name, size, alignment and flags (0) of the field.
 * @param offset
 *   The offset wanted, or SIZE_MAX to let the library pick (rte_mbuf_dynfield_register).
 * @return
 *   The offset, or -1 with rte_errno: EINVAL (bad parameters, or an offset not aligned or
 *   past the mbuf), ENAMETOOLONG, EEXIST (the name is registered with other parameters or at
 *   another offset), EBUSY (the bytes are taken or not in the free area), ENOMEM.
 */
int rte_mbuf_dynfield_register_offset(const struct rte_mbuf_dynfield *params, size_t offset);

/**
 * Find a registered dynamic field.
 *
 * @param name
 *   Its name.
 * @param params
 *   If not NULL, receives its description.
 * @return
 *   Its offset, or -1 with rte_errno ENOENT (not registered) or EINVAL (name NULL).
 */
int rte_mbuf_dynfield_lookup(const char *name, struct rte_mbuf_dynfield *params);

/**
 * Reserve a dynamic flag, at a bit the library picks.
 *
 * @param params
 *   Name and flags (0) of the flag.
 * @return
 *   The bit number in ol_flags (the same as before when the name is already registered),
 *   or -1 with rte_errno: EINVAL (bad parameters), ENAMETOOLONG, EEXIST (the name is
 *   registered with other parameters), ENOENT (no free bit left), ENOMEM.
 */
int rte_mbuf_dynflag_register(const struct rte_mbuf_dynflag *params);

/**
 * Reserve a dynamic flag at a given bit.
 *
 * @param params
 *   Name and flags (0) of the flag.
 * @param bitnum
 *   The bit wanted, or UINT_MAX to let the library pick (rte_mbuf_dynflag_register).
 * @return
 *   The bit number, or -1 with rte_errno: EINVAL (bad parameters, or a bit beyond 63),
 *   ENAMETOOLONG, EEXIST (the name is registered with other parameters or at another bit),
 *   EBUSY (the bit is taken, or used by a static flag), ENOMEM.
 */
int rte_mbuf_dynflag_register_bitnum(const struct rte_mbuf_dynflag *params,
		unsigned int bitnum);

/**
 * Find a registered dynamic flag.
 *
 * @param name
 *   Its name.
 * @param params
 *   If not NULL, receives its description.
 * @return
 *   Its bit number, or -1 with rte_errno ENOENT (not registered) or EINVAL (name NULL).
 */
int rte_mbuf_dynflag_lookup(const char *name, struct rte_mbuf_dynflag *params);

/** Pointer of type type to the dynamic field at offset in mbuf m. */
#define RTE_MBUF_DYNFIELD(m, offset, type) ((type)((uintptr_t)(m) + (offset)))

/**
 * Print the registered fields and flags, and what is still free.
 *
 * @param out
 *   Where to print (NULL: stdout).
 */
void rte_mbuf_dyn_dump(FILE *out);

/* Names of well-known dynamic fields and flags, shared by the libraries and drivers. */

/** Field: metadata given to or received from rte_flow (32 bits). */
#define RTE_MBUF_DYNFIELD_METADATA_NAME "rte_flow_dynfield_metadata"
/** Flag: the metadata field is valid. */
#define RTE_MBUF_DYNFLAG_METADATA_NAME "rte_flow_dynflag_metadata"
/** Field: a timestamp (rte_mbuf_timestamp_t), in the unit of whoever set it. */
#define RTE_MBUF_DYNFIELD_TIMESTAMP_NAME "rte_dynfield_timestamp"
/** Type of the timestamp field. */
typedef uint64_t rte_mbuf_timestamp_t;
/** Flag: the timestamp field holds the packet's reception time. */
#define RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME "rte_dynflag_rx_timestamp"
/** Flag: the timestamp field holds when the packet is to be sent. */
#define RTE_MBUF_DYNFLAG_TX_TIMESTAMP_NAME "rte_dynflag_tx_timestamp"
/** Field: state of an IP reassembly offload. */
#define RTE_MBUF_DYNFIELD_IP_REASSEMBLY_NAME "rte_dynfield_ip_reassembly"
/** Flag: the IP reassembly offload could not complete the packet. */
#define RTE_MBUF_DYNFLAG_IP_REASSEMBLY_INCOMPLETE_NAME "rte_dynflag_ip_reassembly_incomplete"

/**
 * Register (or find) the timestamp field and the Rx timestamp flag.
 *
 * @param field_offset
 *   If not NULL, receives the offset of the timestamp field.
 * @param rx_flag
 *   If not NULL, receives the Rx timestamp flag (the bit's mask).
 * @return
 *   0, or -1 with rte_errno as for rte_mbuf_dynfield_register().
 */
int rte_mbuf_dyn_rx_timestamp_register(int *field_offset, uint64_t *rx_flag);

/**
 * Register (or find) the timestamp field and the Tx timestamp flag.
 *
 * @param field_offset
 *   If not NULL, receives the offset of the timestamp field.
 * @param tx_flag
 *   If not NULL, receives the Tx timestamp flag (the bit's mask).
 * @return
 *   0, or -1 with rte_errno as for rte_mbuf_dynfield_register().
 */
int rte_mbuf_dyn_tx_timestamp_register(int *field_offset, uint64_t *tx_flag);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_DYN_H_ */
