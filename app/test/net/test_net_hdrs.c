/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Layouts of the protocol headers of lib/net: sizes, alignments and field offsets checked at
 * compile time, bit-field positions at run time, against the values of DPDK 22.11's headers
 * (x86_64), so that code and packets written for DPDK read the same bytes here.
 */
#include "test_common.h"

#include <stdalign.h>
#include <stddef.h>

#include <rte_arp.h>
#include <rte_ecpri.h>
#include <rte_esp.h>
#include <rte_geneve.h>
#include <rte_gre.h>
#include <rte_gtp.h>
#include <rte_higig.h>
#include <rte_icmp.h>
#include <rte_l2tpv2.h>
#include <rte_macsec.h>
#include <rte_mpls.h>
#include <rte_net.h>
#include <rte_net_crc.h>
#include <rte_ppp.h>
#include <rte_sctp.h>
#include <rte_vxlan.h>

#define LAYOUT_SIZE(s, size, align) \
	_Static_assert(sizeof(struct s) == (size) && alignof(struct s) == (align), \
		"size or alignment of struct " #s)
#define LAYOUT_FIELD(s, f, off) \
	_Static_assert(offsetof(struct s, f) == (off), "offset of " #s "." #f)
#define LAYOUT_FIELD_SIZED(s, f, off, size) \
	_Static_assert(offsetof(struct s, f) == (off) && \
		sizeof(((struct s *)0)->f) == (size), "offset or size of " #s "." #f)

/* The bytes of a zeroed struct s with only field f set to all ones, as hex. */
#define BITFIELD_CHECK(s, f, hex) do { \
	struct s v; \
	char got[2 * sizeof(v) + 1]; \
	size_t i; \
	memset(&v, 0, sizeof(v)); \
	v.f--; /* all ones */ \
	for (i = 0; i < sizeof(v); i++) \
		snprintf(&got[2 * i], 3, "%02x", ((const unsigned char *)&v)[i]); \
	if (strcmp(got, hex) != 0) \
		fail_msg("%s.%s: %s, DPDK: %s", #s, #f, got, hex); \
} while (0)

/* Sizes, alignments and offsets: DPDK 22.11 values (x86_64). */
LAYOUT_SIZE(rte_arp_ipv4, 20, 2);
LAYOUT_FIELD_SIZED(rte_arp_ipv4, arp_sha, 0, 6);
LAYOUT_FIELD_SIZED(rte_arp_ipv4, arp_sip, 6, 4);
LAYOUT_FIELD_SIZED(rte_arp_ipv4, arp_tha, 10, 6);
LAYOUT_FIELD_SIZED(rte_arp_ipv4, arp_tip, 16, 4);
LAYOUT_SIZE(rte_arp_hdr, 28, 2);
LAYOUT_FIELD_SIZED(rte_arp_hdr, arp_hardware, 0, 2);
LAYOUT_FIELD_SIZED(rte_arp_hdr, arp_protocol, 2, 2);
LAYOUT_FIELD_SIZED(rte_arp_hdr, arp_hlen, 4, 1);
LAYOUT_FIELD_SIZED(rte_arp_hdr, arp_plen, 5, 1);
LAYOUT_FIELD_SIZED(rte_arp_hdr, arp_opcode, 6, 2);
LAYOUT_FIELD_SIZED(rte_arp_hdr, arp_data, 8, 20);
LAYOUT_SIZE(rte_ecpri_common_hdr, 4, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_common_hdr, u32, 0, 4);
LAYOUT_SIZE(rte_ecpri_msg_iq_data, 4, 2);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_iq_data, pc_id, 0, 2);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_iq_data, seq_id, 2, 2);
LAYOUT_SIZE(rte_ecpri_msg_bit_seq, 4, 2);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_bit_seq, pc_id, 0, 2);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_bit_seq, seq_id, 2, 2);
LAYOUT_SIZE(rte_ecpri_msg_rtc_ctrl, 4, 2);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_rtc_ctrl, rtc_id, 0, 2);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_rtc_ctrl, seq_id, 2, 2);
LAYOUT_SIZE(rte_ecpri_msg_gen_data, 8, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_gen_data, pc_id, 0, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_gen_data, seq_id, 4, 4);
LAYOUT_SIZE(rte_ecpri_msg_rm_access, 12, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_rm_access, addr, 4, 6);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_rm_access, length, 10, 2);
LAYOUT_SIZE(rte_ecpri_msg_delay_measure, 2, 1);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_delay_measure, msr_id, 0, 1);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_delay_measure, act_type, 1, 1);
LAYOUT_SIZE(rte_ecpri_msg_remote_reset, 4, 2);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_remote_reset, rst_id, 0, 2);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_remote_reset, rst_op, 2, 1);
LAYOUT_SIZE(rte_ecpri_msg_event_ind, 4, 1);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_event_ind, evt_id, 0, 1);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_event_ind, evt_type, 1, 1);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_event_ind, seq, 2, 1);
LAYOUT_FIELD_SIZED(rte_ecpri_msg_event_ind, number, 3, 1);
LAYOUT_SIZE(rte_ecpri_combined_msg_hdr, 16, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_combined_msg_hdr, common, 0, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_combined_msg_hdr, type0, 4, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_combined_msg_hdr, type1, 4, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_combined_msg_hdr, type2, 4, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_combined_msg_hdr, type3, 4, 8);
LAYOUT_FIELD_SIZED(rte_ecpri_combined_msg_hdr, type4, 4, 12);
LAYOUT_FIELD_SIZED(rte_ecpri_combined_msg_hdr, type5, 4, 2);
LAYOUT_FIELD_SIZED(rte_ecpri_combined_msg_hdr, type6, 4, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_combined_msg_hdr, type7, 4, 4);
LAYOUT_FIELD_SIZED(rte_ecpri_combined_msg_hdr, dummy, 4, 12);
LAYOUT_SIZE(rte_esp_hdr, 8, 1);
LAYOUT_FIELD_SIZED(rte_esp_hdr, spi, 0, 4);
LAYOUT_FIELD_SIZED(rte_esp_hdr, seq, 4, 4);
LAYOUT_SIZE(rte_esp_tail, 2, 1);
LAYOUT_FIELD_SIZED(rte_esp_tail, pad_len, 0, 1);
LAYOUT_FIELD_SIZED(rte_esp_tail, next_proto, 1, 1);
LAYOUT_SIZE(rte_geneve_hdr, 8, 1);
LAYOUT_FIELD_SIZED(rte_geneve_hdr, proto, 2, 2);
LAYOUT_FIELD_SIZED(rte_geneve_hdr, vni, 4, 3);
LAYOUT_FIELD_SIZED(rte_geneve_hdr, reserved2, 7, 1);
LAYOUT_FIELD(rte_geneve_hdr, opts, 8);
LAYOUT_SIZE(rte_gre_hdr, 4, 1);
LAYOUT_FIELD_SIZED(rte_gre_hdr, proto, 2, 2);
LAYOUT_SIZE(rte_gre_hdr_opt_checksum_rsvd, 4, 1);
LAYOUT_FIELD_SIZED(rte_gre_hdr_opt_checksum_rsvd, checksum, 0, 2);
LAYOUT_FIELD_SIZED(rte_gre_hdr_opt_checksum_rsvd, reserved1, 2, 2);
LAYOUT_SIZE(rte_gre_hdr_opt_key, 4, 1);
LAYOUT_FIELD_SIZED(rte_gre_hdr_opt_key, key, 0, 4);
LAYOUT_SIZE(rte_gre_hdr_opt_sequence, 4, 1);
LAYOUT_FIELD_SIZED(rte_gre_hdr_opt_sequence, sequence, 0, 4);
LAYOUT_SIZE(rte_gtp_hdr, 8, 1);
LAYOUT_FIELD_SIZED(rte_gtp_hdr, gtp_hdr_info, 0, 1);
LAYOUT_FIELD_SIZED(rte_gtp_hdr, msg_type, 1, 1);
LAYOUT_FIELD_SIZED(rte_gtp_hdr, plen, 2, 2);
LAYOUT_FIELD_SIZED(rte_gtp_hdr, teid, 4, 4);
LAYOUT_SIZE(rte_gtp_hdr_ext_word, 4, 1);
LAYOUT_FIELD_SIZED(rte_gtp_hdr_ext_word, sqn, 0, 2);
LAYOUT_FIELD_SIZED(rte_gtp_hdr_ext_word, npdu, 2, 1);
LAYOUT_FIELD_SIZED(rte_gtp_hdr_ext_word, next_ext, 3, 1);
LAYOUT_SIZE(rte_gtp_psc_generic_hdr, 3, 1);
LAYOUT_FIELD_SIZED(rte_gtp_psc_generic_hdr, ext_hdr_len, 0, 1);
LAYOUT_FIELD_SIZED(rte_gtp_psc_generic_hdr, data, 3, 0);
LAYOUT_SIZE(rte_gtp_psc_type0_hdr, 3, 1);
LAYOUT_FIELD_SIZED(rte_gtp_psc_type0_hdr, ext_hdr_len, 0, 1);
LAYOUT_FIELD_SIZED(rte_gtp_psc_type0_hdr, data, 3, 0);
LAYOUT_SIZE(rte_gtp_psc_type1_hdr, 3, 1);
LAYOUT_FIELD_SIZED(rte_gtp_psc_type1_hdr, ext_hdr_len, 0, 1);
LAYOUT_FIELD_SIZED(rte_gtp_psc_type1_hdr, data, 3, 0);
LAYOUT_SIZE(rte_higig2_frc, 8, 4);
LAYOUT_SIZE(rte_higig2_ppt_type0, 8, 4);
LAYOUT_SIZE(rte_higig2_ppt_type1, 8, 2);
LAYOUT_FIELD_SIZED(rte_higig2_ppt_type1, classification, 0, 2);
LAYOUT_FIELD_SIZED(rte_higig2_ppt_type1, resv, 2, 2);
LAYOUT_FIELD_SIZED(rte_higig2_ppt_type1, vid, 4, 2);
LAYOUT_SIZE(rte_higig2_hdr, 16, 4);
LAYOUT_FIELD_SIZED(rte_higig2_hdr, fcr, 0, 8);
LAYOUT_FIELD_SIZED(rte_higig2_hdr, ppt0, 8, 8);
LAYOUT_FIELD_SIZED(rte_higig2_hdr, ppt1, 8, 8);
LAYOUT_SIZE(rte_icmp_hdr, 8, 1);
LAYOUT_FIELD_SIZED(rte_icmp_hdr, icmp_type, 0, 1);
LAYOUT_FIELD_SIZED(rte_icmp_hdr, icmp_code, 1, 1);
LAYOUT_FIELD_SIZED(rte_icmp_hdr, icmp_cksum, 2, 2);
LAYOUT_FIELD_SIZED(rte_icmp_hdr, icmp_ident, 4, 2);
LAYOUT_FIELD_SIZED(rte_icmp_hdr, icmp_seq_nb, 6, 2);
LAYOUT_SIZE(rte_l2tpv2_common_hdr, 2, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_common_hdr, flags_version, 0, 2);
LAYOUT_SIZE(rte_l2tpv2_msg_with_all_options, 20, 1);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_all_options, length, 0, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_all_options, tunnel_id, 2, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_all_options, session_id, 4, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_all_options, ns, 6, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_all_options, nr, 8, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_all_options, offset_size, 10, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_all_options, offset_padding, 12, 8);
LAYOUT_SIZE(rte_l2tpv2_msg_without_length, 18, 1);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_length, tunnel_id, 0, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_length, session_id, 2, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_length, ns, 4, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_length, nr, 6, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_length, offset_size, 8, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_length, offset_padding, 10, 8);
LAYOUT_SIZE(rte_l2tpv2_msg_without_ns_nr, 16, 8);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_ns_nr, length, 0, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_ns_nr, tunnel_id, 2, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_ns_nr, session_id, 4, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_ns_nr, offset_size, 6, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_ns_nr, offset_padding, 8, 8);
LAYOUT_SIZE(rte_l2tpv2_msg_without_offset, 10, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_offset, length, 0, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_offset, tunnel_id, 2, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_offset, session_id, 4, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_offset, ns, 6, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_offset, nr, 8, 2);
LAYOUT_SIZE(rte_l2tpv2_msg_with_offset, 14, 1);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_offset, tunnel_id, 0, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_offset, session_id, 2, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_offset, offset_size, 4, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_offset, offset_padding, 6, 8);
LAYOUT_SIZE(rte_l2tpv2_msg_with_ns_nr, 8, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_ns_nr, tunnel_id, 0, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_ns_nr, session_id, 2, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_ns_nr, ns, 4, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_ns_nr, nr, 6, 2);
LAYOUT_SIZE(rte_l2tpv2_msg_with_length, 6, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_length, length, 0, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_length, tunnel_id, 2, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_with_length, session_id, 4, 2);
LAYOUT_SIZE(rte_l2tpv2_msg_without_all_options, 4, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_all_options, tunnel_id, 0, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_msg_without_all_options, session_id, 2, 2);
LAYOUT_SIZE(rte_l2tpv2_combined_msg_hdr, 26, 1);
LAYOUT_FIELD_SIZED(rte_l2tpv2_combined_msg_hdr, common, 0, 2);
LAYOUT_FIELD_SIZED(rte_l2tpv2_combined_msg_hdr, type0, 2, 20);
LAYOUT_FIELD_SIZED(rte_l2tpv2_combined_msg_hdr, type1, 2, 18);
LAYOUT_FIELD_SIZED(rte_l2tpv2_combined_msg_hdr, type2, 2, 16);
LAYOUT_FIELD_SIZED(rte_l2tpv2_combined_msg_hdr, type3, 2, 10);
LAYOUT_FIELD_SIZED(rte_l2tpv2_combined_msg_hdr, type4, 2, 14);
LAYOUT_FIELD_SIZED(rte_l2tpv2_combined_msg_hdr, type5, 2, 8);
LAYOUT_FIELD_SIZED(rte_l2tpv2_combined_msg_hdr, type6, 2, 6);
LAYOUT_FIELD_SIZED(rte_l2tpv2_combined_msg_hdr, type7, 2, 4);
LAYOUT_SIZE(rte_macsec_hdr, 6, 1);
LAYOUT_FIELD_SIZED(rte_macsec_hdr, tci_an, 0, 1);
LAYOUT_FIELD_SIZED(rte_macsec_hdr, packet_number, 2, 4);
LAYOUT_SIZE(rte_macsec_sci_hdr, 8, 1);
LAYOUT_FIELD_SIZED(rte_macsec_sci_hdr, sci, 0, 8);
LAYOUT_SIZE(rte_mpls_hdr, 4, 1);
LAYOUT_FIELD_SIZED(rte_mpls_hdr, tag_msb, 0, 2);
LAYOUT_FIELD_SIZED(rte_mpls_hdr, ttl, 3, 1);
LAYOUT_SIZE(rte_ppp_hdr, 4, 1);
LAYOUT_FIELD_SIZED(rte_ppp_hdr, addr, 0, 1);
LAYOUT_FIELD_SIZED(rte_ppp_hdr, ctrl, 1, 1);
LAYOUT_FIELD_SIZED(rte_ppp_hdr, proto_id, 2, 2);
LAYOUT_SIZE(rte_sctp_hdr, 12, 1);
LAYOUT_FIELD_SIZED(rte_sctp_hdr, src_port, 0, 2);
LAYOUT_FIELD_SIZED(rte_sctp_hdr, dst_port, 2, 2);
LAYOUT_FIELD_SIZED(rte_sctp_hdr, tag, 4, 4);
LAYOUT_FIELD_SIZED(rte_sctp_hdr, cksum, 8, 4);
LAYOUT_SIZE(rte_vxlan_hdr, 8, 1);
LAYOUT_FIELD_SIZED(rte_vxlan_hdr, vx_flags, 0, 4);
LAYOUT_FIELD_SIZED(rte_vxlan_hdr, vx_vni, 4, 4);
LAYOUT_SIZE(rte_vxlan_gpe_hdr, 8, 1);
LAYOUT_FIELD_SIZED(rte_vxlan_gpe_hdr, vx_flags, 0, 1);
LAYOUT_FIELD_SIZED(rte_vxlan_gpe_hdr, reserved, 1, 2);
LAYOUT_FIELD_SIZED(rte_vxlan_gpe_hdr, proto, 3, 1);
LAYOUT_FIELD_SIZED(rte_vxlan_gpe_hdr, vx_vni, 4, 4);
LAYOUT_SIZE(rte_net_hdr_lens, 10, 2);
LAYOUT_FIELD_SIZED(rte_net_hdr_lens, l2_len, 0, 1);
LAYOUT_FIELD_SIZED(rte_net_hdr_lens, inner_l2_len, 1, 1);
LAYOUT_FIELD_SIZED(rte_net_hdr_lens, l3_len, 2, 2);
LAYOUT_FIELD_SIZED(rte_net_hdr_lens, inner_l3_len, 4, 2);
LAYOUT_FIELD_SIZED(rte_net_hdr_lens, tunnel_len, 6, 2);
LAYOUT_FIELD_SIZED(rte_net_hdr_lens, l4_len, 8, 1);
LAYOUT_FIELD_SIZED(rte_net_hdr_lens, inner_l4_len, 9, 1);

/* Bit-field positions: the bytes of a zeroed header with only that field set to all ones. */
static void
test_bitfields(void **state)
{
	(void)state;
	BITFIELD_CHECK(rte_ecpri_common_hdr, size, "ffff0000");
	BITFIELD_CHECK(rte_ecpri_common_hdr, type, "0000ff00");
	BITFIELD_CHECK(rte_ecpri_common_hdr, c, "00000001");
	BITFIELD_CHECK(rte_ecpri_common_hdr, res, "0000000e");
	BITFIELD_CHECK(rte_ecpri_common_hdr, revision, "000000f0");
	BITFIELD_CHECK(rte_ecpri_msg_rm_access, ele_id, "ffff00000000000000000000");
	BITFIELD_CHECK(rte_ecpri_msg_rm_access, rr, "00000f000000000000000000");
	BITFIELD_CHECK(rte_ecpri_msg_rm_access, rw, "0000f0000000000000000000");
	BITFIELD_CHECK(rte_ecpri_msg_rm_access, rma_id, "000000ff0000000000000000");
	BITFIELD_CHECK(rte_geneve_hdr, ver, "c000000000000000");
	BITFIELD_CHECK(rte_geneve_hdr, opt_len, "3f00000000000000");
	BITFIELD_CHECK(rte_geneve_hdr, oam, "0080000000000000");
	BITFIELD_CHECK(rte_geneve_hdr, critical, "0040000000000000");
	BITFIELD_CHECK(rte_geneve_hdr, reserved1, "003f000000000000");
	BITFIELD_CHECK(rte_gre_hdr, res2, "0f000000");
	BITFIELD_CHECK(rte_gre_hdr, s, "10000000");
	BITFIELD_CHECK(rte_gre_hdr, k, "20000000");
	BITFIELD_CHECK(rte_gre_hdr, res1, "40000000");
	BITFIELD_CHECK(rte_gre_hdr, c, "80000000");
	BITFIELD_CHECK(rte_gre_hdr, ver, "00070000");
	BITFIELD_CHECK(rte_gre_hdr, res3, "00f80000");
	BITFIELD_CHECK(rte_gtp_hdr, pn, "0100000000000000");
	BITFIELD_CHECK(rte_gtp_hdr, s, "0200000000000000");
	BITFIELD_CHECK(rte_gtp_hdr, e, "0400000000000000");
	BITFIELD_CHECK(rte_gtp_hdr, res1, "0800000000000000");
	BITFIELD_CHECK(rte_gtp_hdr, pt, "1000000000000000");
	BITFIELD_CHECK(rte_gtp_hdr, ver, "e000000000000000");
	BITFIELD_CHECK(rte_gtp_psc_generic_hdr, type, "00f000");
	BITFIELD_CHECK(rte_gtp_psc_generic_hdr, qmp, "000800");
	BITFIELD_CHECK(rte_gtp_psc_generic_hdr, pad, "000700");
	BITFIELD_CHECK(rte_gtp_psc_generic_hdr, spare, "0000c0");
	BITFIELD_CHECK(rte_gtp_psc_generic_hdr, qfi, "00003f");
	BITFIELD_CHECK(rte_gtp_psc_type0_hdr, type, "00f000");
	BITFIELD_CHECK(rte_gtp_psc_type0_hdr, qmp, "000800");
	BITFIELD_CHECK(rte_gtp_psc_type0_hdr, snp, "000400");
	BITFIELD_CHECK(rte_gtp_psc_type0_hdr, spare_dl1, "000300");
	BITFIELD_CHECK(rte_gtp_psc_type0_hdr, ppp, "000080");
	BITFIELD_CHECK(rte_gtp_psc_type0_hdr, rqi, "000040");
	BITFIELD_CHECK(rte_gtp_psc_type0_hdr, qfi, "00003f");
	BITFIELD_CHECK(rte_gtp_psc_type1_hdr, type, "00f000");
	BITFIELD_CHECK(rte_gtp_psc_type1_hdr, qmp, "000800");
	BITFIELD_CHECK(rte_gtp_psc_type1_hdr, dl_delay_ind, "000400");
	BITFIELD_CHECK(rte_gtp_psc_type1_hdr, ul_delay_ind, "000200");
	BITFIELD_CHECK(rte_gtp_psc_type1_hdr, snp, "000100");
	BITFIELD_CHECK(rte_gtp_psc_type1_hdr, n_delay_ind, "000080");
	BITFIELD_CHECK(rte_gtp_psc_type1_hdr, spare_ul2, "000040");
	BITFIELD_CHECK(rte_gtp_psc_type1_hdr, qfi, "00003f");
	BITFIELD_CHECK(rte_higig2_frc, ksop, "ff00000000000000");
	BITFIELD_CHECK(rte_higig2_frc, tc, "000f000000000000");
	BITFIELD_CHECK(rte_higig2_frc, mcst, "0010000000000000");
	BITFIELD_CHECK(rte_higig2_frc, resv, "00e0000000000000");
	BITFIELD_CHECK(rte_higig2_frc, dst_modid, "0000ff0000000000");
	BITFIELD_CHECK(rte_higig2_frc, dst_pid, "000000ff00000000");
	BITFIELD_CHECK(rte_higig2_frc, src_modid, "00000000ff000000");
	BITFIELD_CHECK(rte_higig2_frc, src_pid, "0000000000ff0000");
	BITFIELD_CHECK(rte_higig2_frc, lbid, "000000000000ff00");
	BITFIELD_CHECK(rte_higig2_frc, ppd_type, "0000000000000007");
	BITFIELD_CHECK(rte_higig2_frc, resv1, "0000000000000038");
	BITFIELD_CHECK(rte_higig2_frc, dp, "00000000000000c0");
	BITFIELD_CHECK(rte_higig2_ppt_type0, mirror, "0100000000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, mirror_done, "0200000000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, mirror_only, "0400000000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, ingress_tagged, "0800000000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, dst_tgid, "7000000000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, dst_t, "8000000000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, vc_label2, "000f000000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, label_present, "0010000000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, l3, "0020000000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, res, "00c0000000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, vc_label1, "0000ff0000000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, vc_label0, "000000ff00000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, vid_high, "00000000ff000000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, vid_low, "0000000000ff0000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, opc, "0000000000000700");
	BITFIELD_CHECK(rte_higig2_ppt_type0, res1, "0000000000001800");
	BITFIELD_CHECK(rte_higig2_ppt_type0, srce_t, "0000000000002000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, pf, "000000000000c000");
	BITFIELD_CHECK(rte_higig2_ppt_type0, res2, "000000000000001f");
	BITFIELD_CHECK(rte_higig2_ppt_type0, hdr_ext_length, "00000000000000e0");
	BITFIELD_CHECK(rte_higig2_ppt_type1, opcode, "0000000000000700");
	BITFIELD_CHECK(rte_higig2_ppt_type1, resv1, "0000000000001800");
	BITFIELD_CHECK(rte_higig2_ppt_type1, src_t, "0000000000002000");
	BITFIELD_CHECK(rte_higig2_ppt_type1, pfm, "000000000000c000");
	BITFIELD_CHECK(rte_higig2_ppt_type1, resv2, "000000000000001f");
	BITFIELD_CHECK(rte_higig2_ppt_type1, hdr_ext_len, "00000000000000e0");
	BITFIELD_CHECK(rte_l2tpv2_common_hdr, ver, "0f00");
	BITFIELD_CHECK(rte_l2tpv2_common_hdr, res3, "f000");
	BITFIELD_CHECK(rte_l2tpv2_common_hdr, p, "0001");
	BITFIELD_CHECK(rte_l2tpv2_common_hdr, o, "0002");
	BITFIELD_CHECK(rte_l2tpv2_common_hdr, res2, "0004");
	BITFIELD_CHECK(rte_l2tpv2_common_hdr, s, "0008");
	BITFIELD_CHECK(rte_l2tpv2_common_hdr, res1, "0030");
	BITFIELD_CHECK(rte_l2tpv2_common_hdr, l, "0040");
	BITFIELD_CHECK(rte_l2tpv2_common_hdr, t, "0080");
	BITFIELD_CHECK(rte_macsec_hdr, short_length, "003f00000000");
	BITFIELD_CHECK(rte_macsec_hdr, unused, "00c000000000");
	BITFIELD_CHECK(rte_mpls_hdr, tag_lsb, "0000f000");
	BITFIELD_CHECK(rte_mpls_hdr, tc, "00000e00");
	BITFIELD_CHECK(rte_mpls_hdr, bs, "00000100");
}

/* Constants whose values applications hard-code on the wire. */
static void
test_constants(void **state)
{
	(void)state;
	assert_int_equal(RTE_ARP_HRD_ETHER, 1);
	assert_int_equal(RTE_ARP_OP_REQUEST, 1);
	assert_int_equal(RTE_ARP_OP_REPLY, 2);
	assert_int_equal(RTE_ARP_OP_REVREQUEST, 3);
	assert_int_equal(RTE_ARP_OP_REVREPLY, 4);
	assert_int_equal(RTE_ARP_OP_INVREQUEST, 8);
	assert_int_equal(RTE_ARP_OP_INVREPLY, 9);
	assert_int_equal(RTE_IP_ICMP_ECHO_REPLY, 0);
	assert_int_equal(RTE_IP_ICMP_ECHO_REQUEST, 8);
	assert_int_equal(RTE_VXLAN_DEFAULT_PORT, 4789);
	assert_int_equal(RTE_VXLAN_GPE_DEFAULT_PORT, 4790);
	assert_int_equal(RTE_ETHER_VXLAN_HLEN, 16);
	assert_int_equal(RTE_ETHER_VXLAN_GPE_HLEN, 16);
	assert_int_equal(RTE_VXLAN_GPE_TYPE_IPV4, 1);
	assert_int_equal(RTE_VXLAN_GPE_TYPE_VBNG, 7);
	assert_int_equal(RTE_GENEVE_DEFAULT_PORT, 6081);
	assert_int_equal(RTE_GENEVE_TYPE_ETH, 0x6558);
	assert_int_equal(RTE_ETHER_GTP_HLEN, 16);
	assert_int_equal(RTE_GTP_TYPE_IPV4, 0x40);
	assert_int_equal(RTE_GTP_TYPE_IPV6, 0x60);
	assert_int_equal(RTE_GTPC_UDP_PORT, 2123);
	assert_int_equal(RTE_GTPU_UDP_PORT, 2152);
	assert_int_equal(RTE_MACSEC_TCI_VER_MASK, 0x80);
	assert_int_equal(RTE_MACSEC_TCI_ES, 0x40);
	assert_int_equal(RTE_MACSEC_TCI_SC, 0x20);
	assert_int_equal(RTE_MACSEC_TCI_SCB, 0x10);
	assert_int_equal(RTE_MACSEC_TCI_E, 0x08);
	assert_int_equal(RTE_MACSEC_TCI_C, 0x04);
	assert_int_equal(RTE_MACSEC_AN_MASK, 0x03);
	assert_int_equal(RTE_MACSEC_SCI_LEN, 8);
	assert_int_equal(RTE_ECPRI_REV_UP_TO_20, 1);
	assert_int_equal(RTE_ECPRI_MSG_TYPE_IQ_DATA, 0);
	assert_int_equal(RTE_ECPRI_MSG_TYPE_IWF_DCTRL, 11);
	assert_int_equal(RTE_ECPRI_EVT_IND_FAULT_IND, 0);
	assert_int_equal(RTE_ECPRI_EVT_IND_SYNC_END, 5);
	assert_int_equal(RTE_L2TPV2_MSG_TYPE_CONTROL, 0xC802);
	assert_int_equal(RTE_L2TPV2_MSG_TYPE_DATA, 0x0002);
	assert_int_equal(RTE_L2TPV2_MSG_TYPE_DATA_L, 0x4002);
	assert_int_equal(RTE_L2TPV2_MSG_TYPE_DATA_S, 0x0802);
	assert_int_equal(RTE_L2TPV2_MSG_TYPE_DATA_O, 0x0202);
	assert_int_equal(RTE_L2TPV2_MSG_TYPE_DATA_L_S, 0x4802);
	assert_int_equal(RTE_L2TPV2_MSG_TYPE_DATA_L_O, 0x4202);
	assert_int_equal(RTE_L2TPV2_MSG_TYPE_DATA_S_O, 0x0A02);
	assert_int_equal(RTE_L2TPV2_MSG_TYPE_DATA_L_S_O, 0x4A02);
	assert_int_equal(RTE_NET_CRC16_CCITT, 0);
	assert_int_equal(RTE_NET_CRC32_ETH, 1);
	assert_int_equal(RTE_NET_CRC_REQS, 2);
	assert_int_equal(RTE_NET_CRC_SCALAR, 0);
	assert_int_equal(RTE_NET_CRC_SSE42, 1);
	assert_int_equal(RTE_NET_CRC_NEON, 2);
	assert_int_equal(RTE_NET_CRC_AVX512, 3);
}

/* A GTP header read from wire bytes through the bit-fields. */
static void
test_gtp_bytes(void **state)
{
	static const uint8_t wire[] = { 0x34, 0xff, 0x00, 0x30, 0x00, 0x00, 0x00, 0x01 };
	struct rte_gtp_hdr h;

	(void)state;
	memcpy(&h, wire, sizeof(h));
	assert_int_equal(h.ver, 1);
	assert_int_equal(h.pt, 1);
	assert_int_equal(h.e, 1);
	assert_int_equal(h.s, 0);
	assert_int_equal(h.pn, 0);
	assert_int_equal(h.msg_type, 0xff);
	assert_int_equal(rte_be_to_cpu_16(h.plen), 0x30);
	assert_int_equal(rte_be_to_cpu_32(h.teid), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bitfields),
		cmocka_unit_test(test_constants),
		cmocka_unit_test(test_gtp_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
