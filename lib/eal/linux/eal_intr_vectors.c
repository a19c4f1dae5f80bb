/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Receive interrupt vectors of an interrupt handle. A device with per-queue interrupts gets one
 * event fd per queue vector (rte_intr_efd_enable); the driver maps queues to vectors
 * (rte_intr_vec_list_*) and programs the device; the application waits for them with
 * rte_epoll_wait after rte_intr_rx_ctl has put a vector's fd in an epoll instance.
 *
 * Vector 0 (RTE_INTR_VEC_ZERO_OFFSET) is the device's own interrupt (link status...); queue
 * vectors start at RTE_INTR_VEC_RXTX_OFFSET, and event fd i belongs to vector i + 1.
 *
 * Errors follow DPDK: the setters and getters return a negative errno and set rte_errno.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#include <rte_common.h>
#include <rte_epoll.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "eal_private.h"
#include "eal_intr.h"

/* Interrupts besides the queue vectors: the device's own. */
#define NB_OTHER_INTR 1

int
eal_intr_vectors_init(struct rte_intr_handle *h)
{
	h->nb_intr = RTE_MAX_RXTX_INTR_VEC_ID;
	h->efds = calloc(h->nb_intr, sizeof(*h->efds));
	h->elist = calloc(h->nb_intr, sizeof(*h->elist));
	if (h->efds == NULL || h->elist == NULL) {
		free(h->efds);
		free(h->elist);
		h->efds = NULL;
		h->elist = NULL;
		return -1;
	}
	return 0;
}

void
eal_intr_vectors_copy(struct rte_intr_handle *dst, const struct rte_intr_handle *src)
{
	uint16_t n = RTE_MIN(dst->nb_intr, src->nb_intr);

	dst->max_intr = src->max_intr;
	dst->nb_efd = src->nb_efd;
	dst->efd_counter_size = src->efd_counter_size;
	dst->windows_handle = src->windows_handle;
	memcpy(dst->efds, src->efds, n * sizeof(*dst->efds));
	memcpy(dst->elist, src->elist, n * sizeof(*dst->elist));
}

void
eal_intr_vectors_free(struct rte_intr_handle *h)
{
	free(h->efds);
	free(h->elist);
	free(h->intr_vec);
	h->efds = NULL;
	h->elist = NULL;
	h->intr_vec = NULL;
}

/* NULL handle: one log line, rte_errno EINVAL. */
static int
bad_handle(const char *fn)
{
	EAL_LOG(ERR, "%s: NULL interrupt handle\n", fn);
	rte_errno = EINVAL;
	return -EINVAL;
}

#define CHECK_HANDLE(h) do { \
	if ((h) == NULL) \
		return bad_handle(__func__); \
} while (0)

static int
out_of_range(const char *fn, int index, int limit)
{
	EAL_LOG(ERR, "%s: index %d out of range (0-%d)\n", fn, index, limit - 1);
	rte_errno = ERANGE;
	return -ERANGE;
}

int
rte_intr_max_intr_set(struct rte_intr_handle *h, int max_intr)
{
	CHECK_HANDLE(h);
	if (max_intr < 0 || max_intr > h->nb_intr) {
		EAL_LOG(ERR, "rte_intr_max_intr_set: %d vectors, at most %u\n", max_intr,
			h->nb_intr);
		rte_errno = ERANGE;
		return -ERANGE;
	}
	h->max_intr = (uint32_t)max_intr;
	return 0;
}

int
rte_intr_max_intr_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h);
	return (int)h->max_intr;
}

int
rte_intr_nb_efd_set(struct rte_intr_handle *h, int nb_efd)
{
	CHECK_HANDLE(h);
	if (nb_efd < 0 || nb_efd > h->nb_intr) {
		EAL_LOG(ERR, "rte_intr_nb_efd_set: %d event fds, at most %u\n", nb_efd,
			h->nb_intr);
		rte_errno = ERANGE;
		return -ERANGE;
	}
	h->nb_efd = (uint32_t)nb_efd;
	return 0;
}

int
rte_intr_nb_efd_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h);
	return (int)h->nb_efd;
}

int
rte_intr_nb_intr_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h);
	return h->nb_intr;
}

int
rte_intr_efd_counter_size_set(struct rte_intr_handle *h, uint8_t efd_counter_size)
{
	CHECK_HANDLE(h);
	h->efd_counter_size = efd_counter_size;
	return 0;
}

int
rte_intr_efd_counter_size_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h);
	return h->efd_counter_size;
}

int
rte_intr_efds_index_set(struct rte_intr_handle *h, int index, int fd)
{
	CHECK_HANDLE(h);
	if (index < 0 || index >= h->nb_intr)
		return out_of_range(__func__, index, h->nb_intr);
	h->efds[index] = fd;
	return 0;
}

int
rte_intr_efds_index_get(const struct rte_intr_handle *h, int index)
{
	CHECK_HANDLE(h);
	if (index < 0 || index >= h->nb_intr)
		return out_of_range(__func__, index, h->nb_intr);
	return h->efds[index];
}

int
rte_intr_elist_index_set(struct rte_intr_handle *h, int index, struct rte_epoll_event elist)
{
	CHECK_HANDLE(h);
	if (index < 0 || index >= h->nb_intr)
		return out_of_range(__func__, index, h->nb_intr);
	h->elist[index] = elist;
	return 0;
}

struct rte_epoll_event *
rte_intr_elist_index_get(struct rte_intr_handle *h, int index)
{
	if (h == NULL) {
		bad_handle(__func__);
		return NULL;
	}
	if (index < 0 || index >= h->nb_intr) {
		out_of_range(__func__, index, h->nb_intr);
		return NULL;
	}
	return &h->elist[index];
}

int
rte_intr_event_list_update(struct rte_intr_handle *h, int size)
{
	struct rte_epoll_event *elist;
	int *efds;

	CHECK_HANDLE(h);
	if (size <= 0 || size > UINT16_MAX) {
		EAL_LOG(ERR, "rte_intr_event_list_update: invalid size %d\n", size);
		rte_errno = EINVAL;
		return -EINVAL;
	}
	efds = calloc((size_t)size, sizeof(*efds));
	elist = calloc((size_t)size, sizeof(*elist));
	if (efds == NULL || elist == NULL) {
		free(efds);
		free(elist);
		rte_errno = ENOMEM;
		return -ENOMEM;
	}
	memcpy(efds, h->efds, RTE_MIN(size, h->nb_intr) * sizeof(*efds));
	memcpy(elist, h->elist, RTE_MIN(size, h->nb_intr) * sizeof(*elist));
	free(h->efds);
	free(h->elist);
	h->efds = efds;
	h->elist = elist;
	h->nb_intr = (uint16_t)size;
	return 0;
}

int
rte_intr_vec_list_alloc(struct rte_intr_handle *h, const char *name, int size)
{
	RTE_SET_USED(name);
	CHECK_HANDLE(h);
	if (h->intr_vec != NULL)
		return 0; /* already there, as DPDK keeps it */
	if (size <= 0 || size > h->nb_intr) {
		EAL_LOG(ERR, "rte_intr_vec_list_alloc: invalid size %d (1-%u)\n", size,
			h->nb_intr);
		rte_errno = ERANGE;
		return -ERANGE;
	}
	h->intr_vec = calloc((size_t)size, sizeof(*h->intr_vec));
	if (h->intr_vec == NULL) {
		rte_errno = ENOMEM;
		return -ENOMEM;
	}
	h->vec_list_size = (uint16_t)size;
	return 0;
}

int
rte_intr_vec_list_index_set(struct rte_intr_handle *h, int index, int vec)
{
	CHECK_HANDLE(h);
	if (h->intr_vec == NULL || index < 0 || index >= h->vec_list_size)
		return out_of_range(__func__, index, h->vec_list_size);
	h->intr_vec[index] = vec;
	return 0;
}

int
rte_intr_vec_list_index_get(const struct rte_intr_handle *h, int index)
{
	CHECK_HANDLE(h);
	if (h->intr_vec == NULL || index < 0 || index >= h->vec_list_size)
		return out_of_range(__func__, index, h->vec_list_size);
	return h->intr_vec[index];
}

void
rte_intr_vec_list_free(struct rte_intr_handle *h)
{
	if (h == NULL)
		return;
	free(h->intr_vec);
	h->intr_vec = NULL;
	h->vec_list_size = 0;
}

void *
rte_intr_instance_windows_handle_get(struct rte_intr_handle *h)
{
	if (h == NULL) {
		bad_handle(__func__);
		return NULL;
	}
	return h->windows_handle;
}

int
rte_intr_instance_windows_handle_set(struct rte_intr_handle *h, void *windows_handle)
{
	CHECK_HANDLE(h);
	h->windows_handle = windows_handle;
	return 0;
}

int
rte_intr_dp_is_en(struct rte_intr_handle *h)
{
	return h != NULL && h->nb_efd != 0;
}

int
rte_intr_allow_others(struct rte_intr_handle *h)
{
	if (!rte_intr_dp_is_en(h))
		return 1;
	return h->max_intr > h->nb_efd;
}

int
rte_intr_cap_multiple(struct rte_intr_handle *h)
{
	return h != NULL && (h->type == RTE_INTR_HANDLE_VFIO_MSIX ||
		h->type == RTE_INTR_HANDLE_VDEV);
}

int
rte_intr_efd_enable(struct rte_intr_handle *h, uint32_t nb_efd)
{
	uint32_t i, n;

	CHECK_HANDLE(h);
	if (nb_efd == 0) {
		EAL_LOG(ERR, "rte_intr_efd_enable: no event fd asked for\n");
		return -EINVAL;
	}
	if (h->type == RTE_INTR_HANDLE_VFIO_MSIX) {
		/* One event fd per queue vector; the driver hands them to VFIO. */
		n = RTE_MIN(nb_efd, (uint32_t)h->nb_intr - NB_OTHER_INTR);
		for (i = 0; i < n; i++) {
			int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

			if (fd < 0) {
				int err = errno;

				EAL_LOG(ERR, "rte_intr_efd_enable: cannot create event fd %u: %s\n",
					i, strerror(err));
				while (i-- > 0) {
					close(h->efds[i]);
					h->efds[i] = 0;
				}
				return -err;
			}
			h->efds[i] = fd;
		}
		h->nb_efd = n;
		h->max_intr = NB_OTHER_INTR + n;
	} else if (h->type == RTE_INTR_HANDLE_VDEV) {
		/* The virtual driver sets its own fds up; only the counter size is checked. */
		if (h->efd_counter_size > sizeof(uint64_t)) {
			EAL_LOG(ERR, "rte_intr_efd_enable: counter size %u above 8 bytes\n",
				h->efd_counter_size);
			return -EINVAL;
		}
	} else {
		/* A single interrupt serves every queue: the handle's own fd. */
		h->efds[0] = h->fd;
		h->nb_efd = RTE_MIN(nb_efd, 1U);
		h->max_intr = NB_OTHER_INTR;
	}
	return 0;
}

void
rte_intr_free_epoll_fd(struct rte_intr_handle *h)
{
	uint32_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->nb_efd && i < h->nb_intr; i++) {
		struct rte_epoll_event *rev = &h->elist[i];

		if (__atomic_load_n(&rev->status, __ATOMIC_ACQUIRE) == RTE_EPOLL_INVALID)
			continue;
		if (rte_epoll_ctl(rev->epfd, EPOLL_CTL_DEL, rev->fd, rev) < 0) {
			/* The epoll instance is gone already: just forget the object. */
			__atomic_store_n(&rev->status, RTE_EPOLL_INVALID, __ATOMIC_RELEASE);
			memset(&rev->epdata, 0, sizeof(rev->epdata));
			rev->fd = -1;
			rev->epfd = -1;
		}
	}
}

void
rte_intr_efd_disable(struct rte_intr_handle *h)
{
	uint32_t i;

	if (h == NULL)
		return;
	rte_intr_free_epoll_fd(h);
	/* Only fds created by rte_intr_efd_enable are closed, not the handle's own. */
	if (h->max_intr > h->nb_efd) {
		for (i = 0; i < h->nb_efd; i++) {
			if (h->efds[i] != h->fd)
				close(h->efds[i]);
			h->efds[i] = 0;
		}
	}
	h->nb_efd = 0;
	h->max_intr = 0;
}

/* Clear a queue vector's event fd once it fired (edge triggered: nothing is left pending). */
static void
rxtx_intr_drain(int fd, void *arg)
{
	struct rte_intr_handle *h = arg;
	uint64_t buf;
	size_t len;

	switch (h->type) {
	case RTE_INTR_HANDLE_UIO:
	case RTE_INTR_HANDLE_UIO_INTX:
		len = sizeof(uint32_t);
		break;
	case RTE_INTR_HANDLE_VFIO_LEGACY:
	case RTE_INTR_HANDLE_VFIO_MSI:
	case RTE_INTR_HANDLE_VFIO_MSIX:
		len = sizeof(uint64_t);
		break;
	case RTE_INTR_HANDLE_VDEV:
		len = h->efd_counter_size;
		break;
	default:
		len = 1;
		break;
	}
	if (len == 0)
		return;
	for (;;) {
		ssize_t n = read(fd, &buf, len);

		if (n >= 0 || errno != EINTR)
			break;
	}
}

int
rte_intr_rx_ctl(struct rte_intr_handle *h, int epfd, int op, unsigned int vec, void *data)
{
	struct rte_epoll_event *rev;
	unsigned int efd_idx;

	if (h == NULL || h->nb_intr == 0) {
		EAL_LOG(ERR, "rte_intr_rx_ctl: no interrupt handle or no vector\n");
		return -EPERM;
	}
	efd_idx = vec >= RTE_INTR_VEC_RXTX_OFFSET ? vec - RTE_INTR_VEC_RXTX_OFFSET : vec;
	if (!rte_intr_dp_is_en(h) || efd_idx >= h->nb_efd) {
		EAL_LOG(ERR, "rte_intr_rx_ctl: vector %u has no event fd (%u enabled)\n", vec,
			h->nb_efd);
		return -EPERM;
	}
	rev = &h->elist[efd_idx];
	switch (op) {
	case RTE_INTR_EVENT_ADD:
		if (__atomic_load_n(&rev->status, __ATOMIC_ACQUIRE) != RTE_EPOLL_INVALID) {
			EAL_LOG(INFO, "rte_intr_rx_ctl: vector %u is added already\n", vec);
			return -EEXIST;
		}
		rev->epdata.event = EPOLLIN | EPOLLPRI | EPOLLET;
		rev->epdata.data = data;
		rev->epdata.cb_fun = rxtx_intr_drain;
		rev->epdata.cb_arg = h;
		if (rte_epoll_ctl(epfd, EPOLL_CTL_ADD, h->efds[efd_idx], rev) < 0) {
			memset(&rev->epdata, 0, sizeof(rev->epdata));
			return -EPERM;
		}
		return 0;
	case RTE_INTR_EVENT_DEL:
		if (__atomic_load_n(&rev->status, __ATOMIC_ACQUIRE) == RTE_EPOLL_INVALID) {
			EAL_LOG(INFO, "rte_intr_rx_ctl: vector %u is not added\n", vec);
			return -EPERM;
		}
		if (rte_epoll_ctl(rev->epfd, EPOLL_CTL_DEL, rev->fd, rev) < 0)
			return -EPERM;
		return 0;
	default:
		EAL_LOG(ERR, "rte_intr_rx_ctl: unknown operation %d\n", op);
		return -EPERM;
	}
}
