#!/usr/bin/env python3
"""The JSON API against its own OpenAPI document, with schemathesis: every documented operation is
called with examples generated from the schema (valid and invalid), as an organisation admin with
an API token, on a live server. Fails on any 5xx and on any response that the document does not
describe (status, content type, body schema).

Run: python api_schemathesis.py --schemathesis PATH [--examples N]
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import Report, Server, issuer  # noqa: E402

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schemathesis", required=True, help="the schemathesis command")
    parser.add_argument("--examples", type=int, default=25, help="examples per operation and phase")
    parser.add_argument("--output", default="test-output/schemathesis")
    args = parser.parse_args()
    report = Report("API against its OpenAPI document (schemathesis)")
    os.makedirs(args.output, exist_ok=True)

    with Server(label="schemathesis") as server:
        badge_id, badge_url, token = issuer(server, "admin@api.test", "Structure API", "structure-api", "Accueillir le public")
        award = json.loads(server.cli("issue", "--badge", badge_url, "--email", "lea@example.org", "--name", "Léa Martin").stdout)
        # Real identifiers where the operations need them, so that the generated requests reach
        # past the 404 of an unknown id. Tokens keep random ids: deleting ours would end the run.
        config = os.path.join(server.workdir, "schemathesis.toml")
        with open(config, "w") as handle:
            handle.write('[parameters]\n"path.slug" = "structure-api"\n"path.key" = "normandie"\n\n')
            for prefix, identifier in (("badge-classes", badge_id), ("awards", award["id"].rsplit("/", 1)[-1])):
                handle.write('[[operations]]\ninclude-path-regex = "^/api/v1/%s/"\nparameters = { "path.id" = "%s" }\n\n'
                             % (prefix, identifier))

        command = [args.schemathesis, "--config-file", config, "run", server.base + "/api/v1/openapi.json", "--url", server.base,
                   "--header", "Authorization: Bearer " + token, "--checks", CHECKS,
                   "--phases", "examples,coverage,fuzzing", "--max-examples", str(args.examples), "--seed", os.environ.get("SCHEMATHESIS_SEED", "20261130"), "--generation-database", "none",
                   "--workers", "2", "--no-color", "--report", "junit", "--report-dir", args.output]
        # Run from the server's scratch directory: schemathesis keeps a cache where it runs.
        output_dir = os.path.abspath(args.output)
        command[command.index("--report-dir") + 1] = output_dir
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800, cwd=server.workdir)
        output = result.stdout + result.stderr
        with open(os.path.join(output_dir, "schemathesis.txt"), "w") as handle:
            handle.write(output)
        print("\n".join(output.splitlines()[-60:]))
        operations = re.search(r"API Operations:\s+Selected: (\d+)/(\d+)\s+Tested: (\d+)", output)
        cases = re.search(r"Test cases:\s+(\d+) generated", output)
        report.check("schemathesis ran every operation of the document",
                     operations is not None and operations.group(1) == operations.group(2) == operations.group(3),
                     operations.group(0).replace("\n", " ") if operations else "no operation summary")
        report.check("test cases were generated", cases is not None and int(cases.group(1)) > 0, cases.group(0) if cases else "none")
        report.check("no 5xx, every response as documented (%s)" % CHECKS, result.returncode == 0, "exit %d" % result.returncode)
        status, _, _ = server.get("/healthz", accept="text/plain")
        report.check("the server is still up afterwards", status == 200, str(status))
    sys.exit(report.finish())


if __name__ == "__main__":
    main()
