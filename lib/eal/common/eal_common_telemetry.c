/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EAL and telemetry: EAL starts the server once devices are probed and stops it first thing
 * in rte_eal_cleanup, and answers its own commands: the command line, split into EAL's part
 * and the application's, and the counters of the hotplug engine.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <rte_telemetry.h>
#include <rte_version.h>

#include "eal_internal_cfg.h"
#include "eal_private.h"
#include "eal_telemetry.h"
#include "telemetry_internal.h"

/* NULL-terminated copies of argv before and after "--", argv[0] left out. */
static char **eal_args;
static char **app_args;

static void
free_args(char ***args)
{
	char **a;

	if (*args == NULL)
		return;
	for (a = *args; *a != NULL; a++)
		free(*a);
	free(*args);
	*args = NULL;
}

static char **
copy_args(int n, char **argv)
{
	char **a = calloc(n + 1, sizeof(*a));
	int i;

	if (a == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		a[i] = strdup(argv[i]);
		if (a[i] == NULL) {
			free_args(&a);
			return NULL;
		}
	}
	return a;
}

int
eal_telemetry_save_args(int argc, char **argv)
{
	int i;

	free_args(&eal_args);
	free_args(&app_args);
	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		;
	eal_args = copy_args(i - 1, argv + 1);
	app_args = copy_args(i < argc ? argc - i - 1 : 0, argv + i + 1);
	if (eal_args == NULL || app_args == NULL) {
		EAL_LOG(ERR, "cannot keep the command line for telemetry: out of memory\n");
		free_args(&eal_args);
		free_args(&app_args);
		return -1;
	}
	return 0;
}

static int
handle_args(const char *cmd, const char *params, struct rte_tel_data *d)
{
	char **args = strcmp(cmd, "/eal/params") == 0 ? eal_args : app_args;
	size_t used = 0;

	RTE_SET_USED(params);
	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	for (; args != NULL && *args != NULL; args++) {
		/* Stop before the reply could exceed what one message carries. */
		used += strlen(*args) + 3;
		if (used > RTE_TEL_MAX_SINGLE_STRING_LEN)
			break;
		if (rte_tel_data_add_array_string(d, *args) < 0)
			break;
	}
	return 0;
}

static int
handle_hotplug_stats(const char *cmd, const char *params, struct rte_tel_data *d)
{
	struct eal_hotplug_stats st;

	RTE_SET_USED(cmd);
	RTE_SET_USED(params);
	eal_hotplug_stats_get(&st);
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_u64(d, "attached", st.attached);
	rte_tel_data_add_dict_u64(d, "attach_failed", st.attach_failed);
	rte_tel_data_add_dict_u64(d, "detached", st.detached);
	rte_tel_data_add_dict_u64(d, "detach_failed", st.detach_failed);
	rte_tel_data_add_dict_int(d, "last_error", st.last_error);
	rte_tel_data_add_dict_string(d, "last_error_str",
		st.last_error != 0 ? strerror(-st.last_error) : "");
	rte_tel_data_add_dict_string(d, "last_error_op", st.last_error == 0 ? "" :
		st.last_error_op == EAL_HOTPLUG_ATTACH ? "attach" : "detach");
	rte_tel_data_add_dict_string(d, "last_error_device", st.last_error_dev);
	return 0;
}

RTE_INIT(eal_telemetry_register)
{
	rte_telemetry_register_cmd("/eal/params", handle_args,
		"EAL's command-line arguments. No parameters");
	rte_telemetry_register_cmd("/eal/app_params", handle_args,
		"The application's command-line arguments (after --). No parameters");
	rte_telemetry_register_cmd("/hotplug/stats", handle_hotplug_stats,
		"Device attach and detach counts and the last hotplug error. No parameters");
}

int
eal_telemetry_start(void)
{
	struct internal_config *cfg = eal_get_internal_configuration();
	int logtype;

	if (cfg->no_telemetry)
		return 0;
	logtype = rte_log_register_type_and_pick_level("lib.telemetry", RTE_LOG_WARNING);
	if (logtype < 0)
		logtype = RTE_LOGTYPE_EAL;
	if (rte_telemetry_init(rte_eal_get_runtime_dir(), rte_version(), &cfg->ctrl_cpuset,
			rte_log, logtype) != 0) {
		EAL_LOG(ERR, "cannot start telemetry in %s (--no-telemetry runs without it)\n",
			rte_eal_get_runtime_dir());
		return -1;
	}
	return 0;
}

void
eal_telemetry_stop(void)
{
	rte_telemetry_stop();
	free_args(&eal_args);
	free_args(&app_args);
}
