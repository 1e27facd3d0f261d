"""The custodian's comparison rules for two opened identities (in memory, both scripts)."""

from __future__ import annotations

import pytest

from app.services.custody.identity_match import Features, decide, phone_key


def person(**identity) -> Features:
    return Features.of(identity)


@pytest.mark.parametrize("raw", ["+963 944 123 456", "0944123456", "00963-944-123-456", "٠٩٤٤١٢٣٤٥٦",
                                 "(0944) 123 456"])
def test_phone_numbers_written_every_way_compare_equal(raw):
    assert phone_key(raw) == "944123456"


def test_short_or_missing_phone_is_no_evidence():
    assert phone_key("") is None and phone_key("12-34") is None


def test_same_phone_and_the_same_name_in_the_other_script_links():
    basis, score = decide(person(name_ar="محمد أحمد الخليل", phone="0944123456"),
                          person(name_latin="Mohammed Ahmad al-Khalil", phone="+963944123456"))
    assert basis == "name+phone" and score >= 0.92


def test_different_phones_never_link_even_with_the_same_name():
    assert decide(person(name_latin="Mohammed Ahmad al-Khalil", phone="0944123456"),
                  person(name_latin="Mohammed Ahmad al-Khalil", phone="0933000111")) is None


@pytest.mark.parametrize("a, b", [
    ("Rania Ahmad al-Khalil", "Mohammed Ahmad al-Khalil"),   # sister and brother, one phone
    ("Fatima Yousef al-Shami", "Mohammed Yousef al-Shami"),
])
def test_relatives_sharing_a_phone_are_not_one_person(a, b):
    assert decide(person(name_latin=a, phone="0944123456"), person(name_latin=b, phone="0944123456")) is None


def test_without_phones_only_the_same_full_name_in_one_script_links():
    assert decide(person(name_ar="حسن علي الأسعد"), person(name_ar="حسن علي الأسعد")) == ("name", 1.0)
    assert decide(person(name_ar="حسن علي الأسعد"), person(name_ar="حسين علي الأسعد")) is None
    assert decide(person(name_ar="محمد أحمد الخليل"), person(name_ar="محمود أحمد الخليل")) is None
    assert decide(person(name_ar="حسن علي الأسعد"), person(name_latin="Hassan Ali al-Asaad")) is None
    assert decide(person(name_latin="Hassan Ali"), person(name_latin="Hassan Ali")) is None  # two parts


def test_latin_spelling_variants_fold_before_a_name_only_comparison():
    # forms.normalize.normalize_name_latin: Fatma/Fatima, Youssef/Yousef → one spelling, al-/Al dropped.
    assert decide(person(name_latin="Fatima Yousef al-Shami"), person(name_latin="Fatma Youssef Al Shami")) == \
        ("name", 1.0)
    assert decide(person(name_latin="Fatima Yousef al-Shami"), person(name_latin="Fatima Yousef al-Shamsi")) is None


def test_no_names_no_link():
    assert decide(person(phone="0944123456"), person(phone="0944123456")) is None
