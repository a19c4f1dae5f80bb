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

/**
 * A virtual address range reserved for pages of one size on one NUMA node. Pages are mapped into
 * it (and unmapped) as the heap grows and shrinks.
 */
struct rte_memseg_list {
	RTE_STD_C11
	union {
		void *base_va;
		uint64_t addr_64;
	};
	uint64_t page_sz;       /**< size of every page of the list */
	int socket_id;          /**< NUMA node of the pages */
	volatile uint32_t version;
	size_t len;             /**< bytes of address space reserved */
	unsigned int external;  /**< always 0: memory registered from outside is not supported */
	unsigned int heap;      /**< 1: the list feeds a malloc heap */
};

/** Called once per mapped page. A non-zero return stops the walk and is passed back. */
typedef int (*rte_memseg_walk_t)(const struct rte_memseg_list *msl,
		const struct rte_memseg *ms, void *arg);
/** Called once per run of pages contiguous in VA (and IOVA); len covers the whole run. */
typedef int (*rte_memseg_contig_walk_t)(const struct rte_memseg_list *msl,
		const struct rte_memseg *ms, size_t len, void *arg);
/** Called once per memseg list. */
typedef int (*rte_memseg_list_walk_t)(const struct rte_memseg_list *msl, void *arg);

/**
 * Walk every mapped page. Takes the memory lock for reading: func may read memory layout but
 * must not allocate EAL memory. 0 when every call returned 0, else the first non-zero value.
 */
int rte_memseg_walk(rte_memseg_walk_t func, void *arg);
int rte_memseg_contig_walk(rte_memseg_contig_walk_t func, void *arg);
int rte_memseg_list_walk(rte_memseg_list_walk_t func, void *arg);
/** The same walks without the lock, for memory event callbacks that already hold it. */
int rte_memseg_walk_thread_unsafe(rte_memseg_walk_t func, void *arg);
int rte_memseg_contig_walk_thread_unsafe(rte_memseg_contig_walk_t func, void *arg);
int rte_memseg_list_walk_thread_unsafe(rte_memseg_list_walk_t func, void *arg);

/** The page holding addr (msl may be NULL: it is then looked up), or NULL. */
struct rte_memseg *rte_mem_virt2memseg(const void *virt, const struct rte_memseg_list *msl);
/** The list whose address range holds addr, or NULL. */
struct rte_memseg_list *rte_mem_virt2memseg_list(const void *virt);

/**
 * Notification when EAL maps pages (RTE_MEM_EVENT_ALLOC, before the heap hands them out) or
 * unmaps them (RTE_MEM_EVENT_FREE, while still mapped), so DMA mappings can follow. Callbacks run
 * in the thread that allocates or frees; they must not allocate or free EAL memory themselves.
 */
enum rte_mem_event {
	RTE_MEM_EVENT_ALLOC = 0,
	RTE_MEM_EVENT_FREE,
};
typedef void (*rte_mem_event_callback_t)(enum rte_mem_event event_type, const void *addr,
		size_t len, void *arg);
/**
 * Register clb under name (at most RTE_MEM_EVENT_CALLBACK_NAME_LEN - 1 characters) with arg.
 * 0, or -1 with rte_errno: EINVAL bad argument, EEXIST same name and arg already registered,
 * ENAMETOOLONG, ENOMEM.
 */
int rte_mem_event_callback_register(const char *name, rte_mem_event_callback_t clb, void *arg);
/** 0, or -1 with rte_errno ENOENT when no callback has that name and arg. */
int rte_mem_event_callback_unregister(const char *name, void *arg);

#define RTE_MEM_EVENT_CALLBACK_NAME_LEN 64

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMORY_H_ */
