#!/usr/bin/env python3
"""Open Badges 3.0 against a live Blason server, checked by independent verifiers: the verifier kit's
own (eddsa-rdfc-2022 with pyld, VC-JWT with jwcrypto; keys dereferenced from Blason's Profile and
JWK Set) and openbadgeslib's (keys pinned, as it refuses http). Then `blason verify` must agree with
them on every case, on Blason's output and on the kit's own fixtures (served by the kit's fixture
servers), and give a clear verdict on bad input.

Run with the OB 3.0 kit's venv: python ob3_e2e.py --obkit PATH --ob2-python PATH
"""
import argparse
import base64
import copy
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import BLASON, Report, Server, free_port, png  # noqa: E402
from ob2_validation import api_call  # noqa: E402


def b64u_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--obkit", required=True)
    parser.add_argument("--ob2-python", required=True, help="the python of the OB 2.0 validator's venv")
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(args.obkit, "ob3"))
    import ob3_lib as L
    from ob3_verify import verify_bytes
    from openbadgeslib.ob3 import OB3LdpVerifier, OB3Verifier, OB3VerificationError
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from jwcrypto import jwk

    report = Report("OB 3.0 verifiers")
    agreements = []

    def kit(data):
        result = verify_bytes(data if isinstance(data, bytes) else data.encode())
        return result["valid"], "; ".join(result["errors"] or result["checks"])

    def openbadgeslib(kind, pem, text):
        try:
            (OB3LdpVerifier(pubkey_pem=pem) if kind == "ldp" else OB3Verifier(pem)).verify(text)
            return True, "valid"
        except OB3VerificationError as error:
            return False, str(error)[:200]

    def blason_verify(server, target, *extra):
        result = subprocess.run([BLASON, "verify", "--json", *extra, target], env=server.env, cwd=server.workdir,
                                capture_output=True, text=True, timeout=120)
        try:
            verdict = json.loads(result.stdout)
        except ValueError:
            verdict = {"valid": None, "stdout": result.stdout[-500:], "stderr": result.stderr[-500:]}
        return result.returncode, verdict

    def agree(server, name, expected, data=None, target=None, *extra):
        """`blason verify` on a file (data) or a URL (target) must say what the independent verifier said."""
        if data is not None:
            target = os.path.join(server.workdir, "case-%d" % len(agreements))
            with open(target, "wb") as handle:
                handle.write(data if isinstance(data, bytes) else data.encode())
        code, verdict = blason_verify(server, target, *extra)
        ok = (code == 0) == expected and verdict.get("valid") == expected
        agreements.append(ok)
        report.check("blason verify agrees (%s): %s" % ("valid" if expected else "invalid", name), ok,
                     [c for c in verdict.get("checks", []) if not c.get("passed")] or verdict)
        return verdict

    def ed_pem(multikey):
        raw = L.multibase.decode(multikey)[2:]
        return Ed25519PublicKey.from_public_bytes(raw).public_bytes(serialization.Encoding.PEM,
                                                                     serialization.PublicFormat.SubjectPublicKeyInfo).decode()

    def jwk_pem(key):
        return jwk.JWK(**key).export_to_pem().decode()

    with Server() as server:
        server.cli("user", "create", "--email", "admin@ob3.test", "--password", "e2e-password-123", "--org", "Structure OB3")
        server.cli("user", "create", "--email", "admin@partner3.test", "--password", "e2e-password-123", "--org", "Partenaire OB3")
        image = os.path.join(server.workdir, "badge.png")
        with open(image, "wb") as handle:
            handle.write(png(96, 96, (29, 122, 60)))
        badge = json.loads(server.cli("badge", "create", "--org", "structure-ob3", "--name", "Animer un atelier",
                                      "--description", "Animer un atelier collectif.", "--criteria", "- Préparer\n- Animer",
                                      "--image", image).stdout)
        badge_id = badge["id"].rsplit("/", 1)[-1]

        # The credential with its Data Integrity proof, as the command line prints it.
        credential = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "lea@example.org", "--format", "ob3").stdout)
        credential_url = credential["id"]
        report.check("blason issue --format ob3 prints an OpenBadgeCredential with an eddsa-rdfc-2022 proof",
                     "OpenBadgeCredential" in credential["type"] and credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022",
                     credential.get("proof"))
        valid, detail = kit(json.dumps(credential))
        report.check("the kit's verifier: the printed credential is valid (key from the issuer Profile)", valid, detail)
        status, body, _ = server.get(credential_url)
        hosted = json.loads(body)
        valid, detail = kit(body)
        report.check("the kit's verifier: the hosted credential is valid", status == 200 and valid, detail)
        report.check("the hosted credential is the one printed (same proof)", hosted.get("proof") == credential.get("proof"))
        profile = json.loads(server.get(credential["issuer"]["id"])[1])
        methods = {m["id"]: m for m in profile.get("verificationMethod", [])}
        report.check("the issuer Profile publishes its verification methods", credential["proof"]["verificationMethod"] in methods,
                     list(methods))
        ed_method = methods.get(credential["proof"]["verificationMethod"], {})
        valid, detail = openbadgeslib("ldp", ed_pem(ed_method.get("publicKeyMultibase", "z")), json.dumps(hosted))
        report.check("openbadgeslib (pinned key): the credential is valid", valid, detail)
        agree(server, "the hosted credential URL", True, None, credential_url)
        agree(server, "the credential file", True, json.dumps(hosted))
        status, achievement, _ = server.get(hosted["credentialSubject"]["achievement"]["id"])
        report.check("the Achievement is published at its id", status == 200 and json.loads(achievement)["type"] == ["Achievement"])

        # VC-JWT in the three algorithms; kid dereferenced from the Profile.
        jwts = {}
        for alg in ("EdDSA", "ES256", "RS256"):
            status, token, headers = server.get(credential_url + "/credential.jwt?alg=" + alg, accept="application/vc+jwt")
            jwts[alg] = token.decode()
            valid, detail = kit(token)
            header = json.loads(b64u_decode(jwts[alg].split(".")[0]))
            report.check("the kit's verifier: the VC-JWT (%s) is valid, kid %s" % (alg, header.get("kid", "")[-12:]),
                         status == 200 and valid and header.get("alg") == alg, detail)
            agree(server, "VC-JWT %s" % alg, True, jwts[alg])
        keys = json.loads(server.get(credential["issuer"]["id"] + "/jwks.json")[1])["keys"]
        by_kid = {k["kid"]: k for k in keys}
        for alg in ("EdDSA", "RS256"):
            kid = json.loads(b64u_decode(jwts[alg].split(".")[0]))["kid"]
            valid, detail = openbadgeslib("jwt", jwk_pem(by_kid[kid]), jwts[alg]) if kid in by_kid else (False, "kid not in JWKS")
            report.check("openbadgeslib (pinned key from the JWK Set): the VC-JWT (%s) is valid" % alg, valid, detail)

        # Baked images.
        status, baked_png, _ = server.get(credential_url + "/baked.png", accept="image/png")
        valid, detail = kit(baked_png)
        report.check("the kit's verifier: the baked PNG (iTXt openbadgecredential) is valid", status == 200 and valid, detail)
        agree(server, "the baked PNG", True, baked_png)
        status, baked_svg, _ = server.get(credential_url + "/baked.svg", accept="image/svg+xml")
        inside = re.search(rb"<openbadges:credential[^>]*>(.*?)</openbadges:credential>", baked_svg, re.S)
        import html as htmlmod
        payload = inside.group(1).decode().strip() if inside else ""
        if payload.startswith("<![CDATA[") and payload.endswith("]]>"):
            payload = payload[len("<![CDATA["):-len("]]>")]
        else:
            payload = htmlmod.unescape(payload)
        valid, detail = kit(payload.strip()) if inside else (False, "no openbadges:credential")
        report.check("the kit's verifier: the credential in the baked SVG is valid", status == 200 and valid, detail)
        agree(server, "the baked SVG", True, baked_svg)

        # Tampering.
        tampered = copy.deepcopy(hosted)
        tampered["credentialSubject"]["achievement"]["name"] = "Badge contrefait"
        valid, detail = kit(json.dumps(tampered))
        report.check("the kit's verifier: a tampered credential is invalid", not valid, detail)
        valid, detail = openbadgeslib("ldp", ed_pem(ed_method.get("publicKeyMultibase", "z")), json.dumps(tampered))
        report.check("openbadgeslib: a tampered credential is invalid", not valid, detail)
        agree(server, "a tampered credential", False, json.dumps(tampered))
        head, payload, signature = jwts["EdDSA"].split(".")
        claims = json.loads(b64u_decode(payload))
        claims["name"] = "Badge contrefait"
        forged = ".".join([head, b64u(json.dumps(claims).encode()), signature])
        valid, detail = kit(forged)
        report.check("the kit's verifier: a tampered VC-JWT is invalid", not valid, detail)
        agree(server, "a tampered VC-JWT", False, forged)

        # Endorsement: the partner endorses the badge class; a new award carries a valid EndorsementCredential.
        issuer_token = api_call(server, "POST", "/api/v1/tokens", body={"email": "admin@ob3.test", "password": "e2e-password-123"})["token"]
        partner_token = api_call(server, "POST", "/api/v1/tokens", body={"email": "admin@partner3.test", "password": "e2e-password-123"})["token"]
        partnership = api_call(server, "POST", "/api/v1/organisations/structure-ob3/partnerships", issuer_token, {"partner": "partenaire-ob3"})
        api_call(server, "POST", "/api/v1/partnerships/%s/response" % partnership["id"], partner_token, {"accept": True})
        api_call(server, "POST", "/api/v1/organisations/partenaire-ob3/endorsements", partner_token,
                 {"organisation": "structure-ob3", "badgeClass": badge_id, "comment": "Nous reconnaissons ce badge."})
        time.sleep(1.1)
        endorsed = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "max@example.org", "--format", "ob3").stdout)
        carried = endorsed["credentialSubject"]["achievement"].get("endorsement", [])
        report.check("an award of the endorsed badge class carries one EndorsementCredential",
                     len(carried) == 1 and "EndorsementCredential" in carried[0].get("type", []), carried)
        if carried:
            valid, detail = kit(json.dumps(carried[0]))
            report.check("the kit's verifier: the EndorsementCredential is valid (signed by the partner)",
                         valid and carried[0]["issuer"]["id"] != endorsed["issuer"]["id"], detail)
            agree(server, "the EndorsementCredential", True, json.dumps(carried[0]))
            status, body, _ = server.get(carried[0]["id"])
            report.check("the EndorsementCredential is published at its id", status == 200 and kit(body)[0])
        valid, detail = kit(json.dumps(endorsed))
        report.check("the kit's verifier: the endorsed award's credential is valid", valid, detail)
        report.check("an award made before the endorsement does not carry it",
                     "endorsement" not in json.loads(server.get(credential_url)[1])["credentialSubject"]["achievement"])

        # Revocation: the status list has the bit; the hosted credential is gone; blason verify refuses saved copies.
        entry = hosted["credentialStatus"]
        server.cli("revoke", "--award", credential_url, "--reason", "Délivré par erreur")
        status, body, _ = server.get(entry["statusListCredential"])
        status_list = json.loads(body)
        valid, detail = kit(body)
        report.check("the kit's verifier: the status list credential is valid", status == 200 and valid, detail)
        bits = zlib.decompress(b64u_decode(status_list["credentialSubject"]["encodedList"][1:]), 16 + zlib.MAX_WBITS)
        index = int(entry["statusListIndex"])
        report.check("the status list has the revoked credential's bit set",
                     bits[index // 8] & (0x80 >> (index % 8)) != 0 and entry["statusPurpose"] == "revocation", index)
        other = int(endorsed["credentialStatus"]["statusListIndex"])
        report.check("and not another credential's", bits[other // 8] & (0x80 >> (other % 8)) == 0, other)
        code = subprocess.run([sys.executable, os.path.join(args.obkit, "ob3", "ob3_verify.py"), credential_url],
                              capture_output=True, text=True, timeout=60).returncode
        report.check("the kit's verifier: the revoked hosted credential is invalid (410 Gone)", code != 0 and server.get(credential_url)[0] == 410)
        verdict = agree(server, "the revoked hosted credential", False, None, credential_url)
        verdict = agree(server, "a saved copy of the revoked credential (status list)", False, json.dumps(hosted))
        report.check("blason verify names the revocation", verdict.get("revoked") is True, verdict.get("checks"))
        agree(server, "a saved VC-JWT of the revoked credential", False, jwts["EdDSA"])
        agree(server, "a saved baked PNG of the revoked credential", False, baked_png)

        # Rotation: earlier credentials still verify; new ones use the new key.
        rotated = server.cli("keys", "rotate", "--org", "structure-ob3").stdout.split()
        fresh = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "noe@example.org", "--format", "ob3").stdout)
        report.check("after rotation a new credential is signed with the new key",
                     fresh["proof"]["verificationMethod"] != endorsed["proof"]["verificationMethod"]
                     and fresh["proof"]["verificationMethod"] in rotated, (fresh["proof"]["verificationMethod"], rotated))
        report.check("the kit's verifier: the new credential is valid", kit(json.dumps(fresh))[0])
        report.check("the kit's verifier: a credential signed before the rotation is still valid", kit(json.dumps(endorsed))[0])
        report.check("the kit's verifier: re-fetched after rotation it still verifies", kit(server.get(endorsed["id"])[1])[0])
        listed = server.cli("keys", "list", "--org", "structure-ob3").stdout
        report.check("blason keys list shows the retired and the active keys", "retired" in listed and "active" in listed, listed)

        # The kit's fixtures, served by its fixture servers: blason verify must say what the kit says.
        ob3_port, ob2_port = free_port(), free_port()
        fixtures3, fixtures2 = os.path.join(server.workdir, "ob3-fixtures"), os.path.join(server.workdir, "ob2-fixtures")
        servers = [subprocess.Popen([sys.executable, os.path.join(args.obkit, "ob3", "ob3_fixture_server.py"), "--port", str(ob3_port),
                                     "--out", fixtures3], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
                   subprocess.Popen([args.ob2_python, os.path.join(args.obkit, "ob2", "ob2_fixture_server.py"), "--port", str(ob2_port),
                                     "--out", fixtures2], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
        try:
            for port in (ob3_port, ob2_port):
                deadline = time.time() + 60
                while time.time() < deadline:
                    try:
                        urllib.request.urlopen("http://127.0.0.1:%d/" % port, timeout=1)
                        break
                    except OSError:
                        time.sleep(0.3)
            for name in ("ldp.json", "ldp-didkey.json", "ldp-tampered.json", "ldp-undefined-term.json", "ldp-expired.json",
                         "jwt-eddsa.txt", "jwt-rs256.txt", "jwt-tampered.txt", "ldp-baked.png"):
                data = open(os.path.join(fixtures3, name), "rb").read()
                expected, _ = kit(data)
                agree(server, "the kit's OB 3.0 fixture %s" % name, expected, data)
            agree(server, "the kit's OB 3.0 fixture URL /credentials/1", kit(urllib.request.urlopen(
                "http://127.0.0.1:%d/credentials/1" % ob3_port).read())[0], None, "http://127.0.0.1:%d/credentials/1" % ob3_port)
            email = json.load(open(os.path.join(fixtures2, "recipient-profile.json")))["email"]
            ob2_cases = [("signed.jws", ["--jws-file"]), ("signed-tampered.jws", ["--jws-file"]), ("signed-revoked.jws", ["--jws-file"]),
                         ("signed-baked.png", ["--png"]), ("hosted-baked.png", ["--png"]), ("plain.png", ["--png"]),
                         ("hosted.json", ["--json-file"])]
            for name, option in ob2_cases:
                path = os.path.join(fixtures2, name)
                expected = subprocess.run([args.ob2_python, os.path.join(args.obkit, "ob2", "ob2_verify.py"), *option, path,
                                           "--recipient-email", email], capture_output=True, timeout=120).returncode == 0
                agree(server, "the kit's OB 2.0 fixture %s" % name, expected, open(path, "rb").read(), None, "--recipient", email)
            for path in ("/assertions/1", "/assertions/revoked"):
                url = "http://127.0.0.1:%d%s" % (ob2_port, path)
                expected = subprocess.run([args.ob2_python, os.path.join(args.obkit, "ob2", "ob2_verify.py"), url, "--recipient-email", email],
                                          capture_output=True, timeout=120).returncode == 0
                if path.endswith("revoked"):
                    # The kit's README: its OB 2.0 validator misses hosted revocation (410 with revoked: true).
                    report.check("the kit's OB 2.0 validator misses the hosted revocation, as its README says", expected)
                    expected = False
                agree(server, "the kit's OB 2.0 hosted assertion %s" % path, expected, None, url, "--recipient", email)
        finally:
            for process in servers:
                process.terminate()
                process.wait(10)

        # Blason's own OB 2.0 output, through both.
        assertion = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "ob2@example.org").stdout)
        agree(server, "Blason's hosted OB 2.0 assertion", True, None, assertion["id"], "--recipient", "ob2@example.org")
        agree(server, "Blason's hosted OB 2.0 assertion, another recipient", False, None, assertion["id"], "--recipient", "eve@example.org")

        # Bad input: each a clear verdict, no crash.
        bad = {
            "a truncated PNG": baked_png[: len(baked_png) // 2],
            "a PNG with two badge chunks": two_chunks(baked_png, L),
            "malformed JSON-LD": b'{"@context": ["https://www.w3.org/ns/credentials/v2", 42], "type": "VerifiableCredential", "proof": {}}',
            "a JWT with alg none": (b64u(b'{"alg":"none","typ":"vc+jwt"}') + "." + jwts["EdDSA"].split(".")[1] + ".").encode(),
            "a context that is not bundled": json.dumps(dict(copy.deepcopy(fresh), **{"@context": fresh["@context"] + ["https://example.org/ctx.jsonld"]})).encode(),
            "a 50 MB file": b"\x89PNG\r\n\x1a\n" + b"\0" * (50 * 1024 * 1024),
        }
        for name, data in bad.items():
            path = os.path.join(server.workdir, "bad.bin")
            with open(path, "wb") as handle:
                handle.write(data)
            code, verdict = blason_verify(server, path)
            failed = [c for c in verdict.get("checks", []) if not c.get("passed")]
            report.check("blason verify: %s gets a clear verdict, exit 1" % name, code == 1 and verdict.get("valid") is False and failed
                         and all(c.get("message") for c in failed), verdict)
            status, page = post_verify(server, name, data)
            report.check("the Vérifier un badge page: %s gets a clear verdict" % name,
                         status == 200 and "Ce badge n'est pas valide" in page, (status, page[-300:]))
        code, verdict = blason_verify(server, "http://203.0.113.7/assertions/1")
        report.check("blason verify does not fetch outside loopback unless allowed", code == 1 and "not allowed" in json.dumps(verdict), verdict)
        status, page = post_verify(server, "the new credential", json.dumps(fresh).encode())
        report.check("the Vérifier un badge page says a valid credential is valid, in French", status == 200 and "Ce badge est valide" in page,
                     page[-400:])
        status, page = post_verify(server, "url", None, url=fresh["id"], language="en")
        report.check("the verify page checks a URL, in English", status == 200 and "This badge is valid" in page, page[-400:])

    report.check("blason verify agreed with the independent verifiers on every case (%d)" % len(agreements), all(agreements) and len(agreements) > 20)
    return report.finish()


def two_chunks(png_bytes, L):
    """A PNG carrying two openbadgecredential chunks: which one is the badge is ambiguous."""
    once = L.bake_png_ob3(png_bytes, '{"a": 1}')
    # bake_png_ob3 replaces an existing chunk; insert a second one by hand after IHDR.
    import struct
    text = b"openbadgecredential\0\0\0\0\0" + b'{"b": 2}'
    chunk = struct.pack(">I", len(text)) + b"iTXt" + text + struct.pack(">I", zlib.crc32(b"iTXt" + text) & 0xFFFFFFFF)
    return once[:33] + chunk + once[33:]


def post_verify(server, name, data, url=None, language="fr"):
    """Sends the Vérifier un badge form: a file upload, or a URL."""
    import http.cookiejar
    import urllib.error
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    headers = {"Accept": "text/html", "Accept-Language": language}
    with opener.open(urllib.request.Request(server.base + "/verify", headers=headers), timeout=30) as response:
        page = response.read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page)
    boundary = "----blason-e2e"
    parts = []
    fields = {"_csrf": token.group(1) if token else "", "url": url or ""}
    for key, value in fields.items():
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, key, value)).encode())
    if data is not None:
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"badge.bin\"\r\n"
                      "Content-Type: application/octet-stream\r\n\r\n" % boundary).encode() + data + b"\r\n")
    body = b"".join(parts) + ("--%s--\r\n" % boundary).encode()
    request = urllib.request.Request(server.base + "/verify", data=body, method="POST",
                                     headers=dict(headers, **{"Content-Type": "multipart/form-data; boundary=" + boundary}))
    try:
        with opener.open(request, timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except OSError as error:
        return 0, str(error)


if __name__ == "__main__":
    sys.exit(main())
