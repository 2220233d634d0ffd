#!/usr/bin/env python3
"""Python half of the client run: requests.Session, one login then N GETs in sequence, each checked for 200.

Usage: client_run.py <base-url> [gets=1999] [warmup-ms=1500] [path=/protected]
The warm-up runs first on the same Session, as the .NET ClientRun does: the same login + GETs, repeated until
warmup-ms have passed (at least once); it is not timed.
"""
import sys
import time

import requests


def run(session, base, path, gets):
    r = session.post(base + "/api/login", data={"username": "some_name", "password": "pass"})
    if r.status_code != 200:
        raise SystemExit(f"login answered {r.status_code}, expected 200")
    for _ in range(gets):
        r = session.get(base + path)
        if r.status_code != 200:
            raise SystemExit(f"{path} answered {r.status_code}, expected 200")


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    base = argv[1].rstrip("/")
    gets = int(argv[2]) if len(argv) > 2 else 1999
    warmup_ms = int(argv[3]) if len(argv) > 3 else 1500
    path = argv[4] if len(argv) > 4 else "/protected"
    with requests.Session() as session:
        warmup_start, warmup_requests = time.perf_counter(), 0
        while True:
            run(session, base, path, gets)
            warmup_requests += gets + 1
            if (time.perf_counter() - warmup_start) * 1000 >= warmup_ms:
                break
        warmup_elapsed = (time.perf_counter() - warmup_start) * 1000
        start = time.perf_counter()
        run(session, base, path, gets)
        elapsed = (time.perf_counter() - start) * 1000
    print(f"client=python requests={gets + 1} warmup_requests={warmup_requests} warmup_ms={warmup_elapsed:.0f} elapsed_ms={elapsed:.1f}")


if __name__ == "__main__":
    main(sys.argv)
