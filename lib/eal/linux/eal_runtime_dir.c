/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The runtime directory of a process: /var/run/dpdk/<prefix> for root, otherwise
 * $XDG_RUNTIME_DIR/dpdk/<prefix> (or /tmp/dpdk/<prefix>). It holds a "config" file whose
 * exclusive lock marks a running primary, so a second primary with the same --file-prefix is
 * refused instead of corrupting the first one's hugepage files; the same file holds the shared
 * configuration secondaries map (eal_shared.c). --in-memory creates nothing.
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
#include <sys/sysmacros.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"
#include "eal_memalloc.h"

static char runtime_dir[PATH_MAX];
static int config_fd = -1;
static bool config_locked;

const char *
rte_eal_get_runtime_dir(void)
{
	return runtime_dir;
}

bool
eal_runtime_dir_locked(void)
{
	return config_locked;
}

int
eal_runtime_config_fd(void)
{
	return config_fd;
}

const char *
eal_file_prefix(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();

	return cfg->hugefile_prefix != NULL ? cfg->hugefile_prefix : EAL_DEFAULT_FILE_PREFIX;
}

/*
 * Who holds a lock on the file, read from /proc/locks: nothing is locked by looking, so a
 * primary starting at that moment cannot be refused because of us. 0 when nobody does.
 */
static pid_t
lock_holder(const struct stat *st)
{
	unsigned int maj, min;
	unsigned long ino;
	pid_t pid, found = 0;
	char line[256];
	FILE *f;

	f = fopen("/proc/locks", "re");
	if (f == NULL)
		return 0;
	while (found == 0 && fgets(line, sizeof(line), f) != NULL) {
		char *p = strchr(line, ':');

		/* "N: FLOCK ADVISORY WRITE pid maj:min:ino start end"; "->" marks waiters */
		if (p == NULL || strstr(line, "->") != NULL)
			continue;
		if (sscanf(p + 1, " %*s %*s %*s %d %x:%x:%lu", &pid, &maj, &min, &ino) == 4 &&
				ino == (unsigned long)st->st_ino && maj == major(st->st_dev) &&
				min == minor(st->st_dev))
			found = pid;
	}
	fclose(f);
	return found;
}

int
rte_eal_primary_proc_alive(const char *config_file_path)
{
	char path[PATH_MAX + 16];
	struct stat st;
	pid_t holder;

	if (config_file_path == NULL) {
		if (runtime_dir[0] == '\0')
			return 0;
		snprintf(path, sizeof(path), "%s/config", runtime_dir);
		config_file_path = path;
	}
	if (stat(config_file_path, &st) < 0)
		return 0;
	holder = lock_holder(&st);
	/* As with DPDK's lock test, the caller's own lock does not count. */
	return holder != 0 && holder != getpid();
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
	struct internal_config *cfg = eal_get_internal_configuration();
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
	if (cfg->in_memory || cfg->no_shconf) {
		if (cfg->process_type == RTE_PROC_SECONDARY) {
			EAL_LOG(ERR, "--proc-type secondary cannot be combined with %s\n",
				cfg->in_memory ? "--in-memory" : "--no-shconf");
			rte_errno = EINVAL;
			return -1;
		}
		if (cfg->process_type == RTE_PROC_AUTO)
			cfg->process_type = RTE_PROC_PRIMARY;
		return 0;
	}

	snprintf(path, sizeof(path), "%s/dpdk", base);
	if (mkdir_one(path) < 0 || mkdir_one(runtime_dir) < 0) {
		rte_errno = EACCES;
		return -1;
	}
	snprintf(path, sizeof(path), "%s/config", runtime_dir);
	if (cfg->process_type == RTE_PROC_SECONDARY) {
		struct stat st;

		/* Looking at the lock, not taking it, leaves a starting primary undisturbed. */
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0 || fstat(fd, &st) != 0 || lock_holder(&st) == 0) {
			if (fd >= 0)
				close(fd);
			EAL_LOG(ERR, "--proc-type secondary: no primary process is running with "
				"--file-prefix=%s\n", prefix);
			rte_errno = ENOENT;
			return -1;
		}
		config_fd = fd;
		return 0;
	}
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		EAL_LOG(ERR, "cannot open %s: %s\n", path, strerror(errno));
		rte_errno = EACCES;
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (cfg->process_type == RTE_PROC_PRIMARY) {
			close(fd);
			EAL_LOG(ERR, "another primary process is running with --file-prefix=%s "
				"(lock on %s held)\n", prefix, path);
			rte_errno = EEXIST;
			return -1;
		}
		/* A primary runs: join it (auto or secondary). */
		cfg->process_type = RTE_PROC_SECONDARY;
		config_fd = fd;
		return 0;
	}
	cfg->process_type = RTE_PROC_PRIMARY;
	config_fd = fd;
	config_locked = true;
	return 0;
}

void
eal_remove_runtime_dir(void)
{
	char path[PATH_MAX + 16];

	if (config_fd < 0)
		return;
	if (!config_locked) {
		/* A secondary leaves the primary's files alone. */
		close(config_fd);
		config_fd = -1;
		return;
	}
	config_locked = false;
	snprintf(path, sizeof(path), "%s/config", runtime_dir);
	unlink(path);
	rmdir(runtime_dir); /* fails harmlessly if other files are still there */
	close(config_fd);
	config_fd = -1;
}
