/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_eal_iopl_init: granted exactly when the kernel grants iopl(3) to this process. */
#include "test_common.h"

#include <sys/io.h>

#include <rte_eal.h>

static void
test_iopl(void **state)
{
	int ret = rte_eal_iopl_init();

	(void)state;
	/* The kernel decides (CAP_SYS_RAWIO): the answer matches asking it directly. */
	assert_int_equal(ret, iopl(3) == 0 ? 0 : -1);
	if (ret == 0)
		assert_int_equal(iopl(0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iopl),
	};

	return cmocka_run_group_tests_name("eal_ioport", tests, NULL, NULL);
}
