/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: rte_devargs_parse on arbitrary text with two buses registered (a "vdev"
 * bus that claims names starting with "net_", and a "pci" bus that claims and canonicalises
 * bus:dev.fn addresses) and an "eth" class; then, for a parsed devargs, insertion into and
 * removal from the devargs list. Checks the documented guarantees on every result.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_class.h>
#include <rte_devargs.h>
#include <bus_driver.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
no_scan(void)
{
	return 0;
}

static struct rte_device *
no_device(const struct rte_device *start, rte_dev_cmp_t cmp, const void *data)
{
	RTE_SET_USED(start);
	RTE_SET_USED(cmp);
	RTE_SET_USED(data);
	return NULL;
}

static int
vdev_parse(const char *name, void *addr)
{
	if (strncmp(name, "net_", 4) != 0)
		return 1;
	if (addr != NULL)
		snprintf(addr, RTE_DEV_NAME_MAX_LEN, "%s", name);
	return 0;
}

static int
pci_parse(const char *name, void *addr)
{
	unsigned int d = 0, b, s, f;
	char end;

	if (sscanf(name, "%x:%x:%x.%x%c", &d, &b, &s, &f, &end) != 4 &&
			sscanf(name, "%x:%x.%x%c", &b, &s, &f, &end) != 3)
		return 1;
	if (d > 0xffff || b > 0xff || s > 0x1f || f > 7)
		return 1;
	if (addr != NULL)
		snprintf(addr, RTE_DEV_NAME_MAX_LEN, "%04x:%02x:%02x.%x", d, b, s, f);
	return 0;
}

static struct rte_bus fake_vdev = {
	.name = "vdev", .scan = no_scan, .probe = no_scan, .find_device = no_device,
	.parse = vdev_parse,
};
static struct rte_bus fake_pci = {
	.name = "pci", .scan = no_scan, .probe = no_scan, .find_device = no_device,
	.parse = pci_parse,
};
static struct rte_class fake_eth = { .name = "eth" };

static void
check(const struct rte_devargs *da, int ret)
{
	if (ret != 0 && ret != -EINVAL && ret != -ENODEV && ret != -ENOMEM)
		abort();
	if (ret != 0) {
		if (da->data != NULL)
			abort();
		return;
	}
	if (da->bus != &fake_vdev && da->bus != &fake_pci)
		abort();
	if (memchr(da->name, '\0', sizeof(da->name)) == NULL)
		abort();
	if (da->args == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int registered;
	struct rte_devargs da, *lda;
	char *s;
	int ret;

	if (!registered) {
		rte_bus_register(&fake_vdev);
		rte_bus_register(&fake_pci);
		rte_class_register(&fake_eth);
		registered = 1;
	}
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';

	ret = rte_devargs_parse(&da, s);
	check(&da, ret);
	rte_devargs_reset(&da);

	lda = calloc(1, sizeof(*lda));
	if (lda != NULL && rte_devargs_parse(lda, s) == 0 && lda->name[0] != '\0') {
		if (rte_devargs_insert(&lda) != 0)
			abort();
		if (rte_devargs_type_count(RTE_DEVTYPE_ALLOWED) != 1)
			abort();
		if (rte_devargs_remove(lda) != 0)
			abort();
		if (rte_devargs_next(NULL, NULL) != NULL)
			abort();
	} else if (lda != NULL) {
		rte_devargs_reset(lda);
		free(lda);
	}
	free(s);
	return 0;
}
