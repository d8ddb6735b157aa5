<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>TopicPicker</name>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topic_picker.py" line="26"/>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topic_picker.py" line="28"/>
        <source>Issue topics</source>
        <translation>推動課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topic_picker.py" line="67"/>
        <source>none tagged</source>
        <translation>未標記</translation>
    </message>
</context>
<context>
    <name>TownshipDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="49"/>
        <source>Set the status with a dated note</source>
        <translation>加註日期與理由，改定狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="53"/>
        <source>Back to the derived status</source>
        <translation>回到依計畫與提案推算的狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="60"/>
        <source>Why, e.g. the township office formed a working group</source>
        <translation>理由，例如：公所已成立地方創生工作小組</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="61"/>
        <source>Record note</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="68"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="69"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="70"/>
        <source>Note</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="76"/>
        <source>Issue topics (visits tagged; ★ noted for the township)</source>
        <translation>推動課題（訪視所標；★ 為整個鄉鎮記下的）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="87"/>
        <source>Note for the township</source>
        <translation>記為本鄉鎮課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="89"/>
        <source>Remove ★</source>
        <translation>移除 ★</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="96"/>
        <source>History</source>
        <translation>歷程</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="119"/>
        <source>mountain indigenous area</source>
        <translation>山地原住民族地區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="119"/>
        <source>plains indigenous area</source>
        <translation>平地原住民族地區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="123"/>
        <source>Township: %1</source>
        <translation>鄉鎮盤點：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="126"/>
        <source>Status: %1 (set on %2; its records say %3).</source>
        <translation>狀態：%1（%2 改定；依紀錄推算為%3）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="129"/>
        <source>Status: %1 (derived from its plans, proposals and visits).</source>
        <translation>狀態：%1（依計畫、提案與訪視推算）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="132"/>
        <source>The status set to %1 on %2 lapsed on %3: %4.</source>
        <translation>%2 改定的狀態「%1」已於 %3 失效：%4。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="148"/>
        <source>1 visit</source>
        <translation>訪視 1 次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="148"/>
        <source>%1 visits</source>
        <translation>訪視 %1 次</translation>
    </message>
</context>
</TS>
