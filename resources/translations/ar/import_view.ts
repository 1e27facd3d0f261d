<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>documenter %1, bundle %2: %3, %4, %5</source>
        <translation>الموثّق %1، الحزمة %2: %3، %4، %5</translation>
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
    <message numerus="yes">
        <source>%Ln new versions</source>
        <translation>
            <numerusform>لا نسخ جديدة</numerusform>
            <numerusform>نسخة جديدة واحدة</numerusform>
            <numerusform>نسختان جديدتان</numerusform>
            <numerusform>%Ln نسخ جديدة</numerusform>
            <numerusform>%Ln نسخة جديدة</numerusform>
            <numerusform>%Ln نسخة جديدة</numerusform>
        </translation>
    </message>
    <message>
        <source>GAP: bundles %1 from this documenter have not arrived</source>
        <translation>فجوة: لم تصل الحزم %1 من هذا الموثّق</translation>
    </message>
    <message>
        <source>kept codes this vault does not know (%1): import the organisation&apos;s terms and places</source>
        <translation>احتُفظ برموز لا تعرفها هذه الخزنة (%1): استورد مصطلحات المنظمة وأماكنها</translation>
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
    <message numerus="yes">
        <source>Verifying and importing %Ln bundles…</source>
        <translation>
            <numerusform>لا حزم للتحقق منها…</numerusform>
            <numerusform>جارٍ التحقق من حزمة واحدة واستيرادها…</numerusform>
            <numerusform>جارٍ التحقق من حزمتين واستيرادهما…</numerusform>
            <numerusform>جارٍ التحقق من %Ln حزم واستيرادها…</numerusform>
            <numerusform>جارٍ التحقق من %Ln حزمة واستيرادها…</numerusform>
            <numerusform>جارٍ التحقق من %Ln حزمة واستيرادها…</numerusform>
        </translation>
    </message>
    <message>
        <source>Bundles: %1 imported, %2 already imported, %3 rejected (nothing from them was applied), %4 failed, %5 not started.</source>
        <translation>الحزم: استُورد %1، و%2 مستوردة سابقاً، ورُفض %3 (لم يُطبَّق منها شيء)، وفشل %4، ولم يبدأ %5.</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>استُورد</translation>
    </message>
    <message>
        <source>already imported: nothing changed</source>
        <translation>مستوردة سابقاً: لم يتغيّر شيء</translation>
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
        <source>Import cancelled: bundles already imported stay, the others were not started.</source>
        <translation>أُلغي الاستيراد: تبقى الحزم المستوردة، ولم تبدأ البقية.</translation>
    </message>
</context>
</TS>
