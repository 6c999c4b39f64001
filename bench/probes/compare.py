#!/usr/bin/env python3
"""Compares `ombuds parse` with a probe set's hand labels.

Usage: bench/probes/compare.py SET_DIR [--bin PATH] [--quiet]

SET_DIR holds lgo_pages.jsonl (the pages, as in ../shared/devset) and the labels:
findings.jsonl ({"ref", "outcome", "finding", "why"}), payments.jsonl ({"ref",
"agreed_payments", "note"}) and roles.jsonl ({"ref", "amounts": [{"amount", "role",
"uncertain", "cue"}]}). It prints three figures, each with every miss above it
unless --quiet:

  finding vs label       the tool's overall finding equals the labelled one
  agreed sets            the lump sums read as agreed equal the labelled agreed payments
                         (as multisets; rates with a period are left out, as in the labels)
  amounts, right roles   each distinct labelled amount (not marked uncertain) gets exactly
                         the labelled set of roles

With --precision, each role's precision (of the labelled amounts the tool gave that role,
how many are labelled with it) and recall follow.

The binary defaults to target/release/ombuds (build it with `cargo build --release`).
"""
import argparse
import collections
import json
import pathlib
import subprocess
import sys


def load(path):
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return {row["ref"]: row for row in rows}


def parsed_pages(binary, pages):
    run = subprocess.run(
        [binary, "parse", str(pages), "--format", "jsonl"], capture_output=True, text=True
    )
    if run.returncode not in (0, 3):
        sys.exit(f"compare.py: {binary} parse {pages} failed: {run.stderr.strip()}")
    out = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        url = record.get("url") or ""
        # A page of a report has its chapter after the reference (`...-341?chapter=2`).
        path = url.split("?", 1)[0]
        ref = path.rstrip("/").rsplit("/", 1)[-1] if url else record["reference"].replace(" ", "-")
        out[ref] = record
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set_dir", type=pathlib.Path)
    ap.add_argument("--bin", default="target/release/ombuds")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument(
        "--precision",
        action="store_true",
        help="also print each role's precision and recall over the labelled amounts",
    )
    args = ap.parse_args()
    pages = args.set_dir / "lgo_pages.jsonl"
    if not pages.exists():
        sys.exit(f"compare.py: {pages} not found")
    parsed = parsed_pages(args.bin, pages)
    say = (lambda *a: None) if args.quiet else print

    findings = load(args.set_dir / "findings.jsonl")
    right = 0
    for ref, label in findings.items():
        got = parsed.get(ref, {}).get("finding", "(not parsed)")
        if got == label["finding"]:
            right += 1
        else:
            say(f"  finding {ref}: got {got}, label {label['finding']} ({label.get('outcome')}): {label.get('why', '')[:140]}")
    print(f"{args.set_dir}: finding vs label {right}/{len(findings)}")

    def parsed_labels(name):
        """The labels of file `name` for pages the tool parsed."""
        return [(ref, label) for ref, label in load(args.set_dir / name).items() if ref in parsed]

    payments = parsed_labels("payments.jsonl")
    right = 0
    for ref, label in payments:
        got = sorted(p["amount"] for p in parsed[ref]["payments"] if p["role"] == "agreed" and p.get("period") is None)
        want = sorted(float(a) for a in label["agreed_payments"])
        if got == want:
            right += 1
        else:
            say(f"  agreed {ref}: got {got}, label {want}: {label.get('note', '')[:140]}")
    print(f"{args.set_dir}: agreed sets {right}/{len(payments)}")

    right = total = 0
    found = collections.Counter()  # role -> labelled amounts the tool gave that role
    given = collections.Counter()  # role -> labelled amounts given it, right or wrong
    labelled = collections.Counter()  # role -> amounts labelled with it
    for ref, label in parsed_labels("roles.jsonl"):
        got = collections.defaultdict(set)
        for p in parsed[ref]["payments"]:
            got[float(p["amount"])].add(p["role"])
        want = collections.defaultdict(set)
        cue = {}
        uncertain = set()
        for a in label["amounts"]:
            want[float(a["amount"])].add(a["role"])
            cue.setdefault(float(a["amount"]), a.get("cue", ""))
            if a.get("uncertain"):
                uncertain.add(float(a["amount"]))
        for amount, wanted in want.items():
            if amount in uncertain:
                continue
            total += 1
            for role in got.get(amount, set()):
                given[role] += 1
                found[role] += role in wanted
            for role in wanted:
                labelled[role] += 1
            if got.get(amount, set()) == wanted:
                right += 1
            else:
                say(f"  role {ref} £{amount:g}: got {sorted(got.get(amount, []))}, label {sorted(wanted)}: {cue[amount][:120]}")
    print(f"{args.set_dir}: amounts with the right roles {right}/{total}")
    if args.precision:
        for role in ("agreed", "accepted", "offered", "claimed", "other"):
            print(
                f"{args.set_dir}:   {role}: precision {found[role]}/{given[role]},"
                f" recall {found[role]}/{labelled[role]}"
            )


if __name__ == "__main__":
    main()
