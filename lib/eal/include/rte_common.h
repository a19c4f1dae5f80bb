/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Macros and small helpers used everywhere: attributes, alignment, min/max, container_of,
 * power-of-two arithmetic.
 */
#ifndef _RTE_COMMON_H_
#define _RTE_COMMON_H_

#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <errno.h>

#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef typeof
#define typeof __typeof__
#endif
#ifndef asm
#define asm __asm__
#endif

#define RTE_TOOLCHAIN_GCC 1

#define RTE_STD_C11 __extension__

#define __rte_aligned(a) __attribute__((__aligned__(a)))
#define __rte_packed __attribute__((__packed__))
#define __rte_may_alias __attribute__((__may_alias__))
#define __rte_weak __attribute__((__weak__))
#define __rte_used __attribute__((used))
#define __rte_unused __attribute__((__unused__))
#define __rte_restrict __restrict
#define __rte_noreturn __attribute__((__noreturn__))
#define __rte_warn_unused_result __attribute__((warn_unused_result))
#define __rte_always_inline inline __attribute__((always_inline))
#define __rte_noinline __attribute__((noinline))
#define __rte_hot __attribute__((hot))
#define __rte_cold __attribute__((cold))
#define __rte_format_printf(format_index, first_arg) \
	__attribute__((format(printf, format_index, first_arg)))
#define __rte_alloc_size(...) __attribute__((alloc_size(__VA_ARGS__)))
#define __rte_malloc __attribute__((__malloc__))
#define __rte_deprecated __attribute__((__deprecated__))
#define __rte_cache_aligned __rte_aligned(RTE_CACHE_LINE_SIZE)
#define __rte_cache_min_aligned __rte_aligned(RTE_CACHE_LINE_MIN_SIZE)
#define __rte_unreachable() __builtin_unreachable()

#define RTE_CACHE_LINE_MIN_SIZE 64
#define RTE_CACHE_LINE_MASK (RTE_CACHE_LINE_SIZE - 1)
#define RTE_CACHE_LINE_ROUNDUP(size) RTE_ALIGN_CEIL(size, RTE_CACHE_LINE_SIZE)
#define RTE_CACHE_LINE_SIZE_LOG2 6

/* Markers inside structures, used to name offsets without taking space. */
typedef void *RTE_MARKER[0];
typedef uint8_t RTE_MARKER8[0];
typedef uint16_t RTE_MARKER16[0];
typedef uint32_t RTE_MARKER32[0];
typedef uint64_t RTE_MARKER64[0];

/* Constructor priorities: buses before classes before drivers. */
#define RTE_PRIORITY_LOG 101
#define RTE_PRIORITY_BUS 110
#define RTE_PRIORITY_CLASS 120
#define RTE_PRIORITY_LAST 65535
#define RTE_PRIO(prio) RTE_PRIORITY_ ## prio

#define RTE_INIT_PRIO(func, prio) \
	static void __attribute__((constructor(RTE_PRIO(prio)), used)) func(void)
#define RTE_INIT(func) RTE_INIT_PRIO(func, LAST)
#define RTE_FINI_PRIO(func, prio) \
	static void __attribute__((destructor(RTE_PRIO(prio)), used)) func(void)
#define RTE_FINI(func) RTE_FINI_PRIO(func, LAST)

#define RTE_SET_USED(x) (void)(x)
#define RTE_DIM(a) (sizeof(a) / sizeof((a)[0]))
#define RTE_STR_(x) #x
#define RTE_STR(x) RTE_STR_(x)
#define RTE_PASTE_(a, b) a ## b
#define RTE_PASTE(a, b) RTE_PASTE_(a, b)

#define RTE_MIN(a, b) \
	__extension__ ({ typeof(a) _a = (a); typeof(b) _b = (b); _a < _b ? _a : _b; })
#define RTE_MAX(a, b) \
	__extension__ ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })
#define RTE_MIN_T(a, b, t) ((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define RTE_MAX_T(a, b, t) ((t)(a) > (t)(b) ? (t)(a) : (t)(b))

#define RTE_PTR_ADD(ptr, x) ((void *)((uintptr_t)(ptr) + (x)))
#define RTE_PTR_SUB(ptr, x) ((void *)((uintptr_t)(ptr) - (x)))
#define RTE_PTR_DIFF(ptr1, ptr2) ((uintptr_t)(ptr1) - (uintptr_t)(ptr2))
#define RTE_CAST_FIELD(var, field, type) \
	(*(type *)((uintptr_t)(var) + offsetof(typeof(*(var)), field)))

#define RTE_PTR_ALIGN_FLOOR(ptr, align) \
	((typeof(ptr))RTE_ALIGN_FLOOR((uintptr_t)(ptr), align))
#define RTE_ALIGN_FLOOR(val, align) \
	(typeof(val))((val) & (~((typeof(val))((align) - 1))))
#define RTE_PTR_ALIGN_CEIL(ptr, align) \
	RTE_PTR_ALIGN_FLOOR((typeof(ptr))RTE_PTR_ADD(ptr, (align) - 1), align)
#define RTE_ALIGN_CEIL(val, align) \
	RTE_ALIGN_FLOOR(((val) + ((typeof(val))(align) - 1)), align)
#define RTE_PTR_ALIGN(ptr, align) RTE_PTR_ALIGN_CEIL(ptr, align)
#define RTE_ALIGN(val, align) RTE_ALIGN_CEIL(val, align)
#define RTE_ALIGN_MUL_CEIL(v, mul) \
	((((v) + (typeof(v))(mul) - 1) / ((typeof(v))(mul))) * (typeof(v))(mul))
#define RTE_ALIGN_MUL_FLOOR(v, mul) (((v) / ((typeof(v))(mul))) * (typeof(v))(mul))
#define RTE_IS_POWER_OF_2(n) ((n) && !(((n) - 1) & (n)))

#define RTE_BUILD_BUG_ON(condition) _Static_assert(!(condition), #condition)

#define RTE_LEN2MASK(ln, tp) ((tp)((uint64_t)-1 >> (sizeof(uint64_t) * CHAR_BIT - (ln))))

#ifndef container_of
#define container_of(ptr, type, member) __extension__ ({ \
		const typeof(((type *)0)->member) *_ptr = (ptr); \
		__rte_unused type *_target_ptr = (type *)(ptr); \
		(type *)(((uintptr_t)_ptr) - offsetof(type, member)); \
	})
#endif

#define RTE_SIZEOF_FIELD(type, field) (sizeof(((type *)0)->field))

#define KB (1ULL << 10)
#define MB (1ULL << 20)
#define GB (1ULL << 30)
#define RTE_PGSIZE_4K (1ULL << 12)
#define RTE_PGSIZE_2M (1ULL << 21)
#define RTE_PGSIZE_1G (1ULL << 30)

/** Is ptr aligned on align (a power of two)? */
static inline int
rte_is_aligned(const void *const __rte_restrict ptr, const unsigned int align)
{
	return ((uintptr_t)ptr & (align - 1)) == 0;
}

static inline int
rte_is_power_of_2(uint32_t n)
{
	return n && !(n & (n - 1));
}

/** Smallest power of two not below x (x = 0 gives 0). */
static inline uint32_t
rte_align32pow2(uint32_t x)
{
	if (x <= 1)
		return x;
	return (uint32_t)1 << (32 - __builtin_clz(x - 1));
}

static inline uint32_t
rte_align32prevpow2(uint32_t x)
{
	if (x == 0)
		return 0;
	return (uint32_t)1 << (31 - __builtin_clz(x));
}

static inline uint64_t
rte_align64pow2(uint64_t v)
{
	if (v <= 1)
		return v;
	return (uint64_t)1 << (64 - __builtin_clzll(v - 1));
}

static inline uint64_t
rte_align64prevpow2(uint64_t v)
{
	if (v == 0)
		return 0;
	return (uint64_t)1 << (63 - __builtin_clzll(v));
}

static inline uint32_t
rte_bsf32(uint32_t v)
{
	return (uint32_t)__builtin_ctz(v);
}

static inline uint32_t
rte_log2_u32(uint32_t v)
{
	if (v == 0)
		return 0;
	v = rte_align32pow2(v);
	return rte_bsf32(v);
}

static inline uint32_t
rte_log2_u64(uint64_t v)
{
	if (v == 0)
		return 0;
	v = rte_align64pow2(v);
	return (uint32_t)__builtin_ctzll(v);
}

static inline uint32_t
rte_fls_u32(uint32_t x)
{
	return (x == 0) ? 0 : 32 - __builtin_clz(x);
}

static inline uint32_t
rte_fls_u64(uint64_t x)
{
	return (x == 0) ? 0 : 64 - __builtin_clzll(x);
}

static inline uint32_t
rte_combine32ms1b(uint32_t x)
{
	x |= x >> 1;
	x |= x >> 2;
	x |= x >> 4;
	x |= x >> 8;
	x |= x >> 16;
	return x;
}

/** Parse a size with an optional K/M/G/T suffix ("512M"); 0 on error. */
static inline uint64_t
rte_str_to_size(const char *str)
{
	char *endptr;
	unsigned long long size;

	while (*str == ' ' || *str == '\t')
		str++;
	if (*str == '-')
		return 0;
	errno = 0;
	size = strtoull(str, &endptr, 0);
	if (errno)
		return 0;
	if (*endptr == ' ')
		endptr++;
	switch (*endptr) {
	case 'E': case 'e': size *= 1024; /* fall through */
	case 'P': case 'p': size *= 1024; /* fall through */
	case 'T': case 't': size *= 1024; /* fall through */
	case 'G': case 'g': size *= 1024; /* fall through */
	case 'M': case 'm': size *= 1024; /* fall through */
	case 'K': case 'k': size *= 1024; /* fall through */
	default:
		break;
	}
	return size;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_COMMON_H_ */
