/* SPDX-License-Identifier: BSD-3-Clause */
/* Small file readers for drivers: one number from sysfs, a whole firmware image. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eal_filesystem.h"
#include "eal_firmware.h"
#include "eal_private.h"

/* Firmware images are a few MB; a bigger file is not one. */
#define FIRMWARE_MAX_SIZE (256u << 20)

int
eal_parse_sysfs_value(const char *filename, unsigned long *val)
{
	char buf[64], *end;
	unsigned long v;
	FILE *f;

	if (filename == NULL || val == NULL) {
		EAL_LOG(ERR, "sysfs value: NULL %s\n", filename == NULL ? "file name" : "result");
		return -1;
	}
	f = fopen(filename, "r");
	if (f == NULL) {
		EAL_LOG(ERR, "cannot open sysfs value %s: %s\n", filename, strerror(errno));
		return -1;
	}
	if (fgets(buf, sizeof(buf), f) == NULL) {
		EAL_LOG(ERR, "cannot read sysfs value %s\n", filename);
		fclose(f);
		return -1;
	}
	fclose(f);
	errno = 0;
	v = strtoul(buf, &end, 0);
	if (end == buf || errno != 0 || (*end != '\n' && *end != '\0')) {
		EAL_LOG(ERR, "sysfs value %s: not a number: '%.*s'\n", filename,
			(int)strcspn(buf, "\n"), buf);
		return -1;
	}
	*val = v;
	return 0;
}

static int
read_whole(int fd, const char *name, void **buf, size_t *bufsz)
{
	struct stat st;
	size_t done = 0;
	char *data;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		EAL_LOG(ERR, "firmware %s is not a regular file\n", name);
		return -1;
	}
	if ((uint64_t)st.st_size > FIRMWARE_MAX_SIZE) {
		EAL_LOG(ERR, "firmware %s: %jd bytes, more than %u\n", name, (intmax_t)st.st_size,
			FIRMWARE_MAX_SIZE);
		return -1;
	}
	/* One byte more than needed so that an empty file still gets a buffer to free. */
	data = malloc((size_t)st.st_size + 1);
	if (data == NULL) {
		EAL_LOG(ERR, "firmware %s: no memory for %jd bytes\n", name, (intmax_t)st.st_size);
		return -1;
	}
	while (done < (size_t)st.st_size) {
		ssize_t n = read(fd, data + done, (size_t)st.st_size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			EAL_LOG(ERR, "firmware %s: read failed after %zu bytes: %s\n", name, done,
				n < 0 ? strerror(errno) : "file shrank");
			free(data);
			return -1;
		}
		done += (size_t)n;
	}
	*buf = data;
	*bufsz = done;
	return 0;
}

int
rte_firmware_read(const char *name, void **buf, size_t *bufsz)
{
	char xz[4096];
	int fd, ret;

	if (name == NULL || buf == NULL || bufsz == NULL) {
		EAL_LOG(ERR, "firmware read: NULL %s\n",
			name == NULL ? "name" : buf == NULL ? "buffer" : "size");
		return -1;
	}
	fd = open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;

		if (err == ENOENT && (size_t)snprintf(xz, sizeof(xz), "%s.xz", name) < sizeof(xz) &&
				access(xz, F_OK) == 0)
			EAL_LOG(ERR, "firmware %s: only %s exists; compressed images are not read\n",
				name, xz);
		else
			EAL_LOG(ERR, "cannot open firmware %s: %s\n", name, strerror(err));
		return -1;
	}
	ret = read_whole(fd, name, buf, bufsz);
	close(fd);
	return ret;
}
