/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Virtual devices as applications see them: create and destroy one by name. The same can be
 * done with rte_dev_probe("net_null0,k=v") and rte_eal_hotplug_remove("vdev", "net_null0").
 */
#ifndef _RTE_BUS_VDEV_H_
#define _RTE_BUS_VDEV_H_

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Create the virtual device name ("net_null0") with driver arguments args (may be NULL) and
 * probe it. The driver is the one whose name or alias starts name (longest match wins).
 * @return 0; -EINVAL bad name or arguments; -ENOENT no driver matches; -EEXIST a device with
 *   that name exists; or the driver's negative errno (then nothing is left behind).
 */
int rte_vdev_init(const char *name, const char *args);

/**
 * Remove the virtual device name. 0; -EINVAL NULL name; -ENOENT no such device; -ENOTSUP its
 * driver cannot remove devices (nothing changed); or the driver's negative errno.
 */
int rte_vdev_uninit(const char *name);

/** Called at the start of each vdev scan with the argument given at registration. */
typedef void (*rte_vdev_scan_callback)(void *user_arg);

/**
 * Call callback(user_arg) at the start of every vdev scan, e.g. to add devargs for virtual
 * devices discovered by other means. 0, -EINVAL (NULL callback), -ENOMEM.
 */
int rte_vdev_add_custom_scan(rte_vdev_scan_callback callback, void *user_arg);
/** Stop calling it; user_arg (void *)-1 matches any argument. 0, or -ENOENT if not found. */
int rte_vdev_remove_custom_scan(rte_vdev_scan_callback callback, void *user_arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BUS_VDEV_H_ */
