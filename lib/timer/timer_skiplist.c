/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Skiplist of pending timers. A timer on level n is also on every level below; level 0 holds
 * them all in expiry order, timers with the same expiry in the order they were added. Each
 * added timer climbs one more level with probability 1/4, so finding a place costs
 * O(log n) and ten levels are enough for about a million timers per list.
 */
#include <string.h>

#include "timer_private.h"

void
timer_list_init(struct timer_list *l, unsigned int lcore_id)
{
	memset(l, 0, sizeof(*l));
	rte_spinlock_init(&l->lock);
	l->rand = 0x9e3779b9u * (lcore_id + 1);
	l->prev_lcore = lcore_id;
}

static unsigned int
random_level(struct timer_list *l)
{
	uint32_t x = l->rand;
	unsigned int level;

	/* xorshift32: cheap, and good enough to balance the levels */
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	l->rand = x;
	level = 1 + __builtin_ctz(x | (1u << (2 * MAX_SKIPLIST_DEPTH))) / 2;
	return RTE_MIN(level, (unsigned int)MAX_SKIPLIST_DEPTH);
}

/*
 * On each level, the last timer (or the head) before the place of key: after the timers
 * expiring at key too when after_equal is set, before them otherwise.
 */
static void
find_prev(struct timer_list *l, uint64_t key, int after_equal,
	struct rte_timer *prev[MAX_SKIPLIST_DEPTH])
{
	struct rte_timer *x = &l->head;
	int i;

	for (i = MAX_SKIPLIST_DEPTH - 1; i >= (int)l->depth; i--)
		prev[i] = &l->head;
	for (; i >= 0; i--) {
		struct rte_timer *n;

		while ((n = x->sl_next[i]) != NULL &&
				(n->expire < key || (after_equal && n->expire == key)))
			x = n;
		prev[i] = x;
	}
}

static void
update_first(struct timer_list *l)
{
	struct rte_timer *first = l->head.sl_next[0];

	while (l->depth > 0 && l->head.sl_next[l->depth - 1] == NULL)
		l->depth--;
	/* read without the lock by the manage fast path */
	__atomic_store_n(&l->head.expire, first != NULL ? first->expire : 0, __ATOMIC_RELAXED);
}

void
timer_list_insert(struct timer_list *l, struct rte_timer *tim)
{
	struct rte_timer *prev[MAX_SKIPLIST_DEPTH];
	unsigned int level = random_level(l);
	unsigned int i;

	find_prev(l, tim->expire, 1, prev);
	for (i = 0; i < level; i++) {
		tim->sl_next[i] = prev[i]->sl_next[i];
		prev[i]->sl_next[i] = tim;
	}
	if (level > l->depth)
		l->depth = level;
	update_first(l);
}

void
timer_list_remove(struct timer_list *l, struct rte_timer *tim)
{
	struct rte_timer *prev[MAX_SKIPLIST_DEPTH];
	unsigned int i;

	find_prev(l, tim->expire, 0, prev);
	/*
	 * The level count of a timer is not stored: go up while it is found. A timer that a
	 * manage call already cut out of the list is found on no level, and nothing changes.
	 */
	for (i = 0; i < l->depth; i++) {
		struct rte_timer *x = prev[i];

		while (x->sl_next[i] != NULL && x->sl_next[i] != tim &&
				x->sl_next[i]->expire == tim->expire)
			x = x->sl_next[i];
		if (x->sl_next[i] != tim)
			break;
		x->sl_next[i] = tim->sl_next[i];
	}
	update_first(l);
}

struct rte_timer *
timer_list_cut(struct timer_list *l, uint64_t now)
{
	struct rte_timer *prev[MAX_SKIPLIST_DEPTH];
	struct rte_timer *first = l->head.sl_next[0];
	unsigned int i;

	if (first == NULL || first->expire > now)
		return NULL;
	find_prev(l, now, 1, prev);
	for (i = 0; i < l->depth; i++) {
		if (prev[i] == &l->head)
			continue;
		l->head.sl_next[i] = prev[i]->sl_next[i];
		prev[i]->sl_next[i] = NULL;
	}
	update_first(l);
	return first;
}

unsigned int
timer_list_count(const struct timer_list *l)
{
	const struct rte_timer *t;
	unsigned int n = 0;

	for (t = l->head.sl_next[0]; t != NULL; t = t->sl_next[0])
		n++;
	return n;
}
