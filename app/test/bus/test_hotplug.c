/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The hotplug engine with virtual devices: attach/detach, every refusal and what it must leave
 * unchanged, failed probes, concurrent callers, and a long attach/detach loop that must not
 * leak memory or file descriptors.
 */
#include "test_common.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <unistd.h>

#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <bus_driver.h>
#include <bus_vdev_driver.h>

#include "test_driver.h"

/* Bytes allocated from every rte_malloc heap. */
static size_t
malloc_in_use(void)
{
	struct rte_malloc_socket_stats st;
	unsigned int i;
	size_t total = 0;

	for (i = 0; i < rte_socket_count(); i++) {
		if (rte_malloc_get_socket_stats(rte_socket_id_by_idx(i), &st) == 0)
			total += st.heap_allocsz_bytes;
	}
	return total;
}

static int
setup(void **state)
{
	static const char *const args[] = { "prog", "--no-huge", "--in-memory", "-l", "0",
		"--log-level", "lib.eal:crit", "--log-level", "bus.vdev:crit", NULL };
	struct test_argv a;

	(void)state;
	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv) < 0 ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return rte_eal_cleanup();
}

static void
test_attach_detach(void **state)
{
	unsigned int n = rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL);
	int probes = htest_probes, removes = htest_removes;
	struct rte_device *dev;

	(void)state;
	assert_int_equal(rte_dev_probe("net_htest0,x=1"), 0);
	dev = vdev_named("net_htest0");
	assert_non_null(dev);
	assert_true(rte_dev_is_probed(dev));
	assert_int_equal(dev->state, RTE_DEV_STATE_PROBED);
	assert_string_equal(rte_dev_name(dev), "net_htest0");
	assert_string_equal(rte_driver_name(rte_dev_driver(dev)), "net_htest");
	assert_ptr_equal(rte_dev_bus(dev), rte_bus_find_by_name("vdev"));
	assert_ptr_equal(rte_bus_find_by_device(dev), rte_bus_find_by_name("vdev"));
	assert_string_equal(rte_dev_devargs(dev)->args, "x=1");
	assert_int_equal(rte_dev_numa_node(dev), SOCKET_ID_ANY);
	assert_int_equal(rte_devres_count(dev), 2);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), n + 1);
	assert_int_equal(htest_probes, probes + 1);

	htest_released[0] = '\0';
	assert_int_equal(rte_dev_remove(dev), 0);
	/* Released by the core, newest first: the fd, then the memory. */
	assert_string_equal(htest_released, "fm");
	assert_int_equal(htest_removes, removes + 1);
	assert_null(vdev_named("net_htest0"));
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), n);

	/* The alias, through the other entry points. */
	assert_int_equal(rte_eal_hotplug_add("vdev", "eth_htest1", "x=2"), 0);
	assert_non_null(vdev_named("eth_htest1"));
	assert_int_equal(rte_eal_hotplug_remove("vdev", "eth_htest1"), 0);
	assert_int_equal(rte_vdev_init("net_htest2", NULL), 0);
	assert_int_equal(rte_vdev_uninit("net_htest2"), 0);
	assert_int_equal(rte_dev_probe("bus=vdev,name=net_htest3/driver=net_htest,x=3"), 0);
	assert_string_equal(rte_dev_devargs(vdev_named("net_htest3"))->args, "x=3");
	assert_int_equal(rte_vdev_uninit("net_htest3"), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), n);
}

static void
test_duplicate_name(void **state)
{
	struct rte_device *dev;

	(void)state;
	assert_int_equal(rte_dev_probe("net_htest0,x=1"), 0);
	dev = vdev_named("net_htest0");
	/* Refused, and the first device keeps its arguments. */
	assert_int_equal(rte_dev_probe("net_htest0,x=2"), -EEXIST);
	assert_int_equal(rte_vdev_init("net_htest0", "x=3"), -EEXIST);
	assert_int_equal(rte_eal_hotplug_add("vdev", "net_htest0", NULL), -EEXIST);
	assert_ptr_equal(vdev_named("net_htest0"), dev);
	assert_string_equal(rte_dev_devargs(dev)->args, "x=1");
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 1);
	assert_int_equal(rte_dev_remove(dev), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
}

static void
test_unknown_and_malformed(void **state)
{
	char name[300];

	(void)state;
	assert_int_equal(rte_dev_probe("net_nosuch0"), -ENOENT);
	assert_int_equal(rte_vdev_init("net_nosuch0", NULL), -ENOENT);
	assert_int_equal(rte_eal_hotplug_add("nosuchbus", "net_htest0", NULL), -ENOENT);
	assert_int_equal(rte_dev_probe(NULL), -EINVAL);
	assert_int_equal(rte_dev_probe(""), -EINVAL);
	assert_int_equal(rte_dev_probe(",,"), -EINVAL);
	assert_int_equal(rte_dev_probe("net_htest0,x=[1"), -EINVAL);
	assert_int_equal(rte_dev_probe("net_htest0,bogus=1"), -EINVAL);
	assert_int_equal(rte_dev_probe("bus=vdev"), -EINVAL);
	memset(name, 'n', sizeof(name) - 1);
	memcpy(name, "net_htest", 9);
	name[sizeof(name) - 1] = '\0';
	assert_int_equal(rte_dev_probe(name), -EINVAL);
	assert_int_equal(rte_vdev_init(NULL, NULL), -EINVAL);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
	assert_null(rte_dev_iterator_next(NULL));
}

static void
test_failed_probe_leaves_nothing(void **state)
{
	size_t mem = malloc_in_use();
	int fds = test_count_fds();
	int probes = htest_probes;

	(void)state;
	htest_released[0] = '\0';
	assert_int_equal(rte_dev_probe("net_htest0,fail=3"), -EIO);
	/* All three resources released, newest first, by the core. */
	assert_string_equal(htest_released, "mfm");
	assert_null(vdev_named("net_htest0"));
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
	assert_int_equal(htest_probes, probes);
	assert_int_equal(malloc_in_use(), mem);
	assert_int_equal(test_count_fds(), fds);
	/* The name is free again. */
	assert_int_equal(rte_dev_probe("net_htest0"), 0);
	assert_int_equal(rte_vdev_uninit("net_htest0"), 0);
	assert_int_equal(malloc_in_use(), mem);
	assert_int_equal(test_count_fds(), fds);
}

static void
test_remove_unknown_or_removed(void **state)
{
	struct rte_device fake;
	struct rte_device *dev;

	(void)state;
	memset(&fake, 0, sizeof(fake));
	fake.name = "net_htest9";
	assert_int_equal(rte_dev_remove(NULL), -EINVAL);
	assert_int_equal(rte_dev_remove(&fake), -EINVAL);
	assert_int_equal(rte_vdev_uninit("net_htest9"), -ENOENT);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "net_htest9"), -ENOENT);
	assert_int_equal(rte_eal_hotplug_remove("nosuchbus", "x"), -ENOENT);

	assert_int_equal(rte_dev_probe("net_htest0"), 0);
	dev = vdev_named("net_htest0");
	assert_int_equal(rte_dev_remove(dev), 0);
	/* The pointer is stale now: it is recognised as unknown without being read. */
	assert_int_equal(rte_dev_remove(dev), -EINVAL);
	assert_int_equal(rte_vdev_uninit("net_htest0"), -ENOENT);
}

static void
test_driver_without_remove(void **state)
{
	struct rte_device *dev;

	(void)state;
	assert_int_equal(rte_dev_probe("net_hnorm0"), 0);
	dev = vdev_named("net_hnorm0");
	assert_non_null(dev);
	assert_int_equal(rte_dev_remove(dev), -ENOTSUP);
	assert_int_equal(rte_vdev_uninit("net_hnorm0"), -ENOTSUP);
	/* Nothing changed. */
	assert_ptr_equal(vdev_named("net_hnorm0"), dev);
	assert_true(rte_dev_is_probed(dev));
	assert_int_equal(dev->state, RTE_DEV_STATE_PROBED);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 1);
	assert_int_equal(rte_dev_probe("net_hnorm0"), -EEXIST);
	/* It stays until rte_eal_cleanup; forget its devargs for the following tests' counts. */
	assert_int_equal(rte_devargs_remove(rte_dev_devargs(dev)), 0);
	dev->devargs = NULL;
}

static void
test_remove_error_changes_nothing(void **state)
{
	struct rte_device *dev;

	(void)state;
	assert_int_equal(rte_dev_probe("net_htest0,x=5"), 0);
	dev = vdev_named("net_htest0");
	htest_remove_error = -EBUSY;
	assert_int_equal(rte_dev_remove(dev), -EBUSY);
	htest_remove_error = 0;
	assert_true(rte_dev_is_probed(dev));
	assert_int_equal(rte_devres_count(dev), 2);
	assert_string_equal(rte_dev_devargs(dev)->args, "x=5");
	assert_int_equal(rte_dev_remove(dev), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
}

static void
test_probe_inside_probe(void **state)
{
	(void)state;
	/* A driver attaching another device while it probes (the hotplug lock is recursive). */
	assert_int_equal(rte_dev_probe("net_htest0,sub=net_htest1"), 0);
	assert_true(rte_dev_is_probed(vdev_named("net_htest0")));
	assert_true(rte_dev_is_probed(vdev_named("net_htest1")));
	assert_int_equal(rte_vdev_uninit("net_htest1"), 0);
	assert_int_equal(rte_vdev_uninit("net_htest0"), 0);
	/* A failing sub-device fails the parent, and neither is left. */
	assert_int_equal(rte_dev_probe("net_htest0,sub=net_nosuch1"), -ENOENT);
	assert_null(vdev_named("net_htest0"));
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
}

static void
test_iterate(void **state)
{
	struct rte_dev_iterator it;
	struct rte_device *dev;
	int n = 0;

	(void)state;
	assert_int_equal(rte_dev_probe("net_htest0"), 0);
	assert_int_equal(rte_dev_probe("net_htest1"), 0);
	RTE_DEV_FOREACH(dev, "bus=vdev", &it) {
		if (strncmp(dev->name, "net_htest", 9) == 0)
			n++;
	}
	assert_int_equal(n, 2);
	n = 0;
	RTE_DEV_FOREACH(dev, "bus=vdev,name=net_htest1", &it) {
		assert_string_equal(dev->name, "net_htest1");
		n++;
	}
	assert_int_equal(n, 1);
	assert_int_equal(rte_dev_iterator_init(&it, "name=x"), -EINVAL);
	assert_int_equal(rte_dev_iterator_init(&it, "bus=nosuchbus"), -EINVAL);
	assert_int_equal(rte_vdev_uninit("net_htest0"), 0);
	assert_int_equal(rte_vdev_uninit("net_htest1"), 0);
}

static int custom_scans;
static void
add_by_scan(void *arg)
{
	custom_scans++;
	if (rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL) == 1)
		rte_devargs_add(RTE_DEVTYPE_VIRTUAL, arg);
}

static void
test_custom_scan(void **state)
{
	(void)state;
	assert_int_equal(rte_vdev_add_custom_scan(NULL, NULL), -EINVAL);
	assert_int_equal(rte_vdev_add_custom_scan(add_by_scan, "net_htest7,x=7"), 0);
	/* The hotplug rescan runs the callback, which adds a second virtual device. */
	assert_int_equal(rte_dev_probe("net_htest8"), 0);
	assert_int_equal(custom_scans, 1);
	assert_non_null(vdev_named("net_htest7"));
	assert_false(rte_dev_is_probed(vdev_named("net_htest7")));
	assert_int_equal(rte_bus_probe(), 0);
	assert_true(rte_dev_is_probed(vdev_named("net_htest7")));
	assert_int_equal(rte_vdev_remove_custom_scan(add_by_scan, (void *)-1), 0);
	assert_int_equal(rte_vdev_remove_custom_scan(add_by_scan, (void *)-1), -ENOENT);
	assert_int_equal(rte_vdev_uninit("net_htest7"), 0);
	assert_int_equal(rte_vdev_uninit("net_htest8"), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
}

#define STRESS_THREADS 4
#define STRESS_ROUNDS 2000

struct stress {
	int id;
	int own_errors;        /* attach/detach of its own device that did not return 0 */
	int shared_attached;   /* successful attaches of the shared name */
	int shared_detached;
	int unexpected;        /* any return outside the documented set */
};

static pthread_barrier_t stress_start;

static void *
stress_main(void *arg)
{
	struct stress *s = arg;
	char own[32];
	int i, ret;

	snprintf(own, sizeof(own), "net_htest_t%d", s->id);
	pthread_barrier_wait(&stress_start);
	for (i = 0; i < STRESS_ROUNDS; i++) {
		if (rte_dev_probe(own) != 0)
			s->own_errors++;
		ret = rte_dev_probe("net_htest_shared");
		if (ret == 0)
			s->shared_attached++;
		else if (ret != -EEXIST)
			s->unexpected++;
		sched_yield();
		if (rte_vdev_uninit(own) != 0)
			s->own_errors++;
		if (i % 2 == 0) {
			ret = rte_eal_hotplug_remove("vdev", "net_htest_shared");
			if (ret == 0)
				s->shared_detached++;
			else if (ret != -ENOENT)
				s->unexpected++;
		} else {
			/*
			 * The vdev API path. (Not rte_dev_remove of a looked-up pointer: another
			 * thread may free that device and a new one, even this thread's own,
			 * may be allocated at the same address - a use-after-free by the caller.)
			 */
			ret = rte_vdev_uninit("net_htest_shared");
			if (ret == 0)
				s->shared_detached++;
			else if (ret != -EINVAL && ret != -ENOENT)
				s->unexpected++;
		}
	}
	return NULL;
}

static void
test_threads(void **state)
{
	struct stress s[STRESS_THREADS];
	pthread_t th[STRESS_THREADS];
	int probes = htest_probes, removes = htest_removes;
	int attached = 0, detached = 0, present, i;

	pthread_attr_t attr;
	rte_cpuset_t all;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

	(void)state;
	/* EAL pinned this thread to lcore 0; the stress threads may use every CPU. */
	CPU_ZERO(&all);
	for (i = 0; i < ncpu && i < CPU_SETSIZE; i++)
		CPU_SET(i, &all);
	pthread_attr_init(&attr);
	pthread_attr_setaffinity_np(&attr, sizeof(all), &all);
	pthread_barrier_init(&stress_start, NULL, STRESS_THREADS);
	memset(s, 0, sizeof(s));
	for (i = 0; i < STRESS_THREADS; i++) {
		s[i].id = i;
		assert_int_equal(pthread_create(&th[i], &attr, stress_main, &s[i]), 0);
	}
	pthread_attr_destroy(&attr);
	for (i = 0; i < STRESS_THREADS; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(s[i].own_errors, 0);
		assert_int_equal(s[i].unexpected, 0);
		attached += s[i].shared_attached;
		detached += s[i].shared_detached;
	}
	pthread_barrier_destroy(&stress_start);
	present = vdev_named("net_htest_shared") != NULL;
	print_message("# %d threads x %d rounds: own names %d attach+detach each; shared name "
		"attached %d times, detached %d, refused %d times\n", STRESS_THREADS,
		STRESS_ROUNDS, STRESS_ROUNDS, attached, detached,
		STRESS_THREADS * STRESS_ROUNDS - attached);
	/* Every attach is matched by a detach, or the device is still there. */
	assert_int_equal(attached - detached, present);
	assert_int_equal(htest_probes - probes,
		STRESS_THREADS * STRESS_ROUNDS + attached);
	assert_int_equal((htest_probes - probes) - (htest_removes - removes), present);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), (unsigned int)present);
	for (i = 0; i < STRESS_THREADS; i++) {
		char own[32];

		snprintf(own, sizeof(own), "net_htest_t%d", i);
		assert_null(vdev_named(own));
	}
	if (present)
		assert_int_equal(rte_vdev_uninit("net_htest_shared"), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
}

#define LEAK_CYCLES 10000

static void
test_cycles_leak_nothing(void **state)
{
	size_t mem;
	int fds, i;

	(void)state;
	/* One warm-up cycle, so lazily created state is not counted as a leak. */
	assert_int_equal(rte_dev_probe("net_htest0,x=1"), 0);
	assert_int_equal(rte_vdev_uninit("net_htest0"), 0);
	mem = malloc_in_use();
	fds = test_count_fds();
	/* The measure does see what an attached device holds. */
	assert_int_equal(rte_dev_probe("net_htest0,x=1"), 0);
	assert_true(malloc_in_use() > mem);
	assert_int_equal(test_count_fds(), fds + 1);
	assert_int_equal(rte_vdev_uninit("net_htest0"), 0);
	for (i = 0; i < LEAK_CYCLES; i++) {
		if (rte_dev_probe("net_htest0,x=1") != 0 || rte_vdev_uninit("net_htest0") != 0)
			fail_msg("cycle %d failed", i);
		/* Failed attaches too. */
		if (i % 100 == 0 && rte_dev_probe("net_htest1,fail=4") != -EIO)
			fail_msg("cycle %d: failing probe did not fail", i);
	}
	print_message("# %d attach/detach cycles: rte_malloc bytes %zu -> %zu, fds %d -> %d\n",
		LEAK_CYCLES, mem, malloc_in_use(), fds, test_count_fds());
	assert_int_equal(malloc_in_use(), mem);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attach_detach),
		cmocka_unit_test(test_duplicate_name),
		cmocka_unit_test(test_unknown_and_malformed),
		cmocka_unit_test(test_failed_probe_leaves_nothing),
		cmocka_unit_test(test_remove_unknown_or_removed),
		cmocka_unit_test(test_driver_without_remove),
		cmocka_unit_test(test_remove_error_changes_nothing),
		cmocka_unit_test(test_probe_inside_probe),
		cmocka_unit_test(test_iterate),
		cmocka_unit_test(test_custom_scan),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_cycles_leak_nothing),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
