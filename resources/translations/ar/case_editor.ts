<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name />
    <message>
        <source>Case editor</source>
        <translation>محرر الحالة</translation>
    </message>
</context>
</TS>
