<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>BudgetPanel</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="56"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="123"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="56"/>
        <source>Subsidy</source>
        <translation>補助款</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="56"/>
        <source>Personnel %</source>
        <translation>人事費占比</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="57"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="88"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="145"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="322"/>
        <source>Disbursed</source>
        <translation>撥款</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="57"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="88"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="148"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="322"/>
        <source>Reimbursed</source>
        <translation>核銷</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="57"/>
        <source>Review</source>
        <translation>評鑑／延續</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="63"/>
        <source>ROC </source>
        <translation>民國 </translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="70"/>
        <source>Full-time staff in this budget year: the personnel-cost rule is judged on them.</source>
        <translation>這個預算年度的專職人員數：人事費比例規定依這個人數判斷。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="71"/>
        <source>Extension year</source>
        <translation>延續補助年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="72"/>
        <source>Only after the year before was evaluated good.</source>
        <translation>須前一年度評鑑績效良好。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="76"/>
        <source>Not evaluated</source>
        <translation>尚未評鑑</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="79"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="342"/>
        <source>Evaluation note</source>
        <translation>評鑑說明</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="80"/>
        <source>Save evaluation</source>
        <translation>儲存評鑑</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="88"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="322"/>
        <source>Planned</source>
        <translation>編列</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="99"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="105"/>
        <source>Save budget</source>
        <translation>儲存經費</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="106"/>
        <source>Delete this year</source>
        <translation>刪除本年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="108"/>
        <source>Personnel-cost rule</source>
        <translation>人事費比例規定</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="114"/>
        <source>Execution</source>
        <translation>執行進度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="126"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="323"/>
        <source>Approved subsidy NT$</source>
        <translation>核定補助款 NT$</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="129"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="323"/>
        <source>Full-time staff this year</source>
        <translation>該年度專職人員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="135"/>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="341"/>
        <source>Evaluation</source>
        <translation>評鑑</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="201"/>
        <source>Ext.</source>
        <comment>an extension year (延續補助)</comment>
        <translation>延續</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="230"/>
        <source>No budget for ROC %1 yet: enter it and save.</source>
        <translation>民國 %1 年尚無經費資料：請填寫後儲存。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="242"/>
        <source>ROC %1 lies outside every loaded plan: no cap to check.</source>
        <translation>民國 %1 年不在任何已載入計畫的期程內：無上限可檢查。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="244"/>
        <source>%1 (in force in ROC %2) publishes no cap: not checked.</source>
        <translation>民國 %2 年適用的「%1」未公布上限：不檢查。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="247"/>
        <source>Cap NT$%1 a year (%2, in force in ROC %3)</source>
        <translation>每年上限 NT$%1（民國 %3 年適用「%2」）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="258"/>
        <source>No budget saved for this year.</source>
        <translation>本年度尚未儲存經費。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="267"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="269"/>
        <source>Personnel NT$%1 of subsidy NT$%2 — %3 (limit %4, %5 full-time staff)</source>
        <translation>人事費 NT$%1／補助款 NT$%2 — %3（上限 %4，專職人員 %5 人）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="272"/>
        <source>%1 of the %2 limit</source>
        <translation>%1（上限 %2）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="341"/>
        <source>Evaluation date</source>
        <translation>評鑑日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="346"/>
        <source>Not saved: someone else changed this year meanwhile.</source>
        <translation>尚未儲存：這段期間已有他人修改這個年度的資料。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="353"/>
        <source>Delete the budget of ROC %1 and its lines?</source>
        <translation>要刪除民國 %1 年的經費及各科目嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/budget_panel.py" line="354"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="281"/>
        <source>New contact</source>
        <translation>新增聯絡人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="287"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="288"/>
        <source>Job title</source>
        <translation>職稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="289"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="290"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="228"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="228"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="228"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="228"/>
        <source>Job title</source>
        <translation>職稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="230"/>
        <source>Add contact…</source>
        <translation>新增聯絡人…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="231"/>
        <source>Remove contact</source>
        <translation>移除聯絡人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="271"/>
        <source>Remove %1 from this workstation&apos;s contacts?</source>
        <translation>要將 %1 從本工作站的聯絡人移除嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="272"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>EventListPage</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="45"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="117"/>
        <source>New event</source>
        <translation>新增活動</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="46"/>
        <source>Search title, place, partners, record…</source>
        <translation>搜尋活動名稱、地點、合作單位、紀錄…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="54"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="56"/>
        <source>e.g. Guanxi Township Office, Hsinchu County Government</source>
        <translation>例如：關西鎮公所、新竹縣政府</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="63"/>
        <source> h</source>
        <translation> 小時</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="70"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="129"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="71"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="129"/>
        <source>Title</source>
        <translation>活動名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="72"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="129"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="73"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="129"/>
        <source>Place</source>
        <translation>地點</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="74"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="130"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="75"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="76"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="130"/>
        <source>Partners</source>
        <translation>合作單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="77"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="131"/>
        <source>Participants</source>
        <translation>參與人次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="78"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="131"/>
        <source>Course hours</source>
        <translation>課程時數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="79"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="132"/>
        <source>Trainees</source>
        <translation>學員人數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="80"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="132"/>
        <source>Completed</source>
        <translation>結訓人數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="81"/>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="131"/>
        <source>Record</source>
        <translation>活動紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="88"/>
        <source>Add photos…</source>
        <translation>加入照片…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="89"/>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="91"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="154"/>
        <source>Save the event first.</source>
        <translation>請先儲存活動。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="201"/>
        <source>Add photos</source>
        <translation>加入照片</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/events_page.py" line="202"/>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp *.gif)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic *.webp *.gif)</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="88"/>
        <source>Search…</source>
        <translation>搜尋…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="92"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="103"/>
        <source>yyyy-mm-dd</source>
        <translation>民國日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="113"/>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="120"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="127"/>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="127"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="134"/>
        <source>From</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="136"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="140"/>
        <source>Counselor</source>
        <translation>輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="281"/>
        <source>%1 records</source>
        <translation>%1 筆</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_panel.py" line="281"/>
        <source>%1 record</source>
        <translation>%1 筆</translation>
    </message>
</context>
<context>
    <name>ProposalPicker</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="186"/>
        <source>Link a proposal</source>
        <translation>連結提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="189"/>
        <source>Search title or place…</source>
        <translation>搜尋提案名稱或地點…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="191"/>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="191"/>
        <source>Place</source>
        <translation>地點</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="191"/>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="194"/>
        <source>Link</source>
        <translation>連結</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="195"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PublicSpaceListPage</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="37"/>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="99"/>
        <source>New public space</source>
        <translation>新增公有空間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="38"/>
        <source>Search name, address, agency, team…</source>
        <translation>搜尋名稱、地址、管理機關、營運團隊…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="58"/>
        <source>ROC </source>
        <translation>民國 </translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="59"/>
        <source>The subsidy&apos;s cap is that of the plan in force in this year.</source>
        <translation>補助上限依這一年適用的計畫。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="60"/>
        <source>approved in</source>
        <translation>核定年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="62"/>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="111"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="63"/>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="111"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="64"/>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="111"/>
        <source>Owning agency</source>
        <translation>管理機關</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="65"/>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="112"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="66"/>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="112"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="67"/>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="112"/>
        <source>Subsidy NT$</source>
        <translation>補助款 NT$</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="68"/>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="113"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="69"/>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="113"/>
        <source>Operating team</source>
        <translation>營運團隊</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="70"/>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="113"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="71"/>
        <source>Site visits</source>
        <translation>實地訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="73"/>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="73"/>
        <source>Place</source>
        <translation>地點</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="73"/>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="75"/>
        <source>Link proposal…</source>
        <translation>連結提案…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="76"/>
        <source>Unlink</source>
        <translation>取消連結</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="78"/>
        <source>Linked proposals</source>
        <translation>連結的提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="132"/>
        <source>%1 visits</source>
        <translation>%1 次訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/spaces_page.py" line="132"/>
        <source>%1 visit</source>
        <translation>%1 次訪視</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/record_page.py" line="48"/>
        <source>Nothing here yet. Press “%1” above to add the first one.</source>
        <translation>這裡還沒有資料。按上方的「%1」新增第一筆。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/record_page.py" line="59"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/record_page.py" line="61"/>
        <location filename="../../counsel_desk/ui/workstations/record_page.py" line="189"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/record_page.py" line="174"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/record_page.py" line="188"/>
        <source>Delete %1?</source>
        <translation>要刪除「%1」嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/record_page.py" line="209"/>
        <source>Changes to %1 were not saved. Discard them?</source>
        <translation>「%1」的修改尚未儲存，要放棄修改嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/record_page.py" line="210"/>
        <source>Discard</source>
        <translation>丟棄</translation>
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="74"/>
        <source>ROC </source>
        <translation>民國 </translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="77"/>
        <source>Left empty, the term ends 12 months after it starts.</source>
        <translation>留白時，期程自開始日起算 12 個月。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="86"/>
        <source>Save details</source>
        <translation>儲存基本資料</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="90"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="192"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="94"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="192"/>
        <source>Operator</source>
        <translation>營運單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="97"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="193"/>
        <source>age</source>
        <translation>年齡</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="99"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="193"/>
        <source>years on site</source>
        <translation>蹲點年數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="101"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="193"/>
        <source>Host</source>
        <translation>駐點負責人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="103"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="194"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="104"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="194"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="105"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="194"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="108"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="195"/>
        <source>Team size</source>
        <translation>團隊人數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="109"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="196"/>
        <source>Partners aged 20–45</source>
        <translation>20–45 歲夥伴</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="110"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="196"/>
        <source>Full-time staff</source>
        <translation>專職人員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="106"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="195"/>
        <source>Year approved</source>
        <translation>核定年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="117"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="197"/>
        <source>Term</source>
        <translation>期程</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="118"/>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="197"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_form.py" line="216"/>
        <source>Workstation saved.</source>
        <translation>工作站已儲存。</translation>
    </message>
</context>
<context>
    <name>StationView</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="44"/>
        <source>← Workstations</source>
        <translation>← 工作站列表</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="48"/>
        <source>Add support record…</source>
        <translation>新增輔導紀錄…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="49"/>
        <source>Extend a year (after a good evaluation)</source>
        <translation>延續補助一年</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="50"/>
        <source>Extension: one more 12-month term, only after the last budget year was evaluated good.</source>
        <translation>延續補助：再一期 12 個月，須最近一個預算年度評鑑績效良好。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="52"/>
        <source>Delete workstation</source>
        <translation>刪除工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="64"/>
        <source>Support sessions</source>
        <translation>輔導場次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="65"/>
        <source>Support hours</source>
        <translation>輔導時數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="66"/>
        <source>Participants</source>
        <translation>參與人次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="67"/>
        <source>Proposals assisted</source>
        <translation>協助提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="68"/>
        <source>Site visits</source>
        <translation>實地訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="69"/>
        <source>Youth stayed / returned</source>
        <translation>留鄉／返鄉人數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="77"/>
        <source>Details</source>
        <translation>基本資料</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="79"/>
        <source>Contact people</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="82"/>
        <source>Budget per year</source>
        <translation>年度經費</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="85"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="85"/>
        <source>What</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="85"/>
        <source>Title</source>
        <translation>活動名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="85"/>
        <source>Detail</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="87"/>
        <source>Timeline: visits, support records and proposals</source>
        <translation>歷程：訪視、輔導紀錄與提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="144"/>
        <source>New workstation</source>
        <translation>新增工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="160"/>
        <source>sessions</source>
        <translation>場</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="162"/>
        <source>hours</source>
        <translation>小時</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="163"/>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="167"/>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="164"/>
        <source>proposals</source>
        <translation>件</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="165"/>
        <source>visits</source>
        <translation>次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="176"/>
        <source>Visit</source>
        <translation>訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="176"/>
        <source>Support</source>
        <translation>輔導</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="176"/>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="215"/>
        <source>Delete the workstation %1? Its support records and budgets stay in the database and the deletion is recorded in the audit log.</source>
        <translation>要刪除工作站「%1」嗎？其輔導紀錄與經費仍保留在資料庫中，刪除動作會記錄在稽核紀錄。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/station_page.py" line="216"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>SupportListPage</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_page.py" line="31"/>
        <source>New support record</source>
        <translation>新增輔導紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_page.py" line="32"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_page.py" line="40"/>
        <source>Search station, topics, outcome, counselor…</source>
        <translation>搜尋工作站、主題、成果、輔導員…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_page.py" line="42"/>
        <source>No support records here yet. Press “New support record”, or “Add support record…” in a visit.</source>
        <translation>這裡還沒有輔導紀錄。按「新增輔導紀錄」，或在訪視中按「新增輔導紀錄…」。</translation>
    </message>
</context>
<context>
    <name>SupportRecordDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="47"/>
        <source>Support record</source>
        <translation>輔導紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="47"/>
        <source>New support record</source>
        <translation>新增輔導紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="78"/>
        <source>A workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="80"/>
        <source>A youth team directly</source>
        <translation>直接輔導青年團隊</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="82"/>
        <source>Support given to a youth team of an award programme that has no workstation</source>
        <translation>輔導沒有工作站的獎勵計畫青年團隊</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="102"/>
        <source> h</source>
        <translation> 小時</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="124"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="233"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="125"/>
        <source>Given to</source>
        <translation>輔導對象</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="126"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="233"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="127"/>
        <source>Youth team</source>
        <translation>青年團隊</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="128"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="233"/>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="129"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="234"/>
        <source>Hours</source>
        <translation>時數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="130"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="234"/>
        <source>Participants</source>
        <translation>參與人次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="131"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="234"/>
        <source>Topics</source>
        <translation>輔導主題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="132"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="235"/>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="133"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="235"/>
        <source>Counselors</source>
        <translation>輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="134"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="235"/>
        <source>Visit</source>
        <translation>訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="135"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="236"/>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="139"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="140"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="141"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="277"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="160"/>
        <source>No workstations yet</source>
        <translation>還沒有任何工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="161"/>
        <source>No youth teams yet</source>
        <translation>還沒有任何青年團隊</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="160"/>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="161"/>
        <source>Choose…</source>
        <translation>請選擇…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="184"/>
        <source>(not from a visit)</source>
        <translation>（未連結訪視）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="188"/>
        <source>(visit deleted)</source>
        <translation>（訪視已刪除）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="192"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="272"/>
        <source>Support record saved.</source>
        <translation>輔導紀錄已儲存。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/support_dialog.py" line="277"/>
        <source>Delete this support record?</source>
        <translation>要刪除這筆輔導紀錄嗎？</translation>
    </message>
</context>
<context>
    <name>WorkstationColumns</name>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="80"/>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="229"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="81"/>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="230"/>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="277"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="82"/>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="231"/>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="278"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="83"/>
        <source>Operator</source>
        <translation>營運單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="84"/>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="234"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="85"/>
        <source>Year approved</source>
        <translation>核定年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="86"/>
        <source>Full-time staff</source>
        <translation>專職人員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="87"/>
        <source>Subsidy (latest year)</source>
        <translation>最近年度補助款</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="88"/>
        <source>Personnel share</source>
        <translation>人事費占比</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="89"/>
        <source>Support sessions</source>
        <translation>輔導場次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="90"/>
        <source>Support hours</source>
        <translation>輔導時數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="173"/>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="273"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="174"/>
        <source>Workstation or team</source>
        <translation>工作站／團隊</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="175"/>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="176"/>
        <source>Hours</source>
        <translation>時數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="177"/>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="280"/>
        <source>Participants</source>
        <translation>參與人次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="178"/>
        <source>Topics</source>
        <translation>輔導主題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="179"/>
        <source>Counselors</source>
        <translation>輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="180"/>
        <source>Linked to</source>
        <translation>關聯</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="232"/>
        <source>Owning agency</source>
        <translation>管理機關</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="233"/>
        <source>Subsidy</source>
        <translation>補助款</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="235"/>
        <source>Operating team</source>
        <translation>營運團隊</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="236"/>
        <source>Linked proposals</source>
        <translation>連結的提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="237"/>
        <source>Visits</source>
        <translation>訪視次數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="274"/>
        <source>Title</source>
        <translation>活動名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="275"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="276"/>
        <source>Place</source>
        <translation>地點</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="279"/>
        <source>Partners</source>
        <translation>合作單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/workstations/program_lists.py" line="281"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>WorkstationListPage</name>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_page.py" line="34"/>
        <source>New workstation</source>
        <translation>新增工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_page.py" line="35"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_page.py" line="36"/>
        <source>Only flagged budgets</source>
        <translation>只看人事費超標</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_page.py" line="37"/>
        <source>Stations whose latest budget breaks the personnel-cost rule</source>
        <translation>最近年度經費的人事費比例超過規定的工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_page.py" line="47"/>
        <source>Search name, operator, host, place…</source>
        <translation>搜尋名稱、營運單位、駐點負責人、地點…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_page.py" line="54"/>
        <source>No workstations yet. Press “New workstation” to add the first one.</source>
        <translation>還沒有工作站。按「新增工作站」加入第一個。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_page.py" line="125"/>
        <source>The workstation&apos;s details were changed but not saved. Discard the changes?</source>
        <translation>工作站基本資料已修改但尚未儲存，要放棄修改嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/workstations/list_page.py" line="126"/>
        <source>Discard</source>
        <translation>丟棄</translation>
    </message>
</context>
</TS>
