<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/conflict_dialog.py" line="37"/>
        <source>Saved by someone else meanwhile</source>
        <translation>已有他人先儲存</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/conflict_dialog.py" line="38"/>
        <source>someone else</source>
        <translation>其他同仁</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/conflict_dialog.py" line="39"/>
        <source>%1 saved this record after you opened it. Nothing of yours was saved yet and nothing of theirs was overwritten. Choose for each field which value to keep.</source>
        <translation>%1 在您開啟後儲存了這筆資料。您的修改尚未存入，對方的內容也沒有被覆蓋。請逐欄選擇要保留的內容。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/conflict_dialog.py" line="45"/>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/conflict_dialog.py" line="46"/>
        <source>Yours (not saved)</source>
        <translation>您的（尚未儲存）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/conflict_dialog.py" line="47"/>
        <source>Saved by %1</source>
        <translation>%1 已儲存的</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/conflict_dialog.py" line="65"/>
        <source>Save my choices</source>
        <translation>儲存我的選擇</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/conflict_dialog.py" line="78"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/conflict_dialog.py" line="78"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/date_edit.py" line="83"/>
        <source>e.g. 2026-11-26</source>
        <translation>例如 115/11/26</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/date_edit.py" line="88"/>
        <source>Pick the date from a calendar (Alt+Down)</source>
        <translation>從月曆選日期（Alt+↓）</translation>
    </message>
</context>
<context>
    <name>IndigenousCombo</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="15"/>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="16"/>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="23"/>
        <source>Indigenous areas</source>
        <translation>原住民族地區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="16"/>
        <source>All areas</source>
        <translation>全部地區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="17"/>
        <source>Mountain indigenous</source>
        <translation>山地原住民族</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="17"/>
        <source>Plains indigenous</source>
        <translation>平地原住民族</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/indigenous_combo.py" line="18"/>
        <source>Not indigenous areas</source>
        <translation>非原住民族地區</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/places.py" line="29"/>
        <source>Choose a county…</source>
        <translation>請選擇縣市…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/widgets/places.py" line="31"/>
        <source>Choose a township…</source>
        <translation>請選擇鄉鎮市區…</translation>
    </message>
</context>
<context>
    <name>YearBox</name>
    <message>
        <location filename="../../counsel_desk/ui/widgets/year_box.py" line="17"/>
        <source>ROC year </source>
        <translation>民國 </translation>
    </message>
</context>
</TS>
