/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What a forwarding lcore reports so that a port detached while it polls other
 * ports can be freed safely: online before its loop, a quiescent state after each
 * round over its streams (no pointer into a port is held across it), offline when
 * it stops.
 */
#ifndef _FWD_RCU_H_
#define _FWD_RCU_H_

static inline void
fwd_rcu_online(void)
{
}

static inline void
fwd_rcu_quiescent(void)
{
}

static inline void
fwd_rcu_offline(void)
{
}

#endif /* _FWD_RCU_H_ */
