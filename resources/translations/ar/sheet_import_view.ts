<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Import cases from a spreadsheet (CSV, XLSX or ODS), or from an ODK or KoboToolbox submission export. Nothing is imported before you have seen the dry run&apos;s report.</source>
        <translation>استورد حالات من جدول بيانات (CSV أو XLSX أو ODS)، أو من تصدير إرساليات ODK أو KoboToolbox. لا يُستورد شيء قبل أن ترى تقرير الفحص التجريبي.</translation>
    </message>
    <message>
        <source>Spreadsheet file</source>
        <translation>ملف جدول البيانات</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>اختر ملفاً…</translation>
    </message>
    <message>
        <source>Kind of case</source>
        <translation>نوع الحالة</translation>
    </message>
    <message>
        <source>Sheet (empty: the first)</source>
        <translation>الورقة (فارغ: الأولى)</translation>
    </message>
    <message>
        <source>Use a saved mapping…</source>
        <translation>استخدم مطابقة محفوظة…</translation>
    </message>
    <message>
        <source>Propose a mapping</source>
        <translation>اقترح مطابقة</translation>
    </message>
    <message>
        <source>Spreadsheet to import</source>
        <translation>جدول البيانات المراد استيراده</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.ods)</source>
        <translation>جداول البيانات (*.csv *.xlsx *.ods)</translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation>مطابقة محفوظة</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>ملفات المطابقة (*.json)</translation>
    </message>
    <message>
        <source>Reading the headers…</source>
        <translation>قراءة العناوين…</translation>
    </message>
    <message>
        <source>Which column fills which field. Check the proposal; choose another column where it is wrong.</source>
        <translation>أي عمود يملأ أي حقل. راجع الاقتراح، واختر عموداً آخر حيث يكون خاطئاً.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>العمود</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>احفظ المطابقة…</translation>
    </message>
    <message>
        <source>Check every row (dry run)</source>
        <translation>افحص كل الصفوف (فحص تجريبي)</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— لا يُستورد —</translation>
    </message>
    <message>
        <source>from</source>
        <translation>من</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <source>governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>district</source>
        <translation>المنطقة</translation>
    </message>
    <message>
        <source>city or village</source>
        <translation>المدينة أو القرية</translation>
    </message>
    <message>
        <source>neighbourhood</source>
        <translation>الحي</translation>
    </message>
    <message>
        <source>details</source>
        <translation>تفاصيل</translation>
    </message>
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
        <translation>الكنية</translation>
    </message>
    <message>
        <source>mother&apos;s name</source>
        <translation>اسم الأم</translation>
    </message>
    <message>
        <source>%1: repeated columns (%2)</source>
        <translation>%1: أعمدة متكررة (%2)</translation>
    </message>
    <message>
        <source>%1: one row each, the rows of a case sharing %2</source>
        <translation>%1: صف لكل منهم، وتشترك صفوف الحالة الواحدة في %2</translation>
    </message>
    <message>
        <source>%1: sheet or file %2, joined on %3</source>
        <translation>%1: الورقة أو الملف %2، مربوطة عبر %3</translation>
    </message>
    <message>
        <source>%1: several values in column %2</source>
        <translation>%1: عدة قيم في العمود %2</translation>
    </message>
    <message>
        <source>No repeated groups (victims, perpetrators, sources) were found; they can be added in the mapping file.</source>
        <translation>لم يُعثر على مجموعات متكررة (ضحايا، جناة، مصادر)؛ يمكن إضافتها في ملف المطابقة.</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>حفظ المطابقة</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>الورقة</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>الصف</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <source>Values that no code, label or variant matched: choose what each means, once.</source>
        <translation>قيم لم يطابقها أي رمز أو تسمية أو صيغة أخرى: اختر معنى كل منها مرة واحدة.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>الصفوف</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>تعني</translation>
    </message>
    <message>
        <source>Back to the mapping</source>
        <translation>العودة إلى المطابقة</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>افحص مجدداً</translation>
    </message>
    <message>
        <source>Import the cases that passed</source>
        <translation>استورد الحالات التي اجتازت الفحص</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>فحص كل الصفوف…</translation>
    </message>
    <message>
        <source>%1 cases read: %2 pass, %3 refused. %4 problems.</source>
        <translation>قُرئت %1 حالة: اجتازت %2، ورُفضت %3. المشكلات: %4.</translation>
    </message>
    <message>
        <source>— not settled —</source>
        <translation>— لم تُحدَّد —</translation>
    </message>
    <message>
        <source>— leave empty —</source>
        <translation>— اتركها فارغة —</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Import another file</source>
        <translation>استورد ملفاً آخر</translation>
    </message>
    <message>
        <source>Checking again, then importing…</source>
        <translation>فحص مجدد ثم استيراد…</translation>
    </message>
    <message>
        <source>Imported %1 cases; %2 refused (see the dry run&apos;s report).</source>
        <translation>استُوردت %1 حالة؛ ورُفضت %2 (انظر تقرير الفحص التجريبي).</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>أُلغي: لم يُستورد شيء.</translation>
    </message>
</context>
</TS>
