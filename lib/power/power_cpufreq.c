/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The cpufreq environments. acpi-cpufreq and cppc_cpufreq let the "userspace" governor pick
 * the frequency through scaling_setspeed; intel_pstate has no such governor, so there the
 * "performance" governor is pinned to one frequency by writing it to both scaling_min_freq
 * and scaling_max_freq. lcore N drives cpu N, as in DPDK.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "power_cpufreq.h"

#define POWER_LOG(level, fmt, ...) \
	RTE_LOG(level, POWER, "%s(): " fmt "\n", __func__, ##__VA_ARGS__)

#define POWER_SYSFS_ROOT "/sys/devices/system/cpu"
#define POWER_MAX_FREQS 64
#define POWER_NAME_LEN 32
/* cpufreq lists a turbo frequency as the highest non-turbo one plus 1 MHz */
#define POWER_TURBO_STEP_KHZ 1000
/* Step of the list made up from cpuinfo_min_freq/cpuinfo_max_freq when there is no list */
#define POWER_GEN_STEP_KHZ 100000

enum power_state {
	POWER_IDLE = 0,
	POWER_ONGOING,
	POWER_USED,
};

struct power_lcore {
	uint32_t state; /* enum power_state, changed atomically */
	enum power_management_env env;
	char root[256];
	char saved_governor[POWER_NAME_LEN];
	uint32_t freqs[POWER_MAX_FREQS];
	uint32_t nb_freqs;
	uint32_t curr_idx;
	int turbo_available;
	int turbo_enable;
};

static struct power_lcore power_lcores[RTE_MAX_LCORE];

static const char *
power_sysfs_root(void)
{
	const char *root = getenv(POWER_SYSFS_ROOT_ENV);

	return root != NULL && root[0] != '\0' ? root : POWER_SYSFS_ROOT;
}

static const char *
power_env_driver(enum power_management_env env)
{
	switch (env) {
	case PM_ENV_ACPI_CPUFREQ:
		return "acpi-cpufreq";
	case PM_ENV_PSTATE_CPUFREQ:
		return "intel_pstate";
	case PM_ENV_CPPC_CPUFREQ:
		return "cppc_cpufreq";
	default:
		return NULL;
	}
}

static int
power_path(char *buf, size_t len, const char *root, unsigned int cpu, const char *file)
{
	int n = snprintf(buf, len, "%s/cpu%u/cpufreq/%s", root, cpu, file);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* Reads the first line of a cpufreq file without its newline. */
static int
power_read(const char *root, unsigned int cpu, const char *file, char *buf, size_t len)
{
	char path[PATH_MAX];
	FILE *f;
	char *nl;

	if (power_path(path, sizeof(path), root, cpu, file) < 0)
		return -1;
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fgets(buf, (int)len, f) == NULL) {
		fclose(f);
		return -1;
	}
	fclose(f);
	nl = strchr(buf, '\n');
	if (nl != NULL)
		*nl = '\0';
	return 0;
}

static int
power_write(const char *root, unsigned int cpu, const char *file, const char *val)
{
	char path[PATH_MAX];
	size_t len = strlen(val);
	ssize_t n;
	int fd;

	if (power_path(path, sizeof(path), root, cpu, file) < 0)
		return -1;
	fd = open(path, O_WRONLY | O_TRUNC);
	if (fd < 0) {
		POWER_LOG(ERR, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	n = write(fd, val, len);
	if (close(fd) != 0 || n != (ssize_t)len) {
		POWER_LOG(ERR, "cannot write '%s' to %s", val, path);
		return -1;
	}
	return 0;
}

static int
power_read_u32(const char *root, unsigned int cpu, const char *file, uint32_t *val)
{
	char buf[POWER_NAME_LEN];
	char *end;
	unsigned long v;

	if (power_read(root, cpu, file, buf, sizeof(buf)) < 0)
		return -1;
	errno = 0;
	v = strtoul(buf, &end, 10);
	if (errno != 0 || end == buf || v > UINT32_MAX)
		return -1;
	*val = (uint32_t)v;
	return 0;
}

enum power_management_env
power_cpufreq_detect(unsigned int lcore_id)
{
	static const enum power_management_env envs[] = {
		PM_ENV_ACPI_CPUFREQ, PM_ENV_PSTATE_CPUFREQ, PM_ENV_CPPC_CPUFREQ,
	};
	char driver[POWER_NAME_LEN];
	unsigned int i;

	if (power_read(power_sysfs_root(), lcore_id, "scaling_driver", driver,
			sizeof(driver)) < 0)
		return PM_ENV_NOT_SET;
	for (i = 0; i < RTE_DIM(envs); i++)
		if (strcmp(driver, power_env_driver(envs[i])) == 0)
			return envs[i];
	return PM_ENV_NOT_SET;
}

int
power_cpufreq_check_supported(enum power_management_env env)
{
	return power_cpufreq_detect(0) == env ? 1 : 0;
}

static int
power_cmp_desc(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* Fills the frequency list, highest first, from the list cpufreq gives or from the range. */
static int
power_load_freqs(struct power_lcore *pl, unsigned int cpu)
{
	char buf[1024];
	char *tok, *save = NULL;
	uint32_t lo, hi, f;

	pl->nb_freqs = 0;
	if (power_read(pl->root, cpu, "scaling_available_frequencies", buf, sizeof(buf)) == 0) {
		for (tok = strtok_r(buf, " \t", &save); tok != NULL;
				tok = strtok_r(NULL, " \t", &save)) {
			if (pl->nb_freqs == POWER_MAX_FREQS)
				break;
			f = (uint32_t)strtoul(tok, NULL, 10);
			if (f != 0)
				pl->freqs[pl->nb_freqs++] = f;
		}
	} else if (power_read_u32(pl->root, cpu, "cpuinfo_min_freq", &lo) == 0 &&
			power_read_u32(pl->root, cpu, "cpuinfo_max_freq", &hi) == 0 && lo <= hi) {
		for (f = hi; pl->nb_freqs < POWER_MAX_FREQS; f -= POWER_GEN_STEP_KHZ) {
			pl->freqs[pl->nb_freqs++] = f;
			if (f < lo + POWER_GEN_STEP_KHZ)
				break;
		}
		if (pl->freqs[pl->nb_freqs - 1] != lo && pl->nb_freqs < POWER_MAX_FREQS)
			pl->freqs[pl->nb_freqs++] = lo;
	}
	if (pl->nb_freqs == 0) {
		POWER_LOG(ERR, "no frequency list for cpu %u in %s", cpu, pl->root);
		return -1;
	}
	qsort(pl->freqs, pl->nb_freqs, sizeof(pl->freqs[0]), power_cmp_desc);
	pl->turbo_available = pl->nb_freqs > 1 &&
		pl->freqs[0] - POWER_TURBO_STEP_KHZ == pl->freqs[1];
	pl->turbo_enable = pl->turbo_available;
	return 0;
}

static int
power_apply(struct power_lcore *pl, unsigned int lcore_id, uint32_t idx)
{
	char val[16];
	int up;

	snprintf(val, sizeof(val), "%" PRIu32, pl->freqs[idx]);
	if (pl->env != PM_ENV_PSTATE_CPUFREQ) {
		if (power_write(pl->root, lcore_id, "scaling_setspeed", val) < 0)
			return -1;
	} else {
		/* the kernel refuses a minimum above the maximum, so order the two writes */
		up = pl->curr_idx >= pl->nb_freqs || idx < pl->curr_idx;
		if (power_write(pl->root, lcore_id, up ? "scaling_max_freq" : "scaling_min_freq",
				val) < 0 ||
				power_write(pl->root, lcore_id,
					up ? "scaling_min_freq" : "scaling_max_freq", val) < 0)
			return -1;
	}
	pl->curr_idx = idx;
	return 1;
}

static int
power_set_idx(struct power_lcore *pl, unsigned int lcore_id, uint32_t idx)
{
	if (idx >= pl->nb_freqs) {
		POWER_LOG(ERR, "lcore %u: frequency index %u out of 0..%u", lcore_id, idx,
			pl->nb_freqs - 1);
		return -1;
	}
	if (idx == pl->curr_idx)
		return 0;
	return power_apply(pl, lcore_id, idx);
}

static uint32_t
power_max_idx(const struct power_lcore *pl)
{
	return pl->turbo_available && !pl->turbo_enable ? 1 : 0;
}

static int
power_governor_take(struct power_lcore *pl, unsigned int cpu)
{
	const char *want = pl->env == PM_ENV_PSTATE_CPUFREQ ? "performance" : "userspace";

	if (power_read(pl->root, cpu, "scaling_governor", pl->saved_governor,
			sizeof(pl->saved_governor)) < 0) {
		POWER_LOG(ERR, "cannot read the governor of cpu %u in %s", cpu, pl->root);
		return -1;
	}
	if (strcmp(pl->saved_governor, want) == 0)
		return 0;
	return power_write(pl->root, cpu, "scaling_governor", want);
}

int
power_cpufreq_init(unsigned int lcore_id, enum power_management_env env)
{
	struct power_lcore *pl;
	uint32_t exp = POWER_IDLE;
	char driver[POWER_NAME_LEN];

	if (lcore_id >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore_id, RTE_MAX_LCORE);
		return -1;
	}
	pl = &power_lcores[lcore_id];
	if (!__atomic_compare_exchange_n(&pl->state, &exp, POWER_ONGOING, false,
			__ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		POWER_LOG(INFO, "lcore %u is already under power management", lcore_id);
		return -1;
	}
	pl->env = env;
	rte_strscpy(pl->root, power_sysfs_root(), sizeof(pl->root));
	if (power_read(pl->root, lcore_id, "scaling_driver", driver, sizeof(driver)) < 0 ||
			strcmp(driver, power_env_driver(env)) != 0) {
		POWER_LOG(ERR, "cpu %u in %s is not run by %s", lcore_id, pl->root,
			power_env_driver(env));
		goto fail;
	}
	if (power_load_freqs(pl, lcore_id) < 0)
		goto fail;
	if (power_governor_take(pl, lcore_id) < 0)
		goto fail;
	pl->curr_idx = pl->nb_freqs; /* unknown: the first setting always writes */
	if (power_apply(pl, lcore_id, power_max_idx(pl)) < 0) {
		power_write(pl->root, lcore_id, "scaling_governor", pl->saved_governor);
		goto fail;
	}
	__atomic_store_n(&pl->state, POWER_USED, __ATOMIC_RELEASE);
	return 0;
fail:
	__atomic_store_n(&pl->state, POWER_IDLE, __ATOMIC_RELEASE);
	return -1;
}

int
power_cpufreq_exit(unsigned int lcore_id)
{
	struct power_lcore *pl;
	uint32_t exp = POWER_USED;

	if (lcore_id >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore_id, RTE_MAX_LCORE);
		return -1;
	}
	pl = &power_lcores[lcore_id];
	if (!__atomic_compare_exchange_n(&pl->state, &exp, POWER_ONGOING, false,
			__ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		POWER_LOG(INFO, "lcore %u is not under power management", lcore_id);
		return -1;
	}
	if (power_write(pl->root, lcore_id, "scaling_governor", pl->saved_governor) < 0) {
		__atomic_store_n(&pl->state, POWER_USED, __ATOMIC_RELEASE);
		return -1;
	}
	__atomic_store_n(&pl->state, POWER_IDLE, __ATOMIC_RELEASE);
	return 0;
}

/* The state of an lcore under power management, NULL (and a log line) otherwise. */
static struct power_lcore *
power_get(unsigned int lcore_id, const char *func)
{
	if (lcore_id >= RTE_MAX_LCORE) {
		RTE_LOG(ERR, POWER, "%s(): lcore id %u is not below %u\n", func, lcore_id,
			RTE_MAX_LCORE);
		return NULL;
	}
	if (__atomic_load_n(&power_lcores[lcore_id].state, __ATOMIC_ACQUIRE) != POWER_USED) {
		RTE_LOG(ERR, POWER, "%s(): lcore %u is not under power management\n", func,
			lcore_id);
		return NULL;
	}
	return &power_lcores[lcore_id];
}

uint32_t
power_cpufreq_freqs(unsigned int lcore_id, uint32_t *freqs, uint32_t num)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	if (pl == NULL)
		return 0;
	if (freqs == NULL) {
		POWER_LOG(ERR, "NULL buffer");
		return 0;
	}
	if (num < pl->nb_freqs) {
		POWER_LOG(ERR, "buffer of %u entries is too small for %u frequencies", num,
			pl->nb_freqs);
		return 0;
	}
	memcpy(freqs, pl->freqs, pl->nb_freqs * sizeof(freqs[0]));
	return pl->nb_freqs;
}

uint32_t
power_cpufreq_get_freq(unsigned int lcore_id)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	return pl == NULL ? UINT32_MAX : pl->curr_idx;
}

int
power_cpufreq_set_freq(unsigned int lcore_id, uint32_t index)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	return pl == NULL ? -1 : power_set_idx(pl, lcore_id, index);
}

int
power_cpufreq_freq_up(unsigned int lcore_id)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	if (pl == NULL)
		return -1;
	if (pl->curr_idx <= power_max_idx(pl))
		return 0;
	return power_set_idx(pl, lcore_id, pl->curr_idx - 1);
}

int
power_cpufreq_freq_down(unsigned int lcore_id)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	if (pl == NULL)
		return -1;
	if (pl->curr_idx + 1 >= pl->nb_freqs)
		return 0;
	return power_set_idx(pl, lcore_id, pl->curr_idx + 1);
}

int
power_cpufreq_freq_max(unsigned int lcore_id)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	return pl == NULL ? -1 : power_set_idx(pl, lcore_id, power_max_idx(pl));
}

int
power_cpufreq_freq_min(unsigned int lcore_id)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	return pl == NULL ? -1 : power_set_idx(pl, lcore_id, pl->nb_freqs - 1);
}

int
power_cpufreq_turbo_status(unsigned int lcore_id)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	return pl == NULL ? -1 : pl->turbo_enable;
}

int
power_cpufreq_enable_turbo(unsigned int lcore_id)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	if (pl == NULL)
		return -1;
	if (!pl->turbo_available) {
		POWER_LOG(ERR, "cpu %u has no turbo frequency", lcore_id);
		return -1;
	}
	pl->turbo_enable = 1;
	return 0;
}

int
power_cpufreq_disable_turbo(unsigned int lcore_id)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	if (pl == NULL)
		return -1;
	pl->turbo_enable = 0;
	/* leave the turbo frequency if the core runs at it */
	if (pl->turbo_available && pl->curr_idx == 0 &&
			power_set_idx(pl, lcore_id, 1) < 0)
		return -1;
	return 0;
}

int
power_cpufreq_get_capabilities(unsigned int lcore_id, struct rte_power_core_capabilities *caps)
{
	struct power_lcore *pl = power_get(lcore_id, __func__);

	if (pl == NULL)
		return -1;
	if (caps == NULL) {
		POWER_LOG(ERR, "NULL capabilities");
		return -1;
	}
	caps->capabilities = 0;
	caps->turbo = pl->turbo_available ? 1 : 0;
	return 0;
}
