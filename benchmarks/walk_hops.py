"""Count the hops of issue 13's two walks through the code.

1. save: a documenter saves a case from the editor. The editor is a real CaseEditor on a real vault
   (small Argon2id parameters); the title and narrative are typed into its widgets, then
   `save_now()` runs until the case's row and full-text entry are written and the editor is back.
2. import: a coordinator imports a documenter's bundle (verification, merge, linkage) and reads the
   statistics: the `import` and `stats` command handlers, run in this process on vaults set up with
   the real `tawthiq` command (init, profile, identity, trust, three example cases, export). The
   vault is unlocked before counting: the walk is the command, not the key derivation.

A hop is a call from one of our modules (app/, forms/, storage/) into another of our modules,
recorded by a profiler. Not a timing: it describes the structure of the code path, so it is stable
between runs, and it runs on any checkout whose CLI has these commands (copy this file into an older
tree's benchmarks/ to count that tree: it imports the code beside it).

    QT_QPA_PLATFORM=offscreen python benchmarks/walk_hops.py [save|import] [--edges]

Prints, per walk, the number of cross-module calls and of distinct (caller, callee) pairs.
`python -m benchmarks --only structure.walk_hops` records the same counts in docs/benchmarks.md.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OURS = tuple(str(REPO / p) + os.sep for p in ("app", "forms", "storage"))
PASSPHRASE = "a long walk through the code base"  # noqa: S105 - throw-away vaults of the walk
Calls = Counter[tuple[str, str]]


def _module(filename: str) -> str | None:
    if not filename.startswith(OURS):
        return None
    return str(Path(filename).relative_to(REPO).with_suffix("")).replace(os.sep, ".")


def _counted(work: Callable[[], object]) -> tuple[object, Calls]:
    """Run `work` under a profiler that counts every call from one of our modules into another."""
    calls: Calls = Counter()

    def profile(frame, event, _arg):
        if event != "call" or frame.f_back is None:
            return
        callee = _module(frame.f_code.co_filename)
        caller = _module(frame.f_back.f_code.co_filename)
        if callee and caller and callee != caller:
            calls[(f"{caller}.{frame.f_back.f_code.co_name}", f"{callee}.{frame.f_code.co_name}")] += 1

    sys.setprofile(profile)
    try:
        result = work()
    finally:
        sys.setprofile(None)
    return result, calls


def _setup() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TAWTHIQ_INSECURE_TEST_KDF"] = "1"  # throw-away vaults: the walk, not the KDF
    if str(REPO) not in sys.path[:1]:
        sys.path.insert(0, str(REPO))


def save_walk() -> Calls:
    _setup()
    from PySide6.QtWidgets import QApplication

    from app.gui.case_editor import CaseEditor
    from app.gui.prefs import PreUnlockPrefs
    from app.gui.session import Session
    from app.gui.tasks import TaskRunner
    from storage.vault import Vault

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "vault", PASSPHRASE)
        session = Session(Path(tmp) / "vault", PreUnlockPrefs(Path(tmp) / "prefs.json"), TaskRunner(synchronous=True))
        session.open(vault)
        editor = CaseEditor(session, form="kidnapping")
        editor.field("title").edit.setText("Abduction at the Homs checkpoint")
        editor.field("narrative").edit.setPlainText("A neighbour saw it from a roof and noted the plate.")
        saved, calls = _counted(editor.save_now)
        assert saved, "the walk's case was not saved"
        session.lock()
        editor.deleteLater()
    app.processEvents()
    return calls


def _tawthiq(vault: Path, passphrase_file: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "app", "--vault", str(vault), "--passphrase-file",
                             str(passphrase_file), *args], capture_output=True, text=True, env=env, cwd=REPO,
                            timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"tawthiq {args[0]} failed: {result.stderr.strip()[-400:]}")
    return result.stdout


def _world(tmp: Path) -> tuple[Path, Path, Path]:
    """A coordinator that trusts a documenter, and a bundle of three example cases from that documenter."""
    secret = tmp / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    coordinator, documenter = tmp / "coordinator", tmp / "documenter"
    _tawthiq(coordinator, secret, "init", "--role", "coordinator", "--name", "coordinator")
    _tawthiq(documenter, secret, "init", "--role", "documenter", "--name", "documenter")
    _tawthiq(coordinator, secret, "profile", "export", "--out", str(tmp / "profile"))
    coordinator_fp = json.loads(_tawthiq(coordinator, secret, "keys", "--json"))["fingerprint"]
    _tawthiq(documenter, secret, "profile", "import", str(tmp / "profile"), "--fingerprint", coordinator_fp)
    _tawthiq(documenter, secret, "identity", "export", "--out", str(tmp / "identity"))
    documenter_fp = json.loads(_tawthiq(documenter, secret, "keys", "--json"))["fingerprint"]
    _tawthiq(coordinator, secret, "trust", str(tmp / "identity"), "--fingerprint", documenter_fp)
    forms = [f["id"] for f in json.loads(_tawthiq(documenter, secret, "form", "list", "--json"))]
    for form in ("kidnapping", "killing", "kidnapping"):
        if form not in forms:
            continue
        case = tmp / f"{form}.json"
        case.write_text(_tawthiq(documenter, secret, "form", "template", form), encoding="utf-8")
        _tawthiq(documenter, secret, "case", "add", str(case))
    bundle = tmp / "bundle.tawthiq"
    _tawthiq(documenter, secret, "export", "--out", str(bundle))
    return coordinator, secret, bundle


def _command(vault: Path, secret: Path, *args: str) -> Calls:
    """One command's handler on an unlocked vault, counted; its output discarded."""
    import app.cli as cli

    parser = cli.build_parser()
    parsed = parser.parse_args(["--vault", str(vault), "--passphrase-file", str(secret), *args])
    make_context = getattr(cli.Context, "from_args", cli.Context)  # older trees: Context(args)
    ctx = make_context(parsed)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            ctx.vault()  # unlocked before counting
            code, calls = _counted(lambda: parsed.handler(ctx))
        assert not code, f"tawthiq {args[0]} exited with {code}"
    finally:
        ctx.close()
    return calls


def import_walk() -> Calls:
    _setup()
    with tempfile.TemporaryDirectory() as tmp:
        coordinator, secret, bundle = _world(Path(tmp))
        calls = _command(coordinator, secret, "import", str(bundle))
        calls.update(_command(coordinator, secret, "stats"))
    return calls


WALKS = {"save": save_walk, "import": import_walk}


def main() -> int:
    chosen = [name for name in WALKS if name in sys.argv[1:]] or list(WALKS)
    for name in chosen:
        calls = WALKS[name]()
        print(f"{name}: cross-module calls: {sum(calls.values())}; distinct caller->callee pairs: {len(calls)}")
        if "--edges" in sys.argv:
            for (caller, callee), n in sorted(calls.items()):
                print(f"{n:5d}  {caller} -> {callee}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
