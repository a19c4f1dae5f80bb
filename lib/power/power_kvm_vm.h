/* SPDX-License-Identifier: BSD-3-Clause */
/* The PM_ENV_KVM_VM environment: a virtual machine asks the host to scale its vcpus. */
#ifndef _POWER_KVM_VM_H_
#define _POWER_KVM_VM_H_

#include <stdint.h>

#include "rte_power.h"

int power_kvm_vm_check_supported(void);
int power_kvm_vm_init(unsigned int lcore_id);
int power_kvm_vm_exit(unsigned int lcore_id);
uint32_t power_kvm_vm_freqs(unsigned int lcore_id, uint32_t *freqs, uint32_t num);
uint32_t power_kvm_vm_get_freq(unsigned int lcore_id);
int power_kvm_vm_set_freq(unsigned int lcore_id, uint32_t index);
int power_kvm_vm_freq_up(unsigned int lcore_id);
int power_kvm_vm_freq_down(unsigned int lcore_id);
int power_kvm_vm_freq_max(unsigned int lcore_id);
int power_kvm_vm_freq_min(unsigned int lcore_id);
int power_kvm_vm_turbo_status(unsigned int lcore_id);
int power_kvm_vm_enable_turbo(unsigned int lcore_id);
int power_kvm_vm_disable_turbo(unsigned int lcore_id);
int power_kvm_vm_get_capabilities(unsigned int lcore_id,
		struct rte_power_core_capabilities *caps);

#endif /* _POWER_KVM_VM_H_ */
