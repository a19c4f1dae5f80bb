/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Flow rules of the fail-safe port: each is created on every sub-device present that has flow
 * operations, and kept (copied with rte_flow_conv) to be created again on a sub-device that
 * comes back. Sub-devices without flow operations are left out, not refused.
 */
#include <errno.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_flow_driver.h>

#include "failsafe_private.h"

/* The fail-safe's rule: the copy, and the rule it made on each sub-device. */
struct rte_flow {
	TAILQ_ENTRY(rte_flow) next;
	struct rte_flow *sub[FS_MAX_SUB];
	struct rte_flow_conv_rule *rule;   /* followed by what it points to */
};

static int
fs_sub_has_flows(const struct fs_sub *s)
{
	const struct rte_eth_dev *d = &rte_eth_devices[s->port_id];

	return d->dev_ops != NULL && d->dev_ops->flow_ops_get != NULL;
}

static int
fs_flow_validate(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error)
{
	struct fs_priv *p = fs_of(dev);
	unsigned int i;
	int ret = 0;

	fs_lock(p);
	for (i = 0; i < p->nb_sub && ret == 0; i++) {
		struct fs_sub *s = &p->sub[i];

		if (fs_sub_ready(s, FS_SUB_PROBED) && fs_sub_has_flows(s))
			ret = rte_flow_validate(s->port_id, attr, pattern, actions, error);
		/* a sub-device that cannot check rules in advance does not veto them */
		if (ret == -ENOSYS)
			ret = 0;
	}
	fs_unlock(p);
	return ret;
}

static struct rte_flow *
fs_flow_create(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct rte_flow_error *error)
{
	const struct rte_flow_conv_rule src = {
		.attr_ro = attr, .pattern_ro = pattern, .actions_ro = actions,
	};
	struct fs_priv *p = fs_of(dev);
	struct rte_flow *f;
	unsigned int i;
	int len;

	len = rte_flow_conv(RTE_FLOW_CONV_OP_RULE, NULL, 0, &src, error);
	if (len < 0)
		return NULL;
	f = rte_zmalloc("failsafe flow", sizeof(*f) + (size_t)len, 0);
	if (f == NULL) {
		rte_flow_error_set(error, ENOMEM, RTE_FLOW_ERROR_TYPE_UNSPECIFIED, NULL,
				"no memory for the rule");
		return NULL;
	}
	f->rule = (struct rte_flow_conv_rule *)(f + 1);
	if (rte_flow_conv(RTE_FLOW_CONV_OP_RULE, f->rule, (size_t)len, &src, error) != len) {
		rte_free(f);
		return NULL;
	}
	fs_lock(p);
	for (i = 0; i < p->nb_sub; i++) {
		struct fs_sub *s = &p->sub[i];

		if (!fs_sub_ready(s, FS_SUB_PROBED) || !fs_sub_has_flows(s))
			continue;
		f->sub[i] = rte_flow_create(s->port_id, attr, pattern, actions, error);
		if (f->sub[i] == NULL) {
			FS_LOG(ERR, "%s: sub-device %s refused a flow rule", p->name, s->name);
			while (i-- > 0)
				if (f->sub[i] != NULL)
					rte_flow_destroy(p->sub[i].port_id, f->sub[i], NULL);
			fs_unlock(p);
			rte_free(f);
			return NULL;
		}
	}
	TAILQ_INSERT_TAIL(&p->flows, f, next);
	p->conf_gen++;
	fs_unlock(p);
	return f;
}

/* Destroy f on the sub-devices that have it and forget it; the lock is held. */
static int
fs_flow_drop(struct fs_priv *p, struct rte_flow *f, struct rte_flow_error *error)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; i < p->nb_sub; i++) {
		struct fs_sub *s = &p->sub[i];

		if (f->sub[i] != NULL && fs_sub_ready(s, FS_SUB_PROBED)) {
			int r = rte_flow_destroy(s->port_id, f->sub[i], error);

			if (r != 0 && ret == 0)
				ret = r;
		}
	}
	TAILQ_REMOVE(&p->flows, f, next);
	rte_free(f);
	p->conf_gen++;
	return ret;
}

static int
fs_flow_destroy(struct rte_eth_dev *dev, struct rte_flow *flow, struct rte_flow_error *error)
{
	struct fs_priv *p = fs_of(dev);
	struct rte_flow *f;
	int ret = -EINVAL;

	fs_lock(p);
	TAILQ_FOREACH(f, &p->flows, next)
		if (f == flow)
			break;
	if (f != NULL)
		ret = fs_flow_drop(p, f, error);
	else
		rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_HANDLE, flow,
				"not a rule of this port");
	fs_unlock(p);
	return ret;
}

static int
fs_flow_flush(struct rte_eth_dev *dev, struct rte_flow_error *error)
{
	struct fs_priv *p = fs_of(dev);
	int ret = 0;

	fs_lock(p);
	while (!TAILQ_EMPTY(&p->flows)) {
		int r = fs_flow_drop(p, TAILQ_FIRST(&p->flows), error);

		if (r != 0 && ret == 0)
			ret = r;
	}
	fs_unlock(p);
	return ret;
}

static const struct rte_flow_ops fs_flow_ops = {
	.validate = fs_flow_validate,
	.create = fs_flow_create,
	.destroy = fs_flow_destroy,
	.flush = fs_flow_flush,
};

int
fs_flow_ops_get(struct rte_eth_dev *dev, const struct rte_flow_ops **ops)
{
	RTE_SET_USED(dev);
	*ops = &fs_flow_ops;
	return 0;
}

int
fs_flow_replay(struct fs_priv *p, unsigned int i)
{
	struct fs_sub *s = &p->sub[i];
	struct rte_flow_error error;
	struct rte_flow *f;
	int ret = 0;

	if (!fs_sub_has_flows(s))
		return 0;
	fs_lock(p);
	/* rules of an earlier attempt are gone with the flush */
	rte_flow_flush(s->port_id, &error);
	TAILQ_FOREACH(f, &p->flows, next) {
		memset(&error, 0, sizeof(error));
		f->sub[i] = rte_flow_create(s->port_id, f->rule->attr_ro, f->rule->pattern_ro,
				f->rule->actions_ro, &error);
		if (f->sub[i] == NULL) {
			FS_LOG(ERR, "%s: sub-device %s refused a flow rule again: %s",
					p->name, s->name,
					error.message != NULL ? error.message : "no reason");
			ret = rte_errno > 0 ? -rte_errno : -EINVAL;
			break;
		}
	}
	fs_unlock(p);
	return ret;
}

void
fs_flow_forget_sub(struct fs_priv *p, unsigned int i)
{
	struct rte_flow *f;

	fs_lock(p);
	TAILQ_FOREACH(f, &p->flows, next)
		f->sub[i] = NULL;
	fs_unlock(p);
}

void
fs_flow_free_all(struct fs_priv *p)
{
	struct rte_flow *f;

	fs_lock(p);
	while ((f = TAILQ_FIRST(&p->flows)) != NULL) {
		TAILQ_REMOVE(&p->flows, f, next);
		rte_free(f);
	}
	fs_unlock(p);
}
