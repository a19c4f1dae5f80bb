/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cost of bringing EAL up and down: wall time of rte_eal_init and rte_eal_cleanup, and the
 * process's peak resident memory (getrusage ru_maxrss and VmHWM), with the EAL options given on
 * the command line. One measurement per process, since peak RSS only grows: run it several times
 * (devtools/bench-eal-init.sh does, and takes medians). Uses only the DPDK 22.11 API, so the
 * same file builds against Debian's DPDK for a side-by-side comparison.
 *
 *   bench_eal_init --no-huge -l 0 --file-prefix=bench
 *
 * prints one line: "bench_eal_init: init_ms=.. cleanup_ms=.. total_ms=.. tsc_hz_ms=.. cpu_ms=..
 * rss_before_kib=.. maxrss_kib=.. vmhwm_kib=..". tsc_hz_ms is the first rte_get_tsc_hz() after
 * init, where an EAL that defers TSC calibration would pay for it; cpu_ms is the CPU time
 * (user + system, every thread) spent from init to cleanup, less sensitive to a busy machine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_cycles.h>

static double
cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A "Name: N kB" field of /proc/self/status, in KiB; -1 if missing. */
static long
proc_status_kib(const char *field)
{
	char line[256];
	size_t len = strlen(field);
	long v = -1;
	FILE *f = fopen("/proc/self/status", "r");

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, field, len) == 0 && line[len] == ':') {
			v = strtol(line + len + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	return v;
}

int
main(int argc, char **argv)
{
	struct rusage ru;
	double t0, t1, t2, t3, c0, c1;
	long rss_before;
	int ret;

	rss_before = proc_status_kib("VmRSS");
	c0 = cpu_ms();
	t0 = now_ms();
	ret = rte_eal_init(argc, argv);
	t1 = now_ms();
	if (ret < 0) {
		fprintf(stderr, "bench_eal_init: rte_eal_init failed: %s\n",
			rte_strerror(rte_errno));
		return 1;
	}
	if (rte_get_tsc_hz() == 0) {
		fprintf(stderr, "bench_eal_init: no TSC frequency\n");
		return 1;
	}
	t2 = now_ms();
	ret = rte_eal_cleanup();
	t3 = now_ms();
	c1 = cpu_ms();
	if (ret != 0) {
		fprintf(stderr, "bench_eal_init: rte_eal_cleanup failed: %d\n", ret);
		return 1;
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("bench_eal_init: init_ms=%.3f cleanup_ms=%.3f total_ms=%.3f tsc_hz_ms=%.3f "
		"cpu_ms=%.3f rss_before_kib=%ld maxrss_kib=%ld vmhwm_kib=%ld\n",
		t1 - t0, t3 - t2, (t1 - t0) + (t3 - t2), t2 - t1, c1 - c0, rss_before,
		ru.ru_maxrss, proc_status_kib("VmHWM"));
	return 0;
}
