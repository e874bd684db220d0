"""Review 13 (fixb): counts, columns and candidates of the team matrix and matching, over real stores."""

from __future__ import annotations

from support import hand_over

from skiller_desktop import concepts

PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
JAVA = "http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389"


def _team(node, tmp_path, *members):
    admin = node("Admin")
    for i, member in enumerate(members):
        hand_over(member, admin, tmp_path / f"m{i}.skb")
    team = admin.teams.create("Équipe")
    admin.teams.add_members(team, [m.person_id for m in members])
    return admin, team


def test_an_endorsement_carrying_another_concept_is_not_counted_on_the_skill(node, tmp_path):
    """Bo endorsed Ana's Python while it was linked to Python; Ana then linked it to Java. The engine counts
    Bo's endorsement under Python, which Ana no longer holds: her skill, its cell and its match show 0."""
    ana, bo = node("Ana"), node("Bo")
    ana.add_skill("Python", 4, concept=PYTHON)
    hand_over(ana, bo, tmp_path / "a.skb")
    bo.endorse(ana.person_id, "Python")
    hand_over(bo, ana, tmp_path / "b.skb")
    concepts.unlink(ana, "Python")
    concepts.link(ana, "Python", JAVA)
    admin, team = _team(node, tmp_path, ana)
    hand_over(bo, admin, tmp_path / "b2.skb")
    from skiller_desktop import standing_read

    assert standing_read.endorsement_counts(admin.db, ana.person_id) == {PYTHON: 1}  # the engine's count
    [skill] = admin.queries.skills(ana.person_id)
    assert skill.endorsement_count == 0
    cell = next(r for r in admin.teams.matrix(team).rows if r.name == "Ana").cells[JAVA]
    assert (cell.level, cell.endorsements) == (4, 0)
    admin.teams.add_need(team, "Java", 2, concept=JAVA)
    [matches] = admin.teams.matching(team)
    assert [(c.name, c.endorsements) for c in matches.candidates] == [("Ana", 0)]


def test_an_endorsement_by_words_still_counts_once_the_skill_is_linked(node, tmp_path):
    """The second range's purpose stays: given by name before the link, counted on the linked skill."""
    ana, bo = node("Ana"), node("Bo")
    ana.add_skill("Python", 4)
    hand_over(ana, bo, tmp_path / "a.skb")
    bo.endorse(ana.person_id, "Python")
    hand_over(bo, ana, tmp_path / "b.skb")
    concepts.link(ana, "Python", PYTHON)
    [skill] = ana.queries.skills(ana.person_id)
    assert skill.endorsement_count == 1


def _people(node, tmp_path, admin, *holders):
    found = []
    for i, (name, skills) in enumerate(holders):
        person = node(name)
        for skill, level, concept in skills:
            person.add_skill(skill, level, concept=concept)
        hand_over(person, admin, tmp_path / f"p{i}.skb")
        found.append(person)
    return found


def test_matching_keeps_each_outsider_at_their_best_place(node, tmp_path):
    """Ana holds the need twice (Python, linked, level 5; "Python3", a label of it, level 1): she comes
    first among outsiders, once, and the `others` places go to distinct people."""
    admin, team = _team(node, tmp_path)
    _people(node, tmp_path, admin,
            ("Ana", [("Python", 5, PYTHON), ("Python3", 1, ""), ("Py3k", 2, "")]),
            ("Bo", [("Python", 4, PYTHON)]), ("Cy", [("python", 3, "")]), ("Di", [("Python", 2, PYTHON)]))
    admin.teams.add_need(team, "Python", 3, concept=PYTHON)
    [two] = admin.teams.matching(team, others=2)
    assert [(c.name, c.level) for c in two.candidates] == [("Ana", 5), ("Bo", 4)]
    [three] = admin.teams.matching(team, others=3)
    assert [(c.name, c.level) for c in three.candidates] == [("Ana", 5), ("Bo", 4), ("Cy", 3)]
    [every] = admin.teams.matching(team, others=10)
    assert [c.name for c in every.candidates] == ["Ana", "Bo", "Cy", "Di"]


def _cells(matrix, column):
    return {r.name: r.cells[column].level for r in matrix.rows if column in r.cells}


def test_members_linking_the_same_words_to_different_concepts_each_keep_their_own_column(node, tmp_path):
    """Xu and Wu link "Snake code" to Python, Yan links the same words to Java: each cell follows its own
    row's link, whatever order the rows come in; a free-text need of those words joins the concept most
    members link them to, and sorting by those words sorts that column."""
    xu, yan, wu = node("Xu"), node("Yan"), node("Wu")
    xu.add_skill("Snake code", 4, concept=PYTHON)
    yan.add_skill("Snake code", 2, concept=JAVA)
    wu.add_skill("Snake code", 5, concept=PYTHON)
    admin, team = _team(node, tmp_path, xu, yan, wu)
    matrix = admin.teams.matrix(team)
    assert _cells(matrix, PYTHON) == {"Xu": 4, "Wu": 5} and _cells(matrix, JAVA) == {"Yan": 2}
    admin.teams.add_need(team, "Snake code", 3)
    assert admin.teams.needs(team)[0].concept == ""
    matrix = admin.teams.matrix(team)
    assert [(c.key, c.wanted_level) for c in matrix.skills] == [(PYTHON, 3), (JAVA, 0)]
    assert _cells(matrix, PYTHON) == {"Xu": 4, "Wu": 5} and _cells(matrix, JAVA) == {"Yan": 2}
    assert [r.name for r in admin.teams.matrix(team, sort_by="snake code").rows][:2] == ["Wu", "Xu"]
    assert [c.key for c in admin.teams.matrix(team, skills=["Snake code"]).skills] == [PYTHON]


def test_a_linked_row_stays_with_its_own_concept_even_where_its_words_name_another(node, tmp_path):
    """Yan links "Python" to Java; Xu links it to Python; Zoe types it free. Yan's cell is Java's."""
    xu, yan, zoe = node("Xu"), node("Yan"), node("Zoe")
    xu.add_skill("Python", 4, concept=PYTHON)
    yan.add_skill("Python", 2, concept=JAVA)
    zoe.add_skill("python", 3)
    admin, team = _team(node, tmp_path, xu, yan, zoe)
    matrix = admin.teams.matrix(team)
    assert _cells(matrix, PYTHON) == {"Xu": 4, "Zoe": 3} and _cells(matrix, JAVA) == {"Yan": 2}


def test_a_member_holding_a_concept_under_two_spellings_shows_the_higher(node, tmp_path):
    ana = node("Ana")
    ana.add_skill("Python3", 1)  # a label of Python: the same column
    ana.add_skill("Python", 5, concept=PYTHON)
    admin, team = _team(node, tmp_path, ana)
    assert _cells(admin.teams.matrix(team), PYTHON) == {"Ana": 5}


def test_an_outsiders_link_of_the_words_does_not_pull_another_concepts_holders_into_matching(node, tmp_path):
    """Mal links "Python" to Java's URI, and twenty throwaway documents link it to made-up URIs: a free-text
    need "python" still finds the honest holders (by the vocabulary, by the words), Mal by his own words,
    and no Java holder; the member's own link of words the vocabulary does not know is followed."""
    member = node("Member")
    member.add_skill("Snake code", 4, concept=PYTHON)
    admin, team = _team(node, tmp_path, member)
    _people(node, tmp_path, admin,
            ("Hon", [("Python (computer programming)", 4, PYTHON)]), ("Tex", [("python", 3, "")]),
            ("Mal", [("Python", 2, JAVA)]), ("Jo", [("Java", 5, JAVA)]))
    for i in range(20):
        fake = node(f"Fake {i}")
        fake.add_skill("Python", 1)
        _forge_concept(fake, f"https://fake.example/{i}")
        hand_over(fake, admin, tmp_path / f"f{i}.skb")
    admin.teams.add_need(team, "python", 3)
    admin.teams.add_need(team, "Snake code", 3)
    found = {m.need.skill: m for m in admin.teams.matching(team, others=30)}
    python, snake = found["python"], found["Snake code"]
    names = [c.name for c in python.candidates]
    assert {"Hon", "Tex", "Mal"} <= set(names) and "Jo" not in names
    assert names[:3] == ["Member", "Hon", "Tex"] and len(names) == len(set(names))  # Member: Python too
    snakes = [c.name for c in snake.candidates]
    assert snakes == ["Member", "Hon"]  # the words, and the concept the member links them to


def _forge_concept(services, uri: str) -> None:
    """Link the only skill to a URI no vocabulary knows, as another program might (the schema allows it)."""
    from skiller_desktop import person_doc as pd
    from skiller_desktop.views import Changes

    [skill] = services.queries.skills(services.person_id)
    services.edit(pd.set_fields("skills", skill.entry_key, {"concept": uri}), Changes(skills=True))
