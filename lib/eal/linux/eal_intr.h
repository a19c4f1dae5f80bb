/* SPDX-License-Identifier: BSD-3-Clause */
/* The interrupt handle, shared by the interrupt files of EAL. Private to EAL. */
#ifndef _EAL_INTR_H_
#define _EAL_INTR_H_

#include <stdint.h>

#include <rte_epoll.h>
#include <rte_interrupts.h>

struct rte_intr_handle {
	int fd;
	int dev_fd;
	enum rte_intr_handle_type type;
	uint32_t flags;
	/* Receive interrupt vectors (eal_intr_vectors.c). */
	uint32_t max_intr;              /* vectors in use: the other interrupt plus nb_efd */
	uint32_t nb_efd;                /* event fds, one per queue vector */
	uint8_t efd_counter_size;       /* bytes to read from a vdev's event fd */
	uint16_t nb_intr;               /* room in efds and elist */
	int *efds;                      /* event fd of each queue vector */
	struct rte_epoll_event *elist;  /* epoll object of each queue vector */
	uint16_t vec_list_size;
	int *intr_vec;                  /* queue -> vector, filled by the driver */
	void *windows_handle;
};

/* Give a new handle its vector tables; -1 when memory is short. */
int eal_intr_vectors_init(struct rte_intr_handle *h);
/* Copy src's vector settings and tables into dst (made by rte_intr_instance_alloc). */
void eal_intr_vectors_copy(struct rte_intr_handle *dst, const struct rte_intr_handle *src);
/* Free a handle's vector tables. */
void eal_intr_vectors_free(struct rte_intr_handle *h);

#endif /* _EAL_INTR_H_ */
