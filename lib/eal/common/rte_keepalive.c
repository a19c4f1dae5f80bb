/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Keepalive. Each monitored lcore writes only its own state word (on its own cache line) when it
 * reports; the check reads and advances every state word. The two may race on one word: a
 * report landing just after the check read ALIVE and wrote MISSING is lost for one round,
 * which only delays a failure by one check, never reports a live lcore dead while it keeps
 * reporting once per check period.
 */
#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_keepalive.h>
#include <rte_lcore.h>
#include <rte_malloc.h>

#include "eal_private.h"

struct ka_core_state {
	enum rte_keepalive_state state;
} __rte_cache_aligned;

struct rte_keepalive {
	struct ka_core_state live[RTE_KEEPALIVE_MAXCORES]; /* written by the lcores */
	uint64_t last_alive[RTE_KEEPALIVE_MAXCORES];       /* TSC of the last check seeing ALIVE */
	uint8_t monitored[RTE_KEEPALIVE_MAXCORES];
	rte_keepalive_failure_callback_t callback;
	void *callback_data;
	rte_keepalive_relay_callback_t relay_callback;
	void *relay_callback_data;
};

struct rte_keepalive *
rte_keepalive_create(rte_keepalive_failure_callback_t callback, void *data)
{
	struct rte_keepalive *ka;

	ka = rte_zmalloc("RTE_EAL_KEEPALIVE", sizeof(*ka), RTE_CACHE_LINE_SIZE);
	if (ka == NULL) {
		EAL_LOG(ERR, "rte_keepalive_create: no memory for the keepalive state\n");
		return NULL;
	}
	ka->callback = callback;
	ka->callback_data = data;
	return ka;
}

void
rte_keepalive_register_core(struct rte_keepalive *keepcfg, const int id_core)
{
	if (keepcfg == NULL || id_core < 0 || id_core >= RTE_KEEPALIVE_MAXCORES) {
		EAL_LOG(ERR, "rte_keepalive_register_core: invalid %s %d\n",
			keepcfg == NULL ? "keepalive (NULL) for lcore" : "lcore", id_core);
		return;
	}
	keepcfg->last_alive[id_core] = rte_rdtsc();
	__atomic_store_n(&keepcfg->monitored[id_core], 1, __ATOMIC_RELEASE);
}

static void
ka_set_own_state(struct rte_keepalive *keepcfg, enum rte_keepalive_state state)
{
	unsigned int lcore = rte_lcore_id();

	if (lcore >= RTE_KEEPALIVE_MAXCORES)
		return;
	__atomic_store_n(&keepcfg->live[lcore].state, state, __ATOMIC_RELEASE);
}

void
rte_keepalive_mark_alive(struct rte_keepalive *keepcfg)
{
	ka_set_own_state(keepcfg, RTE_KA_STATE_ALIVE);
}

void
rte_keepalive_mark_sleep(struct rte_keepalive *keepcfg)
{
	ka_set_own_state(keepcfg, RTE_KA_STATE_DOZING);
}

void
rte_keepalive_register_relay_callback(struct rte_keepalive *keepcfg,
		rte_keepalive_relay_callback_t callback, void *data)
{
	if (keepcfg == NULL)
		return;
	keepcfg->relay_callback = callback;
	keepcfg->relay_callback_data = data;
}

void
rte_keepalive_dispatch_pings(void *ptr_timer, void *ptr_data)
{
	struct rte_keepalive *ka = ptr_data;
	int i;

	RTE_SET_USED(ptr_timer);
	if (ka == NULL)
		return;
	for (i = 0; i < RTE_KEEPALIVE_MAXCORES; i++) {
		enum rte_keepalive_state s, next;

		if (!__atomic_load_n(&ka->monitored[i], __ATOMIC_ACQUIRE))
			continue;
		s = __atomic_load_n(&ka->live[i].state, __ATOMIC_ACQUIRE);
		switch (s) {
		case RTE_KA_STATE_ALIVE:
			next = RTE_KA_STATE_MISSING;
			ka->last_alive[i] = rte_rdtsc();
			break;
		case RTE_KA_STATE_MISSING:
			next = RTE_KA_STATE_DEAD;
			break;
		case RTE_KA_STATE_DEAD:
			next = RTE_KA_STATE_GONE;
			break;
		case RTE_KA_STATE_DOZING:
			next = RTE_KA_STATE_SLEEP;
			break;
		default: /* UNUSED, GONE, SLEEP: stay */
			next = s;
			break;
		}
		/* Only move on if the lcore did not report meanwhile. */
		if (next != s && __atomic_compare_exchange_n(&ka->live[i].state, &s, next, 0,
				__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE) &&
				next == RTE_KA_STATE_GONE) {
			EAL_LOG(INFO, "keepalive: lcore %d stopped reporting\n", i);
			if (ka->callback != NULL)
				ka->callback(ka->callback_data, i);
		}
		if (ka->relay_callback != NULL)
			ka->relay_callback(ka->relay_callback_data, i,
				__atomic_load_n(&ka->live[i].state, __ATOMIC_ACQUIRE),
				ka->last_alive[i]);
	}
}
