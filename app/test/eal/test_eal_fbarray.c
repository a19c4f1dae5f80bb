/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_fbarray.h: argument checks, marking, every search against a plain per-element model,
 * the file in the runtime directory, attach from a second process, and the anonymous modes
 * (--in-memory, --no-shconf, no EAL at all).
 */
#include "test_common.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_fbarray.h>

#define PREFIX "--file-prefix=test_eal_fbarray"

static const char *const eal_files[] = { "prog", PREFIX, "--no-huge", "--no-pci",
	"--lcores", "0", NULL };
static const char *const eal_in_memory[] = { "prog", PREFIX, "--no-huge", "--no-pci",
	"--lcores", "0", "--in-memory", NULL };
static const char *const eal_no_shconf[] = { "prog", PREFIX, "--no-huge", "--no-pci",
	"--lcores", "0", "--no-shconf", NULL };

static int
eal_start(const char *const *args)
{
	static struct test_argv a;

	test_argv_build(&a, args);
	return rte_eal_init(a.argc, a.argv) < 0 ? -1 : 0;
}

static int
setup_files(void **state)
{
	(void)state;
	return eal_start(eal_files);
}

static int
setup_in_memory(void **state)
{
	(void)state;
	return eal_start(eal_in_memory);
}

static int
setup_no_shconf(void **state)
{
	(void)state;
	return eal_start(eal_no_shconf);
}

static int
teardown_eal(void **state)
{
	(void)state;
	rte_eal_cleanup();
	return 0;
}

static void
fbarray_file(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/fbarray_%s", rte_eal_get_runtime_dir(), name);
}

static bool
file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* Expect -1 with rte_errno err. */
#define assert_fail(expr, err) do { \
	rte_errno = 0; \
	assert_int_equal((expr), -1); \
	assert_int_equal(rte_errno, (err)); \
} while (0)

static void
test_init_errors(void **state)
{
	char name[RTE_FBARRAY_NAME_LEN + 1];
	struct rte_fbarray arr, before;

	(void)state;
	memset(&arr, 0x5a, sizeof(arr));
	before = arr;
	assert_fail(rte_fbarray_init(NULL, "a", 1, 1), EINVAL);
	assert_fail(rte_fbarray_init(&arr, NULL, 1, 1), EINVAL);
	assert_fail(rte_fbarray_init(&arr, "a", 0, 1), EINVAL);
	assert_fail(rte_fbarray_init(&arr, "a", (unsigned int)INT_MAX + 1, 1), EINVAL);
	assert_fail(rte_fbarray_init(&arr, "a", 1, 0), EINVAL);
	memset(name, 'n', sizeof(name));
	name[RTE_FBARRAY_NAME_LEN] = '\0';
	assert_fail(rte_fbarray_init(&arr, name, 1, 1), ENAMETOOLONG);
	/* Too big to map: the mapping's own error, nothing kept. */
	rte_errno = 0;
	assert_int_equal(rte_fbarray_init(&arr, "huge", INT_MAX, UINT_MAX), -1);
	assert_int_not_equal(rte_errno, 0);
	assert_memory_equal(&arr, &before, sizeof(arr));

	/* The longest name that fits, and the name can be used again after destroy. */
	name[RTE_FBARRAY_NAME_LEN - 1] = '\0';
	assert_int_equal(rte_fbarray_init(&arr, name, 1, 1), 0);
	assert_string_equal(arr.name, name);
	assert_int_equal(rte_fbarray_destroy(&arr), 0);
	assert_int_equal(rte_fbarray_init(&arr, name, 1, 1), 0);
	assert_int_equal(rte_fbarray_destroy(&arr), 0);
}

static void
test_lifecycle_errors(void **state)
{
	struct rte_fbarray arr, other, fake;
	char buf[64];

	(void)state;
	assert_int_equal(rte_fbarray_init(&arr, "life", 100, 8), 0);
	assert_string_equal(arr.name, "life");
	assert_int_equal(arr.len, 100);
	assert_int_equal(arr.elt_sz, 8);
	assert_int_equal(arr.count, 0);
	assert_non_null(arr.data);

	/* A name in use is refused, and the other structure is left alone. */
	memset(&other, 0, sizeof(other));
	assert_fail(rte_fbarray_init(&other, "life", 10, 8), EBUSY);
	assert_null(other.data);

	assert_fail(rte_fbarray_destroy(NULL), EINVAL);
	assert_fail(rte_fbarray_detach(NULL), EINVAL);
	assert_fail(rte_fbarray_attach(NULL), EINVAL);

	/* A structure whose memory this process never mapped. */
	fake = arr;
	fake.data = buf;
	assert_fail(rte_fbarray_destroy(&fake), ENOENT);
	assert_fail(rte_fbarray_detach(&fake), ENOENT);
	/* Same address, other sizes: not that array. */
	fake = arr;
	fake.len = 1000000;
	assert_fail(rte_fbarray_destroy(&fake), ENOENT);
	/* Destroy and detach only look the structure up, as DPDK's do. */
	fake = arr;
	fake.len = 0;
	assert_fail(rte_fbarray_destroy(&fake), ENOENT);
	assert_fail(rte_fbarray_detach(&fake), ENOENT);
	assert_fail(rte_fbarray_attach(&fake), EINVAL);
	fake = arr;
	fake.elt_sz = 0;
	assert_fail(rte_fbarray_destroy(&fake), ENOENT);
	assert_fail(rte_fbarray_attach(&fake), EINVAL);
	fake = arr;
	fake.len = (unsigned int)INT_MAX + 1;
	assert_fail(rte_fbarray_attach(&fake), EINVAL);
	fake = arr;
	memset(fake.name, 'x', sizeof(fake.name));
	assert_fail(rte_fbarray_attach(&fake), ENAMETOOLONG);

	/* Still intact after all that. */
	assert_int_equal(rte_fbarray_set_used(&arr, 99), 0);
	assert_int_equal(rte_fbarray_is_used(&arr, 99), 1);

	/* Destroy zeroes the structure; a second destroy finds nothing valid. */
	assert_int_equal(rte_fbarray_destroy(&arr), 0);
	assert_null(arr.data);
	assert_int_equal(arr.len, 0);
	assert_int_equal(arr.name[0], '\0');
	assert_fail(rte_fbarray_destroy(&arr), ENOENT);

	/* Detach leaves the structure as it is; afterwards the array is not mapped here. */
	assert_int_equal(rte_fbarray_init(&arr, "life", 100, 8), 0);
	other = arr;
	assert_int_equal(rte_fbarray_detach(&arr), 0);
	assert_memory_equal(&arr, &other, sizeof(arr));
	assert_fail(rte_fbarray_detach(&arr), ENOENT);
	assert_fail(rte_fbarray_destroy(&arr), ENOENT);
	/* With files, the array outlives the detach: map it again to remove it. */
	if (rte_fbarray_attach(&arr) == 0)
		assert_int_equal(rte_fbarray_destroy(&arr), 0);
}

static void
test_get_find_idx(void **state)
{
	struct rte_fbarray arr;
	unsigned int i;
	uint8_t *p;

	(void)state;
	assert_int_equal(rte_fbarray_init(&arr, "idx", 70, 24), 0);
	for (i = 0; i < 70; i++) {
		p = rte_fbarray_get(&arr, i);
		assert_ptr_equal(p, (uint8_t *)arr.data + i * 24);
		/* New elements are zeroed. */
		assert_int_equal(p[0] | p[23], 0);
		assert_int_equal(rte_fbarray_find_idx(&arr, p), i);
		assert_int_equal(rte_fbarray_find_idx(&arr, p + 23), i);
	}
	rte_errno = 0;
	assert_null(rte_fbarray_get(&arr, 70));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_fbarray_get(&arr, UINT_MAX));
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_fbarray_get(NULL, 0));
	assert_int_equal(rte_errno, EINVAL);

	p = arr.data;
	assert_fail(rte_fbarray_find_idx(&arr, p - 1), EINVAL);
	assert_fail(rte_fbarray_find_idx(&arr, p + 70 * 24), EINVAL);
	assert_fail(rte_fbarray_find_idx(&arr, NULL), EINVAL);
	assert_fail(rte_fbarray_find_idx(NULL, p), EINVAL);
	assert_int_equal(rte_fbarray_destroy(&arr), 0);
}

static void
test_set_is_used(void **state)
{
	struct rte_fbarray arr;

	(void)state;
	assert_int_equal(rte_fbarray_init(&arr, "mark", 130, 1), 0);
	assert_int_equal(rte_fbarray_is_used(&arr, 64), 0);
	assert_int_equal(rte_fbarray_set_used(&arr, 64), 0);
	assert_int_equal(rte_fbarray_is_used(&arr, 64), 1);
	assert_int_equal(rte_fbarray_is_used(&arr, 63), 0);
	assert_int_equal(rte_fbarray_is_used(&arr, 65), 0);
	assert_int_equal(arr.count, 1);
	/* Marking twice counts once. */
	assert_int_equal(rte_fbarray_set_used(&arr, 64), 0);
	assert_int_equal(arr.count, 1);
	assert_int_equal(rte_fbarray_set_used(&arr, 129), 0);
	assert_int_equal(rte_fbarray_set_used(&arr, 0), 0);
	assert_int_equal(arr.count, 3);
	assert_int_equal(rte_fbarray_set_free(&arr, 64), 0);
	assert_int_equal(rte_fbarray_set_free(&arr, 64), 0);
	assert_int_equal(rte_fbarray_set_free(&arr, 1), 0);
	assert_int_equal(arr.count, 2);
	assert_int_equal(rte_fbarray_is_used(&arr, 64), 0);
	assert_int_equal(rte_fbarray_is_used(&arr, 129), 1);

	assert_fail(rte_fbarray_set_used(&arr, 130), EINVAL);
	assert_fail(rte_fbarray_set_free(&arr, 130), EINVAL);
	assert_fail(rte_fbarray_is_used(&arr, 130), EINVAL);
	assert_fail(rte_fbarray_set_used(NULL, 0), EINVAL);
	assert_fail(rte_fbarray_set_free(NULL, 0), EINVAL);
	assert_fail(rte_fbarray_is_used(NULL, 0), EINVAL);
	assert_int_equal(arr.count, 2);
	assert_int_equal(rte_fbarray_destroy(&arr), 0);
}

typedef int (*find_fn)(struct rte_fbarray *arr, unsigned int start);
typedef int (*find_n_fn)(struct rte_fbarray *arr, unsigned int start, unsigned int n);

static const find_fn start_fns[] = {
	rte_fbarray_find_next_free, rte_fbarray_find_next_used,
	rte_fbarray_find_prev_free, rte_fbarray_find_prev_used,
	rte_fbarray_find_contig_free, rte_fbarray_find_contig_used,
	rte_fbarray_find_rev_contig_free, rte_fbarray_find_rev_contig_used,
	rte_fbarray_find_biggest_free, rte_fbarray_find_biggest_used,
	rte_fbarray_find_rev_biggest_free, rte_fbarray_find_rev_biggest_used,
};
static const find_n_fn n_fns[] = {
	rte_fbarray_find_next_n_free, rte_fbarray_find_next_n_used,
	rte_fbarray_find_prev_n_free, rte_fbarray_find_prev_n_used,
};

static void
test_search_errors(void **state)
{
	struct rte_fbarray arr;
	unsigned int i;

	(void)state;
	assert_int_equal(rte_fbarray_init(&arr, "errs", 100, 4), 0);
	for (i = 0; i < RTE_DIM(start_fns); i++) {
		assert_fail(start_fns[i](NULL, 0), EINVAL);
		assert_fail(start_fns[i](&arr, 100), EINVAL);
		assert_fail(start_fns[i](&arr, UINT_MAX), EINVAL);
	}
	for (i = 0; i < RTE_DIM(n_fns); i++) {
		assert_fail(n_fns[i](NULL, 0, 1), EINVAL);
		assert_fail(n_fns[i](&arr, 100, 1), EINVAL);
		assert_fail(n_fns[i](&arr, 50, 0), EINVAL);
		assert_fail(n_fns[i](&arr, 50, 101), EINVAL);
	}
	/*
	 * A run longer than the room between start and the end (upwards) or between 0 and
	 * start (downwards) is not found, even in an empty or a full array.
	 */
	assert_fail(rte_fbarray_find_next_n_free(&arr, 50, 51), ENOSPC);
	assert_fail(rte_fbarray_find_next_n_used(&arr, 50, 51), ENOENT);
	assert_int_equal(rte_fbarray_find_next_n_free(&arr, 50, 50), 50);
	assert_fail(rte_fbarray_find_prev_n_free(&arr, 50, 52), ENOSPC);
	assert_fail(rte_fbarray_find_prev_n_used(&arr, 50, 52), ENOENT);
	assert_int_equal(rte_fbarray_find_prev_n_free(&arr, 50, 51), 0);
	assert_int_equal(rte_fbarray_find_prev_n_free(&arr, 0, 1), 0);
	assert_fail(rte_fbarray_find_prev_n_free(&arr, 0, 2), ENOSPC);
	for (i = 0; i < 100; i++)
		assert_int_equal(rte_fbarray_set_used(&arr, i), 0);
	assert_fail(rte_fbarray_find_next_n_used(&arr, 99, 2), ENOENT);
	assert_fail(rte_fbarray_find_prev_n_used(&arr, 0, 2), ENOENT);
	assert_int_equal(rte_fbarray_find_prev_n_used(&arr, 1, 2), 0);
	assert_int_equal(rte_fbarray_destroy(&arr), 0);
}

static void
test_search_empty_full(void **state)
{
	static const unsigned int lens[] = { 1, 64, 100 };
	struct rte_fbarray arr;
	unsigned int i, j, len, last;

	(void)state;
	for (i = 0; i < RTE_DIM(lens); i++) {
		len = lens[i];
		last = len - 1;
		assert_int_equal(rte_fbarray_init(&arr, "edges", len, 2), 0);

		/* Empty. */
		assert_int_equal(rte_fbarray_find_next_free(&arr, 0), 0);
		assert_int_equal(rte_fbarray_find_next_free(&arr, last), (int)last);
		assert_fail(rte_fbarray_find_next_used(&arr, 0), ENOENT);
		assert_int_equal(rte_fbarray_find_prev_free(&arr, 0), 0);
		assert_int_equal(rte_fbarray_find_prev_free(&arr, last), (int)last);
		assert_fail(rte_fbarray_find_prev_used(&arr, last), ENOENT);
		assert_fail(rte_fbarray_find_prev_used(&arr, 0), ENOENT);
		assert_int_equal(rte_fbarray_find_contig_free(&arr, 0), (int)len);
		assert_int_equal(rte_fbarray_find_contig_free(&arr, last), 1);
		assert_int_equal(rte_fbarray_find_contig_used(&arr, 0), 0);
		assert_int_equal(rte_fbarray_find_rev_contig_free(&arr, last), (int)len);
		assert_int_equal(rte_fbarray_find_rev_contig_free(&arr, 0), 1);
		assert_int_equal(rte_fbarray_find_rev_contig_used(&arr, last), 0);
		assert_int_equal(rte_fbarray_find_biggest_free(&arr, 0), 0);
		assert_int_equal(rte_fbarray_find_biggest_free(&arr, last), (int)last);
		assert_int_equal(rte_fbarray_find_rev_biggest_free(&arr, last), 0);
		assert_int_equal(rte_fbarray_find_rev_biggest_free(&arr, 0), 0);
		assert_fail(rte_fbarray_find_biggest_used(&arr, 0), ENOENT);
		assert_fail(rte_fbarray_find_rev_biggest_used(&arr, last), ENOENT);
		assert_int_equal(rte_fbarray_find_next_n_free(&arr, 0, len), 0);
		assert_int_equal(rte_fbarray_find_prev_n_free(&arr, last, len), 0);
		assert_fail(rte_fbarray_find_next_n_used(&arr, 0, 1), ENOENT);
		assert_fail(rte_fbarray_find_prev_n_used(&arr, last, 1), ENOENT);

		/* Full. */
		for (j = 0; j < len; j++)
			assert_int_equal(rte_fbarray_set_used(&arr, j), 0);
		assert_int_equal(arr.count, len);
		assert_fail(rte_fbarray_find_next_free(&arr, 0), ENOSPC);
		assert_int_equal(rte_fbarray_find_next_used(&arr, last), (int)last);
		assert_fail(rte_fbarray_find_prev_free(&arr, last), ENOSPC);
		assert_fail(rte_fbarray_find_prev_free(&arr, 0), ENOSPC);
		assert_int_equal(rte_fbarray_find_prev_used(&arr, 0), 0);
		assert_int_equal(rte_fbarray_find_contig_used(&arr, 0), (int)len);
		assert_int_equal(rte_fbarray_find_contig_free(&arr, 0), 0);
		assert_int_equal(rte_fbarray_find_rev_contig_used(&arr, last), (int)len);
		assert_int_equal(rte_fbarray_find_rev_contig_used(&arr, 0), 1);
		assert_int_equal(rte_fbarray_find_rev_contig_free(&arr, 0), 0);
		assert_int_equal(rte_fbarray_find_biggest_used(&arr, 0), 0);
		assert_int_equal(rte_fbarray_find_rev_biggest_used(&arr, last), 0);
		assert_fail(rte_fbarray_find_biggest_free(&arr, 0), ENOSPC);
		assert_fail(rte_fbarray_find_rev_biggest_free(&arr, last), ENOSPC);
		assert_int_equal(rte_fbarray_find_next_n_used(&arr, 0, len), 0);
		assert_int_equal(rte_fbarray_find_prev_n_used(&arr, last, len), 0);
		assert_fail(rte_fbarray_find_next_n_free(&arr, 0, 1), ENOSPC);
		assert_fail(rte_fbarray_find_prev_n_free(&arr, last, 1), ENOSPC);
		assert_int_equal(rte_fbarray_destroy(&arr), 0);
	}
}

static void
test_search_word_boundaries(void **state)
{
	struct rte_fbarray arr;
	unsigned int i;

	(void)state;
	/* Used: [60, 70), 128, [190, 200); free runs [0, 60), [70, 128), [129, 190). */
	assert_int_equal(rte_fbarray_init(&arr, "words", 200, 1), 0);
	for (i = 60; i < 70; i++)
		assert_int_equal(rte_fbarray_set_used(&arr, i), 0);
	assert_int_equal(rte_fbarray_set_used(&arr, 128), 0);
	for (i = 190; i < 200; i++)
		assert_int_equal(rte_fbarray_set_used(&arr, i), 0);

	assert_int_equal(rte_fbarray_find_next_used(&arr, 0), 60);
	assert_int_equal(rte_fbarray_find_next_used(&arr, 70), 128);
	assert_int_equal(rte_fbarray_find_next_used(&arr, 129), 190);
	assert_int_equal(rte_fbarray_find_next_free(&arr, 60), 70);
	assert_int_equal(rte_fbarray_find_next_free(&arr, 190), -1);
	assert_int_equal(rte_fbarray_find_prev_used(&arr, 127), 69);
	assert_int_equal(rte_fbarray_find_prev_used(&arr, 59), -1);
	assert_int_equal(rte_fbarray_find_prev_free(&arr, 69), 59);
	assert_int_equal(rte_fbarray_find_prev_free(&arr, 199), 189);
	assert_int_equal(rte_fbarray_find_contig_used(&arr, 60), 10);
	assert_int_equal(rte_fbarray_find_contig_used(&arr, 63), 7);
	assert_int_equal(rte_fbarray_find_contig_free(&arr, 70), 58);
	assert_int_equal(rte_fbarray_find_contig_free(&arr, 129), 61);
	assert_int_equal(rte_fbarray_find_rev_contig_used(&arr, 69), 10);
	assert_int_equal(rte_fbarray_find_rev_contig_used(&arr, 64), 5);
	assert_int_equal(rte_fbarray_find_rev_contig_free(&arr, 127), 58);
	assert_int_equal(rte_fbarray_find_rev_contig_free(&arr, 128), 0);

	assert_int_equal(rte_fbarray_find_next_n_used(&arr, 0, 10), 60);
	assert_int_equal(rte_fbarray_find_next_n_used(&arr, 61, 9), 61);
	assert_int_equal(rte_fbarray_find_next_n_used(&arr, 61, 10), 190);
	assert_fail(rte_fbarray_find_next_n_used(&arr, 0, 11), ENOENT);
	assert_int_equal(rte_fbarray_find_next_n_free(&arr, 0, 59), 0);
	assert_int_equal(rte_fbarray_find_next_n_free(&arr, 0, 60), 0);
	assert_int_equal(rte_fbarray_find_next_n_free(&arr, 0, 61), 129);
	assert_fail(rte_fbarray_find_next_n_free(&arr, 0, 62), ENOSPC);
	assert_int_equal(rte_fbarray_find_prev_n_used(&arr, 199, 10), 190);
	assert_int_equal(rte_fbarray_find_prev_n_used(&arr, 199, 5), 195);
	assert_int_equal(rte_fbarray_find_prev_n_used(&arr, 198, 10), 60);
	assert_fail(rte_fbarray_find_prev_n_used(&arr, 68, 10), ENOENT);
	assert_int_equal(rte_fbarray_find_prev_n_free(&arr, 199, 58), 132);
	assert_int_equal(rte_fbarray_find_prev_n_free(&arr, 199, 62), -1);
	assert_int_equal(rte_fbarray_find_prev_n_free(&arr, 130, 59), 1);

	/* Equal lengths: the lowest run upwards, the highest downwards. */
	assert_int_equal(rte_fbarray_find_biggest_used(&arr, 0), 60);
	assert_int_equal(rte_fbarray_find_rev_biggest_used(&arr, 199), 190);
	assert_int_equal(rte_fbarray_find_biggest_used(&arr, 65), 190);
	assert_int_equal(rte_fbarray_find_rev_biggest_used(&arr, 195), 60);
	assert_int_equal(rte_fbarray_find_biggest_free(&arr, 0), 129);
	assert_int_equal(rte_fbarray_find_rev_biggest_free(&arr, 199), 129);
	assert_int_equal(rte_fbarray_find_rev_biggest_free(&arr, 100), 0);
	assert_int_equal(rte_fbarray_find_biggest_free(&arr, 10), 129);
	assert_int_equal(rte_fbarray_find_biggest_free(&arr, 190), -1);
	assert_int_equal(rte_errno, ENOSPC);
	assert_int_equal(rte_fbarray_destroy(&arr), 0);
}

/* A million elements with one at each end in the other state: found by word scans. */
static void
test_search_large(void **state)
{
	const unsigned int len = 1u << 20, last = len - 1;
	struct rte_fbarray arr;

	(void)state;
	assert_int_equal(rte_fbarray_init(&arr, "large", len, 1), 0);
	assert_int_equal(rte_fbarray_set_used(&arr, 0), 0);
	assert_int_equal(rte_fbarray_set_used(&arr, last), 0);
	assert_int_equal(rte_fbarray_find_next_used(&arr, 1), (int)last);
	assert_int_equal(rte_fbarray_find_prev_used(&arr, last - 1), 0);
	assert_int_equal(rte_fbarray_find_contig_free(&arr, 1), (int)len - 2);
	assert_int_equal(rte_fbarray_find_rev_contig_free(&arr, last - 1), (int)len - 2);
	assert_int_equal(rte_fbarray_find_next_n_free(&arr, 0, len - 2), 1);
	assert_int_equal(rte_fbarray_find_prev_n_free(&arr, last, len - 2), 1);
	assert_fail(rte_fbarray_find_next_n_free(&arr, 0, len - 1), ENOSPC);
	assert_int_equal(rte_fbarray_find_biggest_free(&arr, 0), 1);
	assert_int_equal(rte_fbarray_find_rev_biggest_free(&arr, last), 1);
	assert_int_equal(rte_fbarray_find_next_n_used(&arr, 0, 1), 0);
	assert_fail(rte_fbarray_find_next_n_used(&arr, 0, 2), ENOENT);
	assert_int_equal(rte_fbarray_set_free(&arr, last), 0);
	assert_fail(rte_fbarray_find_next_used(&arr, 1), ENOENT);
	assert_int_equal(rte_fbarray_find_next_free(&arr, 0), 1);
	assert_int_equal(rte_fbarray_destroy(&arr), 0);
}

/* The model: a plain array of flags and the run lengths at each element, both ways. */
#define MODEL_MAX 256
struct model {
	int len;
	bool in[MODEL_MAX];
	int up[MODEL_MAX];   /* elements in the state from i upwards */
	int down[MODEL_MAX]; /* elements in the state from i downwards */
};

static void
model_build(struct model *m, struct rte_fbarray *arr, bool used)
{
	int i;

	m->len = (int)arr->len;
	for (i = 0; i < m->len; i++)
		m->in[i] = rte_fbarray_is_used(arr, (unsigned int)i) == (int)used;
	for (i = m->len - 1; i >= 0; i--)
		m->up[i] = m->in[i] ? 1 + (i + 1 < m->len ? m->up[i + 1] : 0) : 0;
	for (i = 0; i < m->len; i++)
		m->down[i] = m->in[i] ? 1 + (i > 0 ? m->down[i - 1] : 0) : 0;
}

static int
model_next_n(const struct model *m, int start, int n)
{
	for (int s = start; s + n <= m->len; s++)
		if (m->up[s] >= n)
			return s;
	return -1;
}

static int
model_prev_n(const struct model *m, int start, int n)
{
	for (int s = start - n + 1; s >= 0; s--)
		if (m->up[s] >= n)
			return s;
	return -1;
}

static int
model_prev(const struct model *m, int start)
{
	for (int i = start; i >= 0; i--)
		if (m->in[i])
			return i;
	return -1;
}

static int
model_biggest(const struct model *m, int start, bool rev)
{
	int best = -1, best_len = 0, i;

	if (!rev) {
		for (i = start; i < m->len; i++)
			if (m->in[i]) {
				if (m->up[i] > best_len) {
					best = i;
					best_len = m->up[i];
				}
				i += m->up[i];
			}
	} else {
		for (i = start; i >= 0; i--)
			if (m->in[i]) {
				if (m->down[i] > best_len) {
					best = i - m->down[i] + 1;
					best_len = m->down[i];
				}
				i -= m->down[i];
			}
	}
	return best;
}

/* -1 results of searches come with ENOENT (used) or ENOSPC (free). */
static void
check_result(int got, int want, bool used)
{
	assert_int_equal(got, want);
	if (want < 0)
		assert_int_equal(rte_errno, used ? ENOENT : ENOSPC);
}

static void
check_against_model(struct rte_fbarray *arr)
{
	static struct model m;
	int s, n;
	unsigned int u;
	bool used;

	for (int k = 0; k < 2; k++) {
		used = k == 1;
		model_build(&m, arr, used);
		for (s = 0; s < m.len; s++) {
			u = (unsigned int)s;
			rte_errno = 0;
			check_result(used ? rte_fbarray_find_next_used(arr, u) :
				rte_fbarray_find_next_free(arr, u), model_next_n(&m, s, 1), used);
			check_result(used ? rte_fbarray_find_prev_used(arr, u) :
				rte_fbarray_find_prev_free(arr, u), model_prev(&m, s), used);
			assert_int_equal(used ? rte_fbarray_find_contig_used(arr, u) :
				rte_fbarray_find_contig_free(arr, u), m.up[s]);
			assert_int_equal(used ? rte_fbarray_find_rev_contig_used(arr, u) :
				rte_fbarray_find_rev_contig_free(arr, u), m.down[s]);
			check_result(used ? rte_fbarray_find_biggest_used(arr, u) :
				rte_fbarray_find_biggest_free(arr, u),
				model_biggest(&m, s, false), used);
			check_result(used ? rte_fbarray_find_rev_biggest_used(arr, u) :
				rte_fbarray_find_rev_biggest_free(arr, u),
				model_biggest(&m, s, true), used);
			for (n = 1; n <= m.len - s; n++)
				check_result(used ? rte_fbarray_find_next_n_used(arr, u, n) :
					rte_fbarray_find_next_n_free(arr, u, n),
					model_next_n(&m, s, n), used);
			for (n = 1; n <= s + 1; n++)
				check_result(used ? rte_fbarray_find_prev_n_used(arr, u, n) :
					rte_fbarray_find_prev_n_free(arr, u, n),
					model_prev_n(&m, s, n), used);
		}
	}
}

static void
test_search_model(void **state)
{
	static const unsigned int lens[] = { 1, 2, 63, 64, 65, 130, 193 };
	struct rte_fbarray arr;
	unsigned int i, j, round;
	uint64_t x = 0x9e3779b97f4a7c15ull;

	(void)state;
	for (i = 0; i < RTE_DIM(lens); i++) {
		assert_int_equal(rte_fbarray_init(&arr, "model", lens[i], 3), 0);
		for (round = 0; round < 4; round++) {
			/* Sparse, dense and long runs, from a fixed xorshift sequence. */
			for (j = 0; j < lens[i]; j++) {
				bool on;

				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				if (round == 0)
					on = x % 8 == 0;
				else if (round == 1)
					on = x % 8 != 0;
				else if (round == 2)
					on = (j / 17) % 2 == 0;
				else
					on = x % 2 == 0;
				if (on)
					assert_int_equal(rte_fbarray_set_used(&arr, j), 0);
				else
					assert_int_equal(rte_fbarray_set_free(&arr, j), 0);
			}
			check_against_model(&arr);
		}
		assert_int_equal(rte_fbarray_destroy(&arr), 0);
	}
}

static void
test_dump(void **state)
{
	struct rte_fbarray arr, bad;
	char *buf = NULL;
	size_t size = 0;
	FILE *f;

	(void)state;
	assert_int_equal(rte_fbarray_init(&arr, "dumped", 70, 4), 0);
	assert_int_equal(rte_fbarray_set_used(&arr, 0), 0);
	assert_int_equal(rte_fbarray_set_used(&arr, 65), 0);
	f = open_memstream(&buf, &size);
	assert_non_null(f);
	rte_fbarray_dump_metadata(&arr, f);
	bad = arr;
	bad.len = 0;
	rte_fbarray_dump_metadata(&bad, f);
	bad = arr;
	bad.data = NULL;
	rte_fbarray_dump_metadata(&bad, f);
	/* Nothing to print on: EINVAL, as DPDK. */
	rte_errno = 0;
	rte_fbarray_dump_metadata(NULL, f);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	rte_fbarray_dump_metadata(&arr, NULL);
	assert_int_equal(rte_errno, EINVAL);
	fclose(f);
	assert_string_equal(buf,
		"File-backed array: dumped\n"
		"size: 70 occupied: 2 elt_sz: 4\n"
		"msk idx 0: 0x0000000000000001\n"
		"msk idx 1: 0x0000000000000002\n"
		"Invalid file-backed array\n"
		"Invalid file-backed array\n");
	free(buf);
	assert_int_equal(rte_fbarray_destroy(&arr), 0);
}

/* Without a runtime directory of ours, arrays are private memory: nothing to attach to. */
static void
test_anonymous(void **state)
{
	struct rte_fbarray arr, copy;
	char path[PATH_MAX];

	(void)state;
	assert_int_equal(rte_fbarray_init(&arr, "anon", 10, 16), 0);
	fbarray_file(path, sizeof(path), "anon");
	assert_false(file_exists(path));
	assert_int_equal(test_maps_contain("fbarray_anon"), 0);
	copy = arr;
	assert_fail(rte_fbarray_attach(&copy), ENOTSUP);
	assert_int_equal(rte_fbarray_set_used(&arr, 3), 0);
	assert_int_equal(rte_fbarray_find_next_used(&arr, 0), 3);
	assert_int_equal(rte_fbarray_destroy(&arr), 0);
}

static void
test_file(void **state)
{
	struct rte_fbarray arr, other;
	char path[PATH_MAX];
	struct stat st;
	uint8_t *view;
	int fd, fds;

	(void)state;
	fds = test_count_fds();
	fbarray_file(path, sizeof(path), "filed");
	assert_int_equal(rte_fbarray_init(&arr, "filed", 1000, 10), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size % sysconf(_SC_PAGESIZE), 0);
	assert_true((size_t)st.st_size >= 1000 * 10 + 1000 / 8);
	assert_int_equal(test_maps_contain("fbarray_filed"), 1);

	/* A second mapping of the file sees what is written through the array. */
	fd = open(path, O_RDWR);
	assert_true(fd >= 0);
	view = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	assert_true(view != MAP_FAILED);
	close(fd);
	memcpy(rte_fbarray_get(&arr, 999), "last elt!", 10);
	assert_memory_equal(view + 9990, "last elt!", 10);
	view[5] = 0x77;
	assert_int_equal(((uint8_t *)rte_fbarray_get(&arr, 0))[5], 0x77);

	/* Same name again: the file is in use; nothing of it is touched. */
	memset(&other, 0, sizeof(other));
	assert_fail(rte_fbarray_init(&other, "filed", 1000, 10), EBUSY);
	assert_int_equal(((uint8_t *)rte_fbarray_get(&arr, 0))[5], 0x77);

	/* Attaching where this array is already mapped. */
	other = arr;
	assert_fail(rte_fbarray_attach(&other), EEXIST);
	/* Where something else is mapped. */
	other.data = view;
	assert_fail(rte_fbarray_attach(&other), EEXIST);
	/* A file of another size (at an address nothing is mapped at). */
	other.data = NULL;
	other.len = 2000;
	assert_fail(rte_fbarray_attach(&other), EINVAL);
	/* No such file. */
	other = arr;
	strcpy(other.name, "missing");
	other.data = view;
	assert_fail(rte_fbarray_attach(&other), ENOENT);
	munmap(view, (size_t)st.st_size);

	/* Detach keeps the file and its contents; attach maps them at the same address. */
	assert_int_equal(rte_fbarray_set_used(&arr, 500), 0);
	assert_int_equal(rte_fbarray_detach(&arr), 0);
	/*
	 * Nothing that may allocate until the attach, or the allocator could take the
	 * address back: msync tells an unmapped range without reading /proc.
	 */
	assert_int_equal(msync(arr.data, 4096, MS_ASYNC), -1);
	assert_int_equal(errno, ENOMEM);
	assert_true(file_exists(path));
	/* While someone holds the file exclusively (creating or destroying it): EBUSY. */
	fd = open(path, O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), 0);
	assert_fail(rte_fbarray_attach(&arr), EBUSY);
	close(fd);
	assert_int_equal(rte_fbarray_attach(&arr), 0);
	assert_memory_equal(rte_fbarray_get(&arr, 999), "last elt!", 10);
	assert_int_equal(rte_fbarray_is_used(&arr, 500), 1);
	assert_int_equal(rte_fbarray_find_next_used(&arr, 0), 500);

	assert_int_equal(rte_fbarray_destroy(&arr), 0);
	assert_false(file_exists(path));
	assert_int_equal(test_maps_contain("fbarray_filed"), 0);
	assert_int_equal(test_count_fds(), fds);
	assert_fail(rte_fbarray_attach(&arr), EINVAL);

	/* A name the runtime directory cannot hold as a file: open's error. */
	assert_fail(rte_fbarray_init(&other, "no/such/dir", 1, 1), ENOENT);
	/* A size the file cannot take: nothing left behind. */
	rte_errno = 0;
	assert_int_equal(rte_fbarray_init(&other, "huge", INT_MAX, UINT_MAX), -1);
	assert_int_not_equal(rte_errno, 0);
	fbarray_file(path, sizeof(path), "huge");
	assert_false(file_exists(path));
	assert_int_equal(test_count_fds(), fds);
}

enum { CHILD_OK = 0, CHILD_DETACH = 10, CHILD_ATTACH, CHILD_SEES, CHILD_INIT, CHILD_PIPE };

/* The second process: map the array on its own, use it, wait for the parent, leave. */
static int
child_main(struct rte_fbarray *arr, int to_parent, int from_parent)
{
	struct rte_fbarray again;
	char c = 0;

	/* What fork copied is the parent's mapping; map the file afresh. */
	if (rte_fbarray_detach(arr) != 0)
		return CHILD_DETACH;
	/* Nothing of ours is mapped, yet the name is taken by the parent's lock. */
	if (rte_fbarray_init(&again, arr->name, 5, 5) != -1 || rte_errno != EBUSY)
		return CHILD_INIT;
	if (rte_fbarray_attach(arr) != 0)
		return CHILD_ATTACH;
	if (rte_fbarray_is_used(arr, 7) != 1 || rte_fbarray_find_next_used(arr, 8) != 100 ||
			memcmp(rte_fbarray_get(arr, 7), "parent", 7) != 0)
		return CHILD_SEES;
	memcpy(rte_fbarray_get(arr, 70), "child", 6);
	rte_fbarray_set_used(arr, 70);
	if (write(to_parent, &c, 1) != 1 || read(from_parent, &c, 1) != 1)
		return CHILD_PIPE;
	if (rte_fbarray_detach(arr) != 0)
		return CHILD_DETACH;
	return CHILD_OK;
}

static void
test_second_process(void **state)
{
	struct rte_fbarray *arr;
	int up[2], down[2], status;
	char path[PATH_MAX];
	pid_t pid;
	char c;

	(void)state;
	/* The structure is shared, as DPDK keeps it in shared memory. */
	arr = mmap(NULL, sizeof(*arr), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
		-1, 0);
	assert_true(arr != MAP_FAILED);
	assert_int_equal(rte_fbarray_init(arr, "shared", 128, 8), 0);
	memcpy(rte_fbarray_get(arr, 7), "parent", 7);
	assert_int_equal(rte_fbarray_set_used(arr, 7), 0);
	assert_int_equal(rte_fbarray_set_used(arr, 100), 0);
	assert_int_equal(pipe(up), 0);
	assert_int_equal(pipe(down), 0);
	fflush(stdout);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(child_main(arr, up[1], down[0]));
	close(up[1]);
	close(down[0]);
	if (read(up[0], &c, 1) != 1) {
		waitpid(pid, &status, 0);
		fail_msg("child failed with %d", WEXITSTATUS(status));
	}

	/* The child's marks and data are here too. */
	assert_int_equal(rte_fbarray_is_used(arr, 70), 1);
	assert_int_equal(arr->count, 3);
	assert_string_equal(rte_fbarray_get(arr, 70), "child");
	assert_int_equal(rte_fbarray_find_next_used(arr, 8), 70);

	/* Still attached there: destroy refuses and changes nothing. */
	assert_fail(rte_fbarray_destroy(arr), EBUSY);
	fbarray_file(path, sizeof(path), "shared");
	assert_true(file_exists(path));
	assert_int_equal(arr->len, 128);
	assert_int_equal(rte_fbarray_is_used(arr, 100), 1);

	assert_int_equal(write(down[1], &c, 1), 1);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), CHILD_OK);
	close(up[0]);
	close(down[1]);

	assert_int_equal(rte_fbarray_destroy(arr), 0);
	assert_false(file_exists(path));
	munmap(arr, sizeof(*arr));
}

/* A test run inside an EAL started by setup; the mode goes in the name. */
#define WITH_EAL(mode, f, setup) { mode ": " #f, f, setup, teardown_eal, NULL }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		/* Before rte_eal_init: private memory. */
		cmocka_unit_test(test_init_errors),
		cmocka_unit_test(test_lifecycle_errors),
		cmocka_unit_test(test_get_find_idx),
		cmocka_unit_test(test_set_is_used),
		cmocka_unit_test(test_search_errors),
		cmocka_unit_test(test_search_empty_full),
		cmocka_unit_test(test_search_word_boundaries),
		cmocka_unit_test(test_search_model),
		cmocka_unit_test(test_search_large),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_anonymous),
		/* In the runtime directory. */
		WITH_EAL("files", test_init_errors, setup_files),
		WITH_EAL("files", test_lifecycle_errors, setup_files),
		WITH_EAL("files", test_search_word_boundaries, setup_files),
		WITH_EAL("files", test_file, setup_files),
		WITH_EAL("files", test_second_process, setup_files),
		/* The EAL modes without shared files. */
		WITH_EAL("in-memory", test_anonymous, setup_in_memory),
		WITH_EAL("no-shconf", test_anonymous, setup_no_shconf),
	};

	return cmocka_run_group_tests_name("eal_fbarray", tests, NULL, NULL);
}
