/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * VFIO containers, IOMMU groups and devices, as EAL manages them for the PCI bus and as
 * drivers and applications may use them directly (e.g. to give a device its own container
 * and DMA mappings).
 *
 * EAL owns one default container, opened when VFIO is enabled: every EAL memory segment is
 * DMA-mapped into it while at least one group is attached. Containers made with
 * rte_vfio_container_create() get only the mappings their user asks for.
 */
#ifndef _RTE_VFIO_H_
#define _RTE_VFIO_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <stdbool.h>
#include <stdint.h>

/* VFIO appeared in Linux 3.6 and its device request interrupt in 4.0. */
#if !defined(VFIO_PRESENT) && defined(RTE_EAL_VFIO)
#include <linux/version.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(3, 6, 0)
#define VFIO_PRESENT
#endif
#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 0, 0)
#define HAVE_VFIO_DEV_REQ_INTERFACE
#endif
#endif

#ifdef VFIO_PRESENT

#include <linux/vfio.h>

#define VFIO_DIR "/dev/vfio"
#define VFIO_CONTAINER_PATH "/dev/vfio/vfio"
#define VFIO_GROUP_FMT "/dev/vfio/%u"
#define VFIO_NOIOMMU_GROUP_FMT "/dev/vfio/noiommu-%u"
#define VFIO_GET_REGION_ADDR(x) ((uint64_t) x << 40ULL)
#define VFIO_GET_REGION_IDX(x) (x >> 40)
#define VFIO_NOIOMMU_MODE      \
	"/sys/module/vfio/parameters/enable_unsafe_noiommu_mode"

/* The no-IOMMU model's number, for kernel headers older than 4.5 that lack it. */
#ifdef VFIO_NOIOMMU_IOMMU
#define RTE_VFIO_NOIOMMU VFIO_NOIOMMU_IOMMU
#else
#define RTE_VFIO_NOIOMMU 8
#endif

/* Region capability chains (kernel 4.7) and the MSI-X mappable capability (4.16). */
#ifdef VFIO_REGION_INFO_FLAG_CAPS
#define RTE_VFIO_INFO_FLAG_CAPS VFIO_REGION_INFO_FLAG_CAPS
#define VFIO_CAP_OFFSET(x) (x->cap_offset)
#else
#define RTE_VFIO_INFO_FLAG_CAPS (1 << 3)
#define VFIO_CAP_OFFSET(x) (x->resv)
struct vfio_info_cap_header {
	uint16_t id;
	uint16_t version;
	uint32_t next;
};
#endif

#ifdef VFIO_REGION_INFO_CAP_MSIX_MAPPABLE
#define RTE_VFIO_CAP_MSIX_MAPPABLE VFIO_REGION_INFO_CAP_MSIX_MAPPABLE
#else
#define RTE_VFIO_CAP_MSIX_MAPPABLE 3
#endif

#else /* !VFIO_PRESENT */

/* Only pointers to it appear below. */
struct vfio_device_info;

#endif /* VFIO_PRESENT */

/** Names EAL's default container in the rte_vfio_container_*() calls. */
#define RTE_VFIO_DEFAULT_CONTAINER_FD (-1)

/**
 * Give the process a device bound to vfio-pci: its IOMMU group is opened (or its open fd
 * reused) and attached to the container it was bound to, the default one otherwise. The
 * first group of a container chooses its IOMMU model; in the default container, EAL memory
 * is then DMA-mapped. With a VF token set (--vfio-vf-token), it is offered to the kernel.
 *
 * @param sysfs_base
 *   Folder of the PCI devices in sysfs, e.g. "/sys/bus/pci/devices".
 * @param dev_addr
 *   The device's name in that folder, e.g. "0000:00:04.0".
 * @param vfio_dev_fd
 *   Receives the device fd.
 * @param device_info
 *   Receives the kernel's VFIO_DEVICE_GET_INFO answer.
 * @return
 *   0 on success, <0 on failure, 1 if the device has no IOMMU group or VFIO does not
 *   manage it (it is left alone).
 */
int rte_vfio_setup_device(const char *sysfs_base, const char *dev_addr,
		int *vfio_dev_fd, struct vfio_device_info *device_info);

/**
 * Close a device fd obtained from rte_vfio_setup_device(). Its group is closed, and leaves
 * its container, when its last device is released.
 *
 * @param sysfs_base
 *   Folder of the PCI devices in sysfs.
 * @param dev_addr
 *   The device's name in that folder.
 * @param fd
 *   The device fd.
 * @return
 *   0 on success, <0 on failure.
 */
int rte_vfio_release_device(const char *sysfs_base, const char *dev_addr, int fd);

/**
 * Enable VFIO when the kernel module is loaded: the default container is opened. Called by
 * rte_eal_init() for "vfio".
 *
 * @param modname
 *   Kernel module name, e.g. "vfio".
 * @return
 *   0 when the module is loaded and VFIO enabled, and also when the module is not loaded
 *   (VFIO stays disabled); <0 when the kernel's module list cannot be read.
 */
int rte_vfio_enable(const char *modname);

/**
 * Whether VFIO is enabled and a given module loaded.
 *
 * @param modname
 *   Kernel module name, e.g. "vfio_pci".
 * @return
 *   1 if VFIO is enabled and the module is loaded, 0 otherwise.
 */
int rte_vfio_is_enabled(const char *modname);

/**
 * Whether the vfio module runs in its unsafe no-IOMMU mode.
 *
 * @return
 *   1 if it does, 0 if it does not (or vfio is not loaded), <0 if the setting cannot be read.
 */
int rte_vfio_noiommu_is_enabled(void);

/**
 * Forget a group fd: EAL no longer counts it in its container. The fd itself is the caller's
 * to close.
 *
 * @param vfio_group_fd
 *   A group fd EAL returned.
 * @return
 *   0 on success, <0 if EAL does not know that fd.
 */
int
rte_vfio_clear_group(int vfio_group_fd);

/**
 * The IOMMU group of a device, from its iommu_group link in sysfs.
 *
 * @param sysfs_base
 *   Folder of the PCI devices in sysfs.
 * @param dev_addr
 *   The device's name in that folder.
 * @param iommu_group_num
 *   Receives the group number.
 * @return
 *   >0 on success, 0 if the device has no IOMMU group (or does not exist), <0 on errors.
 */
int
rte_vfio_get_group_num(const char *sysfs_base,
		      const char *dev_addr, int *iommu_group_num);

/**
 * The default container's fd, opened if VFIO was not enabled yet.
 *
 * @return
 *   >0 the container fd, <0 if VFIO is not available.
 */
int
rte_vfio_get_container_fd(void);

/**
 * The fd of an IOMMU group, opened in the default container unless the group was bound to
 * another one (then that fd).
 *
 * @param iommu_group_num
 *   The group number.
 * @return
 *   >0 the group fd, <0 on errors (-ENOENT when the group does not exist).
 */
int
rte_vfio_get_group_fd(int iommu_group_num);

/**
 * Open a new container, for devices whose DMA mappings the caller manages itself: EAL
 * memory is not mapped into it. It belongs to this process only.
 *
 * @return
 *   The container fd, <0 on failure.
 */
int
rte_vfio_container_create(void);

/**
 * Close a container made by rte_vfio_container_create(), closing the groups bound to it.
 *
 * @param container_fd
 *   The container fd.
 * @return
 *   0 on success, <0 on failure.
 */
int
rte_vfio_container_destroy(int container_fd);

/**
 * Bind an IOMMU group to a container: its devices set up afterwards
 * (rte_vfio_setup_device()) use that container.
 *
 * @param container_fd
 *   The container fd.
 * @param iommu_group_num
 *   The group number.
 * @return
 *   The group fd on success (the same fd if the group already is in this container),
 *   <0 on failure.
 */
int
rte_vfio_container_group_bind(int container_fd, int iommu_group_num);

/**
 * Take an IOMMU group out of a container, closing its fd.
 *
 * @param container_fd
 *   The container fd.
 * @param iommu_group_num
 *   The group number.
 * @return
 *   0 on success, <0 on failure.
 */
int
rte_vfio_container_group_unbind(int container_fd, int iommu_group_num);

/**
 * Map memory for DMA in a container. The mapping is remembered and made again when the
 * container's IOMMU is set up anew (a group attached after all had left).
 *
 * @param container_fd
 *   The container fd, or RTE_VFIO_DEFAULT_CONTAINER_FD.
 * @param vaddr
 *   Start of the memory in this process.
 * @param iova
 *   Address devices use for it.
 * @param len
 *   Length in bytes.
 * @return
 *   0 on success, <0 on failure (rte_errno set for an empty region, a container with no
 *   IOMMU yet, or too many mappings).
 */
int
rte_vfio_container_dma_map(int container_fd, uint64_t vaddr,
		uint64_t iova, uint64_t len);

/**
 * Remove a DMA mapping made by rte_vfio_container_dma_map(), or a part of one.
 *
 * @param container_fd
 *   The container fd, or RTE_VFIO_DEFAULT_CONTAINER_FD.
 * @param vaddr
 *   Start of the memory in this process.
 * @param iova
 *   Address devices use for it.
 * @param len
 *   Length in bytes.
 * @return
 *   0 on success, <0 on failure (rte_errno is EINVAL when no such mapping was made).
 */
int
rte_vfio_container_dma_unmap(int container_fd, uint64_t vaddr,
		uint64_t iova, uint64_t len);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_VFIO_H_ */
