/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
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
/** GNU typeof under its keyword-safe name, for strict C modes. */
#define typeof __typeof__
#endif
#ifndef asm
/** GNU asm under its keyword-safe name, for strict C modes. */
#define asm __asm__
#endif

#define RTE_TOOLCHAIN_GCC 1 /**< Built with GCC or a compatible compiler (clang). */

#if defined(__clang__)
#define RTE_CC_CLANG /**< Defined when the compiler is clang. */
#elif defined(__INTEL_COMPILER)
#define RTE_CC_ICC /**< Defined when the compiler is Intel's. */
#else
#define RTE_CC_GCC /**< Defined when the compiler is GCC. */
#endif
/** 1 when the compiler is GCC proper (not clang or ICC that also define __GNUC__), else 0. */
#ifdef RTE_CC_GCC
#define RTE_CC_IS_GNU 1
#else
#define RTE_CC_IS_GNU 0
#endif

/** Marks C11 constructs (anonymous unions) so that pedantic builds accept them. */
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
/** Mark a function or variable deprecated, with msg in the compiler's warning. */
#define __rte_deprecated_msg(msg) __attribute__((__deprecated__(msg)))
/** Turn x into a _Pragma operator (usable inside macros). */
#define RTE_PRAGMA(x) _Pragma(#x)
/** Emit compiler warning w where the macro is used. */
#define RTE_PRAGMA_WARNING(w) RTE_PRAGMA(GCC warning #w)
/** Put inside a macro's expansion: every use warns at build time that x is deprecated. */
#define RTE_DEPRECATED(x) RTE_PRAGMA_WARNING(#x is deprecated)
/** Leave a function out of AddressSanitizer instrumentation. */
#if defined(__clang__)
#define __rte_no_asan __attribute__((no_sanitize("address", "hwaddress")))
#else
#define __rte_no_asan __attribute__((no_sanitize_address))
#endif
#define __rte_cache_aligned __rte_aligned(RTE_CACHE_LINE_SIZE)
#define __rte_cache_min_aligned __rte_aligned(RTE_CACHE_LINE_MIN_SIZE)
#define __rte_unreachable() __builtin_unreachable()

#define RTE_CACHE_LINE_MIN_SIZE 64 /**< Smallest cache line size of supported CPUs. */
/** Bits of an address below the cache line size. */
#define RTE_CACHE_LINE_MASK (RTE_CACHE_LINE_SIZE - 1)
/** Round size up to a multiple of the cache line size. */
#define RTE_CACHE_LINE_ROUNDUP(size) RTE_ALIGN_CEIL(size, RTE_CACHE_LINE_SIZE)
#define RTE_CACHE_LINE_SIZE_LOG2 6 /**< log2 of the cache line size. */

/* Markers inside structures, used to name offsets without taking space. */
typedef void *RTE_MARKER[0]; /**< Zero-size marker for a pointer-aligned offset in a structure. */
typedef uint8_t RTE_MARKER8[0]; /**< Zero-size marker for a byte offset in a structure. */
/** Zero-size marker for a 16-bit aligned offset in a structure. */
typedef uint16_t RTE_MARKER16[0];
/** Zero-size marker for a 32-bit aligned offset in a structure. */
typedef uint32_t RTE_MARKER32[0];
/** Zero-size marker for a 64-bit aligned offset in a structure. */
typedef uint64_t RTE_MARKER64[0];

/* Constructor priorities: buses before classes before drivers. */
#define RTE_PRIORITY_LOG 101 /**< Constructor priority of log type registration (runs first). */
#define RTE_PRIORITY_BUS 110 /**< Constructor priority of bus registration. */
#define RTE_PRIORITY_CLASS 120 /**< Constructor priority of device class registration. */
#define RTE_PRIORITY_LAST 65535 /**< Constructor priority of everything else (drivers). */
#define RTE_PRIO(prio) RTE_PRIORITY_ ## prio /**< Numeric value of RTE_PRIORITY_<prio>. */

/** Define a constructor func run before main() with priority RTE_PRIORITY_<prio>. */
#define RTE_INIT_PRIO(func, prio) \
	static void __attribute__((constructor(RTE_PRIO(prio)), used)) func(void)
/** Define a constructor func run before main(), after buses and classes. */
#define RTE_INIT(func) RTE_INIT_PRIO(func, LAST)
/** Define a destructor func run after main() with priority RTE_PRIORITY_<prio>. */
#define RTE_FINI_PRIO(func, prio) \
	static void __attribute__((destructor(RTE_PRIO(prio)), used)) func(void)
/** Define a destructor func run after main() returns or exit(). */
#define RTE_FINI(func) RTE_FINI_PRIO(func, LAST)

#define RTE_SET_USED(x) (void)(x) /**< Mark x as used to silence unused warnings. */
#define RTE_DIM(a) (sizeof(a) / sizeof((a)[0])) /**< Number of elements of array a. */
#define RTE_STR_(x) #x /**< Helper of RTE_STR: stringify without expansion. */
#define _RTE_STR(x) #x /**< Same as RTE_STR_, under the older spelling. */
#define RTE_STR(x) RTE_STR_(x) /**< String literal of x after macro expansion. */
#define RTE_PASTE_(a, b) a ## b /**< Helper of RTE_PASTE: paste without expansion. */
#define RTE_PASTE(a, b) RTE_PASTE_(a, b) /**< Paste a and b into one token after expanding them. */

/**
 * Format helpers for variadic macros that must accept a format alone (no ", ## __VA_ARGS__"):
 * RTE_FMT(fmt, args...) expands to fmt with an empty "%.0s" argument appended, so that the
 * argument list is never empty; RTE_FMT_HEAD/RTE_FMT_TAIL take the format or the arguments.
 */
#define RTE_FMT(fmt, ...) fmt "%.0s", __VA_ARGS__ ""
/** The format of a (fmt, args...) list; see RTE_FMT. */
#define RTE_FMT_HEAD(fmt, ...) fmt
/** The arguments of a (fmt, args...) list; see RTE_FMT. */
#define RTE_FMT_TAIL(fmt, ...) __VA_ARGS__

/** Exchange the values of the lvalues a and b (of the same type). */
#define RTE_SWAP(a, b) \
	__extension__ ({ \
		typeof(a) _rte_swap_tmp = (a); \
		(a) = (b); \
		(b) = _rte_swap_tmp; \
	})

/** Smaller of a and b, each evaluated once. */
#define RTE_MIN(a, b) \
	__extension__ ({ typeof(a) _a = (a); typeof(b) _b = (b); _a < _b ? _a : _b; })
/** Larger of a and b, each evaluated once. */
#define RTE_MAX(a, b) \
	__extension__ ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })
/** Smaller of a and b compared as type t (arguments may be evaluated twice). */
#define RTE_MIN_T(a, b, t) ((t)(a) < (t)(b) ? (t)(a) : (t)(b))
/** Larger of a and b compared as type t (arguments may be evaluated twice). */
#define RTE_MAX_T(a, b, t) ((t)(a) > (t)(b) ? (t)(a) : (t)(b))

#define RTE_PTR_ADD(ptr, x) ((void *)((uintptr_t)(ptr) + (x))) /**< ptr plus x bytes, as void *. */
#define RTE_PTR_SUB(ptr, x) ((void *)((uintptr_t)(ptr) - (x))) /**< ptr minus x bytes, as void *. */
/** Distance in bytes from ptr2 to ptr1, as uintptr_t. */
#define RTE_PTR_DIFF(ptr1, ptr2) ((uintptr_t)(ptr1) - (uintptr_t)(ptr2))
/** field of the structure var points to, read as an lvalue of type. */
#define RTE_CAST_FIELD(var, field, type) \
	(*(type *)((uintptr_t)(var) + offsetof(typeof(*(var)), field)))

/** ptr rounded down to a multiple of align (a power of two). */
#define RTE_PTR_ALIGN_FLOOR(ptr, align) \
	((typeof(ptr))RTE_ALIGN_FLOOR((uintptr_t)(ptr), align))
/** val rounded down to a multiple of align (a power of two). */
#define RTE_ALIGN_FLOOR(val, align) \
	(typeof(val))((val) & (~((typeof(val))((align) - 1))))
/** ptr rounded up to a multiple of align (a power of two). */
#define RTE_PTR_ALIGN_CEIL(ptr, align) \
	RTE_PTR_ALIGN_FLOOR((typeof(ptr))RTE_PTR_ADD(ptr, (align) - 1), align)
/** val rounded up to a multiple of align (a power of two). */
#define RTE_ALIGN_CEIL(val, align) \
	RTE_ALIGN_FLOOR(((val) + ((typeof(val))(align) - 1)), align)
#define RTE_PTR_ALIGN(ptr, align) RTE_PTR_ALIGN_CEIL(ptr, align) /**< Same as RTE_PTR_ALIGN_CEIL. */
#define RTE_ALIGN(val, align) RTE_ALIGN_CEIL(val, align) /**< Same as RTE_ALIGN_CEIL. */
/** v rounded up to a multiple of mul (any positive value). */
#define RTE_ALIGN_MUL_CEIL(v, mul) \
	((((v) + (typeof(v))(mul) - 1) / ((typeof(v))(mul))) * (typeof(v))(mul))
/** v rounded down to a multiple of mul (any positive value). */
#define RTE_ALIGN_MUL_FLOOR(v, mul) (((v) / ((typeof(v))(mul))) * (typeof(v))(mul))
/** v rounded to the nearest multiple of mul; a tie goes up. */
#define RTE_ALIGN_MUL_NEAR(v, mul) \
	__extension__ ({ \
		typeof(v) _rte_up = RTE_ALIGN_MUL_CEIL(v, mul); \
		typeof(v) _rte_down = RTE_ALIGN_MUL_FLOOR(v, mul); \
		(_rte_up - (v)) > ((v) - _rte_down) ? _rte_down : _rte_up; \
	})
/** Non-zero if n is a power of two (0 is not). */
#define RTE_IS_POWER_OF_2(n) ((n) && !(((n) - 1) & (n)))

/** Fail compilation when the constant condition is true. */
#ifdef __cplusplus
#define RTE_BUILD_BUG_ON(condition) static_assert(!(condition), #condition)
#else
#define RTE_BUILD_BUG_ON(condition) _Static_assert(!(condition), #condition)
#endif

/** Mask of the ln low bits, as type tp (1 <= ln <= 64). */
#define RTE_LEN2MASK(ln, tp) ((tp)((uint64_t)-1 >> (sizeof(uint64_t) * CHAR_BIT - (ln))))

#ifndef container_of
/** Pointer to the structure of type type whose member member is at ptr. */
#define container_of(ptr, type, member) __extension__ ({ \
		const typeof(((type *)0)->member) *_ptr = (ptr); \
		__rte_unused type *_target_ptr = (type *)(ptr); \
		(type *)(((uintptr_t)_ptr) - offsetof(type, member)); \
	})
#endif

/** Size of field in structure type. */
#define RTE_SIZEOF_FIELD(type, field) (sizeof(((type *)0)->field))

/* Page sizes of the architectures DPDK knows (DPDK has them in rte_memory.h). */
#define RTE_PGSIZE_4K (1ULL << 12) /**< 4 KiB page size. */
#define RTE_PGSIZE_64K (1ULL << 16) /**< 64 KiB page size. */
#define RTE_PGSIZE_256K (1ULL << 18) /**< 256 KiB page size. */
#define RTE_PGSIZE_2M (1ULL << 21) /**< 2 MiB page size. */
#define RTE_PGSIZE_16M (1ULL << 24) /**< 16 MiB page size. */
#define RTE_PGSIZE_256M (1ULL << 28) /**< 256 MiB page size. */
#define RTE_PGSIZE_512M (1ULL << 29) /**< 512 MiB page size. */
#define RTE_PGSIZE_1G (1ULL << 30) /**< 1 GiB page size. */
#define RTE_PGSIZE_4G (1ULL << 32) /**< 4 GiB page size. */
#define RTE_PGSIZE_16G (1ULL << 34) /**< 16 GiB page size. */

/** Is ptr aligned on align (a power of two)? */
static inline int
rte_is_aligned(const void *const __rte_restrict ptr, const unsigned int align)
{
	return ((uintptr_t)ptr & (align - 1)) == 0;
}

/** 1 if n is a power of two, 0 otherwise (also for 0). */
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
	if (x > UINT32_C(0x80000000))
		return 0; /* no 32-bit power of two is that large */
	return (uint32_t)1 << (32 - __builtin_clz(x - 1));
}

/** Largest power of two not above x (x = 0 gives 0). */
static inline uint32_t
rte_align32prevpow2(uint32_t x)
{
	if (x == 0)
		return 0;
	return (uint32_t)1 << (31 - __builtin_clz(x));
}

/** Smallest power of two not below v (v = 0 gives 0). */
static inline uint64_t
rte_align64pow2(uint64_t v)
{
	if (v <= 1)
		return v;
	if (v > UINT64_C(0x8000000000000000))
		return 0; /* no 64-bit power of two is that large */
	return (uint64_t)1 << (64 - __builtin_clzll(v - 1));
}

/** Largest power of two not above v (v = 0 gives 0). */
static inline uint64_t
rte_align64prevpow2(uint64_t v)
{
	if (v == 0)
		return 0;
	return (uint64_t)1 << (63 - __builtin_clzll(v));
}

/** Index of the least significant set bit of v; v must not be 0. */
static inline uint32_t
rte_bsf32(uint32_t v)
{
	return (uint32_t)__builtin_ctz(v);
}

/**
 * Index of the least significant set bit of v, for any v.
 * @param v value to search
 * @param pos where the index is written when v is not 0 (left alone otherwise)
 * @return 1 when v has a set bit, 0 when v is 0
 */
static inline int
rte_bsf32_safe(uint32_t v, uint32_t *pos)
{
	if (v == 0)
		return 0;
	*pos = rte_bsf32(v);
	return 1;
}

/** Index of the least significant set bit of v; v must not be 0. */
static inline uint32_t
rte_bsf64(uint64_t v)
{
	return (uint32_t)__builtin_ctzll(v);
}

/**
 * Index of the least significant set bit of v, for any v.
 * @param v value to search
 * @param pos where the index is written when v is not 0 (left alone otherwise)
 * @return 1 when v has a set bit, 0 when v is 0
 */
static inline int
rte_bsf64_safe(uint64_t v, uint32_t *pos)
{
	if (v == 0)
		return 0;
	*pos = rte_bsf64(v);
	return 1;
}

/** log2 of v rounded up (ceil); 0 for v = 0 or 1. */
static inline uint32_t
rte_log2_u32(uint32_t v)
{
	if (v <= 1)
		return 0;
	return 32 - (uint32_t)__builtin_clz(v - 1);
}

/** log2 of v rounded up (ceil); 0 for v = 0 or 1. */
static inline uint32_t
rte_log2_u64(uint64_t v)
{
	if (v <= 1)
		return 0;
	return 64 - (uint32_t)__builtin_clzll(v - 1);
}

/** Position (1-32) of the most significant set bit of x, 0 if x is 0. */
static inline uint32_t
rte_fls_u32(uint32_t x)
{
	return (x == 0) ? 0 : 32 - __builtin_clz(x);
}

/** Position (1-64) of the most significant set bit of x, 0 if x is 0. */
static inline uint32_t
rte_fls_u64(uint64_t x)
{
	return (x == 0) ? 0 : 64 - __builtin_clzll(x);
}

/** x with every bit below its most significant set bit also set. */
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

/** v with every bit below its most significant set bit also set. */
static inline uint64_t
rte_combine64ms1b(uint64_t v)
{
	v |= v >> 1;
	v |= v >> 2;
	v |= v >> 4;
	v |= v >> 8;
	v |= v >> 16;
	v |= v >> 32;
	return v;
}

/**
 * Parse a size with an optional binary unit suffix, as in "512M" or "1 G".
 * @param str a number (decimal, 0x hexadecimal or 0 octal) optionally followed by one space and
 *   K, M, G, T, P or E (either case), each a power of 1024
 * @return the size in bytes, or 0 when str is negative or not a number
 */
uint64_t
rte_str_to_size(const char *str);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_COMMON_H_ */
