/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * MACsec SecTAG (IEEE 802.1AE), after the EtherType 0x88E5.
 */
#ifndef RTE_MACSEC_H
#define RTE_MACSEC_H

#include <stdint.h>

#include <rte_common.h>
#include <rte_byteorder.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_MACSEC_TCI_VER_MASK 0x80 /**< tci_an: version bit */
#define RTE_MACSEC_TCI_ES       0x40 /**< tci_an: end station */
#define RTE_MACSEC_TCI_SC       0x20 /**< tci_an: SCI present */
#define RTE_MACSEC_TCI_SCB      0x10 /**< tci_an: single copy broadcast */
#define RTE_MACSEC_TCI_E        0x08 /**< tci_an: encrypted */
#define RTE_MACSEC_TCI_C        0x04 /**< tci_an: changed text */
#define RTE_MACSEC_AN_MASK      0x03 /**< tci_an: association number */

/** SecTAG without the optional SCI. */
__extension__
struct rte_macsec_hdr {
	uint8_t tci_an; /**< tag control information and association number */
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
	uint8_t short_length:6; /**< payload length when below 48 bytes, else 0 */
	uint8_t unused:2;       /**< reserved */
#elif RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	uint8_t unused:2;       /**< reserved */
	uint8_t short_length:6; /**< payload length when below 48 bytes, else 0 */
#endif
	rte_be32_t packet_number; /**< packet number */
} __rte_packed;

#define RTE_MACSEC_SCI_LEN 8 /**< bytes of a secure channel identifier */

/** Optional SCI, after struct rte_macsec_hdr when RTE_MACSEC_TCI_SC is set. */
struct rte_macsec_sci_hdr {
	uint8_t sci[RTE_MACSEC_SCI_LEN]; /**< secure channel identifier */
} __rte_packed;

#ifdef __cplusplus
}
#endif

#endif /* RTE_MACSEC_H */
