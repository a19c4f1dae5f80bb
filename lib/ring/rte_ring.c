/* SPDX-License-Identifier: BSD-3-Clause */
/* Ring creation, naming and inspection; the data path is inline in the headers. */
#include <string.h>
#include <inttypes.h>
#include <pthread.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "rte_ring.h"

RTE_LOG_REGISTER_DEFAULT(ring_logtype, INFO);
#define RING_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, ring_logtype, "RING: " fmt "\n", ##__VA_ARGS__)

/*
 * Every ring made by rte_ring_create, so rte_ring_lookup can find it by name: a tailq of the
 * shared configuration, with its entries in shared memory, so that every process sees it.
 */
static struct rte_tailq_elem ring_tailq = { .name = "RTE_RING" };
EAL_REGISTER_TAILQ(ring_tailq)
#define ring_list (*RTE_TAILQ_CAST(ring_tailq.head, rte_tailq_entry_head))

#define RING_PROD_FLAGS (RING_F_SP_ENQ | RING_F_MP_RTS_ENQ | RING_F_MP_HTS_ENQ)
#define RING_CONS_FLAGS (RING_F_SC_DEQ | RING_F_MC_RTS_DEQ | RING_F_MC_HTS_DEQ)
#define RING_VALID_FLAGS (RING_PROD_FLAGS | RING_CONS_FLAGS | RING_F_EXACT_SZ)
/* Default RTS head/tail distance: this fraction of the capacity. */
#define RING_RTS_HTD_DIV 8

/* Sync type a side gets from its flag bits (at most one of st, rts, hts set). */
static enum rte_ring_sync_type
ring_sync_type(unsigned int flags, unsigned int st, unsigned int rts, unsigned int hts)
{
	if (flags & st)
		return RTE_RING_SYNC_ST;
	if (flags & rts)
		return RTE_RING_SYNC_MT_RTS;
	if (flags & hts)
		return RTE_RING_SYNC_MT_HTS;
	return RTE_RING_SYNC_MT;
}

/* Slots for count entries under flags, or 0 (with a log line) when count is not usable. */
static uint32_t
ring_slots(unsigned int count, unsigned int flags)
{
	if (flags & RING_F_EXACT_SZ) {
		/* count + 1 rounded up to a power of two must still be a valid size. */
		if (count == 0 || count > RTE_RING_SZ_MASK / 2) {
			RING_LOG(ERR, "count %u out of range for an exact-size ring (1 to %u)", count,
				RTE_RING_SZ_MASK / 2);
			return 0;
		}
		return rte_align32pow2(count + 1);
	}
	if (!rte_is_power_of_2(count) || count > RTE_RING_SZ_MASK) {
		RING_LOG(ERR, "count %u must be a power of two not above %u", count,
			RTE_RING_SZ_MASK);
		return 0;
	}
	return count;
}

ssize_t
rte_ring_get_memsize_elem(unsigned int esize, unsigned int count)
{
	if (esize == 0 || esize % 4 != 0) {
		RING_LOG(ERR, "element size %u is not a multiple of 4", esize);
		return -EINVAL;
	}
	if (!rte_is_power_of_2(count) || count > RTE_RING_SZ_MASK) {
		RING_LOG(ERR, "count %u must be a power of two not above %u", count,
			RTE_RING_SZ_MASK);
		return -EINVAL;
	}
	return RTE_ALIGN_CEIL(sizeof(struct rte_ring) + (size_t)count * esize,
			RTE_CACHE_LINE_SIZE);
}

ssize_t
rte_ring_get_memsize(unsigned int count)
{
	return rte_ring_get_memsize_elem(sizeof(void *), count);
}

/* Fill in the header of r; the caller has checked the arguments. */
static void
ring_setup(struct rte_ring *r, const char *name, uint32_t slots, unsigned int count,
		unsigned int flags)
{
	memset(r, 0, sizeof(*r));
	rte_strscpy(r->name, name, sizeof(r->name));
	r->flags = (int)flags;
	r->prod.sync_type = ring_sync_type(flags, RING_F_SP_ENQ, RING_F_MP_RTS_ENQ,
			RING_F_MP_HTS_ENQ);
	r->cons.sync_type = ring_sync_type(flags, RING_F_SC_DEQ, RING_F_MC_RTS_DEQ,
			RING_F_MC_HTS_DEQ);
	r->size = slots;
	r->mask = slots - 1;
	r->capacity = (flags & RING_F_EXACT_SZ) ? count : slots - 1;
	if (r->prod.sync_type == RTE_RING_SYNC_MT_RTS)
		r->rts_prod.htd_max = r->capacity / RING_RTS_HTD_DIV;
	if (r->cons.sync_type == RTE_RING_SYNC_MT_RTS)
		r->rts_cons.htd_max = r->capacity / RING_RTS_HTD_DIV;
}

static int
ring_check_args(const char *name, unsigned int flags)
{
	if (name == NULL) {
		RING_LOG(ERR, "ring name is NULL");
		return -EINVAL;
	}
	if (flags & ~RING_VALID_FLAGS) {
		RING_LOG(ERR, "ring %s: unknown flags 0x%x", name, flags & ~RING_VALID_FLAGS);
		return -EINVAL;
	}
	if (!rte_is_power_of_2(flags & RING_PROD_FLAGS) &&
			(flags & RING_PROD_FLAGS) != 0) {
		RING_LOG(ERR, "ring %s: flags 0x%x ask for more than one producer mode", name,
			flags & RING_PROD_FLAGS);
		return -EINVAL;
	}
	if (!rte_is_power_of_2(flags & RING_CONS_FLAGS) &&
			(flags & RING_CONS_FLAGS) != 0) {
		RING_LOG(ERR, "ring %s: flags 0x%x ask for more than one consumer mode", name,
			flags & RING_CONS_FLAGS);
		return -EINVAL;
	}
	if (strnlen(name, RTE_RING_NAMESIZE) >= RTE_RING_NAMESIZE) {
		RING_LOG(ERR, "ring name %s is longer than %zu characters", name,
			RTE_RING_NAMESIZE - 1);
		return -ENAMETOOLONG;
	}
	return 0;
}

int
rte_ring_init(struct rte_ring *r, const char *name, unsigned int count, unsigned int flags)
{
	uint32_t slots;
	int ret;

	if (r == NULL) {
		RING_LOG(ERR, "rte_ring_init: ring is NULL");
		return -EINVAL;
	}
	ret = ring_check_args(name, flags);
	if (ret != 0)
		return ret;
	slots = ring_slots(count, flags);
	if (slots == 0)
		return -EINVAL;
	ring_setup(r, name, slots, count, flags);
	return 0;
}

struct rte_ring *
rte_ring_create_elem(const char *name, unsigned int esize, unsigned int count, int socket_id,
		unsigned int flags)
{
	char mz_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	struct rte_tailq_entry *e;
	struct rte_ring *r;
	uint32_t slots;
	ssize_t sz;
	int ret;

	ret = ring_check_args(name, flags);
	if (ret != 0) {
		rte_errno = -ret;
		return NULL;
	}
	slots = ring_slots(count, flags);
	if (slots == 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	sz = rte_ring_get_memsize_elem(esize, slots);
	if (sz < 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	e = rte_zmalloc("RING_TAILQ_ENTRY", sizeof(*e), 0);
	if (e == NULL) {
		RING_LOG(ERR, "ring %s: no memory for its list entry", name);
		rte_errno = ENOMEM;
		return NULL;
	}
	snprintf(mz_name, sizeof(mz_name), "%s%s", RTE_RING_MZ_PREFIX, name);

	rte_mcfg_tailq_write_lock();
	mz = rte_memzone_reserve_aligned(mz_name, (size_t)sz, socket_id, 0,
			RTE_CACHE_LINE_SIZE);
	if (mz == NULL) {
		ret = rte_errno;
		rte_mcfg_tailq_write_unlock();
		RING_LOG(ERR, "ring %s: cannot reserve %zd bytes: %s", name, sz,
			rte_strerror(ret));
		rte_free(e);
		rte_errno = ret;
		return NULL;
	}
	r = mz->addr;
	ring_setup(r, name, slots, count, flags);
	r->memzone = mz;
	e->data = r;
	TAILQ_INSERT_TAIL(&ring_list, e, next);
	rte_mcfg_tailq_write_unlock();
	return r;
}

struct rte_ring *
rte_ring_create(const char *name, unsigned int count, int socket_id, unsigned int flags)
{
	return rte_ring_create_elem(name, sizeof(void *), count, socket_id, flags);
}

void
rte_ring_free(struct rte_ring *r)
{
	struct rte_tailq_entry *e;

	if (r == NULL)
		return;
	if (r->memzone == NULL) {
		RING_LOG(ERR, "ring %s was not made by rte_ring_create, not freeing it", r->name);
		return;
	}
	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(e, &ring_list, next)
		if (e->data == r)
			break;
	if (e == NULL) {
		rte_mcfg_tailq_write_unlock();
		RING_LOG(ERR, "ring %p is not a created ring", (void *)r);
		return;
	}
	TAILQ_REMOVE(&ring_list, e, next);
	rte_memzone_free(r->memzone);
	rte_mcfg_tailq_write_unlock();
	rte_free(e);
}

struct rte_ring *
rte_ring_lookup(const char *name)
{
	struct rte_tailq_entry *e;
	struct rte_ring *r = NULL;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(e, &ring_list, next)
		if (strncmp(((struct rte_ring *)e->data)->name, name, RTE_RING_NAMESIZE) == 0) {
			r = e->data;
			break;
		}
	rte_mcfg_tailq_read_unlock();
	if (r == NULL)
		rte_errno = ENOENT;
	return r;
}

/* Empty one side, keeping its mode and (RTS) its head/tail distance. */
static void
ring_reset_side(struct rte_ring_headtail *d)
{
	switch (d->sync_type) {
	case RTE_RING_SYNC_MT_HTS:
		((struct rte_ring_hts_headtail *)d)->ht.raw = 0;
		break;
	case RTE_RING_SYNC_MT_RTS:
		((struct rte_ring_rts_headtail *)d)->head.raw = 0;
		((struct rte_ring_rts_headtail *)d)->tail.raw = 0;
		break;
	default:
		d->head = 0;
		d->tail = 0;
		d->peer_tail = 0;
		break;
	}
}

void
rte_ring_reset(struct rte_ring *r)
{
	ring_reset_side(&r->prod);
	ring_reset_side(&r->cons);
}

static const char *
ring_sync_name(enum rte_ring_sync_type st)
{
	switch (st) {
	case RTE_RING_SYNC_MT:
		return "MT";
	case RTE_RING_SYNC_ST:
		return "ST";
	case RTE_RING_SYNC_MT_RTS:
		return "MT_RTS";
	case RTE_RING_SYNC_MT_HTS:
		return "MT_HTS";
	}
	return "unknown";
}

/* Head of a side, wherever its mode keeps it. */
static uint32_t
ring_side_head(const struct rte_ring_headtail *d)
{
	if (d->sync_type == RTE_RING_SYNC_MT_RTS)
		return ((const struct rte_ring_rts_headtail *)d)->head.val.pos;
	return d->head;
}

void
rte_ring_dump(FILE *f, const struct rte_ring *r)
{
	if (f == NULL)
		f = stdout;
	if (r == NULL) {
		fprintf(f, "ring <NULL>\n");
		return;
	}
	fprintf(f, "ring <%s>@%p\n", r->name, (const void *)r);
	fprintf(f, "  flags=0x%x\n", (unsigned int)r->flags);
	fprintf(f, "  size=%" PRIu32 "\n", r->size);
	fprintf(f, "  capacity=%" PRIu32 "\n", r->capacity);
	fprintf(f, "  prod sync=%s\n", ring_sync_name(r->prod.sync_type));
	fprintf(f, "  cons sync=%s\n", ring_sync_name(r->cons.sync_type));
	if (r->prod.sync_type == RTE_RING_SYNC_MT_RTS)
		fprintf(f, "  prod htd_max=%" PRIu32 "\n", r->rts_prod.htd_max);
	if (r->cons.sync_type == RTE_RING_SYNC_MT_RTS)
		fprintf(f, "  cons htd_max=%" PRIu32 "\n", r->rts_cons.htd_max);
	fprintf(f, "  ct=%" PRIu32 "\n", r->cons.tail);
	fprintf(f, "  ch=%" PRIu32 "\n", ring_side_head(&r->cons));
	fprintf(f, "  pt=%" PRIu32 "\n", r->prod.tail);
	fprintf(f, "  ph=%" PRIu32 "\n", ring_side_head(&r->prod));
	fprintf(f, "  used=%u\n", rte_ring_count(r));
	fprintf(f, "  avail=%u\n", rte_ring_free_count(r));
}

void
rte_ring_list_dump(FILE *f)
{
	struct rte_tailq_entry *e;

	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(e, &ring_list, next)
		rte_ring_dump(f, e->data);
	rte_mcfg_tailq_write_unlock();
}
