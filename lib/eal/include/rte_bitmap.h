/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Two-level bitmaps in caller-provided memory, made to find set bits fast in a large, mostly
 * empty bitmap. Level 2 (array2) holds the bits, in 64-bit slabs; level 1 (array1) has one
 * bit per cache line of array2, set when that line has any bit set, so a scan skips empty
 * lines without reading them. Not thread-safe: callers serialise access.
 *
 * rte_bitmap_scan() returns, one call at a time, each 64-bit slab that has a set bit, going
 * round the bitmap from where the previous call stopped.
 */
#ifndef __INCLUDE_RTE_BITMAP_H__
#define __INCLUDE_RTE_BITMAP_H__

#ifdef __cplusplus
extern "C" {
#endif

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_prefetch.h>

/* Slab: one 64-bit word of bits. */
#define RTE_BITMAP_SLAB_BIT_SIZE 64 /**< bits per slab */
#define RTE_BITMAP_SLAB_BIT_SIZE_LOG2 6 /**< log2 of RTE_BITMAP_SLAB_BIT_SIZE */
#define RTE_BITMAP_SLAB_BIT_MASK (RTE_BITMAP_SLAB_BIT_SIZE - 1) /**< bit index within a slab */

/* Cache line of array2. */
#define RTE_BITMAP_CL_BIT_SIZE (RTE_CACHE_LINE_SIZE * 8) /**< bits per cache line */
/** log2 of RTE_BITMAP_CL_BIT_SIZE */
#define RTE_BITMAP_CL_BIT_SIZE_LOG2 (RTE_CACHE_LINE_SIZE_LOG2 + 3)
#define RTE_BITMAP_CL_BIT_MASK (RTE_BITMAP_CL_BIT_SIZE - 1) /**< bit index within a line */
/** Slabs per cache line. */
#define RTE_BITMAP_CL_SLAB_SIZE (RTE_BITMAP_CL_BIT_SIZE / RTE_BITMAP_SLAB_BIT_SIZE)
/** log2 of RTE_BITMAP_CL_SLAB_SIZE */
#define RTE_BITMAP_CL_SLAB_SIZE_LOG2 (RTE_BITMAP_CL_BIT_SIZE_LOG2 - RTE_BITMAP_SLAB_BIT_SIZE_LOG2)
/** Slab index within a cache line. */
#define RTE_BITMAP_CL_SLAB_MASK (RTE_BITMAP_CL_SLAB_SIZE - 1)

/** A bitmap; it sits at the start of the memory given to rte_bitmap_init(). */
struct rte_bitmap {
	uint64_t *array1;     /**< level 1: one bit per cache line of array2 */
	uint64_t *array2;     /**< level 2: the bits */
	uint32_t array1_size; /**< slabs of array1 in use */
	uint32_t array2_size; /**< slabs of array2 */

	uint32_t index1;      /**< scan: array1 slab of the current line */
	uint32_t offset1;     /**< scan: bit of that slab, i.e. the current line */
	uint32_t index2;      /**< scan: next array2 slab to look at */
	uint32_t go2;         /**< scan: non-zero while the current line is being walked */

	uint8_t memory[];     /**< array1 and array2 follow */
};

/* Layout of a bitmap of n_bits bits: offsets and sizes, and the total (in bytes). */
static inline uint32_t
__rte_bitmap_get_memory_footprint(uint32_t n_bits, uint32_t *array1_byte_offset,
	uint32_t *array1_slabs, uint32_t *array2_byte_offset, uint32_t *array2_slabs)
{
	const uint32_t slab_bytes = RTE_BITMAP_SLAB_BIT_SIZE / 8;
	uint32_t lines2, slabs1, header_slabs, lines_before2;

	lines2 = (n_bits + RTE_BITMAP_CL_BIT_SIZE - 1) / RTE_BITMAP_CL_BIT_SIZE;
	slabs1 = rte_align32pow2((lines2 + RTE_BITMAP_SLAB_BIT_SIZE - 1) /
		RTE_BITMAP_SLAB_BIT_SIZE);
	header_slabs = (uint32_t)((sizeof(struct rte_bitmap) + slab_bytes - 1) / slab_bytes);
	/* The header and array1 share the first cache lines; array2 starts on its own line. */
	lines_before2 = (header_slabs + slabs1 + RTE_BITMAP_CL_SLAB_SIZE - 1) /
		RTE_BITMAP_CL_SLAB_SIZE;
	if (array1_byte_offset != NULL)
		*array1_byte_offset = header_slabs * slab_bytes;
	if (array1_slabs != NULL)
		*array1_slabs = slabs1;
	if (array2_byte_offset != NULL)
		*array2_byte_offset = lines_before2 * RTE_CACHE_LINE_SIZE;
	if (array2_slabs != NULL)
		*array2_slabs = lines2 * RTE_BITMAP_CL_SLAB_SIZE;
	return (lines_before2 + lines2) * RTE_CACHE_LINE_SIZE;
}

/* Restart scanning from the first slab. */
static inline void
__rte_bitmap_scan_init(struct rte_bitmap *bmp)
{
	bmp->index1 = 0;
	bmp->offset1 = 0;
	bmp->index2 = 0;
	bmp->go2 = 0;
}

/**
 * Bytes of memory a bitmap of n_bits bits needs (header included).
 * @param n_bits number of bits
 * @return the size to give rte_bitmap_init(), 0 for n_bits 0
 */
static inline uint32_t
rte_bitmap_get_memory_footprint(uint32_t n_bits)
{
	if (n_bits == 0)
		return 0;
	return __rte_bitmap_get_memory_footprint(n_bits, NULL, NULL, NULL, NULL);
}

/**
 * Make an empty bitmap of n_bits bits in mem.
 * @param n_bits number of bits, not 0
 * @param mem memory aligned on a cache line, of at least rte_bitmap_get_memory_footprint() bytes
 * @param mem_size bytes at mem
 * @return the bitmap (at mem), or NULL when an argument is wrong
 */
static inline struct rte_bitmap *
rte_bitmap_init(uint32_t n_bits, uint8_t *mem, uint32_t mem_size)
{
	uint32_t off1, slabs1, off2, slabs2, size;
	struct rte_bitmap *bmp;

	if (n_bits == 0 || mem == NULL || ((uintptr_t)mem & RTE_CACHE_LINE_MASK) != 0)
		return NULL;
	size = __rte_bitmap_get_memory_footprint(n_bits, &off1, &slabs1, &off2, &slabs2);
	if (size > mem_size)
		return NULL;
	memset(mem, 0, size);
	bmp = (struct rte_bitmap *)mem;
	bmp->array1 = (uint64_t *)(uintptr_t)&mem[off1];
	bmp->array1_size = slabs1;
	bmp->array2 = (uint64_t *)(uintptr_t)&mem[off2];
	bmp->array2_size = slabs2;
	__rte_bitmap_scan_init(bmp);
	return bmp;
}

/**
 * Make a bitmap of n_bits bits in mem with every one of them set.
 * @param n_bits number of bits, not 0
 * @param mem memory aligned on a cache line, of at least rte_bitmap_get_memory_footprint() bytes
 * @param mem_size bytes at mem
 * @return the bitmap (at mem), or NULL when an argument is wrong
 */
static inline struct rte_bitmap *
rte_bitmap_init_with_all_set(uint32_t n_bits, uint8_t *mem, uint32_t mem_size)
{
	struct rte_bitmap *bmp = rte_bitmap_init(n_bits, mem, mem_size);
	uint32_t lines, full, rest, i;

	if (bmp == NULL)
		return NULL;
	/* array2: every bit below n_bits. */
	full = n_bits / RTE_BITMAP_SLAB_BIT_SIZE;
	rest = n_bits % RTE_BITMAP_SLAB_BIT_SIZE;
	memset(bmp->array2, 0xff, (size_t)full * sizeof(uint64_t));
	if (rest != 0)
		bmp->array2[full] = (UINT64_C(1) << rest) - 1;
	/* array1: one bit per line that holds any of them. */
	lines = (n_bits + RTE_BITMAP_CL_BIT_SIZE - 1) / RTE_BITMAP_CL_BIT_SIZE;
	for (i = 0; i < lines; i++)
		bmp->array1[i / RTE_BITMAP_SLAB_BIT_SIZE] |= UINT64_C(1) << (i % 64);
	return bmp;
}

/**
 * Release a bitmap; the memory stays the caller's.
 * @param bmp the bitmap
 * @return 0, or -EINVAL for NULL
 */
static inline int
rte_bitmap_free(struct rte_bitmap *bmp)
{
	if (bmp == NULL)
		return -EINVAL;
	return 0;
}

/**
 * Clear every bit and restart scanning from the start.
 * @param bmp the bitmap
 */
static inline void
rte_bitmap_reset(struct rte_bitmap *bmp)
{
	memset(bmp->array1, 0, bmp->array1_size * sizeof(uint64_t));
	memset(bmp->array2, 0, bmp->array2_size * sizeof(uint64_t));
	__rte_bitmap_scan_init(bmp);
}

/**
 * Prefetch the slab holding bit pos.
 * @param bmp the bitmap
 * @param pos a bit position
 */
static inline void
rte_bitmap_prefetch0(struct rte_bitmap *bmp, uint32_t pos)
{
	rte_prefetch0(&bmp->array2[pos >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2]);
}

/**
 * Read one bit.
 * @param bmp the bitmap
 * @param pos bit position, below the bitmap's size
 * @return non-zero if the bit is set, 0 if not
 */
static inline uint64_t
rte_bitmap_get(struct rte_bitmap *bmp, uint32_t pos)
{
	return bmp->array2[pos >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] &
		(UINT64_C(1) << (pos & RTE_BITMAP_SLAB_BIT_MASK));
}

/* Mark the cache line of array2 holding bit pos as not empty. */
static inline void
__rte_bitmap_line_set(struct rte_bitmap *bmp, uint32_t pos)
{
	uint32_t line = pos >> RTE_BITMAP_CL_BIT_SIZE_LOG2;

	bmp->array1[line >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] |=
		UINT64_C(1) << (line & RTE_BITMAP_SLAB_BIT_MASK);
}

/**
 * Set one bit.
 * @param bmp the bitmap
 * @param pos bit position, below the bitmap's size
 */
static inline void
rte_bitmap_set(struct rte_bitmap *bmp, uint32_t pos)
{
	bmp->array2[pos >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] |=
		UINT64_C(1) << (pos & RTE_BITMAP_SLAB_BIT_MASK);
	__rte_bitmap_line_set(bmp, pos);
}

/**
 * Set several bits of one slab at once.
 * @param bmp the bitmap
 * @param pos any bit position inside the slab
 * @param slab the bits to set in it (OR-ed in); 0 changes nothing
 */
static inline void
rte_bitmap_set_slab(struct rte_bitmap *bmp, uint32_t pos, uint64_t slab)
{
	if (slab == 0)
		return;
	bmp->array2[pos >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] |= slab;
	__rte_bitmap_line_set(bmp, pos);
}

/**
 * Clear one bit.
 * @param bmp the bitmap
 * @param pos bit position, below the bitmap's size
 */
static inline void
rte_bitmap_clear(struct rte_bitmap *bmp, uint32_t pos)
{
	uint32_t slab = pos >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2;
	uint32_t first = slab & ~(uint32_t)RTE_BITMAP_CL_SLAB_MASK;
	uint32_t line = pos >> RTE_BITMAP_CL_BIT_SIZE_LOG2;
	uint32_t i;

	bmp->array2[slab] &= ~(UINT64_C(1) << (pos & RTE_BITMAP_SLAB_BIT_MASK));
	if (bmp->array2[slab] != 0)
		return;
	/* The slab became empty: if the whole line did, say so in array1. */
	for (i = first; i < first + RTE_BITMAP_CL_SLAB_SIZE; i++)
		if (bmp->array2[i] != 0)
			return;
	bmp->array1[line >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] &=
		~(UINT64_C(1) << (line & RTE_BITMAP_SLAB_BIT_MASK));
}

/**
 * Find the next slab that has a set bit, going on from where the previous scan stopped and
 * wrapping round at the end.
 * @param bmp the bitmap
 * @param pos set to the position of the slab's first bit (a multiple of 64)
 * @param slab set to the slab's bits
 * @return 1 when a slab was found, 0 when the bitmap is empty
 */
static inline int
rte_bitmap_scan(struct rte_bitmap *bmp, uint32_t *pos, uint64_t *slab)
{
	uint32_t lines = bmp->array2_size / RTE_BITMAP_CL_SLAB_SIZE;
	uint32_t start = bmp->index2 < bmp->array2_size ? bmp->index2 : 0;
	uint32_t n, i = start;

	/* At most every slab once, plus the part of the starting line before start. */
	for (n = 0; n <= bmp->array2_size; n++) {
		uint32_t line = i / RTE_BITMAP_CL_SLAB_SIZE;

		if ((i & RTE_BITMAP_CL_SLAB_MASK) == 0 &&
				!(bmp->array1[line >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2] &
				(UINT64_C(1) << (line & RTE_BITMAP_SLAB_BIT_MASK)))) {
			/* Empty line: skip it whole. */
			n += RTE_BITMAP_CL_SLAB_SIZE - 1;
			i = (line + 1 < lines) ? i + RTE_BITMAP_CL_SLAB_SIZE : 0;
			continue;
		}
		if (bmp->array2[i] != 0) {
			*pos = i << RTE_BITMAP_SLAB_BIT_SIZE_LOG2;
			*slab = bmp->array2[i];
			bmp->index2 = i + 1;
			bmp->index1 = line >> RTE_BITMAP_SLAB_BIT_SIZE_LOG2;
			bmp->offset1 = line & RTE_BITMAP_SLAB_BIT_MASK;
			bmp->go2 = (bmp->index2 & RTE_BITMAP_CL_SLAB_MASK) != 0;
			return 1;
		}
		i = (i + 1 < bmp->array2_size) ? i + 1 : 0;
	}
	__rte_bitmap_scan_init(bmp);
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif /* __INCLUDE_RTE_BITMAP_H__ */
