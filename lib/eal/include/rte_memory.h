/* SPDX-License-Identifier: BSD-3-Clause */
/* Physical memory as EAL sees it: page sizes, IOVA (the address a device uses for DMA). */
#ifndef _RTE_MEMORY_H_
#define _RTE_MEMORY_H_

#include <stdint.h>
#include <stddef.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint64_t rte_iova_t;
typedef uint64_t phys_addr_t;
#define RTE_BAD_IOVA ((rte_iova_t)-1)
#define RTE_BAD_PHYS_ADDR ((phys_addr_t)-1)

/** A run of memory backed by pages of one size, contiguous in virtual addresses. */
struct rte_memseg {
	rte_iova_t iova;
	RTE_STD_C11
	union {
		void *addr;
		uint64_t addr_64;
	};
	size_t len;
	uint64_t hugepage_sz;
	int32_t socket_id;
	uint32_t nchannel;
	uint32_t nrank;
	uint32_t flags;
} __rte_packed;

#define RTE_MEMSEG_FLAG_DO_NOT_FREE (1 << 0)

/** Physical address of the page behind virtaddr (root and pagemap), else RTE_BAD_IOVA. */
phys_addr_t rte_mem_virt2phy(const void *virtaddr);
/** Address a device must use to reach virtaddr: physical address in IOVA-as-PA mode, else VA. */
rte_iova_t rte_mem_virt2iova(const void *virtaddr);
/** Virtual address of an IOVA inside EAL-managed memory, or NULL. */
void *rte_mem_iova2virt(rte_iova_t iova);

/** Total memory EAL manages. */
uint64_t rte_eal_get_physmem_size(void);
void rte_dump_physmem_layout(FILE *f);
unsigned int rte_memory_get_nchannel(void);
unsigned int rte_memory_get_nrank(void);

/** Lock pages into RAM so their physical address stays fixed. 0 or -1. */
int rte_mem_lock_page(const void *virt);

/** Callback per memory region, for DMA mapping (e.g. VFIO). */
typedef int (*rte_memseg_walk_t)(const struct rte_memseg *ms, void *arg);
/** Call func on every memseg; stops at a non-zero return and passes it back. */
int rte_memseg_walk(rte_memseg_walk_t func, void *arg);

/** Notification when EAL adds or removes memory, so DMA mappings can follow. */
enum rte_mem_event {
	RTE_MEM_EVENT_ALLOC = 0,
	RTE_MEM_EVENT_FREE,
};
typedef void (*rte_mem_event_callback_t)(enum rte_mem_event event_type, const void *addr,
		size_t len, void *arg);
int rte_mem_event_callback_register(const char *name, rte_mem_event_callback_t clb, void *arg);
int rte_mem_event_callback_unregister(const char *name, void *arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMORY_H_ */
