/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Interrupt handles: a file descriptor that becomes readable when a device raises an interrupt
 * (uio, vfio eventfd, netlink uevents), and callbacks run by EAL's interrupt thread.
 */
#ifndef _RTE_INTERRUPTS_H_
#define _RTE_INTERRUPTS_H_

#include <stdint.h>
#include <stdbool.h>
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

/** Most interrupt vectors a handle has room for (rte_intr_nb_intr_get). */
#define RTE_MAX_RXTX_INTR_VEC_ID      512
/** Vector of the device's own interrupt (link status and the like). */
#define RTE_INTR_VEC_ZERO_OFFSET      0
/** First vector of the queues: queue vector v uses event fd v - RTE_INTR_VEC_RXTX_OFFSET. */
#define RTE_INTR_VEC_RXTX_OFFSET      1

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

/**
 * Add (RTE_INTR_EVENT_ADD) or remove (RTE_INTR_EVENT_DEL) the event fd of a queue vector to or
 * from an epoll instance; rte_epoll_wait then returns it with data, after clearing the fd.
 *
 * @param intr_handle
 *   The device's handle, with event fds enabled (rte_intr_efd_enable).
 * @param epfd
 *   Epoll instance, or RTE_EPOLL_PER_THREAD.
 * @param op
 *   RTE_INTR_EVENT_ADD or RTE_INTR_EVENT_DEL.
 * @param vec
 *   The vector (RTE_INTR_VEC_RXTX_OFFSET and up for queues).
 * @param data
 *   Returned in rte_epoll_event.epdata.data.
 * @return
 *   0; -EEXIST when adding a vector added already; -EPERM for a vector without event fd, an
 *   unknown op, removing a vector not added, or an epoll failure.
 */
__rte_internal
int rte_intr_rx_ctl(struct rte_intr_handle *intr_handle, int epfd, int op, unsigned int vec,
	void *data);

/**
 * Remove every queue vector of the handle from the epoll instance it was added to.
 *
 * @param intr_handle
 *   The handle.
 */
__rte_internal
void rte_intr_free_epoll_fd(struct rte_intr_handle *intr_handle);

/**
 * Give the handle event fds for its queue vectors: nb_efd new eventfds for a VFIO MSI-X
 * handle (at most RTE_MAX_RXTX_INTR_VEC_ID - 1), the handle's own fd for every other kind
 * (one vector shared by all queues); a vdev handle sets up its own.
 *
 * @param intr_handle
 *   The handle.
 * @param nb_efd
 *   Number of queue vectors wanted (at least 1).
 * @return
 *   0, -EINVAL for a NULL handle, nb_efd 0 or a vdev counter size above 8, or the negative
 *   errno of a failed eventfd (the fds made so far are closed).
 */
__rte_internal
int rte_intr_efd_enable(struct rte_intr_handle *intr_handle, uint32_t nb_efd);

/**
 * Undo rte_intr_efd_enable: remove the vectors from epoll and close the event fds it made.
 *
 * @param intr_handle
 *   The handle.
 */
__rte_internal
void rte_intr_efd_disable(struct rte_intr_handle *intr_handle);

/**
 * Does the handle have queue vectors (event fds)?
 *
 * @param intr_handle
 *   The handle.
 * @return
 *   1 if so, 0 if not (or NULL).
 */
__rte_internal
int rte_intr_dp_is_en(struct rte_intr_handle *intr_handle);

/**
 * Is there a vector left for the device's own interrupt besides the queue vectors?
 *
 * @param intr_handle
 *   The handle.
 * @return
 *   1 if so (also without queue vectors), 0 if the queues take every vector.
 */
__rte_internal
int rte_intr_allow_others(struct rte_intr_handle *intr_handle);

/**
 * Can the handle have one vector per queue (VFIO MSI-X and vdev handles)?
 *
 * @param intr_handle
 *   The handle.
 * @return
 *   1 if so, 0 if not.
 */
__rte_internal
int rte_intr_cap_multiple(struct rte_intr_handle *intr_handle);

/**
 * Set the number of vectors in use (the device's own plus the queues').
 *
 * @param intr_handle
 *   The handle.
 * @param max_intr
 *   The number, at most rte_intr_nb_intr_get().
 * @return
 *   0, or a negative errno with rte_errno: EINVAL (NULL handle), ERANGE.
 */
__rte_internal
int rte_intr_max_intr_set(struct rte_intr_handle *intr_handle, int max_intr);

/**
 * The number of vectors in use.
 *
 * @param intr_handle
 *   The handle.
 * @return
 *   The number, or -EINVAL (rte_errno EINVAL) for a NULL handle.
 */
__rte_internal
int rte_intr_max_intr_get(const struct rte_intr_handle *intr_handle);

/**
 * Set the number of queue event fds.
 *
 * @param intr_handle
 *   The handle.
 * @param nb_efd
 *   The number, at most rte_intr_nb_intr_get().
 * @return
 *   0, or a negative errno with rte_errno: EINVAL (NULL handle), ERANGE.
 */
__rte_internal
int rte_intr_nb_efd_set(struct rte_intr_handle *intr_handle, int nb_efd);

/**
 * The number of queue event fds.
 *
 * @param intr_handle
 *   The handle.
 * @return
 *   The number, or -EINVAL (rte_errno EINVAL) for a NULL handle.
 */
__rte_internal
int rte_intr_nb_efd_get(const struct rte_intr_handle *intr_handle);

/**
 * Room for vectors in the handle (RTE_MAX_RXTX_INTR_VEC_ID unless changed by
 * rte_intr_event_list_update).
 *
 * @param intr_handle
 *   The handle.
 * @return
 *   The number, or -EINVAL (rte_errno EINVAL) for a NULL handle.
 */
__rte_internal
int rte_intr_nb_intr_get(const struct rte_intr_handle *intr_handle);

/**
 * Set how many bytes to read from a vdev's queue event fd when it fires (0: none).
 *
 * @param intr_handle
 *   The handle.
 * @param efd_counter_size
 *   Bytes, up to 8.
 * @return
 *   0, or -EINVAL (rte_errno EINVAL) for a NULL handle.
 */
__rte_internal
int rte_intr_efd_counter_size_set(struct rte_intr_handle *intr_handle,
	uint8_t efd_counter_size);

/**
 * Bytes read from a vdev's queue event fd when it fires.
 *
 * @param intr_handle
 *   The handle.
 * @return
 *   The size, or -EINVAL (rte_errno EINVAL) for a NULL handle.
 */
__rte_internal
int rte_intr_efd_counter_size_get(const struct rte_intr_handle *intr_handle);

/**
 * Set the event fd of queue event index.
 *
 * @param intr_handle
 *   The handle.
 * @param index
 *   Below rte_intr_nb_intr_get().
 * @param fd
 *   The fd.
 * @return
 *   0, or a negative errno with rte_errno: EINVAL (NULL handle), ERANGE.
 */
__rte_internal
int rte_intr_efds_index_set(struct rte_intr_handle *intr_handle, int index, int fd);

/**
 * The event fd of queue event index.
 *
 * @param intr_handle
 *   The handle.
 * @param index
 *   Below rte_intr_nb_intr_get().
 * @return
 *   The fd, or a negative errno with rte_errno: EINVAL (NULL handle), ERANGE.
 */
__rte_internal
int rte_intr_efds_index_get(const struct rte_intr_handle *intr_handle, int index);

/**
 * Replace the epoll object of queue event index.
 *
 * @param intr_handle
 *   The handle.
 * @param index
 *   Below rte_intr_nb_intr_get().
 * @param elist
 *   The object (copied).
 * @return
 *   0, or a negative errno with rte_errno: EINVAL (NULL handle), ERANGE.
 */
__rte_internal
int rte_intr_elist_index_set(struct rte_intr_handle *intr_handle, int index,
	struct rte_epoll_event elist);

/**
 * The epoll object of queue event index.
 *
 * @param intr_handle
 *   The handle.
 * @param index
 *   Below rte_intr_nb_intr_get().
 * @return
 *   The object inside the handle, or NULL with rte_errno EINVAL or ERANGE.
 */
__rte_internal
struct rte_epoll_event *rte_intr_elist_index_get(struct rte_intr_handle *intr_handle,
	int index);

/**
 * Allocate the queue-to-vector table of a handle (zeroed); nothing happens if it exists.
 *
 * @param intr_handle
 *   The handle.
 * @param name
 *   Unused (a name for the allocation).
 * @param size
 *   Entries, 1 to rte_intr_nb_intr_get().
 * @return
 *   0, or a negative errno with rte_errno: EINVAL (NULL handle), ERANGE, ENOMEM.
 */
__rte_internal
int rte_intr_vec_list_alloc(struct rte_intr_handle *intr_handle, const char *name, int size);

/**
 * Set the vector of queue index.
 *
 * @param intr_handle
 *   The handle.
 * @param index
 *   Below the table's size.
 * @param vec
 *   The vector.
 * @return
 *   0, or a negative errno with rte_errno: EINVAL (NULL handle), ERANGE (also without table).
 */
__rte_internal
int rte_intr_vec_list_index_set(struct rte_intr_handle *intr_handle, int index, int vec);

/**
 * The vector of queue index.
 *
 * @param intr_handle
 *   The handle.
 * @param index
 *   Below the table's size.
 * @return
 *   The vector, or a negative errno with rte_errno: EINVAL (NULL handle), ERANGE (also
 *   without table).
 */
__rte_internal
int rte_intr_vec_list_index_get(const struct rte_intr_handle *intr_handle, int index);

/**
 * Free the queue-to-vector table.
 *
 * @param intr_handle
 *   The handle (NULL is fine).
 */
__rte_internal
void rte_intr_vec_list_free(struct rte_intr_handle *intr_handle);

/**
 * Change the room for vectors, keeping the entries that fit.
 *
 * @param intr_handle
 *   The handle.
 * @param size
 *   Entries, 1 to 65535.
 * @return
 *   0, or a negative errno with rte_errno: EINVAL (NULL handle or bad size), ENOMEM.
 */
__rte_internal
int rte_intr_event_list_update(struct rte_intr_handle *intr_handle, int size);

/**
 * The Windows handle stored in the handle (only meaningful on Windows).
 *
 * @param intr_handle
 *   The handle.
 * @return
 *   The stored pointer, or NULL (rte_errno EINVAL for a NULL handle).
 */
__rte_internal
void *rte_intr_instance_windows_handle_get(struct rte_intr_handle *intr_handle);

/**
 * Store a Windows handle in the handle (only meaningful on Windows).
 *
 * @param intr_handle
 *   The handle.
 * @param windows_handle
 *   The pointer.
 * @return
 *   0, or -EINVAL (rte_errno EINVAL) for a NULL handle.
 */
__rte_internal
int rte_intr_instance_windows_handle_set(struct rte_intr_handle *intr_handle,
	void *windows_handle);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_INTERRUPTS_H_ */
