/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Filling a struct rte_tel_data, and turning it into JSON text.
 *
 * The JSON writer works in a fixed buffer. Each container reserves room for its closing
 * character when it opens, and each value is written whole or not at all (the write position
 * goes back to where the value started), so the text is valid JSON whatever the buffer size:
 * what does not fit is left out.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "telemetry_data.h"

/* ---- filling ---- */

static size_t
copy_str(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);
	size_t n = len < size - 1 ? len : size - 1;

	memcpy(dst, src, n);
	dst[n] = '\0';
	return len;
}

int
rte_tel_data_start_array(struct rte_tel_data *d, enum rte_tel_value_type type)
{
	static const enum tel_data_kind kinds[] = {
		[RTE_TEL_STRING_VAL] = TEL_ARRAY_STRING,
		[RTE_TEL_INT_VAL] = TEL_ARRAY_INT,
		[RTE_TEL_U64_VAL] = TEL_ARRAY_U64,
		[RTE_TEL_CONTAINER] = TEL_ARRAY_CONTAINER,
	};

	if (d == NULL || (unsigned int)type >= sizeof(kinds) / sizeof(kinds[0]))
		return -EINVAL;
	d->type = kinds[type];
	d->data_len = 0;
	return 0;
}

int
rte_tel_data_start_dict(struct rte_tel_data *d)
{
	if (d == NULL)
		return -EINVAL;
	d->type = TEL_DICT;
	d->data_len = 0;
	return 0;
}

int
rte_tel_data_string(struct rte_tel_data *d, const char *str)
{
	size_t len;

	if (d == NULL || str == NULL)
		return -EINVAL;
	d->type = TEL_STRING;
	len = copy_str(d->data.str, str, sizeof(d->data.str));
	if (len >= sizeof(d->data.str)) {
		d->data_len = sizeof(d->data.str) - 1;
		return E2BIG;
	}
	d->data_len = len;
	return 0;
}

/* The next free array slot of d if d is an array of kind, else NULL with *ret set. */
static union tel_value *
array_slot(struct rte_tel_data *d, enum tel_data_kind kind, int *ret)
{
	if (d == NULL || d->type != kind) {
		*ret = -EINVAL;
		return NULL;
	}
	if (d->data_len >= RTE_TEL_MAX_ARRAY_ENTRIES) {
		*ret = -ENOSPC;
		return NULL;
	}
	*ret = 0;
	return &d->data.array[d->data_len++];
}

int
rte_tel_data_add_array_string(struct rte_tel_data *d, const char *str)
{
	union tel_value *v;
	int ret;

	if (str == NULL)
		return -EINVAL;
	v = array_slot(d, TEL_ARRAY_STRING, &ret);
	if (v == NULL)
		return ret;
	return copy_str(v->sval, str, sizeof(v->sval)) < sizeof(v->sval) ? 0 : E2BIG;
}

int
rte_tel_data_add_array_int(struct rte_tel_data *d, int x)
{
	union tel_value *v;
	int ret;

	v = array_slot(d, TEL_ARRAY_INT, &ret);
	if (v == NULL)
		return ret;
	v->ival = x;
	return 0;
}

int
rte_tel_data_add_array_u64(struct rte_tel_data *d, uint64_t x)
{
	union tel_value *v;
	int ret;

	v = array_slot(d, TEL_ARRAY_U64, &ret);
	if (v == NULL)
		return ret;
	v->u64val = x;
	return 0;
}

int
rte_tel_data_add_array_container(struct rte_tel_data *d, struct rte_tel_data *val, int keep)
{
	union tel_value *v;
	int ret;

	/* Only one level of nesting: what goes in must hold plain values. */
	if (val == NULL || val == d || (val->type != TEL_ARRAY_STRING &&
			val->type != TEL_ARRAY_INT && val->type != TEL_ARRAY_U64))
		return -EINVAL;
	v = array_slot(d, TEL_ARRAY_CONTAINER, &ret);
	if (v == NULL)
		return ret;
	v->container.data = val;
	v->container.keep = !!keep;
	return 0;
}

/* Keys are limited to characters that need no escaping and read well in a path. */
static bool
valid_name(const char *name)
{
	const char *p;

	for (p = name; *p != '\0'; p++) {
		char c = *p;

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
				(c >= '0' && c <= '9') || c == '_' || c == '/'))
			return false;
	}
	return true;
}

/* A new entry of dictionary d named name, or NULL with *ret set; *ret is E2BIG if cut. */
static struct tel_dict_entry *
dict_entry(struct rte_tel_data *d, const char *name, int *ret)
{
	struct tel_dict_entry *e;

	if (d == NULL || name == NULL || d->type != TEL_DICT) {
		*ret = -EINVAL;
		return NULL;
	}
	if (d->data_len >= RTE_TEL_MAX_DICT_ENTRIES) {
		*ret = -ENOSPC;
		return NULL;
	}
	if (!valid_name(name)) {
		*ret = -EINVAL;
		return NULL;
	}
	e = &d->data.dict[d->data_len++];
	*ret = copy_str(e->name, name, sizeof(e->name)) < sizeof(e->name) ? 0 : E2BIG;
	return e;
}

int
rte_tel_data_add_dict_string(struct rte_tel_data *d, const char *name, const char *val)
{
	struct tel_dict_entry *e;
	int ret;

	if (val == NULL)
		return -EINVAL;
	e = dict_entry(d, name, &ret);
	if (e == NULL)
		return ret;
	e->type = RTE_TEL_STRING_VAL;
	if (copy_str(e->value.sval, val, sizeof(e->value.sval)) >= sizeof(e->value.sval))
		ret = E2BIG;
	return ret;
}

int
rte_tel_data_add_dict_int(struct rte_tel_data *d, const char *name, int val)
{
	struct tel_dict_entry *e;
	int ret;

	e = dict_entry(d, name, &ret);
	if (e == NULL)
		return ret;
	e->type = RTE_TEL_INT_VAL;
	e->value.ival = val;
	return ret;
}

int
rte_tel_data_add_dict_u64(struct rte_tel_data *d, const char *name, uint64_t val)
{
	struct tel_dict_entry *e;
	int ret;

	e = dict_entry(d, name, &ret);
	if (e == NULL)
		return ret;
	e->type = RTE_TEL_U64_VAL;
	e->value.u64val = val;
	return ret;
}

int
rte_tel_data_add_dict_container(struct rte_tel_data *d, const char *name,
		struct rte_tel_data *val, int keep)
{
	struct tel_dict_entry *e;
	unsigned int i;
	int ret;

	if (val == NULL || val == d || (val->type != TEL_ARRAY_STRING &&
			val->type != TEL_ARRAY_INT && val->type != TEL_ARRAY_U64 &&
			val->type != TEL_DICT))
		return -EINVAL;
	/* A dictionary inside may hold plain values only. */
	if (val->type == TEL_DICT)
		for (i = 0; i < val->data_len; i++)
			if (val->data.dict[i].type == RTE_TEL_CONTAINER)
				return -EINVAL;
	e = dict_entry(d, name, &ret);
	if (e == NULL)
		return ret;
	e->type = RTE_TEL_CONTAINER;
	e->value.container.data = val;
	e->value.container.keep = !!keep;
	return ret;
}

struct rte_tel_data *
rte_tel_data_alloc(void)
{
	return calloc(1, sizeof(struct rte_tel_data));
}

void
rte_tel_data_free(struct rte_tel_data *data)
{
	free(data);
}

void
tel_data_release_containers(struct rte_tel_data *d)
{
	unsigned int i;

	if (d == NULL)
		return;
	if (d->type == TEL_ARRAY_CONTAINER) {
		for (i = 0; i < d->data_len; i++)
			if (!d->data.array[i].container.keep)
				rte_tel_data_free(d->data.array[i].container.data);
	} else if (d->type == TEL_DICT) {
		for (i = 0; i < d->data_len; i++)
			if (d->data.dict[i].type == RTE_TEL_CONTAINER &&
					!d->data.dict[i].value.container.keep)
				rte_tel_data_free(d->data.dict[i].value.container.data);
	}
	d->data_len = 0;
	d->type = TEL_NULL;
}

/* ---- JSON ---- */

struct jbuf {
	char *buf;
	size_t len;	/* characters written */
	size_t end;	/* writing must stop here: the rest is kept for closing characters */
	bool full;	/* a write did not fit */
};

static void
jb_putc(struct jbuf *j, char c)
{
	if (j->full || j->len + 1 > j->end) {
		j->full = true;
		return;
	}
	j->buf[j->len++] = c;
}

static void
jb_printf(struct jbuf *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
jb_printf(struct jbuf *j, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (j->full)
		return;
	va_start(ap, fmt);
	n = vsnprintf(j->buf + j->len, j->end - j->len + 1, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n > j->end - j->len) {
		j->full = true;
		return;
	}
	j->len += n;
}

/* A JSON string: quotes, escapes for '"', '\\' and control characters. */
static void
jb_str(struct jbuf *j, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p;

	jb_putc(j, '"');
	for (p = (const unsigned char *)s; *p != '\0' && !j->full; p++) {
		if (*p == '"' || *p == '\\') {
			jb_putc(j, '\\');
			jb_putc(j, *p);
		} else if (*p < 0x20 || *p == 0x7f) {
			jb_printf(j, "\\u00%c%c", hex[*p >> 4], hex[*p & 0xf]);
		} else {
			jb_putc(j, *p);
		}
	}
	jb_putc(j, '"');
}

/* Open a container: write c and keep room for its closing character. False if no room. */
static bool
jb_open(struct jbuf *j, char c)
{
	if (j->full || j->len + 2 > j->end) {
		j->full = true;
		return false;
	}
	j->buf[j->len++] = c;
	j->end--;
	return true;
}

static void
jb_close(struct jbuf *j, char c)
{
	j->end++;
	j->full = false;
	jb_putc(j, c);
}

static void write_data(struct jbuf *j, const struct rte_tel_data *d);

static void
write_array_value(struct jbuf *j, enum tel_data_kind kind, const union tel_value *v)
{
	switch (kind) {
	case TEL_ARRAY_STRING:
		jb_str(j, v->sval);
		break;
	case TEL_ARRAY_INT:
		jb_printf(j, "%d", v->ival);
		break;
	case TEL_ARRAY_U64:
		jb_printf(j, "%" PRIu64, v->u64val);
		break;
	default:
		write_data(j, v->container.data);
		break;
	}
}

static void
write_dict_value(struct jbuf *j, const struct tel_dict_entry *e)
{
	switch (e->type) {
	case RTE_TEL_STRING_VAL:
		jb_str(j, e->value.sval);
		break;
	case RTE_TEL_INT_VAL:
		jb_printf(j, "%d", e->value.ival);
		break;
	case RTE_TEL_U64_VAL:
		jb_printf(j, "%" PRIu64, e->value.u64val);
		break;
	default:
		write_data(j, e->value.container.data);
		break;
	}
}

static void
write_data(struct jbuf *j, const struct rte_tel_data *d)
{
	unsigned int i, written = 0;
	size_t mark;

	if (d == NULL) {
		jb_printf(j, "null");
		return;
	}
	switch (d->type) {
	case TEL_STRING:
		jb_str(j, d->data.str);
		return;
	case TEL_DICT:
		if (!jb_open(j, '{'))
			return;
		for (i = 0; i < d->data_len && !j->full; i++) {
			mark = j->len;
			if (written > 0)
				jb_putc(j, ',');
			jb_str(j, d->data.dict[i].name);
			jb_putc(j, ':');
			write_dict_value(j, &d->data.dict[i]);
			if (j->full)
				j->len = mark;
			else
				written++;
		}
		jb_close(j, '}');
		return;
	case TEL_ARRAY_STRING:
	case TEL_ARRAY_INT:
	case TEL_ARRAY_U64:
	case TEL_ARRAY_CONTAINER:
		if (!jb_open(j, '['))
			return;
		for (i = 0; i < d->data_len && !j->full; i++) {
			mark = j->len;
			if (written > 0)
				jb_putc(j, ',');
			write_array_value(j, d->type, &d->data.array[i]);
			if (j->full)
				j->len = mark;
			else
				written++;
		}
		jb_close(j, ']');
		return;
	default:
		jb_printf(j, "null");
		return;
	}
}

/* A value cut short inside leaves j->full set; the enclosing container drops it whole. */
static size_t
finish(struct jbuf *j)
{
	j->buf[j->len] = '\0';
	return j->len;
}

size_t
tel_data_to_json(const struct rte_tel_data *d, char *buf, size_t size)
{
	struct jbuf j = { .buf = buf, .len = 0, .end = size - 1, .full = false };

	if (size == 0)
		return 0;
	write_data(&j, d);
	if (j.full)	/* not even an empty container fits */
		j.len = 0;
	return finish(&j);
}

size_t
tel_reply_to_json(const char *cmd, const struct rte_tel_data *d, char *buf, size_t size)
{
	struct jbuf j = { .buf = buf, .len = 0, .end = size - 1, .full = false };
	size_t mark;

	if (size == 0)
		return 0;
	if (!jb_open(&j, '{'))
		return finish(&j);
	jb_str(&j, cmd != NULL ? cmd : "none");
	jb_putc(&j, ':');
	mark = j.len;
	if (d == NULL || d->type == TEL_NULL)
		jb_printf(&j, "null");
	else
		write_data(&j, d);
	if (j.full) {
		/* A single string too long for the buffer: answer null rather than cut it. */
		j.len = mark;
		j.full = false;
		jb_printf(&j, "null");
		if (j.full) {	/* no room for a reply at all */
			j.len = 0;
			return finish(&j);
		}
	}
	jb_close(&j, '}');
	return finish(&j);
}
