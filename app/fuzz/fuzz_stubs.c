/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The few EAL functions the parsers call, for fuzz targets that contain the parsers alone.
 * Logging is counted, not printed, so that the fuzzer's own output stays readable.
 */
#include <stdarg.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_per_lcore.h>
#include <rte_random.h>

#include "eal_private.h"

unsigned long fuzz_log_lines;

RTE_DEFINE_PER_LCORE(int, _rte_errno);

/* Deterministic, so that a crashing input crashes again when replayed. */
uint64_t
rte_rand(void)
{
	static uint64_t x = 0x9e3779b97f4a7c15ull;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return x;
}

int
rte_log(uint32_t level, uint32_t logtype, const char *format, ...)
{
	RTE_SET_USED(level);
	RTE_SET_USED(logtype);
	RTE_SET_USED(format);
	fuzz_log_lines++;
	return 0;
}

int
rte_log_register_type_and_pick_level(const char *name, uint32_t level_def)
{
	RTE_SET_USED(name);
	RTE_SET_USED(level_def);
	return RTE_LOGTYPE_FIRST_EXT_ID;
}

const struct eal_device_option *
eal_device_options(void)
{
	return NULL;
}

void
eal_dev_hotplug_lock(void)
{
}

void
eal_dev_hotplug_unlock(void)
{
}
