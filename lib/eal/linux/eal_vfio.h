/* SPDX-License-Identifier: BSD-3-Clause */
/* EAL's VFIO state, between rte_eal_init and rte_eal_cleanup. */
#ifndef _EAL_VFIO_H_
#define _EAL_VFIO_H_

/* Closes every group and container left open, so that a new rte_eal_init starts afresh. */
void eal_vfio_cleanup(void);

/*
 * eal_vfio_mp.c: secondary processes use the primary's container and groups. The primary
 * serves them from eal_vfio_mp_init until eal_vfio_mp_cleanup; a secondary gets duplicates of
 * the fds (-1 with rte_errno and a log line when the primary cannot give them).
 */
int eal_vfio_mp_init(void);
void eal_vfio_mp_cleanup(void);
int eal_vfio_mp_container_fd(void);
int eal_vfio_mp_group_fd(int num);

#endif /* _EAL_VFIO_H_ */
