<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Documenter</source>
        <translation>موثّق</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>معرّف المفتاح</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>Trusted since</source>
        <translation>موثوق منذ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Bundles are imported only from the documenters listed here as trusted. Trust a documenter&apos;s identity file after they read you their fingerprint; revoke a key that may be in someone else&apos;s hands.</source>
        <translation>لا تُستورد الحزم إلا من الموثّقين المدرجين هنا موثوقين. امنح الثقة لملف هوية موثّق بعد أن يقرأ لك بصمته؛ واسحب الثقة من مفتاح قد يكون في يد غيره.</translation>
    </message>
    <message>
        <source>Trust identity file…</source>
        <translation>الوثوق بملف هوية…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>سحب الثقة…</translation>
    </message>
    <message>
        <source>Reinstate…</source>
        <translation>إعادة الثقة…</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>سُحبت الثقة %1</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>موثوق</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(بلا اسم)</translation>
    </message>
    <message>
        <source>Documenter&apos;s identity file</source>
        <translation>ملف هوية الموثّق</translation>
    </message>
    <message>
        <source>Checking the identity file…</source>
        <translation>جارٍ فحص ملف الهوية…</translation>
    </message>
    <message>
        <source>Not trusted: %1</source>
        <translation>لم تُمنح الثقة: %1</translation>
    </message>
    <message>
        <source>Check the documenter&apos;s fingerprint</source>
        <translation>تحقّق من بصمة الموثّق</translation>
    </message>
    <message>
        <source>Ask the documenter to read the fingerprint from their Keys view to you, in person or by phone, and type it below. If any digit differs, do not trust this file.</source>
        <translation>اطلب من الموثّق أن يقرأ لك البصمة من صفحة المفاتيح لديه، وجهاً لوجه أو بالهاتف، واكتبها أدناه. إذا اختلف أي رقم فلا تثق بهذا الملف.</translation>
    </message>
    <message>
        <source>Trust this documenter</source>
        <translation>الوثوق بهذا الموثّق</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>أُلغي: لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>%1 is trusted: their bundles will be accepted.</source>
        <translation>%1 موثوق: ستُقبل حزمه.</translation>
    </message>
    <message>
        <source>Revoke trust</source>
        <translation>سحب الثقة</translation>
    </message>
    <message>
        <source>Revoke trust in %1 (key %2)? Their bundles will be refused from now on, including any not yet imported. Cases already imported stay.</source>
        <translation>سحب الثقة من %1 (المفتاح %2)؟ ستُرفض حزمه من الآن، بما فيها ما لم يُستورد بعد. تبقى الحالات المستوردة سابقاً.</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>سحب الثقة من %1</translation>
    </message>
    <message>
        <source>Not revoked: nothing was changed.</source>
        <translation>لم تُسحب الثقة: لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Trust in %1 revoked: their bundles will be refused.</source>
        <translation>سُحبت الثقة من %1: ستُرفض حزمه.</translation>
    </message>
    <message>
        <source>Reinstate a revoked documenter</source>
        <translation>إعادة الثقة بموثّق سُحبت منه</translation>
    </message>
    <message>
        <source>Only reinstate a key revoked by mistake. Ask the documenter to read their fingerprint to you again and type it below.</source>
        <translation>لا تُعد الثقة إلا لمفتاح سُحبت منه خطأً. اطلب من الموثّق أن يقرأ لك بصمته مرة أخرى واكتبها أدناه.</translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation>إعادة الثقة</translation>
    </message>
    <message>
        <source>Trust in %1 reinstated: their bundles will be accepted again.</source>
        <translation>أُعيدت الثقة بـ %1: ستُقبل حزمه مجدداً.</translation>
    </message>
</context>
</TS>
