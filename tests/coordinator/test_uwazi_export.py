"""The Uwazi export (issue 18 item 4) checked against the rules of Uwazi's CSV/ZIP import.

The rules are Uwazi's documented conventions and the checks its importer makes before it reads a
row (docs/uwazi.md cites them): `import.csv` at the ZIP root, a `title` in every row, `|` between
the values of one cell, `<property>__<language>` columns (never beside the same property without
a suffix, only on text and select properties, the default language among them), date ranges as
`from:to`, geolocation as `lat|lon`, attachment files at the root named in `attachments`. The
consent filter and the sealed identities are the partner export's own: the same vault, the same
witnesses, the same canaries.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest

from app.services.intake import cases
from app.services.outputs import partner_export, uwazi
from tests.stats_support import CANARY, case_body, victim, with_witness_case
from tests.witness_support import CANARIES

# The type each column has in the Uwazi template docs/uwazi.md describes.
TYPES = {"title": "text", "case_id": "text", "date": "daterange", "date_precision": "select",
         "governorate": "select", "place": "select", "geolocation": "geolocation", "acts": "multiselect",
         "fates": "multiselect", "perpetrator_groups": "multiselect", "victims": "text", "victim_count": "numeric",
         "narrative": "markdown", "documented_by": "text", "attachments": "attachments"}
# Uwazi's importer: properties of these types may have language columns (validateColumns.ts).
WITH_LANGUAGE = {"text", "markdown", "select", "multiselect", "link", "nested"}
DATE_RANGE = re.compile(r"^\d{4}/\d{2}/\d{2}:\d{4}/\d{2}/\d{2}$")


@pytest.fixture
def uwazi_vault(coordinator_vault, tmp_path):
    vault, ids, internal_only, public = with_witness_case(coordinator_vault)
    # A case of the coordinator's own with files cited by a statement whose witness consented only
    # to internal use, by one who consented to everything, and by a monitor's report.
    body = case_body("Shelling of the market", date="2024-02", precision="month", governorate="idlib",
                     victims=[victim("سامي العلي", name_latin="Sami al-Ali", act=["killing", "injury"],
                                     fate="killed")],
                     location={"governorate": "idlib", "coordinates": {"lat": 35.93071, "lon": 36.63392}})
    case_id, _ = cases.save_case(vault, body)
    files = {}
    for name, content in (("internal-witness-photo.jpg", b"\xff\xd8 INTERNAL-ONLY-PHOTO"),
                          ("public-witness.pdf", b"%PDF-1.4 public"), ("monitor-report.pdf", b"%PDF-1.4 monitor")):
        (tmp_path / name).write_bytes(content)
        files[name] = cases.attach_file(vault, case_id, tmp_path / name)
    body["sources"] = [
        {"who": "eyewitness", "witness": internal_only, "attachment": files["internal-witness-photo.jpg"]["id"]},
        {"who": "relative", "witness": public, "attachment": files["public-witness.pdf"]["sha256"]},
        {"who": "monitor_report", "attachment": files["monitor-report.pdf"]["id"]},
    ]
    cases.save_case(vault, body, case_id)
    cases.seal_case(vault, case_id)
    ids["market"] = case_id
    return vault, ids, files


def _open(path):
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        raw = package.read("import.csv")
        members = {n: package.read(n) for n in names}
    return names, raw, list(csv.DictReader(io.StringIO(raw.decode("utf-8")))), members


def _header_rules(header: list[str]) -> None:
    """What Uwazi's importer checks before it reads a row; any failure fails the whole import."""
    plain = [h for h in header if "__" not in h]
    suffixed: dict[str, set[str]] = {}
    for h in header:
        if "__" in h:
            base, lang = h.split("__")
            suffixed.setdefault(base, set()).add(lang)
    assert "title" in plain or "title" in suffixed
    assert not set(plain) & set(suffixed), "a property with and without a language column"
    for base, langs in suffixed.items():
        assert TYPES[base] in WITH_LANGUAGE, f"{base} cannot have language columns"
        assert langs == {"en", "ar"}, base  # whichever of the two is the collection's default
    assert len(set(header)) == len(header)


@pytest.mark.parametrize("purpose", partner_export.PURPOSES)
def test_the_zip_follows_uwazis_import_rules(uwazi_vault, tmp_path, purpose):
    vault, ids, _ = uwazi_vault
    out = tmp_path / "uwazi.zip"
    result = partner_export.export(vault, out, fmt="uwazi", purpose=purpose, links=[], attachments=True)
    names, raw, rows, members = _open(out)
    assert names[0] == "import.csv" and all("/" not in n for n in names)  # everything at the root
    assert not raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark would rename the first column
    header = next(csv.reader(io.StringIO(raw.decode("utf-8"))))
    _header_rules(header)
    assert len(rows) == result.incidents == 9
    for row in rows:
        assert row["title"].strip()
        assert row["date"] == "" or DATE_RANGE.match(row["date"]), row["date"]
        assert row["geolocation"] == "" or re.match(r"^-?\d+(\.\d)?\|-?\d+(\.\d)?$", row["geolocation"])
        for listed in filter(None, row["attachments"].split("|")):
            assert listed in members  # every file a row names is at the root of the ZIP
    named = {n for row in rows for n in row["attachments"].split("|") if n}
    assert set(names) == {"import.csv"} | named  # and nothing else is there
    text = "\n".join(m.decode("utf-8", "replace") for m in members.values())
    assert [c for c in (CANARY, *CANARIES) if c in text] == []
    # The photo the internal-only witness's statement cites goes only where that statement may.
    assert ("INTERNAL-ONLY-PHOTO" in text) == (purpose == "internal")


def test_values_labels_dates_and_places_as_uwazi_reads_them(uwazi_vault, tmp_path):
    vault, ids, files = uwazi_vault
    out = tmp_path / "uwazi.zip"
    partner_export.export(vault, out, fmt="uwazi", purpose="partners", links=[], attachments=True)
    rows = {r["case_id"]: r for r in _open(out)[2]}
    market = rows[ids["market"]]
    assert market["title"] == "Shelling of the market"
    assert market["acts__en"] == "Injury|Killing" and market["acts__ar"] == "إصابة|قتل"
    assert market["governorate__en"] == "Idlib" and market["governorate__ar"] == "إدلب"
    assert market["date"] == "2024/02/01:2024/02/29"  # a month: its first and last day (a leap year)
    assert market["geolocation"] == "35.9|36.6"  # never the point the documenter took
    assert market["victims__ar"] == "سامي العلي" and market["victims__en"] == "Sami al-Ali"
    # The statement of the internal-only witness does not go to partners, nor the photo it cites.
    sha = {name: f["sha256"] for name, f in files.items()}
    assert set(market["attachments"].split("|")) == {f"{sha['public-witness.pdf']}.pdf",
                                                     f"{sha['monitor-report.pdf']}.pdf"}
    w = rows[ids["w"]]
    assert w["narrative"] == ""  # partners do not get narratives (as in every partner export)
    assert w["date"] == "2024/05/02:2024/05/02"
    # Two victims' fates of one incident are two values of one cell.
    assert all("|" not in v for r in rows.values() for v in r["governorate__en"].split())


def test_without_the_option_no_file_leaves_and_publication_never_carries_files_or_names(uwazi_vault, tmp_path):
    vault, ids, _ = uwazi_vault
    partner_export.export(vault, tmp_path / "plain.zip", fmt="uwazi", purpose="courts", links=[])
    names, _, rows, _ = _open(tmp_path / "plain.zip")
    assert names == ["import.csv"] and all(r["attachments"] == "" for r in rows)
    result = partner_export.export(vault, tmp_path / "pub.zip", fmt="uwazi", purpose="publication", links=[],
                                   attachments=True)
    names, _, rows, _ = _open(tmp_path / "pub.zip")
    assert names == ["import.csv"] and result.attachments == 0
    assert all(r["victims__ar"] == "" and r["victims__en"] == "" for r in rows)


def test_date_ranges():
    assert uwazi.date_range({"start": "2013-03-06", "precision": "day"}) == "2013/03/06:2013/03/06"
    assert uwazi.date_range({"start": "2013-03-06", "end": "2013-03-09", "precision": "day"}) == \
        "2013/03/06:2013/03/09"
    assert uwazi.date_range({"start": "2013-02", "precision": "month"}) == "2013/02/01:2013/02/28"
    assert uwazi.date_range({"start": "2013", "precision": "year"}) == "2013/01/01:2013/12/31"
    assert uwazi.date_range({"start": "2013-03-06", "precision": "unknown"}) == ""
    assert uwazi.date_range({}) == ""


def test_a_value_cannot_split_or_nest_itself(uwazi_vault):
    assert uwazi._joined(["a|b", "c::d", "a|b"]) == "a/b|c:d"


def test_the_report_command_writes_the_zip(uwazi_vault, tawthiq, passphrase_file, tmp_path):
    vault, *_ = uwazi_vault
    out = tmp_path / "partners.zip"
    done = tawthiq("--vault", str(vault.path), "--passphrase-file", str(passphrase_file), "report", "--format",
                   "uwazi", "--purpose", "un", "--out", str(out), "--attachments")
    assert done.returncode == 0, done.stderr.decode()
    assert "attachments: 2 written" in done.stdout.decode()
    assert _open(out)[0][0] == "import.csv"
