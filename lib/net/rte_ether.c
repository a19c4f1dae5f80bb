/* SPDX-License-Identifier: BSD-3-Clause */
/* MAC address formatting, parsing and random generation. */
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_random.h>

#include "rte_ether.h"

void
rte_eth_random_addr(uint8_t *addr)
{
	uint64_t rand = rte_rand();
	unsigned int i;

	for (i = 0; i < RTE_ETHER_ADDR_LEN; i++)
		addr[i] = (uint8_t)(rand >> (8 * i));
	addr[0] &= (uint8_t)~RTE_ETHER_GROUP_ADDR;  /* unicast */
	addr[0] |= RTE_ETHER_LOCAL_ADMIN_ADDR;      /* not a vendor's address */
}

void
rte_ether_format_addr(char *buf, uint16_t size, const struct rte_ether_addr *eth_addr)
{
	snprintf(buf, size, RTE_ETHER_ADDR_PRT_FMT, RTE_ETHER_ADDR_BYTES(eth_addr));
}

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

/* Parse exactly ndigits hex digits at s into *val. */
static int
parse_hex(const char *s, unsigned int ndigits, unsigned int *val)
{
	unsigned int i;
	int d;

	*val = 0;
	for (i = 0; i < ndigits; i++) {
		d = hex_digit(s[i]);
		if (d < 0)
			return -1;
		*val = (*val << 4) | (unsigned int)d;
	}
	return 0;
}

int
rte_ether_unformat_addr(const char *s, struct rte_ether_addr *ea)
{
	struct rte_ether_addr tmp;
	unsigned int i, v;
	size_t len;
	char sep;

	if (s == NULL || ea == NULL)
		goto invalid;
	len = strlen(s);
	if (len == 17) {
		/* XX:XX:XX:XX:XX:XX or XX-XX-XX-XX-XX-XX, one separator throughout. */
		sep = s[2];
		if (sep != ':' && sep != '-')
			goto invalid;
		for (i = 0; i < RTE_ETHER_ADDR_LEN; i++) {
			if (parse_hex(s + 3 * i, 2, &v) != 0)
				goto invalid;
			if (i != RTE_ETHER_ADDR_LEN - 1 && s[3 * i + 2] != sep)
				goto invalid;
			tmp.addr_bytes[i] = (uint8_t)v;
		}
	} else if (len == 14) {
		/* XXXX:XXXX:XXXX */
		for (i = 0; i < 3; i++) {
			if (parse_hex(s + 5 * i, 4, &v) != 0)
				goto invalid;
			if (i != 2 && s[5 * i + 4] != ':')
				goto invalid;
			tmp.addr_bytes[2 * i] = (uint8_t)(v >> 8);
			tmp.addr_bytes[2 * i + 1] = (uint8_t)v;
		}
	} else {
		goto invalid;
	}
	*ea = tmp;
	return 0;
invalid:
	rte_errno = EINVAL;
	return -1;
}
