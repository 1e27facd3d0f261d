<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Recover with shares</source>
        <translation>الاسترداد بالحصص</translation>
    </message>
    <message>
        <source>Type any %1 of the %2 recovery shares, one per line, then choose a new passphrase. The old passphrase will no longer open the vault.</source>
        <translation>اكتب أيّ %1 من حصص الاسترداد الـ%2، كل حصة في سطر، ثم اختر عبارة مرور جديدة. لن تفتح عبارة المرور القديمة الخزنة بعد ذلك.</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>الحصص</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>أعد كتابتها</translation>
    </message>
    <message>
        <source>Set the new passphrase</source>
        <translation>اعتمد عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
    <message>
        <source>Combining the shares…</source>
        <translation>جارٍ جمع الحصص…</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>لم يتغيّر شيء: %1</translation>
    </message>
</context>
</TS>
