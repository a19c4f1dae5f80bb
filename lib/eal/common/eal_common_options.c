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

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_log.h>
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
	OPT_BASE_VIRTADDR,
	OPT_TELEMETRY,
	OPT_SYSLOG,
	OPT_LCORES,
};

static const char eal_short_options[] = "+a:b:c:d:hl:m:n:r:v";

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
	{ "base-virtaddr", required_argument, NULL, OPT_BASE_VIRTADDR },
	{ "syslog", optional_argument, NULL, OPT_SYSLOG },
	{ "version", no_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 }
};

static struct eal_device_option *devopt_head;
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
	       "  -l, --lcores CORELIST  lcores to run on, e.g. 0-3,8 (lcore i runs on CPU i)\n"
	       "  -c COREMASK            lcores as a hexadecimal mask\n"
	       "  --main-lcore ID        lcore running main() (default: the first one)\n"
	       "  -n CHANNELS            memory channels (a hint)\n"
	       "  -r RANKS               memory ranks (a hint)\n"
	       "  -m MB                  memory to reserve at start-up\n"
	       "  --socket-mem MB,MB,... memory per NUMA node\n"
	       "  --no-huge              use anonymous memory instead of hugepages\n"
	       "  --huge-dir DIR         hugetlbfs mount to use\n"
	       "  --in-memory            create no files (hugepage or runtime)\n"
	       "  --file-prefix NAME     name of the runtime directory and hugepage files\n"
	       "  --log-level LEVEL      global level, or TYPE:LEVEL (glob) / TYPE,LEVEL (regex)\n"
	       "  --vdev DEVARGS         add a virtual device, e.g. net_null0,size=64\n"
	       "  -a, --allow DEVARGS    probe only the listed PCI devices\n"
	       "  -b, --block PCI        never probe this PCI device\n"
	       "  --no-pci               do not scan the PCI bus\n"
	       "  -d PATH                load a driver shared object, or every one in a folder\n"
	       "  --iova-mode pa|va      address devices use for DMA\n"
	       "  --proc-type primary    process type (only primary is supported)\n"
	       "  --mbuf-pool-ops-name NAME  mempool ops for packet buffers\n"
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

int
eal_parse_corelist(const char *corelist, bool *cores, unsigned int max)
{
	const char *p = corelist;
	unsigned long min_id, max_id;
	char *end;
	unsigned int i;
	int any = 0;

	memset(cores, 0, sizeof(*cores) * max);
	while (*p != '\0') {
		while (isblank((unsigned char)*p))
			p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		errno = 0;
		min_id = strtoul(p, &end, 10);
		if (errno != 0 || min_id >= max)
			return -1;
		p = end;
		while (isblank((unsigned char)*p))
			p++;
		max_id = min_id;
		if (*p == '-') {
			p++;
			while (isblank((unsigned char)*p))
				p++;
			if (!isdigit((unsigned char)*p))
				return -1;
			errno = 0;
			max_id = strtoul(p, &end, 10);
			if (errno != 0 || max_id >= max || max_id < min_id)
				return -1;
			p = end;
			while (isblank((unsigned char)*p))
				p++;
		}
		for (i = (unsigned int)min_id; i <= max_id; i++)
			cores[i] = true;
		any = 1;
		if (*p == ',')
			p++;
		else if (*p != '\0')
			return -1;
		else
			break;
		if (*p == '\0')
			return -1; /* trailing comma */
	}
	return any ? 0 : -1;
}

static int
parse_coremask(const char *mask, bool *cores, unsigned int max)
{
	size_t len;
	unsigned int bit = 0;
	int any = 0;
	int i;

	memset(cores, 0, sizeof(*cores) * max);
	while (isblank((unsigned char)*mask))
		mask++;
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

/*
 * Enable exactly the lcores in cores[]. Every one must be a CPU this process may run on; the
 * default main lcore becomes the first of them.
 */
static int
apply_lcore_set(const bool *cores, const char *opt, const char *arg)
{
	struct rte_config *config = rte_eal_get_configuration();
	unsigned int i, count = 0;

	for (i = 0; i < RTE_MAX_LCORE; i++) {
		if (cores[i] && config->lcore_role[i] == ROLE_OFF && lcore_config[i].core_index < 0) {
			EAL_LOG(ERR, "option %s: lcore %u in '%s' is not an available CPU\n",
				opt, i, arg);
			return -1;
		}
	}
	for (i = 0; i < RTE_MAX_LCORE; i++) {
		if (cores[i]) {
			config->lcore_role[i] = ROLE_RTE;
			lcore_config[i].core_index = (int)count++;
		} else {
			config->lcore_role[i] = ROLE_OFF;
			lcore_config[i].core_index = -1;
		}
	}
	config->lcore_count = count;
	return 0;
}

static int
parse_socket_mem(const char *arg, struct internal_config *cfg)
{
	char buf[256];
	char *tokens[RTE_MAX_NUMA_NODES + 1];
	unsigned long mb;
	int n, i;

	if (strlen(arg) >= sizeof(buf))
		return -1;
	rte_strlcpy(buf, arg, sizeof(buf));
	n = rte_strsplit(buf, sizeof(buf), tokens, RTE_DIM(tokens), ',');
	if (n <= 0 || n > RTE_MAX_NUMA_NODES)
		return -1;
	for (i = 0; i < n; i++) {
		if (parse_uint(tokens[i], ULONG_MAX / MB, &mb) < 0)
			return -1;
		cfg->socket_mem[i] = (uint64_t)mb * MB;
	}
	cfg->force_sockets = 1;
	return 0;
}

static int
parse_log_level(const char *arg)
{
	char *copy, *sep;
	uint32_t level;
	int ret = -1;

	copy = strdup(arg);
	if (copy == NULL)
		return -1;
	sep = strrchr(copy, ':');
	if (sep == NULL)
		sep = strrchr(copy, ',');
	if (sep == NULL) {
		if (eal_log_level_parse_name(copy, &level) == 0) {
			rte_log_set_global_level(level);
			ret = 0;
		}
	} else {
		char kind = *sep;

		*sep = '\0';
		if (copy[0] != '\0' && eal_log_level_parse_name(sep + 1, &level) == 0) {
			if (kind == ':')
				ret = rte_log_set_level_pattern(copy, level);
			else
				ret = rte_log_set_level_regexp(copy, level);
		}
	}
	free(copy);
	return ret < 0 ? -1 : 0;
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
		int *lcores_set, int *print_version)
{
	bool cores[RTE_MAX_LCORE];
	unsigned long v;

	switch (opt) {
	case 'l':
	case OPT_LCORES:
		if (*lcores_set) {
			EAL_LOG(ERR, "option %s: lcores already given by -l, --lcores or -c\n",
				optname);
			return -1;
		}
		if (eal_parse_corelist(arg, cores, RTE_MAX_LCORE) < 0) {
			EAL_LOG(ERR, "option %s: invalid core list '%s' (expected e.g. 0-3,5, each below %d)\n",
				optname, arg, RTE_MAX_LCORE);
			return -1;
		}
		*lcores_set = 1;
		return apply_lcore_set(cores, optname, arg);
	case 'c':
		if (*lcores_set) {
			EAL_LOG(ERR, "option -c: lcores already given by -l, --lcores or -c\n");
			return -1;
		}
		if (parse_coremask(arg, cores, RTE_MAX_LCORE) < 0) {
			EAL_LOG(ERR, "option -c: invalid core mask '%s'\n", arg);
			return -1;
		}
		*lcores_set = 1;
		return apply_lcore_set(cores, "-c", arg);
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
		if (parse_uint(arg, SIZE_MAX / MB, &v) < 0 || v == 0) {
			EAL_LOG(ERR, "option -m: invalid memory size '%s' (megabytes)\n", arg);
			return -1;
		}
		cfg->memory = (size_t)v * MB;
		return 0;
	case OPT_SOCKET_MEM:
		if (parse_socket_mem(arg, cfg) < 0) {
			EAL_LOG(ERR, "option --socket-mem: invalid list '%s' (megabytes per node)\n",
				arg);
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
		if (parse_log_level(arg) < 0) {
			EAL_LOG(ERR, "option --log-level: invalid value '%s' (expected LEVEL, TYPE:LEVEL or TYPE,LEVEL)\n",
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
	case OPT_NO_SHCONF:
		cfg->no_shconf = 1;
		return 0;
	case OPT_NO_TELEMETRY:
	case OPT_TELEMETRY:
		cfg->no_telemetry = 1;
		return 0;
	case OPT_SYSLOG:
		return 0; /* logs go to stderr (or rte_openlog_stream) */
	case OPT_PROC_TYPE:
		if (strcmp(arg, "primary") == 0 || strcmp(arg, "auto") == 0) {
			cfg->process_type = RTE_PROC_PRIMARY;
			return 0;
		}
		EAL_LOG(ERR, "option --proc-type: '%s' is not supported (only primary)\n", arg);
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
		if (strcmp(arg, "legacy") && strcmp(arg, "msi") && strcmp(arg, "msix")) {
			EAL_LOG(ERR, "option --vfio-intr: invalid mode '%s'\n", arg);
			return -1;
		}
		return 0;
	case OPT_BASE_VIRTADDR:
		return 0; /* only a hint for multi-process layouts, which do not exist here */
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
	if (config->lcore_count == 0) {
		EAL_LOG(ERR, "no usable lcore (check -l/-c against the CPUs this process may use)\n");
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
		config->main_lcore = rte_get_next_lcore(-1, 0, 0);
	}
	return 0;
}

int
eal_parse_args(int argc, char **argv)
{
	struct internal_config *cfg = eal_get_internal_configuration();
	const char *prgname = argv[0];
	int lcores_set = 0, print_version = 0;
	int opt, option_index, ret, old_opterr;
	char optname[64];

	old_opterr = opterr;
	opterr = 0;
	optind = 1;
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
		if (parse_one_option(opt, optarg, optname, cfg, &lcores_set, &print_version) < 0)
			goto fail;
	}
	if (check_options(cfg) < 0)
		goto fail;
	if (print_version)
		printf("%s\n", rte_version());

	ret = optind - 1;
	if (ret >= 0 && ret < argc)
		argv[ret] = (char *)(uintptr_t)prgname;
	optind = 1;
	opterr = old_opterr;
	return ret;
fail:
	optind = 1;
	opterr = old_opterr;
	return -1;
}
