<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>The fingerprint you typed does not match this key. Compare it digit by digit with the person who read it to you; if it still differs, the file may come from an impostor. Nothing was changed.</source>
        <translation>بصمة المفتاح التي كتبتها لا تطابق هذا المفتاح. قارنها رقمًا رقمًا مع الشخص الذي قرأها لك؛ وإن بقيت مختلفة فقد يكون الملف من منتحل. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Refused: this profile is signed by coordinator key %1, not by key %2 that you imported before. A changed key may be an impostor: ask your coordinator in person. Nothing was imported.</source>
        <translation>مرفوض: ملف تعريف المنظمة هذا موقّع بمفتاح المنسّق %1، لا بالمفتاح %2 الذي استوردته من قبل. قد يعني تغيّر المفتاح وجود منتحل: اسأل منسّقك شخصيًا. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Refused: this profile (number %1) is older than the one you have (number %2) and would roll back the organisation&apos;s terms, places and recipients. Nothing was imported.</source>
        <translation>مرفوض: ملف تعريف المنظمة هذا (رقم %1) أقدم من الذي لديك (رقم %2)، وسيعيد مصطلحات المنظمة وأماكنها ومستلميها إلى حالٍ سابقة. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Refused: a different key with the same key id %1 is already trusted. Nothing was changed.</source>
        <translation>مرفوض: مفتاح آخر بمعرّف المفتاح نفسه %1 موثوق به من قبل. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Refused: key %1 was revoked on %2 and its bundles stay refused. To trust it again on purpose, select it in the list and choose Reinstate.</source>
        <translation>مرفوض: سُحبت الثقة بالمفتاح %1 في %2 وتبقى حزمه مرفوضة. لإعادة الثقة به عن قصد، اختره في القائمة واختر «إعادة الثقة».</translation>
    </message>
</context>
</TS>
