<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Recorded in this vault</source>
        <translation>مسجّل في هذه الخزنة</translation>
    </message>
    <message>
        <source>Unnamed documenter %1</source>
        <translation>موثّق بلا اسم %1</translation>
    </message>
    <message>
        <source>Date unknown</source>
        <translation>التاريخ غير معروف</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>من %1 إلى %2</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>نحو %1</translation>
    </message>
</context>
</TS>
