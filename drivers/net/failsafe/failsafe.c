/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_failsafe: vdev probe/remove, sub-device events and the hotplug alarm.
 *
 * An RMV event only marks the sub-device (and stops bursts from using it): the event may come
 * from a thread that holds locks the removal needs, so the removal itself runs from a one-shot
 * alarm. With hotplug_poll, a periodic alarm probes absent sub-devices again and replays the
 * configuration on those that come back.
 */
#include <errno.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

#include "failsafe_private.h"

RTE_LOG_REGISTER_DEFAULT(fs_logtype, NOTICE);

static void fs_poll_alarm(void *arg);
static void fs_rmv_alarm(void *arg);

static void
fs_priv_get(struct fs_priv *p)
{
	__atomic_fetch_add(&p->refs, 1, __ATOMIC_RELAXED);
}

void
fs_priv_put(struct fs_priv *p)
{
	if (__atomic_sub_fetch(&p->refs, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	pthread_mutex_destroy(&p->lock);
	rte_free(p);
}

static int
fs_closing(const struct fs_priv *p)
{
	return __atomic_load_n(&p->closing, __ATOMIC_SEQ_CST);
}

/* Arm an alarm that holds a reference of its own. */
static int
fs_alarm_arm(struct fs_priv *p, uint64_t us, rte_eal_alarm_callback cb)
{
	fs_priv_get(p);
	if (rte_eal_alarm_set(us, cb, p) != 0) {
		fs_priv_put(p);
		return -rte_errno;
	}
	return 0;
}

/*
 * Bring an absent sub-device back (the caller marked it busy): probe it, own it, replay the
 * configuration until it did not change meanwhile, then let the bursts use it.
 */
static void
fs_sub_revive(struct fs_priv *p, unsigned int i)
{
	struct fs_sub *s = &p->sub[i];
	unsigned int tries;
	uint32_t gen;
	int ret;

	if (fs_sub_refresh_devargs(p, s, 0) != 0 || fs_sub_attach(p, s) != 0) {
		fs_lock(p);
		s->busy = 0;
		fs_unlock(p);
		return;
	}
	s->state = FS_SUB_PROBED;
	for (tries = 0;; tries++) {
		fs_lock(p);
		gen = p->conf_gen;
		p->snap = p->conf;
		fs_unlock(p);
		ret = fs_closing(p) ? -ESHUTDOWN : fs_sub_replay(p, s, &p->snap);
		fs_lock(p);
		if (ret == 0 && gen == p->conf_gen)
			break; /* with the lock */
		fs_unlock(p);
		if (s->state == FS_SUB_STARTED)
			rte_eth_dev_stop(s->port_id);
		if (s->state > FS_SUB_PROBED)
			s->state = FS_SUB_PROBED;
		if (ret != 0 || tries >= 3) {
			fs_sub_detach(p, s);
			fs_lock(p);
			s->busy = 0;
			fs_unlock(p);
			return;
		}
	}
	s->busy = 0;
	__atomic_store_n(&s->usable, s->state == FS_SUB_STARTED, __ATOMIC_SEQ_CST);
	fs_unlock(p);
	FS_LOG(INFO, "%s: sub-device %s back as port %u", p->name, s->name, s->port_id);
}

/* Remove the sub-devices that raised RMV; with probe, bring absent ones back. */
static void
fs_hotplug_work(struct fs_priv *p, int probe)
{
	unsigned int i;

	for (i = 0; i < p->nb_sub && !fs_closing(p); i++) {
		struct fs_sub *s = &p->sub[i];
		int rmv;

		fs_lock(p);
		if (s->busy) {
			fs_unlock(p);
			continue;
		}
		rmv = __atomic_exchange_n(&s->rmv, 0, __ATOMIC_ACQ_REL);
		if (rmv && s->state != FS_SUB_ABSENT) {
			s->busy = 1;
			fs_unlock(p);
			FS_LOG(WARNING, "%s: sub-device %s (port %u) removed", p->name, s->name,
					s->port_id);
			fs_sub_quiesce(p, i);
			fs_sub_detach(p, s);
			fs_lock(p);
			s->busy = 0;
			fs_unlock(p);
			continue;
		}
		if (!probe || s->state != FS_SUB_ABSENT) {
			fs_unlock(p);
			continue;
		}
		s->busy = 1;
		fs_unlock(p);
		fs_sub_revive(p, i);
	}
}

/*
 * Start of every alarm callback: 0 when the port is closing. The flag pairs with closing in
 * fs_alarm_stop (each side writes its own, then reads the other's).
 */
static int
fs_alarm_enter(struct fs_priv *p)
{
	__atomic_store_n(&p->alarm_running, 1, __ATOMIC_SEQ_CST);
	if (!fs_closing(p))
		return 1;
	__atomic_store_n(&p->alarm_running, 0, __ATOMIC_SEQ_CST);
	return 0;
}

/* Drop the pending alarms and their references (from the interrupt thread: no waiting). */
static void
fs_alarm_cancel_pending(struct fs_priv *p)
{
	int n;

	n = rte_eal_alarm_cancel(fs_poll_alarm, p);
	while (n-- > 0)
		fs_priv_put(p);
	n = rte_eal_alarm_cancel(fs_rmv_alarm, p);
	while (n-- > 0)
		fs_priv_put(p);
}

/* End of an alarm callback; if the port closed meanwhile, fs_alarm_stop left the rest here. */
static void
fs_alarm_leave(struct fs_priv *p)
{
	if (fs_closing(p))
		fs_alarm_cancel_pending(p);
	__atomic_store_n(&p->alarm_running, 0, __ATOMIC_SEQ_CST);
}

static void
fs_poll_alarm(void *arg)
{
	struct fs_priv *p = arg;

	if (fs_alarm_enter(p)) {
		fs_hotplug_work(p, 1);
		if (!fs_closing(p) &&
				fs_alarm_arm(p, (uint64_t)p->poll_ms * 1000, fs_poll_alarm) != 0)
			FS_LOG(ERR, "%s: cannot re-arm the hotplug alarm", p->name);
		fs_alarm_leave(p);
	}
	fs_priv_put(p);
}

static void
fs_rmv_alarm(void *arg)
{
	struct fs_priv *p = arg;

	if (fs_alarm_enter(p)) {
		fs_hotplug_work(p, 0);
		fs_alarm_leave(p);
	}
	fs_priv_put(p);
}

int
fs_alarm_start(struct fs_priv *p)
{
	if (p->poll_ms == 0)
		return 0;
	return fs_alarm_arm(p, (uint64_t)p->poll_ms * 1000, fs_poll_alarm);
}

/*
 * Stop the alarms. A running alarm may be waiting for a lock our caller holds (ethdev's or
 * EAL's), so it is never waited for: it sees closing and ends by itself. Pending ones are
 * cancelled, their references dropped here.
 */
void
fs_alarm_stop(struct fs_priv *p)
{
	__atomic_store_n(&p->closing, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&p->alarm_running, __ATOMIC_SEQ_CST))
		return;
	fs_alarm_cancel_pending(p);
}

/* A sub-device went away: bursts leave it now, the alarm takes it down. */
static void
fs_sub_gone(struct fs_priv *p, struct fs_sub *s)
{
	__atomic_store_n(&s->usable, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&s->rmv, 1, __ATOMIC_RELEASE);
	if (fs_alarm_arm(p, 1, fs_rmv_alarm) != 0)
		FS_LOG(ERR, "%s: no alarm to remove sub-device %s", p->name, s->name);
}

/* Events of every port: the fail-safe picks its own sub-devices (arg: its state). */
static int
fs_sub_event(uint16_t port, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	struct fs_priv *p = arg;
	unsigned int i;

	RTE_SET_USED(ret_param);
	if (fs_closing(p))
		return 0;
	for (i = 0; i < p->nb_sub; i++) {
		struct fs_sub *s = &p->sub[i];

		if (s->state == FS_SUB_ABSENT || s->busy || s->port_id != port)
			continue;
		if (type == RTE_ETH_EVENT_INTR_LSC)
			rte_eth_dev_callback_process(&rte_eth_devices[p->port_id],
					RTE_ETH_EVENT_INTR_LSC, NULL);
		else /* RMV or DESTROY */
			fs_sub_gone(p, s);
		return 0;
	}
	return 0;
}

/*
 * EAL device events (the kernel's, once the application runs rte_dev_event_monitor_start):
 * a sub-device's device removed is taken like its RMV event, for drivers that raise none.
 */
static void
fs_dev_event(const char *name, enum rte_dev_event_type type, void *arg)
{
	struct fs_priv *p = arg;
	unsigned int i;

	if (type != RTE_DEV_EVENT_REMOVE || name == NULL || fs_closing(p))
		return;
	for (i = 0; i < p->nb_sub; i++) {
		struct fs_sub *s = &p->sub[i];

		if (s->state != FS_SUB_ABSENT && !s->busy && strcmp(s->name, name) == 0) {
			fs_sub_gone(p, s);
			return;
		}
	}
}

static const enum rte_eth_event_type fs_events[] = {
	RTE_ETH_EVENT_INTR_LSC, RTE_ETH_EVENT_INTR_RMV, RTE_ETH_EVENT_DESTROY,
};

int
fs_events_register(struct fs_priv *p)
{
	unsigned int i;
	int ret;

	for (i = 0; i < RTE_DIM(fs_events); i++) {
		ret = rte_eth_dev_callback_register(RTE_ETH_ALL, fs_events[i], fs_sub_event, p);
		if (ret != 0)
			goto fail;
	}
	ret = rte_dev_event_callback_register(NULL, fs_dev_event, p);
	if (ret == 0)
		return 0;
fail:
	FS_LOG(ERR, "%s: cannot register for sub-device events (%d)", p->name, ret);
	while (i-- > 0)
		rte_eth_dev_callback_unregister(RTE_ETH_ALL, fs_events[i], fs_sub_event, p);
	return ret;
}

void
fs_events_unregister(struct fs_priv *p)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(fs_events); i++)
		while (rte_eth_dev_callback_unregister(RTE_ETH_ALL, fs_events[i], fs_sub_event,
				p) == -EAGAIN)
			;
	while (rte_dev_event_callback_unregister(NULL, fs_dev_event, p) == -EAGAIN)
		;
}

static struct fs_priv *
fs_priv_new(const char *name)
{
	pthread_mutexattr_t attr;
	struct fs_priv *p;

	p = rte_zmalloc("failsafe", sizeof(*p), RTE_CACHE_LINE_SIZE);
	if (p == NULL) {
		FS_LOG(ERR, "%s: no memory for the port state", name);
		return NULL;
	}
	/* recursive: taking a sub-device down adds its counters under the lock */
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&p->lock, &attr);
	pthread_mutexattr_destroy(&attr);
	p->refs = 1;
	TAILQ_INIT(&p->flows);
	rte_strscpy(p->name, name, sizeof(p->name));
	return p;
}

/* Undo a probe that failed after sub-devices were attached. */
static void
fs_probe_undo(struct fs_priv *p, struct rte_eth_dev *dev)
{
	unsigned int i;

	for (i = 0; i < p->nb_sub; i++)
		fs_sub_detach(p, &p->sub[i]);
	if (p->owner_id != 0)
		rte_eth_dev_owner_delete(p->owner_id);
	if (dev != NULL)
		rte_eth_dev_release_port(dev);
	fs_priv_put(p);
}

/*
 * A sub-device that failed to probe at creation is taken as absent, to be probed by the
 * hotplug alarm later (a NIC not plugged in yet), when there is such an alarm and the failure
 * says the device is not there: its bus knows the name but has no such device (-ENOENT), or
 * its driver found nothing (-ENODEV). Other failures (bad devargs, a driver refusing its
 * arguments) would fail the same way every time: the creation fails.
 */
static int
fs_sub_may_come(const struct fs_priv *p, const struct fs_sub *s, int ret)
{
	struct rte_devargs da;
	int known;

	if (p->poll_ms == 0 || (ret != -ENOENT && ret != -ENODEV))
		return 0;
	memset(&da, 0, sizeof(da));
	known = rte_devargs_parse(&da, s->devargs) == 0 && da.bus != NULL;
	rte_devargs_reset(&da);
	return known;
}

static int
fs_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_ether_addr mac = { .addr_bytes = { 0 } };
	struct rte_eth_dev *dev = NULL;
	struct fs_priv *p;
	unsigned int i;
	int ret;

	p = fs_priv_new(name);
	if (p == NULL)
		return -ENOMEM;
	ret = fs_args_parse(p, rte_vdev_device_args(vdev), &mac);
	if (ret == 0)
		ret = rte_eth_dev_owner_new(&p->owner_id);
	if (ret != 0)
		goto fail;
	for (i = 0; i < p->nb_sub; i++) {
		ret = fs_sub_attach(p, &p->sub[i]);
		if (ret == 0) {
			p->sub[i].state = FS_SUB_PROBED;
		} else if (fs_sub_may_come(p, &p->sub[i], ret)) {
			/* as a sub-device that went away: the hotplug alarm probes it again */
			FS_LOG(NOTICE, "%s: sub-device \"%s\" not present (%d), probed every %u ms",
				name, p->sub[i].devargs, ret, p->poll_ms);
		} else {
			FS_LOG(ERR, "%s: sub-device \"%s\" cannot be probed (%d)", name,
					p->sub[i].devargs, ret);
			goto fail;
		}
	}
	dev = rte_eth_vdev_allocate(vdev, sizeof(struct fs_priv *));
	if (dev == NULL) {
		ret = -rte_errno;
		goto fail;
	}
	*(struct fs_priv **)dev->data->dev_private = p;
	p->port_id = dev->data->port_id;
	dev->data->mac_addrs = rte_zmalloc("failsafe macs", sizeof(struct rte_ether_addr) *
			FS_MAX_MACS, 0);
	if (dev->data->mac_addrs == NULL) {
		ret = -ENOMEM;
		goto fail;
	}
	/*
	 * Without mac=, the port takes the address of its first sub-device present, or a random
	 * one when none is (the sub-devices take it when they come).
	 */
	if (!p->user_mac) {
		for (i = 0; i < p->nb_sub && p->sub[i].state == FS_SUB_ABSENT; i++)
			;
		if (i < p->nb_sub)
			rte_eth_macaddr_get(p->sub[i].port_id, &mac);
		else
			rte_eth_random_addr(mac.addr_bytes);
	}
	for (i = 0; i < p->nb_sub; i++)
		if (p->sub[i].state != FS_SUB_ABSENT)
			fs_opt_ret(rte_eth_dev_default_mac_addr_set(p->sub[i].port_id, &mac));
	p->conf.macs[0] = mac;
	dev->data->mac_addrs[0] = mac;
	dev->dev_ops = &fs_ops;
	dev->rx_pkt_burst = fs_rx_burst;
	dev->tx_pkt_burst = fs_tx_burst;
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC;
	ret = fs_events_register(p);
	if (ret != 0)
		goto fail;
	ret = fs_alarm_start(p);
	if (ret != 0) {
		FS_LOG(ERR, "%s: cannot arm the hotplug alarm (%d)", name, ret);
		fs_events_unregister(p);
		goto fail;
	}
	rte_eth_dev_probing_finish(dev);
	return 0;
fail:
	fs_probe_undo(p, dev);
	return ret;
}

static int
fs_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	struct fs_priv *p;
	int ret;

	if (dev == NULL)
		return 0;
	p = fs_of(dev);
	if (dev->data->dev_started)
		rte_eth_dev_stop(dev->data->port_id);
	rte_eth_dev_close(dev->data->port_id);
	rte_eth_dev_owner_delete(p->owner_id);
	ret = rte_eth_dev_release_port(dev);
	fs_priv_put(p);
	return ret;
}

static struct rte_vdev_driver fs_driver = {
	.probe = fs_probe,
	.remove = fs_remove,
};

RTE_PMD_REGISTER_VDEV(net_failsafe, fs_driver);
RTE_PMD_REGISTER_PARAM_STRING(net_failsafe,
	"dev(<devargs>) "
	"exec(<shell command>) "
	"fd(<file descriptor>) "
	"hotplug_poll=<ms> "
	"mac=<mac addr>");
