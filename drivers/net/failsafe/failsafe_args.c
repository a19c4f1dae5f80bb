/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_failsafe devargs: dev(<devargs>), exec(<command>), fd(<fd>), hotplug_poll=<ms> and
 * mac=<addr>, separated by commas. A sub-device's own devargs contain commas too, so the
 * string is split only at commas outside parentheses (kvargs cannot do that).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_devargs.h>
#include <rte_string_fns.h>

#include "failsafe_private.h"

/* Strip trailing blanks and newlines in place. */
static void
fs_chomp(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' ||
			s[n - 1] == '\t'))
		s[--n] = '\0';
}

/* Run cmd and keep the first line it prints in out. 0 or negative errno. */
static int
fs_exec(const char *cmd, char *out, size_t len)
{
	FILE *f;
	int status;

	f = popen(cmd, "re");
	if (f == NULL) {
		FS_LOG(ERR, "exec(%s): cannot run the command: %s", cmd, strerror(errno));
		return -errno;
	}
	if (fgets(out, (int)len, f) == NULL)
		out[0] = '\0';
	/* the rest of the output, so that the command does not die of SIGPIPE */
	while (fgetc(f) != EOF)
		;
	status = pclose(f);
	fs_chomp(out);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		FS_LOG(ERR, "exec(%s): the command failed (status %d)", cmd, status);
		return -EINVAL;
	}
	if (out[0] == '\0') {
		FS_LOG(ERR, "exec(%s): the command printed no devargs", cmd);
		return -EINVAL;
	}
	return 0;
}

/*
 * Read one line of devargs from fd. At probe (initial) the descriptor must give one; later
 * it is read without blocking and an empty read keeps the devargs already known (-EAGAIN).
 */
static int
fs_read_fd(int fd, char *out, size_t len, int initial)
{
	char buf[FS_DEVARGS_LEN];
	size_t n = 0;
	int flags = fcntl(fd, F_GETFL);

	if (flags < 0) {
		FS_LOG(ERR, "fd(%d): not an open descriptor", fd);
		return -EBADF;
	}
	if (!initial && fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
		return -errno;
	while (n < sizeof(buf) - 1) {
		ssize_t r = read(fd, &buf[n], 1);

		if (r <= 0 || buf[n] == '\n')
			break;
		n++;
	}
	buf[n] = '\0';
	if (!initial)
		fcntl(fd, F_SETFL, flags);
	fs_chomp(buf);
	if (buf[0] == '\0') {
		if (initial)
			FS_LOG(ERR, "fd(%d): no devargs could be read", fd);
		return initial ? -EINVAL : -EAGAIN;
	}
	rte_strscpy(out, buf, len);
	return 0;
}

/* Check devargs names a device some bus knows and keep its name. */
static int
fs_sub_set_devargs(struct fs_sub *s, const char *devargs)
{
	struct rte_devargs da;
	int ret;

	if (devargs[0] == '\0') {
		FS_LOG(ERR, "empty sub-device devargs");
		return -EINVAL;
	}
	if (strlen(devargs) >= sizeof(s->devargs)) {
		FS_LOG(ERR, "sub-device devargs \"%.32s...\" too long", devargs);
		return -E2BIG;
	}
	memset(&da, 0, sizeof(da));
	ret = rte_devargs_parse(&da, devargs);
	if (ret != 0) {
		FS_LOG(ERR, "sub-device \"%s\": no bus or driver knows it (%d)", devargs, ret);
		rte_devargs_reset(&da);
		return ret < 0 ? ret : -EINVAL;
	}
	rte_strscpy(s->name, da.name, sizeof(s->name));
	rte_strscpy(s->devargs, devargs, sizeof(s->devargs));
	rte_devargs_reset(&da);
	return 0;
}

int
fs_sub_refresh_devargs(struct fs_priv *p, struct fs_sub *s, int initial)
{
	char buf[FS_DEVARGS_LEN];
	int ret;

	RTE_SET_USED(p);
	switch (s->src) {
	case FS_SRC_EXEC:
		ret = fs_exec(s->cmd, buf, sizeof(buf));
		break;
	case FS_SRC_FD:
		ret = fs_read_fd(s->fd, buf, sizeof(buf), initial);
		if (ret == -EAGAIN)
			return 0;
		break;
	default:
		return 0;
	}
	if (ret != 0)
		return ret;
	return fs_sub_set_devargs(s, buf);
}

/* Parse an unsigned decimal that fits 32 bits. */
static int
fs_parse_u32(const char *s, uint32_t *v)
{
	unsigned long long x;
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	x = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || x > UINT32_MAX)
		return -EINVAL;
	*v = (uint32_t)x;
	return 0;
}

/* One top-level item (len bytes at it). */
static int
fs_parse_item(struct fs_priv *p, const char *it, size_t len, struct rte_ether_addr *mac)
{
	static const char *const kinds[] = { "dev(", "exec(", "fd(" };
	char item[FS_DEVARGS_LEN + 16];
	unsigned int k;
	uint32_t v;

	if (len >= sizeof(item)) {
		FS_LOG(ERR, "devargs item \"%.32s...\" too long", it);
		return -E2BIG;
	}
	memcpy(item, it, len);
	item[len] = '\0';
	for (k = 0; k < RTE_DIM(kinds); k++) {
		size_t kl = strlen(kinds[k]);
		struct fs_sub *s;
		char *inner;

		if (strncmp(item, kinds[k], kl) != 0)
			continue;
		if (item[len - 1] != ')') {
			FS_LOG(ERR, "\"%s\": text after the closing parenthesis", item);
			return -EINVAL;
		}
		item[len - 1] = '\0';
		inner = item + kl;
		if (inner[0] == '\0') {
			FS_LOG(ERR, "\"%s)\": empty sub-device", item);
			return -EINVAL;
		}
		if (p->nb_sub >= FS_MAX_SUB) {
			FS_LOG(ERR, "\"%s)\": more than %d sub-devices", item, FS_MAX_SUB);
			return -E2BIG;
		}
		s = &p->sub[p->nb_sub];
		s->fd = -1;
		if (k == 0) {
			s->src = FS_SRC_DEV;
			if (fs_sub_set_devargs(s, inner) != 0)
				return -EINVAL;
		} else if (k == 1) {
			s->src = FS_SRC_EXEC;
			rte_strscpy(s->cmd, inner, sizeof(s->cmd));
		} else {
			s->src = FS_SRC_FD;
			if (fs_parse_u32(inner, &v) != 0 || v > INT32_MAX) {
				FS_LOG(ERR, "fd(%s): not a descriptor number", inner);
				return -EINVAL;
			}
			s->fd = (int)v;
		}
		p->nb_sub++;
		return 0;
	}
	if (strncmp(item, "hotplug_poll=", 13) == 0) {
		if (fs_parse_u32(item + 13, &v) != 0) {
			FS_LOG(ERR, "hotplug_poll=%s: not a number of milliseconds", item + 13);
			return -EINVAL;
		}
		p->poll_ms = v;
		return 0;
	}
	if (strncmp(item, "mac=", 4) == 0) {
		if (rte_ether_unformat_addr(item + 4, mac) != 0 ||
				!rte_is_valid_assigned_ether_addr(mac)) {
			FS_LOG(ERR, "mac=%s: not a unicast MAC address", item + 4);
			return -EINVAL;
		}
		p->user_mac = 1;
		return 0;
	}
	FS_LOG(ERR, "unknown devargs item \"%s\"", item);
	return -EINVAL;
}

int
fs_args_parse(struct fs_priv *p, const char *args, struct rte_ether_addr *mac)
{
	const char *start, *c;
	int depth = 0, ret;
	unsigned int i;

	p->poll_ms = FS_DEFAULT_POLL_MS;
	if (args == NULL)
		args = "";
	/* Balance first: an error names the whole string, not a piece of it. */
	for (c = args; *c != '\0'; c++) {
		if (*c == '(')
			depth++;
		else if (*c == ')' && --depth < 0)
			break;
	}
	if (depth != 0) {
		FS_LOG(ERR, "\"%s\": unbalanced parentheses", args);
		return -EINVAL;
	}
	start = args;
	for (c = args;; c++) {
		if (*c == '(')
			depth++;
		else if (*c == ')')
			depth--;
		if ((*c == ',' && depth == 0) || *c == '\0') {
			if (c == start) {
				if (c == args && *c == '\0')
					break;
				FS_LOG(ERR, "\"%s\": empty item", args);
				return -EINVAL;
			}
			ret = fs_parse_item(p, start, (size_t)(c - start), mac);
			if (ret != 0)
				return ret;
			if (*c == '\0')
				break;
			start = c + 1;
		}
	}
	if (p->nb_sub == 0) {
		FS_LOG(ERR, "no sub-device in \"%s\": give dev(), exec() or fd()", args);
		return -EINVAL;
	}
	for (i = 0; i < p->nb_sub; i++) {
		ret = fs_sub_refresh_devargs(p, &p->sub[i], 1);
		if (ret != 0)
			return ret;
	}
	for (i = 1; i < p->nb_sub; i++)
		if (strcmp(p->sub[0].name, p->sub[i].name) == 0) {
			FS_LOG(ERR, "sub-device %s given twice", p->sub[i].name);
			return -EINVAL;
		}
	return 0;
}
