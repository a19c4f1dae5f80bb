/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command language: a table of commands, each a sequence of tokens. A token
 * is either a literal ("port", or alternatives "start|stop") or a placeholder in
 * angle brackets. One parser serves the interactive shell, pipes and command
 * files; completion walks the same table.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_lcore.h>

#include "testpmd.h"

#define MAX_TOKENS 16
#define MAX_LINE 1024

enum help_section {
	HELP_CONTROL,
	HELP_DISPLAY,
	HELP_CONFIG,
	HELP_PORTS,
	HELP_DEVICES,
	HELP_FORWARDING,
	HELP_NB_SECTIONS,
};

static const char *const help_sections[HELP_NB_SECTIONS][2] = {
	{ "control", "Start and stop forwarding, leave testpmd." },
	{ "display", "Displaying port, stats and config information." },
	{ "config", "Configuration information." },
	{ "ports", "Configuring ports." },
	{ "devices", "Device related commands." },
	{ "forwarding", "Forwarding engines and topologies." },
};

typedef int (*cmd_fn_t)(char **tok, int ntok);

struct cmd_def {
	const char *tokens[MAX_TOKENS]; /* NULL terminated */
	cmd_fn_t fn;
	enum help_section section;
	const char *help;
};

/* Placeholders: the text inside <> names the kind of value. */
#define T_PORT "<port_id>"
#define T_PORT_ALL "<port_id|all>"
#define T_NUM "<n>"
#define T_REST "<identifier>"
#define T_LIST "<port_list>"

static bool
parse_u32(const char *s, uint32_t *out)
{
	char *end;
	unsigned long v;

	if (!isdigit((unsigned char)s[0]))
		return false;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

static bool
parse_port(const char *s, portid_t *out)
{
	uint32_t v;

	if (!parse_u32(s, &v) || v > UINT16_MAX)
		return false;
	*out = (portid_t)v;
	return true;
}

/* "all" becomes RTE_PORT_ALL. */
static bool
parse_port_all(const char *s, portid_t *out)
{
	if (strcmp(s, "all") == 0) {
		*out = RTE_PORT_ALL;
		return true;
	}
	return parse_port(s, out);
}

static bool
literal_matches(const char *spec, const char *word)
{
	size_t n = strlen(word);
	const char *p = spec;

	while (*p != '\0') {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (len == n && strncmp(p, word, n) == 0)
			return true;
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	return false;
}

static bool
token_matches(const char *spec, const char *word)
{
	portid_t p;
	uint32_t v;

	if (spec[0] != '<')
		return literal_matches(spec, word);
	if (strcmp(spec, T_PORT) == 0)
		return parse_port(word, &p);
	if (strcmp(spec, T_PORT_ALL) == 0)
		return parse_port_all(word, &p);
	if (strcmp(spec, T_NUM) == 0)
		return parse_u32(word, &v);
	return true;
}

/* ---- command handlers ---- */

static bool
check_started(void)
{
	if (!test_done) {
		fprintf(stderr, "Please stop forwarding first\n");
		return false;
	}
	return true;
}

static void help_display(int section);

static int
cmd_help(char **tok, int ntok)
{
	int s;

	if (ntok == 1) {
		printf("\nHelp is available for the following sections:\n\n");
		for (s = 0; s < HELP_NB_SECTIONS; s++)
			printf("    help %-27s: %s\n", help_sections[s][0], help_sections[s][1]);
		printf("    help %-27s: All of the above sections.\n\n", "all");
		return CMD_OK;
	}
	for (s = 0; s < HELP_NB_SECTIONS; s++)
		if (strcmp(tok[1], "all") == 0 || strcmp(tok[1], help_sections[s][0]) == 0)
			help_display(s);
	return CMD_OK;
}

static int
cmd_quit(char **tok __rte_unused, int ntok __rte_unused)
{
	return CMD_QUIT;
}

static int
cmd_start(char **tok __rte_unused, int ntok __rte_unused)
{
	start_packet_forwarding(0);
	return CMD_OK;
}

static int
cmd_start_tx_first(char **tok, int ntok)
{
	uint32_t n = 1;

	if (ntok == 3) {
		parse_u32(tok[2], &n);
		if (n == 0 || n > 1024) {
			fprintf(stderr, "Invalid number of bursts %s: expected 1 to 1024\n", tok[2]);
			return CMD_OK;
		}
	}
	start_packet_forwarding((int)n);
	return CMD_OK;
}

static int
cmd_stop(char **tok __rte_unused, int ntok __rte_unused)
{
	stop_packet_forwarding();
	return CMD_OK;
}

static int
cmd_set_fwd(char **tok, int ntok __rte_unused)
{
	if (!check_started())
		return CMD_OK;
	set_pkt_fwd_mode(tok[2]);
	printf("Set %s packet forwarding mode\n", cur_fwd_eng->fwd_mode_name);
	return CMD_OK;
}

static int
cmd_set_nbcore(char **tok, int ntok __rte_unused)
{
	uint32_t n = 0;

	if (!check_started())
		return CMD_OK;
	parse_u32(tok[2], &n);
	if (n > nb_lcores) {
		fprintf(stderr, "nb fwd cores %u > %u (max. number of configured lcores) - ignored\n",
			n, nb_lcores);
		return CMD_OK;
	}
	if (n == 0) {
		fprintf(stderr, "Invalid number of forwarding cores 0: expected 1 to %u\n", nb_lcores);
		return CMD_OK;
	}
	nb_fwd_lcores = n;
	printf("Number of forwarding cores set to %u\n", nb_fwd_lcores);
	return CMD_OK;
}

static int
cmd_set_nbport(char **tok, int ntok __rte_unused)
{
	uint32_t n = 0;

	if (!check_started())
		return CMD_OK;
	parse_u32(tok[2], &n);
	if (n > nb_cfg_ports) {
		fprintf(stderr, "nb fwd ports %u > %u (number of configured ports) - ignored\n",
			n, nb_cfg_ports);
		return CMD_OK;
	}
	if (n == 0) {
		fprintf(stderr, "Invalid number of forwarding ports 0: expected 1 to %u\n",
			nb_cfg_ports);
		return CMD_OK;
	}
	nb_fwd_ports = n;
	printf("Number of forwarding ports set to %u\n", nb_fwd_ports);
	return CMD_OK;
}

static int
cmd_set_burst(char **tok, int ntok __rte_unused)
{
	uint32_t n = 0;

	if (!check_started())
		return CMD_OK;
	parse_u32(tok[2], &n);
	if (n == 0 || n > MAX_PKT_BURST) {
		fprintf(stderr, "Invalid burst size %u: expected 1 to %d\n", n, MAX_PKT_BURST);
		return CMD_OK;
	}
	nb_pkt_per_burst = (uint16_t)n;
	printf("Number of packets per burst set to %u\n", n);
	return CMD_OK;
}

static int
cmd_set_promisc(char **tok, int ntok __rte_unused)
{
	portid_t pid = 0;
	bool on = strcmp(tok[3], "on") == 0;

	parse_port_all(tok[2], &pid);
	if (pid == RTE_PORT_ALL) {
		for (pid = 0; pid < RTE_MAX_ETHPORTS; pid++)
			if (ports[pid].in_use)
				promisc_set(pid, on);
		return CMD_OK;
	}
	if (port_id_is_invalid(pid, true))
		return CMD_OK;
	promisc_set(pid, on);
	return CMD_OK;
}

static int
cmd_set_portlist(char **tok, int ntok __rte_unused)
{
	portid_t list[RTE_MAX_ETHPORTS];
	unsigned int n = 0;
	char buf[MAX_LINE];
	char *save = NULL, *item;

	if (!check_started())
		return CMD_OK;
	snprintf(buf, sizeof(buf), "%s", tok[2]);
	for (item = strtok_r(buf, ",", &save); item != NULL; item = strtok_r(NULL, ",", &save)) {
		uint32_t lo, hi, v;
		char *dash = strchr(item, '-');

		if (dash != NULL) {
			*dash = '\0';
			if (!parse_u32(item, &lo) || !parse_u32(dash + 1, &hi) || lo > hi)
				goto bad;
		} else {
			if (!parse_u32(item, &lo))
				goto bad;
			hi = lo;
		}
		for (v = lo; v <= hi; v++) {
			unsigned int i;

			if (v >= RTE_MAX_ETHPORTS || !ports[v].in_use) {
				fprintf(stderr, "Invalid port %u\n", v);
				return CMD_OK;
			}
			for (i = 0; i < n; i++)
				if (list[i] == v)
					break;
			if (i == n)
				list[n++] = (portid_t)v;
		}
	}
	if (n == 0)
		goto bad;
	set_fwd_ports_list(list, n);
	return CMD_OK;
bad:
	fprintf(stderr, "Invalid port list \"%s\": expected port ids and ranges such as 0,2-3\n",
		tok[2]);
	return CMD_OK;
}

static int
cmd_port_action(char **tok, int ntok __rte_unused)
{
	portid_t pid = 0;

	parse_port_all(tok[2], &pid);
	if (pid != RTE_PORT_ALL && port_id_is_invalid(pid, true))
		return CMD_OK;
	if (strcmp(tok[1], "start") == 0)
		start_port(pid);
	else if (strcmp(tok[1], "stop") == 0)
		stop_port(pid);
	else if (strcmp(tok[1], "close") == 0)
		close_port(pid);
	else
		reset_port(pid);
	return CMD_OK;
}

/* The identifier is the rest of the line: devargs may not contain spaces, say so. */
static const char *
join_rest(char **tok, int from, int ntok, char *buf, size_t len)
{
	int i;
	size_t off = 0;

	buf[0] = '\0';
	for (i = from; i < ntok; i++)
		off += snprintf(buf + off, off < len ? len - off : 0, "%s%s",
				i > from ? " " : "", tok[i]);
	return buf;
}

static int
cmd_port_attach(char **tok, int ntok)
{
	char buf[MAX_LINE];

	attach_port(join_rest(tok, 2, ntok, buf, sizeof(buf)));
	return CMD_OK;
}

static int
cmd_port_detach(char **tok, int ntok __rte_unused)
{
	portid_t pid = 0;

	parse_port(tok[2], &pid);
	detach_port_device(pid);
	return CMD_OK;
}

static int
cmd_device_detach(char **tok, int ntok)
{
	char buf[MAX_LINE];

	detach_devargs(join_rest(tok, 2, ntok, buf, sizeof(buf)));
	return CMD_OK;
}

static int
cmd_port_config(char **tok, int ntok __rte_unused)
{
	uint32_t n = 0;
	portid_t pi;

	bool queues = strcmp(tok[3], "rxq") == 0 || strcmp(tok[3], "txq") == 0;
	uint32_t max = queues ? MAX_QUEUES : 65535;

	parse_u32(tok[4], &n);
	if (n == 0 || n > max) {
		fprintf(stderr, "Invalid %s %u: expected 1 to %u\n", tok[3], n, max);
		return CMD_OK;
	}
	if (!all_ports_stopped()) {
		fprintf(stderr, "Please stop all ports first\n");
		return CMD_OK;
	}
	if (queues) {
		if (tok[3][0] == 'r')
			nb_rxq = (uint16_t)n;
		else
			nb_txq = (uint16_t)n;
	} else {
		if (tok[3][0] == 'r')
			nb_rxd = (uint16_t)n;
		else
			nb_txd = (uint16_t)n;
	}
	for (pi = 0; pi < RTE_MAX_ETHPORTS; pi++)
		if (ports[pi].in_use)
			ports[pi].need_reconfig = true;
	return CMD_OK;
}

typedef void (*port_show_fn)(portid_t pi);

static int
for_port_or_all(const char *arg, port_show_fn fn)
{
	portid_t pid = 0;

	parse_port_all(arg, &pid);
	if (pid == RTE_PORT_ALL) {
		for (pid = 0; pid < RTE_MAX_ETHPORTS; pid++)
			if (ports[pid].in_use)
				fn(pid);
		return CMD_OK;
	}
	if (port_id_is_invalid(pid, true)) {
		print_valid_ports();
		return CMD_OK;
	}
	fn(pid);
	return CMD_OK;
}

static int
cmd_show_port(char **tok, int ntok __rte_unused)
{
	if (strcmp(tok[2], "info") == 0)
		return for_port_or_all(tok[3], port_infos_display);
	if (strcmp(tok[2], "stats") == 0)
		return for_port_or_all(tok[3], nic_stats_display);
	if (strcmp(tok[2], "xstats") == 0)
		return for_port_or_all(tok[3], nic_xstats_display);
	if (strcmp(tok[3], "all") != 0) {
		portid_t pid = 0;

		parse_port(tok[3], &pid);
		if (port_id_is_invalid(pid, true)) {
			print_valid_ports();
			return CMD_OK;
		}
		port_summary_header_display();
		port_summary_display(pid);
		return CMD_OK;
	}
	port_summary_header_display();
	return for_port_or_all(tok[3], port_summary_display);
}

static int
cmd_clear_port_stats(char **tok, int ntok __rte_unused)
{
	return for_port_or_all(tok[3], nic_stats_clear);
}

static int
cmd_show_config(char **tok, int ntok __rte_unused)
{
	if (strcmp(tok[2], "fwd") == 0)
		fwd_config_display();
	else if (strcmp(tok[2], "rxtx") == 0)
		rxtx_config_display();
	else
		fwd_lcores_config_display();
	return CMD_OK;
}

static int
cmd_show_device_info(char **tok, int ntok)
{
	char buf[MAX_LINE];

	device_infos_display(join_rest(tok, 3, ntok, buf, sizeof(buf)));
	return CMD_OK;
}

static int
cmd_show_fwd_stats(char **tok __rte_unused, int ntok __rte_unused)
{
	fwd_stats_display();
	return CMD_OK;
}

static int
cmd_clear_fwd_stats(char **tok __rte_unused, int ntok __rte_unused)
{
	fwd_stats_reset();
	printf("  Forward statistics cleared\n");
	return CMD_OK;
}

#define FWD_MODES "io|mac|macswap|rxonly|txonly|flowgen"

static const struct cmd_def commands[] = {
	{ { "help", NULL }, cmd_help, HELP_CONTROL, "help: list the help sections." },
	{ { "help", "all|control|display|config|ports|devices|forwarding", NULL }, cmd_help,
	  HELP_CONTROL, "help all|control|display|config|ports|devices|forwarding: "
	  "show one section, or all." },
	{ { "quit", NULL }, cmd_quit, HELP_CONTROL,
	  "quit: stop forwarding, stop, close and detach every port, exit." },
	{ { "start", NULL }, cmd_start, HELP_CONTROL, "start: start packet forwarding." },
	{ { "start", "tx_first", NULL }, cmd_start_tx_first, HELP_CONTROL,
	  "start tx_first: send one burst on every stream, then forward." },
	{ { "start", "tx_first", T_NUM, NULL }, cmd_start_tx_first, HELP_CONTROL,
	  "start tx_first <n>: send n bursts on every stream, then forward." },
	{ { "stop", NULL }, cmd_stop, HELP_CONTROL,
	  "stop: stop packet forwarding and show the forward statistics." },
	{ { "show", "port", "info|stats|summary|xstats", T_PORT_ALL, NULL }, cmd_show_port,
	  HELP_DISPLAY, "show port info|stats|summary|xstats <port_id>|all: "
	  "port information or counters." },
	{ { "clear", "port", "stats", T_PORT_ALL, NULL }, cmd_clear_port_stats, HELP_DISPLAY,
	  "clear port stats <port_id>|all: reset the port counters." },
	{ { "show", "config", "fwd|rxtx|cores", NULL }, cmd_show_config, HELP_DISPLAY,
	  "show config fwd|rxtx|cores: forwarding streams, queue settings or lcores." },
	{ { "show", "device", "info", T_REST, NULL }, cmd_show_device_info, HELP_DISPLAY,
	  "show device info all|<identifier>: devices and their ports." },
	{ { "show", "fwd", "stats", "all", NULL }, cmd_show_fwd_stats, HELP_DISPLAY,
	  "show fwd stats all: forward statistics of the current or last run." },
	{ { "clear", "fwd", "stats", "all", NULL }, cmd_clear_fwd_stats, HELP_DISPLAY,
	  "clear fwd stats all: reset the forward statistics." },
	{ { "set", "fwd", FWD_MODES, NULL }, cmd_set_fwd, HELP_CONFIG,
	  "set fwd " FWD_MODES ": forwarding engine." },
	{ { "set", "nbcore", T_NUM, NULL }, cmd_set_nbcore, HELP_CONFIG,
	  "set nbcore <n>: number of forwarding lcores." },
	{ { "set", "nbport", T_NUM, NULL }, cmd_set_nbport, HELP_CONFIG,
	  "set nbport <n>: number of forwarding ports." },
	{ { "set", "burst", T_NUM, NULL }, cmd_set_burst, HELP_CONFIG,
	  "set burst <n>: packets per burst." },
	{ { "set", "promisc", T_PORT_ALL, "on|off", NULL }, cmd_set_promisc, HELP_CONFIG,
	  "set promisc <port_id>|all on|off: promiscuous mode." },
	{ { "set", "portlist", T_LIST, NULL }, cmd_set_portlist, HELP_CONFIG,
	  "set portlist <port_list>: forwarding ports, e.g. 0,2-3." },
	{ { "port", "start|stop|close|reset", T_PORT_ALL, NULL }, cmd_port_action, HELP_PORTS,
	  "port start|stop|close|reset <port_id>|all: port state." },
	{ { "port", "attach", T_REST, NULL }, cmd_port_attach, HELP_PORTS,
	  "port attach <identifier>: probe a device (PCI address or vdev devargs), "
	  "add its ports." },
	{ { "port", "detach", T_PORT, NULL }, cmd_port_detach, HELP_PORTS,
	  "port detach <port_id>: remove the device of a stopped port." },
	{ { "port", "config", "all", "rxq|txq|rxd|txd", T_NUM, NULL }, cmd_port_config,
	  HELP_PORTS, "port config all rxq|txq|rxd|txd <n>: queues or descriptors per queue." },
	{ { "device", "detach", T_REST, NULL }, cmd_device_detach, HELP_DEVICES,
	  "device detach <identifier>: remove a device and all its ports." },
#ifdef TESTPMD_BONDING
	{ { "create", "bonded", "device", T_NUM, T_NUM, NULL }, cmd_bond_create, HELP_PORTS,
	  "create bonded device <mode> <socket>: a net_bonding port." },
	{ { "add", "bonding", "slave", T_PORT, T_PORT, NULL }, cmd_bond_add_member, HELP_PORTS,
	  "add bonding slave <slave_id> <port_id>: make a port a member of a bond." },
	{ { "remove", "bonding", "slave", T_PORT, T_PORT, NULL }, cmd_bond_remove_member,
	  HELP_PORTS, "remove bonding slave <slave_id> <port_id>: take a member out of a bond." },
	{ { "set", "bonding", "mode", T_NUM, T_PORT, NULL }, cmd_bond_set_mode, HELP_CONFIG,
	  "set bonding mode <mode> <port_id>: mode of a bond (0-6)." },
	{ { "set", "bonding", "primary", T_PORT, T_PORT, NULL }, cmd_bond_set_primary,
	  HELP_CONFIG, "set bonding primary <slave_id> <port_id>: primary member of a bond." },
	{ { "show", "bonding", "config", T_PORT, NULL }, cmd_bond_show, HELP_DISPLAY,
	  "show bonding config <port_id>: mode, members and primary of a bond." },
	{ { "show", "bonding", "lacp", "info", T_PORT, NULL }, cmd_bond_show_lacp, HELP_DISPLAY,
	  "show bonding lacp info <port_id>: mode 4 timers and each member's LACP state." },
	{ { "set", "bonding", "lacp", "dedicated_queues", T_PORT, "enable|disable", NULL },
	  cmd_bond_dedicated_queues, HELP_CONFIG,
	  "set bonding lacp dedicated_queues <port_id> enable|disable: LACPDUs sent by the "
	  "bond's alarm on a queue of their own (stopped bond)." },
	{ { "set", "bonding", "agg_mode", T_PORT, "bandwidth|count|stable", NULL },
	  cmd_bond_agg_mode, HELP_CONFIG,
	  "set bonding agg_mode <port_id> bandwidth|count|stable: mode 4 aggregator choice." },
#endif
};

#define NB_COMMANDS RTE_DIM(commands)

static void
help_display(int section)
{
	unsigned int i;

	printf("\n%s\n", help_sections[section][1]);
	for (i = 0; i < NB_COMMANDS; i++)
		if ((int)commands[i].section == section)
			printf("    %s\n", commands[i].help);
	if (section == HELP_FORWARDING) {
		printf("    engines: io (as received), mac (rewrite MAC addresses), macswap,\n"
		       "             rxonly (receive and free), txonly (generate UDP packets),\n"
		       "             flowgen (txonly over many flows)\n");
		printf("    topologies (--port-topology): paired (0<->1, 2<->3), chained (0->1->2->0),"
		       " loop (each port to itself)\n");
	}
	printf("\n");
}

static int
cmd_ntokens(const struct cmd_def *c)
{
	int n = 0;

	while (c->tokens[n] != NULL)
		n++;
	return n;
}

/* Number of leading literal tokens of c that the words match. */
static int
literal_prefix(const struct cmd_def *c, char **tok, int ntok)
{
	int i;

	for (i = 0; i < ntok && c->tokens[i] != NULL; i++)
		if (c->tokens[i][0] == '<' || !literal_matches(c->tokens[i], tok[i]))
			break;
	return i;
}

static bool
cmd_matches(const struct cmd_def *c, char **tok, int ntok)
{
	int n = cmd_ntokens(c);
	int i;

	if (ntok < n)
		return false;
	if (ntok > n && strcmp(c->tokens[n - 1], T_REST) != 0)
		return false;
	for (i = 0; i < n; i++)
		if (!token_matches(c->tokens[i], tok[i]))
			return false;
	return true;
}

static int
split_words(char *line, char **tok)
{
	int n = 0;
	char *save = NULL, *w;

	for (w = strtok_r(line, " \t\r\n", &save); w != NULL; w = strtok_r(NULL, " \t\r\n", &save)) {
		if (n == MAX_TOKENS)
			return -1;
		tok[n++] = w;
	}
	return n;
}

/* Run one line. Returns CMD_QUIT for "quit", CMD_OK otherwise (errors are printed). */
int
cmdline_execute(const char *line)
{
	char buf[MAX_LINE];
	char *tok[MAX_TOKENS];
	int ntok, best = 0, i, score;
	unsigned int c;

	if (strlen(line) >= sizeof(buf)) {
		fprintf(stderr, "Command too long (more than %zu characters)\n", sizeof(buf) - 1);
		return CMD_OK;
	}
	strcpy(buf, line);
	ntok = split_words(buf, tok);
	if (ntok < 0) {
		fprintf(stderr, "Bad arguments: more than %d words\n", MAX_TOKENS);
		return CMD_OK;
	}
	if (ntok == 0 || tok[0][0] == '#')
		return CMD_OK;
	for (c = 0; c < NB_COMMANDS; c++)
		if (cmd_matches(&commands[c], tok, ntok))
			return commands[c].fn(tok, ntok);
	for (c = 0; c < NB_COMMANDS; c++) {
		score = literal_prefix(&commands[c], tok, ntok);
		if (score > best)
			best = score;
	}
	if (best == 0) {
		fprintf(stderr, "Command not found\n");
		return CMD_OK;
	}
	fprintf(stderr, "Bad arguments\n");
	for (c = 0; c < NB_COMMANDS; c++) {
		if (literal_prefix(&commands[c], tok, ntok) != best)
			continue;
		fprintf(stderr, "Usage: ");
		for (i = 0; commands[c].tokens[i] != NULL; i++)
			fprintf(stderr, "%s%s", i ? " " : "", commands[c].tokens[i]);
		fprintf(stderr, "\n");
	}
	return CMD_OK;
}

/*
 * Completion: the literal words that may follow the complete words of line,
 * starting with prefix. Returns how many were stored in out (each malloc'ed).
 */
int
cmdline_complete(const char *line, const char *prefix, char **out, int max)
{
	char buf[MAX_LINE];
	char *tok[MAX_TOKENS];
	int ntok, n = 0, i;
	unsigned int c;
	size_t plen = strlen(prefix);

	snprintf(buf, sizeof(buf), "%s", line);
	ntok = split_words(buf, tok);
	if (ntok < 0)
		return 0;
	for (c = 0; c < NB_COMMANDS; c++) {
		const struct cmd_def *cd = &commands[c];
		const char *spec, *p;

		if (ntok >= cmd_ntokens(cd))
			continue;
		for (i = 0; i < ntok; i++)
			if (!token_matches(cd->tokens[i], tok[i]))
				break;
		if (i < ntok)
			continue;
		spec = cd->tokens[ntok];
		if (spec[0] == '<')
			continue;
		for (p = spec; p != NULL && *p != '\0'; ) {
			const char *bar = strchr(p, '|');
			size_t len = bar ? (size_t)(bar - p) : strlen(p);
			int k;

			if (len >= plen && strncmp(p, prefix, plen) == 0) {
				for (k = 0; k < n; k++)
					if (strlen(out[k]) == len && strncmp(out[k], p, len) == 0)
						break;
				if (k == n && n < max)
					out[n++] = strndup(p, len);
			}
			p = bar ? bar + 1 : NULL;
		}
	}
	return n;
}
