<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="343"/>
        <source>Team member</source>
        <translation>團隊成員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="351"/>
        <source>born —</source>
        <translation>出生年 —</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="356"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="369"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="356"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="369"/>
        <source>Born</source>
        <translation>出生年</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="357"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="369"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>OutcomeListPage</name>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="40"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="123"/>
        <source>New outcome</source>
        <translation>新增成果</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="41"/>
        <source>Search note, agency, company…</source>
        <translation>搜尋說明、部會、企業…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="50"/>
        <source>Unknown</source>
        <translation>不詳</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="50"/>
        <source>Registered</source>
        <translation>已設籍</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="51"/>
        <source>Not registered</source>
        <translation>未設籍</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="54"/>
        <source>e.g. Ministry of Agriculture</source>
        <translation>例如：農業部</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="58"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="58"/>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="58"/>
        <source>Youth team</source>
        <translation>青年團隊</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="59"/>
        <source>Township only</source>
        <translation>只連結鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="64"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="67"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="135"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="68"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="135"/>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="69"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="135"/>
        <source>People</source>
        <translation>人數／人次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="70"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="136"/>
        <source>Amount (NT$)</source>
        <translation>金額（新臺幣元）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="71"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="136"/>
        <source>Household registration</source>
        <translation>設籍</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="72"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="137"/>
        <source>Agency</source>
        <translation>部會</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="73"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="137"/>
        <source>Agency programme</source>
        <translation>部會計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="74"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="137"/>
        <source>Company</source>
        <translation>企業</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="75"/>
        <source>Tied to</source>
        <translation>連結對象</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="76"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="138"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="139"/>
        <source>Record</source>
        <translation>連結紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="77"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="139"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="78"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="140"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="79"/>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="140"/>
        <source>Note</source>
        <translation>說明</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="118"/>
        <source>No workstations yet</source>
        <translation>還沒有任何工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="118"/>
        <source>No proposals yet</source>
        <translation>還沒有任何提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/outcomes_page.py" line="119"/>
        <source>No youth teams yet</source>
        <translation>還沒有任何青年團隊</translation>
    </message>
</context>
<context>
    <name>OutcomesCard</name>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="67"/>
        <source>Outcomes</source>
        <translation>成果</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="73"/>
        <source>Whose outcomes</source>
        <translation>哪個中心的成果</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="81"/>
        <source>Youth stayed or returned</source>
        <translation>青年留鄉／返鄉</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="81"/>
        <source>Jobs</source>
        <translation>就業機會</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="81"/>
        <source>Visitors</source>
        <translation>觀光人次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="81"/>
        <source>Revenue</source>
        <translation>營收</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="82"/>
        <source>Resources matched</source>
        <translation>跨部會資源媒合</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="82"/>
        <source>Company investment and CSR</source>
        <translation>企業投資／企業社會責任</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="82"/>
        <source>Training courses</source>
        <translation>培力課程</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="129"/>
        <source>All centers</source>
        <translation>全部分區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="137"/>
        <source>The outcomes could not be loaded: %1</source>
        <translation>無法載入成果：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="148"/>
        <source>%1 (%2 registered)</source>
        <translation>%1（設籍 %2）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/dashboard_card.py" line="154"/>
        <source>%1 · %2 h · %3 trainees</source>
        <translation>%1 場・%2 小時・學員 %3 人</translation>
    </message>
</context>
<context>
    <name>TeamsPage</name>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="44"/>
        <source>Year of birth: 1995, or the ROC year 84; the age is checked against the programme</source>
        <translation>出生年：西元 1995 或民國 84 皆可；依獎勵計畫的申請年齡檢查</translation>
    </message>
</context>
<context>
    <name>WorkstationColumns</name>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="35"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="36"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="37"/>
        <source>People</source>
        <translation>人數／人次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="38"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="39"/>
        <source>Linked to</source>
        <translation>關聯</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="40"/>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="77"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="41"/>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="78"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="42"/>
        <source>Detail</source>
        <translation>部會／計畫／企業</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="73"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="74"/>
        <source>Award programme</source>
        <translation>獎勵計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="75"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="76"/>
        <source>Award</source>
        <translation>獎勵金額</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="79"/>
        <source>Members</source>
        <translation>成員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/outcomes/outcome_lists.py" line="80"/>
        <source>Support records</source>
        <translation>輔導紀錄</translation>
    </message>
</context>
<context>
    <name>YouthTeamListPage</name>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="54"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="185"/>
        <source>New youth team</source>
        <translation>新增青年團隊</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="55"/>
        <source>Search name, programme, themes…</source>
        <translation>搜尋團隊名稱、獎勵計畫、主題…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="61"/>
        <source>ROC </source>
        <translation>民國 </translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="69"/>
        <source>Themes separated by commas</source>
        <translation>主題，以「、」分隔</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="72"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="75"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="197"/>
        <source>Team name</source>
        <translation>團隊名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="76"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="197"/>
        <source>Award programme</source>
        <translation>獎勵計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="77"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="197"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="78"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="198"/>
        <source>Award (NT$)</source>
        <translation>獎勵金額（新臺幣元）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="79"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="198"/>
        <source>Themes</source>
        <translation>主題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="80"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="198"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="81"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="199"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="82"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="199"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="89"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="94"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="89"/>
        <source>Born</source>
        <translation>出生年</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="89"/>
        <source>Age</source>
        <translation>年齡</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="89"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="100"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="97"/>
        <source>born —</source>
        <translation>出生年 —</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="101"/>
        <source>Add member</source>
        <translation>加入成員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="104"/>
        <source>Edit…</source>
        <translation>編輯成員…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="105"/>
        <source>Edit the selected member</source>
        <translation>編輯選取的成員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="107"/>
        <source>Remove</source>
        <translation>移除成員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="108"/>
        <source>Remove the selected member from the team</source>
        <translation>把選取的成員從團隊移除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="109"/>
        <source>Erase personal data…</source>
        <translation>刪除個資…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="111"/>
        <source>A member may ask for their name and birth year to be erased (Personal Data Protection Act).</source>
        <translation>成員可依個人資料保護法要求刪除其姓名與出生年。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="121"/>
        <source>Members</source>
        <translation>成員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="126"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="141"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="126"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="126"/>
        <source>Support</source>
        <translation>輔導內容</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="131"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="146"/>
        <source>Link</source>
        <translation>連結</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="132"/>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="147"/>
        <source>Unlink</source>
        <translation>取消連結</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="137"/>
        <source>Support records</source>
        <translation>輔導紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="141"/>
        <source>Place</source>
        <translation>地點</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="141"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="152"/>
        <source>Site visits</source>
        <translation>實地訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="181"/>
        <source>cap NT$%1</source>
        <translation>上限 NT$%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="254"/>
        <source>%1 outcome record is tied to this team (see Outcomes).</source>
        <translation>有 %1 筆成果紀錄連結這個團隊（見「成果」）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/outcomes/teams_page.py" line="255"/>
        <source>%1 outcome records are tied to this team (see Outcomes).</source>
        <translation>有 %1 筆成果紀錄連結這個團隊（見「成果」）。</translation>
    </message>
</context>
</TS>
