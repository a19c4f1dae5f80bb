/* SPDX-License-Identifier: BSD-3-Clause */
/* What a struct rte_tel_data holds; private to the telemetry library and its tests. */
#ifndef _TELEMETRY_DATA_H_
#define _TELEMETRY_DATA_H_

#include <stddef.h>
#include <stdint.h>

#include "rte_telemetry.h"

/* What the whole data is. */
enum tel_data_kind {
	TEL_NULL,		/* nothing started yet: the reply is null */
	TEL_STRING,		/* one string */
	TEL_DICT,		/* named values */
	TEL_ARRAY_STRING,	/* arrays of one value type */
	TEL_ARRAY_INT,
	TEL_ARRAY_U64,
	TEL_ARRAY_CONTAINER,
};

struct tel_container {
	struct rte_tel_data *data;
	int keep;		/* non-zero: the caller frees data, not the library */
};

union tel_value {
	char sval[RTE_TEL_MAX_STRING_LEN];
	int ival;
	uint64_t u64val;
	struct tel_container container;
};

struct tel_dict_entry {
	char name[RTE_TEL_MAX_STRING_LEN];
	enum rte_tel_value_type type;
	union tel_value value;
};

struct rte_tel_data {
	enum tel_data_kind type;
	unsigned int data_len;	/* entries used in dict or array; length of str */
	union {
		char str[RTE_TEL_MAX_SINGLE_STRING_LEN];
		struct tel_dict_entry dict[RTE_TEL_MAX_DICT_ENTRIES];
		union tel_value array[RTE_TEL_MAX_ARRAY_ENTRIES];
	} data;
};

/*
 * Write the JSON text of d into buf (at most size bytes, NUL included). Values that do not fit
 * are left out so that the text stays valid JSON. Returns the length written.
 */
size_t tel_data_to_json(const struct rte_tel_data *d, char *buf, size_t size);

/*
 * Write the whole reply {"<cmd>":<d as JSON>} into buf; d NULL gives {"<cmd>":null}. The
 * command is escaped. Returns the length written.
 */
size_t tel_reply_to_json(const char *cmd, const struct rte_tel_data *d, char *buf, size_t size);

/* Free the containers of d that were added with keep == 0 (not d itself). */
void tel_data_release_containers(struct rte_tel_data *d);

#endif /* _TELEMETRY_DATA_H_ */
