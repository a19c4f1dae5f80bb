/* SPDX-License-Identifier: BSD-3-Clause */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmdline_private.h"

static inline int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static void
put_str(struct rdline *rdl, const char *s)
{
	while (*s != '\0')
		rdl->write_char(rdl, *s++);
}

/* vt100 cursor move by n columns: dir is 'C' (right) or 'D' (left), as in vt100_multi_* */
static void
move_cursor(struct rdline *rdl, char dir, unsigned int n)
{
	char seq[32];

	if (n == 0)
		return;
	snprintf(seq, sizeof(seq), "\033[%u%c", n, dir);
	put_str(rdl, seq);
}

static void
put_cirbuf(struct rdline *rdl, struct cirbuf *cb)
{
	unsigned int i;

	for (i = 0; i < cb->len; i++)
		rdl->write_char(rdl, cb->buf[(cb->start + i) % cb->maxlen]);
}

/*
 * Repaint what lies right of the cursor after an edit changed it, and put the
 * cursor back. Without force, nothing to do when that side is empty.
 */
static void
show_right(struct rdline *rdl, int force)
{
	if (!force && CIRBUF_IS_EMPTY(&rdl->right))
		return;
	put_str(rdl, vt100_clear_right);
	put_cirbuf(rdl, &rdl->right);
	move_cursor(rdl, 'D', CIRBUF_GET_LEN(&rdl->right));
}

static void
clear_line(struct rdline *rdl)
{
	vt100_init(&rdl->vt100);
	cirbuf_init(&rdl->left, rdl->left_buf, 0, RDLINE_BUF_SIZE);
	cirbuf_init(&rdl->right, rdl->right_buf, 0, RDLINE_BUF_SIZE);
}

static unsigned int
line_len(struct rdline *rdl)
{
	return CIRBUF_GET_LEN(&rdl->left) + CIRBUF_GET_LEN(&rdl->right);
}

int
rdline_init(struct rdline *rdl, rdline_write_char_t *write_char,
		rdline_validate_t *validate, rdline_complete_t *complete, void *opaque)
{
	if (rdl == NULL || write_char == NULL)
		return -EINVAL;
	memset(rdl, 0, sizeof(*rdl));
	rdl->status = RDLINE_INIT;
	rdl->write_char = write_char;
	rdl->validate = validate;
	rdl->complete = complete;
	rdl->opaque = opaque;
	rdl->history_cur_line = -1;
	clear_line(rdl);
	cirbuf_init(&rdl->history, rdl->history_buf, 0, RDLINE_HISTORY_BUF_SIZE);
	return 0;
}

struct rdline *
rdline_new(rdline_write_char_t *write_char, rdline_validate_t *validate,
		rdline_complete_t *complete, void *opaque)
{
	struct rdline *rdl;

	if (write_char == NULL) {
		CMDLINE_LOG(ERR, "rdline_new: write_char callback is NULL");
		errno = EINVAL;
		return NULL;
	}
	rdl = malloc(sizeof(*rdl));
	if (rdl == NULL)
		return NULL;
	rdline_init(rdl, write_char, validate, complete, opaque);
	return rdl;
}

void
rdline_free(struct rdline *rdl)
{
	free(rdl);
}

void
rdline_newline(struct rdline *rdl, const char *prompt)
{
	unsigned int i;

	if (rdl == NULL || prompt == NULL)
		return;
	clear_line(rdl);
	/* prompt may be rdl->prompt itself (redisplay after Ctrl-C) */
	rdl->prompt_size = strnlen(prompt, RDLINE_PROMPT_SIZE - 1);
	if (prompt != rdl->prompt)
		memcpy(rdl->prompt, prompt, rdl->prompt_size);
	rdl->prompt[rdl->prompt_size] = '\0';
	for (i = 0; i < rdl->prompt_size; i++)
		rdl->write_char(rdl, rdl->prompt[i]);
	rdl->status = RDLINE_RUNNING;
	rdl->history_cur_line = -1;
}

void
rdline_stop(struct rdline *rdl)
{
	if (rdl != NULL)
		rdl->status = RDLINE_INIT;
}

void
rdline_quit(struct rdline *rdl)
{
	if (rdl != NULL)
		rdl->status = RDLINE_EXITED;
}

void
rdline_restart(struct rdline *rdl)
{
	if (rdl != NULL)
		rdl->status = RDLINE_RUNNING;
}

void
rdline_reset(struct rdline *rdl)
{
	if (rdl == NULL)
		return;
	clear_line(rdl);
	rdl->status = RDLINE_RUNNING;
	rdl->history_cur_line = -1;
}

const char *
rdline_get_buffer(struct rdline *rdl)
{
	unsigned int len_l, len_r;

	if (rdl == NULL)
		return NULL;
	cirbuf_align_left(&rdl->left);
	cirbuf_align_left(&rdl->right);
	len_l = CIRBUF_GET_LEN(&rdl->left);
	len_r = CIRBUF_GET_LEN(&rdl->right);
	/* left_buf has room for both sides plus "\n\0"; the cirbuf does not see the copy */
	memcpy(rdl->left_buf + len_l, rdl->right_buf, len_r);
	rdl->left_buf[len_l + len_r] = '\n';
	rdl->left_buf[len_l + len_r + 1] = '\0';
	return rdl->left_buf;
}

void
rdline_redisplay(struct rdline *rdl)
{
	unsigned int i;

	if (rdl == NULL)
		return;
	put_str(rdl, vt100_home);
	for (i = 0; i < rdl->prompt_size; i++)
		rdl->write_char(rdl, rdl->prompt[i]);
	put_cirbuf(rdl, &rdl->left);
	show_right(rdl, 1);
}

/* History: NUL-terminated lines in one ring, oldest first. */

static char
hist_at(struct rdline *rdl, unsigned int i)
{
	return rdl->history.buf[(rdl->history.start + i) % rdl->history.maxlen];
}

static void
drop_oldest_history(struct rdline *rdl)
{
	while (!CIRBUF_IS_EMPTY(&rdl->history)) {
		char c = cirbuf_get_head(&rdl->history);

		cirbuf_del_head(&rdl->history);
		if (c == '\0')
			break;
	}
}

static void
drop_newest_history(struct rdline *rdl)
{
	if (CIRBUF_IS_EMPTY(&rdl->history))
		return;
	/* its terminator, then its text back to the previous terminator */
	cirbuf_del_tail(&rdl->history);
	while (!CIRBUF_IS_EMPTY(&rdl->history) && cirbuf_get_tail(&rdl->history) != '\0')
		cirbuf_del_tail(&rdl->history);
}

int
rdline_add_history(struct rdline *rdl, const char *buf)
{
	unsigned int len;
	const char *nl;

	if (rdl == NULL || buf == NULL)
		return -EINVAL;
	len = strnlen(buf, RDLINE_BUF_SIZE);
	nl = memchr(buf, '\n', len);
	if (nl != NULL)
		len = nl - buf;
	if (len >= RDLINE_HISTORY_BUF_SIZE)
		return -1;
	while (len >= CIRBUF_GET_FREELEN(&rdl->history))
		drop_oldest_history(rdl);
	if (len > 0)
		cirbuf_add_buf_tail(&rdl->history, buf, len);
	cirbuf_add_tail(&rdl->history, '\0');
	return 0;
}

void
rdline_clear_history(struct rdline *rdl)
{
	if (rdl == NULL)
		return;
	cirbuf_init(&rdl->history, rdl->history_buf, 0, RDLINE_HISTORY_BUF_SIZE);
}

char *
rdline_get_history_item(struct rdline *rdl, unsigned int i)
{
	unsigned int end, begin, n, k;

	if (rdl == NULL)
		return NULL;
	/* walk back from the newest line: end is one past its terminator */
	end = CIRBUF_GET_LEN(&rdl->history);
	for (k = 0; end > 0; k++) {
		begin = end - 1;
		while (begin > 0 && hist_at(rdl, begin - 1) != '\0')
			begin--;
		if (k == i) {
			for (n = 0; begin + n < end - 1 && n < RDLINE_BUF_SIZE; n++)
				rdl->history_item[n] = hist_at(rdl, begin + n);
			rdl->history_item[n] = '\0';
			return rdl->history_item;
		}
		end = begin;
	}
	return NULL;
}

size_t
rdline_get_history_buffer_size(struct rdline *rdl)
{
	return sizeof(rdl->history_buf);
}

void *
rdline_get_opaque(struct rdline *rdl)
{
	return rdl != NULL ? rdl->opaque : NULL;
}

/* Editing keys */

static void
cursor_left(struct rdline *rdl)
{
	char c = cirbuf_get_tail(&rdl->left);

	cirbuf_del_tail(&rdl->left);
	cirbuf_add_head(&rdl->right, c);
	put_str(rdl, vt100_left_arr);
}

static void
cursor_right(struct rdline *rdl)
{
	char c = cirbuf_get_head(&rdl->right);

	cirbuf_del_head(&rdl->right);
	cirbuf_add_tail(&rdl->left, c);
	put_str(rdl, vt100_right_arr);
}

/* Show history line idx in place of the current line. */
static void
show_history(struct rdline *rdl, const char *line)
{
	clear_line(rdl);
	if (line[0] != '\0')
		cirbuf_add_buf_tail(&rdl->left, line, strnlen(line, RDLINE_BUF_SIZE));
	rdline_redisplay(rdl);
}

static void
insert_text(struct rdline *rdl, const char *s, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n && line_len(rdl) < RDLINE_BUF_SIZE; i++) {
		cirbuf_add_tail(&rdl->left, s[i]);
		rdl->write_char(rdl, s[i]);
	}
}

static int
complete_line(struct rdline *rdl, int key)
{
	char choice[BUFSIZ];
	int state = key == CMDLINE_KEY_TAB ? 0 : -1;
	int ret;

	if (rdl->complete == NULL)
		return RDLINE_RES_COMPLETE;
	/* the completer reads a NUL-terminated copy of what is left of the cursor */
	cirbuf_align_left(&rdl->left);
	rdl->left_buf[CIRBUF_GET_LEN(&rdl->left)] = '\0';

	ret = rdl->complete(rdl, rdl->left_buf, choice, sizeof(choice), &state);
	if (ret <= 0)
		return RDLINE_RES_COMPLETE;
	if (ret == CMDLINE_PARSE_COMPLETED_BUFFER) {
		insert_text(rdl, choice, strnlen(choice, sizeof(choice)));
		show_right(rdl, 1);
		return RDLINE_RES_COMPLETE;
	}
	/* several candidates: list them one per line, then repaint the line */
	put_str(rdl, "\r\n");
	while (ret > 0) {
		rdl->write_char(rdl, ' ');
		put_str(rdl, choice);
		put_str(rdl, "\r\n");
		ret = rdl->complete(rdl, rdl->left_buf, choice, sizeof(choice), &state);
	}
	rdline_redisplay(rdl);
	return RDLINE_RES_COMPLETE;
}

static int
handle_key(struct rdline *rdl, int key)
{
	const char *line;

	switch (key) {
	case CMDLINE_KEY_CTRL_B:
	case CMDLINE_KEY_LEFT_ARR:
		if (!CIRBUF_IS_EMPTY(&rdl->left))
			cursor_left(rdl);
		break;
	case CMDLINE_KEY_CTRL_F:
	case CMDLINE_KEY_RIGHT_ARR:
		if (!CIRBUF_IS_EMPTY(&rdl->right))
			cursor_right(rdl);
		break;
	case CMDLINE_KEY_WLEFT:
		while (!CIRBUF_IS_EMPTY(&rdl->left) && is_blank(cirbuf_get_tail(&rdl->left)))
			cursor_left(rdl);
		while (!CIRBUF_IS_EMPTY(&rdl->left) && !is_blank(cirbuf_get_tail(&rdl->left)))
			cursor_left(rdl);
		break;
	case CMDLINE_KEY_WRIGHT:
		while (!CIRBUF_IS_EMPTY(&rdl->right) && is_blank(cirbuf_get_head(&rdl->right)))
			cursor_right(rdl);
		while (!CIRBUF_IS_EMPTY(&rdl->right) && !is_blank(cirbuf_get_head(&rdl->right)))
			cursor_right(rdl);
		break;
	case CMDLINE_KEY_CTRL_A:
		move_cursor(rdl, 'D', CIRBUF_GET_LEN(&rdl->left));
		while (!CIRBUF_IS_EMPTY(&rdl->left)) {
			cirbuf_add_head(&rdl->right, cirbuf_get_tail(&rdl->left));
			cirbuf_del_tail(&rdl->left);
		}
		break;
	case CMDLINE_KEY_CTRL_E:
		move_cursor(rdl, 'C', CIRBUF_GET_LEN(&rdl->right));
		while (!CIRBUF_IS_EMPTY(&rdl->right)) {
			cirbuf_add_tail(&rdl->left, cirbuf_get_head(&rdl->right));
			cirbuf_del_head(&rdl->right);
		}
		break;
	case CMDLINE_KEY_BKSPACE:
	case CMDLINE_KEY_BKSPACE2:
		if (cirbuf_del_tail_safe(&rdl->left) == 0) {
			put_str(rdl, vt100_bs);
			show_right(rdl, 1);
		}
		break;
	case CMDLINE_KEY_CTRL_D:
	case CMDLINE_KEY_SUPPR:
		/* Ctrl-D ends input on an empty line, otherwise deletes like Delete */
		if (key == CMDLINE_KEY_CTRL_D && line_len(rdl) == 0)
			return RDLINE_RES_EOF;
		if (cirbuf_del_head_safe(&rdl->right) == 0)
			show_right(rdl, 1);
		break;
	case CMDLINE_KEY_META_BKSPACE:
	case CMDLINE_KEY_CTRL_W:
		while (!CIRBUF_IS_EMPTY(&rdl->left) && is_blank(cirbuf_get_tail(&rdl->left))) {
			put_str(rdl, vt100_bs);
			cirbuf_del_tail(&rdl->left);
		}
		while (!CIRBUF_IS_EMPTY(&rdl->left) && !is_blank(cirbuf_get_tail(&rdl->left))) {
			put_str(rdl, vt100_bs);
			cirbuf_del_tail(&rdl->left);
		}
		show_right(rdl, 1);
		break;
	case CMDLINE_KEY_META_D:
		while (!CIRBUF_IS_EMPTY(&rdl->right) && is_blank(cirbuf_get_head(&rdl->right)))
			cirbuf_del_head(&rdl->right);
		while (!CIRBUF_IS_EMPTY(&rdl->right) && !is_blank(cirbuf_get_head(&rdl->right)))
			cirbuf_del_head(&rdl->right);
		show_right(rdl, 1);
		break;
	case CMDLINE_KEY_CTRL_K:
		rdl->kill_size = cirbuf_get_buf_head(&rdl->right, rdl->kill_buf,
				sizeof(rdl->kill_buf));
		if (rdl->kill_size > 0)
			cirbuf_del_buf_head(&rdl->right, rdl->kill_size);
		put_str(rdl, vt100_clear_right);
		break;
	case CMDLINE_KEY_CTRL_Y:
		insert_text(rdl, rdl->kill_buf, rdl->kill_size);
		show_right(rdl, 0);
		break;
	case CMDLINE_KEY_CTRL_C:
		put_str(rdl, "\r\n");
		rdline_newline(rdl, rdl->prompt);
		break;
	case CMDLINE_KEY_CTRL_L:
		rdline_redisplay(rdl);
		break;
	case CMDLINE_KEY_TAB:
	case CMDLINE_KEY_HELP:
		return complete_line(rdl, key);
	case CMDLINE_KEY_RETURN:
	case CMDLINE_KEY_RETURN2:
		line = rdline_get_buffer(rdl);
		rdl->status = RDLINE_INIT;
		put_str(rdl, "\r\n");
		/* the draft saved when browsing history is not a real entry */
		if (rdl->history_cur_line != -1)
			drop_newest_history(rdl);
		if (rdl->validate != NULL)
			rdl->validate(rdl, line, line_len(rdl) + 2);
		/* the callback may have quit */
		if (rdl->status == RDLINE_EXITED)
			return RDLINE_RES_EXITED;
		return RDLINE_RES_VALIDATED;
	case CMDLINE_KEY_UP_ARR:
	case CMDLINE_KEY_CTRL_P:
		/* entering history: keep the line being typed as entry 0 */
		if (rdl->history_cur_line == 0)
			drop_newest_history(rdl);
		if (rdl->history_cur_line <= 0) {
			rdline_add_history(rdl, rdline_get_buffer(rdl));
			rdl->history_cur_line = 0;
		}
		line = rdline_get_history_item(rdl, rdl->history_cur_line + 1);
		if (line == NULL)
			break;
		rdl->history_cur_line++;
		show_history(rdl, line);
		break;
	case CMDLINE_KEY_DOWN_ARR:
	case CMDLINE_KEY_CTRL_N:
		if (rdl->history_cur_line <= 0)
			break;
		line = rdline_get_history_item(rdl, rdl->history_cur_line - 1);
		if (line == NULL)
			break;
		rdl->history_cur_line--;
		show_history(rdl, line);
		break;
	default:
		break;
	}
	return RDLINE_RES_SUCCESS;
}

int
rdline_char_in(struct rdline *rdl, char c)
{
	int key;

	if (rdl == NULL)
		return -EINVAL;
	if (rdl->status == RDLINE_EXITED)
		return RDLINE_RES_EXITED;
	if (rdl->status != RDLINE_RUNNING)
		return RDLINE_RES_NOT_RUNNING;

	key = vt100_parser(&rdl->vt100, c);
	if (key == -2)
		return RDLINE_RES_SUCCESS;
	if (key >= 0)
		return handle_key(rdl, key);

	/* ordinary byte: insert printable ones at the cursor while there is room */
	if (!isprint((unsigned char)c) || line_len(rdl) >= RDLINE_BUF_SIZE)
		return RDLINE_RES_SUCCESS;
	cirbuf_add_tail(&rdl->left, c);
	rdl->write_char(rdl, c);
	show_right(rdl, 0);
	return RDLINE_RES_SUCCESS;
}
