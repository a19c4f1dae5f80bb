/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EFD updates: the offline key store and the search of a perfect hash function per group and
 * value bit. Only a changed group is searched again, starting from the functions it already
 * has, so most inserts only check that the new key lands on a table entry with its own bit.
 * The new words go to every online copy before the bin choice that makes readers use them.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include <rte_errno.h>

#include "efd_private.h"

#define EFD_HASH_FUNCS 65536

static inline struct efd_offline_group *
off_group(const struct rte_efd_table *t, uint32_t chunk, uint32_t g)
{
	return &t->offline[chunk].groups[g];
}

static inline uint8_t *
group_key(const struct rte_efd_table *t, uint32_t chunk, uint32_t g, uint32_t i)
{
	size_t slot = ((size_t)chunk * EFD_CHUNK_NUM_GROUPS + g) * EFD_GROUP_SLOTS + i;

	return t->keys + slot * t->key_len;
}

/* Bit tables of one value bit for function idx, or -1 when two keys with different bits meet. */
static int
bit_table(const struct efd_offline_group *g, const uint16_t *pos_mask, unsigned int b)
{
	uint32_t ones = 0, zeros = 0;
	uint32_t i;

	for (i = 0; i < g->num; i++) {
		if ((g->value[i] >> b) & 1)
			ones |= pos_mask[i];
		else
			zeros |= pos_mask[i];
	}
	return (ones & zeros) != 0 ? -1 : (int)ones;
}

/*
 * Find functions giving every key of g its value: keep the bits whose current function still
 * works, scan the 65536 functions for the others. 0 and the words in func, or -1.
 */
static int
group_solve(const struct efd_offline_group *g, uint32_t func[RTE_EFD_VALUE_NUM_BITS])
{
	uint16_t pos_mask[EFD_GROUP_SLOTS];
	uint64_t todo = 0;
	uint32_t idx, start = 0, step, i;
	unsigned int b;
	int tbl;

	for (b = 0; b < RTE_EFD_VALUE_NUM_BITS; b++) {
		idx = g->func[b] & 0xffff;
		for (i = 0; i < g->num; i++)
			pos_mask[i] = 1u << efd_bit_pos(g->ha[i], g->hb[i], idx);
		tbl = bit_table(g, pos_mask, b);
		if (tbl >= 0) {
			func[b] = idx | (uint32_t)tbl << 16;
		} else {
			if (todo == 0)
				start = idx;
			todo |= UINT64_C(1) << b;
		}
	}
	for (step = 1; todo != 0 && step < EFD_HASH_FUNCS; step++) {
		idx = (start + step) & 0xffff;
		for (i = 0; i < g->num; i++)
			pos_mask[i] = 1u << efd_bit_pos(g->ha[i], g->hb[i], idx);
		for (b = 0; b < RTE_EFD_VALUE_NUM_BITS; b++) {
			if (!(todo & (UINT64_C(1) << b)))
				continue;
			tbl = bit_table(g, pos_mask, b);
			if (tbl >= 0) {
				func[b] = idx | (uint32_t)tbl << 16;
				todo &= ~(UINT64_C(1) << b);
			}
		}
	}
	return todo == 0 ? 0 : -1;
}

static void
group_publish(struct rte_efd_table *t, uint32_t chunk, uint32_t gi,
		const uint32_t func[RTE_EFD_VALUE_NUM_BITS])
{
	struct efd_offline_group *g = off_group(t, chunk, gi);
	unsigned int s, b;

	for (b = 0; b < RTE_EFD_VALUE_NUM_BITS; b++) {
		g->func[b] = func[b];
		for (s = 0; s < RTE_MAX_NUMA_NODES; s++)
			if (t->copies[s] != NULL)
				__atomic_store_n(&t->copies[s][chunk].groups[gi][b], func[b],
						__ATOMIC_RELAXED);
	}
}

static void
choice_publish(struct rte_efd_table *t, uint32_t chunk, uint32_t bin, uint32_t choice)
{
	struct efd_offline_chunk *oc = &t->offline[chunk];
	uint8_t byte = 0;
	unsigned int s, k;

	oc->choice[bin] = choice;
	for (k = 0; k < 4; k++)
		byte |= (oc->choice[(bin & ~3u) + k] & 3) << (k * 2);
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++)
		if (t->copies[s] != NULL)
			__atomic_store_n(&t->copies[s][chunk].bin_choice[bin >> 2], byte,
					__ATOMIC_RELEASE);
	/* later changes of the group the bin left must be seen after this by lookups */
	__atomic_store_n(&t->move_gen, t->move_gen + 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static void
entry_copy(struct rte_efd_table *t, uint32_t chunk, uint32_t dg, uint32_t di, uint32_t sg,
		uint32_t si)
{
	struct efd_offline_group *d = off_group(t, chunk, dg);
	struct efd_offline_group *s = off_group(t, chunk, sg);

	memcpy(group_key(t, chunk, dg, di), group_key(t, chunk, sg, si), t->key_len);
	d->ha[di] = s->ha[si];
	d->hb[di] = s->hb[si];
	d->value[di] = s->value[si];
	d->bin[di] = s->bin[si];
}

/* Remove entry i, the last one taking its place. */
static void
entry_remove(struct rte_efd_table *t, uint32_t chunk, uint32_t gi, uint32_t i)
{
	struct efd_offline_group *g = off_group(t, chunk, gi);

	g->num--;
	if (i != g->num)
		entry_copy(t, chunk, gi, i, gi, g->num);
}

/* Move every key of bin from group src to the end of group dst. */
static void
bin_move(struct rte_efd_table *t, uint32_t chunk, uint32_t bin, uint32_t dst, uint32_t src)
{
	struct efd_offline_group *s = off_group(t, chunk, src);
	struct efd_offline_group *d = off_group(t, chunk, dst);
	uint32_t i = 0;

	while (i < s->num) {
		if (s->bin[i] == bin) {
			entry_copy(t, chunk, dst, d->num++, src, i);
			entry_remove(t, chunk, src, i);
		} else {
			i++;
		}
	}
}

static uint32_t
bin_size(const struct efd_offline_group *g, uint32_t bin)
{
	uint32_t i, n = 0;

	for (i = 0; i < g->num; i++)
		n += g->bin[i] == bin;
	return n;
}

static int
key_find(const struct rte_efd_table *t, uint32_t chunk, uint32_t gi, const void *key,
		const struct efd_key_hash *kh)
{
	const struct efd_offline_group *g = off_group(t, chunk, gi);
	uint32_t i;

	for (i = 0; i < g->num; i++)
		if (g->ha[i] == kh->ha && g->hb[i] == kh->hb &&
				memcmp(group_key(t, chunk, gi, i), key, t->key_len) == 0)
			return i;
	return -1;
}

/*
 * The bin's keys, the changed one included, are in group cur (which may hold one key too
 * many). Give them a group: cur or another candidate, least loaded first. 0 and the group
 * index in *placed, or -1 with every group back as it was.
 */
static int
bin_place(struct rte_efd_table *t, uint32_t chunk, uint32_t bin, uint32_t cur_choice,
		uint32_t *placed)
{
	const uint8_t *cand = t->bin_group[bin];
	struct efd_offline_group *cur = off_group(t, chunk, cand[cur_choice]);
	uint32_t moving = bin_size(cur, bin);
	uint32_t func[RTE_EFD_VALUE_NUM_BITS];
	uint32_t load[EFD_BIN_CHOICES];
	uint32_t order[EFD_BIN_CHOICES];
	uint32_t c, k, n = 0;

	for (c = 0; c < EFD_BIN_CHOICES; c++) {
		load[c] = off_group(t, chunk, cand[c])->num + (c == cur_choice ? 0 : moving);
		if (load[c] > EFD_MAX_GROUP_NUM_RULES)
			continue;
		/* insertion sort; the current group wins ties, it needs no move */
		for (k = n; k > 0 && (load[order[k - 1]] > load[c] ||
				(load[order[k - 1]] == load[c] && c == cur_choice)); k--)
			order[k] = order[k - 1];
		order[k] = c;
		n++;
	}
	for (k = 0; k < n; k++) {
		uint32_t gi = cand[order[k]];
		struct efd_offline_group *g = off_group(t, chunk, gi);

		if (order[k] != cur_choice)
			bin_move(t, chunk, bin, gi, cand[cur_choice]);
		if (group_solve(g, func) == 0) {
			group_publish(t, chunk, gi, func);
			if (order[k] != cur_choice)
				choice_publish(t, chunk, bin, order[k]);
			*placed = gi;
			return 0;
		}
		if (order[k] != cur_choice)
			bin_move(t, chunk, bin, cand[cur_choice], gi);
	}
	return -1;
}

int
rte_efd_update(struct rte_efd_table *table, unsigned int socket_id, const void *key,
		efd_value_t value)
{
	struct efd_offline_group *cur;
	struct efd_key_hash kh;
	uint32_t choice, gi, placed;
	efd_value_t old = 0;
	bool inserted = false;
	int i;

	RTE_SET_USED(socket_id);
	if (table == NULL || key == NULL) {
		EFD_LOG(ERR, "update: NULL table or key");
		return RTE_EFD_UPDATE_FAILED;
	}
	efd_hash_key(table, key, &kh);
	choice = table->offline[kh.chunk].choice[kh.bin];
	gi = table->bin_group[kh.bin][choice];
	cur = off_group(table, kh.chunk, gi);
	i = key_find(table, kh.chunk, gi, key, &kh);
	if (i >= 0) {
		old = cur->value[i];
		if (old == value)
			return 0; /* DPDK reports an unchanged value as plain success */
		cur->value[i] = value;
	} else {
		inserted = true;
		i = cur->num++;
		memcpy(group_key(table, kh.chunk, gi, i), key, table->key_len);
		cur->ha[i] = kh.ha;
		cur->hb[i] = kh.hb;
		cur->value[i] = value;
		cur->bin[i] = kh.bin;
	}
	if (bin_place(table, kh.chunk, kh.bin, choice, &placed) != 0) {
		/* the bin is back in its group, maybe reordered: undo the change there */
		i = key_find(table, kh.chunk, gi, key, &kh);
		if (inserted)
			entry_remove(table, kh.chunk, gi, i);
		else
			cur->value[i] = old;
		EFD_LOG(DEBUG, "update %s: no group of the key's bin can take it", table->name);
		return RTE_EFD_UPDATE_FAILED;
	}
	if (!inserted)
		return 0;
	table->num_rules++;
	if (off_group(table, kh.chunk, placed)->num == EFD_MAX_GROUP_NUM_RULES)
		return RTE_EFD_UPDATE_WARN_GROUP_FULL;
	return 0;
}

int
rte_efd_delete(struct rte_efd_table *table, unsigned int socket_id, const void *key,
		efd_value_t *prev_value)
{
	struct efd_key_hash kh;
	uint32_t gi;
	int i;

	RTE_SET_USED(socket_id);
	if (table == NULL || key == NULL) {
		EFD_LOG(ERR, "delete: NULL table or key");
		return -EINVAL;
	}
	efd_hash_key(table, key, &kh);
	gi = table->bin_group[kh.bin][table->offline[kh.chunk].choice[kh.bin]];
	i = key_find(table, kh.chunk, gi, key, &kh);
	if (i < 0)
		return 1;
	if (prev_value != NULL)
		*prev_value = off_group(table, kh.chunk, gi)->value[i];
	/* the remaining keys keep their bits under the same functions: no online change */
	entry_remove(table, kh.chunk, gi, i);
	table->num_rules--;
	return 0;
}
