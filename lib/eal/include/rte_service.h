/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Service cores: functions (services) that need CPU time but no lcore of their own, run in a
 * loop by lcores handed over to service duty ("service lcores").
 *
 * A component registers a service (rte_service_component.h) and says when it is ready; the
 * application maps services to service lcores, starts those lcores, and switches each service
 * on or off. A service lcore calls every service mapped to it, over and over, until it is
 * stopped. Service lcores come from the EAL options -s (coremask) and -S (corelist), which also
 * map every registered service and start them at rte_eal_init, or from rte_service_lcore_add at
 * run time. A service lcore keeps its place in rte_lcore_count() but is skipped by
 * RTE_LCORE_FOREACH and rte_eal_mp_remote_launch.
 */
#ifndef _RTE_SERVICE_H_
#define _RTE_SERVICE_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdio.h>
#include <stdint.h>

#include <rte_compat.h>
#include <rte_config.h>
#include <rte_lcore.h>

/** Longest service name, terminating NUL included. */
#define RTE_SERVICE_NAME_MAX 32

/**
 * Capability: the service function may run on several lcores at the same time. Without it,
 * lcores take turns (a service lcore skips the service while another one runs it).
 */
#define RTE_SERVICE_CAP_MT_SAFE (1 << 0)

/**
 * Number of registered services.
 *
 * @return
 *   The count.
 */
uint32_t rte_service_get_count(void);

/**
 * Look a service up by name.
 *
 * @param name
 *   Name the component registered it with.
 * @param[out] service_id
 *   Its id.
 * @retval 0 Found; *service_id is set.
 * @retval -EINVAL NULL service_id (or name).
 * @retval -ENODEV No registered service has that name.
 */
int32_t rte_service_get_by_name(const char *name, uint32_t *service_id);

/**
 * Name of a service.
 *
 * @param id
 *   Service id.
 * @return
 *   The name (owned by the service library), or NULL for an id that is not registered.
 */
const char *rte_service_get_name(uint32_t id);

/**
 * Does a service have a capability?
 *
 * @param id
 *   Service id.
 * @param capability
 *   An RTE_SERVICE_CAP_* flag.
 * @retval 1 It has it.
 * @retval 0 It does not.
 * @retval -EINVAL The id is not registered.
 */
int32_t rte_service_probe_capability(uint32_t id, uint32_t capability);

/**
 * Map a service to a service lcore, or unmap it. A service that is not multi-thread safe and
 * is mapped to several lcores runs on one of them at a time.
 *
 * @param service_id
 *   Service id.
 * @param lcore
 *   A service lcore.
 * @param enable
 *   Non-zero to map, zero to unmap.
 * @retval 0 Done.
 * @retval -EINVAL The service is not registered, or lcore is not a service lcore.
 */
int32_t rte_service_map_lcore_set(uint32_t service_id, uint32_t lcore, uint32_t enable);

/**
 * Is a service mapped to a service lcore?
 *
 * @param service_id
 *   Service id.
 * @param lcore
 *   A service lcore.
 * @retval 1 Mapped.
 * @retval 0 Not mapped.
 * @retval -EINVAL The service is not registered, or lcore is not a service lcore.
 */
int32_t rte_service_map_lcore_get(uint32_t service_id, uint32_t lcore);

/**
 * The application's switch for a service: a service runs only while both this and the
 * component's switch (rte_service_component_runstate_set) are on.
 *
 * @param id
 *   Service id.
 * @param runstate
 *   Non-zero to let it run, zero to stop it.
 * @retval 0 Done.
 * @retval -EINVAL The id is not registered.
 */
int32_t rte_service_runstate_set(uint32_t id, uint32_t runstate);

/**
 * Will a service get CPU time? True when the component and the application both switched it
 * on and either a service lcore is mapped to it or the mapping check is disabled
 * (rte_service_set_runstate_mapped_check).
 *
 * @param id
 *   Service id.
 * @retval 1 Running.
 * @retval 0 Stopped.
 * @retval -EINVAL The id is not registered.
 */
int32_t rte_service_runstate_get(uint32_t id);

/**
 * Might a service lcore be inside this service's function right now? After switching a
 * service off, poll this until it gives 0 to know no service lcore still runs it.
 *
 * @param id
 *   Service id.
 * @retval 1 A service lcore may be running it.
 * @retval 0 No service lcore is running it.
 * @retval -EINVAL The id is not registered.
 */
int32_t rte_service_may_be_active(uint32_t id);

/**
 * Enable or disable the "a service lcore is mapped" part of rte_service_runstate_get, for an
 * application that runs the service itself with rte_service_run_iter_on_app_lcore.
 *
 * @param id
 *   Service id.
 * @param enable
 *   Zero disables the check, non-zero enables it (the default).
 * @retval 0 Done.
 * @retval -EINVAL The id is not registered.
 */
int32_t rte_service_set_runstate_mapped_check(uint32_t id, int32_t enable);

/**
 * Run one iteration of a service on the calling lcore (which needs no service duty).
 *
 * @param id
 *   Service id.
 * @param serialize_multithread_unsafe
 *   Non-zero: for a service without RTE_SERVICE_CAP_MT_SAFE, refuse with -EBUSY when another
 *   lcore is running it. Zero: the caller guarantees nobody else runs it.
 * @retval 0 The service function was called.
 * @retval -EBUSY Another lcore is running this (not multi-thread safe) service.
 * @retval -ENOEXEC The service is switched off by the component or the application.
 * @retval -EINVAL The id is not registered.
 */
int32_t rte_service_run_iter_on_app_lcore(uint32_t id, uint32_t serialize_multithread_unsafe);

/**
 * Start a service lcore: it begins calling its mapped services in a loop.
 *
 * @param lcore_id
 *   A service lcore.
 * @retval 0 Started.
 * @retval -EALREADY It is running already.
 * @retval -EINVAL lcore_id is not a service lcore.
 * @retval -EBUSY The lcore is still running a function launched on it by the application.
 */
int32_t rte_service_lcore_start(uint32_t lcore_id);

/**
 * Stop a service lcore. It leaves its loop after the service it is running returns (which may
 * be after this call returns; see rte_service_lcore_may_be_active); it stays a service lcore.
 *
 * @param lcore_id
 *   A service lcore.
 * @retval 0 Stopped.
 * @retval -EINVAL lcore_id is out of range.
 * @retval -EALREADY It is not running (or is not a service lcore).
 * @retval -EBUSY A running service is mapped to this lcore only: stop the service first.
 */
int32_t rte_service_lcore_stop(uint32_t lcore_id);

/**
 * Is a service lcore still in its service loop?
 *
 * @param lcore_id
 *   A service lcore.
 * @retval 1 In the loop.
 * @retval 0 Out of it: the lcore is back under EAL's control.
 * @retval -EINVAL lcore_id is not a service lcore.
 */
__rte_experimental
int32_t rte_service_lcore_may_be_active(uint32_t lcore_id);

/**
 * Hand an EAL worker lcore over to service duty (stopped, nothing mapped).
 *
 * @param lcore
 *   An enabled worker lcore (not the main one).
 * @retval 0 Done.
 * @retval -EALREADY It is a service lcore already.
 * @retval -EINVAL Out of range, the main lcore, or not an EAL worker.
 */
int32_t rte_service_lcore_add(uint32_t lcore);

/**
 * Give a stopped service lcore back to the application as an ordinary worker.
 *
 * @param lcore
 *   A service lcore.
 * @retval 0 Done.
 * @retval -EBUSY It is still running: stop it first.
 * @retval -EINVAL lcore is not a service lcore.
 */
int32_t rte_service_lcore_del(uint32_t lcore);

/**
 * Number of service lcores.
 *
 * @return
 *   The count.
 */
int32_t rte_service_lcore_count(void);

/**
 * Stop every service lcore, unmap every service and give the lcores back as ordinary workers
 * (waiting until they have left their service loop). Services keep their runstate.
 *
 * @retval 0 Done.
 */
int32_t rte_service_lcore_reset_all(void);

/**
 * Count calls and cycles of a service (rte_service_attr_get), and cycles per service lcore.
 *
 * @param id
 *   Service id.
 * @param enable
 *   Non-zero to count, zero to stop counting.
 * @retval 0 Done.
 * @retval -EINVAL The id is not registered.
 */
int32_t rte_service_set_stats_enable(uint32_t id, int32_t enable);

/**
 * List the service lcores.
 *
 * @param[out] array
 *   Filled with the lcore ids, lowest first.
 * @param n
 *   Room in array.
 * @retval >=0 Number of ids written.
 * @retval -ENOMEM array has room for fewer than rte_service_lcore_count() ids (nothing is
 *   written).
 */
int32_t rte_service_lcore_list(uint32_t array[], uint32_t n);

/**
 * Number of services mapped to a service lcore.
 *
 * @param lcore
 *   A service lcore.
 * @retval >=0 The count.
 * @retval -EINVAL lcore is out of range.
 * @retval -ENOTSUP lcore is not a service lcore.
 */
int32_t rte_service_lcore_count_services(uint32_t lcore);

/**
 * Print a service's state and statistics, or, with id UINT32_MAX, every service's and every
 * service lcore's.
 *
 * @param f
 *   Where to print.
 * @param id
 *   Service id, or UINT32_MAX.
 * @retval 0 Printed.
 * @retval -EINVAL The id is not registered (or f is NULL).
 */
int32_t rte_service_dump(FILE *f, uint32_t id);

/** Service attribute: TSC cycles spent in the service function (statistics enabled). */
#define RTE_SERVICE_ATTR_CYCLES 0

/** Service attribute: number of calls of the service function (statistics enabled). */
#define RTE_SERVICE_ATTR_CALL_COUNT 1

/**
 * Read a service attribute.
 *
 * @param id
 *   Service id.
 * @param attr_id
 *   RTE_SERVICE_ATTR_CYCLES or RTE_SERVICE_ATTR_CALL_COUNT.
 * @param[out] attr_value
 *   The value.
 * @retval 0 Done.
 * @retval -EINVAL Unknown id or attr_id, or NULL attr_value.
 */
int32_t rte_service_attr_get(uint32_t id, uint32_t attr_id, uint64_t *attr_value);

/**
 * Zero every attribute of a service.
 *
 * @param id
 *   Service id.
 * @retval 0 Done.
 * @retval -EINVAL The id is not registered.
 */
int32_t rte_service_attr_reset_all(uint32_t id);

/** Service lcore attribute: number of passes over its mapped services. */
#define RTE_SERVICE_LCORE_ATTR_LOOPS 0

/** Service lcore attribute: TSC cycles spent in services (those with statistics enabled). */
#define RTE_SERVICE_LCORE_ATTR_CYCLES 1

/**
 * Read a service lcore attribute.
 *
 * @param lcore
 *   A service lcore.
 * @param attr_id
 *   RTE_SERVICE_LCORE_ATTR_LOOPS or RTE_SERVICE_LCORE_ATTR_CYCLES.
 * @param[out] attr_value
 *   The value.
 * @retval 0 Done.
 * @retval -EINVAL lcore out of range, unknown attr_id or NULL attr_value.
 * @retval -ENOTSUP lcore is not a service lcore.
 */
int32_t rte_service_lcore_attr_get(uint32_t lcore, uint32_t attr_id, uint64_t *attr_value);

/**
 * Zero every attribute of a service lcore.
 *
 * @param lcore
 *   A service lcore.
 * @retval 0 Done.
 * @retval -EINVAL lcore out of range.
 * @retval -ENOTSUP lcore is not a service lcore.
 */
int32_t rte_service_lcore_attr_reset_all(uint32_t lcore);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_SERVICE_H_ */
