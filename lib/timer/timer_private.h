/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef TIMER_PRIVATE_H
#define TIMER_PRIVATE_H

#include <stdint.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_spinlock.h>

#include "rte_timer.h"

/* Timer data instances of the process; instance 0 backs the rte_timer_*() calls. */
#define TIMER_MAX_DATA 64

extern int timer_logtype;
#define TIMER_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, timer_logtype, "TIMER: " fmt "\n", ##__VA_ARGS__)

/*
 * The pending timers of one lcore in one instance: a skiplist sorted by expiry. head is a
 * dummy timer whose sl_next are the first timer of each level and whose expire caches the
 * first expiry, so that an idle manage call returns without taking the lock.
 */
struct timer_list {
	struct rte_timer head;
	rte_spinlock_t lock;
	unsigned int depth;        /* levels in use */
	uint32_t rand;             /* state of the level generator, changed under lock */
	unsigned int prev_lcore;   /* last lcore picked for LCORE_ID_ANY by this lcore */
	struct rte_timer *running; /* timer whose function this lcore is calling */
	int updated;               /* the running timer was re-armed or stopped meanwhile */
} __rte_cache_aligned;

struct timer_data {
	struct timer_list lists[RTE_MAX_LCORE];
	int allocated;
};

/* Skiplist operations, called with the list's lock held. */
void timer_list_init(struct timer_list *l, unsigned int lcore_id);
void timer_list_insert(struct timer_list *l, struct rte_timer *tim);
void timer_list_remove(struct timer_list *l, struct rte_timer *tim);
/* Unlink the timers expiring at or before now; returns them chained by sl_next[0]. */
struct rte_timer *timer_list_cut(struct timer_list *l, uint64_t now);
unsigned int timer_list_count(const struct timer_list *l);

#endif /* TIMER_PRIVATE_H */
