/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Keepalive: the state steps of a monitored lcore from check to check, the failure callback
 * called once when an lcore stops reporting, sleeping lcores never failing, recovery after a
 * new report, the relay callback seeing every monitored lcore, and ignored bad input.
 */
#include "test_eal_main.h"

#include <pthread.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_keepalive.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>

#define PREFIX "--file-prefix=test_eal_keepalive"

static int failures[RTE_MAX_LCORE];
static void *failure_data;

struct relay_seen {
	int calls;
	enum rte_keepalive_state state[RTE_MAX_LCORE];
	uint64_t last_seen[RTE_MAX_LCORE];
};
static struct relay_seen relay;

static void
on_failure(void *data, const int id_core)
{
	failure_data = data;
	failures[id_core]++;
}

static void
on_relay(void *data, const int id_core, enum rte_keepalive_state state, uint64_t last_seen)
{
	struct relay_seen *r = data;

	r->calls++;
	r->state[id_core] = state;
	r->last_seen[id_core] = last_seen;
}

static int
worker_alive(void *arg)
{
	rte_keepalive_mark_alive(arg);
	return 0;
}

static void *
non_eal_alive(void *arg)
{
	rte_keepalive_mark_alive(arg);
	return NULL;
}

static void
test_states(void **state)
{
	unsigned int main_lcore = rte_get_main_lcore(), worker;
	struct rte_keepalive *ka;
	pthread_t t;
	int cookie;

	(void)state;
	worker = rte_get_next_lcore(-1, 1, 0);
	ka = rte_keepalive_create(on_failure, &cookie);
	assert_non_null(ka);
	rte_keepalive_register_relay_callback(ka, on_relay, &relay);
	rte_keepalive_register_core(ka, (int)main_lcore);
	rte_keepalive_register_core(ka, (int)worker);
	/* Out of range ids and a NULL instance are ignored. */
	rte_keepalive_register_core(ka, RTE_KEEPALIVE_MAXCORES);
	rte_keepalive_register_core(ka, -1);
	rte_keepalive_register_core(NULL, 0);
	rte_keepalive_dispatch_pings(NULL, NULL);

	/* Not reported yet: nothing happens, but the relay sees both lcores. */
	rte_keepalive_dispatch_pings(NULL, ka);
	assert_int_equal(relay.calls, 2);
	assert_int_equal(relay.state[main_lcore], RTE_KA_STATE_UNUSED);
	assert_int_equal(relay.state[worker], RTE_KA_STATE_UNUSED);

	rte_keepalive_mark_alive(ka);
	assert_int_equal(rte_eal_remote_launch(worker_alive, ka, worker), 0);
	assert_int_equal(rte_eal_wait_lcore(worker), 0);
	rte_keepalive_dispatch_pings(NULL, ka);
	assert_int_equal(relay.state[main_lcore], RTE_KA_STATE_MISSING);
	assert_int_equal(relay.state[worker], RTE_KA_STATE_MISSING);
	assert_true(relay.last_seen[main_lcore] > 0);

	/* The worker keeps reporting, the main lcore does not. */
	rte_eal_remote_launch(worker_alive, ka, worker);
	rte_eal_wait_lcore(worker);
	rte_keepalive_dispatch_pings(NULL, ka);
	assert_int_equal(relay.state[main_lcore], RTE_KA_STATE_DEAD);
	assert_int_equal(relay.state[worker], RTE_KA_STATE_MISSING);
	assert_int_equal(failures[main_lcore], 0);
	rte_eal_remote_launch(worker_alive, ka, worker);
	rte_eal_wait_lcore(worker);
	rte_keepalive_dispatch_pings(NULL, ka);
	assert_int_equal(relay.state[main_lcore], RTE_KA_STATE_GONE);
	assert_int_equal(failures[main_lcore], 1);
	assert_ptr_equal(failure_data, &cookie);
	assert_int_equal(failures[worker], 0);
	/* Gone stays gone, and the callback is not repeated. */
	rte_keepalive_dispatch_pings(NULL, ka);
	assert_int_equal(relay.state[main_lcore], RTE_KA_STATE_GONE);
	assert_int_equal(failures[main_lcore], 1);

	/* A new report brings it back. */
	rte_keepalive_mark_alive(ka);
	rte_keepalive_dispatch_pings(NULL, ka);
	assert_int_equal(relay.state[main_lcore], RTE_KA_STATE_MISSING);

	/* Sleeping: dozing, then asleep for good, never failed. */
	rte_keepalive_mark_sleep(ka);
	rte_keepalive_dispatch_pings(NULL, ka);
	assert_int_equal(relay.state[main_lcore], RTE_KA_STATE_SLEEP);
	rte_keepalive_dispatch_pings(NULL, ka);
	rte_keepalive_dispatch_pings(NULL, ka);
	assert_int_equal(relay.state[main_lcore], RTE_KA_STATE_SLEEP);
	assert_int_equal(failures[main_lcore], 1);
	/* The worker, silent for a while now, has failed once. */
	assert_int_equal(failures[worker], 1);

	/* A thread without an lcore id cannot report; nothing breaks. */
	assert_int_equal(pthread_create(&t, NULL, non_eal_alive, ka), 0);
	assert_int_equal(pthread_join(t, NULL), 0);

	/* Without a relay callback the checks go on silently. */
	relay.calls = 0;
	rte_keepalive_register_relay_callback(ka, NULL, NULL);
	rte_keepalive_dispatch_pings(NULL, ka);
	assert_int_equal(relay.calls, 0);
	rte_free(ka);
}

int
main(void)
{
	static const char *const args[] = { "prog", PREFIX, "--no-huge", "--lcores", "(0-1)@0",
		NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_states),
	};

	return TEST_RUN_WITH_EAL(args, 2, tests, NULL, NULL);
}
