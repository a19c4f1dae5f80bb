/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The memory layout as the rest of the world sees it: walks over mapped pages (what a DMA layer
 * such as VFIO maps), address translation, and the callbacks told about every mapping change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memory.h>
#include <rte_string_fns.h>

#include "eal_private.h"
#include "eal_memalloc.h"

struct eal_mem_event_cb {
	TAILQ_ENTRY(eal_mem_event_cb) next;
	char name[RTE_MEM_EVENT_CALLBACK_NAME_LEN];
	rte_mem_event_callback_t fn;
	void *arg;
};

static TAILQ_HEAD(, eal_mem_event_cb) mem_event_cbs = TAILQ_HEAD_INITIALIZER(mem_event_cbs);
static pthread_rwlock_t mem_event_lock = PTHREAD_RWLOCK_INITIALIZER;

struct eal_mem_validator {
	TAILQ_ENTRY(eal_mem_validator) next;
	char name[RTE_MEM_ALLOC_VALIDATOR_NAME_LEN];
	rte_mem_alloc_validator_t fn;
	int socket;
	size_t limit;
};

static TAILQ_HEAD(, eal_mem_validator) validators = TAILQ_HEAD_INITIALIZER(validators);
static pthread_rwlock_t validator_lock = PTHREAD_RWLOCK_INITIALIZER;

struct eal_memseg_list *
eal_msl_of(const void *addr)
{
	unsigned int i;

	for (i = 0; i < eal_mem.n_msl; i++) {
		struct eal_memseg_list *msl = &eal_mem.msl[i];
		uintptr_t base = (uintptr_t)msl->pub.base_va;

		if ((uintptr_t)addr >= base && (uintptr_t)addr < base + msl->pub.len)
			return msl;
	}
	return NULL;
}

bool
eal_mem_iova_contig(const void *addr, size_t len)
{
	struct eal_memseg_list *msl = eal_msl_of(addr);
	uintptr_t cur, end = (uintptr_t)addr + len;
	rte_iova_t expect;

	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return true;
	if (msl == NULL || len == 0)
		return false;
	cur = RTE_ALIGN_FLOOR((uintptr_t)addr, msl->pub.page_sz);
	expect = eal_msl_seg(msl, (void *)cur)->iova;
	for (; cur < end; cur += msl->pub.page_sz) {
		const struct rte_memseg *ms = eal_msl_seg(msl, (void *)cur);

		if (ms->len == 0 || ms->iova == RTE_BAD_IOVA || ms->iova != expect)
			return false;
		expect += msl->pub.page_sz;
	}
	return true;
}

int
rte_memseg_list_walk_thread_unsafe(rte_memseg_list_walk_t func, void *arg)
{
	unsigned int i;
	int ret;

	for (i = 0; i < eal_mem.n_msl; i++) {
		if (eal_mem.msl[i].pub.base_va == NULL)
			continue;
		ret = func(&eal_mem.msl[i].pub, arg);
		if (ret != 0)
			return ret;
	}
	return 0;
}

int
rte_memseg_walk_thread_unsafe(rte_memseg_walk_t func, void *arg)
{
	unsigned int i, s;
	int ret;

	for (i = 0; i < eal_mem.n_msl; i++) {
		const struct eal_memseg_list *msl = &eal_mem.msl[i];

		for (s = 0; s < msl->n_slots && msl->n_mapped > 0; s++) {
			if (msl->used[s / 64] == 0 && s % 64 == 0) {
				s += 63;
				continue;
			}
			if (msl->segs[s].len == 0)
				continue;
			ret = func(&msl->pub, &msl->segs[s], arg);
			if (ret != 0)
				return ret;
		}
	}
	return 0;
}

int
rte_memseg_contig_walk_thread_unsafe(rte_memseg_contig_walk_t func, void *arg)
{
	unsigned int i, s, e;
	int ret;

	for (i = 0; i < eal_mem.n_msl; i++) {
		const struct eal_memseg_list *msl = &eal_mem.msl[i];
		bool pa = rte_eal_iova_mode() == RTE_IOVA_PA;

		for (s = 0; s < msl->n_slots && msl->n_mapped > 0; s = e) {
			if (msl->used[s / 64] == 0 && s % 64 == 0) {
				e = s + 64;
				continue;
			}
			e = s + 1;
			if (msl->segs[s].len == 0)
				continue;
			/* Extend while the next page is mapped and, in PA mode, adjacent. */
			while (e < msl->n_slots && msl->segs[e].len != 0 &&
					(!pa || msl->segs[e].iova == msl->segs[e - 1].iova +
						msl->pub.page_sz))
				e++;
			ret = func(&msl->pub, &msl->segs[s], (size_t)(e - s) * msl->pub.page_sz,
				arg);
			if (ret != 0)
				return ret;
		}
	}
	return 0;
}

int
rte_memseg_walk(rte_memseg_walk_t func, void *arg)
{
	int ret;

	pthread_rwlock_rdlock(&eal_mem.lock);
	ret = rte_memseg_walk_thread_unsafe(func, arg);
	pthread_rwlock_unlock(&eal_mem.lock);
	return ret;
}

int
rte_memseg_contig_walk(rte_memseg_contig_walk_t func, void *arg)
{
	int ret;

	pthread_rwlock_rdlock(&eal_mem.lock);
	ret = rte_memseg_contig_walk_thread_unsafe(func, arg);
	pthread_rwlock_unlock(&eal_mem.lock);
	return ret;
}

int
rte_memseg_list_walk(rte_memseg_list_walk_t func, void *arg)
{
	int ret;

	pthread_rwlock_rdlock(&eal_mem.lock);
	ret = rte_memseg_list_walk_thread_unsafe(func, arg);
	pthread_rwlock_unlock(&eal_mem.lock);
	return ret;
}

struct rte_memseg_list *
rte_mem_virt2memseg_list(const void *addr)
{
	struct eal_memseg_list *msl;

	pthread_rwlock_rdlock(&eal_mem.lock);
	msl = eal_msl_of(addr);
	pthread_rwlock_unlock(&eal_mem.lock);
	return msl != NULL ? &msl->pub : NULL;
}

struct rte_memseg *
rte_mem_virt2memseg(const void *addr, const struct rte_memseg_list *pub)
{
	struct eal_memseg_list *msl;
	struct rte_memseg *ms = NULL;

	pthread_rwlock_rdlock(&eal_mem.lock);
	msl = pub != NULL ? (struct eal_memseg_list *)((uintptr_t)pub -
		offsetof(struct eal_memseg_list, pub)) : eal_msl_of(addr);
	if (msl != NULL && (uintptr_t)addr >= (uintptr_t)msl->pub.base_va &&
			(uintptr_t)addr < (uintptr_t)msl->pub.base_va + msl->pub.len) {
		ms = eal_msl_seg(msl, addr);
		if (ms->len == 0)
			ms = NULL;
	}
	pthread_rwlock_unlock(&eal_mem.lock);
	return ms;
}

rte_iova_t
rte_mem_virt2iova(const void *addr)
{
	struct eal_memseg_list *msl;
	rte_iova_t iova = RTE_BAD_IOVA;

	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return (uintptr_t)addr;
	pthread_rwlock_rdlock(&eal_mem.lock);
	msl = eal_msl_of(addr);
	if (msl != NULL) {
		const struct rte_memseg *ms = eal_msl_seg(msl, addr);

		if (ms->len != 0 && ms->iova != RTE_BAD_IOVA)
			iova = ms->iova + ((uintptr_t)addr - (uintptr_t)ms->addr);
	}
	pthread_rwlock_unlock(&eal_mem.lock);
	/* Memory outside the hugepages (or --no-huge pages faulted in since): ask the kernel. */
	if (iova == RTE_BAD_IOVA)
		iova = rte_mem_virt2phy(addr);
	return iova;
}

void *
rte_mem_iova2virt(rte_iova_t iova)
{
	unsigned int i, s;
	void *va = NULL;

	pthread_rwlock_rdlock(&eal_mem.lock);
	for (i = 0; i < eal_mem.n_msl && va == NULL; i++) {
		const struct eal_memseg_list *msl = &eal_mem.msl[i];

		for (s = 0; s < msl->n_slots && msl->n_mapped > 0; s++) {
			const struct rte_memseg *ms = &msl->segs[s];

			if (ms->len != 0 && ms->iova != RTE_BAD_IOVA && iova >= ms->iova &&
					iova < ms->iova + ms->len) {
				va = RTE_PTR_ADD(ms->addr, iova - ms->iova);
				break;
			}
		}
	}
	pthread_rwlock_unlock(&eal_mem.lock);
	return va;
}

uint64_t
rte_eal_get_physmem_size(void)
{
	uint64_t total = 0;
	unsigned int i;

	pthread_rwlock_rdlock(&eal_mem.lock);
	for (i = 0; i < eal_mem.n_msl; i++)
		total += (uint64_t)eal_mem.msl[i].n_mapped * eal_mem.msl[i].pub.page_sz;
	pthread_rwlock_unlock(&eal_mem.lock);
	return total;
}

static int
dump_run(const struct rte_memseg_list *msl, const struct rte_memseg *ms, size_t len, void *arg)
{
	fprintf(arg, "  segment: va=%p len=0x%zx iova=0x%" PRIx64 " page_sz=%" PRIu64
		" kB socket_id=%d\n", ms->addr, len, ms->iova, msl->page_sz >> 10, msl->socket_id);
	return 0;
}

void
rte_dump_physmem_layout(FILE *f)
{
	unsigned int i;

	pthread_rwlock_rdlock(&eal_mem.lock);
	for (i = 0; i < eal_mem.n_msl; i++) {
		const struct eal_memseg_list *msl = &eal_mem.msl[i];

		if (msl->pub.base_va == NULL)
			continue;
		fprintf(f, "memseg list %u: socket_id=%d page_sz=%" PRIu64
			" kB va=%p len=0x%zx mapped=%u pages%s\n", i, msl->pub.socket_id,
			msl->pub.page_sz >> 10, msl->pub.base_va, msl->pub.len, msl->n_mapped,
			msl->pub.external ? " external" : "");
	}
	rte_memseg_contig_walk_thread_unsafe(dump_run, f);
	pthread_rwlock_unlock(&eal_mem.lock);
}

static int
check_dma_seg(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	uint8_t bits = *(uint8_t *)arg;

	RTE_SET_USED(msl);
	if (ms->iova == RTE_BAD_IOVA || ((ms->iova + ms->len - 1) >> bits) == 0)
		return 0;
	EAL_LOG(ERR, "memory at IOVA 0x%" PRIx64 " is beyond a %u-bit DMA mask\n", ms->iova,
		bits);
	return -1;
}

int
rte_mem_check_dma_mask_thread_unsafe(uint8_t maskbits)
{
	if (maskbits == 0 || maskbits > 63) {
		EAL_LOG(ERR, "invalid DMA mask width %u (1 to 63 bits)\n", maskbits);
		return -1;
	}
	if (rte_memseg_walk_thread_unsafe(check_dma_seg, &maskbits) != 0)
		return -1;
	/* The narrowest mask asked for so far also applies to pages mapped from now on. */
	if (eal_mem.dma_maskbits == 0 || maskbits < eal_mem.dma_maskbits)
		eal_mem.dma_maskbits = maskbits;
	return 0;
}

int
rte_mem_check_dma_mask(uint8_t maskbits)
{
	int ret;

	pthread_rwlock_wrlock(&eal_mem.lock);
	ret = rte_mem_check_dma_mask_thread_unsafe(maskbits);
	pthread_rwlock_unlock(&eal_mem.lock);
	return ret;
}

void
rte_mem_set_dma_mask(uint8_t maskbits)
{
	pthread_rwlock_wrlock(&eal_mem.lock);
	if (maskbits != 0 && maskbits <= 63 &&
			(eal_mem.dma_maskbits == 0 || maskbits < eal_mem.dma_maskbits))
		eal_mem.dma_maskbits = maskbits;
	pthread_rwlock_unlock(&eal_mem.lock);
}

unsigned int
rte_memory_get_nchannel(void)
{
	return eal_get_internal_configuration()->force_nchannel;
}

unsigned int
rte_memory_get_nrank(void)
{
	return eal_get_internal_configuration()->force_nrank;
}

int
rte_mem_lock_page(const void *virt)
{
	uintptr_t page = RTE_ALIGN_FLOOR((uintptr_t)virt, (uintptr_t)RTE_PGSIZE_4K);

	return mlock((void *)page, RTE_PGSIZE_4K);
}

void
eal_mem_event_notify(enum rte_mem_event ev, const void *addr, size_t len)
{
	struct eal_mem_event_cb *cb;

	pthread_rwlock_rdlock(&mem_event_lock);
	TAILQ_FOREACH(cb, &mem_event_cbs, next)
		cb->fn(ev, addr, len, cb->arg);
	pthread_rwlock_unlock(&mem_event_lock);
}

void
eal_mem_event_clear(void)
{
	struct eal_mem_event_cb *cb;

	pthread_rwlock_wrlock(&mem_event_lock);
	while ((cb = TAILQ_FIRST(&mem_event_cbs)) != NULL) {
		TAILQ_REMOVE(&mem_event_cbs, cb, next);
		free(cb);
	}
	pthread_rwlock_unlock(&mem_event_lock);
}

static struct eal_mem_event_cb *
find_cb(const char *name, void *arg)
{
	struct eal_mem_event_cb *cb;

	TAILQ_FOREACH(cb, &mem_event_cbs, next)
		if (strcmp(cb->name, name) == 0 && cb->arg == arg)
			return cb;
	return NULL;
}

int
rte_mem_event_callback_register(const char *name, rte_mem_event_callback_t clb, void *arg)
{
	struct eal_mem_event_cb *cb;

	if (name == NULL || clb == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	if (strnlen(name, RTE_MEM_EVENT_CALLBACK_NAME_LEN) == RTE_MEM_EVENT_CALLBACK_NAME_LEN) {
		EAL_LOG(ERR, "memory event callback name too long: %.16s...\n", name);
		rte_errno = ENAMETOOLONG;
		return -1;
	}
	pthread_rwlock_wrlock(&mem_event_lock);
	if (find_cb(name, arg) != NULL) {
		pthread_rwlock_unlock(&mem_event_lock);
		EAL_LOG(ERR, "memory event callback %s already registered\n", name);
		rte_errno = EEXIST;
		return -1;
	}
	cb = calloc(1, sizeof(*cb));
	if (cb == NULL) {
		pthread_rwlock_unlock(&mem_event_lock);
		rte_errno = ENOMEM;
		return -1;
	}
	rte_strlcpy(cb->name, name, sizeof(cb->name));
	cb->fn = clb;
	cb->arg = arg;
	TAILQ_INSERT_TAIL(&mem_event_cbs, cb, next);
	pthread_rwlock_unlock(&mem_event_lock);
	return 0;
}

int
rte_mem_event_callback_unregister(const char *name, void *arg)
{
	struct eal_mem_event_cb *cb;

	if (name == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_rwlock_wrlock(&mem_event_lock);
	cb = find_cb(name, arg);
	if (cb != NULL)
		TAILQ_REMOVE(&mem_event_cbs, cb, next);
	pthread_rwlock_unlock(&mem_event_lock);
	if (cb == NULL) {
		EAL_LOG(ERR, "memory event callback %s is not registered\n", name);
		rte_errno = ENOENT;
		return -1;
	}
	free(cb);
	return 0;
}

/* The list whose memseg array holds ms, or NULL; eal_mem.lock held. */
static struct eal_memseg_list *
msl_of_seg(const struct rte_memseg *ms)
{
	unsigned int i;

	for (i = 0; i < eal_mem.n_msl; i++) {
		struct eal_memseg_list *msl = &eal_mem.msl[i];

		if (msl->segs != NULL && (uintptr_t)ms >= (uintptr_t)msl->segs &&
				(uintptr_t)ms < (uintptr_t)(msl->segs + msl->n_slots) &&
				((uintptr_t)ms - (uintptr_t)msl->segs) % sizeof(*ms) == 0)
			return msl;
	}
	return NULL;
}

/* The file behind ms and its offset there; -1 with rte_errno as rte_memseg_get_fd documents. */
static int
seg_fd(const struct rte_memseg *ms, size_t *offset)
{
	const struct eal_memseg_list *msl;
	unsigned int slot;
	int fd;

	msl = ms != NULL ? msl_of_seg(ms) : NULL;
	if (msl == NULL) {
		EAL_LOG(ERR, "%p is not a memseg of EAL\n", (const void *)ms);
		rte_errno = EINVAL;
		return -1;
	}
	if (ms->len == 0) {
		rte_errno = ENOENT;
		return -1;
	}
	/* As DPDK: --no-huge, --in-memory and the application's own memory give no file. */
	if (msl->pub.external || msl->hp_idx < 0 || !eal_mem.use_files) {
		rte_errno = ENOTSUP;
		return -1;
	}
	fd = eal_memalloc_list_fd(msl);
	if (fd < 0) {
		rte_errno = ENODEV;
		return -1;
	}
	slot = (unsigned int)(ms - msl->segs);
	if (offset != NULL)
		*offset = (size_t)slot * msl->pub.page_sz;
	return fd;
}

int
rte_memseg_get_fd_thread_unsafe(const struct rte_memseg *ms)
{
	return seg_fd(ms, NULL);
}

int
rte_memseg_get_fd(const struct rte_memseg *ms)
{
	int ret;

	pthread_rwlock_rdlock(&eal_mem.lock);
	ret = seg_fd(ms, NULL);
	pthread_rwlock_unlock(&eal_mem.lock);
	return ret;
}

int
rte_memseg_get_fd_offset_thread_unsafe(const struct rte_memseg *ms, size_t *offset)
{
	if (offset == NULL) {
		EAL_LOG(ERR, "rte_memseg_get_fd_offset: no place for the offset\n");
		rte_errno = EINVAL;
		return -1;
	}
	return seg_fd(ms, offset) < 0 ? -1 : 0;
}

int
rte_memseg_get_fd_offset(const struct rte_memseg *ms, size_t *offset)
{
	int ret;

	pthread_rwlock_rdlock(&eal_mem.lock);
	ret = rte_memseg_get_fd_offset_thread_unsafe(ms, offset);
	pthread_rwlock_unlock(&eal_mem.lock);
	return ret;
}

/* Name checks shared by register and unregister: 0, or -1 with rte_errno. */
static int
validator_name_ok(const char *name, int socket_id)
{
	size_t len;

	if (name == NULL || socket_id < 0) {
		EAL_LOG(ERR, "allocation validator: name %s, socket %d\n",
			name == NULL ? "missing" : name, socket_id);
		rte_errno = EINVAL;
		return -1;
	}
	len = strnlen(name, RTE_MEM_ALLOC_VALIDATOR_NAME_LEN);
	if (len == 0) {
		EAL_LOG(ERR, "allocation validator: empty name\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (len == RTE_MEM_ALLOC_VALIDATOR_NAME_LEN) {
		EAL_LOG(ERR, "allocation validator name too long: %.16s...\n", name);
		rte_errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

static struct eal_mem_validator *
find_validator(const char *name, int socket)
{
	struct eal_mem_validator *v;

	TAILQ_FOREACH(v, &validators, next)
		if (v->socket == socket && strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

int
rte_mem_alloc_validator_register(const char *name, rte_mem_alloc_validator_t clb,
		int socket_id, size_t limit)
{
	struct eal_mem_validator *v;

	if (validator_name_ok(name, socket_id) < 0)
		return -1;
	if (clb == NULL) {
		EAL_LOG(ERR, "allocation validator %s: no function\n", name);
		rte_errno = EINVAL;
		return -1;
	}
	pthread_rwlock_wrlock(&validator_lock);
	if (find_validator(name, socket_id) != NULL) {
		pthread_rwlock_unlock(&validator_lock);
		EAL_LOG(ERR, "allocation validator %s already registered for socket %d\n", name,
			socket_id);
		rte_errno = EEXIST;
		return -1;
	}
	v = calloc(1, sizeof(*v));
	if (v == NULL) {
		pthread_rwlock_unlock(&validator_lock);
		rte_errno = ENOMEM;
		return -1;
	}
	rte_strlcpy(v->name, name, sizeof(v->name));
	v->fn = clb;
	v->socket = socket_id;
	v->limit = limit;
	TAILQ_INSERT_TAIL(&validators, v, next);
	pthread_rwlock_unlock(&validator_lock);
	return 0;
}

int
rte_mem_alloc_validator_unregister(const char *name, int socket_id)
{
	struct eal_mem_validator *v;

	if (validator_name_ok(name, socket_id) < 0)
		return -1;
	pthread_rwlock_wrlock(&validator_lock);
	v = find_validator(name, socket_id);
	if (v != NULL)
		TAILQ_REMOVE(&validators, v, next);
	pthread_rwlock_unlock(&validator_lock);
	if (v == NULL) {
		EAL_LOG(ERR, "allocation validator %s is not registered for socket %d\n", name,
			socket_id);
		rte_errno = ENOENT;
		return -1;
	}
	free(v);
	return 0;
}

int
eal_mem_alloc_validate(int socket, size_t new_len)
{
	struct eal_mem_validator *v;
	int ret = 0;

	pthread_rwlock_rdlock(&validator_lock);
	/* Every validator concerned is told, even after one has refused. */
	TAILQ_FOREACH(v, &validators, next)
		if (v->socket == socket && new_len >= v->limit &&
				v->fn(socket, v->limit, new_len) < 0)
			ret = -1;
	pthread_rwlock_unlock(&validator_lock);
	if (ret < 0)
		EAL_LOG(DEBUG, "a validator refused to grow socket %d's heap to %zu bytes\n",
			socket, new_len);
	return ret;
}

void
eal_mem_validators_clear(void)
{
	struct eal_mem_validator *v;

	pthread_rwlock_wrlock(&validator_lock);
	while ((v = TAILQ_FIRST(&validators)) != NULL) {
		TAILQ_REMOVE(&validators, v, next);
		free(v);
	}
	pthread_rwlock_unlock(&validator_lock);
}
