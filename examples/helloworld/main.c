/* SPDX-License-Identifier: BSD-3-Clause */
/* Say hello from every lcore: the smallest program that brings EAL up and down. */
#include <stdio.h>
#include <stdlib.h>

#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_errno.h>

static int
lcore_hello(void *arg)
{
	(void)arg;
	printf("hello from lcore %u\n", rte_lcore_id());
	return 0;
}

int
main(int argc, char **argv)
{
	unsigned int lcore_id;

	if (rte_eal_init(argc, argv) < 0)
		rte_exit(EXIT_FAILURE, "Cannot init EAL: %s\n", rte_strerror(rte_errno));
	RTE_LCORE_FOREACH_WORKER(lcore_id)
		rte_eal_remote_launch(lcore_hello, NULL, lcore_id);
	lcore_hello(NULL);
	rte_eal_mp_wait_lcore();
	rte_eal_cleanup();
	return 0;
}
