<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Unique victims by month of the incident</source>
        <translation>الضحايا الفريدون حسب شهر الحادثة</translation>
    </message>
    <message>
        <source>Unique victims by governorate</source>
        <translation>الضحايا الفريدون حسب المحافظة</translation>
    </message>
    <message>
        <source>Unique victims by act</source>
        <translation>الضحايا الفريدون حسب الفعل</translation>
    </message>
    <message>
        <source>Unique victims by fate</source>
        <translation>الضحايا الفريدون حسب المصير</translation>
    </message>
    <message>
        <source>Unique victims by suspected perpetrator group</source>
        <translation>الضحايا الفريدون حسب الجهة المشتبه بها</translation>
    </message>
    <message>
        <source>Incidents by month</source>
        <translation>الحوادث حسب الشهر</translation>
    </message>
    <message>
        <source>Incidents by governorate</source>
        <translation>الحوادث حسب المحافظة</translation>
    </message>
    <message>
        <source>Internal analysis</source>
        <translation>التحليل الداخلي</translation>
    </message>
    <message>
        <source>Partner organisations</source>
        <translation>المنظمات الشريكة</translation>
    </message>
    <message>
        <source>UN mechanisms</source>
        <translation>آليات الأمم المتحدة</translation>
    </message>
    <message>
        <source>Courts</source>
        <translation>المحاكم</translation>
    </message>
    <message>
        <source>Anonymised publication</source>
        <translation>النشر دون هوية</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>Export for partners…</source>
        <translation>تصدير للشركاء…</translation>
    </message>
    <message>
        <source>With photos and videos</source>
        <translation>مع الصور ومقاطع الفيديو</translation>
    </message>
    <message>
        <source>Keep their GPS and device metadata (recorded in the audit log)</source>
        <translation>الإبقاء على بيانات الموقع (GPS) والجهاز فيها (يُسجَّل في سجل التدقيق)</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>الغرض:</translation>
    </message>
    <message>
        <source>Documenters</source>
        <translation>الموثّقون</translation>
    </message>
    <message>
        <source>Documenter key</source>
        <translation>مفتاح الموثّق</translation>
    </message>
    <message>
        <source>Victim records</source>
        <translation>سجلات الضحايا</translation>
    </message>
    <message>
        <source>Excluded records</source>
        <translation>السجلات المستبعدة</translation>
    </message>
    <message>
        <source>Unique victims</source>
        <translation>الضحايا الفريدون</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <source>Capture histories</source>
        <translation>تواريخ الرصد</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>النمط</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>جارٍ العدّ…</translation>
    </message>
    <message>
        <source>Unique victims: %1</source>
        <translation>الضحايا الفريدون: %1</translation>
    </message>
    <message>
        <source>Counted: victim records with a name, an incident date and a governorate; records of the same person count once (%1 of %2 records were linked into others). Excluded: %3 records without a name (%4), a date (%5) or a place (%6).</source>
        <translation>المحسوب: سجلات الضحايا التي فيها اسم وتاريخ للحادثة ومحافظة؛ تُحسب سجلات الشخص الواحد مرة واحدة (رُبط %1 من %2 سجلاً بسجلات أخرى). المستبعد: %3 سجلاً بلا اسم (%4) أو تاريخ (%5) أو مكان (%6).</translation>
    </message>
    <message>
        <source>Linkage has not run: every record counts as its own victim, so people recorded by several documenters are counted more than once.</source>
        <translation>لم يُشغَّل الربط بعد: كل سجل يُحسب ضحية مستقلة، فالأشخاص الذين سجّلهم أكثر من موثّق يُحسبون أكثر من مرة.</translation>
    </message>
    <message>
        <source>Incidents: %1</source>
        <translation>الحوادث: %1</translation>
    </message>
    <message>
        <source>Counted: cases with a date and a governorate (%1 cases in all). Excluded: %2 without a date, %3 without a place.</source>
        <translation>المحسوب: الحالات التي لها تاريخ ومحافظة (%1 حالة في المجموع). المستبعد: %2 بلا تاريخ، %3 بلا مكان.</translation>
    </message>
    <message>
        <source>Not counted: %1 victim records without a name, a date or a place.</source>
        <translation>غير محسوب: %1 سجلاً لضحايا بلا اسم أو تاريخ أو مكان.</translation>
    </message>
    <message>
        <source>A victim with several acts is counted under each act, so the bars can add up to more than the total.</source>
        <translation>الضحية التي تعرّضت لعدة أفعال تُحسب تحت كل فعل، لذا قد يتجاوز مجموع الأعمدة العدد الكلي.</translation>
    </message>
    <message>
        <source>A victim is counted under each suspected group of the incident; &apos;unknown&apos; where none was named.</source>
        <translation>تُحسب الضحية تحت كل جهة مشتبه بها في الحادثة؛ و&apos;مجهول&apos; حين لم تُذكر أي جهة.</translation>
    </message>
    <message>
        <source>Incidents known only to the year are counted under the year.</source>
        <translation>الحوادث المعروفة بالسنة فقط تُحسب تحت السنة.</translation>
    </message>
    <message>
        <source>Total: %1 unique victims.</source>
        <translation>المجموع: %1 ضحية فريدة.</translation>
    </message>
    <message>
        <source>Total: %1 incidents. Not counted: %2 cases without a date or a place.</source>
        <translation>المجموع: %1 حادثة. غير محسوب: %2 حالة بلا تاريخ أو مكان.</translation>
    </message>
    <message>
        <source>Victim records as received, excluded ones included; unique victims: people in whose linked records this documenter appears.</source>
        <translation>سجلات الضحايا كما وصلت، بما فيها المستبعدة؛ الضحايا الفريدون: الأشخاص الذين يظهر هذا الموثّق في سجلاتهم المربوطة.</translation>
    </message>
    <message>
        <source>Each pattern has one digit per documenter, in this order: %1. 1 = recorded the victim, 0 = did not. Only unique victims that are counted appear.</source>
        <translation>لكل نمط رقم واحد لكل موثّق بهذا الترتيب: %1. ‏1 = سجّل الضحية، 0 = لم يسجّلها. تظهر فقط الضحايا الفريدون المحسوبون.</translation>
    </message>
    <message>
        <source>Folder for the CSV files</source>
        <translation>مجلد ملفات CSV</translation>
    </message>
    <message>
        <source>Export for partners</source>
        <translation>تصدير للشركاء</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Exported %1 victims and %2 incidents. Left out: %3 witness statements whose consent does not cover this purpose; sensitive fields (religion, sect and others) and sealed identities are never exported.</source>
        <translation>صُدّر %1 ضحية و%2 حادثة. أُغفلت: %3 إفادة شاهد لا تشمل موافقتها هذا الغرض؛ الحقول الحساسة (الدين والطائفة وغيرها) والهويات المختومة لا تُصدَّر أبداً.</translation>
    </message>
    <message>
        <source>Photos and videos: %1 written with their GPS and device metadata, as chosen (recorded in the audit log); %2 left out.</source>
        <translation>الصور ومقاطع الفيديو: كُتب %1 مع بيانات الموقع (GPS) والجهاز كما اخترت (سُجّل ذلك في سجل التدقيق)؛ واستُبعد %2.</translation>
    </message>
    <message>
        <source>Photos and videos: %1 written without GPS and device metadata; %2 left out (kinds of file whose metadata cannot be removed, or withheld by consent).</source>
        <translation>الصور ومقاطع الفيديو: كُتب %1 دون بيانات الموقع (GPS) والجهاز؛ واستُبعد %2 (أنواع ملفات لا يمكن إزالة بياناتها الوصفية، أو حُجبت بحسب الموافقة).</translation>
    </message>
</context>
</TS>
