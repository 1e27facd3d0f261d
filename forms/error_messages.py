"""The English wording of every error code of the case model (forms.errors.FormError).

Part of storage.error_messages.ENGLISH (the line the command line prints); the GUI words the same
codes in app/gui/error_texts.py. `where.*` codes are not errors but the place in a file an error
names ("places file, line 12"): a Phrase, worded by the same catalogues, passed as an argument.
Wordings never carry a case's content: arguments are file names, field paths, codes and counts.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # ---- where (Phrase): the place in a file or a profile an error names
    "where.line": "{source}, line {line}",
    "where.vocabulary_file": "vocabulary file",
    "where.places_file": "places file",
    "where.place": "place {number}",
    "where.term": "{name}, term {number}",
    # ---- form definitions
    "form.labels_malformed": "{where}: labels are an object of language → text",
    "form.field_id": "{where}: a field needs an id of lower-case letters, digits and _",
    "form.field_type": "{where}: unknown field type {kind}",
    "form.field_vocabulary": "{where}: unknown vocabulary {vocabulary}",
    "form.condition_malformed": '{where}: a condition is {"field": id, "in": [values]}',
    "form.group_empty": "{where}: a group needs children",
    "form.group_ids_twice": "{where}: two children share an id",
    "form.not_object": "{source}: a form definition is a JSON object",
    "form.format": "{source}: unsupported definition format {format}",
    "form.id_malformed": "{source}: the form id must be lower-case letters, digits and _",
    "form.version_malformed": "{source}: the version must be a whole number from 1",
    "form.no_sections": "{source}: a form needs sections",
    "form.section_malformed": "{source}: a section needs an id and fields",
    "form.field_ids_clash": "{source}: field ids repeat or reuse a system key",
    "form.file_not_json": "{source}: not readable JSON",
    "form.file_name_mismatch": "{source}: the file name does not match the id and version inside",
    "form.id_not_text": "the form id must be text",
    "form.unknown": "unknown form {form}",
    "form.unknown_version": "form {form} has no version {version}",
    "form.no_example": "no example for form {form}",
    # ---- vocabularies
    "vocabulary.not_csv": "{source}: not readable CSV (a malformed quote or a field over 128 KiB)",
    "vocabulary.columns": "{source}: the CSV needs the columns code,en,ar",
    "vocabulary.code_malformed": "{where}: a code is letters, digits, _ . - (at most 64)",
    "vocabulary.code_twice": "{where}: the code {code} appears twice",
    "vocabulary.no_label": "{where}: a term needs an English or Arabic label",
    "vocabulary.label_too_long": "{where}: a label is longer than {limit} characters",
    "vocabulary.label_control": "{where}: a label contains control characters",
    "vocabulary.unknown": "no vocabulary named {name}",
    "vocabulary.name_not_text": "a vocabulary name is text",
    "vocabulary.file_unreadable": "the vocabulary file cannot be read",
    "vocabulary.file_too_large": "the vocabulary file is larger than 1 MiB",
    "vocabulary.file_not_utf8": "the vocabulary file is not UTF-8 text",
    "vocabulary.name_malformed": "a vocabulary name is lower-case letters, digits and _",
    "vocabulary.terms_not_list": "the terms of {name} are not a list",
    "vocabulary.too_many_terms": "more than {limit} terms for {name}",
    "vocabulary.term_malformed": "{where}: a term is {code, labels: {en, ar}} with text values",
    # ---- places (the gazetteer)
    "places.file_unreadable": "the places file cannot be read",
    "places.file_too_large": "the places file is larger than 16 MiB",
    "places.file_not_utf8": "the places file is not UTF-8 text",
    "places.code_and_level": "{where}: needs a code and a level ({levels})",
    "places.no_name": "{where}: a place needs an English or Arabic name",
    "places.code_malformed": "{where}: a parent or P-code is letters, digits, _ . - (at most 64)",
    "places.too_many_variants": "{where}: more than {limit} spelling variants",
    "places.name_too_long": "{where}: a name is longer than {limit} characters",
    "places.name_control": "{where}: a name contains control characters",
    "places.not_list": "the places are not a list",
    "places.too_many": "more than {limit} places",
    "places.not_object": "{where}: not an object",
    "places.place_malformed": "{where}: a place is {code, level, parent, names: {en, ar}, variants, pcode}",
    "places.parent_loop": "{where}: the place is its own ancestor (a loop of parents)",
    "places.pcode_malformed": "{where}: a malformed P-code",
    "places.name_too_long_or_control": "{where}: a name is longer than {limit} characters or contains control "
                                       "characters",
    "places.not_csv": "the places file is not readable CSV (a malformed quote or a field over 128 KiB)",
    "places.columns": "the places file needs the columns code,level,name_en,name_ar or OCHA's admin1Pcode…",
    # ---- organisation data carried in a profile (checked by these rules)
    "orgdata.keys": "not {vocabularies, places}",
    "orgdata.vocabularies_not_mapping": "the vocabularies are not a mapping of names to terms",
}
