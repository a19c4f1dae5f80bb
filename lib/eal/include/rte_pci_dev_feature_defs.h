/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Interrupt modes of a PCI device, as the igb_uio kernel module names them.
 */
#ifndef _RTE_PCI_DEV_DEFS_H_
#define _RTE_PCI_DEV_DEFS_H_

#ifdef __cplusplus
extern "C" {
#endif

/** Interrupt mode of a PCI device. */
enum rte_intr_mode {
	RTE_INTR_MODE_NONE = 0, /**< no interrupts */
	RTE_INTR_MODE_LEGACY,   /**< INTx */
	RTE_INTR_MODE_MSI,      /**< MSI */
	RTE_INTR_MODE_MSIX      /**< MSI-X */
};

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PCI_DEV_DEFS_H_ */
