/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stacks of both kinds on one thread: LIFO order, all-or-nothing pushes and pops, counts,
 * creation errors, lookup and name reuse, and the structure layout DPDK 22.11 applications
 * compile against.
 */
#include "test_eal_main.h"

#include <stddef.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memzone.h>
#include <rte_stack.h>

#define CAP 64

static uintptr_t
val(void *p)
{
	return (uintptr_t)p;
}

static void
check_lifo(uint32_t flags)
{
	void *in[CAP + 1], *out[CAP + 1];
	struct rte_stack *s;
	unsigned int i;

	s = rte_stack_create("lifo", CAP, SOCKET_ID_ANY, flags);
	assert_non_null(s);
	assert_int_equal(s->capacity, CAP);
	assert_int_equal(s->flags, flags);
	assert_string_equal(s->name, "lifo");
	assert_ptr_equal(rte_memzone_lookup(RTE_STACK_MZ_PREFIX "lifo"), s->memzone);
	assert_int_equal(rte_stack_count(s), 0);
	assert_int_equal(rte_stack_free_count(s), CAP);
	for (i = 0; i <= CAP; i++)
		in[i] = (void *)(uintptr_t)(i + 1);

	assert_int_equal(rte_stack_pop(s, out, 1), 0);
	assert_int_equal(rte_stack_push(s, in, 0), 0);
	assert_int_equal(rte_stack_push(s, in, 3), 3);
	assert_int_equal(rte_stack_push(s, &in[3], 2), 2);
	assert_int_equal(rte_stack_count(s), 5);
	assert_int_equal(rte_stack_free_count(s), CAP - 5);
	/* the last object pushed comes out first */
	assert_int_equal(rte_stack_pop(s, out, 2), 2);
	assert_int_equal(val(out[0]), 5);
	assert_int_equal(val(out[1]), 4);
	/* more than it holds: nothing taken */
	assert_int_equal(rte_stack_pop(s, out, 4), 0);
	assert_int_equal(rte_stack_count(s), 3);
	assert_int_equal(rte_stack_pop(s, out, 0), 0);
	assert_int_equal(rte_stack_pop(s, out, 3), 3);
	assert_int_equal(val(out[0]), 3);
	assert_int_equal(val(out[2]), 1);
	assert_int_equal(rte_stack_count(s), 0);

	/* fill it; one more does not fit and changes nothing */
	assert_int_equal(rte_stack_push(s, in, CAP + 1), 0);
	assert_int_equal(rte_stack_push(s, in, CAP - 1), CAP - 1);
	assert_int_equal(rte_stack_push(s, &in[CAP - 1], 2), 0);
	assert_int_equal(rte_stack_count(s), CAP - 1);
	assert_int_equal(rte_stack_push(s, &in[CAP - 1], 1), 1);
	assert_int_equal(rte_stack_free_count(s), 0);
	assert_int_equal(rte_stack_push(s, in, 1), 0);
	assert_int_equal(rte_stack_pop(s, out, CAP), CAP);
	for (i = 0; i < CAP; i++)
		assert_int_equal(val(out[i]), CAP - i);
	assert_int_equal(rte_stack_count(s), 0);
	assert_int_equal(rte_stack_free_count(s), CAP);

	/* the same pointer may be pushed more than once */
	assert_int_equal(rte_stack_push(s, in, 1), 1);
	assert_int_equal(rte_stack_push(s, in, 1), 1);
	assert_int_equal(rte_stack_pop(s, out, 2), 2);
	assert_ptr_equal(out[0], in[0]);
	assert_ptr_equal(out[1], in[0]);
	rte_stack_free(s);
	assert_null(rte_memzone_lookup(RTE_STACK_MZ_PREFIX "lifo"));
}

static void
test_std(void **state)
{
	(void)state;
	check_lifo(0);
}

static void
test_lf(void **state)
{
	(void)state;
	check_lifo(RTE_STACK_F_LF);
}

static void
test_empty_capacity(void **state)
{
	struct rte_stack *s;
	void *obj = &obj;
	uint32_t flags;

	(void)state;
	for (flags = 0; flags <= RTE_STACK_F_LF; flags++) {
		s = rte_stack_create("zero", 0, SOCKET_ID_ANY, flags);
		assert_non_null(s);
		assert_int_equal(rte_stack_free_count(s), 0);
		assert_int_equal(rte_stack_push(s, &obj, 1), 0);
		assert_int_equal(rte_stack_pop(s, &obj, 1), 0);
		rte_stack_free(s);
	}
}

static void
test_create_errors(void **state)
{
	char name[RTE_STACK_NAMESIZE + 1];
	struct rte_stack *s, *s2;

	(void)state;
	rte_errno = 0;
	assert_null(rte_stack_create(NULL, 8, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_stack_create("flags", 8, SOCKET_ID_ANY, 0x2));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_stack_lookup("flags"));

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	rte_errno = 0;
	assert_null(rte_stack_create(name, 8, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENAMETOOLONG);
	/* the longest name that fits */
	name[RTE_STACK_NAMESIZE - 1] = '\0';
	s = rte_stack_create(name, 8, SOCKET_ID_ANY, RTE_STACK_F_LF);
	assert_non_null(s);
	assert_ptr_equal(rte_stack_lookup(name), s);
	rte_stack_free(s);

	s = rte_stack_create("dup", 8, SOCKET_ID_ANY, 0);
	assert_non_null(s);
	rte_errno = 0;
	assert_null(rte_stack_create("dup", 8, SOCKET_ID_ANY, RTE_STACK_F_LF));
	assert_int_equal(rte_errno, EEXIST);
	assert_ptr_equal(rte_stack_lookup("dup"), s);
	rte_stack_free(s);
	/* the name is free again */
	s2 = rte_stack_create("dup", 8, SOCKET_ID_ANY, RTE_STACK_F_LF);
	assert_non_null(s2);
	assert_int_equal(s2->flags, RTE_STACK_F_LF);
	rte_stack_free(s2);

	/* more memory than the 64 MB EAL has */
	rte_errno = 0;
	assert_null(rte_stack_create("huge", 1u << 28, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENOMEM);
	assert_null(rte_stack_lookup("huge"));
}

static void
test_lookup_free(void **state)
{
	struct rte_stack *a, *b;
	struct rte_stack fake;

	(void)state;
	rte_errno = 0;
	assert_null(rte_stack_lookup(NULL));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_stack_lookup("none"));
	assert_int_equal(rte_errno, ENOENT);

	a = rte_stack_create("a", 4, SOCKET_ID_ANY, 0);
	b = rte_stack_create("b", 4, SOCKET_ID_ANY, RTE_STACK_F_LF);
	assert_non_null(a);
	assert_non_null(b);
	assert_ptr_equal(rte_stack_lookup("a"), a);
	assert_ptr_equal(rte_stack_lookup("b"), b);
	rte_stack_free(a);
	rte_errno = 0;
	assert_null(rte_stack_lookup("a"));
	assert_int_equal(rte_errno, ENOENT);
	assert_ptr_equal(rte_stack_lookup("b"), b);
	rte_stack_free(NULL);
	/* a stack this library did not make is left alone */
	memset(&fake, 0, sizeof(fake));
	rte_stack_free(&fake);
	rte_stack_free(b);
	assert_null(rte_stack_lookup("b"));
}

/* Offsets of DPDK 22.11 on 64-bit with 64-byte cache lines: inline code depends on them. */
static void
test_layout(void **state)
{
	(void)state;
	assert_int_equal(RTE_STACK_NAMESIZE, 28);
	assert_int_equal(sizeof(struct rte_stack_lf_head), 16);
	assert_int_equal(sizeof(struct rte_stack_lf_elem), 16);
	assert_int_equal(offsetof(struct rte_stack_lf_list, len), 16);
	assert_int_equal(offsetof(struct rte_stack, memzone), 32);
	assert_int_equal(offsetof(struct rte_stack, capacity), 40);
	assert_int_equal(offsetof(struct rte_stack, flags), 44);
	assert_int_equal(offsetof(struct rte_stack, stack_lf), 64);
	assert_int_equal(offsetof(struct rte_stack, stack_std), 64);
	assert_int_equal(offsetof(struct rte_stack_lf, free), 64);
	assert_int_equal(offsetof(struct rte_stack_lf, elems), 128);
	assert_int_equal(offsetof(struct rte_stack_std, objs), 8);
	assert_int_equal(sizeof(struct rte_stack), 192);
}

int
main(void)
{
	static const char *const args[] = { "test_stack", "--no-huge", "-m", "64",
		"--file-prefix=test_stack", "--no-pci", NULL };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_std),
		cmocka_unit_test(test_lf),
		cmocka_unit_test(test_empty_capacity),
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_lookup_free),
		cmocka_unit_test(test_layout),
	};

	return TEST_RUN_WITH_EAL(args, 1, tests, NULL, NULL);
}
