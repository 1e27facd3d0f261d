<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Arabic-Indic (١٢٣)</source>
        <translation>عربية مشرقية (١٢٣)</translation>
    </message>
    <message>
        <source>Latin (123)</source>
        <translation>لاتينية (123)</translation>
    </message>
    <message>
        <source>Digits in Arabic</source>
        <translation>الأرقام في الواجهة العربية</translation>
    </message>
    <message>
        <source>min</source>
        <translation>دقيقة</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>القفل بعد الخمول</translation>
    </message>
    <message>
        <source>The vault locks itself after this many minutes without keyboard or mouse activity. Ctrl+L locks it at once.</source>
        <translation>تُقفل الخزنة نفسها بعد هذا العدد من الدقائق دون نشاط للوحة المفاتيح أو الفأرة. Ctrl+L يقفلها فوراً.</translation>
    </message>
    <message>
        <source>Wipe the vault after this many wrong passphrases in a row</source>
        <translation>محو الخزنة بعد هذا العدد من عبارات المرور الخاطئة المتتالية</translation>
    </message>
    <message>
        <source>Neutral mode: a window title and icon that do not name this application</source>
        <translation>الوضع المحايد: عنوان نافذة وأيقونة لا يذكران اسم هذا التطبيق</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <source>Wipe this vault…</source>
        <translation>محو هذه الخزنة…</translation>
    </message>
</context>
</TS>
