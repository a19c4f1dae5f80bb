#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Run a command inside a throw-away QEMU guest that has real (emulated) PCI NICs.

The guest boots a Debian kernel taken from the host's /boot, with a small initramfs built here
(static busybox, the stage-1 init and the modules needed to reach the root), and chroots into
the host's own root file system shared read-only over virtio-9p under a tmpfs overlay: a binary
built on the host runs unchanged in the guest, at the same path. The NICs (Intel e1000/e1000e,
virtio-net) sit on PCIe root ports and are bound to the requested kernel driver; empty root
ports take NICs hot-added with QMP device_add when the guest asks (guest/bin/vm-host).

The command's output is streamed to stdout; the exit status is the command's, 124 on timeout,
125 when the guest ended without reporting one. See doc/guides/prog_guide/pci_guest_testing.rst.
"""

import argparse
import gzip
import hashlib
import json
import lzma
import os
import shlex
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GUEST_DIR = os.path.join(HERE, "guest")
CACHE = os.environ.get("DPDK_VM_CACHE", "/var/tmp/dpdk-vm-cache")
# modules stage 1 needs to mount the root: virtio transport, 9p over virtio, overlayfs
ROOT_MODULES = ("virtio_pci", "9pnet_virtio", "9p", "overlay")

# model name -> (QEMU device and properties, PCI vendor:device, the kernel's netdev driver)
MODELS = {
    "e1000": ("e1000", "8086:100e", "e1000"),
    "e1000e": ("e1000e", "8086:10d3", "e1000e"),
    # on a PCIe port QEMU makes virtio-net modern-only (1af4:1041)
    "virtio-net": ("virtio-net-pci,disable-legacy=on", "1af4:1041", "virtio-pci"),
    # transitional: the legacy I/O-port interface too, and the legacy device id
    "virtio-net-transitional": ("virtio-net-pci,disable-legacy=off", "1af4:1000", "virtio-pci"),
}
BINDS = ("kernel", "uio_pci_generic", "igb_uio", "vfio-pci", "none")
NIC_PORT_BASE = 0x10   # root port of boot NIC i: 00:(0x10+i).0
SLOT_PORT_BASE = 0x18  # root port of hot-plug slot j: 00:(0x18+j).0
MQ_PORT = 0x0a         # root port of the multi-queue NIC (--mq-nic): 00:0a.0
MQ_MAC = "52:54:00:00:30:00"


def die(msg, status=2):
    print("dpdk-vm: " + msg, file=sys.stderr)
    sys.exit(status)


# ---------------------------------------------------------------- guest kernel and initramfs

def pick_kernel():
    """The newest kernel with an image in /boot and a module tree that has 9p."""
    forced = os.environ.get("DPDK_VM_KERNEL_VERSION")
    if forced:
        return forced
    found = []
    for name in os.listdir("/boot"):
        if not name.startswith("vmlinuz-"):
            continue
        ver = name[len("vmlinuz-"):]
        if os.path.isdir("/lib/modules/%s/kernel/fs/9p" % ver):
            found.append(ver)
    if not found:
        return None

    def key(v):
        return [int(p) if p.isdigit() else p for p in v.replace("-", ".").split(".")]
    return sorted(found, key=key)[-1]


def elf_has_pvh_note(data):
    """True when the ELF image carries the PVH entry point note (Xen note type 18)."""
    if data[:4] != b"\x7fELF" or data[4] != 2:
        return False
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        p_type, _, p_offset, _, _, p_filesz = struct.unpack_from("<IIQQQQ", data,
                                                                  phoff + i * phentsize)
        if p_type != 4:  # PT_NOTE
            continue
        off, end = p_offset, p_offset + p_filesz
        while off + 12 <= end:
            namesz, descsz, ntype = struct.unpack_from("<III", data, off)
            name = data[off + 12:off + 12 + namesz].rstrip(b"\0")
            if name == b"Xen" and ntype == 18:
                return True
            off += 12 + ((namesz + 3) & ~3) + ((descsz + 3) & ~3)
    return False


def extract_vmlinux(bzimage):
    """The uncompressed kernel ELF inside a bzImage, or None.

    QEMU boots such an ELF straight at its PVH entry point, which under software emulation
    saves the firmware's real-mode setup and the in-guest decompression (seconds)."""
    data = open(bzimage, "rb").read()
    if data[0x202:0x206] != b"HdrS":
        return None
    setup_sects = data[0x1f1] or 4
    payload_offset, payload_length = struct.unpack_from("<II", data, 0x248)
    start = (setup_sects + 1) * 512 + payload_offset
    payload = data[start:start + payload_length]
    if payload[:6] == b"\xfd7zXZ\x00":
        out = lzma.LZMADecompressor(format=lzma.FORMAT_XZ).decompress(payload)
    elif payload[:2] == b"\x1f\x8b":
        out = gzip.decompress(payload)
    elif payload[:4] == b"\x28\xb5\x2f\xfd" and shutil.which("zstd"):
        out = subprocess.run(["zstd", "-dcq"], input=payload, stdout=subprocess.PIPE,
                             check=True).stdout
    else:
        return None
    return out if elf_has_pvh_note(out) else None


def module_closure(kver, names):
    """Module files for names and their dependencies, each after what it depends on."""
    base = "/lib/modules/" + kver
    deps = {}
    with open(base + "/modules.dep") as f:
        for line in f:
            path, _, rest = line.partition(":")
            deps[path] = rest.split()

    def modname(path):
        n = os.path.basename(path)
        return n[:n.index(".ko")].replace("-", "_")
    by_name = {modname(p): p for p in deps}
    order, seen = [], set()

    def visit(path):
        if path in seen:
            return
        seen.add(path)
        for d in deps[path]:
            visit(d)
        order.append(path)
    for n in names:
        if n.replace("-", "_") not in by_name:
            die("module %s not found for kernel %s" % (n, kver))
        visit(by_name[n.replace("-", "_")])
    return [os.path.join(base, p) for p in order]


def read_module(path):
    data = open(path, "rb").read()
    if path.endswith(".xz"):
        return lzma.decompress(data)
    if path.endswith(".gz"):
        return gzip.decompress(data)
    if path.endswith(".zst"):
        return subprocess.run(["zstd", "-dcq"], input=data, stdout=subprocess.PIPE,
                              check=True).stdout
    return data


def newc_archive(entries):
    """A cpio archive in the kernel's initramfs ("newc") format.

    entries: (name, mode, data) with data None for directories."""
    out = bytearray()

    def pad():
        out.extend(b"\0" * (-len(out) % 4))

    def header(ino, name, mode, size):
        fields = (ino, mode, 0, 0, 1, 0, size, 0, 0, 0, 0, len(name) + 1, 0)
        out.extend(b"070701" + b"".join(b"%08X" % v for v in fields))
        out.extend(name.encode() + b"\0")
        pad()
    for ino, (name, mode, data) in enumerate(entries, 1):
        header(ino, name, mode, len(data or b""))
        if data:
            out.extend(data)
            pad()
    header(0, "TRAILER!!!", 0, 0)
    return bytes(out)


def static_busybox():
    for cand in (os.environ.get("DPDK_VM_BUSYBOX"), "/bin/busybox", "/usr/bin/busybox"):
        if not cand or not os.path.isfile(cand):
            continue
        data = open(cand, "rb").read()
        if data[:4] != b"\x7fELF":
            continue
        phoff, = struct.unpack_from("<Q", data, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
        interp = any(struct.unpack_from("<I", data, phoff + i * phentsize)[0] == 3
                     for i in range(phnum))
        if not interp:
            return cand, data
    die("no statically linked busybox: apt-get install busybox-static")


def guest_images(kver):
    """(kernel, initramfs) paths, built once per input and kept in the cache."""
    os.makedirs(CACHE, exist_ok=True)
    image = "/boot/vmlinuz-" + kver
    vmlinux = os.path.join(CACHE, "vmlinux-" + kver)
    st = os.stat(image)
    stamp = "%d.%d" % (st.st_size, st.st_mtime_ns)
    try:
        fresh = open(vmlinux + ".stamp").read() == stamp and os.path.exists(vmlinux)
    except OSError:
        fresh = False
    if not fresh:
        elf = extract_vmlinux(image)
        if elf:
            tmp = vmlinux + ".%d" % os.getpid()
            open(tmp, "wb").write(elf)
            os.replace(tmp, vmlinux)
            open(vmlinux + ".stamp", "w").write(stamp)
    kernel = vmlinux if os.path.exists(vmlinux) else image

    bb_path, bb = static_busybox()
    init = open(os.path.join(GUEST_DIR, "init"), "rb").read()
    mods = module_closure(kver, ROOT_MODULES)
    h = hashlib.sha256()
    for part in (kver.encode(), bb, init, open(__file__, "rb").read(), "\n".join(mods).encode()):
        h.update(hashlib.sha256(part).digest())
    initrd = os.path.join(CACHE, "initramfs-%s-%s.cpio.gz" % (kver, h.hexdigest()[:16]))
    if os.path.exists(initrd):
        return kernel, initrd
    entries = [(d, 0o40755, None) for d in ("bin", "dev", "proc", "sys", "mnt", "modules")]
    entries += [("bin/busybox", 0o100755, bb), ("init", 0o100755, init)]
    order = []
    for i, m in enumerate(mods):
        name = "%02d-%s" % (i, os.path.basename(m).split(".ko")[0] + ".ko")
        entries.append(("modules/" + name, 0o100644, read_module(m)))
        order.append(name)
    entries.append(("modules/order", 0o100644, ("\n".join(order) + "\n").encode()))
    tmp = initrd + ".%d" % os.getpid()
    with open(tmp, "wb") as f:
        f.write(gzip.compress(newc_archive(entries), compresslevel=1))
    os.replace(tmp, initrd)
    for old in os.listdir(CACHE):
        if old.startswith("initramfs-%s-" % kver) and os.path.join(CACHE, old) != initrd:
            os.unlink(os.path.join(CACHE, old))
    return kernel, initrd


# ---------------------------------------------------------------- accelerator

def pick_accel():
    """kvm only where /dev/kvm is hardware-assisted KVM; software emulation (TCG) otherwise.

    Some nested environments offer a /dev/kvm of another kind (for example PVM), which runs a
    stock kernel far slower than TCG does."""
    if os.access("/dev/kvm", os.R_OK | os.W_OK) and (os.path.isdir("/sys/module/kvm_intel") or
                                                      os.path.isdir("/sys/module/kvm_amd")):
        return "kvm"
    return "tcg"


# ---------------------------------------------------------------- QMP

class Qmp:
    def __init__(self, path, deadline, alive):
        while True:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect(path)
                break
            except OSError:
                s.close()
                if time.monotonic() > deadline or not alive():
                    raise RuntimeError("cannot connect to QEMU's QMP socket " + path)
                time.sleep(0.02)
        self.sock = s
        self.buf = b""
        self.pending = []   # events not consumed yet
        self.deleted = set()
        self.log = None
        self._next(5)       # greeting
        self.command("qmp_capabilities")

    def _next(self, timeout):
        """The next message, or None after timeout seconds."""
        end = time.monotonic() + timeout
        while b"\n" not in self.buf:
            left = end - time.monotonic()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return None
            if not chunk:
                raise EOFError("QEMU closed the QMP socket")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        msg = json.loads(line)
        if "event" in msg:
            self._event(msg)
        return msg

    def _event(self, msg):
        if self.log:
            self.log("event " + json.dumps(msg))
        if msg["event"] == "DEVICE_DELETED":
            dev = msg.get("data", {}).get("device")
            if dev:
                self.deleted.add(dev)

    def poll(self, timeout):
        m = self._next(timeout)
        while m is not None and b"\n" in self.buf:
            m = self._next(0)

    def command(self, name, args=None, timeout=30):
        req = {"execute": name}
        if args is not None:
            req["arguments"] = args
        if self.log:
            self.log("-> " + json.dumps(req))
        self.sock.sendall(json.dumps(req).encode() + b"\n")
        end = time.monotonic() + timeout
        while True:
            m = self._next(max(0.0, end - time.monotonic()))
            if m is None:
                raise TimeoutError("QEMU did not answer %s" % name)
            if "event" not in m:
                if self.log:
                    self.log("<- " + json.dumps(m))
                return m


# ---------------------------------------------------------------- the run

class Run:
    def __init__(self, opts):
        self.o = opts
        self.dir = tempfile.mkdtemp(prefix="dpdk-vm.", dir="/tmp")
        os.chmod(self.dir, 0o755)
        os.mkdir(os.path.join(self.dir, "req"))
        self.qemu = None
        self.qmp = None
        self.out_pos = 0
        self.t0 = time.monotonic()
        self.t_cmd = None
        self.logf = open(os.path.join(self.dir, "qmp.log"), "w", buffering=1)
        # the multi-queue NIC's tap: QEMU creates it and it goes away with QEMU
        self.mq_tap = "dvmq%d" % (os.getpid() % 10000000) if opts.mq_nic else None
        self.mq_tap_up = False

    def log(self, text):
        self.logf.write("[%8.3f] %s\n" % (time.monotonic() - self.t0, text))

    def path(self, name):
        return os.path.join(self.dir, name)

    def alive(self):
        return self.qemu is not None and self.qemu.poll() is None

    # -- configuration --------------------------------------------------------

    def nic_device(self, model, dev_id, netdev, mac):
        qdev, _, _ = MODELS[model]
        props = qdev.split(",")
        if self.o.iommu == "on" and model == "virtio-net":
            # behind the vIOMMU a virtio device must translate its DMA like any other device
            # (VIRTIO_F_ACCESS_PLATFORM); without it, IOVA-as-VA addresses bypass the IOMMU.
            # QEMU offers that to modern devices only: a transitional one always uses
            # physical addresses, so it works with the uio drivers, not with vfio-pci.
            props += ["iommu_platform=on", "ats=on"]
        return props + ["id=" + dev_id, "netdev=" + netdev, "mac=" + mac, "romfile="]

    def mq_model(self):
        # the multi-queue NIC is of the guest's virtio model, so that a guest whose transitional
        # NICs have their modern interface switched off (-global virtio-net-pci.disable-modern=on)
        # gets a legacy one; next to e1000 NICs it is modern virtio-net
        return self.o.nic_model if self.o.nic_model.startswith("virtio-net") else "virtio-net"

    def qemu_args(self, kernel, initrd, accel):
        o = self.o
        a = [o.qemu, "-name", "dpdk-vm", "-nodefaults", "-no-user-config", "-display", "none",
             "-vga", "none", "-no-reboot", "-m", str(o.mem), "-smp", str(o.smp),
             "-serial", "file:" + self.path("console.log"),
             "-qmp", "unix:%s,server=on,wait=off" % self.path("qmp.sock"),
             "-pidfile", self.path("qemu.pid"), "-kernel", kernel, "-initrd", initrd]
        machine = "q35"
        if accel == "kvm":
            a += ["-accel", "kvm", "-cpu", os.environ.get("DPDK_VM_CPU", "host")]
            if o.iommu == "on":
                machine += ",kernel-irqchip=split"
        else:
            a += ["-accel", "tcg,thread=multi", "-cpu", os.environ.get("DPDK_VM_CPU", "max")]
        a += ["-machine", machine]
        append = ["console=ttyS0", "panic=-1", "no_timer_check", "dpdk_vm.run=" + self.dir,
                  "dpdk_vm.stage2=" + os.path.join(GUEST_DIR, "stage2.sh")]
        if not o.verbose:
            append += ["quiet", "loglevel=3"]
        if o.hugepages:
            append += ["hugepagesz=2M", "hugepages=%d" % o.hugepages]
        if o.iommu == "on":
            a += ["-device", "intel-iommu,intremap=on,aw-bits=%d" % o.iommu_bits]
            append += ["intel_iommu=on", "iommu=pt"]
        if o.hotplug == "pciehp":
            # the root ports announce hotplug themselves (PCIe native) instead of through ACPI
            a += ["-global", "ICH9-LPC.acpi-pci-hotplug-with-bridge-support=off"]
        a += ["-fsdev", "local,id=root,path=/,security_model=none,readonly=on,multidevs=remap",
              "-device", "virtio-9p-pci,fsdev=root,mount_tag=hostroot,bus=pcie.0,addr=0x8",
              "-fsdev", "local,id=run,path=%s,security_model=none" % self.dir,
              "-device", "virtio-9p-pci,fsdev=run,mount_tag=vmrun,bus=pcie.0,addr=0x9"]
        topo = []
        for i in range(o.nics):
            port = NIC_PORT_BASE + i
            a += ["-netdev", "hubport,id=nd%d,hubid=0" % i,
                  "-device", "pcie-root-port,id=rp%d,bus=pcie.0,chassis=1,slot=%d,addr=0x%x"
                  % (i, i + 1, port),
                  "-device", ",".join(self.nic_device(o.nic_model, "nic%d" % i, "nd%d" % i,
                                                      "52:54:00:00:10:%02x" % i) + ["bus=rp%d" % i])]
            topo.append("nic%d 0000:00:%02x.0" % (i, port))
        for j in range(o.hotplug_slots):
            port = SLOT_PORT_BASE + j
            a += ["-netdev", "hubport,id=hpnd%d,hubid=0" % j,
                  "-device", "pcie-root-port,id=hp%d,bus=pcie.0,chassis=1,slot=%d,addr=0x%x"
                  % (j, 0x20 + j, port)]
            topo.append("hp%d 0000:00:%02x.0" % (j, port))
        if o.mq_nic:
            # a tap with one queue per pair: QEMU offers VIRTIO_NET_F_MQ only when its backend
            # has several queues (a hub has one), and maps tap queue i to queue pair i
            a += ["-netdev", "tap,id=mqnd0,ifname=%s,script=no,downscript=no,queues=%d,vhost=off"
                  % (self.mq_tap, o.mq_nic),
                  "-device", "pcie-root-port,id=mqrp0,bus=pcie.0,chassis=1,slot=%d,addr=0x%x"
                  % (0x30, MQ_PORT),
                  "-device", ",".join(self.nic_device(self.mq_model(), "mq0", "mqnd0", MQ_MAC) +
                                      ["mq=on", "vectors=%d" % (2 * o.mq_nic + 2),
                                       "bus=mqrp0"])]
            topo.append("mq0 0000:00:%02x.0" % MQ_PORT)
        a += ["-append", " ".join(append + o.kernel_arg)] + o.qemu_arg
        return a, topo

    def write_guest_config(self, topo, cmd):
        o = self.o
        _, ids, kdrv = MODELS[o.nic_model]
        with open(self.path("cmd"), "w") as f:
            f.write(" ".join(shlex.quote(c) for c in cmd) + "\n")
        with open(self.path("topology"), "w") as f:
            f.write("\n".join(topo) + "\n")
        with open(self.path("config"), "w") as f:
            for k, v in (("VM_GUEST_DIR", GUEST_DIR), ("VM_BIND", o.bind),
                         ("VM_MODEL", o.nic_model), ("VM_NIC_KDRV", kdrv),
                         ("VM_CWD", o.cwd), ("VM_MODULES", " ".join(o.module))):
                f.write("%s=%s\n" % (k, shlex.quote(v)))
            f.write("VM_ENV=(%s)\n" % " ".join(shlex.quote(e) for e in o.env))
            f.write("declare -A VM_KDRV=(%s)\n" % " ".join(
                "[%s]=%s" % (m, MODELS[m][2]) for m in MODELS))

    # -- guest requests (guest/bin/vm-host) -----------------------------------

    def serve_requests(self):
        reqdir = self.path("req")
        for name in sorted(os.listdir(reqdir)):
            if not name.endswith(".req"):
                continue
            p = os.path.join(reqdir, name)
            try:
                line = open(p).read().strip()
            finally:
                os.unlink(p)
            self.log("request " + line)
            try:
                ok, text = self.step(line.split())
            except (TimeoutError, ValueError, IndexError, KeyError) as e:
                ok, text = False, "%s: %s" % (type(e).__name__, e)
            except (EOFError, OSError) as e:
                # QMP broke in the middle of the request: answer the guest, then stop using it
                self.qmp = None
                ok, text = False, "QMP closed: %s" % e
            self.log("answer %s %s" % ("ok" if ok else "error", text))
            tmp = p[:-4] + ".tmp"
            with open(tmp, "w") as f:
                f.write(("ok " if ok else "error ") + text + "\n")
            os.rename(tmp, p[:-4] + ".ack")

    def wait_deleted(self, dev, timeout):
        end = time.monotonic() + timeout
        while True:
            if self.qmp is None:      # QEMU went away while we waited
                return False
            if dev in self.qmp.deleted:
                return True
            if time.monotonic() > end:
                return False
            self.pump(0.05)

    def step(self, w):
        op = w[0]
        if self.qmp is None:
            return False, "QEMU's QMP socket is closed (QEMU exit status %s)" % (
                self.qemu.poll() if self.qemu else None)
        if op == "hotplug":
            slot = int(w[1])
            if not 0 <= slot < self.o.hotplug_slots:
                return False, "no hot-plug slot %d (the guest has %d)" % (
                    slot, self.o.hotplug_slots)
            model = w[2] if len(w) > 2 else self.o.nic_model
            if model not in MODELS:
                return False, "unknown NIC model " + model
            dev = "hpdev%d" % slot
            self.qmp.deleted.discard(dev)
            props = self.nic_device(model, dev, "hpnd%d" % slot, "52:54:00:00:20:%02x" % slot)
            args = {"driver": props[0], "bus": "hp%d" % slot}
            for p in props[1:]:
                k, _, v = p.partition("=")
                args[k] = {"on": True, "off": False}.get(v, v)
            r = self.qmp.command("device_add", args)
            if "error" in r:
                return False, r["error"].get("desc", json.dumps(r["error"]))
            return True, "%s %s" % (model, MODELS[model][2])
        if op in ("unplug", "wait-deleted"):
            slot = int(w[1])
            dev = "hpdev%d" % slot
            mode = w[2] if len(w) > 2 else "20"
            if op == "unplug":
                r = self.qmp.command("device_del", {"id": dev})
                if "error" in r:
                    return False, r["error"].get("desc", json.dumps(r["error"]))
                if mode == "nowait":
                    return True, "requested"
            if not self.wait_deleted(dev, float(mode)):
                return False, "QEMU did not report %s deleted within %s s" % (dev, mode)
            return True, "deleted"
        if op in ("tap-send", "tap-stats"):
            if not self.mq_tap:
                return False, "no multi-queue NIC (--mq-nic)"
            try:
                self.tap_up()
                if op == "tap-send":
                    count, flows = int(w[1]), int(w[2])
                    return True, "sent %d" % self.tap_send(count, flows)
                st = {}
                for k in ("rx_packets", "tx_packets", "rx_dropped", "tx_dropped"):
                    with open("/sys/class/net/%s/statistics/%s" % (self.mq_tap, k)) as f:
                        st[k] = int(f.read())
            except (OSError, subprocess.CalledProcessError) as e:
                return False, "tap %s: %s" % (self.mq_tap, e)
            return True, "rx %(rx_packets)d tx %(tx_packets)d rx_dropped %(rx_dropped)d " \
                "tx_dropped %(tx_dropped)d" % st
        if op == "qmp":
            req = json.loads(" ".join(w[1:]))
            r = self.qmp.command(req["execute"], req.get("arguments"))
            return "error" not in r, json.dumps(r.get("return", r.get("error")))
        return False, "unknown request " + op

    def tap_up(self):
        """Bring the multi-queue NIC's tap up, silent: no IPv6 of its own to announce."""
        if self.mq_tap_up:
            return
        ipv6 = "/proc/sys/net/ipv6/conf/%s/disable_ipv6" % self.mq_tap
        if os.path.exists(ipv6):    # not there when the host has no IPv6 at all
            with open(ipv6, "w") as f:
                f.write("1")
        # room for a whole tap-send while the guest's rings are full (the default is 1000)
        for args in (["txqueuelen", "8192"], ["up"]):
            subprocess.run(["ip", "link", "set", "dev", self.mq_tap] + args, check=True,
                           stdout=subprocess.DEVNULL)
        self.mq_tap_up = True

    def tap_send(self, count, flows):
        """count UDP/IPv4 frames of 64-128 bytes to the multi-queue NIC, from flows source
        ports: the tap picks its queue, so the guest's queue pair, by the flow's hash."""
        if not 0 < count <= 1000000 or not 0 < flows <= 60000:
            raise ValueError("tap-send COUNT FLOWS: 1-1000000 frames, 1-60000 flows")
        dst = bytes.fromhex(MQ_MAC.replace(":", ""))
        src = bytes.fromhex("020000000001")
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
        try:
            s.bind((self.mq_tap, 0))
            for i in range(count):
                size = 64 + i % 65          # frame without its CRC
                udp_len = size - 14 - 20
                ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + udp_len, i & 0xffff, 0, 64, 17,
                                 0, bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2]))
                csum = sum(struct.unpack("!10H", ip))
                csum = (csum & 0xffff) + (csum >> 16)
                csum = ~((csum & 0xffff) + (csum >> 16)) & 0xffff
                ip = ip[:10] + struct.pack("!H", csum) + ip[12:]
                udp = struct.pack("!HHHH", 1024 + i % flows, 9, udp_len, 0)
                frame = dst + src + b"\x08\x00" + ip + udp + bytes(udp_len - 8)
                while True:
                    try:
                        s.send(frame)
                        break
                    except BlockingIOError:
                        time.sleep(0.001)
                # pace: the guest runs under emulation and the tap's queues are finite
                if i % 64 == 63:
                    time.sleep(0.002)
        finally:
            s.close()
        return count

    # -- main loop ------------------------------------------------------------

    def pump(self, timeout):
        """Forward new command output, read QMP events, note when the command started."""
        if self.t_cmd is None and os.path.exists(self.path("started")):
            self.t_cmd = time.monotonic()
        try:
            with open(self.path("output"), "rb") as f:
                f.seek(self.out_pos)
                chunk = f.read()
        except FileNotFoundError:
            chunk = b""
        if chunk:
            self.out_pos += len(chunk)
            sys.stdout.buffer.write(chunk)
            sys.stdout.flush()
        if self.qmp:
            try:
                self.qmp.poll(timeout)
            except (EOFError, OSError) as e:
                self.qmp = None
                status = self.qemu.poll() if self.qemu else None
                msg = "QMP closed (%s); QEMU %s" % (
                    e, "still running" if status is None else "exit status %s" % status)
                self.log(msg)
                print("dpdk-vm: " + msg, file=sys.stderr)
        else:
            time.sleep(timeout)

    def run(self, cmd):
        o = self.o
        kver = pick_kernel()
        if not kver:
            die("no guest kernel: apt-get install linux-image-amd64")
        kernel, initrd = guest_images(kver)
        accel = pick_accel() if o.accel == "auto" else o.accel
        args, topo = self.qemu_args(kernel, initrd, accel)
        self.write_guest_config(topo, cmd)
        with open(self.path("qemu.cmdline"), "w") as f:
            f.write(" ".join(shlex.quote(x) for x in args) + "\n")
        if o.verbose:
            print("dpdk-vm: " + " ".join(shlex.quote(x) for x in args), file=sys.stderr)
        self.qemu = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                     stdout=open(self.path("qemu.stderr"), "w"),
                                     stderr=subprocess.STDOUT)
        deadline = self.t0 + o.timeout
        status = None
        try:
            self.qmp = Qmp(self.path("qmp.sock"), time.monotonic() + 30, self.alive)
            self.qmp.log = self.log
            while self.alive():
                if time.monotonic() > deadline:
                    print("dpdk-vm: timeout after %d s, stopping the guest" % o.timeout,
                          file=sys.stderr)
                    status = 124
                    if self.t_cmd is not None:
                        self.guest_dump()
                    break
                self.serve_requests()
                self.pump(0.05)
        except (RuntimeError, EOFError, OSError) as e:
            if self.alive():
                print("dpdk-vm: %s" % e, file=sys.stderr)
        self.stop_qemu()
        self.pump(0)
        if status == 124:
            self.console_tail("end of the console of the guest that timed out:")
            if self.t_cmd is not None:
                self.timeout_report()
        if status is None:
            status = self.exit_status()
        self.summary(status, accel)
        return status

    def guest_dump(self, wait=10):
        """Ask the guest (stage2's watcher) for its kernel log and blocked tasks; a guest
        that does not answer within wait seconds is frozen, itself worth knowing."""
        self.log("timeout: asking the guest for its kernel log")
        open(self.path("dump"), "w").close()
        end = time.monotonic() + wait
        while time.monotonic() < end and self.alive():
            if os.path.exists(self.path("dumped")):
                self.log("timeout: the guest wrote its kernel log")
                return
            self.pump(0.1)
        self.log("timeout: the guest did not write its kernel log within %d s" % wait)

    def timeout_report(self):
        """What a timed-out guest was doing: the host's last requests and QEMU's answers,
        and the guest's kernel log (blocked tasks included) if it could still write it."""
        sources = (("qmp.log", "  host: ", 12), ("dmesg-at-timeout", "  guest kernel: ", 40))
        for name, prefix, n in sources:
            try:
                text = open(self.path(name), errors="replace").read()
            except OSError:
                if name == "dmesg-at-timeout":
                    print("dpdk-vm: the guest did not answer a request for its kernel log: "
                          "frozen, or its shared folder is", file=sys.stderr)
                continue
            print("dpdk-vm: last lines of %s:" % name, file=sys.stderr)
            for line in text.splitlines()[-n:]:
                print(prefix + line, file=sys.stderr)

    def stop_qemu(self):
        if self.qemu is None:
            return
        if self.qemu.poll() is None:
            self.qemu.terminate()
            try:
                self.qemu.wait(3)
            except subprocess.TimeoutExpired:
                self.qemu.kill()
                self.qemu.wait()

    def exit_status(self):
        try:
            return int(open(self.path("status")).read().strip())
        except (OSError, ValueError):
            pass
        console = open(self.path("console.log"), errors="replace").read()
        for line in reversed(console.splitlines()):
            if line.startswith("DPDK-VM-EXIT="):
                return int(line.split("=", 1)[1])
        self.console_tail("the guest ended without an exit status; end of its console:")
        return 125

    def console_tail(self, title):
        """The last lines of the guest's console and of QEMU's stderr, on stderr."""
        print("dpdk-vm: " + title, file=sys.stderr)
        for name, prefix, n in (("console.log", "  ", 25), ("qemu.stderr", "  qemu: ", 5)):
            try:
                text = open(self.path(name), errors="replace").read()
            except OSError:
                continue
            for line in text.splitlines()[-n:]:
                print(prefix + line, file=sys.stderr)

    def summary(self, status, accel):
        end = time.monotonic()
        if self.t_cmd is not None:
            print("dpdk-vm: exit %d (%s), boot %.1f s, command %.1f s" % (
                status, accel, self.t_cmd - self.t0, end - self.t_cmd), file=sys.stderr)
        else:
            print("dpdk-vm: exit %d (%s), the command never started, %.1f s" % (
                status, accel, end - self.t0), file=sys.stderr)

    def cleanup(self):
        self.stop_qemu()
        self.logf.close()
        if self.o.artifacts:
            os.makedirs(self.o.artifacts, exist_ok=True)
            for n in ("console.log", "output", "dmesg", "dmesg-at-timeout", "qmp.log", "slots",
                      "qemu.cmdline", "qemu.stderr"):
                if os.path.exists(self.path(n)):
                    shutil.copy(self.path(n), self.o.artifacts)
        if self.o.keep:
            print("dpdk-vm: run directory kept: " + self.dir, file=sys.stderr)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="dpdk-vm.py", usage="%(prog)s [options] -- COMMAND [ARG...]",
        description="Run COMMAND inside a QEMU guest with emulated PCI NICs on hot-plug "
                    "slots; the guest's root is the host's, so host binaries run unchanged.")
    p.add_argument("--nics", type=int, default=2, help="NICs present at boot (0-8, default 2)")
    p.add_argument("--hotplug-slots", type=int, default=1,
                   help="empty PCIe slots for hot-added NICs (0-7, default 1)")
    p.add_argument("--nic-model", default="e1000", choices=sorted(MODELS),
                   help="model of the boot NICs, and of hot-added ones by default")
    p.add_argument("--bind", default="kernel", choices=BINDS,
                   help="driver the NICs are bound to: kernel (the model's own), "
                        "uio_pci_generic, igb_uio, vfio-pci or none")
    p.add_argument("--iommu", default="on", choices=("on", "off"),
                   help="emulated Intel VT-d (vfio-pci needs it; default on)")
    p.add_argument("--iommu-bits", type=int, default=48, choices=(39, 48),
                   help="the vIOMMU's input address width (default 48)")
    p.add_argument("--hotplug", default="pciehp", choices=("pciehp", "acpi"),
                   help="how the slots signal hotplug: PCIe native (default) or ACPI")
    p.add_argument("--mq-nic", type=int, default=0, metavar="N",
                   help="one more boot NIC, virtio-net with N queue pairs (mq0 in the guest, "
                        "on 00:%02x.0) on a host tap of N queues, of the --nic-model when that "
                        "is a virtio one; the guest reaches the tap with vm-host tap-send / "
                        "tap-stats (default 0: none)" % MQ_PORT)
    p.add_argument("--hugepages", type=int, default=128, help="2 MiB hugepages (default 128)")
    p.add_argument("--mem", type=int, default=1024, help="guest memory in MiB (default 1024)")
    p.add_argument("--smp", type=int, default=2, help="guest vCPUs (default 2)")
    p.add_argument("--accel", default=os.environ.get("DPDK_VM_ACCEL", "auto"),
                   choices=("auto", "kvm", "tcg"),
                   help="auto: hardware KVM when the host has it, TCG otherwise")
    p.add_argument("--timeout", type=int, default=300, help="seconds before the guest is "
                   "stopped and the run fails with 124 (default 300)")
    p.add_argument("--cwd", default=os.getcwd(), help="COMMAND's directory in the guest")
    p.add_argument("--env", action="append", default=[], metavar="K=V",
                   help="environment variable for COMMAND (repeatable)")
    p.add_argument("--module", action="append", default=[], help="extra guest module to load")
    p.add_argument("--kernel-arg", action="append", default=[], help="extra kernel argument")
    p.add_argument("--qemu-arg", action="append", default=[], help="extra QEMU argument")
    p.add_argument("--qemu", default=os.environ.get("DPDK_VM_QEMU", "qemu-system-x86_64"))
    p.add_argument("--artifacts", help="copy the console, output, dmesg and QMP log there")
    p.add_argument("--keep", action="store_true", help="keep the run directory")
    p.add_argument("-v", "--verbose", action="store_true", help="kernel messages on the console")
    p.add_argument("--print-accel", action="store_true",
                   help="print the accelerator auto would choose, and exit")
    p.add_argument("--print-kernel", action="store_true",
                   help="print the version of the kernel the guest would boot, and exit")
    p.add_argument("command", nargs=argparse.REMAINDER)
    o = p.parse_args(argv)
    if o.print_accel or o.print_kernel:
        print(pick_accel() if o.print_accel else (pick_kernel() or ""))
        sys.exit(0)
    if o.command and o.command[0] == "--":
        o.command = o.command[1:]
    if not o.command:
        p.error("no COMMAND given")
    if not 0 <= o.nics <= 8 or not 0 <= o.hotplug_slots <= 7:
        p.error("--nics must be 0-8 and --hotplug-slots 0-7")
    if not 0 <= o.mq_nic <= 8 or o.mq_nic == 1:
        p.error("--mq-nic must be 0 (none) or 2-8")
    if o.bind == "vfio-pci" and o.iommu == "off":
        p.error("--bind vfio-pci needs --iommu on (the guest kernel has no no-IOMMU mode)")
    for e in o.env:
        if "=" not in e:
            p.error("--env wants K=V, not %r" % e)
    if shutil.which(o.qemu) is None:
        die("%s not found: apt-get install qemu-system-x86 (or devtools/vm/install-deps.sh)"
            % o.qemu)
    return o


def main(argv):
    o = parse_args(argv)
    run = Run(o)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return run.run(o.command)
    except KeyboardInterrupt:
        return 130
    finally:
        run.cleanup()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
