/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Putting pages into a reserved address range and taking them out again.
 *
 * Each memseg list has one file mapped shared over its whole range: a file <prefix>map_<n> in
 * the hugetlbfs mount (unlinked at once, so its pages go back to the kernel when the last
 * process holding it exits), a hugetlb memfd with --in-memory, a plain memfd with --no-huge.
 * A page at slot i of the list is at offset i * page size of its file. Mapping pages allocates
 * them in the file, unmapping punches a hole there; the mapping itself never changes, so a
 * secondary process that maps the same file at the same address sees every page the primary
 * puts in or takes out, with no message between them. A crash between open and unlink leaves a
 * file that the next start-up with the same prefix removes.
 *
 * Hugepages are allocated when mapped (fallocate reports a lack of pages instead of the SIGBUS a
 * fault would raise) and populated: in IOVA-as-PA mode their frame numbers are needed right
 * away. --no-huge pages are only faulted in when used.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <inttypes.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"
#include "eal_memalloc.h"

#ifndef MAP_HUGE_SHIFT
#define MAP_HUGE_SHIFT 26
#endif
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MFD_HUGETLB
#define MFD_HUGETLB 4U
#endif
#ifndef MFD_HUGE_SHIFT
#define MFD_HUGE_SHIFT 26
#endif
#define EAL_MPOL_BIND 2
#define PAGEMAP_PFN_MASK 0x7fffffffffffffULL
#define PAGEMAP_PRESENT (1ULL << 63)

/* This process's descriptors of the lists' files, by list index. */
static int list_fds[RTE_MAX_MEMSEG_LISTS] = { [0 ... RTE_MAX_MEMSEG_LISTS - 1] = -1 };

/*
 * Memory is reserved from 4 GiB upwards (or --base-virtaddr) rather than where mmap() would put
 * it (near 2^47): under vfio-pci the virtual address is the IOVA, and IOMMUs with 39-bit or
 * 48-bit input addresses (QEMU's emulated VT-d has 39) refuse DMA mappings above their width.
 * The hint is only a preference. When its range is taken (AddressSanitizer's shadow covers
 * 4 GiB), EAL_VA_FALLBACK is tried once: left to the kernel, the range would sit among the
 * libraries, whose place changes with every process, and a secondary could not map it.
 */
static uintptr_t va_hint;
static bool va_fallback_tried;

uint64_t
rte_eal_get_baseaddr(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();

	return cfg->base_virtaddr != 0 ? cfg->base_virtaddr : EAL_VA_BASE;
}

void
eal_memalloc_va_restart(void)
{
	va_hint = (uintptr_t)rte_eal_get_baseaddr();
	va_fallback_tried = false;
}

/* total bytes at the hint, or where the kernel likes; the hint moves past what it got. */
static uint8_t *
reserve_near_hint(size_t total, size_t align, bool *at_hint)
{
	uint8_t *p;

	p = mmap((void *)va_hint, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		-1, 0);
	*at_hint = p != MAP_FAILED && (uintptr_t)p == va_hint;
	if (*at_hint)
		va_hint += RTE_ALIGN_CEIL(total, align);
	return p;
}

void *
eal_memalloc_reserve_va(size_t len, size_t align)
{
	uint8_t *p, *start;
	size_t total = len + align;
	bool at_hint;

	if (va_hint == 0)
		eal_memalloc_va_restart();
	p = reserve_near_hint(total, align, &at_hint);
	if (p != MAP_FAILED && !at_hint && !va_fallback_tried && sizeof(void *) == 8 &&
	    eal_get_internal_configuration()->base_virtaddr == 0) {
		uint8_t *q;

		va_fallback_tried = true;
		va_hint = (uintptr_t)EAL_VA_FALLBACK;
		q = reserve_near_hint(total, align, &at_hint);
		if (at_hint) {
			munmap(p, total);
			p = q;
		} else if (q != MAP_FAILED) {
			munmap(q, total);
		}
	}
	if (p == MAP_FAILED)
		return NULL;
	/* Hugepages can only be mapped at addresses aligned to their size: trim both ends. */
	start = (uint8_t *)RTE_ALIGN_CEIL((uintptr_t)p, align);
	if (start != p)
		munmap(p, (size_t)(start - p));
	if (start + len != p + total)
		munmap(start + len, (size_t)(p + total - (start + len)));
	return start;
}

void
eal_memalloc_release_va(void *va, size_t len)
{
	if (va != NULL)
		munmap(va, len);
}

static bool
slot_used(const struct eal_memseg_list *msl, unsigned int i)
{
	return (msl->used[i / 64] >> (i % 64)) & 1;
}

int
eal_memalloc_find_slots(const struct eal_memseg_list *msl, unsigned int n)
{
	unsigned int i = 0, run = 0;

	while (i < msl->n_slots) {
		if (i % 64 == 0 && run == 0 && msl->used[i / 64] == UINT64_MAX) {
			i += 64;
			continue;
		}
		if (slot_used(msl, i)) {
			run = 0;
		} else if (++run == n) {
			return (int)(i + 1 - n);
		}
		i++;
	}
	return -1;
}

bool
eal_memalloc_slots_free(const struct eal_memseg_list *msl, unsigned int first, unsigned int n)
{
	unsigned int i;

	if (first > msl->n_slots || n > msl->n_slots - first)
		return false;
	for (i = first; i < first + n; i++)
		if (slot_used(msl, i))
			return false;
	return true;
}

static void
mark_slots(struct eal_memseg_list *msl, unsigned int first, unsigned int n, bool used)
{
	unsigned int i;

	for (i = first; i < first + n; i++) {
		if (used)
			msl->used[i / 64] |= 1ULL << (i % 64);
		else
			msl->used[i / 64] &= ~(1ULL << (i % 64));
	}
}

static rte_iova_t
page_iova(void *va)
{
	uint64_t entry;
	off_t off = (off_t)((uintptr_t)va / RTE_PGSIZE_4K * sizeof(entry));

	if (rte_eal_iova_mode() != RTE_IOVA_PA)
		return (uintptr_t)va;
	if (eal_pagemap_fd < 0 ||
			pread(eal_pagemap_fd, &entry, sizeof(entry), off) != sizeof(entry) ||
			!(entry & PAGEMAP_PRESENT) || (entry & PAGEMAP_PFN_MASK) == 0)
		return RTE_BAD_IOVA;
	return (entry & PAGEMAP_PFN_MASK) * RTE_PGSIZE_4K;
}

/* A hugepage file of our prefix in the mount; retries the number when another process has it. */
static int
open_hugepage_file(const char *mount, char *path, size_t size)
{
	unsigned int tries;

	for (tries = 0; tries < 1024; tries++) {
		int fd;

		snprintf(path, size, "%s/%smap_%u", mount, eal_file_prefix(), eal_mem.file_seq++);
		fd = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

/* Fault the pages of [va, va + len) in, reporting a lack of pages instead of SIGBUS. */
static int
populate(void *va, size_t len)
{
	if (madvise(va, len, MADV_POPULATE_WRITE) == 0)
		return 0;
	if (errno != EINVAL)
		return -1;
	/* Kernels before 5.14: faulting the pages in through mlock reports failures too. */
	if (mlock(va, len) != 0)
		return -1;
	munlock(va, len);
	return 0;
}

/* On machines with several nodes, bind the range to its node before the pages are faulted in. */
static int
bind_and_populate(void *va, size_t len, int socket)
{
	unsigned long mask[(RTE_MAX_NUMA_NODES + 63) / 64 + 1] = { 0 };

	mask[socket / 64] = 1UL << (socket % 64);
	if (syscall(SYS_mbind, va, len, EAL_MPOL_BIND, mask, sizeof(mask) * 8 + 1, 0) != 0)
		return -1;
	return populate(va, len);
}

static unsigned int
list_index(const struct eal_memseg_list *msl)
{
	return (unsigned int)(msl - eal_mem.msl);
}

int
eal_memalloc_list_fd(const struct eal_memseg_list *msl)
{
	return list_fds[list_index(msl)];
}

/*
 * Give the pages of [off, off + len) of the list's file back to the kernel; false when it keeps
 * them.
 */
static bool
punch(struct eal_memseg_list *msl, void *va, size_t off, size_t len)
{
	if (fallocate(eal_memalloc_list_fd(msl), FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
			(off_t)off, (off_t)len) == 0)
		return true;
	if (madvise(va, len, MADV_REMOVE) == 0)
		return true;
	EAL_LOG(DEBUG, "cannot give %zu kB of memory back to the kernel: %s\n", len >> 10,
		strerror(errno));
	return false;
}

int
eal_memalloc_list_create(struct eal_memseg_list *msl)
{
	uint64_t pg = msl->pub.page_sz;
	size_t len = msl->pub.len;
	char path[PATH_MAX + 64] = "";
	const char *what;
	void *va;
	int fd;

	if (msl->hp_idx < 0) {
		what = "memfd";
		fd = memfd_create("rte_mem", MFD_CLOEXEC);
	} else if (!eal_mem.use_files) {
		what = "hugetlb memfd";
		fd = memfd_create("rte_hugepages", MFD_CLOEXEC | MFD_HUGETLB |
			((unsigned int)__builtin_ctzll(pg) << MFD_HUGE_SHIFT));
	} else {
		what = eal_mem.hp[msl->hp_idx].mount;
		fd = open_hugepage_file(what, path, sizeof(path));
		if (fd >= 0)
			unlink(path);
	}
	if (fd < 0 || ftruncate(fd, (off_t)len) != 0) {
		EAL_LOG(ERR, "cannot create the %" PRIu64 " kB page file of socket %d (%s): %s\n",
			pg >> 10, msl->pub.socket_id, what, strerror(errno));
		if (fd >= 0)
			close(fd);
		rte_errno = ENOMEM;
		return -1;
	}
	va = mmap(msl->pub.base_va, len, PROT_READ | PROT_WRITE,
		MAP_SHARED | MAP_FIXED | MAP_NORESERVE, fd, 0);
	if (va == MAP_FAILED) {
		EAL_LOG(ERR, "cannot map the %" PRIu64 " kB page file of socket %d: %s\n", pg >> 10,
			msl->pub.socket_id, strerror(errno));
		close(fd);
		rte_errno = ENOMEM;
		return -1;
	}
	list_fds[list_index(msl)] = fd;
	msl->fd = fd;
	return 0;
}

int
eal_memalloc_list_attach(struct eal_memseg_list *msl, pid_t primary)
{
	char path[64];
	void *va;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)primary, msl->fd);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		EAL_LOG(ERR, "secondary process: cannot open the primary's memory file %s: %s\n",
			path, strerror(errno));
		rte_errno = errno == EACCES ? EACCES : ENOENT;
		return -1;
	}
	va = mmap(msl->pub.base_va, msl->pub.len, PROT_READ | PROT_WRITE,
		MAP_SHARED | MAP_FIXED_NOREPLACE | MAP_NORESERVE, fd, 0);
	if (va != msl->pub.base_va) {
		int err = va == MAP_FAILED ? errno : EEXIST;

		if (va != MAP_FAILED)
			munmap(va, msl->pub.len);
		close(fd);
		EAL_LOG(ERR, "secondary process: cannot map memory at %p-%p as the primary does: "
			"%s (--base-virtaddr moves the primary's)\n", msl->pub.base_va,
			(void *)((uintptr_t)msl->pub.base_va + msl->pub.len), strerror(err));
		rte_errno = ENOMEM;
		return -1;
	}
	list_fds[list_index(msl)] = fd;
	return 0;
}

void
eal_memalloc_list_release(struct eal_memseg_list *msl)
{
	unsigned int idx = list_index(msl);

	if (list_fds[idx] < 0)
		return;
	munmap(msl->pub.base_va, msl->pub.len);
	close(list_fds[idx]);
	list_fds[idx] = -1;
}

int
eal_memalloc_map(struct eal_memseg_list *msl, unsigned int first, unsigned int n)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	uint64_t pg = msl->pub.page_sz;
	uint8_t *va = (uint8_t *)msl->pub.base_va + (size_t)first * pg;
	size_t off = (size_t)first * pg, len = (size_t)n * pg;
	bool numa = eal_mem.n_nodes > 1 && msl->hp_idx >= 0;
	unsigned int i;
	int fd = eal_memalloc_list_fd(msl);

	if (fd < 0) {
		rte_errno = ENODEV;
		return -1;
	}
	if (msl->hp_idx >= 0) {
		int ret;

		if (numa)
			ret = bind_and_populate(va, len, msl->pub.socket_id);
		else
			ret = fallocate(fd, 0, (off_t)off, (off_t)len) != 0 ? -1 :
				populate(va, len);
		if (ret != 0) {
			int err = errno;

			punch(msl, va, off, len);
			EAL_LOG(DEBUG, "cannot map %u pages of %" PRIu64 " kB on socket %d: %s\n",
				n, pg >> 10, msl->pub.socket_id, strerror(err));
			rte_errno = ENOMEM;
			return -1;
		}
	}

	/*
	 * Small pages used as PA: fault them in and lock them now, so that each has a frame (and
	 * keeps it, out of swap) from the moment a memseg gives its IOVA to a device. The pages
	 * are touched as well, since mlock alone is not always honoured (sanitizers ignore it).
	 */
	if (msl->hp_idx < 0 && rte_eal_iova_mode() == RTE_IOVA_PA) {
		if (mlock(va, len) != 0) {
			int err = errno;

			punch(msl, va, off, len);
			EAL_LOG(ERR, "cannot lock %zu kB of --no-huge memory for IOVA as PA: %s\n",
				len >> 10, strerror(err));
			rte_errno = ENOMEM;
			return -1;
		}
		for (i = 0; i < n; i++)
			((volatile uint8_t *)va)[(size_t)i * pg] = 0;
	}

	for (i = 0; i < n; i++) {
		struct rte_memseg *ms = &msl->segs[first + i];

		ms->addr = va + (size_t)i * pg;
		ms->len = pg;
		ms->hugepage_sz = pg;
		ms->socket_id = msl->pub.socket_id;
		ms->nchannel = cfg->force_nchannel;
		ms->nrank = cfg->force_nrank;
		ms->flags = 0;
		ms->iova = page_iova(ms->addr);
	}
	/* A device that cannot address more than dma_maskbits must be able to reach every page. */
	for (i = 0; i < n && eal_mem.dma_maskbits != 0; i++) {
		const struct rte_memseg *ms = &msl->segs[first + i];

		if (ms->iova == RTE_BAD_IOVA ||
				((ms->iova + ms->len - 1) >> eal_mem.dma_maskbits) == 0)
			continue;
		EAL_LOG(ERR, "pages at IOVA 0x%" PRIx64 " are beyond the %u-bit DMA mask\n",
			ms->iova, eal_mem.dma_maskbits);
		memset(&msl->segs[first], 0, sizeof(msl->segs[0]) * n);
		if (msl->hp_idx < 0 && rte_eal_iova_mode() == RTE_IOVA_PA)
			munlock(va, len);
		punch(msl, va, off, len);
		rte_errno = ENOMEM;
		return -1;
	}
	mark_slots(msl, first, n, true);
	msl->n_mapped += n;
	msl->pub.version++;
	return 0;
}

void
eal_memalloc_unmap(struct eal_memseg_list *msl, unsigned int first, unsigned int n)
{
	uint64_t pg = msl->pub.page_sz;
	uint8_t *va = (uint8_t *)msl->pub.base_va + (size_t)first * pg;
	size_t len = (size_t)n * pg;

	memset(&msl->segs[first], 0, sizeof(msl->segs[0]) * n);
	if (msl->hp_idx < 0 && rte_eal_iova_mode() == RTE_IOVA_PA)
		munlock(va, len);
	/*
	 * Pages mapped again later must read as zeros (the heap relies on it to skip the memset
	 * of rte_zmalloc_sparse_socket), so pages the kernel keeps are cleared.
	 */
	if (!punch(msl, va, (size_t)first * pg, len))
		memset(va, 0, len);
	mark_slots(msl, first, n, false);
	msl->n_mapped -= n;
	msl->pub.version++;
}
