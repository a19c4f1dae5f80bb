/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Driver plugins. Drivers register from constructors, so loading a driver's shared object is
 * all it takes to make it available. Two sources:
 *  - -d PATH on the command line (a .so file, or every .so in a folder);
 *  - when EAL itself is a shared library, the pmds folder next to it (<libdir>/dpdk/pmds-N),
 *    where the install step links every driver. Finding the folder relative to librte_eal.so
 *    keeps an installed tree working wherever it was installed to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <dlfcn.h>
#include <limits.h>
#include <libgen.h>
#include <sys/stat.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_private.h"

struct plugin {
	struct plugin *next;
	char path[PATH_MAX];
};

static struct plugin *plugin_list;

int
eal_plugin_add(const char *path)
{
	struct plugin *p, **tail;

	if (path == NULL || path[0] == '\0' || strlen(path) >= PATH_MAX)
		return -1;
	p = calloc(1, sizeof(*p));
	if (p == NULL)
		return -1;
	rte_strlcpy(p->path, path, sizeof(p->path));
	for (tail = &plugin_list; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = p;
	return 0;
}

/* "x.so" or "x.so.1.0": not the build folder's "x.so.1.0.p" object folders. */
static int
is_shared_object(const char *name)
{
	const char *so = strstr(name, ".so");
	const char *p;

	if (so == NULL)
		return 0;
	for (p = so + 3; *p != '\0'; p++)
		if (*p != '.' && (*p < '0' || *p > '9'))
			return 0;
	return 1;
}

static int
load_one(const char *path)
{
	/* RTLD_NODELETE: drivers cannot be unloaded safely while devices may exist. */
	if (dlopen(path, RTLD_NOW | RTLD_GLOBAL | RTLD_NODELETE) == NULL) {
		EAL_LOG(ERR, "cannot load driver %s: %s\n", path, dlerror());
		return -1;
	}
	return 0;
}

static int
load_path(const char *path, int required)
{
	char file[PATH_MAX];
	struct dirent *e;
	struct stat st;
	DIR *d;
	int ret = 0;

	if (stat(path, &st) < 0) {
		if (required)
			EAL_LOG(ERR, "driver path %s does not exist\n", path);
		return required ? -1 : 0;
	}
	if (!S_ISDIR(st.st_mode))
		return load_one(path);
	d = opendir(path);
	if (d == NULL)
		return required ? -1 : 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !is_shared_object(e->d_name))
			continue;
		if ((size_t)snprintf(file, sizeof(file), "%s/%s", path, e->d_name) >= sizeof(file))
			continue;
		if (stat(file, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		if (load_one(file) < 0)
			ret = -1;
	}
	closedir(d);
	return ret;
}

/* The pmds folder beside librte_eal.so, or "" when EAL is linked statically. */
static void
default_pmd_dir(char *buf, size_t len)
{
	char copy[PATH_MAX];
	Dl_info info;

	buf[0] = '\0';
	if (dladdr((void *)(uintptr_t)eal_plugins_init, &info) == 0 || info.dli_fname == NULL)
		return;
	if (strstr(info.dli_fname, "librte_eal.so") == NULL)
		return;
	rte_strlcpy(copy, info.dli_fname, sizeof(copy));
	snprintf(buf, len, "%s/%s", dirname(copy), RTE_EAL_PMD_SUBDIR);
}

int
eal_plugins_init(void)
{
	char dir[PATH_MAX];
	struct plugin *p;

	default_pmd_dir(dir, sizeof(dir));
	if (dir[0] != '\0' && load_path(dir, 0) < 0)
		return -1;
	for (p = plugin_list; p != NULL; p = p->next)
		if (load_path(p->path, 1) < 0)
			return -1;
	return 0;
}

void
eal_plugins_free(void)
{
	struct plugin *p;

	while ((p = plugin_list) != NULL) {
		plugin_list = p->next;
		free(p);
	}
}
