/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_LOG_H_
#define _RTE_LOG_H_

/**
 * @file
 * Logging with a level per log type.
 *
 * Types are registered by name ("lib.eal", "pmd.net.null"); levels can be set per type, by glob
 * pattern or by regular expression, and patterns also apply to types registered later. A
 * message is printed when its level is at or below both the global level and its type's level.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdbool.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_LOGTYPE_EAL 0         /**< lib.eal */
#define RTE_LOGTYPE_MALLOC 1      /**< lib.malloc */
#define RTE_LOGTYPE_RING 2        /**< lib.ring */
#define RTE_LOGTYPE_MEMPOOL 3     /**< lib.mempool */
#define RTE_LOGTYPE_TIMER 4       /**< lib.timer */
#define RTE_LOGTYPE_PMD 5         /**< pmd: drivers without a type of their own */
#define RTE_LOGTYPE_HASH 6        /**< lib.hash */
#define RTE_LOGTYPE_LPM 7         /**< lib.lpm */
#define RTE_LOGTYPE_KNI 8         /**< lib.kni */
#define RTE_LOGTYPE_ACL 9         /**< lib.acl */
#define RTE_LOGTYPE_POWER 10      /**< lib.power */
#define RTE_LOGTYPE_METER 11      /**< lib.meter */
#define RTE_LOGTYPE_SCHED 12      /**< lib.sched */
#define RTE_LOGTYPE_PORT 13       /**< lib.port */
#define RTE_LOGTYPE_TABLE 14      /**< lib.table */
#define RTE_LOGTYPE_PIPELINE 15   /**< lib.pipeline */
#define RTE_LOGTYPE_MBUF 16       /**< lib.mbuf */
#define RTE_LOGTYPE_CRYPTODEV 17  /**< lib.cryptodev */
#define RTE_LOGTYPE_EFD 18        /**< lib.efd */
#define RTE_LOGTYPE_EVENTDEV 19   /**< lib.eventdev */
#define RTE_LOGTYPE_GSO 20        /**< lib.gso */

#define RTE_LOGTYPE_USER1 24      /**< for applications: user1 */
#define RTE_LOGTYPE_USER2 25      /**< for applications: user2 */
#define RTE_LOGTYPE_USER3 26      /**< for applications: user3 */
#define RTE_LOGTYPE_USER4 27      /**< for applications: user4 */
#define RTE_LOGTYPE_USER5 28      /**< for applications: user5 */
#define RTE_LOGTYPE_USER6 29      /**< for applications: user6 */
#define RTE_LOGTYPE_USER7 30      /**< for applications: user7 */
#define RTE_LOGTYPE_USER8 31      /**< for applications: user8 */

/** First id handed out by rte_log_register(). */
#define RTE_LOGTYPE_FIRST_EXT_ID 32

#define RTE_LOG_EMERG 1U    /**< system is unusable */
#define RTE_LOG_ALERT 2U    /**< action must be taken immediately */
#define RTE_LOG_CRIT 3U     /**< critical condition */
#define RTE_LOG_ERR 4U      /**< error */
#define RTE_LOG_WARNING 5U  /**< warning */
#define RTE_LOG_NOTICE 6U   /**< normal but significant */
#define RTE_LOG_INFO 7U     /**< informational */
#define RTE_LOG_DEBUG 8U    /**< debug */
#define RTE_LOG_MAX RTE_LOG_DEBUG /**< highest level */

/** Send log output to f instead of stderr (NULL restores the default). Always 0. */
int rte_openlog_stream(FILE *f);
/** Same as rte_openlog_stream. */
int rte_log_set_stream(FILE *f);
/** The stream logs go to (stderr unless rte_openlog_stream named another). */
FILE *rte_log_get_stream(void);
/** Set the global level, a cap over every type's level (default RTE_LOG_DEBUG). */
void rte_log_set_global_level(uint32_t level);
/** The global level. */
uint32_t rte_log_get_global_level(void);
/** Level of a log type, or -EINVAL for an unknown type. */
int rte_log_get_level(uint32_t logtype);
/** Would a message of this type and level be printed? */
bool rte_log_can_log(uint32_t logtype, uint32_t loglevel);
/** 0, or -EINVAL for an unknown type or a level above RTE_LOG_MAX. */
int rte_log_set_level(uint32_t logtype, uint32_t level);
/**
 * Set the level of every type matching the regular expression (POSIX basic syntax); remembered
 * for types registered later. 0, -EINVAL for a bad expression or level, -ENOMEM.
 */
int rte_log_set_level_regexp(const char *regex, uint32_t level);
/**
 * Set the level of every type matching the glob pattern; remembered for types registered later.
 * 0, -EINVAL for a bad pattern or level, -ENOMEM.
 */
int rte_log_set_level_pattern(const char *pattern, uint32_t level);
/** Level of the message being printed by this thread (for a stream that wants it). */
int rte_log_cur_msg_loglevel(void);
/** Type of the message being printed by this thread. */
int rte_log_cur_msg_logtype(void);
/**
 * Id of the type called name, registering it at RTE_LOG_INFO (or a saved pattern's level) if
 * new; -EINVAL for an empty name, -ENOMEM or -ENOSPC when it cannot be added.
 */
int rte_log_register(const char *name);
/** Like rte_log_register, with level_def as the level when no saved pattern matches. */
int rte_log_register_type_and_pick_level(const char *name, uint32_t level_def);
/** Print the names of every registered type, one per line, each after prefix. */
void rte_log_list_types(FILE *out, const char *prefix);
/** Print the global level and every type with its level. */
void rte_log_dump(FILE *f);

/**
 * Print a message if level and logtype allow it. Characters printed, 0 when filtered out, -1
 * for an unknown type.
 */
int rte_log(uint32_t level, uint32_t logtype, const char *format, ...)
	__rte_cold __rte_format_printf(3, 4);
/** rte_log with a va_list. */
int rte_vlog(uint32_t level, uint32_t logtype, const char *format, va_list ap)
	__rte_format_printf(3, 0);

/** Log with a fixed type, prefixed with its name: RTE_LOG(ERR, EAL, "...\n"). */
#define RTE_LOG(l, t, ...) \
	rte_log(RTE_LOG_ ## l, RTE_LOGTYPE_ ## t, # t ": " __VA_ARGS__)

/** Data-path logging, compiled out above RTE_LOG_DP_LEVEL. */
#define RTE_LOG_DP(l, t, ...) \
	(void)((RTE_LOG_ ## l <= RTE_LOG_DP_LEVEL) ? \
	 rte_log(RTE_LOG_ ## l, RTE_LOGTYPE_ ## t, # t ": " __VA_ARGS__) : 0)

/** Define the int variable type and register it as log type name from a constructor. */
#define RTE_LOG_REGISTER_IMPL(type, name, level) \
int type; \
RTE_INIT(__##type##_init) \
{ \
	type = rte_log_register_type_and_pick_level(name, RTE_LOG_##level); \
	if (type < 0) \
		type = RTE_LOGTYPE_EAL; \
}

/**
 * Define the int variable type and register a log type into it before main().
 * @param type name of the int variable to define
 * @param name log type name written as bare tokens (my.component), turned into a string
 * @param level default level as a bare word (INFO, DEBUG, ...)
 */
#define RTE_LOG_REGISTER(type, name, level) RTE_LOG_REGISTER_IMPL(type, RTE_STR(name), level)
/** Register the component's own log type (lib.ring, pmd.net.null, ...). */
#define RTE_LOG_REGISTER_DEFAULT(type, level) \
	RTE_LOG_REGISTER_IMPL(type, RTE_STR(RTE_LOG_DEFAULT_LOGTYPE), level)
/** Register "<component type>.<suffix>", e.g. pmd.net.null.rx. */
#define RTE_LOG_REGISTER_SUFFIX(type, suffix, level) \
	RTE_LOG_REGISTER_IMPL(type, RTE_STR(RTE_LOG_DEFAULT_LOGTYPE) "." RTE_STR(suffix), level)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LOG_H_ */
