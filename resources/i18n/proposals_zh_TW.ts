<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="29"/>
        <source>A name people remember, e.g. Chishang Granary Art Café</source>
        <translation>好記的名稱，例如：池上穀倉藝術咖啡</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="32"/>
        <source>— choose —</source>
        <translation>— 請選擇 —</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="35"/>
        <source>Registered name of the applicant</source>
        <translation>申請單位登記名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="47"/>
        <source>Multi-channel call: team or workstation → center → project office</source>
        <translation>多元徵案：地方團體或工作站 → 分區輔導中心 → 專案辦公室</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="48"/>
        <source>Existing route: township office → county government → NDC</source>
        <translation>現行提案流程：鄉（鎮市區）公所 → 縣（市）政府 → 國發會</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="59"/>
        <source>Add contact…</source>
        <translation>新增聯絡人…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="60"/>
        <source>Remove contact</source>
        <translation>移除聯絡人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="82"/>
        <source>Proposal title:</source>
        <translation>提案名稱：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="83"/>
        <source>Applicant type:</source>
        <translation>申請單位類型：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="84"/>
        <source>Applicant (organisation):</source>
        <translation>申請單位：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="85"/>
        <source>Contacts:</source>
        <translation>聯絡人：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="87"/>
        <source>County and township:</source>
        <translation>縣市與鄉鎮市區：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="88"/>
        <source>Route:</source>
        <translation>提案路徑：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="89"/>
        <source>Assisting workstation:</source>
        <translation>協助工作站：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="90"/>
        <source>Counselor:</source>
        <translation>輔導員：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="91"/>
        <source>Revitalization plan:</source>
        <translation>所屬地方創生計畫：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="105"/>
        <source>— county —</source>
        <translation>— 縣市 —</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="106"/>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="107"/>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="144"/>
        <source>— none —</source>
        <translation>— 無 —</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="108"/>
        <source>— standalone proposal —</source>
        <translation>— 單獨提案（不屬於計畫）—</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="118"/>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="139"/>
        <source>— township —</source>
        <translation>— 鄉鎮市區 —</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/applicant_form.py" line="159"/>
        <source>Save the proposal first to add contacts.</source>
        <translation>請先儲存提案，才能新增聯絡人。</translation>
    </message>
</context>
<context>
    <name>ChooseProposalDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="134"/>
        <source>Add a proposal to the plan</source>
        <translation>將提案加入計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="138"/>
        <source>The proposal takes the plan&apos;s stage; the change is kept in its history.</source>
        <translation>提案會改為計畫目前的階段，並記錄在提案歷程中。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="112"/>
        <source>Add contact</source>
        <translation>新增聯絡人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="118"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="119"/>
        <source>Job title:</source>
        <translation>職稱：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="120"/>
        <source>Phone:</source>
        <translation>電話：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="121"/>
        <source>E-mail:</source>
        <translation>電子郵件：</translation>
    </message>
</context>
<context>
    <name>CountyChecklistDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="44"/>
        <source>County review checklist</source>
        <translation>縣府審查項目</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="46"/>
        <source>“%1”: what the county government settles before the council (figure 3 of the plan)</source>
        <translation>「%1」：縣（市）政府於送會報前確認及協助處理的事項（計畫圖 3）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="50"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="50"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="50"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="50"/>
        <source>Note</source>
        <translation>說明</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="107"/>
        <source>%1: not saved (you closed the comparison).</source>
        <translation>%1：尚未儲存（您關閉了比對視窗）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="120"/>
        <source>%1: status</source>
        <translation>%1：狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="120"/>
        <source>%1: date</source>
        <translation>%1：日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="121"/>
        <source>%1: note</source>
        <translation>%1：備註</translation>
    </message>
</context>
<context>
    <name>CriterionBox</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/scores_form.py" line="30"/>
        <source>Not scored</source>
        <translation>不評分</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/scores_form.py" line="38"/>
        <source>Why this score? What would raise it?</source>
        <translation>為什麼是這個分數？怎麼做可以更好？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/scores_form.py" line="76"/>
        <source>%1 / 5</source>
        <translation>%1 / 5 分</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/scores_form.py" line="76"/>
        <source>not scored yet</source>
        <translation>尚未評分</translation>
    </message>
</context>
<context>
    <name>DecisionBox</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="130"/>
        <source>Council working meeting that approved it</source>
        <translation>通過的會報工作會議</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="134"/>
        <source>not recorded</source>
        <translation>未記錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="138"/>
        <source>Meeting no.:</source>
        <translation>第幾次會議：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="139"/>
        <source>Meeting date:</source>
        <translation>會議日期：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="145"/>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="157"/>
        <source>%1 approved (NT$):</source>
        <translation>%1 核定金額（元）：</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="190"/>
        <source>Correct the council&apos;s decision</source>
        <translation>更正會報核定結果</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="191"/>
        <source>“%1”: the working meeting of the Executive Yuan&apos;s Regional Revitalization Council that approved it and the amount each ministry approved. The correction is recorded in the audit log.</source>
        <translation>「%1」：通過的行政院地方創生會報工作會議與各部會核定金額。更正會記入稽核紀錄。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="225"/>
        <source>Meeting no.</source>
        <translation>第幾次會議</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="225"/>
        <source>Meeting date</source>
        <translation>會議日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="226"/>
        <source>Amounts approved</source>
        <translation>各部會核定金額</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/county_dialogs.py" line="230"/>
        <source>Not saved: someone else changed this decision meanwhile.</source>
        <translation>尚未儲存：這段期間已有他人修改這項會報決議。</translation>
    </message>
</context>
<context>
    <name>DemandModel</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="53"/>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="56"/>
        <source>Work item</source>
        <translation>工作項目</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="53"/>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="56"/>
        <source>Agency</source>
        <translation>主辦機關</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="56"/>
        <source>Proposals</source>
        <translation>提案數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="58"/>
        <source>Requested ROC %1</source>
        <translation>%1 年申請</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="60"/>
        <source>Allocation %1</source>
        <translation>核定額度 %1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="71"/>
        <source>%1 (provisional)</source>
        <translation>%1（暫列）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="74"/>
        <source>not in this plan</source>
        <translation>非本計畫項目</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="75"/>
        <source>no plan</source>
        <translation>無計畫涵蓋</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="75"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="61"/>
        <source>Total requested</source>
        <translation>申請合計</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="61"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="78"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
</context>
<context>
    <name>DemandView</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="34"/>
        <source>All proposals not rejected</source>
        <translation>全部提案（未通過者除外）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="35"/>
        <source>Sent to the project office and beyond</source>
        <translation>已送專案辦公室以後</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="36"/>
        <source>Approved only</source>
        <translation>僅通過者</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="37"/>
        <source>Show the plan&apos;s allocations</source>
        <translation>顯示計畫核定額度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="52"/>
        <source>Load programme file…</source>
        <translation>載入計畫定義檔…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="54"/>
        <source>A programme file issued by the project office; an older version never replaces the loaded one. See docs/programme.md.</source>
        <translation>專案辦公室發布的計畫定義檔；較舊的版本不會取代已載入的版本。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="72"/>
        <source>%1 proposal requests NT$%2 in total.</source>
        <translation>共 %1 件提案，申請補助合計新臺幣 %2 元。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="74"/>
        <source>ROC %1: %2</source>
        <translation>民國 %1 年：%2</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="77"/>
        <source>Allocations are for the whole programme — a yardstick, not this center&apos;s share.</source>
        <translation>核定額度為全計畫額度，僅供對照，並非本中心配額。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="81"/>
        <source>Load programme file</source>
        <translation>載入計畫定義檔</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="82"/>
        <source>Programme file (*.json)</source>
        <translation>計畫定義檔 (*.json)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="91"/>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="96"/>
        <source>Programme file not loaded</source>
        <translation>未載入計畫定義檔</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="94"/>
        <source>Programme file</source>
        <translation>計畫定義檔</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="48"/>
        <source>Proposals of this center:</source>
        <translation>本中心提案：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/demand_view.py" line="73"/>
        <source>%1 proposals request NT$%2 in total.</source>
        <translation>共 %1 件提案，申請補助合計新臺幣 %2 元。</translation>
    </message>
</context>
<context>
    <name>FundingGridModel</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="102"/>
        <source>Work item (agency)</source>
        <translation>工作項目（主辦機關）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="104"/>
        <source>ROC %1</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="106"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="108"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="125"/>
        <source>Requested total</source>
        <translation>申請補助合計</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="155"/>
        <source>The plan in force allocates %1 to this work item in ROC %2 (whole programme)</source>
        <translation>適用計畫於民國 %2 年核列此工作項目 %1（全計畫）</translation>
    </message>
</context>
<context>
    <name>FundingPanel</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="219"/>
        <source>ROC </source>
        <translation>民國 </translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="220"/>
        <source>Add year</source>
        <translation>新增年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="222"/>
        <source>Remove empty year</source>
        <translation>移除空白年度</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="235"/>
        <source>Amounts in NT$ per work item of table 1 and ROC year; totals are computed.</source>
        <translation>依表 1 工作項目與年度填寫金額（新臺幣元）；合計與占比自動計算。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="241"/>
        <source>Self-funding:</source>
        <translation>自籌款：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="243"/>
        <source>Matching funds:</source>
        <translation>配合款：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="281"/>
        <source>Requested</source>
        <translation>申請補助</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="281"/>
        <source>Self-funding</source>
        <translation>自籌款</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="282"/>
        <source>Matching funds</source>
        <translation>配合款</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/funding_grid.py" line="284"/>
        <source>Total cost</source>
        <translation>總經費</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="31"/>
        <source>Move to another stage</source>
        <translation>移動階段</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="33"/>
        <source>Plan “%1”</source>
        <translation>計畫「%1」</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="33"/>
        <source>Proposal “%1”</source>
        <translation>提案「%1」</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="42"/>
        <source>Why does it move? e.g. the council asked for a clearer KPI.</source>
        <translation>為什麼移動？例如：會報要求 KPI 更明確。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="48"/>
        <source>Now:</source>
        <translation>目前：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="49"/>
        <source>Move to:</source>
        <translation>移到：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="50"/>
        <source>Comment:</source>
        <translation>說明：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="52"/>
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="62"/>
        <source>Every proposal of the plan moves with it.</source>
        <translation>計畫內的每件事業提案會一起移動。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="74"/>
        <source>Sending needs a complete draft: every section, the applicant, at least one funding line and the three scores.</source>
        <translation>送出前提案必須完整：每個章節、申請單位資料、至少一筆經費需求及三項評分。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="90"/>
        <source>Source: %1</source>
        <translation>依據：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="94"/>
        <source>Please note</source>
        <translation>請注意</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="101"/>
        <source>Cannot send yet</source>
        <translation>尚不能送出</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/dialogs.py" line="104"/>
        <source>Cannot move</source>
        <translation>不能移動</translation>
    </message>
</context>
<context>
    <name>PlanProposalsModel</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="40"/>
        <source>Proposal</source>
        <translation>事業提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="40"/>
        <source>Applicant</source>
        <translation>申請單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="40"/>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="40"/>
        <source>Requested (NT$)</source>
        <translation>申請補助（元）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="41"/>
        <source>Self-funding</source>
        <translation>自籌款</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="41"/>
        <source>Matching funds</source>
        <translation>配合款</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="24"/>
        <source>Plan</source>
        <translation>地方創生計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="24"/>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="24"/>
        <source>Proposals</source>
        <translation>提案數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/tables.py" line="24"/>
        <source>Requested (NT$)</source>
        <translation>申請補助（元）</translation>
    </message>
</context>
<context>
    <name>PlansView</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="50"/>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="191"/>
        <source>New plan</source>
        <translation>新增計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="58"/>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="191"/>
        <source>Choose a plan, or make a new one.</source>
        <translation>請選擇計畫，或新增一個計畫。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="70"/>
        <source>Save plan</source>
        <translation>儲存計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="72"/>
        <source>Move plan to…</source>
        <translation>移動計畫…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="74"/>
        <source>Delete plan</source>
        <translation>刪除計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="77"/>
        <source>Add proposal…</source>
        <translation>加入提案…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="78"/>
        <source>Take out of plan</source>
        <translation>移出計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="79"/>
        <source>Open proposal</source>
        <translation>開啟提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="91"/>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="230"/>
        <source>Plan title:</source>
        <translation>計畫名稱：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="92"/>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="231"/>
        <source>Township office:</source>
        <translation>鄉鎮市區公所：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="93"/>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="229"/>
        <source>County and township:</source>
        <translation>縣市與鄉鎮市區：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="94"/>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="231"/>
        <source>Counselor:</source>
        <translation>輔導員：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="95"/>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="232"/>
        <source>Notes:</source>
        <translation>備註：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="102"/>
        <source>Business proposals of this plan (they move with it):</source>
        <translation>計畫內的事業提案（隨計畫一起移動）：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="111"/>
        <source>Money rolled up from the proposals (NT$):</source>
        <translation>各提案經費彙總（新臺幣元）：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="143"/>
        <source>— county —</source>
        <translation>— 縣市 —</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="188"/>
        <source>— none —</source>
        <translation>— 無 —</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="168"/>
        <source>— township —</source>
        <translation>— 鄉鎮市區 —</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="64"/>
        <source>e.g. Chishang Township Office, Taitung County</source>
        <translation>例如：臺東縣池上鄉公所</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="200"/>
        <source>Requested %1 · self-funding %2 · matching funds %3 · total cost %4</source>
        <translation>申請補助 %1 · 自籌款 %2 · 配合款 %3 · 總經費 %4</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="240"/>
        <source>Delete this plan? Its proposals stay, standing alone.</source>
        <translation>要刪除這個計畫嗎？計畫內的提案會保留，成為單獨提案。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/plans_view.py" line="241"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>ProposalColumns</name>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="77"/>
        <source>Title</source>
        <translation>提案名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="78"/>
        <source>Applicant</source>
        <translation>申請單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="79"/>
        <source>Applicant type</source>
        <translation>申請單位類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="80"/>
        <source>County / township</source>
        <translation>縣市鄉鎮</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="81"/>
        <source>Route</source>
        <translation>提案路徑</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="82"/>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="83"/>
        <source>Workstation</source>
        <translation>協助工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="84"/>
        <source>Counselor</source>
        <translation>輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="85"/>
        <source>Plan</source>
        <translation>地方創生計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="86"/>
        <source>Requested (NT$)</source>
        <translation>申請補助（元）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/proposals/listing.py" line="87"/>
        <source>In stage since</source>
        <translation>進入此階段</translation>
    </message>
</context>
<context>
    <name>ProposalEditor</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="66"/>
        <source>← Back to proposals</source>
        <translation>← 回到提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="72"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="74"/>
        <source>Move to…</source>
        <translation>移動到…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="76"/>
        <source>Versions…</source>
        <translation>版本比較…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="78"/>
        <source>Export PDF…</source>
        <translation>匯出 PDF…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="80"/>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="345"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="95"/>
        <source>Applicant and route</source>
        <translation>申請單位與路徑</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="96"/>
        <source>Sections</source>
        <translation>提案內容</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="97"/>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="296"/>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="297"/>
        <source>Funding</source>
        <translation>經費</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="98"/>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="296"/>
        <source>Scores</source>
        <translation>評分</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="99"/>
        <source>Comments and history</source>
        <translation>輔導意見與歷程</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="183"/>
        <source>New proposal</source>
        <translation>新增提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="188"/>
        <source>in plan “%1”</source>
        <translation>屬於計畫「%1」</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="220"/>
        <source>Please note (%1):</source>
        <translation>請注意（%1 項）：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="221"/>
        <source>(source: %1)</source>
        <translation>（依據：%1）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="226"/>
        <source>Before it can go to the project office, %1 item(s) are missing:</source>
        <translation>送專案辦公室前，尚缺 %1 項：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="231"/>
        <source>Complete: every section, the applicant, funding and the three scores are filled — ready for the project office.</source>
        <translation>資料完整：章節、申請單位、經費與三項評分皆已填寫，可以送專案辦公室。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="269"/>
        <source>Saved “%1”.</source>
        <translation>已儲存「%1」。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="314"/>
        <source>Unsaved changes</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="314"/>
        <source>Save the changes to this proposal?</source>
        <translation>要儲存這件提案的修改嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/editor.py" line="344"/>
        <source>Delete the proposal “%1”? It can be restored from the audit log.</source>
        <translation>要刪除提案「%1」嗎？之後可由稽核紀錄還原。</translation>
    </message>
</context>
<context>
    <name>ProposalFilterBar</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="27"/>
        <source>Search title, applicant, sections…</source>
        <translation>搜尋提案名稱、申請單位、內容…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="37"/>
        <source>All stages</source>
        <translation>全部階段</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="38"/>
        <source>Both routes</source>
        <translation>兩種路徑</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="39"/>
        <source>All applicant types</source>
        <translation>全部申請單位類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="40"/>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="72"/>
        <source>All counties</source>
        <translation>全部縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="41"/>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="73"/>
        <source>All counselors</source>
        <translation>全部輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="42"/>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="74"/>
        <source>All workstations</source>
        <translation>全部工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/filters.py" line="45"/>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
</context>
<context>
    <name>ProposalsPage</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="56"/>
        <source>New proposal</source>
        <translation>新增提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="58"/>
        <source>Move selected to…</source>
        <translation>移動所選…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="60"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="67"/>
        <source>No proposals here yet. Press “New proposal” (Ctrl+N) to write the first one.</source>
        <translation>這裡還沒有提案。按「新增提案」（Ctrl+N）寫下第一件。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="80"/>
        <source>Stage board</source>
        <translation>階段看板</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="81"/>
        <source>List</source>
        <translation>清單</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="82"/>
        <source>Plans</source>
        <translation>地方創生計畫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="83"/>
        <source>Money per work item</source>
        <translation>各工作項目經費</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="113"/>
        <source>%1 proposals</source>
        <translation>共 %1 件提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="113"/>
        <source>%1 proposal</source>
        <translation>共 %1 件提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="246"/>
        <source>Select a proposal or plan first.</source>
        <translation>請先選擇一件提案或計畫。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="284"/>
        <source>Moved “%1”.</source>
        <translation>已移動「%1」。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="335"/>
        <source>Export proposal as PDF</source>
        <translation>匯出提案 PDF</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="336"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="345"/>
        <source>PDF written: %1</source>
        <translation>已寫出 PDF：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/page.py" line="348"/>
        <source>Writing the PDF…</source>
        <translation>正在寫出 PDF…</translation>
    </message>
</context>
<context>
    <name>ScoresPanel</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/scores_form.py" line="86"/>
        <source>Does it grow from the place&apos;s own character (local DNA) and people?</source>
        <translation>是否立基於地方特色（地方 DNA）與在地的人？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/scores_form.py" line="87"/>
        <source>Does the place gain: local jobs, shared profit, public services?</source>
        <translation>地方是否受益：在地就業、收益回饋、公共服務？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/scores_form.py" line="88"/>
        <source>Can it run on its own after the subsidy: customers, revenue, costs?</source>
        <translation>補助結束後能否自主營運：客群、營收、成本？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/scores_form.py" line="92"/>
        <source>Score each criterion from 1 (weak) to 5 (strong), with a comment.</source>
        <translation>每項以 1（弱）到 5（強）評分，並寫下評語。</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/sections_form.py" line="35"/>
        <source>Write this section here…</source>
        <translation>在這裡撰寫本章節…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/sections_form.py" line="53"/>
        <source>%1 characters (suggested at least %2)</source>
        <translation>%1 字（建議至少 %2 字）</translation>
    </message>
</context>
<context>
    <name>SectionsPanel</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/sections_form.py" line="95"/>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
</context>
<context>
    <name>StageBoard</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/board.py" line="103"/>
        <source>Plan · %1 proposals</source>
        <translation>計畫 · %1 案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/board.py" line="111"/>
        <source>Counselor: %1</source>
        <translation>輔導員：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/board.py" line="113"/>
        <source>In this stage since %1</source>
        <translation>%1 起在此階段</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/board.py" line="266"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/board.py" line="269"/>
        <source>Move to</source>
        <translation>移動到</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/board.py" line="275"/>
        <source>County review checklist…</source>
        <translation>縣府審查項目…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/board.py" line="279"/>
        <source>Correct the council&apos;s decision…</source>
        <translation>更正會報核定結果…</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/timeline_view.py" line="23"/>
        <location filename="../../counsel_desk/ui/proposals/timeline_view.py" line="42"/>
        <source>Coaching comment: what was advised, what to do next…</source>
        <translation>輔導意見：給了什麼建議、下一步要做什麼…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/timeline_view.py" line="25"/>
        <source>Add comment</source>
        <translation>新增意見</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/timeline_view.py" line="43"/>
        <source>Save the proposal first to add comments.</source>
        <translation>請先儲存提案，才能新增輔導意見。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/timeline_view.py" line="55"/>
        <source>No comments or moves yet.</source>
        <translation>尚無輔導意見或階段紀錄。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/timeline_view.py" line="59"/>
        <source>(unknown)</source>
        <translation>（不明）</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="76"/>
        <source>Versions of “%1”</source>
        <translation>「%1」的版本</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="89"/>
        <source>Only show differences</source>
        <translation>只顯示差異</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="103"/>
        <source>deleted</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="103"/>
        <source>inserted</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="103"/>
        <source>old value</source>
        <translation>舊值</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="103"/>
        <source>new value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="109"/>
        <source>Older:</source>
        <translation>較舊版本：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="111"/>
        <source>Newer:</source>
        <translation>較新版本：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="143"/>
        <source>No differences.</source>
        <translation>沒有差異。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="144"/>
        <source>%1 field(s) differ.</source>
        <translation>共有 %1 個欄位不同。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/proposals/versions_dialog.py" line="146"/>
        <source>Comment of the move: %1</source>
        <translation>移動說明：%1</translation>
    </message>
</context>
</TS>
