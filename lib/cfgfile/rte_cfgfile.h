/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __INCLUDE_RTE_CFGFILE_H__
#define __INCLUDE_RTE_CFGFILE_H__

/**
 * @file
 * INI-style configuration files.
 *
 * A file is a list of sections, "[name]" lines, each followed by "key = value" lines. Text
 * after the comment character is ignored (a backslash before it keeps it as text). Files can
 * also be built in memory and written out.
 */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef CFG_NAME_LEN
/** Size of a section or entry name buffer, terminating NUL included. */
#define CFG_NAME_LEN 64
#endif

#ifndef CFG_VALUE_LEN
/** Size of an entry value buffer, terminating NUL included. */
#define CFG_VALUE_LEN 256
#endif

/** A loaded or created configuration; opaque. */
struct rte_cfgfile;

/** One "name = value" line of a section. */
struct rte_cfgfile_entry {
	char name[CFG_NAME_LEN]; /**< Entry name */
	char value[CFG_VALUE_LEN]; /**< Entry value */
};

/** Options of rte_cfgfile_load_with_params(). */
struct rte_cfgfile_parameters {
	/** Starts a comment: one of '!', '#', '%', ';', '@' */
	char comment_character;
};

/** Flags of rte_cfgfile_load() and rte_cfgfile_create(). */
enum {
	/**
	 * Entries found before the first section heading go into a section named "GLOBAL",
	 * created up front.
	 */
	CFG_FLAG_GLOBAL_SECTION = 1,
	/** Accept entries with nothing after '=' ("key="). */
	CFG_FLAG_EMPTY_VALUES = 2,
};

/** Comment character of rte_cfgfile_load(). */
#define CFG_DEFAULT_COMMENT_CHARACTER ';'

/**
 * Read a configuration file, with ';' starting comments.
 *
 * @param filename
 *   Path of the file.
 * @param flags
 *   CFG_FLAG_* values or-ed together.
 * @return
 *   The configuration, or NULL if the file cannot be read or a line is malformed.
 */
struct rte_cfgfile *rte_cfgfile_load(const char *filename, int flags);

/**
 * Read a configuration file with a chosen comment character.
 *
 * @param filename
 *   Path of the file.
 * @param flags
 *   CFG_FLAG_* values or-ed together.
 * @param params
 *   Parsing options.
 * @return
 *   The configuration, or NULL if params is NULL or invalid, the file cannot be read or a
 *   line is malformed.
 */
struct rte_cfgfile *rte_cfgfile_load_with_params(const char *filename,
	int flags, const struct rte_cfgfile_parameters *params);

/**
 * Create an empty configuration.
 *
 * @param flags
 *   CFG_FLAG_* values or-ed together.
 * @return
 *   The configuration, or NULL when out of memory.
 */
struct rte_cfgfile *rte_cfgfile_create(int flags);

/**
 * Append a section. Names longer than CFG_NAME_LEN - 1 are cut.
 *
 * @param cfg
 *   Configuration.
 * @param sectionname
 *   Name of the new section.
 * @return
 *   0 on success, -EINVAL for a NULL argument, -ENOMEM when out of memory.
 */
int
rte_cfgfile_add_section(struct rte_cfgfile *cfg, const char *sectionname);

/**
 * Append an entry to the first section of the given name.
 *
 * @param cfg
 *   Configuration.
 * @param sectionname
 *   Section name.
 * @param entryname
 *   Entry name; cut to CFG_NAME_LEN - 1 characters.
 * @param entryvalue
 *   Entry value; cut to CFG_VALUE_LEN - 1 characters.
 * @return
 *   0 on success, -EINVAL for a NULL argument or an unknown section, -EEXIST if the section
 *   already has an entry of that name, -ENOMEM when out of memory.
 */
int rte_cfgfile_add_entry(struct rte_cfgfile *cfg,
		const char *sectionname, const char *entryname,
		const char *entryvalue);

/**
 * Change the value of an existing entry.
 *
 * @param cfg
 *   Configuration.
 * @param sectionname
 *   Section name.
 * @param entryname
 *   Entry name.
 * @param entryvalue
 *   New value; NULL sets an empty value.
 * @return
 *   0 on success, -EINVAL if cfg is NULL or the section or entry does not exist.
 */
int rte_cfgfile_set_entry(struct rte_cfgfile *cfg, const char *sectionname,
		const char *entryname, const char *entryvalue);

/**
 * Write the configuration to a file, replacing it.
 *
 * @param cfg
 *   Configuration.
 * @param filename
 *   Path of the file.
 * @return
 *   0 on success, -EINVAL for a NULL argument or a file that cannot be opened, the result
 *   of fclose() otherwise.
 */
int rte_cfgfile_save(struct rte_cfgfile *cfg, const char *filename);

/**
 * Count the sections whose name starts with the given string.
 *
 * @param cfg
 *   Configuration.
 * @param sec_name
 *   Name or name prefix.
 * @param length
 *   Number of characters of sec_name compared.
 * @return
 *   Number of matching sections.
 */
int rte_cfgfile_num_sections(struct rte_cfgfile *cfg, const char *sec_name,
	size_t length);

/**
 * Copy the names of the sections, in file order.
 *
 * @param cfg
 *   Configuration.
 * @param sections
 *   Array of max_sections buffers of CFG_NAME_LEN characters each.
 * @param max_sections
 *   Size of the array.
 * @return
 *   Number of names copied.
 */
int rte_cfgfile_sections(struct rte_cfgfile *cfg, char *sections[],
	int max_sections);

/**
 * Tell whether a section exists.
 *
 * @param cfg
 *   Configuration.
 * @param sectionname
 *   Section name.
 * @return
 *   Non-zero if it exists, 0 otherwise.
 */
int rte_cfgfile_has_section(struct rte_cfgfile *cfg, const char *sectionname);

/**
 * Number of entries of the first section of the given name.
 *
 * @param cfg
 *   Configuration.
 * @param sectionname
 *   Section name.
 * @return
 *   Number of entries, -1 if there is no such section.
 */
int rte_cfgfile_section_num_entries(struct rte_cfgfile *cfg,
	const char *sectionname);

/**
 * Number of entries of the section at a position (the position of its name in
 * rte_cfgfile_sections()); works when several sections share a name.
 *
 * @param cfg
 *   Configuration.
 * @param sectionname
 *   Receives the section name; at least CFG_NAME_LEN characters.
 * @param index
 *   Section position.
 * @return
 *   Number of entries, -1 if index is out of range.
 */
int rte_cfgfile_section_num_entries_by_index(struct rte_cfgfile *cfg,
	char *sectionname,
	int index);

/**
 * Copy the entries of the first section of the given name.
 *
 * @param cfg
 *   Configuration.
 * @param sectionname
 *   Section name.
 * @param entries
 *   Array of at least max_entries entries.
 * @param max_entries
 *   Size of the array.
 * @return
 *   Number of entries copied, -1 if there is no such section.
 */
int rte_cfgfile_section_entries(struct rte_cfgfile *cfg,
	const char *sectionname,
	struct rte_cfgfile_entry *entries,
	int max_entries);

/**
 * Copy the entries of the section at a position (see
 * rte_cfgfile_section_num_entries_by_index()).
 *
 * @param cfg
 *   Configuration.
 * @param index
 *   Section position.
 * @param sectionname
 *   Receives the section name; at least CFG_NAME_LEN characters.
 * @param entries
 *   Array of at least max_entries entries.
 * @param max_entries
 *   Size of the array.
 * @return
 *   Number of entries copied, -1 if index is out of range.
 */
int rte_cfgfile_section_entries_by_index(struct rte_cfgfile *cfg,
	int index,
	char *sectionname,
	struct rte_cfgfile_entry *entries,
	int max_entries);

/**
 * Value of an entry of the first section of the given name.
 *
 * @param cfg
 *   Configuration.
 * @param sectionname
 *   Section name.
 * @param entryname
 *   Entry name.
 * @return
 *   The value, valid until the entry changes or cfg is closed; NULL if not found.
 */
const char *rte_cfgfile_get_entry(struct rte_cfgfile *cfg,
	const char *sectionname,
	const char *entryname);

/**
 * Tell whether an entry exists in the first section of the given name.
 *
 * @param cfg
 *   Configuration.
 * @param sectionname
 *   Section name.
 * @param entryname
 *   Entry name.
 * @return
 *   Non-zero if it exists, 0 otherwise.
 */
int rte_cfgfile_has_entry(struct rte_cfgfile *cfg, const char *sectionname,
	const char *entryname);

/**
 * Release a configuration.
 *
 * @param cfg
 *   Configuration.
 * @return
 *   0 on success, -1 if cfg is NULL.
 */
int rte_cfgfile_close(struct rte_cfgfile *cfg);

#ifdef __cplusplus
}
#endif

#endif /* __INCLUDE_RTE_CFGFILE_H__ */
