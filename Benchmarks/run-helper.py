#!/usr/bin/env python3
"""Helpers of Benchmarks/run.sh: generate the workloads, post and verify clients, summarize.

  run-helper.py script N FILE [--commit-message TEXT]   the pfsh replay script for N clients
  run-helper.py bodies N FILE                           the same clients as JSON, one body a line
  run-helper.py post URL CA FILE                        POST every line of FILE with one requests.Session
  run-helper.py verify URL CA N                         exactly the N benchmark clients exist; prints a digest
  run-helper.py summary RESULTS ...                     the summary table (see run.sh)

The password comes from the environment variable PFSH_BENCH_PASSWORD, the client secret from
PFSH_BENCH_CLIENT_SECRET; neither is ever an argument. Only the standard library and requests.
"""
import hashlib
import json
import os
import statistics
import sys

USER = "administrator"
HEADERS = {"X-XSRF-Header": "PingFederate", "Content-Type": "application/json", "Accept": "application/json"}
GRANTS_WORDS = "refresh-token authorization-code client-credentials access-token-validation"
GRANTS_API = ["REFRESH_TOKEN", "AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "ACCESS_TOKEN_VALIDATION"]


def client_id(i):
    return f"bench-{i:05d}"


def name(i):
    return f"Bench {i:05d}"


def description(i):
    return f"Benchmark client {i:05d}, ThingWorx style"


def redirect(i):
    return f"https://twx-{i:05d}.bench.example:8443/Thingworx/oauth2_authorization_code_redirect"


def write_script(n, path, message):
    """Six lines per client, as in scripts/examples/thingworx.pfsh, then one commit."""
    with open(path, "w") as out:
        for i in range(1, n + 1):
            out.write(f'client new {client_id(i)} --name "{name(i)}" --description "{description(i)}"\n')
            out.write("secret set --env PFSH_BENCH_CLIENT_SECRET\n")
            out.write(f"redirect add {redirect(i)}\n")
            out.write(f"grants set {GRANTS_WORDS}\n")
            out.write("persistent-grants never-expire\n")
            out.write("refresh-rolling roll\n")
        out.write(f'commit -m "{message}"\n')


def write_bodies(n, path):
    """The JSON pfsh sends for the same clients (run.sh checks the stored clients are identical)."""
    secret = os.environ["PFSH_BENCH_CLIENT_SECRET"]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        for i in range(1, n + 1):
            body = {
                "clientId": client_id(i),
                "name": name(i),
                "description": description(i),
                "redirectUris": [redirect(i)],
                "grantTypes": GRANTS_API,
                "clientAuth": {"type": "SECRET", "secret": secret},
                "persistentGrantExpirationType": "INDEFINITE_EXPIRY",
                "refreshRolling": "ROLL",
            }
            out.write(json.dumps(body, separators=(",", ":")) + "\n")


def session(ca):
    import requests

    s = requests.Session()
    # REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE would override verify; no proxy either: loopback only.
    s.trust_env = False
    s.verify = ca
    s.auth = (USER, os.environ["PFSH_BENCH_PASSWORD"])
    s.headers.update(HEADERS)
    return s


def post(url, ca, path):
    """The Python contender: one requests.Session, one POST per client, in order."""
    s = session(ca)
    target = url + "/oauth/clients"
    with open(path, "rb") as f:
        bodies = f.read().splitlines()
    for body in bodies:
        r = s.post(target, data=body)
        if r.status_code != 201:
            sys.exit(f"run-helper: POST {target} answered {r.status_code}: {r.text[:300]}")


VOLATILE = {"creationDate", "modificationDate", "clientSecretChangedTime"}


def canonical(client):
    """A stored client without what differs between two identical creations (times, sealed secret, host)."""
    c = {k: v for k, v in client.items() if k not in VOLATILE}
    auth = dict(c.get("clientAuth") or {})
    if "encryptedSecret" not in auth:
        raise ValueError(f"client {client.get('clientId')} has no secret")
    auth.pop("encryptedSecret")
    c["clientAuth"] = auth

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "location"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(c)


def verify(url, ca, n):
    """Exactly the N benchmark clients exist, each as the script describes it. Prints a digest of
    them all, so run.sh can check that every contender stored the very same clients."""
    s = session(ca)
    r = s.get(url + "/oauth/clients")
    if r.status_code != 200:
        sys.exit(f"verify: GET /oauth/clients answered {r.status_code}")
    items = r.json().get("items")
    if not isinstance(items, list):
        sys.exit("verify: the listing has no items")
    ids = sorted(item.get("clientId") for item in items)
    expected = [client_id(i) for i in range(1, n + 1)]
    if ids != expected:
        missing = sorted(set(expected) - set(ids))[:5]
        extra = sorted(set(ids) - set(expected))[:5]
        sys.exit(f"verify: expected exactly {n} clients, the server lists {len(ids)} (missing {missing}, unexpected {extra})")
    digest = hashlib.sha256()
    for item in sorted(items, key=lambda c: c["clientId"]):
        i = int(item["clientId"].split("-")[1])
        checks = {
            "name": name(i),
            "description": description(i),
            "redirectUris": [redirect(i)],
            "grantTypes": GRANTS_API,
            "persistentGrantExpirationType": "INDEFINITE_EXPIRY",
            "refreshRolling": "ROLL",
        }
        for key, want in checks.items():
            if item.get(key) != want:
                sys.exit(f"verify: {item['clientId']}: {key} is {item.get(key)!r}, expected {want!r}")
        if (item.get("clientAuth") or {}).get("type") != "SECRET":
            sys.exit(f"verify: {item['clientId']}: clientAuth.type is not SECRET")
        try:
            digest.update(json.dumps(canonical(item), sort_keys=True).encode())
        except ValueError as error:
            sys.exit(f"verify: {error}")
    print(digest.hexdigest())


# --- summary -------------------------------------------------------------------------------------


def load(path):
    """results.tsv: section, label, round, seconds, peak RSS in KiB (or -)."""
    rows = {}
    with open(path) as f:
        for line in f:
            section, label, _round, seconds, rss = line.rstrip("\n").split("\t")
            entry = rows.setdefault((section, label), {"s": [], "kib": []})
            entry["s"].append(float(seconds))
            if rss != "-":
                entry["kib"].append(int(rss))
    return rows


def fmt_time(seconds):
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.01:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds * 1000:.1f} ms"


def fmt_mib(kib):
    return f"{kib / 1024:.1f} MiB"


def faster(ratio, other):
    """'pfsh is 2.50× faster than OTHER', or slower when it is."""
    if ratio >= 1:
        return f"pfsh is {ratio:.2f}× faster than {other}"
    return f"pfsh is {1 / ratio:.2f}× slower than {other}"


def summary(args):
    results, meta_path, completion_path = args[0], args[1], args[2]
    meta = {}
    with open(meta_path) as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            meta[key] = value
    rows = load(results)
    smoke = meta.get("smoke") == "1"

    def med(section, label):
        entry = rows.get((section, label))
        if not entry:
            raise SystemExit(f"summary: no samples for {section} {label}")
        return statistics.median(entry["s"])

    def med_kib(section, label):
        entry = rows.get((section, label))
        return statistics.median(entry["kib"]) if entry and entry["kib"] else None

    def count(section, label):
        return len(rows[(section, label)]["s"])

    def verdict(ok):
        if smoke:
            return "not judged (smoke)"
        return "met" if ok else "NOT met"

    out = []
    w = out.append
    w("")
    w("=" * 100)
    w(f"pfsh performance at scale{' (SMOKE RUN: tiny sizes, figures mean nothing)' if smoke else ''}")
    w(f"date     {meta['date']}")
    w(f"machine  {meta['nproc']} cores, {meta['cpu']}, {meta['os']}, kernel {meta['kernel']}")
    w(f"load     {meta['load_start']} at start, {meta['load_end']} at end (1, 5, 15 min)")
    w(f"pfsh     {meta['pfsh_version']}, release build, against the release pfsh-emulator over HTTPS on 127.0.0.1")
    w(f"others   {meta['curl_version']}; Python {meta['python_version']}, requests {meta['requests_version']}")
    w(f"method   medians of interleaved rounds (A, B, C, A, B, C, ...); wall time of the whole process;")
    w(f"         peak RSS from GNU time %M; every replay on a fresh emulator, verified afterwards")
    w("=" * 100)

    n = int(meta["clients"])
    w("")
    w(f"1. Replay of {n:,} client creations ({meta['rounds']} rounds; 6 script lines per client + commit)")
    w(f"   {'contender':<48}{'median':>12}{'per client':>14}{'peak RSS':>12}")
    labels = [("pfsh", "pfsh script (one connection, commit)"),
              ("python", "Python requests.Session loop of POSTs"),
              ("curl", "bash loop of curl POSTs (one process each)")]
    for key, text in labels:
        m = med("replay", key)
        kib = med_kib("replay", key)
        w(f"   {text:<48}{fmt_time(m):>12}{fmt_time(m / n):>14}{(fmt_mib(kib) if kib else '-'):>12}")
    p, py, cu = med("replay", "pfsh"), med("replay", "python"), med("replay", "curl")
    w(f"   {faster(py / p, 'Python requests'):<52}(target >= 1.5×: {verdict(py / p >= 1.5)})")
    w(f"   {faster(cu / p, 'the curl loop'):<52}(target >= 10×:  {verdict(cu / p >= 10)})")

    sizes = [int(s) for s in meta["stage_sizes"].split()]
    w("")
    w(f"2. Staging scaling: the same script with --dry-run (validated, nothing written; {meta['rounds']} rounds)")
    w(f"   {'clients':>10}{'median':>12}{'per client':>14}{'peak RSS':>12}")
    per = {}
    kibs = {}
    for size in sizes:
        m = med("dryrun", str(size))
        per[size] = m / size
        kibs[size] = med_kib("dryrun", str(size))
        w(f"   {size:>10,}{fmt_time(m):>12}{per[size] * 1e6:>11.1f} us{fmt_mib(kibs[size]):>12}")
    small, large = sizes[0], sizes[-1]
    ratio = per[large] / per[small]
    line = f"time per client at {large:,} is {ratio:.2f}× that at {small:,}"
    w(f"   {line:<52}(target <= 1.5×: {verdict(ratio <= 1.5)})")
    line = f"peak RSS at {large:,}: {fmt_mib(kibs[large])}"
    w(f"   {line:<52}(target < 200 MiB: {verdict(kibs[large] < 200 * 1024)})")

    seeded = int(meta["seeded"])
    w("")
    w(f"3. One-shot command on a server with {seeded:,} clients, TLS set-up included ({count('oneshot', 'pfsh')} samples each)")
    w(f"   {meta['oneshot_pfsh']:<68}{fmt_time(med('oneshot', 'pfsh')):>12}")
    w(f"   {meta['oneshot_curl']:<68}{fmt_time(med('oneshot', 'curl')):>12}")
    r = med("oneshot", "pfsh") / med("oneshot", "curl")
    line = f"pfsh takes {r:.2f}× the time of curl"
    w(f"   {line:<52}(target <= 2×: {verdict(r <= 2)})")

    w("")
    w(f"4. Start-up, no connection ({count('startup', 'pfsh')} samples each)")
    w(f"   {'command':<30}{'median':>12}{'peak RSS':>12}")
    ph, cv = med("startup", "pfsh"), med("startup", "curl")
    pk, ck = med_kib("startup-rss", "pfsh"), med_kib("startup-rss", "curl")
    w(f"   {'pfsh -c help':<30}{fmt_time(ph):>12}{fmt_mib(pk):>12}")
    w(f"   {'curl --version':<30}{fmt_time(cv):>12}{fmt_mib(ck):>12}")
    line = f"pfsh takes {ph / cv:.2f}× the time of curl --version"
    w(f"   {line:<52}(target <= 1.2×: {verdict(ph / cv <= 1.2)})")
    line = f"pfsh's peak RSS is {fmt_mib(pk)}, {pk / ck:.2f}× curl's"
    w(f"   {line:<52}(target < 16 MiB: {verdict(pk < 16 * 1024)})")

    w("")
    m = med("complete", "pfsh")
    w(f"   Tab in the user's shell: pfsh __complete bash -- --profile bench client show bench-0000, {seeded:,} IDs cached")
    line = f"one process per Tab, from the cache: {fmt_time(m)}"
    w(f"   {line:<52}(peak RSS {fmt_mib(med_kib('complete', 'pfsh'))}; {m / ph:.2f}× pfsh -c help)")

    w("")
    w(f"5. Completion (Benchmarks/pfsh-bench, {meta['bench_build']} build, one Tab the whole way the shell goes)")
    with open(completion_path) as f:
        for line in f:
            w("   " + line.rstrip("\n"))
    w("=" * 100)
    print("\n".join(out))


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    command, args = argv[1], argv[2:]
    if command == "script":
        write_script(int(args[0]), args[1], args[2] if len(args) > 2 else "benchmark")
    elif command == "bodies":
        write_bodies(int(args[0]), args[1])
    elif command == "post":
        post(args[0], args[1], args[2])
    elif command == "verify":
        verify(args[0], args[1], int(args[2]))
    elif command == "summary":
        summary(args)
    else:
        sys.exit(f"run-helper: unknown command {command}")


if __name__ == "__main__":
    main(sys.argv)
