<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>Signature check FAILED: %Ln of the %1 versions are not what their documenter signed (`tawthiq verify-vault` names them).</source>
        <translation>
            <numerusform>Signature check FAILED: %Ln of the %1 versions is not what its documenter signed (`tawthiq verify-vault` names it).</numerusform>
            <numerusform>Signature check FAILED: %Ln of the %1 versions are not what their documenter signed (`tawthiq verify-vault` names them).</numerusform>
        </translation>
    </message>
</context>
</TS>
