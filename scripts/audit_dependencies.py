"""`make lint`'s dependency audit: pip-audit over both environments (.venv and .venv-rasa).

    python scripts/audit_dependencies.py [--service pypi|osv] [--osv-url URL]
        [--known FILE] ENV_PYTHON...

Runs pip-audit (installed in .venv) once per environment, pointed at that environment's
interpreter through PIPAPI_PYTHON_LOCATION, with every ID of the known-findings list
(requirements/audit-known.txt, explained in docs/dependencies.md) passed as --ignore-vuln.

Exit status: 1 if an environment has a finding that is not on the list, or if pip-audit
itself failed; 0 otherwise. A vulnerability service that cannot be reached is reported
loudly but does not fail the check: an audit that could not look anything up is "not run",
not "failed" (pip-audit alone would print "No known vulnerabilities found" for it).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWN = ROOT / "requirements" / "audit-known.txt"
PIP_AUDIT = Path(sys.executable).with_name("pip-audit")
PROBE_TIMEOUT = 10
# Per-release JSON of a release that exists: exactly the endpoint pip-audit's PyPI service uses.
PYPI_PROBE = "https://pypi.org/pypi/pip/23.2.1/json"
OSV_PROBE = "https://api.osv.dev/v1/query"
UNREACHABLE_MARKERS = ("ConnectionError", "NameResolutionError", "Max retries exceeded",
                       "ReadTimeout", "ConnectTimeout", "SSLError")


def read_known(path: Path) -> dict[str, str]:
    """`ID [ID...] | package==version | reason` lines -> {id: "package==version: reason"}."""
    known: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) != 3 or not parts[0] or not parts[2]:
            raise SystemExit(f"{path}:{number}: expected 'ID [ID...] | package==version | "
                             f"reason', got: {raw!r}")
        for vuln_id in parts[0].split():
            known[vuln_id] = f"{parts[1]}: {parts[2]}"
    return known


def probe(service: str, osv_url: str = OSV_PROBE) -> str | None:
    """None if the service answers as pip-audit needs it to, else why it does not."""
    if service == "osv":
        body = json.dumps({"package": {"name": "pip", "ecosystem": "PyPI"},
                           "version": "23.2.1"}).encode()
        request = urllib.request.Request(osv_url, data=body,
                                         headers={"Content-Type": "application/json"})
        url = osv_url
    else:
        request = urllib.request.Request(PYPI_PROBE)
        url = PYPI_PROBE
    try:
        with urllib.request.urlopen(request, timeout=PROBE_TIMEOUT) as response:
            json.load(response)
    except urllib.error.HTTPError as exc:
        return f"{url} answered HTTP {exc.code} for a release that exists"
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return f"{url} not reachable ({reason})"
    except ValueError:
        return f"{url} did not answer with JSON"
    return None


@dataclass
class Result:
    env: str
    audited: int = 0
    not_found: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    unreachable: str | None = None
    error: str | None = None


def audit(env_python: str, service: str, known: dict[str, str],
          osv_url: str = OSV_PROBE) -> Result:
    result = Result(env=env_python)
    if not Path(env_python).exists():
        result.error = f"{env_python} does not exist (run `make envs`)"
        return result
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "audit.json"
        command = [str(PIP_AUDIT), "--vulnerability-service", service, "--format", "json",
                   "--output", str(report), "--progress-spinner", "off", "--skip-editable",
                   "--desc", "off", "--timeout", "15"]
        if service == "osv":
            command += ["--osv-url", osv_url]
        for vuln_id in sorted(known):
            command += ["--ignore-vuln", vuln_id]
        env = dict(os.environ, PIPAPI_PYTHON_LOCATION=env_python)
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if not report.exists():
            stderr = done.stderr.strip()
            if any(marker in stderr for marker in UNREACHABLE_MARKERS):
                result.unreachable = stderr.splitlines()[-1] if stderr else "no answer"
            else:
                result.error = f"pip-audit exited {done.returncode}: {stderr[-2000:]}"
            return result
        data = json.loads(report.read_text(encoding="utf-8"))
    for dep in data.get("dependencies", []):
        name, version = dep.get("name"), dep.get("version")
        skip = dep.get("skip_reason")
        if skip:
            if "not found on PyPI" in skip:
                result.not_found.append(f"{name} {version}")
            continue
        result.audited += 1
        for vuln in dep.get("vulns", []):
            ids = " ".join([vuln["id"], *vuln.get("aliases", [])])
            fixes = ", ".join(vuln.get("fix_versions", [])) or "none"
            result.findings.append(f"{name}=={version}: {ids} (fixed in: {fixes})")
    if result.audited == 0 and result.not_found:
        # Every lookup came back "not found": the service did not answer as it should.
        result.unreachable = (f"all {len(result.not_found)} packages came back 'not found', "
                              "so nothing was looked up")
    elif done.returncode not in (0, 1):
        result.error = f"pip-audit exited {done.returncode}: {done.stderr.strip()[-2000:]}"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--service", choices=["pypi", "osv"], default="pypi")
    parser.add_argument("--osv-url", default=OSV_PROBE, help="OSV API (or a mirror of it)")
    parser.add_argument("--known", type=Path, default=KNOWN)
    parser.add_argument("envs", nargs="+", metavar="ENV_PYTHON")
    args = parser.parse_args(argv)
    known = read_known(args.known)
    entries = len(set(known.values()))
    known_label = os.path.relpath(args.known)
    if not PIP_AUDIT.exists():
        print(f"audit: {PIP_AUDIT} missing; install requirements/app.in (make envs)")
        return 1
    reason = probe(args.service, args.osv_url)
    if reason is not None:
        print(f"audit: NOT RUN - the '{args.service}' vulnerability service cannot be used from "
              f"here: {reason}.\n       Dependencies were NOT checked for known vulnerabilities."
              " Run `make lint` where the service is reachable\n       (or try "
              "`make lint AUDIT_SERVICE=osv`). Not counted as a lint failure.")
        return 0
    failed = False
    for env_python in args.envs:
        result = audit(env_python, args.service, known, args.osv_url)
        label = f"audit {env_python}:"
        if result.error:
            print(f"{label} ERROR - {result.error}")
            failed = True
        elif result.unreachable:
            print(f"{label} NOT RUN - vulnerability service unreachable: {result.unreachable}."
                  " Not counted as a lint failure.")
        else:
            print(f"{label} {result.audited} packages looked up, {len(result.findings)} new "
                  f"finding(s) ({entries} known findings in {known_label} ignored where present)")
            if result.not_found:
                print(f"    not on the index, not audited: {', '.join(result.not_found)}")
            for finding in result.findings:
                print(f"    NEW {finding}")
            if result.findings:
                print("    -> upgrade the package, or add the ID with a one-line reason to "
                      f"{known_label} (see docs/dependencies.md)")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
