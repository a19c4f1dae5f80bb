/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The shared configuration region (see eal_shared.h). The primary maps a memfd over an address
 * range reserved like EAL memory and copies the region's header into the runtime directory's
 * "config" file, whose lock already marks it as the primary (the file system there may be a
 * disk: the region itself stays in memory). A secondary reads that header, opens the memfd
 * through /proc/<primary>/fd and maps it at the same address, refusing to start when the range
 * is taken in its own address space, when no primary holds the lock, or when the primary is of
 * another build.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memzone.h>
#include <rte_tailq.h>
#include <rte_version.h>

#include "eal_private.h"
#include "eal_memalloc.h"
#include "eal_shared.h"
#include "malloc_heap.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
/* How long a secondary waits for a primary that is still starting. */
#define EAL_SHARED_WAIT_MS 10000

#ifndef MFD_CLOEXEC
#define MFD_CLOEXEC 1U
#endif

static struct eal_shared_hdr *hdr;
static bool secondary;
static int region_fd = -1;

/* The header, as secondaries read it, into the config file (primary). */
static void
publish_header(void)
{
	int fd = eal_runtime_config_fd();

	if (fd >= 0 && pwrite(fd, hdr, sizeof(*hdr), 0) != (ssize_t)sizeof(*hdr))
		EAL_LOG(ERR, "cannot write the shared configuration header: %s\n",
			strerror(errno));
}

struct eal_shared_hdr *
eal_shared(void)
{
	return hdr;
}

bool
eal_is_secondary(void)
{
	return secondary;
}

/* A build whose shared structures differ must not read ours: their sizes stand for them. */
static uint64_t
eal_shared_layout(void)
{
	uint64_t h = 1469598103934665603ULL;
	const uint64_t sizes[] = { sizeof(struct eal_shared_hdr), sizeof(struct eal_mem_state),
		sizeof(struct eal_memseg_list), sizeof(struct rte_memseg), sizeof(struct rte_memzone),
		sizeof(struct malloc_heap), sizeof(struct rte_tailq_head), RTE_MAX_MEMSEG_LISTS,
		RTE_MAX_MEMZONE, RTE_MAX_TAILQ, RTE_MAX_NUMA_NODES, RTE_CACHE_LINE_SIZE };
	unsigned int i;

	for (i = 0; i < RTE_DIM(sizes); i++)
		h = (h ^ sizes[i]) * 1099511628211ULL;
	return h;
}

int
eal_shared_create(size_t size)
{
	int fd = eal_runtime_config_fd();
	void *va;

	size = RTE_ALIGN_CEIL(size + EAL_SHARED_FIXED_SIZE, RTE_PGSIZE_2M);
	va = eal_memalloc_reserve_va(size, RTE_PGSIZE_2M);
	if (va == NULL) {
		EAL_LOG(ERR, "cannot reserve %zu kB of address space for the shared configuration\n",
			size >> 10);
		rte_errno = ENOMEM;
		return -1;
	}
	/* A dead primary's header must not be taken for ours. */
	if (fd >= 0 && ftruncate(fd, 0) != 0)
		EAL_LOG(DEBUG, "cannot empty the config file: %s\n", strerror(errno));
	if (fd >= 0) {
		region_fd = memfd_create("rte_config", MFD_CLOEXEC);
		if (region_fd < 0 || ftruncate(region_fd, (off_t)size) != 0) {
			EAL_LOG(ERR, "cannot create the %zu kB shared configuration: %s\n",
				size >> 10, strerror(errno));
			if (region_fd >= 0)
				close(region_fd);
			region_fd = -1;
			eal_memalloc_release_va(va, size);
			rte_errno = ENOMEM;
			return -1;
		}
		va = mmap(va, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, region_fd, 0);
	} else {
		va = mmap(va, size, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
	}
	if (va == MAP_FAILED) {
		EAL_LOG(ERR, "cannot map the shared configuration: %s\n", strerror(errno));
		if (region_fd >= 0)
			close(region_fd);
		region_fd = -1;
		rte_errno = ENOMEM;
		return -1;
	}
	hdr = va;
	hdr->layout = eal_shared_layout();
	snprintf(hdr->version, sizeof(hdr->version), "%s", rte_version());
	hdr->base = va;
	hdr->size = size;
	hdr->used = RTE_ALIGN_CEIL(sizeof(*hdr), RTE_CACHE_LINE_SIZE);
	hdr->primary_pid = getpid();
	hdr->region_fd = region_fd;
	hdr->magic = EAL_SHARED_MAGIC;
	secondary = false;
	publish_header();
	return 0;
}

/* The header as the primary wrote it, waiting for a primary that is still starting. */
static int
read_header(int fd, struct eal_shared_hdr *h)
{
	unsigned int waited;

	for (waited = 0; waited <= EAL_SHARED_WAIT_MS; waited += 10) {
		if (pread(fd, h, sizeof(*h), 0) == (ssize_t)sizeof(*h) &&
				h->magic == EAL_SHARED_MAGIC && h->ready)
			return 0;
		usleep(10 * 1000);
	}
	return -1;
}

int
eal_shared_attach(void)
{
	int fd = eal_runtime_config_fd();
	struct eal_shared_hdr h;
	char path[64];
	void *va;
	int mfd;

	if (fd < 0 || read_header(fd, &h) < 0) {
		EAL_LOG(ERR, "secondary process: the primary of --file-prefix=%s has not finished "
			"starting (no shared configuration in %s)\n", eal_file_prefix(),
			rte_eal_get_runtime_dir());
		rte_errno = ENOENT;
		return -1;
	}
	if (h.layout != eal_shared_layout() || strncmp(h.version, rte_version(),
			sizeof(h.version)) != 0) {
		EAL_LOG(ERR, "secondary process: the primary (pid %d, %.*s) is of another build "
			"than this process (%s)\n", (int)h.primary_pid, (int)sizeof(h.version),
			h.version, rte_version());
		rte_errno = EPROTO;
		return -1;
	}
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)h.primary_pid, h.region_fd);
	mfd = open(path, O_RDWR | O_CLOEXEC);
	if (mfd < 0) {
		EAL_LOG(ERR, "secondary process: cannot open the primary's shared configuration %s: "
			"%s\n", path, strerror(errno));
		rte_errno = errno == EACCES ? EACCES : ENOENT;
		return -1;
	}
	va = mmap(h.base, h.size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED_NOREPLACE, mfd,
		0);
	if (va != h.base) {
		int err = va == MAP_FAILED ? errno : EEXIST;

		if (va != MAP_FAILED)
			munmap(va, h.size);
		close(mfd);
		EAL_LOG(ERR, "secondary process: cannot map the shared configuration at %p, where "
			"the primary has it: %s (--base-virtaddr moves the primary's)\n", h.base,
			strerror(err));
		rte_errno = ENOMEM;
		return -1;
	}
	hdr = va;
	region_fd = mfd;
	secondary = true;
	__atomic_fetch_add(&hdr->n_secondaries, 1, __ATOMIC_RELAXED);
	return 0;
}

void
eal_shared_release(void)
{
	if (hdr == NULL)
		return;
	if (secondary) {
		__atomic_fetch_sub(&hdr->n_secondaries, 1, __ATOMIC_RELAXED);
	} else {
		__atomic_store_n(&hdr->ready, 0, __ATOMIC_RELEASE);
		publish_header();
	}
	munmap(hdr, hdr->size);
	hdr = NULL;
	if (region_fd >= 0)
		close(region_fd);
	region_fd = -1;
	secondary = false;
}

void *
eal_shared_alloc(size_t size)
{
	size_t off;

	if (hdr == NULL || secondary)
		return NULL;
	off = RTE_ALIGN_CEIL(hdr->used, RTE_CACHE_LINE_SIZE);
	if (size > hdr->size - off) {
		EAL_LOG(ERR, "the shared configuration is full (%zu of %zu kB used, %zu more "
			"asked)\n", off >> 10, hdr->size >> 10, size);
		return NULL;
	}
	hdr->used = off + size;
	return (uint8_t *)hdr + off;
}

void
eal_shared_set(enum eal_shared_part part, void *p)
{
	if (hdr != NULL && !secondary)
		hdr->parts[part] = p;
}

void *
eal_shared_get(enum eal_shared_part part)
{
	return hdr != NULL ? hdr->parts[part] : NULL;
}

void
eal_shared_ready(void)
{
	if (hdr != NULL && !secondary) {
		hdr->iova_mode = (uint32_t)rte_eal_iova_mode();
		__atomic_store_n(&hdr->ready, 1, __ATOMIC_RELEASE);
		publish_header();
	}
}

void
eal_shared_mutex_init(pthread_mutex_t *m)
{
	pthread_mutexattr_t a;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(m, &a);
	pthread_mutexattr_destroy(&a);
}

void
eal_shared_mutex_lock(pthread_mutex_t *m, const char *what)
{
	if (likely(pthread_mutex_lock(m) != EOWNERDEAD))
		return;
	/*
	 * What the dead owner was changing may be half done; stopping every process for good
	 * is worse, and a crash in these short sections is rare.
	 */
	pthread_mutex_consistent(m);
	EAL_LOG(WARNING, "a process died holding the %s lock: taking it over\n", what);
}

void
eal_shared_rwlock_init(pthread_rwlock_t *l)
{
	pthread_rwlockattr_t a;

	pthread_rwlockattr_init(&a);
	pthread_rwlockattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
	pthread_rwlock_init(l, &a);
	pthread_rwlockattr_destroy(&a);
}
