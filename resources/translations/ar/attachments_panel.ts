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
        <source>Check</source>
        <translation>للتحقق</translation>
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
    <message>
        <source>provenance invalid</source>
        <translation>المصدر غير صالح</translation>
    </message>
    <message>
        <source>seen before</source>
        <translation>شوهد من قبل</translation>
    </message>
    <message>
        <source>contradicts the case</source>
        <translation>يخالف الحالة</translation>
    </message>
    <message>
        <source>ProofMode INVALID: the file does not match its proof, or a signature does not verify.</source>
        <translation>ProofMode غير صالح: الملف لا يطابق إثباته، أو أن أحد التواقيع لا يتحقق.</translation>
    </message>
    <message>
        <source>ProofMode proof without a signature: nothing vouches for it.</source>
        <translation>إثبات ProofMode بلا توقيع: لا شيء يضمنه.</translation>
    </message>
    <message>
        <source>ProofMode: the file matches its proof and the signatures verify with the key the bundle carries (%1). Compare that key with the phone&apos;s before relying on it.</source>
        <translation>ProofMode: الملف يطابق إثباته والتواقيع تتحقق بالمفتاح الذي تحمله الحزمة (%1). قارن هذا المفتاح بمفتاح الهاتف قبل الاعتماد عليه.</translation>
    </message>
    <message>
        <source>C2PA provenance INVALID: the manifest does not match this file or its signature fails (%1).</source>
        <translation>مصدر C2PA غير صالح: البيان لا يطابق هذا الملف أو أن توقيعه لا يتحقق (%1).</translation>
    </message>
    <message>
        <source>C2PA provenance: the manifest could not be read.</source>
        <translation>مصدر C2PA: تعذّرت قراءة البيان.</translation>
    </message>
    <message>
        <source>C2PA provenance valid and trusted: signed by %1.</source>
        <translation>مصدر C2PA صالح وموثوق: وقّعه %1.</translation>
    </message>
    <message>
        <source>C2PA provenance valid, but the signer is not trusted here: signed by %1.</source>
        <translation>مصدر C2PA صالح، لكن الموقّع غير موثوق هنا: وقّعه %1.</translation>
    </message>
    <message>
        <source>Made with: %1</source>
        <translation>صُنع باستخدام: %1</translation>
    </message>
    <message>
        <source>Recorded edits: %1</source>
        <translation>التعديلات المسجّلة: %1</translation>
    </message>
    <message>
        <source>Not read as a photo or video (attached before this version of Tawthiq).</source>
        <translation>لم يُقرأ كصورة أو فيديو (أُرفق قبل هذا الإصدار من توثيق).</translation>
    </message>
    <message>
        <source>The file says nothing about when, where or with what it was taken.</source>
        <translation>لا يذكر الملف متى أو أين أو بأي جهاز التُقط.</translation>
    </message>
    <message>
        <source>Not a photo or video Tawthiq reads.</source>
        <translation>ليس صورة أو فيديو يقرؤه توثيق.</translation>
    </message>
    <message>
        <source>The file looks damaged or malformed: its metadata could not be read.</source>
        <translation>يبدو الملف تالفًا أو مشوّهًا: تعذّرت قراءة بياناته الوصفية.</translation>
    </message>
    <message>
        <source>Too large to read in memory: its metadata was not read.</source>
        <translation>أكبر من أن يُقرأ في الذاكرة: لم تُقرأ بياناته الوصفية.</translation>
    </message>
    <message>
        <source>Not read: the media extra is not installed (pip install &apos;tawthiq[media]&apos;).</source>
        <translation>لم يُقرأ: إضافة الوسائط غير مثبّتة (pip install &apos;tawthiq[media]&apos;).</translation>
    </message>
    <message>
        <source>Taken: %1 (from the file&apos;s own metadata, which can be wrong or edited)</source>
        <translation>التُقط في: %1 (من البيانات الوصفية للملف نفسه، وقد تكون خاطئة أو معدّلة)</translation>
    </message>
    <message>
        <source>Place recorded in the file: %1, %2</source>
        <translation>المكان المسجّل في الملف: %1، %2</translation>
    </message>
    <message>
        <source>Camera: %1</source>
        <translation>الكاميرا: %1</translation>
    </message>
    <message>
        <source>Software: %1</source>
        <translation>البرنامج: %1</translation>
    </message>
    <message>
        <source>Duration: %1 s</source>
        <translation>المدة: %1 ثانية</translation>
    </message>
    <message>
        <source>The video has a telemetry track (it may record positions).</source>
        <translation>في الفيديو مسار بيانات قياس (قد يسجّل المواقع).</translation>
    </message>
    <message>
        <source>Warning: taken %1 days before the incident&apos;s date (%2).</source>
        <translation>تحذير: التُقط قبل تاريخ الحادثة (%2) بـ %1 يومًا.</translation>
    </message>
    <message>
        <source>Warning: taken %1 km from the coordinates the case gives.</source>
        <translation>تحذير: التُقط على بعد %1 كم من الإحداثيات التي تذكرها الحالة.</translation>
    </message>
    <message>
        <source>Looks like a video received on %1 from %2.</source>
        <translation>يبدو كفيديو ورد في %1 من %2.</translation>
    </message>
    <message>
        <source>Looks like a photo received on %1 from %2.</source>
        <translation>تبدو كصورة وردت في %1 من %2.</translation>
    </message>
    <message>
        <source>Looks like a video attached in this vault on %1.</source>
        <translation>يبدو كفيديو أُرفق في هذه الخزنة في %1.</translation>
    </message>
    <message>
        <source>Looks like a photo attached in this vault on %1.</source>
        <translation>تبدو كصورة أُرفقت في هذه الخزنة في %1.</translation>
    </message>
    <message>
        <source>It looks like %1 earlier attachments in all.</source>
        <translation>يشبه %1 من المرفقات السابقة في المجموع.</translation>
    </message>
</context>
</TS>
