/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Service cores: registration and look-up, the two run switches and the mapping check, running
 * on an application lcore (serialised or not), service lcores (add, map, start, stop, del,
 * reset), statistics and dump, unregister while a service lcore runs the service, and the EAL
 * options -s/-S with their errors. Lcores are mapped onto the CPUs this process may use, so
 * the tests need no more than one CPU.
 */
#include "test_common.h"

#include <errno.h>
#include <unistd.h>
#include <sched.h>
#include <time.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_service.h>
#include <rte_service_component.h>

#define PREFIX "--file-prefix=test_eal_service"

static char lcores_arg[64];

struct svc {
	int calls;
	int block;              /* spin inside the function while set */
	int inside;
	int max_inside;
};

static int32_t
svc_fn(void *arg)
{
	struct svc *s = arg;
	int now = __atomic_add_fetch(&s->inside, 1, __ATOMIC_SEQ_CST);

	if (now > __atomic_load_n(&s->max_inside, __ATOMIC_RELAXED))
		__atomic_store_n(&s->max_inside, now, __ATOMIC_RELAXED);
	while (__atomic_load_n(&s->block, __ATOMIC_ACQUIRE))
		usleep(100);
	__atomic_fetch_add(&s->calls, 1, __ATOMIC_RELEASE);
	__atomic_sub_fetch(&s->inside, 1, __ATOMIC_SEQ_CST);
	return 0;
}

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static int
wait_for(int *v, int want)
{
	uint64_t end = now_ms() + 3000;

	while (__atomic_load_n(v, __ATOMIC_ACQUIRE) < want) {
		if (now_ms() > end)
			return -1;
		usleep(200);
	}
	return 0;
}

/* lcores 0-3 on every CPU we may use: "(0-3)@(a,b,...)". */
static void
build_lcores_arg(void)
{
	cpu_set_t set;
	size_t len;
	int cpu, first = 1;

	if (sched_getaffinity(0, sizeof(set), &set) != 0) {
		CPU_ZERO(&set);
		CPU_SET(0, &set);
	}
	len = (size_t)snprintf(lcores_arg, sizeof(lcores_arg), "(0-3)@(");
	for (cpu = 0; cpu < CPU_SETSIZE && len < sizeof(lcores_arg) - 8; cpu++) {
		if (!CPU_ISSET(cpu, &set))
			continue;
		len += (size_t)snprintf(lcores_arg + len, sizeof(lcores_arg) - len, "%s%d",
			first ? "" : ",", cpu);
		first = 0;
	}
	snprintf(lcores_arg + len, sizeof(lcores_arg) - len, ")");
}

/* rte_eal_init with "--lcores (0-3)@..." plus up to two more arguments. */
static int
eal_start(const char *extra1, const char *extra2)
{
	const char *args[] = { "prog", PREFIX, "--no-huge", "--lcores", lcores_arg, extra1, extra2,
		NULL };
	struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv);
}

static uint32_t
reg(const char *name, struct svc *s, uint32_t caps)
{
	struct rte_service_spec spec;
	uint32_t id = UINT32_MAX;

	memset(&spec, 0, sizeof(spec));
	snprintf(spec.name, sizeof(spec.name), "%s", name);
	spec.callback = svc_fn;
	spec.callback_userdata = s;
	spec.capabilities = caps;
	assert_int_equal(rte_service_component_register(&spec, &id), 0);
	assert_true(id < 64);
	return id;
}

static void
test_register_lookup(void **state)
{
	struct rte_service_spec spec;
	struct svc s = { 0 };
	uint32_t id, found, ids[64];
	int i;

	(void)state;
	assert_true(eal_start(NULL, NULL) >= 0);
	memset(&spec, 0, sizeof(spec));
	assert_int_equal(rte_service_component_register(NULL, &id), -EINVAL);
	spec.callback = svc_fn;
	assert_int_equal(rte_service_component_register(&spec, &id), -EINVAL); /* empty name */
	snprintf(spec.name, sizeof(spec.name), "svc");
	spec.callback = NULL;
	assert_int_equal(rte_service_component_register(&spec, &id), -EINVAL);
	assert_int_equal(rte_service_get_count(), 0);

	id = reg("alpha", &s, RTE_SERVICE_CAP_MT_SAFE);
	assert_int_equal(rte_service_get_count(), 1);
	assert_string_equal(rte_service_get_name(id), "alpha");
	assert_null(rte_service_get_name(id + 1));
	assert_null(rte_service_get_name(UINT32_MAX));
	assert_int_equal(rte_service_get_by_name("alpha", &found), 0);
	assert_int_equal(found, id);
	assert_int_equal(rte_service_get_by_name("beta", &found), -ENODEV);
	assert_int_equal(rte_service_get_by_name("alpha", NULL), -EINVAL);
	assert_int_equal(rte_service_probe_capability(id, RTE_SERVICE_CAP_MT_SAFE), 1);
	assert_int_equal(rte_service_probe_capability(id, 1 << 5), 0);
	assert_int_equal(rte_service_probe_capability(id + 1, RTE_SERVICE_CAP_MT_SAFE), -EINVAL);

	/* Fill every slot: the next registration gets -ENOSPC. */
	snprintf(spec.name, sizeof(spec.name), "filler");
	spec.callback = svc_fn;
	for (i = 1; i < 64; i++)
		assert_int_equal(rte_service_component_register(&spec, &ids[i]), 0);
	assert_int_equal(rte_service_get_count(), 64);
	assert_int_equal(rte_service_component_register(&spec, NULL), -ENOSPC);
	for (i = 1; i < 64; i++)
		assert_int_equal(rte_service_component_unregister(ids[i]), 0);
	assert_int_equal(rte_service_component_unregister(ids[1]), -EINVAL);
	assert_int_equal(rte_service_component_unregister(64), -EINVAL);
	assert_int_equal(rte_service_get_count(), 1);
	/* A freed slot is reused; a NULL id pointer is allowed. */
	assert_int_equal(rte_service_component_register(&spec, NULL), 0);
	assert_int_equal(rte_service_get_count(), 2);
	assert_int_equal(rte_eal_cleanup(), 0);
	/* rte_eal_cleanup forgets every service. */
	assert_int_equal(rte_service_get_count(), 0);
}

static void
test_runstate_and_app_lcore(void **state)
{
	struct svc s = { 0 };
	uint32_t id;

	(void)state;
	assert_true(eal_start(NULL, NULL) >= 0);
	id = reg("app", &s, 0);
	/* Both switches start off. */
	assert_int_equal(rte_service_runstate_get(id), 0);
	assert_int_equal(rte_service_run_iter_on_app_lcore(id, 1), -ENOEXEC);
	assert_int_equal(rte_service_component_runstate_set(id, 1), 0);
	assert_int_equal(rte_service_run_iter_on_app_lcore(id, 1), -ENOEXEC);
	assert_int_equal(rte_service_runstate_set(id, 1), 0);
	/* On, but no lcore mapped: not running until the check is disabled. */
	assert_int_equal(rte_service_runstate_get(id), 0);
	assert_int_equal(rte_service_set_runstate_mapped_check(id, 0), 0);
	assert_int_equal(rte_service_runstate_get(id), 1);
	assert_int_equal(rte_service_set_runstate_mapped_check(id, 1), 0);
	/* The application lcore runs it regardless of mapping. */
	assert_int_equal(rte_service_run_iter_on_app_lcore(id, 1), 0);
	assert_int_equal(rte_service_run_iter_on_app_lcore(id, 0), 0);
	assert_int_equal(s.calls, 2);
	assert_int_equal(rte_service_may_be_active(id), 0);
	assert_int_equal(rte_service_component_runstate_set(id, 0), 0);
	assert_int_equal(rte_service_run_iter_on_app_lcore(id, 1), -ENOEXEC);
	assert_int_equal(s.calls, 2);

	/* Unknown ids. */
	assert_int_equal(rte_service_runstate_set(id + 1, 1), -EINVAL);
	assert_int_equal(rte_service_runstate_get(id + 1), -EINVAL);
	assert_int_equal(rte_service_component_runstate_set(id + 1, 1), -EINVAL);
	assert_int_equal(rte_service_set_runstate_mapped_check(id + 1, 0), -EINVAL);
	assert_int_equal(rte_service_run_iter_on_app_lcore(id + 1, 1), -EINVAL);
	assert_int_equal(rte_service_may_be_active(id + 1), -EINVAL);
	assert_int_equal(rte_service_set_stats_enable(id + 1, 1), -EINVAL);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static int
worker_run_iter(void *arg)
{
	return rte_service_run_iter_on_app_lcore(*(uint32_t *)arg, 1);
}

/* A non-MT-safe service is refused (-EBUSY) while another lcore is inside it; MT-safe is not. */
static void
test_app_lcore_serialisation(void **state)
{
	struct svc s = { 0 }, m = { 0 };
	uint32_t id, mid, worker;

	(void)state;
	assert_true(eal_start(NULL, NULL) >= 0);
	worker = rte_get_next_lcore(-1, 1, 0);
	id = reg("unsafe", &s, 0);
	mid = reg("safe", &m, RTE_SERVICE_CAP_MT_SAFE);
	assert_int_equal(rte_service_component_runstate_set(id, 1), 0);
	assert_int_equal(rte_service_runstate_set(id, 1), 0);
	assert_int_equal(rte_service_component_runstate_set(mid, 1), 0);
	assert_int_equal(rte_service_runstate_set(mid, 1), 0);

	s.block = 1;
	assert_int_equal(rte_eal_remote_launch(worker_run_iter, &id, worker), 0);
	assert_int_equal(wait_for(&s.inside, 1), 0);
	assert_int_equal(rte_service_run_iter_on_app_lcore(id, 1), -EBUSY);
	__atomic_store_n(&s.block, 0, __ATOMIC_RELEASE);
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	assert_int_equal(s.calls, 1);

	m.block = 1;
	assert_int_equal(rte_eal_remote_launch(worker_run_iter, &mid, worker), 0);
	assert_int_equal(wait_for(&m.inside, 1), 0);
	m.block = 0;
	assert_int_equal(rte_service_run_iter_on_app_lcore(mid, 1), 0);
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	assert_int_equal(m.calls, 2);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static int
count_workers(void)
{
	unsigned int l;
	int n = 0;

	RTE_LCORE_FOREACH_WORKER(l)
		n++;
	return n;
}

static void
test_service_lcores(void **state)
{
	struct svc s = { 0 };
	uint32_t id, l1, l2, list[RTE_MAX_LCORE];
	unsigned int lcount;
	uint64_t v;

	(void)state;
	assert_true(eal_start(NULL, NULL) >= 0);
	lcount = rte_lcore_count();
	assert_int_equal(lcount, 4);
	l1 = rte_get_next_lcore(-1, 1, 0);
	l2 = rte_get_next_lcore(l1, 1, 0);
	id = reg("looped", &s, 0);

	/* Bad lcores. */
	assert_int_equal(rte_service_lcore_add(RTE_MAX_LCORE), -EINVAL);
	assert_int_equal(rte_service_lcore_add(rte_get_main_lcore()), -EINVAL);
	assert_int_equal(rte_service_lcore_add(100), -EINVAL);  /* not enabled */
	assert_int_equal(rte_service_lcore_del(l1), -EINVAL);
	assert_int_equal(rte_service_lcore_start(l1), -EINVAL);
	assert_int_equal(rte_service_lcore_stop(l1), -EALREADY);
	assert_int_equal(rte_service_lcore_stop(RTE_MAX_LCORE), -EINVAL);
	assert_int_equal(rte_service_map_lcore_set(id, l1, 1), -EINVAL);
	assert_int_equal(rte_service_map_lcore_get(id, l1), -EINVAL);
	assert_int_equal(rte_service_lcore_count_services(l1), -ENOTSUP);
	assert_int_equal(rte_service_lcore_count_services(RTE_MAX_LCORE), -EINVAL);
	assert_int_equal(rte_service_lcore_may_be_active(l1), -EINVAL);

	/* Add: a service lcore, counted by rte_lcore_count but not a worker any more. */
	assert_int_equal(rte_service_lcore_add(l1), 0);
	assert_int_equal(rte_service_lcore_add(l1), -EALREADY);
	assert_int_equal(rte_eal_lcore_role(l1), ROLE_SERVICE);
	assert_int_equal(rte_lcore_is_enabled(l1), 0);
	assert_int_equal(rte_lcore_count(), lcount);
	assert_int_equal(count_workers(), 2);
	assert_int_equal(rte_service_lcore_count(), 1);
	assert_int_equal(rte_service_lcore_list(list, 0), -ENOMEM);
	assert_int_equal(rte_service_lcore_list(list, RTE_MAX_LCORE), 1);
	assert_int_equal(list[0], l1);
	assert_int_equal(rte_service_lcore_count_services(l1), 0);

	/* Map and start: the service is called in a loop. */
	assert_int_equal(rte_service_map_lcore_set(id, l1, 1), 0);
	assert_int_equal(rte_service_map_lcore_get(id, l1), 1);
	assert_int_equal(rte_service_map_lcore_set(id + 1, l1, 1), -EINVAL);
	assert_int_equal(rte_service_lcore_count_services(l1), 1);
	assert_int_equal(rte_service_component_runstate_set(id, 1), 0);
	assert_int_equal(rte_service_runstate_set(id, 1), 0);
	assert_int_equal(rte_service_runstate_get(id), 1);
	assert_int_equal(rte_service_set_stats_enable(id, 1), 0);
	assert_int_equal(rte_service_lcore_start(l1), 0);
	assert_int_equal(rte_service_lcore_start(l1), -EALREADY);
	assert_int_equal(wait_for(&s.calls, 50), 0);
	assert_int_equal(rte_service_lcore_may_be_active(l1), 1);
	assert_int_equal(rte_service_lcore_attr_get(l1, RTE_SERVICE_LCORE_ATTR_LOOPS, &v), 0);
	assert_true(v > 0);
	assert_int_equal(rte_service_attr_get(id, RTE_SERVICE_ATTR_CALL_COUNT, &v), 0);
	assert_true(v > 0);
	/* An lcore in service duty cannot take launched functions from the workers' loop. */
	assert_int_equal(rte_eal_remote_launch(worker_run_iter, &id, l1), -EBUSY);

	/* The only lcore of a running service cannot stop; nor can a running lcore be removed. */
	assert_int_equal(rte_service_lcore_stop(l1), -EBUSY);
	assert_int_equal(rte_service_lcore_del(l1), -EBUSY);
	/* With a second lcore mapped it can. */
	assert_int_equal(rte_service_lcore_add(l2), 0);
	assert_int_equal(rte_service_map_lcore_set(id, l2, 1), 0);
	assert_int_equal(rte_service_lcore_stop(l1), 0);
	assert_int_equal(rte_service_lcore_stop(l1), -EALREADY);
	/* Stopped: it leaves the loop and no longer runs the service. */
	while (rte_service_lcore_may_be_active(l1) == 1)
		usleep(100);
	assert_int_equal(rte_service_may_be_active(id), 0);
	assert_int_equal(rte_eal_wait_lcore(l1), 0);
	/* Restart and stop again. */
	assert_int_equal(rte_service_lcore_start(l1), 0);
	assert_int_equal(rte_service_may_be_active(id) >= 0, 1);
	assert_int_equal(rte_service_runstate_set(id, 0), 0);
	assert_int_equal(rte_service_lcore_stop(l1), 0);
	assert_int_equal(rte_service_lcore_del(l1), 0);
	assert_int_equal(rte_eal_lcore_role(l1), ROLE_RTE);
	/* Back as a worker: the runner has left, functions can be launched on it. */
	assert_int_equal(rte_eal_remote_launch(worker_run_iter, &id, l1), 0);
	assert_int_equal(rte_eal_wait_lcore(l1), -ENOEXEC);
	assert_int_equal(rte_service_lcore_count(), 1);

	/* Reset: every service lcore stopped, unmapped and given back. */
	assert_int_equal(rte_service_lcore_reset_all(), 0);
	assert_int_equal(rte_service_lcore_count(), 0);
	assert_int_equal(rte_eal_lcore_role(l2), ROLE_RTE);
	assert_int_equal(count_workers(), 3);
	assert_int_equal(rte_eal_get_lcore_state(l2), WAIT);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_stats_and_dump(void **state)
{
	struct svc s = { 0 };
	uint32_t id, l1;
	uint64_t v;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_true(eal_start(NULL, NULL) >= 0);
	l1 = rte_get_next_lcore(-1, 1, 0);
	id = reg("counted", &s, 0);
	assert_int_equal(rte_service_component_runstate_set(id, 1), 0);
	assert_int_equal(rte_service_runstate_set(id, 1), 0);
	/* Not counted until enabled. */
	assert_int_equal(rte_service_run_iter_on_app_lcore(id, 1), 0);
	assert_int_equal(rte_service_attr_get(id, RTE_SERVICE_ATTR_CALL_COUNT, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(rte_service_set_stats_enable(id, 1), 0);
	assert_int_equal(rte_service_run_iter_on_app_lcore(id, 1), 0);
	assert_int_equal(rte_service_run_iter_on_app_lcore(id, 1), 0);
	assert_int_equal(rte_service_attr_get(id, RTE_SERVICE_ATTR_CALL_COUNT, &v), 0);
	assert_int_equal(v, 2);
	assert_int_equal(rte_service_attr_get(id, RTE_SERVICE_ATTR_CYCLES, &v), 0);
	assert_true(v > 0);
	assert_int_equal(rte_service_attr_get(id, 7, &v), -EINVAL);
	assert_int_equal(rte_service_attr_get(id, RTE_SERVICE_ATTR_CYCLES, NULL), -EINVAL);
	assert_int_equal(rte_service_attr_get(id + 1, RTE_SERVICE_ATTR_CYCLES, &v), -EINVAL);
	assert_int_equal(rte_service_attr_reset_all(id), 0);
	assert_int_equal(rte_service_attr_get(id, RTE_SERVICE_ATTR_CALL_COUNT, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(rte_service_attr_reset_all(id + 1), -EINVAL);

	/* Lcore attributes. */
	assert_int_equal(rte_service_lcore_attr_get(l1, RTE_SERVICE_LCORE_ATTR_LOOPS, &v),
		-ENOTSUP);
	assert_int_equal(rte_service_lcore_attr_reset_all(l1), -ENOTSUP);
	assert_int_equal(rte_service_lcore_attr_reset_all(RTE_MAX_LCORE), -EINVAL);
	assert_int_equal(rte_service_lcore_add(l1), 0);
	assert_int_equal(rte_service_map_lcore_set(id, l1, 1), 0);
	assert_int_equal(rte_service_lcore_start(l1), 0);
	assert_int_equal(wait_for(&s.calls, 20), 0);
	assert_int_equal(rte_service_runstate_set(id, 0), 0);
	assert_int_equal(rte_service_lcore_stop(l1), 0);
	assert_int_equal(rte_eal_wait_lcore(l1), 0);
	assert_int_equal(rte_service_lcore_attr_get(l1, RTE_SERVICE_LCORE_ATTR_CYCLES, &v), 0);
	assert_true(v > 0);
	assert_int_equal(rte_service_lcore_attr_get(l1, 9, &v), -EINVAL);
	assert_int_equal(rte_service_lcore_attr_get(l1, RTE_SERVICE_LCORE_ATTR_LOOPS, NULL),
		-EINVAL);
	assert_int_equal(rte_service_lcore_attr_reset_all(l1), 0);
	assert_int_equal(rte_service_lcore_attr_get(l1, RTE_SERVICE_LCORE_ATTR_LOOPS, &v), 0);
	assert_int_equal(v, 0);

	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(rte_service_dump(f, UINT32_MAX), 0);
	assert_int_equal(rte_service_dump(f, id), 0);
	assert_int_equal(rte_service_dump(f, id + 1), -EINVAL);
	fclose(f);
	assert_non_null(strstr(buf, "counted"));
	assert_non_null(strstr(buf, "lcore"));
	free(buf);
	assert_int_equal(rte_eal_cleanup(), 0);
}

/* Unregister waits for the service lcore to leave the function, then the id is gone. */
static void
test_unregister_while_running(void **state)
{
	struct svc s = { 0 };
	uint32_t id, l1;

	(void)state;
	assert_true(eal_start(NULL, NULL) >= 0);
	l1 = rte_get_next_lcore(-1, 1, 0);
	id = reg("busy", &s, 0);
	assert_int_equal(rte_service_component_runstate_set(id, 1), 0);
	assert_int_equal(rte_service_runstate_set(id, 1), 0);
	assert_int_equal(rte_service_lcore_add(l1), 0);
	assert_int_equal(rte_service_map_lcore_set(id, l1, 1), 0);
	s.block = 1;
	assert_int_equal(rte_service_lcore_start(l1), 0);
	assert_int_equal(wait_for(&s.inside, 1), 0);
	assert_int_equal(rte_service_may_be_active(id), 1);
	s.block = 0;
	assert_int_equal(rte_service_component_unregister(id), 0);
	assert_int_equal(__atomic_load_n(&s.inside, __ATOMIC_ACQUIRE), 0);
	assert_int_equal(rte_service_map_lcore_get(id, l1), -EINVAL);
	assert_int_equal(rte_service_lcore_count_services(l1), 0);
	assert_int_equal(rte_service_get_count(), 0);
	/* Nothing calls it any more. */
	{
		int calls = s.calls;

		usleep(20000);
		assert_int_equal(s.calls, calls);
	}
	assert_int_equal(rte_eal_cleanup(), 0);
}

/* -S/-s: the lcores become service lcores and the services registered are started. */
static void
test_service_options(void **state)
{
	struct svc s = { 0 };
	struct rte_service_spec spec;
	uint32_t id, l;

	(void)state;
	memset(&spec, 0, sizeof(spec));
	snprintf(spec.name, sizeof(spec.name), "early");
	spec.callback = svc_fn;
	spec.callback_userdata = &s;
	/* Registered before rte_eal_init, as a driver probed at init would. */
	assert_int_equal(rte_service_component_register(&spec, &id), 0);
	assert_int_equal(rte_service_component_runstate_set(id, 1), 0);
	assert_true(eal_start("-S", "2-3") >= 0);
	assert_int_equal(rte_service_lcore_count(), 2);
	assert_int_equal(rte_eal_lcore_role(2), ROLE_SERVICE);
	assert_int_equal(rte_eal_lcore_role(3), ROLE_SERVICE);
	assert_int_equal(rte_lcore_count(), 4);
	assert_int_equal(rte_service_runstate_get(id), 1);
	assert_int_equal(wait_for(&s.calls, 10), 0);
	/* rte_eal_cleanup stops the service lcores by itself. */
	assert_int_equal(rte_eal_cleanup(), 0);
	l = __atomic_load_n(&s.calls, __ATOMIC_ACQUIRE);
	usleep(20000);
	assert_int_equal(s.calls, l);

	assert_true(eal_start("-s", "0x2") >= 0);
	assert_int_equal(rte_service_lcore_count(), 1);
	assert_int_equal(rte_eal_lcore_role(1), ROLE_SERVICE);
	assert_int_equal(rte_get_main_lcore(), 0);
	assert_int_equal(rte_eal_cleanup(), 0);

	/* The first lcore that is not a service lcore runs main(). */
	assert_true(eal_start("-s", "0x1") >= 0);
	assert_int_equal(rte_get_main_lcore(), 1);
	assert_int_equal(rte_eal_lcore_role(0), ROLE_SERVICE);
	assert_int_equal(rte_eal_cleanup(), 0);
}

static void
test_service_option_errors(void **state)
{
	static const char *const bad[][2] = {
		{ "-s", "0xf" },        /* every lcore */
		{ "-s", "0x10" },       /* lcore 4: not in the lcore list */
		{ "-s", "zz" },
		{ "-s", "0" },
		{ "-S", "1-x" },
		{ "-S", "5000" },
		{ "-S", "9" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad); i++) {
		rte_errno = 0;
		if (eal_start(bad[i][0], bad[i][1]) >= 0)
			fail_msg("%s %s accepted", bad[i][0], bad[i][1]);
		assert_int_equal(rte_errno, EINVAL);
		assert_int_equal(rte_service_lcore_count(), 0);
	}
	{
		const char *args[] = { "prog", PREFIX, "--no-huge", "--lcores", lcores_arg,
			"--main-lcore", "1", "-S", "1", NULL };
		const char *twice[] = { "prog", PREFIX, "--no-huge", "--lcores", lcores_arg,
			"-S", "1", "-s", "0x4", NULL };
		struct test_argv a;

		test_argv_build(&a, args);
		assert_int_equal(rte_eal_init(a.argc, a.argv), -1);
		assert_int_equal(rte_errno, EINVAL);
		test_argv_build(&a, twice);
		assert_int_equal(rte_eal_init(a.argc, a.argv), -1);
		assert_int_equal(rte_errno, EINVAL);
	}
	/* Good options still work afterwards. */
	assert_true(eal_start("-S", "3") >= 0);
	assert_int_equal(rte_service_lcore_count(), 1);
	assert_int_equal(rte_eal_cleanup(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register_lookup),
		cmocka_unit_test(test_runstate_and_app_lcore),
		cmocka_unit_test(test_app_lcore_serialisation),
		cmocka_unit_test(test_service_lcores),
		cmocka_unit_test(test_stats_and_dump),
		cmocka_unit_test(test_unregister_while_running),
		cmocka_unit_test(test_service_options),
		cmocka_unit_test(test_service_option_errors),
	};

	build_lcores_arg();
	return cmocka_run_group_tests_name("eal_service", tests, NULL, NULL);
}
