/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Environment Abstraction Layer: start-up, shut-down and process-wide settings.
 */
#ifndef _RTE_EAL_H_
#define _RTE_EAL_H_

#include <stdint.h>
#include <sched.h>
#include <time.h>

#include <rte_config.h>
#include <rte_compat.h>
#include <rte_per_lcore.h>
#include <rte_uuid.h>

#include <rte_pci_dev_feature_defs.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_MAGIC 19820526 /**< Magic number marking a valid shared EAL configuration. */

/** Process type in a multi-process setup (only primary is supported here). */
enum rte_proc_type_t {
	RTE_PROC_AUTO = -1, /**< detect it (primary if none runs yet) */
	RTE_PROC_PRIMARY = 0, /**< owns the shared memory */
	RTE_PROC_SECONDARY, /**< attaches to a primary's memory */
	RTE_PROC_INVALID /**< not a valid type */
};

/** Log a message, release EAL (rte_eal_cleanup) and exit the process with exit_code. */
__attribute__((__noreturn__)) void
rte_exit(int exit_code, const char *format, ...) __attribute__((format(printf, 2, 3)));

/** Only primary processes are supported: always RTE_PROC_PRIMARY once initialised. */
enum rte_proc_type_t rte_eal_process_type(void);

/**
 * Ask for the privilege to use I/O ports (iopl level 3), for drivers of devices with port
 * I/O BARs. Needs CAP_SYS_RAWIO.
 *
 * @return
 *   0 on success, -1 when the system refused (or has no I/O ports).
 */
int rte_eal_iopl_init(void);

/**
 * Parse the EAL options at the start of argv and bring up logging, memory, lcores and devices.
 *
 * @return number of arguments consumed (the options before "--", and the "--" itself),
 *   or -1 with rte_errno set: EINVAL bad option, EALREADY called twice, ENOMEM no memory,
 *   EEXIST another primary uses the same --file-prefix, EACCES permission, ENOTSUP unsupported.
 */
int rte_eal_init(int argc, char **argv);

/**
 * Release what rte_eal_init acquired. 0; -EALREADY if EAL is not initialised; -EBUSY (nothing
 * released, EAL still usable) while a worker lcore still runs a function launched on it.
 */
int rte_eal_cleanup(void);

/** 1 if a primary process is running; always 0 here (no multi-process support). */
int rte_eal_primary_proc_alive(const char *config_file_path);

/** 1 if EAL uses hugepages, 0 with --no-huge. */
int rte_eal_has_hugepages(void);
/** 1 if the PCI bus is used, 0 with --no-pci. */
int rte_eal_has_pci(void);
/** 1 if --create-uio-dev was given, 0 otherwise. */
int rte_eal_create_uio_dev(void);

/**
 * The interrupt mode asked for with --vfio-intr.
 *
 * @return
 *   RTE_INTR_MODE_LEGACY, RTE_INTR_MODE_MSI or RTE_INTR_MODE_MSIX; RTE_INTR_MODE_NONE when
 *   the option was not given (the PCI bus then picks the best mode the device has).
 */
enum rte_intr_mode rte_eal_vfio_intr_mode(void);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 *
 * The VF token given with --vfio-vf-token, which vfio-pci asks for before it hands out an
 * SR-IOV PF or VF shared between users.
 *
 * @param vf_token
 *   Receives the token; all zeroes when the option was not given.
 */
__rte_experimental
void rte_eal_vfio_get_vf_token(rte_uuid_t vf_token);
/** 1 when no shared files are created (--in-memory). */
int rte_eal_process_in_memory(void);

/** How device DMA addresses (IOVA) relate to process memory. */
enum rte_iova_mode {
	RTE_IOVA_DC = 0,      /**< don't care */
	RTE_IOVA_PA = (1 << 0), /**< IOVA are physical addresses */
	RTE_IOVA_VA = (1 << 1) /**< IOVA are virtual addresses */
};
/** IOVA mode chosen by rte_eal_init (--iova-mode or detection). */
enum rte_iova_mode rte_eal_iova_mode(void);

/**
 * Address from which EAL reserves the virtual address space of its memory (4 GiB on Linux, low
 * enough for IOMMUs with 39-bit input addresses when IOVA is VA).
 * @return the base address
 */
__rte_internal
uint64_t rte_eal_get_baseaddr(void);

/** Directory holding this process's runtime files (lock, config) */
const char *rte_eal_get_runtime_dir(void);

/** Function printing the application's own usage after the EAL options (given the program name). */
typedef void (*rte_usage_hook_t)(const char *prgname);
/** Install usage_func (NULL: none) as the usage hook; returns the previous one. */
rte_usage_hook_t rte_set_application_usage_hook(rte_usage_hook_t usage_func);

/** Kernel thread id (gettid system call) of the calling thread, not cached. */
int rte_sys_gettid(void);
/** Cache of rte_gettid(): -1 until the thread first asks. */
RTE_DECLARE_PER_LCORE(int, _thread_id);

/** Kernel thread id of the calling thread (cached per thread: one TLS load once known). */
static inline int rte_gettid(void)
{
	if (RTE_PER_LCORE(_thread_id) == -1)
		RTE_PER_LCORE(_thread_id) = rte_sys_gettid();
	return RTE_PER_LCORE(_thread_id);
}

/**
 * Turn a hexadecimal core mask ("0xa", "a") into core orders: cores[i] is the rank of core i
 * among the cores in the mask (0 for the lowest), -1 for a core not in it.
 * @param coremask the mask, with or without 0x
 * @param cores array of at least RTE_MAX_LCORE entries, filled on success
 * @return 0, or -1 (logged, cores unchanged) for a malformed or empty mask or one naming a core
 *   at or above RTE_MAX_LCORE
 */
__rte_internal
int rte_eal_parse_coremask(const char *coremask, int *cores);

/** Mempool ops name from --mbuf-pool-ops-name, or NULL. */
const char *rte_eal_mbuf_user_pool_ops(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EAL_H_ */
