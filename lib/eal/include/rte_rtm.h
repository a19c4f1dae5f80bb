/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Restricted transactional memory (Intel RTM): start, end, abort and test a hardware
 * transaction. The instructions are emitted as bytes, so no compiler flag is needed; run them
 * only when rte_cpu_get_flag_enabled(RTE_CPUFLAG_RTM) is 1 (or rte_rtm_supported is set).
 */
#ifndef _RTE_RTM_H_
#define _RTE_RTM_H_

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What rte_xbegin returns when the transaction started (any other value: it aborted). */
#define RTE_XBEGIN_STARTED (~0u)
#define RTE_XABORT_EXPLICIT (1 << 0) /**< aborted by rte_xabort */
#define RTE_XABORT_RETRY (1 << 1)    /**< may succeed if retried */
#define RTE_XABORT_CONFLICT (1 << 2) /**< another processor touched the same memory */
#define RTE_XABORT_CAPACITY (1 << 3) /**< the transaction used too much memory */
#define RTE_XABORT_DEBUG (1 << 4)    /**< a debug breakpoint was hit */
#define RTE_XABORT_NESTED (1 << 5)   /**< aborted inside a nested transaction */
/** The status code given to rte_xabort, from what rte_xbegin returned. */
#define RTE_XABORT_CODE(x) (((x) >> 24) & 0xff)

/**
 * Start a transaction (XBEGIN). Execution continues here a second time if it aborts.
 * @return RTE_XBEGIN_STARTED inside the transaction, the abort status after an abort
 */
static __rte_always_inline unsigned int rte_xbegin(void)
{
	unsigned int status = RTE_XBEGIN_STARTED;

	/* XBEGIN rel32 = 0: on abort, continue right after with the status in EAX. */
	asm volatile(".byte 0xc7, 0xf8; .long 0" : "+a" (status) : : "memory");
	return status;
}

/** Commit the current transaction (XEND). */
static __rte_always_inline void rte_xend(void)
{
	asm volatile(".byte 0x0f, 0x01, 0xd5" : : : "memory");
}

/** Abort the current transaction with an 8-bit constant status (XABORT imm8). */
#define rte_xabort(status) do { \
	asm volatile(".byte 0xc6, 0xf8, %P0" : : "i" (status) : "memory"); \
} while (0)

/**
 * Whether the processor is inside a transaction (XTEST).
 * @return 1 inside a transaction, 0 outside
 */
static __rte_always_inline int rte_xtest(void)
{
	unsigned char inside;

	asm volatile(".byte 0x0f, 0x01, 0xd6; setnz %0" : "=r" (inside) : : "memory");
	return inside;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RTM_H_ */
