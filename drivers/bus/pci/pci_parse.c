/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Parsing of PCI addresses and of the text the kernel puts in sysfs. No I/O here, so the fuzzer
 * and the unit tests can feed it anything; every function rejects what it does not fully
 * understand instead of guessing.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pci_private.h"

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* One hex field of 1..maxdig digits starting at *p (before end). */
static int
hex_field(const char **p, const char *end, unsigned int maxdig, uint32_t *val)
{
	unsigned int n = 0;
	uint32_t v = 0;
	int d;

	while (*p < end && (d = hex_digit(**p)) >= 0) {
		if (n == maxdig)
			return -1;
		v = (v << 4) | (uint32_t)d;
		(*p)++;
		n++;
	}
	if (n == 0)
		return -1;
	*val = v;
	return 0;
}

int
pci_parse_addr(const char *str, size_t len, struct rte_pci_addr *addr)
{
	const char *p = str, *end = str + len;
	uint32_t first, second, dev, fn;
	uint32_t domain, bus;
	size_t first_len;

	if (str == NULL)
		return -1;
	if (hex_field(&p, end, 8, &first) < 0 || p == end || *p != ':')
		return -1;
	first_len = (size_t)(p - str);
	p++;
	if (hex_field(&p, end, 2, &second) < 0 || p == end)
		return -1;
	if (*p == ':') {
		/* domain:bus:dev.fn */
		p++;
		domain = first;
		bus = second;
		if (hex_field(&p, end, 2, &dev) < 0)
			return -1;
	} else {
		/* bus:dev.fn, domain 0 */
		if (first_len > 2)
			return -1;
		domain = 0;
		bus = first;
		dev = second;
	}
	if (p == end || *p++ != '.')
		return -1;
	if (hex_field(&p, end, 1, &fn) < 0 || p != end)
		return -1;
	if (dev > 0x1f || fn > 7)
		return -1;
	if (addr != NULL) {
		addr->domain = domain;
		addr->bus = (uint8_t)bus;
		addr->devid = (uint8_t)dev;
		addr->function = (uint8_t)fn;
	}
	return 0;
}

int
rte_pci_addr_parse(const char *str, struct rte_pci_addr *addr)
{
	if (str == NULL || addr == NULL)
		return -1;
	return pci_parse_addr(str, strlen(str), addr);
}

void
rte_pci_device_name(const struct rte_pci_addr *addr, char *output, size_t size)
{
	if (output == NULL || size == 0)
		return;
	if (addr == NULL) {
		output[0] = '\0';
		return;
	}
	snprintf(output, size, PCI_PRI_FMT, addr->domain, addr->bus, addr->devid,
		addr->function);
}

int
rte_pci_addr_cmp(const struct rte_pci_addr *addr, const struct rte_pci_addr *addr2)
{
	uint64_t a, b;

	if (addr == NULL || addr2 == NULL)
		return -1;
	a = ((uint64_t)addr->domain << 24) | ((uint64_t)addr->bus << 16) |
		((uint64_t)addr->devid << 8) | addr->function;
	b = ((uint64_t)addr2->domain << 24) | ((uint64_t)addr2->bus << 16) |
		((uint64_t)addr2->devid << 8) | addr2->function;
	return a < b ? -1 : a > b ? 1 : 0;
}

/*
 * A number as sysfs prints it: "0x8086\n" or "12\n". No sign, no leading blanks, nothing but
 * one trailing newline (or blanks) after the digits, at most max.
 */
int
pci_parse_sysfs_value(const char *buf, uint64_t max, uint64_t *val)
{
	unsigned long long v;
	char *end;

	if (buf == NULL || !isdigit((unsigned char)buf[0]))
		return -EINVAL;
	errno = 0;
	v = strtoull(buf, &end, 0);
	if (errno != 0 || end == buf || v > max)
		return -EINVAL;
	/* "0x" alone parses as 0 with end at 'x' */
	if (*end == 'x' || *end == 'X')
		return -EINVAL;
	while (*end == '\n' || *end == ' ' || *end == '\t')
		end++;
	if (*end != '\0')
		return -EINVAL;
	*val = v;
	return 0;
}

/* "0x%016llx" with at least one hex digit; advances *p past it. */
static int
resource_field(const char **p, uint64_t *val)
{
	const char *s = *p;
	unsigned int n = 0;
	uint64_t v = 0;
	int d;

	if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return -1;
	s += 2;
	while ((d = hex_digit(*s)) >= 0) {
		if (n == 16)
			return -1;
		v = (v << 4) | (uint64_t)d;
		s++;
		n++;
	}
	if (n == 0)
		return -1;
	*val = v;
	*p = s;
	return 0;
}

/* One line of the resource file: "start end flags", the line ending at '\n' or '\0'. */
int
pci_parse_resource_line(const char *line, uint64_t *start, uint64_t *end, uint64_t *flags)
{
	const char *p = line;
	uint64_t v[PCI_RESOURCE_FMT_NVAL];
	int i;

	if (line == NULL)
		return -EINVAL;
	for (i = 0; i < PCI_RESOURCE_FMT_NVAL; i++) {
		if (i > 0) {
			if (*p != ' ')
				return -EINVAL;
			while (*p == ' ')
				p++;
		}
		if (resource_field(&p, &v[i]) < 0)
			return -EINVAL;
	}
	while (*p == ' ')
		p++;
	if (*p != '\n' && *p != '\0')
		return -EINVAL;
	*start = v[0];
	*end = v[1];
	*flags = v[2];
	return 0;
}

/*
 * The first PCI_MAX_RESOURCE lines of the resource file (the kernel prints more: ROM and
 * bridge windows). Returns 0, or -(line number) of the first bad line so the caller can say
 * which one.
 */
int
pci_parse_resource_table(const char *buf, struct rte_mem_resource res[PCI_MAX_RESOURCE])
{
	struct rte_mem_resource tmp[PCI_MAX_RESOURCE];
	const char *line = buf;
	uint64_t start, end, flags;
	int i;

	if (buf == NULL)
		return -1;
	memset(tmp, 0, sizeof(tmp));
	for (i = 0; i < PCI_MAX_RESOURCE; i++) {
		if (line == NULL || *line == '\0')
			return -(i + 1);
		if (pci_parse_resource_line(line, &start, &end, &flags) < 0)
			return -(i + 1);
		if (end < start)
			return -(i + 1);
		if ((flags & PCI_IORESOURCE_MEM) && end > start) {
			tmp[i].phys_addr = start;
			tmp[i].len = end - start + 1;
		}
		line = strchr(line, '\n');
		if (line != NULL)
			line++;
	}
	memcpy(res, tmp, sizeof(tmp));
	return 0;
}

/* The iommu_group link points at .../kernel/iommu_groups/<number>. */
int
pci_parse_group_link(const char *link, int *group)
{
	const char *base;
	uint64_t v = 0;

	if (link == NULL)
		return -EINVAL;
	base = strrchr(link, '/');
	base = base == NULL ? link : base + 1;
	if (*base == '\0')
		return -EINVAL;
	for (; *base != '\0'; base++) {
		if (!isdigit((unsigned char)*base))
			return -EINVAL;
		v = v * 10 + (uint64_t)(*base - '0');
		if (v > 0x7fffffff)
			return -EINVAL;
	}
	*group = (int)v;
	return 0;
}

enum rte_pci_kernel_driver
pci_kdrv_from_name(const char *name)
{
	if (name == NULL || name[0] == '\0')
		return RTE_PCI_KDRV_NONE;
	if (strcmp(name, "vfio-pci") == 0)
		return RTE_PCI_KDRV_VFIO;
	if (strcmp(name, "igb_uio") == 0)
		return RTE_PCI_KDRV_IGB_UIO;
	if (strcmp(name, "uio_pci_generic") == 0)
		return RTE_PCI_KDRV_UIO_GENERIC;
	return RTE_PCI_KDRV_UNKNOWN;
}
