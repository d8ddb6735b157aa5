<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/about.py" line="34" />
        <source>About the Regional Revitalization Desk</source>
        <translation>關於地方創生輔導桌</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/about.py" line="36" />
        <source>A desktop tool for Taiwan's regional revitalization counseling centers: site visits, workstations, proposals, monthly reports and sync.</source>
        <translation>地方創生分區輔導中心的桌面工具：實地訪視、青年培力工作站、事業提案、月報與資料同步。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/about.py" line="41" />
        <source>Bundled fonts, data and libraries</source>
        <translation>隨附的字型、資料與程式庫</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../counsel_desk/ui/context.py" line="56" />
        <source>Demo user</source>
        <translation>示範使用者</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/startup.py" line="138" />
        <source>Making the demo database (invented visits, people and proposals)…</source>
        <translation>正在建立示範資料庫（虛構的訪視、人員與提案）…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/startup.py" line="252" />
        <source>Cannot open the database</source>
        <translation>無法開啟資料庫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/startup.py" line="258" />
        <source>Open database</source>
        <translation>開啟資料庫</translation>
    </message>
</context>
<context>
    <name>Databases</name>
    <message>
        <location filename="../../counsel_desk/ui/databases.py" line="67" />
        <source>New database</source>
        <translation>新增資料庫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/databases.py" line="68" />
        <source>Desk database (*.db)</source>
        <translation>輔導桌資料庫 (*.db)</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../counsel_desk/ui/databases.py" line="37" />
        <source>Demo data: the people, organisations and records here are invented. Try anything — your own database is not touched.</source>
        <translation>示範資料：這裡的人員、單位與紀錄都是虛構的，可以放心試用，不會動到您自己的資料庫。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/databases.py" line="40" />
        <source>Back to my database</source>
        <translation>回到我的資料庫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/databases.py" line="40" />
        <source>Create my database…</source>
        <translation>建立我的資料庫…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/databases.py" line="44" />
        <source>DEMO</source>
        <translation>示範資料</translation>
    </message>
</context>
<context>
    <name>EmptyHint</name>
    <message>
        <location filename="../../counsel_desk/ui/empty_state.py" line="60" />
        <source>Nothing matches “%1”.</source>
        <translation>沒有符合「%1」的紀錄。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/empty_state.py" line="61" />
        <source>Nothing matches the filters chosen.</source>
        <translation>沒有符合篩選條件的紀錄。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/empty_state.py" line="64" />
        <source>Clear the search and filters</source>
        <translation>清除搜尋與篩選條件</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="36" />
        <source>Welcome to the Regional Revitalization Desk</source>
        <translation>歡迎使用地方創生輔導桌</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="43" />
        <location filename="../../counsel_desk/ui/first_run.py" line="136" />
        <source>Tell us which center you work for and who you are. Everything stays on this laptop until you export it.</source>
        <translation>請選擇您所屬的分區輔導中心並填寫姓名。所有資料都只存在這台電腦，直到您匯出為止。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="51" />
        <source>e.g. Lin Yi-chun</source>
        <translation>例如：林怡君</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="53" />
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="62" />
        <source>This computer's file</source>
        <translation>這台電腦的檔案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="64" />
        <source>The center's server</source>
        <translation>中心的伺服器</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="88" />
        <location filename="../../counsel_desk/ui/first_run.py" line="125" />
        <source>Regional center</source>
        <translation>分區輔導中心</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="89" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="90" />
        <source>Your data</source>
        <translation>資料存放</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="91" />
        <location filename="../../counsel_desk/ui/first_run.py" line="145" />
        <source>Data folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="95" />
        <source>Start</source>
        <translation>開始使用</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="96" />
        <source>Open the demo database</source>
        <translation>開啟示範資料庫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="134" />
        <source>Tell us which center you work for and who you are, and how to reach the center's server: your center's IT person gives you the address and your login.</source>
        <translation>請選擇您所屬的分區輔導中心、填寫姓名，並設定如何連到中心的伺服器：伺服器位址與您的登入帳號由中心的資訊人員提供。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="159" />
        <source>Please enter your name: it is recorded with every change you make.</source>
        <translation>請填寫姓名：每一筆修改都會記錄修改者。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/first_run.py" line="182" />
        <source>Password not kept</source>
        <translation>密碼未存下</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../counsel_desk/ui/help.py" line="26" />
        <source>Save the record being edited</source>
        <translation>儲存正在編輯的紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/help.py" line="27" />
        <source>Open the calendar of a date field</source>
        <translation>打開日期欄位的月曆</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/help.py" line="28" />
        <source>Close a dialog or editor (unsaved changes are asked about)</source>
        <translation>關閉對話框或編輯視窗（未儲存的修改會先詢問）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="189" />
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="190" />
        <source>&amp;New record</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="195" />
        <source>New &amp;database…</source>
        <translation>新增資料庫(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="199" />
        <source>&amp;Open database…</source>
        <translation>開啟資料庫(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="203" />
        <source>Open the de&amp;mo database</source>
        <translation>開啟示範資料庫(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="206" />
        <source>&amp;Back to my database</source>
        <translation>回到我的資料庫(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="211" />
        <source>Export list as &amp;CSV…</source>
        <translation>將清單匯出為 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="215" />
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="220" />
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="221" />
        <source>&amp;Find</source>
        <translation>搜尋(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="225" />
        <source>&amp;Counselors…</source>
        <translation>輔導員名單(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="231" />
        <source>Issue &amp;topics…</source>
        <translation>推動課題(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="235" />
        <source>Counties of each &amp;center…</source>
        <translation>各中心縣市(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="239" />
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="245" />
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="253" />
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="289" />
        <source>This page has no list to export.</source>
        <translation>這一頁沒有可匯出的清單。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="296" />
        <source>Export list as CSV</source>
        <translation>將清單匯出為 CSV</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="297" />
        <source>CSV (*.csv)</source>
        <translation>CSV 檔 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="305" />
        <source>Exported %1 row to %2</source>
        <translation>已匯出 %1 筆到 %2</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="306" />
        <source>Exported %1 rows to %2</source>
        <translation>已匯出 %1 筆到 %2</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="312" />
        <source>Open database</source>
        <translation>開啟資料庫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="424" />
        <source>Opening the database…</source>
        <translation>正在開啟資料庫…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="357" />
        <location filename="../../counsel_desk/ui/main_window.py" line="432" />
        <source> (read-only)</source>
        <translation>（唯讀）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="254" />
        <source>&amp;Manual</source>
        <translation>使用說明(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="258" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>快速鍵(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="263" />
        <source>&amp;About the Regional Revitalization Desk</source>
        <translation>關於地方創生輔導桌(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="313" />
        <source>Desk database (*.db);;All files (*)</source>
        <translation>輔導桌資料庫 (*.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="351" />
        <source>Regional Revitalization Desk</source>
        <translation>地方創生輔導桌</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="355" />
        <source>Demo data</source>
        <translation>示範資料</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="433" />
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="433" />
        <source>Demo database: %1</source>
        <translation>示範資料庫：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="444" />
        <source>Last backup: none</source>
        <translation>最近備份：尚無</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/main_window.py" line="447" />
        <source>Last backup: %1</source>
        <translation>最近備份：%1</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/help.py" line="85" />
        <source>Manual</source>
        <translation>使用說明</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../counsel_desk/ui/messages.py" line="22" />
        <source> What you entered is still here: save again in a moment.</source>
        <translation>畫面上輸入的內容都還在，稍等一下再儲存一次即可。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/messages.py" line="25" />
        <source> In the window: close the Desk and open it again — it puts the damaged file aside and offers the newest good backup.</source>
        <translation>在視窗中：關閉輔導桌後重新開啟，它會把損毀的檔案移到隔離資料夾，並提供最新的完好備份供還原。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/messages.py" line="32" />
        <source>A file could not be read or written: %1 (%2)</source>
        <translation>無法讀寫檔案：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/messages.py" line="34" />
        <source>Something went wrong and was not saved: %1</source>
        <translation>發生錯誤，這次的變更沒有儲存：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/messages.py" line="113" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/messages.py" line="124" />
        <source>Continue</source>
        <translation>繼續</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/messages.py" line="129" />
        <source>Regional Revitalization Desk</source>
        <translation>地方創生輔導桌</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="12" />
        <source>Dashboard</source>
        <translation>總覽</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="13" />
        <location filename="../../counsel_desk/app.py" line="66" />
        <source>Site visits</source>
        <translation>實地訪視</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="14" />
        <source>Follow-ups</source>
        <translation>追蹤事項</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="15" />
        <source>Youth workstations</source>
        <translation>青年培力工作站</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="16" />
        <source>Support records</source>
        <translation>輔導紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="17" />
        <source>Proposals</source>
        <translation>事業提案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="18" />
        <source>Public spaces</source>
        <translation>公有空間</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="19" />
        <source>Center events</source>
        <translation>中心活動</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="20" />
        <source>Outcomes</source>
        <translation>成果紀錄</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="21" />
        <source>Youth teams</source>
        <translation>青年團隊</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="22" />
        <source>Reports</source>
        <translation>月報</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="23" />
        <source>Sync</source>
        <translation>資料同步</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="24" />
        <source>Backups</source>
        <translation>備份</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/page_titles.py" line="25" />
        <source>Audit log</source>
        <translation>稽核紀錄</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="26" />
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="39" />
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="40" />
        <source>Never</source>
        <translation>永不鎖定</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="47" />
        <source>Add server…</source>
        <translation>新增伺服器…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="49" />
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="51" />
        <location filename="../../counsel_desk/ui/preferences.py" line="122" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="63" />
        <source>A new language takes effect when the window opens again: you can restart it right away.</source>
        <translation>新的語言在視窗重新開啟後生效：儲存後可以立即重新啟動。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="71" />
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="85" />
        <source>This computer's file</source>
        <translation>這台電腦的檔案</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="87" />
        <source>Server: %1</source>
        <translation>伺服器：%1</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="121" />
        <source>Remove the connection %1? The server's data is not touched.</source>
        <translation>要移除連線設定「%1」嗎？伺服器上的資料不受影響。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="167" />
        <source>The new language shows when the window opens again. Restart it now? Nothing is lost: unsaved changes are asked about first.</source>
        <translation>新的語言要在視窗重新開啟後才會顯示。要立即重新啟動嗎？不會遺失資料：未儲存的修改會先詢問。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="169" />
        <source>Restart now</source>
        <translation>立即重新啟動</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="169" />
        <source>Later</source>
        <translation>稍後</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="67" />
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="42" />
        <source>With a passphrase, the Desk hides everything after this long without use and asks for the passphrase again (from the next start).</source>
        <translation>使用密碼時，閒置這麼久後地方創生輔導桌會隱藏所有畫面，並要求再次輸入密碼（下次啟動起生效）。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="68" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="69" />
        <source>Regional center</source>
        <translation>分區輔導中心</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/preferences.py" line="70" />
        <source>Lock when idle after</source>
        <translation>閒置多久後鎖定</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/qt_words.py" line="15" />
        <source>&amp;Look in:</source>
        <translation>尋找於(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/qt_words.py" line="16" />
        <source>Files of &amp;type:</source>
        <translation>檔案型態(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ServerProfileDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="162" />
        <source>Connection to the center's server</source>
        <translation>連線到中心的伺服器</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="188" />
        <source>A connection named %1 exists already: choose another name.</source>
        <translation>已有名為「%1」的連線設定，請換一個名稱。</translation>
    </message>
</context>
<context>
    <name>ServerProfileForm</name>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="31" />
        <source>e.g. North center office</source>
        <translation>例如：北區中心辦公室</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="34" />
        <source>e.g. db.center.example.tw or 10.0.0.5</source>
        <translation>例如：db.center.example.tw 或 10.0.0.5</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="44" />
        <source>your own login, e.g. wang.xm</source>
        <translation>您自己的登入帳號，例如 wang.xm</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="50" />
        <source>Encrypted when the server offers it</source>
        <translation>伺服器支援時加密</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="51" />
        <source>Always encrypted</source>
        <translation>一律加密</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="52" />
        <source>Encrypted, server certificate checked</source>
        <translation>加密並驗證伺服器憑證</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="53" />
        <source>Not encrypted (office network only)</source>
        <translation>不加密（僅限辦公室內網）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="55" />
        <source>Test connection</source>
        <translation>測試連線</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="66" />
        <source>Profile name</source>
        <translation>連線名稱</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="69" />
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="70" />
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="71" />
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="72" />
        <source>Login</source>
        <translation>登入帳號</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="73" />
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="74" />
        <source>Encryption (TLS)</source>
        <translation>加密（TLS）</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="108" />
        <source>kept in the system keyring</source>
        <translation>已存於系統金鑰圈</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/server_profiles.py" line="133" />
        <source>Connecting…</source>
        <translation>連線中…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/help.py" line="57" />
        <source>Keyboard shortcuts</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/help.py" line="59" />
        <source>In editors</source>
        <translation>編輯時</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/help.py" line="62" />
        <source>Menu</source>
        <translation>選單</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/help.py" line="62" />
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/help.py" line="62" />
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../counsel_desk/ui/tasks.py" line="75" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WriterWait</name>
    <message>
        <location filename="../../counsel_desk/ui/writer_wait.py" line="47" />
        <source>Another import or program is writing to the database. Your save goes through as soon as it has finished; what you entered is still here.</source>
        <translation>另一個匯入或程式正在寫入資料庫。等它一完成，這次的儲存就會接著寫入；畫面上輸入的內容都還在。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/writer_wait.py" line="50" />
        <source>Stop waiting</source>
        <translation>不等了</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/writer_wait.py" line="51" />
        <source>Waiting for the database</source>
        <translation>正在等候資料庫</translation>
    </message>
</context>
</TS>