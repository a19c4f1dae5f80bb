/* SPDX-License-Identifier: BSD-3-Clause */
/* Reassembly table layout and the helpers shared by the IPv4 and IPv6 code. */
#ifndef _IP_FRAG_PRIVATE_H_
#define _IP_FRAG_PRIVATE_H_

#include <stdint.h>
#include <sys/queue.h>

#include <rte_log.h>
#include <rte_mbuf.h>

#include "rte_ip_frag.h"

extern int ip_frag_logtype;

/* Control-path errors (table creation). */
#define IP_FRAG_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, ip_frag_logtype, "IP_FRAG: " fmt "\n", ##__VA_ARGS__)

/*
 * Per-packet errors: the functions run for every packet, so their reports are compiled out
 * unless RTE_LOG_DP_LEVEL lets DEBUG through.
 */
#define IP_FRAG_DP_LOG(fmt, ...) do { \
	if (RTE_LOG_DEBUG <= RTE_LOG_DP_LEVEL) \
		rte_log(RTE_LOG_DEBUG, ip_frag_logtype, "IP_FRAG: " fmt "\n", ##__VA_ARGS__); \
} while (0)

#define IP_FRAG_V4_KEY_WORDS 1 /* source and destination addresses in one 64-bit word */
#define IP_FRAG_V6_KEY_WORDS 4

/* What identifies a datagram: addresses and identification. */
struct ip_frag_key {
	uint64_t addr[IP_FRAG_V6_KEY_WORDS]; /* words past nb_words are 0 */
	uint32_t id;
	uint32_t nb_words; /* 0: the entry is free */
};

struct ip_frag_piece {
	uint32_t ofs; /* payload offset in bytes */
	uint32_t len; /* payload bytes */
	struct rte_mbuf *mb;
};

/* Slots of ip_frag_pkt.frags: the first and last fragments have fixed places. */
#define IP_FRAG_FIRST 0
#define IP_FRAG_LAST 1
#define IP_FRAG_MIDDLE 2

/* A datagram being reassembled. */
struct ip_frag_pkt {
	TAILQ_ENTRY(ip_frag_pkt) lru; /* oldest first */
	struct ip_frag_key key;
	uint64_t start; /* arrival of its first fragment */
	uint32_t total_size; /* payload length, UINT32_MAX until the last fragment came */
	uint32_t frag_size; /* payload bytes received */
	uint32_t next_middle; /* next free middle slot */
	struct ip_frag_piece frags[RTE_LIBRTE_IP_FRAG_MAX_FRAG];
};

struct ip_frag_stat {
	uint64_t find_num; /* lookups */
	uint64_t add_num; /* datagrams added */
	uint64_t del_num; /* datagrams dropped or completed */
	uint64_t reuse_num; /* timed-out datagrams whose entry went to a new one */
	uint64_t fail_total; /* fragments refused for want of an entry */
	uint64_t fail_nospace; /* ... because the table was full */
};

TAILQ_HEAD(ip_frag_lru, ip_frag_pkt);

struct rte_ip_frag_tbl {
	uint64_t max_cycles;
	uint32_t entry_mask; /* hash bits that select a bucket's first entry */
	uint32_t max_entries;
	uint32_t use_entries;
	uint32_t bucket_entries;
	uint32_t nb_entries; /* slots in pkt[], a power of two */
	uint32_t nb_buckets;
	struct ip_frag_lru lru;
	struct ip_frag_stat stat;
	struct ip_frag_pkt pkt[];
};

/*
 * Put an mbuf on the death row. A row that is already full (the caller did not free it as
 * often as documented) gets the mbuf freed at once rather than overflowing.
 */
static inline void
ip_frag_to_death_row(struct rte_ip_frag_death_row *dr, struct rte_mbuf *mb)
{
	if (dr->cnt < RTE_DIM(dr->row))
		dr->row[dr->cnt++] = mb;
	else
		rte_pktmbuf_free(mb);
}

/*
 * The entry of key, added when missing; NULL when the table has no room. Timed-out entries met
 * on the way have their fragments put on dr.
 */
struct ip_frag_pkt *ip_frag_find(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
	const struct ip_frag_key *key, uint64_t tms);

/* Remove an entry from the table; its fragments go to dr when it is not NULL. */
void ip_frag_remove(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
	struct ip_frag_pkt *fp);

/*
 * Store fragment mb (payload at byte ofs, len bytes, more: more fragments follow) in fp.
 * Returns the reassembled packet when it was the missing one; on an invalid fragment the
 * whole datagram goes to dr.
 */
struct rte_mbuf *ip_frag_process(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
	struct ip_frag_pkt *fp, struct rte_mbuf *mb, uint32_t ofs, uint32_t len, int more);

/*
 * Check the fragment's lengths against its headers and drop the link-layer padding.
 * Returns 0, or -1 when the fragment is shorter than its header says.
 */
int ip_frag_trim(struct rte_mbuf *mb, uint32_t ip_len);

/* Rewrite the header of a reassembled datagram of total_size payload bytes. */
void ip_frag_v4_finish(struct rte_mbuf *m, uint32_t total_size);
void ip_frag_v6_finish(struct rte_mbuf *m, uint32_t total_size);

#endif /* _IP_FRAG_PRIVATE_H_ */
