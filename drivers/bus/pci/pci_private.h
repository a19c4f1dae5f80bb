/* SPDX-License-Identifier: BSD-3-Clause */
/* Inside the PCI bus library only: the bus object, sysfs parsing and the mapping back ends. */
#ifndef _PCI_PRIVATE_H_
#define _PCI_PRIVATE_H_

#include <stdint.h>
#include <sys/types.h>
#include <sys/queue.h>

#include <rte_log.h>
#include <bus_driver.h>
#include "bus_pci_driver.h"

extern int pci_logtype;
#define PCI_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, pci_logtype, "PCI: " fmt "\n", ##__VA_ARGS__)

/* Environment variables that move the kernel interfaces (for tests on a fake tree). */
#define PCI_ENV_SYSFS "SYSFS_PCI_DEVICES"
#define PCI_ENV_DEV_DIR "RTE_PCI_DEV_DIR"
#define PCI_ENV_UIO_CLASS "RTE_PCI_UIO_CLASS_DIR"
#define PCI_DEFAULT_SYSFS "/sys/bus/pci/devices"
#define PCI_DEFAULT_DEV_DIR "/dev"
#define PCI_DEFAULT_UIO_CLASS "/sys/class/uio"

/* Linux IORESOURCE_* bits in the flags column of the sysfs resource file. */
#define PCI_IORESOURCE_IO 0x00000100
#define PCI_IORESOURCE_MEM 0x00000200
#define PCI_IORESOURCE_PREFETCH 0x00002000

TAILQ_HEAD(pci_device_list, rte_pci_device);
TAILQ_HEAD(pci_driver_list, rte_pci_driver);

struct rte_pci_bus {
	struct rte_bus bus;
	struct pci_device_list device_list;
	struct pci_driver_list driver_list;
};
extern struct rte_pci_bus rte_pci_bus;

const char *pci_dev_dir(void);
const char *pci_uio_class_dir(void);

/* pci_parse.c: pure parsing, no I/O (shared with the fuzzer). */
int pci_parse_addr(const char *str, size_t len, struct rte_pci_addr *addr);
int pci_parse_sysfs_value(const char *buf, uint64_t max, uint64_t *val);
int pci_parse_resource_line(const char *line, uint64_t *start, uint64_t *end, uint64_t *flags);
int pci_parse_resource_table(const char *buf, struct rte_mem_resource res[PCI_MAX_RESOURCE]);
int pci_parse_group_link(const char *link, int *group);
enum rte_pci_kernel_driver pci_kdrv_from_name(const char *name);

/* pci_sysfs.c: reading one device's sysfs folder. */
extern uint32_t pci_sysfs_log_level;
int pci_read_file(const char *path, char *buf, size_t size);
int pci_scan_one(const char *dirname, const struct rte_pci_addr *addr,
		struct rte_pci_device *dev);
int pci_uio_number(const char *sysfs_dev, int *num);
int pci_iommu_group(const char *sysfs_dev, int *group);

/* Mapping back ends; each undoes its own partial work on failure. */
struct pci_map_priv;
int pci_uio_map(struct rte_pci_device *dev, struct pci_map_priv *mp);
int pci_vfio_map(struct rte_pci_device *dev, struct pci_map_priv *mp);
void pci_vfio_unmap(struct rte_pci_device *dev, struct pci_map_priv *mp);
int pci_vfio_dma_map(void *addr, uint64_t iova, size_t len, int map);

/* What rte_pci_map_device acquired, released in reverse order by rte_pci_unmap_device. */
struct pci_bar_map {
	void *addr;
	size_t len;
	int bar;
};
struct pci_map_priv {
	struct pci_bar_map bars[PCI_MAX_RESOURCE];
	int nb_bars;
	int uio_num;       /* /dev/uioN, -1 if none */
	int uio_fd;        /* interrupt fd of uio drivers */
	int cfg_fd;        /* sysfs config file (uio) */
	int vfio_dev_fd;
	int vfio_event_fd; /* interrupt eventfd (vfio) */
	int vfio_group;    /* group number, -1 if none */
	uint64_t vfio_cfg_offset;
	int removed;       /* BARs replaced by anonymous memory after surprise removal */
};
void pci_unmap_bars(struct pci_map_priv *mp);
void pci_map_priv_init(struct pci_map_priv *mp);
/* Keep the mapping past a failed probe: it no longer goes with the device's devres. */
void pci_map_keep(struct rte_pci_device *dev);

/*
 * pci_shared.c: BARs at the same address in every process. pci_bar_mmap maps one BAR (read
 * and write, shared): in the primary near EAL's memory, in a secondary where the primary
 * has it (MAP_FAILED with errno otherwise). The primary publishes a mapped device for the
 * secondaries and forgets it when it unmaps it.
 */
void *pci_bar_mmap(struct rte_pci_device *dev, int bar, size_t len, int fd, off_t offset);
int pci_bars_mapped_by_primary(const struct rte_pci_device *dev);
void pci_bars_publish(const struct rte_pci_device *dev, const struct pci_map_priv *mp);
void pci_bars_forget(const struct rte_pci_device *dev);

/* pci_common.c */
int pci_device_allowed(const struct rte_pci_device *dev);
struct rte_devargs *pci_devargs_lookup(const struct rte_pci_addr *addr);
int pci_match(const struct rte_pci_driver *drv, const struct rte_pci_device *dev);
void pci_free_device(struct rte_pci_device *dev);
/* Surprise removal: anonymous memory where the BARs were. 0 or a negative errno. */
int pci_remap_removed(struct rte_pci_device *dev);

#endif /* _PCI_PRIVATE_H_ */
