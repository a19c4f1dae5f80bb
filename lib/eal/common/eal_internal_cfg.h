/* SPDX-License-Identifier: BSD-3-Clause */
/* Settings parsed from the command line, shared by the parts of EAL. Private to EAL. */
#ifndef _EAL_INTERNAL_CFG_H_
#define _EAL_INTERNAL_CFG_H_

#include <stdint.h>
#include <stdbool.h>
#include <limits.h>
#include <sched.h>
#include <pthread.h>

#include <rte_config.h>
#include <rte_eal.h>
#include <rte_lcore.h>

#define EAL_DEFAULT_FILE_PREFIX "rte"
#define EAL_MAX_HUGEPAGE_SIZES 4

struct eal_hugepage_info {
	uint64_t hugepage_sz;            /* page size in bytes */
	char hugedir[PATH_MAX];          /* where hugetlbfs of that size is mounted */
	uint32_t num_pages[RTE_MAX_NUMA_NODES]; /* free pages per node at start-up */
	int lock_descriptor;
};

struct lcore_config {
	pthread_t thread_id;
	pthread_mutex_t wake_lock;       /* with wake_cond: a worker sleeps here between jobs */
	pthread_cond_t wake_cond;
	int quit;                        /* set by rte_eal_cleanup to end the worker thread */
	int thread_started;
	lcore_function_t *volatile f;
	void *volatile arg;
	volatile int ret;
	volatile enum rte_lcore_state_t state;
	unsigned int socket_id;
	unsigned int core_id;
	int core_index;
	enum rte_lcore_role_t core_role;
	rte_cpuset_t cpuset;
};

struct internal_config {
	volatile size_t memory;                 /* -m, bytes; 0 = as needed */
	volatile uint64_t socket_mem[RTE_MAX_NUMA_NODES]; /* --socket-mem, bytes */
	volatile unsigned int force_sockets;
	volatile unsigned int force_nchannel;   /* -n */
	volatile unsigned int force_nrank;      /* -r */
	volatile unsigned int no_hugetlbfs;     /* --no-huge */
	volatile unsigned int in_memory;        /* --in-memory: no files anywhere */
	volatile unsigned int no_shconf;        /* no shared config file */
	volatile unsigned int no_pci;           /* --no-pci */
	volatile unsigned int no_hpet;
	volatile unsigned int vmware_tsc_map;
	volatile unsigned int create_uio_dev;
	volatile enum rte_proc_type_t process_type;
	volatile unsigned int legacy_mem;
	volatile unsigned int single_file_segments;
	volatile unsigned int match_allocations;
	volatile unsigned int no_telemetry;
	char *hugefile_prefix;                  /* --file-prefix */
	char *hugepage_dir;                     /* --huge-dir */
	char *user_mbuf_pool_ops_name;
	unsigned int num_hugepage_sizes;
	struct eal_hugepage_info hugepage_info[EAL_MAX_HUGEPAGE_SIZES];
	enum rte_iova_mode iova_mode;
	rte_cpuset_t ctrl_cpuset;               /* CPUs for control threads */
	volatile unsigned int init_complete;
	unsigned int main_lcore;                /* --main-lcore */
	int main_lcore_set;
	enum rte_intr_mode vfio_intr_mode;      /* --vfio-intr */
	rte_uuid_t vfio_vf_token;               /* --vfio-vf-token */
	uint64_t base_virtaddr;                 /* --base-virtaddr; 0 = EAL_VA_BASE */
};

struct rte_config {
	uint32_t main_lcore;
	uint32_t lcore_count;
	uint32_t numa_node_count;
	uint32_t numa_nodes[RTE_MAX_NUMA_NODES];
	uint32_t service_lcore_count;
	enum rte_lcore_role_t lcore_role[RTE_MAX_LCORE];
	enum rte_proc_type_t process_type;
	enum rte_iova_mode iova_mode;
};

/* The one instance of each, owned by eal.c. */
struct internal_config *eal_get_internal_configuration(void);
struct rte_config *rte_eal_get_configuration(void);
extern struct lcore_config lcore_config[RTE_MAX_LCORE];

void eal_reset_internal_config(struct internal_config *internal_cfg);

#endif /* _EAL_INTERNAL_CFG_H_ */
