/* SPDX-License-Identifier: BSD-3-Clause */
/* Functions shared between the parts of EAL; not exported. */
#ifndef _EAL_PRIVATE_H_
#define _EAL_PRIVATE_H_

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_log.h>
#include <rte_lcore.h>

#include "eal_internal_cfg.h"

#define EAL_LOG(level, ...) RTE_LOG(level, EAL, __VA_ARGS__)

/* One mebibyte, for memory sizes given or reported in MB. */
#define EAL_MB (UINT64_C(1) << 20)

/* Logging (eal_common_log.c). */
int eal_log_level_parse_name(const char *name, uint32_t *level);
void eal_log_free(void);
/* Remember every level before --log-level changes them; eal_log_free puts them back. */
void eal_log_save_levels(void);

/* Options (eal_common_options.c). Returns the number of argv entries consumed, or -1. */
int eal_parse_args(int argc, char **argv);
void eal_options_free(void);
void eal_usage(const char *prgname);
/* Set by --vmware-tsc-map (eal_common_timer.c). */
extern int rte_cycles_vmware_tsc_map;
/* Parse an lcore list "0-3,5" into a mask; -1 on a malformed or out-of-range list. */
int eal_parse_corelist(const char *corelist, bool *cores, unsigned int max);
/* Was lcore named by -s or -S? */
int eal_service_lcore_requested(unsigned int lcore);

/* lcores and threads. */
int rte_eal_cpu_init(void);
int eal_lcores_start(void);
void eal_lcores_stop(void);
/* First worker lcore still running a launched function, or -1. */
int eal_lcores_running(void);
unsigned int eal_cpu_socket_id(unsigned int cpu_id);
/* NUMA node shared by every CPU of set, or (unsigned int)SOCKET_ID_ANY. */
unsigned int eal_cpuset_socket_id(const rte_cpuset_t *set);
int eal_cpu_detected(unsigned int cpu_id);
int eal_thread_set_affinity_self(const rte_cpuset_t *set);

/* Timer. */
int rte_eal_timer_init(void);

/* Memory (eal_memory.c, malloc_heap.c, eal_common_memzone.c). */
int rte_eal_memory_init(void);
void rte_eal_memory_cleanup(void);
/* Shared mcfg locks and tailq heads (after the memzones): 0, or -1 + rte_errno. */
int eal_mcfg_locks_init(void);
void eal_mcfg_locks_cleanup(void);
int eal_tailqs_init(void);
void eal_tailqs_cleanup(void);
/* Secondary: map the primary's memory lists at their addresses. 0, or -1 + rte_errno. */
int eal_memory_attach(void);
int rte_eal_malloc_heap_init(void);
void rte_eal_malloc_heap_cleanup(void);
int rte_eal_memzone_init(void);
void rte_eal_memzone_cleanup(void);
int eal_hugepage_info_init(void);

/* Runtime directory and lock (eal_runtime_dir.c). */
int eal_create_runtime_dir(void);
void eal_remove_runtime_dir(void);

/*
 * Multi-process IPC channel (eal_common_proc.c): socket and handler thread in the runtime
 * directory; nothing without shared files (--in-memory, --no-shconf).
 */
int eal_mp_channel_init(void);
void eal_mp_channel_cleanup(void);
/* Primary: whether a secondary process has ever attached (it may have exited since). */
bool eal_mp_had_secondary(void);

/* Interrupts (eal_interrupts.c). */
int rte_eal_intr_init(void);
void rte_eal_intr_cleanup(void);
/* Alarms (eal_alarm.c): drop pending alarms and the timer; interrupt thread stopped. */
void eal_alarm_cleanup(void);

/* Plugins: driver shared objects loaded with -d and from the pmds folder (eal_plugins.c). */
int eal_plugins_init(void);
void eal_plugins_free(void);
int eal_plugin_add(const char *path);



/*
 * Device options (--vdev, -a, -b) are only stored while parsing: the buses that understand them
 * register from constructors of other libraries, so they are turned into devargs later.
 */
enum eal_devopt_type {
	EAL_DEVOPT_ALLOW,
	EAL_DEVOPT_BLOCK,
	EAL_DEVOPT_VDEV,
};

struct eal_device_option {
	struct eal_device_option *next;
	enum eal_devopt_type type;
	char arg[];
};

/* First stored device option, in command-line order; NULL when there are none. */
const struct eal_device_option *eal_device_options(void);

/* Devices, devargs, buses (eal_common_dev.c, eal_common_devargs.c, eal_common_bus.c). */
struct rte_bus;
struct rte_devargs;
int eal_dev_init(void);
void eal_dev_cleanup(void);
void eal_dev_hotplug_lock(void);
void eal_dev_hotplug_unlock(void);
int eal_devargs_from_options(void);

/*
 * Hotplug across processes (eal_common_dev.c, messages in eal_dev_mp.c). "everywhere" runs in
 * the primary: here, then in every secondary, undone everywhere when one fails; a secondary
 * runs rte_dev_probe_local/rte_dev_remove_local at the primary's request. Detach names the
 * device "bus:name".
 */
enum eal_dev_mp_op { EAL_DEV_MP_ATTACH = 1, EAL_DEV_MP_DETACH = 2 };
int eal_dev_probe_everywhere(const char *devargs);
int eal_dev_remove_everywhere(const char *busdev);
int eal_dev_mp_init(void);
void eal_dev_mp_cleanup(void);
/* Secondary: have the primary do op everywhere; its result. */
int eal_dev_mp_forward(enum eal_dev_mp_op op, const char *arg);
/* Primary: op in every secondary; 0, or the first result other than 0 and ignore. */
int eal_dev_mp_sync(enum eal_dev_mp_op op, const char *arg, int ignore);
int eal_devargs_remove_ptr(struct rte_devargs *devargs);
int eal_devargs_is_listed(const struct rte_devargs *devargs);
struct rte_devargs *eal_devargs_find(const struct rte_bus *bus, const char *name);
void eal_devargs_clear(void);
void eal_bus_cleanup(void);
void eal_dev_event_cleanup(void);
void eal_dev_monitor_cleanup(void);
#endif /* _EAL_PRIVATE_H_ */
