/* SPDX-License-Identifier: BSD-3-Clause */
/* Address translation for DMA: virtual to physical through /proc/self/pagemap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mman.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_memory.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"

#define PFN_MASK_SIZE 8

phys_addr_t
rte_mem_virt2phy(const void *virtaddr)
{
	uint64_t page, pfn;
	long page_size = sysconf(_SC_PAGESIZE);
	off_t offset;
	int fd;

	fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return RTE_BAD_IOVA;
	offset = (off_t)(((uintptr_t)virtaddr / (uint64_t)page_size) * sizeof(uint64_t));
	if (pread(fd, &page, PFN_MASK_SIZE, offset) != PFN_MASK_SIZE) {
		close(fd);
		return RTE_BAD_IOVA;
	}
	close(fd);
	/* Bit 63: page present; bits 0-54: frame number (zero when not root). */
	pfn = page & 0x7fffffffffffffULL;
	if (!(page & (1ULL << 63)) || pfn == 0)
		return RTE_BAD_IOVA;
	return pfn * (uint64_t)page_size + ((uintptr_t)virtaddr % (uint64_t)page_size);
}

rte_iova_t
rte_mem_virt2iova(const void *virtaddr)
{
	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return (uintptr_t)virtaddr;
	return rte_mem_virt2phy(virtaddr);
}

void *
rte_mem_iova2virt(rte_iova_t iova)
{
	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return (void *)(uintptr_t)iova;
	return NULL;
}

uint64_t
rte_eal_get_physmem_size(void)
{
	return eal_get_internal_configuration()->memory;
}

void
rte_dump_physmem_layout(FILE *f)
{
	fprintf(f, "memory: anonymous, %zu bytes requested\n",
		(size_t)eal_get_internal_configuration()->memory);
}

unsigned int
rte_memory_get_nchannel(void)
{
	return eal_get_internal_configuration()->force_nchannel;
}

unsigned int
rte_memory_get_nrank(void)
{
	return eal_get_internal_configuration()->force_nrank;
}

int
rte_mem_lock_page(const void *virt)
{
	uintptr_t page = RTE_ALIGN_FLOOR((uintptr_t)virt, (uintptr_t)sysconf(_SC_PAGESIZE));

	return mlock((void *)page, (size_t)sysconf(_SC_PAGESIZE));
}

int
rte_memseg_walk(rte_memseg_walk_t func, void *arg)
{
	RTE_SET_USED(func);
	RTE_SET_USED(arg);
	return 0;
}

int
rte_mem_event_callback_register(const char *name, rte_mem_event_callback_t clb, void *arg)
{
	RTE_SET_USED(name);
	RTE_SET_USED(clb);
	RTE_SET_USED(arg);
	rte_errno = ENOTSUP;
	return -1;
}

int
rte_mem_event_callback_unregister(const char *name, void *arg)
{
	RTE_SET_USED(name);
	RTE_SET_USED(arg);
	rte_errno = ENOTSUP;
	return -1;
}

int
rte_eal_memory_init(void)
{
	return 0;
}

void
rte_eal_memory_cleanup(void)
{
}
