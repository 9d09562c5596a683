#!/usr/bin/env python3
"""A test SMTP server that stores every accepted message as a file.

    python smtp_sink.py --port P --dir DIR [--starttls] [--tls] [--auth USER:PASS]
                        [--auth-mechanisms PLAIN,LOGIN] [--fail-first N] [--envelopes]
                        [--exit-with-parent]

Listens on 127.0.0.1:P and writes each accepted message, byte for byte as received after
SMTP dot-unstuffing, to DIR/000001.eml, DIR/000002.eml, ... (zero-padded so that names sort in
arrival order). Each file is written under a hidden temporary name and renamed, so a reader
never sees half a message. Prints "ready" on stdout once listening; stops cleanly on SIGTERM
or SIGINT.

  --starttls          offer STARTTLS (not required) with a self-signed certificate made at start
  --tls               implicit TLS from the first byte, same kind of certificate
  --auth USER:PASS    require AUTH PLAIN or LOGIN with these credentials before MAIL
                      (also over plain connections: this is a test server)
  --auth-mechanisms   restrict the AUTH mechanisms offered, e.g. LOGIN (default: PLAIN,LOGIN)
  --fail-first N      answer "451 4.3.0 try again later" to the first N DATA transactions (after the
                      message data, where real servers defer; nothing is stored for them)
  --envelopes         also write DIR/NNNNNN.envelope.json (mail_from, rcpt_tos, login, tls) before each .eml
  --exit-with-parent  stop when the process that started the sink dies (no orphans after a killed test run)

Needs (pinned, tested with Python 3.11):
    aiosmtpd==1.4.6
    cryptography==50.0.2   (optional: without it the certificate comes from the openssl command)
"""

import argparse
import asyncio
import datetime
import ipaddress
import json
import logging
import os
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

HOST = "127.0.0.1"
SERVER_NAME = "blason-smtp-sink"


def parse_arguments():
    parser = argparse.ArgumentParser(description="Test SMTP server that stores messages as .eml files.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True, help="where the .eml files go (created if missing)")
    parser.add_argument("--starttls", action="store_true", help="offer STARTTLS")
    parser.add_argument("--tls", action="store_true", help="implicit TLS")
    parser.add_argument("--auth", metavar="USER:PASS", help="require AUTH with these credentials")
    parser.add_argument("--auth-mechanisms", default="PLAIN,LOGIN", help="comma-separated, from PLAIN and LOGIN")
    parser.add_argument("--fail-first", type=int, default=0, metavar="N", help="answer 451 to the first N messages")
    parser.add_argument("--envelopes", action="store_true", help="write NNNNNN.envelope.json beside each message")
    parser.add_argument("--exit-with-parent", action="store_true", help="stop when the parent process dies")
    arguments = parser.parse_args()
    if arguments.starttls and arguments.tls:
        parser.error("--starttls and --tls are exclusive")
    if arguments.auth is not None and ":" not in arguments.auth:
        parser.error("--auth needs USER:PASS")
    mechanisms = {m.strip().upper() for m in arguments.auth_mechanisms.split(",") if m.strip()}
    if not mechanisms or not mechanisms <= {"PLAIN", "LOGIN"}:
        parser.error("--auth-mechanisms takes PLAIN, LOGIN or both")
    arguments.auth_mechanisms = mechanisms
    return arguments


def make_certificate(directory):
    """Writes a self-signed certificate for localhost and 127.0.0.1; returns (cert path, key path)."""
    cert_path = os.path.join(directory, "cert.pem")
    key_path = os.path.join(directory, "key.pem")
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        # No cryptography package: the openssl command line does the same job.
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
             "-nodes", "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
             "-keyout", key_path, "-out", cert_path],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        return cert_path, key_path

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    with open(key_path, "wb") as file:
        file.write(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    with open(cert_path, "wb") as file:
        file.write(certificate.public_bytes(serialization.Encoding.PEM))
    return cert_path, key_path


def make_tls_context(scratch):
    cert_path, key_path = make_certificate(scratch)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    return context


class SinkHandler:
    """aiosmtpd handler: counts, fails on demand, stores."""

    def __init__(self, directory, fail_first, envelopes):
        self.directory = directory
        self.failures_left = fail_first
        self.envelopes = envelopes
        self.sequence = 0

    async def handle_DATA(self, server, session, envelope):
        if self.failures_left > 0:
            self.failures_left -= 1
            return "451 4.3.0 try again later"
        self.sequence += 1
        stem = f"{self.sequence:06d}"
        if self.envelopes:
            login = session.login_data.decode("utf-8", "replace") if session.login_data else None
            # After STARTTLS aiosmtpd swaps in the TLS transport, so this covers both kinds of TLS.
            tls = server.transport is not None and server.transport.get_extra_info("ssl_object") is not None
            record = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "login": login, "tls": tls}
            self._write(stem + ".envelope.json", json.dumps(record).encode("utf-8"))
        self._write(stem + ".eml", envelope.original_content)
        return "250 2.0.0 OK stored as " + stem + ".eml"

    def _write(self, name, content):
        temporary = os.path.join(self.directory, "." + name + ".tmp")
        with open(temporary, "wb") as file:
            file.write(content)
        os.replace(temporary, os.path.join(self.directory, name))


def make_authenticator(credentials):
    user, password = credentials.split(":", 1)

    def authenticator(server, session, envelope, mechanism, auth_data):
        accepted = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode("utf-8")
            and auth_data.password == password.encode("utf-8")
        )
        if accepted:
            return AuthResult(success=True, auth_data=auth_data)
        # handled=False makes aiosmtpd send its 535 reply itself; the default would send nothing.
        return AuthResult(success=False, handled=False)

    return authenticator


async def watch_parent(parent, stop):
    # An orphan is re-parented, so a changed parent id means the starter is gone.
    while os.getppid() == parent:
        await asyncio.sleep(1)
    stop.set()


async def serve(arguments, scratch):
    os.makedirs(arguments.dir, exist_ok=True)
    handler = SinkHandler(arguments.dir, arguments.fail_first, arguments.envelopes)
    tls_context = make_tls_context(scratch) if (arguments.starttls or arguments.tls) else None
    loop = asyncio.get_running_loop()

    options = {
        "hostname": SERVER_NAME,  # without it aiosmtpd calls getfqdn(), which can stall offline
        "auth_require_tls": False,
        "loop": loop,
    }
    if arguments.starttls:
        options["tls_context"] = tls_context
    if arguments.auth is not None:
        options["authenticator"] = make_authenticator(arguments.auth)
        options["auth_required"] = True
        options["auth_exclude_mechanism"] = sorted({"PLAIN", "LOGIN"} - arguments.auth_mechanisms)

    server = await loop.create_server(
        lambda: SMTP(handler, **options),
        host=HOST,
        port=arguments.port,
        ssl=tls_context if arguments.tls else None,
    )
    stop = asyncio.Event()
    for signal_number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signal_number, stop.set)
    # Kept in a variable: asyncio holds only weak references to tasks.
    watcher = asyncio.create_task(watch_parent(os.getppid(), stop)) if arguments.exit_with_parent else None
    print("ready", flush=True)
    await stop.wait()
    if watcher is not None:
        watcher.cancel()
    server.close()
    await server.wait_closed()


def main():
    arguments = parse_arguments()
    # A parent may spawn us with its signal mask, which can block SIGTERM (Foundation's Process on
    # Linux does): unblock, or a polite stop would never arrive.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    # aiosmtpd warns (once per connection) that AUTH without TLS is unsafe; here that is the point.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="smtp_sink: %(levelname)s %(message)s")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    scratch = tempfile.mkdtemp(prefix="smtp-sink-")
    try:
        asyncio.run(serve(arguments, scratch))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
