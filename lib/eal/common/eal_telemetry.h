/* SPDX-License-Identifier: BSD-3-Clause */
/* EAL's side of telemetry: starting the server, EAL's commands, hotplug counters. */
#ifndef _EAL_TELEMETRY_H_
#define _EAL_TELEMETRY_H_

#include <stdint.h>

/* Copy the command line for /eal/params and /eal/app_params; -1 when out of memory. */
int eal_telemetry_save_args(int argc, char **argv);
/* Start the server in the runtime directory unless --no-telemetry; -1 on failure. */
int eal_telemetry_start(void);
/* Stop the server and free the saved command line. */
void eal_telemetry_stop(void);

/* Hotplug operations, counted by the engine (eal_common_dev.c). */
enum eal_hotplug_op {
	EAL_HOTPLUG_ATTACH,
	EAL_HOTPLUG_DETACH,
};

struct eal_hotplug_stats {
	uint64_t attached;	/* successful rte_dev_probe */
	uint64_t attach_failed;
	uint64_t detached;	/* successful rte_dev_remove / rte_eal_hotplug_remove */
	uint64_t detach_failed;
	int last_error;		/* negative errno of the last failure, 0 if none */
	enum eal_hotplug_op last_error_op;
	char last_error_dev[128];	/* devargs or device name of the last failure */
};

/* Count one operation on name that returned ret; called with the hotplug lock held. */
void eal_hotplug_account(enum eal_hotplug_op op, const char *name, int ret);
/* A consistent copy of the counters. */
void eal_hotplug_stats_get(struct eal_hotplug_stats *st);

#endif /* _EAL_TELEMETRY_H_ */
