"""Validation messages in English and Arabic, by stable problem code.

Messages name the field (by its label) and never repeat the value: a problem line may end up in
an error message or a log, and a value can be a name.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "not_an_object": {"en": "must be an object", "ar": "يجب أن يكون كائناً"},
    "case_not_object": {"en": "a case must be a JSON object", "ar": "يجب أن تكون الحالة كائن JSON"},
    "malformed_case_id": {"en": "must be a UUID in lower case with hyphens, or left out so one is made",
                          "ar": "يجب أن يكون معرّفاً UUID بأحرف صغيرة وشرطات، أو أن يُترك فارغاً ليُنشأ تلقائياً"},
    "unknown_form": {"en": "no such form", "ar": "لا يوجد نموذج بهذا الاسم"},
    "unknown_form_version": {"en": "this form has no such version",
                             "ar": "لا يوجد إصدار بهذا الرقم لهذا النموذج"},
    "required": {"en": "required", "ar": "حقل مطلوب"},
    "unknown_field": {"en": "not a field of this form", "ar": "ليس حقلاً في هذا النموذج"},
    "wrong_type": {"en": "must be {expected}", "ar": "يجب أن يكون {expected}"},
    "too_long": {"en": "longer than {limit} characters", "ar": "أطول من {limit} حرفاً"},
    "too_many": {"en": "more than {limit} entries", "ar": "أكثر من {limit} مدخلاً"},
    "too_few": {"en": "needs at least {limit} entries", "ar": "يحتاج {limit} مدخلاً على الأقل"},
    "out_of_range": {"en": "must be between {min} and {max}", "ar": "يجب أن يكون بين {min} و{max}"},
    "not_in_vocabulary": {"en": "not one of the allowed choices", "ar": "ليس من الخيارات المسموحة"},
    "unknown_term": {"en": "not (yet) in the vocabulary: kept, add the term to make it countable",
                     "ar": "غير موجود (بعد) في المفردات: احتُفظ به، أضف المصطلح ليُحتسب"},
    "duplicate_choice": {"en": "the same choice twice", "ar": "الخيار نفسه مكرر"},
    "not_applicable": {"en": "only applies when {condition} is {values}",
                       "ar": "ينطبق فقط عندما يكون {condition} {values}"},
    "malformed_date": {"en": "a date is YYYY, YYYY-MM or YYYY-MM-DD",
                       "ar": "التاريخ بصيغة سنة، أو سنة-شهر، أو سنة-شهر-يوم (مثل ٢٠٢٤-٠٣-٠٦)"},
    "date_precision_mismatch": {"en": "the date is less precise than its stated precision",
                                "ar": "التاريخ أقل دقة من الدقة المذكورة"},
    "date_end_before_start": {"en": "the end is before the start", "ar": "النهاية قبل البداية"},
    "date_in_future": {"en": "in the future", "ar": "تاريخ في المستقبل"},
    "found_dead_before_abducted": {"en": "found dead before the abduction date",
                                   "ar": "العثور على الجثة قبل تاريخ الخطف"},
    "released_before_abducted": {"en": "released before the abduction date",
                                 "ar": "الإفراج قبل تاريخ الخطف"},
    "born_after_incident": {"en": "born after the incident", "ar": "الولادة بعد الحادثة"},
    "malformed_name": {"en": "{reason}", "ar": "{reason}"},
    "unknown_place": {"en": "not a place code in the gazetteer", "ar": "ليس رمز مكان في دليل الأماكن"},
    "place_mismatch": {"en": "not inside the place above it", "ar": "لا يقع ضمن المكان الأعلى منه"},
    "malformed_witness_ref": {"en": "a witness is referenced by a pseudonym code like W-7KQ3-M9XD",
                              "ar": "يُشار إلى الشاهد برمز مستعار مثل W-7KQ3-M9XD"},
    "malformed_attachment_ref": {"en": "an attachment id or SHA-256",
                                 "ar": "معرّف مرفق أو بصمة SHA-256"},
}

EXPECTED = {
    "text": {"en": "text", "ar": "نصاً"},
    "number": {"en": "a number", "ar": "رقماً"},
    "whole number": {"en": "a whole number", "ar": "عدداً صحيحاً"},
    "true or false": {"en": "true or false", "ar": "صح أو خطأ"},
    "a list": {"en": "a list", "ar": "قائمة"},
    "an object": {"en": "an object", "ar": "كائناً"},
}

NAME_REASONS = {
    "digits": {"en": "a name has no digits", "ar": "الاسم لا يحتوي أرقاماً"},
    "symbols": {"en": "a name has letters, spaces, hyphens and apostrophes only",
                "ar": "الاسم يتكون من حروف ومسافات وشرطات وفواصل علوية فقط"},
    "mixed_scripts": {"en": "Arabic and Latin letters mixed in one name",
                      "ar": "خلط بين حروف عربية ولاتينية في اسم واحد"},
    "not_arabic": {"en": "must be written in Arabic letters", "ar": "يجب أن يُكتب بحروف عربية"},
    "not_latin": {"en": "must be written in Latin letters", "ar": "يجب أن يُكتب بحروف لاتينية"},
    "empty": {"en": "empty", "ar": "فارغ"},
}


def message(code: str, lang: str, **values: object) -> str:
    templates = MESSAGES.get(code, {"en": "" + code})
    template = templates.get(lang) or templates["en"]
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return templates["en"].split(":")[0].format(label=values.get("label", "")) + ": " + code
