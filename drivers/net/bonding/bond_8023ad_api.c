/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The rte_eth_bond_8023ad_* functions. As in DPDK they return 0 or a negative errno. The
 * configuration (conf_get, setup) belongs to any bond, so that it can be set before the mode;
 * the rest needs a bond in mode 4, and the ext_* calls one whose LACP the application runs
 * (slowrx_cb set).
 */
#include <errno.h>
#include <string.h>

#include "bond_private.h"

/* The bond, locked, if it is one in mode 4; NULL (and one log line) if not. */
static struct bond_dev *
mode4_lock(uint16_t port_id, const char *what)
{
	struct bond_dev *b = bond_get(port_id);

	if (b == NULL)
		return NULL;
	bond_lock(b);
	if (b->mode != BONDING_MODE_8023AD) {
		BOND_LOG(ERR, "port %u: %s needs mode 4, the bond is in mode %u", port_id, what,
				b->mode);
		bond_unlock(b);
		return NULL;
	}
	return b;
}

/* The member's mode 4 state, if the port is a member. */
static struct bond_lacp_port *
member_lacp(struct bond_dev *b, uint16_t member, const char *what)
{
	if (member >= RTE_MAX_ETHPORTS || bond_member_index(b, member) < 0 ||
	    b->lacp[member] == NULL) {
		BOND_LOG(ERR, "port %u: %s: port %u is not one of its slaves", b->port_id, what,
				member);
		return NULL;
	}
	return b->lacp[member];
}

int
rte_eth_bond_8023ad_conf_get(uint16_t port_id, struct rte_eth_bond_8023ad_conf *conf)
{
	struct bond_dev *b;

	if (conf == NULL) {
		BOND_LOG(ERR, "port %u: NULL 802.3ad configuration", port_id);
		return -EINVAL;
	}
	b = bond_get(port_id);
	if (b == NULL)
		return -EINVAL;
	bond_lock(b);
	*conf = b->lacp_conf;
	bond_unlock(b);
	return 0;
}

int
rte_eth_bond_8023ad_setup(uint16_t port_id, struct rte_eth_bond_8023ad_conf *conf)
{
	struct rte_eth_bond_8023ad_conf c;
	struct bond_dev *b = bond_get(port_id);
	int restart;
	uint16_t i;

	if (b == NULL)
		return -EINVAL;
	if (conf == NULL)
		bond_lacp_conf_default(&c);
	else
		c = *conf;
	if (bond_lacp_conf_check(port_id, &c) != 0)
		return -EINVAL;
	bond_lock(b);
	restart = __atomic_load_n(&b->lacp_armed, __ATOMIC_ACQUIRE);
	/* who runs the protocol changes: every member starts over */
	if ((c.slowrx_cb == NULL) != (b->lacp_conf.slowrx_cb == NULL)) {
		for (i = 0; i < b->nb_members; i++)
			bond_lacp_port_reset(b, b->members[i].port_id);
		bond_update_active(b);
		bond_link_refresh(b);
	}
	b->lacp_conf = c;
	bond_unlock(b);
	/* the alarm period may have changed */
	if (restart) {
		bond_lacp_stop(b);
		bond_lacp_start(b);
	}
	return 0;
}

int
rte_eth_bond_8023ad_slave_info(uint16_t port_id, uint16_t slave_id,
		struct rte_eth_bond_8023ad_slave_info *conf)
{
	struct bond_lacp_port *p;
	struct bond_dev *b;

	if (conf == NULL) {
		BOND_LOG(ERR, "port %u: NULL slave info", port_id);
		return -EINVAL;
	}
	b = mode4_lock(port_id, "slave info");
	if (b == NULL)
		return -EINVAL;
	p = member_lacp(b, slave_id, "slave info");
	if (p != NULL) {
		memset(conf, 0, sizeof(*conf));
		conf->selected = p->selected;
		conf->actor_state = __atomic_load_n(&p->actor_state, __ATOMIC_ACQUIRE);
		conf->actor = p->actor;
		conf->partner_state = p->partner_state;
		conf->partner = p->partner;
		conf->agg_port_id = p->agg_port_id;
	}
	bond_unlock(b);
	return p == NULL ? -EINVAL : 0;
}

/* An ext_* call: mode 4, a member, and LACP run by the application. */
static struct bond_dev *
ext_lock(uint16_t port_id, uint16_t member, const char *what, struct bond_lacp_port **pp)
{
	struct bond_dev *b = mode4_lock(port_id, what);

	if (b == NULL)
		return NULL;
	*pp = member_lacp(b, member, what);
	if (*pp != NULL && b->lacp_conf.slowrx_cb == NULL) {
		BOND_LOG(ERR, "port %u: %s: the bond runs LACP itself (no slowrx_cb set)",
				port_id, what);
		*pp = NULL;
	}
	if (*pp == NULL) {
		bond_unlock(b);
		return NULL;
	}
	return b;
}

static int
ext_set(uint16_t port_id, uint16_t member, int enabled, uint8_t bit, const char *what)
{
	struct bond_lacp_port *p;
	struct bond_dev *b = ext_lock(port_id, member, what, &p);
	uint8_t s;

	if (b == NULL)
		return -EINVAL;
	s = __atomic_load_n(&p->actor_state, __ATOMIC_RELAXED);
	s = enabled ? (uint8_t)(s | bit) : (uint8_t)(s & ~bit);
	__atomic_store_n(&p->actor_state, s, __ATOMIC_RELEASE);
	if (bit == STATE_DISTRIBUTING) {
		bond_update_active(b);
		bond_link_refresh(b);
	}
	bond_unlock(b);
	return 0;
}

static int
ext_get(uint16_t port_id, uint16_t member, uint8_t bit, const char *what)
{
	struct bond_lacp_port *p;
	struct bond_dev *b = ext_lock(port_id, member, what, &p);
	int ret;

	if (b == NULL)
		return -EINVAL;
	ret = (__atomic_load_n(&p->actor_state, __ATOMIC_ACQUIRE) & bit) != 0;
	bond_unlock(b);
	return ret;
}

int
rte_eth_bond_8023ad_ext_collect(uint16_t port_id, uint16_t slave_id, int enabled)
{
	return ext_set(port_id, slave_id, enabled, STATE_COLLECTING, "ext_collect");
}

int
rte_eth_bond_8023ad_ext_collect_get(uint16_t port_id, uint16_t slave_id)
{
	return ext_get(port_id, slave_id, STATE_COLLECTING, "ext_collect_get");
}

int
rte_eth_bond_8023ad_ext_distrib(uint16_t port_id, uint16_t slave_id, int enabled)
{
	return ext_set(port_id, slave_id, enabled, STATE_DISTRIBUTING, "ext_distrib");
}

int
rte_eth_bond_8023ad_ext_distrib_get(uint16_t port_id, uint16_t slave_id)
{
	return ext_get(port_id, slave_id, STATE_DISTRIBUTING, "ext_distrib_get");
}

int
rte_eth_bond_8023ad_ext_slowtx(uint16_t port_id, uint16_t slave_id,
		struct rte_mbuf *lacp_pkt)
{
	struct bond_lacp_port *p;
	struct bond_dev *b;
	const struct lacpdu_header *h;
	int ret = 0;

	if (lacp_pkt == NULL || lacp_pkt->data_len < sizeof(*h)) {
		BOND_LOG(ERR, "port %u: ext_slowtx: no LACPDU (NULL or %u bytes)", port_id,
				lacp_pkt == NULL ? 0 : lacp_pkt->data_len);
		return -EINVAL;
	}
	h = rte_pktmbuf_mtod(lacp_pkt, const struct lacpdu_header *);
	if (h->eth_hdr.ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_SLOW) ||
	    h->lacpdu.subtype != SLOW_SUBTYPE_LACP) {
		BOND_LOG(ERR, "port %u: ext_slowtx: the frame is not an LACPDU", port_id);
		return -EINVAL;
	}
	b = ext_lock(port_id, slave_id, "ext_slowtx", &p);
	if (b == NULL)
		return -EINVAL;
	if (rte_ring_enqueue(p->tx_ring, lacp_pkt) != 0) {
		BOND_LOG(ERR, "port %u: ext_slowtx: slave %u has %u LACPDUs waiting already",
				port_id, slave_id, rte_ring_count(p->tx_ring));
		ret = -ENOBUFS;
	}
	bond_unlock(b);
	return ret;
}

static int
dedicated_set(uint16_t port_id, uint8_t on)
{
	struct bond_dev *b = mode4_lock(port_id, on ? "dedicated_queues_enable" :
			"dedicated_queues_disable");
	int ret = 0;

	if (b == NULL)
		return -EINVAL;
	/* the members' queue count is fixed when they are started */
	if (rte_eth_devices[port_id].data->dev_started) {
		BOND_LOG(ERR, "port %u: stop the bond before changing its dedicated queues",
				port_id);
		ret = -EBUSY;
	} else {
		b->dedicated_queues = on;
	}
	bond_unlock(b);
	return ret;
}

int
rte_eth_bond_8023ad_dedicated_queues_enable(uint16_t port_id)
{
	return dedicated_set(port_id, 1);
}

int
rte_eth_bond_8023ad_dedicated_queues_disable(uint16_t port_id)
{
	return dedicated_set(port_id, 0);
}

int
rte_eth_bond_8023ad_agg_selection_get(uint16_t port_id)
{
	struct bond_dev *b = mode4_lock(port_id, "agg_selection_get");
	int ret;

	if (b == NULL)
		return -EINVAL;
	ret = (int)b->lacp_conf.agg_selection;
	bond_unlock(b);
	return ret;
}

int
rte_eth_bond_8023ad_agg_selection_set(uint16_t port_id,
		enum rte_bond_8023ad_agg_selection agg_selection)
{
	struct bond_dev *b;

	if ((unsigned int)agg_selection > AGG_STABLE) {
		BOND_LOG(ERR, "port %u: invalid aggregator selection %u (0 to 2)", port_id,
				(unsigned int)agg_selection);
		return -EINVAL;
	}
	b = mode4_lock(port_id, "agg_selection_set");
	if (b == NULL)
		return -EINVAL;
	b->lacp_conf.agg_selection = agg_selection;
	bond_unlock(b);
	return 0;
}
