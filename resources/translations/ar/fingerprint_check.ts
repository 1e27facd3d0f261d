<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Fingerprint in the file</source>
        <translation>البصمة في الملف</translation>
    </message>
    <message>
        <source>Type the fingerprint that was read to you (60 digits; spaces do not matter):</source>
        <translation>اكتب البصمة التي قُرئت لك (60 رقماً؛ لا تهمّ المسافات):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>A fingerprint is 12 groups of 5 digits: nothing was changed.</source>
        <translation>البصمة 12 مجموعة من 5 أرقام: لم يتغيّر شيء.</translation>
    </message>
</context>
</TS>
