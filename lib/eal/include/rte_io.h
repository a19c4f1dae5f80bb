/* SPDX-License-Identifier: BSD-3-Clause */
/*
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

static __rte_always_inline uint8_t
rte_read8_relaxed(const volatile void *addr)
{
	return *(const volatile uint8_t *)addr;
}

static __rte_always_inline uint16_t
rte_read16_relaxed(const volatile void *addr)
{
	return *(const volatile uint16_t *)addr;
}

static __rte_always_inline uint32_t
rte_read32_relaxed(const volatile void *addr)
{
	return *(const volatile uint32_t *)addr;
}

static __rte_always_inline uint64_t
rte_read64_relaxed(const volatile void *addr)
{
	return *(const volatile uint64_t *)addr;
}

static __rte_always_inline void
rte_write8_relaxed(uint8_t value, volatile void *addr)
{
	*(volatile uint8_t *)addr = value;
}

static __rte_always_inline void
rte_write16_relaxed(uint16_t value, volatile void *addr)
{
	*(volatile uint16_t *)addr = value;
}

static __rte_always_inline void
rte_write32_relaxed(uint32_t value, volatile void *addr)
{
	*(volatile uint32_t *)addr = value;
}

static __rte_always_inline void
rte_write64_relaxed(uint64_t value, volatile void *addr)
{
	*(volatile uint64_t *)addr = value;
}

static __rte_always_inline uint8_t
rte_read8(const volatile void *addr)
{
	uint8_t v = rte_read8_relaxed(addr);

	rte_io_rmb();
	return v;
}

static __rte_always_inline uint16_t
rte_read16(const volatile void *addr)
{
	uint16_t v = rte_read16_relaxed(addr);

	rte_io_rmb();
	return v;
}

static __rte_always_inline uint32_t
rte_read32(const volatile void *addr)
{
	uint32_t v = rte_read32_relaxed(addr);

	rte_io_rmb();
	return v;
}

static __rte_always_inline uint64_t
rte_read64(const volatile void *addr)
{
	uint64_t v = rte_read64_relaxed(addr);

	rte_io_rmb();
	return v;
}

static __rte_always_inline void
rte_write8(uint8_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write8_relaxed(value, addr);
}

static __rte_always_inline void
rte_write16(uint16_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write16_relaxed(value, addr);
}

static __rte_always_inline void
rte_write32(uint32_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write32_relaxed(value, addr);
}

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
