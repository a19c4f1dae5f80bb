/* SPDX-License-Identifier: BSD-3-Clause */
/* Prints hash_ref_vectors.h; build against DPDK 22.11, see app/test/hash/meson.build. */
#include <stdio.h>
#include <stdint.h>
#include <rte_jhash.h>
#include <rte_hash_crc.h>
int main(void)
{
	uint8_t buf[80];
	uint32_t seeds[3] = {0, 0xdeadbeef, 0x12345678};
	unsigned int i, s, off;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 37 + 11);
	printf("/* generated with DPDK 22.11 (Debian libdpdk-dev) */\n");
	printf("static const uint32_t ref_jhash[3][65] = {\n");
	for (s = 0; s < 3; s++) {
		printf("\t{");
		for (i = 0; i <= 64; i++)
			printf("%s0x%08x", i == 0 ? "\n\t\t" : i % 6 ? ", " : ",\n\t\t", rte_jhash(buf + 1, i, seeds[s]));
		printf("\n\t},\n");
	}
	printf("};\nstatic const uint32_t ref_crc[3][65] = {\n");
	for (s = 0; s < 3; s++) {
		printf("\t{");
		for (i = 0; i <= 64; i++)
			printf("%s0x%08x", i == 0 ? "\n\t\t" : i % 6 ? ", " : ",\n\t\t", rte_hash_crc(buf + 3, i, seeds[s]));
		printf("\n\t},\n");
	}
	printf("};\n");
	uint32_t pc = 1, pb = 2;
	rte_jhash_2hashes(buf, 23, &pc, &pb);
	printf("static const uint32_t ref_2hashes[2] = {0x%08x, 0x%08x};\n", pc, pb);
	pc = 3; pb = 4;
	rte_jhash_32b_2hashes((const uint32_t *)(buf + 16), 5, &pc, &pb);
	printf("static const uint32_t ref_32b_2hashes[2] = {0x%08x, 0x%08x};\n", pc, pb);
	printf("static const uint32_t ref_32b = 0x%08x;\n", rte_jhash_32b((const uint32_t *)(buf + 16), 7, 9));
	printf("static const uint32_t ref_words[3] = {0x%08x, 0x%08x, 0x%08x};\n",
		rte_jhash_1word(0x01020304, 7), rte_jhash_2words(0x01020304, 0xa0b0c0d0, 7),
		rte_jhash_3words(0x01020304, 0xa0b0c0d0, 0x55aa55aa, 7));
	printf("static const uint32_t ref_crc_n[4] = {0x%08x, 0x%08x, 0x%08x, 0x%08x};\n",
		rte_hash_crc_1byte(0xa5, 0xffffffff), rte_hash_crc_2byte(0xa55a, 0xffffffff),
		rte_hash_crc_4byte(0xa55a1234, 0xffffffff),
		rte_hash_crc_8byte(0x0123456789abcdefULL, 0xffffffff));
	rte_hash_crc_set_alg(CRC32_SW);
	printf("static const uint32_t ref_crc_sw64 = 0x%08x;\n", rte_hash_crc(buf, 64, 5));
	return 0;
}
