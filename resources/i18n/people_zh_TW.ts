<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>CounselorDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="59"/>
        <source>Counselor</source>
        <translation>輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="59"/>
        <source>New counselor</source>
        <translation>新增輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="69"/>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="82"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="70"/>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="82"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="71"/>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="82"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="73"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="73"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="92"/>
        <source>Counselors</source>
        <translation>輔導員名單</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="96"/>
        <source>The counselors of your center. Visits, support records and proposals offer the active ones; someone who leaves is deactivated, and old records keep the name.</source>
        <translation>本中心的輔導員。訪視、陪伴紀錄與提案只列出在職的輔導員；離職的人請「停用」，舊紀錄仍保留其姓名。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="101"/>
        <source>Nobody on the roster yet. Press “Add counselor…” and start with yourself.</source>
        <translation>名單上還沒有人。請按「新增輔導員…」，先把自己加進來。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="104"/>
        <source>Show deactivated counselors</source>
        <translation>顯示已停用的輔導員</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="107"/>
        <source>Add counselor…</source>
        <translation>新增輔導員…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="109"/>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="111"/>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="161"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="113"/>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="220"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="115"/>
        <source>Only for someone added by mistake, with no records</source>
        <translation>只用於誤加、沒有任何紀錄的人</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="161"/>
        <source>Reactivate</source>
        <translation>重新啟用</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="172"/>
        <source>%1 added to the roster.</source>
        <translation>已將 %1 加入輔導員名單。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="211"/>
        <source>%1 reactivated.</source>
        <translation>已重新啟用 %1。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="212"/>
        <source>%1 deactivated: old records keep the name; new ones no longer offer it.</source>
        <translation>已停用 %1：舊紀錄保留其姓名，新紀錄不再列出。</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="219"/>
        <source>Remove %1 from the roster?</source>
        <translation>要將 %1 從輔導員名單移除嗎？</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="220"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="36"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="36"/>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="36"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="36"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="36"/>
        <source>Records</source>
        <translation>紀錄數</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="43"/>
        <source>Active</source>
        <translation>在職</translation>
    </message>
    <message>
        <location filename="../../counsel_desk/ui/people/roster_dialog.py" line="43"/>
        <source>Deactivated</source>
        <translation>停用</translation>
    </message>
</context>
</TS>
