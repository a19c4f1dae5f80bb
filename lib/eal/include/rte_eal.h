/* SPDX-License-Identifier: BSD-3-Clause */
/* Environment Abstraction Layer: start-up, shut-down and process-wide settings. */
#ifndef _RTE_EAL_H_
#define _RTE_EAL_H_

#include <stdint.h>
#include <sched.h>
#include <time.h>

#include <rte_config.h>
#include <rte_compat.h>
#include <rte_per_lcore.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_MAGIC 19820526

enum rte_proc_type_t {
	RTE_PROC_AUTO = -1,
	RTE_PROC_PRIMARY = 0,
	RTE_PROC_SECONDARY,
	RTE_PROC_INVALID
};

/** Log a message, release EAL (rte_eal_cleanup) and exit the process with exit_code. */
__attribute__((__noreturn__)) void
rte_exit(int exit_code, const char *format, ...) __attribute__((format(printf, 2, 3)));

/** Only primary processes are supported: always RTE_PROC_PRIMARY once initialised. */
enum rte_proc_type_t rte_eal_process_type(void);

/**
 * Parse the EAL options at the start of argv and bring up logging, memory, lcores and devices.
 *
 * @return number of arguments consumed (the options before "--", and the "--" itself),
 *   or -1 with rte_errno set: EINVAL bad option, EALREADY called twice, ENOMEM no memory,
 *   EEXIST another primary uses the same --file-prefix, EACCES permission, ENOTSUP unsupported.
 */
int rte_eal_init(int argc, char **argv);

/** Release what rte_eal_init acquired. 0, or -EALREADY / -EINVAL if EAL is not initialised. */
int rte_eal_cleanup(void);

/** Are primary and secondary processes possible? Always 0 here. */
int rte_eal_primary_proc_alive(const char *config_file_path);

int rte_eal_has_hugepages(void);
int rte_eal_has_pci(void);
int rte_eal_create_uio_dev(void);
/** 1 when no shared files are created (--in-memory). */
int rte_eal_process_in_memory(void);

enum rte_iova_mode {
	RTE_IOVA_DC = 0,      /* don't care */
	RTE_IOVA_PA = (1 << 0),
	RTE_IOVA_VA = (1 << 1)
};
enum rte_iova_mode rte_eal_iova_mode(void);

/** Directory holding this process's runtime files (lock, config) */
const char *rte_eal_get_runtime_dir(void);

typedef void (*rte_usage_hook_t)(const char *prgname);
rte_usage_hook_t rte_set_application_usage_hook(rte_usage_hook_t usage_func);

/** Main thread id, as gettid() returns it. */
int rte_sys_gettid(void);
int rte_gettid(void);

/** Mempool ops name from --mbuf-pool-ops-name, or NULL. */
const char *rte_eal_mbuf_user_pool_ops(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EAL_H_ */
