<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Back to the case</source>
        <translation>العودة إلى الحالة</translation>
    </message>
    <message>
        <source>Changed since this version</source>
        <translation>ما تغيّر منذ هذه النسخة</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>النسخة %1</translation>
    </message>
    <message>
        <source>Now (version %1)</source>
        <translation>الآن (النسخة %1)</translation>
    </message>
    <message>
        <source>This is the current version.</source>
        <translation>هذه هي النسخة الحالية.</translation>
    </message>
    <message>
        <source>No field differs from the current version.</source>
        <translation>لا يختلف أي حقل عن النسخة الحالية.</translation>
    </message>
    <message>
        <source>Fields changed: %1</source>
        <translation>عدد الحقول التي تغيّرت: %1</translation>
    </message>
    <message>
        <source>Version %1 · sealed · read-only</source>
        <translation>النسخة %1، مختومة، للقراءة فقط</translation>
    </message>
    <message>
        <source>Version %1 · sealed on %2 · read-only</source>
        <translation>النسخة %1، خُتمت في %2، للقراءة فقط</translation>
    </message>
    <message>
        <source>Version %1 · sealed, last saved on %2 · read-only</source>
        <translation>النسخة %1، مختومة، آخر حفظ في %2، للقراءة فقط</translation>
    </message>
    <message>
        <source>Version %1 · draft saved on %2 · read-only</source>
        <translation>النسخة %1، مسودة حُفظت في %2، للقراءة فقط</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
</context>
</TS>
