#!/usr/bin/env python3
"""Faults: PostgreSQL restarted while Blason is under load. Requests made while the database is down
must fail cleanly (an answer, 503 with a problem document for the API, no hang, no crash of the
server), and Blason must recover by itself once the database is back, without being restarted;
every award acknowledged (201) before, during or after must be there at the end.

Run: python faults_e2e.py --database-url URL --pg-data DIR --pg-bin DIR
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blason_e2e import Report, Server, issuer  # noqa: E402


def request(server, method, path, token, body=None):
    """(status, parsed body or None, seconds); status 0 when no HTTP answer came at all."""
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json", "Content-Type": "application/json"}
    data = json.dumps(body).encode() if body is not None else None
    started = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(server.base + path, data=data, headers=headers, method=method), timeout=90) as answer:
            return answer.status, json.loads(answer.read() or b"null"), time.monotonic() - started, answer.headers
    except urllib.error.HTTPError as error:
        text = error.read()
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        return error.code, parsed, time.monotonic() - started, error.headers
    except OSError:
        return 0, None, time.monotonic() - started, {}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--pg-data", required=True)
    parser.add_argument("--pg-bin", required=True)
    args = parser.parse_args()
    report = Report("Faults: PostgreSQL restarted under load")

    with Server(args.database_url, label="faults") as server:
        badge_id, _, token = issuer(server, "admin@faults.test", "Structure Pannes", "structure-pannes", "Badge en panne")

        results = []  # (time, status, problem, seconds, award id or None)
        stop = threading.Event()

        def client(number):
            count = 0
            while not stop.is_set():
                count += 1
                status, body, seconds, headers = request(server, "POST", "/api/v1/badge-classes/%s/awards" % badge_id, token,
                                                         {"recipients": [{"email": "f%d-%d@faults.example" % (number, count)}]})
                award = body["awards"][0]["id"] if status == 201 else None
                problem = isinstance(body, dict) and "status" in body and "title" in body
                results.append((time.monotonic(), status, problem, seconds, award, headers.get("Retry-After")))
                if status != 201:
                    time.sleep(0.05)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(3)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        # Started again with the options it ran with (port, socket directory…), as `pg_ctl restart` would.
        words = shlex.split(open(os.path.join(args.pg_data, "postmaster.opts")).read())[1:]
        options = [word for index, word in enumerate(words) if word != "-D" and (index == 0 or words[index - 1] != "-D")]
        down = time.monotonic()
        subprocess.run(["runuser", "-u", "postgres", "--", os.path.join(args.pg_bin, "pg_ctl"), "-D", args.pg_data, "-m", "fast",
                        "-w", "stop"], check=True, capture_output=True)
        time.sleep(3)
        subprocess.run(["runuser", "-u", "postgres", "--", os.path.join(args.pg_bin, "pg_ctl"), "-D", args.pg_data, "-w",
                        "-l", os.path.join(os.path.dirname(args.pg_data), "server.log"), "-o", shlex.join(options), "start"], check=True, capture_output=True)
        up = time.monotonic()
        time.sleep(6)
        stop.set()
        for thread in threads:
            thread.join()

        statuses = {}
        for r in results:
            statuses[r[1]] = statuses.get(r[1], 0) + 1
        print("  answers: %s; database down for %.1f s; slowest answer %.2f s" % (
            ", ".join("%d × %s" % (n, s or "no answer") for s, n in sorted(statuses.items())), up - down, max(r[3] for r in results)))
        during = [r for r in results if down + 0.5 < r[0] < up]
        failures = [r for r in results if r[1] != 201]
        report.check("requests while the database was down got an answer (%d)" % len(during),
                     during and all(r[1] != 0 for r in during), "no answer: %d" % sum(1 for r in during if r[1] == 0))
        # A write is answered within Blason's 60 s deadline at worst (see RequestDeadlineMiddleware).
        report.check("each failure is a 503 problem document with Retry-After, never a hang",
                     failures and all(r[1] == 503 and r[2] and r[5] and r[3] < 65 for r in failures),
                     "statuses: %s" % sorted({r[1] for r in failures}))
        # Requests started well after the database came back (a request stuck since the outage
        # may end later, at the deadline, and is judged with the failures above).
        recovered = [r for r in results if r[0] - r[3] > up + 3]
        report.check("Blason recovered by itself once PostgreSQL was back (%d requests after)" % len(recovered),
                     recovered and all(r[1] == 201 for r in recovered), "statuses: %s" % sorted({r[1] for r in recovered}))
        report.check("the server process kept running", server.process.poll() is None, "")
        acknowledged = [r[4] for r in results if r[4]]
        missing = [award for award in acknowledged if request(server, "GET", "/api/v1/awards/" + award, token)[0] != 200]
        report.check("every acknowledged award is there (%d)" % len(acknowledged), acknowledged and not missing, "missing %s" % missing[:5])
    sys.exit(report.finish())


if __name__ == "__main__":
    main()
