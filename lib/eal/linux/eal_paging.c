/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_eal_paging.h on top of mmap(2), munmap(2) and mlock(2). */
#include <errno.h>
#include <inttypes.h>
#include <unistd.h>
#include <sys/mman.h>

#include <rte_common.h>
#include <rte_eal_paging.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"

#define PROT_ALL (RTE_PROT_READ | RTE_PROT_WRITE | RTE_PROT_EXECUTE)
#define MAP_ALL (RTE_MAP_SHARED | RTE_MAP_PRIVATE | RTE_MAP_ANONYMOUS | RTE_MAP_FORCE_ADDRESS)

void *
rte_mem_map(void *requested_addr, size_t size, int prot, int flags, int fd, size_t offset)
{
	int sys_prot = PROT_NONE, sys_flags = 0;
	void *va;

	if ((prot & ~PROT_ALL) != 0 || (flags & ~MAP_ALL) != 0) {
		EAL_LOG(ERR, "rte_mem_map: unknown protection 0x%x or flags 0x%x\n", prot, flags);
		rte_errno = EINVAL;
		return NULL;
	}
	if (prot & RTE_PROT_READ)
		sys_prot |= PROT_READ;
	if (prot & RTE_PROT_WRITE)
		sys_prot |= PROT_WRITE;
	if (prot & RTE_PROT_EXECUTE)
		sys_prot |= PROT_EXEC;
	if (flags & RTE_MAP_SHARED)
		sys_flags |= MAP_SHARED;
	if (flags & RTE_MAP_PRIVATE)
		sys_flags |= MAP_PRIVATE;
	if (flags & RTE_MAP_ANONYMOUS)
		sys_flags |= MAP_ANONYMOUS;
	if (flags & RTE_MAP_FORCE_ADDRESS)
		sys_flags |= MAP_FIXED;
	va = mmap(requested_addr, size, sys_prot, sys_flags, fd, (off_t)offset);
	if (va == MAP_FAILED) {
		rte_errno = errno;
		EAL_LOG(DEBUG, "rte_mem_map(%p, 0x%zx, prot 0x%x, flags 0x%x, fd %d, offset "
			"0x%zx): %s\n", requested_addr, size, prot, flags, fd, offset,
			rte_strerror(rte_errno));
		return NULL;
	}
	return va;
}

int
rte_mem_unmap(void *virt, size_t size)
{
	if (munmap(virt, size) == 0)
		return 0;
	rte_errno = errno;
	EAL_LOG(DEBUG, "rte_mem_unmap(%p, 0x%zx): %s\n", virt, size, rte_strerror(rte_errno));
	return -1;
}

size_t
rte_mem_page_size(void)
{
	static size_t page_size;

	/* sysconf is a library call; the answer never changes while we run. */
	if (page_size == 0)
		page_size = (size_t)sysconf(_SC_PAGESIZE);
	return page_size;
}

int
rte_mem_lock(const void *virt, size_t size)
{
	if (mlock(virt, size) == 0)
		return 0;
	rte_errno = errno;
	return -1;
}
