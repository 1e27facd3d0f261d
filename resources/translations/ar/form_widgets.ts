<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Given name</source>
        <translation>الاسم الأول</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <source>Grandfather&apos;s name</source>
        <translation>اسم الجد</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <source>Mother&apos;s name</source>
        <translation>اسم الأم</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>%1 (not in this vault&apos;s vocabulary)</source>
        <translation>%1 (ليس في مفردات هذه الخزنة)</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>تصفية…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>سنة-شهر-يوم، أو سنة-شهر، أو سنة</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <source>Type a place in any spelling…</source>
        <translation>اكتب اسم المكان بأي تهجئة…</translation>
    </message>
    <message>
        <source>Details: street, building, hospital…</source>
        <translation>تفاصيل: الشارع، المبنى، المستشفى…</translation>
    </message>
    <message>
        <source>Not in the gazetteer: kept as free text</source>
        <translation>غير موجود في دليل الأماكن: حُفظ نصاً حراً</translation>
    </message>
    <message>
        <source>Sensitive: record only with consent and only when it matters.</source>
        <translation>حساس: سجّله بموافقة فقط وعندما يكون ذا صلة.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
</TS>
