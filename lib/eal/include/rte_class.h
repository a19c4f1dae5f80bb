/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Device classes (eth, ...): let devargs filters such as "class=eth,mac=..." find objects. */
#ifndef _RTE_CLASS_H_
#define _RTE_CLASS_H_

#include <sys/queue.h>

#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A device class, registered with RTE_REGISTER_CLASS. */
struct rte_class {
	TAILQ_ENTRY(rte_class) next; /**< next in the class list */
	const char *name;            /**< class name, e.g. "eth" */
	rte_dev_iterate_t dev_iterate; /**< class objects of a device matching a filter */
};

/** First class after start (NULL: from the beginning) for which cmp returns 0, or NULL. */
struct rte_class *rte_class_find(const struct rte_class *start,
		int (*cmp)(const struct rte_class *cls, const void *data), const void *data);
/** The class called name, or NULL. */
struct rte_class *rte_class_find_by_name(const char *name);
/** Add a class (a second one with the same name is refused with a log line). */
void rte_class_register(struct rte_class *cls);
/** Remove a class from the list. */
void rte_class_unregister(struct rte_class *cls);

/** Register class cls under the name nm from a constructor. */
#define RTE_REGISTER_CLASS(nm, cls) \
RTE_INIT_PRIO(classinitfn_ ##nm, CLASS) \
{ \
	(cls).name = RTE_STR(nm); \
	rte_class_register(&cls); \
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_CLASS_H_ */
