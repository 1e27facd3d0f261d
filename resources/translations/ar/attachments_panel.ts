<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>تصدير المحدد…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Drop files here. They are encrypted into the vault at once.</source>
        <translation>أفلت الملفات هنا. تُشفَّر داخل الخزنة فوراً.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation>إضافة مرفقات</translation>
    </message>
    <message>
        <source>Fill in the required fields first: a case must be saved before files can be attached.</source>
        <translation>املأ الحقول المطلوبة أولاً: يجب حفظ الحالة قبل إرفاق الملفات.</translation>
    </message>
    <message>
        <source>Encrypting %1…</source>
        <translation>جارٍ تشفير %1…</translation>
    </message>
    <message>
        <source>Stored encrypted: %1</source>
        <translation>خُزّن مشفّراً: %1</translation>
    </message>
    <message>
        <source>The file was not attached: %1</source>
        <translation>لم يُرفق الملف: %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was kept of that file.</source>
        <translation>أُلغي: لم يُحفظ شيء من ذلك الملف.</translation>
    </message>
    <message>
        <source>No preview for this file.</source>
        <translation>لا معاينة لهذا الملف.</translation>
    </message>
    <message>
        <source>Choose an attachment to export.</source>
        <translation>اختر مرفقاً لتصديره.</translation>
    </message>
    <message>
        <source>Export one attachment (decrypted)</source>
        <translation>تصدير مرفق واحد (غير مشفّر)</translation>
    </message>
    <message>
        <source>Exported (%1). That copy is not encrypted.</source>
        <translation>صُدّر (%1). تلك النسخة غير مشفّرة.</translation>
    </message>
</context>
</TS>
