/* SPDX-License-Identifier: BSD-3-Clause */
/* Frequency scaling through the Linux cpufreq files; shared by the cpufreq environments. */
#ifndef _POWER_CPUFREQ_H_
#define _POWER_CPUFREQ_H_

#include <stdint.h>

#include "rte_power.h"

/*
 * Tests point the library at a fake tree with this environment variable; it replaces
 * /sys/devices/system/cpu and is read at every rte_power_init() and check.
 */
#define POWER_SYSFS_ROOT_ENV "DPDK_POWER_SYSFS_CPU_ROOT"

/* The environment whose driver runs cpu lcore_id, PM_ENV_NOT_SET if none. */
enum power_management_env power_cpufreq_detect(unsigned int lcore_id);
int power_cpufreq_check_supported(enum power_management_env env);
int power_cpufreq_init(unsigned int lcore_id, enum power_management_env env);
int power_cpufreq_exit(unsigned int lcore_id);
uint32_t power_cpufreq_freqs(unsigned int lcore_id, uint32_t *freqs, uint32_t num);
uint32_t power_cpufreq_get_freq(unsigned int lcore_id);
int power_cpufreq_set_freq(unsigned int lcore_id, uint32_t index);
int power_cpufreq_freq_up(unsigned int lcore_id);
int power_cpufreq_freq_down(unsigned int lcore_id);
int power_cpufreq_freq_max(unsigned int lcore_id);
int power_cpufreq_freq_min(unsigned int lcore_id);
int power_cpufreq_turbo_status(unsigned int lcore_id);
int power_cpufreq_enable_turbo(unsigned int lcore_id);
int power_cpufreq_disable_turbo(unsigned int lcore_id);
int power_cpufreq_get_capabilities(unsigned int lcore_id,
		struct rte_power_core_capabilities *caps);

#endif /* _POWER_CPUFREQ_H_ */
