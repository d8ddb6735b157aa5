<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AttachmentsBox</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/attachments_box.py" line="53"/>
        <source>Drop files here to attach them</source>
        <translation>將檔案拖曳到這裡即可附加</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/attachments_box.py" line="55"/>
        <source>Add files…</source>
        <translation>加入檔案…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/attachments_box.py" line="57"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/attachments_box.py" line="59"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/attachments_box.py" line="99"/>
        <source>Attach files</source>
        <translation>附加檔案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/attachments_box.py" line="100"/>
        <source>Photos and documents (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.txt);;All files (*)</source>
        <translation>照片與文件 (*.jpg *.jpeg *.png *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.txt);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>CloseFollowUpDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="157"/>
        <source>Close follow-up</source>
        <translation>追蹤事項結案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="160"/>
        <source>Follow-up</source>
        <translation>追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="167"/>
        <source>What came of it: done, agreed, referred to…</source>
        <translation>辦理結果：已完成、已議定、已轉介…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="168"/>
        <source>Followed up on</source>
        <translation>追蹤日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="169"/>
        <source>Result</source>
        <translation>辦理結果</translation>
    </message>
</context>
<context>
    <name>EditorHost</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_host.py" line="97"/>
        <source>A visit you were editing was not saved (draft of %1%2), probably because the app closed unexpectedly. Restore it?</source>
        <translation>有一筆編輯中的訪視紀錄尚未儲存（%1 的草稿%2），可能是程式意外關閉。要還原嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_host.py" line="99"/>
        <source>Restore unsaved visit</source>
        <translation>還原未儲存的訪視紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_host.py" line="145"/>
        <source>The visit is back.</source>
        <translation>訪視紀錄已復原。</translation>
    </message>
</context>
<context>
    <name>FollowUpColumns</name>
    <message>
        <location filename="../../counsel_desk/services/visits/followups.py" line="191"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/followups.py" line="192"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/followups.py" line="193"/>
        <source>Follow-up</source>
        <translation>追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/followups.py" line="194"/>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/followups.py" line="195"/>
        <source>Visit date</source>
        <translation>訪視日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/followups.py" line="196"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/followups.py" line="197"/>
        <source>Visited</source>
        <translation>受訪對象</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/followups.py" line="198"/>
        <source>Followed up</source>
        <translation>追蹤日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/followups.py" line="199"/>
        <source>Result</source>
        <translation>辦理結果</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="68"/>
        <source>A counselor, or type the name of someone else</source>
        <translation>選一位輔導員，或輸入其他人的姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="114"/>
        <source>Follow-up</source>
        <translation>追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="114"/>
        <source>New follow-up</source>
        <translation>新增追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="131"/>
        <source>What to follow up</source>
        <translation>追蹤事項內容</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="132"/>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="133"/>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="134"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="135"/>
        <source>Followed up on</source>
        <translation>追蹤日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="136"/>
        <source>Result</source>
        <translation>辦理結果</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="137"/>
        <source>Closing needs the date it was followed up and the result.</source>
        <translation>結案時必須填寫追蹤日期與辦理結果。</translation>
    </message>
</context>
<context>
    <name>FollowUpListPage</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="52"/>
        <source>Search follow-ups, owners and results</source>
        <translation>搜尋追蹤事項、負責人與辦理結果</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="55"/>
        <source>Only mine</source>
        <translation>只看我負責的</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="57"/>
        <source>Only the follow-ups whose owner is you</source>
        <translation>只顯示負責人是您的追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="60"/>
        <source>No follow-ups here. They are added inside a visit with “Add follow-up…”; ticking “Only mine” shows the ones you own.</source>
        <translation>這裡沒有追蹤事項。追蹤事項在訪視中以「新增追蹤事項…」加入；勾選「只看我負責的」會列出您負責的。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="63"/>
        <source>Close follow-up…</source>
        <translation>結案…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="65"/>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="67"/>
        <source>Open visit</source>
        <translation>開啟訪視紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="106"/>
        <source>The visit %1 was deleted with its follow-ups.</source>
        <translation>已刪除訪視紀錄 %1 及其追蹤事項。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="111"/>
        <source>Due this week: %1</source>
        <translation>本週到期：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="112"/>
        <source>Overdue: %1</source>
        <translation>逾期：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="113"/>
        <source>Open: %1</source>
        <translation>未結案：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="114"/>
        <source>%1 shown</source>
        <translation>顯示 %1 筆</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="184"/>
        <source>“%1” closed on %2: %3</source>
        <translation>「%1」已於 %2 結案：%3</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followups_page.py" line="187"/>
        <source>“%1” saved.</source>
        <translation>「%1」已儲存。</translation>
    </message>
</context>
<context>
    <name>FollowUpTableModel</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="37"/>
        <source>Follow-up</source>
        <translation>追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="37"/>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="37"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="37"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="38"/>
        <source>Followed up</source>
        <translation>追蹤日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/followup_dialogs.py" line="38"/>
        <source>Result</source>
        <translation>辦理結果</translation>
    </message>
</context>
<context>
    <name>NewContactDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/people_dialogs.py" line="58"/>
        <source>New contact</source>
        <translation>新增聯絡人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/people_dialogs.py" line="72"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/people_dialogs.py" line="73"/>
        <source>Title</source>
        <translation>職稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/people_dialogs.py" line="74"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/people_dialogs.py" line="75"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
</context>
<context>
    <name>NewOrganizationDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/people_dialogs.py" line="23"/>
        <source>New organisation</source>
        <translation>新增單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/people_dialogs.py" line="37"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/people_dialogs.py" line="38"/>
        <source>Kind</source>
        <translation>單位類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/people_dialogs.py" line="39"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/widgets.py" line="73"/>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/widgets.py" line="75"/>
        <source>Dismiss</source>
        <translation>關閉提示</translation>
    </message>
</context>
<context>
    <name>VisitColumns</name>
    <message>
        <location filename="../../counsel_desk/services/visits/visit_list.py" line="36"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/visit_list.py" line="37"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/visit_list.py" line="38"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/visit_list.py" line="39"/>
        <source>Visited</source>
        <translation>受訪對象</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/visit_list.py" line="40"/>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/visit_list.py" line="41"/>
        <source>Counselors</source>
        <translation>輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/visit_list.py" line="42"/>
        <source>Purpose</source>
        <translation>訪視目的</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/visits/visit_list.py" line="43"/>
        <source>Open follow-ups</source>
        <translation>未結追蹤</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="88"/>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="313"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="92"/>
        <source>Save and close</source>
        <translation>儲存並關閉</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="95"/>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="145"/>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="298"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="98"/>
        <source>Add support record…</source>
        <translation>新增工作站輔導紀錄…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="100"/>
        <source>Record this visit as support given to a youth workstation</source>
        <translation>將這次訪視記為對青年培力工作站的輔導</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="102"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="138"/>
        <source>Site visit %1</source>
        <translation>實地訪視 %1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="141"/>
        <source>New site visit</source>
        <translation>新增實地訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="145"/>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="291"/>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="204"/>
        <source>Not saved: please correct the fields marked in red.</source>
        <translation>尚未儲存：請修正以紅字標示的欄位。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="220"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="223"/>
        <source>Visit saved.</source>
        <translation>訪視紀錄已儲存。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="267"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="267"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="267"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="268"/>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="268"/>
        <source>Organization</source>
        <translation>單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="269"/>
        <source>Workstation</source>
        <translation>青年培力工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="269"/>
        <source>Public space</source>
        <translation>公有空間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="270"/>
        <source>Visited</source>
        <translation>受訪對象</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="270"/>
        <source>Purpose</source>
        <translation>訪視目的</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="270"/>
        <source>Findings</source>
        <translation>訪視發現</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="271"/>
        <source>Issues</source>
        <translation>課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="271"/>
        <source>Advice</source>
        <translation>輔導建議</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="271"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="272"/>
        <source>Key visit</source>
        <translation>重點訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="272"/>
        <source>Counselors</source>
        <translation>輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="273"/>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="290"/>
        <source>Discard this new visit?</source>
        <translation>要捨棄這筆新的訪視紀錄嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="297"/>
        <source>Delete the visit %1 with its follow-ups? You can undo it right after in the visit list.</source>
        <translation>要刪除訪視紀錄 %1 及其追蹤事項嗎？刪除後可立即在訪視清單中復原。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="312"/>
        <source>The visit must be saved before a support record can refer to it. Save it now?</source>
        <translation>輔導紀錄要連結這次訪視，必須先儲存訪視紀錄。現在儲存嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="333"/>
        <source>Unsaved changes</source>
        <translation>尚未儲存的變更</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="334"/>
        <source>This visit has changes that are not saved. Save them before closing?</source>
        <translation>這筆訪視紀錄有尚未儲存的變更。關閉前要先儲存嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor.py" line="371"/>
        <source>Follow-up “%1”: %2</source>
        <translation>追蹤事項「%1」：%2</translation>
    </message>
</context>
<context>
    <name>VisitFilterBar</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="63"/>
        <source>Any time</source>
        <translation>不限期間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="63"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="64"/>
        <source>Last month</source>
        <translation>上個月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="64"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="65"/>
        <source>Last 12 months</source>
        <translation>近 12 個月</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="65"/>
        <source>Custom</source>
        <translation>自訂</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="73"/>
        <source>from</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="73"/>
        <source>to</source>
        <translation>迄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="85"/>
        <source>Clear filters</source>
        <translation>清除篩選</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="90"/>
        <source>Due:</source>
        <translation>期限：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="90"/>
        <source>Period:</source>
        <translation>期間：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="145"/>
        <source>All counties</source>
        <translation>全部縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="147"/>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="181"/>
        <source>All townships</source>
        <translation>全部鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="150"/>
        <source>All modes</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="152"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="153"/>
        <source>Due this week</source>
        <translation>本週到期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="152"/>
        <source>Not closed</source>
        <translation>未結案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="153"/>
        <source>Closed</source>
        <translation>已結案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="154"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="154"/>
        <source>All statuses</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="156"/>
        <source>Any follow-ups</source>
        <translation>不限追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="156"/>
        <source>Has open follow-ups</source>
        <translation>有未結追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="157"/>
        <source>Has overdue follow-ups</source>
        <translation>有逾期追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="157"/>
        <source>No open follow-ups</source>
        <translation>無未結追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/filters.py" line="163"/>
        <source>All counselors</source>
        <translation>全部輔導員</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="85"/>
        <source>Roster…</source>
        <translation>名單…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="87"/>
        <source>Add or change the center&apos;s counselors</source>
        <translation>新增或修改本中心的輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="97"/>
        <source>Type to find an organisation</source>
        <translation>輸入文字搜尋單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="99"/>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="101"/>
        <source>Add an organisation that is not in the list yet</source>
        <translation>新增清單中還沒有的單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="110"/>
        <source>New contact…</source>
        <translation>新增聯絡人…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="120"/>
        <source>As written on the visit form</source>
        <translation>依訪視紀錄表填寫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="127"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="128"/>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="129"/>
        <source>Township</source>
        <translation>鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="130"/>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="131"/>
        <source>Key visit (listed in the monthly report)</source>
        <translation>重點訪視（列入月報）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="134"/>
        <source>Counselors</source>
        <translation>輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="135"/>
        <source>Organisation</source>
        <translation>受訪單位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="136"/>
        <source>Contacts met</source>
        <translation>會晤聯絡人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="137"/>
        <source>Visited</source>
        <translation>受訪對象</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="138"/>
        <source>Workstation</source>
        <translation>青年培力工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="139"/>
        <source>Public space</source>
        <translation>公有空間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="145"/>
        <source>Purpose</source>
        <translation>訪視目的</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="146"/>
        <source>Findings</source>
        <translation>訪視發現</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="146"/>
        <source>Issues</source>
        <translation>課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="146"/>
        <source>Advice</source>
        <translation>輔導建議</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="147"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="159"/>
        <source>Issue topics</source>
        <translation>推動課題</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="161"/>
        <source>Visit</source>
        <translation>訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="163"/>
        <source>What was found and advised</source>
        <translation>發現與建議</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="172"/>
        <source>Add follow-up…</source>
        <translation>新增追蹤事項…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="174"/>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="176"/>
        <source>Close follow-up…</source>
        <translation>結案…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="178"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="218"/>
        <source>Choose a county</source>
        <translation>請選擇縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="220"/>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="284"/>
        <source>Choose the county first</source>
        <translation>請先選擇縣市</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="222"/>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="224"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="238"/>
        <source>Follow-ups (%1)</source>
        <translation>追蹤事項（%1）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="239"/>
        <source>Attachments (%1)</source>
        <translation>附件（%1）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="284"/>
        <source>Choose a township</source>
        <translation>請選擇鄉鎮市區</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/editor_form.py" line="505"/>
        <source>“%1” closed — press Save to keep it.</source>
        <translation>「%1」已結案，按「儲存」後存檔。</translation>
    </message>
</context>
<context>
    <name>VisitListPage</name>
    <message>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="45"/>
        <source>Search every field — e.g. a place, a topic, a counselor&apos;s name</source>
        <translation>搜尋所有欄位，例如：咖啡、返鄉青年、輔導員姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="49"/>
        <source>New visit</source>
        <translation>新增訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="51"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="55"/>
        <source>No visits here yet. Press “New visit” (Ctrl+N) to record the first one.</source>
        <translation>這裡還沒有訪視紀錄。按「新增訪視」（Ctrl+N）記下第一筆。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="58"/>
        <source>Visits in brown have overdue follow-ups.</source>
        <translation>褐色字的訪視有逾期未結的追蹤事項。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="81"/>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="92"/>
        <source>%1 visits</source>
        <translation>共 %1 筆</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="92"/>
        <source>%1 visit</source>
        <translation>共 %1 筆</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="100"/>
        <source>Choose a visit in the list first.</source>
        <translation>請先在清單中選擇一筆訪視紀錄。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="108"/>
        <location filename="../../counsel_desk/ui/visits/list_page.py" line="109"/>
        <source>The visit %1 was deleted.</source>
        <translation>已刪除訪視紀錄 %1。</translation>
    </message>
</context>
</TS>
