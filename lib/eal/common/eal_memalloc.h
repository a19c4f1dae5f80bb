/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EAL memory internals shared by the OS layer (linux/eal_memory.c, eal_memalloc.c,
 * eal_hugepage_info.c), the common memory code and the heap.
 *
 * Memory is organised in memseg lists: one virtual address range per (NUMA node, page size),
 * reserved PROT_NONE at start-up and filled with pages on demand. Each page of a list has a
 * struct rte_memseg that is valid while the page is mapped. The heap asks for runs of pages
 * ("chunks") and gives free pages back, keeping some mapped (see malloc_heap.h).
 */
#ifndef _EAL_MEMALLOC_H_
#define _EAL_MEMALLOC_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>
#include <sys/types.h>

#include <rte_memory.h>

#include "eal_internal_cfg.h"

/* Without -m, --no-huge memory may grow up to this much (it is only faulted in when touched). */
#define EAL_NO_HUGE_DEFAULT_LIMIT (512ULL << 20)
/* Virtual address space reserved for one list at most, whatever the number of hugepages. */
#define EAL_MSL_MAX_VA (64ULL << 30)
/* --no-huge memory is mapped in chunks of at least this size: fewer mappings, fewer events. */
#define EAL_NO_HUGE_MIN_CHUNK (2ULL << 20)

/* First address EAL reserves memory from (see eal_memalloc_reserve_va). */
#define EAL_VA_BASE ((uint64_t)4 << 30)
/*
 * Where it goes on when EAL_VA_BASE is taken: 32 TiB, above where sanitizers keep their shadow
 * (AddressSanitizer's covers 4 GiB on x86_64) and below where the kernel puts executables and
 * libraries, so that the same range is free in a secondary too.
 */
#define EAL_VA_FALLBACK ((uint64_t)32 << 40)

/*
 * A slot of eal_mem.msl is unused while pub.base_va is NULL (external lists come and go).
 * External lists (pub.external) describe memory the application mapped: all their pages are
 * "mapped" from the start and EAL never maps, unmaps or grows into them.
 */
struct eal_memseg_list {
	struct rte_memseg_list pub;     /* base_va, page_sz, socket_id, len, external, heap */
	unsigned int n_slots;           /* pages the range can hold */
	unsigned int n_mapped;          /* pages currently mapped */
	struct rte_memseg *segs;        /* one per page; len == 0 while not mapped */
	uint64_t *used;                 /* bitmap of mapped pages, for quick searches */
	int hp_idx;                     /* index into the detected page sizes, -1 for --no-huge */
	int fd;                         /* the primary's descriptor of the list's file, or -1 */
};

/* What was found about one hugepage size at start-up (eal_hugepage_info.c). */
struct eal_hp_size {
	uint64_t page_sz;
	char mount[PATH_MAX];           /* "" when no hugetlbfs of this size is mounted */
	bool writable;                  /* can we create files in the mount? */
	uint32_t total[RTE_MAX_NUMA_NODES];  /* pages configured per node */
	uint32_t avail[RTE_MAX_NUMA_NODES];  /* free and unreserved pages per node we can use */
	uint64_t free_pages;            /* free pages of the size, mounted or not (for messages) */
};

struct eal_mem_state {
	pthread_rwlock_t lock;          /* protects the lists; writers map and unmap */
	unsigned int n_msl;
	struct eal_memseg_list msl[RTE_MAX_MEMSEG_LISTS];
	unsigned int n_hp;
	struct eal_hp_size hp[EAL_MAX_HUGEPAGE_SIZES];
	unsigned int n_nodes;           /* NUMA nodes seen in sysfs (at least 1) */
	unsigned int file_seq;          /* next hugepage file number */
	bool hugepages;                 /* false with --no-huge */
	bool use_files;                 /* hugepage files in the mount (not --in-memory) */
	uint64_t no_huge_limit;         /* --no-huge: bytes the one list may map */
	uint8_t dma_maskbits;           /* 0, or the IOVA width every mapped page must fit in */
};

/*
 * The memory state lives in the shared configuration once EAL memory is up (eal_shared.h),
 * in this process's own copy before that.
 */
extern struct eal_mem_state *eal_mem_ptr;
#define eal_mem (*eal_mem_ptr)
/* /proc/self/pagemap, open in IOVA-as-PA mode (each process its own), else -1. */
extern int eal_pagemap_fd;

/* eal_hugepage_info.c: fill eal_mem.hp; 0, or -1 when a requested --huge-dir is unusable. */
int eal_hugepage_info_init(void);
/* Remove hugepage files of our prefix left by a run that crashed (we hold the prefix lock). */
void eal_hugepage_clean_stale(const char *prefix);

/* eal_runtime_dir.c: is this process the lock holder of its --file-prefix? */
bool eal_runtime_dir_locked(void);
/* The runtime directory's config file (locked by the primary), or -1 without one. */
int eal_runtime_config_fd(void);
const char *eal_file_prefix(void);

/*
 * eal_memalloc.c, all with eal_mem.lock held for writing; the caller tells the memory event
 * callbacks after mapping and before unmapping, without the lock.
 * Map n pages starting at slot first of msl and fill their memsegs: 0, or -1 (rte_errno
 * ENOMEM) with nothing mapped.
 */
int eal_memalloc_map(struct eal_memseg_list *msl, unsigned int first, unsigned int n);
/* Unmap the pages and put the PROT_NONE reservation back in their place. */
void eal_memalloc_unmap(struct eal_memseg_list *msl, unsigned int first, unsigned int n);
/*
 * Give msl its backing file (a hugetlbfs file, a hugetlb memfd with --in-memory, a memfd with
 * --no-huge) mapped shared over its whole reservation: pages are then put in and taken out of
 * the file, and every process mapping the file sees the same memory. 0, or -1 + rte_errno.
 */
int eal_memalloc_list_create(struct eal_memseg_list *msl);
/* Map the primary's file of msl at the same address (secondary). 0, or -1 + rte_errno. */
int eal_memalloc_list_attach(struct eal_memseg_list *msl, pid_t primary);
/* This process's descriptor of the file of msl, -1 when it has none. */
int eal_memalloc_list_fd(const struct eal_memseg_list *msl);
/* Unmap the list and close its file in this process (at clean-up). */
void eal_memalloc_list_release(struct eal_memseg_list *msl);
/* Find n free contiguous slots; returns the first or -1. */
int eal_memalloc_find_slots(const struct eal_memseg_list *msl, unsigned int n);
/* Are slots [first, first + n) all unmapped? */
bool eal_memalloc_slots_free(const struct eal_memseg_list *msl, unsigned int first,
		unsigned int n);
/* Reservations start again from rte_eal_get_baseaddr() (primary initialisation). */
void eal_memalloc_va_restart(void);
/* Reserve len bytes of address space aligned to align; NULL on failure. */
void *eal_memalloc_reserve_va(size_t len, size_t align);
void eal_memalloc_release_va(void *va, size_t len);

/* eal_common_memory.c */
/* 0, or -1 when an allocation validator of socket refuses growth of its heap to new_len. */
int eal_mem_alloc_validate(int socket, size_t new_len);
void eal_mem_validators_clear(void);

/*
 * eal_common_extmem.c. Check the arguments shared by rte_extmem_register and
 * rte_malloc_heap_memory_add: 0, or -1 with rte_errno EINVAL and a log line.
 */
int eal_extmem_check(const void *va, size_t len, const rte_iova_t iova[], unsigned int n_pages,
		size_t page_sz);
/* Make [va, va + len) an external list of socket; eal_mem.lock held for writing. */
struct eal_memseg_list *eal_extmem_add(void *va, size_t len, const rte_iova_t iova[],
		size_t page_sz, int socket, bool heap);
/* The external list of exactly [va, va + len), or NULL; eal_mem.lock held. */
struct eal_memseg_list *eal_extmem_find(const void *va, size_t len);
/* Forget an external list; eal_mem.lock held for writing. */
void eal_extmem_remove(struct eal_memseg_list *msl);
/* A socket id no NUMA node, heap or external list has yet; eal_mem.lock held for writing. */
int eal_extmem_next_socket(void);

void eal_mem_event_notify(enum rte_mem_event ev, const void *addr, size_t len);
void eal_mem_event_clear(void);
/* The list holding addr, or NULL. Caller holds eal_mem.lock (read). */
struct eal_memseg_list *eal_msl_of(const void *addr);
/* Are [addr, addr + len) IOVA-contiguous? Caller holds eal_mem.lock (read). */
bool eal_mem_iova_contig(const void *addr, size_t len);
/* Address of a page's struct rte_memseg for addr inside msl. */
static inline struct rte_memseg *
eal_msl_seg(const struct eal_memseg_list *msl, const void *addr)
{
	return &msl->segs[((uintptr_t)addr - (uintptr_t)msl->pub.base_va) / msl->pub.page_sz];
}

#endif /* _EAL_MEMALLOC_H_ */
