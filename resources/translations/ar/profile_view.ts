<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Your coordinator&apos;s organisation profile: where your bundles go, the custodian of witness identities, and the organisation&apos;s own terms and places. Import it once, and again whenever your coordinator sends a newer one.</source>
        <translation>ملف تعريف المنظمة من منسّقك: إلى أين تذهب حزمك، وأمين هويات الشهود، ومصطلحات المنظمة وأماكنها الخاصة. استورده مرة، ثم كلما أرسل منسّقك ملفاً أحدث.</translation>
    </message>
    <message>
        <source>Import organisation profile…</source>
        <translation>استيراد ملف تعريف المنظمة…</translation>
    </message>
    <message>
        <source>No organisation profile has been imported yet: bundles cannot be exported until one is.</source>
        <translation>لم يُستورد ملف تعريف للمنظمة بعد: لا يمكن تصدير الحزم قبل استيراده.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>Coordinator key id</source>
        <translation>معرّف مفتاح المنسّق</translation>
    </message>
    <message>
        <source>Coordinator fingerprint</source>
        <translation>بصمة المنسّق</translation>
    </message>
    <message>
        <source>Profile number</source>
        <translation>رقم ملف التعريف</translation>
    </message>
    <message>
        <source>Organisation terms and places</source>
        <translation>مصطلحات المنظمة وأماكنها</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln terms</source>
        <translation>
            <numerusform>لا مصطلحات</numerusform>
            <numerusform>مصطلح واحد</numerusform>
            <numerusform>مصطلحان</numerusform>
            <numerusform>%Ln مصطلحات</numerusform>
            <numerusform>%Ln مصطلحاً</numerusform>
            <numerusform>%Ln مصطلح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln places</source>
        <translation>
            <numerusform>لا أماكن</numerusform>
            <numerusform>مكان واحد</numerusform>
            <numerusform>مكانان</numerusform>
            <numerusform>%Ln أماكن</numerusform>
            <numerusform>%Ln مكاناً</numerusform>
            <numerusform>%Ln مكان</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile %1 imported; the organisation&apos;s %2 and %3 are in force now.</source>
        <translation>استُورد ملف التعريف %1؛ %2 و%3 للمنظمة نافذة الآن.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>تاريخ الاستيراد</translation>
    </message>
    <message>
        <source>Organisation profile to import</source>
        <translation>ملف تعريف المنظمة المراد استيراده</translation>
    </message>
    <message>
        <source>Checking the profile…</source>
        <translation>جارٍ فحص ملف التعريف…</translation>
    </message>
    <message>
        <source>Check the coordinator&apos;s fingerprint</source>
        <translation>تحقّق من بصمة المنسّق</translation>
    </message>
    <message>
        <source>Ask your coordinator to read their fingerprint to you, in person or by phone, and type it below. If any digit differs, do not import this profile: it may come from someone else.</source>
        <translation>اطلب من منسّقك أن يقرأ لك بصمته، وجهاً لوجه أو بالهاتف، واكتبها أدناه. إذا اختلف أي رقم فلا تستورد ملف التعريف هذا: قد يكون من شخص آخر.</translation>
    </message>
    <message>
        <source>Import the profile</source>
        <translation>استيراد ملف التعريف</translation>
    </message>
    <message>
        <source>Importing the profile…</source>
        <translation>جارٍ استيراد ملف التعريف…</translation>
    </message>
    <message>
        <source>Not imported: nothing was changed.</source>
        <translation>لم يُستورد: لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Your coordinator uses forms this program does not have (%1): install the newer Tawthiq.</source>
        <translation>يستخدم منسّقك استمارات لا يملكها هذا البرنامج (%1): ثبّت الإصدار الأحدث من توثيق.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>لم يُستورد: %1</translation>
    </message>
</context>
</TS>
