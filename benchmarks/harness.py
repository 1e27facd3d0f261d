"""The benchmark harness: discovery, child processes, repetitions, peak memory, targets.

Each `@bench` function runs once per scale in its own child Python process, so one benchmark's
caches, imports and memory never colour another's, and the parent can read the child's peak
resident memory from the kernel (`os.wait4`), which counts C allocations (SQLCipher, age,
Argon2id) that tracemalloc cannot see. Inside the child, `Run.time` resets the kernel's peak-RSS
mark before each measurement (Linux `/proc/self/clear_refs`), so every measurement has its own
peak. Everything a benchmark writes goes under `run.tmp`, inside the run's temporary folder,
which the parent deletes at the end.

See benchmarks/README.md for how to add a benchmark module.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import pkgutil
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SCALES = (1_000, 10_000, 100_000)
QUICK_SCALES = (1_000, 10_000)
SMOKE_SCALE = 100


# ---- targets ------------------------------------------------------------------------------------
_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


@dataclass(frozen=True)
class Target:
    """An aim from an issue, checked against one statistic of a measurement or a ratio.

    `stat` is one of: median, p95, min, max, per_item, peak_rss_mib, value (for `Run.metric`
    and `Run.ratio`). `source` names the issue the figure comes from, e.g. "issue 2".
    """

    stat: str
    op: str
    value: float
    unit: str = ""
    source: str = ""

    def describe(self) -> str:
        sep = "" if self.unit in ("×", "%") else " "
        shown = f"{self.value:g}{(sep + self.unit) if self.unit else ''}"
        where = f" ({self.source})" if self.source else ""
        subject = "" if self.stat == "value" else f"{self.stat} "
        return f"{subject}{self.op} {shown}{where}"

    def check(self, figure: float) -> bool:
        return _OPS[self.op](figure, self.value)


# ---- registry -----------------------------------------------------------------------------------
@dataclass
class BenchSpec:
    name: str
    fn: Callable[[Run], None]
    module: str
    title: str
    scales: tuple[int, ...] | None
    quick_scales: tuple[int, ...] | None
    smoke_scale: int | None
    scale_unit: str
    timeout_s: float

    def scales_for(self, mode: str, forced: int | None) -> list[int | None]:
        if self.scales is None:  # scale-independent: runs once
            return [None]
        if mode == "smoke":
            return [self.smoke_scale or min(self.scales)]
        if forced is not None and self.scale_unit == "cases":
            return [forced]
        if mode == "quick":
            return list(self.quick_scales if self.quick_scales is not None else self.scales)
        return list(self.scales)


REGISTRY: list[BenchSpec] = []


def bench(
    name: str,
    *,
    title: str = "",
    scales: Sequence[int] | None = SCALES,
    quick_scales: Sequence[int] | None = None,
    smoke_scale: int | None = None,
    scale_unit: str = "cases",
    timeout_s: float = 3600,
) -> Callable[[Callable[[Run], None]], Callable[[Run], None]]:
    """Register a benchmark. `name` is "group.what" (the group heads its docs section).

    `scales=None` means the benchmark does not depend on data size and runs once. Without
    `quick_scales`, `--quick` uses the default scales that are in QUICK_SCALES.
    """

    def register(fn: Callable[[Run], None]) -> Callable[[Run], None]:
        qs = tuple(quick_scales) if quick_scales is not None else None
        if qs is None and scales is not None and scale_unit == "cases":
            qs = tuple(s for s in scales if s in QUICK_SCALES) or (min(scales),)
        REGISTRY.append(
            BenchSpec(
                name=name,
                fn=fn,
                module=fn.__module__,
                title=title or (fn.__doc__ or name).strip().split("\n")[0],
                scales=tuple(scales) if scales is not None else None,
                quick_scales=qs,
                smoke_scale=smoke_scale,
                scale_unit=scale_unit,
                timeout_s=timeout_s,
            )
        )
        return fn

    return register


def discover(only: Iterable[str] = ()) -> list[BenchSpec]:
    """Import every benchmarks/bench_*.py; keep specs whose name or module matches `only`."""
    import benchmarks

    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda i: i.name):
        if info.name.startswith("bench_"):
            importlib.import_module(f"benchmarks.{info.name}")
    wanted = [w for w in only if w]
    specs = []
    for spec in REGISTRY:
        short_module = spec.module.rsplit(".", 1)[-1].removeprefix("bench_")
        if not wanted or any(w in (spec.name, short_module) or spec.name.startswith(w + ".") for w in wanted):
            specs.append(spec)
    return specs


def find_spec(name: str) -> BenchSpec:
    for spec in discover():
        if spec.name == name:
            return spec
    raise KeyError(name)


# ---- peak memory --------------------------------------------------------------------------------
def _status_kib(key: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak_rss() -> bool:
    """Reset this process's peak-RSS mark (Linux 4.0+); False where the kernel does not allow it."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_rss_kib() -> int:
    hwm = _status_kib("VmHWM")
    return hwm if hwm is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def current_rss_kib() -> int:
    return _status_kib("VmRSS") or 0


def wait_with_rusage(proc: subprocess.Popen, timeout_s: float | None = None) -> tuple[int, int]:
    """Wait for `proc`; return (exit code, its peak RSS in KiB) from the kernel's accounting."""
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    delay = 0.005
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG if deadline else 0)
        if pid:
            break
        if deadline is not None and time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return -9, usage.ru_maxrss
        time.sleep(delay)
        delay = min(delay * 2, 0.2)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss


def _program_hwm_kib(pid: int) -> int:
    """VmHWM of a running child that has exec'd into another program; 0 if unknown or not yet."""
    try:
        if os.path.realpath(f"/proc/{pid}/exe") == os.path.realpath(sys.executable):
            return 0  # still the forked copy of this Python, before exec
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    # Nearest-rank 95th percentile: an observed value, not an interpolation.
    p95 = ordered[max(0, min(len(ordered) - 1, -(-95 * len(ordered) // 100) - 1))]
    return {
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "p95": p95,
        "n": len(ordered),
    }


# ---- the run object a benchmark receives ---------------------------------------------------------
@dataclass
class Run:
    """What a benchmark function gets: where to write, the scale, and the ways to measure."""

    name: str
    scale: int | None
    mode: str  # "full", "quick" or "smoke"
    tmp: Path
    fixtures: Path
    repeat: int
    warmup: int
    measurements: list[dict] = field(default_factory=list)
    ratios: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _program_peak_kib: int = 0
    # Resetting the peak mark per measurement also resets what wait4 reports for the whole
    # process, so the child keeps the largest peak it has seen and reports it itself.
    seen_peak_kib: int = 0

    @property
    def quick(self) -> bool:
        return self.mode != "full"

    @property
    def smoke(self) -> bool:
        return self.mode == "smoke"

    def fixture(self, key: str, build: Callable[[Path], None]) -> Path:
        """A folder shared by every benchmark of this run (e.g. a vault of 10,000 cases).

        Built once by `build(folder)`; later benchmarks get the same folder. Treat it as read-only
        or copy it (`shutil.copytree`) before writing.
        """
        folder = self.fixtures / key
        done = folder.with_name(key + ".done")
        if not done.exists():
            if folder.exists():
                import shutil

                shutil.rmtree(folder)  # a previous build died half-way
            folder.mkdir(parents=True)
            build(folder)
            done.touch()
        return folder

    # -- measuring ------------------------------------------------------------------------------
    def time(
        self,
        label: str,
        fn: Callable[..., Any],
        *,
        inputs: Sequence[Any] | None = None,
        setup: Callable[[], Any] | None = None,
        repeat: int | None = None,
        warmup: int | None = None,
        items: int | None = None,
        item_unit: str = "item",
        nbytes: int | None = None,
        reference: bool = False,
        targets: Sequence[Target] = (),
        note: str = "",
    ) -> dict:
        """Time `fn` and record one measurement.

        Without `inputs`: `warmup` untimed calls, then `repeat` timed calls of `fn()` (or
        `fn(setup())` when `setup` is given; setup is not timed). With `inputs`: `fn(x)` is timed
        once per input (a latency distribution, e.g. search queries), after warming up on the
        first `warmup` inputs. `items`/`nbytes` per call give per-item time and throughput.
        """
        repeat = self.repeat if repeat is None else repeat
        warmup = self.warmup if warmup is None else warmup
        gc.collect()
        self.seen_peak_kib = max(self.seen_peak_kib, peak_rss_kib())
        per_measure_reset = reset_peak_rss()
        base_kib = current_rss_kib()
        self._program_peak_kib = 0
        samples: list[float] = []
        if inputs is not None:
            for x in list(inputs)[:warmup]:
                fn(x)
            for x in inputs:
                t0 = time.perf_counter()
                fn(x)
                samples.append(time.perf_counter() - t0)
        else:
            for _ in range(warmup):
                fn(setup()) if setup else fn()
            for _ in range(repeat):
                arg = setup() if setup else None
                t0 = time.perf_counter()
                fn(arg) if setup else fn()
                samples.append(time.perf_counter() - t0)
        stats = _stats(samples)
        m: dict[str, Any] = {
            "label": label,
            "kind": "latency" if inputs is not None else "time",
            "reference": reference,
            "unit": "s",
            "samples": samples,
            **stats,
            "peak_rss_mib": round(peak_rss_kib() / 1024, 1),
            "base_rss_mib": round(base_kib / 1024, 1),
            "peak_rss_scope": "measurement" if per_measure_reset else "process",
            "note": note,
        }
        if self._program_peak_kib:
            m["program_peak_rss_mib"] = round(self._program_peak_kib / 1024, 1)
        if items:
            m["items"], m["item_unit"] = items, item_unit
            m["per_item"] = stats["median"] / items
            m["items_per_s"] = items / stats["median"] if stats["median"] else None
        if nbytes:
            m["bytes"] = nbytes
            m["mib_per_s"] = nbytes / (1 << 20) / stats["median"] if stats["median"] else None
        self._check(m, targets)
        self.measurements.append(m)
        return m

    def record(
        self,
        label: str,
        samples: Sequence[float],
        *,
        unit: str = "s",
        reference: bool = False,
        peak_rss_mib: float | None = None,
        targets: Sequence[Target] = (),
        note: str = "",
    ) -> dict:
        """Record samples measured some other way (e.g. a GUI process timing its own start)."""
        m: dict[str, Any] = {
            "label": label,
            "kind": "recorded",
            "reference": reference,
            "unit": unit,
            "samples": list(samples),
            **_stats(list(samples)),
            "note": note,
        }
        if peak_rss_mib is not None:
            m["peak_rss_mib"], m["peak_rss_scope"] = peak_rss_mib, "reported"
        self._check(m, targets)
        self.measurements.append(m)
        return m

    def metric(
        self, label: str, value: float, *, unit: str = "", targets: Sequence[Target] = (), note: str = ""
    ) -> dict:
        """A single figure that is not a time: an F1 score, a count of rejected inputs, …"""
        m: dict[str, Any] = {
            "label": label,
            "kind": "metric",
            "reference": False,
            "unit": unit,
            "value": value,
            "note": note,
        }
        self._check(m, targets)
        self.measurements.append(m)
        return m

    def ratio(
        self,
        label: str,
        ours: str,
        reference: str,
        *,
        throughput: bool = False,
        stat: str = "median",
        targets: Sequence[Target] = (),
    ) -> dict:
        """Ours ÷ reference of two measurements' `stat` (time: >1 means we are slower).

        With `throughput=True` it is reference ÷ ours of times, i.e. our throughput as a fraction
        of the reference's (>1 means we are faster).
        """
        a, b = self._find(ours)[stat], self._find(reference)[stat]
        value = (b / a) if throughput else (a / b)
        r: dict[str, Any] = {
            "label": label,
            "ours": ours,
            "reference": reference,
            "stat": stat,
            "throughput": throughput,
            "value": value,
        }
        self._check(r, targets)
        self.ratios.append(r)
        return r

    def note(self, text: str) -> None:
        """A sentence for the docs beside this benchmark's table (method, caveat)."""
        self.notes.append(text)

    def program(self, argv: Sequence[str], **popen: Any) -> int:
        """Run an external program (e.g. `age`); its peak RSS joins the current measurement.

        The kernel's ru_maxrss of a child counts the memory of the Python process it was forked
        from, so the program's own peak is sampled from /proc while it runs (every 10 ms, only
        once it has exec'd): a lower bound that catches any sustained use.
        """
        proc = subprocess.Popen(list(argv), **popen)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _program_hwm_kib(proc.pid))
            time.sleep(0.01)
        self._program_peak_kib = max(self._program_peak_kib, peak)
        if proc.returncode != 0:
            raise RuntimeError(f"{argv[0]} exited with status {proc.returncode}")
        return proc.returncode

    # -- helpers --------------------------------------------------------------------------------
    def _find(self, label: str) -> dict:
        for m in self.measurements:
            if m["label"] == label:
                return m
        raise KeyError(f"no measurement labelled {label!r} yet")

    @staticmethod
    def _check(record: dict, targets: Sequence[Target]) -> None:
        checked = []
        for t in targets:
            figure = record.get(t.stat)
            if figure is None:
                raise KeyError(f"target on {t.stat!r}, which {record['label']!r} does not have")
            checked.append(
                {
                    "target": t.describe(),
                    "stat": t.stat,
                    "op": t.op,
                    "value": t.value,
                    "unit": t.unit,
                    "source": t.source,
                    "figure": figure,
                    "met": t.check(figure),
                }
            )
        record["targets"] = checked


# ---- the child side ------------------------------------------------------------------------------
def child_main(
    name: str, scale: str, mode: str, tmp: str, fixtures: str, out: str, repeat: int, warmup: int
) -> None:
    os.umask(0o077)
    spec = find_spec(name)
    run = Run(
        name=name,
        scale=None if scale == "-" else int(scale),
        mode=mode,
        tmp=Path(tmp),
        fixtures=Path(fixtures),
        repeat=repeat,
        warmup=warmup,
    )
    run.tmp.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    spec.fn(run)
    result = {
        "measurements": run.measurements,
        "ratios": run.ratios,
        "notes": run.notes,
        "wall_s": time.perf_counter() - t0,
        "seen_peak_kib": max(run.seen_peak_kib, peak_rss_kib()),
    }
    Path(out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def run_in_child(
    spec: BenchSpec, scale: int | None, *, mode: str, run_tmp: Path, repeat: int, warmup: int
) -> dict:
    """Run one benchmark at one scale in a fresh interpreter; return its result entry."""
    tag = f"{spec.name}-{scale if scale is not None else 'once'}"
    work = run_tmp / "work" / tag
    work.mkdir(parents=True, exist_ok=True)
    out = run_tmp / "results" / f"{tag}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    log = run_tmp / "logs" / f"{tag}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["TMPDIR"] = str(run_tmp / "tmp")  # anything a library puts in "the temp folder" lands here
    (run_tmp / "tmp").mkdir(exist_ok=True)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The benchmarks' vaults use keyfile.TEST_PARAMS, which only the explicit test mode may write or
    # open (each use warns on stderr, into the log). bench_unlock measures production parameters itself.
    env["TAWTHIQ_INSECURE_TEST_KDF"] = "1"  # storage.keyfile.TEST_KDF_ENV
    argv = [
        sys.executable,
        "-m",
        "benchmarks",
        "--child",
        spec.name,
        "-" if scale is None else str(scale),
        mode,
        str(work),
        str(run_tmp / "fixtures"),
        str(out),
        str(repeat),
        str(warmup),
    ]
    t0 = time.perf_counter()
    with open(log, "wb") as logf:
        proc = subprocess.Popen(argv, cwd=REPO, env=env, stdout=logf, stderr=subprocess.STDOUT)
        code, kib = wait_with_rusage(proc, spec.timeout_s)
    entry: dict[str, Any] = {
        "bench": spec.name,
        "group": spec.name.split(".")[0],
        "title": spec.title,
        "scale": scale,
        "scale_unit": spec.scale_unit,
        "process_peak_rss_mib": round(kib / 1024, 1),
        "process_wall_s": round(time.perf_counter() - t0, 2),
    }
    if code == 0 and out.exists():
        entry.update(json.loads(out.read_text(encoding="utf-8")))
        seen = entry.pop("seen_peak_kib", 0)
        entry["process_peak_rss_mib"] = round(max(kib, seen) / 1024, 1)
        entry["ok"] = True
    else:
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:]
        entry.update(
            {
                "ok": False,
                "error": f"exit status {code}",
                "log_tail": tail,
                "measurements": [],
                "ratios": [],
                "notes": [],
            }
        )
    # The child's own scratch space goes now: the next benchmark should find the disk as it was.
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    return entry
