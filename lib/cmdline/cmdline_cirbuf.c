/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "cmdline_cirbuf.h"

/*
 * Invariant: when the ring is empty start == end, and that slot is where the
 * first byte added from either side goes; otherwise start and end are the
 * slots of the first and last bytes.
 */

static inline unsigned int
slot(const struct cirbuf *cbuf, unsigned int i)
{
	return (cbuf->start + i) % cbuf->maxlen;
}

int
cirbuf_init(struct cirbuf *cbuf, char *buf, unsigned int start, unsigned int maxlen)
{
	if (cbuf == NULL || buf == NULL)
		return -EINVAL;
	cbuf->maxlen = maxlen;
	cbuf->len = 0;
	cbuf->start = start;
	cbuf->end = start;
	cbuf->buf = buf;
	return 0;
}

void
cirbuf_add_head(struct cirbuf *cbuf, char c)
{
	if (!CIRBUF_IS_EMPTY(cbuf))
		cbuf->start = (cbuf->start + cbuf->maxlen - 1) % cbuf->maxlen;
	cbuf->buf[cbuf->start] = c;
	cbuf->len++;
}

int
cirbuf_add_head_safe(struct cirbuf *cbuf, char c)
{
	if (cbuf == NULL || CIRBUF_IS_FULL(cbuf))
		return -EINVAL;
	cirbuf_add_head(cbuf, c);
	return 0;
}

void
cirbuf_add_tail(struct cirbuf *cbuf, char c)
{
	if (!CIRBUF_IS_EMPTY(cbuf))
		cbuf->end = (cbuf->end + 1) % cbuf->maxlen;
	cbuf->buf[cbuf->end] = c;
	cbuf->len++;
}

int
cirbuf_add_tail_safe(struct cirbuf *cbuf, char c)
{
	if (cbuf == NULL || CIRBUF_IS_FULL(cbuf))
		return -EINVAL;
	cirbuf_add_tail(cbuf, c);
	return 0;
}

void
cirbuf_del_head(struct cirbuf *cbuf)
{
	cbuf->buf[cbuf->start] = '\0';
	cbuf->len--;
	if (!CIRBUF_IS_EMPTY(cbuf))
		cbuf->start = (cbuf->start + 1) % cbuf->maxlen;
}

int
cirbuf_del_head_safe(struct cirbuf *cbuf)
{
	if (cbuf == NULL || CIRBUF_IS_EMPTY(cbuf))
		return -EINVAL;
	cirbuf_del_head(cbuf);
	return 0;
}

void
cirbuf_del_tail(struct cirbuf *cbuf)
{
	cbuf->buf[cbuf->end] = '\0';
	cbuf->len--;
	if (!CIRBUF_IS_EMPTY(cbuf))
		cbuf->end = (cbuf->end + cbuf->maxlen - 1) % cbuf->maxlen;
}

int
cirbuf_del_tail_safe(struct cirbuf *cbuf)
{
	if (cbuf == NULL || CIRBUF_IS_EMPTY(cbuf))
		return -EINVAL;
	cirbuf_del_tail(cbuf);
	return 0;
}

char
cirbuf_get_head(struct cirbuf *cbuf)
{
	return cbuf->buf[cbuf->start];
}

char
cirbuf_get_tail(struct cirbuf *cbuf)
{
	return cbuf->buf[cbuf->end];
}

int
cirbuf_add_buf_head(struct cirbuf *cbuf, const char *c, unsigned int n)
{
	unsigned int i;

	if (cbuf == NULL || c == NULL || n == 0 || n > CIRBUF_GET_FREELEN(cbuf))
		return -EINVAL;
	/* last byte first, so that c[0] ends up at the head */
	for (i = n; i > 0; i--)
		cirbuf_add_head(cbuf, c[i - 1]);
	return n;
}

int
cirbuf_add_buf_tail(struct cirbuf *cbuf, const char *c, unsigned int n)
{
	unsigned int i;

	if (cbuf == NULL || c == NULL || n == 0 || n > CIRBUF_GET_FREELEN(cbuf))
		return -EINVAL;
	for (i = 0; i < n; i++)
		cirbuf_add_tail(cbuf, c[i]);
	return n;
}

int
cirbuf_del_buf_head(struct cirbuf *cbuf, unsigned int size)
{
	if (cbuf == NULL || size == 0 || size > CIRBUF_GET_LEN(cbuf))
		return -EINVAL;
	cbuf->len -= size;
	if (CIRBUF_IS_EMPTY(cbuf))
		cbuf->start = cbuf->end;
	else
		cbuf->start = (cbuf->start + size) % cbuf->maxlen;
	return 0;
}

int
cirbuf_del_buf_tail(struct cirbuf *cbuf, unsigned int size)
{
	if (cbuf == NULL || size == 0 || size > CIRBUF_GET_LEN(cbuf))
		return -EINVAL;
	cbuf->len -= size;
	if (CIRBUF_IS_EMPTY(cbuf))
		cbuf->end = cbuf->start;
	else
		cbuf->end = (cbuf->end + cbuf->maxlen - size) % cbuf->maxlen;
	return 0;
}

int
cirbuf_get_buf_head(struct cirbuf *cbuf, char *c, unsigned int size)
{
	unsigned int n, i;

	if (cbuf == NULL || c == NULL)
		return -EINVAL;
	n = size < cbuf->len ? size : cbuf->len;
	for (i = 0; i < n; i++)
		c[i] = cbuf->buf[slot(cbuf, i)];
	return n;
}

int
cirbuf_get_buf_tail(struct cirbuf *cbuf, char *c, unsigned int size)
{
	unsigned int n, i, first;

	if (cbuf == NULL || c == NULL)
		return -EINVAL;
	n = size < cbuf->len ? size : cbuf->len;
	first = cbuf->len - n;
	for (i = 0; i < n; i++)
		c[i] = cbuf->buf[slot(cbuf, first + i)];
	return n;
}

static void
reverse(char *b, unsigned int lo, unsigned int hi)
{
	char tmp;

	while (lo + 1 < hi) {
		hi--;
		tmp = b[lo];
		b[lo] = b[hi];
		b[hi] = tmp;
		lo++;
	}
}

/* Rotate the whole storage in place so that the first byte lands at slot new_start. */
static void
realign(struct cirbuf *cbuf, unsigned int new_start)
{
	unsigned int len = cbuf->len, n = cbuf->maxlen, shift;

	if (len == 0) {
		cbuf->start = new_start;
		cbuf->end = new_start;
		return;
	}
	/* rotating left by shift moves slot start to new_start */
	shift = (cbuf->start + n - new_start) % n;
	if (shift != 0) {
		reverse(cbuf->buf, 0, shift);
		reverse(cbuf->buf, shift, n);
		reverse(cbuf->buf, 0, n);
	}
	cbuf->start = new_start;
	cbuf->end = (new_start + len - 1) % n;
}

int
cirbuf_align_left(struct cirbuf *cbuf)
{
	if (cbuf == NULL)
		return -EINVAL;
	realign(cbuf, 0);
	return 0;
}

int
cirbuf_align_right(struct cirbuf *cbuf)
{
	if (cbuf == NULL)
		return -EINVAL;
	/* as in DPDK 22.11: the first byte goes to the last slot, the rest wraps to the front */
	realign(cbuf, cbuf->maxlen - 1);
	return 0;
}
