<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>use at least %Ln characters</source>
        <translation>
            <numerusform>use at least %Ln character</numerusform>
            <numerusform>use at least %Ln characters</numerusform>
        </translation>
    </message>
</context>
</TS>
