/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reorder buffer. The window is an array of size slots indexed by sequence number modulo
 * size: slot (head + k) holds the packet numbered min_seqn + k, or NULL while it is missing.
 * A packet that would land beyond the window slides the window forward; the slots that leave
 * it are emptied into the ready ring, which drain returns first. Sequence numbers are compared
 * by unsigned 32-bit difference, so the wrap from 0xffffffff to 0 needs no special case.
 */
#include <stdbool.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "rte_reorder.h"

RTE_LOG_REGISTER_DEFAULT(reorder_logtype, INFO);

#define REORDER_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, reorder_logtype, "REORDER: " fmt "\n", ##__VA_ARGS__)

#define RTE_REORDER_NAMESIZE 32
#define RTE_REORDER_SEQN_DYNFIELD_NAME "rte_reorder_seqn_dynfield"

int rte_reorder_seqn_dynfield_offset = -1;

TAILQ_HEAD(rte_reorder_list, rte_tailq_entry);

static struct rte_tailq_elem rte_reorder_tailq = {
	.name = "RTE_REORDER",
};
EAL_REGISTER_TAILQ(rte_reorder_tailq)

struct rte_reorder_buffer {
	char name[RTE_REORDER_NAMESIZE];
	uint32_t min_seqn;        /* sequence number of the window's first slot */
	bool started;             /* min_seqn was taken from the first packet */
	unsigned int size;        /* slots of the window and of the ready ring */
	unsigned int mask;
	unsigned int memsize;     /* bytes at this address, for a reset */
	unsigned int win_head;    /* slot of min_seqn */
	unsigned int ready_head;  /* oldest packet of the ready ring */
	unsigned int ready_count;
	struct rte_mbuf **ready;  /* size entries, after this structure */
	struct rte_mbuf **window; /* size entries, after the ready ring */
};

static size_t
reorder_memsize(unsigned int size)
{
	return sizeof(struct rte_reorder_buffer) + 2 * (size_t)size * sizeof(struct rte_mbuf *);
}

static int
reorder_register_seqn(void)
{
	static const struct rte_mbuf_dynfield desc = {
		.name = RTE_REORDER_SEQN_DYNFIELD_NAME,
		.size = sizeof(rte_reorder_seqn_t),
		.align = __alignof__(rte_reorder_seqn_t),
	};
	int off = rte_mbuf_dynfield_register(&desc);

	if (off < 0) {
		REORDER_LOG(ERR, "cannot register the sequence number mbuf field: %s",
			rte_strerror(rte_errno));
		rte_errno = ENOMEM;
		return -1;
	}
	rte_reorder_seqn_dynfield_offset = off;
	return 0;
}

/* Set up every field; the caller has checked the parameters and registered the field. */
static void
reorder_setup(struct rte_reorder_buffer *b, unsigned int bufsize, const char *name,
		unsigned int size)
{
	memset(b, 0, bufsize);
	strlcpy(b->name, name, sizeof(b->name));
	b->size = size;
	b->mask = size - 1;
	b->memsize = bufsize;
	b->ready = (struct rte_mbuf **)(b + 1);
	b->window = b->ready + size;
}

struct rte_reorder_buffer *
rte_reorder_init(struct rte_reorder_buffer *b, unsigned int bufsize, const char *name,
		unsigned int size)
{
	if (b == NULL || name == NULL) {
		REORDER_LOG(ERR, "init: NULL %s", b == NULL ? "buffer" : "name");
		rte_errno = EINVAL;
		return NULL;
	}
	if (!rte_is_power_of_2(size)) {
		REORDER_LOG(ERR, "init %s: size %u is not a power of two", name, size);
		rte_errno = EINVAL;
		return NULL;
	}
	if (bufsize < reorder_memsize(size)) {
		REORDER_LOG(ERR, "init %s: %u bytes cannot hold %u packets (%zu needed)", name,
			bufsize, size, reorder_memsize(size));
		rte_errno = EINVAL;
		return NULL;
	}
	if (reorder_register_seqn() < 0)
		return NULL;
	reorder_setup(b, bufsize, name, size);
	return b;
}

/* Called with the tailq lock held. */
static struct rte_tailq_entry *
reorder_lookup(const char *name)
{
	struct rte_reorder_list *list = RTE_TAILQ_CAST(rte_reorder_tailq.head, rte_reorder_list);
	struct rte_tailq_entry *te;

	TAILQ_FOREACH(te, list, next) {
		const struct rte_reorder_buffer *b = te->data;

		if (strncmp(name, b->name, RTE_REORDER_NAMESIZE) == 0)
			return te;
	}
	return NULL;
}

struct rte_reorder_buffer *
rte_reorder_create(const char *name, unsigned int socket_id, unsigned int size)
{
	struct rte_reorder_list *list = RTE_TAILQ_CAST(rte_reorder_tailq.head, rte_reorder_list);
	struct rte_reorder_buffer *b;
	struct rte_tailq_entry *te;
	size_t memsize;

	if (name == NULL) {
		REORDER_LOG(ERR, "create: NULL name");
		rte_errno = EINVAL;
		return NULL;
	}
	if (!rte_is_power_of_2(size)) {
		REORDER_LOG(ERR, "create %s: size %u is not a power of two", name, size);
		rte_errno = EINVAL;
		return NULL;
	}
	memsize = reorder_memsize(size);
	if (memsize > UINT32_MAX) {
		REORDER_LOG(ERR, "create %s: size %u is too large", name, size);
		rte_errno = EINVAL;
		return NULL;
	}
	if (reorder_register_seqn() < 0)
		return NULL;

	rte_mcfg_tailq_write_lock();
	te = reorder_lookup(name);
	if (te != NULL) {
		/* as in DPDK, a second create of a name gives the existing buffer */
		rte_mcfg_tailq_write_unlock();
		return te->data;
	}
	te = rte_zmalloc("reorder_tailq", sizeof(*te), 0);
	b = rte_zmalloc_socket("reorder", memsize, RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (te == NULL || b == NULL) {
		rte_mcfg_tailq_write_unlock();
		rte_free(te);
		rte_free(b);
		REORDER_LOG(ERR, "create %s: no memory for %u packets on socket %d", name, size,
			(int)socket_id);
		rte_errno = ENOMEM;
		return NULL;
	}
	reorder_setup(b, (unsigned int)memsize, name, size);
	te->data = b;
	TAILQ_INSERT_TAIL(list, te, next);
	rte_mcfg_tailq_write_unlock();
	return b;
}

struct rte_reorder_buffer *
rte_reorder_find_existing(const char *name)
{
	struct rte_tailq_entry *te;

	if (name == NULL) {
		REORDER_LOG(ERR, "find_existing: NULL name");
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	te = reorder_lookup(name);
	rte_mcfg_tailq_read_unlock();
	if (te == NULL) {
		rte_errno = ENOENT;
		return NULL;
	}
	return te->data;
}

static void
reorder_free_mbufs(struct rte_reorder_buffer *b)
{
	unsigned int i;

	for (i = 0; i < b->size; i++) {
		rte_pktmbuf_free(b->ready[i]);
		rte_pktmbuf_free(b->window[i]);
	}
}

void
rte_reorder_reset(struct rte_reorder_buffer *b)
{
	char name[RTE_REORDER_NAMESIZE];

	if (b == NULL)
		return;
	reorder_free_mbufs(b);
	memcpy(name, b->name, sizeof(name));
	reorder_setup(b, b->memsize, name, b->size);
}

void
rte_reorder_free(struct rte_reorder_buffer *b)
{
	struct rte_reorder_list *list = RTE_TAILQ_CAST(rte_reorder_tailq.head, rte_reorder_list);
	struct rte_tailq_entry *te;

	if (b == NULL)
		return;
	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(te, list, next)
		if (te->data == b)
			break;
	if (te == NULL) {
		/* made by rte_reorder_init(): the memory is the caller's */
		rte_mcfg_tailq_write_unlock();
		return;
	}
	TAILQ_REMOVE(list, te, next);
	rte_mcfg_tailq_write_unlock();

	reorder_free_mbufs(b);
	rte_free(b);
	rte_free(te);
}

/* Move the window's first slot to the ready ring (if it holds a packet) and advance. */
static inline void
reorder_slide_one(struct rte_reorder_buffer *b)
{
	struct rte_mbuf *m = b->window[b->win_head];

	if (m != NULL) {
		b->ready[(b->ready_head + b->ready_count) & b->mask] = m;
		b->ready_count++;
		b->window[b->win_head] = NULL;
	}
	b->win_head = (b->win_head + 1) & b->mask;
	b->min_seqn++;
}

/*
 * Insert a packet that lands beyond the window (offset >= size from its start): slide the
 * window, or refuse the packet. Out of line, so that the common insert saves no registers.
 */
static __rte_noinline int
reorder_insert_beyond(struct rte_reorder_buffer *b, struct rte_mbuf *mbuf, uint32_t seqn,
		uint32_t offset)
{
	uint32_t shift, i, moving;

	if (offset >= 2 * b->size) {
		rte_errno = ERANGE;
		return -1;
	}
	/* check the whole slide fits before changing anything */
	shift = offset - b->size + 1;
	moving = 0;
	for (i = 0; i < shift; i++)
		moving += b->window[(b->win_head + i) & b->mask] != NULL;
	if (moving > b->size - b->ready_count) {
		rte_errno = ENOSPC;
		return -1;
	}
	for (i = 0; i < shift; i++)
		reorder_slide_one(b);
	/*
	 * Like DPDK, keep sliding over the packets already in order behind the new start: they
	 * are ready anyway, and the room they free lets later packets come earlier.
	 */
	while (b->window[b->win_head] != NULL && b->ready_count < b->size)
		reorder_slide_one(b);
	offset = seqn - b->min_seqn;
	b->window[(b->win_head + offset) & b->mask] = mbuf;
	return 0;
}

int
rte_reorder_insert(struct rte_reorder_buffer *b, struct rte_mbuf *mbuf)
{
	uint32_t seqn, offset;

	if (b == NULL || mbuf == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	seqn = *rte_reorder_seqn(mbuf);
	if (unlikely(!b->started)) {
		b->min_seqn = seqn;
		b->started = true;
	}
	offset = seqn - b->min_seqn;
	if (unlikely(offset >= b->size))
		return reorder_insert_beyond(b, mbuf, seqn, offset);
	b->window[(b->win_head + offset) & b->mask] = mbuf;
	return 0;
}

unsigned int
rte_reorder_drain(struct rte_reorder_buffer *b, struct rte_mbuf **mbufs, unsigned int max_mbufs)
{
	/*
	 * The indexes live in locals and are written back once: stores through mbufs and the
	 * slot arrays (pointers) would otherwise make the compiler reload and store them for
	 * every packet.
	 */
	struct rte_mbuf **window, **ready;
	unsigned int n = 0, head, mask, count, from_ready;
	struct rte_mbuf *m;

	if (b == NULL || mbufs == NULL)
		return 0;
	mask = b->mask;
	count = b->ready_count;
	if (count > 0) {
		ready = b->ready;
		head = b->ready_head;
		for (; n < max_mbufs && n < count; n++) {
			mbufs[n] = ready[head];
			ready[head] = NULL;
			head = (head + 1) & mask;
		}
		b->ready_head = head;
		b->ready_count = count - n;
	}
	window = b->window;
	head = b->win_head;
	from_ready = n;
	while (n < max_mbufs && (m = window[head]) != NULL) {
		mbufs[n++] = m;
		window[head] = NULL;
		head = (head + 1) & mask;
	}
	b->win_head = head;
	b->min_seqn += n - from_ready;
	return n;
}
