/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Configuration files: files the tests write into a temporary folder are loaded (a QoS
 * scheduler profile, global entries, empty values, other comment characters), malformed ones
 * are refused, and a configuration built in memory survives a save and a reload.
 */
#include "test_common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_cfgfile.h>
#include <rte_common.h>

static char tmpdir[] = "/tmp/test_cfgfile.XXXXXX";
static char path[sizeof(tmpdir) + 32];

/* Write text to tmpdir/name; path names it afterwards. */
static const char *
write_file(const char *name, const char *text)
{
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	return path;
}

static const char qos_profile[] =
	"; comment line\n"
	"\n"
	"[port]\n"
	"frame overhead = 24\n"
	"number of subports per port = 1\n"
	"\n"
	"; Subport configuration\n"
	"[subport 0]\n"
	"number of pipes per subport = 4096\n"
	"queue sizes = 64 64 64 64 64 64 64 64 64 64 64 64 64\n"
	"pipe 0-4095 = 0                ; pipe profile 0\n"
	"\n"
	"[subport profile 0]\n"
	"tb rate = 1250000000           ; Bytes per second\n"
	"\ttb size = 1000000\t\t; Bytes\n"
	"tc period = 10 ; Milliseconds\n"
	"\n"
	"[pipe profile 0]\n"
	"tb rate = 305175\n"
	"tc 12 wrr weights = 1 1 1 1\n"
	"\n"
	"[red]\n"
	"tc 0 wred min = 48 40 32\n";

static void
test_qos_profile(void **state)
{
	char names[5][CFG_NAME_LEN], *sections[5], name[CFG_NAME_LEN];
	struct rte_cfgfile_entry entries[8];
	struct rte_cfgfile *cfg;
	int i;

	(void)state;
	cfg = rte_cfgfile_load(write_file("profile.cfg", qos_profile), 0);
	assert_non_null(cfg);
	assert_int_equal(rte_cfgfile_num_sections(cfg, NULL, 0), -EINVAL);
	assert_int_equal(rte_cfgfile_num_sections(cfg, "", 0), 5);
	assert_int_equal(rte_cfgfile_num_sections(cfg, "subport", sizeof("subport") - 1), 2);
	assert_int_equal(rte_cfgfile_num_sections(cfg, "pipe profile", 12), 1);
	assert_int_equal(rte_cfgfile_num_sections(cfg, "port", sizeof("port")), 1);
	assert_int_equal(rte_cfgfile_num_sections(cfg, "nothing", 7), 0);

	for (i = 0; i < 5; i++)
		sections[i] = names[i];
	assert_int_equal(rte_cfgfile_sections(cfg, sections, 5), 5);
	assert_string_equal(names[0], "port");
	assert_string_equal(names[1], "subport 0");
	assert_string_equal(names[2], "subport profile 0");
	assert_string_equal(names[3], "pipe profile 0");
	assert_string_equal(names[4], "red");
	assert_int_equal(rte_cfgfile_sections(cfg, sections, 2), 2);

	assert_true(rte_cfgfile_has_section(cfg, "subport 0"));
	assert_false(rte_cfgfile_has_section(cfg, "subport 1"));
	assert_string_equal(rte_cfgfile_get_entry(cfg, "port", "frame overhead"), "24");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "subport 0", "pipe 0-4095"), "0");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "subport 0", "queue sizes"),
		"64 64 64 64 64 64 64 64 64 64 64 64 64");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "subport profile 0", "tb size"),
		"1000000");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "pipe profile 0", "tb rate"), "305175");
	assert_null(rte_cfgfile_get_entry(cfg, "pipe profile 0", "tb size"));
	assert_null(rte_cfgfile_get_entry(cfg, "pipe profile 1", "tb rate"));
	assert_true(rte_cfgfile_has_entry(cfg, "red", "tc 0 wred min"));
	assert_false(rte_cfgfile_has_entry(cfg, "red", "tc 1 wred min"));

	assert_int_equal(rte_cfgfile_section_num_entries(cfg, "subport profile 0"), 3);
	assert_int_equal(rte_cfgfile_section_num_entries(cfg, "none"), -1);
	assert_int_equal(rte_cfgfile_section_entries(cfg, "subport profile 0", entries, 8), 3);
	assert_string_equal(entries[0].name, "tb rate");
	assert_string_equal(entries[0].value, "1250000000");
	assert_string_equal(entries[2].name, "tc period");
	assert_string_equal(entries[2].value, "10");
	assert_int_equal(rte_cfgfile_section_entries(cfg, "subport profile 0", entries, 1), 1);
	assert_int_equal(rte_cfgfile_section_entries(cfg, "none", entries, 8), -1);

	assert_int_equal(rte_cfgfile_section_num_entries_by_index(cfg, name, 3), 2);
	assert_string_equal(name, "pipe profile 0");
	assert_int_equal(rte_cfgfile_section_num_entries_by_index(cfg, name, 5), -1);
	assert_int_equal(rte_cfgfile_section_num_entries_by_index(cfg, name, -1), -1);
	assert_int_equal(rte_cfgfile_section_entries_by_index(cfg, 1, name, entries, 8), 3);
	assert_string_equal(name, "subport 0");
	assert_string_equal(entries[1].name, "queue sizes");
	assert_int_equal(rte_cfgfile_section_entries_by_index(cfg, 5, name, entries, 8), -1);
	assert_int_equal(rte_cfgfile_close(cfg), 0);
}

/* Two sections of one name: by name reaches the first, by index each. */
static void
test_duplicate_sections(void **state)
{
	struct rte_cfgfile_entry e[2];
	struct rte_cfgfile *cfg;
	char name[CFG_NAME_LEN];

	(void)state;
	cfg = rte_cfgfile_load(write_file("dup.cfg",
		"[a]\nx = 1\n[a]\nx = 2\ny = 3\nx = 4\n"), 0);
	assert_non_null(cfg);
	assert_int_equal(rte_cfgfile_num_sections(cfg, "a", 2), 2);
	assert_int_equal(rte_cfgfile_section_num_entries(cfg, "a"), 1);
	assert_string_equal(rte_cfgfile_get_entry(cfg, "a", "x"), "1");
	/* a repeated name inside a section is kept when loading */
	assert_int_equal(rte_cfgfile_section_num_entries_by_index(cfg, name, 1), 3);
	assert_int_equal(rte_cfgfile_section_entries_by_index(cfg, 1, name, e, 2), 2);
	assert_string_equal(e[0].value, "2");
	assert_string_equal(e[1].name, "y");
	rte_cfgfile_close(cfg);
}

static void
test_global_section(void **state)
{
	static const char text[] = "top = 1\nother=two words\n[s]\nk = v\n";
	struct rte_cfgfile *cfg;

	(void)state;
	assert_null(rte_cfgfile_load(write_file("global.cfg", text), 0));
	cfg = rte_cfgfile_load(write_file("global.cfg", text), CFG_FLAG_GLOBAL_SECTION);
	assert_non_null(cfg);
	assert_int_equal(rte_cfgfile_num_sections(cfg, "", 0), 2);
	assert_string_equal(rte_cfgfile_get_entry(cfg, "GLOBAL", "top"), "1");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "GLOBAL", "other"), "two words");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "s", "k"), "v");
	rte_cfgfile_close(cfg);

	cfg = rte_cfgfile_create(CFG_FLAG_GLOBAL_SECTION);
	assert_non_null(cfg);
	assert_true(rte_cfgfile_has_section(cfg, "GLOBAL"));
	assert_int_equal(rte_cfgfile_section_num_entries(cfg, "GLOBAL"), 0);
	rte_cfgfile_close(cfg);
}

static void
test_empty_values(void **state)
{
	static const char text[] = "[s]\nempty =\nblank =   ; only a comment\nfull = 1\n";
	struct rte_cfgfile *cfg;

	(void)state;
	assert_null(rte_cfgfile_load(write_file("empty.cfg", text), 0));
	cfg = rte_cfgfile_load(write_file("empty.cfg", text), CFG_FLAG_EMPTY_VALUES);
	assert_non_null(cfg);
	assert_string_equal(rte_cfgfile_get_entry(cfg, "s", "empty"), "");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "s", "blank"), "");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "s", "full"), "1");
	rte_cfgfile_close(cfg);
}

static void
test_comment_character(void **state)
{
	static const char text[] =
		"# hash comments\n[s] # after a heading\nk = a;b # c\nesc = 50\\# off # kept\n";
	struct rte_cfgfile_parameters p = { .comment_character = '#' };
	struct rte_cfgfile *cfg;
	const char *file;

	(void)state;
	file = write_file("hash.cfg", text);
	cfg = rte_cfgfile_load_with_params(file, 0, &p);
	assert_non_null(cfg);
	assert_string_equal(rte_cfgfile_get_entry(cfg, "s", "k"), "a;b");
	/* an escaped comment character keeps the rest of the line, as in DPDK */
	assert_string_equal(rte_cfgfile_get_entry(cfg, "s", "esc"), "50# off # kept");
	rte_cfgfile_close(cfg);

	/* with ';' the '#' line is skipped and ';' cuts the value */
	cfg = rte_cfgfile_load(file, 0);
	assert_non_null(cfg);
	assert_string_equal(rte_cfgfile_get_entry(cfg, "s", "k"), "a");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "s", "esc"), "50\\# off # kept");
	rte_cfgfile_close(cfg);

	p.comment_character = '/';
	assert_null(rte_cfgfile_load_with_params(file, 0, &p));
	assert_null(rte_cfgfile_load_with_params(file, 0, NULL));
	for (const char *c = "!#%;@"; *c != '\0'; c++) {
		p.comment_character = *c;
		cfg = rte_cfgfile_load_with_params(write_file("any.cfg", "[s]\nk = v\n"), 0, &p);
		assert_non_null(cfg);
		rte_cfgfile_close(cfg);
	}
}

static void
test_malformed(void **state)
{
	char line[CFG_NAME_LEN + CFG_VALUE_LEN + 16];

	(void)state;
	assert_null(rte_cfgfile_load(write_file("nobracket.cfg", "[s\nk = v\n"), 0));

	assert_null(rte_cfgfile_load(write_file("nosection.cfg", "k = v\n"), 0));
	snprintf(path, sizeof(path), "%s/missing.cfg", tmpdir);
	assert_null(rte_cfgfile_load(path, 0));
	assert_null(rte_cfgfile_load(NULL, 0));

	/* a line longer than a name, a value and their separators */
	memset(line, 'v', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	memcpy(line, "[s]\nk=", 6);
	assert_null(rte_cfgfile_load(write_file("long.cfg", line), 0));
}

/* Lines with no '=' are skipped, wherever they are, as DPDK does. */
static void
test_lines_without_equal(void **state)
{
	struct rte_cfgfile *cfg;

	(void)state;
	cfg = rte_cfgfile_load(write_file("noequal.cfg", "stray\n[s]\njust words\nk = v\n"), 0);
	assert_non_null(cfg);
	assert_int_equal(rte_cfgfile_num_sections(cfg, "", 0), 1);
	assert_int_equal(rte_cfgfile_section_num_entries(cfg, "s"), 1);
	assert_string_equal(rte_cfgfile_get_entry(cfg, "s", "k"), "v");
	rte_cfgfile_close(cfg);
}

/* Names and values longer than their buffers are cut, as they are stored. */
static void
test_long_names(void **state)
{
	char sect[CFG_NAME_LEN + 20], text[512], cut[CFG_NAME_LEN], name[CFG_NAME_LEN];
	struct rte_cfgfile_entry e;
	struct rte_cfgfile *cfg;

	(void)state;
	memset(sect, 's', sizeof(sect) - 1);
	sect[sizeof(sect) - 1] = '\0';
	snprintf(text, sizeof(text), "[%s]\n%s = x\n", sect, sect);
	cfg = rte_cfgfile_load(write_file("longname.cfg", text), 0);
	assert_non_null(cfg);
	memcpy(cut, sect, sizeof(cut) - 1);
	cut[sizeof(cut) - 1] = '\0';
	assert_int_equal(rte_cfgfile_section_entries_by_index(cfg, 0, name, &e, 1), 1);
	assert_string_equal(name, cut);
	assert_string_equal(e.name, cut);
	assert_string_equal(rte_cfgfile_get_entry(cfg, cut, cut), "x");
	rte_cfgfile_close(cfg);
}

static void
test_build_save_reload(void **state)
{
	char value[CFG_VALUE_LEN + 10];
	struct rte_cfgfile *cfg;
	const char *file;

	(void)state;
	memset(value, 'v', sizeof(value) - 1);
	value[sizeof(value) - 1] = '\0';
	cfg = rte_cfgfile_create(0);
	assert_non_null(cfg);
	assert_int_equal(rte_cfgfile_num_sections(cfg, "", 0), 0);
	assert_int_equal(rte_cfgfile_add_section(cfg, "one"), 0);
	assert_int_equal(rte_cfgfile_add_section(cfg, "two"), 0);
	assert_int_equal(rte_cfgfile_add_entry(cfg, "one", "a", "1"), 0);
	assert_int_equal(rte_cfgfile_add_entry(cfg, "one", "a", "2"), -EEXIST);
	assert_int_equal(rte_cfgfile_add_entry(cfg, "three", "a", "1"), -EINVAL);
	assert_int_equal(rte_cfgfile_add_entry(cfg, "two", "long", value), 0);
	assert_int_equal(strlen(rte_cfgfile_get_entry(cfg, "two", "long")), CFG_VALUE_LEN - 1);
	for (int i = 0; i < 40; i++) {
		char n[16];

		snprintf(n, sizeof(n), "k%d", i);
		assert_int_equal(rte_cfgfile_add_entry(cfg, "two", n, n), 0);
	}
	for (int i = 0; i < 20; i++) {
		char n[16];

		snprintf(n, sizeof(n), "extra%d", i);
		assert_int_equal(rte_cfgfile_add_section(cfg, n), 0);
	}
	assert_int_equal(rte_cfgfile_set_entry(cfg, "one", "a", "changed"), 0);
	assert_int_equal(rte_cfgfile_set_entry(cfg, "two", "k3", NULL), 0);
	assert_string_equal(rte_cfgfile_get_entry(cfg, "two", "k3"), "");
	assert_int_equal(rte_cfgfile_set_entry(cfg, "one", "b", "x"), -EINVAL);
	assert_int_equal(rte_cfgfile_set_entry(cfg, "three", "a", "x"), -EINVAL);
	assert_string_equal(rte_cfgfile_get_entry(cfg, "one", "a"), "changed");

	file = write_file("saved.cfg", "");
	assert_int_equal(rte_cfgfile_save(cfg, file), 0);
	assert_int_equal(rte_cfgfile_close(cfg), 0);

	cfg = rte_cfgfile_load(file, CFG_FLAG_EMPTY_VALUES);
	assert_non_null(cfg);
	assert_int_equal(rte_cfgfile_num_sections(cfg, "extra", 5), 20);
	assert_string_equal(rte_cfgfile_get_entry(cfg, "one", "a"), "changed");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "two", "k39"), "k39");
	assert_string_equal(rte_cfgfile_get_entry(cfg, "two", "k3"), "");
	assert_int_equal(rte_cfgfile_section_num_entries(cfg, "two"), 41);
	assert_int_equal(strlen(rte_cfgfile_get_entry(cfg, "two", "long")), CFG_VALUE_LEN - 1);
	rte_cfgfile_close(cfg);
}

static void
test_bad_arguments(void **state)
{
	struct rte_cfgfile *cfg;
	char name[CFG_NAME_LEN];

	(void)state;
	cfg = rte_cfgfile_create(0);
	assert_non_null(cfg);
	assert_int_equal(rte_cfgfile_add_section(NULL, "s"), -EINVAL);
	assert_int_equal(rte_cfgfile_add_section(cfg, NULL), -EINVAL);
	assert_int_equal(rte_cfgfile_add_section(cfg, "s"), 0);
	assert_int_equal(rte_cfgfile_add_entry(NULL, "s", "k", "v"), -EINVAL);
	assert_int_equal(rte_cfgfile_add_entry(cfg, NULL, "k", "v"), -EINVAL);
	assert_int_equal(rte_cfgfile_add_entry(cfg, "s", NULL, "v"), -EINVAL);
	assert_int_equal(rte_cfgfile_add_entry(cfg, "s", "k", NULL), -EINVAL);
	assert_int_equal(rte_cfgfile_section_num_entries(cfg, "s"), 0);
	assert_int_equal(rte_cfgfile_set_entry(NULL, "s", "k", "v"), -EINVAL);
	assert_int_equal(rte_cfgfile_save(NULL, "x"), -EINVAL);
	assert_int_equal(rte_cfgfile_save(cfg, NULL), -EINVAL);
	snprintf(path, sizeof(path), "%s/no/such/dir.cfg", tmpdir);
	assert_int_equal(rte_cfgfile_save(cfg, path), -EINVAL);
	assert_int_equal(rte_cfgfile_section_num_entries_by_index(NULL, name, 0), -1);
	assert_int_equal(rte_cfgfile_section_entries(NULL, "s", NULL, 0), -1);
	assert_false(rte_cfgfile_has_section(NULL, "s"));
	assert_false(rte_cfgfile_has_entry(NULL, "s", "k"));
	assert_null(rte_cfgfile_get_entry(cfg, "s", NULL));
	assert_int_equal(rte_cfgfile_close(NULL), -1);
	assert_int_equal(rte_cfgfile_close(cfg), 0);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[sizeof(tmpdir) + 16];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qos_profile),
		cmocka_unit_test(test_duplicate_sections),
		cmocka_unit_test(test_global_section),
		cmocka_unit_test(test_empty_values),
		cmocka_unit_test(test_comment_character),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_lines_without_equal),
		cmocka_unit_test(test_long_names),
		cmocka_unit_test(test_build_save_reload),
		cmocka_unit_test(test_bad_arguments),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
