/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Port-level hotplug on top of EAL's device-level engine (rte_dev_probe / rte_dev_remove).
 * EAL knows devices; this file maps a device to the ports its driver created.
 *
 * Attach finds the new ports by the device name parsed from devargs rather than by comparing
 * the port table before and after: another thread may create ports at the same time.
 * Detach refuses unless every port of the device is closed, so that a failure (including a
 * driver that cannot detach) leaves every port exactly as it was.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_devargs.h>
#include <rte_string_fns.h>

#include "ethdev_private.h"

/* Lowest port id whose device is called name on bus, or RTE_MAX_ETHPORTS. */
static uint16_t
first_port_of(const char *name, const struct rte_bus *bus)
{
	uint16_t p;

	RTE_ETH_FOREACH_DEV(p) {
		const struct rte_device *d = rte_eth_devices[p].device;

		if (d != NULL && strcmp(rte_dev_name(d), name) == 0 &&
		    (bus == NULL || rte_dev_bus(d) == bus))
			return p;
	}
	return RTE_MAX_ETHPORTS;
}

int
rte_eth_dev_attach(const char *devargs, uint16_t *port_id)
{
	struct rte_devargs da;
	uint16_t p;
	int ret;

	if (devargs == NULL || port_id == NULL) {
		ETHDEV_LOG(ERR, "attach: NULL %s", devargs == NULL ? "devargs" : "port_id");
		return -EINVAL;
	}
	memset(&da, 0, sizeof(da));
	ret = rte_devargs_parse(&da, devargs);
	if (ret != 0) {
		ETHDEV_LOG(ERR, "attach: cannot parse devargs \"%s\" (%d)", devargs, ret);
		rte_devargs_reset(&da);
		return ret;
	}
	eth_hotplug_lock();
	ret = rte_dev_probe(devargs);
	if (ret != 0) {
		ETHDEV_LOG(ERR, "attach: probing \"%s\" failed (%d)", devargs, ret);
		goto out;
	}
	p = first_port_of(da.name, da.bus);
	if (p == RTE_MAX_ETHPORTS) {
		/* Not an Ethernet device: take it back so the call changes nothing. */
		ETHDEV_LOG(ERR, "attach: device %s created no port", da.name);
		if (da.bus != NULL)
			rte_eal_hotplug_remove(rte_bus_name(da.bus), da.name);
		ret = -ENODEV;
		goto out;
	}
	*port_id = p;
out:
	eth_hotplug_unlock();
	rte_devargs_reset(&da);
	return ret;
}

int
rte_eth_dev_detach(uint16_t port_id, char *devname)
{
	char name[RTE_DEV_NAME_MAX_LEN];
	char ports[256] = "";
	struct rte_device *dev;
	size_t len = 0;
	uint16_t p;
	int ret = 0;

	ETH_VALID_PORTID_OR_ERR_RET(port_id, -ENODEV);
	if (devname == NULL) {
		ETHDEV_LOG(ERR, "detach port %u: NULL devname buffer", port_id);
		return -EINVAL;
	}
	eth_hotplug_lock();
	eth_dev_lock();
	if (!rte_eth_dev_is_valid_port(port_id)) {
		ETHDEV_LOG(ERR, "detach: port %u went away", port_id);
		ret = -ENODEV;
		goto out;
	}
	dev = rte_eth_devices[port_id].device;
	if (dev == NULL) {
		ETHDEV_LOG(ERR, "detach port %u: the port has no device to detach", port_id);
		ret = -ENOTSUP;
		goto out;
	}
	RTE_ETH_FOREACH_DEV_OF(p, dev) {
		const struct rte_eth_dev_data *d = rte_eth_devices[p].data;

		if (d->dev_started || !d->dev_closed) {
			ETHDEV_LOG(ERR, "detach port %u: port %u of device %s is %s", port_id,
					p, rte_dev_name(dev),
					d->dev_started ? "started" : "not closed");
			ret = -EBUSY;
			goto out;
		}
		if (len < sizeof(ports))
			len += snprintf(ports + len, sizeof(ports) - len, "%s%u",
					len == 0 ? "" : ",", p);
	}
	rte_strscpy(name, rte_dev_name(dev), sizeof(name));
	/*
	 * EAL's hotplug lock is taken inside rte_dev_remove and, on a probe, before the driver
	 * allocates ports under the port-table lock: do not hold the latter across the call.
	 * The hotplug lock still keeps other attach/detach calls out.
	 */
	eth_dev_unlock();
	ret = rte_dev_remove(dev);
	if (ret != 0) {
		ETHDEV_LOG(ERR, "detach port %u: device %s not removed (%d)", port_id, name, ret);
	} else {
		rte_strscpy(devname, name, RTE_DEV_NAME_MAX_LEN);
		ETHDEV_LOG(INFO, "detached device %s: port(s) %s", name, ports);
	}
	eth_hotplug_unlock();
	return ret;
out:
	eth_dev_unlock();
	eth_hotplug_unlock();
	return ret;
}

int
rte_eal_dev_attach(const char *devargs, uint8_t *port_id)
{
	uint16_t p;
	int ret;

	if (port_id == NULL) {
		ETHDEV_LOG(ERR, "attach: NULL port_id");
		return -EINVAL;
	}
	ret = rte_eth_dev_attach(devargs, &p);
	if (ret != 0)
		return ret;
	if (p > UINT8_MAX) {
		char name[RTE_DEV_NAME_MAX_LEN];

		/* The seed API cannot name this port: undo the attach. */
		ETHDEV_LOG(ERR, "attach \"%s\": port id %u does not fit the 8-bit API", devargs, p);
		rte_eth_dev_close(p);
		rte_eth_dev_detach(p, name);
		return -ERANGE;
	}
	*port_id = (uint8_t)p;
	return 0;
}

int
rte_eal_dev_detach(uint8_t port_id, char *devname)
{
	return rte_eth_dev_detach(port_id, devname);
}
