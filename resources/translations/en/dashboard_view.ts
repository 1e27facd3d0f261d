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
        <source>%Ln cases</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not counted: %Ln victim records without a name, a date or a place.</source>
        <translation>
            <numerusform>Not counted: %Ln victim record without a name, a date or a place.</numerusform>
            <numerusform>Not counted: %Ln victim records without a name, a date or a place.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %Ln unique victims.</source>
        <translation>
            <numerusform>Total: %Ln unique victim.</numerusform>
            <numerusform>Total: %Ln unique victims.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln incidents</source>
        <translation>
            <numerusform>%Ln incident</numerusform>
            <numerusform>%Ln incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln victims</source>
        <translation>
            <numerusform>%Ln victim</numerusform>
            <numerusform>%Ln victims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln witness statements</source>
        <translation>
            <numerusform>%Ln witness statement</numerusform>
            <numerusform>%Ln witness statements</numerusform>
        </translation>
    </message>
</context>
</TS>
