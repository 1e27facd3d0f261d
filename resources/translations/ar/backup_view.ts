<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Backup and recovery</source>
        <translation>النسخ الاحتياطي والاسترداد</translation>
    </message>
    <message>
        <source>A backup is one encrypted file: it opens with this vault&apos;s passphrase as it is now, or with recovery shares. Keep it away from this laptop.</source>
        <translation>النسخة الاحتياطية ملف واحد مشفّر: تفتحه عبارة مرور هذه الخزنة كما هي الآن، أو حصص الاسترداد. احفظها بعيداً عن هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Back up the vault…</source>
        <translation>انسخ الخزنة احتياطياً…</translation>
    </message>
    <message>
        <source>Verify a backup…</source>
        <translation>تحقّق من نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Restore a backup into a new folder…</source>
        <translation>استعد نسخة احتياطية في مجلد جديد…</translation>
    </message>
    <message>
        <source>Passphrase of the backup (to verify or restore)</source>
        <translation>عبارة مرور النسخة الاحتياطية (للتحقق أو الاستعادة)</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>أيّ</translation>
    </message>
    <message>
        <source>of</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Make recovery shares…</source>
        <translation>اصنع حصص الاسترداد…</translation>
    </message>
    <message>
        <source>Recovery shares</source>
        <translation>حصص الاسترداد</translation>
    </message>
    <message>
        <source>No recovery shares yet: only the passphrase opens this vault.</source>
        <translation>لا حصص استرداد بعد: لا يفتح هذه الخزنة إلا عبارة مرورها.</translation>
    </message>
    <message>
        <source>Shares made: any %1 of %2. Making new ones replaces them.</source>
        <translation>الحصص مصنوعة: أيّ %1 من %2. صنع حصص جديدة يلغي هذه.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>جارٍ العمل…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>أُلغي.</translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation>انسخ الخزنة احتياطياً</translation>
    </message>
    <message>
        <source>Backup written: %1 cases, %2 attachments, %3 bytes. Keep it away from this laptop.</source>
        <translation>كُتبت النسخة الاحتياطية: %1 حالة، %2 مرفق، %3 بايت. احفظها بعيداً عن هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Verify a backup</source>
        <translation>تحقّق من نسخة احتياطية</translation>
    </message>
    <message>
        <source>The backup verifies: every part is intact (%1 cases, %2 attachments, made %3).</source>
        <translation>اجتازت النسخة الاحتياطية التحقق: كل أجزائها سليمة (%1 حالة، %2 مرفق، صُنعت في %3).</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>استعد نسخة احتياطية</translation>
    </message>
    <message>
        <source>An empty folder for the restored vault</source>
        <translation>مجلد فارغ للخزنة المستعادة</translation>
    </message>
    <message>
        <source>Restored into %1: %2 cases, %3 attachments checked against their hashes, the audit log intact.</source>
        <translation>استُعيدت في %1: %2 حالة، و%3 مرفق طوبقت مع بصماتها، وسجل التدقيق سليم.</translation>
    </message>
    <message>
        <source>%1 recovery shares made; any %2 recover this vault. The audit log records that they were made, never the shares.</source>
        <translation>صُنعت %1 حصة استرداد؛ أيّ %2 منها تسترد هذه الخزنة. يسجّل سجل التدقيق أنها صُنعت، ولا يسجّل الحصص أبداً.</translation>
    </message>
    <message>
        <source>Write it down by hand and give it to one person. Whoever gathers enough shares can open this vault, and its backups, without the passphrase.</source>
        <translation>اكتبها بخط اليد وأعطها لشخص واحد. من يجمع حصصاً كافية يستطيع فتح هذه الخزنة ونسخها الاحتياطية دون عبارة المرور.</translation>
    </message>
    <message>
        <source>Save each share to its own file…</source>
        <translation>احفظ كل حصة في ملف مستقل…</translation>
    </message>
    <message>
        <source>Next share</source>
        <translation>الحصة التالية</translation>
    </message>
    <message>
        <source>Share %1 of %2 (any %3 recover the vault)</source>
        <translation>الحصة %1 من %2 (أيّ %3 منها تسترد الخزنة)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تمّ</translation>
    </message>
    <message>
        <source>A folder for the share files</source>
        <translation>مجلد لملفات الحصص</translation>
    </message>
    <message>
        <source>The share files could not all be written there (a file of that name exists, or the folder is not writable).</source>
        <translation>تعذّرت كتابة كل ملفات الحصص هناك (يوجد ملف بالاسم نفسه، أو المجلد غير قابل للكتابة).</translation>
    </message>
    <message>
        <source>%1 share files saved. Give each to a different person, then delete them here.</source>
        <translation>حُفظت %1 ملفات حصص. أعطِ كل ملف لشخص مختلف، ثم احذفها من هنا.</translation>
    </message>
</context>
</TS>
