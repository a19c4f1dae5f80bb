/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Service cores, the component's side: register a function as a service, say when it is ready
 * to run, remove it. See rte_service.h for the application's side.
 */
#ifndef _SERVICE_PRIVATE_H_
#define _SERVICE_PRIVATE_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <rte_service.h>

/** A service function: one iteration of the service's work. */
typedef int32_t (*rte_service_func)(void *args);

/** What a component registers. */
struct rte_service_spec {
	/** Name shown to the application (rte_service_get_by_name); not empty. */
	char name[RTE_SERVICE_NAME_MAX];
	/** Called for each iteration. */
	rte_service_func callback;
	/** Passed to callback. */
	void *callback_userdata;
	/** RTE_SERVICE_CAP_* flags. */
	uint32_t capabilities;
	/** NUMA node the service prefers to run on (informational). */
	int socket_id;
};

/**
 * Register a service. It starts stopped on both switches (component and application) and
 * mapped to no lcore.
 *
 * @param spec
 *   The service; copied.
 * @param[out] service_id
 *   Its id, if not NULL.
 * @retval 0 Registered.
 * @retval -EINVAL NULL spec, NULL callback or empty name.
 * @retval -ENOSPC Every service slot is taken.
 */
int32_t rte_service_component_register(const struct rte_service_spec *spec,
		uint32_t *service_id);

/**
 * Remove a service: it is unmapped from every lcore, and the call returns once no service
 * lcore is inside its function any more (unless called from that very function).
 *
 * @param id
 *   Service id.
 * @retval 0 Removed.
 * @retval -EINVAL The id is not registered.
 */
int32_t rte_service_component_unregister(uint32_t id);

/**
 * Map every service to the service lcores round-robin, start the service lcores and switch
 * every service on (application side). rte_eal_init does this when -s or -S was given.
 *
 * @retval 0 Done.
 * @retval -ENOTSUP There is no service lcore.
 * @retval -ENODEV A service could not be mapped.
 */
int32_t rte_service_start_with_defaults(void);

/**
 * The component's switch for a service: on when the component is ready for it to run.
 *
 * @param id
 *   Service id.
 * @param runstate
 *   Non-zero when ready, zero otherwise.
 * @retval 0 Done.
 * @retval -EINVAL The id is not registered.
 */
int32_t rte_service_component_runstate_set(uint32_t id, uint32_t runstate);

/**
 * Set up the service library and take the service lcores given by -s/-S. Called by
 * rte_eal_init; not for applications.
 *
 * @retval 0 Done.
 * @retval -EALREADY Already set up.
 */
int32_t rte_service_init(void);

/**
 * Stop every service lcore, wait for them and forget every service. Called by rte_eal_cleanup.
 */
void rte_service_finalize(void);

#ifdef __cplusplus
}
#endif

#endif /* _SERVICE_PRIVATE_H_ */
