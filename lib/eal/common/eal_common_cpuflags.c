/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CPU features from CPUID. Each feature is one bit of one register of one CPUID leaf; the table
 * below says which, in the order of enum rte_cpu_flag_t.
 */
#include <cpuid.h>
#include <errno.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_cpuflags.h>
#include <rte_log.h>
#include <rte_spinlock.h>

#include "eal_private.h"

enum cpuid_reg { EAX, EBX, ECX, EDX };

struct cpu_feature {
	const char *name;
	uint32_t leaf;
	uint32_t subleaf;
	enum cpuid_reg reg;
	uint8_t bit;
};

#define CPU_FEATURE(n, l, s, r, b) \
	[RTE_CPUFLAG_ ## n] = { .name = RTE_STR(n), .leaf = l, .subleaf = s, .reg = r, .bit = b }

static const struct cpu_feature cpu_features[] = {
	CPU_FEATURE(SSE3, 0x00000001, 0, ECX, 0),
	CPU_FEATURE(PCLMULQDQ, 0x00000001, 0, ECX, 1),
	CPU_FEATURE(DTES64, 0x00000001, 0, ECX, 2),
	CPU_FEATURE(MONITOR, 0x00000001, 0, ECX, 3),
	CPU_FEATURE(DS_CPL, 0x00000001, 0, ECX, 4),
	CPU_FEATURE(VMX, 0x00000001, 0, ECX, 5),
	CPU_FEATURE(SMX, 0x00000001, 0, ECX, 6),
	CPU_FEATURE(EIST, 0x00000001, 0, ECX, 7),
	CPU_FEATURE(TM2, 0x00000001, 0, ECX, 8),
	CPU_FEATURE(SSSE3, 0x00000001, 0, ECX, 9),
	CPU_FEATURE(CNXT_ID, 0x00000001, 0, ECX, 10),
	CPU_FEATURE(FMA, 0x00000001, 0, ECX, 12),
	CPU_FEATURE(CMPXCHG16B, 0x00000001, 0, ECX, 13),
	CPU_FEATURE(XTPR, 0x00000001, 0, ECX, 14),
	CPU_FEATURE(PDCM, 0x00000001, 0, ECX, 15),
	CPU_FEATURE(PCID, 0x00000001, 0, ECX, 17),
	CPU_FEATURE(DCA, 0x00000001, 0, ECX, 18),
	CPU_FEATURE(SSE4_1, 0x00000001, 0, ECX, 19),
	CPU_FEATURE(SSE4_2, 0x00000001, 0, ECX, 20),
	CPU_FEATURE(X2APIC, 0x00000001, 0, ECX, 21),
	CPU_FEATURE(MOVBE, 0x00000001, 0, ECX, 22),
	CPU_FEATURE(POPCNT, 0x00000001, 0, ECX, 23),
	CPU_FEATURE(TSC_DEADLINE, 0x00000001, 0, ECX, 24),
	CPU_FEATURE(AES, 0x00000001, 0, ECX, 25),
	CPU_FEATURE(XSAVE, 0x00000001, 0, ECX, 26),
	CPU_FEATURE(OSXSAVE, 0x00000001, 0, ECX, 27),
	CPU_FEATURE(AVX, 0x00000001, 0, ECX, 28),
	CPU_FEATURE(F16C, 0x00000001, 0, ECX, 29),
	CPU_FEATURE(RDRAND, 0x00000001, 0, ECX, 30),
	CPU_FEATURE(HYPERVISOR, 0x00000001, 0, ECX, 31),
	CPU_FEATURE(FPU, 0x00000001, 0, EDX, 0),
	CPU_FEATURE(VME, 0x00000001, 0, EDX, 1),
	CPU_FEATURE(DE, 0x00000001, 0, EDX, 2),
	CPU_FEATURE(PSE, 0x00000001, 0, EDX, 3),
	CPU_FEATURE(TSC, 0x00000001, 0, EDX, 4),
	CPU_FEATURE(MSR, 0x00000001, 0, EDX, 5),
	CPU_FEATURE(PAE, 0x00000001, 0, EDX, 6),
	CPU_FEATURE(MCE, 0x00000001, 0, EDX, 7),
	CPU_FEATURE(CX8, 0x00000001, 0, EDX, 8),
	CPU_FEATURE(APIC, 0x00000001, 0, EDX, 9),
	CPU_FEATURE(SEP, 0x00000001, 0, EDX, 11),
	CPU_FEATURE(MTRR, 0x00000001, 0, EDX, 12),
	CPU_FEATURE(PGE, 0x00000001, 0, EDX, 13),
	CPU_FEATURE(MCA, 0x00000001, 0, EDX, 14),
	CPU_FEATURE(CMOV, 0x00000001, 0, EDX, 15),
	CPU_FEATURE(PAT, 0x00000001, 0, EDX, 16),
	CPU_FEATURE(PSE36, 0x00000001, 0, EDX, 17),
	CPU_FEATURE(PSN, 0x00000001, 0, EDX, 18),
	CPU_FEATURE(CLFSH, 0x00000001, 0, EDX, 19),
	CPU_FEATURE(DS, 0x00000001, 0, EDX, 21),
	CPU_FEATURE(ACPI, 0x00000001, 0, EDX, 22),
	CPU_FEATURE(MMX, 0x00000001, 0, EDX, 23),
	CPU_FEATURE(FXSR, 0x00000001, 0, EDX, 24),
	CPU_FEATURE(SSE, 0x00000001, 0, EDX, 25),
	CPU_FEATURE(SSE2, 0x00000001, 0, EDX, 26),
	CPU_FEATURE(SS, 0x00000001, 0, EDX, 27),
	CPU_FEATURE(HTT, 0x00000001, 0, EDX, 28),
	CPU_FEATURE(TM, 0x00000001, 0, EDX, 29),
	CPU_FEATURE(PBE, 0x00000001, 0, EDX, 31),
	CPU_FEATURE(DIGTEMP, 0x00000006, 0, EAX, 0),
	CPU_FEATURE(TRBOBST, 0x00000006, 0, EAX, 1),
	CPU_FEATURE(ARAT, 0x00000006, 0, EAX, 2),
	CPU_FEATURE(PLN, 0x00000006, 0, EAX, 4),
	CPU_FEATURE(ECMD, 0x00000006, 0, EAX, 5),
	CPU_FEATURE(PTM, 0x00000006, 0, EAX, 6),
	CPU_FEATURE(MPERF_APERF_MSR, 0x00000006, 0, ECX, 0),
	CPU_FEATURE(ACNT2, 0x00000006, 0, ECX, 1),
	CPU_FEATURE(ENERGY_EFF, 0x00000006, 0, ECX, 3),
	CPU_FEATURE(FSGSBASE, 0x00000007, 0, EBX, 0),
	CPU_FEATURE(BMI1, 0x00000007, 0, EBX, 3),
	CPU_FEATURE(HLE, 0x00000007, 0, EBX, 4),
	CPU_FEATURE(AVX2, 0x00000007, 0, EBX, 5),
	CPU_FEATURE(SMEP, 0x00000007, 0, EBX, 7),
	CPU_FEATURE(BMI2, 0x00000007, 0, EBX, 8),
	CPU_FEATURE(ERMS, 0x00000007, 0, EBX, 9),
	CPU_FEATURE(INVPCID, 0x00000007, 0, EBX, 10),
	CPU_FEATURE(RTM, 0x00000007, 0, EBX, 11),
	CPU_FEATURE(AVX512F, 0x00000007, 0, EBX, 16),
	CPU_FEATURE(RDSEED, 0x00000007, 0, EBX, 18),
	CPU_FEATURE(LAHF_SAHF, 0x80000001, 0, ECX, 0),
	CPU_FEATURE(LZCNT, 0x80000001, 0, ECX, 5),
	CPU_FEATURE(SYSCALL, 0x80000001, 0, EDX, 11),
	CPU_FEATURE(XD, 0x80000001, 0, EDX, 20),
	CPU_FEATURE(1GB_PG, 0x80000001, 0, EDX, 26),
	CPU_FEATURE(RDTSCP, 0x80000001, 0, EDX, 27),
	CPU_FEATURE(EM64T, 0x80000001, 0, EDX, 29),
	CPU_FEATURE(INVTSC, 0x80000007, 0, EDX, 8),
	CPU_FEATURE(AVX512DQ, 0x00000007, 0, EBX, 17),
	CPU_FEATURE(AVX512IFMA, 0x00000007, 0, EBX, 21),
	CPU_FEATURE(AVX512CD, 0x00000007, 0, EBX, 28),
	CPU_FEATURE(AVX512BW, 0x00000007, 0, EBX, 30),
	CPU_FEATURE(AVX512VL, 0x00000007, 0, EBX, 31),
	CPU_FEATURE(AVX512VBMI, 0x00000007, 0, ECX, 1),
	CPU_FEATURE(AVX512VBMI2, 0x00000007, 0, ECX, 6),
	CPU_FEATURE(GFNI, 0x00000007, 0, ECX, 8),
	CPU_FEATURE(VAES, 0x00000007, 0, ECX, 9),
	CPU_FEATURE(VPCLMULQDQ, 0x00000007, 0, ECX, 10),
	CPU_FEATURE(AVX512VNNI, 0x00000007, 0, ECX, 11),
	CPU_FEATURE(AVX512BITALG, 0x00000007, 0, ECX, 12),
	CPU_FEATURE(AVX512VPOPCNTDQ, 0x00000007, 0, ECX, 14),
	CPU_FEATURE(CLDEMOTE, 0x00000007, 0, ECX, 25),
	CPU_FEATURE(MOVDIRI, 0x00000007, 0, ECX, 27),
	CPU_FEATURE(MOVDIR64B, 0x00000007, 0, ECX, 28),
	CPU_FEATURE(AVX512VP2INTERSECT, 0x00000007, 0, EDX, 8),
	CPU_FEATURE(WAITPKG, 0x00000007, 0, ECX, 5),
};

const char *
rte_cpu_get_flag_name(enum rte_cpu_flag_t feature)
{
	if ((unsigned int)feature >= RTE_DIM(cpu_features))
		return NULL;
	return cpu_features[feature].name;
}

int
rte_cpu_get_flag_enabled(enum rte_cpu_flag_t feature)
{
	const struct cpu_feature *f;
	uint32_t regs[4];

	if ((unsigned int)feature >= RTE_DIM(cpu_features))
		return -ENOENT;
	f = &cpu_features[feature];
	/* The highest leaf of the basic or of the extended range, as the CPU reports it. */
	if ((unsigned int)__get_cpuid_max(f->leaf & 0x80000000, NULL) < f->leaf)
		return -EFAULT;
	__cpuid_count(f->leaf, f->subleaf, regs[EAX], regs[EBX], regs[ECX], regs[EDX]);
	return (regs[f->reg] >> f->bit) & 1;
}

int
rte_cpu_is_supported(void)
{
	/* What the compiler was allowed to use for this build (the -march of config/). */
	static const enum rte_cpu_flag_t needed[] = {
#ifdef __SSE3__
		RTE_CPUFLAG_SSE3,
#endif
#ifdef __SSSE3__
		RTE_CPUFLAG_SSSE3,
#endif
#ifdef __SSE4_1__
		RTE_CPUFLAG_SSE4_1,
#endif
#ifdef __SSE4_2__
		RTE_CPUFLAG_SSE4_2,
#endif
#ifdef __POPCNT__
		RTE_CPUFLAG_POPCNT,
#endif
#ifdef __AES__
		RTE_CPUFLAG_AES,
#endif
#ifdef __PCLMUL__
		RTE_CPUFLAG_PCLMULQDQ,
#endif
#ifdef __AVX__
		RTE_CPUFLAG_AVX,
#endif
#ifdef __AVX2__
		RTE_CPUFLAG_AVX2,
#endif
#ifdef __BMI__
		RTE_CPUFLAG_BMI1,
#endif
#ifdef __BMI2__
		RTE_CPUFLAG_BMI2,
#endif
#ifdef __RDRND__
		RTE_CPUFLAG_RDRAND,
#endif
#ifdef __RDSEED__
		RTE_CPUFLAG_RDSEED,
#endif
#ifdef __AVX512F__
		RTE_CPUFLAG_AVX512F,
#endif
#ifdef __AVX512BW__
		RTE_CPUFLAG_AVX512BW,
#endif
#ifdef __AVX512DQ__
		RTE_CPUFLAG_AVX512DQ,
#endif
#ifdef __AVX512VL__
		RTE_CPUFLAG_AVX512VL,
#endif
#ifdef __AVX512CD__
		RTE_CPUFLAG_AVX512CD,
#endif
		RTE_CPUFLAG_SSE2,
	};
	unsigned int i;
	int ret;

	for (i = 0; i < RTE_DIM(needed); i++) {
		ret = rte_cpu_get_flag_enabled(needed[i]);
		if (ret == 1)
			continue;
		EAL_LOG(ERR, "this build needs CPU feature %s, which this CPU %s\n",
			rte_cpu_get_flag_name(needed[i]),
			ret == 0 ? "does not have" : "cannot report");
		return 0;
	}
	return 1;
}

void
rte_cpu_get_intrinsics_support(struct rte_cpu_intrinsics *intrinsics)
{
	if (intrinsics == NULL)
		return;
	intrinsics->power_monitor = 0;
	intrinsics->power_pause = 0;
	intrinsics->power_monitor_multi = 0;
}

uint8_t rte_rtm_supported;

/* Known before any lock is used: set when the library is loaded. */
RTE_INIT_PRIO(rte_rtm_init, LOG)
{
	rte_rtm_supported = rte_cpu_get_flag_enabled(RTE_CPUFLAG_RTM) == 1;
}
