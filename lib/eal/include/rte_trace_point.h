/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_TRACE_POINT_H_
#define _RTE_TRACE_POINT_H_

/**
 * @file
 *
 * Definition of trace points and of the fields their events carry.
 *
 * A trace point is a 64-bit object holding its registration id, the size of its event
 * and its enable and discard bits. RTE_TRACE_POINT() declares it together with an
 * inline function of the same name; when the trace point is disabled that function
 * costs one load and one predictable branch. RTE_TRACE_POINT_REGISTER() (see
 * rte_trace_point_register.h) defines the object and registers it under a name.
 *
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice
 */

#ifdef __cplusplus
extern "C" {
#endif

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_cycles.h>
#include <rte_per_lcore.h>
#include <rte_string_fns.h>
#include <rte_uuid.h>

/** The tracepoint object. */
typedef uint64_t rte_trace_point_t;

/**
 * Wraps the C parameter list of a trace point function in RTE_TRACE_POINT().
 *
 * @see RTE_TRACE_POINT, RTE_TRACE_POINT_FP
 */
#define RTE_TRACE_POINT_ARGS

/** @internal Common body of RTE_TRACE_POINT and RTE_TRACE_POINT_FP. */
#define __RTE_TRACE_POINT(_mode, _tp, _args, ...) \
extern rte_trace_point_t __##_tp; \
static __rte_always_inline void \
_tp _args \
{ \
	__rte_trace_point_emit_header_##_mode(&__##_tp); \
	__VA_ARGS__ \
}

/**
 * Declare a trace point and its inline emit function.
 *
 * @param tp
 *   Name of the function; the object is __<tp> and must be defined once with
 *   RTE_TRACE_POINT_REGISTER().
 * @param args
 *   Parameter list of the function, wrapped in RTE_TRACE_POINT_ARGS.
 * @param ...
 *   The event payload: rte_trace_point_emit_*() statements separated by ";".
 *
 * @see RTE_TRACE_POINT_ARGS, RTE_TRACE_POINT_REGISTER, rte_trace_point_emit_*
 */
#define RTE_TRACE_POINT(tp, args, ...) \
	__RTE_TRACE_POINT(generic, tp, args, __VA_ARGS__)

/**
 * Declare a fast path trace point: like RTE_TRACE_POINT(), but its function compiles
 * to nothing unless RTE_ENABLE_TRACE_FP is defined.
 *
 * @param tp
 *   Name of the function; the object is __<tp>.
 * @param args
 *   Parameter list of the function, wrapped in RTE_TRACE_POINT_ARGS.
 * @param ...
 *   The event payload: rte_trace_point_emit_*() statements separated by ";".
 *
 * @see RTE_TRACE_POINT
 */
#define RTE_TRACE_POINT_FP(tp, args, ...) \
	__RTE_TRACE_POINT(fp, tp, args, __VA_ARGS__)

#ifdef __DOXYGEN__

/**
 * Define the object of a trace point and register it from a constructor.
 *
 * @param trace
 *   The trace point function declared with RTE_TRACE_POINT().
 * @param name
 *   The name of the trace point, written without quotes (lib.foo.bar).
 */
#define RTE_TRACE_POINT_REGISTER(trace, name)

/** Payload field of type uint64_t. */
#define rte_trace_point_emit_u64(val)
/** Payload field of type int64_t. */
#define rte_trace_point_emit_i64(val)
/** Payload field of type uint32_t. */
#define rte_trace_point_emit_u32(val)
/** Payload field of type int32_t. */
#define rte_trace_point_emit_i32(val)
/** Payload field of type uint16_t. */
#define rte_trace_point_emit_u16(val)
/** Payload field of type int16_t. */
#define rte_trace_point_emit_i16(val)
/** Payload field of type uint8_t. */
#define rte_trace_point_emit_u8(val)
/** Payload field of type int8_t. */
#define rte_trace_point_emit_i8(val)
/** Payload field of type int. */
#define rte_trace_point_emit_int(val)
/** Payload field of type long. */
#define rte_trace_point_emit_long(val)
/** Payload field of type size_t. */
#define rte_trace_point_emit_size_t(val)
/** Payload field of type float. */
#define rte_trace_point_emit_float(val)
/** Payload field of type double. */
#define rte_trace_point_emit_double(val)
/** Payload field holding a pointer. */
#define rte_trace_point_emit_ptr(val)
/** Payload field holding a string, truncated to 31 characters. */
#define rte_trace_point_emit_string(val)

#endif /* __DOXYGEN__ */

/** @internal Bytes a string field takes in an event, terminating NUL included. */
#define __RTE_TRACE_EMIT_STRING_LEN_MAX 32
/** @internal Bytes of the header (timestamp and id) starting each event. */
#define __RTE_TRACE_EVENT_HEADER_SZ sizeof(uint64_t)

/**
 * Enable a trace point.
 *
 * @param tp
 *   The trace point object.
 * @return
 *   - 0: Success.
 *   - (-ERANGE): Trace object is not registered.
 */
__rte_experimental
int rte_trace_point_enable(rte_trace_point_t *tp);

/**
 * Disable a trace point.
 *
 * @param tp
 *   The trace point object.
 * @return
 *   - 0: Success.
 *   - (-ERANGE): Trace object is not registered.
 */
__rte_experimental
int rte_trace_point_disable(rte_trace_point_t *tp);

/**
 * Tell whether a trace point is enabled.
 *
 * @param tp
 *   The trace point object.
 * @return
 *   true if it is registered and enabled, false otherwise.
 */
__rte_experimental
bool rte_trace_point_is_enabled(rte_trace_point_t *tp);

/**
 * Find a registered trace point by name.
 *
 * @param name
 *   The name given to RTE_TRACE_POINT_REGISTER().
 * @return
 *   The trace point object, or NULL if name is NULL or unknown.
 */
__rte_experimental
rte_trace_point_t *rte_trace_point_lookup(const char *name);

/**
 * @internal
 * Tell whether fast path trace points were compiled in (RTE_ENABLE_TRACE_FP).
 */
__rte_experimental
static __rte_always_inline bool
__rte_trace_point_fp_is_enabled(void)
{
#ifdef RTE_ENABLE_TRACE_FP
	return true;
#else
	return false;
#endif
}

/**
 * @internal
 * Give the calling thread its trace buffer. This implementation records no events and
 * leaves the thread without one, so enabled trace points emit nothing.
 */
__rte_experimental
void __rte_trace_mem_per_thread_alloc(void);

/**
 * @internal
 * Describe one payload field of the trace point being registered.
 *
 * @param sz
 *   Size of the field in bytes.
 * @param field
 *   Expression the field was emitted from.
 * @param type
 *   Name of its type.
 */
__rte_experimental
void __rte_trace_point_emit_field(size_t sz, const char *field,
	const char *type);

/**
 * @internal
 * Register a trace point; use RTE_TRACE_POINT_REGISTER() rather than this.
 *
 * @param trace
 *   The trace point object.
 * @param name
 *   Its name, unique, at most 63 characters.
 * @param register_fn
 *   The trace point function; it is called once, without arguments, to learn the
 *   payload layout (rte_trace_point_register.h turns the emit macros into descriptions).
 * @return
 *   - 0: Success.
 *   - <0: Failure, rte_errno is set to the same positive value.
 */
__rte_experimental
int __rte_trace_point_register(rte_trace_point_t *trace, const char *name,
	void (*register_fn)(void));

#ifndef __DOXYGEN__

/* Bits of a trace point object: event size, id, discard mode, enabled. */
#define __RTE_TRACE_EVENT_HEADER_ID_SHIFT (48)

#define __RTE_TRACE_FIELD_SIZE_SHIFT 0
#define __RTE_TRACE_FIELD_SIZE_MASK (0xffffULL << __RTE_TRACE_FIELD_SIZE_SHIFT)
#define __RTE_TRACE_FIELD_ID_SHIFT (16)
#define __RTE_TRACE_FIELD_ID_MASK (0xffffULL << __RTE_TRACE_FIELD_ID_SHIFT)
#define __RTE_TRACE_FIELD_ENABLE_MASK (1ULL << 63)
#define __RTE_TRACE_FIELD_ENABLE_DISCARD (1ULL << 62)

#ifndef _RTE_TRACE_POINT_REGISTER_H_
#ifdef ALLOW_EXPERIMENTAL_API

/** @internal First bytes of a per-thread trace buffer. */
struct __rte_trace_stream_header {
	uint32_t magic;
	rte_uuid_t uuid;
	uint32_t lcore_id;
	char thread_name[__RTE_TRACE_EMIT_STRING_LEN_MAX];
} __rte_packed;

/** @internal A per-thread trace buffer: write offset, capacity, events. */
struct __rte_trace_header {
	uint32_t offset;
	uint32_t len;
	struct __rte_trace_stream_header stream_header;
	uint8_t mem[];
};

RTE_DECLARE_PER_LCORE(void *, trace_mem);

/**
 * @internal
 * Reserve room for one event in the calling thread's buffer.
 *
 * @param in
 *   The trace point object's value: event size and discard bit.
 * @return
 *   Where to write the event, or NULL when the thread has no buffer or the buffer is
 *   full in discard mode.
 */
static __rte_always_inline void *
__rte_trace_mem_get(uint64_t in)
{
	struct __rte_trace_header *buf = (struct __rte_trace_header *)RTE_PER_LCORE(trace_mem);
	uint32_t need = (uint32_t)(in & __RTE_TRACE_FIELD_SIZE_MASK);
	uint32_t start;

	if (unlikely(buf == NULL)) {
		__rte_trace_mem_per_thread_alloc();
		buf = (struct __rte_trace_header *)RTE_PER_LCORE(trace_mem);
		if (buf == NULL)
			return NULL;
	}
	start = RTE_ALIGN_CEIL(buf->offset, (uint32_t)__RTE_TRACE_EVENT_HEADER_SZ);
	if (unlikely(start + need >= buf->len)) {
		if (in & __RTE_TRACE_FIELD_ENABLE_DISCARD)
			return NULL;
		start = 0; /* overwrite mode: wrap to the oldest events */
	}
	buf->offset = start + need;
	return &buf->mem[start];
}

/**
 * @internal
 * Write an event header: TSC in bits 47:0, trace point id in bits 63:48.
 *
 * @return
 *   Where the payload starts.
 */
static __rte_always_inline void *
__rte_trace_point_emit_ev_header(void *mem, uint64_t in)
{
	const uint64_t ts_mask = (1ULL << __RTE_TRACE_EVENT_HEADER_ID_SHIFT) - 1;
	const uint64_t id = (in & __RTE_TRACE_FIELD_ID_MASK) >> __RTE_TRACE_FIELD_ID_SHIFT;
	const uint64_t hdr = (rte_get_tsc_cycles() & ts_mask) |
		(id << __RTE_TRACE_EVENT_HEADER_ID_SHIFT);

	memcpy(mem, &hdr, sizeof(hdr));
	return RTE_PTR_ADD(mem, sizeof(hdr));
}

/*
 * The disabled case is a single test of the enable bit: everything after it, including
 * the payload statements that follow the header in the trace point function, only runs
 * for enabled trace points.
 */
#define __rte_trace_point_emit_header_generic(t) \
void *__rte_tp_mem; \
do { \
	const uint64_t __rte_tp_val = __atomic_load_n((t), __ATOMIC_RELAXED); \
	if (likely((__rte_tp_val & __RTE_TRACE_FIELD_ENABLE_MASK) == 0)) \
		return; \
	__rte_tp_mem = __rte_trace_mem_get(__rte_tp_val); \
	if (unlikely(__rte_tp_mem == NULL)) \
		return; \
	__rte_tp_mem = __rte_trace_point_emit_ev_header(__rte_tp_mem, __rte_tp_val); \
} while (0)

#define __rte_trace_point_emit_header_fp(t) \
	if (!__rte_trace_point_fp_is_enabled()) \
		return; \
	__rte_trace_point_emit_header_generic(t)

#define __rte_trace_point_emit(in, type) \
do { \
	const type __rte_tp_field = (type)(in); \
	memcpy(__rte_tp_mem, &__rte_tp_field, sizeof(__rte_tp_field)); \
	__rte_tp_mem = RTE_PTR_ADD(__rte_tp_mem, sizeof(__rte_tp_field)); \
} while (0)

#define rte_trace_point_emit_string(in) \
do { \
	if (unlikely((in) == NULL)) \
		return; \
	rte_strscpy((char *)__rte_tp_mem, (in), __RTE_TRACE_EMIT_STRING_LEN_MAX); \
	__rte_tp_mem = RTE_PTR_ADD(__rte_tp_mem, __RTE_TRACE_EMIT_STRING_LEN_MAX); \
} while (0)

#else

/* Without the experimental API the trace points compile to nothing. */
#define __rte_trace_point_emit_header_generic(t) RTE_SET_USED(t)
#define __rte_trace_point_emit_header_fp(t) RTE_SET_USED(t)
#define __rte_trace_point_emit(in, type) RTE_SET_USED(in)
#define rte_trace_point_emit_string(in) RTE_SET_USED(in)

#endif /* ALLOW_EXPERIMENTAL_API */
#endif /* _RTE_TRACE_POINT_REGISTER_H_ */

#define rte_trace_point_emit_u64(in) __rte_trace_point_emit(in, uint64_t)
#define rte_trace_point_emit_i64(in) __rte_trace_point_emit(in, int64_t)
#define rte_trace_point_emit_u32(in) __rte_trace_point_emit(in, uint32_t)
#define rte_trace_point_emit_i32(in) __rte_trace_point_emit(in, int32_t)
#define rte_trace_point_emit_u16(in) __rte_trace_point_emit(in, uint16_t)
#define rte_trace_point_emit_i16(in) __rte_trace_point_emit(in, int16_t)
#define rte_trace_point_emit_u8(in) __rte_trace_point_emit(in, uint8_t)
#define rte_trace_point_emit_i8(in) __rte_trace_point_emit(in, int8_t)
#define rte_trace_point_emit_int(in) __rte_trace_point_emit(in, int32_t)
#define rte_trace_point_emit_long(in) __rte_trace_point_emit(in, long)
#define rte_trace_point_emit_size_t(in) __rte_trace_point_emit(in, size_t)
#define rte_trace_point_emit_float(in) __rte_trace_point_emit(in, float)
#define rte_trace_point_emit_double(in) __rte_trace_point_emit(in, double)
#define rte_trace_point_emit_ptr(in) __rte_trace_point_emit(in, uintptr_t)

#endif /* __DOXYGEN__ */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TRACE_POINT_H_ */
