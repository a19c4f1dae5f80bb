/* SPDX-License-Identifier: BSD-3-Clause */
/* UUIDs: parse, print, compare (RFC 4122 layout). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_uuid.h>

/* Offsets of the dashes in the written form. */
static int
uuid_dash_at(size_t i)
{
	return i == 8 || i == 13 || i == 18 || i == 23;
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool
rte_uuid_is_null(const rte_uuid_t uu)
{
	unsigned int i;

	for (i = 0; i < sizeof(rte_uuid_t); i++)
		if (uu[i] != 0)
			return false;
	return true;
}

int
rte_uuid_compare(const rte_uuid_t a, const rte_uuid_t b)
{
	/*
	 * The fields (time_low, time_mid, time_hi_and_version, clock_seq, node) are big-endian
	 * unsigned numbers, so comparing the bytes in order compares the fields in order.
	 */
	int d = memcmp(a, b, sizeof(rte_uuid_t));

	return d < 0 ? -1 : d > 0;
}

int
rte_uuid_parse(const char *in, rte_uuid_t uu)
{
	rte_uuid_t out;
	unsigned int n = 0;
	size_t i;

	if (in == NULL || strlen(in) != RTE_UUID_STRLEN - 1)
		return -1;
	for (i = 0; i < RTE_UUID_STRLEN - 1; i++) {
		int hi, lo;

		if (uuid_dash_at(i)) {
			if (in[i] != '-')
				return -1;
			continue;
		}
		hi = hex_value(in[i]);
		lo = hex_value(in[i + 1]);
		if (hi < 0 || lo < 0 || uuid_dash_at(i + 1))
			return -1;
		out[n++] = (unsigned char)(hi << 4 | lo);
		i++;
	}
	memcpy(uu, out, sizeof(out));
	return 0;
}

void
rte_uuid_unparse(const rte_uuid_t uu, char *out, size_t len)
{
	char buf[RTE_UUID_STRLEN];
	unsigned int i;
	char *p = buf;

	if (out == NULL || len == 0)
		return;
	for (i = 0; i < sizeof(rte_uuid_t); i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		p += sprintf(p, "%02x", uu[i]);
	}
	snprintf(out, len, "%s", buf);
}
