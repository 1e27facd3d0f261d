<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>The wipe did not finish: %1</source>
        <translation>لم يكتمل المحو: %1</translation>
    </message>
    <message>
        <source>The vault was wiped: its keys were destroyed in %1 ms and the folder was removed in %2 ms. Nothing in it can be recovered.</source>
        <translation>مُحيت الخزنة: أُتلفت مفاتيحها خلال %1 ميلي ثانية وحُذف مجلدها خلال %2 ميلي ثانية. لا يمكن استعادة أي شيء منها.</translation>
    </message>
    <message>
        <source>Wipe this vault</source>
        <translation>محو هذه الخزنة</translation>
    </message>
    <message>
        <source>This destroys the vault&apos;s keys at once, then deletes the vault folder. Nobody can recover any case, attachment or witness from it afterwards, and cases not yet sent to your coordinator are lost. No passphrase is needed.</source>
        <translation>يُتلف هذا مفاتيح الخزنة فوراً ثم يحذف مجلدها. لن يستطيع أحد بعد ذلك استعادة أي حالة أو مرفق أو شاهد منها، وتضيع الحالات التي لم تُرسل بعد إلى منسّقك. لا حاجة إلى عبارة المرور.</translation>
    </message>
    <message>
        <source>To wipe, type %1 in capital letters:</source>
        <translation>للمحو، اكتب %1 بالأحرف اللاتينية الكبيرة:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Wipe now</source>
        <translation>امحُ الآن</translation>
    </message>
    <message>
        <source>Nothing was wiped: type %1 exactly.</source>
        <translation>لم يُمحَ شيء: اكتب %1 كما هي تماماً.</translation>
    </message>
</context>
</TS>
