/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reassembly tables: creation, lookup of a datagram's entry, timeouts and the death row.
 * Each datagram may live in either of two buckets chosen by its hash, which keeps a table
 * usable close to full with small buckets.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_prefetch.h>

#include "ip_frag_private.h"

RTE_LOG_REGISTER_DEFAULT(ip_frag_logtype, INFO);

struct rte_ip_frag_tbl *
rte_ip_frag_table_create(uint32_t bucket_num, uint32_t bucket_entries, uint32_t max_entries,
	uint64_t max_cycles, int socket_id)
{
	struct rte_ip_frag_tbl *tbl;
	uint64_t want = (uint64_t)bucket_num * bucket_entries;
	uint32_t nb_entries;
	size_t size;

	if (bucket_num == 0 || !rte_is_power_of_2(bucket_entries) || want > (1u << 31) ||
			max_entries > rte_align32pow2((uint32_t)want)) {
		IP_FRAG_LOG(ERR, "table_create: bad parameters: %u buckets of %u entries (a power "
			"of 2) for %u entries", bucket_num, bucket_entries, max_entries);
		return NULL;
	}
	nb_entries = rte_align32pow2((uint32_t)want);
	size = sizeof(*tbl) + (size_t)nb_entries * sizeof(tbl->pkt[0]);
	tbl = rte_zmalloc_socket("ip_frag_tbl", size, RTE_CACHE_LINE_SIZE, socket_id);
	if (tbl == NULL) {
		IP_FRAG_LOG(ERR, "table_create: no memory for %zu bytes on socket %d", size,
			socket_id);
		return NULL;
	}
	tbl->max_cycles = max_cycles;
	tbl->max_entries = max_entries;
	tbl->nb_entries = nb_entries;
	tbl->nb_buckets = bucket_num;
	tbl->bucket_entries = bucket_entries;
	/* a bucket is bucket_entries consecutive slots starting at an aligned index */
	tbl->entry_mask = (nb_entries - 1) & ~(bucket_entries - 1);
	TAILQ_INIT(&tbl->lru);
	return tbl;
}

void
ip_frag_remove(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
	struct ip_frag_pkt *fp)
{
	uint32_t i;

	for (i = 0; i < RTE_DIM(fp->frags); i++) {
		struct rte_mbuf *mb = fp->frags[i].mb;

		if (mb == NULL)
			continue;
		fp->frags[i].mb = NULL;
		if (dr != NULL)
			ip_frag_to_death_row(dr, mb);
		else
			rte_pktmbuf_free(mb);
	}
	TAILQ_REMOVE(&tbl->lru, fp, lru);
	fp->key.nb_words = 0;
	tbl->use_entries--;
	tbl->stat.del_num++;
}

void
rte_ip_frag_table_destroy(struct rte_ip_frag_tbl *tbl)
{
	struct ip_frag_pkt *fp;

	if (tbl == NULL)
		return;
	while ((fp = TAILQ_FIRST(&tbl->lru)) != NULL)
		ip_frag_remove(tbl, NULL, fp);
	rte_free(tbl);
}

static inline int
ip_frag_expired(const struct rte_ip_frag_tbl *tbl, const struct ip_frag_pkt *fp, uint64_t tms)
{
	/* a timestamp older than the entry (another core's clock) does not age it */
	return tms > fp->start && tms - fp->start > tbl->max_cycles;
}

static inline int
ip_frag_key_equal(const struct ip_frag_key *a, const struct ip_frag_key *b)
{
	return a->nb_words == b->nb_words && a->id == b->id &&
		a->addr[0] == b->addr[0] && a->addr[1] == b->addr[1] &&
		a->addr[2] == b->addr[2] && a->addr[3] == b->addr[3];
}

static inline uint64_t
ip_frag_hash(const struct ip_frag_key *key)
{
	uint64_t h = (uint64_t)key->id * 0x9e3779b97f4a7c15ull;
	uint32_t i;

	for (i = 0; i < key->nb_words; i++) {
		h ^= key->addr[i];
		h *= 0xff51afd7ed558ccdull;
		h ^= h >> 33;
	}
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 29);
}

static void
ip_frag_start(struct rte_ip_frag_tbl *tbl, struct ip_frag_pkt *fp, const struct ip_frag_key *key,
	uint64_t tms)
{
	memset(fp->frags, 0, sizeof(fp->frags));
	fp->key = *key;
	fp->start = tms;
	fp->total_size = UINT32_MAX;
	fp->frag_size = 0;
	fp->next_middle = IP_FRAG_MIDDLE;
	TAILQ_INSERT_TAIL(&tbl->lru, fp, lru);
	tbl->use_entries++;
	tbl->stat.add_num++;
}

struct ip_frag_pkt *
ip_frag_find(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
	const struct ip_frag_key *key, uint64_t tms)
{
	uint64_t h = ip_frag_hash(key);
	struct ip_frag_pkt *bucket[2], *empty = NULL, *stale = NULL, *fp;
	uint32_t b, i, nb_buckets;

	tbl->stat.find_num++;
	bucket[0] = &tbl->pkt[(uint32_t)h & tbl->entry_mask];
	bucket[1] = &tbl->pkt[(uint32_t)(h >> 32) & tbl->entry_mask];
	nb_buckets = bucket[0] == bucket[1] ? 1 : 2;
	for (b = 0; b < nb_buckets; b++) {
		for (i = 0; i < tbl->bucket_entries; i++) {
			fp = &bucket[b][i];
			if (fp->key.nb_words == 0) {
				if (empty == NULL)
					empty = fp;
				continue;
			}
			if (ip_frag_key_equal(&fp->key, key)) {
				if (ip_frag_expired(tbl, fp, tms)) {
					/* the old fragments are dropped, the entry starts over */
					ip_frag_remove(tbl, dr, fp);
					ip_frag_start(tbl, fp, key, tms);
					tbl->stat.reuse_num++;
				}
				return fp;
			}
			if (stale == NULL && ip_frag_expired(tbl, fp, tms))
				stale = fp;
		}
	}

	if (stale != NULL) {
		ip_frag_remove(tbl, dr, stale);
		tbl->stat.reuse_num++;
		empty = stale;
	} else if (empty != NULL && tbl->use_entries >= tbl->max_entries) {
		fp = TAILQ_FIRST(&tbl->lru);
		if (fp != NULL && ip_frag_expired(tbl, fp, tms))
			ip_frag_remove(tbl, dr, fp);
		else
			empty = NULL;
	}
	if (empty == NULL) {
		tbl->stat.fail_total++;
		tbl->stat.fail_nospace++;
		return NULL;
	}
	ip_frag_start(tbl, empty, key, tms);
	return empty;
}

void
rte_ip_frag_table_del_expired_entries(struct rte_ip_frag_tbl *tbl,
	struct rte_ip_frag_death_row *dr, uint64_t tms)
{
	struct ip_frag_pkt *fp;

	while ((fp = TAILQ_FIRST(&tbl->lru)) != NULL && ip_frag_expired(tbl, fp, tms) &&
			dr->cnt + RTE_DIM(fp->frags) <= RTE_DIM(dr->row))
		ip_frag_remove(tbl, dr, fp);
}

void
rte_ip_frag_free_death_row(struct rte_ip_frag_death_row *dr, uint32_t prefetch)
{
	uint32_t i, n = dr->cnt;

	for (i = 0; i < n; i++) {
		if (prefetch != 0 && i + prefetch < n)
			rte_prefetch0(dr->row[i + prefetch]);
		rte_pktmbuf_free(dr->row[i]);
	}
	dr->cnt = 0;
}

void
rte_ip_frag_table_statistics_dump(FILE *f, const struct rte_ip_frag_tbl *tbl)
{
	const struct ip_frag_stat *s = &tbl->stat;

	fprintf(f, "max entries:\t%u;\n", tbl->max_entries);
	fprintf(f, "entries in use:\t%u;\n", tbl->use_entries);
	fprintf(f, "finds:\t%" PRIu64 ";\n", s->find_num);
	fprintf(f, "adds:\t%" PRIu64 ";\n", s->add_num);
	fprintf(f, "deletes:\t%" PRIu64 ";\n", s->del_num);
	fprintf(f, "reuses (timed out):\t%" PRIu64 ";\n", s->reuse_num);
	fprintf(f, "add failures:\t%" PRIu64 ";\n", s->fail_total);
	fprintf(f, "add failures (table full):\t%" PRIu64 ";\n", s->fail_nospace);
}
