/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdint.h>
#include <string.h>

#include <rte_string_fns.h>

#include "cmdline_parse.h"
#include "cmdline_parse_num.h"

struct cmdline_token_ops cmdline_token_num_ops = {
	.parse = cmdline_parse_num,
	.complete_get_nb = NULL,
	.complete_get_elt = NULL,
	.get_help = cmdline_get_help_num,
};

static const char *const num_help[] = {
	[RTE_UINT8] = "UINT8",
	[RTE_UINT16] = "UINT16",
	[RTE_UINT32] = "UINT32",
	[RTE_UINT64] = "UINT64",
	[RTE_INT8] = "INT8",
	[RTE_INT16] = "INT16",
	[RTE_INT32] = "INT32",
	[RTE_INT64] = "INT64",
};

static int
digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/*
 * Read the word at buf as an unsigned magnitude: decimal, 0x hex, 0b binary (lower-case
 * prefixes only, as DPDK),
 * or octal after a leading 0; a '-' is allowed before decimal digits only.
 * Returns the word length, or -1 when it is not a number or exceeds 64 bits.
 */
static int
read_magnitude(const char *buf, uint64_t *mag, int *neg)
{
	unsigned int i = 0, base = 10, ndigits = 0;
	int d;

	*neg = 0;
	*mag = 0;
	if (buf[0] == '-') {
		*neg = 1;
		i = 1;
	} else if (buf[0] == '0' && buf[1] == 'x') {
		base = 16;
		i = 2;
	} else if (buf[0] == '0' && buf[1] == 'b') {
		base = 2;
		i = 2;
	} else if (buf[0] == '0') {
		base = 8;
	}
	for (; !cmdline_isendoftoken(buf[i]); i++) {
		d = digit_value(buf[i]);
		if (d >= (int)base)
			return -1;
		if (*mag > (UINT64_MAX - d) / base)
			return -1;
		*mag = *mag * base + d;
		ndigits++;
	}
	if (ndigits == 0)
		return -1;
	return i;
}

int
cmdline_parse_num(cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		unsigned ressize)
{
	static const uint64_t umax[] = { UINT8_MAX, UINT16_MAX, UINT32_MAX, UINT64_MAX };
	enum cmdline_numtype type;
	uint64_t mag;
	int neg, len;
	union {
		uint8_t u8; uint16_t u16; uint32_t u32; uint64_t u64;
		int8_t s8; int16_t s16; int32_t s32; int64_t s64;
	} v;
	size_t vsize;
	unsigned int bits;

	if (tk == NULL || buf == NULL || *buf == '\0')
		return -1;
	type = ((struct cmdline_token_num *)tk)->num_data.type;
	if ((unsigned int)type > RTE_INT64)
		return -1;

	len = read_magnitude(buf, &mag, &neg);
	if (len < 0)
		return -1;

	if (type <= RTE_UINT64) {
		if (neg)
			return -1;
		if (mag > umax[type])
			return -1;
		vsize = (size_t)1 << type;
		v.u64 = 0;
		switch (type) {
		case RTE_UINT8: v.u8 = mag; break;
		case RTE_UINT16: v.u16 = mag; break;
		case RTE_UINT32: v.u32 = mag; break;
		default: v.u64 = mag; break;
		}
	} else {
		bits = 8u << (type - RTE_INT8);
		/* positive up to 2^(bits-1) - 1, negative down to -2^(bits-1) */
		if (mag > (UINT64_C(1) << (bits - 1)) - (neg ? 0 : 1))
			return -1;
		vsize = bits / 8;
		switch (type) {
		case RTE_INT8: v.s8 = neg ? (int8_t)(0 - mag) : (int8_t)mag; break;
		case RTE_INT16: v.s16 = neg ? (int16_t)(0 - mag) : (int16_t)mag; break;
		case RTE_INT32: v.s32 = neg ? (int32_t)(0 - mag) : (int32_t)mag; break;
		default: v.s64 = neg ? (int64_t)(0 - mag) : (int64_t)mag; break;
		}
	}

	if (res != NULL) {
		if (ressize < vsize)
			return -1;
		memcpy(res, &v, vsize);
	}
	return len;
}

int
cmdline_get_help_num(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size)
{
	enum cmdline_numtype type;

	if (tk == NULL || dstbuf == NULL)
		return -1;
	type = ((struct cmdline_token_num *)tk)->num_data.type;
	if ((unsigned int)type > RTE_INT64)
		return -1;
	strlcpy(dstbuf, num_help[type], size);
	return 0;
}
