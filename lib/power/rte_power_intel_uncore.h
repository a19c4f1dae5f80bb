/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef RTE_POWER_INTEL_UNCORE_H
#define RTE_POWER_INTEL_UNCORE_H

/**
 * @file
 * Uncore (mesh, caches, memory controller) frequency of Intel packages and dies, through
 * the intel_uncore_frequency driver's files. This implementation counts packages and dies;
 * changing the uncore frequency is not implemented and returns -ENOTSUP.
 */

#include <rte_compat.h>
#include "rte_power.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Take over the uncore frequency of a die.
 *
 * @param pkg
 *   Package number.
 * @param die
 *   Die number within the package.
 * @return
 *   0 on success; -1 for a package or die that does not exist, -ENOTSUP otherwise.
 */
__rte_experimental
int
rte_power_uncore_init(unsigned int pkg, unsigned int die);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Give the uncore frequency of a die back to the system.
 *
 * @param pkg
 *   Package number.
 * @param die
 *   Die number within the package.
 * @return
 *   0 on success; -1 for a package or die that does not exist, -ENOTSUP otherwise.
 */
__rte_experimental
int
rte_power_uncore_exit(unsigned int pkg, unsigned int die);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @param pkg
 *   Package number.
 * @param die
 *   Die number within the package.
 * @return
 *   Index of the current uncore frequency, or a negative value converted to uint32_t.
 */
__rte_experimental
uint32_t
rte_power_get_uncore_freq(unsigned int pkg, unsigned int die);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @param pkg
 *   Package number.
 * @param die
 *   Die number within the package.
 * @param index
 *   Index in the uncore frequency list.
 * @return
 *   1 if changed, 0 if unchanged, negative on error.
 */
__rte_experimental
int
rte_power_set_uncore_freq(unsigned int pkg, unsigned int die, uint32_t index);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Highest uncore frequency for a die.
 *
 * @param pkg
 *   Package number.
 * @param die
 *   Die number within the package.
 * @return
 *   1 if changed, 0 if unchanged, negative on error.
 */
__rte_experimental
int
rte_power_uncore_freq_max(unsigned int pkg, unsigned int die);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Lowest uncore frequency for a die.
 *
 * @param pkg
 *   Package number.
 * @param die
 *   Die number within the package.
 * @return
 *   1 if changed, 0 if unchanged, negative on error.
 */
__rte_experimental
int
rte_power_uncore_freq_min(unsigned int pkg, unsigned int die);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @param pkg
 *   Package number.
 * @param die
 *   Die number within the package.
 * @return
 *   Number of uncore frequencies of the die, negative on error.
 */
__rte_experimental
int
rte_power_uncore_get_num_freqs(unsigned int pkg, unsigned int die);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @return
 *   Number of packages with uncore frequency control, 0 if none.
 */
__rte_experimental
unsigned int
rte_power_uncore_get_num_pkgs(void);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * @param pkg
 *   Package number.
 * @return
 *   Number of dies of the package with uncore frequency control, 0 if none.
 */
__rte_experimental
unsigned int
rte_power_uncore_get_num_dies(unsigned int pkg);

#ifdef __cplusplus
}
#endif

#endif /* RTE_POWER_INTEL_UNCORE_H */
