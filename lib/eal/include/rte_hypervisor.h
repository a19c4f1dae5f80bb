/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Which hypervisor, if any, the process runs under.
 */
#ifndef RTE_HYPERVISOR_H
#define RTE_HYPERVISOR_H

#ifdef __cplusplus
extern "C" {
#endif

/** Hypervisors EAL can recognise. */
enum rte_hypervisor {
	RTE_HYPERVISOR_NONE,    /**< bare metal */
	RTE_HYPERVISOR_KVM,     /**< KVM (QEMU/KVM and the like) */
	RTE_HYPERVISOR_HYPERV,  /**< Microsoft Hyper-V */
	RTE_HYPERVISOR_VMWARE,  /**< VMware */
	RTE_HYPERVISOR_UNKNOWN  /**< some other hypervisor */
};

/**
 * The hypervisor this process runs under, from the CPUID hypervisor bit and the vendor
 * signature of leaf 0x40000000.
 * @return RTE_HYPERVISOR_NONE on bare metal, RTE_HYPERVISOR_UNKNOWN for an unrecognised one
 */
enum rte_hypervisor
rte_hypervisor_get(void);

/**
 * Printable name of a hypervisor id: "none", "KVM", "Hyper-V", "VMware" or "unknown".
 * @param id a value of enum rte_hypervisor (anything else gives "unknown")
 * @return a static string, never NULL
 */
const char *
rte_hypervisor_get_name(enum rte_hypervisor id);

#ifdef __cplusplus
}
#endif

#endif /* RTE_HYPERVISOR_H */
