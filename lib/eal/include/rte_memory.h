/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Memory as EAL manages it: address ranges per NUMA node and page size (memseg lists), the pages
 * mapped in them (memsegs), IOVA (the address a device uses for DMA) and the notifications that
 * let a DMA layer follow pages as they are mapped and unmapped.
 */
#ifndef _RTE_MEMORY_H_
#define _RTE_MEMORY_H_

#include <stdint.h>
#include <stddef.h>
#include <stdio.h>

#include <rte_bitops.h>
#include <rte_common.h>
#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef SOCKET_ID_ANY
/** Any NUMA node (also defined by rte_lcore.h). */
#define SOCKET_ID_ANY (-1)
#endif

/** An address as a device sees it for DMA: physical (IOVA as PA) or virtual (IOVA as VA). */
typedef uint64_t rte_iova_t;
/** A physical address. */
typedef uint64_t phys_addr_t;
/** No IOVA known (page not mapped, or frame numbers not readable). */
#define RTE_BAD_IOVA ((rte_iova_t)-1)
/** No physical address known. */
#define RTE_BAD_PHYS_ADDR ((phys_addr_t)-1)

/** One mapped page of a memseg list. */
struct rte_memseg {
	rte_iova_t iova;            /**< IOVA of the first byte, RTE_BAD_IOVA if unknown */
	RTE_STD_C11
	/** Start of the page, as a pointer or as a 64-bit number. */
	union {
		void *addr;         /**< virtual address of the page */
		uint64_t addr_64;   /**< the same, 64 bits wide whatever the ABI */
	};
	size_t len;                 /**< bytes (the page size) */
	uint64_t hugepage_sz;       /**< size of the page behind it */
	int32_t socket_id;          /**< NUMA node of the page */
	uint32_t nchannel;          /**< memory channels (-n), a hint */
	uint32_t nrank;             /**< memory ranks (-r), a hint */
	uint32_t flags;             /**< RTE_MEMSEG_FLAG_* */
} __rte_packed;

/** The page must not be unmapped (kept for compatibility; no memseg carries it here). */
#define RTE_MEMSEG_FLAG_DO_NOT_FREE (1 << 0)

/**
 * Physical address of a virtual address, read from /proc/self/pagemap.
 * @param virtaddr any address of this process
 * @return the physical address, or RTE_BAD_IOVA when the page is not present or frame numbers
 *   are not readable (they are reported only to root)
 */
phys_addr_t rte_mem_virt2phy(const void *virtaddr);
/**
 * Address a device must use to reach a virtual address.
 * @param virtaddr address of EAL memory (other addresses are looked up in pagemap in PA mode)
 * @return the physical address in IOVA-as-PA mode, virtaddr itself in IOVA-as-VA mode,
 *   RTE_BAD_IOVA when unknown
 */
rte_iova_t rte_mem_virt2iova(const void *virtaddr);
/**
 * Virtual address of an IOVA inside mapped EAL memory.
 * @param iova the address a device uses
 * @return the virtual address, or NULL when no mapped page has that IOVA
 */
void *rte_mem_iova2virt(rte_iova_t iova);

/**
 * Memory mapped by EAL right now.
 * @return bytes of all mapped pages
 */
uint64_t rte_eal_get_physmem_size(void);
/**
 * Print the memseg lists and the runs of mapped pages.
 * @param f where to print
 */
void rte_dump_physmem_layout(FILE *f);
/**
 * Memory channels given with -n (0 when not given).
 * @return the number of channels
 */
unsigned int rte_memory_get_nchannel(void);
/**
 * Memory ranks given with -r (0 when not given).
 * @return the number of ranks
 */
unsigned int rte_memory_get_nrank(void);

/**
 * Lock the 4 KiB page holding an address into RAM, so its physical address stays fixed.
 * @param virt any address of the page
 * @return 0, or -1 with errno set by mlock
 */
int rte_mem_lock_page(const void *virt);

/**
 * A virtual address range reserved for pages of one size on one NUMA node. Pages are mapped into
 * it (and unmapped) as the heap grows and shrinks.
 */
struct rte_memseg_list {
	RTE_STD_C11
	/** Start of the range, as a pointer or as a 64-bit number. */
	union {
		void *base_va;      /**< start of the range */
		uint64_t addr_64;   /**< the same, 64 bits wide whatever the ABI */
	};
	uint64_t page_sz;       /**< size of every page of the list */
	int socket_id;          /**< NUMA node of the pages */
	volatile uint32_t version; /**< changes whenever pages are mapped or unmapped */
	size_t len;             /**< bytes of address space reserved */
	unsigned int external;  /**< 1: memory the application mapped and registered itself */
	unsigned int heap;      /**< 1: the list feeds a malloc heap */
};

/**
 * Called once per mapped page by rte_memseg_walk.
 * @param msl the list of the page
 * @param ms the page
 * @param arg what the walker was given
 * @return 0 to go on, anything else to stop the walk and have it return that value
 */
typedef int (*rte_memseg_walk_t)(const struct rte_memseg_list *msl,
		const struct rte_memseg *ms, void *arg);
/**
 * Called once per run of mapped pages contiguous in VA (and, in PA mode, in IOVA).
 * @param msl the list of the run
 * @param ms the first page of the run
 * @param len bytes of the whole run
 * @param arg what the walker was given
 * @return 0 to go on, anything else to stop the walk and have it return that value
 */
typedef int (*rte_memseg_contig_walk_t)(const struct rte_memseg_list *msl,
		const struct rte_memseg *ms, size_t len, void *arg);
/**
 * Called once per memseg list.
 * @param msl the list
 * @param arg what the walker was given
 * @return 0 to go on, anything else to stop the walk and have it return that value
 */
typedef int (*rte_memseg_list_walk_t)(const struct rte_memseg_list *msl, void *arg);

/**
 * Call func on every mapped page, holding the memory lock for reading: func may read the layout
 * but must not allocate or free EAL memory.
 * @param func the callback
 * @param arg passed to func
 * @return 0 when every call returned 0, else the first non-zero value
 */
int rte_memseg_walk(rte_memseg_walk_t func, void *arg);
/**
 * Call func on every run of contiguous mapped pages (see rte_memseg_walk for the locking).
 * @param func the callback
 * @param arg passed to func
 * @return 0 when every call returned 0, else the first non-zero value
 */
int rte_memseg_contig_walk(rte_memseg_contig_walk_t func, void *arg);
/**
 * Call func on every memseg list (see rte_memseg_walk for the locking).
 * @param func the callback
 * @param arg passed to func
 * @return 0 when every call returned 0, else the first non-zero value
 */
int rte_memseg_list_walk(rte_memseg_list_walk_t func, void *arg);
/**
 * rte_memseg_walk without the lock, for memory event callbacks.
 * @param func the callback
 * @param arg passed to func
 * @return 0 when every call returned 0, else the first non-zero value
 */
int rte_memseg_walk_thread_unsafe(rte_memseg_walk_t func, void *arg);
/**
 * rte_memseg_contig_walk without the lock, for memory event callbacks.
 * @param func the callback
 * @param arg passed to func
 * @return 0 when every call returned 0, else the first non-zero value
 */
int rte_memseg_contig_walk_thread_unsafe(rte_memseg_contig_walk_t func, void *arg);
/**
 * rte_memseg_list_walk without the lock, for memory event callbacks.
 * @param func the callback
 * @param arg passed to func
 * @return 0 when every call returned 0, else the first non-zero value
 */
int rte_memseg_list_walk_thread_unsafe(rte_memseg_list_walk_t func, void *arg);

/**
 * The mapped page holding an address.
 * @param virt the address
 * @param msl its list if known, or NULL to look it up
 * @return the page, or NULL when virt is not in a mapped page of EAL memory
 */
struct rte_memseg *rte_mem_virt2memseg(const void *virt, const struct rte_memseg_list *msl);
/**
 * The list whose address range holds an address.
 * @param virt the address
 * @return the list, or NULL when virt is outside EAL memory
 */
struct rte_memseg_list *rte_mem_virt2memseg_list(const void *virt);

/**
 * Check that every mapped page is reachable by a device that uses maskbits-bit addresses, and
 * from then on refuse to map pages that are not (allocations needing them fail with ENOMEM).
 * @param maskbits address width of the device, 1 to 63
 * @return 0, or -1 (with a log line) when a mapped page lies beyond the mask or maskbits is bad
 */
int rte_mem_check_dma_mask(uint8_t maskbits);
/**
 * rte_mem_check_dma_mask without the lock, for memory event callbacks.
 * @param maskbits address width of the device, 1 to 63
 * @return 0, or -1 when a mapped page lies beyond the mask or maskbits is bad
 */
int rte_mem_check_dma_mask_thread_unsafe(uint8_t maskbits);
/**
 * Refuse, from now on, to map pages beyond a maskbits-bit IOVA, without checking the pages
 * mapped already. The narrowest mask set or checked so far applies.
 * @param maskbits address width of the device, 1 to 63
 */
void rte_mem_set_dma_mask(uint8_t maskbits);

/**
 * Whether EAL memory uses physical addresses: hugepages are in use and their frame numbers are
 * readable (which needs root).
 * @return 1 if so, 0 otherwise
 */
int rte_eal_using_phys_addrs(void);

/**
 * File descriptor of the hugepage file behind a mapped page, holding the memory lock for reading.
 * The descriptor belongs to EAL: do not close it or change the file.
 * @param ms a page of a memseg list (from a walk or rte_mem_virt2memseg)
 * @return the descriptor, or -1 with rte_errno: EINVAL ms is NULL or not a memseg of EAL,
 *   ENOENT the page is not mapped, ENOTSUP the page has no file (--no-huge, --in-memory,
 *   external memory), ENODEV its file is not available
 */
int rte_memseg_get_fd(const struct rte_memseg *ms);

/**
 * rte_memseg_get_fd without the lock, for memory event callbacks.
 * @param ms a page of a memseg list
 * @return the descriptor, or -1 with rte_errno as for rte_memseg_get_fd
 */
int rte_memseg_get_fd_thread_unsafe(const struct rte_memseg *ms);

/**
 * Where in its file (see rte_memseg_get_fd) a mapped page starts, holding the memory lock.
 * @param ms a page of a memseg list
 * @param offset where the offset in bytes is written
 * @return 0, or -1 with rte_errno: EINVAL ms or offset is NULL or ms is not a memseg of EAL,
 *   ENOENT, ENOTSUP, ENODEV as for rte_memseg_get_fd
 */
int rte_memseg_get_fd_offset(const struct rte_memseg *ms, size_t *offset);

/**
 * rte_memseg_get_fd_offset without the lock, for memory event callbacks.
 * @param ms a page of a memseg list
 * @param offset where the offset in bytes is written
 * @return 0, or -1 with rte_errno as for rte_memseg_get_fd_offset
 */
int rte_memseg_get_fd_offset_thread_unsafe(const struct rte_memseg *ms, size_t *offset);

/**
 * Make memory the application mapped itself known to EAL, as a memseg list of its own with
 * external set and a socket id of its own (256 or more), so memseg walks (and the
 * DMA layers using them) and address translation see it. It is not given to any heap and EAL
 * neither maps it for DMA nor unmaps it.
 * @param va_addr start of the memory, a multiple of page_sz
 * @param len bytes, a non-zero multiple of page_sz
 * @param iova_addrs IOVA of each page, or NULL for RTE_BAD_IOVA everywhere
 * @param n_pages entries of iova_addrs, len / page_sz (ignored when iova_addrs is NULL)
 * @param page_sz page size of the memory, a power of two
 * @return 0, or -1 with rte_errno: EINVAL bad argument or overlap with other EAL memory,
 *   EEXIST exactly this memory is registered already, ENOSPC all RTE_MAX_MEMSEG_LISTS lists are
 *   in use, ENOMEM
 */
int rte_extmem_register(void *va_addr, size_t len, rte_iova_t iova_addrs[],
		unsigned int n_pages, size_t page_sz);

/**
 * Forget memory registered with rte_extmem_register (it stays mapped).
 * @param va_addr start, as registered
 * @param len bytes, as registered
 * @return 0, or -1 with rte_errno: EINVAL bad argument or memory that belongs to a malloc heap
 *   (see rte_malloc_heap_memory_remove), ENOENT no such registration
 */
int rte_extmem_unregister(void *va_addr, size_t len);

/**
 * Attach to registered external memory. There is a single process here, which sees the
 * registration already: this only checks that it exists.
 * @param va_addr start, as registered
 * @param len bytes, as registered
 * @return 0, or -1 with rte_errno: EINVAL bad argument, ENOENT no such registration
 */
int rte_extmem_attach(void *va_addr, size_t len);

/**
 * Detach from registered external memory (the counterpart of rte_extmem_attach).
 * @param va_addr start, as registered
 * @param len bytes, as registered
 * @return 0, or -1 with rte_errno: EINVAL bad argument, ENOENT no such registration
 */
int rte_extmem_detach(void *va_addr, size_t len);

/** What happened to the pages a memory event reports. */
enum rte_mem_event {
	RTE_MEM_EVENT_ALLOC = 0, /**< pages were mapped (before the heap hands them out) */
	RTE_MEM_EVENT_FREE,      /**< pages are about to be unmapped (still mapped meanwhile) */
};
/**
 * Told about pages mapped or unmapped, so DMA mappings can follow. Runs in the thread that
 * allocates or frees; it must not allocate or free EAL memory itself. A FREE event may cover
 * pages announced by several ALLOC events, or part of one, always in whole pages.
 * @param event_type RTE_MEM_EVENT_ALLOC or RTE_MEM_EVENT_FREE
 * @param addr start of the pages
 * @param len bytes of the pages
 * @param arg what the callback was registered with
 */
typedef void (*rte_mem_event_callback_t)(enum rte_mem_event event_type, const void *addr,
		size_t len, void *arg);
/**
 * Register a memory event callback. Callbacks stay registered until unregistered or until
 * rte_eal_cleanup.
 * @param name a name for it, shorter than RTE_MEM_EVENT_CALLBACK_NAME_LEN
 * @param clb the callback
 * @param arg passed to clb; name and arg together identify the registration
 * @return 0, or -1 with rte_errno: EINVAL bad argument, EEXIST already registered with that name
 *   and arg, ENAMETOOLONG, ENOMEM
 */
int rte_mem_event_callback_register(const char *name, rte_mem_event_callback_t clb, void *arg);
/**
 * Remove a memory event callback.
 * @param name the name it was registered with
 * @param arg the arg it was registered with
 * @return 0, or -1 with rte_errno ENOENT when no callback has that name and arg
 */
int rte_mem_event_callback_unregister(const char *name, void *arg);

/** Room for a memory event callback name, terminating NUL included. */
#define RTE_MEM_EVENT_CALLBACK_NAME_LEN 64

/** Room for a memory allocation validator name, terminating NUL included. */
#define RTE_MEM_ALLOC_VALIDATOR_NAME_LEN 64

/**
 * Asked before a heap maps more pages of a socket when its size would reach the limit the
 * validator was registered with. Runs with the heap locked: it must not allocate EAL memory.
 * @param socket_id the socket of the heap
 * @param cur_limit the limit the validator was registered with
 * @param new_len bytes the heap would have after growing
 * @return 0 to let the heap grow, -1 to refuse (the allocation then fails with ENOMEM)
 */
typedef int (*rte_mem_alloc_validator_t)(int socket_id, size_t cur_limit, size_t new_len);

/**
 * Register an allocation validator for a socket. Every validator whose limit is reached is
 * asked; growth goes ahead only if none refuses.
 * @param name a name for it, shorter than RTE_MEM_ALLOC_VALIDATOR_NAME_LEN
 * @param clb the validator
 * @param socket_id the socket to watch
 * @param limit heap size in bytes from which clb is asked
 * @return 0, or -1 with rte_errno: EINVAL name or clb NULL, name empty or socket_id negative,
 *   ENAMETOOLONG, EEXIST a validator of that name is registered for the socket, ENOMEM
 */
int rte_mem_alloc_validator_register(const char *name, rte_mem_alloc_validator_t clb,
		int socket_id, size_t limit);

/**
 * Remove an allocation validator.
 * @param name the name it was registered with
 * @param socket_id the socket it was registered for
 * @return 0, or -1 with rte_errno: EINVAL name NULL or empty or socket_id negative,
 *   ENAMETOOLONG, ENOENT no such validator
 */
int rte_mem_alloc_validator_unregister(const char *name, int socket_id);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMORY_H_ */
