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
SOURCES = [REPO / "app", REPO / "forms", REPO / "storage"]
CODE = re.compile(r"[a-z_]+\.[a-z0-9_.]+")
# The roots of the errors we raise on purpose, and the coded text an error names (a line of a file).
PROJECT_ROOTS = {"TawthiqError", "FormError"}
CODED_TEXT = {"Phrase"}


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


def _trees(roots=SOURCES) -> list[tuple[Path, ast.Module]]:
    paths = [path for root in roots for path in sorted(root.rglob("*.py"))]
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in paths]


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _project_errors(trees) -> set[str]:
    """Every class (by name) that derives from TawthiqError or FormError, read from the source."""
    bases = {node.name: {_name(b) for b in node.bases} for _p, tree in trees for node in ast.walk(tree)
             if isinstance(node, ast.ClassDef)}
    found = set(PROJECT_ROOTS)
    while grown := {name for name, of in bases.items() if of & found} - found:
        found |= grown
    return found


def _forwarding_helpers(trees, constructors: set[str]) -> set[str]:
    """Functions that hand their own first parameter to a project error as its code or message
    (`def reject(code, /, **values): return BundleRejected(code, **values)`): calls of them are raise sites too."""
    helpers: set[str] = set()
    while True:
        known = constructors | helpers
        grown = set()
        for _p, tree in trees:
            for fn in ast.walk(tree):
                if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) or fn.name == "__init__":
                    continue
                params = [a.arg for a in fn.args.posonlyargs + fn.args.args if a.arg not in ("self", "cls")]
                for call in ast.walk(fn):
                    if (isinstance(call, ast.Call) and _name(call.func) in known and call.args and params
                            and isinstance(call.args[0], ast.Name) and call.args[0].id == params[0]):
                        grown.add(fn.name)
        if grown <= helpers:
            return helpers
        helpers |= grown


def _coded_calls(trees):
    """(path, line, call) for every call that makes a project error or a Phrase: the class itself, a
    forwarding helper, or `super().__init__(…)` inside a project error's own class."""
    errors = _project_errors(trees)
    constructors = errors | CODED_TEXT
    makers = constructors | _forwarding_helpers(trees, constructors)
    for path, tree in trees:
        own_init_calls = set()
        for cls in ast.walk(tree):
            if isinstance(cls, ast.ClassDef) and cls.name in errors:
                own_init_calls |= {id(c) for c in ast.walk(cls) if isinstance(c, ast.Call)
                                   and isinstance(c.func, ast.Attribute) and c.func.attr == "__init__"}
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and (_name(call.func) in makers or id(call) in own_init_calls):
                yield (path.relative_to(REPO) if path.is_relative_to(REPO) else path), call


def _sentence(node: ast.AST) -> bool:
    """Text written in English at the call: an f-string with words, or a literal that is no code."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.JoinedStr) and any(isinstance(v, ast.Constant) and " " in str(v.value)
                                                  for v in sub.values):
            return True
    return False


def _codes(node: ast.expr) -> list[str] | None:
    """The code(s) a first argument names: a literal, or either branch of `a if … else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _codes(node.body), _codes(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def free_sentences(roots=SOURCES) -> list[str]:
    """Every raise site in `roots` that passes a free English sentence instead of a code."""
    problems = []
    for path, call in _coded_calls(_trees(roots)):
        where = f"{path}:{call.lineno}"
        arguments = [*call.args, *(k.value for k in call.keywords)]
        if any(_sentence(a) for a in arguments):
            problems.append(f"{where}: an English sentence built at the raise site")
            continue
        if not call.args:
            continue
        first = call.args[0]
        codes = _codes(first)
        if codes is not None and any(c not in ENGLISH for c in codes):
            problems.append(f"{where}: {codes} is not a code of storage.error_messages.ENGLISH")
        elif isinstance(first, (ast.List, ast.Tuple)) and any(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in ast.walk(first)):
            problems.append(f"{where}: a list of English lines")
        elif isinstance(first, ast.Call) and _name(first.func) == "str":
            problems.append(f"{where}: another error's English line passed on as a message (pass its code)")
        elif isinstance(first, ast.BinOp):
            problems.append(f"{where}: a message put together at the raise site")
    return problems


def test_no_raise_site_passes_a_free_english_sentence():
    """The class of problem issue 13 item 5 removed: an error worded in English where it is raised,
    which the command line prints but the GUI cannot translate. Every project error (a TawthiqError
    or FormError subclass, found in the source), every helper that makes one, and every `super().__init__`
    inside one passes a code of the catalogue."""
    assert free_sentences() == []


def test_the_check_finds_free_sentences(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(
        "class BadImport(FormError): pass\n"
        "class InvalidCase(TawthiqError): pass\n"
        "class Refused(TawthiqError):\n"
        "    def __init__(self, n):\n"
        "        super().__init__(f'refused {n} times')\n"
        "def reject(code, /, **values):\n"
        "    return Refused(code, **values)\n"
        "def f(x, path):\n"
        "    raise Refused('the file is bad')\n"
        "    raise reject(f'{path}: cannot be read')\n"
        "    raise BadImport(str(x))\n"
        "    raise InvalidCase(['a case must be a JSON object'])\n"
        "    raise Refused('bundle.too_big_to_write' if x else 'the bundle is big')\n"
        "    raise Refused('bundle.untrusted_signer', key_id=x)\n", encoding="utf-8")
    found = free_sentences([tmp_path / "pkg"])
    assert sorted(int(line.split(":")[1]) for line in found) == [5, 9, 10, 11, 12, 13], found


def test_every_coded_site_names_a_known_code_with_exactly_its_arguments():
    coded = 0
    for path, call in _coded_calls(_trees()):
        codes = _codes(call.args[0]) if call.args else None
        if not codes or any(not CODE.fullmatch(c) for c in codes) or any(k.arg is None for k in call.keywords):
            continue  # not a literal code, or arguments passed on as **values
        for code in codes:
            coded += 1
            assert code in ENGLISH, f"{path}:{call.lineno}: unknown error code {code!r}"
            given = {k.arg for k in call.keywords}
            assert given == placeholders(ENGLISH[code]), \
                f"{path}:{call.lineno}: {code} takes {placeholders(ENGLISH[code])}, given {given}"
    assert coded >= 250


def test_no_code_is_worded_both_by_the_case_model_and_by_storage():
    from forms.error_messages import ENGLISH as FORMS_ENGLISH
    from storage import error_messages

    source = (REPO / "storage" / "error_messages.py").read_text(encoding="utf-8")
    own = {node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)
           and isinstance(node.value, str) and CODE.fullmatch(node.value)}
    assert not own & set(FORMS_ENGLISH)
    assert set(FORMS_ENGLISH) <= set(error_messages.ENGLISH)


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


def test_no_gui_message_is_filled_by_replacing_its_placeholders():
    """Qt's `%1`, `%2` are filled in one pass by app.gui.i18n.tr_args: a chained `.replace("%1", …)`
    would let an argument from outside (a documenter's name containing `%2`) rewrite the message."""
    found = [f"{path.relative_to(REPO)}:{node.lineno}" for path, tree in _trees([REPO / "app"])
             for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace"
             and node.args and isinstance(node.args[0], ast.Constant)
             and re.fullmatch(r"%[1-9]", str(node.args[0].value))]
    assert found == []
