/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _CMDLINE_VT100_H_
#define _CMDLINE_VT100_H_

/**
 * @file
 * Terminal escape sequences the line editor writes, and a small decoder that
 * turns the bytes a terminal sends into editing keys (CMDLINE_KEY_*).
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define vt100_bell         "\007" /**< ring the bell */
#define vt100_bs           "\010" /**< cursor one column left */
#define vt100_bs_clear     "\010 \010" /**< erase the character left of the cursor */
#define vt100_tab          "\011" /**< tabulation */
#define vt100_crnl         "\012\015" /**< new line */
#define vt100_clear_right  "\033[0K" /**< erase to the end of the line */
#define vt100_clear_left   "\033[1K" /**< erase to the start of the line */
#define vt100_clear_down   "\033[0J" /**< erase to the end of the screen */
#define vt100_clear_up     "\033[1J" /**< erase to the start of the screen */
#define vt100_clear_line   "\033[2K" /**< erase the whole line */
#define vt100_clear_screen "\033[2J" /**< erase the whole screen */
#define vt100_up_arr       "\033\133\101" /**< up arrow */
#define vt100_down_arr     "\033\133\102" /**< down arrow */
#define vt100_right_arr    "\033\133\103" /**< right arrow */
#define vt100_left_arr     "\033\133\104" /**< left arrow */
#define vt100_multi_right  "\033\133%uC" /**< cursor right by a number of columns (printf format) */
#define vt100_multi_left   "\033\133%uD" /**< cursor left by a number of columns (printf format) */
#define vt100_suppr        "\033\133\063\176" /**< Delete key */
#ifndef RTE_EXEC_ENV_WINDOWS
#define vt100_home         "\033M\033E" /**< cursor to the start of the line */
#else
#define vt100_home         "\033M\033[E" /**< cursor to the start of the line */
#endif
#define vt100_word_left    "\033\142" /**< Alt-B: one word left */
#define vt100_word_right   "\033\146" /**< Alt-F: one word right */

/* Keys vt100_parser() returns: each is an index in cmdline_vt100_commands[]. */
#define CMDLINE_KEY_UP_ARR 0 /**< up arrow */
#define CMDLINE_KEY_DOWN_ARR 1 /**< down arrow */
#define CMDLINE_KEY_RIGHT_ARR 2 /**< right arrow */
#define CMDLINE_KEY_LEFT_ARR 3 /**< left arrow */
#define CMDLINE_KEY_BKSPACE 4 /**< backspace (DEL byte) */
#define CMDLINE_KEY_RETURN 5 /**< line feed */
#define CMDLINE_KEY_CTRL_A 6 /**< Ctrl-A */
#define CMDLINE_KEY_CTRL_E 7 /**< Ctrl-E */
#define CMDLINE_KEY_CTRL_K 8 /**< Ctrl-K */
#define CMDLINE_KEY_CTRL_Y 9 /**< Ctrl-Y */
#define CMDLINE_KEY_CTRL_C 10 /**< Ctrl-C */
#define CMDLINE_KEY_CTRL_F 11 /**< Ctrl-F */
#define CMDLINE_KEY_CTRL_B 12 /**< Ctrl-B */
#define CMDLINE_KEY_SUPPR 13 /**< Delete */
#define CMDLINE_KEY_TAB 14 /**< Tab */
#define CMDLINE_KEY_CTRL_D 15 /**< Ctrl-D */
#define CMDLINE_KEY_CTRL_L 16 /**< Ctrl-L */
#define CMDLINE_KEY_RETURN2 17 /**< carriage return */
#define CMDLINE_KEY_META_BKSPACE 18 /**< Alt-Backspace */
#define CMDLINE_KEY_WLEFT 19 /**< Alt-B */
#define CMDLINE_KEY_WRIGHT 20 /**< Alt-F */
#define CMDLINE_KEY_HELP 21 /**< the ? key */
#define CMDLINE_KEY_CTRL_W 22 /**< Ctrl-W */
#define CMDLINE_KEY_CTRL_P 23 /**< Ctrl-P */
#define CMDLINE_KEY_CTRL_N 24 /**< Ctrl-N */
#define CMDLINE_KEY_META_D 25 /**< Alt-D */
#define CMDLINE_KEY_BKSPACE2 26 /**< Ctrl-H (BS byte) */

/** The byte sequence of each CMDLINE_KEY_*, indexed by the key. */
extern const char *cmdline_vt100_commands[];

/** Where the decoder is inside an escape sequence. */
enum cmdline_vt100_parser_state {
	CMDLINE_VT100_INIT,       /**< between sequences */
	CMDLINE_VT100_ESCAPE,     /**< after ESC */
	CMDLINE_VT100_ESCAPE_CSI  /**< after ESC [ */
};

#define CMDLINE_VT100_BUF_SIZE 8 /**< longest sequence the decoder keeps */

/** Decoder state: the bytes of the sequence seen so far. */
struct cmdline_vt100 {
	uint8_t bufpos;                         /**< bytes in buf */
	char buf[CMDLINE_VT100_BUF_SIZE];       /**< the sequence so far */
	enum cmdline_vt100_parser_state state;  /**< where in a sequence */
};

/** Reset the decoder (no sequence in progress). */
void vt100_init(struct cmdline_vt100 *vt);

/**
 * Feed one byte to the decoder.
 *
 * @return a CMDLINE_KEY_* value when a known key is complete, -2 while an escape
 *   sequence is still being read, -1 for an ordinary byte or an unknown sequence.
 */
int vt100_parser(struct cmdline_vt100 *vt, char c);

#ifdef __cplusplus
}
#endif

#endif
