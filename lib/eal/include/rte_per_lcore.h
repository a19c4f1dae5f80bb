/* SPDX-License-Identifier: BSD-3-Clause */
/* Per-thread variables: each lcore (and any other thread) has its own copy. */
#ifndef _RTE_PER_LCORE_H_
#define _RTE_PER_LCORE_H_

#define RTE_DEFINE_PER_LCORE(type, name) __thread __typeof__(type) per_lcore_##name
#define RTE_DECLARE_PER_LCORE(type, name) extern __thread __typeof__(type) per_lcore_##name
#define RTE_PER_LCORE(name) (per_lcore_##name)

#endif /* _RTE_PER_LCORE_H_ */
