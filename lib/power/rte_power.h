/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_POWER_H
#define _RTE_POWER_H

/**
 * @file
 * Frequency scaling of the cores that run lcores.
 *
 * One environment (the kind of platform interface) is chosen for the whole process, either
 * with rte_power_set_env() or by rte_power_init() probing the platform. Each lcore is then
 * taken over with rte_power_init() and given back with rte_power_exit(); in between, the
 * function pointers below act on the frequency list of that lcore's core, highest first.
 */

#include <rte_compat.h>
#include <rte_common.h>
#include <rte_log.h>
#include <rte_power_guest_channel.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How the frequency of the CPUs is changed. */
enum power_management_env {
	PM_ENV_NOT_SET, /**< none chosen: rte_power_init() detects it */
	PM_ENV_ACPI_CPUFREQ, /**< cpufreq with the acpi-cpufreq driver */
	PM_ENV_KVM_VM, /**< a KVM guest asking its host over a virtio-serial channel */
	PM_ENV_PSTATE_CPUFREQ, /**< cpufreq with the intel_pstate driver */
	PM_ENV_CPPC_CPUFREQ /**< cpufreq with the cppc_cpufreq driver */
};

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Tell whether an environment can be used on this platform.
 *
 * @param env
 *   Environment to check.
 * @return
 *   - 1 if it can be used,
 *   - 0 if it cannot,
 *   - -1 with rte_errno set to EINVAL if env is not a known environment.
 */
__rte_experimental
int rte_power_check_env_supported(enum power_management_env env);

/**
 * Choose the environment before any rte_power_init(). Only possible while none is chosen:
 * call rte_power_unset_env() first to change it.
 *
 * @param env
 *   Environment to use.
 * @return
 *   0 on success, negative when one is already chosen or env is unknown.
 */
int rte_power_set_env(enum power_management_env env);

/**
 * Forget the chosen environment. Call only when no lcore is using power management.
 */
void rte_power_unset_env(void);

/**
 * @return
 *   The chosen environment, PM_ENV_NOT_SET if none.
 */
enum power_management_env rte_power_get_env(void);

/**
 * Take over frequency scaling of an lcore. Without a chosen environment, the platform is
 * probed and the first one that works is chosen.
 *
 * @param lcore_id
 *   lcore id.
 * @return
 *   0 on success, negative on error.
 */
int rte_power_init(unsigned int lcore_id);

/**
 * Give frequency scaling of an lcore back to the system, as it was before rte_power_init().
 *
 * @param lcore_id
 *   lcore id.
 * @return
 *   0 on success, negative on error.
 */
int rte_power_exit(unsigned int lcore_id);

/**
 * Copy the frequencies (kHz, highest first) of an lcore into a buffer.
 *
 * @param lcore_id
 *   lcore id.
 * @param freqs
 *   Buffer for the frequencies.
 * @param num
 *   Number of entries in the buffer.
 * @return
 *   The number of frequencies, 0 on error.
 */
typedef uint32_t (*rte_power_freqs_t)(unsigned int lcore_id, uint32_t *freqs,
		uint32_t num);

/** Frequencies of an lcore, see rte_power_freqs_t. */
extern rte_power_freqs_t rte_power_freqs;

/**
 * Index in the frequency list of the frequency an lcore currently runs at.
 *
 * @param lcore_id
 *   lcore id.
 * @return
 *   The index, or a value out of the list on error.
 */
typedef uint32_t (*rte_power_get_freq_t)(unsigned int lcore_id);

/** Current frequency index of an lcore, see rte_power_get_freq_t. */
extern rte_power_get_freq_t rte_power_get_freq;

/**
 * Run an lcore at the frequency of an index in its frequency list.
 *
 * @param lcore_id
 *   lcore id.
 * @param index
 *   Index in the frequency list.
 * @return
 *   - 1 if the frequency changed,
 *   - 0 if it was already that one,
 *   - negative on error.
 */
typedef int (*rte_power_set_freq_t)(unsigned int lcore_id, uint32_t index);

/** Set the frequency index of an lcore, see rte_power_set_freq_t. */
extern rte_power_set_freq_t rte_power_set_freq;

/**
 * Type of the operations below, which move an lcore in its frequency list.
 *
 * @param lcore_id
 *   lcore id.
 * @return
 *   - 1 if the frequency changed,
 *   - 0 if it did not need to,
 *   - negative on error.
 */
typedef int (*rte_power_freq_change_t)(unsigned int lcore_id);

/**
 * One step up the frequency list.
 */
extern rte_power_freq_change_t rte_power_freq_up;

/**
 * One step down the frequency list.
 */
extern rte_power_freq_change_t rte_power_freq_down;

/**
 * To the highest frequency (the highest non-turbo one while turbo is disabled).
 */
extern rte_power_freq_change_t rte_power_freq_max;

/**
 * To the lowest frequency.
 */
extern rte_power_freq_change_t rte_power_freq_min;

/**
 * Whether turbo is enabled for the lcore: 1 if so, 0 if not, negative on error.
 */
extern rte_power_freq_change_t rte_power_turbo_status;

/**
 * Allow the turbo frequency: 0 on success, negative if the core has none.
 */
extern rte_power_freq_change_t rte_power_freq_enable_turbo;

/**
 * Forbid the turbo frequency: 0 on success, negative on error.
 */
extern rte_power_freq_change_t rte_power_freq_disable_turbo;

/**
 * What the core of an lcore can do.
 */
struct rte_power_core_capabilities {
	RTE_STD_C11
	/** The capabilities as one word, or bit by bit. */
	union {
		uint64_t capabilities; /**< all the bits below */
		RTE_STD_C11
		/** One bit per capability. */
		struct {
			uint64_t turbo:1;	/**< Turbo can be enabled. */
			uint64_t priority:1;	/**< Core runs at a higher base frequency. */
		};
	};
};

/**
 * Fill in the capabilities of an lcore's core.
 *
 * @param lcore_id
 *   lcore id.
 * @param caps
 *   Where to store them.
 * @return
 *   0 on success, negative on error.
 */
typedef int (*rte_power_get_capabilities_t)(unsigned int lcore_id,
		struct rte_power_core_capabilities *caps);

/** Capabilities of an lcore's core, see rte_power_get_capabilities_t. */
extern rte_power_get_capabilities_t rte_power_get_capabilities;

#ifdef __cplusplus
}
#endif

#endif /* _RTE_POWER_H */
