/* SPDX-License-Identifier: BSD-3-Clause */
/* The mbuf dynamic fields ethdev registers: flow metadata and incomplete IP reassembly. */
#include "test_common.h"

#include <errno.h>
#include <stdalign.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_bitops.h>
#include <rte_errno.h>
#include <rte_flow.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>

#include <ethdev_driver.h>

static void
test_metadata_register(void **state)
{
	struct rte_mbuf *m;
	int32_t offs;
	uint64_t mask;

	(void)state;
	/* Unregistered until someone asks. */
	assert_int_equal(rte_flow_dynf_metadata_offs, -1);
	assert_int_equal(rte_flow_dynf_metadata_mask, 0);
	assert_false(rte_flow_dynf_metadata_avail());

	assert_int_equal(rte_flow_dynf_metadata_register(), 0);
	assert_true(rte_flow_dynf_metadata_avail());
	offs = rte_flow_dynf_metadata_offs;
	mask = rte_flow_dynf_metadata_mask;
	assert_int_equal(offs, rte_mbuf_dynfield_lookup(RTE_MBUF_DYNFIELD_METADATA_NAME, NULL));
	assert_int_equal(mask, RTE_BIT64(rte_mbuf_dynflag_lookup(RTE_MBUF_DYNFLAG_METADATA_NAME,
		NULL)));
	assert_int_equal(offs % alignof(uint32_t), 0);
	assert_true(offs >= (int32_t)offsetof(struct rte_mbuf, dynfield1));
	assert_true(offs + sizeof(uint32_t) <= sizeof(struct rte_mbuf));
	assert_int_equal(RTE_MBUF_DYNFLAG_RX_METADATA, mask);
	assert_int_equal(RTE_MBUF_DYNFLAG_TX_METADATA, mask);

	/* Idempotent. */
	assert_int_equal(rte_flow_dynf_metadata_register(), 0);
	assert_int_equal(rte_flow_dynf_metadata_offs, offs);
	assert_int_equal(rte_flow_dynf_metadata_mask, mask);

	/* The helpers read and write the field at that offset, and only it. */
	m = calloc(1, sizeof(*m));
	assert_non_null(m);
	rte_flow_dynf_metadata_set(m, 0xdeadbeef);
	assert_int_equal(rte_flow_dynf_metadata_get(m), 0xdeadbeef);
	assert_int_equal(*RTE_MBUF_DYNFIELD(m, offs, uint32_t *), 0xdeadbeef);
	assert_ptr_equal(RTE_FLOW_DYNF_METADATA(m), RTE_PTR_ADD(m, offs));
	*RTE_MBUF_DYNFIELD(m, offs, uint32_t *) = 17;
	assert_int_equal(rte_flow_dynf_metadata_get(m), 17);
	assert_int_equal(m->ol_flags, 0);
	free(m);
}

static void
test_reassembly_register(void **state)
{
	int off1 = -5, flag1 = -5, off2 = -5, flag2 = -5;

	(void)state;
	assert_int_equal(rte_eth_ip_reassembly_dynfield_register(&off1, &flag1), 0);
	assert_int_equal(off1, rte_mbuf_dynfield_lookup(RTE_MBUF_DYNFIELD_IP_REASSEMBLY_NAME,
		NULL));
	assert_int_equal(flag1,
		rte_mbuf_dynflag_lookup(RTE_MBUF_DYNFLAG_IP_REASSEMBLY_INCOMPLETE_NAME, NULL));
	assert_int_equal(off1 % alignof(rte_eth_ip_reassembly_dynfield_t), 0);
	assert_true(off1 + sizeof(rte_eth_ip_reassembly_dynfield_t) <= sizeof(struct rte_mbuf));
	assert_true(flag1 >= 0 && flag1 < 64);
	/* Idempotent, and either output may be omitted. */
	assert_int_equal(rte_eth_ip_reassembly_dynfield_register(&off2, &flag2), 0);
	assert_int_equal(off2, off1);
	assert_int_equal(flag2, flag1);
	assert_int_equal(rte_eth_ip_reassembly_dynfield_register(NULL, NULL), 0);
	/* It does not overlap the metadata field, whichever came first. */
	assert_int_equal(rte_flow_dynf_metadata_register(), 0);
	assert_true(rte_flow_dynf_metadata_offs + (int)sizeof(uint32_t) <= off1 ||
		off1 + (int)sizeof(rte_eth_ip_reassembly_dynfield_t) <=
		rte_flow_dynf_metadata_offs);
	assert_int_not_equal(RTE_BIT64(flag1), rte_flow_dynf_metadata_mask);
}

/*
 * A failed registration leaves the mbuf library in a state the other cases must not see:
 * run it in a child and report through the exit status.
 */
static void
run_in_child(int (*body)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(body());
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* Each failed check exits with its line so that the parent's message points at it. */
#define CHILD_CHECK(cond) do { if (!(cond)) return __LINE__ % 250 + 1; } while (0)

static int
metadata_conflict(void)
{
	const struct rte_mbuf_dynfield other = {
		.name = RTE_MBUF_DYNFIELD_METADATA_NAME,
		.size = sizeof(uint64_t),
		.align = alignof(uint64_t),
	};

	CHILD_CHECK(rte_mbuf_dynfield_register(&other) >= 0);
	rte_errno = 0;
	CHILD_CHECK(rte_flow_dynf_metadata_register() == -EEXIST);
	CHILD_CHECK(rte_errno == EEXIST);
	CHILD_CHECK(rte_flow_dynf_metadata_offs == -1);
	CHILD_CHECK(rte_flow_dynf_metadata_mask == 0);
	CHILD_CHECK(!rte_flow_dynf_metadata_avail());
	return 0;
}

static int
metadata_no_flag_left(void)
{
	struct rte_mbuf_dynflag filler = { .name = "" };
	int i;

	/* Take every free flag bit: the field registers, the flag cannot. */
	for (i = 0; i < 64; i++) {
		snprintf(filler.name, sizeof(filler.name), "test_filler_%d", i);
		if (rte_mbuf_dynflag_register(&filler) < 0)
			break;
	}
	CHILD_CHECK(rte_errno == ENOENT);
	CHILD_CHECK(rte_flow_dynf_metadata_register() == -ENOENT);
	CHILD_CHECK(rte_flow_dynf_metadata_offs == -1);
	CHILD_CHECK(rte_flow_dynf_metadata_mask == 0);
	return 0;
}

static int
reassembly_conflict(void)
{
	const struct rte_mbuf_dynfield other = {
		.name = RTE_MBUF_DYNFIELD_IP_REASSEMBLY_NAME,
		.size = 1,
		.align = 1,
	};
	int off = -5, flag = -5;

	CHILD_CHECK(rte_mbuf_dynfield_register(&other) >= 0);
	rte_errno = 0;
	CHILD_CHECK(rte_eth_ip_reassembly_dynfield_register(&off, &flag) == -1);
	CHILD_CHECK(rte_errno == EEXIST);
	CHILD_CHECK(off == -5 && flag == -5);
	return 0;
}

static int
reassembly_no_flag_left(void)
{
	struct rte_mbuf_dynflag filler = { .name = "" };
	int i, off = -5, flag = -5;

	for (i = 0; i < 64; i++) {
		snprintf(filler.name, sizeof(filler.name), "test_filler_%d", i);
		if (rte_mbuf_dynflag_register(&filler) < 0)
			break;
	}
	rte_errno = 0;
	CHILD_CHECK(rte_eth_ip_reassembly_dynfield_register(&off, &flag) == -1);
	CHILD_CHECK(rte_errno == ENOENT);
	CHILD_CHECK(off == -5 && flag == -5);
	return 0;
}

static void
test_metadata_register_fails(void **state)
{
	(void)state;
	run_in_child(metadata_conflict);
	run_in_child(metadata_no_flag_left);
}

static void
test_reassembly_register_fails(void **state)
{
	(void)state;
	run_in_child(reassembly_conflict);
	run_in_child(reassembly_no_flag_left);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_metadata_register_fails),
		cmocka_unit_test(test_reassembly_register_fails),
		cmocka_unit_test(test_metadata_register),
		cmocka_unit_test(test_reassembly_register),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
