/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The shared configuration region: the state every process of a --file-prefix sees (memory
 * lists and their pages, memzones, tailq heads, heaps and the locks over them). The primary
 * keeps it in a memfd mapped at an address every secondary maps it at too, so the pointers
 * inside stay valid in all of them, and writes the header to the runtime directory's "config"
 * file, where secondaries learn where the region is and which descriptor of the primary holds
 * it. With --in-memory or --no-shconf the region is private memory and no secondary can join.
 *
 * The region is a bump allocator: the primary carves each part out once at start-up (the file
 * is sparse, so untouched tables cost nothing) and records where it is in the header.
 */
#ifndef _EAL_SHARED_H_
#define _EAL_SHARED_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>
#include <sys/types.h>

#define EAL_SHARED_MAGIC 0x31676663534d5452ULL  /* "RTMScfg1" */
/* Room for the fixed tables (memzones, heaps, tailqs, locks); the memory lists come on top. */
#define EAL_SHARED_FIXED_SIZE ((size_t)8 << 20)

/* The parts of the region, found by secondaries through the header. */
enum eal_shared_part {
	EAL_SHARED_MEM,
	EAL_SHARED_MEMZONE,
	EAL_SHARED_HEAP,
	EAL_SHARED_TAILQ,
	EAL_SHARED_LOCKS,
	EAL_SHARED_PARTS
};

struct eal_shared_hdr {
	uint64_t magic;
	uint64_t layout;                /* sizes of the shared structures, see eal_shared_layout */
	char version[64];               /* rte_version() of the primary */
	void *base;                     /* where every process maps the region */
	size_t size;
	size_t used;                    /* bump allocator, primary only */
	pid_t primary_pid;
	int region_fd;                  /* the primary's descriptor of the region's memfd */
	uint32_t iova_mode;
	uint32_t ready;                 /* 1 once the primary's rte_eal_init has finished */
	uint32_t n_secondaries;         /* attached secondaries, for information */
	void *parts[EAL_SHARED_PARTS];
};

/* Create the region of size bytes on top of the fixed tables (primary). 0 or -1 + rte_errno. */
int eal_shared_create(size_t size);
/* Map the primary's region (secondary). 0 or -1 + rte_errno, with one log line. */
int eal_shared_attach(void);
/* Unmap it (and, in the primary, empty the file). */
void eal_shared_release(void);
/* The header, or NULL before create/attach. */
struct eal_shared_hdr *eal_shared(void);
/* Zeroed, cache-aligned room in the region (primary, during start-up); NULL when full. */
void *eal_shared_alloc(size_t size);
/* A part's place, recorded by the primary and looked up by secondaries. */
void eal_shared_set(enum eal_shared_part part, void *p);
void *eal_shared_get(enum eal_shared_part part);
/* Is this process a secondary attached to a primary's region? */
bool eal_is_secondary(void);
/* The primary has finished its start-up (called at the end of its rte_eal_init). */
void eal_shared_ready(void);

/*
 * Locks that work across the processes mapping the region. The mutexes are robust: when a
 * process dies holding one, the next process to lock it is told (EOWNERDEAD) and
 * eal_shared_mutex_lock takes it over with a warning naming the lock, instead of every other
 * process waiting forever.
 */
void eal_shared_mutex_init(pthread_mutex_t *m);
void eal_shared_mutex_lock(pthread_mutex_t *m, const char *what);
void eal_shared_rwlock_init(pthread_rwlock_t *l);

#endif /* _EAL_SHARED_H_ */
