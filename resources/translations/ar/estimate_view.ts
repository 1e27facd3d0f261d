<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>السنة</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <source>not estimable: fewer than three lists recorded anyone here</source>
        <translation>لا يمكن التقدير: أقل من ثلاث قوائم سجّلت أحدًا هنا</translation>
    </message>
    <message>
        <source>not estimable: no victim here was recorded by two lists</source>
        <translation>لا يمكن التقدير: لم تسجّل قائمتان أيّ ضحية هنا</translation>
    </message>
    <message>
        <source>not estimable: too few victims, or too few recorded by two lists</source>
        <translation>لا يمكن التقدير: الضحايا قليلون، أو قليلون من سجّلتهم قائمتان</translation>
    </message>
    <message>
        <source>not estimable: the data do not bound the total</source>
        <translation>لا يمكن التقدير: البيانات لا تحصر المجموع</translation>
    </message>
    <message>
        <source>victims linked by the last linkage run</source>
        <translation>الضحايا مربوطون بآخر عملية ربط</translation>
    </message>
    <message>
        <source>cases changed since the last linkage run; new records count as their own victims</source>
        <translation>تغيّرت حالات منذ آخر عملية ربط؛ السجلات الجديدة تُعدّ ضحايا مستقلين</translation>
    </message>
    <message>
        <source>linkage has not run: each record counts as its own victim</source>
        <translation>لم يُجرَ الربط: كل سجل يُعدّ ضحية مستقلة</translation>
    </message>
    <message>
        <source>Linkage errors bias the estimate: records of one person left apart make it too high, records of different people merged make it too low.</source>
        <translation>أخطاء الربط تحرف التقدير: سجلات الشخص الواحد التي تبقى منفصلة ترفعه، وسجلات أشخاص مختلفين تُدمج تخفضه.</translation>
    </message>
    <message>
        <source>Lists that tend to record the same victims (or to miss the same ones), and victims who differ in how likely they are to be recorded, bias the estimate; the models allow for some of this, not all.</source>
        <translation>القوائم التي تميل إلى تسجيل الضحايا أنفسهم (أو إغفالهم)، والضحايا الذين تختلف فرص تسجيلهم، تحرف التقدير؛ النماذج تراعي بعض ذلك لا كله.</translation>
    </message>
    <message>
        <source>The estimate covers victims of the kind the lists record, in the strata shown: victims no list could have recorded under the same definition are outside it.</source>
        <translation>يشمل التقدير ضحايا من النوع الذي تسجّله القوائم، في الفئات المعروضة: الضحايا الذين لم تكن أي قائمة لتسجّلهم بالتعريف نفسه خارجه.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>%1 (%2–%3)</source>
        <translation>%1 (%2–%3)</translation>
    </message>
    <message>
        <source>Every list misses people. Multiple systems estimation uses how the lists overlap to estimate how many victims no list recorded. Choose 3 to 5 lists: they must record victims independently of each other (documenters who share sources or copy each other belong in one list) and define a victim the same way. Give several documenters the same list name to make them one list.</source>
        <translation>كل قائمة تُغفل أشخاصًا. يستخدم تقدير الأنظمة المتعددة تداخل القوائم لتقدير عدد الضحايا الذين لم تسجّلهم أي قائمة. اختر من ٣ إلى ٥ قوائم: يجب أن تسجّل الضحايا باستقلال بعضها عن بعض (الموثّقون الذين يتشاركون المصادر أو ينقل بعضهم عن بعض يُجمعون في قائمة واحدة) وأن تعرّف الضحية بالطريقة نفسها. أعطِ عدة موثّقين اسم القائمة نفسه لتجعلهم قائمة واحدة.</translation>
    </message>
    <message>
        <source>Documenter</source>
        <translation>الموثّق</translation>
    </message>
    <message>
        <source>List</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Estimate separately by:</source>
        <translation>قدّر منفصلًا حسب:</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>تقدير غير الموثَّقين</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Save the capture-history table…</source>
        <translation>حفظ جدول سجلّ الرصد…</translation>
    </message>
    <message>
        <source>%1 (external list)</source>
        <translation>%1 (قائمة خارجية)</translation>
    </message>
    <message>
        <source>Estimation is not installed with this copy of Tawthiq (its estimation extra).</source>
        <translation>التقدير غير مثبّت مع هذه النسخة من توثيق (إضافة التقدير).</translation>
    </message>
    <message>
        <source>Save the capture-history table</source>
        <translation>حفظ جدول سجلّ الرصد</translation>
    </message>
    <message>
        <source>Stratum</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Documented</source>
        <translation>الموثَّق</translation>
    </message>
    <message>
        <source>Estimated (95% interval)</source>
        <translation>المقدَّر (مجال ٩٥٪)</translation>
    </message>
    <message>
        <source>Model average</source>
        <translation>متوسط النماذج</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Latent class</source>
        <translation>الفئات الكامنة</translation>
    </message>
    <message>
        <source>Documented (bar) and estimated (point and 95% interval)</source>
        <translation>الموثَّق (الشريط) والمقدَّر (النقطة ومجال ٩٥٪)</translation>
    </message>
    <message>
        <source>Read every figure with these caveats</source>
        <translation>اقرأ كل رقم مع هذه التحفظات</translation>
    </message>
    <message>
        <source>Estimated: by the log-linear model that allows for victims who differ in how likely they are to be recorded, and for lists that depend on each other. Beside it, two other methods: the average over models of dependence between the lists, and the latent-class model.</source>
        <translation>التقدير بالنموذج اللوغاريتمي الخطي الذي يراعي اختلاف فرص تسجيل الضحايا، واعتماد القوائم بعضها على بعض. وإلى جانبه طريقتان أخريان: المتوسط على نماذج الاعتماد بين القوائم، ونموذج الفئات الكامنة.</translation>
    </message>
    <message>
        <source>Estimating… (about a second per stratum)</source>
        <translation>جارٍ التقدير… (نحو ثانية لكل فئة)</translation>
    </message>
    <message>
        <source>Estimation cancelled; nothing was changed.</source>
        <translation>أُلغي التقدير؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Lists: %1. Linkage: %2.</source>
        <translation>القوائم: %1. الربط: %2.</translation>
    </message>
    <message>
        <source>Documented: %1. Estimated: %2</source>
        <translation>الموثَّق: %1. المقدَّر: %2</translation>
    </message>
    <message>
        <source>Documented: %1. Not estimable.</source>
        <translation>الموثَّق: %1. لا يمكن التقدير.</translation>
    </message>
    <message>
        <source>All victims</source>
        <translation>جميع الضحايا</translation>
    </message>
    <message>
        <source>The estimators disagree: read with care</source>
        <translation>الطرق مختلفة النتائج: اقرأ بحذر</translation>
    </message>
    <message>
        <source>Saved. The file holds no names, only which lists recorded each victim.</source>
        <translation>حُفظ. لا يحوي الملف أسماء، بل أيّ القوائم سجّلت كل ضحية فقط.</translation>
    </message>
</context>
</TS>
