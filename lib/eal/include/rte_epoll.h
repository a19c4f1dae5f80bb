/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * epoll with a descriptor object per watched fd: rte_epoll_ctl links an fd to a caller-owned
 * struct rte_epoll_event, and rte_epoll_wait reports ready fds as copies of those objects,
 * calling each one's callback first. Used for receive interrupts of ports; any fd will do.
 */
#ifndef __RTE_EPOLL_H__
#define __RTE_EPOLL_H__

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Interrupt event list operation: add. */
#define RTE_INTR_EVENT_ADD            1UL
/** Interrupt event list operation: delete. */
#define RTE_INTR_EVENT_DEL            2UL

/** Called by rte_epoll_wait for a ready fd, before the event is returned. */
typedef void (*rte_intr_event_cb_t)(int fd, void *arg);

/** What the caller attaches to a watched fd. */
struct rte_epoll_data {
	uint32_t event;               /**< epoll events to watch (EPOLLIN...); on return, seen */
	void *data;                   /**< caller's pointer, returned with the event */
	rte_intr_event_cb_t cb_fun;   /**< called for a ready fd (may be NULL) */
	void *cb_arg;                 /**< argument of cb_fun */
};

/** Values of rte_epoll_event.status. */
enum {
	RTE_EPOLL_INVALID = 0, /**< not watched */
	RTE_EPOLL_VALID,       /**< watched */
	RTE_EPOLL_EXEC,        /**< its callback is running in rte_epoll_wait */
};

/** A watched fd; the object must stay in place until rte_epoll_ctl removes it. */
struct rte_epoll_event {
	uint32_t status;           /**< RTE_EPOLL_* */
	int fd;                    /**< the fd (set by rte_epoll_ctl) */
	int epfd;                  /**< the epoll instance it is in (set by rte_epoll_ctl) */
	struct rte_epoll_data epdata; /**< caller's data */
};

/** As an epoll fd: the calling thread's own epoll instance, created on first use. */
#define RTE_EPOLL_PER_THREAD        -1

/**
 * Wait for watched fds to become ready; for each, call its callback and copy its object to
 * events (epdata.event holding the events seen). Restarted when a signal interrupts the wait.
 *
 * @param epfd
 *   An epoll fd, or RTE_EPOLL_PER_THREAD.
 * @param events
 *   Receives the ready objects.
 * @param maxevents
 *   Room in events, at least 1.
 * @param timeout
 *   Milliseconds; -1 waits for ever, 0 only polls.
 * @return
 *   Number of events (0 on timeout), or -1 for bad arguments or an epoll failure.
 */
int
rte_epoll_wait(int epfd, struct rte_epoll_event *events,
	       int maxevents, int timeout);

/**
 * Like rte_epoll_wait, but a signal interrupting the wait makes it return -1.
 *
 * @param epfd
 *   An epoll fd, or RTE_EPOLL_PER_THREAD.
 * @param events
 *   Receives the ready objects.
 * @param maxevents
 *   Room in events, at least 1.
 * @param timeout
 *   Milliseconds; -1 waits for ever, 0 only polls.
 * @return
 *   Number of events (0 on timeout), or -1 (also when interrupted).
 */
int
rte_epoll_wait_interruptible(int epfd, struct rte_epoll_event *events,
	       int maxevents, int timeout);

/**
 * Add, modify or remove a watched fd (EPOLL_CTL_ADD, EPOLL_CTL_MOD, EPOLL_CTL_DEL). After a
 * removal the object may be reused or freed: the call waits until its callback is not running.
 *
 * @param epfd
 *   An epoll fd, or RTE_EPOLL_PER_THREAD.
 * @param op
 *   EPOLL_CTL_*.
 * @param fd
 *   The fd.
 * @param event
 *   Its object (epdata.event says which events to watch).
 * @return
 *   0, or -1 for a NULL event or when epoll refused.
 */
int
rte_epoll_ctl(int epfd, int op, int fd,
	      struct rte_epoll_event *event);

#ifdef __cplusplus
}
#endif

#endif /* __RTE_EPOLL_H__ */
