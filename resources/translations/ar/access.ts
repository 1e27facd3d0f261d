<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Very weak</source>
        <translation>ضعيفة جداً</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>ضعيفة</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>قوية</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>قوية جداً</translation>
    </message>
    <message>
        <source>Unlock your vault</source>
        <translation>افتح خزنتك</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Wipe this vault…</source>
        <translation>محو هذه الخزنة…</translation>
    </message>
    <message>
        <source>Forgot the passphrase? Use recovery shares…</source>
        <translation>نسيت عبارة المرور؟ استخدم حصص الاسترداد…</translation>
    </message>
    <message>
        <source>Attempts left before this vault is wiped: %1</source>
        <translation>المحاولات المتبقية قبل محو هذه الخزنة: %1</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>اكتب عبارة المرور.</translation>
    </message>
    <message>
        <source>Opening the vault…</source>
        <translation>جارٍ فتح الخزنة…</translation>
    </message>
    <message>
        <source>Too many wrong passphrases: this vault was wiped, as its owner had chosen. Nothing in it can be recovered.</source>
        <translation>عبارات مرور خاطئة كثيرة: مُحيت هذه الخزنة كما اختار صاحبها. لا يمكن استعادة أي شيء منها.</translation>
    </message>
    <message>
        <source>Wrong passphrase. The vault stays locked and nothing was changed.</source>
        <translation>عبارة المرور خاطئة. تبقى الخزنة مقفلة ولم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>The vault could not be opened: %1</source>
        <translation>تعذّر فتح الخزنة: %1</translation>
    </message>
    <message>
        <source>Create your vault</source>
        <translation>أنشئ خزنتك</translation>
    </message>
    <message>
        <source>A name for this vault (optional, not shown to others)</source>
        <translation>اسم لهذه الخزنة (اختياري، لا يظهر للآخرين)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Documenter</source>
        <translation>موثّق</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>منسّق</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>أعدها</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>القوة</translation>
    </message>
    <message>
        <source>If you lose this passphrase, nobody can recover your cases: not you, not your organisation, not us. Write it down somewhere safe, away from this laptop.</source>
        <translation>إذا فقدت عبارة المرور هذه فلن يستطيع أحد استعادة حالاتك: لا أنت ولا منظمتك ولا نحن. اكتبها في مكان آمن بعيداً عن هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>إنشاء الخزنة</translation>
    </message>
    <message>
        <source>Use several unrelated words.</source>
        <translation>استعمل عدة كلمات لا رابط بينها.</translation>
    </message>
    <message numerus="yes">
        <source>use at least %Ln characters</source>
        <translation>
            <numerusform>استخدم محرفاً واحداً على الأقل</numerusform>
            <numerusform>استخدم محرفاً واحداً على الأقل</numerusform>
            <numerusform>استخدم محرفين على الأقل</numerusform>
            <numerusform>استخدم %Ln محارف على الأقل</numerusform>
            <numerusform>استخدم %Ln محرفاً على الأقل</numerusform>
            <numerusform>استخدم %Ln محرف على الأقل</numerusform>
        </translation>
    </message>
    <message>
        <source>Or bring back a vault from a backup file, with the passphrase it had when the backup was made:</source>
        <translation>أو أعد خزنة من ملف نسخة احتياطية، بعبارة المرور التي كانت لها حين صُنعت النسخة:</translation>
    </message>
    <message>
        <source>Passphrase of the backup</source>
        <translation>عبارة مرور النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>استعد من نسخة احتياطية…</translation>
    </message>
    <message>
        <source>too easy to guess: use several unrelated words</source>
        <translation>سهلة التخمين: استخدم عدة كلمات لا رابط بينها</translation>
    </message>
    <message>
        <source>the two passphrases differ</source>
        <translation>عبارتا المرور مختلفتان</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>جارٍ إنشاء الخزنة…</translation>
    </message>
    <message>
        <source>The vault was not created: %1</source>
        <translation>لم تُنشأ الخزنة: %1</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>استعد من نسخة احتياطية</translation>
    </message>
    <message>
        <source>Restoring and checking the backup…</source>
        <translation>جارٍ استعادة النسخة الاحتياطية والتحقق منها…</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>لم يُستعد شيء: %1</translation>
    </message>
</context>
</TS>
