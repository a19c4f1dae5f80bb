/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers of the pcap driver tests: capture files with known frames, EAL and pool set-up. */
#ifndef _PCAP_TEST_UTIL_H_
#define _PCAP_TEST_UTIL_H_

#include <stdint.h>
#include <rte_mempool.h>

#define PT_MAX_FRAMES 64
#define PT_MAX_LEN 9018

struct pt_frame {
	uint32_t len;
	uint8_t data[PT_MAX_LEN];
};

/* Deterministic frames: frame i has length lens[i] and bytes derived from (seed, i, offset). */
void pt_make_frames(struct pt_frame *frames, const uint32_t *lens, unsigned int n,
		uint32_t seed);
/* Write frames to a capture file with libpcap. 0 or -1. */
int pt_write_capture(const char *path, const struct pt_frame *frames, unsigned int n);
/* Read a capture back: number of frames read into frames (at most max), -1 on error. */
int pt_read_capture(const char *path, struct pt_frame *frames, unsigned int max);
/* rte_eal_init with --no-huge and a prefix of its own. 0 or -1. */
int pt_eal_init(const char *prefix, int lcores);
/* A packet pool for the tests (created once). */
struct rte_mempool *pt_pool(void);
/* Configure one rx and one tx queue (or nrx/ntx) and start the port. 0 or negative errno. */
int pt_port_start(uint16_t port, uint16_t nrx, uint16_t ntx);
/* rte_malloc bytes in use on socket 0. */
size_t pt_malloc_in_use(void);

#endif /* _PCAP_TEST_UTIL_H_ */
