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
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>XLSX</source>
        <translation>XLSX</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Uwazi (ZIP)</source>
        <translation>Uwazi (ZIP)</translation>
    </message>
    <message>
        <source>Capture histories for R (CSV)</source>
        <translation>تواريخ الرصد لأدوات R ‏(CSV)</translation>
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
        <source>With cited attachments (Uwazi)</source>
        <translation>مع المرفقات المستشهد بها (Uwazi)</translation>
    </message>
    <message>
        <source>Files cited by statements this purpose may receive; never for anonymised publication</source>
        <translation>الملفات التي تستشهد بها إفادات يجوز أن تصل إلى هذا الغرض؛ لا تُرفق أبداً بالنشر المجهَّل</translation>
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
        <source>A victim is counted under each suspected group of the incident; “Not recorded” where none was named.</source>
        <translation>تُحسب الضحية تحت كل جهة مشتبه بها في الحادثة؛ و«غير مسجّل» حين لم تُذكر أي جهة.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>غير مسجّل</translation>
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
        <source>Documenter</source>
        <translation>الموثّق</translation>
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
        <source>Counted: victim records with a name, an incident date and a governorate; records of the same person count once (%1 of %2 were linked into others). Excluded: %3 without a name (%4), a date (%5) or a place (%6).</source>
        <translation>المحسوب: سجلات الضحايا التي فيها اسم وتاريخ للحادثة ومحافظة؛ تُحسب سجلات الشخص الواحد مرة واحدة (رُبط %1 من %2 بسجلات أخرى). المستبعد: %3 بلا اسم (%4) أو تاريخ (%5) أو مكان (%6).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln records</source>
        <translation>
            <numerusform>لا سجلات</numerusform>
            <numerusform>سجل واحد</numerusform>
            <numerusform>سجلان</numerusform>
            <numerusform>%Ln سجلات</numerusform>
            <numerusform>%Ln سجلاً</numerusform>
            <numerusform>%Ln سجل</numerusform>
        </translation>
    </message>
    <message>
        <source>Counted: cases with a date and a governorate (%1 in all). Excluded: %2 without a date, %3 without a place.</source>
        <translation>المحسوب: الحالات التي لها تاريخ ومحافظة (%1 في المجموع). المستبعد: %2 بلا تاريخ، %3 بلا مكان.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln cases</source>
        <translation>
            <numerusform>لا حالات</numerusform>
            <numerusform>حالة واحدة</numerusform>
            <numerusform>حالتان</numerusform>
            <numerusform>%Ln حالات</numerusform>
            <numerusform>%Ln حالة</numerusform>
            <numerusform>%Ln حالة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not counted: %Ln victim records without a name, a date or a place.</source>
        <translation>
            <numerusform>غير محسوب: لا سجلات لضحايا بلا اسم أو تاريخ أو مكان.</numerusform>
            <numerusform>غير محسوب: سجل واحد لضحية بلا اسم أو تاريخ أو مكان.</numerusform>
            <numerusform>غير محسوب: سجلان لضحايا بلا اسم أو تاريخ أو مكان.</numerusform>
            <numerusform>غير محسوب: %Ln سجلات لضحايا بلا اسم أو تاريخ أو مكان.</numerusform>
            <numerusform>غير محسوب: %Ln سجلاً لضحايا بلا اسم أو تاريخ أو مكان.</numerusform>
            <numerusform>غير محسوب: %Ln سجل لضحايا بلا اسم أو تاريخ أو مكان.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %Ln unique victims.</source>
        <translation>
            <numerusform>المجموع: لا ضحايا.</numerusform>
            <numerusform>المجموع: ضحية فريدة واحدة.</numerusform>
            <numerusform>المجموع: ضحيتان فريدتان.</numerusform>
            <numerusform>المجموع: %Ln ضحايا فريدين.</numerusform>
            <numerusform>المجموع: %Ln ضحية فريدة.</numerusform>
            <numerusform>المجموع: %Ln ضحية فريدة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: %1. Not counted: %2 without a date or a place.</source>
        <translation>المجموع: %1. غير محسوب: %2 بلا تاريخ أو مكان.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln incidents</source>
        <translation>
            <numerusform>لا حوادث</numerusform>
            <numerusform>حادثة واحدة</numerusform>
            <numerusform>حادثتان</numerusform>
            <numerusform>%Ln حوادث</numerusform>
            <numerusform>%Ln حادثة</numerusform>
            <numerusform>%Ln حادثة</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported %1 and %2. Left out: %3 whose consent does not cover this purpose; sensitive fields (religion, sect and others) and sealed identities are never exported.</source>
        <translation>صُدّر %1 و%2. أُغفلت: %3 لا تشمل موافقتها هذا الغرض؛ الحقول الحساسة (الدين والطائفة وغيرها) والهويات المختومة لا تُصدَّر أبداً.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln victims</source>
        <translation>
            <numerusform>لا ضحايا</numerusform>
            <numerusform>ضحية واحدة</numerusform>
            <numerusform>ضحيتان</numerusform>
            <numerusform>%Ln ضحايا</numerusform>
            <numerusform>%Ln ضحية</numerusform>
            <numerusform>%Ln ضحية</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln witness statements</source>
        <translation>
            <numerusform>لا إفادات شهود</numerusform>
            <numerusform>إفادة شاهد واحدة</numerusform>
            <numerusform>إفادتا شاهد</numerusform>
            <numerusform>%Ln إفادات شهود</numerusform>
            <numerusform>%Ln إفادة شاهد</numerusform>
            <numerusform>%Ln إفادة شاهد</numerusform>
        </translation>
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
        <source>A victim with several acts is counted under each act, so the bars can add up to more than the total.</source>
        <translation>الضحية التي تعرّضت لعدة أفعال تُحسب تحت كل فعل، لذا قد يتجاوز مجموع الأعمدة العدد الكلي.</translation>
    </message>
    <message>
        <source>Incidents known only to the year are counted under the year.</source>
        <translation>الحوادث المعروفة بالسنة فقط تُحسب تحت السنة.</translation>
    </message>
    <message>
        <source>Victim records as received, excluded ones included; unique victims: people in whose linked records this documenter appears.</source>
        <translation>سجلات الضحايا كما وصلت، بما فيها المستبعدة؛ الضحايا الفريدون: الأشخاص الذين يظهر هذا الموثّق في سجلاتهم المربوطة.</translation>
    </message>
    <message>
        <source>%1 (external list)</source>
        <translation>%1 (قائمة خارجية)</translation>
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
        <source>Photos and videos: %1 written with their GPS and device metadata, as chosen (recorded in the audit log); %2 left out.</source>
        <translation>الصور ومقاطع الفيديو: كُتب %1 مع بيانات الموقع (GPS) والجهاز كما اخترت (سُجّل ذلك في سجل التدقيق)؛ واستُبعد %2.</translation>
    </message>
    <message>
        <source>Photos and videos: %1 written without GPS and device metadata; %2 left out (kinds of file whose metadata cannot be removed, or withheld by consent).</source>
        <translation>الصور ومقاطع الفيديو: كُتب %1 دون بيانات الموقع (GPS) والجهاز؛ واستُبعد %2 (أنواع ملفات لا يمكن إزالة بياناتها الوصفية، أو حُجبت بحسب الموافقة).</translation>
    </message>
</context>
</TS>
