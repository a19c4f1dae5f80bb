/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 *
 * Device register access (memory-mapped I/O). The plain forms order the access after earlier
 * stores to memory a device may read (descriptors), and before later loads; the _relaxed forms
 * only guarantee the access itself happens, once, with the given width.
 */
#ifndef _RTE_IO_H_
#define _RTE_IO_H_

#include <stdint.h>
#include <rte_common.h>
#include <rte_atomic.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Read 8 bits at addr, without ordering. */
static __rte_always_inline uint8_t
rte_read8_relaxed(const volatile void *addr)
{
	return *(const volatile uint8_t *)addr;
}

/** Read 16 bits at addr, without ordering. */
static __rte_always_inline uint16_t
rte_read16_relaxed(const volatile void *addr)
{
	return *(const volatile uint16_t *)addr;
}

/** Read 32 bits at addr, without ordering. */
static __rte_always_inline uint32_t
rte_read32_relaxed(const volatile void *addr)
{
	return *(const volatile uint32_t *)addr;
}

/** Read 64 bits at addr, without ordering. */
static __rte_always_inline uint64_t
rte_read64_relaxed(const volatile void *addr)
{
	return *(const volatile uint64_t *)addr;
}

/** Write 8-bit value at addr, without ordering. */
static __rte_always_inline void
rte_write8_relaxed(uint8_t value, volatile void *addr)
{
	*(volatile uint8_t *)addr = value;
}

/** Write 16-bit value at addr, without ordering. */
static __rte_always_inline void
rte_write16_relaxed(uint16_t value, volatile void *addr)
{
	*(volatile uint16_t *)addr = value;
}

/** Write 32-bit value at addr, without ordering. */
static __rte_always_inline void
rte_write32_relaxed(uint32_t value, volatile void *addr)
{
	*(volatile uint32_t *)addr = value;
}

/** Write 64-bit value at addr, without ordering. */
static __rte_always_inline void
rte_write64_relaxed(uint64_t value, volatile void *addr)
{
	*(volatile uint64_t *)addr = value;
}

/** Read 8 bits at addr; later loads happen after it. */
static __rte_always_inline uint8_t
rte_read8(const volatile void *addr)
{
	uint8_t v = rte_read8_relaxed(addr);

	rte_io_rmb();
	return v;
}

/** Read 16 bits at addr; later loads happen after it. */
static __rte_always_inline uint16_t
rte_read16(const volatile void *addr)
{
	uint16_t v = rte_read16_relaxed(addr);

	rte_io_rmb();
	return v;
}

/** Read 32 bits at addr; later loads happen after it. */
static __rte_always_inline uint32_t
rte_read32(const volatile void *addr)
{
	uint32_t v = rte_read32_relaxed(addr);

	rte_io_rmb();
	return v;
}

/** Read 64 bits at addr; later loads happen after it. */
static __rte_always_inline uint64_t
rte_read64(const volatile void *addr)
{
	uint64_t v = rte_read64_relaxed(addr);

	rte_io_rmb();
	return v;
}

/** Write 8-bit value at addr after every earlier store is visible. */
static __rte_always_inline void
rte_write8(uint8_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write8_relaxed(value, addr);
}

/** Write 16-bit value at addr after every earlier store is visible. */
static __rte_always_inline void
rte_write16(uint16_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write16_relaxed(value, addr);
}

/** Write 32-bit value at addr after every earlier store is visible. */
static __rte_always_inline void
rte_write32(uint32_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write32_relaxed(value, addr);
}

/** Write 64-bit value at addr after every earlier store is visible. */
static __rte_always_inline void
rte_write64(uint64_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write64_relaxed(value, addr);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_IO_H_ */
