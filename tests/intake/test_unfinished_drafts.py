"""The editor's save (cases.save_draft): validated once, a draft version or an unfinished draft."""

from __future__ import annotations

from app.services.intake import cases

INCOMPLETE = {"form": "kidnapping", "narrative": "شاهد الجار عملية الخطف من على السطح"}  # no title


def test_a_body_the_form_refuses_is_kept_unfinished_and_nothing_is_saved(vault):
    outcome = cases.save_draft(vault, INCOMPLETE, lang="ar")
    assert outcome.kept_unfinished and outcome.case_id is None
    assert [p.path for p in outcome.problems if p.is_error] == ["title"]
    assert "العنوان" in outcome.problems[0].message  # worded in the language asked for
    assert cases.count_cases(vault) == 0
    assert cases.unfinished(vault, None) == INCOMPLETE
    assert cases.cases_with_unfinished_drafts(vault) == set()  # a new case's draft belongs to no case


def test_the_save_that_passes_replaces_the_unfinished_draft_in_the_same_transaction(vault):
    cases.save_draft(vault, INCOMPLETE)
    outcome = cases.save_draft(vault, dict(INCOMPLETE, title="Neighbour saw the abduction"))
    assert not outcome.kept_unfinished and outcome.version == 1
    assert cases.unfinished(vault, None) is None
    assert cases.search(vault, "السطح")[0].id == outcome.case_id  # row and full-text entry written


def test_an_existing_case_keeps_its_saved_version_while_an_edit_is_unfinished(vault):
    saved = cases.save_draft(vault, dict(INCOMPLETE, title="first"))
    assert saved.case_id is not None
    refused = cases.save_draft(vault, dict(INCOMPLETE, title=""), saved.case_id)
    assert refused.kept_unfinished and refused.case_id == saved.case_id
    assert cases.get_case(vault, saved.case_id)["title"] == "first"
    assert cases.cases_with_unfinished_drafts(vault) == {saved.case_id}
    assert cases.unfinished(vault, saved.case_id)["title"] == ""


def test_warnings_come_back_with_a_saved_draft(vault):
    outcome = cases.save_draft(vault, dict(INCOMPLETE, title="t", field_from_a_newer_form="kept"))
    assert not outcome.kept_unfinished
    assert [(p.path, p.is_error) for p in outcome.problems] == [("field_from_a_newer_form", False)]
    assert cases.get_case(vault, outcome.case_id)["field_from_a_newer_form"] == "kept"
