/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Worker lcores: one pthread per enabled lcore other than the main one, pinned to its CPUs.
 * Between jobs a worker sleeps on a condition variable, so idle workers cost nothing; the
 * caller of rte_eal_wait_lcore spins, as applications expect a fast hand-back. As in DPDK 22.11
 * an lcore is either WAIT or RUNNING: it returns to WAIT by itself when its function returns,
 * and rte_eal_wait_lcore hands back the last function's value.
 */
#include <pthread.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>

#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_pause.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"

struct lcore_config lcore_config[RTE_MAX_LCORE];

int
rte_sys_gettid(void)
{
	return (int)syscall(SYS_gettid);
}

RTE_DEFINE_PER_LCORE(int, _thread_id) = -1;

int
eal_thread_set_affinity_self(const rte_cpuset_t *set)
{
	int ret = pthread_setaffinity_np(pthread_self(), sizeof(*set), set);

	if (ret != 0)
		return -ret;
	RTE_PER_LCORE(_cpuset) = *set;
	return 0;
}

int
rte_thread_set_affinity(rte_cpuset_t *cpusetp)
{
	return eal_thread_set_affinity_self(cpusetp) == 0 ? 0 : -1;
}

void
rte_thread_get_affinity(rte_cpuset_t *cpusetp)
{
	*cpusetp = RTE_PER_LCORE(_cpuset);
}

int
rte_thread_setname(pthread_t id, const char *name)
{
	char truncated[16];

	snprintf(truncated, sizeof(truncated), "%s", name);
	return -pthread_setname_np(id, truncated);
}

int
rte_thread_getname(pthread_t id, char *name, size_t len)
{
	return -pthread_getname_np(id, name, len);
}

static void *
eal_worker_loop(void *arg)
{
	unsigned int lcore_id = (unsigned int)(uintptr_t)arg;
	struct lcore_config *lc = &lcore_config[lcore_id];
	lcore_function_t *f;
	void *fct_arg;
	char name[16];

	RTE_PER_LCORE(_lcore_id) = lcore_id;
	eal_thread_set_affinity_self(&lc->cpuset);
	/* Named from inside: for the calling thread this is one prctl, not a /proc write. */
	snprintf(name, sizeof(name), "rte-worker-%u", lcore_id);
	pthread_setname_np(pthread_self(), name);

	for (;;) {
		pthread_mutex_lock(&lc->wake_lock);
		while (lc->f == NULL && !lc->quit)
			pthread_cond_wait(&lc->wake_cond, &lc->wake_lock);
		if (lc->quit) {
			pthread_mutex_unlock(&lc->wake_lock);
			break;
		}
		f = lc->f;
		fct_arg = lc->arg;
		pthread_mutex_unlock(&lc->wake_lock);

		lc->ret = f(fct_arg);
		pthread_mutex_lock(&lc->wake_lock);
		lc->f = NULL;
		lc->arg = NULL;
		pthread_mutex_unlock(&lc->wake_lock);
		/* Publish the result before the state change that rte_eal_wait_lcore looks for. */
		__atomic_store_n(&lc->state, WAIT, __ATOMIC_RELEASE);
	}
	return NULL;
}

int
eal_lcores_start(void)
{
	unsigned int i;
	int ret;

	RTE_LCORE_FOREACH_WORKER(i) {
		struct lcore_config *lc = &lcore_config[i];

		pthread_mutex_init(&lc->wake_lock, NULL);
		pthread_cond_init(&lc->wake_cond, NULL);
		lc->f = NULL;
		lc->quit = 0;
		lc->ret = 0;
		lc->state = WAIT;
		ret = pthread_create(&lc->thread_id, NULL, eal_worker_loop, (void *)(uintptr_t)i);
		if (ret != 0) {
			EAL_LOG(ERR, "cannot create thread for lcore %u: %s\n", i, strerror(ret));
			eal_lcores_stop();
			return -1;
		}
		lc->thread_started = 1;
	}
	return 0;
}

int
eal_lcores_running(void)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_LCORE; i++)
		if (lcore_config[i].thread_started &&
		    __atomic_load_n(&lcore_config[i].state, __ATOMIC_ACQUIRE) == RUNNING)
			return (int)i;
	return -1;
}

void
eal_lcores_stop(void)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_LCORE; i++) {
		struct lcore_config *lc = &lcore_config[i];

		if (!lc->thread_started)
			continue;
		pthread_mutex_lock(&lc->wake_lock);
		lc->quit = 1;
		pthread_cond_signal(&lc->wake_cond);
		pthread_mutex_unlock(&lc->wake_lock);
		pthread_join(lc->thread_id, NULL);
		lc->thread_started = 0;
		pthread_cond_destroy(&lc->wake_cond);
		pthread_mutex_destroy(&lc->wake_lock);
	}
}

int
rte_eal_remote_launch(lcore_function_t *f, void *arg, unsigned int worker_id)
{
	enum rte_lcore_state_t expected = WAIT;
	struct lcore_config *lc;

	if (f == NULL || worker_id >= RTE_MAX_LCORE ||
			(!rte_lcore_is_enabled(worker_id) &&
			 rte_eal_lcore_role(worker_id) != ROLE_SERVICE) ||
			worker_id == rte_get_main_lcore() ||
			!lcore_config[worker_id].thread_started)
		return -EINVAL;
	lc = &lcore_config[worker_id];
	/* Claiming the lcore with one atomic step keeps two concurrent launchers apart. */
	if (!__atomic_compare_exchange_n(&lc->state, &expected, RUNNING, 0,
			__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return -EBUSY;

	pthread_mutex_lock(&lc->wake_lock);
	lc->arg = arg;
	lc->f = f;
	pthread_cond_signal(&lc->wake_cond);
	pthread_mutex_unlock(&lc->wake_lock);
	return 0;
}

int
rte_eal_mp_remote_launch(lcore_function_t *f, void *arg, enum rte_rmt_call_main_t call_main)
{
	unsigned int lcore_id, main_lcore = rte_get_main_lcore();

	if (f == NULL)
		return -EINVAL;
	RTE_LCORE_FOREACH_WORKER(lcore_id) {
		if (rte_eal_get_lcore_state(lcore_id) != WAIT)
			return -EBUSY;
	}
	RTE_LCORE_FOREACH_WORKER(lcore_id)
		rte_eal_remote_launch(f, arg, lcore_id);

	if (call_main == CALL_MAIN) {
		lcore_config[main_lcore].ret = f(arg);
		__atomic_store_n(&lcore_config[main_lcore].state, WAIT, __ATOMIC_RELEASE);
	}
	return 0;
}

enum rte_lcore_state_t
rte_eal_get_lcore_state(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return WAIT;
	return __atomic_load_n(&lcore_config[lcore_id].state, __ATOMIC_ACQUIRE);
}

int
rte_eal_wait_lcore(unsigned int worker_id)
{
	struct lcore_config *lc;

	if (worker_id >= RTE_MAX_LCORE)
		return 0;
	lc = &lcore_config[worker_id];
	while (__atomic_load_n(&lc->state, __ATOMIC_ACQUIRE) != WAIT)
		rte_pause();
	return lc->ret;
}

void
rte_eal_mp_wait_lcore(void)
{
	unsigned int lcore_id;

	RTE_LCORE_FOREACH_WORKER(lcore_id)
		rte_eal_wait_lcore(lcore_id);
}
