/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ticket, MCS, phase-fair and sequence locks: single-thread semantics, then two threads
 * incrementing a counter under each lock (a lost update means the lock let two in).
 */
#include "test_common.h"

#include <pthread.h>

#include <rte_common.h>
#include <rte_mcslock.h>
#include <rte_pflock.h>
#include <rte_rwlock.h>
#include <rte_spinlock.h>
#include <rte_seqlock.h>
#include <rte_ticketlock.h>

#define NB_THREADS 2
#define NB_ROUNDS 2000

static void
test_ticketlock_basic(void **state)
{
	rte_ticketlock_t tl = RTE_TICKETLOCK_INITIALIZER;
	rte_ticketlock_recursive_t tlr = RTE_TICKETLOCK_RECURSIVE_INITIALIZER;

	(void)state;
	assert_int_equal(rte_ticketlock_is_locked(&tl), 0);
	rte_ticketlock_lock(&tl);
	assert_int_equal(rte_ticketlock_is_locked(&tl), 1);
	assert_int_equal(rte_ticketlock_trylock(&tl), 0);
	rte_ticketlock_unlock(&tl);
	assert_int_equal(rte_ticketlock_is_locked(&tl), 0);
	assert_int_equal(rte_ticketlock_trylock(&tl), 1);
	rte_ticketlock_unlock(&tl);
	/* The counters wrap at 16 bits without breaking the lock. */
	tl.s.current = tl.s.next = UINT16_MAX;
	rte_ticketlock_lock(&tl);
	assert_int_equal(rte_ticketlock_is_locked(&tl), 1);
	rte_ticketlock_unlock(&tl);
	assert_int_equal(rte_ticketlock_is_locked(&tl), 0);
	assert_int_equal(tl.s.current, 0);

	rte_ticketlock_recursive_lock(&tlr);
	assert_int_equal(rte_ticketlock_recursive_trylock(&tlr), 1);
	rte_ticketlock_recursive_lock(&tlr);
	assert_int_equal(tlr.count, 3);
	rte_ticketlock_recursive_unlock(&tlr);
	rte_ticketlock_recursive_unlock(&tlr);
	assert_int_equal(rte_ticketlock_is_locked(&tlr.tl), 1);
	rte_ticketlock_recursive_unlock(&tlr);
	assert_int_equal(rte_ticketlock_is_locked(&tlr.tl), 0);
	assert_int_equal(tlr.user, -1);
	rte_ticketlock_recursive_init(&tlr);
	assert_int_equal(tlr.count, 0);
}

static void
test_mcslock_basic(void **state)
{
	rte_mcslock_t *lock = NULL;
	rte_mcslock_t me, other;

	(void)state;
	assert_int_equal(rte_mcslock_is_locked(lock), 0);
	rte_mcslock_lock(&lock, &me);
	assert_int_equal(rte_mcslock_is_locked(lock), 1);
	assert_int_equal(rte_mcslock_trylock(&lock, &other), 0);
	rte_mcslock_unlock(&lock, &me);
	assert_null(lock);
	assert_int_equal(rte_mcslock_trylock(&lock, &other), 1);
	assert_ptr_equal(lock, &other);
	rte_mcslock_unlock(&lock, &other);
	assert_int_equal(rte_mcslock_is_locked(lock), 0);
}

static void
test_pflock_basic(void **state)
{
	rte_pflock_t pf = RTE_PFLOCK_INITIALIZER;

	(void)state;
	rte_pflock_init(&pf);
	/* Readers share the lock. */
	rte_pflock_read_lock(&pf);
	rte_pflock_read_lock(&pf);
	assert_int_equal(pf.rd.in, 2 * RTE_PFLOCK_RINC);
	rte_pflock_read_unlock(&pf);
	rte_pflock_read_unlock(&pf);
	/* A writer alone: present bit set while held, cleared after. */
	rte_pflock_write_lock(&pf);
	assert_true(pf.rd.in & RTE_PFLOCK_PRES);
	rte_pflock_write_unlock(&pf);
	assert_int_equal(pf.rd.in & RTE_PFLOCK_WBITS, 0);
	assert_int_equal(pf.wr.in, pf.wr.out);
	/* A second writer phase uses the other phase id, and readers get in after it. */
	rte_pflock_write_lock(&pf);
	assert_int_equal(pf.rd.in & RTE_PFLOCK_WBITS, RTE_PFLOCK_PRES | RTE_PFLOCK_PHID);
	rte_pflock_write_unlock(&pf);
	rte_pflock_read_lock(&pf);
	rte_pflock_read_unlock(&pf);
}

static void
test_seqlock_basic(void **state)
{
	rte_seqlock_t sl = RTE_SEQLOCK_INITIALIZER;
	uint32_t sn;

	(void)state;
	rte_seqlock_init(&sl);
	sn = rte_seqlock_read_begin(&sl);
	assert_false(rte_seqlock_read_retry(&sl, sn));
	/* A write that overlaps the read makes the reader retry. */
	rte_seqlock_write_lock(&sl);
	assert_true(rte_seqlock_read_retry(&sl, sn));
	/* A read that began during a write retries too (odd count). */
	assert_true(rte_seqlock_read_retry(&sl, rte_seqlock_read_begin(&sl)));
	rte_seqlock_write_unlock(&sl);
	assert_true(rte_seqlock_read_retry(&sl, sn));
	sn = rte_seqlock_read_begin(&sl);
	assert_int_equal(sn, 2);
	assert_false(rte_seqlock_read_retry(&sl, sn));
}

/* The _tm variants take the lock like the plain calls (no elision in this tree). */
static void
test_tm_variants(void **state)
{
	rte_spinlock_t sl = RTE_SPINLOCK_INITIALIZER;
	rte_spinlock_recursive_t slr = RTE_SPINLOCK_RECURSIVE_INITIALIZER;
	rte_rwlock_t rw = RTE_RWLOCK_INITIALIZER;

	(void)state;
	assert_int_equal(rte_tm_supported(), 0);
	rte_spinlock_lock_tm(&sl);
	assert_int_equal(rte_spinlock_is_locked(&sl), 1);
	assert_int_equal(rte_spinlock_trylock_tm(&sl), 0);
	rte_spinlock_unlock_tm(&sl);
	assert_int_equal(rte_spinlock_trylock_tm(&sl), 1);
	rte_spinlock_unlock_tm(&sl);
	assert_int_equal(rte_spinlock_is_locked(&sl), 0);

	rte_spinlock_recursive_lock_tm(&slr);
	assert_int_equal(rte_spinlock_recursive_trylock_tm(&slr), 1);
	rte_spinlock_recursive_unlock_tm(&slr);
	rte_spinlock_recursive_unlock_tm(&slr);
	assert_int_equal(rte_spinlock_is_locked(&slr.sl), 0);

	rte_rwlock_read_lock_tm(&rw);
	assert_int_equal(rte_rwlock_write_trylock(&rw), -EBUSY);
	rte_rwlock_read_unlock_tm(&rw);
	rte_rwlock_write_lock_tm(&rw);
	assert_int_equal(rte_rwlock_read_trylock(&rw), -EBUSY);
	rte_rwlock_write_unlock_tm(&rw);
	assert_int_equal(rte_rwlock_read_trylock(&rw), 0);
	rte_rwlock_read_unlock(&rw);
}

/* Shared state of the contention tests. */
static rte_ticketlock_t shared_tl = RTE_TICKETLOCK_INITIALIZER;
static rte_mcslock_t *shared_mcs;
static rte_pflock_t shared_pf = RTE_PFLOCK_INITIALIZER;
static rte_seqlock_t shared_sl = RTE_SEQLOCK_INITIALIZER;
static uint64_t counter;
/* Two copies that a writer always keeps equal; a reader must never see them differ. */
static volatile uint64_t pair_a, pair_b;
static int torn_reads;

static void *
ticket_worker(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < NB_ROUNDS; i++) {
		rte_ticketlock_lock(&shared_tl);
		counter++;
		rte_ticketlock_unlock(&shared_tl);
	}
	return NULL;
}

static void *
mcs_worker(void *arg)
{
	rte_mcslock_t me;
	int i;

	(void)arg;
	for (i = 0; i < NB_ROUNDS; i++) {
		rte_mcslock_lock(&shared_mcs, &me);
		counter++;
		rte_mcslock_unlock(&shared_mcs, &me);
	}
	return NULL;
}

static void *
pf_worker(void *arg)
{
	uintptr_t id = (uintptr_t)arg;
	int i;

	for (i = 0; i < NB_ROUNDS; i++) {
		if (id % 2 == 0) {
			rte_pflock_write_lock(&shared_pf);
			counter++;
			pair_a = counter;
			pair_b = counter;
			rte_pflock_write_unlock(&shared_pf);
		} else {
			rte_pflock_read_lock(&shared_pf);
			if (pair_a != pair_b)
				__atomic_fetch_add(&torn_reads, 1, __ATOMIC_RELAXED);
			rte_pflock_read_unlock(&shared_pf);
		}
	}
	return NULL;
}

static void *
seq_worker(void *arg)
{
	uintptr_t id = (uintptr_t)arg;
	int i;

	for (i = 0; i < NB_ROUNDS; i++) {
		if (id % 2 == 0) {
			rte_seqlock_write_lock(&shared_sl);
			counter++;
			pair_a = counter;
			pair_b = counter;
			rte_seqlock_write_unlock(&shared_sl);
		} else {
			uint64_t a, b;
			uint32_t sn;

			do {
				sn = rte_seqlock_read_begin(&shared_sl);
				a = pair_a;
				b = pair_b;
			} while (rte_seqlock_read_retry(&shared_sl, sn));
			if (a != b)
				__atomic_fetch_add(&torn_reads, 1, __ATOMIC_RELAXED);
		}
	}
	return NULL;
}

static void
run_threads(void *(*fn)(void *))
{
	pthread_t th[NB_THREADS];
	uintptr_t i;

	counter = 0;
	pair_a = pair_b = 0;
	torn_reads = 0;
	for (i = 0; i < NB_THREADS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, fn, (void *)i), 0);
	for (i = 0; i < NB_THREADS; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
}

static void
test_contention(void **state)
{
	(void)state;
	run_threads(ticket_worker);
	assert_int_equal(counter, NB_THREADS * NB_ROUNDS);
	assert_int_equal(rte_ticketlock_is_locked(&shared_tl), 0);

	run_threads(mcs_worker);
	assert_int_equal(counter, NB_THREADS * NB_ROUNDS);
	assert_null(shared_mcs);

	run_threads(pf_worker);
	assert_int_equal(counter, NB_THREADS / 2 * NB_ROUNDS);
	assert_int_equal(torn_reads, 0);

	run_threads(seq_worker);
	assert_int_equal(counter, NB_THREADS / 2 * NB_ROUNDS);
	assert_int_equal(torn_reads, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ticketlock_basic),
		cmocka_unit_test(test_mcslock_basic),
		cmocka_unit_test(test_pflock_basic),
		cmocka_unit_test(test_seqlock_basic),
		cmocka_unit_test(test_tm_variants),
		cmocka_unit_test(test_contention),
	};

	return cmocka_run_group_tests_name("eal_locks", tests, NULL, NULL);
}
