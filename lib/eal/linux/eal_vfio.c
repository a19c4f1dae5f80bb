/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * VFIO as the kernel's Documentation/driver-api/vfio.rst describes it: a container
 * (/dev/vfio/vfio) holds an IOMMU context, IOMMU groups (/dev/vfio/<n>) join a container, and
 * devices are reached through their group. Slot 0 of the container table is EAL's default
 * container, where the PCI bus puts its devices and where all EAL memory is DMA-mapped while
 * a group is attached; the other slots are containers applications create for themselves.
 *
 * A container's IOMMU model is chosen when its first group joins; when its last group
 * leaves, the kernel drops the model and every mapping, so the next first group sets them up
 * again (this is what makes hotplug detach and re-attach work).
 *
 * One recursive mutex guards the tables. The memory event callback runs with EAL's memory
 * lock held while setup takes that lock under ours, so the callback never takes ours: it
 * reads the default container's fd and model atomically.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <linux/vfio.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memory.h>
#include <rte_uuid.h>
#include <rte_vfio.h>

#include "eal_private.h"
#include "eal_internal_cfg.h"
#include "eal_vfio.h"

#define VFIO_MEM_EVENT_CB "eal_vfio"
#define VFIO_MAX_USER_MAPS 256

/* Test hooks: where /dev and /sys/module are (the PCI bus uses the same /dev variable). */
#define VFIO_ENV_DEV_DIR "RTE_PCI_DEV_DIR"
#define VFIO_ENV_MODULE_DIR "RTE_EAL_SYS_MODULE_DIR"

#ifndef VFIO_NOIOMMU_IOMMU
#define VFIO_NOIOMMU_IOMMU RTE_VFIO_NOIOMMU
#endif

struct vfio_group {
	int used;
	int num;
	int fd;
	int devices;  /* devices set up through rte_vfio_setup_device */
	int attached; /* joined the container (a group may be open without having joined) */
};

struct vfio_user_map {
	uint64_t vaddr;
	uint64_t iova;
	uint64_t len;
};

struct vfio_container {
	int used;
	int fd;
	int iommu_type; /* 0 until a group joins; back to 0 when the last one leaves */
	int nb_groups;  /* open */
	int nb_attached; /* joined */
	struct vfio_group groups[RTE_MAX_VFIO_GROUPS];
	int nb_maps;
	struct vfio_user_map maps[VFIO_MAX_USER_MAPS];
};

static pthread_mutex_t vfio_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static struct vfio_container containers[RTE_MAX_VFIO_CONTAINERS];
static struct vfio_container *const default_cfg = &containers[0];
static int vfio_enabled;
static int mem_cb_registered;

static const char *
env_or(const char *var, const char *dflt)
{
	const char *p = getenv(var);

	return p != NULL && p[0] != '\0' ? p : dflt;
}

static void
vfio_path(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/vfio/%s", env_or(VFIO_ENV_DEV_DIR, "/dev"), name);
}

/* 1 loaded (or built in), 0 not, -1 when sysfs cannot tell. */
static int
module_loaded(const char *modname)
{
	const char *dir = env_or(VFIO_ENV_MODULE_DIR, "/sys/module");
	char path[PATH_MAX];
	struct stat st;

	if (modname == NULL)
		return -1;
	if (stat(dir, &st) != 0) {
		EAL_LOG(DEBUG, "vfio: cannot list kernel modules in %s: %s\n", dir,
			strerror(errno));
		return -1;
	}
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, modname) >= sizeof(path))
		return -1;
	return stat(path, &st) == 0;
}

/* A new container fd, or -1 with rte_errno (ENODEV: no VFIO; ENOTSUP: unusable). */
static int
container_open(void)
{
	char path[PATH_MAX];
	int fd, ret;

	vfio_path(path, sizeof(path), "vfio");
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT) {
			EAL_LOG(ERR, "VFIO is not available: %s does not exist "
				"(is the vfio-pci module loaded?)\n", path);
			rte_errno = ENODEV;
		} else {
			EAL_LOG(ERR, "cannot open VFIO container %s: %s\n", path, strerror(errno));
			rte_errno = errno;
		}
		return -1;
	}
	ret = ioctl(fd, VFIO_GET_API_VERSION);
	if (ret != VFIO_API_VERSION) {
		EAL_LOG(ERR, "%s: unsupported VFIO API version %d (expected %d)\n", path, ret,
			VFIO_API_VERSION);
		close(fd);
		rte_errno = ENOTSUP;
		return -1;
	}
	if (ioctl(fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) <= 0 &&
	    ioctl(fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU) <= 0 &&
	    ioctl(fd, VFIO_CHECK_EXTENSION, VFIO_NOIOMMU_IOMMU) <= 0) {
		EAL_LOG(ERR, "%s: the kernel offers no supported IOMMU model "
			"(type 1 or no-IOMMU)\n", path);
		close(fd);
		rte_errno = ENOTSUP;
		return -1;
	}
	return fd;
}

static int
default_container_get(void)
{
	int fd;

	if (default_cfg->used)
		return default_cfg->fd;
	fd = rte_eal_process_type() == RTE_PROC_PRIMARY ? container_open() :
		eal_vfio_mp_container_fd();
	if (fd < 0)
		return -1;
	default_cfg->fd = fd;
	__atomic_store_n(&default_cfg->used, 1, __ATOMIC_RELEASE);
	vfio_enabled = 1;
	return fd;
}

static struct vfio_container *
container_by_fd(int fd)
{
	int i;

	if (fd == RTE_VFIO_DEFAULT_CONTAINER_FD)
		return default_cfg;
	for (i = 0; i < RTE_MAX_VFIO_CONTAINERS; i++)
		if (containers[i].used && containers[i].fd == fd)
			return &containers[i];
	return NULL;
}

static struct vfio_group *
group_in(struct vfio_container *c, int num)
{
	int i;

	for (i = 0; i < RTE_MAX_VFIO_GROUPS; i++)
		if (c->groups[i].used && c->groups[i].num == num)
			return &c->groups[i];
	return NULL;
}

/* The container a group is bound to, NULL if none. */
static struct vfio_container *
container_of_group(int num, struct vfio_group **g)
{
	int i;

	for (i = 0; i < RTE_MAX_VFIO_CONTAINERS; i++) {
		*g = containers[i].used || i == 0 ? group_in(&containers[i], num) : NULL;
		if (*g != NULL)
			return &containers[i];
	}
	return NULL;
}

static int
dma_ioctl(int cfd, uint64_t vaddr, uint64_t iova, uint64_t len, int map)
{
	if (map) {
		struct vfio_iommu_type1_dma_map m = {
			.argsz = sizeof(m),
			.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
			.vaddr = vaddr,
			.iova = iova,
			.size = len,
		};

		/* the same range mapped twice (e.g. by an overlapping event) is no error */
		if (ioctl(cfd, VFIO_IOMMU_MAP_DMA, &m) < 0 && errno != EEXIST)
			return -errno;
	} else {
		struct vfio_iommu_type1_dma_unmap u = {
			.argsz = sizeof(u),
			.iova = iova,
			.size = len,
		};

		if (ioctl(cfd, VFIO_IOMMU_UNMAP_DMA, &u) < 0)
			return -errno;
		if (u.size != len)
			return -EIO;
	}
	return 0;
}

struct dma_walk {
	int cfd;
	const char *start;
	const char *end;   /* NULL: every memseg */
	int map;
	int err;
};

/* Memsegs are the unit of mapping, so that every unmap matches a mapping. */
static int
dma_walk_cb(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	struct dma_walk *w = arg;
	const char *a = ms->addr;
	uint64_t iova = ms->iova;
	int ret;

	RTE_SET_USED(msl);
	if (w->end != NULL && (a + ms->len <= w->start || a >= w->end))
		return 0;
	if (iova == RTE_BAD_IOVA)
		iova = (uint64_t)(uintptr_t)ms->addr;
	ret = dma_ioctl(w->cfd, (uint64_t)(uintptr_t)ms->addr, iova, ms->len, w->map);
	if (ret < 0) {
		EAL_LOG(ERR, "vfio: cannot %s DMA of %zu bytes at %p (iova 0x%" PRIx64 "): %s\n",
			w->map ? "map" : "unmap", ms->len, ms->addr, iova, strerror(-ret));
		w->err = ret;
		return w->map ? -1 : 0;
	}
	return 0;
}

static void
mem_event_cb(enum rte_mem_event type, const void *addr, size_t len, void *arg)
{
	struct dma_walk w = {
		.start = addr,
		.end = (const char *)addr + len,
		.map = type == RTE_MEM_EVENT_ALLOC,
	};
	int model;

	RTE_SET_USED(arg);
	if (!__atomic_load_n(&default_cfg->used, __ATOMIC_ACQUIRE))
		return;
	model = __atomic_load_n(&default_cfg->iommu_type, __ATOMIC_ACQUIRE);
	if (model != VFIO_TYPE1_IOMMU && model != VFIO_TYPE1v2_IOMMU)
		return;
	w.cfd = default_cfg->fd;
	rte_memseg_walk_thread_unsafe(dma_walk_cb, &w);
}

/* The container has no group left: the kernel dropped its model and mappings. */
static void
container_emptied(struct vfio_container *c)
{
	__atomic_store_n(&c->iommu_type, 0, __ATOMIC_RELEASE);
	if (c == default_cfg && mem_cb_registered) {
		rte_mem_event_callback_unregister(VFIO_MEM_EVENT_CB, NULL);
		mem_cb_registered = 0;
	}
}

static void
group_forget(struct vfio_container *c, struct vfio_group *g)
{
	int attached = g->attached;

	memset(g, 0, sizeof(*g));
	g->fd = -1;
	c->nb_groups--;
	if (attached && --c->nb_attached == 0)
		container_emptied(c);
}

static void
group_close(struct vfio_container *c, struct vfio_group *g)
{
	close(g->fd);
	group_forget(c, g);
}

/* Opens /dev/vfio/<n> (or its no-IOMMU name): the fd, -ENOENT if neither exists, or -1. */
static int
group_open(int num)
{
	char name[32], path[PATH_MAX];
	int fd;

	/* the kernel opens a group once: a secondary process shares the primary's */
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return eal_vfio_mp_group_fd(num);
	snprintf(name, sizeof(name), "%d", num);
	vfio_path(path, sizeof(path), name);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd >= 0)
		return fd;
	if (errno == ENOENT) {
		snprintf(name, sizeof(name), "noiommu-%d", num);
		vfio_path(path, sizeof(path), name);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd >= 0)
			return fd;
	}
	if (errno == ENOENT) {
		EAL_LOG(ERR, "cannot open VFIO group %d: no %s nor its no-IOMMU name\n", num,
			path);
		rte_errno = ENOENT;
		return -ENOENT;
	}
	EAL_LOG(ERR, "cannot open VFIO group %s: %s\n", path, strerror(errno));
	rte_errno = errno;
	return -1;
}

/* The group's fd in container c, opened and recorded if it is new there. */
static int
group_get(struct vfio_container *c, int num, struct vfio_group **out)
{
	struct vfio_group *g = group_in(c, num);
	int i, fd;

	if (g == NULL) {
		if (c->nb_groups == RTE_MAX_VFIO_GROUPS) {
			EAL_LOG(ERR, "vfio: cannot open group %d: %d groups already in its "
				"container\n", num, RTE_MAX_VFIO_GROUPS);
			rte_errno = ENOSPC;
			return -1;
		}
		fd = group_open(num);
		if (fd < 0)
			return fd;
		for (i = 0; c->groups[i].used; i++)
			;
		g = &c->groups[i];
		g->used = 1;
		g->num = num;
		g->fd = fd;
		g->devices = 0;
		c->nb_groups++;
	}
	if (out != NULL)
		*out = g;
	return g->fd;
}

static int
pick_iommu_type(int cfd)
{
	static const int types[] = { VFIO_TYPE1v2_IOMMU, VFIO_TYPE1_IOMMU, VFIO_NOIOMMU_IOMMU };
	unsigned int i;

	for (i = 0; i < RTE_DIM(types); i++)
		if (ioctl(cfd, VFIO_CHECK_EXTENSION, types[i]) > 0 &&
		    ioctl(cfd, VFIO_SET_IOMMU, types[i]) == 0)
			return types[i];
	return -errno;
}

/* First group in the container: choose its model, then make its mappings again. */
static int
container_setup_iommu(struct vfio_container *c)
{
	int type, i, ret;

	type = pick_iommu_type(c->fd);
	if (type < 0) {
		EAL_LOG(ERR, "vfio: cannot set an IOMMU model on container %d: %s\n", c->fd,
			strerror(-type));
		return type;
	}
	__atomic_store_n(&c->iommu_type, type, __ATOMIC_RELEASE);
	if (type == VFIO_NOIOMMU_IOMMU)
		return 0; /* devices use physical addresses: nothing to map */
	if (c == default_cfg) {
		struct dma_walk w = { .cfd = c->fd, .map = 1 };

		if (rte_mem_event_callback_register(VFIO_MEM_EVENT_CB, mem_event_cb, NULL) == 0)
			mem_cb_registered = 1;
		else if (rte_errno != ENOTSUP)
			EAL_LOG(WARNING, "vfio: memory added later will not be DMA-mapped\n");
		rte_memseg_walk(dma_walk_cb, &w);
		if (w.err < 0)
			return w.err;
	}
	for (i = 0; i < c->nb_maps; i++) {
		ret = dma_ioctl(c->fd, c->maps[i].vaddr, c->maps[i].iova, c->maps[i].len, 1);
		if (ret < 0)
			EAL_LOG(ERR, "vfio: cannot map again DMA of 0x%" PRIx64 " bytes at iova "
				"0x%" PRIx64 ": %s\n", c->maps[i].len, c->maps[i].iova,
				strerror(-ret));
	}
	return 0;
}

int
rte_vfio_get_group_num(const char *sysfs_base, const char *dev_addr, int *iommu_group_num)
{
	char link[PATH_MAX], target[PATH_MAX];
	const char *last;
	char *end;
	ssize_t n;
	long v;

	if (sysfs_base == NULL || dev_addr == NULL || iommu_group_num == NULL) {
		EAL_LOG(ERR, "rte_vfio_get_group_num: NULL argument\n");
		return -1;
	}
	snprintf(link, sizeof(link), "%s/%s/iommu_group", sysfs_base, dev_addr);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0)
		return 0; /* no IOMMU group: not a VFIO device */
	target[n] = '\0';
	last = strrchr(target, '/');
	last = last != NULL ? last + 1 : target;
	errno = 0;
	v = strtol(last, &end, 10);
	if (end == last || *end != '\0' || errno != 0 || v < 0 || v > INT_MAX) {
		EAL_LOG(ERR, "%s: cannot read an IOMMU group number in %s -> %s\n", dev_addr,
			link, target);
		return -1;
	}
	*iommu_group_num = (int)v;
	return 1;
}

int
rte_vfio_get_container_fd(void)
{
	int fd;

	pthread_mutex_lock(&vfio_lock);
	fd = default_container_get();
	pthread_mutex_unlock(&vfio_lock);
	return fd;
}

int
rte_vfio_get_group_fd(int iommu_group_num)
{
	struct vfio_container *c;
	struct vfio_group *g;
	int fd;

	pthread_mutex_lock(&vfio_lock);
	c = container_of_group(iommu_group_num, &g);
	fd = c != NULL ? g->fd : group_get(default_cfg, iommu_group_num, NULL);
	pthread_mutex_unlock(&vfio_lock);
	return fd;
}

int
rte_vfio_clear_group(int vfio_group_fd)
{
	int i, j;

	pthread_mutex_lock(&vfio_lock);
	for (i = 0; i < RTE_MAX_VFIO_CONTAINERS; i++) {
		struct vfio_container *c = &containers[i];

		for (j = 0; j < RTE_MAX_VFIO_GROUPS; j++) {
			if (c->groups[j].used && c->groups[j].fd == vfio_group_fd) {
				group_forget(c, &c->groups[j]);
				pthread_mutex_unlock(&vfio_lock);
				return 0;
			}
		}
	}
	pthread_mutex_unlock(&vfio_lock);
	EAL_LOG(ERR, "rte_vfio_clear_group: %d is no VFIO group fd of EAL\n", vfio_group_fd);
	return -1;
}

static int
device_fd_get(int gfd, const char *dev_addr)
{
	rte_uuid_t token;
	int fd;

	rte_eal_vfio_get_vf_token(token);
	if (!rte_uuid_is_null(token)) {
		char str[RTE_UUID_STRLEN], name[PATH_MAX];

		rte_uuid_unparse(token, str, sizeof(str));
		snprintf(name, sizeof(name), "%s vf_token=%s", dev_addr, str);
		fd = ioctl(gfd, VFIO_GROUP_GET_DEVICE_FD, name);
		if (fd >= 0)
			return fd;
	}
	return ioctl(gfd, VFIO_GROUP_GET_DEVICE_FD, dev_addr);
}

int
rte_vfio_setup_device(const char *sysfs_base, const char *dev_addr, int *vfio_dev_fd,
		struct vfio_device_info *device_info)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	struct vfio_device_info local_info;
	struct vfio_container *c;
	struct vfio_group *g;
	int num, gfd, ret;

	if (vfio_dev_fd == NULL) {
		EAL_LOG(ERR, "rte_vfio_setup_device: NULL device fd pointer\n");
		return -1;
	}
	ret = rte_vfio_get_group_num(sysfs_base, dev_addr, &num);
	if (ret < 0)
		return -1;
	if (ret == 0) {
		EAL_LOG(WARNING, "%s has no IOMMU group: not managed by VFIO, skipped\n",
			dev_addr);
		return 1;
	}
	if (device_info == NULL)
		device_info = &local_info;

	pthread_mutex_lock(&vfio_lock);
	c = container_of_group(num, &g);
	if (c == NULL)
		c = default_cfg;
	if (c == default_cfg && default_container_get() < 0)
		goto fail_nogroup;
	gfd = group_get(c, num, &g);
	if (gfd == -ENOENT) {
		pthread_mutex_unlock(&vfio_lock);
		EAL_LOG(WARNING, "%s is not managed by VFIO (no group %d), skipped\n", dev_addr,
			num);
		return 1;
	}
	if (gfd < 0)
		goto fail_nogroup;

	if (ioctl(gfd, VFIO_GROUP_GET_STATUS, &status) < 0) {
		EAL_LOG(ERR, "%s: cannot get the status of VFIO group %d: %s\n", dev_addr, num,
			strerror(errno));
		goto fail;
	}
	if (!(status.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		EAL_LOG(ERR, "%s: IOMMU group %d is not viable: bind every device of the group "
			"to vfio-pci\n", dev_addr, num);
		goto fail;
	}
	if (!(status.flags & VFIO_GROUP_FLAGS_CONTAINER_SET)) {
		if (ioctl(gfd, VFIO_GROUP_SET_CONTAINER, &c->fd) < 0) {
			EAL_LOG(ERR, "%s: cannot add VFIO group %d to container %d: %s\n",
				dev_addr, num, c->fd, strerror(errno));
			goto fail;
		}
		g->attached = 1;
		c->nb_attached++;
		if (c->iommu_type == 0 && container_setup_iommu(c) < 0) {
			ioctl(gfd, VFIO_GROUP_UNSET_CONTAINER);
			goto fail;
		}
	} else if (!g->attached) {
		/* joined through an ioctl EAL did not make: it counts all the same */
		g->attached = 1;
		c->nb_attached++;
	}

	*vfio_dev_fd = device_fd_get(gfd, dev_addr);
	if (*vfio_dev_fd < 0) {
		EAL_LOG(ERR, "%s: cannot get its device fd from VFIO group %d: %s\n", dev_addr,
			num, strerror(errno));
		goto fail;
	}
	if (device_info->argsz < sizeof(*device_info))
		device_info->argsz = sizeof(*device_info);
	if (ioctl(*vfio_dev_fd, VFIO_DEVICE_GET_INFO, device_info) < 0) {
		EAL_LOG(ERR, "%s: VFIO_DEVICE_GET_INFO: %s\n", dev_addr, strerror(errno));
		close(*vfio_dev_fd);
		*vfio_dev_fd = -1;
		goto fail;
	}
	g->devices++;
	pthread_mutex_unlock(&vfio_lock);
	return 0;

fail:
	/* a group that other devices still use stays open */
	if (g->devices == 0)
		group_close(c, g);
fail_nogroup:
	pthread_mutex_unlock(&vfio_lock);
	return -1;
}

int
rte_vfio_release_device(const char *sysfs_base, const char *dev_addr, int fd)
{
	struct vfio_container *c;
	struct vfio_group *g;
	int num, ret;

	ret = rte_vfio_get_group_num(sysfs_base, dev_addr, &num);
	if (ret <= 0) {
		EAL_LOG(WARNING, "%s is not managed by VFIO: nothing to release\n",
			dev_addr != NULL ? dev_addr : "(null)");
		return -1;
	}
	pthread_mutex_lock(&vfio_lock);
	c = container_of_group(num, &g);
	if (c == NULL) {
		pthread_mutex_unlock(&vfio_lock);
		EAL_LOG(ERR, "%s: its VFIO group %d is not open\n", dev_addr, num);
		return -1;
	}
	if (close(fd) < 0) {
		pthread_mutex_unlock(&vfio_lock);
		EAL_LOG(ERR, "%s: cannot close VFIO device fd %d: %s\n", dev_addr, fd,
			strerror(errno));
		return -1;
	}
	if (g->devices > 0)
		g->devices--;
	if (g->devices == 0)
		group_close(c, g);
	pthread_mutex_unlock(&vfio_lock);
	return 0;
}

int
rte_vfio_enable(const char *modname)
{
	int loaded = module_loaded(modname);

	if (loaded < 0) {
		EAL_LOG(INFO, "vfio: cannot tell whether module %s is loaded\n",
			modname != NULL ? modname : "(null)");
		return -1;
	}
	if (loaded == 0) {
		EAL_LOG(DEBUG, "vfio: module %s not loaded, VFIO stays disabled\n", modname);
		return 0;
	}
	if (rte_vfio_get_container_fd() < 0) {
		EAL_LOG(NOTICE, "VFIO support could not be initialized\n");
		return 0;
	}
	EAL_LOG(DEBUG, "VFIO support initialized%s\n",
		rte_vfio_noiommu_is_enabled() == 1 ? " (no-IOMMU mode)" : "");
	return 0;
}

int
rte_vfio_is_enabled(const char *modname)
{
	return __atomic_load_n(&vfio_enabled, __ATOMIC_ACQUIRE) && module_loaded(modname) > 0;
}

int
rte_vfio_noiommu_is_enabled(void)
{
	char path[PATH_MAX];
	ssize_t n;
	char c;
	int fd;

	snprintf(path, sizeof(path), "%s/vfio/parameters/enable_unsafe_noiommu_mode",
		env_or(VFIO_ENV_MODULE_DIR, "/sys/module"));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0; /* vfio not loaded, or built without no-IOMMU support */
		EAL_LOG(ERR, "cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	n = read(fd, &c, 1);
	close(fd);
	if (n != 1) {
		EAL_LOG(ERR, "cannot read %s: %s\n", path, n < 0 ? strerror(errno) : "empty");
		return -1;
	}
	return c == 'Y';
}

int
rte_vfio_container_create(void)
{
	int i, fd;

	pthread_mutex_lock(&vfio_lock);
	for (i = 1; i < RTE_MAX_VFIO_CONTAINERS && containers[i].used; i++)
		;
	if (i == RTE_MAX_VFIO_CONTAINERS) {
		pthread_mutex_unlock(&vfio_lock);
		EAL_LOG(ERR, "vfio: cannot create a container: all %d are in use\n",
			RTE_MAX_VFIO_CONTAINERS);
		return -1;
	}
	fd = container_open();
	if (fd < 0) {
		pthread_mutex_unlock(&vfio_lock);
		EAL_LOG(NOTICE, "vfio: cannot create a new container\n");
		return -1;
	}
	memset(&containers[i], 0, sizeof(containers[i]));
	containers[i].fd = fd;
	containers[i].used = 1;
	pthread_mutex_unlock(&vfio_lock);
	return fd;
}

int
rte_vfio_container_destroy(int container_fd)
{
	struct vfio_container *c;
	int i;

	pthread_mutex_lock(&vfio_lock);
	c = container_by_fd(container_fd);
	if (c == NULL || c == default_cfg) {
		pthread_mutex_unlock(&vfio_lock);
		EAL_LOG(ERR, "rte_vfio_container_destroy: %d is %s\n", container_fd,
			c == NULL ? "no VFIO container fd of EAL" :
			"EAL's default container, which cannot be destroyed");
		return -1;
	}
	for (i = 0; i < RTE_MAX_VFIO_GROUPS; i++)
		if (c->groups[i].used)
			group_close(c, &c->groups[i]);
	close(c->fd);
	memset(c, 0, sizeof(*c));
	pthread_mutex_unlock(&vfio_lock);
	return 0;
}

int
rte_vfio_container_group_bind(int container_fd, int iommu_group_num)
{
	struct vfio_container *c, *other;
	struct vfio_group *g;
	int fd;

	pthread_mutex_lock(&vfio_lock);
	c = container_by_fd(container_fd);
	if (c == NULL) {
		pthread_mutex_unlock(&vfio_lock);
		EAL_LOG(ERR, "rte_vfio_container_group_bind: %d is no VFIO container fd of EAL\n",
			container_fd);
		return -1;
	}
	other = container_of_group(iommu_group_num, &g);
	if (other != NULL && other != c) {
		pthread_mutex_unlock(&vfio_lock);
		EAL_LOG(ERR, "vfio: group %d is already in container %d\n", iommu_group_num,
			other == default_cfg ? RTE_VFIO_DEFAULT_CONTAINER_FD : other->fd);
		rte_errno = EBUSY;
		return -1;
	}
	fd = group_get(c, iommu_group_num, NULL);
	pthread_mutex_unlock(&vfio_lock);
	return fd;
}

int
rte_vfio_container_group_unbind(int container_fd, int iommu_group_num)
{
	struct vfio_container *c;
	struct vfio_group *g;

	pthread_mutex_lock(&vfio_lock);
	c = container_by_fd(container_fd);
	g = c != NULL ? group_in(c, iommu_group_num) : NULL;
	if (g == NULL) {
		pthread_mutex_unlock(&vfio_lock);
		if (c == NULL)
			EAL_LOG(ERR, "rte_vfio_container_group_unbind: %d is no VFIO container "
				"fd of EAL\n", container_fd);
		else
			EAL_LOG(ERR, "rte_vfio_container_group_unbind: group %d is not in "
				"container %d\n", iommu_group_num, container_fd);
		return -1;
	}
	group_close(c, g);
	pthread_mutex_unlock(&vfio_lock);
	return 0;
}

static int
user_map_add(struct vfio_container *c, uint64_t vaddr, uint64_t iova, uint64_t len)
{
	int ret;

	if (c->nb_maps == VFIO_MAX_USER_MAPS) {
		EAL_LOG(ERR, "vfio: no room for another DMA mapping (%d made)\n",
			VFIO_MAX_USER_MAPS);
		rte_errno = ENOMEM;
		return -1;
	}
	if (c->iommu_type == 0) {
		EAL_LOG(ERR, "vfio: container has no IOMMU yet (no device set up in it): "
			"cannot map DMA\n");
		rte_errno = ENODEV;
		return -1;
	}
	if (c->iommu_type != VFIO_NOIOMMU_IOMMU) {
		ret = dma_ioctl(c->fd, vaddr, iova, len, 1);
		if (ret < 0) {
			EAL_LOG(ERR, "vfio: cannot map DMA of 0x%" PRIx64 " bytes at 0x%" PRIx64
				" (iova 0x%" PRIx64 "): %s\n", len, vaddr, iova, strerror(-ret));
			rte_errno = -ret;
			return -1;
		}
	}
	c->maps[c->nb_maps++] = (struct vfio_user_map){ vaddr, iova, len };
	return 0;
}

static int
user_map_del(struct vfio_container *c, uint64_t vaddr, uint64_t iova, uint64_t len)
{
	struct vfio_user_map *m = NULL;
	uint64_t head, tail;
	int i, ret;

	for (i = 0; i < c->nb_maps && m == NULL; i++) {
		struct vfio_user_map *p = &c->maps[i];

		if (vaddr >= p->vaddr && len <= p->len && vaddr - p->vaddr <= p->len - len &&
		    iova - p->iova == vaddr - p->vaddr)
			m = p;
	}
	if (m == NULL) {
		EAL_LOG(ERR, "vfio: no DMA mapping of 0x%" PRIx64 " bytes at 0x%" PRIx64
			" (iova 0x%" PRIx64 ") to unmap\n", len, vaddr, iova);
		rte_errno = EINVAL;
		return -1;
	}
	head = vaddr - m->vaddr;
	tail = m->len - head - len;
	if (head != 0 && tail != 0 && c->nb_maps == VFIO_MAX_USER_MAPS) {
		EAL_LOG(ERR, "vfio: no room to split a DMA mapping (%d made)\n",
			VFIO_MAX_USER_MAPS);
		rte_errno = ENOMEM;
		return -1;
	}
	/* with no IOMMU (no group attached) there is nothing in the kernel to undo */
	if (c->iommu_type != 0 && c->iommu_type != VFIO_NOIOMMU_IOMMU) {
		ret = dma_ioctl(c->fd, vaddr, iova, len, 0);
		if (ret < 0) {
			EAL_LOG(ERR, "vfio: cannot unmap DMA of 0x%" PRIx64 " bytes at iova 0x%"
				PRIx64 ": %s\n", len, iova, strerror(-ret));
			if (ret == -EIO)
				rte_errno = EIO;
			return -1;
		}
	}
	if (head != 0 && tail != 0)
		c->maps[c->nb_maps++] = (struct vfio_user_map){ vaddr + len, iova + len, tail };
	if (head != 0) {
		m->len = head;
	} else if (tail != 0) {
		m->vaddr += len;
		m->iova += len;
		m->len = tail;
	} else {
		*m = c->maps[--c->nb_maps];
	}
	return 0;
}

static int
container_dma(int container_fd, uint64_t vaddr, uint64_t iova, uint64_t len, int map)
{
	struct vfio_container *c;
	int ret;

	if (len == 0) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&vfio_lock);
	c = container_by_fd(container_fd);
	if (c == NULL) {
		pthread_mutex_unlock(&vfio_lock);
		EAL_LOG(ERR, "vfio: cannot %s DMA: %d is no VFIO container fd of EAL\n",
			map ? "map" : "unmap", container_fd);
		return -1;
	}
	ret = map ? user_map_add(c, vaddr, iova, len) : user_map_del(c, vaddr, iova, len);
	pthread_mutex_unlock(&vfio_lock);
	return ret;
}

int
rte_vfio_container_dma_map(int container_fd, uint64_t vaddr, uint64_t iova, uint64_t len)
{
	return container_dma(container_fd, vaddr, iova, len, 1);
}

int
rte_vfio_container_dma_unmap(int container_fd, uint64_t vaddr, uint64_t iova, uint64_t len)
{
	return container_dma(container_fd, vaddr, iova, len, 0);
}

enum rte_intr_mode
rte_eal_vfio_intr_mode(void)
{
	return eal_get_internal_configuration()->vfio_intr_mode;
}

void
rte_eal_vfio_get_vf_token(rte_uuid_t vf_token)
{
	rte_uuid_copy(vf_token, eal_get_internal_configuration()->vfio_vf_token);
}

void
eal_vfio_cleanup(void)
{
	int i, j;

	eal_vfio_mp_cleanup();
	pthread_mutex_lock(&vfio_lock);
	for (i = RTE_MAX_VFIO_CONTAINERS - 1; i >= 0; i--) {
		struct vfio_container *c = &containers[i];

		for (j = 0; j < RTE_MAX_VFIO_GROUPS; j++)
			if (c->groups[j].used)
				group_close(c, &c->groups[j]);
		if (c->used)
			close(c->fd);
		memset(c, 0, sizeof(*c));
	}
	__atomic_store_n(&vfio_enabled, 0, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&vfio_lock);
}
