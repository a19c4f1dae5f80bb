/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * What differs between the operating systems DPDK runs on, as Linux provides it: queue macros
 * under RTE_ names and CPU set helpers.
 */
#ifndef _RTE_OS_H_
#define _RTE_OS_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <sched.h>
#include <sys/queue.h>

/** Head of a tail queue of struct type (sys/queue.h's TAILQ_HEAD). */
#define RTE_TAILQ_HEAD(name, type) TAILQ_HEAD(name, type)
/** Link field of a tail queue element (sys/queue.h's TAILQ_ENTRY). */
#define RTE_TAILQ_ENTRY(type) TAILQ_ENTRY(type)
/** Walk a tail queue (sys/queue.h's TAILQ_FOREACH). */
#define RTE_TAILQ_FOREACH(var, head, field) TAILQ_FOREACH(var, head, field)
/** First element of a tail queue (sys/queue.h's TAILQ_FIRST). */
#define RTE_TAILQ_FIRST(head) TAILQ_FIRST(head)
/** Element after elem (sys/queue.h's TAILQ_NEXT). */
#define RTE_TAILQ_NEXT(elem, field) TAILQ_NEXT(elem, field)
/** Head of a singly-linked tail queue (sys/queue.h's STAILQ_HEAD). */
#define RTE_STAILQ_HEAD(name, type) STAILQ_HEAD(name, type)
/** Link field of a singly-linked tail queue element (sys/queue.h's STAILQ_ENTRY). */
#define RTE_STAILQ_ENTRY(type) STAILQ_ENTRY(type)

/*
 * glibc always defines cpu_set_t (and __CPU_SETSIZE); only the CPU_* macros need _GNU_SOURCE.
 * The type is defined in both cases, so that the headers using it (rte_lcore.h, rte_thread.h)
 * work, with one layout, whether or not the application defines _GNU_SOURCE.
 */
#if defined(CPU_SETSIZE) || defined(__CPU_SETSIZE)
/** A set of CPUs, as sched_setaffinity takes it. */
typedef cpu_set_t rte_cpuset_t;
/** Defined when rte_cpuset_t and the RTE_CPU_* helpers exist. */
#define RTE_HAS_CPUSET
/** dst = src1 & src2. */
#define RTE_CPU_AND(dst, src1, src2) CPU_AND(dst, src1, src2)
/** dst = src1 | src2. */
#define RTE_CPU_OR(dst, src1, src2) CPU_OR(dst, src1, src2)
/** Put every CPU of the set's range in set. */
#define RTE_CPU_FILL(set) do { \
	unsigned int _rte_cpu; \
	CPU_ZERO(set); \
	for (_rte_cpu = 0; _rte_cpu < CPU_SETSIZE; _rte_cpu++) \
		CPU_SET(_rte_cpu, set); \
} while (0)
/** dst = every CPU not in src. */
#define RTE_CPU_NOT(dst, src) do { \
	cpu_set_t _rte_all; \
	RTE_CPU_FILL(&_rte_all); \
	CPU_XOR(dst, &_rte_all, src); \
} while (0)
#endif

#ifdef __cplusplus
}
#endif

#endif /* _RTE_OS_H_ */
