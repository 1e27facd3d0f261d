<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>External lists</source>
        <translation>القوائم الخارجية</translation>
    </message>
    <message>
        <source>Other monitors&apos; published victim lists, imported read-only. They are linked to our victims and counted as lists in capture histories and estimates, never as victims of ours, and never exported as ours.</source>
        <translation>قوائم الضحايا التي نشرها راصدون آخرون، مستوردة للقراءة فقط. تُربط بضحايانا وتُعدّ قوائمَ في تواريخ الرصد والتقديرات، ولا تُعدّ أبداً ضحايا رصدناهم، ولا تُصدَّر أبداً على أنها من عملنا.</translation>
    </message>
    <message>
        <source>List</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>الصفوف</translation>
    </message>
    <message>
        <source>People named</source>
        <translation>الأشخاص المذكورون</translation>
    </message>
    <message>
        <source>Also recorded by us</source>
        <translation>رصدناهم نحن أيضاً</translation>
    </message>
    <message>
        <source>Only in the list</source>
        <translation>في القائمة وحدها</translation>
    </message>
    <message>
        <source>The list: a .csv or .xlsx file</source>
        <translation>القائمة: ملف ‎.csv أو ‎.xlsx</translation>
    </message>
    <message>
        <source>Its column mapping: a .json file (see the user guide)</source>
        <translation>ربط أعمدتها: ملف ‎.json (انظر دليل المستخدم)</translation>
    </message>
    <message>
        <source>A short name for the list, e.g. SNHR-2024</source>
        <translation>اسم قصير للقائمة، مثلاً SNHR-2024</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <source>List file:</source>
        <translation>ملف القائمة:</translation>
    </message>
    <message>
        <source>Mapping:</source>
        <translation>الربط:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>الاسم:</translation>
    </message>
    <message>
        <source>Import the list</source>
        <translation>استورد القائمة</translation>
    </message>
    <message>
        <source>Remove the selected list</source>
        <translation>احذف القائمة المختارة</translation>
    </message>
    <message>
        <source>Lists (*.csv *.xlsx)</source>
        <translation>القوائم (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>ملفات الربط (*.json)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>اختر ملفاً</translation>
    </message>
    <message>
        <source>Importing the list…</source>
        <translation>جارٍ استيراد القائمة…</translation>
    </message>
    <message>
        <source>Imported %1 rows as the list %2. Rows missing a name, a date or a place (kept, not counted): %3.</source>
        <translation>استُورد %1 صف بوصفها القائمة %2. الصفوف التي ينقصها اسم أو تاريخ أو مكان (محفوظة، غير معدودة): %3.</translation>
    </message>
    <message>
        <source>Choose a list in the table first.</source>
        <translation>اختر قائمة في الجدول أولاً.</translation>
    </message>
    <message>
        <source>Removed the list %1 (%2 rows).</source>
        <translation>حُذفت القائمة %1 (%2 صف).</translation>
    </message>
    <message>
        <source>Nothing was imported or removed: %1</source>
        <translation>لم يُستورد شيء ولم يُحذف شيء: %1</translation>
    </message>
</context>
</TS>
