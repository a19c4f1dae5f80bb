/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Start-up of EAL memory on Linux: find the hugepages we may use, check -m / --socket-mem
 * against them, choose the IOVA mode and reserve one address range per (NUMA node, page size).
 * Nothing is mapped here: the heap maps pages into the ranges when it needs them, which keeps
 * start-up fast and the resident set small. Also the pagemap lookup behind rte_mem_virt2phy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <inttypes.h>
#include <sys/mman.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_memory.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"
#include "eal_memalloc.h"
#include "eal_shared.h"

#define PAGEMAP_PFN_MASK 0x7fffffffffffffULL
#define PAGEMAP_PRESENT (1ULL << 63)

static struct eal_mem_state eal_mem_local = {
	.lock = PTHREAD_RWLOCK_INITIALIZER,
};
struct eal_mem_state *eal_mem_ptr = &eal_mem_local;
int eal_pagemap_fd = -1;

/* The lists rte_eal_memory_init will create, once the shared configuration is sized. */
static struct msl_plan {
	int socket;
	uint64_t page_sz;
	unsigned int n_slots;
	int hp_idx;
} plan[RTE_MAX_MEMSEG_LISTS];
static unsigned int n_plan;

phys_addr_t
rte_mem_virt2phy(const void *virtaddr)
{
	uint64_t entry;
	off_t offset = (off_t)((uintptr_t)virtaddr / RTE_PGSIZE_4K * sizeof(entry));
	ssize_t n;
	int fd;

	fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return RTE_BAD_IOVA;
	n = pread(fd, &entry, sizeof(entry), offset);
	close(fd);
	/* Bit 63: present; bits 0-54: frame number, reported as zero to unprivileged readers. */
	if (n != sizeof(entry) || !(entry & PAGEMAP_PRESENT) || (entry & PAGEMAP_PFN_MASK) == 0)
		return RTE_BAD_IOVA;
	return (entry & PAGEMAP_PFN_MASK) * RTE_PGSIZE_4K + (uintptr_t)virtaddr % RTE_PGSIZE_4K;
}

/* Can this process read physical frame numbers? Checked on a page we know is present. */
static bool
physaddrs_readable(void)
{
	volatile uint64_t probe = 1;

	return rte_mem_virt2phy((const void *)(uintptr_t)&probe) != RTE_BAD_IOVA;
}

int
rte_eal_using_phys_addrs(void)
{
	return !eal_get_internal_configuration()->no_hugetlbfs && physaddrs_readable() ? 1 : 0;
}

/*
 * IOVA as PA when hugepages back the memory (they never move) and frame numbers are readable;
 * IOVA as VA otherwise. --iova-mode overrides, but PA needs readable frame numbers.
 */
static int
choose_iova_mode(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	struct rte_config *config = rte_eal_get_configuration();
	bool phys = physaddrs_readable();
	enum rte_iova_mode mode;

	if (cfg->iova_mode == RTE_IOVA_PA && !phys) {
		EAL_LOG(ERR, "--iova-mode=pa: physical addresses are not readable from "
			"/proc/self/pagemap (needs root)\n");
		rte_errno = EACCES;
		return -1;
	}
	if (cfg->iova_mode != RTE_IOVA_DC)
		mode = cfg->iova_mode;
	else
		mode = phys && eal_mem.hugepages ? RTE_IOVA_PA : RTE_IOVA_VA;
	config->iova_mode = mode;
	if (mode == RTE_IOVA_PA)
		eal_pagemap_fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	EAL_LOG(DEBUG, "IOVA mode %s\n", mode == RTE_IOVA_PA ? "PA" : "VA");
	return 0;
}

static int
add_msl(int socket, uint64_t page_sz, unsigned int n_slots, int hp_idx)
{
	if (n_plan == RTE_MAX_MEMSEG_LISTS || n_slots == 0)
		return 0;
	plan[n_plan].socket = socket;
	plan[n_plan].page_sz = page_sz;
	plan[n_plan].n_slots = n_slots;
	plan[n_plan].hp_idx = hp_idx;
	n_plan++;
	return 0;
}

static size_t
msl_meta_size(unsigned int n_slots)
{
	return RTE_ALIGN_CEIL(n_slots * sizeof(struct rte_memseg), RTE_CACHE_LINE_SIZE) +
		RTE_ALIGN_CEIL((n_slots + 63) / 64 * sizeof(uint64_t), RTE_CACHE_LINE_SIZE);
}

static int
create_msl(const struct msl_plan *p)
{
	struct eal_memseg_list *msl = &eal_mem.msl[eal_mem.n_msl];
	size_t len = (size_t)p->n_slots * p->page_sz;

	memset(msl, 0, sizeof(*msl));
	msl->fd = -1;
	msl->segs = eal_shared_alloc(p->n_slots * sizeof(*msl->segs));
	msl->used = eal_shared_alloc((p->n_slots + 63) / 64 * sizeof(uint64_t));
	msl->pub.base_va = eal_memalloc_reserve_va(len, p->page_sz);
	if (msl->segs == NULL || msl->used == NULL || msl->pub.base_va == NULL) {
		EAL_LOG(ERR, "cannot reserve %zu MB of address space for socket %d\n",
			(size_t)(len / EAL_MB), p->socket);
		eal_memalloc_release_va(msl->pub.base_va, len);
		memset(msl, 0, sizeof(*msl));
		rte_errno = ENOMEM;
		return -1;
	}
	msl->pub.page_sz = p->page_sz;
	msl->pub.socket_id = p->socket;
	msl->pub.len = len;
	msl->pub.heap = 1;
	msl->n_slots = p->n_slots;
	msl->hp_idx = p->hp_idx;
	if (eal_memalloc_list_create(msl) < 0) {
		eal_memalloc_release_va(msl->pub.base_va, len);
		memset(msl, 0, sizeof(*msl));
		return -1;
	}
	eal_mem.n_msl++;
	return 0;
}

/*
 * Move the memory state into a new shared configuration sized for the planned lists, then
 * create the lists there.
 */
static int
create_shared_lists(void)
{
	struct eal_mem_state *shared;
	size_t size = sizeof(*shared);
	unsigned int i;

	for (i = 0; i < n_plan; i++)
		size += msl_meta_size(plan[i].n_slots);
	if (eal_shared_create(size) < 0)
		return -1;
	shared = eal_shared_alloc(sizeof(*shared));
	if (shared == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	memcpy(shared, &eal_mem_local, sizeof(*shared));
	eal_shared_rwlock_init(&shared->lock);
	eal_mem_ptr = shared;
	eal_shared_set(EAL_SHARED_MEM, shared);
	for (i = 0; i < n_plan; i++)
		if (create_msl(&plan[i]) < 0)
			return -1;
	return 0;
}

static uint64_t
free_bytes_on(unsigned int node)
{
	uint64_t sum = 0;
	unsigned int i;

	for (i = 0; i < eal_mem.n_hp; i++)
		sum += (uint64_t)eal_mem.hp[i].avail[node] * eal_mem.hp[i].page_sz;
	return sum;
}

/* One line telling the user what was found and that --no-huge is the way out. */
static void
report_no_hugepages(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	bool unmounted_free = false;
	char what[512] = "";
	size_t off = 0;
	unsigned int i;

	for (i = 0; i < eal_mem.n_hp && off < sizeof(what); i++) {
		const struct eal_hp_size *hp = &eal_mem.hp[i];
		bool anon = cfg->in_memory && cfg->hugepage_dir == NULL;
		bool mounted = hp->mount[0] != '\0' || anon;

		/* With --huge-dir only the size mounted there matters. */
		if (!mounted && cfg->hugepage_dir != NULL)
			continue;
		unmounted_free |= !mounted && hp->free_pages > 0;
		unmounted_free |= mounted && !anon && !hp->writable && hp->free_pages > 0;
		off += (size_t)snprintf(what + off, sizeof(what) - off, "%s%" PRIu64 " kB: %" PRIu64
			" free%s%s%s", off ? "; " : "", hp->page_sz >> 10, hp->free_pages,
			hp->mount[0] && !anon ? " on " : (mounted ? "" : ", no hugetlbfs mounted"),
			anon ? "" : hp->mount, hp->mount[0] && !anon && !hp->writable ?
			" (not writable)" : "");
	}
	if (eal_mem.n_hp == 0)
		EAL_LOG(ERR, "no hugepage support in this kernel - "
			"use --no-huge to run without hugepages\n");
	else
		EAL_LOG(ERR, "%s (%s) - use --no-huge to run without them\n", unmounted_free ?
			"no usable hugepages" : "no free hugepages", what);
}

/* -m / --socket-mem must fit in what is free now; say what is free when it does not. */
static int
check_requested(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	uint64_t total = 0;
	unsigned int n;

	for (n = 0; n < RTE_MAX_NUMA_NODES; n++)
		total += free_bytes_on(n);
	if (cfg->force_sockets) {
		for (n = 0; n < RTE_MAX_NUMA_NODES; n++) {
			if (cfg->socket_mem[n] <= free_bytes_on(n))
				continue;
			EAL_LOG(ERR, "--socket-mem asks for %" PRIu64 " MB on socket %u but only %"
				PRIu64 " MB of hugepages are free there\n",
				(uint64_t)(cfg->socket_mem[n] / EAL_MB), n,
				(uint64_t)(free_bytes_on(n) / EAL_MB));
			return -1;
		}
	} else if (cfg->memory > total) {
		EAL_LOG(ERR, "-m %zu MB is more than the %" PRIu64 " MB of free hugepages\n",
			(size_t)(cfg->memory / EAL_MB), (uint64_t)(total / EAL_MB));
		return -1;
	}
	return 0;
}

static int
init_hugepages(void)
{
	uint64_t total = 0;
	unsigned int i, n;

	if (eal_hugepage_info_init() < 0)
		return -1;
	for (n = 0; n < RTE_MAX_NUMA_NODES; n++)
		total += free_bytes_on(n);
	if (total == 0) {
		report_no_hugepages();
		rte_errno = ENOMEM;
		return -1;
	}
	if (check_requested() < 0) {
		rte_errno = ENOMEM;
		return -1;
	}
	for (n = 0; n < eal_mem.n_nodes; n++) {
		for (i = 0; i < eal_mem.n_hp; i++) {
			const struct eal_hp_size *hp = &eal_mem.hp[i];
			uint64_t pages = RTE_MAX(hp->total[n], hp->avail[n]);

			if (hp->avail[n] == 0)
				continue;
			pages = RTE_MIN(pages, EAL_MSL_MAX_VA / hp->page_sz);
			if (add_msl((int)n, hp->page_sz, (unsigned int)pages, (int)i) < 0)
				return -1;
		}
	}
	return 0;
}

static int
init_no_huge(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	uint64_t ram = (uint64_t)sysconf(_SC_PHYS_PAGES) * (uint64_t)sysconf(_SC_PAGESIZE);
	uint64_t limit = cfg->memory != 0 ? cfg->memory : EAL_NO_HUGE_DEFAULT_LIMIT;

	if (cfg->memory > ram) {
		EAL_LOG(ERR, "-m %zu MB is more than the %" PRIu64 " MB of RAM of this machine\n",
			(size_t)(cfg->memory / EAL_MB), (uint64_t)(ram / EAL_MB));
		rte_errno = ENOMEM;
		return -1;
	}
	limit = RTE_ALIGN_CEIL(limit, EAL_NO_HUGE_MIN_CHUNK);
	eal_mem.no_huge_limit = limit;
	return add_msl(0, RTE_PGSIZE_4K, (unsigned int)(limit / RTE_PGSIZE_4K), -1);
}

int
rte_eal_memory_init(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	int ret;

	eal_mem.n_msl = 0;
	eal_mem.n_hp = 0;
	eal_mem.n_nodes = 1;
	eal_mem.file_seq = 0;
	eal_pagemap_fd = -1;
	eal_mem.hugepages = !cfg->no_hugetlbfs;
	eal_mem.use_files = !cfg->in_memory;
	n_plan = 0;

	ret = eal_mem.hugepages ? init_hugepages() : init_no_huge();
	if (ret == 0)
		ret = create_shared_lists();
	if (ret == 0)
		ret = choose_iova_mode();
	if (ret < 0) {
		int err = rte_errno;

		rte_eal_memory_cleanup();
		rte_errno = err;
	}
	return ret;
}

int
eal_memory_attach(void)
{
	struct eal_shared_hdr *hdr = eal_shared();
	struct rte_config *config = rte_eal_get_configuration();
	struct eal_mem_state *shared = eal_shared_get(EAL_SHARED_MEM);
	unsigned int i;

	if (hdr == NULL || shared == NULL) {
		rte_errno = ENOENT;
		return -1;
	}
	eal_mem_ptr = shared;
	config->iova_mode = (enum rte_iova_mode)hdr->iova_mode;
	if (config->iova_mode == RTE_IOVA_PA)
		eal_pagemap_fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	pthread_rwlock_rdlock(&eal_mem.lock);
	for (i = 0; i < eal_mem.n_msl; i++) {
		struct eal_memseg_list *msl = &eal_mem.msl[i];

		if (msl->pub.base_va == NULL || msl->pub.external)
			continue;
		if (eal_memalloc_list_attach(msl, hdr->primary_pid) < 0) {
			int err = rte_errno;

			pthread_rwlock_unlock(&eal_mem.lock);
			rte_eal_memory_cleanup();
			rte_errno = err;
			return -1;
		}
	}
	pthread_rwlock_unlock(&eal_mem.lock);
	return 0;
}

void
rte_eal_memory_cleanup(void)
{
	bool secondary = eal_is_secondary();
	unsigned int i;

	pthread_rwlock_wrlock(&eal_mem.lock);
	for (i = 0; i < eal_mem.n_msl; i++) {
		struct eal_memseg_list *msl = &eal_mem.msl[i];

		/* External memory belongs to the application: only our bookkeeping goes. */
		if (msl->pub.external) {
			if (!secondary)
				eal_extmem_remove(msl);
			continue;
		}
		eal_memalloc_list_release(msl);
		if (!secondary)
			memset(msl, 0, sizeof(*msl));
	}
	if (!secondary) {
		eal_mem.n_msl = 0;
		eal_mem.dma_maskbits = 0;
	}
	pthread_rwlock_unlock(&eal_mem.lock);
	if (eal_pagemap_fd >= 0)
		close(eal_pagemap_fd);
	eal_pagemap_fd = -1;
	/* Back to this process's own state, as before rte_eal_memory_init. */
	if (eal_mem_ptr != &eal_mem_local) {
		memset(&eal_mem_local, 0, sizeof(eal_mem_local));
		pthread_rwlock_init(&eal_mem_local.lock, NULL);
		eal_mem_ptr = &eal_mem_local;
	}
	eal_shared_release();
	eal_mem_event_clear();
	eal_mem_validators_clear();
}
