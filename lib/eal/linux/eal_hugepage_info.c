/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which hugepage sizes exist, where hugetlbfs of each size is mounted and how many pages each NUMA
 * node can still give us. Read from sysfs and /proc/mounts at every start-up: a few small files,
 * so it costs well under a millisecond.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <dirent.h>
#include <limits.h>
#include <sys/vfs.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_errno.h>

#include "eal_private.h"
#include "eal_memalloc.h"

#define SYS_HUGEPAGES "/sys/kernel/mm/hugepages"
#define SYS_NODE "/sys/devices/system/node"
#define HUGETLBFS_MAGIC_TYPE "hugetlbfs"

static int
read_u64(const char *path, uint64_t *val)
{
	char buf[64];
	FILE *f = fopen(path, "re");
	int ret = -1;

	if (f == NULL)
		return -1;
	if (fgets(buf, sizeof(buf), f) != NULL) {
		char *end;

		errno = 0;
		*val = strtoull(buf, &end, 10);
		if (errno == 0 && end != buf)
			ret = 0;
	}
	fclose(f);
	return ret;
}

/* "2M", "1024M", "2048k", "1G" as in the pagesize= mount option. 0 when malformed. */
static uint64_t
parse_size(const char *s)
{
	char *end;
	uint64_t v = strtoull(s, &end, 10);

	switch (*end) {
	case 'k': case 'K':
		return v << 10;
	case 'm': case 'M':
		return v << 20;
	case 'g': case 'G':
		return v << 30;
	case '\0': case ',': case ' ':
		return v;
	default:
		return 0;
	}
}

/* Page size of mounts without a pagesize= option. */
static uint64_t
default_hugepage_size(void)
{
	char line[256];
	uint64_t sz = 0;
	FILE *f = fopen("/proc/meminfo", "re");

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "Hugepagesize:", 13) == 0) {
			sz = strtoull(line + 13, NULL, 10) << 10;
			break;
		}
	}
	fclose(f);
	return sz;
}

/*
 * Find the hugetlbfs mount for each detected size. With --huge-dir only that mount counts.
 * Returns -1 when --huge-dir names something that is not a hugetlbfs mount.
 */
static int
find_mounts(const char *huge_dir)
{
	char line[PATH_MAX + 256];
	char want[PATH_MAX];
	bool found_dir = false;
	uint64_t dflt = 0;
	FILE *f;

	if (huge_dir != NULL && realpath(huge_dir, want) == NULL) {
		EAL_LOG(ERR, "--huge-dir %s: %s\n", huge_dir, strerror(errno));
		return -1;
	}
	f = fopen("/proc/mounts", "re");
	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		char *fields[4], *save = NULL, *opt;
		uint64_t sz = 0;
		unsigned int i;
		bool w;

		fields[0] = strtok_r(line, " ", &save);
		for (i = 1; i < 4; i++)
			fields[i] = strtok_r(NULL, " ", &save);
		if (fields[3] == NULL || strcmp(fields[2], HUGETLBFS_MAGIC_TYPE) != 0)
			continue;
		if (huge_dir != NULL && strcmp(fields[1], want) != 0)
			continue;
		opt = strstr(fields[3], "pagesize=");
		if (opt != NULL) {
			sz = parse_size(opt + 9);
		} else {
			if (dflt == 0)
				dflt = default_hugepage_size();
			sz = dflt;
		}
		if (huge_dir != NULL)
			found_dir = true;
		w = access(fields[1], W_OK) == 0;
		/* The first writable mount of a size wins; a read-only one serves messages. */
		for (i = 0; i < eal_mem.n_hp; i++) {
			struct eal_hp_size *hp = &eal_mem.hp[i];

			if (hp->page_sz != sz || (hp->mount[0] != '\0' && (hp->writable || !w)))
				continue;
			snprintf(hp->mount, sizeof(hp->mount), "%s", fields[1]);
			hp->writable = w;
		}
	}
	fclose(f);
	if (huge_dir != NULL && !found_dir) {
		EAL_LOG(ERR, "--huge-dir %s is not a hugetlbfs mount point\n", huge_dir);
		return -1;
	}
	return 0;
}

/* NUMA nodes present in sysfs (none on kernels without NUMA); read once per start-up. */
static bool node_present[RTE_MAX_NUMA_NODES];

static void
find_nodes(void)
{
	struct dirent *e;
	unsigned int n;
	DIR *d;

	memset(node_present, 0, sizeof(node_present));
	d = opendir(SYS_NODE);
	while (d != NULL && (e = readdir(d)) != NULL) {
		char *end;

		if (strncmp(e->d_name, "node", 4) != 0)
			continue;
		n = (unsigned int)strtoul(e->d_name + 4, &end, 10);
		if (*end == '\0' && end != e->d_name + 4 && n < RTE_MAX_NUMA_NODES)
			node_present[n] = true;
	}
	if (d != NULL)
		closedir(d);
}

/* Free pages of one size per node; the node files only exist on NUMA kernels. */
static void
count_pages(struct eal_hp_size *hp, const char *name)
{
	char path[PATH_MAX];
	uint64_t free_pg = 0, resv = 0, total = 0, v;
	uint64_t avail, sum = 0;
	unsigned int n;
	bool per_node = false;

	snprintf(path, sizeof(path), SYS_HUGEPAGES "/%s/free_hugepages", name);
	read_u64(path, &free_pg);
	snprintf(path, sizeof(path), SYS_HUGEPAGES "/%s/resv_hugepages", name);
	read_u64(path, &resv);
	snprintf(path, sizeof(path), SYS_HUGEPAGES "/%s/nr_hugepages", name);
	read_u64(path, &total);
	avail = free_pg > resv ? free_pg - resv : 0;

	for (n = 0; n < RTE_MAX_NUMA_NODES; n++) {
		if (!node_present[n])
			continue;
		snprintf(path, sizeof(path), SYS_NODE "/node%u/hugepages/%s/free_hugepages", n,
			name);
		if (read_u64(path, &v) < 0)
			continue;
		per_node = true;
		hp->avail[n] = (uint32_t)RTE_MIN(v, (uint64_t)UINT32_MAX);
		sum += hp->avail[n];
		snprintf(path, sizeof(path), SYS_NODE "/node%u/hugepages/%s/nr_hugepages", n, name);
		if (read_u64(path, &v) == 0)
			hp->total[n] = (uint32_t)RTE_MIN(v, (uint64_t)UINT32_MAX);
		if (n + 1 > eal_mem.n_nodes)
			eal_mem.n_nodes = n + 1;
	}
	hp->free_pages = avail;
	if (!per_node) {
		hp->avail[0] = (uint32_t)RTE_MIN(avail, (uint64_t)UINT32_MAX);
		hp->total[0] = (uint32_t)RTE_MIN(total, (uint64_t)UINT32_MAX);
		return;
	}
	/* Pages reserved by other processes' mappings are not ours to take: trim the excess. */
	for (n = RTE_MAX_NUMA_NODES; n-- > 0 && sum > avail; ) {
		uint64_t cut = RTE_MIN((uint64_t)hp->avail[n], sum - avail);

		hp->avail[n] -= (uint32_t)cut;
		sum -= cut;
	}
}

/* A mount with size= limits how many pages it hands out, whatever the node counts say. */
static void
apply_mount_quota(struct eal_hp_size *hp)
{
	struct statfs st;
	uint64_t left, sum = 0;
	unsigned int n;

	if (hp->mount[0] == '\0' || statfs(hp->mount, &st) != 0 || st.f_blocks == 0 ||
			st.f_blocks == (fsblkcnt_t)-1)
		return;
	left = st.f_bfree;
	for (n = 0; n < RTE_MAX_NUMA_NODES; n++)
		sum += hp->avail[n];
	for (n = RTE_MAX_NUMA_NODES; n-- > 0 && sum > left; ) {
		uint64_t cut = RTE_MIN((uint64_t)hp->avail[n], sum - left);

		hp->avail[n] -= (uint32_t)cut;
		sum -= cut;
	}
}

int
eal_hugepage_info_init(void)
{
	struct internal_config *cfg = eal_get_internal_configuration();
	struct dirent *e;
	unsigned int i, j;
	DIR *d;

	eal_mem.n_hp = 0;
	eal_mem.n_nodes = 1;
	memset(eal_mem.hp, 0, sizeof(eal_mem.hp));
	d = opendir(SYS_HUGEPAGES);
	while (d != NULL && (e = readdir(d)) != NULL && eal_mem.n_hp < EAL_MAX_HUGEPAGE_SIZES) {
		unsigned long long kb;
		char unit[4];

		if (sscanf(e->d_name, "hugepages-%llu%3s", &kb, unit) != 2 || strcmp(unit, "kB"))
			continue;
		eal_mem.hp[eal_mem.n_hp].page_sz = (uint64_t)kb << 10;
		eal_mem.n_hp++;
	}
	if (d != NULL)
		closedir(d);

	/* Smallest pages first: they are what the heap grows with by preference. */
	for (i = 1; i < eal_mem.n_hp; i++)
		for (j = i; j > 0 && eal_mem.hp[j].page_sz < eal_mem.hp[j - 1].page_sz; j--) {
			struct eal_hp_size tmp = eal_mem.hp[j];

			eal_mem.hp[j] = eal_mem.hp[j - 1];
			eal_mem.hp[j - 1] = tmp;
		}

	if (eal_mem.n_hp > 0 && find_mounts(cfg->hugepage_dir) < 0) {
		rte_errno = EINVAL;
		return -1;
	}
	if (eal_mem.n_hp == 0 && cfg->hugepage_dir != NULL) {
		EAL_LOG(ERR, "--huge-dir %s: this kernel has no hugepages\n", cfg->hugepage_dir);
		rte_errno = EINVAL;
		return -1;
	}
	/* Pages held by files of a crashed run of our prefix are only free once those are gone. */
	if (!cfg->in_memory && eal_runtime_dir_locked())
		eal_hugepage_clean_stale(eal_file_prefix());
	find_nodes();
	for (i = 0; i < eal_mem.n_hp; i++) {
		struct eal_hp_size *hp = &eal_mem.hp[i];
		char name[64];

		snprintf(name, sizeof(name), "hugepages-%llukB",
			(unsigned long long)(hp->page_sz >> 10));
		count_pages(hp, name);
		if (cfg->in_memory && cfg->hugepage_dir == NULL)
			continue; /* anonymous hugetlb mappings need no mount */
		if (hp->mount[0] == '\0' || !hp->writable)
			memset(hp->avail, 0, sizeof(hp->avail));
		else
			apply_mount_quota(hp);
	}

	/* Mirror the findings in the configuration other parts of EAL read. */
	cfg->num_hugepage_sizes = eal_mem.n_hp;
	for (i = 0; i < eal_mem.n_hp; i++) {
		struct eal_hugepage_info *hpi = &cfg->hugepage_info[i];

		hpi->hugepage_sz = eal_mem.hp[i].page_sz;
		snprintf(hpi->hugedir, sizeof(hpi->hugedir), "%s", eal_mem.hp[i].mount);
		memcpy(hpi->num_pages, eal_mem.hp[i].avail, sizeof(hpi->num_pages));
		hpi->lock_descriptor = -1;
	}
	return 0;
}

/* Files are named <prefix>map_<number>; anything else in the mount is not ours. */
static bool
is_our_file(const char *name, const char *prefix, size_t plen)
{
	const char *p;

	if (strncmp(name, prefix, plen) != 0 || strncmp(name + plen, "map_", 4) != 0)
		return false;
	p = name + plen + 4;
	if (*p == '\0')
		return false;
	for (; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return false;
	return true;
}

void
eal_hugepage_clean_stale(const char *prefix)
{
	size_t plen = strlen(prefix);
	unsigned int i, j;

	for (i = 0; i < eal_mem.n_hp; i++) {
		const char *mnt = eal_mem.hp[i].mount;
		struct dirent *e;
		bool seen = false;
		DIR *d;

		if (mnt[0] == '\0' || !eal_mem.hp[i].writable)
			continue;
		for (j = 0; j < i; j++)
			seen |= strcmp(eal_mem.hp[j].mount, mnt) == 0;
		if (seen)
			continue;
		d = opendir(mnt);
		if (d == NULL)
			continue;
		while ((e = readdir(d)) != NULL) {
			if (!is_our_file(e->d_name, prefix, plen))
				continue;
			if (unlinkat(dirfd(d), e->d_name, 0) == 0)
				EAL_LOG(INFO, "removed stale hugepage file %s/%s\n", mnt,
					e->d_name);
		}
		closedir(d);
	}
}
