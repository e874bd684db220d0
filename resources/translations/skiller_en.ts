<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="228" />
        <source>%n peer(s) reachable</source>
        <translation>
            <numerusform>%n peer reachable</numerusform><numerusform>%n peers reachable</numerusform></translation>
    </message>
</context>
<context>
    <name>PeopleScreen</name>
    <message numerus="yes">
        <location filename="../../ui/screens/people.py" line="195" />
        <source>%n person(s) found</source>
        <translation>
            <numerusform>%n person found</numerusform><numerusform>%n people found</numerusform></translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message numerus="yes">
        <location filename="../../ui/person_view.py" line="63" />
        <source>%n endorsement(s)</source>
        <translation>
            <numerusform>%n endorsement</numerusform><numerusform>%n endorsements</numerusform></translation>
    </message>
</context>
</TS>