/* SPDX-License-Identifier: BSD-3-Clause */
/* Device arguments of net_virtio: force_legacy=0|1. */
#include <string.h>

#include <rte_kvargs.h>

#include "virtio_private.h"

static int
virtio_arg_bool(const char *key, const char *value, void *opaque)
{
	if (value == NULL || (strcmp(value, "0") != 0 && strcmp(value, "1") != 0)) {
		VIRTIO_LOG(ERR, "devarg %s=%s: 0 or 1 expected", key, value ? value : "");
		return -EINVAL;
	}
	*(int *)opaque = value[0] == '1';
	return 0;
}

/* The arguments of device 'name' (NULL or empty: none). 0, or -EINVAL for anything unknown. */
int
virtio_parse_args(const char *name, const char *args, int *force_legacy)
{
	static const char *const keys[] = { VIRTIO_ARG_FORCE_LEGACY, NULL };
	struct rte_kvargs *kv;
	int ret;

	*force_legacy = 0;
	if (args == NULL || args[0] == '\0')
		return 0;
	kv = rte_kvargs_parse(args, keys);
	if (kv == NULL) {
		VIRTIO_LOG(ERR, "%s: invalid device arguments '%s' (known: %s)", name, args,
			VIRTIO_ARG_FORCE_LEGACY);
		return -EINVAL;
	}
	ret = rte_kvargs_process(kv, VIRTIO_ARG_FORCE_LEGACY, virtio_arg_bool, force_legacy);
	rte_kvargs_free(kv);
	return ret < 0 ? -EINVAL : 0;
}
