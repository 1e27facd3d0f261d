<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>organisation profile</source>
        <translation>تعريف المنظمة</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>الهوية</translation>
    </message>
    <message>
        <source>acknowledgement</source>
        <translation>الإقرار</translation>
    </message>
    <message>
        <source>case</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>witness</source>
        <translation>الشاهد</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>key file</source>
        <translation>ملف المفاتيح</translation>
    </message>
    <message>
        <source>custodian key file</source>
        <translation>ملف مفتاح أمين الهويات</translation>
    </message>
    <message>
        <source>database</source>
        <translation>قاعدة البيانات</translation>
    </message>
    <message>
        <source>database journal</source>
        <translation>سجل قاعدة البيانات</translation>
    </message>
    <message>
        <source>attachments folder</source>
        <translation>مجلد المرفقات</translation>
    </message>
    <message>
        <source>Acknowledgements are written on a coordinator&apos;s vault</source>
        <translation>تُكتب الإقرارات في خزنة المنسّق.</translation>
    </message>
    <message>
        <source>Choose the documenter the acknowledgement is for.</source>
        <translation>حدّد الموثّق الذي يُكتب له الإقرار.</translation>
    </message>
    <message>
        <source>No bundle has been imported from that documenter</source>
        <translation>لم تُستورد أي حزمة من هذا الموثّق.</translation>
    </message>
    <message>
        <source>Import the organisation profile before an acknowledgement</source>
        <translation>استورد ملف تعريف المنظمة قبل الإقرار.</translation>
    </message>
    <message>
        <source>The acknowledgement is for another documenter: nothing was marked</source>
        <translation>الإقرار لموثّق آخر: لم يُعلَّم شيء.</translation>
    </message>
    <message>
        <source>The acknowledgement is malformed</source>
        <translation>الإقرار مشوّه.</translation>
    </message>
    <message>
        <source>Only a documenter&apos;s vault purges delivered cases</source>
        <translation>خزنة الموثّق وحدها تحذف الحالات المسلَّمة.</translation>
    </message>
    <message>
        <source>Invalid attachment reference</source>
        <translation>مرجع مرفق غير صالح.</translation>
    </message>
    <message>
        <source>An attachment file is missing from the vault</source>
        <translation>ملف مرفق مفقود من الخزنة.</translation>
    </message>
    <message>
        <source>An attachment file is damaged and cannot be decrypted</source>
        <translation>ملف مرفق تالف ولا يمكن فك تشفيره.</translation>
    </message>
    <message>
        <source>An attachment does not match its recorded hash</source>
        <translation>مرفق لا يطابق بصمته المسجّلة.</translation>
    </message>
    <message>
        <source>The attachment is too large to open in memory</source>
        <translation>المرفق أكبر من أن يُفتح في الذاكرة.</translation>
    </message>
    <message>
        <source>The audit log is broken at entry {entry}</source>
        <translation>سجل التدقيق مكسور عند المدخل {entry}.</translation>
    </message>
    <message>
        <source>The bundle has data after the end of its archive</source>
        <translation>في الحزمة بيانات بعد نهاية أرشيفها.</translation>
    </message>
    <message>
        <source>The bundle&apos;s archive is truncated</source>
        <translation>أرشيف الحزمة مبتور.</translation>
    </message>
    <message>
        <source>The bundle&apos;s archive is malformed</source>
        <translation>أرشيف الحزمة مشوّه.</translation>
    </message>
    <message>
        <source>The bundle&apos;s archive uses tar extensions this program does not accept</source>
        <translation>يستخدم أرشيف الحزمة امتدادات tar لا يقبلها هذا البرنامج.</translation>
    </message>
    <message>
        <source>The bundle contains something other than a regular file (link, folder or device)</source>
        <translation>تحتوي الحزمة على شيء غير الملفات العادية (رابط أو مجلد أو جهاز).</translation>
    </message>
    <message>
        <source>The bundle contains the same file twice</source>
        <translation>تحتوي الحزمة على الملف نفسه مرتين.</translation>
    </message>
    <message>
        <source>{member} is larger than allowed</source>
        <translation>الملف {member} أكبر من المسموح.</translation>
    </message>
    <message>
        <source>{member} is truncated</source>
        <translation>الملف {member} مبتور.</translation>
    </message>
    <message>
        <source>The bundle does not start with {head}</source>
        <translation>لا تبدأ الحزمة بـ {head}.</translation>
    </message>
    <message>
        <source>The bundle is signed by key {key_id}, which this vault does not trust</source>
        <translation>الحزمة موقّعة بالمفتاح {key_id}، وهذه الخزنة لا تثق به.</translation>
    </message>
    <message>
        <source>Manifest.json does not match its hash in SHA256SUMS</source>
        <translation>الملف manifest.json لا يطابق بصمته في SHA256SUMS.</translation>
    </message>
    <message>
        <source>Manifest.json is not valid JSON</source>
        <translation>الملف manifest.json ليس JSON صالحاً.</translation>
    </message>
    <message>
        <source>The manifest names a sender key other than the trusted key that signed it</source>
        <translation>يسمّي البيان مفتاح مرسل غير المفتاح الموثوق الذي وقّعه.</translation>
    </message>
    <message>
        <source>The bundle contains a file that SHA256SUMS does not list</source>
        <translation>تحتوي الحزمة على ملف لا يذكره SHA256SUMS.</translation>
    </message>
    <message>
        <source>The bundle&apos;s records are larger than allowed</source>
        <translation>سجلات الحزمة أكبر من المسموح.</translation>
    </message>
    <message>
        <source>{member} does not match its hash in SHA256SUMS</source>
        <translation>الملف {member} لا يطابق بصمته في SHA256SUMS.</translation>
    </message>
    <message>
        <source>{member} has a size other than the manifest says</source>
        <translation>حجم الملف {member} غير ما يذكره البيان.</translation>
    </message>
    <message>
        <source>The bundle lacks {count} file(s) that SHA256SUMS lists</source>
        <translation>تنقص الحزمةَ ملفات يذكرها SHA256SUMS (عددها {count}).</translation>
    </message>
    <message>
        <source>The bundle lists too many files (more than {limit})</source>
        <translation>تذكر الحزمة ملفات كثيرة جداً (أكثر من {limit}).</translation>
    </message>
    <message>
        <source>SHA256SUMS is not ASCII text</source>
        <translation>الملف SHA256SUMS ليس نصاً بترميز ASCII.</translation>
    </message>
    <message>
        <source>SHA256SUMS does not end with a newline</source>
        <translation>لا ينتهي الملف SHA256SUMS بسطر جديد.</translation>
    </message>
    <message>
        <source>SHA256SUMS line {line} is malformed</source>
        <translation>السطر {line} في SHA256SUMS مشوّه.</translation>
    </message>
    <message>
        <source>SHA256SUMS lists {member} twice</source>
        <translation>يذكر SHA256SUMS الملف {member} مرتين.</translation>
    </message>
    <message>
        <source>SHA256SUMS lists a name outside the bundle layout ({member})</source>
        <translation>يذكر SHA256SUMS اسماً خارج بنية الحزمة ({member}).</translation>
    </message>
    <message>
        <source>SHA256SUMS does not list manifest.json</source>
        <translation>لا يذكر SHA256SUMS الملف manifest.json.</translation>
    </message>
    <message>
        <source>The bundle lists too many records (more than {limit})</source>
        <translation>تذكر الحزمة سجلات كثيرة جداً (أكثر من {limit}).</translation>
    </message>
    <message>
        <source>The bundle lists too many attachments (more than {limit})</source>
        <translation>تذكر الحزمة مرفقات كثيرة جداً (أكثر من {limit}).</translation>
    </message>
    <message>
        <source>Manifest: {field} must be a whole number ≥ {low}</source>
        <translation>البيان: يجب أن يكون {field} عدداً صحيحاً لا يقل عن {low}.</translation>
    </message>
    <message>
        <source>Manifest: not a JSON object</source>
        <translation>البيان: ليس كائن JSON.</translation>
    </message>
    <message>
        <source>Manifest: not a tawthiq bundle of a version this program reads</source>
        <translation>البيان: ليست حزمة توثيق بإصدار يقرؤه هذا البرنامج.</translation>
    </message>
    <message>
        <source>Manifest: {field} missing</source>
        <translation>البيان: {field} مفقود.</translation>
    </message>
    <message>
        <source>Manifest: {field} malformed</source>
        <translation>البيان: {field} مشوّه.</translation>
    </message>
    <message>
        <source>Manifest: a record entry is malformed</source>
        <translation>البيان: أحد مدخلات السجلات مشوّه.</translation>
    </message>
    <message>
        <source>Manifest: a record entry names a path that does not match its id</source>
        <translation>البيان: أحد مدخلات السجلات يسمّي مساراً لا يطابق معرّفه.</translation>
    </message>
    <message>
        <source>Manifest: a record is listed twice</source>
        <translation>البيان: سجل مذكور مرتين.</translation>
    </message>
    <message>
        <source>Manifest: an attachment entry is malformed</source>
        <translation>البيان: أحد مدخلات المرفقات مشوّه.</translation>
    </message>
    <message>
        <source>Manifest: an attachment path does not match its hash</source>
        <translation>البيان: مسار مرفق لا يطابق بصمته.</translation>
    </message>
    <message>
        <source>Manifest: an attachment is too large or listed twice</source>
        <translation>البيان: مرفق كبير جداً أو مذكور مرتين.</translation>
    </message>
    <message>
        <source>The manifest lists {count} file(s) that SHA256SUMS does not</source>
        <translation>يذكر البيان ملفات لا يذكرها SHA256SUMS (عددها {count}).</translation>
    </message>
    <message>
        <source>SHA256SUMS lists {count} file(s) that the manifest does not</source>
        <translation>يذكر SHA256SUMS ملفات لا يذكرها البيان (عددها {count}).</translation>
    </message>
    <message>
        <source>An attachment&apos;s hash in SHA256SUMS differs from its name</source>
        <translation>بصمة مرفق في SHA256SUMS تختلف عن اسمه.</translation>
    </message>
    <message>
        <source>A coordinator recipient in the organisation profile is not an age key</source>
        <translation>أحد مستلمي المنسّق في ملف تعريف المنظمة ليس مفتاح age.</translation>
    </message>
    <message>
        <source>The bundle has no recipients</source>
        <translation>ليس للحزمة مستلمون.</translation>
    </message>
    <message>
        <source>A bundle holds at most {max_records} records and {max_attachments} attachments; this one would hold {records} and {attachments}</source>
        <translation>تحمل الحزمة {max_records} سجلاً و{max_attachments} مرفقاً على الأكثر؛ وهذه ستحمل {records} و{attachments}.</translation>
    </message>
    <message>
        <source>An attachment changed size or content while it was exported</source>
        <translation>تغيّر حجم مرفق أو محتواه أثناء تصديره.</translation>
    </message>
    <message>
        <source>The bundle could not be written (is the disk full?)</source>
        <translation>تعذّرت كتابة الحزمة (هل القرص ممتلئ؟).</translation>
    </message>
    <message>
        <source>Manifest: audit malformed</source>
        <translation>البيان: موضع سجل التدقيق (audit) مشوّه.</translation>
    </message>
    <message>
        <source>Two records share an id; the bundle was not written</source>
        <translation>سجلان يتشاركان معرّفاً واحداً؛ لم تُكتب الحزمة.</translation>
    </message>
    <message>
        <source>The output is a folder; give a file name</source>
        <translation>المخرج مجلد؛ أعطِ اسم ملف.</translation>
    </message>
    <message>
        <source>Another export finished meanwhile: export again</source>
        <translation>انتهى تصدير آخر في هذه الأثناء: صدّر مرة أخرى.</translation>
    </message>
    <message>
        <source>A witness changed while the bundle was written: export again</source>
        <translation>تغيّر شاهد أثناء كتابة الحزمة: صدّر مرة أخرى.</translation>
    </message>
    <message>
        <source>The bundle carries a kind of record this program does not know</source>
        <translation>تحمل الحزمة نوع سجل لا يعرفه هذا البرنامج.</translation>
    </message>
    <message>
        <source>A case was edited while the bundle was written: export again</source>
        <translation>عُدّلت حالة أثناء كتابة الحزمة: صدّر مرة أخرى.</translation>
    </message>
    <message>
        <source>A case record has an id that is not a UUID</source>
        <translation>سجل حالة معرّفه ليس UUID.</translation>
    </message>
    <message>
        <source>A case record carries no versions</source>
        <translation>سجل حالة لا يحمل أي إصدار.</translation>
    </message>
    <message>
        <source>A case record has a malformed attachment list</source>
        <translation>سجل حالة قائمة مرفقاته مشوّهة.</translation>
    </message>
    <message>
        <source>A case record has a malformed version</source>
        <translation>سجل حالة فيه إصدار مشوّه.</translation>
    </message>
    <message>
        <source>A case record has a bad version number</source>
        <translation>سجل حالة فيه رقم إصدار خاطئ.</translation>
    </message>
    <message>
        <source>A case record has a bad parent version</source>
        <translation>سجل حالة فيه إصدار أصل خاطئ.</translation>
    </message>
    <message>
        <source>A case record has a malformed version header</source>
        <translation>سجل حالة ترويسة إصداره مشوّهة.</translation>
    </message>
    <message>
        <source>A case record does not match its own version hash</source>
        <translation>سجل حالة لا يطابق بصمة إصداره.</translation>
    </message>
    <message>
        <source>A case record names another case id in its body</source>
        <translation>سجل حالة يذكر في متنه معرّف حالة أخرى.</translation>
    </message>
    <message>
        <source>A case record fails validation against its form ({fields})</source>
        <translation>سجل حالة لا يجتاز التحقق من نموذجه ({fields}).</translation>
    </message>
    <message>
        <source>A case record fails validation against its form</source>
        <translation>سجل حالة لا يجتاز التحقق من نموذجه.</translation>
    </message>
    <message>
        <source>A case record has a malformed attachment</source>
        <translation>سجل حالة فيه مرفق مشوّه.</translation>
    </message>
    <message>
        <source>A case record has a malformed media record for an attachment (capture metadata or perceptual hashes)</source>
        <translation>في سجل حالة سجلّ وسائط مشوّه لأحد المرفقات (بيانات الالتقاط أو البصمات الإدراكية)</translation>
    </message>
    <message>
        <source>A case record refers to an attachment the bundle does not carry</source>
        <translation>سجل حالة يشير إلى مرفق لا تحمله الحزمة.</translation>
    </message>
    <message>
        <source>The bundle carries a case id that belongs to another source: nothing was applied</source>
        <translation>تحمل الحزمة معرّف حالة يخص مصدراً آخر: لم يُطبَّق شيء.</translation>
    </message>
    <message>
        <source>The bundle carries a case version that differs from the one received earlier under the same number: nothing was applied</source>
        <translation>تحمل الحزمة إصدار حالة يختلف عن الإصدار المستلَم سابقاً بالرقم نفسه: لم يُطبَّق شيء.</translation>
    </message>
    <message>
        <source>The bundle carries an attachment id this vault already holds, or the bundle carries twice, for other content: nothing was applied</source>
        <translation>تحمل الحزمة معرّف مرفق تحتفظ به هذه الخزنة من قبل، أو تحمله الحزمة مرتين، لمحتوى آخر: لم يُطبَّق شيء.</translation>
    </message>
    <message>
        <source>Write the note first</source>
        <translation>اكتب الملاحظة أولاً.</translation>
    </message>
    <message>
        <source>A note is at most {limit} characters</source>
        <translation>لا تتجاوز الملاحظة {limit} حرفاً.</translation>
    </message>
    <message>
        <source>A note cannot hold NUL characters</source>
        <translation>لا يمكن أن تحوي الملاحظة محارف NUL.</translation>
    </message>
    <message>
        <source>Only a received case is annotated; a case recorded here is edited</source>
        <translation>تُضاف الملاحظات إلى الحالات الواردة فقط؛ أما الحالة المسجّلة هنا فتُعدَّل.</translation>
    </message>
    <message>
        <source>No case with that id</source>
        <translation>لا توجد حالة بهذا المعرّف.</translation>
    </message>
    <message>
        <source>No such version of that case</source>
        <translation>لا يوجد هذا الإصدار من الحالة.</translation>
    </message>
    <message>
        <source>The attachment is not a readable file</source>
        <translation>المرفق ليس ملفاً مقروءاً.</translation>
    </message>
    <message>
        <source>No attachment with that id</source>
        <translation>لا يوجد مرفق بهذا المعرّف.</translation>
    </message>
    <message>
        <source>Invalid case: {problem}</source>
        <translation>حالة غير صالحة: {problem}</translation>
    </message>
    <message>
        <source>Invalid case: {problem} (and {more} more)</source>
        <translation>حالة غير صالحة: {problem} (و{more} مشكلة أخرى)</translation>
    </message>
    <message>
        <source>Consent: must be a JSON object</source>
        <translation>الموافقة: يجب أن تكون كائن JSON.</translation>
    </message>
    <message>
        <source>Consent: unknown field {field}</source>
        <translation>الموافقة: حقل غير معروف {field}.</translation>
    </message>
    <message>
        <source>Consent.given: must be true or false</source>
        <translation>الموافقة (given): إما صح أو خطأ.</translation>
    </message>
    <message>
        <source>Consent.how: one of {choices}</source>
        <translation>الموافقة (how): واحدة من {choices}.</translation>
    </message>
    <message>
        <source>Consent.{field}: a date as YYYY-MM-DD</source>
        <translation>الموافقة ({field}): تاريخ بصيغة YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Consent.recorded_by: text of at most {limit} characters</source>
        <translation>الموافقة (recorded_by): نص لا يزيد على {limit} حرفاً.</translation>
    </message>
    <message>
        <source>Consent.scope: a list of {choices}</source>
        <translation>الموافقة (scope): قائمة من {choices}.</translation>
    </message>
    <message>
        <source>Consent.name_disclosure: must be true or false</source>
        <translation>الموافقة (name_disclosure): إما صح أو خطأ.</translation>
    </message>
    <message>
        <source>Unknown purpose {purpose}; one of {choices}</source>
        <translation>غرض غير معروف {purpose}؛ الأغراض: {choices}.</translation>
    </message>
    <message>
        <source>Mode: &apos;omit&apos; or &apos;redact&apos;</source>
        <translation>الطريقة: ‎&apos;omit&apos;‎ أو ‎&apos;redact&apos;‎.</translation>
    </message>
    <message>
        <source>{what} is done on a coordinator&apos;s vault</source>
        <translation>{what} يُجرى على خزنة المنسّق.</translation>
    </message>
    <message>
        <source>That file exists already: a custodian key is never overwritten</source>
        <translation>هذا الملف موجود من قبل: لا يُكتب فوق مفتاح أمين الهويات أبداً.</translation>
    </message>
    <message>
        <source>That is not a readable Tawthiq custodian key file</source>
        <translation>هذا ليس ملف مفتاح أمين هويات مقروءاً لتوثيق.</translation>
    </message>
    <message>
        <source>The custodian key file is damaged</source>
        <translation>ملف مفتاح أمين الهويات تالف.</translation>
    </message>
    <message>
        <source>The custodian key file asks for unreasonable key-derivation work</source>
        <translation>يطلب ملف مفتاح أمين الهويات عملاً غير معقول لاشتقاق المفتاح.</translation>
    </message>
    <message>
        <source>No identity was recorded for that witness</source>
        <translation>لم تُسجَّل أي هوية لهذا الشاهد.</translation>
    </message>
    <message>
        <source>Those two pseudonyms are not linked</source>
        <translation>هذان الاسمان المستعاران غير مربوطين.</translation>
    </message>
    <message>
        <source>Wrong custodian passphrase: the custodian key was not opened</source>
        <translation>عبارة مرور أمين الهويات خاطئة: لم يُفتح مفتاح أمين الهويات.</translation>
    </message>
    <message>
        <source>The vault database cannot be opened with this vault&apos;s key</source>
        <translation>تعذّر فتح قاعدة بيانات الخزنة بمفتاح هذه الخزنة.</translation>
    </message>
    <message>
        <source>This vault was written by a newer Tawthiq (schema {schema}, we know {latest})</source>
        <translation>كُتبت هذه الخزنة بإصدار أحدث من توثيق (المخطط {schema}، ونحن نعرف حتى {latest}).</translation>
    </message>
    <message>
        <source>Not a ProofMode bundle Tawthiq can read (a zip of one photo or video, its proof, signatures and public key): nothing was attached.</source>
        <translation>ليست حزمة ProofMode يستطيع توثيق قراءتها (ملف zip فيه صورة أو فيديو واحد وإثباته وتواقيعه ومفتاحه العام): لم يُرفق شيء.</translation>
    </message>
    <message>
        <source>ProofMode bundles need the media extra, which is not installed.</source>
        <translation>تحتاج حزم ProofMode إلى إضافة الوسائط، وهي غير مثبّتة.</translation>
    </message>
    <message>
        <source>The trust anchors file is not PEM certificates (at most 1 MiB).</source>
        <translation>ملف مراسي الثقة ليس شهادات PEM (بحدّ أقصى 1 ميغابايت).</translation>
    </message>
    <message>
        <source>Photos and videos go only into a CSV export (a folder).</source>
        <translation>لا تُضاف الصور ومقاطع الفيديو إلا إلى تصدير CSV (مجلّد).</translation>
    </message>
    <message>
        <source>Unknown purpose (one of {choices}).</source>
        <translation>غرض غير معروف (الأغراض: {choices}).</translation>
    </message>
    <message>
        <source>Only sensitive victim fields can be allowed: {fields}.</source>
        <translation>لا يُسمح إلا بحقول الضحايا الحساسة: {fields}.</translation>
    </message>
    <message>
        <source>Unknown format (one of {choices}).</source>
        <translation>صيغة غير معروفة (الصيغ: {choices}).</translation>
    </message>
    <message>
        <source>The folder for the export does not exist</source>
        <translation>مجلد التصدير غير موجود.</translation>
    </message>
    <message>
        <source>A CSV export needs a folder: that path is a file</source>
        <translation>يحتاج تصدير CSV إلى مجلد: هذا المسار ملف.</translation>
    </message>
    <message>
        <source>That path is a folder: name the file to write</source>
        <translation>هذا المسار مجلد: سمِّ الملف المراد كتابته.</translation>
    </message>
    <message>
        <source>The capture-history table needs the estimation part of Tawthiq, which is not installed with this copy</source>
        <translation>يحتاج جدول تواريخ الرصد إلى جزء التقدير من توثيق، وهو غير مثبت مع هذه النسخة</translation>
    </message>
    <message>
        <source>The {what} file cannot be read</source>
        <translation>تعذّرت قراءة ملف {what}.</translation>
    </message>
    <message>
        <source>The {what} file is too large</source>
        <translation>ملف {what} كبير جداً.</translation>
    </message>
    <message>
        <source>The identity file is malformed</source>
        <translation>ملف الهوية مشوّه.</translation>
    </message>
    <message>
        <source>Bundles are verified and imported on a coordinator&apos;s vault</source>
        <translation>تُتحقق الحزم وتُستورد في خزنة المنسّق.</translation>
    </message>
    <message>
        <source>FORK ALARM: documenter {documenter} sent two different bundles numbered {sequence}: nothing was applied</source>
        <translation>إنذار تشعّب: أرسل الموثّق {documenter} حزمتين مختلفتين بالرقم {sequence}: لم يُطبَّق شيء.</translation>
    </message>
    <message>
        <source>FORK ALARM: documenter {documenter} bundle {sequence} does not follow the bundle {previous} imported earlier: nothing was applied</source>
        <translation>إنذار تشعّب: حزمة الموثّق {documenter} رقم {sequence} لا تتبع الحزمة {previous} المستوردة سابقاً: لم يُطبَّق شيء.</translation>
    </message>
    <message>
        <source>FORK ALARM: bundle {next} imported earlier does not follow this bundle {sequence}: nothing was applied</source>
        <translation>إنذار تشعّب: الحزمة {next} المستوردة سابقاً لا تتبع هذه الحزمة {sequence}: لم يُطبَّق شيء.</translation>
    </message>
    <message>
        <source>{member} is not valid JSON</source>
        <translation>{member} ليس JSON صالحاً.</translation>
    </message>
    <message>
        <source>{member} does not match its manifest entry</source>
        <translation>{member} لا يطابق مدخله في البيان.</translation>
    </message>
    <message>
        <source>{path}: cannot be read</source>
        <translation>{path}: تعذّرت القراءة.</translation>
    </message>
    <message>
        <source>This bundle was applied already</source>
        <translation>طُبّقت هذه الحزمة من قبل.</translation>
    </message>
    <message>
        <source>The bundle was verified without keeping its attachments: import it again</source>
        <translation>تُحقّق من الحزمة دون الاحتفاظ بمرفقاتها: استوردها مرة أخرى.</translation>
    </message>
    <message>
        <source>The bundle was imported meanwhile: nothing was applied</source>
        <translation>استوردت الحزمة في هذه الأثناء: لم يُطبَّق شيء.</translation>
    </message>
    <message>
        <source>FORK ALARM: documenter {documenter}&apos;s audit log before bundle {sequence} is not the one bundle {previous} showed: its history was rewritten; nothing was applied</source>
        <translation>إنذار تشعّب: سجل تدقيق الموثّق {documenter} قبل الحزمة {sequence} ليس الذي أظهرته الحزمة {previous}: أُعيدت كتابة تاريخه؛ لم يُطبَّق شيء.</translation>
    </message>
    <message>
        <source>FORK ALARM: bundle {next} imported earlier shows documenter {documenter}&apos;s audit log differently from this bundle {sequence}: its history was rewritten; nothing was applied</source>
        <translation>إنذار تشعّب: الحزمة {next} المستوردة سابقاً تُظهر سجل تدقيق الموثّق {documenter} على نحو يخالف هذه الحزمة {sequence}: أُعيدت كتابة تاريخه؛ لم يُطبَّق شيء.</translation>
    </message>
    <message>
        <source>{name} is not a JSON number</source>
        <translation>{name} ليس رقماً في JSON.</translation>
    </message>
    <message>
        <source>A number has too many digits</source>
        <translation>في رقمٍ أرقام كثيرة جداً.</translation>
    </message>
    <message>
        <source>A number is too large</source>
        <translation>رقم كبير جداً.</translation>
    </message>
    <message>
        <source>A key appears twice in the same object</source>
        <translation>مفتاح مكرر في الكائن نفسه.</translation>
    </message>
    <message>
        <source>The text contains a NUL character</source>
        <translation>يحتوي النص على محرف NUL.</translation>
    </message>
    <message>
        <source>The text contains an invalid Unicode escape (a lone surrogate)</source>
        <translation>يحتوي النص على ترميز يونيكود غير صالح (بديل منفرد).</translation>
    </message>
    <message>
        <source>Nested more than {limit} levels deep</source>
        <translation>تداخل أعمق من {limit} مستوى.</translation>
    </message>
    <message>
        <source>The {what} file is not UTF-8 text</source>
        <translation>ملف {what} ليس نصاً بترميز UTF-8.</translation>
    </message>
    <message>
        <source>The {what} file is refused: {reason}</source>
        <translation>ملف {what} مرفوض: {reason}</translation>
    </message>
    <message>
        <source>The {what} file is nested too deeply</source>
        <translation>ملف {what} متداخل بعمق كبير جداً.</translation>
    </message>
    <message>
        <source>The {what} file is not valid JSON (line {line}, column {column})</source>
        <translation>ملف {what} ليس JSON صالحاً (السطر {line}، العمود {column}).</translation>
    </message>
    <message>
        <source>The {what} file is not valid JSON</source>
        <translation>ملف {what} ليس JSON صالحاً.</translation>
    </message>
    <message>
        <source>This is not a Tawthiq backup file</source>
        <translation>هذا ليس ملف نسخة احتياطية من توثيق</translation>
    </message>
    <message>
        <source>Choose where to write the backup, or a backup to verify</source>
        <translation>اختر أين تُكتب النسخة الاحتياطية، أو نسخة احتياطية للتحقق منها</translation>
    </message>
    <message>
        <source>The backup file is cut short: it does not verify, and nothing was restored from it</source>
        <translation>ملف النسخة الاحتياطية مبتور: لم يجتز التحقق، ولم يُستعد منه شيء</translation>
    </message>
    <message>
        <source>The backup file is damaged or was changed: it does not verify, and nothing was restored from it</source>
        <translation>ملف النسخة الاحتياطية تالف أو مُعدَّل: لم يجتز التحقق، ولم يُستعد منه شيء</translation>
    </message>
    <message>
        <source>The backup file has data after its end: it was changed, and nothing was restored from it</source>
        <translation>في ملف النسخة الاحتياطية بيانات بعد نهايته: لقد عُدِّل، ولم يُستعد منه شيء</translation>
    </message>
    <message>
        <source>Backup format version {version} is not supported by this version of Tawthiq</source>
        <translation>إصدار صيغة النسخة الاحتياطية {version} غير مدعوم في هذا الإصدار من توثيق</translation>
    </message>
    <message>
        <source>The vault changed while it was being backed up (an attachment was removed): no backup was written. Try again.</source>
        <translation>تغيّرت الخزنة أثناء نسخها احتياطياً (حُذف مرفق): لم تُكتب أي نسخة. حاول مجدداً.</translation>
    </message>
    <message>
        <source>A backup cannot be written inside the vault folder (a wipe would destroy it with the vault): choose another place</source>
        <translation>لا تُكتب النسخة الاحتياطية داخل مجلد الخزنة (المسح يتلفها مع الخزنة): اختر مكاناً آخر</translation>
    </message>
    <message>
        <source>The backup file {file} cannot be read</source>
        <translation>تعذّرت قراءة ملف النسخة الاحتياطية {file}</translation>
    </message>
    <message>
        <source>The backup file {file} could not be written ({reason}): no backup was made</source>
        <translation>تعذّرت كتابة ملف النسخة الاحتياطية {file} ({reason}): لم تُصنع نسخة</translation>
    </message>
    <message>
        <source>The database in the backup fails its integrity check: nothing was restored</source>
        <translation>قاعدة البيانات في النسخة الاحتياطية لم تجتز فحص السلامة: لم يُستعد شيء</translation>
    </message>
    <message>
        <source>{folder} is not empty: a backup is restored only into a new or empty folder</source>
        <translation>المجلد {folder} ليس فارغاً: تُستعاد النسخة الاحتياطية في مجلد جديد أو فارغ فقط</translation>
    </message>
    <message>
        <source>A vault restored with recovery shares needs a new passphrase</source>
        <translation>الخزنة المستعادة بحصص الاسترداد تحتاج إلى عبارة مرور جديدة</translation>
    </message>
    <message>
        <source>Shares: at least 2 must be needed to recover, no more than the number made, and at most {max} made</source>
        <translation>الحصص: يلزم اثنتان على الأقل للاسترداد، ولا يزيد المطلوب على عدد الحصص، ولا تزيد الحصص على {max}</translation>
    </message>
    <message>
        <source>Share {number}: word {position} is not in the SLIP-39 word list; check its spelling</source>
        <translation>الحصة {number}: الكلمة رقم {position} ليست في قائمة كلمات SLIP-39؛ تحقّق من تهجئتها</translation>
    </message>
    <message>
        <source>Share {number} has a changed or misspelt word (its checksum does not match): check it word by word. Nothing was recovered.</source>
        <translation>في الحصة {number} كلمة مُغيَّرة أو خاطئة الإملاء (مجموعها الاختباري لا يطابق): راجعها كلمةً كلمة. لم يُسترد شيء.</translation>
    </message>
    <message>
        <source>Share {number} is not a whole SLIP-39 share (words missing or extra): nothing was recovered</source>
        <translation>الحصة {number} ليست حصة SLIP-39 كاملة (كلمات ناقصة أو زائدة): لم يُسترد شيء</translation>
    </message>
    <message>
        <source>{given} different share(s) given, {needed} needed: nothing was recovered</source>
        <translation>أُدخلت {given} حصة مختلفة، والمطلوب {needed}: لم يُسترد شيء</translation>
    </message>
    <message>
        <source>Share {number} belongs to another set of shares than share 1: nothing was recovered</source>
        <translation>الحصة {number} من مجموعة حصص غير مجموعة الحصة 1: لم يُسترد شيء</translation>
    </message>
    <message>
        <source>The shares do not combine into one secret (they are not of one set): nothing was recovered</source>
        <translation>الحصص لا تجتمع في سرّ واحد (ليست من مجموعة واحدة): لم يُسترد شيء</translation>
    </message>
    <message>
        <source>These shares do not open this key file (another set, or new shares were made since): nothing was changed</source>
        <translation>هذه الحصص لا تفتح ملف المفاتيح هذا (مجموعة أخرى، أو صُنعت حصص جديدة بعدها): لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>Only one of the passphrase and the shares can come from standard input</source>
        <translation>يمكن قراءة عبارة المرور أو الحصص من الإدخال القياسي، لا كليهما</translation>
    </message>
    <message>
        <source>The shares file cannot be read</source>
        <translation>لا يمكن قراءة ملف الحصص</translation>
    </message>
    <message>
        <source>The shares file is too long to hold recovery shares</source>
        <translation>ملف الحصص أطول من أن يحوي حصص استرداد</translation>
    </message>
    <message>
        <source>No terminal to ask for the shares</source>
        <translation>لا توجد طرفية لطلب الحصص</translation>
    </message>
    <message>
        <source>{file} exists already: shares are never written over a file</source>
        <translation>{file} موجود مسبقاً: لا تُكتب الحصص فوق ملف أبداً</translation>
    </message>
    <message>
        <source>{file} could not be written ({reason})</source>
        <translation>تعذّرت كتابة {file} ({reason})</translation>
    </message>
    <message>
        <source>No recovery shares were made for this key file: only its passphrase opens it</source>
        <translation>لم تُصنع حصص استرداد لملف المفاتيح هذا: لا تفتحه إلا عبارة مروره</translation>
    </message>
    <message>
        <source>The new custodian key file is not a successor of this key (another link key, or the same key): nothing was resealed</source>
        <translation>ملف مفتاح أمين الهويات الجديد ليس خلفاً لهذا المفتاح (مفتاح ربط آخر، أو المفتاح نفسه): لم يُعَد ختم شيء</translation>
    </message>
    <message>
        <source>This vault has made no key handover</source>
        <translation>لم تصنع هذه الخزنة أي تسليم للمفاتيح</translation>
    </message>
    <message>
        <source>The handover file is malformed or does not name the coordinator key imported before</source>
        <translation>ملف التسليم مشوّه أو لا يسمّي مفتاح المنسّق المستورد سابقاً</translation>
    </message>
    <message>
        <source>Refused: the handover names coordinator key {new_key_id}, but the profile is signed by {profile_key_id} (or lists other recipients): nothing was imported</source>
        <translation>مرفوض: يسمّي التسليم مفتاح المنسّق {new_key_id}، لكن ملف التعريف موقّع بالمفتاح {profile_key_id} (أو يذكر مستلمين آخرين): لم يُستورد شيء</translation>
    </message>
    <message>
        <source>The profile is signed by the coordinator key imported before: no handover is needed</source>
        <translation>ملف التعريف موقّع بمفتاح المنسّق المستورد سابقاً: لا حاجة إلى تسليم</translation>
    </message>
    <message>
        <source>Key file version {version} is not supported</source>
        <translation>إصدار ملف المفاتيح {version} غير مدعوم.</translation>
    </message>
    <message>
        <source>The key file is damaged or not a Tawthiq key file</source>
        <translation>ملف المفاتيح تالف أو ليس ملف مفاتيح لتوثيق.</translation>
    </message>
    <message>
        <source>The key file asks for unreasonable key-derivation work</source>
        <translation>يطلب ملف المفاتيح عملاً غير معقول لاشتقاق المفتاح.</translation>
    </message>
    <message>
        <source>A fingerprint is {groups} groups of {digits} digits.</source>
        <translation>البصمة {groups} مجموعات من {digits} أرقام.</translation>
    </message>
    <message>
        <source>The decision must be one of {choices}.</source>
        <translation>يجب أن يكون القرار واحداً من {choices}.</translation>
    </message>
    <message>
        <source>No candidate pair with that id (run linkage first).</source>
        <translation>لا يوجد زوج مرشَّح بهذا المعرّف (شغّل الربط أولاً).</translation>
    </message>
    <message>
        <source>That pair&apos;s records are no longer current: run linkage again.</source>
        <translation>سجلا هذا الزوج لم يعودا حاليَّين: شغّل الربط مرة أخرى.</translation>
    </message>
    <message>
        <source>No candidate pair with that id</source>
        <translation>لا يوجد زوج مرشَّح بهذا المعرّف.</translation>
    </message>
    <message>
        <source>No review decision is left to undo</source>
        <translation>لم يبقَ قرار مراجعة للتراجع عنه.</translation>
    </message>
    <message>
        <source>No victim {cluster} in the last linkage run.</source>
        <translation>لا توجد الضحية {cluster} في آخر عملية ربط.</translation>
    </message>
    <message>
        <source>{record} is not one of this victim&apos;s records.</source>
        <translation>{record} ليس من سجلات هذه الضحية.</translation>
    </message>
    <message>
        <source>{record} is this victim&apos;s only record: there is nothing to take out.</source>
        <translation>{record} هو السجل الوحيد لهذه الضحية: لا شيء لإخراجه.</translation>
    </message>
    <message>
        <source>The mapping file is malformed at {where}</source>
        <translation>ملف المطابقة غير سليم عند {where}</translation>
    </message>
    <message>
        <source>The mapping file {file} cannot be read</source>
        <translation>تعذّرت قراءة ملف المطابقة {file}</translation>
    </message>
    <message>
        <source>The mapping names a form this program does not have: {form}</source>
        <translation>يسمّي ملف المطابقة نموذجاً لا يعرفه هذا البرنامج: {form}</translation>
    </message>
    <message>
        <source>The mapping names a field the form does not have: {target}</source>
        <translation>يسمّي ملف المطابقة حقلاً ليس في النموذج: {target}</translation>
    </message>
    <message>
        <source>The mapping names a column that sheet {sheet} does not have (or has twice): {column}</source>
        <translation>يسمّي ملف المطابقة عموداً غير موجود في الورقة {sheet} (أو مكرراً فيها): {column}</translation>
    </message>
    <message>
        <source>{file} cannot be read</source>
        <translation>تعذّرت قراءة {file}</translation>
    </message>
    <message>
        <source>{file} is not a CSV, XLSX or ODS file</source>
        <translation>الملف {file} ليس ملف CSV أو XLSX أو ODS</translation>
    </message>
    <message>
        <source>{file} is larger than {limit} MiB: nothing was imported</source>
        <translation>الملف {file} أكبر من {limit} ميغابايت: لم يُستورد شيء</translation>
    </message>
    <message>
        <source>{file} holds a part larger than {limit} MiB once unpacked: nothing was imported</source>
        <translation>يحوي الملف {file} جزءاً أكبر من {limit} ميغابايت بعد فك ضغطه: لم يُستورد شيء</translation>
    </message>
    <message>
        <source>{file} unpacks to far more than it holds (a zip bomb): nothing was imported</source>
        <translation>يتضخم الملف {file} عند فك ضغطه أضعافاً كثيرة (قنبلة ضغط): لم يُستورد شيء</translation>
    </message>
    <message>
        <source>{file} is damaged or not a spreadsheet: nothing was imported</source>
        <translation>الملف {file} تالف أو ليس جدول بيانات: لم يُستورد شيء</translation>
    </message>
    <message>
        <source>{file} is password-protected: save it without a password and import again</source>
        <translation>الملف {file} محمي بكلمة سر: احفظه دون كلمة سر واستورده مجدداً</translation>
    </message>
    <message>
        <source>{file} has formula cells (the first at {cell}); their values were computed by another program and are not read: save the sheet as values and import again</source>
        <translation>في الملف {file} خلايا صيغ (أولها في {cell})؛ قيمها حسبها برنامج آخر ولا تُقرأ: احفظ الورقة كقيم واستوردها مجدداً</translation>
    </message>
    <message>
        <source>{file} has more than {limit} columns: nothing was imported</source>
        <translation>في الملف {file} أكثر من {limit} عموداً: لم يُستورد شيء</translation>
    </message>
    <message>
        <source>{file} has more than {limit} cells in one sheet: split it, or save it as CSV</source>
        <translation>في ورقة واحدة من الملف {file} أكثر من {limit} خلية: قسّمها أو احفظها بصيغة CSV</translation>
    </message>
    <message>
        <source>{file}: line {line} is longer than 4 MiB: nothing was imported</source>
        <translation>{file}: السطر {line} أطول من 4 ميغابايت: لم يُستورد شيء</translation>
    </message>
    <message>
        <source>{file}: line {line} is not UTF-8 text: save the CSV as UTF-8 and import again</source>
        <translation>{file}: السطر {line} ليس نصاً بترميز UTF-8: احفظ الملف بترميز UTF-8 واستورده مجدداً</translation>
    </message>
    <message>
        <source>{file}: line {line} holds NUL bytes, not text: nothing was imported</source>
        <translation>{file}: في السطر {line} بايتات فارغة وليس نصاً: لم يُستورد شيء</translation>
    </message>
    <message>
        <source>{file}: a cell near row {row} is too long or malformed: nothing was imported</source>
        <translation>{file}: خلية قرب الصف {row} طويلة جداً أو غير سليمة: لم يُستورد شيء</translation>
    </message>
    <message>
        <source>{file} has no header row</source>
        <translation>لا يوجد صف عناوين في {file}</translation>
    </message>
    <message>
        <source>{file} has no sheet named {sheet}</source>
        <translation>لا توجد في {file} ورقة باسم {sheet}</translation>
    </message>
    <message>
        <source>{file} changed while it was being imported: nothing was imported</source>
        <translation>تغيّر الملف {file} أثناء استيراده: لم يُستورد شيء</translation>
    </message>
    <message>
        <source>{refused} of {cases} cases were refused; {imported} imported</source>
        <translation>رُفضت {refused} من {cases} حالة؛ واستوردت {imported}</translation>
    </message>
    <message>
        <source>{field}: no code, label or variant matches this value: choose one for it</source>
        <translation>{field}: لا يطابق هذه القيمة أي رمز أو تسمية أو صيغة أخرى: اختر لها قيمة</translation>
    </message>
    <message>
        <source>{field}: a date is YYYY, YYYY-MM or YYYY-MM-DD (or a date cell)</source>
        <translation>{field}: التاريخ بصيغة YYYY أو YYYY-MM أو YYYY-MM-DD (أو خلية تاريخ)</translation>
    </message>
    <message>
        <source>{field}: not a number (or not a whole one)</source>
        <translation>{field}: ليس رقماً (أو ليس عدداً صحيحاً)</translation>
    </message>
    <message>
        <source>{field}: not yes or no</source>
        <translation>{field}: ليست نعم أو لا</translation>
    </message>
    <message>
        <source>No form of that name</source>
        <translation>لا يوجد نموذج بهذا الاسم</translation>
    </message>
    <message>
        <source>The case key is empty</source>
        <translation>مفتاح الحالة فارغ</translation>
    </message>
    <message>
        <source>This case key appeared earlier, apart from this row: a case&apos;s rows must be together</source>
        <translation>ظهر مفتاح هذه الحالة في صف سابق غير متصل بهذا الصف: يجب أن تتتالى صفوف الحالة الواحدة</translation>
    </message>
    <message>
        <source>No case has this row&apos;s key</source>
        <translation>لا توجد حالة بمفتاح هذا الصف</translation>
    </message>
    <message>
        <source>This row&apos;s case came earlier: rows of a case must follow the cases&apos; order</source>
        <translation>حالة هذا الصف وردت قبله: يجب أن تتبع صفوف كل حالة ترتيب الحالات</translation>
    </message>
    <message>
        <source>The case id is not a UUID</source>
        <translation>معرّف الحالة ليس UUID</translation>
    </message>
    <message>
        <source>The same case id appears twice</source>
        <translation>معرّف الحالة نفسه مكرر</translation>
    </message>
    <message>
        <source>A case with this id is already in the vault</source>
        <translation>في الخزنة حالة بهذا المعرّف أصلاً</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>الحقل {field}: {problem}</translation>
    </message>
    <message>
        <source>No form named {form}</source>
        <translation>لا يوجد نموذج باسم {form}</translation>
    </message>
    <message>
        <source>The Spark engine needs pyspark, which is not installed: {hint}</source>
        <translation>محرّك Spark يحتاج إلى pyspark، وهو غير مثبّت: {hint}</translation>
    </message>
    <message>
        <source>The Spark engine needs a Java runtime (17 or later).</source>
        <translation>محرّك Spark يحتاج إلى بيئة تشغيل Java (الإصدار 17 أو أحدث).</translation>
    </message>
    <message>
        <source>No vocabulary named {name}.</source>
        <translation>لا توجد مفردات باسم {name}.</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>لم يُستورد شيء: {reason}</translation>
    </message>
    <message>
        <source>The profile was not written: this vault&apos;s organisation data cannot travel ({reason}); import a corrected CSV</source>
        <translation>لم يُكتب ملف تعريف المنظمة: بيانات المنظمة في هذه الخزنة لا يمكن نقلها ({reason})؛ استورد ملف CSV مصحَّحاً.</translation>
    </message>
    <message>
        <source>The profile&apos;s organisation data is malformed ({reason}): nothing was imported</source>
        <translation>بيانات المنظمة في ملف التعريف مشوّهة ({reason}): لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The passphrase is empty: choose a long passphrase of several words</source>
        <translation>عبارة المرور فارغة: اختر عبارة مرور طويلة من عدة كلمات.</translation>
    </message>
    <message>
        <source>The passphrase is too short ({length} characters; use at least {minimum})</source>
        <translation>عبارة المرور قصيرة جداً ({length} حرفاً؛ استخدم {minimum} على الأقل).</translation>
    </message>
    <message>
        <source>The passphrase is too easy to guess: use several unrelated words</source>
        <translation>عبارة المرور سهلة التخمين: استخدم عدة كلمات لا رابط بينها.</translation>
    </message>
    <message>
        <source>The {what} is not an age recipient (age1…).</source>
        <translation>{what} ليس مستلم age (age1…).</translation>
    </message>
    <message>
        <source>The profile would be larger than {mib} MiB, more than a documenter&apos;s vault accepts: too many organisation places</source>
        <translation>سيكون ملف تعريف المنظمة أكبر من {mib} م.ب، وهو أكثر مما تقبله خزنة الموثّق: أماكن المنظمة كثيرة جداً.</translation>
    </message>
    <message>
        <source>The profile names no coordinator recipient</source>
        <translation>لا يسمّي ملف تعريف المنظمة أي مستلم منسّق.</translation>
    </message>
    <message>
        <source>The profile contains a recipient that is not an age key</source>
        <translation>يحتوي ملف تعريف المنظمة على مستلم ليس مفتاح age.</translation>
    </message>
    <message>
        <source>The profile&apos;s form list is malformed</source>
        <translation>قائمة النماذج في ملف تعريف المنظمة مشوّهة.</translation>
    </message>
    <message>
        <source>The profile&apos;s serial number is malformed</source>
        <translation>الرقم التسلسلي لملف تعريف المنظمة مشوّه.</translation>
    </message>
    <message>
        <source>The fingerprint you typed does not match this key. Compare it digit by digit with the person who read it to you; if it still differs, the file may come from an impostor. Nothing was changed.</source>
        <translation>بصمة المفتاح التي كتبتها لا تطابق هذا المفتاح. قارنها رقمًا رقمًا مع الشخص الذي قرأها لك؛ وإن بقيت مختلفة فقد يكون الملف من منتحل. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Refused: this profile is signed by coordinator key {new_key_id}, not by key {imported_key_id} that you imported before. A changed key may be an impostor: ask your coordinator in person. Nothing was imported.</source>
        <translation>مرفوض: ملف تعريف المنظمة هذا موقّع بمفتاح المنسّق {new_key_id}، لا بالمفتاح {imported_key_id} الذي استوردته من قبل. قد يعني تغيّر المفتاح وجود منتحل: اسأل منسّقك شخصيًا. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Refused: this profile (number {serial}) is older than the one you have (number {imported_serial}) and would roll back the organisation&apos;s terms, places and recipients. Nothing was imported.</source>
        <translation>مرفوض: ملف تعريف المنظمة هذا (رقم {serial}) أقدم من الذي لديك (رقم {imported_serial})، وسيعيد مصطلحات المنظمة وأماكنها ومستلميها إلى حالٍ سابقة. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>No organisation profile has been imported yet.</source>
        <translation>لم يُستورد أي ملف تعريف للمنظمة بعد.</translation>
    </message>
    <message>
        <source>Not a minisign Ed25519 public key</source>
        <translation>ليس مفتاحاً عاماً من نوع minisign Ed25519.</translation>
    </message>
    <message>
        <source>Not a minisign public key file</source>
        <translation>ليس ملف مفتاح عام لـ minisign.</translation>
    </message>
    <message>
        <source>The signature file is too large</source>
        <translation>ملف التوقيع كبير جداً.</translation>
    </message>
    <message>
        <source>The signature file is not text</source>
        <translation>ملف التوقيع ليس نصاً.</translation>
    </message>
    <message>
        <source>The signature file is not in minisign format</source>
        <translation>ملف التوقيع ليس بصيغة minisign.</translation>
    </message>
    <message>
        <source>The signature is not a minisign Ed25519 signature</source>
        <translation>التوقيع ليس توقيع minisign Ed25519.</translation>
    </message>
    <message>
        <source>The trusted comment signature is malformed</source>
        <translation>توقيع التعليق الموثوق مشوّه.</translation>
    </message>
    <message>
        <source>The {part} is not valid base64</source>
        <translation>الجزء {part} ليس base64 صالحاً.</translation>
    </message>
    <message>
        <source>Signed by key {key_id}, expected key {expected_key_id}</source>
        <translation>موقّع بالمفتاح {key_id}، والمتوقع المفتاح {expected_key_id}.</translation>
    </message>
    <message>
        <source>The signature does not verify with key {key_id}</source>
        <translation>لا يتحقق التوقيع بالمفتاح {key_id}.</translation>
    </message>
    <message>
        <source>The {kind} file is too large</source>
        <translation>ملف {kind} كبير جداً.</translation>
    </message>
    <message>
        <source>Not a tawthiq {kind} file</source>
        <translation>ليس ملف {kind} لتوثيق.</translation>
    </message>
    <message>
        <source>The {kind} file names no signing key</source>
        <translation>لا يسمّي ملف {kind} مفتاح توقيع.</translation>
    </message>
    <message>
        <source>External lists are imported on a coordinator&apos;s vault</source>
        <translation>تُستورد القوائم الخارجية في خزنة المنسق</translation>
    </message>
    <message>
        <source>A list&apos;s name is 1 to 60 letters, digits, spaces, dots, dashes or brackets</source>
        <translation>اسم القائمة من 1 إلى 60 حرفاً أو رقماً أو مسافة أو نقطة أو شرطة أو قوساً</translation>
    </message>
    <message>
        <source>A list with that name is already imported: remove it first or choose another name</source>
        <translation>قائمة بهذا الاسم مستوردة من قبل: احذفها أولاً أو اختر اسماً آخر</translation>
    </message>
    <message>
        <source>No list has that name</source>
        <translation>لا توجد قائمة بهذا الاسم</translation>
    </message>
    <message>
        <source>The list file cannot be read</source>
        <translation>تعذّرت قراءة ملف القائمة</translation>
    </message>
    <message>
        <source>The list must be a .csv or .xlsx file</source>
        <translation>يجب أن تكون القائمة ملف ‎.csv أو ‎.xlsx</translation>
    </message>
    <message>
        <source>The list file is larger than {limit:,} bytes</source>
        <translation>ملف القائمة أكبر من {limit:,} بايت</translation>
    </message>
    <message>
        <source>The list has more than {limit:,} rows</source>
        <translation>في القائمة أكثر من {limit:,} صف</translation>
    </message>
    <message>
        <source>The list has more than {limit:,} columns</source>
        <translation>في القائمة أكثر من {limit:,} عمود</translation>
    </message>
    <message>
        <source>The list has no header row</source>
        <translation>ليس في القائمة صف عناوين</translation>
    </message>
    <message>
        <source>The list has no rows under its header</source>
        <translation>ليس في القائمة صفوف تحت عناوينها</translation>
    </message>
    <message>
        <source>Column {column:,} repeats the name of an earlier column</source>
        <translation>العمود {column:,} يكرر اسم عمود سابق</translation>
    </message>
    <message>
        <source>Row {row:,}, column {column:,}: the cell is longer than {limit:,} characters</source>
        <translation>الصف {row:,}، العمود {column:,}: الخلية أطول من {limit:,} حرف</translation>
    </message>
    <message>
        <source>Line {line:,}: a cell is longer than {limit:,} characters</source>
        <translation>السطر {line:,}: خلية أطول من {limit:,} حرف</translation>
    </message>
    <message>
        <source>Row {row:,}, column {column:,}: the cell holds a control or direction-override character</source>
        <translation>الصف {row:,}، العمود {column:,}: في الخلية محرف تحكم أو محرف يقلب اتجاه الكتابة</translation>
    </message>
    <message>
        <source>The CSV file is not UTF-8 text</source>
        <translation>ملف CSV ليس نصاً بترميز UTF-8</translation>
    </message>
    <message>
        <source>The CSV file is malformed at line {line:,}</source>
        <translation>ملف CSV معطوب عند السطر {line:,}</translation>
    </message>
    <message>
        <source>The spreadsheet cannot be read (damaged, encrypted or not an .xlsx workbook)</source>
        <translation>تعذّرت قراءة جدول البيانات (تالف أو مشفّر أو ليس مصنف ‎.xlsx)</translation>
    </message>
    <message>
        <source>The spreadsheet expands to more than {limit:,} bytes</source>
        <translation>يتمدد جدول البيانات إلى أكثر من {limit:,} بايت</translation>
    </message>
    <message>
        <source>The spreadsheet has no sheet with the name the mapping gives</source>
        <translation>ليس في جدول البيانات ورقة بالاسم الذي يذكره ملف الربط</translation>
    </message>
    <message>
        <source>The mapping file cannot be read</source>
        <translation>تعذّرت قراءة ملف الربط</translation>
    </message>
    <message>
        <source>The mapping file is not a JSON object of the documented shape</source>
        <translation>ملف الربط ليس كائن JSON بالشكل الموثّق</translation>
    </message>
    <message>
        <source>The mapping has a key this version does not know (keys: {keys})</source>
        <translation>في ملف الربط مفتاح لا تعرفه هذه النسخة (المفاتيح: {keys})</translation>
    </message>
    <message>
        <source>The mapping&apos;s columns name a field this version does not know, or a column name that is not text (fields: {fields})</source>
        <translation>تذكر أعمدة ملف الربط حقلاً لا تعرفه هذه النسخة، أو اسم عمود ليس نصاً (الحقول: {fields})</translation>
    </message>
    <message>
        <source>The mapping must give the column of the name (name, name_ar or name_latin)</source>
        <translation>يجب أن يذكر ملف الربط عمود الاسم (name أو name_ar أو name_latin)</translation>
    </message>
    <message>
        <source>The mapping&apos;s date formats must be a list of date formats, each with %Y</source>
        <translation>صيغ التاريخ في ملف الربط يجب أن تكون قائمة صيغ، في كل منها %Y</translation>
    </message>
    <message>
        <source>The mapping&apos;s defaults may set only {fields}, each to a code of its vocabulary</source>
        <translation>القيم الافتراضية في ملف الربط لا تحدد إلا {fields}، كلٌّ برمز من مفرداته</translation>
    </message>
    <message>
        <source>The mapping&apos;s values for {field} must be codes of its vocabulary</source>
        <translation>قيم {field} في ملف الربط يجب أن تكون رموزاً من مفرداته</translation>
    </message>
    <message>
        <source>The mapping gives a column for {field} that the list does not have</source>
        <translation>يذكر ملف الربط عموداً لـ {field} ليس في القائمة</translation>
    </message>
    <message>
        <source>That is this vault&apos;s own key</source>
        <translation>هذا مفتاح هذه الخزنة نفسها.</translation>
    </message>
    <message>
        <source>Refused: key {key_id} was revoked on {revoked_on} and its bundles stay refused. To trust it again on purpose, select it in the list and choose Reinstate.</source>
        <translation>مرفوض: سُحبت الثقة بالمفتاح {key_id} في {revoked_on} وتبقى حزمه مرفوضة. لإعادة الثقة به عن قصد، اختره في القائمة واختر «إعادة الثقة».</translation>
    </message>
    <message>
        <source>Refused: a different key with the same key id {key_id} is already trusted. Nothing was changed.</source>
        <translation>مرفوض: مفتاح آخر بمعرّف المفتاح نفسه {key_id} موثوق به من قبل. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>No revoked documenter with that key id</source>
        <translation>لا يوجد موثّق مسحوبة الثقة به بهذا المعرّف.</translation>
    </message>
    <message>
        <source>No trusted documenter with that key id</source>
        <translation>لا يوجد موثّق موثوق به بهذا المعرّف.</translation>
    </message>
    <message>
        <source>Wrong passphrase: the vault was not opened and nothing was changed</source>
        <translation>عبارة المرور خاطئة: لم تُفتح الخزنة ولم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>A vault already exists in {folder}</source>
        <translation>توجد خزنة من قبل في {folder}.</translation>
    </message>
    <message>
        <source>No vault in {folder}.</source>
        <translation>لا توجد خزنة في {folder}.</translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation>الخزنة مقفلة.</translation>
    </message>
    <message>
        <source>No vault in {folder}: nothing was wiped</source>
        <translation>لا توجد خزنة في {folder}: لم يُمحَ شيء.</translation>
    </message>
    <message>
        <source>The keys were destroyed, but some files in {folder} could not be removed; delete the folder</source>
        <translation>أُتلفت المفاتيح، لكن تعذّر حذف بعض الملفات في {folder}؛ احذف المجلد.</translation>
    </message>
    <message>
        <source>Wrong passphrase: that was failed attempt {attempts}, the limit set for this vault, and the vault has been wiped</source>
        <translation>عبارة المرور خاطئة: كانت هذه المحاولة الفاشلة رقم {attempts}، وهو الحد المضبوط لهذه الخزنة، وقد مُحيت الخزنة.</translation>
    </message>
    <message>
        <source>The limit must be between 1 and {maximum} attempts, or off.</source>
        <translation>يجب أن يكون الحد بين ١ و{maximum} محاولة، أو متوقفاً.</translation>
    </message>
    <message>
        <source>A pseudonym looks like W-7KQ3-M9XD</source>
        <translation>الاسم المستعار يكون مثل W-7KQ3-M9XD.</translation>
    </message>
    <message>
        <source>Invalid witness: {field}: text of at most {limit} characters</source>
        <translation>بيانات شاهد غير صالحة: {field}: نص لا يزيد على {limit} حرفاً.</translation>
    </message>
    <message>
        <source>Invalid witness: risk: one of {choices}</source>
        <translation>بيانات شاهد غير صالحة: درجة الخطر واحدة من {choices}.</translation>
    </message>
    <message>
        <source>Invalid witness: identity must be a JSON object</source>
        <translation>بيانات شاهد غير صالحة: يجب أن تكون الهوية كائن JSON.</translation>
    </message>
    <message>
        <source>Invalid witness: identity has an unknown field {field}</source>
        <translation>بيانات شاهد غير صالحة: في الهوية حقل غير معروف {field}.</translation>
    </message>
    <message>
        <source>The organisation profile&apos;s custodian recipient is not an age key</source>
        <translation>مستلم أمين الهويات في ملف تعريف المنظمة ليس مفتاح age.</translation>
    </message>
    <message>
        <source>This key cannot open that witness&apos;s identity</source>
        <translation>لا يستطيع هذا المفتاح فتح هوية هذا الشاهد.</translation>
    </message>
    <message>
        <source>The sealed identity does not belong to this pseudonym</source>
        <translation>الهوية المختومة لا تخص هذا الاسم المستعار.</translation>
    </message>
    <message>
        <source>Invalid witness: a witness must be a JSON object</source>
        <translation>بيانات شاهد غير صالحة: يجب أن يكون الشاهد كائن JSON.</translation>
    </message>
    <message>
        <source>Invalid witness: unknown field {field}</source>
        <translation>بيانات شاهد غير صالحة: حقل غير معروف {field}.</translation>
    </message>
    <message>
        <source>Invalid witness: keep_local_copy must be true or false</source>
        <translation>بيانات شاهد غير صالحة: keep_local_copy إما صح أو خطأ.</translation>
    </message>
    <message>
        <source>No witness with that pseudonym</source>
        <translation>لا يوجد شاهد بهذا الاسم المستعار.</translation>
    </message>
    <message>
        <source>This witness was received from a documenter: it is changed on their vault</source>
        <translation>هذا الشاهد مستلَم من موثّق: يُعدَّل في خزنة ذلك الموثّق.</translation>
    </message>
    <message>
        <source>Invalid witness: only alias, relation, risk and follow_up can change</source>
        <translation>بيانات شاهد غير صالحة: لا يتغيّر إلا الاسم المستعار والصلة ودرجة الخطر والمتابعة.</translation>
    </message>
    <message>
        <source>This vault keeps no readable copy of that identity (sealed to the custodian)</source>
        <translation>لا تحتفظ هذه الخزنة بنسخة مقروءة من هذه الهوية (مختومة لأمين الهويات).</translation>
    </message>
    <message>
        <source>A reason is required to open an identity</source>
        <translation>يلزم ذكر سبب لفتح الهوية.</translation>
    </message>
    <message>
        <source>The reason must be at most {limit} characters</source>
        <translation>يجب ألا يزيد السبب على {limit} حرفاً.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: not a witness record</source>
        <translation>سجل شاهد في الحزمة غير صالح: ليس سجل شاهد.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: unknown field {field}</source>
        <translation>سجل شاهد في الحزمة غير صالح: حقل غير معروف {field}.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: the pseudonym is malformed</source>
        <translation>سجل شاهد في الحزمة غير صالح: الاسم المستعار مشوّه.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: revision must be a positive whole number</source>
        <translation>سجل شاهد في الحزمة غير صالح: يجب أن تكون المراجعة عدداً صحيحاً موجباً.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: {reason}</source>
        <translation>سجل شاهد في الحزمة غير صالح: {reason}</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: updated_at is missing</source>
        <translation>سجل شاهد في الحزمة غير صالح: تاريخ التحديث updated_at مفقود.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: sealed_identity must be {age, recipient}</source>
        <translation>سجل شاهد في الحزمة غير صالح: يجب أن تكون sealed_identity بالشكل {age, recipient}.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: the sealed identity is too large</source>
        <translation>سجل شاهد في الحزمة غير صالح: الهوية المختومة كبيرة جداً.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: the sealed identity is not base64</source>
        <translation>سجل شاهد في الحزمة غير صالح: الهوية المختومة ليست base64.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: the sealed identity is not an age file</source>
        <translation>سجل شاهد في الحزمة غير صالح: الهوية المختومة ليست ملف age.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: the sealed identity&apos;s recipient is malformed</source>
        <translation>سجل شاهد في الحزمة غير صالح: مستلم الهوية المختومة مشوّه.</translation>
    </message>
    <message>
        <source>A witness pseudonym in the bundle belongs to another documenter</source>
        <translation>اسم مستعار لشاهد في الحزمة يخص موثّقاً آخر.</translation>
    </message>
    <message>
        <source>Usage: {message}</source>
        <translation>طريقة الاستعمال: {message}</translation>
    </message>
    <message>
        <source>{count} delivered case(s) can be purged: confirm first.</source>
        <translation>يمكن حذف {count} من الحالات المسلَّمة: أكّد ذلك أولاً.</translation>
    </message>
    <message>
        <source>Choose the acknowledgement file to import.</source>
        <translation>اختر ملف الإقرار المراد استيراده.</translation>
    </message>
    <message>
        <source>Write an acknowledgement to a file, or import one.</source>
        <translation>اكتب إقراراً في ملف، أو استورد إقراراً.</translation>
    </message>
    <message>
        <source>The vault failed verification: {count} problem(s)</source>
        <translation>فشل التحقق من الخزنة: {count} مشكلة.</translation>
    </message>
    <message>
        <source>Manifest: sequence is above {limit}</source>
        <translation>البيان: الرقم التسلسلي أعلى من {limit}.</translation>
    </message>
    <message>
        <source>manifest.json has a key twice in one object</source>
        <translation>يحتوي manifest.json على مفتاح مكرر في كائن واحد.</translation>
    </message>
    <message>
        <source>manifest.json contains a NUL character</source>
        <translation>يحتوي manifest.json على محرف NUL.</translation>
    </message>
    <message>
        <source>manifest.json contains a lone surrogate</source>
        <translation>يحتوي manifest.json على محرف بديل منفرد (lone surrogate).</translation>
    </message>
    <message>
        <source>The bundle&apos;s archive is malformed (a member of negative size)</source>
        <translation>أرشيف الحزمة مشوّه (عضو بحجم سالب).</translation>
    </message>
    <message>
        <source>The signature&apos;s trusted comment does not name this bundle&apos;s id and sequence</source>
        <translation>التعليق الموثوق في التوقيع لا يذكر معرّف هذه الحزمة ورقمها التسلسلي.</translation>
    </message>
    <message>
        <source>The bundle was not addressed to this vault (its signed recipients leave it out)</source>
        <translation>الحزمة ليست موجهة إلى هذه الخزنة (مستلموها الموقَّعون لا يشملونها).</translation>
    </message>
    <message>
        <source>Give either a consent file or a withdrawal.</source>
        <translation>قدّم إما ملف موافقة وإما سحباً للموافقة.</translation>
    </message>
    <message>
        <source>The {what} file is larger than {mib} MiB</source>
        <translation>ملف {what} أكبر من {mib} م.ب.</translation>
    </message>
    <message>
        <source>Strata are {strata}, each at most once.</source>
        <translation>الطبقات هي {strata}، كل منها مرة واحدة على الأكثر.</translation>
    </message>
    <message>
        <source>Each list needs a name and its documenters, and each list is named once.</source>
        <translation>تحتاج كل قائمة إلى اسم وموثّقين، ويُسمّى كل منها مرة واحدة.</translation>
    </message>
    <message>
        <source>Estimation needs {minimum} to {maximum} lists; {count} chosen. Group documenters into lists, or leave some out by clearing their list name.</source>
        <translation>يحتاج التقدير من {minimum} إلى {maximum} قوائم؛ اخترت {count}. اجمع الموثّقين في قوائم، أو استبعد بعضهم بمسح اسم قائمتهم.</translation>
    </message>
    <message>
        <source>No documenter is known as {name}</source>
        <translation>لا يوجد موثّق معروف باسم {name}.</translation>
    </message>
    <message>
        <source>Estimation is not installed with this copy of Tawthiq (its estimation extra).</source>
        <translation>التقدير غير مثبّت مع هذه النسخة من توثيق (إضافة التقدير).</translation>
    </message>
    <message>
        <source>{member} was refused: {reason}</source>
        <translation>رُفض {member}: {reason}</translation>
    </message>
    <message>
        <source>The {what} asks for more key-derivation work ({kdf}) than Tawthiq ever sets (at most {memory_mib} MiB, t = {iterations}, p = {lanes}): it was not made by Tawthiq, and it was not opened</source>
        <translation>يطلب {what} عملاً لاشتقاق المفتاح ({kdf}) أكثر مما يضبطه توثيق أبداً (على الأكثر {memory_mib} م.ب، t = {iterations}، p = {lanes}): لم يصنعه توثيق، ولم يُفتح.</translation>
    </message>
    <message>
        <source>The {what}&apos;s key derivation ({kdf}) is below Tawthiq&apos;s floor ({memory_mib} MiB, t = {iterations}, p = {lanes}): its passphrase could be guessed far faster than promised, so it was not used</source>
        <translation>اشتقاق المفتاح في {what} ({kdf}) أدنى من الحد الأدنى لتوثيق ({memory_mib} م.ب، t = {iterations}، p = {lanes}): يمكن تخمين عبارة مروره أسرع بكثير مما وُعد به، فلم يُستخدم.</translation>
    </message>
    <message>
        <source>The {what} is damaged: its key-derivation parameters are impossible</source>
        <translation>{what} تالف: معاملات اشتقاق المفتاح فيه مستحيلة.</translation>
    </message>
    <message>
        <source>{path} exists already: the age identity is never written over a file; choose a new name</source>
        <translation>{path} موجود مسبقاً: لا تُكتب هوية age فوق ملف أبداً؛ اختر اسماً جديداً.</translation>
    </message>
    <message>
        <source>The age identity could not be written to {path} ({reason})</source>
        <translation>تعذّرت كتابة هوية age في {path} ({reason}).</translation>
    </message>
    <message>
        <source>Linkage runs on a coordinator vault (this vault is a documenter&apos;s)</source>
        <translation>يعمل الربط في خزنة المنسّق (هذه خزنة موثّق).</translation>
    </message>
    <message>
        <source>Only one passphrase can be read from standard input</source>
        <translation>لا يمكن قراءة أكثر من عبارة مرور واحدة من الإدخال القياسي.</translation>
    </message>
    <message>
        <source>The passphrase file cannot be read</source>
        <translation>تعذّرت قراءة ملف عبارة المرور.</translation>
    </message>
    <message>
        <source>The passphrase file is too long to be a passphrase</source>
        <translation>ملف عبارة المرور أطول من أن يكون عبارة مرور.</translation>
    </message>
    <message>
        <source>The passphrase file is not UTF-8 text</source>
        <translation>ملف عبارة المرور ليس نصاً بترميز UTF-8.</translation>
    </message>
    <message>
        <source>No terminal to ask for the passphrase</source>
        <translation>لا توجد طرفية لطلب عبارة المرور.</translation>
    </message>
    <message>
        <source>The two passphrases differ: nothing was changed</source>
        <translation>عبارتا المرور مختلفتان: لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the old one: nothing was changed</source>
        <translation>عبارة المرور الجديدة هي نفسها القديمة: لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Give a handover or confirm a new coordinator key, not both</source>
        <translation>قدّم ملف تسليم أو أكّد مفتاح منسّق جديداً، لا كليهما</translation>
    </message>
    <message>
        <source>The {what}&apos;s fingerprint must be checked</source>
        <translation>يجب التحقق من بصمة {what}.</translation>
    </message>
    <message>
        <source>Not confirmed: nothing was imported</source>
        <translation>لم يُؤكَّد: لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The PDF report needs the Qt libraries (PySide6), which cannot be loaded</source>
        <translation>يحتاج تقرير PDF إلى مكتبات Qt ‏(PySide6)، وتعذّر تحميلها.</translation>
    </message>
    <message>
        <source>Name a PDF file in an existing folder</source>
        <translation>سمِّ ملف PDF في مجلد موجود.</translation>
    </message>
    <message>
        <source>Trust a documenter&apos;s identity file, revoke a key, reinstate a key or list the trusted keys.</source>
        <translation>ثِق بملف هوية موثّق، أو اسحب الثقة بمفتاح، أو أعِدها، أو اعرض المفاتيح الموثوقة.</translation>
    </message>
    <message>
        <source>Reinstating a key needs its fingerprint.</source>
        <translation>إعادة الثقة بمفتاح تحتاج إلى بصمته.</translation>
    </message>
    <message>
        <source>The vault&apos;s {what} ({name}) cannot be read: the vault was not opened</source>
        <translation>تعذّرت قراءة {what} في الخزنة ({name}): لم تُفتح الخزنة.</translation>
    </message>
    <message>
        <source>The vault&apos;s {what} ({name}) is a symbolic link: Tawthiq opens a vault only when its parts are in the vault folder itself, where a wipe destroys them; move what the link points to into {folder}. The vault was not opened</source>
        <translation>{what} في الخزنة ({name}) رابط رمزي: لا يفتح توثيق خزنة إلا إذا كانت أجزاؤها في مجلد الخزنة نفسه، حيث يتلفها المحو؛ انقل ما يشير إليه الرابط إلى {folder}. لم تُفتح الخزنة.</translation>
    </message>
    <message>
        <source>The vault&apos;s {what} ({name}) is not a regular file: the vault was not opened</source>
        <translation>{what} في الخزنة ({name}) ليس ملفاً عادياً: لم تُفتح الخزنة.</translation>
    </message>
    <message>
        <source>The vault&apos;s {what} ({name}) is not a regular folder: the vault was not opened</source>
        <translation>{what} في الخزنة ({name}) ليس مجلداً عادياً: لم تُفتح الخزنة.</translation>
    </message>
    <message>
        <source>The limit is a number of attempts, or off.</source>
        <translation>الحد عدد من المحاولات، أو إيقاف.</translation>
    </message>
    <message>
        <source>Not wiped: the answer was not {word}</source>
        <translation>لم تُمحَ: لم يكن الجواب {word}.</translation>
    </message>
    <message>
        <source>Wrong passphrase: that was failed attempt {attempts}, the limit set for this vault, and the vault was to be wiped, but the key file could not be destroyed, so the vault is NOT wiped: {left}</source>
        <translation>عبارة المرور خاطئة: كانت هذه المحاولة الفاشلة رقم {attempts}، وهو الحد المضبوط لهذه الخزنة، وكان يجب محو الخزنة، لكن تعذّر إتلاف ملف المفاتيح، فالخزنة لم تُمحَ: {left}</translation>
    </message>
    <message>
        <source>Wrong passphrase: that was failed attempt {attempts}, the limit set for this vault, and the vault has been wiped, but not everything could be removed: {left}</source>
        <translation>عبارة المرور خاطئة: كانت هذه المحاولة الفاشلة رقم {attempts}، وهو الحد المضبوط لهذه الخزنة، وقد مُحيت الخزنة، لكن تعذّرت إزالة كل شيء: {left}</translation>
    </message>
    <message>
        <source>The key file could not be destroyed, so the vault is NOT wiped: {left}</source>
        <translation>تعذّر إتلاف ملف المفاتيح، فالخزنة لم تُمحَ: {left}</translation>
    </message>
    <message>
        <source>The keys were destroyed, but not everything could be removed: {left}; delete what is left by hand</source>
        <translation>أُتلفت المفاتيح، لكن تعذّرت إزالة كل شيء: {left}؛ احذف ما تبقّى يدوياً.</translation>
    </message>
    <message>
        <source>No custodian recipient yet: import the organisation profile first</source>
        <translation>لا يوجد مستلم أمين هويات بعد: استورد ملف تعريف المنظمة أولاً.</translation>
    </message>
    <message>
        <source>A witness record in the bundle is invalid: the identity is not sealed to this organisation&apos;s custodian</source>
        <translation>سجل شاهد في الحزمة غير صالح: الهوية ليست مختومة لأمين الهويات في هذه المنظمة.</translation>
    </message>
    <message>
        <source>{source}, line {line}</source>
        <translation>{source}، السطر {line}</translation>
    </message>
    <message>
        <source>vocabulary file</source>
        <translation>ملف المفردات</translation>
    </message>
    <message>
        <source>places file</source>
        <translation>ملف الأماكن</translation>
    </message>
    <message>
        <source>place {number}</source>
        <translation>المكان {number}</translation>
    </message>
    <message>
        <source>{name}, term {number}</source>
        <translation>{name}، المصطلح {number}</translation>
    </message>
    <message>
        <source>{where}: labels are an object of language → text</source>
        <translation>{where}: التسميات كائن من اللغة ← النص.</translation>
    </message>
    <message>
        <source>{where}: a field needs an id of lower-case letters, digits and _</source>
        <translation>{where}: يحتاج الحقل إلى معرّف من أحرف صغيرة وأرقام و_.</translation>
    </message>
    <message>
        <source>{where}: unknown field type {kind}</source>
        <translation>{where}: نوع حقل غير معروف {kind}.</translation>
    </message>
    <message>
        <source>{where}: unknown vocabulary {vocabulary}</source>
        <translation>{where}: مفردات غير معروفة {vocabulary}.</translation>
    </message>
    <message>
        <source>{where}: a condition is {&quot;field&quot;: id, &quot;in&quot;: [values]}</source>
        <translation>{where}: الشرط بالشكل {&quot;field&quot;: id, &quot;in&quot;: [values]}.</translation>
    </message>
    <message>
        <source>{where}: a group needs children</source>
        <translation>{where}: تحتاج المجموعة إلى حقول فرعية.</translation>
    </message>
    <message>
        <source>{where}: two children share an id</source>
        <translation>{where}: حقلان فرعيان يتشاركان معرّفاً واحداً.</translation>
    </message>
    <message>
        <source>{source}: a form definition is a JSON object</source>
        <translation>{source}: تعريف النموذج كائن JSON.</translation>
    </message>
    <message>
        <source>{source}: unsupported definition format {format}</source>
        <translation>{source}: صيغة تعريف غير مدعومة {format}.</translation>
    </message>
    <message>
        <source>{source}: the form id must be lower-case letters, digits and _</source>
        <translation>{source}: يجب أن يتكون معرّف النموذج من أحرف صغيرة وأرقام و_.</translation>
    </message>
    <message>
        <source>{source}: the version must be a whole number from 1</source>
        <translation>{source}: يجب أن يكون الإصدار عدداً صحيحاً يبدأ من 1.</translation>
    </message>
    <message>
        <source>{source}: a form needs sections</source>
        <translation>{source}: يحتاج النموذج إلى أقسام.</translation>
    </message>
    <message>
        <source>{source}: a section needs an id and fields</source>
        <translation>{source}: يحتاج القسم إلى معرّف وحقول.</translation>
    </message>
    <message>
        <source>{source}: field ids repeat or reuse a system key</source>
        <translation>{source}: معرّفات الحقول مكررة أو تستعمل مفتاحاً محجوزاً للنظام.</translation>
    </message>
    <message>
        <source>{source}: not readable JSON</source>
        <translation>{source}: ليس JSON مقروءاً.</translation>
    </message>
    <message>
        <source>{source}: the file name does not match the id and version inside</source>
        <translation>{source}: اسم الملف لا يطابق المعرّف والإصدار داخله.</translation>
    </message>
    <message>
        <source>The form id must be text</source>
        <translation>يجب أن يكون معرّف النموذج نصاً.</translation>
    </message>
    <message>
        <source>Unknown form {form}</source>
        <translation>نموذج غير معروف {form}.</translation>
    </message>
    <message>
        <source>Form {form} has no version {version}</source>
        <translation>لا يوجد للنموذج {form} إصدار {version}.</translation>
    </message>
    <message>
        <source>No example for form {form}</source>
        <translation>لا يوجد مثال للنموذج {form}.</translation>
    </message>
    <message>
        <source>{source}: not readable CSV (a malformed quote or a field over 128 KiB)</source>
        <translation>{source}: ليس CSV مقروءاً (علامة اقتباس مشوّهة أو حقل أكبر من 128 ك.ب).</translation>
    </message>
    <message>
        <source>{source}: the CSV needs the columns code,en,ar</source>
        <translation>{source}: يحتاج ملف CSV إلى الأعمدة code,en,ar.</translation>
    </message>
    <message>
        <source>{where}: a code is letters, digits, _ . - (at most 64)</source>
        <translation>{where}: الرمز من أحرف وأرقام و_ . - (64 على الأكثر).</translation>
    </message>
    <message>
        <source>{where}: the code {code} appears twice</source>
        <translation>{where}: الرمز {code} مكرر.</translation>
    </message>
    <message>
        <source>{where}: a term needs an English or Arabic label</source>
        <translation>{where}: يحتاج المصطلح إلى تسمية إنجليزية أو عربية.</translation>
    </message>
    <message>
        <source>{where}: a label is longer than {limit} characters</source>
        <translation>{where}: تسمية أطول من {limit} حرفاً.</translation>
    </message>
    <message>
        <source>{where}: a label contains control characters</source>
        <translation>{where}: تسمية تحتوي محارف تحكّم.</translation>
    </message>
    <message>
        <source>No vocabulary named {name}</source>
        <translation>لا توجد مفردات باسم {name}</translation>
    </message>
    <message>
        <source>A vocabulary name is text</source>
        <translation>اسم المفردات نص.</translation>
    </message>
    <message>
        <source>The vocabulary file cannot be read</source>
        <translation>تعذّرت قراءة ملف المفردات.</translation>
    </message>
    <message>
        <source>The vocabulary file is larger than 1 MiB</source>
        <translation>ملف المفردات أكبر من 1 م.ب.</translation>
    </message>
    <message>
        <source>The vocabulary file is not UTF-8 text</source>
        <translation>ملف المفردات ليس نصاً بترميز UTF-8.</translation>
    </message>
    <message>
        <source>A vocabulary name is lower-case letters, digits and _</source>
        <translation>اسم المفردات من أحرف صغيرة وأرقام و_.</translation>
    </message>
    <message>
        <source>The terms of {name} are not a list</source>
        <translation>مصطلحات {name} ليست قائمة.</translation>
    </message>
    <message>
        <source>More than {limit} terms for {name}</source>
        <translation>أكثر من {limit} مصطلحاً في {name}.</translation>
    </message>
    <message>
        <source>{where}: a term is {code, labels: {en, ar}} with text values</source>
        <translation>{where}: المصطلح بالشكل {code, labels: {en, ar}} بقيم نصية.</translation>
    </message>
    <message>
        <source>The places file cannot be read</source>
        <translation>تعذّرت قراءة ملف الأماكن.</translation>
    </message>
    <message>
        <source>The places file is larger than 16 MiB</source>
        <translation>ملف الأماكن أكبر من 16 م.ب.</translation>
    </message>
    <message>
        <source>The places file is not UTF-8 text</source>
        <translation>ملف الأماكن ليس نصاً بترميز UTF-8.</translation>
    </message>
    <message>
        <source>{where}: needs a code and a level ({levels})</source>
        <translation>{where}: يحتاج إلى رمز ومستوى ({levels}).</translation>
    </message>
    <message>
        <source>{where}: a place needs an English or Arabic name</source>
        <translation>{where}: يحتاج المكان إلى اسم إنجليزي أو عربي.</translation>
    </message>
    <message>
        <source>{where}: a parent or P-code is letters, digits, _ . - (at most 64)</source>
        <translation>{where}: رمز المكان الأعلى أو رمز P من أحرف وأرقام و_ . - (64 على الأكثر).</translation>
    </message>
    <message>
        <source>{where}: more than {limit} spelling variants</source>
        <translation>{where}: أكثر من {limit} صيغة إملائية.</translation>
    </message>
    <message>
        <source>{where}: a name is longer than {limit} characters</source>
        <translation>{where}: اسم أطول من {limit} حرفاً.</translation>
    </message>
    <message>
        <source>{where}: a name contains control characters</source>
        <translation>{where}: اسم يحتوي محارف تحكّم.</translation>
    </message>
    <message>
        <source>The places are not a list</source>
        <translation>الأماكن ليست قائمة.</translation>
    </message>
    <message>
        <source>More than {limit} places</source>
        <translation>أكثر من {limit} مكان.</translation>
    </message>
    <message>
        <source>{where}: not an object</source>
        <translation>{where}: ليس كائناً.</translation>
    </message>
    <message>
        <source>{where}: a place is {code, level, parent, names: {en, ar}, variants, pcode}</source>
        <translation>{where}: المكان بالشكل {code, level, parent, names: {en, ar}, variants, pcode}.</translation>
    </message>
    <message>
        <source>{where}: the place is its own ancestor (a loop of parents)</source>
        <translation>{where}: المكان سلف لنفسه (حلقة من الأماكن الأعلى).</translation>
    </message>
    <message>
        <source>{where}: a malformed P-code</source>
        <translation>{where}: رمز P مشوّه.</translation>
    </message>
    <message>
        <source>{where}: a name is longer than {limit} characters or contains control characters</source>
        <translation>{where}: اسم أطول من {limit} حرفاً أو يحتوي محارف تحكّم.</translation>
    </message>
    <message>
        <source>The places file is not readable CSV (a malformed quote or a field over 128 KiB)</source>
        <translation>ملف الأماكن ليس CSV مقروءاً (علامة اقتباس مشوّهة أو حقل أكبر من 128 ك.ب).</translation>
    </message>
    <message>
        <source>The places file needs the columns code,level,name_en,name_ar or OCHA&apos;s admin1Pcode…</source>
        <translation>يحتاج ملف الأماكن إلى الأعمدة code,level,name_en,name_ar أو أعمدة OCHA مثل admin1Pcode…</translation>
    </message>
    <message>
        <source>Not {vocabularies, places}</source>
        <translation>ليس {vocabularies, places}.</translation>
    </message>
    <message>
        <source>The vocabularies are not a mapping of names to terms</source>
        <translation>المفردات ليست ربطاً بين أسماء ومصطلحات.</translation>
    </message>
    <message>
        <source>Linkage needs the optional linkage extra, which is not installed with this copy of Tawthiq</source>
        <translation>يحتاج الربط إلى إضافة الربط الاختيارية، وهي غير مثبّتة مع هذه النسخة من توثيق.</translation>
    </message>
    <message>
        <source>That case was received from a documenter and belongs to the documenter: it cannot be changed here; record your own notes as a new case</source>
        <translation>هذه الحالة مستلَمة من موثّق وتخصّه: لا يمكن تعديلها هنا؛ سجّل ملاحظاتك في حالة جديدة.</translation>
    </message>
    <message>
        <source>The bundle is not encrypted to this vault (it is for another recipient)</source>
        <translation>الحزمة ليست مشفّرة لهذه الخزنة (إنها لمستلم آخر).</translation>
    </message>
    <message>
        <source>The bundle is damaged or was tampered with (decryption failed)</source>
        <translation>الحزمة تالفة أو جرى العبث بها (فشل فك التشفير).</translation>
    </message>
    <message>
        <source>The bundle cannot be decrypted ({error})</source>
        <translation>تعذّر فك تشفير الحزمة ({error}).</translation>
    </message>
</context>
</TS>
