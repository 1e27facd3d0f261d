"""`python -m benchmarks [--quick] [--only NAME] [--scale N]`: run, then write JSON and docs.

Results go to benchmarks/results/latest.json and docs/benchmarks.md (generated; never edit it).
Entries from an earlier run of benchmarks not run this time are kept and labelled with the
command that produced them, so `--only bundles` does not erase the storage figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import harness, machine, report

DEFAULT_JSON = harness.REPO / "benchmarks" / "results" / "latest.json"
DEFAULT_DOC = harness.REPO / "docs" / "benchmarks.md"
QUICK_BUDGET_S = 120  # issue 9: `make bench-quick` in under 2 minutes on the 2-core machine


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="smaller scales and fewer repetitions (< 2 min)")
    p.add_argument(
        "--smoke",
        action="store_true",
        help="every benchmark once at its tiniest scale (the test suite's check that all run)",
    )
    p.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="a benchmark name (storage.save), group (storage) or module (bench_storage: storage)",
    )
    p.add_argument("--scale", type=int, help="run case-scaled benchmarks at this number of cases only")
    p.add_argument("--repeat", type=int, help="timed repetitions per measurement")
    p.add_argument("--warmup", type=int, help="untimed warm-up calls per measurement")
    p.add_argument(
        "--json", type=Path, help=f"results file (default {DEFAULT_JSON.relative_to(harness.REPO)})"
    )
    p.add_argument("--doc", type=Path, help=f"report (default {DEFAULT_DOC.relative_to(harness.REPO)})")
    p.add_argument("--fresh", action="store_true", help="do not keep entries from the previous results file")
    p.add_argument("--list", action="store_true", help="list the benchmarks and their scales, run nothing")
    p.add_argument(
        "--render",
        action="store_true",
        help="only regenerate the report from the results file (after a change to benchmarks/report.py)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        name, scale, mode, tmp, fixtures, out, repeat, warmup = argv[1:9]
        harness.child_main(name, scale, mode, tmp, fixtures, out, int(repeat), int(warmup))
        return 0
    args = _parser().parse_args(argv)
    if args.render:
        results = json.loads((args.json or DEFAULT_JSON).read_text(encoding="utf-8"))
        (args.doc or DEFAULT_DOC).write_text(report.markdown(results), encoding="utf-8")
        return 0
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    specs = harness.discover(args.only)
    if not specs:
        print(f"no benchmark matches {args.only}", file=sys.stderr)
        return 2
    plan = [(s, sc) for s in specs for sc in s.scales_for(mode, args.scale)]
    if args.list:
        for spec, scale in plan:
            print(f"{spec.name:32} {scale if scale is not None else '-':>8} {spec.scale_unit:6} {spec.title}")
        return 0
    repeat = args.repeat or {"full": 5, "quick": 3, "smoke": 1}[mode]
    warmup = args.warmup if args.warmup is not None else {"full": 1, "quick": 1, "smoke": 0}[mode]
    os.umask(0o077)
    command = "python -m benchmarks" + ("" if not argv else " " + shlex.join(argv))
    started = dt.datetime.now(dt.UTC)
    run_info = {
        "id": started.strftime("%Y%m%dT%H%M%SZ"),
        "command": command,
        "mode": mode,
        "started": started.isoformat(timespec="seconds"),
        "machine": machine.describe(),
        "load_average_start": machine.load_average(),
        "repeat": repeat,
        "warmup": warmup,
    }
    entries = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tawthiq-bench-") as tmp:
        for i, (spec, scale) in enumerate(plan, 1):
            shown = f"{scale:,} {spec.scale_unit}" if scale is not None else "once"
            print(f"[{i}/{len(plan)}] {spec.name} @ {shown} …", file=sys.stderr, flush=True)
            entry = harness.run_in_child(
                spec, scale, mode=mode, run_tmp=Path(tmp), repeat=repeat, warmup=warmup
            )
            entry["run"] = run_info["id"]
            entries.append(entry)
            status = "ok" if entry["ok"] else "FAILED: " + entry["error"]
            print(
                f"    {status} in {entry['process_wall_s']:.1f} s, peak RSS "
                f"{entry['process_peak_rss_mib']:.0f} MiB",
                file=sys.stderr,
                flush=True,
            )
            if not entry["ok"]:
                print("    " + "\n    ".join(entry["log_tail"]), file=sys.stderr)
    run_info["duration_s"] = round(time.perf_counter() - t0, 1)
    run_info["load_average_end"] = machine.load_average()
    if mode == "quick" and not args.only and args.scale is None:
        run_info["budget"] = {
            "target": f"whole quick suite < {QUICK_BUDGET_S} s (issue 9)",
            "figure": run_info["duration_s"],
            "met": run_info["duration_s"] < QUICK_BUDGET_S,
        }
    json_path = args.json or (None if mode == "smoke" else DEFAULT_JSON)
    doc_path = args.doc or (None if mode == "smoke" else DEFAULT_DOC)
    previous = None
    if json_path and json_path.exists() and not args.fresh and mode != "smoke":
        previous = json.loads(json_path.read_text(encoding="utf-8"))
    known = {s.name for s in harness.discover()}
    results = report.merge(previous, run_info, entries, known)
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if doc_path:
        doc_path.parent.mkdir(parents=True, exist_ok=True)
        doc_path.write_text(report.markdown(results), encoding="utf-8")
    failed = [e for e in entries if not e["ok"]]
    print(
        f"done in {run_info['duration_s']:.0f} s; {len(entries) - len(failed)} ok, {len(failed)} failed"
        + "".join(f"; wrote {p}" for p in (json_path, doc_path) if p),
        file=sys.stderr,
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
