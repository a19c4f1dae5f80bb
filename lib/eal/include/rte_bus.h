/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * Buses as applications see them: find one, scan and probe. struct rte_bus is in bus_driver.h. */
#ifndef _RTE_BUS_H_
#define _RTE_BUS_H_

#include <stdio.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <rte_eal.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_bus;
struct rte_device;

/** Name of a bus ("pci", "vdev"), NULL for NULL. */
const char *rte_bus_name(const struct rte_bus *bus);
/** Scan every bus for devices. 0, or the first negative error. */
int rte_bus_scan(void);
/** Probe every scanned device of every bus. 0, or a negative error. */
int rte_bus_probe(void);
/** Print every registered bus and its scan mode to f. */
void rte_bus_dump(FILE *f);

/** Compare a bus with data; 0 on match. */
typedef int (*rte_bus_cmp_t)(const struct rte_bus *bus, const void *data);
/** First bus after start (NULL: from the beginning) for which cmp returns 0. */
struct rte_bus *rte_bus_find(const struct rte_bus *start, rte_bus_cmp_t cmp, const void *data);
/** The bus that has this device (compared by address, never read), or NULL. */
struct rte_bus *rte_bus_find_by_device(const struct rte_device *dev);
/** The bus called busname, or NULL. */
struct rte_bus *rte_bus_find_by_name(const char *busname);
/** IOVA mode the buses' devices need (RTE_IOVA_DC if they do not care). */
enum rte_iova_mode rte_bus_get_iommu_class(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BUS_H_ */
