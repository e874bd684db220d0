"""Search by skill over a real store: exact paging, standings compared across groups, peer links kept to
their own rows (review 13, fixa 1, 2, 3, 10/11)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from standing_world import World

from skiller_desktop import search_index, standing_read, standing_sql
from skiller_desktop.concepts import concepts_named
from skiller_desktop.queries import Queries
from skiller_desktop.text import fold, skill_key

PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"  # the vocabulary's Python
JAVA = "http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389"    # the vocabulary's Java
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(tmp_path: Path) -> World:
    return World(tmp_path / "store.sqlite3")


def skill(world: World, person: str, name: str, level: int, concept: str = "") -> None:
    """A skills row as the read model writes it (its group: the concept, else the folded name)."""
    world.add(person)
    key = skill_key(name)
    world.db.execute(
        """INSERT INTO skills (person_id, skill_key, name, level, years, description, keywords, evidence,
               position, person_name_fold, availability, concept, skill_group, doc_key)
           VALUES (?, ?, ?, ?, 0, '', '[]', '[]', 0, ?, '', ?, ?, ?)""",
        (person, key, name, level, fold(person), concept, concept or key, key),
    )


def standing(world: World, person: str, group: str, score: float, best: float | None = None) -> None:
    world.db.execute("INSERT INTO standings VALUES (?, ?, ?, 1, 1, 0)", (person, group, score))
    if best is not None:
        world.db.execute("INSERT OR REPLACE INTO standing_groups VALUES (?, ?)", (group, best))


def pages(queries: Queries, skill_name: str, size: int) -> tuple[list[str], set[int]]:
    """Every page of a search by skill, one after the other: the people in order, and the totals seen."""
    people: list[str] = []
    totals = set()
    for offset in range(0, 12, size):
        page = queries.search(skill=skill_name, limit=size, offset=offset)
        people += [p.person_id for p in page.people]
        totals.add(page.total)
    return people, totals


def test_the_vocabulary_names_the_concepts_these_tests_use() -> None:
    assert concepts_named("python") == [PYTHON] and concepts_named("java") == [JAVA]


def test_someone_with_two_skills_in_one_group_takes_one_place_on_every_page(world: World) -> None:
    """Fix 1: A holds "Python" and "Python 3" both linked to Python; each holder once on pages of one."""
    skill(world, "A", "Python", 5, PYTHON)
    skill(world, "A", "Python 3", 5, PYTHON)
    for person in ("B", "D"):
        skill(world, person, "Python", 5, PYTHON)
    queries = Queries(world.db)
    people, totals = pages(queries, "python", 1)
    assert totals == {3}
    assert people == ["A", "B", "D"]
    assert pages(queries, "python", 2)[0] == ["A", "B", "D"]


def test_paging_is_exact_across_the_ranked_part_and_the_rest(world: World) -> None:
    """Fix 1, with standings: the holders with one first, then the rest, none twice, none missing."""
    for person, level in (("A", 5), ("B", 4), ("C", 4), ("D", 2), ("E", 1)):
        skill(world, person, "Python", level, PYTHON)
    skill(world, "A", "Python 3", 5, PYTHON)
    for person in ("F", "H"):  # free text: the group of the words
        skill(world, person, "python", 3)
    standing(world, "D", PYTHON, 2.0, 2.0)
    standing(world, "F", "python", 0.5, 1.0)
    queries = Queries(world.db)
    everyone = ["D", "F", "A", "B", "C", "H", "E"]  # D 100, F 85: then by claimed level, then name
    for size in (1, 2, 4):
        people, totals = pages(queries, "python", size)
        assert (people, totals) == (everyone, {7}), size


def test_a_standing_is_the_best_share_of_its_own_groups_best(world: World) -> None:
    """Fix 2: A scores 1.0 in "python" (best 1.0) and 0.9 in Python (best 100): A shows 100."""
    skill(world, "A", "Python", 3)
    skill(world, "A", "Python 3", 5, PYTHON)
    skill(world, "B", "Python", 4, PYTHON)
    standing(world, "A", "python", 1.0, 1.0)
    standing(world, "A", PYTHON, 0.9)
    standing(world, "B", PYTHON, 100.0, 100.0)
    page = Queries(world.db).search(skill="python")
    found = {p.person_id: (p.standing, p.matched_skill, p.matched_level) for p in page.people}
    assert found == {"A": (100.0, "Python", 3), "B": (100.0, "Python", 4)}
    assert standing_read.page_standings(world.db, ["A", "B"], "Python") == {"A": 100.0, "B": 100.0}


def crowd(world: World) -> None:
    """Honest Python holders, Java holders, a peer who linked "Python" to Java, and 25 throwaway documents
    each linking "Python" to a URI of their own, with standings all round."""
    skill(world, "H1", "Python", 3)
    skill(world, "H2", "Python", 4, PYTHON)
    skill(world, "H3", "Python 3", 2, PYTHON)
    for person in ("K1", "K2"):  # a concept the vocabulary does not name for "python", linked by two people
        skill(world, person, "Python", 2, "http://example.org/python-language")
        standing(world, person, "http://example.org/python-language", 5.0, 5.0)
    for n in range(25):
        skill(world, f"F{n:02}", "Python", 5, f"http://aaa.example/{n}")
        standing(world, f"F{n:02}", f"http://aaa.example/{n}", 1.0, 1.0)
    for person in ("J1", "J2"):
        skill(world, person, "Java", 5, JAVA)
        standing(world, person, JAVA, 3.0, 3.0)
    skill(world, "P", "Python", 1, JAVA)
    skill(world, "Hana", "Python", 2)  # a free-text Python holder who is also the best at Java
    skill(world, "Hana", "Java", 5, JAVA)
    standing(world, "Hana", JAVA, 3.0)


def test_peer_links_never_pull_in_other_peoples_rows_nor_push_out_the_honest(world: World) -> None:
    """Fix 3: the fake-URI crowd and the Java-URI peer leave the honest holders found and Java holders out."""
    crowd(world)
    page = Queries(world.db).search(skill="python", limit=100)
    found = {p.person_id: p.standing for p in page.people}
    honest = {"H1", "H2", "H3", "K1", "K2", "P", "Hana"}
    assert honest <= set(found) and not {"J1", "J2"} & set(found)
    assert set(found) == honest | {f"F{n:02}" for n in range(25)} and page.total == len(found)
    assert found["K1"] == found["K2"] == 100.0  # the link two people make is read before the crowd's
    assert found["Hana"] == 0.0                 # her Java standing is no Python standing
    assert [p.person_id for p in Queries(world.db).search(skill="python 3").people] == ["H3"]
    linked = standing_sql.linked_groups(world.db, "python", standing_sql.named_groups("python"))
    assert len(linked) == standing_sql.MAX_LINKED and linked[0] == "http://example.org/python-language"


def test_a_search_by_words_and_skill_reads_the_same_standings_as_a_search_by_skill(world: World) -> None:
    """Fix 3 / 11: the text route's standings come from the same rows and groups as the skill route's."""
    crowd(world)
    with world.db.transaction() as conn:
        search_index.rebuild(conn)
    by_skill = {p.person_id: p.standing for p in Queries(world.db).search(skill="python", limit=100).people}
    for person in ("Hana", "K1", "H1"):
        [found] = Queries(world.db).search(person, skill="python").people
        assert found.standing == by_skill[person], person
    assert Queries(world.db).search("J1", skill="python").people == []


def test_one_definition_of_the_shared_sql_and_no_column_probes() -> None:
    """Fix 10/11: migrations guarantee the concept columns; the hidden test and the summary are defined once."""
    sources = {p: p.read_text(encoding="utf-8") for p in (ROOT / "skiller_desktop").rglob("*.py")}
    probes = [p.name for p, text in sources.items() if "table_info" in text and p.name != "schema.py"]
    assert probes == []
    hidden = [p.name for p, text in sources.items() if re.search(r"hidden_endorsements h\s+WHERE h.subject_id", text)]
    assert hidden == ["standing_sql.py"]
    summary = [p.name for p, text in sources.items() if '"p.person_id, p.name, p.headline' in text]
    assert summary == ["standing_sql.py"]
