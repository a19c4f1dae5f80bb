/* SPDX-License-Identifier: BSD-3-Clause */
/* QSBR variable setup, reader registration and the blocking helpers. */
#include <string.h>
#include <inttypes.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "rte_rcu_qsbr.h"

#include "rcu_private.h"

RTE_LOG_REGISTER_DEFAULT(rte_rcu_log_type, INFO);

size_t
rte_rcu_qsbr_get_memsize(uint32_t max_threads)
{
	if (max_threads == 0) {
		RCU_LOG(ERR, "max_threads is 0");
		rte_errno = EINVAL;
		return 1;
	}
	return sizeof(struct rte_rcu_qsbr) +
		sizeof(struct rte_rcu_qsbr_cnt) * (size_t)max_threads +
		__RTE_QSBR_THRID_ARRAY_SIZE(max_threads);
}

int
rte_rcu_qsbr_init(struct rte_rcu_qsbr *v, uint32_t max_threads)
{
	size_t sz;

	if (v == NULL) {
		RCU_LOG(ERR, "rte_rcu_qsbr_init: variable is NULL");
		rte_errno = EINVAL;
		return 1;
	}
	sz = rte_rcu_qsbr_get_memsize(max_threads);
	if (sz == 1)
		return 1;
	memset(v, 0, sz);
	v->max_threads = max_threads;
	v->num_elems = RTE_ALIGN_MUL_CEIL(max_threads, __RTE_QSBR_THRID_ARRAY_ELM_SIZE) /
		__RTE_QSBR_THRID_ARRAY_ELM_SIZE;
	v->token = __RTE_QSBR_CNT_INIT;
	v->acked_token = __RTE_QSBR_CNT_INIT - 1;
	return 0;
}

static int
rcu_check_thread(struct rte_rcu_qsbr *v, unsigned int thread_id, const char *what)
{
	if (v == NULL) {
		RCU_LOG(ERR, "%s: variable is NULL", what);
		rte_errno = EINVAL;
		return 1;
	}
	if (thread_id >= v->max_threads) {
		RCU_LOG(ERR, "%s: thread id %u not below max_threads %u", what, thread_id,
			v->max_threads);
		rte_errno = EINVAL;
		return 1;
	}
	return 0;
}

int
rte_rcu_qsbr_thread_register(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	uint64_t bit, old;

	if (rcu_check_thread(v, thread_id, "thread_register") != 0)
		return 1;
	bit = 1ULL << (thread_id & __RTE_QSBR_THRID_MASK);
	old = __atomic_fetch_or(__RTE_QSBR_THRID_ARRAY_ELM(v,
			thread_id >> __RTE_QSBR_THRID_INDEX_SHIFT), bit, __ATOMIC_RELEASE);
	if ((old & bit) == 0)
		__atomic_fetch_add(&v->num_threads, 1, __ATOMIC_RELAXED);
	return 0;
}

int
rte_rcu_qsbr_thread_unregister(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	uint64_t bit, old;

	if (rcu_check_thread(v, thread_id, "thread_unregister") != 0)
		return 1;
	bit = 1ULL << (thread_id & __RTE_QSBR_THRID_MASK);
	/* Release: the reader's last reads complete before a writer stops waiting for it. */
	old = __atomic_fetch_and(__RTE_QSBR_THRID_ARRAY_ELM(v,
			thread_id >> __RTE_QSBR_THRID_INDEX_SHIFT), ~bit, __ATOMIC_RELEASE);
	if (old & bit)
		__atomic_fetch_sub(&v->num_threads, 1, __ATOMIC_RELAXED);
	return 0;
}

void
rte_rcu_qsbr_synchronize(struct rte_rcu_qsbr *v, unsigned int thread_id)
{
	uint64_t t = rte_rcu_qsbr_start(v);

	if (thread_id != RTE_QSBR_THRID_INVALID)
		rte_rcu_qsbr_quiescent(v, thread_id);
	rte_rcu_qsbr_check(v, t, true);
}

int
rte_rcu_qsbr_dump(FILE *f, struct rte_rcu_qsbr *v)
{
	uint64_t bmap;
	uint32_t i, id;

	if (f == NULL || v == NULL) {
		RCU_LOG(ERR, "rte_rcu_qsbr_dump: NULL %s", f == NULL ? "file" : "variable");
		rte_errno = EINVAL;
		return 1;
	}
	fprintf(f, "\nQuiescent State Variable @%p\n", (void *)v);
	fprintf(f, "  QS variable memory size = %zu\n", rte_rcu_qsbr_get_memsize(v->max_threads));
	fprintf(f, "  Given # max threads = %u\n", v->max_threads);
	fprintf(f, "  Current # threads = %u\n", v->num_threads);
	fprintf(f, "  Registered thread IDs = ");
	for (i = 0; i < v->num_elems; i++) {
		bmap = __atomic_load_n(__RTE_QSBR_THRID_ARRAY_ELM(v, i), __ATOMIC_ACQUIRE);
		for (; bmap != 0; bmap &= bmap - 1)
			fprintf(f, "%u ", (i << __RTE_QSBR_THRID_INDEX_SHIFT) +
				(uint32_t)__builtin_ctzll(bmap));
	}
	fprintf(f, "\n");
	fprintf(f, "  Token = %" PRIu64 "\n", __atomic_load_n(&v->token, __ATOMIC_ACQUIRE));
	fprintf(f, "  Least Acknowledged Token = %" PRIu64 "\n",
		__atomic_load_n(&v->acked_token, __ATOMIC_ACQUIRE));
	fprintf(f, "Quiescent State Counts for readers:\n");
	for (i = 0; i < v->num_elems; i++) {
		bmap = __atomic_load_n(__RTE_QSBR_THRID_ARRAY_ELM(v, i), __ATOMIC_ACQUIRE);
		for (; bmap != 0; bmap &= bmap - 1) {
			id = (i << __RTE_QSBR_THRID_INDEX_SHIFT) + (uint32_t)__builtin_ctzll(bmap);
			fprintf(f, "thread ID = %u, count = %" PRIu64 "\n", id,
				__atomic_load_n(&v->qsbr_cnt[id].cnt, __ATOMIC_RELAXED));
		}
	}
	return 0;
}
