/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Interrupt handles: a file descriptor that becomes readable when a device raises an interrupt
 * (uio, vfio eventfd, netlink uevents), and callbacks run by EAL's interrupt thread.
 */
#ifndef _RTE_INTERRUPTS_H_
#define _RTE_INTERRUPTS_H_

#include <stdint.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_epoll.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_intr_handle;

/** Kind of fd behind a handle: decides what the interrupt thread reads and how to switch it. */
enum rte_intr_handle_type {
	RTE_INTR_HANDLE_UNKNOWN = 0, /**< not set; callbacks read the fd themselves */
	RTE_INTR_HANDLE_UIO,         /**< uio fd (igb_uio): 32-bit count, irqcontrol writes */
	RTE_INTR_HANDLE_UIO_INTX,    /**< uio_pci_generic: INTx through PCI config space */
	RTE_INTR_HANDLE_VFIO_LEGACY, /**< vfio INTx eventfd */
	RTE_INTR_HANDLE_VFIO_MSI,    /**< vfio MSI eventfd */
	RTE_INTR_HANDLE_VFIO_MSIX,   /**< vfio MSI-X eventfd */
	RTE_INTR_HANDLE_ALARM,       /**< timerfd */
	RTE_INTR_HANDLE_EXT,         /**< any other fd; callbacks read it */
	RTE_INTR_HANDLE_VDEV,        /**< virtual device; nothing to switch */
	RTE_INTR_HANDLE_DEV_EVENT,   /**< device events (uevent netlink socket) */
	RTE_INTR_HANDLE_VFIO_REQ,    /**< vfio device request notifier */
	RTE_INTR_HANDLE_MAX          /**< number of types */
};

/** rte_intr_instance_alloc flag: handle used by this process only. */
#define RTE_INTR_INSTANCE_F_PRIVATE 0x00000000
/** rte_intr_instance_alloc flag: handle shared between processes (same as private here). */
#define RTE_INTR_INSTANCE_F_SHARED 0x00000001

/** An interrupt callback, run on the interrupt thread. */
typedef void (*rte_intr_callback_fn)(void *cb_arg);
/** Called for a callback removed by rte_intr_callback_unregister_pending, before it is freed. */
typedef void (*rte_intr_unregister_callback_fn)(struct rte_intr_handle *intr_handle, void *cb_arg);

/** A new handle (fd -1, type unknown), or NULL with rte_errno. */
struct rte_intr_handle *rte_intr_instance_alloc(uint32_t flags);
/** A copy of src (fds, type, flags), or NULL with rte_errno. */
struct rte_intr_handle *rte_intr_instance_dup(const struct rte_intr_handle *src);
/** Free a handle (NULL is fine); its fds are the owner's to close. */
void rte_intr_instance_free(struct rte_intr_handle *intr_handle);
/** Set the fd the interrupt thread waits on; 0 or -EINVAL. */
int rte_intr_fd_set(struct rte_intr_handle *intr_handle, int fd);
/** The fd the interrupt thread waits on, -1 if none. */
int rte_intr_fd_get(const struct rte_intr_handle *intr_handle);
/** Set the handle's type; 0 or -EINVAL. */
int rte_intr_type_set(struct rte_intr_handle *intr_handle, enum rte_intr_handle_type type);
/** The handle's type (RTE_INTR_HANDLE_UNKNOWN for NULL). */
enum rte_intr_handle_type rte_intr_type_get(const struct rte_intr_handle *intr_handle);
/** Set the device fd (vfio device, uio config space); 0 or -EINVAL. */
int rte_intr_dev_fd_set(struct rte_intr_handle *intr_handle, int fd);
/** The device fd, -1 if none. */
int rte_intr_dev_fd_get(const struct rte_intr_handle *intr_handle);

/**
 * Call cb(cb_arg) from the interrupt thread whenever the handle's fd is readable.
 * 0, or -EINVAL for a bad handle/fd/callback, -ENOMEM.
 */
int rte_intr_callback_register(const struct rte_intr_handle *intr_handle,
		rte_intr_callback_fn cb, void *cb_arg);
/**
 * Remove matching callbacks (cb_arg (void *)-1 matches any). Number removed (0 if the fd has
 * callbacks but none matched), -EINVAL for a bad handle, -ENOENT if the fd has no callbacks,
 * -EAGAIN if the handle's callbacks are running right now on the interrupt thread.
 */
int rte_intr_callback_unregister(const struct rte_intr_handle *intr_handle,
		rte_intr_callback_fn cb, void *cb_arg);
/**
 * Like rte_intr_callback_unregister but waits until the callback is no longer running. Called
 * from a callback (on the interrupt thread), the removal happens when the callbacks return.
 */
int rte_intr_callback_unregister_sync(const struct rte_intr_handle *intr_handle,
		rte_intr_callback_fn cb, void *cb_arg);
/**
 * From inside a callback of this handle: remove the matching callbacks once the interrupt
 * thread has finished calling them, calling ucb_fn(handle, cb_arg) for each first.
 * Number marked, -ENOENT, or -EAGAIN when the handle's callbacks are not running.
 */
int rte_intr_callback_unregister_pending(const struct rte_intr_handle *intr_handle,
		rte_intr_callback_fn cb_fn, void *cb_arg, rte_intr_unregister_callback_fn ucb_fn);
/**
 * Unmask, mask, or acknowledge (unmask after an interrupt) the device interrupt behind the
 * handle. uio: a 32-bit 1/0 written to the uio fd; uio INTx: the PCI command register through
 * dev_fd; vfio: VFIO_DEVICE_SET_IRQS on dev_fd attaching the handle's eventfd to vector 0.
 * 0; -EINVAL for a bad handle; -ENOTSUP for types that cannot be switched (alarm, ext,
 * dev_event); a negative errno from the device otherwise.
 */
int rte_intr_enable(const struct rte_intr_handle *intr_handle);
/** Mask the device interrupt; see rte_intr_enable. */
int rte_intr_disable(const struct rte_intr_handle *intr_handle);
/** Unmask after an interrupt was handled (a no-op for MSI/MSI-X); see rte_intr_enable. */
int rte_intr_ack(const struct rte_intr_handle *intr_handle);
/** Is the caller the interrupt thread? */
int rte_thread_is_intr(void);
/**
 * The calling thread's own epoll instance (what RTE_EPOLL_PER_THREAD stands for), created on
 * first use and closed when the thread ends.
 *
 * @return
 *   The epoll fd, or -1 when it cannot be created.
 */
__rte_internal
int rte_intr_tls_epfd(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_INTERRUPTS_H_ */
