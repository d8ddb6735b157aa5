<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>CounselorDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="56"/>
        <source>Counselor</source>
        <translation>輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="56"/>
        <source>New counselor</source>
        <translation>新增輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="66"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="67"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="68"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="70"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="70"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="85"/>
        <source>Counselors</source>
        <translation>輔導員名單</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="89"/>
        <source>The counselors of your center. Visits, support records and proposals offer the active ones; someone who leaves is deactivated, and old records keep the name.</source>
        <translation>本中心的輔導員。訪視、陪伴紀錄與提案只列出在職的輔導員；離職的人請「停用」，舊紀錄仍保留其姓名。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="102"/>
        <source>Nobody on the roster yet. Press “Add counselor…” and start with yourself.</source>
        <translation>名單上還沒有人。請按「新增輔導員…」，先把自己加進來。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="105"/>
        <source>Show deactivated counselors</source>
        <translation>顯示已停用的輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="108"/>
        <source>Add counselor…</source>
        <translation>新增輔導員…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="110"/>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="112"/>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="162"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="114"/>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="219"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="116"/>
        <source>Only for someone added by mistake, with no records</source>
        <translation>只用於誤加、沒有任何紀錄的人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="162"/>
        <source>Reactivate</source>
        <translation>重新啟用</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="176"/>
        <source>%1 added to the roster.</source>
        <translation>已將 %1 加入輔導員名單。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="210"/>
        <source>%1 reactivated.</source>
        <translation>已重新啟用 %1。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="211"/>
        <source>%1 deactivated: old records keep the name; new ones no longer offer it.</source>
        <translation>已停用 %1：舊紀錄保留其姓名，新紀錄不再列出。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="218"/>
        <source>Remove %1 from the roster?</source>
        <translation>要將 %1 從輔導員名單移除嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="219"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="33"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="33"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="33"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="33"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="33"/>
        <source>Records</source>
        <translation>紀錄數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="40"/>
        <source>Active</source>
        <translation>在職</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="40"/>
        <source>Deactivated</source>
        <translation>停用</translation>
    </message>
</context>
</TS>
