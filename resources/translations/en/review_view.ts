<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln pairs waiting for review</source>
        <translation>
            <numerusform>%Ln pair waiting for review</numerusform>
            <numerusform>%Ln pairs waiting for review</numerusform>
        </translation>
    </message>
</context>
</TS>
