/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Telemetry: a running application answers queries from outside the process.
 *
 * A library or an application registers commands (strings starting with '/') with a callback.
 * Once EAL is up, a client connects to the Unix socket
 * `<runtime dir>/dpdk_telemetry.v2` (SOCK_SEQPACKET), receives one JSON object describing the
 * process, then sends `<command>[,<parameters>]` messages and gets one JSON object back for
 * each: `{"<command>": <value>}`, with `null` as the value when the command is unknown or its
 * callback failed.
 *
 * A callback fills the struct rte_tel_data it is given with exactly one of: a single string
 * (rte_tel_data_string), an array of one value type (rte_tel_data_start_array then
 * rte_tel_data_add_array_*), or a dictionary of named values (rte_tel_data_start_dict then
 * rte_tel_data_add_dict_*). Arrays and dictionaries may hold other arrays or dictionaries one
 * level deep, allocated with rte_tel_data_alloc and added as containers.
 */
#ifndef _RTE_TELEMETRY_H_
#define _RTE_TELEMETRY_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Longest string value or dictionary name, terminating NUL included. */
#define RTE_TEL_MAX_STRING_LEN 128
/** Longest string given to rte_tel_data_string, terminating NUL included. */
#define RTE_TEL_MAX_SINGLE_STRING_LEN 8192
/** Most entries a dictionary holds. */
#define RTE_TEL_MAX_DICT_ENTRIES 256
/** Most values an array holds. */
#define RTE_TEL_MAX_ARRAY_ENTRIES 512

/** Opaque holder of the value a telemetry callback returns. */
struct rte_tel_data;

/** Kinds of values an array or a dictionary holds. */
enum rte_tel_value_type {
	RTE_TEL_STRING_VAL, /**< a string of at most RTE_TEL_MAX_STRING_LEN - 1 characters */
	RTE_TEL_INT_VAL,    /**< a signed int */
	RTE_TEL_U64_VAL,    /**< an unsigned 64-bit integer */
	RTE_TEL_CONTAINER,  /**< another struct rte_tel_data (an array or a dictionary) */
};

/**
 * Make d an empty array whose values are all of one type.
 *
 * @param d
 *   The data to fill.
 * @param type
 *   Type of every value the array will hold.
 * @return
 *   0, or -EINVAL for a NULL d or an unknown type.
 */
int
rte_tel_data_start_array(struct rte_tel_data *d, enum rte_tel_value_type type);

/**
 * Make d an empty dictionary.
 *
 * @param d
 *   The data to fill.
 * @return
 *   0, or -EINVAL for a NULL d.
 */
int
rte_tel_data_start_dict(struct rte_tel_data *d);

/**
 * Make d a single string.
 *
 * @param d
 *   The data to fill.
 * @param str
 *   The string, copied.
 * @return
 *   0; E2BIG (positive) when str was cut to RTE_TEL_MAX_SINGLE_STRING_LEN - 1 characters;
 *   -EINVAL for a NULL argument.
 */
int
rte_tel_data_string(struct rte_tel_data *d, const char *str);

/**
 * Append a string to an array started with RTE_TEL_STRING_VAL.
 *
 * @param d
 *   The array.
 * @param str
 *   The string, copied.
 * @return
 *   0; E2BIG (positive) when str was added cut to RTE_TEL_MAX_STRING_LEN - 1 characters;
 *   -EINVAL when d is not an array of strings; -ENOSPC when the array is full.
 */
int
rte_tel_data_add_array_string(struct rte_tel_data *d, const char *str);

/**
 * Append an int to an array started with RTE_TEL_INT_VAL.
 *
 * @param d
 *   The array.
 * @param x
 *   The value.
 * @return
 *   0; -EINVAL when d is not an array of ints; -ENOSPC when the array is full.
 */
int
rte_tel_data_add_array_int(struct rte_tel_data *d, int x);

/**
 * Append an unsigned 64-bit value to an array started with RTE_TEL_U64_VAL.
 *
 * @param d
 *   The array.
 * @param x
 *   The value.
 * @return
 *   0; -EINVAL when d is not an array of u64 values; -ENOSPC when the array is full.
 */
int
rte_tel_data_add_array_u64(struct rte_tel_data *d, uint64_t x);

/**
 * Append an array to an array started with RTE_TEL_CONTAINER.
 *
 * @param d
 *   The outer array.
 * @param val
 *   An array of strings, ints or u64 values from rte_tel_data_alloc.
 * @param keep
 *   0: the telemetry library frees val once the reply is sent; non-zero: the caller keeps
 *   ownership of val.
 * @return
 *   0; -EINVAL when d is not an array of containers or val is not an array of plain values;
 *   -ENOSPC when d is full.
 */
int
rte_tel_data_add_array_container(struct rte_tel_data *d,
		struct rte_tel_data *val, int keep);

/**
 * Add a string to a dictionary.
 *
 * @param d
 *   The dictionary.
 * @param name
 *   The key: only alphanumeric characters, '_' and '/'.
 * @param val
 *   The string, copied.
 * @return
 *   0; E2BIG (positive) when name or val was added cut to RTE_TEL_MAX_STRING_LEN - 1
 *   characters; -EINVAL when d is not a dictionary or name has another character; -ENOSPC
 *   when the dictionary is full.
 */
int
rte_tel_data_add_dict_string(struct rte_tel_data *d, const char *name,
		const char *val);

/**
 * Add an int to a dictionary.
 *
 * @param d
 *   The dictionary.
 * @param name
 *   The key: only alphanumeric characters, '_' and '/'.
 * @param val
 *   The value.
 * @return
 *   0; E2BIG (positive) when name was cut; -EINVAL when d is not a dictionary or name has
 *   another character; -ENOSPC when the dictionary is full.
 */
int
rte_tel_data_add_dict_int(struct rte_tel_data *d, const char *name, int val);

/**
 * Add an unsigned 64-bit value to a dictionary.
 *
 * @param d
 *   The dictionary.
 * @param name
 *   The key: only alphanumeric characters, '_' and '/'.
 * @param val
 *   The value.
 * @return
 *   0; E2BIG (positive) when name was cut; -EINVAL when d is not a dictionary or name has
 *   another character; -ENOSPC when the dictionary is full.
 */
int
rte_tel_data_add_dict_u64(struct rte_tel_data *d,
		const char *name, uint64_t val);

/**
 * Add an array or a dictionary to a dictionary.
 *
 * @param d
 *   The outer dictionary.
 * @param name
 *   The key: only alphanumeric characters, '_' and '/'.
 * @param val
 *   An array of plain values or a dictionary without containers, from rte_tel_data_alloc.
 * @param keep
 *   0: the telemetry library frees val once the reply is sent; non-zero: the caller keeps
 *   ownership of val.
 * @return
 *   0; E2BIG (positive) when name was cut; -EINVAL when d is not a dictionary, val is not
 *   one of the kinds above or name has another character; -ENOSPC when d is full.
 */
int
rte_tel_data_add_dict_container(struct rte_tel_data *d, const char *name,
		struct rte_tel_data *val, int keep);

/**
 * A command's callback.
 *
 * @param cmd
 *   The command as the client sent it.
 * @param params
 *   What followed the first ',' of the request, or NULL when nothing did.
 * @param info
 *   The reply to fill.
 * @return
 *   0 or more on success; negative to answer `null`.
 */
typedef int (*telemetry_cb)(const char *cmd, const char *params,
		struct rte_tel_data *info);

/** Body of a thread serving one client connection; the argument is the socket. */
typedef void * (*handler)(void *sock_id);

/**
 * Register a command.
 *
 * May be called before EAL starts (from a constructor, typically) or at any time after;
 * a command registered while clients are connected is available to them at once.
 *
 * @param cmd
 *   The command: starts with '/', only alphanumeric characters, '_' and '/', shorter than
 *   56 characters.
 * @param fn
 *   The callback.
 * @param help
 *   What `/help,<cmd>` answers, shorter than RTE_TEL_MAX_STRING_LEN characters.
 * @return
 *   0; -EINVAL for a bad cmd, help or NULL fn; -EEXIST when cmd is registered with another
 *   callback; -ENOMEM.
 */
int
rte_telemetry_register_cmd(const char *cmd, telemetry_cb fn, const char *help);

/**
 * Allocate a struct rte_tel_data, to be used as a container.
 *
 * @return
 *   The new data, of no type yet, or NULL when out of memory.
 */
struct rte_tel_data *
rte_tel_data_alloc(void);

/**
 * Free data from rte_tel_data_alloc. Containers added to it are not freed.
 *
 * @param data
 *   The data; NULL does nothing.
 */
void
rte_tel_data_free(struct rte_tel_data *data);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TELEMETRY_H_ */
