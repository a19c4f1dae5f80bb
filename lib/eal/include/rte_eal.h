/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Environment Abstraction Layer: start-up, shut-down and process-wide settings.
 */
#ifndef _RTE_EAL_H_
#define _RTE_EAL_H_

#include <stdbool.h>
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

/** Only primary processes are supported by rte_eal_init: always RTE_PROC_PRIMARY. */
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

/**
 * Tell whether a primary process runs: one holds the lock on its config file.
 *
 * @param config_file_path
 *   The primary's config file ("config" in its runtime directory); NULL for the one of this
 *   process's --file-prefix.
 * @return
 *   1 if another process holds the lock, 0 otherwise (no file, no lock, or the lock is this
 *   process's own).
 */
int rte_eal_primary_proc_alive(const char *config_file_path);

/**
 * Declare that this process will never have secondary processes.
 *
 * @return
 *   true in a primary that no secondary has attached to (later attachments are then refused);
 *   false in a secondary, or in a primary that a secondary already attached to.
 */
bool rte_mp_disable(void);

#define RTE_MP_MAX_FD_NUM	8    /**< Most file descriptors one message carries. */
#define RTE_MP_MAX_NAME_LEN	64   /**< Size of an action name, with its terminating NUL. */
#define RTE_MP_MAX_PARAM_LEN	256  /**< Most bytes of parameters one message carries. */

/** A message of the multi-process channel. */
struct rte_mp_msg {
	char name[RTE_MP_MAX_NAME_LEN]; /**< Action that handles it in the receiving process. */
	int len_param;                  /**< Bytes used in param. */
	int num_fds;                    /**< Descriptors used in fds. */
	uint8_t param[RTE_MP_MAX_PARAM_LEN]; /**< Free-form content. */
	int fds[RTE_MP_MAX_FD_NUM];     /**< Descriptors duplicated into the receiving process. */
};

/** The replies gathered for a request. */
struct rte_mp_reply {
	int nb_sent;     /**< Peers the request went to (and that did not ask to be ignored). */
	int nb_received; /**< Replies in msgs. */
	struct rte_mp_msg *msgs; /**< nb_received replies; the caller frees it with free(). */
};

/**
 * Handler of the messages and requests sent under one name.
 *
 * It runs on the IPC handler thread. A request must always be answered with rte_mp_reply(),
 * also when it fails: the requester otherwise waits until its timeout. It must not make a
 * synchronous request itself.
 *
 * @param msg
 *   The message; the descriptors in it now belong to this process.
 * @param peer
 *   The sender's socket path (a string), to give to rte_mp_reply().
 * @return
 *   0, or a negative value, which is only logged.
 */
typedef int (*rte_mp_t)(const struct rte_mp_msg *msg, const void *peer);

/**
 * Called once an asynchronous request has all its replies or its time is up.
 *
 * It runs on the IPC handler thread; reply and its messages are freed when it returns (the
 * descriptors received are the callee's to close).
 *
 * @param request
 *   A copy of the request.
 * @param reply
 *   The replies received: nb_received is below nb_sent when some peers did not answer in time.
 * @return
 *   0, or a negative value, which is ignored.
 */
typedef int (*rte_mp_async_reply_t)(const struct rte_mp_msg *request,
		const struct rte_mp_reply *reply);

/**
 * Handle the messages and requests that peers send under a name.
 *
 * @param name
 *   The name, unique in this process, shorter than RTE_MP_MAX_NAME_LEN.
 * @param action
 *   The handler.
 * @return
 *   0, or -1 with rte_errno: EINVAL NULL or empty name or NULL action, E2BIG name too long,
 *   EEXIST name already registered, ENOTSUP IPC is off (--in-memory, --no-shconf), ENOMEM.
 */
int
rte_mp_action_register(const char *name, rte_mp_t action);

/**
 * Stop handling a name; messages sent under it are then dropped.
 *
 * @param name
 *   A name given to rte_mp_action_register(); unknown or invalid names are ignored.
 */
void
rte_mp_action_unregister(const char *name);

/**
 * Send a one-way message: from a primary to every secondary, from a secondary to the primary.
 *
 * @param msg
 *   The message; its descriptors are duplicated into the peers and stay open here.
 * @return
 *   0 (also when there is no peer, and without doing anything when IPC is off), or -1 with
 *   rte_errno: EINVAL or E2BIG bad message, ENOTSUP EAL not initialised, or the send error.
 */
int
rte_mp_sendmsg(struct rte_mp_msg *msg);

/**
 * Send a request to the peers (see rte_mp_sendmsg()) and wait for all their replies.
 *
 * Peers that are gone are skipped. Not to be called from an IPC action.
 *
 * @param req
 *   The request.
 * @param reply
 *   Receives the replies; the caller frees reply->msgs with free().
 * @param ts
 *   How long to wait at most.
 * @return
 *   0 (nb_sent 0 when there is no peer or IPC is off), or -1 with rte_errno: EINVAL or E2BIG
 *   bad argument, ETIMEDOUT a peer did not reply in time (no reply is kept), EEXIST the same
 *   request to the same peer is still pending, EDEADLK called from an IPC action, ENOTSUP EAL
 *   not initialised, or the send error.
 */
int
rte_mp_request_sync(struct rte_mp_msg *req, struct rte_mp_reply *reply,
		const struct timespec *ts);

/**
 * Send a request to the peers (see rte_mp_sendmsg()) and return at once; clb is called on
 * the IPC handler thread once every peer replied or ts has elapsed (also with no peer).
 *
 * @param req
 *   The request.
 * @param ts
 *   How long to wait for the replies at most.
 * @param clb
 *   The callback.
 * @return
 *   0, or -1 with rte_errno: EINVAL or E2BIG bad argument, EEXIST the same request to the
 *   same peer is still pending, ENOTSUP EAL not initialised, ENOMEM, or the send error.
 */
int
rte_mp_request_async(struct rte_mp_msg *req, const struct timespec *ts,
		rte_mp_async_reply_t clb);

/**
 * Answer a request received by an action.
 *
 * @param msg
 *   The reply; its name should be the request's.
 * @param peer
 *   The peer argument the action received.
 * @return
 *   0, or -1 with rte_errno: EINVAL or E2BIG bad argument, ENOTSUP EAL not initialised, or
 *   the send error.
 */
int
rte_mp_reply(struct rte_mp_msg *msg, const char *peer);

/**
 * Open the IPC channel of a process that did not initialise EAL, as a secondary of the
 * primary running in runtime_dir (tools and tests acting as peers).
 *
 * @param runtime_dir
 *   The primary's runtime directory (its rte_eal_get_runtime_dir()).
 * @return
 *   0, or -1 with rte_errno: EINVAL no directory, EALREADY channel already open, ENOENT no
 *   primary answered, ENOTSUP the primary called rte_mp_disable(), ENAMETOOLONG path too long.
 */
__rte_internal
int rte_mp_channel_attach_secondary(const char *runtime_dir);

/** Close a channel opened by rte_mp_channel_attach_secondary(); nothing otherwise. */
__rte_internal
void rte_mp_channel_detach(void);

/**
 * A number that changes with every rte_eal_init, 0 while EAL is not initialised: libraries
 * that keep pointers into EAL's shared memory know from it when to look them up again.
 */
__rte_internal
uint64_t rte_eal_init_generation(void);

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
