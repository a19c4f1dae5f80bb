/* SPDX-License-Identifier: BSD-3-Clause */
/* Commands of the first telemetry protocol, kept for libraries that still register them. */
#ifndef _TELEMETRY_LEGACY_H_
#define _TELEMETRY_LEGACY_H_

#include "rte_telemetry.h"

/* Whether a legacy command carries a data part in its request. */
enum rte_telemetry_legacy_data_req {
	DATA_NOT_REQ = 0,
	DATA_REQ
};

/* A legacy command's callback: writes its JSON reply into buffer. */
typedef int (*telemetry_legacy_cb)(const char *cmd, const char *params,
		char *buffer, int buf_len);

/*
 * Register a legacy command. 0; -EINVAL for a NULL or too long cmd or a NULL fn; -ENOMEM.
 * The commands are recorded; this tree serves only the v2 socket.
 */
int
rte_telemetry_legacy_register(const char *cmd, enum rte_telemetry_legacy_data_req data_req,
		telemetry_legacy_cb fn);

#endif /* _TELEMETRY_LEGACY_H_ */
