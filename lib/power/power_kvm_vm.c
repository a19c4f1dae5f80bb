/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PM_ENV_KVM_VM: each lcore owns the virtio-serial port the host power agent exposes for it
 * (/dev/virtio-ports/virtio.serial.port.poweragent.<lcore>). Scaling requests become messages
 * to the host; the host, not the guest, knows the frequency list, so the queries of that list
 * are not available in this environment, as in DPDK.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_log.h>

#include "power_kvm_vm.h"

#define POWER_LOG(level, fmt, ...) \
	RTE_LOG(level, POWER, "%s(): " fmt "\n", __func__, ##__VA_ARGS__)

#define CHANNEL_DIR "/dev/virtio-ports"
#define CHANNEL_PREFIX "virtio.serial.port.poweragent"
/* how long to wait for the host's reply */
#define CHANNEL_REPLY_MS 1000

/* 0 means not open: fds are stored plus one so that the zeroed array is all closed */
static int channel_fd[RTE_MAX_LCORE];

int
power_kvm_vm_check_supported(void)
{
	return access(CHANNEL_DIR, F_OK) == 0 ? 1 : 0;
}

static int
channel_send(const void *msg, size_t len, unsigned int lcore_id)
{
	const char *p = msg;
	ssize_t n;

	while (len > 0) {
		n = write(channel_fd[lcore_id] - 1, p, len);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			POWER_LOG(ERR, "lcore %u: cannot write to the channel: %s", lcore_id,
				strerror(errno));
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
rte_power_guest_channel_send_msg(struct rte_power_channel_packet *pkt, unsigned int lcore_id)
{
	if (pkt == NULL) {
		POWER_LOG(ERR, "NULL message");
		return -1;
	}
	if (lcore_id >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore_id, RTE_MAX_LCORE);
		return -1;
	}
	if (channel_fd[lcore_id] == 0) {
		POWER_LOG(ERR, "lcore %u has no channel to the host", lcore_id);
		return -1;
	}
	return channel_send(pkt, sizeof(*pkt), lcore_id);
}

int
rte_power_guest_channel_receive_msg(void *pkt, size_t pkt_len, unsigned int lcore_id)
{
	struct pollfd pfd;
	ssize_t n;
	int ret;

	if (pkt == NULL || pkt_len == 0) {
		POWER_LOG(ERR, "no buffer for the reply");
		return -1;
	}
	if (lcore_id >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore_id, RTE_MAX_LCORE);
		return -1;
	}
	if (channel_fd[lcore_id] == 0) {
		POWER_LOG(ERR, "lcore %u has no channel to the host", lcore_id);
		return -1;
	}
	pfd.fd = channel_fd[lcore_id] - 1;
	pfd.events = POLLIN;
	ret = poll(&pfd, 1, CHANNEL_REPLY_MS);
	if (ret <= 0) {
		POWER_LOG(ERR, "lcore %u: no reply from the host", lcore_id);
		return -1;
	}
	n = read(pfd.fd, pkt, pkt_len);
	if (n < 0) {
		POWER_LOG(ERR, "lcore %u: cannot read the channel: %s", lcore_id, strerror(errno));
		return -1;
	}
	return 0;
}

static int
channel_command(unsigned int lcore_id, uint32_t command, uint32_t unit)
{
	struct rte_power_channel_packet pkt;
	uint32_t reply = 0;

	memset(&pkt, 0, sizeof(pkt));
	pkt.command = command;
	pkt.unit = unit;
	pkt.resource_id = lcore_id;
	if (rte_power_guest_channel_send_msg(&pkt, lcore_id) < 0)
		return -1;
	if (command == RTE_POWER_CPU_POWER_CONNECT)
		return 0;
	if (rte_power_guest_channel_receive_msg(&reply, sizeof(reply), lcore_id) < 0)
		return -1;
	return reply == RTE_POWER_CMD_ACK ? 1 : 0;
}

int
power_kvm_vm_init(unsigned int lcore_id)
{
	char path[PATH_MAX];
	int fd;

	if (lcore_id >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore_id, RTE_MAX_LCORE);
		return -1;
	}
	if (channel_fd[lcore_id] != 0) {
		POWER_LOG(ERR, "lcore %u already has a channel to the host", lcore_id);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%s.%u", CHANNEL_DIR, CHANNEL_PREFIX, lcore_id);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		POWER_LOG(ERR, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	channel_fd[lcore_id] = fd + 1;
	if (channel_command(lcore_id, RTE_POWER_CPU_POWER_CONNECT, 0) < 0) {
		close(fd);
		channel_fd[lcore_id] = 0;
		return -1;
	}
	return 0;
}

int
power_kvm_vm_exit(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE) {
		POWER_LOG(ERR, "lcore id %u is not below %u", lcore_id, RTE_MAX_LCORE);
		return -1;
	}
	if (channel_fd[lcore_id] == 0) {
		POWER_LOG(ERR, "lcore %u has no channel to the host", lcore_id);
		return -1;
	}
	close(channel_fd[lcore_id] - 1);
	channel_fd[lcore_id] = 0;
	return 0;
}

uint32_t
power_kvm_vm_freqs(unsigned int lcore_id, uint32_t *freqs, uint32_t num)
{
	RTE_SET_USED(lcore_id);
	RTE_SET_USED(freqs);
	RTE_SET_USED(num);
	POWER_LOG(ERR, "not available in a virtual machine");
	return (uint32_t)-ENOTSUP;
}

uint32_t
power_kvm_vm_get_freq(unsigned int lcore_id)
{
	RTE_SET_USED(lcore_id);
	POWER_LOG(ERR, "not available in a virtual machine");
	return (uint32_t)-ENOTSUP;
}

int
power_kvm_vm_set_freq(unsigned int lcore_id, uint32_t index)
{
	RTE_SET_USED(lcore_id);
	RTE_SET_USED(index);
	POWER_LOG(ERR, "not available in a virtual machine");
	return -ENOTSUP;
}

int
power_kvm_vm_freq_up(unsigned int lcore_id)
{
	return channel_command(lcore_id, RTE_POWER_CPU_POWER, RTE_POWER_SCALE_UP);
}

int
power_kvm_vm_freq_down(unsigned int lcore_id)
{
	return channel_command(lcore_id, RTE_POWER_CPU_POWER, RTE_POWER_SCALE_DOWN);
}

int
power_kvm_vm_freq_max(unsigned int lcore_id)
{
	return channel_command(lcore_id, RTE_POWER_CPU_POWER, RTE_POWER_SCALE_MAX);
}

int
power_kvm_vm_freq_min(unsigned int lcore_id)
{
	return channel_command(lcore_id, RTE_POWER_CPU_POWER, RTE_POWER_SCALE_MIN);
}

int
power_kvm_vm_turbo_status(unsigned int lcore_id)
{
	RTE_SET_USED(lcore_id);
	POWER_LOG(ERR, "not available in a virtual machine");
	return -ENOTSUP;
}

int
power_kvm_vm_enable_turbo(unsigned int lcore_id)
{
	return channel_command(lcore_id, RTE_POWER_CPU_POWER, RTE_POWER_ENABLE_TURBO);
}

int
power_kvm_vm_disable_turbo(unsigned int lcore_id)
{
	return channel_command(lcore_id, RTE_POWER_CPU_POWER, RTE_POWER_DISABLE_TURBO);
}

int
power_kvm_vm_get_capabilities(unsigned int lcore_id, struct rte_power_core_capabilities *caps)
{
	RTE_SET_USED(lcore_id);
	RTE_SET_USED(caps);
	POWER_LOG(ERR, "not available in a virtual machine");
	return -ENOTSUP;
}
