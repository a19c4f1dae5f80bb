/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Service cores.
 *
 * Services live in a fixed table of RTE_SERVICE_NUM_MAX slots, so that a component may register
 * one at any time (even before rte_eal_init) and a service id is just a slot index. Each lcore
 * has a state block: whether it is a service lcore, the bit mask of services mapped to it, its
 * run state, and statistics.
 *
 * Control calls (register, map, add, start, ...) are serialised by one mutex. The runner loop on
 * a service lcore takes no lock: it reads its mask, each service's switches and flags with
 * atomic loads. A service that is not multi-thread safe is guarded by a try-lock, so lcores take
 * turns instead of waiting for each other.
 *
 * "Active" flags say which lcore is inside which service function; they let
 * rte_service_may_be_active answer and let unregister wait until nobody runs a service any
 * more. A runner raises the flag, then checks again that the service may run, and only then
 * calls it; unregister first withdraws the service, then looks at the flags. With sequentially
 * consistent accesses on both sides, either the runner sees the withdrawal or unregister sees
 * the flag.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_pause.h>
#include <rte_spinlock.h>
#include <rte_service.h>
#include <rte_service_component.h>

#include "eal_private.h"

#ifndef RTE_SERVICE_NUM_MAX
#define RTE_SERVICE_NUM_MAX 64
#endif


/* The lcore masks are 64-bit. */
_Static_assert(RTE_SERVICE_NUM_MAX <= 64, "service masks are 64 bits wide");

#define RUNSTATE_STOPPED 0
#define RUNSTATE_RUNNING 1

struct service {
	struct rte_service_spec spec;
	int registered;
	int dying;                      /* unregistered, a runner may still be inside it */
	int stats_enabled;
	int mapped_check;               /* runstate_get requires a mapped lcore */
	uint32_t comp_runstate;
	uint32_t app_runstate;
	uint32_t num_mapped_cores;      /* service lcores mapped, plus app lcores running it */
	rte_spinlock_t execute_lock;    /* taken around a call of a non-MT-safe service */
	uint64_t calls;
	uint64_t cycles;
};

struct service_lcore {
	uint64_t service_mask;          /* services mapped to this lcore */
	uint32_t runstate;              /* RUNSTATE_*: the runner loops while RUNNING */
	uint32_t thread_active;         /* the runner is in its loop */
	int launched;                   /* the runner was launched and not waited for yet */
	int is_service_core;
	uint64_t loops;
	uint64_t cycles;
	uint64_t calls_per_service[RTE_SERVICE_NUM_MAX];
	uint8_t active[RTE_SERVICE_NUM_MAX]; /* inside service i's function */
} __rte_cache_aligned;

static pthread_mutex_t svc_lock = PTHREAD_MUTEX_INITIALIZER;
static struct service services[RTE_SERVICE_NUM_MAX];
static uint32_t service_count;
static struct service_lcore lcore_states[RTE_MAX_LCORE];
static int service_initialized;

/* A registered service, or NULL. */
static struct service *
service_get(uint32_t id)
{
	if (id >= RTE_SERVICE_NUM_MAX ||
			!__atomic_load_n(&services[id].registered, __ATOMIC_ACQUIRE))
		return NULL;
	return &services[id];
}

static int
service_valid_lcore(uint32_t lcore)
{
	return lcore < RTE_MAX_LCORE && lcore_states[lcore].is_service_core;
}

uint32_t
rte_service_get_count(void)
{
	return __atomic_load_n(&service_count, __ATOMIC_RELAXED);
}

int32_t
rte_service_get_by_name(const char *name, uint32_t *service_id)
{
	uint32_t i;

	if (name == NULL || service_id == NULL)
		return -EINVAL;
	pthread_mutex_lock(&svc_lock);
	for (i = 0; i < RTE_SERVICE_NUM_MAX; i++) {
		if (services[i].registered && strcmp(services[i].spec.name, name) == 0) {
			*service_id = i;
			pthread_mutex_unlock(&svc_lock);
			return 0;
		}
	}
	pthread_mutex_unlock(&svc_lock);
	return -ENODEV;
}

const char *
rte_service_get_name(uint32_t id)
{
	struct service *s = service_get(id);

	return s == NULL ? NULL : s->spec.name;
}

int32_t
rte_service_probe_capability(uint32_t id, uint32_t capability)
{
	struct service *s = service_get(id);

	if (s == NULL)
		return -EINVAL;
	return (s->spec.capabilities & capability) != 0;
}

int32_t
rte_service_component_register(const struct rte_service_spec *spec, uint32_t *service_id)
{
	struct service *s;
	uint32_t i;

	if (spec == NULL || spec->callback == NULL || spec->name[0] == '\0') {
		EAL_LOG(ERR, "service register: %s\n", spec == NULL ? "NULL spec" :
			spec->callback == NULL ? "NULL callback" : "empty name");
		return -EINVAL;
	}
	pthread_mutex_lock(&svc_lock);
	for (i = 0; i < RTE_SERVICE_NUM_MAX; i++)
		if (!services[i].registered && !services[i].dying)
			break;
	if (i == RTE_SERVICE_NUM_MAX) {
		pthread_mutex_unlock(&svc_lock);
		EAL_LOG(ERR, "service register '%.*s': all %d service slots are taken\n",
			RTE_SERVICE_NAME_MAX, spec->name, RTE_SERVICE_NUM_MAX);
		return -ENOSPC;
	}
	s = &services[i];
	memset(s, 0, sizeof(*s));
	s->spec = *spec;
	s->spec.name[RTE_SERVICE_NAME_MAX - 1] = '\0';
	s->mapped_check = 1;
	rte_spinlock_init(&s->execute_lock);
	__atomic_store_n(&s->registered, 1, __ATOMIC_RELEASE);
	service_count++;
	pthread_mutex_unlock(&svc_lock);
	if (service_id != NULL)
		*service_id = i;
	return 0;
}

/* Is some lcore other than the caller inside service id's function? */
static int
service_active_elsewhere(uint32_t id)
{
	unsigned int self = rte_lcore_id(), l;

	for (l = 0; l < RTE_MAX_LCORE; l++)
		if (l != self && __atomic_load_n(&lcore_states[l].active[id], __ATOMIC_SEQ_CST))
			return 1;
	return 0;
}

int32_t
rte_service_component_unregister(uint32_t id)
{
	uint64_t bit = UINT64_C(1) << (id % 64);
	struct service *s;
	unsigned int l;

	pthread_mutex_lock(&svc_lock);
	s = service_get(id);
	if (s == NULL) {
		pthread_mutex_unlock(&svc_lock);
		EAL_LOG(ERR, "service unregister: no service with id %u\n", id);
		return -EINVAL;
	}
	s->dying = 1;
	__atomic_store_n(&s->registered, 0, __ATOMIC_SEQ_CST);
	for (l = 0; l < RTE_MAX_LCORE; l++)
		__atomic_fetch_and(&lcore_states[l].service_mask, ~bit, __ATOMIC_SEQ_CST);
	service_count--;
	pthread_mutex_unlock(&svc_lock);
	/*
	 * Runners see the service gone at their next look; wait for those inside it (without the
	 * lock, which a service function may want). The slot stays taken until then.
	 */
	while (service_active_elsewhere(id))
		rte_pause();
	pthread_mutex_lock(&svc_lock);
	memset(s, 0, sizeof(*s));
	pthread_mutex_unlock(&svc_lock);
	return 0;
}

int32_t
rte_service_component_runstate_set(uint32_t id, uint32_t runstate)
{
	struct service *s = service_get(id);

	if (s == NULL)
		return -EINVAL;
	__atomic_store_n(&s->comp_runstate, runstate ? RUNSTATE_RUNNING : RUNSTATE_STOPPED,
		__ATOMIC_RELEASE);
	return 0;
}

int32_t
rte_service_runstate_set(uint32_t id, uint32_t runstate)
{
	struct service *s = service_get(id);

	if (s == NULL)
		return -EINVAL;
	__atomic_store_n(&s->app_runstate, runstate ? RUNSTATE_RUNNING : RUNSTATE_STOPPED,
		__ATOMIC_RELEASE);
	return 0;
}

int32_t
rte_service_runstate_get(uint32_t id)
{
	struct service *s = service_get(id);

	if (s == NULL)
		return -EINVAL;
	if (__atomic_load_n(&s->comp_runstate, __ATOMIC_ACQUIRE) != RUNSTATE_RUNNING ||
			__atomic_load_n(&s->app_runstate, __ATOMIC_ACQUIRE) != RUNSTATE_RUNNING)
		return 0;
	return !s->mapped_check || __atomic_load_n(&s->num_mapped_cores, __ATOMIC_RELAXED) > 0;
}

int32_t
rte_service_set_runstate_mapped_check(uint32_t id, int32_t enable)
{
	struct service *s = service_get(id);

	if (s == NULL)
		return -EINVAL;
	s->mapped_check = enable != 0;
	return 0;
}

int32_t
rte_service_set_stats_enable(uint32_t id, int32_t enable)
{
	struct service *s = service_get(id);

	if (s == NULL)
		return -EINVAL;
	__atomic_store_n(&s->stats_enabled, enable != 0, __ATOMIC_RELAXED);
	return 0;
}

int32_t
rte_service_may_be_active(uint32_t id)
{
	unsigned int l;

	if (service_get(id) == NULL)
		return -EINVAL;
	for (l = 0; l < RTE_MAX_LCORE; l++)
		if (lcore_states[l].is_service_core &&
				__atomic_load_n(&lcore_states[l].active[id], __ATOMIC_SEQ_CST))
			return 1;
	return 0;
}

static int
service_may_run(const struct service *s, uint32_t id, uint64_t mask)
{
	return __atomic_load_n(&s->registered, __ATOMIC_SEQ_CST) &&
		(mask & (UINT64_C(1) << id)) != 0 &&
		__atomic_load_n(&s->comp_runstate, __ATOMIC_ACQUIRE) == RUNSTATE_RUNNING &&
		__atomic_load_n(&s->app_runstate, __ATOMIC_ACQUIRE) == RUNSTATE_RUNNING;
}

static void
service_call(struct service *s, struct service_lcore *cs, uint32_t id)
{
	uint64_t start, cycles;

	if (!__atomic_load_n(&s->stats_enabled, __ATOMIC_RELAXED)) {
		s->spec.callback(s->spec.callback_userdata);
		return;
	}
	start = rte_rdtsc();
	s->spec.callback(s->spec.callback_userdata);
	cycles = rte_rdtsc() - start;
	__atomic_fetch_add(&s->calls, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&s->cycles, cycles, __ATOMIC_RELAXED);
	if (cs != NULL) {
		__atomic_fetch_add(&cs->calls_per_service[id], 1, __ATOMIC_RELAXED);
		__atomic_fetch_add(&cs->cycles, cycles, __ATOMIC_RELAXED);
	}
}

/*
 * One call of service id for lcore state cs (NULL for a thread without an lcore id), if the
 * service may run with mapping mask. Leaves the active flag raised for a service lcore, so that
 * rte_service_may_be_active sees it was running; keep_active 0 lowers it after the call.
 */
static int
service_run(uint32_t id, struct service_lcore *cs, uint64_t mask, int serialize,
		int keep_active)
{
	struct service *s = &services[id];
	int ret = 0;

	if (!service_may_run(s, id, mask)) {
		if (cs != NULL)
			__atomic_store_n(&cs->active[id], 0, __ATOMIC_SEQ_CST);
		return -ENOEXEC;
	}
	if (cs != NULL) {
		__atomic_store_n(&cs->active[id], 1, __ATOMIC_SEQ_CST);
		if (!service_may_run(s, id, mask)) {
			__atomic_store_n(&cs->active[id], 0, __ATOMIC_SEQ_CST);
			return -ENOEXEC;
		}
	}
	if (serialize && !(s->spec.capabilities & RTE_SERVICE_CAP_MT_SAFE)) {
		if (!rte_spinlock_trylock(&s->execute_lock))
			ret = -EBUSY;
		else {
			service_call(s, cs, id);
			rte_spinlock_unlock(&s->execute_lock);
		}
	} else {
		service_call(s, cs, id);
	}
	if (cs != NULL && !keep_active)
		__atomic_store_n(&cs->active[id], 0, __ATOMIC_SEQ_CST);
	return ret;
}

int32_t
rte_service_run_iter_on_app_lcore(uint32_t id, uint32_t serialize_multithread_unsafe)
{
	unsigned int lcore = rte_lcore_id();
	struct service_lcore *cs = lcore < RTE_MAX_LCORE ? &lcore_states[lcore] : NULL;
	struct service *s = service_get(id);
	int ret;

	if (s == NULL)
		return -EINVAL;
	/* While it runs here, the service counts as mapped (rte_service_runstate_get). */
	__atomic_fetch_add(&s->num_mapped_cores, 1, __ATOMIC_RELAXED);
	ret = service_run(id, cs, UINT64_MAX, serialize_multithread_unsafe != 0, 0);
	__atomic_fetch_sub(&s->num_mapped_cores, 1, __ATOMIC_RELAXED);
	return ret;
}

/* The loop a service lcore runs, launched by rte_service_lcore_start. */
static int
service_runner(void *arg)
{
	struct service_lcore *cs = &lcore_states[rte_lcore_id()];
	uint32_t i;

	RTE_SET_USED(arg);
	__atomic_store_n(&cs->thread_active, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&cs->runstate, __ATOMIC_ACQUIRE) == RUNSTATE_RUNNING) {
		uint64_t mask = __atomic_load_n(&cs->service_mask, __ATOMIC_ACQUIRE);

		for (i = 0; i < RTE_SERVICE_NUM_MAX; i++) {
			if (mask & (UINT64_C(1) << i))
				service_run(i, cs, mask, 1, 1);
			else if (cs->active[i])
				__atomic_store_n(&cs->active[i], 0, __ATOMIC_SEQ_CST);
		}
		__atomic_store_n(&cs->loops, cs->loops + 1, __ATOMIC_RELAXED);
	}
	/* Out of the loop: this lcore runs no service any more. */
	for (i = 0; i < RTE_SERVICE_NUM_MAX; i++)
		__atomic_store_n(&cs->active[i], 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&cs->thread_active, 0, __ATOMIC_SEQ_CST);
	return 0;
}

/* Map or unmap. Lock held. */
static int
service_map(uint32_t id, uint32_t lcore, int enable)
{
	struct service_lcore *cs = &lcore_states[lcore];
	uint64_t bit = UINT64_C(1) << id;
	int mapped = (cs->service_mask & bit) != 0;

	if (enable && !mapped) {
		__atomic_fetch_or(&cs->service_mask, bit, __ATOMIC_RELEASE);
		__atomic_fetch_add(&services[id].num_mapped_cores, 1, __ATOMIC_RELAXED);
	} else if (!enable && mapped) {
		__atomic_fetch_and(&cs->service_mask, ~bit, __ATOMIC_RELEASE);
		__atomic_fetch_sub(&services[id].num_mapped_cores, 1, __ATOMIC_RELAXED);
	}
	return 0;
}

int32_t
rte_service_map_lcore_set(uint32_t service_id, uint32_t lcore, uint32_t enable)
{
	int ret;

	pthread_mutex_lock(&svc_lock);
	if (service_get(service_id) == NULL || !service_valid_lcore(lcore))
		ret = -EINVAL;
	else
		ret = service_map(service_id, lcore, enable != 0);
	pthread_mutex_unlock(&svc_lock);
	return ret;
}

int32_t
rte_service_map_lcore_get(uint32_t service_id, uint32_t lcore)
{
	if (service_get(service_id) == NULL || !service_valid_lcore(lcore))
		return -EINVAL;
	return (__atomic_load_n(&lcore_states[lcore].service_mask, __ATOMIC_ACQUIRE) &
		(UINT64_C(1) << service_id)) != 0;
}

/* Give lcore the role of a service lcore or back that of a worker. Lock held. */
static void
service_lcore_set_role(uint32_t lcore, enum rte_lcore_role_t role)
{
	struct rte_config *config = rte_eal_get_configuration();

	config->lcore_role[lcore] = role;
	lcore_config[lcore].core_role = role;
	lcore_states[lcore].is_service_core = role == ROLE_SERVICE;
	if (role == ROLE_SERVICE)
		config->service_lcore_count++;
	else
		config->service_lcore_count--;
}

/* Unmap every service from lcore. Lock held. */
static void
service_lcore_unmap_all(uint32_t lcore)
{
	uint32_t i;

	for (i = 0; i < RTE_SERVICE_NUM_MAX; i++)
		if (lcore_states[lcore].service_mask & (UINT64_C(1) << i))
			service_map(i, lcore, 0);
}

/*
 * Wait until the runner launched on a stopped lcore has returned, so that the lcore is back in
 * WAIT. Not from the runner itself (a service function stopping its own lcore). Lock held: the
 * runner takes no lock, so it cannot be blocked by us.
 */
static void
service_lcore_reap(uint32_t lcore)
{
	struct service_lcore *cs = &lcore_states[lcore];

	if (!cs->launched || lcore == rte_lcore_id())
		return;
	rte_eal_wait_lcore(lcore);
	cs->launched = 0;
}

int32_t
rte_service_lcore_add(uint32_t lcore)
{
	struct service_lcore *cs;

	if (lcore >= RTE_MAX_LCORE) {
		EAL_LOG(ERR, "service lcore add: lcore %u out of range\n", lcore);
		return -EINVAL;
	}
	pthread_mutex_lock(&svc_lock);
	cs = &lcore_states[lcore];
	if (cs->is_service_core) {
		pthread_mutex_unlock(&svc_lock);
		return -EALREADY;
	}
	if (!rte_lcore_is_enabled(lcore) || lcore == rte_get_main_lcore() ||
			!lcore_config[lcore].thread_started) {
		pthread_mutex_unlock(&svc_lock);
		EAL_LOG(ERR, "service lcore add: lcore %u is not an EAL worker lcore\n", lcore);
		return -EINVAL;
	}
	service_lcore_unmap_all(lcore);
	__atomic_store_n(&cs->runstate, RUNSTATE_STOPPED, __ATOMIC_RELEASE);
	service_lcore_set_role(lcore, ROLE_SERVICE);
	pthread_mutex_unlock(&svc_lock);
	/* A function the application launched there earlier must be over before it serves. */
	rte_eal_wait_lcore(lcore);
	return 0;
}

int32_t
rte_service_lcore_del(uint32_t lcore)
{
	struct service_lcore *cs;

	pthread_mutex_lock(&svc_lock);
	if (!service_valid_lcore(lcore)) {
		pthread_mutex_unlock(&svc_lock);
		return -EINVAL;
	}
	cs = &lcore_states[lcore];
	if (__atomic_load_n(&cs->runstate, __ATOMIC_ACQUIRE) != RUNSTATE_STOPPED) {
		pthread_mutex_unlock(&svc_lock);
		EAL_LOG(ERR, "service lcore del: lcore %u is running; stop it first\n", lcore);
		return -EBUSY;
	}
	service_lcore_set_role(lcore, ROLE_RTE);
	/* Back to the application once the runner has returned. */
	service_lcore_reap(lcore);
	pthread_mutex_unlock(&svc_lock);
	return 0;
}

int32_t
rte_service_lcore_start(uint32_t lcore)
{
	struct service_lcore *cs;
	int ret;

	pthread_mutex_lock(&svc_lock);
	if (!service_valid_lcore(lcore)) {
		pthread_mutex_unlock(&svc_lock);
		return -EINVAL;
	}
	cs = &lcore_states[lcore];
	if (__atomic_load_n(&cs->runstate, __ATOMIC_ACQUIRE) == RUNSTATE_RUNNING) {
		pthread_mutex_unlock(&svc_lock);
		return -EALREADY;
	}
	/* A runner stopped a moment ago may still be leaving its loop: let it finish. */
	service_lcore_reap(lcore);
	if (rte_eal_get_lcore_state(lcore) != WAIT) {
		pthread_mutex_unlock(&svc_lock);
		EAL_LOG(ERR, "service lcore start: lcore %u still runs a launched function\n",
			lcore);
		return -EBUSY;
	}
	__atomic_store_n(&cs->runstate, RUNSTATE_RUNNING, __ATOMIC_RELEASE);
	ret = rte_eal_remote_launch(service_runner, NULL, lcore);
	if (ret < 0)
		__atomic_store_n(&cs->runstate, RUNSTATE_STOPPED, __ATOMIC_RELEASE);
	else
		cs->launched = 1;
	pthread_mutex_unlock(&svc_lock);
	return ret;
}

int32_t
rte_service_lcore_stop(uint32_t lcore)
{
	struct service_lcore *cs;
	uint32_t i;

	if (lcore >= RTE_MAX_LCORE)
		return -EINVAL;
	pthread_mutex_lock(&svc_lock);
	cs = &lcore_states[lcore];
	if (__atomic_load_n(&cs->runstate, __ATOMIC_ACQUIRE) == RUNSTATE_STOPPED) {
		pthread_mutex_unlock(&svc_lock);
		return -EALREADY;
	}
	/* Refuse to leave a running service without any lcore. */
	for (i = 0; i < RTE_SERVICE_NUM_MAX; i++) {
		if (!(cs->service_mask & (UINT64_C(1) << i)) || !services[i].registered)
			continue;
		if (rte_service_runstate_get(i) == 1 &&
				__atomic_load_n(&services[i].num_mapped_cores,
					__ATOMIC_RELAXED) == 1) {
			pthread_mutex_unlock(&svc_lock);
			EAL_LOG(ERR, "service lcore stop: lcore %u is the only one running "
				"service '%s'; stop the service first\n", lcore,
				services[i].spec.name);
			return -EBUSY;
		}
	}
	__atomic_store_n(&cs->runstate, RUNSTATE_STOPPED, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&svc_lock);
	return 0;
}

int32_t
rte_service_lcore_may_be_active(uint32_t lcore)
{
	if (!service_valid_lcore(lcore))
		return -EINVAL;
	return __atomic_load_n(&lcore_states[lcore].thread_active, __ATOMIC_ACQUIRE);
}

int32_t
rte_service_lcore_count(void)
{
	int32_t n = 0;
	unsigned int l;

	for (l = 0; l < RTE_MAX_LCORE; l++)
		n += lcore_states[l].is_service_core != 0;
	return n;
}

int32_t
rte_service_lcore_list(uint32_t array[], uint32_t n)
{
	uint32_t count = 0;
	unsigned int l;

	pthread_mutex_lock(&svc_lock);
	if ((uint32_t)rte_service_lcore_count() > n || array == NULL) {
		pthread_mutex_unlock(&svc_lock);
		return -ENOMEM;
	}
	for (l = 0; l < RTE_MAX_LCORE; l++)
		if (lcore_states[l].is_service_core)
			array[count++] = l;
	pthread_mutex_unlock(&svc_lock);
	return (int32_t)count;
}

int32_t
rte_service_lcore_count_services(uint32_t lcore)
{
	if (lcore >= RTE_MAX_LCORE)
		return -EINVAL;
	if (!lcore_states[lcore].is_service_core)
		return -ENOTSUP;
	return __builtin_popcountll(__atomic_load_n(&lcore_states[lcore].service_mask,
		__ATOMIC_ACQUIRE));
}

int32_t
rte_service_lcore_reset_all(void)
{
	unsigned int l;

	pthread_mutex_lock(&svc_lock);
	for (l = 0; l < RTE_MAX_LCORE; l++) {
		struct service_lcore *cs = &lcore_states[l];

		if (!cs->is_service_core)
			continue;
		service_lcore_unmap_all(l);
		__atomic_store_n(&cs->runstate, RUNSTATE_STOPPED, __ATOMIC_RELEASE);
		service_lcore_set_role(l, ROLE_RTE);
		service_lcore_reap(l);
	}
	pthread_mutex_unlock(&svc_lock);
	return 0;
}

int32_t
rte_service_attr_get(uint32_t id, uint32_t attr_id, uint64_t *attr_value)
{
	struct service *s = service_get(id);

	if (s == NULL || attr_value == NULL)
		return -EINVAL;
	switch (attr_id) {
	case RTE_SERVICE_ATTR_CYCLES:
		*attr_value = __atomic_load_n(&s->cycles, __ATOMIC_RELAXED);
		return 0;
	case RTE_SERVICE_ATTR_CALL_COUNT:
		*attr_value = __atomic_load_n(&s->calls, __ATOMIC_RELAXED);
		return 0;
	default:
		return -EINVAL;
	}
}

int32_t
rte_service_attr_reset_all(uint32_t id)
{
	struct service *s = service_get(id);

	if (s == NULL)
		return -EINVAL;
	__atomic_store_n(&s->calls, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&s->cycles, 0, __ATOMIC_RELAXED);
	return 0;
}

int32_t
rte_service_lcore_attr_get(uint32_t lcore, uint32_t attr_id, uint64_t *attr_value)
{
	struct service_lcore *cs;

	if (lcore >= RTE_MAX_LCORE || attr_value == NULL)
		return -EINVAL;
	cs = &lcore_states[lcore];
	if (!cs->is_service_core)
		return -ENOTSUP;
	switch (attr_id) {
	case RTE_SERVICE_LCORE_ATTR_LOOPS:
		*attr_value = __atomic_load_n(&cs->loops, __ATOMIC_RELAXED);
		return 0;
	case RTE_SERVICE_LCORE_ATTR_CYCLES:
		*attr_value = __atomic_load_n(&cs->cycles, __ATOMIC_RELAXED);
		return 0;
	default:
		return -EINVAL;
	}
}

int32_t
rte_service_lcore_attr_reset_all(uint32_t lcore)
{
	struct service_lcore *cs;
	uint32_t i;

	if (lcore >= RTE_MAX_LCORE)
		return -EINVAL;
	cs = &lcore_states[lcore];
	if (!cs->is_service_core)
		return -ENOTSUP;
	__atomic_store_n(&cs->loops, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&cs->cycles, 0, __ATOMIC_RELAXED);
	for (i = 0; i < RTE_SERVICE_NUM_MAX; i++)
		__atomic_store_n(&cs->calls_per_service[i], 0, __ATOMIC_RELAXED);
	return 0;
}

static void
service_dump_one(FILE *f, uint32_t id)
{
	const struct service *s = &services[id];
	uint64_t calls = __atomic_load_n(&s->calls, __ATOMIC_RELAXED);
	uint64_t cycles = __atomic_load_n(&s->cycles, __ATOMIC_RELAXED);

	fprintf(f, "  %s (id %u): runstate %d, stats %d, lcores %u, calls %" PRIu64
		", cycles %" PRIu64 ", cycles/call %" PRIu64 "\n", s->spec.name, id,
		rte_service_runstate_get(id), s->stats_enabled,
		__atomic_load_n(&s->num_mapped_cores, __ATOMIC_RELAXED), calls, cycles,
		calls == 0 ? 0 : cycles / calls);
}

int32_t
rte_service_dump(FILE *f, uint32_t id)
{
	unsigned int l;
	uint32_t i;

	if (f == NULL)
		return -EINVAL;
	if (id != UINT32_MAX) {
		if (service_get(id) == NULL)
			return -EINVAL;
		service_dump_one(f, id);
		return 0;
	}
	fprintf(f, "Services (%u):\n", rte_service_get_count());
	for (i = 0; i < RTE_SERVICE_NUM_MAX; i++)
		if (service_get(i) != NULL)
			service_dump_one(f, i);
	fprintf(f, "Service lcores (%d):\n", rte_service_lcore_count());
	for (l = 0; l < RTE_MAX_LCORE; l++) {
		const struct service_lcore *cs = &lcore_states[l];

		if (!cs->is_service_core)
			continue;
		fprintf(f, "  lcore %u: %s, loops %" PRIu64 ", cycles %" PRIu64 ", calls:", l,
			cs->runstate == RUNSTATE_RUNNING ? "running" : "stopped",
			__atomic_load_n(&cs->loops, __ATOMIC_RELAXED),
			__atomic_load_n(&cs->cycles, __ATOMIC_RELAXED));
		for (i = 0; i < RTE_SERVICE_NUM_MAX; i++)
			if (cs->service_mask & (UINT64_C(1) << i))
				fprintf(f, " %s=%" PRIu64, services[i].spec.name,
					__atomic_load_n(&cs->calls_per_service[i],
						__ATOMIC_RELAXED));
		fprintf(f, "\n");
	}
	return 0;
}

int32_t
rte_service_start_with_defaults(void)
{
	uint32_t lcores[RTE_MAX_LCORE], i, next = 0;
	int32_t n = rte_service_lcore_list(lcores, RTE_MAX_LCORE);

	if (n <= 0)
		return -ENOTSUP;
	for (i = 0; i < (uint32_t)n; i++)
		rte_service_lcore_start(lcores[i]);
	for (i = 0; i < RTE_SERVICE_NUM_MAX; i++) {
		if (service_get(i) == NULL)
			continue;
		if (rte_service_map_lcore_set(i, lcores[next], 1) != 0)
			return -ENODEV;
		next = (next + 1) % (uint32_t)n;
		if (rte_service_runstate_set(i, 1) != 0)
			return -ENOEXEC;
	}
	return 0;
}

int32_t
rte_service_init(void)
{
	unsigned int l;
	int ret;

	if (service_initialized)
		return -EALREADY;
	for (l = 0; l < RTE_MAX_LCORE; l++) {
		if (!eal_service_lcore_requested(l))
			continue;
		ret = rte_service_lcore_add(l);
		if (ret < 0) {
			EAL_LOG(ERR, "cannot make lcore %u a service lcore: %s\n", l,
				strerror(-ret));
			rte_service_finalize();
			return ret;
		}
	}
	service_initialized = 1;
	return 0;
}

void
rte_service_finalize(void)
{
	rte_service_lcore_reset_all();
	pthread_mutex_lock(&svc_lock);
	memset(services, 0, sizeof(services));
	memset(lcore_states, 0, sizeof(lcore_states));
	service_count = 0;
	service_initialized = 0;
	pthread_mutex_unlock(&svc_lock);
}
