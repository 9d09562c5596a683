"""Shared helpers for Blason's end-to-end checks: start a real `blason serve`, run the CLI,
pick free loopback ports, run the test SMTP server, browse with cookies and forms, report results."""
import email
import email.policy
import glob
import http.cookiejar
import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
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

    def __init__(self, database_url=None, label="sqlite", port=None, public_url=None):
        self.port = port or free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.workdir = tempfile.mkdtemp(prefix="blason-e2e-")
        self.env = dict(os.environ)
        # Several nodes of one platform share the public URL (the reverse proxy's), not their address.
        self.env["BLASON_PUBLIC_URL"] = public_url or self.base
        self.env["BLASON_BCRYPT_COST"] = "6"
        if database_url:
            self.env["BLASON_DATABASE_URL"] = database_url
            # PostgreSQL means shared deployments: the key that seals signing keys must be given.
            self.env.setdefault("BLASON_MASTER_KEY", "QmxhcyBvbiB0ZXN0IG1hc3RlciBrZXkgMzIgYnl0ZXM=")
        else:
            self.env["BLASON_DATABASE_URL"] = "sqlite:" + os.path.join(self.workdir, "blason.sqlite")
        self.label = label
        self.process = None

    def __enter__(self):
        self.start()
        return self.wait_ready()

    def start(self):
        """Starts the process without waiting (nodes started together call wait_ready afterwards)."""
        log = open(os.path.join(self.workdir, "server.log"), "a")
        self.process = subprocess.Popen([BLASON, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                        env=self.env, cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT)
        return self

    def wait_ready(self):
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
        self.stop()

    def stop(self):
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


class Sink:
    """e2e/smtp_sink.py as a child process on a loopback port, writing each message to a directory."""

    def __init__(self, port, directory):
        self.port, self.directory, self.process = port, directory, None

    def start(self):
        self.process = subprocess.Popen([sys.executable, os.path.join(HERE, "smtp_sink.py"), "--port", str(self.port), "--dir", self.directory,
                                         "--exit-with-parent"],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        if "ready" not in line:
            raise RuntimeError("SMTP sink did not start: %r" % line)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def messages(self):
        result = []
        for path in sorted(glob.glob(os.path.join(self.directory, "*.eml"))):
            with open(path, "rb") as handle:
                result.append(email.message_from_binary_file(handle, policy=email.policy.default))
        return result


def mail_sink(root):
    """An SMTP sink (not started yet) writing under `root`/mail."""
    sink = Sink(free_port(), os.path.join(root, "mail"))
    os.makedirs(sink.directory)
    return sink


def delivering_to(sink, claim_timeout=10):
    """The settings that make a server deliver its e-mail to `sink` at once, retrying fast."""
    return {"BLASON_SMTP_URL": "smtp://127.0.0.1:%d" % sink.port, "BLASON_MAIL_POLL_MS": "200", "BLASON_MAIL_RETRY_SECONDS": "1",
            "BLASON_MAIL_CLAIM_TIMEOUT": str(claim_timeout)}


def wait_for(predicate, timeout, step=0.25):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def text_of(message):
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part else ""


def multipart(fields, files=None):
    """A multipart/form-data body: fields [(name, value)] or {name: value}, files {name: (filename, type, bytes)}."""
    boundary = "----blason-e2e-boundary"
    lines = []
    for name, value in (fields.items() if isinstance(fields, dict) else fields):
        lines += [b"--" + boundary.encode(), ('Content-Disposition: form-data; name="%s"' % name).encode(), b"", value.encode()]
    for name, (filename, kind, data) in (files or {}).items():
        lines += [b"--" + boundary.encode(), ('Content-Disposition: form-data; name="%s"; filename="%s"' % (name, filename)).encode(),
                  ("Content-Type: " + kind).encode(), b"", data]
    lines += [b"--" + boundary.encode() + b"--", b""]
    return b"\r\n".join(lines), "multipart/form-data; boundary=" + boundary


class WebClient:
    """A browser without a screen: keeps cookies, follows redirects, and sends forms (url-encoded or
    multipart) with the anti-forgery token of the last page it read."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = ""
        self.page = ""
        self.url = ""

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=60) as response:
                status, url, body = response.status, response.geturl(), response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            status, url, body = error.code, error.geturl(), error.read().decode("utf-8", "replace")
        token = re.search(r'name="_csrf" value="([^"]+)"', body)
        if token:
            self.csrf = token.group(1)
        self.page, self.url = body, url
        return status, url, body

    def _absolute(self, path):
        return path if path.startswith("http") else self.base + path

    def get(self, path):
        """Returns (status, final URL, body)."""
        return self._open(urllib.request.Request(self._absolute(path), headers={"Accept": "text/html"}))

    def post(self, path, fields=()):
        """Posts [(name, value)] (repeated names allowed) or {name: value}, url-encoded."""
        pairs = list(fields.items() if isinstance(fields, dict) else fields) + [("_csrf", self.csrf)]
        return self._open(urllib.request.Request(self._absolute(path), data=urllib.parse.urlencode(pairs).encode(),
                                                 headers={"Accept": "text/html", "Content-Type": "application/x-www-form-urlencoded"}))

    def post_multipart(self, path, fields=(), files=None):
        pairs = list(fields.items() if isinstance(fields, dict) else fields) + [("_csrf", self.csrf)]
        body, kind = multipart(pairs, files)
        return self._open(urllib.request.Request(self._absolute(path), data=body, headers={"Accept": "text/html", "Content-Type": kind}))


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


def issuer(server, email, organisation, slug, badge_name):
    """An organisation admin (password `issuer-password-123`) with one badge class, made through
    the command line, and an API token: returns (badge class id, badge class URL, token)."""
    server.cli("user", "create", "--email", email, "--password", "issuer-password-123", "--org", organisation)
    image = os.path.join(server.workdir, "badge-%s.png" % slug)
    with open(image, "wb") as handle:
        handle.write(png())
    badge = json.loads(server.cli("badge", "create", "--org", slug, "--name", badge_name, "--description", "Un badge de test.",
                                  "--criteria", "- Être là", "--image", image).stdout)
    request = urllib.request.Request(server.base + "/api/v1/tokens", method="POST", headers={"Content-Type": "application/json"},
                                     data=json.dumps({"email": email, "password": "issuer-password-123", "name": "e2e"}).encode())
    with urllib.request.urlopen(request, timeout=60) as answer:
        token = json.load(answer)["token"]
    return badge["id"].rsplit("/", 1)[-1], badge["id"], token
