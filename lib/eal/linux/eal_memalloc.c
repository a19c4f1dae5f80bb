/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Putting pages into a reserved address range and taking them out again.
 *
 * Hugepages come from a file in the hugetlbfs mount named <prefix>map_<n>, mapped MAP_SHARED over
 * the reservation and unlinked at once, so the pages go back to the kernel when they are
 * unmapped or the process dies; a crash between open and unlink leaves a file that the next
 * start-up with the same prefix removes. --in-memory maps anonymous MAP_HUGETLB memory and
 * touches no file system. --no-huge maps anonymous 4 KiB pages that are only faulted in when used.
 *
 * Hugepages are populated when mapped: the kernel has already reserved them for the mapping (so a
 * later fault cannot fail), and in IOVA-as-PA mode their frame numbers are needed right away.
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
#define EAL_MPOL_BIND 2
#define PAGEMAP_PFN_MASK 0x7fffffffffffffULL
#define PAGEMAP_PRESENT (1ULL << 63)

static int
reserve_fixed(void *va, size_t len)
{
	void *p = mmap(va, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE,
		-1, 0);

	return p == MAP_FAILED ? -1 : 0;
}

/*
 * Memory is reserved from 4 GiB upwards rather than where mmap() would put it (near 2^47):
 * under vfio-pci the virtual address is the IOVA, and IOMMUs with 39-bit or 48-bit input
 * addresses (QEMU's emulated VT-d has 39) refuse DMA mappings above their width. The hint is
 * only a preference: when the range is taken, the kernel picks another one.
 */
static uintptr_t va_hint = (uintptr_t)EAL_VA_BASE;

uint64_t
rte_eal_get_baseaddr(void)
{
	return EAL_VA_BASE;
}

void *
eal_memalloc_reserve_va(size_t len, size_t align)
{
	uint8_t *p, *start;
	size_t total = len + align;

	p = mmap((void *)va_hint, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		-1, 0);
	if (p == MAP_FAILED)
		return NULL;
	if ((uintptr_t)p == va_hint)
		va_hint += RTE_ALIGN_CEIL(total, align);
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
	if (eal_mem.pagemap_fd < 0 ||
			pread(eal_mem.pagemap_fd, &entry, sizeof(entry), off) != sizeof(entry) ||
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

/* On machines with several nodes, bind the range to its node before the pages are faulted in. */
static int
bind_and_populate(void *va, size_t len, int socket)
{
	unsigned long mask[(RTE_MAX_NUMA_NODES + 63) / 64 + 1] = { 0 };

	mask[socket / 64] = 1UL << (socket % 64);
	if (syscall(SYS_mbind, va, len, EAL_MPOL_BIND, mask, sizeof(mask) * 8 + 1, 0) != 0)
		return -1;
	/* Unlike MAP_POPULATE, this reports a node that has run out of pages instead of SIGBUS. */
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

static void
drop_file(struct eal_seg_file *file, int fd)
{
	free(file);
	if (fd >= 0)
		close(fd);
}

/*
 * The pages leave their files: a file whose pages are all unmapped is closed, which frees them;
 * one still backing other pages gets a hole punched where these were, or hugetlbfs would keep
 * the pages reserved for it.
 */
static void
release_files(struct eal_memseg_list *msl, unsigned int first, unsigned int n)
{
	uint64_t pg = msl->pub.page_sz;
	unsigned int i;

	if (msl->files == NULL)
		return;
	for (i = first; i < first + n; i++) {
		struct eal_seg_file *f = msl->files[i];

		if (f == NULL)
			continue;
		msl->files[i] = NULL;
		if (--f->refs == 0) {
			drop_file(f, f->fd);
			continue;
		}
		if (fallocate(f->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
				(off_t)((i - f->first_slot) * pg), (off_t)pg) != 0)
			EAL_LOG(DEBUG, "cannot release a %" PRIu64
				" kB page of a hugepage file: %s\n", pg >> 10, strerror(errno));
	}
}

void
eal_memalloc_release_files(struct eal_memseg_list *msl)
{
	if (msl->files != NULL)
		release_files(msl, 0, msl->n_slots);
}

int
eal_memalloc_map(struct eal_memseg_list *msl, unsigned int first, unsigned int n)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	uint64_t pg = msl->pub.page_sz;
	uint8_t *va = (uint8_t *)msl->pub.base_va + (size_t)first * pg;
	size_t len = (size_t)n * pg;
	bool numa = eal_mem.n_nodes > 1 && msl->hp_idx >= 0;
	int populate = numa ? 0 : MAP_POPULATE;
	struct eal_seg_file *file = NULL;
	void *addr;
	unsigned int i;
	int err, fd = -1;

	if (msl->hp_idx < 0) {
		addr = mmap(va, len, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
		err = errno;
	} else if (!eal_mem.use_files) {
		int shift = __builtin_ctzll(pg);

		addr = mmap(va, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS |
			MAP_HUGETLB | MAP_FIXED | populate | (shift << MAP_HUGE_SHIFT), -1, 0);
		err = errno;
	} else {
		char path[PATH_MAX + 64];

		fd = open_hugepage_file(eal_mem.hp[msl->hp_idx].mount, path, sizeof(path));

		if (fd < 0) {
			EAL_LOG(ERR, "cannot create hugepage file in %s: %s\n",
				eal_mem.hp[msl->hp_idx].mount, strerror(errno));
			rte_errno = errno;
			return -1;
		}
		addr = mmap(va, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED | populate,
			fd, 0);
		err = errno;
		unlink(path);
		/* Kept open for rte_memseg_get_fd; without bookkeeping the pages just lack it. */
		if (addr != MAP_FAILED && msl->files != NULL)
			file = malloc(sizeof(*file));
		if (file == NULL) {
			close(fd);
			fd = -1;
		}
	}
	if (addr == MAP_FAILED) {
		/* A failed MAP_FIXED may have removed the reservation already. */
		reserve_fixed(va, len);
		EAL_LOG(DEBUG, "cannot map %u pages of %" PRIu64 " kB on socket %d: %s\n", n,
			pg >> 10, msl->pub.socket_id, strerror(err));
		rte_errno = ENOMEM;
		return -1;
	}
	if (numa && bind_and_populate(va, len, msl->pub.socket_id) != 0) {
		drop_file(file, fd);
		reserve_fixed(va, len);
		EAL_LOG(DEBUG, "no %u free pages of %" PRIu64 " kB on socket %d\n", n, pg >> 10,
			msl->pub.socket_id);
		rte_errno = ENOMEM;
		return -1;
	}

	/*
	 * Small pages used as PA: fault them in and lock them now, so that each has a frame (and
	 * keeps it, out of swap) from the moment a memseg gives its IOVA to a device. The pages
	 * are touched as well, since mlock alone is not always honoured (sanitizers ignore it).
	 */
	if (msl->hp_idx < 0 && rte_eal_iova_mode() == RTE_IOVA_PA) {
		if (mlock(va, len) != 0) {
			err = errno;
			reserve_fixed(va, len);
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
		drop_file(file, fd);
		reserve_fixed(va, len);
		rte_errno = ENOMEM;
		return -1;
	}
	if (file != NULL) {
		file->fd = fd;
		file->refs = n;
		file->first_slot = first;
		for (i = 0; i < n; i++)
			msl->files[first + i] = file;
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

	memset(&msl->segs[first], 0, sizeof(msl->segs[0]) * n);
	release_files(msl, first, n);
	if (reserve_fixed(va, (size_t)n * pg) != 0) {
		/* The range is no longer ours: its slots stay marked so nothing maps there. */
		munmap(va, (size_t)n * pg);
	} else {
		mark_slots(msl, first, n, false);
	}
	msl->n_mapped -= n;
	msl->pub.version++;
}
