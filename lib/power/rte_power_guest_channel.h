/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef RTE_POWER_GUEST_CHANNEL_H
#define RTE_POWER_GUEST_CHANNEL_H

/**
 * @file
 * Messages a virtual machine sends to the host power agent over a virtio-serial channel,
 * and the host's replies. The layouts are part of the wire format: keep them unchanged.
 */

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_POWER_MAX_VFS 10 /**< virtual functions a packet policy can name */
#define RTE_POWER_VM_MAX_NAME_SZ 32 /**< bytes of a VM name, with its terminating NUL */
#define RTE_POWER_MAX_VCPU_PER_VM 8 /**< vCPUs a message can name */
#define RTE_POWER_HOURS_PER_DAY 24 /**< hours in the time profile of a policy */

/* Commands */
#define RTE_POWER_CPU_POWER               1 /**< command: set a vCPU frequency (unit) */
#define RTE_POWER_CPU_POWER_CONNECT       2 /**< command: connect a vCPU to the host daemon */
#define RTE_POWER_PKT_POLICY              3 /**< command: install a policy */
#define RTE_POWER_PKT_POLICY_REMOVE       4 /**< command: remove the policy of the VM */

#define RTE_POWER_CORE_TYPE_VIRTUAL 0 /**< resource_id names a vCPU */
#define RTE_POWER_CORE_TYPE_PHYSICAL 1 /**< resource_id names a physical core */

/* Units of RTE_POWER_CPU_POWER */
#define RTE_POWER_SCALE_UP      1 /**< unit: one frequency step up */
#define RTE_POWER_SCALE_DOWN    2 /**< unit: one frequency step down */
#define RTE_POWER_SCALE_MAX     3 /**< unit: highest frequency */
#define RTE_POWER_SCALE_MIN     4 /**< unit: lowest frequency */
#define RTE_POWER_ENABLE_TURBO  5 /**< unit: allow turbo */
#define RTE_POWER_DISABLE_TURBO 6 /**< unit: forbid turbo */

/* Queries */
#define RTE_POWER_QUERY_FREQ_LIST  7 /**< query: frequencies of all vCPUs */
#define RTE_POWER_QUERY_FREQ       8 /**< query: frequency of one vCPU */
#define RTE_POWER_QUERY_CAPS_LIST  9 /**< query: capabilities of all vCPUs */
#define RTE_POWER_QUERY_CAPS       10 /**< query: capabilities of one vCPU */

/* Replies to a command */
#define RTE_POWER_CMD_ACK       1 /**< reply: the command was carried out */
#define RTE_POWER_CMD_NACK      2 /**< reply: the command was refused */

/* Replies to a query */
#define RTE_POWER_FREQ_LIST     3 /**< reply: a struct rte_power_channel_packet_freq_list */
#define RTE_POWER_CAPS_LIST     4 /**< reply: a struct rte_power_channel_packet_caps_list */

/** Packet-rate thresholds of a traffic policy. */
struct rte_power_traffic_policy {
	uint32_t min_packet_thresh; /**< packet rate under which the frequency goes down */
	uint32_t avg_max_packet_thresh; /**< packet rate above which the frequency goes to medium */
	uint32_t max_max_packet_thresh; /**< packet rate above which the frequency goes to the highest */
};

/** Hours of a time policy. */
struct rte_power_timer_profile {
	int busy_hours[RTE_POWER_HOURS_PER_DAY]; /**< hours at the highest frequency */
	int quiet_hours[RTE_POWER_HOURS_PER_DAY]; /**< hours at the lowest frequency */
	int hours_to_use_traffic_profile[RTE_POWER_HOURS_PER_DAY]; /**< hours under the traffic policy */
};

/** Workload a VM declares. */
enum rte_power_workload_level {
	RTE_POWER_WL_HIGH, /**< high workload */
	RTE_POWER_WL_MEDIUM, /**< medium workload */
	RTE_POWER_WL_LOW /**< low workload */
};

/** How the host scales the frequency of the VM's vCPUs. */
enum rte_power_policy {
	RTE_POWER_POLICY_TRAFFIC, /**< scale with the traffic of the VFs */
	RTE_POWER_POLICY_TIME, /**< scale by the hour of the day */
	RTE_POWER_POLICY_WORKLOAD, /**< scale with the declared workload */
	RTE_POWER_POLICY_BRANCH_RATIO /**< scale with the branch miss ratio of the vCPUs */
};

/** Turbo state of a policy. */
struct rte_power_turbo_status {
	bool tbEnabled; /**< turbo is allowed */
};

/** Command a VM sends to the host's power daemon. */
struct rte_power_channel_packet {
	uint64_t resource_id; /**< core number or device */
	uint32_t unit;        /**< RTE_POWER_SCALE_* */
	uint32_t command;     /**< RTE_POWER_CPU_POWER and the like */
	char vm_name[RTE_POWER_VM_MAX_NAME_SZ]; /**< name of the VM sending or receiving the message */

	uint64_t vfid[RTE_POWER_MAX_VFS]; /**< the VFs a traffic policy watches */
	int nb_mac_to_monitor; /**< entries used in vfid */
	struct rte_power_traffic_policy traffic_policy; /**< thresholds of RTE_POWER_POLICY_TRAFFIC */
	uint8_t vcpu_to_control[RTE_POWER_MAX_VCPU_PER_VM]; /**< vCPUs the policy applies to */
	uint8_t num_vcpu; /**< entries used in the vCPU arrays */
	struct rte_power_timer_profile timer_policy; /**< hours of RTE_POWER_POLICY_TIME */
	bool core_type; /**< RTE_POWER_CORE_TYPE_VIRTUAL or RTE_POWER_CORE_TYPE_PHYSICAL */
	enum rte_power_workload_level workload; /**< declared workload of RTE_POWER_POLICY_WORKLOAD */
	enum rte_power_policy policy_to_use; /**< policy the host applies */
	struct rte_power_turbo_status t_boost_status; /**< turbo state to apply */
};

/** Host reply to RTE_POWER_QUERY_FREQ_LIST or RTE_POWER_QUERY_FREQ. */
struct rte_power_channel_packet_freq_list {
	uint64_t resource_id; /**< core number or device */
	uint32_t unit;        /**< RTE_POWER_SCALE_* */
	uint32_t command;     /**< RTE_POWER_QUERY_FREQ_LIST and the like */
	char vm_name[RTE_POWER_VM_MAX_NAME_SZ]; /**< name of the VM sending or receiving the message */

	uint32_t freq_list[RTE_POWER_MAX_VCPU_PER_VM]; /**< current frequency of each vCPU, in kHz */
	uint8_t num_vcpu; /**< entries used in the vCPU arrays */
};

/** Host reply to RTE_POWER_QUERY_CAPS_LIST or RTE_POWER_QUERY_CAPS. */
struct rte_power_channel_packet_caps_list {
	uint64_t resource_id; /**< core number or device */
	uint32_t unit;        /**< RTE_POWER_SCALE_* */
	uint32_t command;     /**< RTE_POWER_QUERY_CAPS_LIST and the like */
	char vm_name[RTE_POWER_VM_MAX_NAME_SZ]; /**< name of the VM sending or receiving the message */

	uint64_t turbo[RTE_POWER_MAX_VCPU_PER_VM]; /**< non-zero for each vCPU that has turbo */
	uint64_t priority[RTE_POWER_MAX_VCPU_PER_VM]; /**< non-zero: high-priority core */
	uint8_t num_vcpu; /**< entries used in the vCPU arrays */
};

/**
 * Send a message to the host over the channel of an lcore opened by rte_power_init() in the
 * PM_ENV_KVM_VM environment.
 *
 * @param pkt
 *   Message to send.
 * @param lcore_id
 *   lcore whose channel carries the message.
 * @return
 *   0 on success, a negative value when the channel is not open or the write fails.
 */
int rte_power_guest_channel_send_msg(struct rte_power_channel_packet *pkt,
		unsigned int lcore_id);

/**
 * @warning
 * @b EXPERIMENTAL: this API may change without prior notice.
 *
 * Read the host's reply from the channel of an lcore.
 *
 * @param pkt
 *   Buffer for the reply.
 * @param pkt_len
 *   Size of the buffer in bytes.
 * @param lcore_id
 *   lcore whose channel carries the reply.
 * @return
 *   0 on success, a negative value on error.
 */
__rte_experimental
int rte_power_guest_channel_receive_msg(void *pkt,
		size_t pkt_len,
		unsigned int lcore_id);

#ifdef __cplusplus
}
#endif

#endif /* RTE_POWER_GUEST_CHANNEL_H */
