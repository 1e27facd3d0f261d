<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>نوع الحالة</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>تاريخ الحادثة</translation>
    </message>
    <message>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>النسخة</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>آخر تعديل</translation>
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
        <source>Search names, places, narrative… (Arabic or English)</source>
        <translation>ابحث في الأسماء والأماكن والسرد… (بالعربية أو الإنكليزية)</translation>
    </message>
    <message>
        <source>All case types</source>
        <translation>كل أنواع الحالات</translation>
    </message>
    <message>
        <source>All governorates</source>
        <translation>كل المحافظات</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>Incident between</source>
        <translation>الحادثة بين</translation>
    </message>
    <message>
        <source>and</source>
        <translation>و</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>حالة جديدة</translation>
    </message>
    <message>
        <source>New case (Ctrl+N)</source>
        <translation>حالة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>بحث (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln cases</source>
        <translation>
            <numerusform>لا حالات</numerusform>
            <numerusform>حالة واحدة</numerusform>
            <numerusform>حالتان</numerusform>
            <numerusform>%Ln حالات</numerusform>
            <numerusform>%Ln حالة</numerusform>
            <numerusform>%Ln حالة</numerusform>
        </translation>
    </message>
</context>
</TS>
