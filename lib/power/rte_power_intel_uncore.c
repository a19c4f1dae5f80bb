/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Uncore frequency: packages and dies are read from the intel_uncore_frequency driver's
 * directories (package_PP_die_DD); changing the frequency is not implemented, so every call
 * on an existing die returns -ENOTSUP.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_log.h>

#include "rte_power_intel_uncore.h"
#include "power_cpufreq.h"

#define POWER_LOG(level, fmt, ...) \
	RTE_LOG(level, POWER, "%s(): " fmt "\n", __func__, ##__VA_ARGS__)

#define UNCORE_DIR "intel_uncore_frequency"

/* Highest package number + 1 (pkg == -1) or highest die number + 1 of pkg. */
static unsigned int
uncore_count(int pkg)
{
	const char *root = getenv(POWER_SYSFS_ROOT_ENV);
	char path[512];
	struct dirent *e;
	unsigned int p, d, n = 0;
	DIR *dir;

	snprintf(path, sizeof(path), "%s/%s", root != NULL && root[0] != '\0' ? root :
		"/sys/devices/system/cpu", UNCORE_DIR);
	dir = opendir(path);
	if (dir == NULL)
		return 0;
	while ((e = readdir(dir)) != NULL) {
		if (sscanf(e->d_name, "package_%u_die_%u", &p, &d) != 2)
			continue;
		if (pkg < 0 && p + 1 > n)
			n = p + 1;
		else if (pkg >= 0 && p == (unsigned int)pkg && d + 1 > n)
			n = d + 1;
	}
	closedir(dir);
	return n;
}

static int
uncore_check(unsigned int pkg, unsigned int die, const char *func)
{
	unsigned int n = uncore_count(-1);

	if (pkg >= n) {
		RTE_LOG(ERR, POWER, "%s(): package %u does not exist (%u packages)\n", func, pkg,
			n);
		return -1;
	}
	n = uncore_count((int)pkg);
	if (die >= n) {
		RTE_LOG(ERR, POWER, "%s(): die %u of package %u does not exist (%u dies)\n", func,
			die, pkg, n);
		return -1;
	}
	RTE_LOG(ERR, POWER, "%s(): uncore frequency control is not implemented\n", func);
	return -ENOTSUP;
}

int
rte_power_uncore_init(unsigned int pkg, unsigned int die)
{
	return uncore_check(pkg, die, __func__);
}

int
rte_power_uncore_exit(unsigned int pkg, unsigned int die)
{
	return uncore_check(pkg, die, __func__);
}

uint32_t
rte_power_get_uncore_freq(unsigned int pkg, unsigned int die)
{
	return (uint32_t)uncore_check(pkg, die, __func__);
}

int
rte_power_set_uncore_freq(unsigned int pkg, unsigned int die, uint32_t index)
{
	RTE_SET_USED(index);
	return uncore_check(pkg, die, __func__);
}

int
rte_power_uncore_freq_max(unsigned int pkg, unsigned int die)
{
	return uncore_check(pkg, die, __func__);
}

int
rte_power_uncore_freq_min(unsigned int pkg, unsigned int die)
{
	return uncore_check(pkg, die, __func__);
}

int
rte_power_uncore_get_num_freqs(unsigned int pkg, unsigned int die)
{
	return uncore_check(pkg, die, __func__);
}

unsigned int
rte_power_uncore_get_num_pkgs(void)
{
	unsigned int n = uncore_count(-1);

	if (n == 0)
		POWER_LOG(ERR, "no uncore frequency control (intel_uncore_frequency) here");
	return n;
}

unsigned int
rte_power_uncore_get_num_dies(unsigned int pkg)
{
	unsigned int n = uncore_count((int)pkg);

	if (n == 0)
		POWER_LOG(ERR, "package %u has no uncore frequency control", pkg);
	return n;
}
