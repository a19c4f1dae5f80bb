/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_EFD_H_
#define _RTE_EFD_H_

/**
 * @file
 *
 * Elastic Flow Distributor: maps keys to small values (a target node, a queue) without storing
 * the keys where lookups happen. Keys are spread over groups; every group keeps, per value
 * bit, the index of a hash function and a 16-entry bit table such that the function sends
 * each key of the group to a table entry holding that key's bit. A lookup hashes the key,
 * finds its group and reads one bit per value bit: no key comparison, constant time.
 *
 * Because keys are never compared, a key that was never inserted gets an arbitrary value.
 * The full key/value store (the "offline" part) lives on one socket and is used only by
 * update and delete, which must come from a single thread; lookups may run on any number
 * of threads at the same time, each on its socket's copy of the lookup tables.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Table size, for reference:
 *   chunks      = next power of two of ceil(max_num_rules / (64 * EFD_TARGET_GROUP_NUM_RULES))
 *   lookup part = chunks * 64 groups * RTE_EFD_VALUE_NUM_BITS * 4 bytes, plus 64 bytes of bin
 *                 choices per chunk, on every socket of the online bitmask.
 */

/** Bits of value stored per key (1 to 32); lookup cost grows with it. */
#ifndef RTE_EFD_VALUE_NUM_BITS
#define RTE_EFD_VALUE_NUM_BITS (8)
#endif

/** Keys per group the table is sized for. */
#define EFD_TARGET_GROUP_NUM_RULES (22)
/** Keys a group can hold at most. */
#define EFD_MAX_GROUP_NUM_RULES (28LU)

/** Keys below which a group is not worth balancing (kept for compatibility). */
#define EFD_MIN_BALANCED_NUM_RULES      5

/** Largest number of keys rte_efd_lookup_bulk() takes in one call. */
#ifndef RTE_EFD_BURST_MAX
#define RTE_EFD_BURST_MAX (32)
#endif

/** Size of a table name, terminating NUL included. */
#define RTE_EFD_NAMESIZE			32

#if (RTE_EFD_VALUE_NUM_BITS > 0 && RTE_EFD_VALUE_NUM_BITS <= 8)
/** Value stored per key: the smallest integer type that has RTE_EFD_VALUE_NUM_BITS bits. */
typedef uint8_t efd_value_t;
#elif (RTE_EFD_VALUE_NUM_BITS > 8 && RTE_EFD_VALUE_NUM_BITS <= 16)
typedef uint16_t efd_value_t;
#elif (RTE_EFD_VALUE_NUM_BITS > 16 && RTE_EFD_VALUE_NUM_BITS <= 32)
typedef uint32_t efd_value_t;
#else
#error("RTE_EFD_VALUE_NUM_BITS must be in the range [1:32]")
#endif

/** Shift that turns a 32-bit hash into an entry of a 16-entry bit table. */
#define EFD_LOOKUPTBL_SHIFT (32 - 4)
/** Bit table of one value bit of a group. */
typedef uint16_t efd_lookuptbl_t;
/** Hash function index of one value bit of a group. */
typedef uint16_t efd_hashfunc_t;

struct rte_efd_table;

/**
 * Create a table.
 *
 * @param name
 *   Unique name, shorter than RTE_EFD_NAMESIZE.
 * @param max_num_rules
 *   Number of keys the table must hold; rounded up to a power-of-two number of chunks.
 * @param key_len
 *   Key length in bytes.
 * @param online_cpu_socket_bitmask
 *   Sockets that get a copy of the lookup tables (bit 0 = socket 0); at least one.
 * @param offline_cpu_socket
 *   Socket of the key/value store used by updates.
 * @return
 *   The table, or NULL with rte_errno set: EINVAL for a bad argument, EEXIST when the name
 *   is taken, ENOMEM when memory is short.
 */
struct rte_efd_table *
rte_efd_create(const char *name, uint32_t max_num_rules, uint32_t key_len,
	uint64_t online_cpu_socket_bitmask, uint8_t offline_cpu_socket);

/** Free a table and all its copies; NULL is ignored. */
void
rte_efd_free(struct rte_efd_table *table);

/**
 * Find a table by name.
 *
 * @return
 *   The table, or NULL with rte_errno ENOENT (EINVAL for a NULL name).
 */
struct rte_efd_table*
rte_efd_find_existing(const char *name);

/** rte_efd_update(): inserted, and the key's group is now full. */
#define RTE_EFD_UPDATE_WARN_GROUP_FULL   (1)
/** The update changed nothing (rte_efd_update() reports it as 0, as DPDK does). */
#define RTE_EFD_UPDATE_NO_CHANGE         (2)
/** rte_efd_update(): no group can take the key; the table is unchanged. */
#define RTE_EFD_UPDATE_FAILED            (3)

/**
 * Insert a key or change its value, on every socket's copy at once. Single writer only.
 *
 * @param table
 *   The table.
 * @param socket_id
 *   Socket of the caller (kept for compatibility; the key store is read directly).
 * @param key
 *   The key, key_len bytes.
 * @param value
 *   Its value (RTE_EFD_VALUE_NUM_BITS bits).
 * @return
 *   0 on success, also when the key already had this value;
 *   RTE_EFD_UPDATE_WARN_GROUP_FULL when the insert succeeded but filled the key's group;
 *   RTE_EFD_UPDATE_FAILED when no group the key may use can take it: the key is then left
 *   out (or keeps its previous value) and the rest of the table is unchanged.
 */
int
rte_efd_update(struct rte_efd_table *table, unsigned int socket_id,
	const void *key, efd_value_t value);

/**
 * Remove a key. Single writer only.
 *
 * @param table
 *   The table.
 * @param socket_id
 *   Socket of the caller (unused: the key store is read directly).
 * @param key
 *   The key to remove.
 * @param prev_value
 *   If not NULL, receives the value the key had.
 * @return
 *   0 when the key was found and removed, nonzero otherwise.
 */
int
rte_efd_delete(struct rte_efd_table *table, unsigned int socket_id,
	const void *key, efd_value_t *prev_value);

/**
 * Value of a key, read from the copy on socket_id (or another copy when that socket has
 * none). Safe from any number of threads, also during updates. A key that was never
 * inserted gets an arbitrary value: whether a key is present must be tracked elsewhere.
 */
efd_value_t
rte_efd_lookup(const struct rte_efd_table *table, unsigned int socket_id,
		const void *key);

/**
 * rte_efd_lookup() of num_keys keys (at most RTE_EFD_BURST_MAX), value i for key i.
 */
void
rte_efd_lookup_bulk(const struct rte_efd_table *table, unsigned int socket_id,
		int num_keys, const void **key_list,
		efd_value_t *value_list);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EFD_H_ */
