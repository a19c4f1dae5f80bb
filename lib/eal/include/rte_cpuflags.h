/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * CPU features of the machine, read with CPUID: whether one is present, its name, and whether
 * the CPU has every feature this build was compiled for.
 */
#ifndef _RTE_CPUFLAGS_H_
#define _RTE_CPUFLAGS_H_

#include <stdint.h>
#include <errno.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** x86 CPU features, numbered as DPDK numbers them. */
enum rte_cpu_flag_t {
	RTE_CPUFLAG_SSE3 = 0, /**< SSE3 */
	RTE_CPUFLAG_PCLMULQDQ, /**< PCLMULQDQ */
	RTE_CPUFLAG_DTES64, /**< DTES64 */
	RTE_CPUFLAG_MONITOR, /**< MONITOR */
	RTE_CPUFLAG_DS_CPL, /**< DS_CPL */
	RTE_CPUFLAG_VMX, /**< VMX */
	RTE_CPUFLAG_SMX, /**< SMX */
	RTE_CPUFLAG_EIST, /**< EIST */
	RTE_CPUFLAG_TM2, /**< TM2 */
	RTE_CPUFLAG_SSSE3, /**< SSSE3 */
	RTE_CPUFLAG_CNXT_ID, /**< CNXT_ID */
	RTE_CPUFLAG_FMA, /**< FMA */
	RTE_CPUFLAG_CMPXCHG16B, /**< CMPXCHG16B */
	RTE_CPUFLAG_XTPR, /**< XTPR */
	RTE_CPUFLAG_PDCM, /**< PDCM */
	RTE_CPUFLAG_PCID, /**< PCID */
	RTE_CPUFLAG_DCA, /**< DCA */
	RTE_CPUFLAG_SSE4_1, /**< SSE4_1 */
	RTE_CPUFLAG_SSE4_2, /**< SSE4_2 */
	RTE_CPUFLAG_X2APIC, /**< X2APIC */
	RTE_CPUFLAG_MOVBE, /**< MOVBE */
	RTE_CPUFLAG_POPCNT, /**< POPCNT */
	RTE_CPUFLAG_TSC_DEADLINE, /**< TSC_DEADLINE */
	RTE_CPUFLAG_AES, /**< AES */
	RTE_CPUFLAG_XSAVE, /**< XSAVE */
	RTE_CPUFLAG_OSXSAVE, /**< OSXSAVE */
	RTE_CPUFLAG_AVX, /**< AVX */
	RTE_CPUFLAG_F16C, /**< F16C */
	RTE_CPUFLAG_RDRAND, /**< RDRAND */
	RTE_CPUFLAG_HYPERVISOR, /**< running under a hypervisor */
	RTE_CPUFLAG_FPU, /**< FPU */
	RTE_CPUFLAG_VME, /**< VME */
	RTE_CPUFLAG_DE, /**< DE */
	RTE_CPUFLAG_PSE, /**< PSE */
	RTE_CPUFLAG_TSC, /**< TSC */
	RTE_CPUFLAG_MSR, /**< MSR */
	RTE_CPUFLAG_PAE, /**< PAE */
	RTE_CPUFLAG_MCE, /**< MCE */
	RTE_CPUFLAG_CX8, /**< CX8 */
	RTE_CPUFLAG_APIC, /**< APIC */
	RTE_CPUFLAG_SEP, /**< SEP */
	RTE_CPUFLAG_MTRR, /**< MTRR */
	RTE_CPUFLAG_PGE, /**< PGE */
	RTE_CPUFLAG_MCA, /**< MCA */
	RTE_CPUFLAG_CMOV, /**< CMOV */
	RTE_CPUFLAG_PAT, /**< PAT */
	RTE_CPUFLAG_PSE36, /**< PSE36 */
	RTE_CPUFLAG_PSN, /**< PSN */
	RTE_CPUFLAG_CLFSH, /**< CLFSH */
	RTE_CPUFLAG_DS, /**< DS */
	RTE_CPUFLAG_ACPI, /**< ACPI */
	RTE_CPUFLAG_MMX, /**< MMX */
	RTE_CPUFLAG_FXSR, /**< FXSR */
	RTE_CPUFLAG_SSE, /**< SSE */
	RTE_CPUFLAG_SSE2, /**< SSE2 */
	RTE_CPUFLAG_SS, /**< SS */
	RTE_CPUFLAG_HTT, /**< HTT */
	RTE_CPUFLAG_TM, /**< TM */
	RTE_CPUFLAG_PBE, /**< PBE */
	RTE_CPUFLAG_DIGTEMP, /**< DIGTEMP */
	RTE_CPUFLAG_TRBOBST, /**< TRBOBST */
	RTE_CPUFLAG_ARAT, /**< ARAT */
	RTE_CPUFLAG_PLN, /**< PLN */
	RTE_CPUFLAG_ECMD, /**< ECMD */
	RTE_CPUFLAG_PTM, /**< PTM */
	RTE_CPUFLAG_MPERF_APERF_MSR, /**< MPERF_APERF_MSR */
	RTE_CPUFLAG_ACNT2, /**< ACNT2 */
	RTE_CPUFLAG_ENERGY_EFF, /**< ENERGY_EFF */
	RTE_CPUFLAG_FSGSBASE, /**< FSGSBASE */
	RTE_CPUFLAG_BMI1, /**< BMI1 */
	RTE_CPUFLAG_HLE, /**< hardware lock elision */
	RTE_CPUFLAG_AVX2, /**< AVX2 */
	RTE_CPUFLAG_SMEP, /**< SMEP */
	RTE_CPUFLAG_BMI2, /**< BMI2 */
	RTE_CPUFLAG_ERMS, /**< ERMS */
	RTE_CPUFLAG_INVPCID, /**< INVPCID */
	RTE_CPUFLAG_RTM, /**< restricted transactional memory */
	RTE_CPUFLAG_AVX512F, /**< AVX512F */
	RTE_CPUFLAG_RDSEED, /**< RDSEED */
	RTE_CPUFLAG_LAHF_SAHF, /**< LAHF_SAHF */
	RTE_CPUFLAG_LZCNT, /**< LZCNT */
	RTE_CPUFLAG_SYSCALL, /**< SYSCALL */
	RTE_CPUFLAG_XD, /**< XD */
	RTE_CPUFLAG_1GB_PG, /**< 1 GiB pages */
	RTE_CPUFLAG_RDTSCP, /**< RDTSCP */
	RTE_CPUFLAG_EM64T, /**< 64-bit mode */
	RTE_CPUFLAG_INVTSC, /**< invariant TSC */
	RTE_CPUFLAG_AVX512DQ, /**< AVX512DQ */
	RTE_CPUFLAG_AVX512IFMA, /**< AVX512IFMA */
	RTE_CPUFLAG_AVX512CD, /**< AVX512CD */
	RTE_CPUFLAG_AVX512BW, /**< AVX512BW */
	RTE_CPUFLAG_AVX512VL, /**< AVX512VL */
	RTE_CPUFLAG_AVX512VBMI, /**< AVX512VBMI */
	RTE_CPUFLAG_AVX512VBMI2, /**< AVX512VBMI2 */
	RTE_CPUFLAG_GFNI, /**< GFNI */
	RTE_CPUFLAG_VAES, /**< VAES */
	RTE_CPUFLAG_VPCLMULQDQ, /**< VPCLMULQDQ */
	RTE_CPUFLAG_AVX512VNNI, /**< AVX512VNNI */
	RTE_CPUFLAG_AVX512BITALG, /**< AVX512BITALG */
	RTE_CPUFLAG_AVX512VPOPCNTDQ, /**< AVX512VPOPCNTDQ */
	RTE_CPUFLAG_CLDEMOTE, /**< CLDEMOTE */
	RTE_CPUFLAG_MOVDIRI, /**< MOVDIRI */
	RTE_CPUFLAG_MOVDIR64B, /**< MOVDIR64B */
	RTE_CPUFLAG_AVX512VP2INTERSECT, /**< AVX512VP2INTERSECT */
	RTE_CPUFLAG_WAITPKG, /**< UMONITOR, UMWAIT, TPAUSE */
	RTE_CPUFLAG_NUMFLAGS, /**< number of features above, not a feature */
};

/** Power-management instructions EAL can use on this CPU (one bit each). */
struct rte_cpu_intrinsics {
	uint32_t power_monitor : 1;       /**< rte_power_monitor() is usable */
	uint32_t power_pause : 1;         /**< rte_power_pause() is usable */
	uint32_t power_monitor_multi : 1; /**< rte_power_monitor_multi() is usable */
};

/**
 * Which power-management intrinsics are usable. This tree provides none of them, so every bit
 * is reported as 0.
 * @param intrinsics filled in
 */
void
rte_cpu_get_intrinsics_support(struct rte_cpu_intrinsics *intrinsics);

/**
 * Name of a feature, as in its enum name without RTE_CPUFLAG_ ("SSE4_2", "AVX512F").
 * @param feature a feature
 * @return the name, or NULL when feature is not one of enum rte_cpu_flag_t
 */
const char *
rte_cpu_get_flag_name(enum rte_cpu_flag_t feature);

/**
 * Whether this CPU has a feature.
 * @param feature a feature
 * @return 1 if it has it, 0 if not, -ENOENT when feature is not one of enum rte_cpu_flag_t,
 *   -EFAULT when the CPU cannot report it (CPUID leaf out of its range)
 */
int
rte_cpu_get_flag_enabled(enum rte_cpu_flag_t feature);

/**
 * Whether this CPU has every instruction set extension this build was compiled for (the -march
 * of the build: SSE4.2, AVX2, AVX-512...). Logs the first missing one.
 * @return 1 if it has, 0 if not
 */
int
rte_cpu_is_supported(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_CPUFLAGS_H_ */
