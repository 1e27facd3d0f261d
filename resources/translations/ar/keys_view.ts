<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Read these digits to your coordinator over a channel you trust (in person or by phone), or let them scan the code. They must match exactly.</source>
        <translation>اقرأ هذه الأرقام لمنسّقك عبر قناة تثق بها (وجهاً لوجه أو بالهاتف)، أو دعه يمسح الرمز. يجب أن تتطابق تماماً.</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>رمز QR</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>معرّف المفتاح</translation>
    </message>
    <message>
        <source>Save my public identity file…</source>
        <translation>حفظ ملف هويتي العامة…</translation>
    </message>
    <message>
        <source>Save my public identity file</source>
        <translation>حفظ ملف هويتي العامة</translation>
    </message>
    <message>
        <source>Saved. It holds only public keys; give it to your coordinator.</source>
        <translation>حُفظ. يحتوي على مفاتيح عامة فقط؛ أعطه لمنسّقك.</translation>
    </message>
</context>
</TS>
