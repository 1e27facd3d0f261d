"""Writes the small hostile case-JSON samples in tests/hostile/case_json/ (committed; rerun to refresh).

    python tests/hostile/make_case_json.py

Each sample's file name says what it tries; EXPECTED maps it to the words its one error line must
contain. Samples too big to commit (a 2 GB single line, 100,000 levels of nesting, an endless
stream) are made at test time by tests/adversarial/test_hostile_case_import.py.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent / "case_json"

SAMPLES: dict[str, tuple[bytes, str]] = {
    "not_utf8.json": (b'{"form": "kidnapping", "title": "\xff\xfe\xfa"}', "not UTF-8"),
    "overlong_utf8_slash.json": (b'{"form": "kidnapping", "title": "..\xc0\xaf..\xc0\xafetc"}', "not UTF-8"),
    "utf16_with_bom.json": ('{"form": "kidnapping"}'.encode("utf-16"), "not UTF-8"),
    "utf8_bom.json": (b'\xef\xbb\xbf{"form": "kidnapping"}', "not valid JSON"),
    "nul_raw.json": (b'{"form": "kidnapping\x00", "title": "x"}', "not valid JSON"),
    "nul_escaped.json": (b'{"form": "kidnapping", "title": "a\\u0000b"}', "NUL"),
    "nul_in_key.json": (b'{"form": "kidnapping", "ti\\u0000tle": "x"}', "NUL"),
    "lone_surrogate.json": (b'{"form": "kidnapping", "title": "\\ud800"}', "surrogate"),
    "nan.json": (b'{"form": "kidnapping", "narrative": NaN}', "not a JSON number"),
    "infinity.json": (b'{"form": "kidnapping", "victims": [{"age": -Infinity}]}', "not a JSON number"),
    "float_overflow.json": (b'{"form": "kidnapping", "victims": [{"age": 1e999}]}', "too large"),
    "huge_integer.json": (b'{"form": "kidnapping", "form_version": 1' + b"0" * 5000 + b"}", "too many digits"),
    "duplicate_keys.json": (b'{"form": "kidnapping", "form": "killing"}', "twice"),
    "nested_65_levels.json": (b'{"form": "kidnapping", "n": ' + b"[" * 64 + b"]" * 64 + b"}", "nested more than"),
    "nested_900_levels.json": (b'{"form": "kidnapping", "n": ' + b"[" * 900 + b"]" * 900 + b"}", "nested"),
    "truncated.json": (b'{"form": "kidnapping", "title": "abc', "not valid JSON"),
    "empty.json": (b"", "not valid JSON"),
    "top_level_array.json": (b"[]", "must be a JSON object"),
    "top_level_string.json": (b'"kidnapping"', "must be a JSON object"),
    "top_level_null.json": (b"null", "must be a JSON object"),
    "form_missing.json": (b'{"title": "x"}', "form"),
    "form_is_number.json": (b'{"form": 5}', "form"),
    "form_is_object.json": (b'{"form": {"$ne": null}}', "form"),
    "form_version_is_text.json": (b'{"form": "kidnapping", "form_version": "1"}', "form_version"),
    "form_version_is_bool.json": (b'{"form": "kidnapping", "form_version": true}', "form_version"),
    "title_is_list.json": (b'{"form": "kidnapping", "title": ["a"]}', "title"),
    # Issue 14: an id names the case's bundle member; any of these once blocked every later export.
    "id_path_traversal.json": (b'{"form": "kidnapping", "id": "../../../tmp/x"}', "UUID"),
    "id_with_spaces.json": (b'{"form": "kidnapping", "id": "two words"}', "UUID"),
    "id_arabic.json": ('{"form": "kidnapping", "id": "قضية"}'.encode(), "UUID"),
    "id_uuid_upper_case.json": (b'{"form": "kidnapping", "id": "0B5C3B9E-7A51-4F0E-9D0A-6A1E2C3D4F51"}', "UUID"),
}


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, (content, _) in SAMPLES.items():
        (HERE / name).write_bytes(content)


if __name__ == "__main__":
    main()
