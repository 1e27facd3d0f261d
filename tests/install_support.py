"""What the install tests share: a documenter-to-coordinator run of any `tawthiq` program.

The same steps run against the core install (tests/install/test_core_install.py) and the packaged
app (tests/install/test_dist.py): the command line contract, not our Python objects, is what a
user of either gets.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import PASSPHRASE

Tawthiq = Callable[..., subprocess.CompletedProcess]


def one_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr.decode(), result.stderr
    return lines[0]


@dataclass
class Exchange:
    coordinator: Path
    documenter: Path
    case_id: str
    attachment: bytes
    bundle: Path
    documenter_pub: Path
    import_output: str  # what `tawthiq import` printed


def documenter_to_coordinator(tawthiq: Tawthiq, tmp: Path) -> Exchange:
    """Two vaults enrolled through the CLI; a case with an attachment exported, verified, imported."""
    passphrase = tmp / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")

    def on(vault: Path, *args: str) -> subprocess.CompletedProcess:
        r = tawthiq("--vault", str(vault), "--passphrase-file", str(passphrase), *args)
        assert r.returncode == 0, (args, r.stderr.decode())
        return r

    coordinator, documenter = tmp / "coordinator", tmp / "documenter"
    on(coordinator, "init", "--role", "coordinator", "--name", "Coordination")
    on(documenter, "init", "--role", "documenter", "--name", "Homs team 2")
    on(coordinator, "profile", "export", "--out", str(tmp / "org.profile"))
    fingerprint = json.loads(on(coordinator, "keys", "--json").stdout)["fingerprint"]
    on(documenter, "profile", "import", str(tmp / "org.profile"), "--fingerprint", fingerprint)
    on(documenter, "identity", "export", "--out", str(tmp / "doc.identity"))
    doc_fingerprint = json.loads(on(documenter, "keys", "--json").stdout)["fingerprint"]
    on(coordinator, "trust", str(tmp / "doc.identity"), "--fingerprint", doc_fingerprint)

    case = {"form": "kidnapping", "title": "اختطاف في وادي الذهب", "narrative": "Taken at night"}
    (tmp / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    case_id = on(documenter, "case", "add", str(tmp / "case.json")).stdout.decode().strip()
    attachment = b"statement of a witness, page 1\n" * 500
    (tmp / "statement.txt").write_bytes(attachment)
    on(documenter, "case", "attach", case_id, str(tmp / "statement.txt"))
    bundle = tmp / "homs.tawthiq"
    on(documenter, "export", "--out", str(bundle))
    on(documenter, "keys", "--minisign-out", str(tmp / "documenter.pub"))
    on(coordinator, "verify", str(bundle))
    imported = on(coordinator, "import", str(bundle)).stdout.decode()
    listed = json.loads(on(coordinator, "case", "list", "--json").stdout)
    assert case_id in json.dumps(listed)
    return Exchange(coordinator, documenter, case_id, attachment, bundle, tmp / "documenter.pub", imported)


def check_with_stock_tools(exchange: Exchange, tmp: Path) -> dict:
    """Open the bundle with the real age, tar, minisign and sha256sum; return the case record.

    The coordinator's secret age identity is read through our storage API, as an operator keeps it
    for such checks (the vault format is the same whichever program wrote it).
    """
    from storage.vault import Vault

    vault = Vault.unlock(exchange.coordinator, PASSPHRASE)
    identity = tmp / "coordinator.key"
    identity.write_text(vault.keys.age_identity + "\n")
    vault.lock()
    out = tmp / "unpacked"
    out.mkdir()
    plain = subprocess.run(["age", "-d", "-i", str(identity), str(exchange.bundle)],
                           check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=plain, check=True)
    subprocess.run(["minisign", "-Vm", "SHA256SUMS", "-p", str(exchange.documenter_pub)], cwd=out, check=True,
                   capture_output=True)
    subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=out, check=True, capture_output=True)
    import hashlib

    assert (out / "attachments" / hashlib.sha256(exchange.attachment).hexdigest()).read_bytes() == exchange.attachment
    return json.loads((out / "records" / f"{exchange.case_id}.json").read_text(encoding="utf-8"))
