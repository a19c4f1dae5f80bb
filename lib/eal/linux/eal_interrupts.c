/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt handles and EAL's interrupt thread.
 *
 * A source is a file descriptor with the callbacks registered on it. The thread ("eal-intr-thread")
 * waits on one epoll instance holding every source's fd plus an eventfd that asks it to stop.
 * When an fd is readable the thread marks its source active, drains the kernel's counter where
 * the handle type has one (uio, vfio, timerfd), and calls the callbacks one by one with the lock
 * released, so a callback may register or unregister other callbacks. While a source is active
 * its callbacks are not freed: rte_intr_callback_unregister reports -EAGAIN to other threads,
 * rte_intr_callback_unregister_sync waits on a condition variable until the source goes idle,
 * and from the interrupt thread itself (a callback removing itself) removal is deferred to the
 * end of the pass.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <linux/vfio.h>

#include <rte_common.h>
#include <rte_interrupts.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>

#include "eal_private.h"

#define INTR_MAX_EVENTS 16
/* PCI command register, high byte: bit 2 (bit 10 of the register) disables INTx. */
#define PCI_COMMAND_HIGH 5
#define PCI_COMMAND_INTX_DISABLE_HIGH 0x4

#include "eal_intr.h"

struct intr_callback {
	struct intr_callback *next;
	rte_intr_callback_fn fn;
	void *arg;
	rte_intr_unregister_callback_fn ucb_fn; /* called when a deferred removal happens */
	int pending_delete;
};

struct intr_source {
	struct intr_source *next;
	int fd;
	enum rte_intr_handle_type type;
	struct rte_intr_handle handle;  /* copy handed to ucb_fn */
	struct intr_callback *callbacks;
	int active;                     /* the thread is calling this source's callbacks */
	int in_epoll;
};

static pthread_mutex_t intr_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t intr_idle = PTHREAD_COND_INITIALIZER; /* a source stopped being active */
static struct intr_source *intr_sources;
static int intr_epfd = -1;
static int intr_stopfd = -1;
static pthread_t intr_thread;
static int intr_thread_running;
static __thread int intr_is_self;

struct rte_intr_handle *
rte_intr_instance_alloc(uint32_t flags)
{
	struct rte_intr_handle *h = calloc(1, sizeof(*h));

	if (h == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	h->fd = -1;
	h->dev_fd = -1;
	h->type = RTE_INTR_HANDLE_UNKNOWN;
	h->flags = flags;
	if (eal_intr_vectors_init(h) < 0) {
		free(h);
		rte_errno = ENOMEM;
		return NULL;
	}
	return h;
}

struct rte_intr_handle *
rte_intr_instance_dup(const struct rte_intr_handle *src)
{
	struct rte_intr_handle *h;

	if (src == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	h = rte_intr_instance_alloc(src->flags);
	if (h != NULL) {
		h->fd = src->fd;
		h->dev_fd = src->dev_fd;
		h->type = src->type;
		eal_intr_vectors_copy(h, src);
	}
	return h;
}

void
rte_intr_instance_free(struct rte_intr_handle *h)
{
	if (h == NULL)
		return;
	eal_intr_vectors_free(h);
	free(h);
}

int
rte_intr_fd_set(struct rte_intr_handle *h, int fd)
{
	if (h == NULL)
		return -EINVAL;
	h->fd = fd;
	return 0;
}

int
rte_intr_fd_get(const struct rte_intr_handle *h)
{
	return h == NULL ? -1 : h->fd;
}

int
rte_intr_dev_fd_set(struct rte_intr_handle *h, int fd)
{
	if (h == NULL)
		return -EINVAL;
	h->dev_fd = fd;
	return 0;
}

int
rte_intr_dev_fd_get(const struct rte_intr_handle *h)
{
	return h == NULL ? -1 : h->dev_fd;
}

int
rte_intr_type_set(struct rte_intr_handle *h, enum rte_intr_handle_type type)
{
	if (h == NULL || type >= RTE_INTR_HANDLE_MAX)
		return -EINVAL;
	h->type = type;
	return 0;
}

enum rte_intr_handle_type
rte_intr_type_get(const struct rte_intr_handle *h)
{
	return h == NULL ? RTE_INTR_HANDLE_UNKNOWN : h->type;
}

/* Lock held. */
static struct intr_source *
source_find(int fd, struct intr_source ***link)
{
	struct intr_source **pp;

	for (pp = &intr_sources; *pp != NULL; pp = &(*pp)->next) {
		if ((*pp)->fd == fd) {
			if (link != NULL)
				*link = pp;
			return *pp;
		}
	}
	return NULL;
}

/* Watch src->fd if the thread's epoll instance exists. Lock held. */
static int
source_watch(struct intr_source *src)
{
	struct epoll_event ev = {
		.events = EPOLLIN | EPOLLPRI,
		.data.fd = src->fd,
	};

	if (intr_epfd < 0 || src->in_epoll)
		return 0;
	if (epoll_ctl(intr_epfd, EPOLL_CTL_ADD, src->fd, &ev) < 0 && errno != EEXIST)
		return -errno;
	src->in_epoll = 1;
	return 0;
}

/* Lock held. The fd may already be closed: the kernel then forgot it by itself. */
static void
source_unwatch(struct intr_source *src)
{
	if (intr_epfd >= 0 && src->in_epoll)
		epoll_ctl(intr_epfd, EPOLL_CTL_DEL, src->fd, NULL);
	src->in_epoll = 0;
}

/* Unlink and free a source that has no callbacks left. Lock held. */
static void
source_drop_if_empty(struct intr_source *src)
{
	struct intr_source **link;

	if (src->callbacks != NULL || source_find(src->fd, &link) != src)
		return;
	*link = src->next;
	source_unwatch(src);
	free(src);
}

int
rte_intr_callback_register(const struct rte_intr_handle *h, rte_intr_callback_fn cb, void *cb_arg)
{
	struct intr_callback *c, **tail;
	struct intr_source *src;
	int ret;

	if (h == NULL || h->fd < 0 || cb == NULL) {
		EAL_LOG(ERR, "interrupt callback register: invalid %s\n",
			cb == NULL ? "callback" : "handle or fd");
		return -EINVAL;
	}
	c = calloc(1, sizeof(*c));
	if (c == NULL)
		return -ENOMEM;
	c->fn = cb;
	c->arg = cb_arg;

	pthread_mutex_lock(&intr_lock);
	src = source_find(h->fd, NULL);
	if (src == NULL) {
		src = calloc(1, sizeof(*src));
		if (src == NULL) {
			pthread_mutex_unlock(&intr_lock);
			free(c);
			return -ENOMEM;
		}
		src->fd = h->fd;
		src->type = h->type;
		src->handle = *h;
		ret = source_watch(src);
		if (ret < 0) {
			pthread_mutex_unlock(&intr_lock);
			EAL_LOG(ERR, "interrupt callback register: cannot watch fd %d: %s\n",
				h->fd, strerror(-ret));
			free(src);
			free(c);
			return ret;
		}
		src->next = intr_sources;
		intr_sources = src;
	} else if (!src->in_epoll) {
		/* Dropped after a read error: a new registration arms the fd again. */
		source_watch(src);
	}
	for (tail = &src->callbacks; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = c;
	pthread_mutex_unlock(&intr_lock);
	return 0;
}

static bool
callback_matches(const struct intr_callback *c, rte_intr_callback_fn cb, void *cb_arg)
{
	return c->fn == cb && (cb_arg == (void *)-1 || c->arg == cb_arg);
}

/* Remove the matching callbacks of an idle source; number removed. Lock held. */
static int
source_remove_callbacks(struct intr_source *src, rte_intr_callback_fn cb, void *cb_arg)
{
	struct intr_callback **pp = &src->callbacks, *c;
	int n = 0;

	while ((c = *pp) != NULL) {
		if (callback_matches(c, cb, cb_arg)) {
			*pp = c->next;
			free(c);
			n++;
		} else {
			pp = &c->next;
		}
	}
	source_drop_if_empty(src);
	return n;
}

/* Mark the matching callbacks of an active source for removal after the pass. Lock held. */
static int
source_defer_callbacks(struct intr_source *src, rte_intr_callback_fn cb, void *cb_arg,
		rte_intr_unregister_callback_fn ucb_fn)
{
	struct intr_callback *c;
	int n = 0;

	for (c = src->callbacks; c != NULL; c = c->next) {
		if (!c->pending_delete && callback_matches(c, cb, cb_arg)) {
			c->pending_delete = 1;
			c->ucb_fn = ucb_fn;
			n++;
		}
	}
	return n;
}

static int
intr_unregister(const struct rte_intr_handle *h, rte_intr_callback_fn cb, void *cb_arg,
		bool wait)
{
	struct intr_source *src;
	int ret;

	if (h == NULL || h->fd < 0)
		return -EINVAL;
	pthread_mutex_lock(&intr_lock);
	for (;;) {
		src = source_find(h->fd, NULL);
		if (src == NULL) {
			ret = -ENOENT;
			break;
		}
		if (!src->active) {
			ret = source_remove_callbacks(src, cb, cb_arg);
			break;
		}
		if (intr_is_self) {
			/* A callback cannot wait for itself to return. */
			ret = source_defer_callbacks(src, cb, cb_arg, NULL);
			break;
		}
		if (!wait) {
			ret = -EAGAIN;
			break;
		}
		pthread_cond_wait(&intr_idle, &intr_lock);
	}
	pthread_mutex_unlock(&intr_lock);
	return ret;
}

int
rte_intr_callback_unregister(const struct rte_intr_handle *h, rte_intr_callback_fn cb,
		void *cb_arg)
{
	return intr_unregister(h, cb, cb_arg, false);
}

int
rte_intr_callback_unregister_sync(const struct rte_intr_handle *h, rte_intr_callback_fn cb,
		void *cb_arg)
{
	return intr_unregister(h, cb, cb_arg, true);
}

int
rte_intr_callback_unregister_pending(const struct rte_intr_handle *h, rte_intr_callback_fn cb_fn,
		void *cb_arg, rte_intr_unregister_callback_fn ucb_fn)
{
	struct intr_source *src;
	int ret;

	if (h == NULL || h->fd < 0)
		return -EINVAL;
	pthread_mutex_lock(&intr_lock);
	src = source_find(h->fd, NULL);
	if (src == NULL)
		ret = -ENOENT;
	else if (!src->active)
		ret = -EAGAIN; /* only meaningful while the callbacks run */
	else
		ret = source_defer_callbacks(src, cb_fn, cb_arg, ucb_fn);
	pthread_mutex_unlock(&intr_lock);
	return ret;
}

/* Write a 32-bit value to a uio fd: 1 unmasks the device's interrupt, 0 masks it. */
static int
uio_irq_control(const struct rte_intr_handle *h, int32_t value)
{
	if (write(h->fd, &value, sizeof(value)) != (ssize_t)sizeof(value)) {
		int err = errno;

		EAL_LOG(ERR, "cannot %s uio interrupts on fd %d: %s\n",
			value ? "enable" : "disable", h->fd, strerror(err));
		return -(err != 0 ? err : EIO);
	}
	return 0;
}

/* uio_pci_generic has no irqcontrol: toggle INTx Disable in the PCI command register. */
static int
uio_intx_control(const struct rte_intr_handle *h, bool enable)
{
	uint8_t high;

	if (h->dev_fd < 0 || pread(h->dev_fd, &high, 1, PCI_COMMAND_HIGH) != 1) {
		EAL_LOG(ERR, "cannot read the PCI command register (config fd %d)\n", h->dev_fd);
		return -EIO;
	}
	if (enable)
		high &= (uint8_t)~PCI_COMMAND_INTX_DISABLE_HIGH;
	else
		high |= PCI_COMMAND_INTX_DISABLE_HIGH;
	if (pwrite(h->dev_fd, &high, 1, PCI_COMMAND_HIGH) != 1) {
		EAL_LOG(ERR, "cannot write the PCI command register (config fd %d)\n", h->dev_fd);
		return -EIO;
	}
	return 0;
}

/*
 * One VFIO_DEVICE_SET_IRQS call on the vfio device fd: with an eventfd, attach it as the trigger
 * of the first vector of irq index; without, mask/unmask it or (count 0) detach every trigger.
 */
static int
vfio_set_irqs(const struct rte_intr_handle *h, uint32_t index, uint32_t flags, uint32_t count)
{
	union {
		struct vfio_irq_set set;
		uint8_t bytes[sizeof(struct vfio_irq_set) + sizeof(int32_t)];
	} buf;
	int32_t efd = h->fd;

	memset(&buf, 0, sizeof(buf));
	buf.set.argsz = sizeof(struct vfio_irq_set);
	buf.set.flags = flags;
	buf.set.index = index;
	buf.set.start = 0;
	buf.set.count = count;
	if (flags & VFIO_IRQ_SET_DATA_EVENTFD) {
		buf.set.argsz += sizeof(efd);
		memcpy(buf.set.data, &efd, sizeof(efd));
	}
	if (ioctl(h->dev_fd, VFIO_DEVICE_SET_IRQS, &buf.set) < 0) {
		int err = errno;

		EAL_LOG(ERR, "vfio interrupt control (irq index %u) failed on device fd %d: %s\n",
			index, h->dev_fd, strerror(err));
		return -err;
	}
	return 0;
}

enum intr_op { INTR_ENABLE, INTR_DISABLE, INTR_ACK };

/*
 * VFIO: the handle's fd is the eventfd the kernel signals, dev_fd the vfio device. Only vector 0
 * is programmed (the device's own interrupt, e.g. link status); per-queue MSI-X vectors would
 * need a list of eventfds that this handle does not carry. INTx is masked by the kernel when it
 * fires, so ack unmasks it; MSI and MSI-X need no ack.
 */
static int
vfio_control(const struct rte_intr_handle *h, enum intr_op op)
{
	uint32_t index;
	int ret;

	if (h->dev_fd < 0)
		return -EINVAL;
	switch (h->type) {
	case RTE_INTR_HANDLE_VFIO_LEGACY:
		index = VFIO_PCI_INTX_IRQ_INDEX;
		break;
	case RTE_INTR_HANDLE_VFIO_MSI:
		index = VFIO_PCI_MSI_IRQ_INDEX;
		break;
	case RTE_INTR_HANDLE_VFIO_MSIX:
		index = VFIO_PCI_MSIX_IRQ_INDEX;
		break;
	default:
		index = VFIO_PCI_REQ_IRQ_INDEX;
		break;
	}
	switch (op) {
	case INTR_ENABLE:
		ret = vfio_set_irqs(h, index, VFIO_IRQ_SET_DATA_EVENTFD |
			VFIO_IRQ_SET_ACTION_TRIGGER, 1);
		if (ret == 0 && index == VFIO_PCI_INTX_IRQ_INDEX)
			ret = vfio_set_irqs(h, index, VFIO_IRQ_SET_DATA_NONE |
				VFIO_IRQ_SET_ACTION_UNMASK, 1);
		return ret;
	case INTR_DISABLE:
		if (index == VFIO_PCI_INTX_IRQ_INDEX) {
			ret = vfio_set_irqs(h, index, VFIO_IRQ_SET_DATA_NONE |
				VFIO_IRQ_SET_ACTION_MASK, 1);
			if (ret < 0)
				return ret;
		}
		return vfio_set_irqs(h, index, VFIO_IRQ_SET_DATA_NONE |
			VFIO_IRQ_SET_ACTION_TRIGGER, 0);
	default:
		if (index == VFIO_PCI_INTX_IRQ_INDEX)
			return vfio_set_irqs(h, index, VFIO_IRQ_SET_DATA_NONE |
				VFIO_IRQ_SET_ACTION_UNMASK, 1);
		if (index == VFIO_PCI_REQ_IRQ_INDEX)
			return -ENOTSUP;
		return 0;
	}
}

/*
 * enable, disable and ack share one dispatcher. vdev handles have nothing to switch (0); alarm,
 * external and device-event handles cannot be switched (-ENOTSUP).
 */
static int
intr_control(const struct rte_intr_handle *h, enum intr_op op)
{
	if (h == NULL)
		return -EINVAL;
	if (h->type == RTE_INTR_HANDLE_VDEV)
		return 0;
	if (h->fd < 0)
		return -EINVAL;
	switch (h->type) {
	case RTE_INTR_HANDLE_UIO:
		/* uio masks the interrupt when it fires: acking is enabling again. */
		return uio_irq_control(h, op == INTR_DISABLE ? 0 : 1);
	case RTE_INTR_HANDLE_UIO_INTX:
		return uio_intx_control(h, op != INTR_DISABLE);
	case RTE_INTR_HANDLE_VFIO_LEGACY:
	case RTE_INTR_HANDLE_VFIO_MSI:
	case RTE_INTR_HANDLE_VFIO_MSIX:
	case RTE_INTR_HANDLE_VFIO_REQ:
		return vfio_control(h, op);
	case RTE_INTR_HANDLE_ALARM:
	case RTE_INTR_HANDLE_DEV_EVENT:
	case RTE_INTR_HANDLE_EXT:
		return -ENOTSUP;
	default:
		EAL_LOG(ERR, "interrupt control: unknown handle type %d for fd %d\n",
			(int)h->type, h->fd);
		return -EINVAL;
	}
}

int
rte_intr_enable(const struct rte_intr_handle *h)
{
	return intr_control(h, INTR_ENABLE);
}

int
rte_intr_disable(const struct rte_intr_handle *h)
{
	return intr_control(h, INTR_DISABLE);
}

int
rte_intr_ack(const struct rte_intr_handle *h)
{
	return intr_control(h, INTR_ACK);
}

int
rte_thread_is_intr(void)
{
	return intr_is_self;
}

/* Bytes the thread reads to clear the fd before the callbacks; 0 leaves it to them. */
static size_t
intr_read_size(enum rte_intr_handle_type type)
{
	switch (type) {
	case RTE_INTR_HANDLE_UIO:
	case RTE_INTR_HANDLE_UIO_INTX:
		return sizeof(uint32_t);  /* interrupt count */
	case RTE_INTR_HANDLE_ALARM:
	case RTE_INTR_HANDLE_VFIO_LEGACY:
	case RTE_INTR_HANDLE_VFIO_MSI:
	case RTE_INTR_HANDLE_VFIO_MSIX:
	case RTE_INTR_HANDLE_VFIO_REQ:
		return sizeof(uint64_t);  /* timerfd / eventfd counter */
	default:
		return 0;                 /* ext, vdev, dev_event, unknown: the callback reads */
	}
}

static void
intr_dispatch(int fd, uint32_t events)
{
	struct intr_source *src;
	struct intr_callback *c, **pp;
	enum rte_intr_handle_type type;
	uint64_t buf;
	size_t len;
	bool call = true;

	pthread_mutex_lock(&intr_lock);
	src = source_find(fd, NULL);
	if (src == NULL || !src->in_epoll) {
		pthread_mutex_unlock(&intr_lock);
		return;
	}
	src->active = 1;
	type = src->type;
	pthread_mutex_unlock(&intr_lock);

	len = intr_read_size(type);
	if (len > 0) {
		ssize_t n = read(fd, &buf, len);

		if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
			call = false;
		} else if (n <= 0) {
			/* The device went away (uio answers EIO after removal): stop watching. */
			EAL_LOG(ERR, "interrupt fd %d: %s, no longer watched\n", fd,
				n == 0 ? "end of file" : strerror(errno));
			call = false;
			pthread_mutex_lock(&intr_lock);
			source_unwatch(src);
			pthread_mutex_unlock(&intr_lock);
		}
	} else if ((events & (EPOLLERR | EPOLLHUP)) && !(events & EPOLLIN)) {
		EAL_LOG(ERR, "interrupt fd %d hung up, no longer watched\n", fd);
		call = false;
		pthread_mutex_lock(&intr_lock);
		source_unwatch(src);
		pthread_mutex_unlock(&intr_lock);
	}

	pthread_mutex_lock(&intr_lock);
	/* Callbacks stay allocated while active; ones added meanwhile are called too. */
	for (c = src->callbacks; call && c != NULL; c = c->next) {
		rte_intr_callback_fn fn = c->fn;
		void *arg = c->arg;

		if (c->pending_delete)
			continue;
		pthread_mutex_unlock(&intr_lock);
		fn(arg);
		pthread_mutex_lock(&intr_lock);
	}
	src->active = 0;
	pp = &src->callbacks;
	while ((c = *pp) != NULL) {
		if (c->pending_delete) {
			*pp = c->next;
			if (c->ucb_fn != NULL)
				c->ucb_fn(&src->handle, c->arg);
			free(c);
		} else {
			pp = &c->next;
		}
	}
	source_drop_if_empty(src);
	pthread_cond_broadcast(&intr_idle);
	pthread_mutex_unlock(&intr_lock);
}

static void *
intr_thread_main(void *arg)
{
	struct epoll_event events[INTR_MAX_EVENTS];
	int i, n;

	RTE_SET_USED(arg);
	intr_is_self = 1;
	/* Named from inside: for the calling thread this is one prctl, not a /proc write. */
	pthread_setname_np(pthread_self(), "eal-intr-thread");
	for (;;) {
		n = epoll_wait(intr_epfd, events, INTR_MAX_EVENTS, -1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			EAL_LOG(ERR, "interrupt thread: epoll_wait failed: %s\n", strerror(errno));
			break;
		}
		for (i = 0; i < n; i++) {
			if (events[i].data.fd == intr_stopfd)
				return NULL;
			intr_dispatch(events[i].data.fd, events[i].events);
		}
	}
	return NULL;
}

static void
intr_close_fds(void)
{
	if (intr_epfd >= 0)
		close(intr_epfd);
	if (intr_stopfd >= 0)
		close(intr_stopfd);
	intr_epfd = -1;
	intr_stopfd = -1;
}

int
rte_eal_intr_init(void)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct intr_source *src;
	int ret;

	if (intr_thread_running)
		return 0;
	intr_epfd = epoll_create1(EPOLL_CLOEXEC);
	intr_stopfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	ev.data.fd = intr_stopfd;
	if (intr_epfd < 0 || intr_stopfd < 0 ||
			epoll_ctl(intr_epfd, EPOLL_CTL_ADD, intr_stopfd, &ev) < 0) {
		ret = errno;
		EAL_LOG(ERR, "cannot set up the interrupt thread's epoll: %s\n", strerror(ret));
		intr_close_fds();
		rte_errno = ret;
		return -1;
	}
	/* Callbacks registered before EAL came up are watched from now on. */
	pthread_mutex_lock(&intr_lock);
	for (src = intr_sources; src != NULL; src = src->next)
		source_watch(src);
	pthread_mutex_unlock(&intr_lock);

	ret = pthread_create(&intr_thread, NULL, intr_thread_main, NULL);
	if (ret != 0) {
		EAL_LOG(ERR, "cannot create the interrupt thread: %s\n", strerror(ret));
		intr_close_fds();
		rte_errno = ret;
		return -1;
	}
	intr_thread_running = 1;
	return 0;
}

/* Stop the thread and forget every source: rte_eal_cleanup releases what EAL holds. */
void
rte_eal_intr_cleanup(void)
{
	struct intr_source *src;
	struct intr_callback *c;
	uint64_t one = 1;

	if (intr_thread_running) {
		if (write(intr_stopfd, &one, sizeof(one)) != sizeof(one))
			EAL_LOG(ERR, "cannot wake the interrupt thread: %s\n", strerror(errno));
		pthread_join(intr_thread, NULL);
		intr_thread_running = 0;
	}
	pthread_mutex_lock(&intr_lock);
	while ((src = intr_sources) != NULL) {
		intr_sources = src->next;
		while ((c = src->callbacks) != NULL) {
			src->callbacks = c->next;
			free(c);
		}
		free(src);
	}
	intr_close_fds();
	pthread_mutex_unlock(&intr_lock);
}
