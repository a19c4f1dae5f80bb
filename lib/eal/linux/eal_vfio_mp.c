/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * VFIO in secondary processes. The kernel lets an IOMMU group be opened once, and the
 * primary's container already holds the groups and the DMA mappings of all EAL memory, which
 * the secondary shares at the same addresses. So a secondary does not open /dev/vfio itself:
 * it asks the primary, over the IPC channel, for its default container's fd and for a group's
 * fd, and gets duplicates of them. A device fd is then its own, from the shared group.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <rte_vfio.h>

#include "eal_private.h"
#include "eal_vfio.h"

#define VFIO_MP_ACTION "eal_vfio_mp_sync"
#define VFIO_MP_TIMEOUT_S 5

enum vfio_mp_req {
	VFIO_MP_CONTAINER = 1,
	VFIO_MP_GROUP,
};

struct vfio_mp_param {
	int32_t req;
	int32_t group_num;
	int32_t result; /* 0, or a negative errno */
};

/* Primary: answer with a duplicate of the fd asked for (the channel duplicates it). */
static int
vfio_mp_action(const struct rte_mp_msg *msg, const void *peer)
{
	const struct vfio_mp_param *q = (const struct vfio_mp_param *)msg->param;
	struct rte_mp_msg reply;
	struct vfio_mp_param *r = (struct vfio_mp_param *)reply.param;
	int fd = -1;

	memset(&reply, 0, sizeof(reply));
	strlcpy(reply.name, VFIO_MP_ACTION, sizeof(reply.name));
	reply.len_param = sizeof(*r);
	if (msg->len_param != (int)sizeof(*q)) {
		r->result = -EINVAL;
	} else if (q->req == VFIO_MP_CONTAINER) {
		fd = rte_vfio_get_container_fd();
		r->result = fd >= 0 ? 0 : -ENODEV;
	} else if (q->req == VFIO_MP_GROUP) {
		fd = rte_vfio_get_group_fd(q->group_num);
		r->result = fd >= 0 ? 0 : -ENOENT;
	} else {
		r->result = -EINVAL;
	}
	if (fd >= 0) {
		reply.num_fds = 1;
		reply.fds[0] = fd;
	}
	return rte_mp_reply(&reply, peer);
}

int
eal_vfio_mp_init(void)
{
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	if (rte_mp_action_register(VFIO_MP_ACTION, vfio_mp_action) < 0 && rte_errno != ENOTSUP) {
		EAL_LOG(ERR, "vfio: cannot serve secondary processes: %s\n",
			rte_strerror(rte_errno));
		return -1;
	}
	return 0;
}

void
eal_vfio_mp_cleanup(void)
{
	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		rte_mp_action_unregister(VFIO_MP_ACTION);
}

/* Secondary: a duplicate of the primary's fd, or -1 with rte_errno. */
static int
vfio_mp_request(enum vfio_mp_req req, int group_num, const char *what)
{
	struct timespec ts = { .tv_sec = VFIO_MP_TIMEOUT_S, .tv_nsec = 0 };
	struct vfio_mp_param *q, *r;
	struct rte_mp_reply reply;
	struct rte_mp_msg msg;
	int fd = -1, i, err;

	memset(&msg, 0, sizeof(msg));
	strlcpy(msg.name, VFIO_MP_ACTION, sizeof(msg.name));
	msg.len_param = sizeof(*q);
	q = (struct vfio_mp_param *)msg.param;
	q->req = req;
	q->group_num = group_num;
	if (rte_mp_request_sync(&msg, &reply, &ts) < 0 || reply.nb_received != 1) {
		err = rte_errno != 0 ? rte_errno : EIO;
		EAL_LOG(ERR, "vfio: the primary process did not give its %s: %s\n", what,
			reply.nb_received == 0 ? "no answer" : rte_strerror(err));
		if (reply.nb_received > 0)
			free(reply.msgs);
		rte_errno = err;
		return -1;
	}
	r = (struct vfio_mp_param *)reply.msgs[0].param;
	if (reply.msgs[0].len_param == (int)sizeof(*r) && r->result == 0 &&
	    reply.msgs[0].num_fds == 1) {
		fd = reply.msgs[0].fds[0];
	} else {
		for (i = 0; i < reply.msgs[0].num_fds; i++)
			close(reply.msgs[0].fds[i]);
		err = reply.msgs[0].len_param == (int)sizeof(*r) && r->result < 0 ?
			-r->result : EIO;
		EAL_LOG(ERR, "vfio: the primary process has no %s: %s\n", what, strerror(err));
		rte_errno = err;
	}
	free(reply.msgs);
	return fd;
}

int
eal_vfio_mp_container_fd(void)
{
	return vfio_mp_request(VFIO_MP_CONTAINER, 0, "VFIO container");
}

int
eal_vfio_mp_group_fd(int num)
{
	char what[48];

	snprintf(what, sizeof(what), "VFIO group %d", num);
	return vfio_mp_request(VFIO_MP_GROUP, num, what);
}
