"""`make dist`: the packaged app for this platform, its archive, SHA256SUMS and its signature.

PyInstaller in one-folder mode (docs/release.md says why): a folder holding the program, the
Python runtime, our packages and their data, Qt and the other native libraries; it needs neither
Python nor the venv where it runs. One-file mode is refused on purpose: it unpacks itself into
a temporary folder at every start, which a seized laptop keeps if the app is killed.

    python -m release.build --out dist [--release-key ~/.minisign/tawthiq-release.key]

writes dist/tawthiq-VERSION-OS-ARCH.tar.gz (the folder `tawthiq-VERSION-OS-ARCH/`), dist/SHA256SUMS
and, with a release key, dist/SHA256SUMS.minisig (minisign asks for the key's password).
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

from release import closure

REPO = closure.REPO
# Modules the packaged app never needs, on top of every distribution the core install leaves out:
# Python's own GUI toolkit and test packages.
NEVER_SHIPPED = {"tkinter", "test", "unittest", "pydoc_data"}
OUR_PACKAGES = ("app", "forms", "storage")


def artefact_name() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    return f"tawthiq-{closure.project()['version']}-{system}-{platform.machine().lower()}"


def pyinstaller_arguments(work: Path, out: Path) -> list[str]:
    args = [
        str(REPO / "release" / "entry.py"),
        "--name", "tawthiq",
        "--onedir",  # never --onefile: see the module docstring
        "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(out), "--workpath", str(work / "work"), "--specpath", str(work),
        "--paths", str(REPO),
        "--add-data", f"{REPO / 'resources'}{':' if sys.platform != 'win32' else ';'}resources",
    ]
    for package in OUR_PACKAGES:
        # Commands and views are found by name at run time (pkgutil, importlib): take them all.
        args += ["--collect-submodules", package, "--collect-data", package]
    for package in sorted(closure.core_data_packages()):
        args += ["--collect-data", package]
    for module in sorted(closure.not_core_modules() | NEVER_SHIPPED):
        args += ["--exclude-module", module]
    if sys.platform == "win32":
        args.append("--windowed")  # no console window behind the desktop app
    return args


def build_folder(work: Path) -> Path:
    import PyInstaller.__main__

    out = work / "folder"
    PyInstaller.__main__.run(pyinstaller_arguments(work, out))
    return out / "tawthiq"


def archive(folder: Path, out: Path) -> Path:
    """A .tar.gz of the folder under its release name, members sorted, owner root, no user names."""
    name = artefact_name()
    target = out / f"{name}.tar.gz"
    partial = target.with_suffix(".partial")

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(partial, "w:gz") as tar:
        tar.add(folder, arcname=name, filter=clean, recursive=False)
        for path in sorted(folder.rglob("*")):
            tar.add(path, arcname=f"{name}/{path.relative_to(folder)}", filter=clean, recursive=False)
    partial.replace(target)
    return target


def write_sums(files: list[Path], out: Path) -> Path:
    lines = []
    for path in files:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  {path.name}\n")
    sums = out / "SHA256SUMS"
    sums.write_text("".join(lines), encoding="ascii")
    return sums


def sign(sums: Path, secret_key: Path) -> Path:
    archives = ", ".join(sorted(p.name for p in sums.parent.glob("*.tar.gz")))
    comment = f"Tawthiq {closure.project()['version']} release: {archives}"
    subprocess.run(["minisign", "-S", "-s", str(secret_key), "-m", str(sums), "-t", comment], check=True)
    return sums.with_name(sums.name + ".minisig")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m release.build", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="where the release files go")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "pyinstaller", help="PyInstaller's own files")
    parser.add_argument("--release-key", type=Path, help="minisign secret key: sign SHA256SUMS")
    args = parser.parse_args(argv)
    if args.release_key is not None and shutil.which("minisign") is None:
        parser.error("signing needs the minisign program (release/debian-packages)")
    args.out.mkdir(parents=True, exist_ok=True)
    folder = build_folder(args.work)
    archived = archive(folder, args.out)
    sums = write_sums([archived], args.out)
    print(f"{archived}\n{sums}")
    if args.release_key is not None:
        print(sign(sums, args.release_key))
    else:
        print("not signed: give --release-key (make dist RELEASE_KEY=...) for SHA256SUMS.minisig")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
