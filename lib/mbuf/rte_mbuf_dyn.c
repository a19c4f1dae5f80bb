/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Registry of dynamic mbuf fields and flags. One table per process, under a mutex: the
 * registrations are few and happen at initialisation, never on the data path.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>
#include <rte_string_fns.h>

#include "mbuf_private.h"

/* The bytes of struct rte_mbuf that dynamic fields may use. */
#define DYN_AREA_START offsetof(struct rte_mbuf, dynfield1)
#define DYN_AREA_END (DYN_AREA_START + sizeof(((struct rte_mbuf *)0)->dynfield1))
#define DYN_AREA_SIZE (DYN_AREA_END - DYN_AREA_START)
/* The bits of ol_flags that dynamic flags may use. */
#define DYN_FLAG_FIRST 23
#define DYN_FLAG_LAST 40

struct dyn_field {
	struct rte_mbuf_dynfield params;
	size_t offset;
};

struct dyn_flag {
	struct rte_mbuf_dynflag params;
	unsigned int bitnum;
};

static pthread_mutex_t dyn_lock = PTHREAD_MUTEX_INITIALIZER;
static struct dyn_field dyn_fields[DYN_AREA_SIZE]; /* at most one field per free byte */
static unsigned int dyn_nb_fields;
static struct dyn_flag dyn_flags[64];
static unsigned int dyn_nb_flags;
static uint8_t dyn_busy[DYN_AREA_SIZE]; /* byte of the free area taken by a field */
static uint64_t dyn_busy_flags;         /* bit taken by a flag */

/* Check a name: EINVAL when empty, ENAMETOOLONG without its NUL. 0 or the errno. */
static int
dyn_check_name(const char *name)
{
	size_t len = strnlen(name, RTE_MBUF_DYN_NAMESIZE);

	if (len == 0) {
		MBUF_LOG(ERR, "dynamic field or flag name is empty");
		return EINVAL;
	}
	if (len == RTE_MBUF_DYN_NAMESIZE) {
		MBUF_LOG(ERR, "dynamic field or flag name %.*s... has no NUL within %d bytes",
			16, name, RTE_MBUF_DYN_NAMESIZE);
		return ENAMETOOLONG;
	}
	return 0;
}

static struct dyn_field *
dyn_field_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < dyn_nb_fields; i++)
		if (strcmp(dyn_fields[i].params.name, name) == 0)
			return &dyn_fields[i];
	return NULL;
}

static struct dyn_flag *
dyn_flag_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < dyn_nb_flags; i++)
		if (strcmp(dyn_flags[i].params.name, name) == 0)
			return &dyn_flags[i];
	return NULL;
}

/* Are the size bytes at offset (in struct rte_mbuf) all in the free area and free? */
static int
dyn_range_free(size_t offset, size_t size)
{
	size_t i;

	if (offset < DYN_AREA_START || offset + size > DYN_AREA_END)
		return 0;
	for (i = offset - DYN_AREA_START; i < offset - DYN_AREA_START + size; i++)
		if (dyn_busy[i])
			return 0;
	return 1;
}

/* Longest run of free bytes if [offset, offset + size) were taken as well. */
static size_t
dyn_longest_free_run(size_t offset, size_t size)
{
	size_t i, run = 0, best = 0;

	for (i = 0; i < DYN_AREA_SIZE; i++) {
		size_t at = DYN_AREA_START + i;

		if (dyn_busy[i] || (at >= offset && at < offset + size)) {
			run = 0;
			continue;
		}
		run++;
		if (run > best)
			best = run;
	}
	return best;
}

/*
 * Offset for a new field: among the aligned places where it fits, the one that leaves the
 * longest free run for later fields (the lowest such offset on a tie). SIZE_MAX if none.
 */
static size_t
dyn_pick_offset(size_t size, size_t align)
{
	size_t off, best = SIZE_MAX, best_run = 0, run;

	for (off = RTE_ALIGN_CEIL(DYN_AREA_START, align); off + size <= DYN_AREA_END;
			off += align) {
		if (!dyn_range_free(off, size))
			continue;
		run = dyn_longest_free_run(off, size);
		if (best == SIZE_MAX || run > best_run) {
			best = off;
			best_run = run;
		}
	}
	return best;
}

static int
dyn_field_register(const struct rte_mbuf_dynfield *params, size_t req)
{
	struct dyn_field *f;
	size_t off;
	int err;

	if (params == NULL) {
		MBUF_LOG(ERR, "dynamic field description is NULL");
		rte_errno = EINVAL;
		return -1;
	}
	err = dyn_check_name(params->name);
	if (err != 0) {
		rte_errno = err;
		return -1;
	}
	if (params->size == 0 || params->size > DYN_AREA_SIZE || params->align == 0 ||
			!rte_is_power_of_2(params->align) || params->flags != 0) {
		MBUF_LOG(ERR, "dynamic field %s: size %zu, align %zu, flags 0x%x are not valid "
			"(size 1 to %zu, align a power of two, flags 0)", params->name,
			params->size, params->align, params->flags, (size_t)DYN_AREA_SIZE);
		rte_errno = EINVAL;
		return -1;
	}
	if (req != SIZE_MAX && (req % params->align != 0 ||
			req + params->size > sizeof(struct rte_mbuf))) {
		MBUF_LOG(ERR, "dynamic field %s: offset %zu is not aligned on %zu or not in the mbuf",
			params->name, req, params->align);
		rte_errno = EINVAL;
		return -1;
	}

	pthread_mutex_lock(&dyn_lock);
	f = dyn_field_find(params->name);
	if (f != NULL) {
		if (f->params.size != params->size || f->params.align != params->align ||
				f->params.flags != params->flags ||
				(req != SIZE_MAX && req != f->offset)) {
			pthread_mutex_unlock(&dyn_lock);
			MBUF_LOG(ERR, "dynamic field %s is already registered differently",
				params->name);
			rte_errno = EEXIST;
			return -1;
		}
		off = f->offset;
		pthread_mutex_unlock(&dyn_lock);
		return (int)off;
	}
	if (req != SIZE_MAX) {
		if (!dyn_range_free(req, params->size)) {
			pthread_mutex_unlock(&dyn_lock);
			MBUF_LOG(ERR, "dynamic field %s: bytes %zu to %zu are taken or not free for "
				"dynamic fields", params->name, req, req + params->size - 1);
			rte_errno = EBUSY;
			return -1;
		}
		off = req;
	} else {
		off = dyn_pick_offset(params->size, params->align);
		if (off == SIZE_MAX) {
			pthread_mutex_unlock(&dyn_lock);
			MBUF_LOG(ERR, "dynamic field %s: no room left for %zu bytes aligned on %zu",
				params->name, params->size, params->align);
			rte_errno = ENOENT;
			return -1;
		}
	}
	f = &dyn_fields[dyn_nb_fields++];
	f->params = *params;
	f->offset = off;
	memset(&dyn_busy[off - DYN_AREA_START], 1, params->size);
	pthread_mutex_unlock(&dyn_lock);
	MBUF_LOG(DEBUG, "dynamic field %s: %zu bytes at offset %zu", params->name, params->size,
		off);
	return (int)off;
}

int
rte_mbuf_dynfield_register_offset(const struct rte_mbuf_dynfield *params, size_t offset)
{
	return dyn_field_register(params, offset);
}

int
rte_mbuf_dynfield_register(const struct rte_mbuf_dynfield *params)
{
	return dyn_field_register(params, SIZE_MAX);
}

int
rte_mbuf_dynfield_lookup(const char *name, struct rte_mbuf_dynfield *params)
{
	struct dyn_field *f;
	int off;

	if (name == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&dyn_lock);
	f = dyn_field_find(name);
	if (f == NULL) {
		pthread_mutex_unlock(&dyn_lock);
		rte_errno = ENOENT;
		return -1;
	}
	if (params != NULL)
		*params = f->params;
	off = (int)f->offset;
	pthread_mutex_unlock(&dyn_lock);
	return off;
}

static int
dyn_flag_register(const struct rte_mbuf_dynflag *params, unsigned int req)
{
	struct dyn_flag *f;
	unsigned int bit;
	int err;

	if (params == NULL) {
		MBUF_LOG(ERR, "dynamic flag description is NULL");
		rte_errno = EINVAL;
		return -1;
	}
	err = dyn_check_name(params->name);
	if (err != 0) {
		rte_errno = err;
		return -1;
	}
	if (params->flags != 0) {
		MBUF_LOG(ERR, "dynamic flag %s: flags 0x%x must be 0", params->name,
			params->flags);
		rte_errno = EINVAL;
		return -1;
	}
	if (req != UINT_MAX && req >= 64) {
		MBUF_LOG(ERR, "dynamic flag %s: bit %u is not in ol_flags", params->name, req);
		rte_errno = EINVAL;
		return -1;
	}

	pthread_mutex_lock(&dyn_lock);
	f = dyn_flag_find(params->name);
	if (f != NULL) {
		if (f->params.flags != params->flags || (req != UINT_MAX && req != f->bitnum)) {
			pthread_mutex_unlock(&dyn_lock);
			MBUF_LOG(ERR, "dynamic flag %s is already registered differently",
				params->name);
			rte_errno = EEXIST;
			return -1;
		}
		bit = f->bitnum;
		pthread_mutex_unlock(&dyn_lock);
		return (int)bit;
	}
	if (req != UINT_MAX) {
		if (req < DYN_FLAG_FIRST || req > DYN_FLAG_LAST ||
				(dyn_busy_flags & (UINT64_C(1) << req))) {
			pthread_mutex_unlock(&dyn_lock);
			MBUF_LOG(ERR, "dynamic flag %s: bit %u is taken", params->name, req);
			rte_errno = EBUSY;
			return -1;
		}
		bit = req;
	} else {
		for (bit = DYN_FLAG_FIRST; bit <= DYN_FLAG_LAST; bit++)
			if (!(dyn_busy_flags & (UINT64_C(1) << bit)))
				break;
		if (bit > DYN_FLAG_LAST) {
			pthread_mutex_unlock(&dyn_lock);
			MBUF_LOG(ERR, "dynamic flag %s: no free bit left", params->name);
			rte_errno = ENOENT;
			return -1;
		}
	}
	f = &dyn_flags[dyn_nb_flags++];
	f->params = *params;
	f->bitnum = bit;
	dyn_busy_flags |= UINT64_C(1) << bit;
	pthread_mutex_unlock(&dyn_lock);
	MBUF_LOG(DEBUG, "dynamic flag %s: bit %u", params->name, bit);
	return (int)bit;
}

int
rte_mbuf_dynflag_register_bitnum(const struct rte_mbuf_dynflag *params, unsigned int bitnum)
{
	return dyn_flag_register(params, bitnum);
}

int
rte_mbuf_dynflag_register(const struct rte_mbuf_dynflag *params)
{
	return dyn_flag_register(params, UINT_MAX);
}

int
rte_mbuf_dynflag_lookup(const char *name, struct rte_mbuf_dynflag *params)
{
	struct dyn_flag *f;
	int bit;

	if (name == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&dyn_lock);
	f = dyn_flag_find(name);
	if (f == NULL) {
		pthread_mutex_unlock(&dyn_lock);
		rte_errno = ENOENT;
		return -1;
	}
	if (params != NULL)
		*params = f->params;
	bit = (int)f->bitnum;
	pthread_mutex_unlock(&dyn_lock);
	return bit;
}

void
rte_mbuf_dyn_dump(FILE *out)
{
	unsigned int i, free_bytes = 0, free_bits = 0;

	if (out == NULL)
		out = stdout;
	pthread_mutex_lock(&dyn_lock);
	fprintf(out, "Reserved fields:\n");
	for (i = 0; i < dyn_nb_fields; i++)
		fprintf(out, "  name=%s offset=%zu size=%zu align=%zu flags=%x\n",
			dyn_fields[i].params.name, dyn_fields[i].offset,
			dyn_fields[i].params.size, dyn_fields[i].params.align,
			dyn_fields[i].params.flags);
	fprintf(out, "Reserved flags:\n");
	for (i = 0; i < dyn_nb_flags; i++)
		fprintf(out, "  name=%s bitnum=%u flags=%x\n", dyn_flags[i].params.name,
			dyn_flags[i].bitnum, dyn_flags[i].params.flags);
	fprintf(out, "Free space in mbuf (0 = free, 1 = taken), offsets %zu to %zu:\n  ",
		(size_t)DYN_AREA_START, (size_t)DYN_AREA_END - 1);
	for (i = 0; i < DYN_AREA_SIZE; i++) {
		fputc(dyn_busy[i] ? '1' : '0', out);
		free_bytes += !dyn_busy[i];
	}
	fputc('\n', out);
	for (i = DYN_FLAG_FIRST; i <= DYN_FLAG_LAST; i++)
		free_bits += !(dyn_busy_flags & (UINT64_C(1) << i));
	fprintf(out, "Free bytes: %u, free flag bits: %u\n", free_bytes, free_bits);
	pthread_mutex_unlock(&dyn_lock);
}

static int
dyn_timestamp_register(int *field_offset, uint64_t *flag, const char *flag_name)
{
	static const struct rte_mbuf_dynfield field_desc = {
		.name = RTE_MBUF_DYNFIELD_TIMESTAMP_NAME,
		.size = sizeof(rte_mbuf_timestamp_t),
		.align = __alignof__(rte_mbuf_timestamp_t),
	};
	struct rte_mbuf_dynflag flag_desc = { .flags = 0 };
	int off, bit;

	rte_strscpy(flag_desc.name, flag_name, sizeof(flag_desc.name));
	off = rte_mbuf_dynfield_register(&field_desc);
	if (off < 0)
		return -1;
	bit = rte_mbuf_dynflag_register(&flag_desc);
	if (bit < 0)
		return -1;
	if (field_offset != NULL)
		*field_offset = off;
	if (flag != NULL)
		*flag = UINT64_C(1) << bit;
	return 0;
}

int
rte_mbuf_dyn_rx_timestamp_register(int *field_offset, uint64_t *rx_flag)
{
	return dyn_timestamp_register(field_offset, rx_flag, RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME);
}

int
rte_mbuf_dyn_tx_timestamp_register(int *field_offset, uint64_t *tx_flag)
{
	return dyn_timestamp_register(field_offset, tx_flag, RTE_MBUF_DYNFLAG_TX_TIMESTAMP_NAME);
}
