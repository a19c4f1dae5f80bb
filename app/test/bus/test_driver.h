/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A vdev driver for the hotplug tests, "net_htest" (alias eth_htest). Its probe takes what a
 * real driver would (rte_malloc memory, a file descriptor) and records each with devres.
 * Arguments: fail=N  take N resources, then fail the probe with -EIO
 *            sub=NAME attach the virtual device NAME from inside the probe
 * A second driver, "net_hnorm", cannot remove its devices (no remove callback).
 */
#ifndef _TEST_DRIVER_H_
#define _TEST_DRIVER_H_

#include <errno.h>
#include <unistd.h>
#include <sys/eventfd.h>

#include <rte_dev.h>
#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <bus_vdev_driver.h>

static int htest_probes, htest_removes, htest_remove_error;
/* Order in which resources were released: 'm' memory, 'f' fd, one letter per release. */
static char htest_released[64];

static void
htest_release_mem(struct rte_device *dev, void *arg)
{
	(void)dev;
	rte_free(arg);
	strncat(htest_released, "m", sizeof(htest_released) - strlen(htest_released) - 1);
}

static void
htest_release_fd(struct rte_device *dev, void *arg)
{
	(void)dev;
	close((int)(intptr_t)arg);
	strncat(htest_released, "f", sizeof(htest_released) - strlen(htest_released) - 1);
}

/* Take one resource of each kind, alternately, registering each with devres. */
static int
htest_take(struct rte_vdev_device *dev, int n)
{
	int i, fd;
	void *mem;

	for (i = 0; i < n; i++) {
		if (i % 2 == 0) {
			mem = rte_zmalloc("htest", 256, 0);
			if (mem == NULL)
				return -ENOMEM;
			if (rte_devres_add(&dev->device, htest_release_mem, mem) < 0) {
				rte_free(mem);
				return -ENOMEM;
			}
		} else {
			fd = eventfd(0, EFD_CLOEXEC);
			if (fd < 0)
				return -errno;
			if (rte_devres_add(&dev->device, htest_release_fd,
					(void *)(intptr_t)fd) < 0) {
				close(fd);
				return -ENOMEM;
			}
		}
	}
	return 0;
}

static int
htest_probe(struct rte_vdev_device *dev)
{
	static const char *const keys[] = { "fail", "sub", "x", NULL };
	struct rte_kvargs *kv = rte_kvargs_parse(rte_vdev_device_args(dev), keys);
	const char *fail, *sub;
	int ret;

	if (kv == NULL)
		return -EINVAL;
	fail = rte_kvargs_get(kv, "fail");
	sub = rte_kvargs_get(kv, "sub");
	if (fail != NULL) {
		ret = htest_take(dev, atoi(fail));
		rte_kvargs_free(kv);
		return ret < 0 ? ret : -EIO;
	}
	ret = htest_take(dev, 2);
	if (ret == 0 && sub != NULL)
		ret = rte_dev_probe(sub);
	rte_kvargs_free(kv);
	if (ret == 0)
		__atomic_fetch_add(&htest_probes, 1, __ATOMIC_RELAXED);
	return ret;
}

static int
htest_remove(struct rte_vdev_device *dev)
{
	(void)dev;
	if (htest_remove_error != 0)
		return htest_remove_error;
	__atomic_fetch_add(&htest_removes, 1, __ATOMIC_RELAXED);
	return 0;
}

static struct rte_vdev_driver htest_driver = { .probe = htest_probe, .remove = htest_remove };
RTE_PMD_REGISTER_VDEV(net_htest, htest_driver);
RTE_PMD_REGISTER_ALIAS(net_htest, eth_htest);
RTE_PMD_REGISTER_PARAM_STRING(net_htest, "fail=<int> sub=<string>");

static int
hnorm_probe(struct rte_vdev_device *dev)
{
	(void)dev;
	return 0;
}

static struct rte_vdev_driver hnorm_driver = { .probe = hnorm_probe };
RTE_PMD_REGISTER_VDEV(net_hnorm, hnorm_driver);

static int
test_cmp_name(const struct rte_device *dev, const void *name)
{
	return strcmp(dev->name, name);
}

static inline struct rte_device *
vdev_named(const char *name)
{
	struct rte_bus *bus = rte_bus_find_by_name("vdev");

	return bus->find_device(NULL, test_cmp_name, name);
}

#endif /* _TEST_DRIVER_H_ */
