<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Internal analysis</source>
        <translation>التحليل الداخلي</translation>
    </message>
    <message>
        <source>Partner organisations</source>
        <translation>المنظمات الشريكة</translation>
    </message>
    <message>
        <source>UN mechanisms</source>
        <translation>آليات الأمم المتحدة</translation>
    </message>
    <message>
        <source>Courts</source>
        <translation>المحاكم</translation>
    </message>
    <message>
        <source>Anonymised publication</source>
        <translation>النشر دون كشف الهوية</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>منخفض</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>متوسط</translation>
    </message>
    <message>
        <source>High</source>
        <translation>مرتفع</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>غير مسجّل</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>شفهية</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>مكتوبة</translation>
    </message>
    <message>
        <source>Recorded (audio/video)</source>
        <translation>مسجّلة (صوت/فيديو)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>Withdrawn on %1</source>
        <translation>سُحبت في %1</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>لا موافقة</translation>
    </message>
    <message>
        <source>Given, no scope</source>
        <translation>موافقة دون نطاق استخدام</translation>
    </message>
    <message>
        <source>Sealed to the custodian</source>
        <translation>مختومة لأمين الهويات</translation>
    </message>
    <message>
        <source>Sealed to this vault until the organisation profile arrives</source>
        <translation>مختومة لهذه الخزنة حتى يصل ملف المنظمة</translation>
    </message>
    <message>
        <source>No identity recorded</source>
        <translation>لم تُسجَّل هوية</translation>
    </message>
    <message>
        <source>a locally readable copy is kept</source>
        <translation>تُحفظ نسخة مقروءة محليًا</translation>
    </message>
    <message>
        <source>The witness gave consent</source>
        <translation>أعطى الشاهد موافقته</translation>
    </message>
    <message>
        <source>The name may be disclosed</source>
        <translation>يجوز كشف الاسم</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>سُحبت الموافقة</translation>
    </message>
    <message>
        <source>How</source>
        <translation>الطريقة</translation>
    </message>
    <message>
        <source>When</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>سجّلها</translation>
    </message>
    <message>
        <source>Scope of use</source>
        <translation>نطاق الاستخدام</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>A name the witness chose, e.g. Catherine</source>
        <translation>اسم اختاره الشاهد، مثل كاترين</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>الاسم المستعار</translation>
    </message>
    <message>
        <source>Relation to the victim(s)</source>
        <translation>الصلة بالضحية (الضحايا)</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>درجة الخطر</translation>
    </message>
    <message>
        <source>Follow-up needs</source>
        <translation>احتياجات المتابعة</translation>
    </message>
    <message>
        <source>Real identity (sealed when saved)</source>
        <translation>الهوية الحقيقية (تُختم عند الحفظ)</translation>
    </message>
    <message>
        <source>Full name (Arabic)</source>
        <translation>الاسم الكامل (بالعربية)</translation>
    </message>
    <message>
        <source>Full name (Latin)</source>
        <translation>الاسم الكامل (بالحروف اللاتينية)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Other contact</source>
        <translation>وسيلة اتصال أخرى</translation>
    </message>
    <message>
        <source>Also keep a locally readable copy for follow-up</source>
        <translation>احتفظ أيضًا بنسخة مقروءة محليًا للمتابعة</translation>
    </message>
    <message>
        <source>Warning: anyone who makes you unlock this laptop, for example at a checkpoint, can then read this witness&apos;s identity. Keep a local copy only if you must follow up yourself.</source>
        <translation>تحذير: كل من يجبرك على فتح هذا الحاسوب، عند حاجز مثلًا، يستطيع عندها قراءة هوية هذا الشاهد. لا تحتفظ بنسخة محلية إلا إذا كان عليك أن تتابع بنفسك.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>New witness</source>
        <translation>شاهد جديد</translation>
    </message>
    <message>
        <source>Identity: %1</source>
        <translation>الهوية: %1</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>الاسم الرمزي</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>الهوية</translation>
    </message>
</context>
</TS>
