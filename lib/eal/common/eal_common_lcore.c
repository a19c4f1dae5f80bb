/* SPDX-License-Identifier: BSD-3-Clause */
/* Which CPUs exist, which lcores are enabled, and the queries applications make about them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <limits.h>
#include <dirent.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_errno.h>
#include <rte_string_fns.h>

#include "eal_private.h"

#define SYS_CPU_DIR "/sys/devices/system/cpu/cpu%u"
#define NUMA_NODE_PATH "/sys/devices/system/node"

RTE_DEFINE_PER_LCORE(unsigned int, _lcore_id) = LCORE_ID_ANY;
RTE_DEFINE_PER_LCORE(rte_cpuset_t, _cpuset);

/*
 * Serialises the hand-out of lcore ids to non-EAL threads and the lcore callbacks, which run
 * with it held (as DPDK documents).
 */
static pthread_mutex_t lcore_lock = PTHREAD_MUTEX_INITIALIZER;

struct lcore_callback {
	struct lcore_callback *next;
	rte_lcore_init_cb init;
	rte_lcore_uninit_cb uninit;
	void *arg;
	char name[];
};
static struct lcore_callback *lcore_callbacks;

/*
 * NUMA node of each CPU, read once from the nodes' cpulist files (a handful of reads instead of
 * one probe per CPU and node: start-up time matters).
 */
static unsigned char cpu_node[CPU_SETSIZE];
static int cpu_node_loaded;

static void
parse_node_cpulist(const char *list, unsigned int node)
{
	const char *p = list;

	while (*p != '\0' && *p != '\n') {
		unsigned long lo, hi, c;
		char *end;

		lo = strtoul(p, &end, 10);
		if (end == p)
			return;
		hi = lo;
		p = end;
		if (*p == '-') {
			hi = strtoul(p + 1, &end, 10);
			p = end;
		}
		for (c = lo; c <= hi && c < CPU_SETSIZE; c++)
			cpu_node[c] = (unsigned char)node;
		if (*p == ',')
			p++;
		else
			break;
	}
}

static void
load_cpu_nodes(void)
{
	char path[PATH_MAX], list[4096];
	unsigned int node;

	if (cpu_node_loaded)
		return;
	memset(cpu_node, 0, sizeof(cpu_node));
	for (node = 0; node < RTE_MAX_NUMA_NODES; node++) {
		FILE *f;

		snprintf(path, sizeof(path), NUMA_NODE_PATH "/node%u/cpulist", node);
		f = fopen(path, "r");
		if (f == NULL)
			continue;
		if (fgets(list, sizeof(list), f) != NULL)
			parse_node_cpulist(list, node);
		fclose(f);
	}
	cpu_node_loaded = 1;
}

int
eal_cpu_detected(unsigned int cpu_id)
{
	static long nconf;
	char path[PATH_MAX];

	snprintf(path, sizeof(path), SYS_CPU_DIR "/topology/core_id", cpu_id);
	if (access(path, F_OK) == 0)
		return 1;
	/* Some containers hide the topology; fall back to the number of configured CPUs. */
	if (nconf == 0)
		nconf = sysconf(_SC_NPROCESSORS_CONF);
	return cpu_id < CPU_SETSIZE && (long)cpu_id < nconf;
}

unsigned int
eal_cpu_socket_id(unsigned int cpu_id)
{
	if (cpu_id >= CPU_SETSIZE)
		return 0;
	load_cpu_nodes();
	return cpu_node[cpu_id];
}

static unsigned int
eal_cpu_core_id(unsigned int cpu_id)
{
	char path[PATH_MAX];
	unsigned int id = cpu_id;
	FILE *f;

	snprintf(path, sizeof(path), SYS_CPU_DIR "/topology/core_id", cpu_id);
	f = fopen(path, "r");
	if (f == NULL)
		return cpu_id;
	if (fscanf(f, "%u", &id) != 1)
		id = cpu_id;
	fclose(f);
	return id;
}

/*
 * Fill lcore_config from the machine: lcore i runs on CPU i by default. Only CPUs this process
 * may run on (its affinity mask, e.g. under taskset) are usable; those exist by definition, so
 * no other CPU is probed.
 */
int
rte_eal_cpu_init(void)
{
	struct rte_config *config = rte_eal_get_configuration();
	rte_cpuset_t affinity;
	unsigned int lcore_id, count = 0, i;
	bool seen[RTE_MAX_NUMA_NODES] = { false };

	if (sched_getaffinity(0, sizeof(affinity), &affinity) != 0)
		CPU_ZERO(&affinity);
	load_cpu_nodes();

	for (lcore_id = 0; lcore_id < RTE_MAX_LCORE; lcore_id++) {
		struct lcore_config *lc = &lcore_config[lcore_id];

		lc->core_index = count;
		CPU_ZERO(&lc->cpuset);
		lc->socket_id = 0;
		lc->core_id = 0;
		config->lcore_role[lcore_id] = ROLE_OFF;
		lc->core_role = ROLE_OFF;
		if (!CPU_ISSET(lcore_id, &affinity)) {
			lc->core_index = -1;
			continue;
		}
		CPU_SET(lcore_id, &lc->cpuset);
		config->lcore_role[lcore_id] = ROLE_RTE;
		lc->core_role = ROLE_RTE;
		lc->core_id = eal_cpu_core_id(lcore_id);
		lc->socket_id = eal_cpu_socket_id(lcore_id);
		if (lc->socket_id >= RTE_MAX_NUMA_NODES)
			lc->socket_id = 0;
		seen[lc->socket_id] = true;
		count++;
	}
	config->lcore_count = count;
	config->numa_node_count = 0;
	for (i = 0; i < RTE_MAX_NUMA_NODES; i++)
		if (seen[i])
			config->numa_nodes[config->numa_node_count++] = i;
	if (config->numa_node_count == 0) {
		config->numa_nodes[0] = 0;
		config->numa_node_count = 1;
	}
	return 0;
}

enum rte_lcore_role_t
rte_eal_lcore_role(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return ROLE_OFF;
	return rte_eal_get_configuration()->lcore_role[lcore_id];
}

int
rte_lcore_has_role(unsigned int lcore_id, enum rte_lcore_role_t role)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return -EINVAL;
	return rte_eal_get_configuration()->lcore_role[lcore_id] == role;
}

unsigned int
rte_get_main_lcore(void)
{
	return rte_eal_get_configuration()->main_lcore;
}

unsigned int
rte_lcore_count(void)
{
	return rte_eal_get_configuration()->lcore_count;
}

int
rte_lcore_index(int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return -1;
	if (lcore_id < 0) {
		if (rte_lcore_id() == LCORE_ID_ANY)
			return -1;
		lcore_id = (int)rte_lcore_id();
	}
	return lcore_config[lcore_id].core_index;
}

int
rte_lcore_to_cpu_id(int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return -1;
	if (lcore_id < 0) {
		if (rte_lcore_id() == LCORE_ID_ANY)
			return -1;
		lcore_id = (int)rte_lcore_id();
	}
	return (int)lcore_config[lcore_id].core_id;
}

rte_cpuset_t
rte_lcore_cpuset(unsigned int lcore_id)
{
	return lcore_config[lcore_id].cpuset;
}

int
rte_lcore_is_enabled(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return 0;
	return rte_eal_get_configuration()->lcore_role[lcore_id] == ROLE_RTE;
}

unsigned int
rte_get_next_lcore(unsigned int i, int skip_main, int wrap)
{
	unsigned int tries;

	/* Bounded, so that wrapping over a set with no match ends instead of spinning. */
	for (tries = 0; tries <= RTE_MAX_LCORE; tries++) {
		i++;
		if (wrap)
			i %= RTE_MAX_LCORE;
		if (i >= RTE_MAX_LCORE)
			break;
		if (rte_lcore_is_enabled(i) && !(skip_main && i == rte_get_main_lcore()))
			return i;
	}
	return RTE_MAX_LCORE;
}

unsigned int
rte_lcore_to_socket_id(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return 0;
	return lcore_config[lcore_id].socket_id;
}

unsigned int
rte_socket_id(void)
{
	unsigned int lcore_id = rte_lcore_id();

	if (lcore_id >= RTE_MAX_LCORE)
		return (unsigned int)SOCKET_ID_ANY;
	return lcore_config[lcore_id].socket_id;
}

unsigned int
rte_socket_count(void)
{
	return rte_eal_get_configuration()->numa_node_count;
}

int
rte_socket_id_by_idx(unsigned int idx)
{
	const struct rte_config *config = rte_eal_get_configuration();

	if (idx >= config->numa_node_count) {
		rte_errno = EINVAL;
		return -1;
	}
	return (int)config->numa_nodes[idx];
}

/* NUMA node of a set of CPUs: theirs when they share one, SOCKET_ID_ANY otherwise. */
unsigned int
eal_cpuset_socket_id(const rte_cpuset_t *set)
{
	unsigned int cpu, socket = (unsigned int)SOCKET_ID_ANY;

	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		unsigned int s;

		if (!CPU_ISSET(cpu, set))
			continue;
		s = eal_cpu_socket_id(cpu);
		if (socket == (unsigned int)SOCKET_ID_ANY)
			socket = s;
		else if (s != socket)
			return (unsigned int)SOCKET_ID_ANY;
	}
	return socket;
}

/* Run every init callback for lcore id; on a failure undo the ones that ran. Lock held. */
static int
lcore_callbacks_init(unsigned int id)
{
	struct lcore_callback *cb, *undo;

	for (cb = lcore_callbacks; cb != NULL; cb = cb->next) {
		if (cb->init == NULL || cb->init(id, cb->arg) == 0)
			continue;
		EAL_LOG(ERR, "lcore callback '%s' refused lcore %u\n", cb->name, id);
		for (undo = lcore_callbacks; undo != cb; undo = undo->next)
			if (undo->uninit != NULL)
				undo->uninit(id, undo->arg);
		return -1;
	}
	return 0;
}

/* Run the uninit callbacks for lcore id, up to (not including) stop. Lock held. */
static void
lcore_callbacks_uninit(unsigned int id, const struct lcore_callback *stop)
{
	struct lcore_callback *cb;

	for (cb = lcore_callbacks; cb != stop; cb = cb->next)
		if (cb->uninit != NULL)
			cb->uninit(id, cb->arg);
}

void *
rte_lcore_callback_register(const char *name, rte_lcore_init_cb init,
		rte_lcore_uninit_cb uninit, void *arg)
{
	struct rte_config *config = rte_eal_get_configuration();
	struct lcore_callback *cb, **tail;
	unsigned int id, undo;

	if (name == NULL)
		return NULL;
	cb = calloc(1, sizeof(*cb) + strlen(name) + 1);
	if (cb == NULL)
		return NULL;
	strcpy(cb->name, name);
	cb->init = init;
	cb->uninit = uninit;
	cb->arg = arg;

	pthread_mutex_lock(&lcore_lock);
	for (id = 0; init != NULL && id < RTE_MAX_LCORE; id++) {
		if (config->lcore_role[id] == ROLE_OFF || init(id, arg) == 0)
			continue;
		EAL_LOG(ERR, "lcore callback '%s' refused lcore %u\n", name, id);
		for (undo = 0; undo < id; undo++)
			if (config->lcore_role[undo] != ROLE_OFF && uninit != NULL)
				uninit(undo, arg);
		pthread_mutex_unlock(&lcore_lock);
		free(cb);
		return NULL;
	}
	for (tail = &lcore_callbacks; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = cb;
	pthread_mutex_unlock(&lcore_lock);
	return cb;
}

void
rte_lcore_callback_unregister(void *handle)
{
	struct rte_config *config = rte_eal_get_configuration();
	struct lcore_callback **pp, *cb = handle;
	unsigned int id;

	if (cb == NULL)
		return;
	pthread_mutex_lock(&lcore_lock);
	for (pp = &lcore_callbacks; *pp != NULL && *pp != cb; pp = &(*pp)->next)
		;
	if (*pp == NULL) {
		pthread_mutex_unlock(&lcore_lock);
		return;
	}
	*pp = cb->next;
	for (id = 0; cb->uninit != NULL && id < RTE_MAX_LCORE; id++)
		if (config->lcore_role[id] != ROLE_OFF)
			cb->uninit(id, cb->arg);
	pthread_mutex_unlock(&lcore_lock);
	free(cb);
}

int
rte_lcore_iterate(rte_lcore_iterate_cb cb, void *arg)
{
	struct rte_config *config = rte_eal_get_configuration();
	unsigned int id;
	int ret = 0;

	pthread_mutex_lock(&lcore_lock);
	for (id = 0; id < RTE_MAX_LCORE && ret == 0; id++)
		if (config->lcore_role[id] != ROLE_OFF)
			ret = cb(id, arg);
	pthread_mutex_unlock(&lcore_lock);
	return ret;
}

struct ctrl_thread_start {
	void *(*fn)(void *);
	void *arg;
	rte_cpuset_t cpuset;
};

/* Control threads pin themselves before running the caller's function. */
static void *
ctrl_thread_main(void *p)
{
	struct ctrl_thread_start start = *(struct ctrl_thread_start *)p;

	free(p);
	if (CPU_COUNT(&start.cpuset) > 0)
		eal_thread_set_affinity_self(&start.cpuset);
	return start.fn(start.arg);
}

int
rte_ctrl_thread_create(pthread_t *thread, const char *name, const pthread_attr_t *attr,
		void *(*start_routine)(void *), void *arg)
{
	struct ctrl_thread_start *start;
	int ret;

	if (thread == NULL || start_routine == NULL)
		return -EINVAL;
	start = malloc(sizeof(*start));
	if (start == NULL)
		return -ENOMEM;
	start->fn = start_routine;
	start->arg = arg;
	start->cpuset = eal_get_internal_configuration()->ctrl_cpuset;
	ret = pthread_create(thread, attr, ctrl_thread_main, start);
	if (ret != 0) {
		free(start);
		return -ret;
	}
	if (name != NULL)
		rte_thread_setname(*thread, name);
	return 0;
}

int
rte_thread_register(void)
{
	struct rte_config *config = rte_eal_get_configuration();
	rte_cpuset_t cpuset;
	unsigned int id;

	if (!eal_get_internal_configuration()->init_complete) {
		rte_errno = EINVAL;
		return -1;
	}
	if (rte_lcore_id() != LCORE_ID_ANY)
		return 0;
	if (pthread_getaffinity_np(pthread_self(), sizeof(cpuset), &cpuset) != 0)
		CPU_ZERO(&cpuset);

	pthread_mutex_lock(&lcore_lock);
	for (id = 0; id < RTE_MAX_LCORE; id++)
		if (config->lcore_role[id] == ROLE_OFF)
			break;
	if (id == RTE_MAX_LCORE) {
		pthread_mutex_unlock(&lcore_lock);
		EAL_LOG(ERR, "no free lcore id for a non-EAL thread (all %d in use)\n",
			RTE_MAX_LCORE);
		rte_errno = ENOMEM;
		return -1;
	}
	lcore_config[id].cpuset = cpuset;
	lcore_config[id].socket_id = eal_cpuset_socket_id(&cpuset);
	lcore_config[id].core_index = -1;
	lcore_config[id].core_role = ROLE_NON_EAL;
	config->lcore_role[id] = ROLE_NON_EAL;
	config->lcore_count++;
	if (lcore_callbacks_init(id) < 0) {
		config->lcore_role[id] = ROLE_OFF;
		lcore_config[id].core_role = ROLE_OFF;
		CPU_ZERO(&lcore_config[id].cpuset);
		config->lcore_count--;
		pthread_mutex_unlock(&lcore_lock);
		rte_errno = ENOMEM;
		return -1;
	}
	pthread_mutex_unlock(&lcore_lock);

	RTE_PER_LCORE(_lcore_id) = id;
	RTE_PER_LCORE(_cpuset) = cpuset;
	return 0;
}

void
rte_thread_unregister(void)
{
	struct rte_config *config = rte_eal_get_configuration();
	unsigned int id = rte_lcore_id();

	if (id >= RTE_MAX_LCORE)
		return;
	pthread_mutex_lock(&lcore_lock);
	if (config->lcore_role[id] != ROLE_NON_EAL) {
		/* An EAL thread keeps its lcore. */
		pthread_mutex_unlock(&lcore_lock);
		return;
	}
	lcore_callbacks_uninit(id, NULL);
	config->lcore_role[id] = ROLE_OFF;
	lcore_config[id].core_role = ROLE_OFF;
	CPU_ZERO(&lcore_config[id].cpuset);
	config->lcore_count--;
	pthread_mutex_unlock(&lcore_lock);
	RTE_PER_LCORE(_lcore_id) = LCORE_ID_ANY;
}

void
rte_lcore_dump(FILE *f)
{
	static const char *const roles[] = {
		[ROLE_RTE] = "RTE", [ROLE_OFF] = "OFF",
		[ROLE_SERVICE] = "SERVICE", [ROLE_NON_EAL] = "NON_EAL",
	};
	const struct rte_config *config = rte_eal_get_configuration();
	unsigned int i;

	for (i = 0; i < RTE_MAX_LCORE; i++) {
		if (config->lcore_role[i] == ROLE_OFF)
			continue;
		fprintf(f, "lcore %u, socket %d, role %s, cpus", i,
			(int)lcore_config[i].socket_id, roles[config->lcore_role[i]]);
		for (unsigned int cpu = 0; cpu < CPU_SETSIZE; cpu++)
			if (CPU_ISSET(cpu, &lcore_config[i].cpuset))
				fprintf(f, " %u", cpu);
		fprintf(f, "%s\n", i == rte_get_main_lcore() ? " (main)" : "");
	}
}
