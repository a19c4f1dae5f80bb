/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Names of the PCI interrupt modes, as igb_uio's intr_mode parameter spells them.
 */
#ifndef _RTE_PCI_DEV_FEATURES_H
#define _RTE_PCI_DEV_FEATURES_H

#ifdef __cplusplus
extern "C" {
#endif

#include <rte_pci_dev_feature_defs.h>

#define RTE_INTR_MODE_NONE_NAME "none"     /**< name of RTE_INTR_MODE_NONE */
#define RTE_INTR_MODE_LEGACY_NAME "legacy" /**< name of RTE_INTR_MODE_LEGACY */
#define RTE_INTR_MODE_MSI_NAME "msi"       /**< name of RTE_INTR_MODE_MSI */
#define RTE_INTR_MODE_MSIX_NAME "msix"     /**< name of RTE_INTR_MODE_MSIX */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PCI_DEV_FEATURES_H */
