"""A 1 GB attachment is stored and read back in constant memory (peak RSS under 200 MB)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from storage.keyfile import TEST_KDF_ENV
from tests.conftest import PASSPHRASE, REPO

DRIVER = textwrap.dedent(
    """
    import hashlib, json, os, resource, sys

    def peak_kib():
        # VmHWM is this process image's own peak. ru_maxrss is not: Linux carries the parent's peak
        # across fork/vfork + exec, so a child of a big pytest process would report pytest's RSS.
        try:
            with open("/proc/self/status") as status:
                return int(status.read().split("VmHWM:")[1].split()[0])
        except (OSError, IndexError, ValueError):
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    from pathlib import Path
    from storage import keyfile
    from storage.vault import Vault
    from app.services.intake import cases

    work = Path(sys.argv[1]); size = int(sys.argv[2])
    chunk = os.urandom(1 << 20)
    expected = hashlib.sha256()
    with open(work / "video.bin", "wb") as f:
        for _ in range(size >> 20):
            f.write(chunk); expected.update(chunk)
    v = Vault.create(work / "vault", sys.argv[3], kdf_params=dict(keyfile.TEST_PARAMS))
    case_id, _ = cases.save_case(v, {"form": "killing", "title": "video"})
    a = cases.attach_file(v, case_id, work / "video.bin")
    (work / "video.bin").unlink()
    blob, digest = cases.attachment_blob(v, a["id"])
    n = v.blobs.read_into(blob, None, digest)  # decrypt everything, verify the hash
    v.lock()
    print(json.dumps({"size": a["size"], "read": n, "sha_ok": a["sha256"] == expected.hexdigest(),
                      "peak_rss_mb": peak_kib() / 1024}))
    """
)


def _run(tmp_path, size: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(tmp_path), str(size), PASSPHRASE],
        capture_output=True, text=True, cwd=REPO, timeout=900,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin", TEST_KDF_ENV: "1"},  # its vault is at TEST_PARAMS
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_attachment_streams_64mb(tmp_path):
    report = _run(tmp_path, 64 << 20)
    assert report["size"] == report["read"] == 64 << 20 and report["sha_ok"]
    assert report["peak_rss_mb"] < 200


@pytest.mark.slow
def test_one_gigabyte_attachment_in_constant_memory(tmp_path):
    report = _run(tmp_path, 1 << 30)
    assert report["size"] == report["read"] == 1 << 30 and report["sha_ok"]
    assert report["peak_rss_mb"] < 200, report
