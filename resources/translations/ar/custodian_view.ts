<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Name (Arabic)</source>
        <translation>الاسم (بالعربية)</translation>
    </message>
    <message>
        <source>Name (Latin)</source>
        <translation>الاسم (بالحروف اللاتينية)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Other contact</source>
        <translation>وسيلة تواصل أخرى</translation>
    </message>
    <message>
        <source>Name and phone agree</source>
        <translation>الاسم والهاتف متطابقان</translation>
    </message>
    <message>
        <source>Full name agrees</source>
        <translation>الاسم الكامل متطابق</translation>
    </message>
    <message>
        <source>Phone agrees</source>
        <translation>الهاتف متطابق</translation>
    </message>
    <message>
        <source>Only the identity custodian works here. Witness identities are sealed to the custodian&apos;s key: open the key file with its own passphrase to reveal one identity (a reason is required, and every reveal is in the audit log) or to find witnesses recorded more than once. The key stays in memory only until you close it or the vault locks.</source>
        <translation>لا يعمل هنا إلا أمين الهويات. هويات الشهود مختومة لمفتاح أمين الهويات: افتح ملف المفتاح بعبارة مروره الخاصة لكشف هوية واحدة (يلزم ذكر سبب، وكل كشف يُسجَّل في سجل التدقيق) أو للعثور على شهود سُجّلوا أكثر من مرة. يبقى المفتاح في الذاكرة فقط حتى تغلقه أو تُقفَل الخزنة.</translation>
    </message>
    <message>
        <source>Custodian key</source>
        <translation>مفتاح أمين الهويات</translation>
    </message>
    <message>
        <source>The custodian key file</source>
        <translation>ملف مفتاح أمين الهويات</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Open the key</source>
        <translation>افتح المفتاح</translation>
    </message>
    <message>
        <source>Close the key</source>
        <translation>أغلق المفتاح</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>ملف المفتاح</translation>
    </message>
    <message>
        <source>Custodian passphrase</source>
        <translation>عبارة مرور أمين الهويات</translation>
    </message>
    <message>
        <source>Make a new custodian key file</source>
        <translation>إنشاء ملف مفتاح جديد لأمين الهويات</translation>
    </message>
    <message>
        <source>Who holds it, as the audit log will name them</source>
        <translation>من يحمله، بالاسم الذي سيذكره سجل التدقيق</translation>
    </message>
    <message>
        <source>Make the key file…</source>
        <translation>أنشئ ملف المفتاح…</translation>
    </message>
    <message>
        <source>The key&apos;s public recipient appears here</source>
        <translation>يظهر هنا المستلم العام للمفتاح</translation>
    </message>
    <message>
        <source>Without this file and its passphrase no sealed identity can ever be read: keep it with the custodian, apart from this vault, with a copy in a safe place. Its public recipient goes into the organisation profile.</source>
        <translation>من دون هذا الملف وعبارة مروره لا يمكن قراءة أي هوية مختومة أبداً: احفظه مع أمين الهويات، بعيداً عن هذه الخزنة، مع نسخة في مكان آمن. مستلمه العام يوضع في ملف تعريف المنظمة.</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>يحمله</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>أعد كتابتها</translation>
    </message>
    <message>
        <source>Public recipient</source>
        <translation>المستلم العام</translation>
    </message>
    <message>
        <source>Reveal a witness&apos;s identity</source>
        <translation>كشف هوية شاهد</translation>
    </message>
    <message>
        <source>A pseudonym, such as W-7KQ3-M9XD</source>
        <translation>اسم رمزي، مثل W-7KQ3-M9XD</translation>
    </message>
    <message>
        <source>Why it must be read now (kept in the audit log)</source>
        <translation>لماذا يجب قراءتها الآن (يُحفظ في سجل التدقيق)</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>اكشف</translation>
    </message>
    <message>
        <source>Hide the identity</source>
        <translation>أخفِ الهوية</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>الهوية</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>الاسم الرمزي</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>لماذا</translation>
    </message>
    <message>
        <source>Witnesses recorded more than once</source>
        <translation>شهود سُجّلوا أكثر من مرة</translation>
    </message>
    <message>
        <source>Opens every sealed identity in memory, compares them (names in both scripts, phone numbers) and keeps only which pseudonyms are one person. Analysts see the links, never the names.</source>
        <translation>يفتح كل هوية مختومة في الذاكرة ويقارن بينها (الأسماء بالخطّين وأرقام الهواتف) ولا يحفظ إلا أيّ الأسماء الرمزية تعود إلى شخص واحد. يرى المحلّلون الروابط ولا يرون الأسماء أبداً.</translation>
    </message>
    <message>
        <source>Find witnesses recorded more than once</source>
        <translation>ابحث عن شهود سُجّلوا أكثر من مرة</translation>
    </message>
    <message>
        <source>Same person as</source>
        <translation>الشخص نفسه مثل</translation>
    </message>
    <message>
        <source>Because</source>
        <translation>لأن</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>الدرجة</translation>
    </message>
    <message>
        <source>Linked on</source>
        <translation>رُبط في</translation>
    </message>
    <message>
        <source>Why the selected link is wrong (kept in the audit log)</source>
        <translation>لماذا الربط المحدد خاطئ (يُحفظ في سجل التدقيق)</translation>
    </message>
    <message>
        <source>Reject the selected link</source>
        <translation>ارفض الربط المحدد</translation>
    </message>
    <message>
        <source>Reveal history</source>
        <translation>سجل الكشف</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Choose the custodian key file first.</source>
        <translation>اختر ملف مفتاح أمين الهويات أولاً.</translation>
    </message>
    <message>
        <source>Opening the custodian key…</source>
        <translation>جارٍ فتح مفتاح أمين الهويات…</translation>
    </message>
    <message>
        <source>Custodian key open: %1. Close it when you are done.</source>
        <translation>مفتاح أمين الهويات مفتوح: %1. أغلقه عندما تنتهي.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(بلا اسم)</translation>
    </message>
    <message>
        <source>Open: %1 (fingerprint %2)</source>
        <translation>مفتوح: %1 (البصمة %2)</translation>
    </message>
    <message>
        <source>No custodian key is open.</source>
        <translation>لا يوجد مفتاح أمين هويات مفتوح.</translation>
    </message>
    <message>
        <source>Where to write the new custodian key file</source>
        <translation>أين يُكتب ملف مفتاح أمين الهويات الجديد</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور مختلفتان.</translation>
    </message>
    <message>
        <source>Making the custodian key file…</source>
        <translation>جارٍ إنشاء ملف مفتاح أمين الهويات…</translation>
    </message>
    <message>
        <source>Custodian key file written. Put its public recipient in the organisation profile, and keep the file and its passphrase safe.</source>
        <translation>كُتب ملف مفتاح أمين الهويات. ضع مستلمه العام في ملف تعريف المنظمة، واحفظ الملف وعبارة مروره في أمان.</translation>
    </message>
    <message>
        <source>Opening the identity…</source>
        <translation>جارٍ فتح الهوية…</translation>
    </message>
    <message>
        <source>Identity of %1</source>
        <translation>هوية %1</translation>
    </message>
    <message>
        <source>Identity revealed; the reveal is in the audit log. Hide it when you are done.</source>
        <translation>كُشفت الهوية؛ والكشف مسجّل في سجل التدقيق. أخفِها عندما تنتهي.</translation>
    </message>
    <message>
        <source>Comparing every sealed identity in memory…</source>
        <translation>جارٍ مقارنة كل هوية مختومة في الذاكرة…</translation>
    </message>
    <message>
        <source>Opened %1 identities in memory (%2 not sealed to this key); %3 new links.</source>
        <translation>فُتحت %1 هوية في الذاكرة (%2 غير مختومة لهذا المفتاح)؛ %3 روابط جديدة.</translation>
    </message>
    <message>
        <source>Select the link to reject first.</source>
        <translation>حدّد الربط المراد رفضه أولاً.</translation>
    </message>
    <message>
        <source>Rejecting the link…</source>
        <translation>جارٍ رفض الربط…</translation>
    </message>
    <message>
        <source>Link rejected; a later search will not make it again.</source>
        <translation>رُفض الربط؛ ولن يعيده أي بحث لاحق.</translation>
    </message>
</context>
</TS>
