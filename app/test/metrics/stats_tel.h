/* SPDX-License-Identifier: BSD-3-Clause */
/* A telemetry client for the stats suites: one command, its JSON reply as a string. */
#ifndef _STATS_TEL_H_
#define _STATS_TEL_H_

#include "test_common.h"

#include <poll.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "telemetry_internal.h"

#define STATS_TEL_REPLY_LEN (16 * 1024)

/* Send cmd on a new connection; the reply, NUL-terminated, in a static buffer. */
static inline const char *
stats_tel_query(const char *cmd)
{
	static char reply[STATS_TEL_REPLY_LEN + 1];
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct pollfd p;
	ssize_t n;
	int fd;

	assert_true(strlen(rte_telemetry_socket_path()) > 0);
	fd = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	assert_true(fd >= 0);
	strcpy(sun.sun_path, rte_telemetry_socket_path());
	assert_int_equal(connect(fd, (struct sockaddr *)&sun, sizeof(sun)), 0);
	p = (struct pollfd){ .fd = fd, .events = POLLIN };
	assert_int_equal(poll(&p, 1, 5000), 1);
	assert_true(recv(fd, reply, STATS_TEL_REPLY_LEN, 0) > 0);    /* the welcome */
	assert_int_equal(send(fd, cmd, strlen(cmd), 0), (ssize_t)strlen(cmd));
	assert_int_equal(poll(&p, 1, 5000), 1);
	n = recv(fd, reply, STATS_TEL_REPLY_LEN, 0);
	assert_true(n > 0);
	reply[n] = '\0';
	close(fd);
	return reply;
}

#endif /* _STATS_TEL_H_ */
