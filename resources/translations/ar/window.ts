<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>Lock the vault now (Ctrl+L)</source>
        <translation>اقفل الخزنة الآن (Ctrl+L)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>مقفلة</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>منسّق</translation>
    </message>
    <message>
        <source>Documenter</source>
        <translation>موثّق</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Unlocked · Ctrl+L locks</source>
        <translation>مفتوحة · Ctrl+L تقفلها</translation>
    </message>
    <message>
        <source>Warning: the audit log is broken at entry %1: this vault was changed outside Tawthiq. `tawthiq verify-vault` checks it in full.</source>
        <translation>تحذير: سجل التدقيق منقطع عند المدخل %1: غُيّرت هذه الخزنة خارج توثيق. الأمر `tawthiq verify-vault` يفحصها بالكامل.</translation>
    </message>
</context>
</TS>
