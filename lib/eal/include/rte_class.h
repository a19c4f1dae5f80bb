/* SPDX-License-Identifier: BSD-3-Clause */
/* Device classes (eth, ...): let devargs filters such as "class=eth,mac=..." find objects. */
#ifndef _RTE_CLASS_H_
#define _RTE_CLASS_H_

#include <sys/queue.h>

#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_class {
	TAILQ_ENTRY(rte_class) next;
	const char *name;
	rte_dev_iterate_t dev_iterate;
};

struct rte_class *rte_class_find(const struct rte_class *start,
		int (*cmp)(const struct rte_class *cls, const void *data), const void *data);
struct rte_class *rte_class_find_by_name(const char *name);
void rte_class_register(struct rte_class *cls);
void rte_class_unregister(struct rte_class *cls);

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
