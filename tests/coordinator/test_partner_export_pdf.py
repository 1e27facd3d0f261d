"""The PDF report of one case: Arabic shaped, consent respected, no sealed identity, atomic."""

from __future__ import annotations

import os
import subprocess
import unicodedata
from pathlib import Path

import pytest

from tests.stats_support import CANARY, with_witness_case
from tests.witness_support import CANARIES

pytestmark = [pytest.mark.gui]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                          timeout=60).stdout.decode("utf-8")


@pytest.fixture
def report_vault(qapp, coordinator_vault):
    return with_witness_case(coordinator_vault)


def test_case_pdf_shapes_arabic_and_leaves_out_what_consent_does_not_cover(report_vault, tmp_path):
    from app.gui.case_report_pdf import write_case_pdf

    vault, ids, internal_only, public = report_vault
    out = tmp_path / "case.pdf"
    report = write_case_pdf(vault, ids["w"], out, purpose="courts")
    assert out.read_bytes().startswith(b"%PDF-")
    assert os.stat(out).st_mode & 0o777 == 0o600
    raw = pdf_text(out)
    # Shaped: the glyphs drawn are Arabic contextual forms (joined letters), not isolated letters.
    assert any("\ufe70" <= ch <= "\ufeff" for ch in raw)
    text = unicodedata.normalize("NFKC", raw)
    assert "يوسف" in text and "الحلبي" in text and "Youssef al-Halabi" in text
    compact = "".join(text.split())  # a table cell may wrap a code; the check must not depend on it
    assert public in text and internal_only not in compact
    assert "1 witness statement(s) left out" in text
    assert report.consent.statements_withheld == 1 and report.narrative_withheld
    assert "narrative of Abduction seen from a roof" not in text
    leaked = [c for c in (CANARY, *CANARIES) if c in text or c.casefold() in text.casefold()]
    assert leaked == []


def test_publication_pdf_has_no_victim_names(report_vault, tmp_path):
    from app.gui.case_report_pdf import write_case_pdf

    vault, ids, *_ = report_vault
    out = tmp_path / "public.pdf"
    write_case_pdf(vault, ids["a1"], out, purpose="publication")
    text = unicodedata.normalize("NFKC", pdf_text(out))
    assert "الحموي" not in text and "(withheld)" in text
    assert "Homs checkpoint abduction" in text


def test_report_case_command(report_vault, tawthiq, passphrase_file, tmp_path):
    vault, ids, *_ = report_vault
    d, pf = str(vault.path), str(passphrase_file)
    out = tmp_path / "case.pdf"
    r = tawthiq("--vault", d, "--passphrase-file", pf, "report-case", ids["a1"], "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "محمد" in unicodedata.normalize("NFKC", pdf_text(out))
    missing = tmp_path / "none.pdf"
    r = tawthiq("--vault", d, "--passphrase-file", pf, "report-case", "no-such-case", "--out", str(missing))
    assert r.returncode == 1 and r.stderr.decode().strip() == "tawthiq: no case with that id"
    assert not missing.exists() and not list(tmp_path.glob(".*.partial"))
    nowhere = str(tmp_path / "no" / "x.pdf")
    r = tawthiq("--vault", d, "--passphrase-file", pf, "report-case", ids["a1"], "--out", nowhere)
    assert r.returncode == 1 and "existing folder" in r.stderr.decode()
