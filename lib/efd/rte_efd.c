/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EFD table life cycle (create, find, free) and the lookups. Lookups read only the online
 * copy of the caller's socket; update and delete live in efd_update.c.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_prefetch.h>
#include <rte_string_fns.h>

#include "efd_private.h"

RTE_LOG_REGISTER_DEFAULT(efd_logtype, INFO);

TAILQ_HEAD(rte_efd_list, rte_tailq_entry);

static struct rte_tailq_elem rte_efd_tailq = {
	.name = "RTE_EFD",
};
EAL_REGISTER_TAILQ(rte_efd_tailq)

#define EFD_CHUNK_TARGET_RULES (EFD_CHUNK_NUM_GROUPS * EFD_TARGET_GROUP_NUM_RULES)

/*
 * Four distinct candidate groups per bin, spread so that the bins sharing one group have
 * their other candidates elsewhere: a crowded group can then shed load in several directions.
 */
static void
bin_groups_init(uint8_t bg[EFD_CHUNK_NUM_BINS][EFD_BIN_CHOICES])
{
	uint32_t bin, c, k, x;

	for (bin = 0; bin < EFD_CHUNK_NUM_BINS; bin++) {
		x = bin * 2654435761u + 1;
		bg[bin][0] = bin % EFD_CHUNK_NUM_GROUPS;
		for (c = 1; c < EFD_BIN_CHOICES; c++) {
			uint8_t g;

			do {
				x = x * 1103515245u + 12345u;
				g = (x >> 16) % EFD_CHUNK_NUM_GROUPS;
				for (k = 0; k < c && bg[bin][k] != g; k++)
					;
			} while (k < c);
			bg[bin][c] = g;
		}
	}
}

static void
table_destroy(struct rte_efd_table *t)
{
	unsigned int s;

	for (s = 0; s < RTE_MAX_NUMA_NODES; s++)
		rte_free(t->copies[s]);
	rte_free(t->offline);
	rte_free(t->keys);
	rte_free(t->te);
	rte_free(t);
}

struct rte_efd_table *
rte_efd_create(const char *name, uint32_t max_num_rules, uint32_t key_len,
	uint64_t online_cpu_socket_bitmask, uint8_t offline_cpu_socket)
{
	struct rte_efd_list *list = RTE_TAILQ_CAST(rte_efd_tailq.head, rte_efd_list);
	const struct efd_online_chunk *first = NULL;
	struct rte_tailq_entry *te;
	struct rte_efd_table *t;
	uint64_t num_chunks;
	size_t key_bytes;
	unsigned int s;

	if (name == NULL || strnlen(name, RTE_EFD_NAMESIZE) == RTE_EFD_NAMESIZE) {
		EFD_LOG(ERR, "create: name is NULL or not shorter than %d", RTE_EFD_NAMESIZE);
		rte_errno = EINVAL;
		return NULL;
	}
	if (max_num_rules == 0 || key_len == 0) {
		EFD_LOG(ERR, "create %s: max_num_rules %u and key_len %u must not be 0", name,
			max_num_rules, key_len);
		rte_errno = EINVAL;
		return NULL;
	}
	if (online_cpu_socket_bitmask == 0 || offline_cpu_socket >= RTE_MAX_NUMA_NODES ||
			(RTE_MAX_NUMA_NODES < 64 &&
			 online_cpu_socket_bitmask >> RTE_MAX_NUMA_NODES != 0)) {
		EFD_LOG(ERR, "create %s: bad socket mask 0x%" PRIx64 " or offline socket %u", name,
			online_cpu_socket_bitmask, offline_cpu_socket);
		rte_errno = EINVAL;
		return NULL;
	}

	num_chunks = rte_align32pow2(((uint64_t)max_num_rules + EFD_CHUNK_TARGET_RULES - 1) /
			EFD_CHUNK_TARGET_RULES);
	key_bytes = (size_t)num_chunks * EFD_CHUNK_NUM_GROUPS * EFD_GROUP_SLOTS;
	if (key_bytes > SIZE_MAX / key_len) {
		EFD_LOG(ERR, "create %s: key store of %u-byte keys too large", name, key_len);
		rte_errno = EINVAL;
		return NULL;
	}
	key_bytes *= key_len;

	t = rte_zmalloc_socket("efd", sizeof(*t), RTE_CACHE_LINE_SIZE, offline_cpu_socket);
	if (t == NULL)
		goto nomem;
	t->te = rte_zmalloc("efd_tailq", sizeof(*t->te), 0);
	t->offline = rte_zmalloc_socket("efd_offline",
			num_chunks * sizeof(struct efd_offline_chunk), RTE_CACHE_LINE_SIZE,
			offline_cpu_socket);
	t->keys = rte_malloc_socket("efd_keys", key_bytes, RTE_CACHE_LINE_SIZE,
			offline_cpu_socket);
	if (t->te == NULL || t->offline == NULL || t->keys == NULL)
		goto nomem_free;
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		if (!(online_cpu_socket_bitmask & (UINT64_C(1) << s)))
			continue;
		t->copies[s] = rte_zmalloc_socket("efd_online",
				num_chunks * sizeof(struct efd_online_chunk), RTE_CACHE_LINE_SIZE,
				s);
		if (t->copies[s] == NULL)
			goto nomem_free;
		if (first == NULL)
			first = t->copies[s];
	}
	/* a lookup from a socket without a copy reads the first one rather than crash */
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++)
		t->online[s] = t->copies[s] != NULL ? t->copies[s] : first;
	t->te->data = t;
	t->num_chunks = num_chunks;
	t->chunk_mask = num_chunks - 1;
	t->key_len = key_len;
	rte_strlcpy(t->name, name, sizeof(t->name));
	bin_groups_init(t->bin_group);

	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strncmp(((struct rte_efd_table *)te->data)->name, name,
				RTE_EFD_NAMESIZE) == 0) {
			rte_mcfg_tailq_write_unlock();
			EFD_LOG(ERR, "create %s: name already in use", name);
			table_destroy(t);
			rte_errno = EEXIST;
			return NULL;
		}
	}
	TAILQ_INSERT_TAIL(list, t->te, next);
	rte_mcfg_tailq_write_unlock();
	return t;

nomem_free:
	table_destroy(t);
nomem:
	EFD_LOG(ERR, "create %s: out of memory for %" PRIu64 " chunks", name, num_chunks);
	rte_errno = ENOMEM;
	return NULL;
}

struct rte_efd_table *
rte_efd_find_existing(const char *name)
{
	struct rte_efd_list *list = RTE_TAILQ_CAST(rte_efd_tailq.head, rte_efd_list);
	struct rte_efd_table *found = NULL;
	struct rte_tailq_entry *te;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(te, list, next) {
		if (strncmp(((struct rte_efd_table *)te->data)->name, name,
				RTE_EFD_NAMESIZE) == 0) {
			found = te->data;
			break;
		}
	}
	rte_mcfg_tailq_read_unlock();
	if (found == NULL)
		rte_errno = ENOENT;
	return found;
}

void
rte_efd_free(struct rte_efd_table *table)
{
	struct rte_efd_list *list = RTE_TAILQ_CAST(rte_efd_tailq.head, rte_efd_list);

	if (table == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_REMOVE(list, table->te, next);
	rte_mcfg_tailq_write_unlock();
	table_destroy(table);
}

static inline const struct efd_online_chunk *
online_of(const struct rte_efd_table *t, unsigned int socket_id)
{
	return t->online[socket_id < RTE_MAX_NUMA_NODES ? socket_id : 0];
}

efd_value_t
rte_efd_lookup(const struct rte_efd_table *table, unsigned int socket_id, const void *key)
{
	const struct efd_online_chunk *c;
	struct efd_key_hash kh;
	uint32_t g;

	uint32_t gen;
	efd_value_t v;

	efd_hash_key(table, key, &kh);
	c = &online_of(table, socket_id)[kh.chunk];
	do {
		gen = __atomic_load_n(&table->move_gen, __ATOMIC_ACQUIRE);
		g = table->bin_group[kh.bin][efd_bin_choice(c, kh.bin)];
		v = efd_group_value(c->groups[g], kh.ha, kh.hb);
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while (__atomic_load_n(&table->move_gen, __ATOMIC_RELAXED) != gen);
	return v;
}

void
rte_efd_lookup_bulk(const struct rte_efd_table *table, unsigned int socket_id, int num_keys,
		const void **key_list, efd_value_t *value_list)
{
	const struct efd_online_chunk *chunks = online_of(table, socket_id);
	const uint32_t *grp[RTE_EFD_BURST_MAX];
	struct efd_key_hash kh[RTE_EFD_BURST_MAX];
	uint32_t gen;
	int i, n;

	/* three passes so the loads of one key overlap the hashing of the others */
	for (; num_keys > 0; num_keys -= n, key_list += n, value_list += n) {
		n = RTE_MIN(num_keys, RTE_EFD_BURST_MAX);
		for (i = 0; i < n; i++)
			rte_prefetch0(key_list[i]);
		for (i = 0; i < n; i++) {
			efd_hash_key(table, key_list[i], &kh[i]);
			rte_prefetch0(&chunks[kh[i].chunk].bin_choice[kh[i].bin >> 2]);
		}
		do {
			gen = __atomic_load_n(&table->move_gen, __ATOMIC_ACQUIRE);
			for (i = 0; i < n; i++) {
				const struct efd_online_chunk *c = &chunks[kh[i].chunk];

				grp[i] = c->groups[table->bin_group[kh[i].bin][efd_bin_choice(c,
						kh[i].bin)]];
				rte_prefetch0(grp[i]);
			}
			for (i = 0; i < n; i++)
				value_list[i] = efd_group_value(grp[i], kh[i].ha, kh[i].hb);
			__atomic_thread_fence(__ATOMIC_ACQUIRE);
		} while (__atomic_load_n(&table->move_gen, __ATOMIC_RELAXED) != gen);
	}
}
