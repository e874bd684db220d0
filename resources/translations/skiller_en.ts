<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name />
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="336" />
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform><numerusform>%n minutes ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="338" />
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform><numerusform>%n hours ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="340" />
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform><numerusform>%n days ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="418" />
        <source>%n skill(s)</source>
        <translation>
            <numerusform>%n skill</numerusform><numerusform>%n skills</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="418" />
        <source>%n position(s)</source>
        <translation>
            <numerusform>%n position</numerusform><numerusform>%n positions</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="419" />
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform><numerusform>%n projects</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="419" />
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n certificate</numerusform><numerusform>%n certificates</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/messages.py" line="420" />
        <location filename="../../ui/team_models.py" line="58" />
        <source>%n endorsement(s)</source>
        <translation>
            <numerusform>%n endorsement</numerusform><numerusform>%n endorsements</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team_models.py" line="88" />
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform><numerusform>%n members</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team_models.py" line="89" />
        <source>%n open need(s)</source>
        <translation>
            <numerusform>%n open need</numerusform><numerusform>%n open needs</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team_models.py" line="251" />
        <source>level %1, %n endorsement(s)</source>
        <translation>
            <numerusform>level %1, %n endorsement</numerusform><numerusform>level %1, %n endorsements</numerusform></translation>
    </message>
</context>
<context>
    <name>EndorsementsScreen</name>
    <message numerus="yes">
        <location filename="../../ui/screens/endorsements.py" line="177" />
        <source>%n new since you last looked</source>
        <translation>
            <numerusform>%n new since you last looked</numerusform><numerusform>%n new since you last looked</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/endorsements.py" line="184" />
        <source>%n new endorsement(s) since you last looked, in bold.</source>
        <translation>
            <numerusform>%n new endorsement since you last looked, in bold.</numerusform><numerusform>%n new endorsements since you last looked, in bold.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/endorsements.py" line="186" />
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform><numerusform>%n new</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/endorsements.py" line="381" />
        <source>%n new endorsement(s) since you last looked</source>
        <translation>
            <numerusform>%n new endorsement since you last looked</numerusform><numerusform>%n new endorsements since you last looked</numerusform></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message numerus="yes">
        <location filename="../../ui/first_run.py" line="259" />
        <source>Word %1 does not match your phrase. Look at your copy again, or go back to the phrase.</source>
        <translation>
            <numerusform>Word %1 does not match your phrase. Look at your copy again, or go back to the phrase.</numerusform><numerusform>Word %1 does not match your phrase. Look at your copy again, or go back to the phrase.</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="326" />
        <source>%n peer(s) reachable</source>
        <translation>
            <numerusform>%n peer reachable</numerusform><numerusform>%n peers reachable</numerusform></translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message numerus="yes">
        <location filename="../../ui/screens/team_tabs.py" line="230" />
        <source>%n invitation(s) waiting for an answer</source>
        <translation>
            <numerusform>%n invitation waiting for an answer</numerusform><numerusform>%n invitations waiting for an answer</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/team_tabs.py" line="285" />
        <source>Works once, for %n day(s); withdraw it below if it goes astray.</source>
        <translation>
            <numerusform>Works once, for %n day; withdraw it below if it goes astray.</numerusform><numerusform>Works once, for %n days; withdraw it below if it goes astray.</numerusform></translation>
    </message>
</context>
<context>
    <name>PeopleScreen</name>
    <message numerus="yes">
        <location filename="../../ui/screens/people.py" line="243" />
        <source>%n person(s) found</source>
        <translation>
            <numerusform>%n person found</numerusform><numerusform>%n people found</numerusform></translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message numerus="yes">
        <location filename="../../ui/person_view.py" line="78" />
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform><numerusform>%n years</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/person_view.py" line="143" />
        <source>%n endorsement(s)</source>
        <translation>
            <numerusform>%n endorsement</numerusform><numerusform>%n endorsements</numerusform></translation>
    </message>
</context>
<context>
    <name>StandingPanel</name>
    <message numerus="yes">
        <location filename="../../ui/standing_view.py" line="229" />
        <source>%n endorsement(s)</source>
        <translation>
            <numerusform>%n endorsement</numerusform><numerusform>%n endorsements</numerusform></translation>
    </message>
</context>
<context>
    <name>WhyDialog</name>
    <message numerus="yes">
        <location filename="../../ui/standing_view.py" line="83" />
        <source>%n endorsement(s) from outside your network count for nothing.</source>
        <translation>
            <numerusform>%n endorsement from outside your network count for nothing.</numerusform><numerusform>%n endorsements from outside your network count for nothing.</numerusform></translation>
    </message>
</context>
</TS>