<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>A bundle carries every case and witness record the coordinator has not acknowledged yet, encrypted to the coordinator and signed by you. Carry it by any means.</source>
        <translation>تحمل الحزمة كل سجلات الحالات والشهود التي لم يؤكد المنسّق استلامها بعد، مشفّرة للمنسّق وموقّعة منك. انقلها بأي وسيلة.</translation>
    </message>
    <message>
        <source>Everything again (also what was sent before)</source>
        <translation>كل شيء من جديد (بما في ذلك ما أُرسل سابقاً)</translation>
    </message>
    <message>
        <source>Export a bundle…</source>
        <translation>تصدير حزمة…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Bundles sent</source>
        <translation>الحزم المرسلة</translation>
    </message>
    <message>
        <source>Bundle %1 · %2 · %3 · %4</source>
        <translation>الحزمة %1 · %2 · %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>%Ln records</source>
        <translation>
            <numerusform>لا سجلات</numerusform>
            <numerusform>سجل واحد</numerusform>
            <numerusform>سجلان</numerusform>
            <numerusform>%Ln سجلات</numerusform>
            <numerusform>%Ln سجلاً</numerusform>
            <numerusform>%Ln سجل</numerusform>
        </translation>
    </message>
    <message>
        <source>Bundle %1 written: %2, %3.</source>
        <translation>كُتبت الحزمة %1: %2، %3.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln attachments</source>
        <translation>
            <numerusform>لا مرفقات</numerusform>
            <numerusform>مرفق واحد</numerusform>
            <numerusform>مرفقان</numerusform>
            <numerusform>%Ln مرفقات</numerusform>
            <numerusform>%Ln مرفقاً</numerusform>
            <numerusform>%Ln مرفق</numerusform>
        </translation>
    </message>
    <message>
        <source>Export a bundle</source>
        <translation>تصدير حزمة</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>جارٍ كتابة الحزمة…</translation>
    </message>
    <message>
        <source>Nothing to export: %1</source>
        <translation>لا شيء للتصدير: %1</translation>
    </message>
    <message>
        <source>The bundle was not written: %1</source>
        <translation>لم تُكتب الحزمة: %1</translation>
    </message>
    <message>
        <source>Cancelled: no bundle was written and nothing is marked as sent.</source>
        <translation>أُلغي: لم تُكتب أي حزمة ولم يُعلَّم شيء كمُرسَل.</translation>
    </message>
</context>
</TS>
