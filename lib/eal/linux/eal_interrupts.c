/* SPDX-License-Identifier: BSD-3-Clause */
/* Interrupt handles. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <rte_common.h>
#include <rte_interrupts.h>
#include <rte_errno.h>

#include "eal_private.h"

struct rte_intr_handle {
	int fd;
	int dev_fd;
	enum rte_intr_handle_type type;
	uint32_t flags;
};

struct rte_intr_handle *
rte_intr_instance_alloc(uint32_t flags)
{
	struct rte_intr_handle *h = calloc(1, sizeof(*h));

	if (h == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	h->fd = -1;
	h->dev_fd = -1;
	h->type = RTE_INTR_HANDLE_UNKNOWN;
	h->flags = flags;
	return h;
}

void
rte_intr_instance_free(struct rte_intr_handle *h)
{
	free(h);
}

int
rte_intr_fd_set(struct rte_intr_handle *h, int fd)
{
	if (h == NULL)
		return -EINVAL;
	h->fd = fd;
	return 0;
}

int
rte_intr_fd_get(const struct rte_intr_handle *h)
{
	return h == NULL ? -1 : h->fd;
}

int
rte_intr_dev_fd_set(struct rte_intr_handle *h, int fd)
{
	if (h == NULL)
		return -EINVAL;
	h->dev_fd = fd;
	return 0;
}

int
rte_intr_dev_fd_get(const struct rte_intr_handle *h)
{
	return h == NULL ? -1 : h->dev_fd;
}

int
rte_intr_type_set(struct rte_intr_handle *h, enum rte_intr_handle_type type)
{
	if (h == NULL || type >= RTE_INTR_HANDLE_MAX)
		return -EINVAL;
	h->type = type;
	return 0;
}

enum rte_intr_handle_type
rte_intr_type_get(const struct rte_intr_handle *h)
{
	return h == NULL ? RTE_INTR_HANDLE_UNKNOWN : h->type;
}

int
rte_intr_callback_register(const struct rte_intr_handle *h, rte_intr_callback_fn cb, void *arg)
{
	RTE_SET_USED(h);
	RTE_SET_USED(cb);
	RTE_SET_USED(arg);
	return -ENOTSUP;
}

int
rte_intr_callback_unregister(const struct rte_intr_handle *h, rte_intr_callback_fn cb, void *arg)
{
	RTE_SET_USED(h);
	RTE_SET_USED(cb);
	RTE_SET_USED(arg);
	return -ENOENT;
}

int
rte_intr_callback_unregister_sync(const struct rte_intr_handle *h, rte_intr_callback_fn cb,
		void *arg)
{
	return rte_intr_callback_unregister(h, cb, arg);
}

int
rte_intr_enable(const struct rte_intr_handle *h)
{
	return h == NULL ? -EINVAL : -ENOTSUP;
}

int
rte_intr_disable(const struct rte_intr_handle *h)
{
	return h == NULL ? -EINVAL : -ENOTSUP;
}

int
rte_intr_ack(const struct rte_intr_handle *h)
{
	return h == NULL ? -EINVAL : -ENOTSUP;
}

int
rte_thread_is_intr(void)
{
	return 0;
}

int
rte_eal_intr_init(void)
{
	return 0;
}

void
rte_eal_intr_cleanup(void)
{
}
