<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="50"/>
        <source>These records were changed here and elsewhere since the two last met. Nothing was overwritten: the list shows the version this database shows now (&quot;mine&quot;) and the other one. Decide field by field; the decision goes with your next export.</source>
        <translation>這些資料自上次交換後，在這裡和別處都被修改過。沒有任何一邊被覆蓋：清單列出這個資料庫目前顯示的版本（「我的」）和另一個版本。請逐欄決定；決定會隨下次匯出一起送出。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="54"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="54"/>
        <source>Record</source>
        <translation>資料</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="54"/>
        <source>Fields</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="54"/>
        <source>Found</source>
        <translation>發現日期</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="55"/>
        <source>From</source>
        <translation>來源</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="69"/>
        <source>Apply decision</source>
        <translation>套用決定</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="131"/>
        <source>No conflicts: every record agrees.</source>
        <translation>沒有衝突：每筆資料都一致。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="134"/>
        <source>%1 “%2” — mine (shown now): %3; theirs: %4</source>
        <translation>%1「%2」— 我的（目前顯示）：%3；對方的：%4</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="136"/>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="136"/>
        <source>Mine (shown now)</source>
        <translation>我的（目前顯示）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="136"/>
        <source>Theirs</source>
        <translation>對方的</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="137"/>
        <source>Decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="137"/>
        <source>New value</source>
        <translation>新的內容</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="141"/>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="143"/>
        <source>(empty)</source>
        <translation>（空白）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="147"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="149"/>
        <source>Take theirs</source>
        <translation>採用對方的</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="149"/>
        <source>Take version %1</source>
        <translation>採用版本 %1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="152"/>
        <source>Edit</source>
        <translation>自行輸入</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="170"/>
        <source>Conflict</source>
        <translation>衝突</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/conflicts_tab.py" line="175"/>
        <source>Decided: “%1”. The decision is in the audit log and goes with your next export.</source>
        <translation>已決定：「%1」。決定已記入稽核紀錄，並會隨下次匯出送出。</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="40"/>
        <source>Write this database&apos;s records into an Excel workbook for the center or headquarters. The workbook carries every record with its id and change stamps, deletions included, so the other side can merge it without duplicates and without losing anyone&apos;s changes.</source>
        <translation>將這個資料庫的資料寫成 Excel 活頁簿，交給分區中心或專案辦公室。活頁簿中每筆資料都帶有識別碼與修改紀錄（刪除也包括在內），對方合併時不會重複，也不會遺失任何人的修改。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="46"/>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="48"/>
        <source>Only what changed since the last export to this file</source>
        <translation>只匯出上次匯出到這個檔案之後的變更</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="52"/>
        <source>Mask personal data (phone, e-mail, personal notes; team members&apos; names and birth years) — recommended</source>
        <translation>遮蔽個人資料（電話、電子郵件、個人備註；青年團隊成員的姓名與出生年）— 建議勾選</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="55"/>
        <source>Also pack the attachment files into a zip beside the workbook</source>
        <translation>同時將附件檔案打包成活頁簿旁的 zip 檔</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="59"/>
        <source>This database is encrypted, but the workbook and the attachments zip you export are not: carry them on an encrypted USB stick or by another safe way, and delete them once they have been imported.</source>
        <translation>這個資料庫有加密，但匯出的活頁簿與附件壓縮檔沒有加密：請用加密的隨身碟或其他安全的方式傳送，匯入完成後即刪除。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="65"/>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="176"/>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="75"/>
        <source>Workbook:</source>
        <translation>活頁簿：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="110"/>
        <source>Nothing was exported to this file yet: everything will be exported.</source>
        <translation>尚未匯出過到這個檔案：將匯出全部資料。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="112"/>
        <source>Last export to this file: %1 %2</source>
        <translation>上次匯出到這個檔案：%1 %2</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="117"/>
        <source>Export to workbook</source>
        <translation>匯出到活頁簿</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="118"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="128"/>
        <source>Export personal data unmasked?

Phone numbers, e-mail addresses and personal notes of contacts and counselors, and the names and birth years of youth-team members, will be readable by anyone who gets the workbook. Do this only for your own center&apos;s laptops. Your confirmation is recorded in the audit log.</source>
        <translation>確定要匯出未遮蔽的個人資料嗎？

聯絡人與輔導員的電話、電子郵件和個人備註，以及青年團隊成員的姓名與出生年，任何拿到這個活頁簿的人都看得到。請只在交給自己中心的筆電時這樣做。您的確認會記入稽核紀錄。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="131"/>
        <source>Unmask personal data</source>
        <translation>不遮蔽個人資料</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="149"/>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="178"/>
        <source>Exporting…</source>
        <translation>匯出中…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="157"/>
        <source>personal data masked</source>
        <translation>個人資料已遮蔽</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="157"/>
        <source>personal data NOT masked</source>
        <translation>個人資料未遮蔽</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="158"/>
        <source>Exported %1 record (%2) to %3 in %4 s.</source>
        <translation>已匯出 %1 筆（%2）到 %3，耗時 %4 秒。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="159"/>
        <source>Exported %1 records (%2) to %3 in %4 s.</source>
        <translation>已匯出 %1 筆（%2）到 %3，耗時 %4 秒。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="163"/>
        <source>%1 attachment file was not found here.</source>
        <translation>有 %1 個附件檔案在這台電腦上找不到。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="164"/>
        <source>%1 attachment files were not found here.</source>
        <translation>有 %1 個附件檔案在這台電腦上找不到。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/export_tab.py" line="173"/>
        <source>Not exported: %1</source>
        <translation>未匯出：%1</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="31"/>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="34"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="31"/>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="34"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="31"/>
        <source>From center</source>
        <translation>來源中心</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="31"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="32"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="32"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="32"/>
        <source>Conflicts</source>
        <translation>衝突</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="32"/>
        <source>Unchanged</source>
        <translation>未變更</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="33"/>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="35"/>
        <source>By</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="34"/>
        <source>Personal data</source>
        <translation>個人資料</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="34"/>
        <source>Scope</source>
        <translation>範圍</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="35"/>
        <source>Records</source>
        <translation>筆數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="49"/>
        <source>Imported here</source>
        <translation>匯入到這裡的檔案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="54"/>
        <source>Exported from here</source>
        <translation>從這裡匯出的檔案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="67"/>
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="67"/>
        <source>Applied</source>
        <translation>已套用</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="74"/>
        <source>masked</source>
        <translation>已遮蔽</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="74"/>
        <source>unmasked</source>
        <translation>未遮蔽</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="75"/>
        <source>changes since %1</source>
        <translation>%1 之後的變更</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="75"/>
        <source>everything</source>
        <translation>全部資料</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="76"/>
        <source>center server %1</source>
        <translation>中心伺服器 %1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/history_tab.py" line="81"/>
        <source>Last sync with the center server %1: %2</source>
        <translation>上次與中心伺服器 %1 同步：%2</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="39"/>
        <source>Merge workbooks exported by the counselors&apos; laptops or by the centers. Every file is checked completely first; nothing is written unless all of them are in order. Preview shows exactly what applying would do.</source>
        <translation>合併輔導員筆電或各分區中心匯出的活頁簿。每個檔案都會先完整檢查；只要有一個檔案有問題，就不寫入任何資料。「預覽」會準確列出套用後的結果。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="47"/>
        <source>Add files…</source>
        <translation>加入檔案…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="49"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="51"/>
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="53"/>
        <source>Apply</source>
        <translation>套用</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="58"/>
        <source>Entity</source>
        <translation>資料類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="58"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="58"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="58"/>
        <source>Unchanged</source>
        <translation>未變更</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="59"/>
        <source>In conflict</source>
        <translation>衝突</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="59"/>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="60"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="60"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="60"/>
        <source>Row</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="60"/>
        <source>Column</source>
        <translation>欄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="61"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="111"/>
        <source>Workbooks to import</source>
        <translation>要匯入的活頁簿</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="113"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 活頁簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="145"/>
        <source>Checking…</source>
        <translation>檢查中…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="145"/>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="168"/>
        <source>Importing…</source>
        <translation>匯入中…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="163"/>
        <source>Not imported: %1</source>
        <translation>未匯入：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="166"/>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="168"/>
        <source>Checking the workbooks…</source>
        <translation>檢查活頁簿中…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="181"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="186"/>
        <source>Correct the problems listed below in the workbook (or ask its sender for a new export) and preview again.</source>
        <translation>請在活頁簿中更正下列問題（或請寄件人重新匯出），再預覽一次。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="189"/>
        <source>%1 more problem is not listed.</source>
        <translation>另有 %1 個問題未列出。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="190"/>
        <source>%1 more problems are not listed.</source>
        <translation>另有 %1 個問題未列出。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="192"/>
        <source>Press Apply to import.</source>
        <translation>按「套用」即可匯入。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/import_tab.py" line="194"/>
        <source>Open the Conflicts tab to decide between the versions.</source>
        <translation>請到「衝突」分頁決定要採用哪個版本。</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="33"/>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="117"/>
        <source>Sync with the center server</source>
        <translation>與中心伺服器同步</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="39"/>
        <source>Sends what changed on this computer since the last sync to the center&apos;s server and brings back what colleagues changed there, with the same merge rules as the workbook: a record changed on both sides becomes a conflict to decide here, nothing is overwritten. Without a connection keep working; sync later.</source>
        <translation>把這台電腦自上次同步後的變更送到中心的伺服器，並取回同事在伺服器上的變更；合併規則與交換檔相同：兩邊都改過的資料會成為衝突，在這裡決定，不會被覆蓋。沒有網路時照常工作，之後再同步即可。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="45"/>
        <source>Center server</source>
        <translation>中心伺服器</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="46"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="77"/>
        <source>never</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="79"/>
        <source>This window works on a server database directly: there is nothing to sync.</source>
        <translation>這個視窗直接使用伺服器上的資料庫，不需要同步。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="81"/>
        <source>No center server is set up on this computer: add one under Edit → Preferences → Database (Add server…).</source>
        <translation>這台電腦還沒有設定中心伺服器：請到「編輯 → 偏好設定 → 資料庫」按「新增伺服器…」。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="94"/>
        <source>Connecting to the center server…</source>
        <translation>正在連線到中心伺服器…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="114"/>
        <source>Not synced: %1</source>
        <translation>未同步：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/server_tab.py" line="120"/>
        <source>Syncing with the center server…</source>
        <translation>正在與中心伺服器同步…</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../counsel_desk/ui/sync/page.py" line="36"/>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/page.py" line="37"/>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/page.py" line="39"/>
        <source>Center server</source>
        <translation>中心伺服器</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/page.py" line="38"/>
        <location filename="../../counsel_desk/ui/sync/page.py" line="59"/>
        <source>Conflicts</source>
        <translation>衝突</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/page.py" line="40"/>
        <source>History</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/sync/page.py" line="59"/>
        <source>Conflicts (%1)</source>
        <translation>衝突（%1）</translation>
    </message>
</context>
</TS>
