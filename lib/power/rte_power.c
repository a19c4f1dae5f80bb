/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The process-wide environment and the function pointers it selects. The pointers stay NULL
 * while no environment is chosen, as in DPDK.
 */
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_spinlock.h>

#include "rte_power.h"
#include "power_cpufreq.h"
#include "power_kvm_vm.h"

rte_power_freqs_t rte_power_freqs;
rte_power_get_freq_t rte_power_get_freq;
rte_power_set_freq_t rte_power_set_freq;
rte_power_freq_change_t rte_power_freq_up;
rte_power_freq_change_t rte_power_freq_down;
rte_power_freq_change_t rte_power_freq_max;
rte_power_freq_change_t rte_power_freq_min;
rte_power_freq_change_t rte_power_turbo_status;
rte_power_freq_change_t rte_power_freq_enable_turbo;
rte_power_freq_change_t rte_power_freq_disable_turbo;
rte_power_get_capabilities_t rte_power_get_capabilities;

static enum power_management_env power_env = PM_ENV_NOT_SET;
static rte_spinlock_t power_env_lock = RTE_SPINLOCK_INITIALIZER;

static void
power_set_ptrs(enum power_management_env env)
{
	if (env == PM_ENV_KVM_VM) {
		rte_power_freqs = power_kvm_vm_freqs;
		rte_power_get_freq = power_kvm_vm_get_freq;
		rte_power_set_freq = power_kvm_vm_set_freq;
		rte_power_freq_up = power_kvm_vm_freq_up;
		rte_power_freq_down = power_kvm_vm_freq_down;
		rte_power_freq_max = power_kvm_vm_freq_max;
		rte_power_freq_min = power_kvm_vm_freq_min;
		rte_power_turbo_status = power_kvm_vm_turbo_status;
		rte_power_freq_enable_turbo = power_kvm_vm_enable_turbo;
		rte_power_freq_disable_turbo = power_kvm_vm_disable_turbo;
		rte_power_get_capabilities = power_kvm_vm_get_capabilities;
	} else if (env != PM_ENV_NOT_SET) {
		rte_power_freqs = power_cpufreq_freqs;
		rte_power_get_freq = power_cpufreq_get_freq;
		rte_power_set_freq = power_cpufreq_set_freq;
		rte_power_freq_up = power_cpufreq_freq_up;
		rte_power_freq_down = power_cpufreq_freq_down;
		rte_power_freq_max = power_cpufreq_freq_max;
		rte_power_freq_min = power_cpufreq_freq_min;
		rte_power_turbo_status = power_cpufreq_turbo_status;
		rte_power_freq_enable_turbo = power_cpufreq_enable_turbo;
		rte_power_freq_disable_turbo = power_cpufreq_disable_turbo;
		rte_power_get_capabilities = power_cpufreq_get_capabilities;
	} else {
		rte_power_freqs = NULL;
		rte_power_get_freq = NULL;
		rte_power_set_freq = NULL;
		rte_power_freq_up = NULL;
		rte_power_freq_down = NULL;
		rte_power_freq_max = NULL;
		rte_power_freq_min = NULL;
		rte_power_turbo_status = NULL;
		rte_power_freq_enable_turbo = NULL;
		rte_power_freq_disable_turbo = NULL;
		rte_power_get_capabilities = NULL;
	}
}

static int
power_env_valid(enum power_management_env env)
{
	return env == PM_ENV_ACPI_CPUFREQ || env == PM_ENV_KVM_VM ||
		env == PM_ENV_PSTATE_CPUFREQ || env == PM_ENV_CPPC_CPUFREQ;
}

int
rte_power_check_env_supported(enum power_management_env env)
{
	if (!power_env_valid(env)) {
		RTE_LOG(ERR, POWER, "invalid power management environment %d\n", (int)env);
		rte_errno = EINVAL;
		return -1;
	}
	if (env == PM_ENV_KVM_VM)
		return power_kvm_vm_check_supported();
	return power_cpufreq_check_supported(env);
}

int
rte_power_set_env(enum power_management_env env)
{
	int ret = 0;

	rte_spinlock_lock(&power_env_lock);
	if (power_env != PM_ENV_NOT_SET) {
		RTE_LOG(ERR, POWER, "power management environment already set to %d\n",
			(int)power_env);
		ret = -1;
	} else if (!power_env_valid(env)) {
		RTE_LOG(ERR, POWER, "invalid power management environment %d\n", (int)env);
		ret = -1;
	} else {
		power_env = env;
		power_set_ptrs(env);
	}
	rte_spinlock_unlock(&power_env_lock);
	return ret;
}

void
rte_power_unset_env(void)
{
	rte_spinlock_lock(&power_env_lock);
	power_env = PM_ENV_NOT_SET;
	power_set_ptrs(PM_ENV_NOT_SET);
	rte_spinlock_unlock(&power_env_lock);
}

enum power_management_env
rte_power_get_env(void)
{
	return power_env;
}

static int
power_env_init(enum power_management_env env, unsigned int lcore_id)
{
	return env == PM_ENV_KVM_VM ? power_kvm_vm_init(lcore_id) :
		power_cpufreq_init(lcore_id, env);
}

int
rte_power_init(unsigned int lcore_id)
{
	enum power_management_env env = rte_power_get_env();
	int ret;

	if (env != PM_ENV_NOT_SET)
		return power_env_init(env, lcore_id);

	if (lcore_id >= RTE_MAX_LCORE) {
		RTE_LOG(ERR, POWER, "lcore id %u is not below %u\n", lcore_id, RTE_MAX_LCORE);
		return -1;
	}
	/*
	 * Probe quietly: the driver name tells which cpufreq environment fits, and a guest
	 * channel directory tells a virtual machine; only the final failure is worth a line.
	 */
	env = power_cpufreq_detect(lcore_id);
	if (env == PM_ENV_NOT_SET && power_kvm_vm_check_supported() == 1)
		env = PM_ENV_KVM_VM;
	if (env == PM_ENV_NOT_SET) {
		RTE_LOG(ERR, POWER, "lcore %u: no cpufreq driver nor guest channel, %s\n",
			lcore_id, "power management unavailable");
		return -1;
	}
	ret = power_env_init(env, lcore_id);
	if (ret != 0)
		return ret;
	rte_spinlock_lock(&power_env_lock);
	if (power_env == PM_ENV_NOT_SET) {
		power_env = env;
		power_set_ptrs(env);
	}
	ret = power_env == env ? 0 : -1;
	rte_spinlock_unlock(&power_env_lock);
	if (ret != 0) {
		/* another lcore chose a different environment meanwhile */
		RTE_LOG(ERR, POWER, "lcore %u: environment %d detected, but %d is set\n",
			lcore_id, (int)env, (int)rte_power_get_env());
		if (env == PM_ENV_KVM_VM)
			power_kvm_vm_exit(lcore_id);
		else
			power_cpufreq_exit(lcore_id);
	}
	return ret;
}

int
rte_power_exit(unsigned int lcore_id)
{
	enum power_management_env env = rte_power_get_env();

	if (env == PM_ENV_NOT_SET) {
		RTE_LOG(ERR, POWER, "no power management environment set, cannot exit lcore %u\n",
			lcore_id);
		return -1;
	}
	return env == PM_ENV_KVM_VM ? power_kvm_vm_exit(lcore_id) : power_cpufreq_exit(lcore_id);
}
