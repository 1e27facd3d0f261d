<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Unsaved changes from last time were restored.</source>
        <translation>استُعيدت التغييرات غير المحفوظة من المرة السابقة.</translation>
    </message>
    <message>
        <source>Back to cases</source>
        <translation>العودة إلى الحالات</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>احفظ الآن</translation>
    </message>
    <message>
        <source>Seal this version</source>
        <translation>اختم هذه النسخة</translation>
    </message>
    <message>
        <source>Freeze this version: it can never change again; a later edit makes a new version.</source>
        <translation>جمّد هذه النسخة: لن تتغير أبداً؛ أي تعديل لاحق ينشئ نسخة جديدة.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>النسخ</translation>
    </message>
    <message>
        <source>Open this version (read-only)</source>
        <translation>افتح هذه النسخة (للقراءة فقط)</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>جارٍ التحرير…</translation>
    </message>
    <message>
        <source>Draft kept in the vault; fill in the marked fields to save the case.</source>
        <translation>حُفظت المسودة في الخزنة؛ املأ الحقول المعلَّمة لحفظ الحالة.</translation>
    </message>
    <message>
        <source>Saved (version %1)</source>
        <translation>حُفظت (النسخة %1)</translation>
    </message>
    <message>
        <source>The case cannot be sealed until it is saved.</source>
        <translation>لا يمكن ختم الحالة قبل حفظها.</translation>
    </message>
    <message>
        <source>Version %1 sealed</source>
        <translation>خُتمت النسخة %1</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>مختومة</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>النسخة %1 · %2 · %3</translation>
    </message>
</context>
</TS>
