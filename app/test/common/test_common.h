/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the cmocka tests. */
#ifndef _TEST_COMMON_H_
#define _TEST_COMMON_H_

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <cmocka.h>

/*
 * What a test prints besides its results is a TAP diagnostic: "# " in front, so that TAP
 * readers such as meson do not report it as unknown output. Replaces cmocka's print_message.
 */
static inline void __attribute__((format(printf, 1, 2)))
test_note(const char *format, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, format);
	vprintf(format, ap);
	va_end(ap);
}
#define print_message test_note

#define TEST_ARGV_MAX 64

/* Build an argv array from a NULL-terminated list of strings (copied, so EAL may permute it). */
struct test_argv {
	int argc;
	char *argv[TEST_ARGV_MAX];
	char storage[TEST_ARGV_MAX][256];
};

static inline void
test_argv_build(struct test_argv *a, const char *const *args)
{
	a->argc = 0;
	while (args[a->argc] != NULL && a->argc < TEST_ARGV_MAX - 1) {
		snprintf(a->storage[a->argc], sizeof(a->storage[0]), "%s", args[a->argc]);
		a->argv[a->argc] = a->storage[a->argc];
		a->argc++;
	}
	a->argv[a->argc] = NULL;
}

/* Number of open file descriptors of this process (for leak checks). */
static inline int
test_count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n - 1; /* the directory stream itself */
}

/* Does /proc/self/maps mention this path? (for unmap checks) */
static inline int
test_maps_contain(const char *needle)
{
	char line[1024];
	FILE *f = fopen("/proc/self/maps", "r");
	int found = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strstr(line, needle) != NULL)
			found = 1;
	fclose(f);
	return found;
}

/*
 * For helper processes (a secondary run by a test), which cannot use cmocka's asserts: on a
 * false condition, say where on stderr and return 1 from the calling function.
 */
#define TEST_PEER_CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "peer: check failed at line %d: %s\n", __LINE__, #cond); \
		return 1; \
	} \
} while (0)

#endif /* _TEST_COMMON_H_ */
