/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Power management against a fake cpufreq tree: the library reads the directory named by
 * DPDK_POWER_SYSFS_CPU_ROOT instead of /sys/devices/system/cpu, so every file it writes can be
 * checked. No EAL is needed: the cpufreq environments only touch files.
 */
#include "test_common.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_errno.h>
#include <rte_log.h>
#include <rte_power.h>
#include <rte_power_empty_poll.h>
#include <rte_power_intel_uncore.h>

#define ROOT_ENV "DPDK_POWER_SYSFS_CPU_ROOT"

static char root[64];

static void
put(unsigned int cpu, const char *file, const char *val)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/cpu%u/cpufreq/%s", root, cpu, file);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(val, f);
	fclose(f);
}

static const char *
get(unsigned int cpu, const char *file)
{
	static char buf[256];
	char path[256];
	FILE *f;
	char *nl;

	snprintf(path, sizeof(path), "%s/cpu%u/cpufreq/%s", root, cpu, file);
	f = fopen(path, "r");
	assert_non_null(f);
	if (fgets(buf, sizeof(buf), f) == NULL)
		buf[0] = '\0';
	fclose(f);
	nl = strchr(buf, '\n');
	if (nl != NULL)
		*nl = '\0';
	return buf;
}

/* A cpu run by driver with the given frequency list ("" for none) */
static void
make_cpu(unsigned int cpu, const char *driver, const char *freqs)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/cpu%u", root, cpu);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/cpu%u/cpufreq", root, cpu);
	mkdir(path, 0700);
	put(cpu, "scaling_driver", driver);
	put(cpu, "scaling_governor", "ondemand\n");
	if (freqs[0] != '\0')
		put(cpu, "scaling_available_frequencies", freqs);
	put(cpu, "cpuinfo_min_freq", "800000\n");
	put(cpu, "cpuinfo_max_freq", "1000000\n");
	put(cpu, "scaling_setspeed", "<unsupported>\n");
	put(cpu, "scaling_min_freq", "800000\n");
	put(cpu, "scaling_max_freq", "1000000\n");
}

static int
setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/test_power.XXXXXX");
	if (mkdtemp(root) == NULL)
		return -1;
	setenv(ROOT_ENV, root, 1);
	make_cpu(0, "acpi-cpufreq\n", "3000000 2500000 2000000 \n");
	make_cpu(1, "acpi-cpufreq\n", "2000000 3001000 3000000\n");
	make_cpu(2, "intel_pstate\n", "");
	make_cpu(3, "cppc_cpufreq\n", "");
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	return system(cmd) == 0 ? 0 : -1;
}

static int
before(void **state)
{
	(void)state;
	rte_power_unset_env();
	return 0;
}

static void
test_env(void **state)
{
	(void)state;
	assert_int_equal(PM_ENV_NOT_SET, 0);
	assert_int_equal(PM_ENV_ACPI_CPUFREQ, 1);
	assert_int_equal(PM_ENV_KVM_VM, 2);
	assert_int_equal(PM_ENV_PSTATE_CPUFREQ, 3);
	assert_int_equal(PM_ENV_CPPC_CPUFREQ, 4);
	assert_int_equal(sizeof(struct rte_power_core_capabilities), 8);

	assert_int_equal(rte_power_get_env(), PM_ENV_NOT_SET);
	assert_null(rte_power_freqs);
	assert_int_equal(rte_power_set_env(PM_ENV_ACPI_CPUFREQ), 0);
	assert_int_equal(rte_power_get_env(), PM_ENV_ACPI_CPUFREQ);
	assert_non_null(rte_power_freqs);
	assert_non_null(rte_power_get_capabilities);
	/* a second choice needs an unset first */
	assert_true(rte_power_set_env(PM_ENV_CPPC_CPUFREQ) < 0);
	assert_int_equal(rte_power_get_env(), PM_ENV_ACPI_CPUFREQ);
	rte_power_unset_env();
	assert_int_equal(rte_power_get_env(), PM_ENV_NOT_SET);
	assert_null(rte_power_freqs);
	assert_true(rte_power_set_env((enum power_management_env)7) < 0);
	assert_int_equal(rte_power_get_env(), PM_ENV_NOT_SET);

	/* cpu0 of the fake tree is run by acpi-cpufreq */
	assert_int_equal(rte_power_check_env_supported(PM_ENV_ACPI_CPUFREQ), 1);
	assert_int_equal(rte_power_check_env_supported(PM_ENV_PSTATE_CPUFREQ), 0);
	assert_int_equal(rte_power_check_env_supported(PM_ENV_CPPC_CPUFREQ), 0);
	rte_errno = 0;
	assert_int_equal(rte_power_check_env_supported(PM_ENV_NOT_SET), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_power_check_env_supported((enum power_management_env)9), -1);
	assert_int_equal(rte_errno, EINVAL);
}

static void
test_acpi(void **state)
{
	uint32_t f[8];
	struct rte_power_core_capabilities caps;

	(void)state;
	/* auto-detection picks acpi-cpufreq, takes the governor and runs at the maximum */
	assert_int_equal(rte_power_init(0), 0);
	assert_int_equal(rte_power_get_env(), PM_ENV_ACPI_CPUFREQ);
	assert_string_equal(get(0, "scaling_governor"), "userspace");
	assert_string_equal(get(0, "scaling_setspeed"), "3000000");

	assert_int_equal(rte_power_freqs(0, f, RTE_DIM(f)), 3);
	assert_int_equal(f[0], 3000000);
	assert_int_equal(f[1], 2500000);
	assert_int_equal(f[2], 2000000);
	assert_int_equal(rte_power_freqs(0, f, 2), 0);
	assert_int_equal(rte_power_freqs(0, NULL, 8), 0);
	assert_int_equal(rte_power_get_freq(0), 0);

	assert_int_equal(rte_power_set_freq(0, 2), 1);
	assert_string_equal(get(0, "scaling_setspeed"), "2000000");
	assert_int_equal(rte_power_get_freq(0), 2);
	assert_int_equal(rte_power_set_freq(0, 2), 0);
	assert_true(rte_power_set_freq(0, 3) < 0);
	assert_int_equal(rte_power_get_freq(0), 2);
	assert_int_equal(rte_power_freq_down(0), 0);
	assert_int_equal(rte_power_freq_up(0), 1);
	assert_string_equal(get(0, "scaling_setspeed"), "2500000");
	assert_int_equal(rte_power_freq_up(0), 1);
	assert_string_equal(get(0, "scaling_setspeed"), "3000000");
	assert_int_equal(rte_power_freq_up(0), 0);
	assert_int_equal(rte_power_freq_down(0), 1);
	assert_string_equal(get(0, "scaling_setspeed"), "2500000");
	assert_int_equal(rte_power_freq_min(0), 1);
	assert_string_equal(get(0, "scaling_setspeed"), "2000000");
	assert_int_equal(rte_power_freq_max(0), 1);
	assert_string_equal(get(0, "scaling_setspeed"), "3000000");

	/* no turbo frequency in this list */
	assert_int_equal(rte_power_turbo_status(0), 0);
	assert_true(rte_power_freq_enable_turbo(0) < 0);
	assert_int_equal(rte_power_freq_disable_turbo(0), 0);
	memset(&caps, 0xff, sizeof(caps));
	assert_int_equal(rte_power_get_capabilities(0, &caps), 0);
	assert_int_equal(caps.capabilities, 0);
	assert_true(rte_power_get_capabilities(0, NULL) < 0);

	/* a second init of the same lcore fails and changes nothing */
	assert_true(rte_power_init(0) < 0);
	assert_int_equal(rte_power_get_freq(0), 0);

	assert_int_equal(rte_power_exit(0), 0);
	assert_string_equal(get(0, "scaling_governor"), "ondemand");
	assert_true(rte_power_exit(0) < 0);
	/* after exit the lcore is no longer managed */
	assert_true(rte_power_set_freq(0, 1) < 0);
	assert_int_equal(rte_power_freqs(0, f, RTE_DIM(f)), 0);
	/* and can be taken again */
	assert_int_equal(rte_power_init(0), 0);
	assert_int_equal(rte_power_exit(0), 0);
}

static void
test_turbo(void **state)
{
	uint32_t f[8];
	struct rte_power_core_capabilities caps;

	(void)state;
	assert_int_equal(rte_power_set_env(PM_ENV_ACPI_CPUFREQ), 0);
	assert_int_equal(rte_power_init(1), 0);
	/* the unsorted list comes back highest first; 3001000 is the turbo entry */
	assert_int_equal(rte_power_freqs(1, f, RTE_DIM(f)), 3);
	assert_int_equal(f[0], 3001000);
	assert_int_equal(f[1], 3000000);
	assert_int_equal(f[2], 2000000);
	assert_int_equal(rte_power_get_capabilities(1, &caps), 0);
	assert_int_equal(caps.turbo, 1);
	assert_int_equal(rte_power_turbo_status(1), 1);
	assert_string_equal(get(1, "scaling_setspeed"), "3001000");

	assert_int_equal(rte_power_freq_disable_turbo(1), 0);
	assert_int_equal(rte_power_turbo_status(1), 0);
	assert_string_equal(get(1, "scaling_setspeed"), "3000000");
	assert_int_equal(rte_power_freq_up(1), 0);
	assert_int_equal(rte_power_freq_min(1), 1);
	assert_int_equal(rte_power_freq_max(1), 1);
	assert_string_equal(get(1, "scaling_setspeed"), "3000000");
	assert_int_equal(rte_power_freq_enable_turbo(1), 0);
	assert_int_equal(rte_power_freq_up(1), 1);
	assert_string_equal(get(1, "scaling_setspeed"), "3001000");
	assert_int_equal(rte_power_exit(1), 0);
}

static void
test_pstate_cppc(void **state)
{
	uint32_t f[8];

	(void)state;
	/* intel_pstate: performance governor, pinned through scaling_min/max_freq */
	assert_int_equal(rte_power_init(2), 0);
	assert_int_equal(rte_power_get_env(), PM_ENV_PSTATE_CPUFREQ);
	assert_string_equal(get(2, "scaling_governor"), "performance");
	assert_int_equal(rte_power_freqs(2, f, RTE_DIM(f)), 3);
	assert_int_equal(f[0], 1000000);
	assert_int_equal(f[1], 900000);
	assert_int_equal(f[2], 800000);
	assert_int_equal(rte_power_freq_min(2), 1);
	assert_string_equal(get(2, "scaling_min_freq"), "800000");
	assert_string_equal(get(2, "scaling_max_freq"), "800000");
	assert_int_equal(rte_power_freq_up(2), 1);
	assert_string_equal(get(2, "scaling_min_freq"), "900000");
	assert_string_equal(get(2, "scaling_max_freq"), "900000");
	/* the environment is process-wide: cpu3's driver is not intel_pstate */
	assert_true(rte_power_init(3) < 0);
	assert_string_equal(get(3, "scaling_governor"), "ondemand");
	assert_int_equal(rte_power_exit(2), 0);
	assert_string_equal(get(2, "scaling_governor"), "ondemand");

	rte_power_unset_env();
	assert_int_equal(rte_power_init(3), 0);
	assert_int_equal(rte_power_get_env(), PM_ENV_CPPC_CPUFREQ);
	assert_string_equal(get(3, "scaling_governor"), "userspace");
	assert_string_equal(get(3, "scaling_setspeed"), "1000000");
	assert_int_equal(rte_power_freq_down(3), 1);
	assert_string_equal(get(3, "scaling_setspeed"), "900000");
	assert_int_equal(rte_power_exit(3), 0);
	assert_string_equal(get(3, "scaling_governor"), "ondemand");
}

static int
count_lines(FILE *f)
{
	int c, n = 0;

	fflush(f);
	rewind(f);
	while ((c = fgetc(f)) != EOF)
		n += c == '\n';
	return n;
}

static void
test_errors(void **state)
{
	FILE *log = tmpfile();
	struct rte_power_core_capabilities caps;
	uint32_t f[4];

	(void)state;
	assert_non_null(log);
	rte_openlog_stream(log);

	/* no cpufreq directory at all: -1 and one line */
	assert_int_equal(rte_power_init(7), -1);
	assert_int_equal(count_lines(log), 1);
	assert_int_equal(rte_power_get_env(), PM_ENV_NOT_SET);
	assert_true(rte_power_init(RTE_MAX_LCORE) < 0);
	assert_true(rte_power_exit(0) < 0);

	/* wrong driver for the chosen environment, nothing written */
	assert_int_equal(rte_power_set_env(PM_ENV_CPPC_CPUFREQ), 0);
	assert_true(rte_power_init(0) < 0);
	assert_string_equal(get(0, "scaling_governor"), "ondemand");
	rte_power_unset_env();

	assert_int_equal(rte_power_set_env(PM_ENV_ACPI_CPUFREQ), 0);
	assert_int_equal(rte_power_init(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_exit(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_freqs(RTE_MAX_LCORE, f, RTE_DIM(f)), 0);
	assert_int_equal(rte_power_get_freq(RTE_MAX_LCORE), UINT32_MAX);
	assert_int_equal(rte_power_set_freq(RTE_MAX_LCORE, 0), -1);
	assert_int_equal(rte_power_freq_up(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_freq_down(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_freq_max(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_freq_min(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_turbo_status(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_freq_enable_turbo(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_freq_disable_turbo(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_get_capabilities(RTE_MAX_LCORE, &caps), -1);
	/* an lcore never initialised */
	assert_int_equal(rte_power_freq_max(5), -1);
	assert_int_equal(rte_power_get_freq(5), UINT32_MAX);

	/* a cpu with neither a list nor a range is refused and left alone */
	make_cpu(6, "acpi-cpufreq\n", "");
	{
		char path[256];

		snprintf(path, sizeof(path), "%s/cpu6/cpufreq/cpuinfo_max_freq", root);
		assert_int_equal(unlink(path), 0);
	}
	assert_int_equal(rte_power_init(6), -1);
	assert_string_equal(get(6, "scaling_governor"), "ondemand");

	/* scaling_setspeed missing: init fails and gives the governor back */
	make_cpu(8, "acpi-cpufreq\n", "2000000 1000000\n");
	{
		char path[256];

		snprintf(path, sizeof(path), "%s/cpu8/cpufreq/scaling_setspeed", root);
		assert_int_equal(unlink(path), 0);
		assert_int_equal(rte_power_init(8), -1);
		assert_string_equal(get(8, "scaling_governor"), "ondemand");
		/* the governor file gone at exit: exit fails, the lcore stays managed */
		put(8, "scaling_setspeed", "");
		assert_int_equal(rte_power_init(8), 0);
		snprintf(path, sizeof(path), "%s/cpu8/cpufreq/scaling_governor", root);
		assert_int_equal(unlink(path), 0);
		assert_int_equal(rte_power_exit(8), -1);
		assert_int_equal(rte_power_get_freq(8), 0);
		put(8, "scaling_governor", "");
		assert_int_equal(rte_power_exit(8), 0);
		assert_string_equal(get(8, "scaling_governor"), "ondemand");
	}

	/* the guest channel does not exist here */
	rte_power_unset_env();
	assert_int_equal(rte_power_set_env(PM_ENV_KVM_VM), 0);
	assert_int_equal(rte_power_init(0), -1);
	assert_int_equal(rte_power_freqs(0, f, RTE_DIM(f)), (uint32_t)-ENOTSUP);
	assert_int_equal(rte_power_get_capabilities(0, &caps), -ENOTSUP);
	assert_int_equal(rte_power_freq_up(0), -1);
	assert_int_equal(rte_power_exit(0), -1);
	assert_int_equal(rte_power_guest_channel_send_msg(NULL, 0), -1);
	{
		struct rte_power_channel_packet pkt;
		char buf[8];

		memset(&pkt, 0, sizeof(pkt));
		assert_int_equal(rte_power_guest_channel_send_msg(&pkt, 0), -1);
		assert_int_equal(rte_power_guest_channel_send_msg(&pkt, RTE_MAX_LCORE), -1);
		assert_int_equal(rte_power_guest_channel_receive_msg(NULL, 8, 0), -1);
		assert_int_equal(rte_power_guest_channel_receive_msg(buf, 0, 0), -1);
		assert_int_equal(rte_power_guest_channel_receive_msg(buf, sizeof(buf),
			RTE_MAX_LCORE), -1);
		assert_int_equal(rte_power_guest_channel_receive_msg(buf, sizeof(buf), 0), -1);
	}
	assert_int_equal(rte_power_init(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_exit(RTE_MAX_LCORE), -1);
	assert_int_equal(rte_power_get_freq(0), (uint32_t)-ENOTSUP);
	assert_int_equal(rte_power_set_freq(0, 0), -ENOTSUP);
	assert_int_equal(rte_power_turbo_status(0), -ENOTSUP);
	rte_power_unset_env();

	rte_openlog_stream(NULL);
	fclose(log);
}

static void
test_uncore_empty_poll(void **state)
{
	char path[256];
	struct ep_params *ep = NULL;
	struct ep_policy policy = { .state = TRAINING };
	uint8_t tlb[3] = { 0, 1, 2 };

	(void)state;
	assert_int_equal(sizeof(struct freq_threshold), 24);
	assert_int_equal(NUM_FREQ, RTE_MAX_LCORE_FREQS);
	/* no uncore driver in the fake tree yet */
	assert_int_equal(rte_power_uncore_get_num_pkgs(), 0);
	assert_int_equal(rte_power_uncore_get_num_dies(0), 0);
	assert_int_equal(rte_power_uncore_init(0, 0), -1);
	snprintf(path, sizeof(path), "%s/intel_uncore_frequency", root);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/intel_uncore_frequency/package_00_die_00", root);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/intel_uncore_frequency/package_01_die_01", root);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(rte_power_uncore_get_num_pkgs(), 2);
	assert_int_equal(rte_power_uncore_get_num_dies(1), 2);
	assert_int_equal(rte_power_uncore_get_num_dies(2), 0);
	assert_int_equal(rte_power_uncore_init(2, 0), -1);
	assert_int_equal(rte_power_uncore_init(0, 1), -1);
	/* frequency control is not implemented */
	assert_int_equal(rte_power_uncore_init(0, 0), -ENOTSUP);
	assert_int_equal(rte_power_uncore_freq_max(1, 1), -ENOTSUP);
	assert_int_equal(rte_power_get_uncore_freq(9, 0), (uint32_t)-1);
	assert_int_equal(rte_power_set_uncore_freq(0, 0, 0), -ENOTSUP);

	assert_int_equal(rte_power_empty_poll_stat_init(&ep, tlb, &policy), -ENOTSUP);
	assert_null(ep);
	assert_int_equal(rte_power_empty_poll_stat_update(0), -ENOTSUP);
	assert_int_equal(rte_power_poll_stat_update(0, 4), -ENOTSUP);
	assert_int_equal(rte_power_empty_poll_stat_fetch(0), 0);
	assert_int_equal(rte_power_poll_stat_fetch(0), 0);
	rte_power_empty_poll_stat_free();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_env, before),
		cmocka_unit_test_setup(test_acpi, before),
		cmocka_unit_test_setup(test_turbo, before),
		cmocka_unit_test_setup(test_pstate_cppc, before),
		cmocka_unit_test_setup(test_errors, before),
		cmocka_unit_test(test_uncore_empty_poll),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
