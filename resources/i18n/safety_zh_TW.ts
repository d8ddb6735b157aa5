<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AuditColumns</name>
    <message>
        <location filename="../../counsel_desk/services/safety/audit_log.py" line="64"/>
        <source>No.</source>
        <translation>序號</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/safety/audit_log.py" line="65"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/safety/audit_log.py" line="66"/>
        <source>Who</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/safety/audit_log.py" line="67"/>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/safety/audit_log.py" line="68"/>
        <source>Record</source>
        <translation>對象</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/safety/audit_log.py" line="69"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/services/safety/audit_log.py" line="70"/>
        <source>Detail</source>
        <translation>內容</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="91"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="92"/>
        <source>The entry as stored: its JSON and its place in the hash chain</source>
        <translation>這筆紀錄的原始內容：JSON 與它在雜湊鏈中的位置</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="234"/>
        <source>%1 %2 by %3: %4</source>
        <translation>%1&#x3000;%3&#x3000;%2：%4</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="55"/>
        <source>A date in ROC or Western form: 115/01/01 or 2026-01-01</source>
        <translation>民國或西元日期皆可：115/01/01 或 2026-01-01</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="59"/>
        <source>from 2026-01-01</source>
        <translation>自 115/01/01</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="60"/>
        <source>to 2026-12-31</source>
        <translation>至 115/12/31</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="64"/>
        <source>Search who, record id and details</source>
        <translation>搜尋使用者、對象編號與內容</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="67"/>
        <source>Verify the log</source>
        <translation>驗證稽核紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="69"/>
        <source>Check the hash chain: any entry changed or deleted outside the program shows up.</source>
        <translation>檢查雜湊鏈：任何在程式之外被修改或刪除的紀錄都會被找出來。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="71"/>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="73"/>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="228"/>
        <source>Erase this contact&apos;s personal data…</source>
        <translation>刪除這位聯絡人的個資…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="75"/>
        <source>A person may ask for their personal data to be erased (Personal Data Protection Act).</source>
        <translation>當事人可依個人資料保護法請求刪除其個人資料。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="88"/>
        <source>Select an entry to see everything it recorded.</source>
        <translation>選取一筆紀錄，可在此看到它記下的完整內容。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="115"/>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="115"/>
        <source>Record</source>
        <translation>對象</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="116"/>
        <source>Who</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="190"/>
        <source>All actions</source>
        <translation>全部動作</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="191"/>
        <source>All records</source>
        <translation>全部對象</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="192"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="220"/>
        <source>%1 entries</source>
        <translation>共 %1 筆</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="220"/>
        <source>%1 entry</source>
        <translation>共 %1 筆</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="227"/>
        <source>Erase this team member&apos;s personal data…</source>
        <translation>刪除這位團隊成員的個資…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="255"/>
        <source>Verifying the audit log…</source>
        <translation>正在驗證稽核紀錄…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="283"/>
        <source>Export the audit log</source>
        <translation>匯出稽核紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="284"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 檔 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="292"/>
        <source>Exported %1 entries to %2.</source>
        <translation>已匯出 %1 筆稽核紀錄到 %2。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="292"/>
        <source>Exported %1 entry to %2.</source>
        <translation>已匯出 %1 筆稽核紀錄到 %2。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/audit_page.py" line="299"/>
        <source>Exporting the audit log…</source>
        <translation>正在匯出稽核紀錄…</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/auto_backup.py" line="63"/>
        <source>Automatic backup failed: %1</source>
        <translation>自動備份失敗：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/auto_backup.py" line="68"/>
        <source>Automatic backup failed</source>
        <translation>自動備份失敗</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="41"/>
        <source>When</source>
        <translation>備份時間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="41"/>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="41"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="41"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="75"/>
        <source>The desk backs up by itself: at start when the last backup is older than a day, every 30 minutes while data changes, and before every import and restore. Each backup is checked before it is kept. Kept: everything from the last 48 hours, then one a day for 14 days, one a week for 8 weeks and one a month for 12 months.</source>
        <translation>輔導桌會自動備份：啟動時若上次備份已超過一天、資料有變動時每 30 分鐘一次，以及每次匯入與還原之前。每份備份都先通過完整性檢查才保留。保留方式：最近 48 小時內的全部保留，之後 14 天每天一份、8 週每週一份、12 個月每月一份。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="83"/>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="174"/>
        <source>Back up now</source>
        <translation>立即備份</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="85"/>
        <source>Restore this backup…</source>
        <translation>還原這份備份…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="87"/>
        <source>Restore from a file…</source>
        <translation>從檔案還原…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="89"/>
        <source>Open folder</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="129"/>
        <source>A read-only database can&apos;t be restored into.</source>
        <translation>唯讀的資料庫無法還原備份。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="140"/>
        <source>Folder: %1</source>
        <translation>備份資料夾：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="162"/>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="177"/>
        <source>Backing up…</source>
        <translation>正在備份…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="166"/>
        <source>Backed up to %1 (integrity check passed).</source>
        <translation>已備份為 %1（完整性檢查通過）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="173"/>
        <source>The backup failed: %1</source>
        <translation>備份失敗：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="186"/>
        <source>Restore from a backup file</source>
        <translation>從備份檔還原</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="188"/>
        <source>Desk backup (*.db);;All files (*)</source>
        <translation>輔導桌備份 (*.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="194"/>
        <source>Restore the backup of %1?

The data as it is now is first saved as a safety backup, then replaced by the backup. Work done after %1 will no longer be in the database, but it stays in the safety backup.</source>
        <translation>要還原 %1 的備份嗎？

目前的資料會先另存為一份安全備份，再以這份備份取代。%1 之後所做的修改將不在資料庫中，但仍保存在那份安全備份裡。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="196"/>
        <source>Restore backup</source>
        <translation>還原備份</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="202"/>
        <source>Restored from %1. The data from before is kept in the safety backup %2.</source>
        <translation>已從 %1 還原。還原前的資料保存在安全備份 %2。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/backups_page.py" line="209"/>
        <source>Restoring…</source>
        <translation>正在還原…</translation>
    </message>
</context>
<context>
    <name>EraseContactDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="37"/>
        <source>Erase personal data</source>
        <translation>刪除個人資料</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="48"/>
        <source>Erase the personal data of %1?</source>
        <translation>要刪除 %1 的個人資料嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="50"/>
        <source>The name becomes an anonymous placeholder; phone, e-mail and personal notes are blanked. The contact record itself stays, so visits, proposals and reports keep their counts. This can&apos;t be undone.</source>
        <translation>姓名會改為匿名標示，電話、電子郵件與個人備註會清空。聯絡人這筆紀錄本身仍保留，所以訪視、提案與報表的件數不受影響。此動作無法復原。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="53"/>
        <source>The name becomes an anonymous placeholder and the birth year is cleared. The member stays in the team, so the team&apos;s counts and reports still add up. This can&apos;t be undone.</source>
        <translation>姓名改為匿名代稱，出生年清空。成員仍留在團隊中，團隊人數與報表照常計算。此動作無法復原。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="69"/>
        <source>%1 other records name this person; the name, phone and e-mail in them are replaced too:</source>
        <translation>另有 %1 筆紀錄提到這位聯絡人，其中的姓名、電話與電子郵件也會一併取代：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="62"/>
        <source>No other record names this person.</source>
        <translation>沒有其他紀錄提到這位聯絡人。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="64"/>
        <source>%1 other record names this member; the name in it is replaced too:</source>
        <translation>另有 %1 筆紀錄提到這位成員，其中的姓名也會一併取代：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="65"/>
        <source>%1 other records name this member; the name in them is replaced too:</source>
        <translation>另有 %1 筆紀錄提到這位成員，其中的姓名也會一併取代：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="68"/>
        <source>%1 other record names this person; the name, phone and e-mail in it are replaced too:</source>
        <translation>另有 %1 筆紀錄提到這位聯絡人，其中的姓名、電話與電子郵件也會一併取代：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="72"/>
        <source>Also replace the mentions in other records</source>
        <translation>一併取代其他紀錄中的提及</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="81"/>
        <source>born %1</source>
        <translation>%1 年生</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="81"/>
        <source>birth year unknown</source>
        <translation>出生年未填</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="82"/>
        <source>%1 (ROC %2), %3, %4</source>
        <translation>%1（民國 %2 年），%3，%4</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="88"/>
        <source>Youth-team members with the same name: tick those who are this person, and their name and birth year are erased too.</source>
        <translation>同名的青年團隊成員：勾選確定是同一人的，他們的姓名與出生年也一併刪除。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="93"/>
        <source>Backups made before now still hold the data until they are thinned out; restoring one of them erases this member again automatically.</source>
        <translation>在此之前的備份仍含有這些資料，直到依保留規則被刪除為止；若還原其中一份，程式會自動再次刪除這位成員的個資。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="95"/>
        <source>Backups made before now still hold the data until they are thinned out; restoring one of them erases this person again automatically.</source>
        <translation>在此之前的備份仍含有這些資料，直到依保留規則被刪除為止；若還原其中一份，程式會自動再次刪除這位聯絡人的個資。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="98"/>
        <source>I understand that this can&apos;t be undone</source>
        <translation>我了解此動作無法復原</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="100"/>
        <source>Erase</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="103"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="133"/>
        <source>The personal data of the contact was erased.</source>
        <translation>已刪除這位聯絡人的個人資料。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="134"/>
        <source>The personal data of the team member was erased.</source>
        <translation>已刪除這位團隊成員的個人資料。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/erase_dialog.py" line="150"/>
        <source>Erasing…</source>
        <translation>正在刪除…</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/idle_lock.py" line="40"/>
        <source>The Regional Revitalization Desk is locked</source>
        <translation>地方創生輔導桌已鎖定</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/idle_lock.py" line="42"/>
        <source>It was left alone, so the data is hidden. Enter the passphrase (or the recovery key) to go on where you were.</source>
        <translation>閒置過久，資料已隱藏。請輸入密碼（或復原金鑰），即可回到原本的畫面繼續工作。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/idle_lock.py" line="53"/>
        <source>Unlock</source>
        <translation>解除鎖定</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/idle_lock.py" line="77"/>
        <source>That passphrase does not open it.</source>
        <translation>密碼不正確，無法解除鎖定。</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="64"/>
        <source>Protect the data with a passphrase</source>
        <translation>用密碼保護資料</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="65"/>
        <source>The data on this laptop is encrypted. This computer has no system keyring to keep the key, so choose a passphrase: the Desk asks for it when it starts and after it has been left alone. If you forget it, only the recovery key opens the data.</source>
        <translation>這台筆電上的資料會加密。這台電腦沒有系統金鑰圈可以保管金鑰，請自選一個密碼：地方創生輔導桌啟動時與閒置後會要求輸入。忘記密碼時，只有復原金鑰能開啟資料。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="76"/>
        <source>Passphrase</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="77"/>
        <source>Again</source>
        <translation>再輸入一次</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="94"/>
        <source>The two passphrases differ.</source>
        <translation>兩次輸入的密碼不一樣。</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/banner.py" line="14"/>
        <source>This database is read-only: you can look at everything but not change it. To work on it, copy it to a folder you can write to and open the copy.</source>
        <translation>這個資料庫是唯讀的：可以檢視所有資料，但無法修改。若要編輯，請把它複製到可寫入的資料夾，再開啟那份複本。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/recovery_dialog.py" line="37"/>
        <source>The database is damaged</source>
        <translation>資料庫已損毀</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/recovery_dialog.py" line="41"/>
        <source>The database file %1 is damaged and can&apos;t be opened (%2).</source>
        <translation>資料庫檔案 %1 已損毀，無法開啟（%2）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/recovery_dialog.py" line="43"/>
        <source>Nothing was deleted: the damaged file was moved to %1, where a specialist can still rescue what the last backup lacks.</source>
        <translation>沒有刪除任何檔案：損毀的檔案已移到 %1，專業人員仍可從中救回最近一次備份之後的資料。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/recovery_dialog.py" line="48"/>
        <source>The newest good backup is from %1 (%2, %3). Work done after it is not in it.</source>
        <translation>最新一份完好的備份是 %1（%2，%3）。在那之後所做的修改不在其中。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/recovery_dialog.py" line="51"/>
        <source>There is no backup that passes its check. You can start with an empty database.</source>
        <translation>沒有通過檢查的備份。您可以從空白的資料庫開始。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/recovery_dialog.py" line="56"/>
        <source>Restore this backup</source>
        <translation>還原這份備份</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/recovery_dialog.py" line="59"/>
        <source>Start with an empty database</source>
        <translation>從空白資料庫開始</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/recovery_dialog.py" line="61"/>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="110"/>
        <source>Your recovery key</source>
        <translation>您的復原金鑰</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="113"/>
        <source>The data of this laptop is encrypted. If the passphrase is forgotten or this computer&apos;s user account is lost, only this recovery key opens it. Print it or write it down and keep it away from the laptop. It is shown only this once.</source>
        <translation>這台筆電的資料已加密。忘記密碼或這台電腦的使用者帳戶遺失時，只有這組復原金鑰能開啟資料。請列印或抄寫下來，與筆電分開保管。復原金鑰只會顯示這一次。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="125"/>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="127"/>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="129"/>
        <source>I have printed or written down the recovery key</source>
        <translation>我已列印或抄下復原金鑰</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="158"/>
        <source>Regional Revitalization Desk recovery key</source>
        <translation>地方創生輔導桌復原金鑰</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="159"/>
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
</context>
<context>
    <name>ServerBackupPanel</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/server_backups.py" line="30"/>
        <source>This database is on the center&apos;s server. It is backed up on the server with pg_dump, on a schedule the center&apos;s IT person sets up (counsel-desk server backup, see docs/server.md); a restore is done there too. The program itself keeps no copies of a server database.</source>
        <translation>這個資料庫在中心的伺服器上，由伺服器依中心資訊人員設定的排程以 pg_dump 備份（counsel-desk server backup，見 docs/server.md）；還原也在伺服器上進行。本程式不保存伺服器資料庫的副本。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/server_backups.py" line="34"/>
        <source>Looking for the last server backup…</source>
        <translation>正在查詢伺服器最近一次的備份…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/server_backups.py" line="38"/>
        <source>Check again</source>
        <translation>重新查詢</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/server_backups.py" line="58"/>
        <source>Could not read the server&apos;s backup record: %1</source>
        <translation>無法讀取伺服器的備份紀錄：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/server_backups.py" line="69"/>
        <source>No backup of this server database has been recorded yet. Next step: ask the center&apos;s IT person to schedule &quot;counsel-desk server backup --db … --folder …&quot; on the server every day (Windows Task Scheduler or cron; docs/server.md, section 5).</source>
        <translation>這個伺服器資料庫還沒有任何備份紀錄。下一步：請中心的資訊人員在伺服器上排程每天執行「counsel-desk server backup --db … --folder …」（Windows 工作排程器或 cron；見 docs/server.md 第 5 節）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/server_backups.py" line="74"/>
        <source>Last server backup: %1, on %2
File: %3
Size: %4</source>
        <translation>伺服器最近一次備份：%1，於 %2
檔案：%3
大小：%4</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/server_backups.py" line="78"/>
        <source>That is more than %1 days ago: ask the center&apos;s IT person to check the scheduled backup.</source>
        <translation>這已超過 %1 天：請中心的資訊人員檢查備份排程。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="32"/>
        <source>Encrypted database</source>
        <translation>加密的資料庫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="33"/>
        <source>The database %1 is encrypted. Enter its passphrase, or the recovery key you printed when it was set up.</source>
        <translation>資料庫 %1 已加密。請輸入密碼，或設定時列印的復原金鑰。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="36"/>
        <source>That passphrase or recovery key does not open it. Try again.</source>
        <translation>密碼或復原金鑰不正確，無法開啟。請再試一次。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/safety/key_dialogs.py" line="43"/>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
</context>
</TS>
