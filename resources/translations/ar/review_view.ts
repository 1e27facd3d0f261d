<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Asked because one of these records matches another person&apos;s record nearly as well.</source>
        <translation>معروض عليك لأن أحد السجلين يطابق سجل شخص آخر بالقدر نفسه تقريباً.</translation>
    </message>
    <message>
        <source>Asked because a name, the grandfather&apos;s or mother&apos;s name or the birth year clearly differs.</source>
        <translation>معروض عليك لأن اسماً أو اسم الجد أو اسم الأم أو سنة الميلاد يختلف بوضوح.</translation>
    </message>
    <message>
        <source>Asked because the records agree on too little to join them without you.</source>
        <translation>معروض عليك لأن ما يتفق عليه السجلان أقل من أن يُجمعا دون قرارك.</translation>
    </message>
    <message>
        <source>Name (Arabic)</source>
        <translation>الاسم (بالعربية)</translation>
    </message>
    <message>
        <source>Name (Latin)</source>
        <translation>الاسم (بالحروف اللاتينية)</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>الاسم الأول</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <source>Grandfather</source>
        <translation>اسم الجد</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>الكنية</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>اسم الأم</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>تاريخ الحادثة</translation>
    </message>
    <message>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>الفعل</translation>
    </message>
    <message>
        <source>Fate</source>
        <translation>المصير</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>الشخص نفسه</translation>
    </message>
    <message>
        <source>Different people</source>
        <translation>شخصان مختلفان</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>غير متأكد</translation>
    </message>
    <message>
        <source>From %1, bundle no. %2, received %3</source>
        <translation>من %1، الحزمة رقم %2، وردت في %3</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Record 1</source>
        <translation>السجل ١</translation>
    </message>
    <message>
        <source>Record 2</source>
        <translation>السجل ٢</translation>
    </message>
    <message>
        <source>Same person (A)</source>
        <translation>الشخص نفسه (A)</translation>
    </message>
    <message>
        <source>Different people (R)</source>
        <translation>شخصان مختلفان (R)</translation>
    </message>
    <message>
        <source>Not sure (U)</source>
        <translation>غير متأكد (U)</translation>
    </message>
    <message>
        <source>Undo last decision (Ctrl+Z)</source>
        <translation>تراجع عن آخر قرار (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Run linkage</source>
        <translation>تشغيل الربط</translation>
    </message>
    <message>
        <source>Finding candidate pairs…</source>
        <translation>جارٍ البحث عن الأزواج المرشّحة…</translation>
    </message>
    <message>
        <source>One of the records changed since it was decided</source>
        <translation>تغيّر أحد السجلين منذ اتخاذ القرار</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pairs waiting for review</source>
        <translation>
            <numerusform>لا أزواج بانتظار المراجعة</numerusform>
            <numerusform>زوج واحد بانتظار المراجعة</numerusform>
            <numerusform>زوجان بانتظار المراجعة</numerusform>
            <numerusform>%Ln أزواج بانتظار المراجعة</numerusform>
            <numerusform>%Ln زوجاً بانتظار المراجعة</numerusform>
            <numerusform>%Ln زوج بانتظار المراجعة</numerusform>
        </translation>
    </message>
    <message>
        <source>No pairs waiting for review</source>
        <translation>لا أزواج بانتظار المراجعة</translation>
    </message>
    <message>
        <source>Linkage failed: %1</source>
        <translation>تعذّر الربط: %1</translation>
    </message>
    <message>
        <source>Match probability %1</source>
        <translation>احتمال التطابق %1</translation>
    </message>
    <message>
        <source>Case: %1</source>
        <translation>الحالة: %1</translation>
    </message>
    <message>
        <source>Case without a title</source>
        <translation>حالة بلا عنوان</translation>
    </message>
    <message>
        <source>No decision to undo</source>
        <translation>لا يوجد قرار للتراجع عنه</translation>
    </message>
    <message>
        <source>Undo “%1” (%2); the pair waits for review again unless it had an earlier decision</source>
        <translation>التراجع عن «%1» (%2)؛ يعود الزوج إلى انتظار المراجعة ما لم يكن له قرار سابق</translation>
    </message>
</context>
</TS>
