/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_fbarray: fixed-size elements followed by a mask of 64-bit words, one bit per element
 * (set = used), in one mapping. The mapping is a file in the runtime directory when this
 * process owns one, so that other processes can attach; the file's flock tells who uses it:
 * the creator holds an exclusive lock only while creating, then everyone mapping it holds a
 * shared one, so creating a name in use and destroying an array still attached elsewhere
 * both fail to take the exclusive lock.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_fbarray.h>
#include <rte_log.h>
#include <rte_rwlock.h>
#include <rte_string_fns.h>

#include "eal_private.h"
#include "eal_memalloc.h"

#define MASK_BITS 64u

/* An array mapped by this process; looked up by the address of its elements. */
struct fbarray_area {
	struct fbarray_area *next;
	void *addr;
	size_t len;
	int fd;                 /* -1 for anonymous memory */
	char name[RTE_FBARRAY_NAME_LEN];
	char path[PATH_MAX];
};

static struct fbarray_area *areas;
static pthread_mutex_t areas_lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned int
mask_words(unsigned int len)
{
	return (len + MASK_BITS - 1) / MASK_BITS;
}

static size_t
mask_offset(unsigned int len, unsigned int elt_sz)
{
	return RTE_ALIGN_CEIL((size_t)len * elt_sz, sizeof(uint64_t));
}

static size_t
area_size(unsigned int len, unsigned int elt_sz)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t sz = mask_offset(len, elt_sz) + (size_t)mask_words(len) * sizeof(uint64_t);

	return RTE_ALIGN_CEIL(sz, page);
}

static uint64_t *
used_mask(const struct rte_fbarray *arr)
{
	return RTE_PTR_ADD(arr->data, mask_offset(arr->len, arr->elt_sz));
}

/* The parameters every array must have; logs and sets rte_errno when they are wrong. */
static int
check_params(const char *func, const char *name, unsigned int len, unsigned int elt_sz)
{
	if (name == NULL || len == 0 || len > INT_MAX || elt_sz == 0) {
		EAL_LOG(ERR, "%s: invalid array (name %s, len %u, elt_sz %u)\n", func,
			name == NULL ? "NULL" : "given", len, elt_sz);
		rte_errno = EINVAL;
		return -1;
	}
	if (strnlen(name, RTE_FBARRAY_NAME_LEN) == RTE_FBARRAY_NAME_LEN) {
		EAL_LOG(ERR, "%s: name '%.*s...' longer than %d characters\n", func,
			RTE_FBARRAY_NAME_LEN - 1, name, RTE_FBARRAY_NAME_LEN - 1);
		rte_errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/*
 * Out-of-range indexes are how callers end their walks (find_next_used(arr, last + 1)), so
 * they are logged at DEBUG only; a NULL array is a plain mistake.
 */
static int
check_index(const char *func, const struct rte_fbarray *arr, unsigned int idx)
{
	if (arr == NULL) {
		EAL_LOG(ERR, "%s: NULL array\n", func);
		rte_errno = EINVAL;
		return -1;
	}
	if (idx >= arr->len) {
		EAL_LOG(DEBUG, "%s: index %u beyond array %s of %u elements\n", func, idx,
			arr->name, arr->len);
		rte_errno = EINVAL;
		return -1;
	}
	return 0;
}

/* Is there a shared runtime directory for the array files? */
static bool
file_backed(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();

	return !cfg->no_shconf && eal_runtime_dir_locked();
}

static struct fbarray_area *
area_find(const void *addr)
{
	struct fbarray_area *a;

	for (a = areas; a != NULL; a = a->next)
		if (a->addr == addr)
			return a;
	return NULL;
}

static bool
area_overlaps(const void *addr, size_t len)
{
	uintptr_t lo = (uintptr_t)addr, hi = lo + len;
	struct fbarray_area *a;

	for (a = areas; a != NULL; a = a->next)
		if (lo < (uintptr_t)a->addr + a->len && (uintptr_t)a->addr < hi)
			return true;
	return false;
}

static bool
area_name_used(const char *name)
{
	struct fbarray_area *a;

	for (a = areas; a != NULL; a = a->next)
		if (strcmp(a->name, name) == 0)
			return true;
	return false;
}

static void
area_unlink(struct fbarray_area *area)
{
	struct fbarray_area **p;

	for (p = &areas; *p != NULL; p = &(*p)->next)
		if (*p == area) {
			*p = area->next;
			return;
		}
}

static int
fbarray_path(char *buf, size_t size, const char *name)
{
	if ((size_t)snprintf(buf, size, "%s/fbarray_%s", rte_eal_get_runtime_dir(), name) >=
			size) {
		EAL_LOG(ERR, "fbarray %s: file path too long\n", name);
		rte_errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* Create the zeroed file of an array and map it; the file stays exclusively locked. */
static void *
create_file(struct fbarray_area *area, size_t len)
{
	void *addr;
	int err;

	area->fd = open(area->path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (area->fd < 0) {
		err = errno;
		EAL_LOG(ERR, "fbarray %s: cannot open %s: %s\n", area->name, area->path,
			strerror(err));
		rte_errno = err;
		return NULL;
	}
	if (flock(area->fd, LOCK_EX | LOCK_NB) < 0) {
		EAL_LOG(ERR, "fbarray %s: name in use by another array\n", area->name);
		close(area->fd);
		rte_errno = EBUSY;
		return NULL;
	}
	/* Truncating to 0 first drops whatever a crashed user of the name left behind. */
	if (ftruncate(area->fd, 0) < 0 || ftruncate(area->fd, (off_t)len) < 0) {
		err = errno;
		EAL_LOG(ERR, "fbarray %s: cannot size %s: %s\n", area->name, area->path,
			strerror(err));
		goto fail;
	}
	addr = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, area->fd, 0);
	if (addr == MAP_FAILED) {
		err = errno;
		EAL_LOG(ERR, "fbarray %s: cannot map %s: %s\n", area->name, area->path,
			strerror(err));
		goto fail;
	}
	return addr;
fail:
	unlink(area->path);
	close(area->fd);
	rte_errno = err;
	return NULL;
}

int
rte_fbarray_init(struct rte_fbarray *arr, const char *name, unsigned int len,
		unsigned int elt_sz)
{
	struct fbarray_area *area;
	size_t size;
	void *addr;

	if (arr == NULL) {
		EAL_LOG(ERR, "rte_fbarray_init: NULL array\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (check_params(__func__, name, len, elt_sz) < 0)
		return -1;
	size = area_size(len, elt_sz);
	area = calloc(1, sizeof(*area));
	if (area == NULL) {
		EAL_LOG(ERR, "fbarray %s: out of memory\n", name);
		rte_errno = ENOMEM;
		return -1;
	}
	strlcpy(area->name, name, sizeof(area->name));
	area->fd = -1;
	area->len = size;

	pthread_mutex_lock(&areas_lock);
	if (area_name_used(name)) {
		EAL_LOG(ERR, "fbarray %s: name in use by another array\n", name);
		rte_errno = EBUSY;
		goto fail;
	}
	if (file_backed()) {
		if (fbarray_path(area->path, sizeof(area->path), name) < 0)
			goto fail;
		addr = create_file(area, size);
		if (addr == NULL)
			goto fail;
		/* From now on, a shared lock: others may attach, nobody may create it again. */
		if (flock(area->fd, LOCK_SH | LOCK_NB) < 0) {
			EAL_LOG(ERR, "fbarray %s: lost the lock on %s\n", name, area->path);
			munmap(addr, size);
			close(area->fd);
			rte_errno = EBUSY;
			goto fail;
		}
	} else {
		addr = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			-1, 0);
		if (addr == MAP_FAILED) {
			rte_errno = errno;
			EAL_LOG(ERR, "fbarray %s: cannot map %zu bytes: %s\n", name, size,
				strerror(rte_errno));
			goto fail;
		}
	}
	area->addr = addr;
	area->next = areas;
	areas = area;
	pthread_mutex_unlock(&areas_lock);

	memset(arr, 0, sizeof(*arr));
	strlcpy(arr->name, name, sizeof(arr->name));
	arr->len = len;
	arr->elt_sz = elt_sz;
	arr->data = addr;
	rte_rwlock_init(&arr->rwlock);
	return 0;
fail:
	pthread_mutex_unlock(&areas_lock);
	free(area);
	return -1;
}

int
rte_fbarray_attach(struct rte_fbarray *arr)
{
	struct fbarray_area *area;
	struct stat st;
	size_t size;
	void *addr;
	int flags = MAP_SHARED;

	if (arr == NULL) {
		EAL_LOG(ERR, "rte_fbarray_attach: NULL array\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (check_params(__func__, arr->name, arr->len, arr->elt_sz) < 0)
		return -1;
	if (!file_backed()) {
		EAL_LOG(ERR, "fbarray %s: cannot attach without a shared runtime directory\n",
			arr->name);
		rte_errno = ENOTSUP;
		return -1;
	}
	size = area_size(arr->len, arr->elt_sz);
	area = calloc(1, sizeof(*area));
	if (area == NULL) {
		EAL_LOG(ERR, "fbarray %s: out of memory\n", arr->name);
		rte_errno = ENOMEM;
		return -1;
	}
	strlcpy(area->name, arr->name, sizeof(area->name));
	area->len = size;

	pthread_mutex_lock(&areas_lock);
	if (area_overlaps(arr->data, size)) {
		EAL_LOG(ERR, "fbarray %s: %p already mapped in this process\n", arr->name,
			arr->data);
		rte_errno = EEXIST;
		goto fail;
	}
	if (fbarray_path(area->path, sizeof(area->path), arr->name) < 0)
		goto fail;
	area->fd = open(area->path, O_RDWR | O_CLOEXEC);
	if (area->fd < 0) {
		rte_errno = errno;
		EAL_LOG(ERR, "fbarray %s: cannot open %s: %s\n", arr->name, area->path,
			strerror(rte_errno));
		goto fail;
	}
	if (flock(area->fd, LOCK_SH | LOCK_NB) < 0) {
		EAL_LOG(ERR, "fbarray %s: being created or destroyed\n", arr->name);
		rte_errno = EBUSY;
		goto fail_fd;
	}
	if (fstat(area->fd, &st) < 0 || (size_t)st.st_size != size) {
		EAL_LOG(ERR, "fbarray %s: %s does not hold %u elements of %u bytes\n",
			arr->name, area->path, arr->len, arr->elt_sz);
		rte_errno = EINVAL;
		goto fail_fd;
	}
#ifdef MAP_FIXED_NOREPLACE
	flags |= MAP_FIXED_NOREPLACE;
#endif
	/* Other processes hold arr->data: the elements must be at that address here too. */
	addr = mmap(arr->data, size, PROT_READ | PROT_WRITE, flags, area->fd, 0);
	if (addr != arr->data) {
		rte_errno = addr == MAP_FAILED ? errno : EEXIST;
		if (addr != MAP_FAILED)
			munmap(addr, size);
		EAL_LOG(ERR, "fbarray %s: cannot map at %p: %s\n", arr->name, arr->data,
			strerror(rte_errno));
		goto fail_fd;
	}
	area->addr = addr;
	area->next = areas;
	areas = area;
	pthread_mutex_unlock(&areas_lock);
	return 0;
fail_fd:
	close(area->fd);
fail:
	pthread_mutex_unlock(&areas_lock);
	free(area);
	return -1;
}

/* The area of arr mapped by this process, with areas_lock held; NULL (logged) if none. */
static struct fbarray_area *
area_of(const char *func, struct rte_fbarray *arr)
{
	struct fbarray_area *area;

	if (arr == NULL) {
		EAL_LOG(ERR, "%s: NULL array\n", func);
		rte_errno = EINVAL;
		return NULL;
	}
	/* As in DPDK, a structure that is not valid is just one that is not mapped here. */
	pthread_mutex_lock(&areas_lock);
	area = area_find(arr->data);
	if (area == NULL || arr->len == 0 || arr->elt_sz == 0 ||
			area->len != area_size(arr->len, arr->elt_sz)) {
		pthread_mutex_unlock(&areas_lock);
		EAL_LOG(ERR, "%s: array %.*s is not mapped in this process\n", func,
			RTE_FBARRAY_NAME_LEN - 1, arr->name);
		rte_errno = ENOENT;
		return NULL;
	}
	return area;
}

static void
area_release(struct fbarray_area *area)
{
	area_unlink(area);
	munmap(area->addr, area->len);
	if (area->fd >= 0)
		close(area->fd);
	free(area);
}

int
rte_fbarray_destroy(struct rte_fbarray *arr)
{
	struct fbarray_area *area = area_of(__func__, arr);

	if (area == NULL)
		return -1;
	if (area->fd >= 0) {
		if (flock(area->fd, LOCK_EX | LOCK_NB) < 0) {
			/* A failed upgrade drops the shared lock: take it back. */
			if (flock(area->fd, LOCK_SH | LOCK_NB) < 0)
				EAL_LOG(WARNING, "fbarray %s: could not keep the lock on %s\n",
					arr->name, area->path);
			pthread_mutex_unlock(&areas_lock);
			EAL_LOG(ERR, "fbarray %s: still attached in another process\n",
				arr->name);
			rte_errno = EBUSY;
			return -1;
		}
		unlink(area->path);
	}
	area_release(area);
	pthread_mutex_unlock(&areas_lock);
	memset(arr, 0, sizeof(*arr));
	return 0;
}

int
rte_fbarray_detach(struct rte_fbarray *arr)
{
	struct fbarray_area *area = area_of(__func__, arr);

	if (area == NULL)
		return -1;
	area_release(area);
	pthread_mutex_unlock(&areas_lock);
	return 0;
}

void *
rte_fbarray_get(const struct rte_fbarray *arr, unsigned int idx)
{
	if (check_index(__func__, arr, idx) < 0)
		return NULL;
	return RTE_PTR_ADD(arr->data, (size_t)idx * arr->elt_sz);
}

int
rte_fbarray_find_idx(const struct rte_fbarray *arr, const void *elt)
{
	uintptr_t base, p = (uintptr_t)elt;

	if (arr == NULL || elt == NULL) {
		EAL_LOG(ERR, "rte_fbarray_find_idx: NULL %s\n", arr == NULL ? "array" : "element");
		rte_errno = EINVAL;
		return -1;
	}
	base = (uintptr_t)arr->data;
	if (p < base || p - base >= (size_t)arr->len * arr->elt_sz) {
		EAL_LOG(DEBUG, "rte_fbarray_find_idx: %p outside array %s\n", elt, arr->name);
		rte_errno = EINVAL;
		return -1;
	}
	return (int)((p - base) / arr->elt_sz);
}

static int
set_state(const char *func, struct rte_fbarray *arr, unsigned int idx, bool used)
{
	uint64_t *word, bit;

	if (check_index(func, arr, idx) < 0)
		return -1;
	word = &used_mask(arr)[idx / MASK_BITS];
	bit = UINT64_C(1) << (idx % MASK_BITS);
	rte_rwlock_write_lock(&arr->rwlock);
	if (((*word & bit) != 0) != used) {
		*word ^= bit;
		if (used)
			arr->count++;
		else
			arr->count--;
	}
	rte_rwlock_write_unlock(&arr->rwlock);
	return 0;
}

int
rte_fbarray_set_used(struct rte_fbarray *arr, unsigned int idx)
{
	return set_state(__func__, arr, idx, true);
}

int
rte_fbarray_set_free(struct rte_fbarray *arr, unsigned int idx)
{
	return set_state(__func__, arr, idx, false);
}

int
rte_fbarray_is_used(struct rte_fbarray *arr, unsigned int idx)
{
	uint64_t word;

	if (check_index(__func__, arr, idx) < 0)
		return -1;
	rte_rwlock_read_lock(&arr->rwlock);
	word = used_mask(arr)[idx / MASK_BITS];
	rte_rwlock_read_unlock(&arr->rwlock);
	return (word >> (idx % MASK_BITS)) & 1;
}

/*
 * The searches below work on whole mask words. mask_word() gives word i with a bit set for
 * every element in the wanted state; bits past the last element are never set.
 */
static inline uint64_t
mask_word(const struct rte_fbarray *arr, unsigned int i, bool used)
{
	uint64_t w = used_mask(arr)[i];
	unsigned int tail = arr->len % MASK_BITS;

	if (!used)
		w = ~w;
	if (tail != 0 && i == arr->len / MASK_BITS)
		w &= (UINT64_C(1) << tail) - 1;
	return w;
}

/* Lowest index >= start in the state, or -1. */
static int
scan_next(const struct rte_fbarray *arr, unsigned int start, bool used)
{
	unsigned int i = start / MASK_BITS, n = mask_words(arr->len);
	uint64_t w = mask_word(arr, i, used) & (~UINT64_C(0) << (start % MASK_BITS));

	for (;;) {
		if (w != 0)
			return (int)(i * MASK_BITS + (unsigned int)__builtin_ctzll(w));
		if (++i == n)
			return -1;
		w = mask_word(arr, i, used);
	}
}

/* Highest index <= start in the state, or -1. */
static int
scan_prev(const struct rte_fbarray *arr, unsigned int start, bool used)
{
	unsigned int i = start / MASK_BITS, b = start % MASK_BITS;
	uint64_t w = mask_word(arr, i, used) & (~UINT64_C(0) >> (MASK_BITS - 1 - b));

	for (;;) {
		if (w != 0)
			return (int)(i * MASK_BITS + 63 - (unsigned int)__builtin_clzll(w));
		if (i-- == 0)
			return -1;
		w = mask_word(arr, i, used);
	}
}

/* Number of elements in the state from start upwards. */
static unsigned int
run_up(const struct rte_fbarray *arr, unsigned int start, bool used)
{
	int end = scan_next(arr, start, !used);

	return (end < 0 ? arr->len : (unsigned int)end) - start;
}

/* Number of elements in the state from start downwards. */
static unsigned int
run_down(const struct rte_fbarray *arr, unsigned int start, bool used)
{
	return (unsigned int)((int)start - scan_prev(arr, start, !used));
}

static int
not_found(bool used)
{
	rte_errno = used ? ENOENT : ENOSPC;
	return -1;
}

static int
find_one(const char *func, struct rte_fbarray *arr, unsigned int start, bool next, bool used)
{
	int ret;

	if (check_index(func, arr, start) < 0)
		return -1;
	rte_rwlock_read_lock(&arr->rwlock);
	ret = next ? scan_next(arr, start, used) : scan_prev(arr, start, used);
	rte_rwlock_read_unlock(&arr->rwlock);
	return ret < 0 ? not_found(used) : ret;
}

int
rte_fbarray_find_next_free(struct rte_fbarray *arr, unsigned int start)
{
	return find_one(__func__, arr, start, true, false);
}

int
rte_fbarray_find_next_used(struct rte_fbarray *arr, unsigned int start)
{
	return find_one(__func__, arr, start, true, true);
}

int
rte_fbarray_find_prev_free(struct rte_fbarray *arr, unsigned int start)
{
	return find_one(__func__, arr, start, false, false);
}

int
rte_fbarray_find_prev_used(struct rte_fbarray *arr, unsigned int start)
{
	return find_one(__func__, arr, start, false, true);
}

/* Lowest s >= start with [s, s + n) in the state, or -1. */
static int
scan_next_n(const struct rte_fbarray *arr, unsigned int start, unsigned int n, bool used)
{
	unsigned int s = start, run;
	int found;

	for (;;) {
		found = scan_next(arr, s, used);
		if (found < 0 || arr->len - (unsigned int)found < n)
			return -1;
		s = (unsigned int)found;
		run = run_up(arr, s, used);
		if (run >= n)
			return (int)s;
		/* s + run is in the other state; there is something after it (len - s > n). */
		s += run;
	}
}

/* Highest s with s + n - 1 <= start and [s, s + n) in the state, or -1. */
static int
scan_prev_n(const struct rte_fbarray *arr, unsigned int start, unsigned int n, bool used)
{
	unsigned int e = start, run;
	int found;

	for (;;) {
		found = scan_prev(arr, e, used);
		if (found < 0 || (unsigned int)found < n - 1)
			return -1;
		e = (unsigned int)found;
		run = run_down(arr, e, used);
		if (run >= n)
			return (int)(e - n + 1);
		/* e - run is in the other state and not below 0, since run < n <= e + 1. */
		e -= run;
	}
}

static int
find_n(const char *func, struct rte_fbarray *arr, unsigned int start, unsigned int n,
		bool next, bool used)
{
	unsigned int avail;
	int ret;

	if (check_index(func, arr, start) < 0)
		return -1;
	if (n == 0 || n > arr->len) {
		EAL_LOG(ERR, "%s: cannot look for %u elements in array %s of %u\n", func, n,
			arr->name, arr->len);
		rte_errno = EINVAL;
		return -1;
	}
	/* A run that cannot fit between start and the end is simply not found, as in DPDK. */
	if (n > (next ? arr->len - start : start + 1))
		return not_found(used);
	rte_rwlock_read_lock(&arr->rwlock);
	avail = used ? arr->count : arr->len - arr->count;
	if (avail < n)
		ret = -1;
	else if (next)
		ret = scan_next_n(arr, start, n, used);
	else
		ret = scan_prev_n(arr, start, n, used);
	rte_rwlock_read_unlock(&arr->rwlock);
	return ret < 0 ? not_found(used) : ret;
}

int
rte_fbarray_find_next_n_free(struct rte_fbarray *arr, unsigned int start, unsigned int n)
{
	return find_n(__func__, arr, start, n, true, false);
}

int
rte_fbarray_find_next_n_used(struct rte_fbarray *arr, unsigned int start, unsigned int n)
{
	return find_n(__func__, arr, start, n, true, true);
}

int
rte_fbarray_find_prev_n_free(struct rte_fbarray *arr, unsigned int start, unsigned int n)
{
	return find_n(__func__, arr, start, n, false, false);
}

int
rte_fbarray_find_prev_n_used(struct rte_fbarray *arr, unsigned int start, unsigned int n)
{
	return find_n(__func__, arr, start, n, false, true);
}

static int
find_contig(const char *func, struct rte_fbarray *arr, unsigned int start, bool next,
		bool used)
{
	unsigned int run;

	if (check_index(func, arr, start) < 0)
		return -1;
	rte_rwlock_read_lock(&arr->rwlock);
	run = next ? run_up(arr, start, used) : run_down(arr, start, used);
	rte_rwlock_read_unlock(&arr->rwlock);
	return (int)run;
}

int
rte_fbarray_find_contig_free(struct rte_fbarray *arr, unsigned int start)
{
	return find_contig(__func__, arr, start, true, false);
}

int
rte_fbarray_find_contig_used(struct rte_fbarray *arr, unsigned int start)
{
	return find_contig(__func__, arr, start, true, true);
}

int
rte_fbarray_find_rev_contig_free(struct rte_fbarray *arr, unsigned int start)
{
	return find_contig(__func__, arr, start, false, false);
}

int
rte_fbarray_find_rev_contig_used(struct rte_fbarray *arr, unsigned int start)
{
	return find_contig(__func__, arr, start, false, true);
}

/* Ties go to the run met first: the lowest one upwards, the highest one downwards. */
static int
find_biggest(const char *func, struct rte_fbarray *arr, unsigned int start, bool next,
		bool used)
{
	unsigned int best_len = 0, run, s;
	int best = -1, pos = (int)start, found;

	if (check_index(func, arr, start) < 0)
		return -1;
	rte_rwlock_read_lock(&arr->rwlock);
	while (pos >= 0 && (unsigned int)pos < arr->len) {
		if (next) {
			found = scan_next(arr, (unsigned int)pos, used);
			if (found < 0)
				break;
			s = (unsigned int)found;
			run = run_up(arr, s, used);
			pos = (int)(s + run);
		} else {
			found = scan_prev(arr, (unsigned int)pos, used);
			if (found < 0)
				break;
			run = run_down(arr, (unsigned int)found, used);
			s = (unsigned int)found - run + 1;
			pos = (int)s - 1;
		}
		if (run > best_len) {
			best_len = run;
			best = (int)s;
		}
	}
	rte_rwlock_read_unlock(&arr->rwlock);
	return best < 0 ? not_found(used) : best;
}

int
rte_fbarray_find_biggest_free(struct rte_fbarray *arr, unsigned int start)
{
	return find_biggest(__func__, arr, start, true, false);
}

int
rte_fbarray_find_biggest_used(struct rte_fbarray *arr, unsigned int start)
{
	return find_biggest(__func__, arr, start, true, true);
}

int
rte_fbarray_find_rev_biggest_free(struct rte_fbarray *arr, unsigned int start)
{
	return find_biggest(__func__, arr, start, false, false);
}

int
rte_fbarray_find_rev_biggest_used(struct rte_fbarray *arr, unsigned int start)
{
	return find_biggest(__func__, arr, start, false, true);
}

void
rte_fbarray_dump_metadata(struct rte_fbarray *arr, FILE *f)
{
	unsigned int i, n;

	if (arr == NULL || f == NULL) {
		rte_errno = EINVAL;
		return;
	}
	if (arr->data == NULL || arr->len == 0 || arr->len > INT_MAX || arr->elt_sz == 0 ||
			strnlen(arr->name, RTE_FBARRAY_NAME_LEN) == RTE_FBARRAY_NAME_LEN) {
		fprintf(f, "Invalid file-backed array\n");
		return;
	}
	rte_rwlock_read_lock(&arr->rwlock);
	fprintf(f, "File-backed array: %s\n", arr->name);
	fprintf(f, "size: %u occupied: %u elt_sz: %u\n", arr->len, arr->count, arr->elt_sz);
	n = mask_words(arr->len);
	for (i = 0; i < n; i++)
		fprintf(f, "msk idx %u: 0x%016" PRIx64 "\n", i, used_mask(arr)[i]);
	rte_rwlock_read_unlock(&arr->rwlock);
}
