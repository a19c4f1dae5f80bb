/* SPDX-License-Identifier: BSD-3-Clause */
#include <stdio.h>
#include <string.h>

#include <rte_per_lcore.h>
#include <rte_errno.h>

RTE_DEFINE_PER_LCORE(int, _rte_errno);

const char *
rte_strerror(int errnum)
{
	/* One buffer per thread so concurrent callers do not overwrite each other's text. */
	static __thread char buf[128];

	if (errnum < 0)
		errnum = -errnum;
	switch (errnum) {
	case E_RTE_SECONDARY:
		return "Invalid call in secondary process";
	case E_RTE_NO_CONFIG:
		return "Missing rte_config structure";
	default:
		if (errnum > RTE_MIN_ERRNO && errnum < RTE_MAX_ERRNO) {
			snprintf(buf, sizeof(buf), "Unknown error %d", errnum);
		} else {
#ifdef _GNU_SOURCE
			/* The GNU strerror_r returns the text, not always in buf. */
			const char *msg = strerror_r(errnum, buf, sizeof(buf));

			if (msg != buf)
				snprintf(buf, sizeof(buf), "%s", msg);
#else
			if (strerror_r(errnum, buf, sizeof(buf)) != 0)
				snprintf(buf, sizeof(buf), "Unknown error %d", errnum);
#endif
		}
		return buf;
	}
}
