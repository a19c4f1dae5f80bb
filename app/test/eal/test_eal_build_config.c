/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_build_config.h names every component built: RTE_LIB_<LIB> for each library and
 * RTE_<CLASS>_<DRIVER> (RTE_BUS_PCI, RTE_NET_RING...) for each driver, as DPDK's does.
 * The arguments are the macros meson expects, from its lists of what it built.
 */
#include "test_common.h"

#include <rte_config.h>

/* EAL and kvargs are always built. */
#if !defined(RTE_LIB_EAL) || !defined(RTE_LIB_KVARGS)
#error "rte_build_config.h does not name the libraries built"
#endif

static int test_argc;
static char **test_argv;

/* Is "#define name 1" a line of the header? */
static int
header_defines(const char *text, const char *name)
{
	char line[128];

	snprintf(line, sizeof(line), "#define %s 1\n", name);
	return strstr(text, line) != NULL;
}

static void
test_component_flags(void **state)
{
	static char text[1 << 16];
	size_t len;
	FILE *f;
	int i;

	(void)state;
	f = fopen(TEST_BUILD_CONFIG_H, "r");
	assert_non_null(f);
	len = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[len] = '\0';
	assert_true(test_argc > 1);
	for (i = 1; i < test_argc; i++) {
		if (!header_defines(text, test_argv[i]))
			fail_msg("%s is not defined in %s", test_argv[i], TEST_BUILD_CONFIG_H);
	}
	/* Nothing is named that was not built: this tree has no such driver. */
	assert_false(header_defines(text, "RTE_NET_IXGBE"));
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_component_flags),
	};

	test_argc = argc;
	test_argv = argv;
	return cmocka_run_group_tests_name("eal_build_config", tests, NULL, NULL);
}
