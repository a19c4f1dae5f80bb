/* SPDX-License-Identifier: BSD-3-Clause */
/* Hypervisor detection: CPUID's "running under a hypervisor" bit, then the vendor signature. */
#include <cpuid.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cpuflags.h>
#include <rte_hypervisor.h>

enum rte_hypervisor
rte_hypervisor_get(void)
{
	static const struct {
		char sig[13];
		enum rte_hypervisor id;
	} known[] = {
		{ "KVMKVMKVM", RTE_HYPERVISOR_KVM },
		{ "Microsoft Hv", RTE_HYPERVISOR_HYPERV },
		{ "VMwareVMware", RTE_HYPERVISOR_VMWARE },
	};
	uint32_t a, regs[3];
	char sig[13];
	unsigned int i;

	if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_HYPERVISOR) != 1)
		return RTE_HYPERVISOR_NONE;
	/* Leaf 0x40000000: twelve signature bytes in EBX, ECX, EDX. */
	__cpuid(0x40000000, a, regs[0], regs[1], regs[2]);
	RTE_SET_USED(a);
	memcpy(sig, regs, 12);
	sig[12] = '\0';
	for (i = 0; i < RTE_DIM(known); i++)
		if (memcmp(sig, known[i].sig, 12) == 0)
			return known[i].id;
	return RTE_HYPERVISOR_UNKNOWN;
}

const char *
rte_hypervisor_get_name(enum rte_hypervisor id)
{
	switch (id) {
	case RTE_HYPERVISOR_NONE:
		return "none";
	case RTE_HYPERVISOR_KVM:
		return "KVM";
	case RTE_HYPERVISOR_HYPERV:
		return "Hyper-V";
	case RTE_HYPERVISOR_VMWARE:
		return "VMware";
	default:
		return "unknown";
	}
}
