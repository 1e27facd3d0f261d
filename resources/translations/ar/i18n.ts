<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>%1 KiB</source>
        <translation>%1 كيلوبايت</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 ميغابايت</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 غيغابايت</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 تيرابايت</translation>
    </message>
    <message numerus="yes">
        <source>%Ln bytes</source>
        <translation>
            <numerusform>%Ln بايت</numerusform>
            <numerusform>بايت واحد</numerusform>
            <numerusform>بايتان</numerusform>
            <numerusform>%Ln بايتات</numerusform>
            <numerusform>%Ln بايتاً</numerusform>
            <numerusform>%Ln بايت</numerusform>
        </translation>
    </message>
</context>
</TS>
