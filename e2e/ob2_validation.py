#!/usr/bin/env python3
"""1EdTech's Open Badges 2.0 validator against a live Blason server.

Run with the validator's venv: python ob2_validation.py --obkit PATH [--database-url URL --label NAME]
Checks: a hosted assertion (with the earner's e-mail), its baked PNG and SVG, an SVG badge class's
baked SVG are valid; the same assertion against another e-mail is invalid; after revocation the
assertion is invalid, answers 410 and is listed in the issuer's RevocationList with its reason.
"""
import argparse
import http.cookiejar
import io
import json
import os
import re
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import Report, Server, png  # noqa: E402

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">'
       '<circle cx="60" cy="60" r="56" fill="#1d7a3c"/><text x="60" y="66" font-size="18" fill="#fff" text-anchor="middle">OB2</text></svg>')


def api_call(server, method, path, token=None, body=None):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(server.base + path, data=json.dumps(body).encode() if body is not None else None, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read()
        return json.loads(text) if text else None


class FormClient:
    """Keeps cookies and sends forms with their anti-forgery token, as a browser does."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.page = ""

    def get(self, url):
        with self.opener.open(urllib.request.Request(url, headers={"Accept": "text/html"}), timeout=30) as response:
            self.page = response.read().decode()
            return response.status, self.page

    def post(self, url, fields=None):
        token = re.search(r'name="_csrf" value="([^"]+)"', self.page)
        body = urllib.parse.urlencode(dict(fields or {}, _csrf=token.group(1) if token else "")).encode()
        try:
            with self.opener.open(urllib.request.Request(url, data=body, headers={"Accept": "text/html"}), timeout=30) as response:
                self.page = response.read().decode()
                return response.status, self.page
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--obkit", required=True)
    parser.add_argument("--database-url")
    parser.add_argument("--label", default="sqlite")
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(args.obkit, "ob2"))
    import ob2_offline  # noqa: F401  (serves the OB 2.0 context locally, refuses non-loopback requests)
    from ob2_verify import run

    report = Report("OB 2.0 validator (%s)" % args.label)

    def verify(value, email=None):
        result = run(value, {"email": email} if email else None)["report"]
        return result

    def messages(result):
        return " | ".join(str(m.get("result")) for m in result.get("messages", []))

    with Server(args.database_url, args.label) as server:
        server.cli("user", "create", "--email", "admin@e2e.test", "--password", "e2e-password-123", "--org", "Structure E2E")
        image = os.path.join(server.workdir, "badge.png")
        with open(image, "wb") as handle:
            handle.write(png())
        badge = json.loads(server.cli("badge", "create", "--org", "structure-e2e", "--name", "Accueillir le public",
                                      "--description", "Accueillir et orienter le public.", "--criteria", "- Accueillir\n- Orienter",
                                      "--image", image).stdout)
        assertion = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "Alice.Martin@Example.org", "--name", "Alice Martin",
                                          "--evidence", "https://example.org/portfolio/alice").stdout)
        url = assertion["id"]
        report.check("CLI prints the Assertion with its hosted URL as id", url.startswith(server.base + "/assertions/"), url)

        result = verify(url, "alice.martin@example.org")
        report.check("hosted assertion URL with the earner's e-mail is valid", result["valid"], messages(result))
        result = verify(url, "bob@example.org")
        report.check("the same assertion against another e-mail is invalid", not result["valid"] and "did not match" in messages(result), messages(result))

        status, baked_png, _ = server.get(url + "/baked.png", accept="image/png")
        result = verify(io.BytesIO(baked_png), "alice.martin@example.org")
        report.check("baked PNG is valid", status == 200 and result["valid"], messages(result))
        status, baked_svg, _ = server.get(url + "/baked.svg", accept="image/svg+xml")
        result = verify(io.BytesIO(baked_svg), "alice.martin@example.org")
        report.check("baked SVG (of a PNG badge class) is valid", status == 200 and result["valid"], messages(result))
        status, image_bytes, headers = server.get(assertion["image"], accept="image/png")
        report.check("the Assertion's image is its baked PNG", status == 200 and headers.get("Content-Type", "").startswith("image/png")
                     and b"openbadges" in image_bytes)

        svg_path = os.path.join(server.workdir, "badge.svg")
        with open(svg_path, "w") as handle:
            handle.write(SVG)
        svg_badge = json.loads(server.cli("badge", "create", "--org", "structure-e2e", "--name", "Badge vectoriel", "--description", "SVG.",
                                          "--criteria", "Être vectoriel.", "--image", svg_path).stdout)
        svg_assertion = json.loads(server.cli("issue", "--badge", svg_badge["id"], "--email", "carla@example.org").stdout)
        report.check("an SVG badge class's Assertion image is its baked SVG", svg_assertion["image"].endswith("/image"))
        status, baked, _ = server.get(svg_assertion["image"], accept="image/svg+xml")
        result = verify(io.BytesIO(baked), "carla@example.org")
        report.check("baked SVG of an SVG badge class is valid", status == 200 and result["valid"], messages(result))

        # Signed assertions (JWS, RS256), offered by a badge class that asks for them.
        signed_badge = json.loads(server.cli("badge", "create", "--org", "structure-e2e", "--name", "Badge signé", "--description", "Signé.",
                                             "--criteria", "Être signé.", "--image", image, "--signed").stdout)
        signed_award = json.loads(server.cli("issue", "--badge", signed_badge["id"], "--email", "dora@example.org").stdout)
        status, jws, _ = server.get(signed_award["id"] + "/signed.jws", accept="application/jose")
        result = verify(jws.decode(), "dora@example.org")
        report.check("the signed assertion (JWS, RS256) is valid", status == 200 and result["valid"], messages(result))
        status, signed_png, _ = server.get(signed_award["id"] + "/signed.png", accept="image/png")
        result = verify(io.BytesIO(signed_png), "dora@example.org")
        report.check("the PNG baked with the signed assertion is valid", status == 200 and result["valid"], messages(result))
        head, payload, signature = jws.decode().split(".")
        import base64
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        claims["issuedOn"] = "2020-01-01T00:00:00Z"
        forged = ".".join([head, base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode(), signature])
        result = verify(forged, "dora@example.org")
        report.check("a tampered signed assertion is invalid", not result["valid"], messages(result))
        status, _, _ = server.get(badge["id"].replace("/badges/", "/assertions/") + "/signed.jws")
        report.check("a badge class without the option offers no signed assertion", status == 404, status)
        server.cli("revoke", "--award", signed_award["id"], "--reason", "Signé par erreur")
        result = verify(jws.decode(), "dora@example.org")
        report.check("after revocation the signed assertion is invalid (RevocationList)", not result["valid"], messages(result))
        status, body, _ = server.get(json.loads(server.get(badge["issuer"])[1])["revocationList"])
        urn = "urn:uuid:" + signed_award["id"].rsplit("/", 1)[-1]
        report.check("the RevocationList names the signed copy by its URN", any(e.get("id") == urn for e in json.loads(body).get("revokedAssertions", [])))

        # Revocation: the validator must refuse it, and the RevocationList must name it with its reason.
        server.cli("revoke", "--award", url, "--reason", "Délivré par erreur")
        result = verify(url, "alice.martin@example.org")
        report.check("after revocation the hosted assertion is invalid", not result["valid"], messages(result))
        result = verify(io.BytesIO(baked_png), "alice.martin@example.org")
        report.check("after revocation the earlier baked PNG is invalid", not result["valid"], messages(result))
        status, body, _ = server.get(url)
        tombstone = json.loads(body)
        report.check("revoked hosted assertion answers 410 with revoked: true and the reason",
                     status == 410 and tombstone.get("revoked") is True and tombstone.get("revocationReason") == "Délivré par erreur", body[:300])
        status, body, _ = server.get(badge["issuer"])
        profile = json.loads(body)
        status, body, _ = server.get(profile["revocationList"])
        revocations = json.loads(body)
        entries = revocations.get("revokedAssertions", [])
        report.check("the issuer's RevocationList lists the assertion with its reason",
                     status == 200 and revocations.get("type") == "RevocationList"
                     and any(e.get("id") == url and e.get("revocationReason") == "Délivré par erreur" for e in entries), body[:400])
        report.check("the RevocationList lists nothing else (the signed award's two names and this one)", len(entries) == 3, entries)
        result = verify(svg_assertion["id"], "carla@example.org")
        report.check("another award of the same issuer stays valid", result["valid"], messages(result))
        again = server.cli("revoke", "--award", url, "--reason", "Encore", expect_ok=False)
        report.check("revoking again fails with a clear message", again.returncode != 0 and "already revoked" in again.stderr, again.stderr)

        # Proposals: absent from every public URL until the earner accepts; a declined one stays absent.
        accepted = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "proposee@example.org", "--propose").stdout)
        declined = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "refus@example.org", "--propose").stdout)

        def public_statuses(assertion_id):
            return [server.get(assertion_id)[0], server.get(assertion_id, accept="text/html")[0], server.get(assertion_id + "/image", "image/png")[0],
                    server.get(assertion_id + "/baked.png", "image/png")[0], server.get(assertion_id + "/baked.svg", "image/svg+xml")[0]]

        report.check("a pending proposal is 404 at every public URL", public_statuses(accepted["id"]) == [404] * 5, public_statuses(accepted["id"]))
        result = verify(accepted["id"], "proposee@example.org")
        report.check("a pending proposal is invalid for the validator", not result["valid"], messages(result))
        outbox = server.get("/admin/mail", accept="text/html")[1].decode()
        for assertion, action in ((accepted, "accept"), (declined, "decline")):
            award_id = assertion["id"].rsplit("/", 1)[-1]
            match = re.search(r'href="(%s/claim/%s/[^"]+)"' % (re.escape(server.base), award_id), outbox)
            report.check("the proposal e-mail (%s) is in the outbox with its link" % action, match is not None)
            if match:
                client = FormClient()
                client.get(match.group(1))
                status, _ = client.post(match.group(1) + "/" + action)
                report.check("the earner can %s the proposal from the link" % action, status == 200, status)
        result = verify(accepted["id"], "proposee@example.org")
        report.check("once accepted, the proposal is valid for the validator", result["valid"], messages(result))
        report.check("a declined proposal stays 404 at every public URL", public_statuses(declined["id"]) == [404] * 5, public_statuses(declined["id"]))

        # Endorsements: a partner endorses the badge class; a new award of it and the Endorsement itself are valid.
        server.cli("user", "create", "--email", "admin@partner.test", "--password", "e2e-password-123", "--org", "Partenaire E2E")
        issuer_token = api_call(server, "POST", "/api/v1/tokens", body={"email": "admin@e2e.test", "password": "e2e-password-123"})["token"]
        partner_token = api_call(server, "POST", "/api/v1/tokens", body={"email": "admin@partner.test", "password": "e2e-password-123"})["token"]
        partnership = api_call(server, "POST", "/api/v1/organisations/structure-e2e/partnerships", issuer_token, {"partner": "partenaire-e2e"})
        api_call(server, "POST", "/api/v1/partnerships/%s/response" % partnership["id"], partner_token, {"accept": True})
        badge_id = badge["id"].rsplit("/", 1)[-1]
        endorsement = api_call(server, "POST", "/api/v1/organisations/partenaire-e2e/endorsements", partner_token,
                               {"organisation": "structure-e2e", "badgeClass": badge_id, "comment": "Nous reconnaissons ce badge."})
        result = verify(endorsement["url"])
        report.check("the Endorsement URL is valid for the validator", result["valid"], messages(result))
        endorsed_award = json.loads(server.cli("issue", "--badge", badge["id"], "--email", "eve@example.org").stdout)
        result = verify(endorsed_award["id"], "eve@example.org")
        report.check("an award of the endorsed badge class is valid", result["valid"], messages(result))
        badge_document = json.loads(server.get(endorsed_award["badge"])[1])
        report.check("its BadgeClass lists the endorsement", endorsement["url"] in badge_document.get("endorsement", []), badge_document.get("endorsement"))
        older = json.loads(server.get(json.loads(server.get(accepted["id"])[1])["badge"])[1])
        report.check("an award of the same badge class made before the endorsement does not show it",
                     older["id"].startswith(badge["id"]) and "endorsement" not in older, older)

    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
