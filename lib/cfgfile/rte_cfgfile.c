/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * INI-style configuration files held in memory as growable arrays of sections, each with a
 * growable array of entries. Plain malloc: the library is used before EAL starts (to read
 * the options an application passes to it).
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "rte_cfgfile.h"

RTE_LOG_REGISTER_DEFAULT(cfgfile_logtype, INFO);

#define CFG_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, cfgfile_logtype, "CFGFILE: " fmt "\n", ##__VA_ARGS__)

#define CFG_SECTION_BATCH 8
#define CFG_ENTRY_BATCH 16

struct cfg_section {
	char name[CFG_NAME_LEN];
	int num_entries;
	int allocated_entries;
	struct rte_cfgfile_entry *entries;
};

struct rte_cfgfile {
	int flags;
	int num_sections;
	int allocated_sections;
	struct cfg_section *sections;
};

static const char cfg_comment_chars[] = { '!', '#', '%', ';', '@' };

/* Trim leading and trailing white space in place; returns the new start. */
static char *
cfg_strip(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	return s;
}

static struct cfg_section *
cfg_find_section(struct rte_cfgfile *cfg, const char *name)
{
	int i;

	for (i = 0; i < cfg->num_sections; i++)
		if (strncmp(cfg->sections[i].name, name, sizeof(cfg->sections[i].name)) == 0)
			return &cfg->sections[i];
	return NULL;
}

static struct rte_cfgfile_entry *
cfg_find_entry(struct cfg_section *s, const char *name)
{
	int i;

	for (i = 0; i < s->num_entries; i++)
		if (strncmp(s->entries[i].name, name, sizeof(s->entries[i].name)) == 0)
			return &s->entries[i];
	return NULL;
}

static int
cfg_section_append(struct cfg_section *s, const char *name, const char *value)
{
	struct rte_cfgfile_entry *e;

	if (s->num_entries == s->allocated_entries) {
		e = realloc(s->entries, sizeof(*e) * (s->allocated_entries + CFG_ENTRY_BATCH));
		if (e == NULL)
			return -ENOMEM;
		s->entries = e;
		s->allocated_entries += CFG_ENTRY_BATCH;
	}
	e = &s->entries[s->num_entries++];
	strlcpy(e->name, name, sizeof(e->name));
	strlcpy(e->value, value, sizeof(e->value));
	return 0;
}

static bool
cfg_comment_char_valid(char c)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(cfg_comment_chars); i++)
		if (c == cfg_comment_chars[i])
			return true;
	return false;
}

/*
 * Cut the line at its first comment character, unless a backslash escapes it: then the whole
 * line stays, as in DPDK (later comment characters are text too).
 */
static void
cfg_cut_comment(char *line, char comment)
{
	char *p = strchr(line, comment);

	if (p != NULL && (p == line || p[-1] != '\\'))
		*p = '\0';
}

/* "\c" becomes "c" for the comment character c: the way to put one in a value. */
static void
cfg_unescape(char *s, char comment)
{
	char *r, *w;

	for (r = s, w = s; *r != '\0'; r++) {
		if (r[0] == '\\' && r[1] == comment)
			r++;
		*w++ = *r;
	}
	*w = '\0';
}

/* Parse one line (comment already removed); 0 or -1 after logging why. */
static int
cfg_parse_line(struct rte_cfgfile *cfg, char *line, const char *filename, int lineno,
	int flags, char comment)
{
	char *end, *name, *value;

	line = cfg_strip(line);
	if (*line == '\0')
		return 0;

	if (*line == '[') {
		end = strchr(line, ']');
		if (end == NULL) {
			CFG_LOG(ERR, "%s:%d: section heading without ']'", filename, lineno);
			return -1;
		}
		*end = '\0';
		if (rte_cfgfile_add_section(cfg, cfg_strip(line + 1)) < 0) {
			CFG_LOG(ERR, "%s:%d: out of memory", filename, lineno);
			return -1;
		}
		return 0;
	}

	value = strchr(line, '=');
	if (value == NULL) {
		/* DPDK loads such files: the line is skipped, not an error. */
		CFG_LOG(WARNING, "%s:%d: ignoring a line that is neither a section heading nor "
			"'name = value'", filename, lineno);
		return 0;
	}
	*value++ = '\0';
	name = cfg_strip(line);
	value = cfg_strip(value);
	cfg_unescape(value, comment);
	if (*value == '\0' && !(flags & CFG_FLAG_EMPTY_VALUES)) {
		CFG_LOG(ERR, "%s:%d: entry '%s' has an empty value", filename, lineno, name);
		return -1;
	}
	if (cfg->num_sections == 0) {
		CFG_LOG(ERR, "%s:%d: entry '%s' before the first section", filename, lineno, name);
		return -1;
	}
	/* Loading keeps duplicate names, as written; only rte_cfgfile_add_entry refuses them. */
	if (cfg_section_append(&cfg->sections[cfg->num_sections - 1], name, value) < 0) {
		CFG_LOG(ERR, "%s:%d: out of memory", filename, lineno);
		return -1;
	}
	return 0;
}

struct rte_cfgfile *
rte_cfgfile_load(const char *filename, int flags)
{
	struct rte_cfgfile_parameters params = {
		.comment_character = CFG_DEFAULT_COMMENT_CHARACTER,
	};

	return rte_cfgfile_load_with_params(filename, flags, &params);
}

struct rte_cfgfile *
rte_cfgfile_load_with_params(const char *filename, int flags,
	const struct rte_cfgfile_parameters *params)
{
	char line[CFG_NAME_LEN + CFG_VALUE_LEN + 4];
	struct rte_cfgfile *cfg;
	int lineno = 0;
	size_t len;
	FILE *f;

	if (params == NULL) {
		CFG_LOG(ERR, "load %s: missing parameters", filename != NULL ? filename : "(null)");
		return NULL;
	}
	if (!cfg_comment_char_valid(params->comment_character)) {
		CFG_LOG(ERR, "load %s: invalid comment character '%c'",
			filename != NULL ? filename : "(null)", params->comment_character);
		return NULL;
	}
	if (filename == NULL) {
		CFG_LOG(ERR, "load: no file name");
		return NULL;
	}
	f = fopen(filename, "r");
	if (f == NULL) {
		CFG_LOG(ERR, "cannot open %s: %s", filename, strerror(errno));
		return NULL;
	}
	cfg = rte_cfgfile_create(flags);
	if (cfg == NULL) {
		CFG_LOG(ERR, "load %s: out of memory", filename);
		fclose(f);
		return NULL;
	}

	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\n') {
			line[--len] = '\0';
		} else if (len == sizeof(line) - 1 && !feof(f)) {
			CFG_LOG(ERR, "%s:%d: line longer than %zu characters", filename, lineno,
				sizeof(line) - 2);
			goto error;
		}
		cfg_cut_comment(line, params->comment_character);
		if (cfg_parse_line(cfg, line, filename, lineno, flags,
				params->comment_character) < 0)
			goto error;
	}
	fclose(f);
	return cfg;

error:
	fclose(f);
	rte_cfgfile_close(cfg);
	return NULL;
}

struct rte_cfgfile *
rte_cfgfile_create(int flags)
{
	struct rte_cfgfile *cfg;

	cfg = calloc(1, sizeof(*cfg));
	if (cfg == NULL)
		return NULL;
	cfg->flags = flags;
	if ((flags & CFG_FLAG_GLOBAL_SECTION) &&
			rte_cfgfile_add_section(cfg, "GLOBAL") < 0) {
		rte_cfgfile_close(cfg);
		return NULL;
	}
	return cfg;
}

int
rte_cfgfile_add_section(struct rte_cfgfile *cfg, const char *sectionname)
{
	struct cfg_section *s;

	if (cfg == NULL || sectionname == NULL)
		return -EINVAL;
	if (cfg->num_sections == cfg->allocated_sections) {
		s = realloc(cfg->sections,
			sizeof(*s) * (cfg->allocated_sections + CFG_SECTION_BATCH));
		if (s == NULL)
			return -ENOMEM;
		cfg->sections = s;
		cfg->allocated_sections += CFG_SECTION_BATCH;
	}
	s = &cfg->sections[cfg->num_sections];
	memset(s, 0, sizeof(*s));
	strlcpy(s->name, sectionname, sizeof(s->name));
	cfg->num_sections++;
	return 0;
}

int
rte_cfgfile_add_entry(struct rte_cfgfile *cfg, const char *sectionname,
	const char *entryname, const char *entryvalue)
{
	struct cfg_section *s;

	if (cfg == NULL || sectionname == NULL || entryname == NULL || entryvalue == NULL)
		return -EINVAL;
	s = cfg_find_section(cfg, sectionname);
	if (s == NULL)
		return -EINVAL;
	if (cfg_find_entry(s, entryname) != NULL)
		return -EEXIST;
	return cfg_section_append(s, entryname, entryvalue);
}

int
rte_cfgfile_set_entry(struct rte_cfgfile *cfg, const char *sectionname,
	const char *entryname, const char *entryvalue)
{
	struct rte_cfgfile_entry *e;
	struct cfg_section *s;

	if (cfg == NULL || sectionname == NULL || entryname == NULL)
		return -EINVAL;
	s = cfg_find_section(cfg, sectionname);
	if (s == NULL)
		return -EINVAL;
	e = cfg_find_entry(s, entryname);
	if (e == NULL) {
		CFG_LOG(ERR, "set: section '%s' has no entry '%s'", sectionname, entryname);
		return -EINVAL;
	}
	strlcpy(e->value, entryvalue != NULL ? entryvalue : "", sizeof(e->value));
	return 0;
}

int
rte_cfgfile_save(struct rte_cfgfile *cfg, const char *filename)
{
	struct cfg_section *s;
	FILE *f;
	int i, j;

	if (cfg == NULL || filename == NULL)
		return -EINVAL;
	f = fopen(filename, "w");
	if (f == NULL) {
		CFG_LOG(ERR, "cannot create %s: %s", filename, strerror(errno));
		return -EINVAL;
	}
	for (i = 0; i < cfg->num_sections; i++) {
		s = &cfg->sections[i];
		fprintf(f, "[%s]\n", s->name);
		for (j = 0; j < s->num_entries; j++)
			fprintf(f, "%s=%s\n", s->entries[j].name, s->entries[j].value);
	}
	return fclose(f);
}

int
rte_cfgfile_close(struct rte_cfgfile *cfg)
{
	int i;

	if (cfg == NULL)
		return -1;
	for (i = 0; i < cfg->num_sections; i++)
		free(cfg->sections[i].entries);
	free(cfg->sections);
	free(cfg);
	return 0;
}

int
rte_cfgfile_num_sections(struct rte_cfgfile *cfg, const char *sec_name, size_t length)
{
	int i, n = 0;

	if (cfg == NULL || sec_name == NULL)
		return -EINVAL;
	for (i = 0; i < cfg->num_sections; i++)
		if (strncmp(cfg->sections[i].name, sec_name, length) == 0)
			n++;
	return n;
}

int
rte_cfgfile_sections(struct rte_cfgfile *cfg, char *sections[], int max_sections)
{
	int i;

	if (cfg == NULL || sections == NULL)
		return -EINVAL;
	for (i = 0; i < cfg->num_sections && i < max_sections; i++)
		strlcpy(sections[i], cfg->sections[i].name, CFG_NAME_LEN);
	return i;
}

int
rte_cfgfile_has_section(struct rte_cfgfile *cfg, const char *sectionname)
{
	if (cfg == NULL || sectionname == NULL)
		return 0;
	return cfg_find_section(cfg, sectionname) != NULL;
}

int
rte_cfgfile_section_num_entries(struct rte_cfgfile *cfg, const char *sectionname)
{
	struct cfg_section *s;

	if (cfg == NULL || sectionname == NULL)
		return -1;
	s = cfg_find_section(cfg, sectionname);
	return s != NULL ? s->num_entries : -1;
}

static struct cfg_section *
cfg_section_at(struct rte_cfgfile *cfg, int index, char *sectionname)
{
	if (cfg == NULL || index < 0 || index >= cfg->num_sections)
		return NULL;
	if (sectionname != NULL)
		strlcpy(sectionname, cfg->sections[index].name, CFG_NAME_LEN);
	return &cfg->sections[index];
}

int
rte_cfgfile_section_num_entries_by_index(struct rte_cfgfile *cfg, char *sectionname,
	int index)
{
	struct cfg_section *s = cfg_section_at(cfg, index, sectionname);

	return s != NULL ? s->num_entries : -1;
}

static int
cfg_copy_entries(const struct cfg_section *s, struct rte_cfgfile_entry *entries,
	int max_entries)
{
	int i;

	if (entries == NULL && max_entries > 0)
		return -1;
	for (i = 0; i < s->num_entries && i < max_entries; i++)
		entries[i] = s->entries[i];
	return i;
}

int
rte_cfgfile_section_entries(struct rte_cfgfile *cfg, const char *sectionname,
	struct rte_cfgfile_entry *entries, int max_entries)
{
	struct cfg_section *s;

	if (cfg == NULL || sectionname == NULL)
		return -1;
	s = cfg_find_section(cfg, sectionname);
	if (s == NULL)
		return -1;
	return cfg_copy_entries(s, entries, max_entries);
}

int
rte_cfgfile_section_entries_by_index(struct rte_cfgfile *cfg, int index, char *sectionname,
	struct rte_cfgfile_entry *entries, int max_entries)
{
	struct cfg_section *s = cfg_section_at(cfg, index, sectionname);

	if (s == NULL)
		return -1;
	return cfg_copy_entries(s, entries, max_entries);
}

const char *
rte_cfgfile_get_entry(struct rte_cfgfile *cfg, const char *sectionname,
	const char *entryname)
{
	struct rte_cfgfile_entry *e;
	struct cfg_section *s;

	if (cfg == NULL || sectionname == NULL || entryname == NULL)
		return NULL;
	s = cfg_find_section(cfg, sectionname);
	if (s == NULL)
		return NULL;
	e = cfg_find_entry(s, entryname);
	return e != NULL ? e->value : NULL;
}

int
rte_cfgfile_has_entry(struct rte_cfgfile *cfg, const char *sectionname,
	const char *entryname)
{
	return rte_cfgfile_get_entry(cfg, sectionname, entryname) != NULL;
}
