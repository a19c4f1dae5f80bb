/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BAR mappings shared with secondary processes. A driver keeps the addresses of its device's
 * registers in its private data, which lives in shared memory, so a secondary process must
 * map every BAR at the address the primary mapped it at. The primary records, in one memzone,
 * where each mapped device's BARs are; a secondary maps them there and nowhere else, and
 * takes a device the primary has not mapped for one it does not own.
 *
 * The primary asks the kernel for addresses just past EAL's memory, which every process
 * reserves at the same place, rather than among the shared libraries, whose places differ
 * from process to process: a secondary then finds the range free.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include "pci_private.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define PCI_SHARED_MZ "rte_pci_bar_maps"
#define PCI_SHARED_DEVS 256
/* room left between EAL's memory and the first BAR, for memory a later attach adds */
#define PCI_SHARED_GAP (1ULL << 30)

struct pci_shared_map {
	uint64_t addr; /* start of the mapping */
	uint64_t len;
	int32_t bar;
	int32_t pad;
};

struct pci_shared_dev {
	char name[PCI_PRI_STR_SIZE + 1]; /* "" when free */
	uint32_t nb_maps;
	struct pci_shared_map maps[PCI_MAX_RESOURCE];
};

struct pci_shared {
	uint64_t next_hint; /* where the next BAR is asked for, 0 until the first */
	struct pci_shared_dev devs[PCI_SHARED_DEVS];
};

static struct pci_shared *pci_shared;

static struct pci_shared *
shared_get(void)
{
	const struct rte_memzone *mz;

	if (pci_shared != NULL)
		return pci_shared;
	mz = rte_memzone_lookup(PCI_SHARED_MZ);
	if (mz == NULL && rte_eal_process_type() == RTE_PROC_PRIMARY)
		mz = rte_memzone_reserve(PCI_SHARED_MZ, sizeof(struct pci_shared), SOCKET_ID_ANY,
			0);
	if (mz == NULL)
		return NULL;
	pci_shared = mz->addr;
	return pci_shared;
}

static struct pci_shared_dev *
shared_dev(struct pci_shared *sh, const char *name)
{
	unsigned int i;

	for (i = 0; i < PCI_SHARED_DEVS; i++)
		if (strcmp(sh->devs[i].name, name) == 0)
			return &sh->devs[i];
	return NULL;
}

static int
msl_end(const struct rte_memseg_list *msl, void *arg)
{
	uint64_t *end = arg;
	uint64_t e = (uint64_t)(uintptr_t)msl->base_va + msl->len;

	if (e > *end)
		*end = e;
	return 0;
}

/* Where the primary asks for a BAR of len bytes. NULL: let the kernel choose. */
static void *
shared_hint(struct pci_shared *sh, size_t len)
{
	uint64_t end = 0, hint;

	if (sh == NULL)
		return NULL;
	if (sh->next_hint == 0) {
		rte_memseg_list_walk(msl_end, &end);
		if (end == 0)
			return NULL;
		sh->next_hint = RTE_ALIGN_CEIL(end + PCI_SHARED_GAP, PCI_SHARED_GAP);
	}
	hint = sh->next_hint;
	sh->next_hint += RTE_ALIGN_CEIL(len, (uint64_t)sysconf(_SC_PAGESIZE));
	return (void *)(uintptr_t)hint;
}

void *
pci_bar_mmap(struct rte_pci_device *dev, int bar, size_t len, int fd, off_t offset)
{
	const struct pci_shared_dev *sd;
	struct pci_shared *sh = shared_get();
	unsigned int i;
	void *va, *want;

	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		return mmap(shared_hint(sh, len), len, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
			offset);

	sd = sh != NULL ? shared_dev(sh, dev->name) : NULL;
	for (i = 0; sd != NULL && i < sd->nb_maps; i++)
		if (sd->maps[i].bar == bar)
			break;
	if (sd == NULL || i == sd->nb_maps) {
		PCI_LOG(ERR, "%s: BAR%d is not mapped by the primary process", dev->name, bar);
		errno = ENODEV;
		return MAP_FAILED;
	}
	want = (void *)(uintptr_t)sd->maps[i].addr;
	if (sd->maps[i].len != len) {
		PCI_LOG(ERR, "%s: BAR%d is %zu bytes here, %" PRIu64 " in the primary process",
			dev->name, bar, len, sd->maps[i].len);
		errno = EINVAL;
		return MAP_FAILED;
	}
	va = mmap(want, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED_NOREPLACE, fd,
		offset);
	if (va == MAP_FAILED && errno != EEXIST)
		return MAP_FAILED;
	if (va != want) {
		/* a kernel older than MAP_FIXED_NOREPLACE takes it as a hint */
		if (va != MAP_FAILED)
			munmap(va, len);
		PCI_LOG(ERR, "%s: cannot map BAR%d at %p, where the primary process has it: "
			"the range is in use in this process", dev->name, bar, want);
		errno = EEXIST;
		return MAP_FAILED;
	}
	return va;
}

int
pci_bars_mapped_by_primary(const struct rte_pci_device *dev)
{
	struct pci_shared *sh = shared_get();

	return sh != NULL && shared_dev(sh, dev->name) != NULL;
}

void
pci_bars_publish(const struct rte_pci_device *dev, const struct pci_map_priv *mp)
{
	struct pci_shared *sh;
	struct pci_shared_dev *sd;
	int i;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return;
	sh = shared_get();
	if (sh == NULL) {
		PCI_LOG(WARNING, "%s: no shared record of its BARs: secondary processes will not "
			"see it", dev->name);
		return;
	}
	sd = shared_dev(sh, dev->name);
	if (sd == NULL)
		sd = shared_dev(sh, "");
	if (sd == NULL) {
		PCI_LOG(WARNING, "%s: %d devices mapped already: secondary processes will not see "
			"it", dev->name, PCI_SHARED_DEVS);
		return;
	}
	sd->nb_maps = 0;
	for (i = 0; i < mp->nb_bars; i++) {
		struct pci_shared_map *m = &sd->maps[sd->nb_maps++];
		const struct pci_bar_map *b = &mp->bars[i];

		m->addr = (uint64_t)(uintptr_t)b->addr;
		m->len = b->len;
		m->bar = b->bar;
	}
	/* the name last: a secondary looking for it finds it complete */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	strlcpy(sd->name, dev->name, sizeof(sd->name));
}

void
pci_bars_forget(const struct rte_pci_device *dev)
{
	struct pci_shared_dev *sd;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY || pci_shared == NULL)
		return;
	sd = shared_dev(pci_shared, dev->name);
	if (sd != NULL)
		memset(sd, 0, sizeof(*sd));
}
