<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>New case</source>
        <translation>حالة جديدة</translation>
    </message>
    <message>
        <source>Which kind of case?</source>
        <translation>ما نوع الحالة؟</translation>
    </message>
    <message>
        <source>Open the form</source>
        <translation>افتح الاستمارة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
</TS>
