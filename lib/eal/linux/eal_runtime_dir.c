/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The runtime directory of a process: /var/run/dpdk/<prefix> for root, otherwise
 * $XDG_RUNTIME_DIR/dpdk/<prefix> (or /tmp/dpdk/<prefix>). It holds a "config" file whose
 * exclusive lock marks a running primary, so a second primary with the same --file-prefix is
 * refused instead of corrupting the first one's hugepage files. --in-memory creates nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <limits.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"
#include "eal_memalloc.h"

static char runtime_dir[PATH_MAX];
static int config_fd = -1;

const char *
rte_eal_get_runtime_dir(void)
{
	return runtime_dir;
}

bool
eal_runtime_dir_locked(void)
{
	return config_fd >= 0;
}

const char *
eal_file_prefix(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();

	return cfg->hugefile_prefix != NULL ? cfg->hugefile_prefix : EAL_DEFAULT_FILE_PREFIX;
}

static int
mkdir_one(const char *path)
{
	if (mkdir(path, 0700) < 0 && errno != EEXIST) {
		EAL_LOG(ERR, "cannot create runtime directory %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

int
eal_create_runtime_dir(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	const char *prefix = eal_file_prefix();
	const char *base = "/var/run";
	char path[PATH_MAX + 16];
	int fd;

	if (getuid() != 0) {
		base = getenv("XDG_RUNTIME_DIR");
		if (base == NULL || base[0] == '\0')
			base = "/tmp";
	}
	if ((size_t)snprintf(runtime_dir, sizeof(runtime_dir), "%s/dpdk/%s", base, prefix) >=
			sizeof(runtime_dir)) {
		EAL_LOG(ERR, "runtime directory path too long for prefix %s\n", prefix);
		rte_errno = ENAMETOOLONG;
		return -1;
	}
	if (cfg->in_memory || cfg->no_shconf)
		return 0;

	snprintf(path, sizeof(path), "%s/dpdk", base);
	if (mkdir_one(path) < 0 || mkdir_one(runtime_dir) < 0) {
		rte_errno = EACCES;
		return -1;
	}
	snprintf(path, sizeof(path), "%s/config", runtime_dir);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		EAL_LOG(ERR, "cannot open %s: %s\n", path, strerror(errno));
		rte_errno = EACCES;
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		EAL_LOG(ERR, "another primary process is running with --file-prefix=%s "
			"(lock on %s held)\n", prefix, path);
		close(fd);
		rte_errno = EEXIST;
		return -1;
	}
	config_fd = fd;
	return 0;
}

void
eal_remove_runtime_dir(void)
{
	char path[PATH_MAX + 16];

	if (config_fd < 0)
		return;
	snprintf(path, sizeof(path), "%s/config", runtime_dir);
	unlink(path);
	rmdir(runtime_dir); /* fails harmlessly if other files are still there */
	close(config_fd);
	config_fd = -1;
}
