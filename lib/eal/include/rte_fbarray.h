/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef RTE_FBARRAY_H
#define RTE_FBARRAY_H

/**
 * @file
 *
 * Shared indexed array of fixed-size elements, each marked used or free.
 *
 * The elements and their used/free marks live in one memory area. When the EAL owns a
 * runtime directory, that area is a file there ("fbarray_<name>") mapped shared, so another
 * process can map the same elements with rte_fbarray_attach(); otherwise (--in-memory,
 * --no-shconf, or before rte_eal_init) it is anonymous memory private to the process.
 *
 * rte_fbarray_init() and rte_fbarray_destroy() affect every process using the array;
 * rte_fbarray_attach() and rte_fbarray_detach() only the calling one. The structure itself
 * (name, sizes, counters, lock) must be in memory all processes share for them to agree on
 * it. Marking elements and searching take the structure's lock; rte_fbarray_get() does not.
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <stdio.h>

#include <rte_rwlock.h>

/** Size of the name buffer of an array, terminating NUL included. */
#define RTE_FBARRAY_NAME_LEN 64

/** An array; set up by rte_fbarray_init(), read-only for its users except via the API. */
struct rte_fbarray {
	char name[RTE_FBARRAY_NAME_LEN]; /**< name associated with an array */
	unsigned int count;              /**< number of entries stored */
	unsigned int len;                /**< current length of the array */
	unsigned int elt_sz;             /**< size of each element */
	void *data;                      /**< data pointer */
	rte_rwlock_t rwlock;             /**< multiprocess lock */
};

/**
 * Create an array of len zeroed elements of elt_sz bytes, all free.
 *
 * @param arr
 *   Structure to fill in.
 * @param name
 *   Name unique among the arrays of this --file-prefix.
 * @param len
 *   Number of elements, 1 to INT_MAX.
 * @param elt_sz
 *   Size of one element in bytes, not 0.
 * @return
 *   0, or -1 with rte_errno set: EINVAL (NULL pointer, len or elt_sz out of range),
 *   ENAMETOOLONG (name does not fit RTE_FBARRAY_NAME_LEN), EBUSY (name in use), or the
 *   errno of the file or mapping operation that failed.
 */
int
rte_fbarray_init(struct rte_fbarray *arr, const char *name, unsigned int len,
		unsigned int elt_sz);

/**
 * Map, in this process, the elements of an array another process created.
 *
 * The elements are mapped at arr->data, the address they have in the creating process.
 *
 * @param arr
 *   Structure filled in by rte_fbarray_init() in another process.
 * @return
 *   0, or -1 with rte_errno set: EINVAL (bad structure), ENAMETOOLONG, ENOTSUP (this
 *   process has no shared runtime directory), EEXIST (something is already mapped at
 *   arr->data in this process), ENOENT (no such array), EBUSY, or the errno of the
 *   mapping operation that failed.
 */
int
rte_fbarray_attach(struct rte_fbarray *arr);

/**
 * Release an array for all processes: unmap it, remove its file and zero the structure.
 *
 * @param arr
 *   Structure set up by rte_fbarray_init() or rte_fbarray_attach() in this process.
 * @return
 *   0, or -1 with rte_errno set: EINVAL (arr NULL), ENOENT (no array of these sizes is
 *   mapped at arr->data in this process), EBUSY (another process is still attached;
 *   nothing is changed).
 */
int
rte_fbarray_destroy(struct rte_fbarray *arr);

/**
 * Unmap an array from this process only; the array and its structure stay as they are.
 *
 * @param arr
 *   Structure set up by rte_fbarray_init() or rte_fbarray_attach() in this process.
 * @return
 *   0, or -1 with rte_errno set: EINVAL (arr NULL), ENOENT (no array of these sizes is
 *   mapped at arr->data in this process).
 */
int
rte_fbarray_detach(struct rte_fbarray *arr);

/**
 * Address of element idx, used or free.
 *
 * @return
 *   The address, or NULL with rte_errno EINVAL (arr NULL or idx not below arr->len).
 */
void *
rte_fbarray_get(const struct rte_fbarray *arr, unsigned int idx);

/**
 * Index of the element containing the byte at elt.
 *
 * @return
 *   The index, or -1 with rte_errno EINVAL (NULL pointer or elt outside the elements).
 */
int
rte_fbarray_find_idx(const struct rte_fbarray *arr, const void *elt);

/**
 * Mark element idx used; marking a used element again changes nothing.
 *
 * @return
 *   0, or -1 with rte_errno EINVAL (arr NULL or idx out of range).
 */
int
rte_fbarray_set_used(struct rte_fbarray *arr, unsigned int idx);

/**
 * Mark element idx free; marking a free element again changes nothing.
 *
 * @return
 *   0, or -1 with rte_errno EINVAL (arr NULL or idx out of range).
 */
int
rte_fbarray_set_free(struct rte_fbarray *arr, unsigned int idx);

/**
 * Is element idx used?
 *
 * @return
 *   1 if used, 0 if free, -1 with rte_errno EINVAL (arr NULL or idx out of range).
 */
int
rte_fbarray_is_used(struct rte_fbarray *arr, unsigned int idx);

/**
 * Lowest index of a free element at or above start.
 *
 * @return
 *   The index, or -1 with rte_errno EINVAL (arr NULL or start out of range) or ENOSPC
 *   (no free element there).
 */
int
rte_fbarray_find_next_free(struct rte_fbarray *arr, unsigned int start);

/**
 * Lowest index of a used element at or above start.
 *
 * @return
 *   The index, or -1 with rte_errno EINVAL (arr NULL or start out of range) or ENOENT
 *   (no used element there).
 */
int
rte_fbarray_find_next_used(struct rte_fbarray *arr, unsigned int start);

/**
 * Lowest index at or above start where n free elements follow each other.
 *
 * @return
 *   The first index of the run, or -1 with rte_errno EINVAL (arr NULL, start out of
 *   range, n 0 or more than arr->len) or ENOSPC (no such run, also when n is more than
 *   the elements from start to the end).
 */
int
rte_fbarray_find_next_n_free(struct rte_fbarray *arr, unsigned int start,
		unsigned int n);

/**
 * Lowest index at or above start where n used elements follow each other.
 *
 * @return
 *   The first index of the run, or -1 with rte_errno EINVAL (arr NULL, start out of
 *   range, n 0 or more than arr->len) or ENOENT (no such run, also when n is more than
 *   the elements from start to the end).
 */
int
rte_fbarray_find_next_n_used(struct rte_fbarray *arr, unsigned int start,
		unsigned int n);

/**
 * Number of free elements from start upwards before the first used one (0 if start is used).
 *
 * @return
 *   The number, or -1 with rte_errno EINVAL (arr NULL or start out of range).
 */
int
rte_fbarray_find_contig_free(struct rte_fbarray *arr,
		unsigned int start);

/**
 * Number of used elements from start upwards before the first free one (0 if start is free).
 *
 * @return
 *   The number, or -1 with rte_errno EINVAL (arr NULL or start out of range).
 */
int
rte_fbarray_find_contig_used(struct rte_fbarray *arr, unsigned int start);

/**
 * Highest index of a free element at or below start.
 *
 * @return
 *   The index, or -1 with rte_errno EINVAL (arr NULL or start out of range) or ENOSPC.
 */
int
rte_fbarray_find_prev_free(struct rte_fbarray *arr, unsigned int start);

/**
 * Highest index of a used element at or below start.
 *
 * @return
 *   The index, or -1 with rte_errno EINVAL (arr NULL or start out of range) or ENOENT.
 */
int
rte_fbarray_find_prev_used(struct rte_fbarray *arr, unsigned int start);

/**
 * First index of the highest run of n free elements that ends at or below start.
 *
 * @return
 *   The first index of the run, or -1 with rte_errno EINVAL (arr NULL, start out of
 *   range, n 0 or more than arr->len) or ENOSPC (no such run, also when n is more than
 *   start + 1).
 */
int
rte_fbarray_find_prev_n_free(struct rte_fbarray *arr, unsigned int start,
		unsigned int n);

/**
 * First index of the highest run of n used elements that ends at or below start.
 *
 * @return
 *   The first index of the run, or -1 with rte_errno EINVAL (arr NULL, start out of
 *   range, n 0 or more than arr->len) or ENOENT (no such run, also when n is more than
 *   start + 1).
 */
int
rte_fbarray_find_prev_n_used(struct rte_fbarray *arr, unsigned int start,
		unsigned int n);

/**
 * Number of free elements from start downwards before the first used one.
 *
 * @return
 *   The number (0 if start is used), or -1 with rte_errno EINVAL.
 */
int
rte_fbarray_find_rev_contig_free(struct rte_fbarray *arr,
		unsigned int start);

/**
 * Number of used elements from start downwards before the first free one.
 *
 * @return
 *   The number (0 if start is free), or -1 with rte_errno EINVAL.
 */
int
rte_fbarray_find_rev_contig_used(struct rte_fbarray *arr, unsigned int start);

/**
 * First index of the longest run of free elements at or above start (the lowest such run
 * when several are as long).
 *
 * @return
 *   The index, or -1 with rte_errno EINVAL (arr NULL or start out of range) or ENOSPC.
 */
int
rte_fbarray_find_biggest_free(struct rte_fbarray *arr, unsigned int start);

/**
 * First index of the longest run of used elements at or above start (the lowest such run
 * when several are as long).
 *
 * @return
 *   The index, or -1 with rte_errno EINVAL (arr NULL or start out of range) or ENOENT.
 */
int
rte_fbarray_find_biggest_used(struct rte_fbarray *arr, unsigned int start);

/**
 * First index of the longest run of free elements at or below start, counting only the
 * part of a run that is at or below start (the highest such run when several are as long).
 *
 * @return
 *   The index, or -1 with rte_errno EINVAL (arr NULL or start out of range) or ENOSPC.
 */
int
rte_fbarray_find_rev_biggest_free(struct rte_fbarray *arr, unsigned int start);

/**
 * First index of the longest run of used elements at or below start, counting only the
 * part of a run that is at or below start (the highest such run when several are as long).
 *
 * @return
 *   The index, or -1 with rte_errno EINVAL (arr NULL or start out of range) or ENOENT.
 */
int
rte_fbarray_find_rev_biggest_used(struct rte_fbarray *arr, unsigned int start);

/**
 * Print the name, sizes and used/free masks of an array to f, or a line saying the
 * structure is not valid. With arr or f NULL, prints nothing and sets rte_errno to EINVAL.
 */
void
rte_fbarray_dump_metadata(struct rte_fbarray *arr, FILE *f);

#ifdef __cplusplus
}
#endif

#endif /* RTE_FBARRAY_H */
