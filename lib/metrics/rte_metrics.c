/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The metrics table: a fixed array of entries in a memzone, so that it is found by name from
 * any part of the application (and any process sharing the memory) and needs no allocation
 * after init. Readers and writers take the table's spinlock; entries are only ever appended,
 * so a key stays valid until rte_metrics_deinit().
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include "metrics_private.h"

RTE_LOG_REGISTER_DEFAULT(metrics_logtype, INFO);

int metrics_initialized;

struct metrics_table *
metrics_table_get(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(METRICS_MZ_NAME);

	return mz == NULL ? NULL : mz->addr;
}

int
rte_metrics_init(int socket_id)
{
	const struct rte_memzone *mz;
	struct metrics_table *t;

	if (metrics_initialized)
		return 0;
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		METRICS_LOG(ERR, "init: only a primary process creates the table");
		return -E_RTE_SECONDARY;
	}
	if (rte_memzone_lookup(METRICS_MZ_NAME) != NULL) {
		METRICS_LOG(ERR, "init: memzone %s exists already", METRICS_MZ_NAME);
		return -EEXIST;
	}
	mz = rte_memzone_reserve(METRICS_MZ_NAME, sizeof(*t), socket_id, 0);
	if (mz == NULL) {
		METRICS_LOG(ERR, "init: cannot reserve %zu bytes on socket %d", sizeof(*t),
				socket_id);
		return -ENOMEM;
	}
	t = mz->addr;
	memset(t, 0, sizeof(*t));
	rte_spinlock_init(&t->lock);
	metrics_initialized = 1;
	return 0;
}

int
rte_metrics_deinit(void)
{
	const struct rte_memzone *mz;
	int ret;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		METRICS_LOG(ERR, "deinit: only a primary process removes the table");
		return -EINVAL;
	}
	mz = rte_memzone_lookup(METRICS_MZ_NAME);
	if (mz == NULL) {
		METRICS_LOG(ERR, "deinit: no metrics table (rte_metrics_init not called)");
		return -EIO;
	}
	ret = rte_memzone_free(mz);
	if (ret == 0)
		metrics_initialized = 0;
	return ret;
}

int
rte_metrics_reg_name(const char *name)
{
	const char * const names[] = { name };

	return rte_metrics_reg_names(names, 1);
}

int
rte_metrics_reg_names(const char * const *names, uint16_t cnt_names)
{
	struct metrics_table *t;
	uint16_t i, first;

	if (names == NULL || cnt_names == 0) {
		METRICS_LOG(ERR, "reg_names: %s", names == NULL ? "NULL names" : "no names");
		return -EINVAL;
	}
	for (i = 0; i < cnt_names; i++)
		if (names[i] == NULL) {
			METRICS_LOG(ERR, "reg_names: name %u is NULL", i);
			return -EINVAL;
		}
	t = metrics_table_get();
	if (t == NULL) {
		METRICS_LOG(ERR, "reg_names: no metrics table (rte_metrics_init not called)");
		return -EIO;
	}

	rte_spinlock_lock(&t->lock);
	if (cnt_names > RTE_METRICS_MAX_METRICS - t->count) {
		rte_spinlock_unlock(&t->lock);
		METRICS_LOG(ERR, "reg_names: %u more names do not fit (%u of %d used)",
				cnt_names, t->count, RTE_METRICS_MAX_METRICS);
		return -ENOMEM;
	}
	first = t->count;
	for (i = 0; i < cnt_names; i++) {
		struct metrics_entry *e = &t->entry[first + i];

		memset(e, 0, sizeof(*e));
		/* too long a name is cut, as applications written for DPDK expect */
		strlcpy(e->name, names[i], sizeof(e->name));
		e->set_remaining = cnt_names - 1 - i;
	}
	t->count += cnt_names;
	rte_spinlock_unlock(&t->lock);
	return first;
}

int
rte_metrics_update_value(int port_id, uint16_t key, const uint64_t value)
{
	return rte_metrics_update_values(port_id, key, &value, 1);
}

static int
port_id_check(const char *fn, int port_id)
{
	if (port_id == RTE_METRICS_GLOBAL || (port_id >= 0 && port_id < RTE_MAX_ETHPORTS))
		return 0;
	METRICS_LOG(ERR, "%s: bad port id %d", fn, port_id);
	return -EINVAL;
}

int
rte_metrics_update_values(int port_id, uint16_t key, const uint64_t *values, uint32_t count)
{
	struct metrics_table *t;
	uint32_t i;

	if (port_id_check("update_values", port_id) != 0)
		return -EINVAL;
	if (values == NULL) {
		METRICS_LOG(ERR, "update_values: NULL values");
		return -EINVAL;
	}
	t = metrics_table_get();
	if (t == NULL) {
		METRICS_LOG(ERR, "update_values: no metrics table (rte_metrics_init not called)");
		return -EIO;
	}

	rte_spinlock_lock(&t->lock);
	if (key >= t->count) {
		rte_spinlock_unlock(&t->lock);
		METRICS_LOG(ERR, "update_values: key %u not registered", key);
		return -EINVAL;
	}
	if (count > (uint32_t)t->entry[key].set_remaining + 1) {
		rte_spinlock_unlock(&t->lock);
		METRICS_LOG(ERR, "update_values: %u values from key %u run past its set",
				count, key);
		return -ERANGE;
	}
	for (i = 0; i < count; i++) {
		struct metrics_entry *e = &t->entry[key + i];

		if (port_id == RTE_METRICS_GLOBAL)
			e->global_value = values[i];
		else
			e->port_value[port_id] = values[i];
	}
	rte_spinlock_unlock(&t->lock);
	return 0;
}

int
rte_metrics_get_names(struct rte_metric_name *names, uint16_t capacity)
{
	struct metrics_table *t = metrics_table_get();
	uint16_t i, n;

	if (t == NULL) {
		METRICS_LOG(ERR, "get_names: no metrics table (rte_metrics_init not called)");
		return -EIO;
	}
	rte_spinlock_lock(&t->lock);
	n = t->count;
	if (names != NULL && capacity >= n)
		for (i = 0; i < n; i++)
			strlcpy(names[i].name, t->entry[i].name, sizeof(names[i].name));
	rte_spinlock_unlock(&t->lock);
	return n;
}

int
rte_metrics_get_values(int port_id, struct rte_metric_value *values, uint16_t capacity)
{
	struct metrics_table *t;
	uint16_t i, n;

	if (port_id_check("get_values", port_id) != 0)
		return -EINVAL;
	t = metrics_table_get();
	if (t == NULL) {
		METRICS_LOG(ERR, "get_values: no metrics table (rte_metrics_init not called)");
		return -EIO;
	}
	rte_spinlock_lock(&t->lock);
	n = t->count;
	if (values != NULL && capacity >= n)
		for (i = 0; i < n; i++) {
			values[i].key = i;
			values[i].value = port_id == RTE_METRICS_GLOBAL ?
				t->entry[i].global_value : t->entry[i].port_value[port_id];
		}
	rte_spinlock_unlock(&t->lock);
	return n;
}
