"""The command line contract: exit codes, one-line errors, JSON output."""

from __future__ import annotations

import json

import pytest

from storage.vault import KEYFILE
from tests.conftest import snapshot


@pytest.fixture
def cli_vault(tmp_path, passphrase_file, tawthiq):
    d = tmp_path / "v"
    r = tawthiq("--vault", str(d), "--passphrase-file", str(passphrase_file), "init", "--name", "doc")
    assert r.returncode == 0, r.stderr
    return lambda *a, **kw: tawthiq("--vault", str(d), "--passphrase-file", str(passphrase_file), *a, **kw), d


def _one_line(result) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in lines[0]
    return lines[0]


def test_add_list_show_attach_round_trip(cli_vault, tmp_path):
    run, _ = cli_vault
    case = {"form": "kidnapping", "title": "اختطاف في وادي الذهب", "narrative": "Taken at night"}
    (tmp_path / "c.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    r = run("case", "add", str(tmp_path / "c.json"))
    assert r.returncode == 0, r.stderr
    case_id = r.stdout.decode().strip()
    (tmp_path / "a.txt").write_bytes(b"statement")
    assert run("case", "attach", case_id, str(tmp_path / "a.txt")).returncode == 0
    shown = json.loads(run("case", "show", case_id, "--json").stdout)
    assert shown["title"] == case["title"] and shown["narrative"] == case["narrative"]
    assert shown["_meta"]["attachments"][0]["size"] == len(b"statement")
    listed = json.loads(run("case", "list", "--json").stdout)
    assert [c["id"] for c in listed] == [case_id]


def test_case_from_stdin(cli_vault):
    run, _ = cli_vault
    r = run("case", "add", "-", input=b'{"form": "killing", "title": "t"}')
    # --passphrase-file is a file here, so stdin is free for the case.
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'{"title": "no form"}', b"[" * 100_000 + b"]" * 100_000],
)
def test_bad_case_files_one_line_exit_1_nothing_changed(cli_vault, tmp_path, content):
    run, d = cli_vault
    before = snapshot(d)
    (tmp_path / "bad.json").write_bytes(content)
    r = run("case", "add", str(tmp_path / "bad.json"))
    assert r.returncode == 1
    _one_line(r)
    assert snapshot(d) == before


def test_usage_errors_exit_2(cli_vault):
    run, _ = cli_vault
    assert run("no-such-command").returncode == 2
    r = run("case")
    assert r.returncode == 2
    _one_line(r)


def test_no_passphrase_source_without_terminal_is_a_usage_error(tmp_path, tawthiq):
    r = tawthiq("--vault", str(tmp_path / "v"), "case", "list", input=b"")
    assert r.returncode == 2
    assert "--passphrase-file" in _one_line(r)


def test_missing_vault(tmp_path, passphrase_file, tawthiq):
    r = tawthiq("--vault", str(tmp_path / "nowhere"), "--passphrase-file", str(passphrase_file), "case", "list")
    assert r.returncode == 1
    assert "no vault" in _one_line(r)


def test_unknown_case_id(cli_vault):
    run, _ = cli_vault
    r = run("case", "show", "00000000-0000-0000-0000-000000000000")
    assert r.returncode == 1
    assert "no case" in _one_line(r)


def test_passphrase_change_via_cli(cli_vault, tmp_path, tawthiq):
    run, d = cli_vault
    new = tmp_path / "new"
    new.write_text("a completely different long passphrase 77\n")
    r = run("passphrase", "--new-passphrase-file", str(new))
    assert r.returncode == 0, r.stderr
    assert run("case", "list").returncode == 3
    r = tawthiq("--vault", str(d), "--passphrase-file", str(new), "case", "list")
    assert r.returncode == 0


def test_passphrase_from_stdin(cli_vault, tawthiq, passphrase):
    _, d = cli_vault
    r = tawthiq("--vault", str(d), "--passphrase-file", "-", "case", "list", input=passphrase.encode() + b"\n")
    assert r.returncode == 0, r.stderr


def test_lock_leaves_no_wal(cli_vault, tmp_path):
    run, d = cli_vault
    (tmp_path / "c.json").write_text('{"form": "killing", "title": "x"}')
    run("case", "add", str(tmp_path / "c.json"))
    assert run("lock").returncode == 0
    wal = d / "vault.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert (d / KEYFILE).exists()
