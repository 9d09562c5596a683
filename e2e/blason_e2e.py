"""Shared helpers for Blason's end-to-end checks: start a real `blason serve`, run the CLI,
pick free loopback ports, report results."""
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLASON = os.environ.get("BLASON_BIN", os.path.join(ROOT, ".build", "debug", "blason"))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def png(width=64, height=64, rgb=(11, 79, 138)):
    """A small valid PNG, for badge images."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class Server:
    """`blason serve` on a free loopback port with its own database (SQLite file or a PostgreSQL URL)."""

    def __init__(self, database_url=None, label="sqlite"):
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.workdir = tempfile.mkdtemp(prefix="blason-e2e-")
        self.env = dict(os.environ)
        self.env["BLASON_PUBLIC_URL"] = self.base
        self.env["BLASON_BCRYPT_COST"] = "6"
        if database_url:
            self.env["BLASON_DATABASE_URL"] = database_url
        else:
            self.env["BLASON_DATABASE_URL"] = "sqlite:" + os.path.join(self.workdir, "blason.sqlite")
        self.label = label
        self.process = None

    def __enter__(self):
        log = open(os.path.join(self.workdir, "server.log"), "w")
        self.process = subprocess.Popen([BLASON, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                        env=self.env, cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("blason serve exited: " + open(os.path.join(self.workdir, "server.log")).read()[-3000:])
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("blason serve did not become ready")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def cli(self, *args, expect_ok=True):
        """Runs `blason ARGS` against the same database; returns stdout (stderr goes to the log)."""
        result = subprocess.run([BLASON, *args], env=self.env, cwd=self.workdir, capture_output=True, text=True, timeout=300)
        if expect_ok and result.returncode != 0:
            raise RuntimeError("blason %s failed (%d): %s" % (" ".join(args), result.returncode, result.stderr[-2000:]))
        return result

    def get(self, path, accept="application/ld+json"):
        request = urllib.request.Request(self.base + path if path.startswith("/") else path, headers={"Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read(), error.headers


class Report:
    """Collects named checks and prints one line each, then a summary."""

    def __init__(self, title):
        self.title = title
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print("%s %s%s" % ("ok  " if ok else "FAIL", name, "" if ok or not detail else " — " + str(detail)[:600]), flush=True)

    def finish(self):
        print("%s: %d passed, %d failed" % (self.title, self.passed, self.failed), flush=True)
        return 0 if self.failed == 0 else 1


def write_json(path, value):
    with open(path, "w") as handle:
        json.dump(value, handle, indent=2)
