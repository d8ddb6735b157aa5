<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>CenterSplitDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/center_split_dialog.py" line="36"/>
        <source>Counties of each center</source>
        <translation>各分區輔導中心的縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/center_split_dialog.py" line="37"/>
        <source>For headquarters: which regional center serves each county. The split shipped with the app is the default; a county moved here is marked as set by headquarters, and every move is recorded in the audit log. A workstation or proposal in a county outside its center&apos;s counties is warned about, never refused. The split travels in every exported workbook: a center&apos;s computer takes a newer split when it imports headquarters&apos; workbook.</source>
        <translation>供專案辦公室（總部）使用：各縣市由哪一個分區輔導中心負責。本程式隨附的分區為「預設」；在此移動的縣市標示為「總部調整」，每次移動都記入稽核紀錄。工作站或提案位於所屬中心縣市以外時會提醒，不會拒絕。分區會隨每個匯出的交換檔傳送：中心的電腦匯入總部的交換檔時，會採用較新的分區。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/center_split_dialog.py" line="53"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/center_split_dialog.py" line="53"/>
        <source>Center</source>
        <translation>分區輔導中心</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/center_split_dialog.py" line="53"/>
        <source>Set by</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/center_split_dialog.py" line="97"/>
        <source>Default: %1</source>
        <translation>預設：%1</translation>
    </message>
</context>
<context>
    <name>TopicDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="36"/>
        <source>Issue topic</source>
        <translation>推動課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="36"/>
        <source>New issue topic</source>
        <translation>新增推動課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="40"/>
        <source>e.g. WATER</source>
        <translation>例如 WATER</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="44"/>
        <source>A topic&apos;s code never changes: records and other computers know it by it.</source>
        <translation>課題代碼不能更改：紀錄與其他電腦都以代碼認得這個課題。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="50"/>
        <source>Code</source>
        <translation>代碼</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="51"/>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="63"/>
        <source>Name (Chinese)</source>
        <translation>中文名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="52"/>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="63"/>
        <source>English name</source>
        <translation>英文名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="54"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="54"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
</context>
<context>
    <name>TopicPicker</name>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topic_picker.py" line="29"/>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topic_picker.py" line="31"/>
        <source>Issue topics</source>
        <translation>推動課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topic_picker.py" line="65"/>
        <source>Manage issue topics…</source>
        <translation>管理推動課題…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topic_picker.py" line="88"/>
        <source>none tagged</source>
        <translation>未標記</translation>
    </message>
</context>
<context>
    <name>TopicsDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="75"/>
        <source>Issue topics</source>
        <translation>推動課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="78"/>
        <source>The recurring issues counselors tag on visits and townships, counted in the township panel and the monthly report. A topic that records carry is retired, not deleted: old records keep it, new ones no longer offer it.</source>
        <translation>輔導員在訪視與鄉鎮上標記的推動課題，鄉鎮盤點與月報會加以統計。已有紀錄標記的課題只能停用、不能刪除：舊紀錄保留這個課題，新紀錄不再提供。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="82"/>
        <source>Code</source>
        <translation>代碼</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="82"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="82"/>
        <source>English name</source>
        <translation>英文名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="82"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="83"/>
        <source>Visits</source>
        <translation>訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="83"/>
        <source>Townships</source>
        <translation>鄉鎮</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="86"/>
        <source>Add topic…</source>
        <translation>新增課題…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="88"/>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="90"/>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="144"/>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="92"/>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="194"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="94"/>
        <source>Only for a topic added by mistake, that no visit or township carries</source>
        <translation>只用於誤建、沒有任何訪視或鄉鎮標記的課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="123"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="123"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="144"/>
        <source>Bring back</source>
        <translation>恢復使用</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="194"/>
        <source>Delete the topic %1?</source>
        <translation>要刪除課題「%1」嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/topics_dialog.py" line="195"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>TownshipDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="51"/>
        <source>Set the status with a dated note</source>
        <translation>加註日期與理由，改定狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="55"/>
        <source>Back to the derived status</source>
        <translation>回到依計畫與提案推算的狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="62"/>
        <source>Why, e.g. the township office formed a working group</source>
        <translation>理由，例如：公所已成立地方創生工作小組</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="63"/>
        <source>Record note</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="70"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="71"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="72"/>
        <source>Note</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="78"/>
        <source>Issue topics (visits tagged; ★ noted for the township)</source>
        <translation>推動課題（訪視所標；★ 為整個鄉鎮記下的）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="89"/>
        <source>Note for the township</source>
        <translation>記為本鄉鎮課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="91"/>
        <source>Remove ★</source>
        <translation>移除 ★</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="93"/>
        <source>Topics…</source>
        <translation>課題清單…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="95"/>
        <source>Add, rename or retire issue topics</source>
        <translation>新增、改名或停用推動課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="103"/>
        <source>History</source>
        <translation>歷程</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="126"/>
        <source>mountain indigenous area</source>
        <translation>山地原住民族地區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="126"/>
        <source>plains indigenous area</source>
        <translation>平地原住民族地區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="130"/>
        <source>Township: %1</source>
        <translation>鄉鎮盤點：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="133"/>
        <source>Status: %1 (set on %2; its records say %3).</source>
        <translation>狀態：%1（%2 改定；依紀錄推算為%3）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="136"/>
        <source>Status: %1 (derived from its plans, proposals and visits).</source>
        <translation>狀態：%1（依計畫、提案與訪視推算）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="139"/>
        <source>It counts until the records move past what they said that day (a stage move, a new plan or proposal), or until a note hands the township back.</source>
        <translation>此改定持續有效，直到紀錄超出當天的狀況（階段移動、新的計畫或提案），或另有記錄把鄉鎮交回推算。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="142"/>
        <source>The status set to %1 on %2 lapsed on %3: %4.</source>
        <translation>%2 改定的狀態「%1」已於 %3 失效：%4。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="158"/>
        <source>%1 visit</source>
        <translation>訪視 %1 次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/stocktaking/township_dialog.py" line="158"/>
        <source>%1 visits</source>
        <translation>訪視 %1 次</translation>
    </message>
</context>
</TS>
