/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_eal_init and rte_eal_cleanup: the order in which EAL's parts come up and go down.
 * Each step that acquires something has its undo in eal_undo_init(), called on failure and by
 * rte_eal_cleanup, so a failed init leaves nothing behind and can be retried.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_service_component.h>
#include <rte_version.h>
#include <rte_vfio.h>

#include "eal_private.h"
#include "eal_memalloc.h"
#include "eal_shared.h"
#include "eal_telemetry.h"
#include "eal_vfio.h"

static struct internal_config internal_config;
static struct rte_config rte_config;

/* 0 not initialised, 1 initialising, 2 running. Guards against concurrent or repeated init. */
static int eal_state;
/* Which start-up the shared state belongs to (0: none), and the last number given out. */
static uint64_t eal_generation;
static uint64_t eal_generation_last;

uint64_t
rte_eal_init_generation(void)
{
	return __atomic_load_n(&eal_generation, __ATOMIC_ACQUIRE);
}

struct internal_config *
eal_get_internal_configuration(void)
{
	return &internal_config;
}

struct rte_config *
rte_eal_get_configuration(void)
{
	return &rte_config;
}

void
eal_reset_internal_config(struct internal_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->force_nchannel = 0;
	cfg->process_type = RTE_PROC_PRIMARY;
	cfg->iova_mode = RTE_IOVA_DC;
	CPU_ZERO(&cfg->ctrl_cpuset);
}

enum rte_proc_type_t
rte_eal_process_type(void)
{
	return rte_config.process_type;
}

int
rte_eal_has_hugepages(void)
{
	return !internal_config.no_hugetlbfs;
}

int
rte_eal_has_pci(void)
{
	return !internal_config.no_pci;
}

int
rte_eal_create_uio_dev(void)
{
	return internal_config.create_uio_dev;
}

int
rte_eal_process_in_memory(void)
{
	return internal_config.in_memory;
}

enum rte_iova_mode
rte_eal_iova_mode(void)
{
	return rte_config.iova_mode;
}

const char *
rte_eal_mbuf_user_pool_ops(void)
{
	return internal_config.user_mbuf_pool_ops_name;
}

/* Steps completed by rte_eal_init, undone in reverse by eal_undo_init. */
enum {
	STEP_OPTIONS = 1 << 0,
	STEP_RUNTIME_DIR = 1 << 1,
	STEP_MEMORY = 1 << 2,
	STEP_HEAP = 1 << 3,
	STEP_MEMZONE = 1 << 4,
	STEP_INTR = 1 << 5,
	STEP_LCORES = 1 << 6,
	STEP_PLUGINS = 1 << 7,
	STEP_DEVICES = 1 << 8,
	STEP_SERVICES = 1 << 10,
	STEP_TELEMETRY = 1 << 9,
	STEP_VFIO = 1 << 11,
	STEP_MP = 1 << 12,
	STEP_TAILQS = 1 << 13,
};
static unsigned int eal_steps;

/* The main thread's CPU set before EAL pinned it, restored by cleanup so a re-init sees it. */
static rte_cpuset_t main_thread_affinity;
static int main_thread_pinned;

static void
eal_undo_init(void)
{
	if (eal_steps & STEP_TELEMETRY)
		eal_telemetry_stop();
	if (eal_steps & STEP_DEVICES)
		eal_dev_cleanup();
	/* after the devices, which release their groups, and before the memory it maps */
	if (eal_steps & STEP_VFIO)
		eal_vfio_cleanup();
	if (eal_steps & STEP_SERVICES)
		rte_service_finalize();
	if (eal_steps & STEP_LCORES)
		eal_lcores_stop();
	if (main_thread_pinned) {
		pthread_setaffinity_np(pthread_self(), sizeof(main_thread_affinity),
			&main_thread_affinity);
		main_thread_pinned = 0;
	}
	if (eal_steps & STEP_MP)
		eal_mp_channel_cleanup();
	if (eal_steps & STEP_INTR) {
		rte_eal_intr_cleanup();
		eal_alarm_cleanup();
	}
	__atomic_store_n(&eal_generation, 0, __ATOMIC_RELEASE);
	if (eal_steps & STEP_TAILQS) {
		eal_tailqs_cleanup();
		eal_mcfg_locks_cleanup();
	}
	if (eal_steps & STEP_MEMZONE)
		rte_eal_memzone_cleanup();
	if (eal_steps & STEP_HEAP)
		rte_eal_malloc_heap_cleanup();
	if (eal_steps & STEP_MEMORY)
		rte_eal_memory_cleanup();
	if (eal_steps & STEP_RUNTIME_DIR)
		eal_remove_runtime_dir();
	if (eal_steps & STEP_OPTIONS)
		eal_options_free();
	eal_steps = 0;
}

static int
eal_fail(int err)
{
	eal_undo_init();
	__atomic_store_n(&eal_state, 0, __ATOMIC_RELEASE);
	rte_errno = err;
	return -1;
}

int
rte_eal_init(int argc, char **argv)
{
	struct internal_config *cfg = &internal_config;
	int expected = 0;
	int fctret;

	if (!__atomic_compare_exchange_n(&eal_state, &expected, 1, 0,
			__ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		EAL_LOG(ERR, "rte_eal_init called more than once\n");
		rte_errno = EALREADY;
		return -1;
	}
	if (argc < 1 || argv == NULL || argv[0] == NULL) {
		EAL_LOG(ERR, "rte_eal_init needs argv[0]\n");
		return eal_fail(EINVAL);
	}

	eal_reset_internal_config(cfg);
	memset(&rte_config, 0, sizeof(rte_config));
	rte_config.process_type = RTE_PROC_PRIMARY;
	if (rte_eal_cpu_init() < 0) {
		EAL_LOG(ERR, "cannot detect lcores\n");
		return eal_fail(ENOTSUP);
	}

	eal_steps |= STEP_OPTIONS;
	/* Before parsing, which reorders argv. */
	if (eal_telemetry_save_args(argc, argv) < 0)
		return eal_fail(ENOMEM);
	eal_steps |= STEP_TELEMETRY;
	fctret = eal_parse_args(argc, argv);
	if (fctret < 0)
		return eal_fail(EINVAL);

	if (rte_eal_timer_init() < 0)
		return eal_fail(ENOTSUP);

	/* Provisional: rte_eal_memory_init picks PA when hugepages and frame numbers allow it. */
	rte_config.iova_mode = cfg->iova_mode != RTE_IOVA_DC ? cfg->iova_mode : RTE_IOVA_VA;

	if (eal_create_runtime_dir() < 0)
		return eal_fail(rte_errno != 0 ? rte_errno : EACCES);
	eal_steps |= STEP_RUNTIME_DIR;

	rte_config.process_type = cfg->process_type;
	if (cfg->process_type == RTE_PROC_SECONDARY) {
		eal_steps |= STEP_MEMORY;
		if (eal_shared_attach() < 0 || eal_memory_attach() < 0)
			return eal_fail(rte_errno != 0 ? rte_errno : ENOMEM);
	} else {
		eal_memalloc_va_restart();
		if (rte_eal_memory_init() < 0)
			return eal_fail(rte_errno != 0 ? rte_errno : ENOMEM);
		eal_steps |= STEP_MEMORY;
	}
	if (rte_eal_malloc_heap_init() < 0)
		return eal_fail(ENODEV);
	eal_steps |= STEP_HEAP;
	if (rte_eal_memzone_init() < 0)
		return eal_fail(ENODEV);
	eal_steps |= STEP_MEMZONE;
	eal_steps |= STEP_TAILQS;
	if (eal_mcfg_locks_init() < 0 || eal_tailqs_init() < 0)
		return eal_fail(ENOMEM);
	__atomic_store_n(&eal_generation, ++eal_generation_last, __ATOMIC_RELEASE);

	if (rte_eal_intr_init() < 0)
		return eal_fail(ENOTSUP);
	eal_steps |= STEP_INTR;

	/* Before the devices: their drivers may register IPC actions and talk to peers. */
	if (eal_mp_channel_init() < 0)
		return eal_fail(rte_errno != 0 ? rte_errno : EACCES);
	eal_steps |= STEP_MP;

	RTE_PER_LCORE(_lcore_id) = rte_config.main_lcore;
	if (pthread_getaffinity_np(pthread_self(), sizeof(main_thread_affinity),
			&main_thread_affinity) == 0)
		main_thread_pinned = 1;
	eal_thread_set_affinity_self(&lcore_config[rte_config.main_lcore].cpuset);
	if (eal_lcores_start() < 0)
		return eal_fail(EAGAIN);
	eal_steps |= STEP_LCORES;

	/* Worker lcores given by -s/-S become service lcores. */
	if (rte_service_init() < 0)
		return eal_fail(ENOEXEC);
	eal_steps |= STEP_SERVICES;

	if (eal_plugins_init() < 0)
		return eal_fail(ENOENT);
	eal_steps |= STEP_PLUGINS;

	/*
	 * A secondary process shares the primary's memory and attaches to its virtual devices
	 * (the buses ask the primary); it opens no VFIO container and starts no telemetry.
	 */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		/* fds of the primary's VFIO container and groups, if a device needs them */
		eal_steps |= STEP_VFIO | STEP_DEVICES;
		if (eal_dev_init() < 0)
			return eal_fail(ENODEV);
		cfg->init_complete = 1;
		__atomic_store_n(&eal_state, 2, __ATOMIC_RELEASE);
		return fctret;
	}

	/* The default container is open before the PCI bus maps vfio-pci devices into it. */
	eal_steps |= STEP_VFIO;
	if (rte_vfio_enable("vfio") < 0 || eal_vfio_mp_init() < 0) {
		EAL_LOG(ERR, "cannot initialise VFIO\n");
		return eal_fail(EAGAIN);
	}

	/* Buses and drivers are registered now: devices from -a/-b/--vdev, scan, probe. */
	eal_steps |= STEP_DEVICES;
	if (eal_dev_init() < 0)
		return eal_fail(ENODEV);

	if (eal_telemetry_start() < 0)
		return eal_fail(EACCES);

	/* With service lcores, the services registered so far are mapped and started. */
	if (rte_service_lcore_count() > 0 && rte_service_start_with_defaults() < 0)
		return eal_fail(ENOEXEC);

	cfg->init_complete = 1;
	/* Secondaries may join from now on. */
	eal_shared_ready();
	__atomic_store_n(&eal_state, 2, __ATOMIC_RELEASE);
	return fctret;
}

int
rte_eal_cleanup(void)
{
	int expected = 2, busy;

	if (!__atomic_compare_exchange_n(&eal_state, &expected, 1, 0,
			__ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		rte_errno = EALREADY;
		return -EALREADY;
	}
	/* Service lcores are stopped and waited for; they are then ordinary idle workers. */
	rte_service_finalize();
	/* Joining a worker that never returns would hang; its memory must not vanish under it. */
	busy = eal_lcores_running();
	if (busy >= 0) {
		EAL_LOG(ERR, "rte_eal_cleanup: lcore %d still runs a launched function; "
			"wait for it with rte_eal_wait_lcore() first\n", busy);
		__atomic_store_n(&eal_state, 2, __ATOMIC_RELEASE);
		rte_errno = EBUSY;
		return -EBUSY;
	}
	eal_undo_init();
	eal_log_free();
	RTE_PER_LCORE(_lcore_id) = LCORE_ID_ANY;
	internal_config.init_complete = 0;
	__atomic_store_n(&eal_state, 0, __ATOMIC_RELEASE);
	return 0;
}
