/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdint.h>
#include <string.h>

#include "cmdline_vt100.h"

/* Indexed by CMDLINE_KEY_*: keep in the order of those values. */
const char *cmdline_vt100_commands[] = {
	vt100_up_arr,
	vt100_down_arr,
	vt100_right_arr,
	vt100_left_arr,
	"\177",         /* backspace (DEL) */
	"\n",
	"\001",         /* Ctrl-A */
	"\005",         /* Ctrl-E */
	"\013",         /* Ctrl-K */
	"\031",         /* Ctrl-Y */
	"\003",         /* Ctrl-C */
	"\006",         /* Ctrl-F */
	"\002",         /* Ctrl-B */
	vt100_suppr,
	vt100_tab,
	"\004",         /* Ctrl-D */
	"\014",         /* Ctrl-L */
	"\r",
	"\033\177",     /* Meta-backspace */
	vt100_word_left,
	vt100_word_right,
	"?",
	"\027",         /* Ctrl-W */
	"\020",         /* Ctrl-P */
	"\016",         /* Ctrl-N */
	"\033\144",     /* Meta-D */
	vt100_bs,
};

void
vt100_init(struct cmdline_vt100 *vt)
{
	if (vt == NULL)
		return;
	vt->state = CMDLINE_VT100_INIT;
	vt->bufpos = 0;
}

static int
lookup_key(const char *seq, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < sizeof(cmdline_vt100_commands) / sizeof(cmdline_vt100_commands[0]); i++) {
		if (strlen(cmdline_vt100_commands[i]) == len &&
				memcmp(cmdline_vt100_commands[i], seq, len) == 0)
			return i;
	}
	return -1;
}

int
vt100_parser(struct cmdline_vt100 *vt, char ch)
{
	uint8_t c = (uint8_t)ch;
	unsigned int len;

	if (vt == NULL)
		return -1;

	/* a sequence longer than any known key is dropped */
	if (vt->bufpos >= CMDLINE_VT100_BUF_SIZE)
		vt100_init(vt);
	vt->buf[vt->bufpos++] = ch;

	switch (vt->state) {
	case CMDLINE_VT100_INIT:
		if (c == 033) {
			vt->state = CMDLINE_VT100_ESCAPE;
			return -2;
		}
		break;
	case CMDLINE_VT100_ESCAPE:
		if (c == '[') {
			vt->state = CMDLINE_VT100_ESCAPE_CSI;
			return -2;
		}
		/* ESC followed by a printable byte is a two-byte (Meta) sequence */
		if (c < 060 || c > 0177)
			return -2;
		break;
	case CMDLINE_VT100_ESCAPE_CSI:
		/* parameters until the final byte of a control sequence */
		if (c < 0100 || c > 0176)
			return -2;
		break;
	default:
		vt100_init(vt);
		return -2;
	}

	len = vt->bufpos;
	vt100_init(vt);
	return lookup_key(vt->buf, len);
}
