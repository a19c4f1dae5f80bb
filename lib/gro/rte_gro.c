/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The two GRO modes. The lightweight one builds a table on the stack for one burst and
 * empties it before returning; a context owns a heap table that lives across bursts and
 * whose items carry the TSC time they entered, for rte_gro_timeout_flush().
 */
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "gro_private.h"

RTE_LOG_REGISTER_DEFAULT(gro_logtype, INFO);

#define GRO_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, gro_logtype, "GRO: " fmt "\n", ##__VA_ARGS__)

struct gro_ctx {
	uint64_t gro_types;
	struct gro_tbl tbl;
};

uint16_t
rte_gro_reassemble_burst(struct rte_mbuf **pkts, uint16_t nb_pkts,
		const struct rte_gro_param *param)
{
	struct gro_item items[RTE_GRO_MAX_BURST_ITEM_NUM];
	struct gro_flow flows[RTE_GRO_MAX_BURST_ITEM_NUM];
	/* which input packets the table took (merged or held) */
	uint64_t taken[(UINT16_MAX + 1) / 64];
	struct gro_desc d;
	struct gro_tbl tbl;
	uint64_t types;
	uint32_t cap;
	uint16_t i, n, merged = 0, nb_taken = 0;

	if (pkts == NULL || param == NULL || nb_pkts < 2)
		return nb_pkts;
	types = param->gro_types & GRO_SUPPORTED_TYPES;
	cap = RTE_MIN((uint32_t)param->max_flow_num * param->max_item_per_flow,
		(uint32_t)nb_pkts);
	cap = RTE_MIN(cap, RTE_GRO_MAX_BURST_ITEM_NUM);
	if (types == 0 || cap == 0)
		return nb_pkts;

	gro_tbl_init(&tbl, items, cap, flows, cap);
	memset(taken, 0, sizeof(taken[0]) * ((nb_pkts + 63u) / 64));
	for (i = 0; i < nb_pkts; i++) {
		int ret;

		if (gro_parse(pkts[i], types, &d) < 0)
			continue;
		ret = gro_tbl_add(&tbl, pkts[i], &d, 0);
		if (ret < 0)
			continue;
		merged += ret;
		nb_taken++;
		taken[i / 64] |= 1ULL << (i % 64);
	}
	if (nb_taken == 0)
		return nb_pkts;
	/*
	 * Even with nothing merged the packets come back in their order: what the table holds
	 * is flushed only when something changed.
	 */
	if (merged == 0)
		return nb_pkts;
	for (i = 0, n = 0; i < nb_pkts; i++)
		if ((taken[i / 64] & (1ULL << (i % 64))) == 0)
			pkts[n++] = pkts[i];
	n += gro_tbl_flush(&tbl, UINT64_MAX, UINT64_MAX, &pkts[n], nb_pkts - n);
	return n;
}

void *
rte_gro_ctx_create(const struct rte_gro_param *param)
{
	struct gro_ctx *ctx;
	uint64_t types;
	uint32_t per_type, nb_types, max_items, max_flows;
	size_t size;

	if (param == NULL) {
		GRO_LOG(ERR, "context parameters are NULL");
		return NULL;
	}
	types = param->gro_types & GRO_SUPPORTED_TYPES;
	nb_types = (uint32_t)__builtin_popcountll(types);
	per_type = RTE_MIN((uint32_t)param->max_flow_num * param->max_item_per_flow,
		(uint32_t)GRO_TBL_MAX_ITEMS);
	if (nb_types != 0 && per_type == 0) {
		GRO_LOG(ERR, "tables of %u flows of %u packets hold nothing",
			param->max_flow_num, param->max_item_per_flow);
		return NULL;
	}
	/* as much room as one table per type would give */
	max_items = per_type * nb_types;
	max_flows = RTE_MIN((uint32_t)param->max_flow_num, per_type) * nb_types;
	size = sizeof(*ctx) + sizeof(struct gro_item) * max_items +
		sizeof(struct gro_flow) * max_flows;
	ctx = rte_zmalloc_socket("gro_ctx", size, RTE_CACHE_LINE_SIZE, param->socket_id);
	if (ctx == NULL) {
		GRO_LOG(ERR, "no memory for a context of %u packets on socket %u", max_items,
			param->socket_id);
		return NULL;
	}
	ctx->gro_types = param->gro_types;
	gro_tbl_init(&ctx->tbl, (struct gro_item *)(ctx + 1), max_items,
		(struct gro_flow *)((struct gro_item *)(ctx + 1) + max_items), max_flows);
	return ctx;
}

void
rte_gro_ctx_destroy(void *ctx)
{
	rte_free(ctx);
}

uint16_t
rte_gro_reassemble(struct rte_mbuf **pkts, uint16_t nb_pkts, void *ctx)
{
	struct gro_ctx *c = ctx;
	struct gro_desc d;
	uint64_t types, now;
	uint16_t i, n = 0;

	if (c == NULL || pkts == NULL)
		return nb_pkts;
	types = c->gro_types & GRO_SUPPORTED_TYPES;
	if (types == 0)
		return nb_pkts;
	now = rte_rdtsc();
	for (i = 0; i < nb_pkts; i++) {
		if (gro_parse(pkts[i], types, &d) == 0 &&
				gro_tbl_add(&c->tbl, pkts[i], &d, now) >= 0)
			continue;
		pkts[n++] = pkts[i];
	}
	return n;
}

uint16_t
rte_gro_timeout_flush(void *ctx, uint64_t timeout_cycles, uint64_t gro_types,
		struct rte_mbuf **out, uint16_t max_nb_out)
{
	struct gro_ctx *c = ctx;
	uint64_t now, types;

	if (c == NULL || out == NULL || max_nb_out == 0)
		return 0;
	types = gro_types & c->gro_types & GRO_SUPPORTED_TYPES;
	if (types == 0)
		return 0;
	now = rte_rdtsc();
	/* an age beyond the uptime of the TSC: nothing is that old */
	if (timeout_cycles > now)
		return 0;
	return gro_tbl_flush(&c->tbl, types, now - timeout_cycles, out, max_nb_out);
}

uint64_t
rte_gro_get_pkt_count(void *ctx)
{
	const struct gro_ctx *c = ctx;

	return c == NULL ? 0 : c->tbl.nb_items;
}
