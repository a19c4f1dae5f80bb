/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Buffers of the register, EEPROM and plugged-module queries of rte_ethdev.h
 * (rte_eth_dev_get_reg_info, rte_eth_dev_get_eeprom, rte_eth_dev_get_module_info...).
 */
#ifndef _RTE_DEV_INFO_H_
#define _RTE_DEV_INFO_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A register dump. With data NULL the driver only fills length and width. */
struct rte_dev_reg_info {
	void *data; /**< buffer for the registers, or NULL */
	uint32_t offset; /**< first register */
	uint32_t length; /**< number of registers (0: all) */
	uint32_t width; /**< bytes per register */
	uint32_t version; /**< device version, for the tool that decodes the dump */
};

/** A range of an EEPROM, read or written. */
struct rte_dev_eeprom_info {
	void *data; /**< bytes read or to write */
	uint32_t offset; /**< first byte of the range */
	uint32_t length; /**< bytes in the range */
	uint32_t magic; /**< device id, checked before a write */
};

/** Type and EEPROM size of a plugged module (SFP, QSFP). */
struct rte_eth_dev_module_info {
	uint32_t type; /**< RTE_ETH_MODULE_SFF_* */
	uint32_t eeprom_len; /**< EEPROM bytes */
};

#define RTE_ETH_MODULE_SFF_8079             0x1 /**< SFF-8079 module */
#define RTE_ETH_MODULE_SFF_8079_LEN         256 /**< its EEPROM size */
#define RTE_ETH_MODULE_SFF_8472             0x2 /**< SFF-8472 module */
#define RTE_ETH_MODULE_SFF_8472_LEN         512 /**< its EEPROM size */
#define RTE_ETH_MODULE_SFF_8636             0x3 /**< SFF-8636 module */
#define RTE_ETH_MODULE_SFF_8636_LEN         256 /**< its EEPROM size */
#define RTE_ETH_MODULE_SFF_8636_MAX_LEN     640 /**< its largest EEPROM size */
#define RTE_ETH_MODULE_SFF_8436             0x4 /**< SFF-8436 module */
#define RTE_ETH_MODULE_SFF_8436_LEN         256 /**< its EEPROM size */
#define RTE_ETH_MODULE_SFF_8436_MAX_LEN     640 /**< its largest EEPROM size */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEV_INFO_H_ */
