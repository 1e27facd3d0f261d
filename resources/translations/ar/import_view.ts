<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Import bundles</source>
        <translation>استيراد الحزم</translation>
    </message>
    <message>
        <source>Drop bundle files here</source>
        <translation>أفلت ملفات الحزم هنا</translation>
    </message>
    <message>
        <source>Choose bundles…</source>
        <translation>اختر الحزم…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>حزم للاستيراد</translation>
    </message>
    <message>
        <source>An import is already running; drop the files again when it ends.</source>
        <translation>هناك استيراد جارٍ بالفعل؛ أفلت الملفات مجدداً عند انتهائه.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>بالانتظار</translation>
    </message>
    <message>
        <source>Verifying and importing %1 bundles…</source>
        <translation>جارٍ التحقق من %1 حزمة واستيرادها…</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>استُورد</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>رُفض</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>not imported (cancelled)</source>
        <translation>لم يُستورد (أُلغي)</translation>
    </message>
    <message>
        <source>%1 imported, %2 rejected (nothing from them was applied), %3 failed, %4 not started.</source>
        <translation>استُورد %1، ورُفض %2 (لم يُطبَّق منها شيء)، وفشل %3، ولم يبدأ %4.</translation>
    </message>
    <message>
        <source>Import cancelled: bundles already imported stay, the others were not started.</source>
        <translation>أُلغي الاستيراد: تبقى الحزم المستوردة، ولم تبدأ البقية.</translation>
    </message>
</context>
</TS>
