<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>given name</source>
        <translation>الاسم الأول</translation>
    </message>
    <message>
        <source>father&apos;s name</source>
        <translation>اسم الأب</translation>
    </message>
    <message>
        <source>grandfather&apos;s name</source>
        <translation>اسم الجد</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <source>mother&apos;s name</source>
        <translation>اسم الأم</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>birth year</source>
        <translation>سنة الولادة</translation>
    </message>
    <message>
        <source>incident date</source>
        <translation>تاريخ الحادثة</translation>
    </message>
    <message>
        <source>governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>the same</source>
        <translation>متطابق</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>متشابه</translation>
    </message>
    <message>
        <source>different</source>
        <translation>مختلف</translation>
    </message>
    <message>
        <source>the same day</source>
        <translation>في اليوم نفسه</translation>
    </message>
    <message>
        <source>within a month</source>
        <translation>في حدود شهر</translation>
    </message>
    <message>
        <source>within half a year</source>
        <translation>في حدود نصف سنة</translation>
    </message>
    <message>
        <source>within two years</source>
        <translation>في حدود سنتين</translation>
    </message>
    <message>
        <source>further apart</source>
        <translation>أبعد من ذلك</translation>
    </message>
    <message>
        <source>the same year</source>
        <translation>في السنة نفسها</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Documenters</source>
        <translation>الموثّقون</translation>
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
        <source>Records %1 and %2: accepted by a reviewer</source>
        <translation>السجلان %1 و%2: قبلهما مراجِع</translation>
    </message>
    <message>
        <source>Records %1 and %2: accepted by a reviewer (match probability %3)</source>
        <translation>السجلان %1 و%2: قبلهما مراجِع (احتمال التطابق %3)</translation>
    </message>
    <message>
        <source>Records %1 and %2: match probability %3</source>
        <translation>السجلان %1 و%2: احتمال التطابق %3</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>These records are one person because:</source>
        <translation>هذه السجلات لشخص واحد لأنّ:</translation>
    </message>
    <message>
        <source>Take this record out</source>
        <translation>أخرِج هذا السجل</translation>
    </message>
    <message>
        <source>The record becomes a victim of its own; the decision is kept when linkage runs again</source>
        <translation>يصبح السجل ضحية مستقلة، ويُحفظ القرار عند إعادة الربط</translation>
    </message>
    <message>
        <source>Reading linked victims…</source>
        <translation>قراءة الضحايا المربوطين…</translation>
    </message>
    <message>
        <source>%1 — %2 records from %3 documenters</source>
        <translation>%1 — %2 سجلات من %3 موثّقين</translation>
    </message>
    <message>
        <source>%1 victims recorded more than once</source>
        <translation>%1 ضحايا مسجّلون أكثر من مرة</translation>
    </message>
    <message>
        <source>No victim is recorded more than once</source>
        <translation>لا ضحية مسجّلة أكثر من مرة</translation>
    </message>
    <message>
        <source>Linkage failed: %1</source>
        <translation>فشل الربط: %1</translation>
    </message>
</context>
</TS>
