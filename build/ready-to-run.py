#!/usr/bin/env python3
"""Does an assembly carry ReadyToRun code? Usage: build/ready-to-run.py FILE.dll|PACKAGE.nupkg[:PATH/IN/PACKAGE.dll] ...

Reads the PE file's CLI header: a ReadyToRun image has a ManagedNativeHeader pointing at the "RTR" signature.
Prints one line per file and exits 1 if any is IL only. build/ReadyToRun.targets precompiles FakeAuthServer.dll in
Release builds; .ci/run checks the packed library and tool with this.
"""
import struct, sys, zipfile


def ready_to_run(data: bytes) -> bool:
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        raise ValueError("not a PE file")
    sections = struct.unpack_from("<H", data, pe + 6)[0]
    optional_size = struct.unpack_from("<H", data, pe + 20)[0]
    optional = pe + 24
    directories = optional + (112 if struct.unpack_from("<H", data, optional)[0] == 0x20B else 96)
    cli_rva = struct.unpack_from("<I", data, directories + 14 * 8)[0]
    table = optional + optional_size

    def offset(rva):
        for i in range(sections):
            size, address, _, raw = struct.unpack_from("<IIII", data, table + i * 40 + 8)
            if address <= rva < address + size:
                return rva - address + raw
        raise ValueError(f"RVA {rva:#x} is in no section")

    native_rva, native_size = struct.unpack_from("<II", data, offset(cli_rva) + 64)
    return native_size > 0 and data[offset(native_rva):offset(native_rva) + 4] == b"RTR\0"


def read(spec: str) -> bytes:
    if ":" not in spec:
        return open(spec, "rb").read()
    package, inner = spec.split(":", 1)
    with zipfile.ZipFile(package) as z:
        return z.read(inner)


failed = False
for spec in sys.argv[1:]:
    r2r = ready_to_run(read(spec))
    print(f"{spec}: {'ReadyToRun' if r2r else 'IL only'}")
    failed |= not r2r
sys.exit(1 if failed else 0)
