"""forms.vocabularies.find_term: a spreadsheet's value to a term by code or label, in both scripts,
never a guess (issue 18)."""

from __future__ import annotations

from forms import vocabularies


def test_codes_and_labels_in_both_scripts_and_spelling_variants():
    assert vocabularies.find_term("sex", "female").code == "female"
    assert vocabularies.find_term("sex", "Female").code == "female"
    assert vocabularies.find_term("sex", " FEMALE ").code == "female"
    assert vocabularies.find_term("sex", "أنثى").code == "female"
    assert vocabularies.find_term("sex", "انثى").code == "female"  # hamza left out
    assert vocabularies.find_term("sex", "ذَكَر").code == "male"  # with tashkeel
    assert vocabularies.find_term("act_types", "enforced disappearance").code == "enforced_disappearance"


def test_anything_else_is_not_guessed():
    assert vocabularies.find_term("sex", "M") is None
    assert vocabularies.find_term("sex", "fem") is None
    assert vocabularies.find_term("sex", "") is None
    assert vocabularies.find_term("sex", "x" * 500) is None
