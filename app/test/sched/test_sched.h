/* SPDX-License-Identifier: BSD-3-Clause */
/* Cases of the sched suite that live in other files of the suite. */
#ifndef _TEST_SCHED_H_
#define _TEST_SCHED_H_

void test_red_config_errors(void **state);
void test_red_tables(void **state);
void test_red_drop_probability(void **state);
void test_red_idle_decay(void **state);
void test_pie_config(void **state);
void test_pie_tail_drop(void **state);
void test_approx(void **state);

#endif /* _TEST_SCHED_H_ */
