/* SPDX-License-Identifier: BSD-3-Clause */
/* EAL's VFIO state, between rte_eal_init and rte_eal_cleanup. */
#ifndef _EAL_VFIO_H_
#define _EAL_VFIO_H_

/* Closes every group and container left open, so that a new rte_eal_init starts afresh. */
void eal_vfio_cleanup(void);

#endif /* _EAL_VFIO_H_ */
