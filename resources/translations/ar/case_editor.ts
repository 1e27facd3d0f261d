<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Unsaved changes from last time were restored.</source>
        <translation>استُعيدت التغييرات غير المحفوظة من المرة السابقة.</translation>
    </message>
    <message>
        <source>Back to cases</source>
        <translation>العودة إلى الحالات</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>احفظ الآن</translation>
    </message>
    <message>
        <source>Seal this version</source>
        <translation>اختم هذه النسخة</translation>
    </message>
    <message>
        <source>Freeze this version: it can never change again; a later edit makes a new version.</source>
        <translation>جمّد هذه النسخة: لن تتغير أبداً؛ أي تعديل لاحق ينشئ نسخة جديدة.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>النسخ</translation>
    </message>
    <message>
        <source>Open this version (read-only)</source>
        <translation>افتح هذه النسخة (للقراءة فقط)</translation>
    </message>
    <message>
        <source>Save now (Ctrl+S)</source>
        <translation>احفظ الآن (Ctrl+S)</translation>
    </message>
    <message>
        <source>Back to cases (Esc)</source>
        <translation>العودة إلى الحالات (Esc)</translation>
    </message>
    <message numerus="yes">
        <source>Signature check FAILED: %Ln of the %1 versions are not what their documenter signed (`tawthiq verify-vault` names them).</source>
        <translation>
            <numerusform>فشل التحقق من التوقيع: %Ln من %1 نسخة ليست كما وقّعها موثِّقها (يسمّيها الأمر `tawthiq verify-vault`).</numerusform>
            <numerusform>فشل التحقق من التوقيع: نسخة واحدة من %1 ليست كما وقّعها موثِّقها (يسمّيها الأمر `tawthiq verify-vault`).</numerusform>
            <numerusform>فشل التحقق من التوقيع: نسختان من %1 ليستا كما وقّعهما موثِّقهما (يسمّيهما الأمر `tawthiq verify-vault`).</numerusform>
            <numerusform>فشل التحقق من التوقيع: %Ln نسخ من %1 ليست كما وقّعها موثِّقها (يسمّيها الأمر `tawthiq verify-vault`).</numerusform>
            <numerusform>فشل التحقق من التوقيع: %Ln نسخة من %1 ليست كما وقّعها موثِّقها (يسمّيها الأمر `tawthiq verify-vault`).</numerusform>
            <numerusform>فشل التحقق من التوقيع: %Ln نسخة من %1 ليست كما وقّعها موثِّقها (يسمّيها الأمر `tawthiq verify-vault`).</numerusform>
        </translation>
    </message>
    <message>
        <source>Signature checked: every version is what its documenter signed.</source>
        <translation>تم التحقق من التوقيع: كل نسخة هي كما وقّعها موثِّقها.</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>جارٍ التحرير…</translation>
    </message>
    <message>
        <source>Draft kept in the vault; fill in the marked fields to save the case.</source>
        <translation>حُفظت المسودة في الخزنة؛ املأ الحقول المعلَّمة لحفظ الحالة.</translation>
    </message>
    <message>
        <source>Saved (version %1)</source>
        <translation>حُفظت (النسخة %1)</translation>
    </message>
    <message>
        <source>The case cannot be sealed until it is saved.</source>
        <translation>لا يمكن ختم الحالة قبل حفظها.</translation>
    </message>
    <message>
        <source>Not sealed.</source>
        <translation>لم تُختم.</translation>
    </message>
    <message>
        <source>Version %1 sealed</source>
        <translation>خُتمت النسخة %1</translation>
    </message>
    <message>
        <source>Seal this version?</source>
        <translation>أتختم هذه النسخة؟</translation>
    </message>
    <message>
        <source>Sealing freezes this version of the case: it can never be changed again. A later edit makes a new version, and the sealed one stays as it is, as evidence of what was recorded on this date. Seal it now?</source>
        <translation>الختم يجمّد هذه النسخة من الحالة: لا يمكن تغييرها بعد ذلك أبدًا. أي تعديل لاحق ينشئ نسخة جديدة، وتبقى النسخة المختومة كما هي دليلًا على ما سُجّل في هذا التاريخ. أتختمها الآن؟</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>اختم</translation>
    </message>
    <message>
        <source>Add the note or cancel it first.</source>
        <translation>أضف الملاحظة أو ألغِها أولاً.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Received from %1: read-only here. Only its documenter changes it; a change arrives as a new version in their next bundle. Your own notes go beside it: Annotate.</source>
        <translation>وردت من %1: للقراءة فقط هنا. لا يغيّرها إلا موثِّقها؛ ويصل أي تغيير نسخةً جديدة في حزمته التالية. ملاحظاتك أنت توضع بجانبها: «إضافة ملاحظة».</translation>
    </message>
    <message>
        <source>Your notes on this case</source>
        <translation>ملاحظاتك على هذه الحالة</translation>
    </message>
    <message>
        <source>Kept as your own record beside the documenter&apos;s signed version, which they never change. Notes are added, never edited.</source>
        <translation>تُحفظ سجلاً خاصاً بك بجانب النسخة التي وقّعها الموثِّق، ولا تغيّرها أبداً. الملاحظات تُضاف ولا تُعدَّل.</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>إضافة ملاحظة</translation>
    </message>
    <message>
        <source>Add the note</source>
        <translation>أضف الملاحظة</translation>
    </message>
    <message>
        <source>%1 · %2 · on version %3
%4</source>
        <translation>%1 · %2 · على النسخة %3
%4</translation>
    </message>
    <message>
        <source>Note added. The documenter&apos;s version is unchanged.</source>
        <translation>أُضيفت الملاحظة. نسخة الموثِّق لم تتغيّر.</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>مختومة</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>النسخة %1 · %2 · %3</translation>
    </message>
</context>
</TS>
