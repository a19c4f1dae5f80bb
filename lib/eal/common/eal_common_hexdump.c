/* SPDX-License-Identifier: BSD-3-Clause */
/* Hexadecimal dumps of memory. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_hexdump.h>

/* Bytes per line of rte_hexdump. */
#define HEXDUMP_WIDTH 16

void
rte_hexdump(FILE *f, const char *title, const void *buf, unsigned int len)
{
	const unsigned char *p = buf;
	unsigned int off, i;

	if (f == NULL)
		f = stdout;
	fprintf(f, "%s at [%p], len=%u\n", title != NULL ? title : "  Dump data", buf, len);
	for (off = 0; off < len; off += HEXDUMP_WIDTH) {
		unsigned int n = len - off < HEXDUMP_WIDTH ? len - off : HEXDUMP_WIDTH;

		fprintf(f, "%08X:", off);
		for (i = 0; i < HEXDUMP_WIDTH; i++) {
			if (i < n)
				fprintf(f, " %02X", p[off + i]);
			else
				fputs("   ", f);
		}
		fputs(" | ", f);
		for (i = 0; i < n; i++)
			fputc(isprint(p[off + i]) ? p[off + i] : '.', f);
		fputc('\n', f);
	}
	fflush(f);
}

void
rte_memdump(FILE *f, const char *title, const void *buf, unsigned int len)
{
	const unsigned char *p = buf;
	unsigned int i;

	if (f == NULL)
		f = stdout;
	if (title != NULL)
		fprintf(f, "%s: ", title);
	for (i = 0; i < len; i++)
		fprintf(f, "%s%02x", i == 0 ? "" : ":", p[i]);
	fputc('\n', f);
	fflush(f);
}
