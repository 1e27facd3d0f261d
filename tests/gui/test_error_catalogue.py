"""Errors are codes with arguments, worded by one catalogue per language (issue 13 item 5).

The command line words a code with storage.error_messages.ENGLISH (and keeps the line it printed
before: the CLI tests compare it); the GUI words the same code with app/gui/error_texts.py, which
Qt's catalogues translate. These tests hold the two together: every code in both, with the same
arguments, translated into Arabic with those arguments; every raise site that passes a code passes
a known one with exactly its arguments; and arguments are filled in one pass, so an untrusted
value containing `%2` or `{key_id}` cannot rewrite the message around it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.gui import error_texts, i18n, i18n_check
from app.gui.refusals import user_text
from app.services.exchange import organisation_profile, trust_list
from storage.error_messages import ENGLISH
from storage.errors import BundleRejected, TawthiqError, placeholders

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
RAISING = [REPO / "storage", REPO / "app" / "services", REPO / "app" / "commands", REPO / "app" / "cli.py"]
CODE = re.compile(r"[a-z_]+\.[a-z0-9_.]+")


@pytest.fixture
def arabic(qapp):
    i18n.install_language(qapp, "ar")
    yield qapp
    i18n.install_language(qapp, "en")


def test_every_code_has_an_english_line_and_a_gui_wording_with_the_same_arguments():
    assert set(ENGLISH) == error_texts.codes()
    for code, line in ENGLISH.items():
        assert placeholders(line) == placeholders(error_texts.wording(code) or ""), code


def test_every_gui_wording_has_an_arabic_translation_with_the_same_arguments():
    catalogue = REPO / "resources" / "translations" / "ar" / "error_texts.ts"
    translations = {source: (text, kind) for _c, source, text, kind in i18n_check.read_ts(catalogue)}
    for code in ENGLISH:
        source = error_texts.wording(code)
        assert source in translations, code
        text, kind = translations[source]
        assert text.strip() and kind not in ("unfinished", "obsolete", "vanished"), code
        assert placeholders(text) == placeholders(source), code
        assert re.search("[\u0600-\u06ff]", text), code


def _raise_sites():
    for root in RAISING:
        for path in [root] if root.is_file() else sorted(root.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                    first = node.exc.args[0]
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        yield path.relative_to(REPO), node.lineno, first.value, node.exc.keywords


def test_every_coded_raise_site_names_a_known_code_with_exactly_its_arguments():
    coded = 0
    for path, line, text, keywords in _raise_sites():
        if not CODE.fullmatch(text):
            continue  # a site still passing an English line
        coded += 1
        assert text in ENGLISH, f"{path}:{line}: unknown error code {text!r}"
        given = {k.arg for k in keywords}
        assert given == placeholders(ENGLISH[text]), f"{path}:{line}: {text} takes {placeholders(ENGLISH[text])}"
    assert coded >= 100


def test_the_cli_line_is_the_english_wording_with_its_arguments():
    exc = BundleRejected("bundle.untrusted_signer", key_id="0123ABCD")
    assert (exc.code, exc.values) == ("bundle.untrusted_signer", {"key_id": "0123ABCD"})
    assert str(exc) == "the bundle is signed by key 0123ABCD, which this vault does not trust"
    assert str(TawthiqError("bundle.too_big_to_write", max_records=10000, max_attachments=5, records=12345,
                            attachments=0)).startswith("a bundle holds at most 10,000 records")
    # A line not yet turned into a code keeps working as it did.
    assert (str(TawthiqError("a plain line")), TawthiqError("a plain line").code) == ("a plain line", None)


def test_the_gui_shows_a_service_error_in_arabic_with_its_argument_kept_whole(arabic):
    shown = user_text(trust_list.TrustRevoked("trust.revoked", key_id="(ABCD) 12", revoked_on="2026-12-04"))
    assert shown.startswith("مرفوض: سُحبت الثقة بالمفتاح")
    assert "\u2068(ABCD) 12\u2069" in shown  # isolated: its brackets stay its own in right-to-left text
    assert "tawthiq" not in shown and "--reinstate" not in shown  # no command-line hint in a window
    older = user_text(organisation_profile.ProfileOlder("profile.older", serial=12, imported_serial=13))
    assert "١٢" in older and "١٣" in older and "12" not in older


def test_an_argument_containing_a_placeholder_does_not_change_the_message(qapp):
    hostile = "Eve {imported_key_id} %2"
    shown = user_text(organisation_profile.CoordinatorKeyChanged(
        "profile.coordinator_key_changed", new_key_id=hostile, imported_key_id="1234"))
    assert hostile in shown and shown.count("1234") == 1
    assert str(organisation_profile.CoordinatorKeyChanged(
        "profile.coordinator_key_changed", new_key_id=hostile, imported_key_id="1234")).count("1234") == 1
    assert i18n.tr_args("Revoke trust in %1 (key %2)?", "Eve %2", "ABCD") == "Revoke trust in Eve %2 (key ABCD)?"
