/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EAL command-line options, spelled as DPDK spells them. Parsing only records settings in
 * internal_config; nothing is acquired here, so a bad option leaves the process untouched.
 * Each error is reported in one line that names the option and the offending value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <getopt.h>
#include <ctype.h>
#include <unistd.h>
#include <limits.h>
#include <errno.h>
#include <sched.h>
#include <regex.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_memory.h>
#include <rte_errno.h>
#include <rte_version.h>
#include <rte_string_fns.h>

#include "eal_private.h"

enum {
	OPT_LONG_MIN = 256,
	OPT_MAIN_LCORE,
	OPT_SOCKET_MEM,
	OPT_SOCKET_LIMIT,
	OPT_NO_HUGE,
	OPT_HUGE_DIR,
	OPT_HUGE_UNLINK,
	OPT_IN_MEMORY,
	OPT_FILE_PREFIX,
	OPT_LOG_LEVEL,
	OPT_VDEV,
	OPT_NO_PCI,
	OPT_NO_HPET,
	OPT_VMWARE_TSC_MAP,
	OPT_NO_SHCONF,
	OPT_NO_TELEMETRY,
	OPT_PROC_TYPE,
	OPT_IOVA_MODE,
	OPT_LEGACY_MEM,
	OPT_SINGLE_FILE_SEGMENTS,
	OPT_MATCH_ALLOCATIONS,
	OPT_MBUF_POOL_OPS_NAME,
	OPT_CREATE_UIO_DEV,
	OPT_VFIO_INTR,
	OPT_VFIO_VF_TOKEN,
	OPT_BASE_VIRTADDR,
	OPT_TELEMETRY,
	OPT_SYSLOG,
	OPT_LCORES,
};

static const char eal_short_options[] = "+a:b:c:d:hl:m:n:r:s:S:v";

static const struct option eal_long_options[] = {
	{ "allow", required_argument, NULL, 'a' },
	{ "block", required_argument, NULL, 'b' },
	{ "help", no_argument, NULL, 'h' },
	{ "lcores", required_argument, NULL, OPT_LCORES },
	{ "main-lcore", required_argument, NULL, OPT_MAIN_LCORE },
	{ "socket-mem", required_argument, NULL, OPT_SOCKET_MEM },
	{ "socket-limit", required_argument, NULL, OPT_SOCKET_LIMIT },
	{ "no-huge", no_argument, NULL, OPT_NO_HUGE },
	{ "huge-dir", required_argument, NULL, OPT_HUGE_DIR },
	{ "huge-unlink", optional_argument, NULL, OPT_HUGE_UNLINK },
	{ "in-memory", no_argument, NULL, OPT_IN_MEMORY },
	{ "file-prefix", required_argument, NULL, OPT_FILE_PREFIX },
	{ "log-level", required_argument, NULL, OPT_LOG_LEVEL },
	{ "vdev", required_argument, NULL, OPT_VDEV },
	{ "no-pci", no_argument, NULL, OPT_NO_PCI },
	{ "no-hpet", no_argument, NULL, OPT_NO_HPET },
	{ "vmware-tsc-map", no_argument, NULL, OPT_VMWARE_TSC_MAP },
	{ "no-shconf", no_argument, NULL, OPT_NO_SHCONF },
	{ "no-telemetry", no_argument, NULL, OPT_NO_TELEMETRY },
	{ "telemetry", no_argument, NULL, OPT_TELEMETRY },
	{ "proc-type", required_argument, NULL, OPT_PROC_TYPE },
	{ "iova-mode", required_argument, NULL, OPT_IOVA_MODE },
	{ "legacy-mem", no_argument, NULL, OPT_LEGACY_MEM },
	{ "single-file-segments", no_argument, NULL, OPT_SINGLE_FILE_SEGMENTS },
	{ "match-allocations", no_argument, NULL, OPT_MATCH_ALLOCATIONS },
	{ "mbuf-pool-ops-name", required_argument, NULL, OPT_MBUF_POOL_OPS_NAME },
	{ "create-uio-dev", no_argument, NULL, OPT_CREATE_UIO_DEV },
	{ "vfio-intr", required_argument, NULL, OPT_VFIO_INTR },
	{ "vfio-vf-token", required_argument, NULL, OPT_VFIO_VF_TOKEN },
	{ "base-virtaddr", required_argument, NULL, OPT_BASE_VIRTADDR },
	{ "syslog", optional_argument, NULL, OPT_SYSLOG },
	{ "version", no_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 }
};

static struct eal_device_option *devopt_head;
static void log_opts_free(void);
static rte_usage_hook_t rte_application_usage_hook;

const struct eal_device_option *
eal_device_options(void)
{
	return devopt_head;
}

static int
eal_device_option_add(enum eal_devopt_type type, const char *arg)
{
	struct eal_device_option *opt, **tail;
	size_t len = strlen(arg);

	if (len == 0)
		return -EINVAL;
	opt = calloc(1, sizeof(*opt) + len + 1);
	if (opt == NULL)
		return -ENOMEM;
	opt->type = type;
	memcpy(opt->arg, arg, len + 1);
	for (tail = &devopt_head; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = opt;
	return 0;
}

void
eal_options_free(void)
{
	struct internal_config *cfg = eal_get_internal_configuration();
	struct eal_device_option *opt;

	while ((opt = devopt_head) != NULL) {
		devopt_head = opt->next;
		free(opt);
	}
	free(cfg->hugefile_prefix);
	cfg->hugefile_prefix = NULL;
	free(cfg->hugepage_dir);
	cfg->hugepage_dir = NULL;
	free(cfg->user_mbuf_pool_ops_name);
	cfg->user_mbuf_pool_ops_name = NULL;
	eal_plugins_free();
	log_opts_free();
	eal_log_free();
}

rte_usage_hook_t
rte_set_application_usage_hook(rte_usage_hook_t usage_func)
{
	rte_usage_hook_t old = rte_application_usage_hook;

	rte_application_usage_hook = usage_func;
	return old;
}

void
eal_usage(const char *prgname)
{
	printf("\nUsage: %s [options]\n\n"
	       "EAL options:\n"
	       "  -l CORELIST            lcores to run on, e.g. 0-3,8 (lcore i runs on CPU i)\n"
	       "  -c COREMASK            lcores as a hexadecimal mask\n"
	       "  --lcores MAP           lcores mapped to CPUs, e.g. 0-3 or 1@2,(3-4)@(5-6)\n"
	       "  --main-lcore ID        lcore running main() (default: the first one)\n"
	       "  -s SERVICE_COREMASK    lcores (hexadecimal mask) to run services on\n"
	       "  -S SERVICE_CORELIST    lcores (list, e.g. 2-3) to run services on\n"
	       "  -n CHANNELS            memory channels (a hint)\n"
	       "  -r RANKS               memory ranks (a hint)\n"
	       "  -m MB                  memory to reserve at start-up\n"
	       "  --socket-mem MB,MB,... memory per NUMA node\n"
	       "  --no-huge              use anonymous memory instead of hugepages\n"
	       "  --huge-dir DIR         hugetlbfs mount to use\n"
	       "  --in-memory            create no files (hugepage or runtime) but the telemetry\n"
	       "                         socket\n"
	       "  --file-prefix NAME     name of the runtime directory and hugepage files\n"
	       "  --log-level LEVEL      global level, or TYPE:LEVEL (glob) / TYPE,LEVEL (regex);\n"
	       "                         --log-level=help lists the log types\n"
	       "  --vdev DEVARGS         add a virtual device, e.g. net_null0,size=64\n"
	       "  -a, --allow DEVARGS    probe only the listed PCI devices\n"
	       "  -b, --block PCI        never probe this PCI device\n"
	       "  --no-pci               do not scan the PCI bus\n"
	       "  -d PATH                load a driver shared object, or every one in a folder\n"
	       "  --iova-mode pa|va      address devices use for DMA\n"
	       "  --vfio-intr legacy|msi|msix  interrupt mode of vfio-pci devices\n"
	       "  --vfio-vf-token UUID   VF token vfio-pci asks for SR-IOV PFs and VFs\n"
	       "  --proc-type primary|secondary|auto  (auto: secondary when a primary runs)\n"
	       "  --base-virtaddr ADDR   hexadecimal address a primary maps its memory from\n"
	       "  --mbuf-pool-ops-name NAME  mempool ops for packet buffers\n"
	       "  --no-telemetry         no telemetry socket (--telemetry, the default, has one)\n"
	       "  -v, --version          print the version at start-up\n"
	       "  -h, --help             this help\n",
	       prgname);
	if (rte_application_usage_hook != NULL) {
		printf("\n");
		rte_application_usage_hook(prgname);
	}
}

/* Parse a base-10 unsigned number that must use the whole string. */
static int
parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (s == NULL || !isdigit((unsigned char)s[0]))
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Where each lcore runs: filled by -l, -c or --lcores, applied once all options are read. */
static struct {
	const char *opt;                    /* option that set it, NULL for the default */
	unsigned int count;
	int index[RTE_MAX_LCORE];           /* -1 disabled, else order of appearance */
	rte_cpuset_t cpus[RTE_MAX_LCORE];
} lcore_plan;

/* Service lcores asked for with -s or -S (checked against the lcore plan once it is known). */
static bool service_lcores[RTE_MAX_LCORE];
static const char *service_opt;

int
eal_service_lcore_requested(unsigned int lcore)
{
	return lcore < RTE_MAX_LCORE && service_lcores[lcore];
}

static void
lcore_plan_reset(void)
{
	unsigned int i;

	lcore_plan.count = 0;
	for (i = 0; i < RTE_MAX_LCORE; i++) {
		lcore_plan.index[i] = -1;
		CPU_ZERO(&lcore_plan.cpus[i]);
	}
}

/* Enable lcore on cpus (a later mapping of the same lcore replaces the earlier one). */
static void
lcore_plan_add(unsigned int lcore, const rte_cpuset_t *cpus)
{
	if (lcore_plan.index[lcore] < 0)
		lcore_plan.index[lcore] = (int)lcore_plan.count++;
	lcore_plan.cpus[lcore] = *cpus;
}

static const char *
skip_blanks(const char *p)
{
	while (isblank((unsigned char)*p))
		p++;
	return p;
}

/* A decimal number below max at *p; advances *p. */
static int
parse_id(const char **p, unsigned long max, unsigned long *out)
{
	char *end;

	*p = skip_blanks(*p);
	if (!isdigit((unsigned char)**p))
		return -1;
	errno = 0;
	*out = strtoul(*p, &end, 10);
	if (errno != 0 || *out >= max)
		return -1;
	*p = skip_blanks(end);
	return 0;
}

/* "A" or "A-B" at *p (B >= A unless any_order); advances *p. */
static int
parse_range(const char **p, unsigned long max, bool any_order, unsigned long *lo,
		unsigned long *hi)
{
	unsigned long tmp;

	if (parse_id(p, max, lo) < 0)
		return -1;
	*hi = *lo;
	if (**p != '-')
		return 0;
	(*p)++;
	if (parse_id(p, max, hi) < 0)
		return -1;
	if (*hi < *lo) {
		if (!any_order)
			return -1;
		tmp = *lo;
		*lo = *hi;
		*hi = tmp;
	}
	return 0;
}

/* Corelist "0-3,5": lcore ids in the order given, duplicates allowed. */
static int
parse_lcore_list(const char *list, bool *cores, int *order, unsigned int *count)
{
	const char *p = list;
	unsigned long lo, hi, i;

	*count = 0;
	memset(cores, 0, sizeof(*cores) * RTE_MAX_LCORE);
	for (;;) {
		if (parse_range(&p, RTE_MAX_LCORE, false, &lo, &hi) < 0)
			return -1;
		for (i = lo; i <= hi; i++) {
			if (!cores[i]) {
				cores[i] = true;
				if (order != NULL)
					order[*count] = (int)i;
				(*count)++;
			}
		}
		if (*p == '\0')
			return 0;
		if (*p != ',')
			return -1;
		p++;
	}
}

int
eal_parse_corelist(const char *corelist, bool *cores, unsigned int max)
{
	bool all[RTE_MAX_LCORE];
	unsigned int count, i;

	if (parse_lcore_list(corelist, all, NULL, &count) < 0)
		return -1;
	for (i = 0; i < RTE_MAX_LCORE; i++)
		if (all[i] && i >= max)
			return -1;
	memset(cores, 0, sizeof(*cores) * max);
	for (i = 0; i < max && i < RTE_MAX_LCORE; i++)
		cores[i] = all[i];
	return 0;
}

static int
parse_coremask(const char *mask, bool *cores, unsigned int max)
{
	size_t len;
	unsigned int bit = 0;
	int any = 0;
	int i;

	memset(cores, 0, sizeof(*cores) * max);
	mask = skip_blanks(mask);
	if (mask[0] == '0' && (mask[1] == 'x' || mask[1] == 'X'))
		mask += 2;
	len = strlen(mask);
	while (len > 0 && isblank((unsigned char)mask[len - 1]))
		len--;
	if (len == 0)
		return -1;
	for (i = (int)len - 1; i >= 0; i--) {
		int c = mask[i], val, j;

		if (!isxdigit(c))
			return -1;
		val = isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
		for (j = 0; j < 4; j++, bit++) {
			if (!(val & (1 << j)))
				continue;
			if (bit >= max)
				return -1;
			cores[bit] = true;
			any = 1;
		}
	}
	return any ? 0 : -1;
}

int
rte_eal_parse_coremask(const char *coremask, int *cores)
{
	bool set[RTE_MAX_LCORE];
	unsigned int i;
	int order = 0;

	if (coremask == NULL || cores == NULL) {
		EAL_LOG(ERR, "coremask: NULL %s\n", coremask == NULL ? "mask" : "result array");
		return -1;
	}
	if (parse_coremask(coremask, set, RTE_MAX_LCORE) < 0) {
		EAL_LOG(ERR, "invalid coremask '%s'\n", coremask);
		return -1;
	}
	/* Each core named gets its rank among the named cores, the others -1. */
	for (i = 0; i < RTE_MAX_LCORE; i++)
		cores[i] = set[i] ? order++ : -1;
	return 0;
}

/*
 * One side of an --lcores element: "N", "N-M" or a group "(N,M-K,...)". *grouped tells whether
 * parentheses were used. Ranges may be written in either order, as DPDK accepts them.
 */
static int
parse_lcores_set(const char **p, unsigned long max, rte_cpuset_t *set, bool *grouped)
{
	unsigned long lo, hi, i;

	CPU_ZERO(set);
	*p = skip_blanks(*p);
	*grouped = **p == '(';
	if (!*grouped) {
		if (parse_range(p, max, true, &lo, &hi) < 0)
			return -1;
		for (i = lo; i <= hi; i++)
			CPU_SET(i, set);
		return 0;
	}
	(*p)++;
	for (;;) {
		if (parse_range(p, max, true, &lo, &hi) < 0)
			return -1;
		for (i = lo; i <= hi; i++)
			CPU_SET(i, set);
		if (**p == ')')
			break;
		if (**p != ',')
			return -1;
		(*p)++;
	}
	*p = skip_blanks(*p + 1);
	return 0;
}

/*
 * --lcores "lcores[@cpus],...": "1,2@(5-7),(3-5)@(0,2),(0,6),7-8". Without "@", a plain number
 * or range runs each lcore on the CPU of the same number, a group runs each of its lcores on
 * all of the group's CPUs.
 */
static int
parse_lcores_map(const char *arg)
{
	const char *p = arg;

	for (;;) {
		rte_cpuset_t lcores, cpus, own;
		bool grouped, cpus_grouped, own_cpu = false;
		unsigned int l;

		if (parse_lcores_set(&p, RTE_MAX_LCORE, &lcores, &grouped) < 0)
			return -1;
		if (*p == '@') {
			p++;
			if (parse_lcores_set(&p, CPU_SETSIZE, &cpus, &cpus_grouped) < 0)
				return -1;
		} else {
			cpus = lcores;
			own_cpu = !grouped;
		}
		for (l = 0; l < RTE_MAX_LCORE; l++) {
			if (!CPU_ISSET(l, &lcores))
				continue;
			if (own_cpu) {
				CPU_ZERO(&own);
				CPU_SET(l, &own);
				lcore_plan_add(l, &own);
			} else {
				lcore_plan_add(l, &cpus);
			}
		}
		if (*p == '\0')
			return 0;
		if (*p != ',')
			return -1;
		p++;
	}
}

/*
 * A hexadecimal address, with or without 0x, rounded up to 16 MiB (the largest hugepage size
 * it may have to suit): where the primary starts reserving memory.
 */
static int
parse_base_virtaddr(const char *arg, struct internal_config *cfg)
{
	unsigned long long addr;
	char *end;

	errno = 0;
	addr = strtoull(arg, &end, 16);
	if (errno != 0 || arg[0] == '\0' || arg[0] == '-' || *end != '\0' ||
	    addr > UINTPTR_MAX - RTE_PGSIZE_16M) {
		EAL_LOG(ERR, "option --base-virtaddr: invalid address '%s'\n", arg);
		return -1;
	}
	cfg->base_virtaddr = RTE_ALIGN_CEIL((uint64_t)addr, (uint64_t)RTE_PGSIZE_16M);
	return 0;
}

static int
parse_socket_mem(const char *arg, struct internal_config *cfg)
{
	uint64_t mem[RTE_MAX_NUMA_NODES] = { 0 };
	uint64_t total = 0;
	const char *p = arg;
	unsigned long mb;
	unsigned int n = 0, i;
	char *end;

	for (;;) {
		if (n >= RTE_MAX_NUMA_NODES || !isdigit((unsigned char)*p))
			return -1;
		errno = 0;
		mb = strtoul(p, &end, 10);
		if (errno != 0 || mb > UINT64_MAX / EAL_MB / RTE_MAX_NUMA_NODES)
			return -1;
		mem[n++] = (uint64_t)mb * EAL_MB;
		total += (uint64_t)mb * EAL_MB;
		p = end;
		if (*p == '\0')
			break;
		if (*p != ',')
			return -1;
		p++;
	}
	if (total == 0)
		return -1;
	for (i = 0; i < RTE_MAX_NUMA_NODES; i++)
		cfg->socket_mem[i] = mem[i];
	cfg->force_sockets = 1;
	return 0;
}

/* --log-level settings are checked while parsing and applied once every option is valid. */
struct log_level_opt {
	struct log_level_opt *next;
	int kind;               /* 0 global, ':' glob pattern, ',' regular expression */
	uint32_t level;
	char pattern[];
};
static struct log_level_opt *log_opts;

static void
log_opts_free(void)
{
	struct log_level_opt *o;

	while ((o = log_opts) != NULL) {
		log_opts = o->next;
		free(o);
	}
}

static void
eal_log_usage(void)
{
	unsigned int level;

	printf("--log-level LEVEL        global level\n"
	       "--log-level PATTERN:LEVEL  level of the log types matching a glob pattern\n"
	       "--log-level REGEX,LEVEL    level of the log types matching a regular expression\n"
	       "A message is printed when both the global and its type's level allow it.\n"
	       "Levels:\n");
	for (level = RTE_LOG_EMERG; level <= RTE_LOG_MAX; level++) {
		static const char *const names[] = { "", "emergency", "alert", "critical",
			"error", "warning", "notice", "info", "debug" };

		printf("\t%u  %s\n", level, names[level]);
	}
	printf("Log types:\n");
	rte_log_list_types(stdout, "\t");
}

static int
parse_log_level(const char *arg)
{
	struct log_level_opt *o, **tail;
	const char *sep;
	size_t plen = 0;
	uint32_t level;
	int kind = 0;

	/* Like DPDK: a comma makes a regular expression, else a colon a glob pattern. */
	sep = strchr(arg, ',');
	if (sep != NULL)
		kind = ',';
	else if ((sep = strchr(arg, ':')) != NULL)
		kind = ':';
	if (kind != 0) {
		plen = (size_t)(sep - arg);
		if (plen == 0 || eal_log_level_parse_name(sep + 1, &level) < 0)
			return -1;
	} else if (eal_log_level_parse_name(arg, &level) < 0) {
		return -1;
	}
	o = calloc(1, sizeof(*o) + plen + 1);
	if (o == NULL)
		return -1;
	o->kind = kind;
	o->level = level;
	memcpy(o->pattern, arg, plen);
	o->pattern[plen] = '\0';
	if (kind == ',') {
		regex_t re;

		if (regcomp(&re, o->pattern, REG_NOSUB) != 0) {
			free(o);
			return -1;
		}
		regfree(&re);
	}
	for (tail = &log_opts; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = o;
	return 0;
}

static int
apply_log_levels(void)
{
	const struct log_level_opt *o;
	int ret = 0;

	if (log_opts == NULL)
		return 0;
	eal_log_save_levels();
	for (o = log_opts; o != NULL; o = o->next) {
		if (o->kind == 0)
			rte_log_set_global_level(o->level);
		else if (o->kind == ':')
			ret = rte_log_set_level_pattern(o->pattern, o->level);
		else
			ret = rte_log_set_level_regexp(o->pattern, o->level);
		if (ret < 0) {
			EAL_LOG(ERR, "option --log-level: cannot apply '%s' (%s)\n", o->pattern,
				strerror(-ret));
			return -1;
		}
	}
	return 0;
}

/*
 * Every CPU named by the plan must be one this process may run on. For -l and -c the lcore id
 * is the CPU number; --lcores may map any lcore id to any usable CPU.
 */
static int
check_lcore_plan(const char *optname, const char *arg, bool mapped)
{
	rte_cpuset_t allowed;
	unsigned int l, cpu;

	if (sched_getaffinity(0, sizeof(allowed), &allowed) != 0)
		CPU_ZERO(&allowed);
	for (l = 0; l < RTE_MAX_LCORE; l++) {
		if (lcore_plan.index[l] < 0)
			continue;
		if (!mapped && CPU_COUNT(&lcore_plan.cpus[l]) == 0) {
			EAL_LOG(ERR, "option %s: lcore %u in '%s' is not an available CPU\n",
				optname, l, arg);
			return -1;
		}
		for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
			if (!CPU_ISSET(cpu, &lcore_plan.cpus[l]))
				continue;
			if (!CPU_ISSET(cpu, &allowed) || !eal_cpu_detected(cpu)) {
				EAL_LOG(ERR, "option %s: CPU %u (for lcore %u) in '%s' "
					"is not available\n", optname, cpu, l, arg);
				return -1;
			}
		}
	}
	return 0;
}

/* Make the plan the lcore configuration: roles, indexes, CPU sets and NUMA nodes. */
static void
apply_lcore_plan(void)
{
	struct rte_config *config = rte_eal_get_configuration();
	unsigned int l;

	for (l = 0; l < RTE_MAX_LCORE; l++) {
		struct lcore_config *lc = &lcore_config[l];

		if (lcore_plan.index[l] < 0) {
			config->lcore_role[l] = ROLE_OFF;
			lc->core_role = ROLE_OFF;
			lc->core_index = -1;
			CPU_ZERO(&lc->cpuset);
			continue;
		}
		config->lcore_role[l] = ROLE_RTE;
		lc->core_role = ROLE_RTE;
		lc->core_index = lcore_plan.index[l];
		if (!CPU_EQUAL(&lc->cpuset, &lcore_plan.cpus[l])) {
			lc->cpuset = lcore_plan.cpus[l];
			lc->socket_id = eal_cpuset_socket_id(&lc->cpuset);
		}
	}
	config->lcore_count = lcore_plan.count;
}

static int
set_string(char **dst, const char *value)
{
	char *dup = strdup(value);

	if (dup == NULL)
		return -1;
	free(*dst);
	*dst = dup;
	return 0;
}

static int
parse_one_option(int opt, const char *arg, const char *optname, struct internal_config *cfg,
		int *print_version)
{
	bool cores[RTE_MAX_LCORE];
	unsigned long v;

	switch (opt) {
	case 'l':
	case 'c':
	case OPT_LCORES:
		if (lcore_plan.opt != NULL) {
			EAL_LOG(ERR, "option %s: lcores were already given by %s\n", optname,
				lcore_plan.opt);
			return -1;
		}
		lcore_plan_reset();
		if (opt == 'l') {
			int order[RTE_MAX_LCORE];
			unsigned int n, i;

			if (parse_lcore_list(arg, cores, order, &n) < 0) {
				EAL_LOG(ERR, "option -l: invalid core list '%s' "
					"(expected e.g. 0-3,5, each below %d)\n", arg,
					RTE_MAX_LCORE);
				return -1;
			}
			for (i = 0; i < n; i++)
				lcore_plan_add((unsigned int)order[i],
					&lcore_config[order[i]].cpuset);
			lcore_plan.opt = "-l";
		} else if (opt == 'c') {
			unsigned int i;

			if (parse_coremask(arg, cores, RTE_MAX_LCORE) < 0) {
				EAL_LOG(ERR, "option -c: invalid core mask '%s' "
					"(hexadecimal, lcores below %d)\n", arg, RTE_MAX_LCORE);
				return -1;
			}
			for (i = 0; i < RTE_MAX_LCORE; i++)
				if (cores[i])
					lcore_plan_add(i, &lcore_config[i].cpuset);
			lcore_plan.opt = "-c";
		} else {
			if (parse_lcores_map(arg) < 0) {
				EAL_LOG(ERR, "option --lcores: invalid lcore map '%s' (expected "
					"e.g. 0-3 or 1@2,(3-4)@(5-6), lcores below %d)\n", arg,
					RTE_MAX_LCORE);
				lcore_plan.opt = NULL;
				return -1;
			}
			lcore_plan.opt = "--lcores";
		}
		return check_lcore_plan(optname, arg, opt == OPT_LCORES);
	case 's':
	case 'S':
		if (service_opt != NULL) {
			EAL_LOG(ERR, "option %s: service lcores were already given by %s\n",
				optname, service_opt);
			return -1;
		}
		if ((opt == 's' ? parse_coremask(arg, cores, RTE_MAX_LCORE) :
				eal_parse_corelist(arg, cores, RTE_MAX_LCORE)) < 0) {
			EAL_LOG(ERR, "option %s: invalid service %s '%s' (lcores below %d)\n",
				optname, opt == 's' ? "core mask" : "core list", arg,
				RTE_MAX_LCORE);
			return -1;
		}
		memcpy(service_lcores, cores, sizeof(service_lcores));
		service_opt = opt == 's' ? "-s" : "-S";
		return 0;
	case OPT_MAIN_LCORE:
		if (parse_uint(arg, RTE_MAX_LCORE - 1, &v) < 0) {
			EAL_LOG(ERR, "option --main-lcore: invalid lcore id '%s'\n", arg);
			return -1;
		}
		cfg->main_lcore = (unsigned int)v;
		cfg->main_lcore_set = 1;
		return 0;
	case 'n':
		if (parse_uint(arg, 64, &v) < 0 || v == 0) {
			EAL_LOG(ERR, "option -n: invalid number of memory channels '%s'\n", arg);
			return -1;
		}
		cfg->force_nchannel = (unsigned int)v;
		return 0;
	case 'r':
		if (parse_uint(arg, 16, &v) < 0 || v == 0) {
			EAL_LOG(ERR, "option -r: invalid number of memory ranks '%s'\n", arg);
			return -1;
		}
		cfg->force_nrank = (unsigned int)v;
		return 0;
	case 'm':
		if (parse_uint(arg, SIZE_MAX / EAL_MB, &v) < 0 || v == 0) {
			EAL_LOG(ERR, "option -m: invalid memory size '%s' (megabytes)\n", arg);
			return -1;
		}
		cfg->memory = (size_t)v * EAL_MB;
		return 0;
	case OPT_SOCKET_MEM:
		if (parse_socket_mem(arg, cfg) < 0) {
			EAL_LOG(ERR, "option --socket-mem: invalid list '%s' "
				"(megabytes per node)\n", arg);
			return -1;
		}
		return 0;
	case OPT_SOCKET_LIMIT:
		return 0; /* memory is reserved up front; a growth limit has nothing to limit */
	case OPT_NO_HUGE:
		cfg->no_hugetlbfs = 1;
		return 0;
	case OPT_HUGE_DIR:
		if (arg[0] == '\0') {
			EAL_LOG(ERR, "option --huge-dir: empty directory\n");
			return -1;
		}
		return set_string(&cfg->hugepage_dir, arg);
	case OPT_HUGE_UNLINK:
		return 0; /* hugepage files are always unlinked once mapped */
	case OPT_IN_MEMORY:
		cfg->in_memory = 1;
		cfg->no_shconf = 1;
		return 0;
	case OPT_FILE_PREFIX:
		if (arg[0] == '\0' || strchr(arg, '/') != NULL || strlen(arg) > NAME_MAX - 16) {
			EAL_LOG(ERR, "option --file-prefix: invalid prefix '%s'\n", arg);
			return -1;
		}
		return set_string(&cfg->hugefile_prefix, arg);
	case OPT_LOG_LEVEL:
		if (strcmp(arg, "help") == 0) {
			eal_log_usage();
			exit(EXIT_SUCCESS);
		}
		if (parse_log_level(arg) < 0) {
			EAL_LOG(ERR, "option --log-level: invalid value '%s' (expected LEVEL, "
				"TYPE:LEVEL or TYPE,LEVEL; LEVEL 0-8 or a name such as debug)\n",
				arg);
			return -1;
		}
		return 0;
	case OPT_VDEV:
	case 'a':
	case 'b':
		if (eal_device_option_add(opt == OPT_VDEV ? EAL_DEVOPT_VDEV :
				opt == 'a' ? EAL_DEVOPT_ALLOW : EAL_DEVOPT_BLOCK, arg) < 0) {
			EAL_LOG(ERR, "option %s: invalid device '%s'\n", optname, arg);
			return -1;
		}
		return 0;
	case OPT_NO_PCI:
		cfg->no_pci = 1;
		return 0;
	case OPT_NO_HPET:
		cfg->no_hpet = 1;
		return 0;
	case OPT_VMWARE_TSC_MAP:
		rte_cycles_vmware_tsc_map = 1;
		return 0;
	case OPT_NO_SHCONF:
		cfg->no_shconf = 1;
		return 0;
	case OPT_NO_TELEMETRY:
		cfg->no_telemetry = 1;
		return 0;
	case OPT_TELEMETRY:
		cfg->no_telemetry = 0;
		return 0;
	case OPT_SYSLOG:
		return 0; /* logs go to stderr (or rte_openlog_stream) */
	case OPT_PROC_TYPE:
		if (strcmp(arg, "primary") == 0) {
			cfg->process_type = RTE_PROC_PRIMARY;
			return 0;
		}
		if (strcmp(arg, "secondary") == 0) {
			cfg->process_type = RTE_PROC_SECONDARY;
			return 0;
		}
		/* Resolved with the prefix lock: primary if nobody holds it. */
		if (strcmp(arg, "auto") == 0) {
			cfg->process_type = RTE_PROC_AUTO;
			return 0;
		}
		EAL_LOG(ERR, "option --proc-type: '%s' is not one of primary, secondary, auto\n",
			arg);
		return -1;
	case OPT_IOVA_MODE:
		if (strcmp(arg, "pa") == 0) {
			cfg->iova_mode = RTE_IOVA_PA;
		} else if (strcmp(arg, "va") == 0) {
			cfg->iova_mode = RTE_IOVA_VA;
		} else {
			EAL_LOG(ERR, "option --iova-mode: invalid mode '%s' (pa or va)\n", arg);
			return -1;
		}
		return 0;
	case OPT_LEGACY_MEM:
		cfg->legacy_mem = 1;
		return 0;
	case OPT_SINGLE_FILE_SEGMENTS:
		cfg->single_file_segments = 1;
		return 0;
	case OPT_MATCH_ALLOCATIONS:
		cfg->match_allocations = 1;
		return 0;
	case OPT_MBUF_POOL_OPS_NAME:
		return set_string(&cfg->user_mbuf_pool_ops_name, arg);
	case OPT_CREATE_UIO_DEV:
		cfg->create_uio_dev = 1;
		return 0;
	case OPT_VFIO_INTR:
		if (strcmp(arg, "legacy") == 0) {
			cfg->vfio_intr_mode = RTE_INTR_MODE_LEGACY;
		} else if (strcmp(arg, "msi") == 0) {
			cfg->vfio_intr_mode = RTE_INTR_MODE_MSI;
		} else if (strcmp(arg, "msix") == 0) {
			cfg->vfio_intr_mode = RTE_INTR_MODE_MSIX;
		} else {
			EAL_LOG(ERR, "option --vfio-intr: invalid mode '%s' (legacy, msi or msix)\n",
				arg);
			return -1;
		}
		return 0;
	case OPT_VFIO_VF_TOKEN:
		if (rte_uuid_parse(arg, cfg->vfio_vf_token) != 0) {
			EAL_LOG(ERR, "option --vfio-vf-token: invalid UUID '%s'\n", arg);
			return -1;
		}
		return 0;
	case OPT_BASE_VIRTADDR:
		return parse_base_virtaddr(arg, cfg);
	case 'd':
		if (eal_plugin_add(arg) < 0) {
			EAL_LOG(ERR, "option -d: cannot record '%s'\n", arg);
			return -1;
		}
		return 0;
	case 'v':
		*print_version = 1;
		return 0;
	default:
		return -1;
	}
}

/*
 * Control threads (rte_ctrl_thread_create) run on the CPUs this process may use that no lcore
 * uses, or on the main lcore's CPUs when the lcores take them all.
 */
static void
compute_ctrl_cpuset(struct internal_config *cfg)
{
	rte_cpuset_t used;
	unsigned int l;

	CPU_ZERO(&used);
	for (l = 0; l < RTE_MAX_LCORE; l++)
		if (rte_lcore_is_enabled(l))
			CPU_OR(&used, &used, &lcore_config[l].cpuset);
	if (sched_getaffinity(0, sizeof(cfg->ctrl_cpuset), &cfg->ctrl_cpuset) != 0)
		CPU_ZERO(&cfg->ctrl_cpuset);
	for (l = 0; l < CPU_SETSIZE; l++)
		if (CPU_ISSET(l, &used))
			CPU_CLR(l, &cfg->ctrl_cpuset);
	if (CPU_COUNT(&cfg->ctrl_cpuset) == 0)
		cfg->ctrl_cpuset = lcore_config[rte_get_main_lcore()].cpuset;
}

/* Checks that need every option: conflicts and the main lcore. */
static int
check_options(struct internal_config *cfg)
{
	struct rte_config *config = rte_eal_get_configuration();
	const struct eal_device_option *opt;
	int allow = 0, block = 0;
	uint64_t total = 0;
	unsigned int i;

	for (opt = devopt_head; opt != NULL; opt = opt->next) {
		allow |= opt->type == EAL_DEVOPT_ALLOW;
		block |= opt->type == EAL_DEVOPT_BLOCK;
	}
	if (allow && block) {
		EAL_LOG(ERR, "options -a/--allow and -b/--block cannot be used together\n");
		return -1;
	}
	for (i = 0; i < RTE_MAX_NUMA_NODES; i++)
		total += cfg->socket_mem[i];
	if (cfg->force_sockets && cfg->memory != 0) {
		EAL_LOG(ERR, "options -m and --socket-mem cannot be used together\n");
		return -1;
	}
	if (cfg->force_sockets && cfg->no_hugetlbfs) {
		EAL_LOG(ERR, "options --socket-mem and --no-huge cannot be used together\n");
		return -1;
	}
	if (cfg->no_hugetlbfs && cfg->hugepage_dir != NULL) {
		EAL_LOG(ERR, "options --huge-dir and --no-huge cannot be used together\n");
		return -1;
	}
	if (cfg->force_sockets)
		cfg->memory = total;
	if (lcore_plan.opt != NULL)
		apply_lcore_plan();
	if (config->lcore_count == 0) {
		EAL_LOG(ERR,
			"no usable lcore (check -l/-c against the CPUs this process may use)\n");
		return -1;
	}
	if (cfg->main_lcore_set) {
		if (!rte_lcore_is_enabled(cfg->main_lcore)) {
			EAL_LOG(ERR, "option --main-lcore: lcore %u is not in the lcore list\n",
				cfg->main_lcore);
			return -1;
		}
		config->main_lcore = cfg->main_lcore;
	} else {
		/* The first lcore that is not a service lcore runs main(). */
		for (i = rte_get_next_lcore(-1, 0, 0); i < RTE_MAX_LCORE && service_lcores[i];
				i = rte_get_next_lcore(i, 0, 0))
			;
		if (i == RTE_MAX_LCORE) {
			EAL_LOG(ERR, "option %s: every lcore is a service lcore; none is left "
				"for main()\n", service_opt);
			return -1;
		}
		config->main_lcore = i;
	}
	/* Service lcores are worker lcores handed over at init: each needs its own thread. */
	for (i = 0; i < RTE_MAX_LCORE; i++) {
		if (!service_lcores[i])
			continue;
		if (!rte_lcore_is_enabled(i)) {
			EAL_LOG(ERR, "option %s: service lcore %u is not in the lcore list "
				"(-l/-c/--lcores)\n", service_opt, i);
			return -1;
		}
		if (i == config->main_lcore) {
			EAL_LOG(ERR, "option %s: lcore %u is the main lcore and cannot be a "
				"service lcore\n", service_opt, i);
			return -1;
		}
	}
	compute_ctrl_cpuset(cfg);
	return 0;
}

int
eal_parse_args(int argc, char **argv)
{
	struct internal_config *cfg = eal_get_internal_configuration();
	const char *prgname = argv[0];
	int print_version = 0;
	int opt, option_index, ret, old_opterr;
	char optname[64];

	lcore_plan.opt = NULL;
	service_opt = NULL;
	memset(service_lcores, 0, sizeof(service_lcores));
	log_opts_free();
	old_opterr = opterr;
	opterr = 0;
	optind = 0; /* 0, not 1: makes GNU getopt forget the state of an earlier parse */
	for (;;) {
		option_index = -1;
		opt = getopt_long(argc, argv, eal_short_options, eal_long_options, &option_index);
		if (opt == -1)
			break;
		if (opt == '?') {
			const char *bad = argv[optind - 1];

			if (optopt >= OPT_LONG_MIN)
				EAL_LOG(ERR, "option '%s' requires an argument\n", bad);
			else if (optopt != 0 && strchr(eal_short_options, optopt) != NULL)
				EAL_LOG(ERR, "option -%c requires an argument\n", optopt);
			else if (optopt != 0)
				EAL_LOG(ERR, "unknown option '-%c' (see --help)\n", optopt);
			else
				EAL_LOG(ERR, "unknown option '%s' (see --help)\n", bad);
			goto fail;
		}
		if (opt == 'h') {
			eal_usage(prgname);
			exit(EXIT_SUCCESS);
		}
		if (option_index >= 0)
			snprintf(optname, sizeof(optname), "--%s",
				eal_long_options[option_index].name);
		else
			snprintf(optname, sizeof(optname), "-%c", opt);
		if (parse_one_option(opt, optarg, optname, cfg, &print_version) < 0)
			goto fail;
	}
	if (check_options(cfg) < 0 || apply_log_levels() < 0)
		goto fail;
	log_opts_free();
	/* A log line, not stdout: the application owns its standard output. */
	if (print_version)
		EAL_LOG(NOTICE, "RTE Version: '%s'\n", rte_version());

	ret = optind - 1;
	if (ret >= 0 && ret < argc)
		argv[ret] = (char *)(uintptr_t)prgname;
	optind = 1;
	opterr = old_opterr;
	return ret;
fail:
	log_opts_free();
	optind = 1;
	opterr = old_opterr;
	return -1;
}
