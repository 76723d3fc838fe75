#!/usr/bin/env python3
"""Precision, recall and false-alarm rate of hookguard per rule on an annotated corpus.

    bench/corpus_accuracy.py [--hookguard build/hookguard] DIR [DIR ...]

A positive case is a `# expect: WH401` (or `// expect:`) annotation: found when a finding of
that rule lies on its line or inside the innermost function around it (the corpus test's
rule). A negative case is a `# safe: WH401` annotation on a function that must not get that
rule's finding. Findings that match no expectation are false alarms; those inside a `safe`
function are also counted against the negative cases, so

    recall           = positives found / positives
    precision        = matched findings / all findings of the rule
    false-alarm rate = negative cases with a finding / negative cases

Only the figures are printed; nothing here passes or fails (the corpus test does that).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

ANNOTATION = re.compile(r"(#|//)\s*(expect|safe):\s*(WH[0-9]{3}(\s*,\s*WH[0-9]{3})*)")
RULE = re.compile(r"WH[0-9]{3}")
DEF = re.compile(r"^(\s*)(async\s+def|def|class)\s")
SOURCE_EXTS = (".py", ".cpp", ".cc", ".cxx", ".h", ".hpp")


def functions(lines):
    """(start, end) line ranges of Python defs by indentation; C++ files give none."""
    out = []
    stack = []
    for number, text in enumerate(lines, 1):
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(text.lstrip())
        while stack and indent <= stack[-1][1] and not stripped.startswith(("@", ")")):
            start, _ = stack.pop()
            out.append((start, last_code[0]))
        m = DEF.match(text)
        if m:
            stack.append((number, indent))
        last_code = [number]
    for start, _ in stack:
        out.append((start, len(lines)))
    return out


def read_annotations(paths, root):
    cases = []  # (kind, rule, path, line, function range)
    for base in paths:
        for directory, _, names in os.walk(base):
            for name in sorted(names):
                if not name.endswith(SOURCE_EXTS):
                    continue
                full = os.path.join(directory, name)
                rel = os.path.relpath(full, root).replace(os.sep, "/")
                with open(full, encoding="utf-8", errors="replace") as f:
                    lines = f.read().splitlines()
                ranges = functions(lines) if name.endswith(".py") else []
                for number, text in enumerate(lines, 1):
                    m = ANNOTATION.search(text)
                    if not m:
                        continue
                    inner = [r for r in ranges if r[0] <= number <= r[1]]
                    scope = min(inner, key=lambda r: r[1] - r[0]) if inner else (number, number)
                    for rule in RULE.findall(m.group(3)):
                        cases.append((m.group(2), rule, rel, number, scope))
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hookguard", default=os.path.join("build", "hookguard"))
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    root = os.getcwd()
    run = subprocess.run([args.hookguard, "scan", *args.dirs, "--format", "json", "--no-config", "-q",
                          "--fail-on", "never"], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"hookguard failed ({run.returncode}): {run.stderr.strip()}")
    findings = [f for f in json.loads(run.stdout) if not f["suppressed"]]
    cases = read_annotations(args.dirs, root)

    def inside(finding, case):
        _, rule, path, line, scope = case
        return finding["rule"] == rule and finding["path"] == path and (
            finding["line"] == line or scope[0] <= finding["line"] <= scope[1])

    stats = collections.defaultdict(lambda: collections.Counter())
    matched = set()
    for case in cases:
        kind, rule = case[0], case[1]
        hits = [i for i, f in enumerate(findings) if inside(f, case)]
        if kind == "expect":
            stats[rule]["positives"] += 1
            stats[rule]["found"] += bool(hits)
            matched.update(hits)
        else:
            stats[rule]["negatives"] += 1
            stats[rule]["false_alarms"] += bool(hits)
    for i, f in enumerate(findings):
        stats[f["rule"]]["findings"] += 1
        stats[f["rule"]]["matched"] += i in matched
        if i not in matched:
            print(f"unexpected: {f['path']}:{f['line']}: {f['message']} [{f['rule']}]")
    for case in cases:
        if case[0] == "expect" and not any(inside(f, case) for f in findings):
            print(f"missing: {case[2]}:{case[3]}: expected {case[1]}")

    print(f"{'rule':6} {'positives':>9} {'found':>6} {'recall':>7} {'findings':>8} {'precision':>9} "
          f"{'negatives':>9} {'false alarms':>12} {'rate':>6}")
    ratio = lambda a, b: f"{a / b:.2f}" if b else "-"
    for rule in sorted(stats):
        s = stats[rule]
        print(f"{rule:6} {s['positives']:9} {s['found']:6} {ratio(s['found'], s['positives']):>7} "
              f"{s['findings']:8} {ratio(s['matched'], s['findings']):>9} {s['negatives']:9} "
              f"{s['false_alarms']:12} {ratio(s['false_alarms'], s['negatives']):>6}")


if __name__ == "__main__":
    main()
