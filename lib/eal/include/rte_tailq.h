/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Named list heads kept by EAL, so that a library can find its list of objects (rings, hash
 * tables...) by name. A library declares a struct rte_tailq_elem with the list's name and
 * registers it with EAL_REGISTER_TAILQ; EAL then points the element's head at the list.
 */
#ifndef _RTE_TAILQ_H_
#define _RTE_TAILQ_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdio.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_os.h>

/** One object in a named list. */
struct rte_tailq_entry {
	RTE_TAILQ_ENTRY(rte_tailq_entry) next; /**< link in the list */
	void *data;                            /**< the object */
};

/** The list type of every named list. */
RTE_TAILQ_HEAD(rte_tailq_entry_head, rte_tailq_entry);

/** Size of a list's name, NUL included. */
#define RTE_TAILQ_NAMESIZE 32

/** A named list as EAL keeps it. */
struct rte_tailq_head {
	struct rte_tailq_entry_head tailq_head; /**< the list (first, for RTE_TAILQ_CAST) */
	char name[RTE_TAILQ_NAMESIZE];          /**< its name */
};

/** A library's handle on a named list: fill in name, register, then use head. */
struct rte_tailq_elem {
	struct rte_tailq_head *head;           /**< set by registration */
	RTE_TAILQ_ENTRY(rte_tailq_elem) next;  /**< link in EAL's list of handles */
	const char name[RTE_TAILQ_NAMESIZE];   /**< the list's name */
};

/** The list of a struct rte_tailq_head, as a pointer to a list head of type struct_name. */
#define RTE_TAILQ_CAST(tailq_entry, struct_name) \
	(struct struct_name *)&(tailq_entry)->tailq_head

/** The list registered as name, as a struct struct_name *, or NULL. */
#define RTE_TAILQ_LOOKUP(name, struct_name) __extension__ ({ \
	struct rte_tailq_head *_rte_tq_head = rte_eal_tailq_lookup(name); \
	_rte_tq_head == NULL ? NULL : RTE_TAILQ_CAST(_rte_tq_head, struct_name); \
})

/**
 * Print every named list: its name and its first and last links.
 * @param f where to print
 */
void rte_dump_tailq(FILE *f);

/**
 * Find a named list.
 * @param name its name
 * @return its head, or NULL when no list has that name
 */
struct rte_tailq_head *rte_eal_tailq_lookup(const char *name);

/**
 * Register a named list and set t->head. Usually called through EAL_REGISTER_TAILQ.
 * @param t the handle, with its name set; it must live as long as the process
 * @return 0, or -1 (t->head NULL) when the name is empty or already registered or when
 *   RTE_MAX_TAILQ lists exist
 */
int rte_eal_tailq_register(struct rte_tailq_elem *t);

/** Register the struct rte_tailq_elem variable t before main(); a failure is fatal. */
#define EAL_REGISTER_TAILQ(t) \
RTE_INIT(tailqinitfn_ ##t) \
{ \
	if (rte_eal_tailq_register(&t) < 0) \
		rte_panic("Cannot initialize tailq: %s\n", t.name); \
}

/** Walk a tail queue whose current element var may be removed (tvar holds the next one). */
#define RTE_TAILQ_FOREACH_SAFE(var, head, field, tvar) \
	for ((var) = RTE_TAILQ_FIRST((head)); \
	    (var) && ((tvar) = RTE_TAILQ_NEXT((var), field), 1); \
	    (var) = (tvar))

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TAILQ_H_ */
