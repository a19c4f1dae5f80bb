# SPDX-License-Identifier: BSD-3-Clause
# Sphinx configuration of the guides. The version comes from the build (-D release=...), so the
# pages always name the tree they were built from.
project = 'dpdk-hotplug'
copyright = '2026, the dpdk-hotplug authors'
author = 'the dpdk-hotplug authors'
release = version = '22.11.0'

extensions = []
exclude_patterns = ['_build']
html_theme = 'alabaster'
html_show_sourcelink = False
html_theme_options = {'description': 'DPDK-compatible data plane with port hotplug'}

# Manual pages of the tools, installed with them
man_pages = [
    ('tools/devbind', 'dpdk-devbind.py', 'show network devices and bind them to drivers',
     [author], 1),
    ('tools/hugepages', 'dpdk-hugepages.py', 'show, reserve and mount hugepages', [author], 1),
    ('tools/pmdinfo', 'dpdk-pmdinfo.py', 'list the drivers a binary carries', [author], 1),
    ('tools/telemetry', 'dpdk-telemetry.py', 'query the telemetry socket of an application',
     [author], 1),
    ('tools/proc_info', 'dpdk-proc-info',
     'read the ports, mempools, rings and memory of a running DPDK application', [author], 1),
    ('testpmd_app_ug/index', 'dpdk-testpmd',
     'forward packets between ports, and attach and detach ports while it runs', [author], 1),
    ('tools/dumpcap', 'dpdk-dumpcap', 'capture the packets of a running DPDK application',
     [author], 1),
    ('tools/pdump', 'dpdk-pdump', "copy a running DPDK application's packets into pcap files",
     [author], 1),
]
man_make_section_directory = False
html_copy_source = False
