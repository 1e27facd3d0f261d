<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Cases</source>
        <translation>الحالات</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>الشهود</translation>
    </message>
    <message>
        <source>Review links</source>
        <translation>مراجعة الروابط</translation>
    </message>
    <message>
        <source>Linked victims</source>
        <translation>الضحايا المربوطون</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>استيراد الحزم</translation>
    </message>
    <message>
        <source>Import spreadsheet</source>
        <translation>استيراد جدول بيانات</translation>
    </message>
    <message>
        <source>Documenters</source>
        <translation>الموثّقون</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>التصدير</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>أمين الهويات</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>تقدير غير الموثَّقين</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
</context>
</TS>
