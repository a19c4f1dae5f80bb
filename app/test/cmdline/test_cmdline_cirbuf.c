/* SPDX-License-Identifier: BSD-3-Clause */
/* cmdline's character ring (cirbuf_*) and vt100 key decoder. */
#include "test_common.h"

#include <errno.h>

#include <cmdline_cirbuf.h>
#include <cmdline_vt100.h>

/* The bytes of cb from head to tail, NUL-terminated. */
static const char *
content(struct cirbuf *cb)
{
	static char out[256];
	int n = cirbuf_get_buf_head(cb, out, sizeof(out) - 1);

	assert_true(n >= 0);
	out[n] = '\0';
	return out;
}

static void
test_init_and_macros(void **state)
{
	struct cirbuf cb;
	char buf[8];

	(void)state;
	assert_int_equal(cirbuf_init(&cb, buf, 3, sizeof(buf)), 0);
	assert_true(CIRBUF_IS_EMPTY(&cb));
	assert_false(CIRBUF_IS_FULL(&cb));
	assert_int_equal(CIRBUF_GET_LEN(&cb), 0);
	assert_int_equal(CIRBUF_GET_MAXLEN(&cb), 8);
	assert_int_equal(CIRBUF_GET_FREELEN(&cb), 8);
	assert_int_equal(cb.start, 3);
	assert_int_equal(cb.end, 3);

	assert_int_equal(cirbuf_init(NULL, buf, 0, sizeof(buf)), -EINVAL);
	assert_int_equal(cirbuf_init(&cb, NULL, 0, sizeof(buf)), -EINVAL);
}

static void
test_single_chars_wrap(void **state)
{
	struct cirbuf cb;
	char buf[4], e;
	unsigned int i;
	char seen[8] = "";

	(void)state;
	cirbuf_init(&cb, buf, 0, sizeof(buf));
	assert_int_equal(cirbuf_add_tail_safe(&cb, 'b'), 0);
	assert_int_equal(cirbuf_add_head_safe(&cb, 'a'), 0);   /* wraps to slot 3 */
	assert_int_equal(cirbuf_add_tail_safe(&cb, 'c'), 0);
	cirbuf_add_tail(&cb, 'd');
	assert_true(CIRBUF_IS_FULL(&cb));
	assert_int_equal(cirbuf_add_tail_safe(&cb, 'x'), -EINVAL);
	assert_int_equal(cirbuf_add_head_safe(&cb, 'x'), -EINVAL);
	assert_string_equal(content(&cb), "abcd");
	assert_int_equal(cirbuf_get_head(&cb), 'a');
	assert_int_equal(cirbuf_get_tail(&cb), 'd');

	CIRBUF_FOREACH(&cb, i, e)
		seen[i] = e;
	assert_string_equal(seen, "abcd");

	assert_int_equal(cirbuf_del_head_safe(&cb), 0);
	cirbuf_del_tail(&cb);
	assert_string_equal(content(&cb), "bc");
	assert_int_equal(cirbuf_del_tail_safe(&cb), 0);
	cirbuf_del_head(&cb);
	assert_true(CIRBUF_IS_EMPTY(&cb));
	assert_int_equal(cirbuf_del_head_safe(&cb), -EINVAL);
	assert_int_equal(cirbuf_del_tail_safe(&cb), -EINVAL);
	/* empty again: the next byte from either side is the only one */
	cirbuf_add_head(&cb, 'z');
	assert_int_equal(cirbuf_get_head(&cb), 'z');
	assert_int_equal(cirbuf_get_tail(&cb), 'z');

	assert_int_equal(cirbuf_add_head_safe(NULL, 'a'), -EINVAL);
	assert_int_equal(cirbuf_add_tail_safe(NULL, 'a'), -EINVAL);
	assert_int_equal(cirbuf_del_head_safe(NULL), -EINVAL);
	assert_int_equal(cirbuf_del_tail_safe(NULL), -EINVAL);
}

static void
test_buffers(void **state)
{
	struct cirbuf cb;
	char buf[10], out[16];

	(void)state;
	cirbuf_init(&cb, buf, 7, sizeof(buf));
	assert_int_equal(cirbuf_add_buf_tail(&cb, "defg", 4), 4);
	assert_int_equal(cirbuf_add_buf_head(&cb, "abc", 3), 3);
	assert_string_equal(content(&cb), "abcdefg");
	/* not enough room for all: nothing is added */
	assert_int_equal(cirbuf_add_buf_tail(&cb, "hijk", 4), -EINVAL);
	assert_int_equal(cirbuf_add_buf_head(&cb, "hijk", 4), -EINVAL);
	assert_string_equal(content(&cb), "abcdefg");
	assert_int_equal(cirbuf_add_buf_tail(&cb, "h", 0), -EINVAL);
	assert_int_equal(cirbuf_add_buf_tail(&cb, NULL, 1), -EINVAL);
	assert_int_equal(cirbuf_add_buf_head(NULL, "h", 1), -EINVAL);

	assert_int_equal(cirbuf_get_buf_tail(&cb, out, 3), 3);
	assert_memory_equal(out, "efg", 3);
	assert_int_equal(cirbuf_get_buf_tail(&cb, out, sizeof(out)), 7);
	assert_memory_equal(out, "abcdefg", 7);
	assert_int_equal(cirbuf_get_buf_head(&cb, out, 2), 2);
	assert_memory_equal(out, "ab", 2);
	assert_int_equal(cirbuf_get_buf_head(NULL, out, 2), -EINVAL);
	assert_int_equal(cirbuf_get_buf_tail(&cb, NULL, 2), -EINVAL);

	assert_int_equal(cirbuf_del_buf_head(&cb, 2), 0);
	assert_int_equal(cirbuf_del_buf_tail(&cb, 2), 0);
	assert_string_equal(content(&cb), "cde");
	assert_int_equal(cirbuf_del_buf_head(&cb, 4), -EINVAL);
	assert_int_equal(cirbuf_del_buf_tail(&cb, 0), -EINVAL);
	assert_int_equal(cirbuf_del_buf_head(NULL, 1), -EINVAL);
	assert_string_equal(content(&cb), "cde");
	assert_int_equal(cirbuf_del_buf_tail(&cb, 3), 0);
	assert_true(CIRBUF_IS_EMPTY(&cb));
	assert_int_equal(cirbuf_get_buf_head(&cb, out, 4), 0);
}

static void
test_align(void **state)
{
	struct cirbuf cb;
	char buf[8];

	(void)state;
	cirbuf_init(&cb, buf, 5, sizeof(buf));
	cirbuf_add_buf_tail(&cb, "hello", 5);    /* slots 5,6,7,0,1 */
	assert_int_equal(cirbuf_align_left(&cb), 0);
	assert_int_equal(cb.start, 0);
	assert_int_equal(cb.end, 4);
	assert_memory_equal(buf, "hello", 5);

	/* DPDK's right alignment: first byte in the last slot, the rest from slot 0 */
	assert_int_equal(cirbuf_align_right(&cb), 0);
	assert_int_equal(cb.start, 7);
	assert_int_equal(cb.end, 3);
	assert_int_equal(buf[7], 'h');
	assert_memory_equal(buf, "ello", 4);
	assert_string_equal(content(&cb), "hello");
	cirbuf_del_buf_tail(&cb, 5);
	assert_int_equal(cirbuf_align_right(&cb), 0);
	assert_int_equal(cb.start, 7);
	assert_int_equal(cb.end, 7);

	assert_int_equal(cirbuf_align_left(NULL), -EINVAL);
	assert_int_equal(cirbuf_align_right(NULL), -EINVAL);
}

/* Feed a byte string; return the last result. */
static int
feed(struct cmdline_vt100 *vt, const char *s)
{
	int ret = -1;

	while (*s != '\0')
		ret = vt100_parser(vt, *s++);
	return ret;
}

static void
test_vt100_keys(void **state)
{
	struct cmdline_vt100 vt;

	(void)state;
	vt100_init(&vt);
	assert_int_equal(vt100_parser(&vt, 'a'), -1);
	assert_int_equal(vt100_parser(&vt, '\033'), -2);
	assert_int_equal(vt100_parser(&vt, '['), -2);
	assert_int_equal(vt100_parser(&vt, 'A'), CMDLINE_KEY_UP_ARR);
	assert_int_equal(feed(&vt, vt100_down_arr), CMDLINE_KEY_DOWN_ARR);
	assert_int_equal(feed(&vt, vt100_right_arr), CMDLINE_KEY_RIGHT_ARR);
	assert_int_equal(feed(&vt, vt100_left_arr), CMDLINE_KEY_LEFT_ARR);
	assert_int_equal(feed(&vt, vt100_suppr), CMDLINE_KEY_SUPPR);
	assert_int_equal(feed(&vt, vt100_word_left), CMDLINE_KEY_WLEFT);
	assert_int_equal(feed(&vt, vt100_word_right), CMDLINE_KEY_WRIGHT);
	assert_int_equal(feed(&vt, "\033\177"), CMDLINE_KEY_META_BKSPACE);
	assert_int_equal(feed(&vt, "\033d"), CMDLINE_KEY_META_D);
	assert_int_equal(feed(&vt, "\001"), CMDLINE_KEY_CTRL_A);
	assert_int_equal(feed(&vt, "\005"), CMDLINE_KEY_CTRL_E);
	assert_int_equal(feed(&vt, "\013"), CMDLINE_KEY_CTRL_K);
	assert_int_equal(feed(&vt, "\027"), CMDLINE_KEY_CTRL_W);
	assert_int_equal(feed(&vt, "\004"), CMDLINE_KEY_CTRL_D);
	assert_int_equal(feed(&vt, "\t"), CMDLINE_KEY_TAB);
	assert_int_equal(feed(&vt, "?"), CMDLINE_KEY_HELP);
	assert_int_equal(feed(&vt, "\n"), CMDLINE_KEY_RETURN);
	assert_int_equal(feed(&vt, "\r"), CMDLINE_KEY_RETURN2);
	assert_int_equal(feed(&vt, "\177"), CMDLINE_KEY_BKSPACE);
	assert_int_equal(feed(&vt, "\010"), CMDLINE_KEY_BKSPACE2);
	assert_int_equal(feed(&vt, "\016"), CMDLINE_KEY_CTRL_N);
	assert_int_equal(feed(&vt, "\020"), CMDLINE_KEY_CTRL_P);
	assert_int_equal(feed(&vt, "\002"), CMDLINE_KEY_CTRL_B);
	assert_int_equal(feed(&vt, "\006"), CMDLINE_KEY_CTRL_F);
	assert_int_equal(feed(&vt, "\003"), CMDLINE_KEY_CTRL_C);
	assert_int_equal(feed(&vt, "\031"), CMDLINE_KEY_CTRL_Y);
	assert_int_equal(feed(&vt, "\014"), CMDLINE_KEY_CTRL_L);
}

static void
test_vt100_unknown(void **state)
{
	struct cmdline_vt100 vt;
	int i;

	(void)state;
	vt100_init(&vt);
	/* a complete but unknown sequence is not a key, and the decoder is ready again */
	assert_int_equal(feed(&vt, "\033[5~"), -1);
	assert_int_equal(vt.state, CMDLINE_VT100_INIT);
	assert_int_equal(feed(&vt, "\033x"), -1);
	/* an endless sequence is dropped once the buffer is full */
	vt100_parser(&vt, '\033');
	vt100_parser(&vt, '[');
	for (i = 0; i < CMDLINE_VT100_BUF_SIZE - 2; i++)
		assert_int_equal(vt100_parser(&vt, '1'), -2);
	/* the next byte starts afresh: an ordinary character */
	assert_int_equal(vt100_parser(&vt, 'A'), -1);
	assert_int_equal(vt.state, CMDLINE_VT100_INIT);
	assert_int_equal(feed(&vt, vt100_up_arr), CMDLINE_KEY_UP_ARR);
	assert_int_equal(vt100_parser(NULL, 'a'), -1);
	vt100_init(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_and_macros),
		cmocka_unit_test(test_single_chars_wrap),
		cmocka_unit_test(test_buffers),
		cmocka_unit_test(test_align),
		cmocka_unit_test(test_vt100_keys),
		cmocka_unit_test(test_vt100_unknown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
