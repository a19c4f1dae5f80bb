/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _CIRBUF_H_
#define _CIRBUF_H_

/**
 * @file
 * A ring of characters over a caller-supplied array, usable from both ends.
 * The line editor keeps the text on each side of the cursor in one of these,
 * and its history in another.
 */

#ifdef __cplusplus
extern "C" {
#endif

/** A character ring: buf holds maxlen bytes, len of which are in use from start to end. */
struct cirbuf {
	unsigned int maxlen;    /**< capacity of buf, in bytes */
	unsigned int start;     /**< index of the first (head) byte */
	unsigned int end;       /**< index of the last (tail) byte */
	unsigned int len;       /**< bytes currently stored */
	char *buf;              /**< storage, owned by the caller */
};

/** @cond never */
#ifdef RTE_LIBRTE_CMDLINE_DEBUG
#define dprintf_(fmt, ...) printf("line %3.3d - " fmt "%.0s", __LINE__, __VA_ARGS__)
#define dprintf(...) dprintf_(__VA_ARGS__, "dummy")
#else
#define dprintf(...) (void)0
#endif
/** @endcond */

/**
 * Set up an empty ring over buf.
 *
 * @return 0, or -EINVAL when cbuf or buf is NULL.
 */
int cirbuf_init(struct cirbuf *cbuf, char *buf, unsigned int start, unsigned int maxlen);

/** True when no byte can be added. */
#define CIRBUF_IS_FULL(cirbuf) ((cirbuf)->maxlen == (cirbuf)->len)

/** True when the ring holds nothing. */
#define CIRBUF_IS_EMPTY(cirbuf) ((cirbuf)->len == 0)

/** Number of bytes stored. */
#define CIRBUF_GET_LEN(cirbuf) ((cirbuf)->len)

/** Capacity. */
#define CIRBUF_GET_MAXLEN(cirbuf) ((cirbuf)->maxlen)

/** Room left. */
#define CIRBUF_GET_FREELEN(cirbuf) ((cirbuf)->maxlen - (cirbuf)->len)

/** Walk the stored bytes from head to tail: i counts, e is the current byte. */
#define CIRBUF_FOREACH(c, i, e)                                 \
	for ( i=0, e=(c)->buf[(c)->start] ;                     \
		i<((c)->len) ;                                  \
		i ++,  e=(c)->buf[((c)->start+i)%((c)->maxlen)])

/** Prepend c. @return 0, or -EINVAL when cbuf is NULL or full. */
int cirbuf_add_head_safe(struct cirbuf *cbuf, char c);

/** Prepend c; the caller has checked there is room. */
void cirbuf_add_head(struct cirbuf *cbuf, char c);

/** Append c. @return 0, or -EINVAL when cbuf is NULL or full. */
int cirbuf_add_tail_safe(struct cirbuf *cbuf, char c);

/** Append c; the caller has checked there is room. */
void cirbuf_add_tail(struct cirbuf *cbuf, char c);

/** Drop the first byte. @return 0, or -EINVAL when cbuf is NULL or empty. */
int cirbuf_del_head_safe(struct cirbuf *cbuf);

/** Drop the first byte; the caller has checked the ring is not empty. */
void cirbuf_del_head(struct cirbuf *cbuf);

/** Drop the last byte. @return 0, or -EINVAL when cbuf is NULL or empty. */
int cirbuf_del_tail_safe(struct cirbuf *cbuf);

/** Drop the last byte; the caller has checked the ring is not empty. */
void cirbuf_del_tail(struct cirbuf *cbuf);

/** The first byte (meaningless when empty). */
char cirbuf_get_head(struct cirbuf *cbuf);

/** The last byte (meaningless when empty). */
char cirbuf_get_tail(struct cirbuf *cbuf);

/**
 * Prepend n bytes, keeping their order.
 *
 * @return n, or -EINVAL when an argument is NULL, n is 0 or there is not room for all n.
 */
int cirbuf_add_buf_head(struct cirbuf *cbuf, const char *c, unsigned int n);

/**
 * Append n bytes.
 *
 * @return n, or -EINVAL when an argument is NULL, n is 0 or there is not room for all n.
 */
int cirbuf_add_buf_tail(struct cirbuf *cbuf, const char *c, unsigned int n);

/** Drop the first size bytes. @return 0, or -EINVAL (NULL, 0 or more than stored). */
int cirbuf_del_buf_head(struct cirbuf *cbuf, unsigned int size);

/** Drop the last size bytes. @return 0, or -EINVAL (NULL, 0 or more than stored). */
int cirbuf_del_buf_tail(struct cirbuf *cbuf, unsigned int size);

/**
 * Copy up to size bytes from the head into c (not NUL-terminated).
 *
 * @return the number of bytes copied, or -EINVAL when cbuf or c is NULL.
 */
int cirbuf_get_buf_head(struct cirbuf *cbuf, char *c, unsigned int size);

/**
 * Copy the last min(size, len) bytes, in order, into c (not NUL-terminated).
 *
 * @return the number of bytes copied, or -EINVAL when cbuf or c is NULL.
 */
int cirbuf_get_buf_tail(struct cirbuf *cbuf, char *c, unsigned int size);

/** Move the content so that it starts at buf[0]. @return 0, or -EINVAL. */
int cirbuf_align_left(struct cirbuf *cbuf);

/**
 * Move the content so that its first byte is at buf[maxlen - 1] (the rest follows from
 * buf[0]), which is where DPDK puts it. @return 0, or -EINVAL.
 */
int cirbuf_align_right(struct cirbuf *cbuf);

#ifdef __cplusplus
}
#endif

#endif /* _CIRBUF_H_ */
