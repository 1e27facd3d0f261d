<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln records</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attachments</source>
        <translation>
            <numerusform>%Ln attachment</numerusform>
            <numerusform>%Ln attachments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new versions</source>
        <translation>
            <numerusform>%Ln new version</numerusform>
            <numerusform>%Ln new versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verifying and importing %Ln bundles…</source>
        <translation>
            <numerusform>Verifying and importing %Ln bundle…</numerusform>
            <numerusform>Verifying and importing %Ln bundles…</numerusform>
        </translation>
    </message>
</context>
</TS>
