/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An application outside the tree: built against an installed tree with pkg-config, it brings
 * EAL up, runs a function on every worker, allocates from EAL memory and shuts down.
 * Prints "external app OK" and exits 0 when every step worked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_malloc.h>

static int
worker(void *arg)
{
	unsigned int *seen = arg;

	__atomic_fetch_add(seen, 1, __ATOMIC_RELAXED);
	return (int)rte_lcore_id();
}

int
main(int argc, char **argv)
{
	unsigned int seen = 0, lcore, workers = 0;
	char *buf;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "rte_eal_init: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	if (rte_eal_mp_remote_launch(worker, &seen, SKIP_MAIN) != 0)
		return 2;
	RTE_LCORE_FOREACH_WORKER(lcore) {
		if (rte_eal_wait_lcore(lcore) != (int)lcore)
			return 3;
		workers++;
	}
	if (seen != workers || workers + 1 != rte_lcore_count())
		return 4;
	buf = rte_zmalloc("external", 1 << 20, 4096);
	if (buf == NULL || ((uintptr_t)buf & 4095) != 0 || buf[12345] != 0)
		return 5;
	memset(buf, 0xa5, 1 << 20);
	rte_free(buf);
	if (rte_eal_cleanup() != 0)
		return 6;
	printf("external app OK: %u workers, hugepages %s\n", workers,
		rte_eal_has_hugepages() ? "on" : "off");
	return 0;
}
