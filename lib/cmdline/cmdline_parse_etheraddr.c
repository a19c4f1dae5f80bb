/* SPDX-License-Identifier: BSD-3-Clause */
#include <string.h>

#include <rte_ether.h>
#include <rte_string_fns.h>

#include "cmdline_parse.h"
#include "cmdline_parse_etheraddr.h"

struct cmdline_token_ops cmdline_token_etheraddr_ops = {
	.parse = cmdline_parse_etheraddr,
	.complete_get_nb = NULL,
	.complete_get_elt = NULL,
	.get_help = cmdline_get_help_etheraddr,
};

int
cmdline_parse_etheraddr(cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		unsigned ressize)
{
	char word[RTE_ETHER_ADDR_FMT_SIZE];
	struct rte_ether_addr addr;
	unsigned int len = 0;

	if (tk == NULL || buf == NULL || *buf == '\0')
		return -1;
	if (res != NULL && ressize < sizeof(struct rte_ether_addr))
		return -1;
	while (!cmdline_isendoftoken(buf[len]))
		len++;
	/* the longest form, xx:xx:xx:xx:xx:xx, is 17 characters */
	if (len == 0 || len >= sizeof(word))
		return -1;
	memcpy(word, buf, len);
	word[len] = '\0';
	/* DPDK 22.11 knows only ':' separators; rte_ether_unformat_addr also takes '-' */
	if (memchr(word, '-', len) != NULL)
		return -1;
	if (rte_ether_unformat_addr(word, &addr) < 0)
		return -1;
	if (res != NULL)
		memcpy(res, &addr, sizeof(addr));
	return len;
}

int
cmdline_get_help_etheraddr(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size)
{
	if (tk == NULL || dstbuf == NULL)
		return -1;
	strlcpy(dstbuf, "Ethernet address", size);
	return 0;
}
