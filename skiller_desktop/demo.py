"""A generated community, so a newcomer (or a benchmark) has a network to look at.

Every person is a real identity with a real signed document, exactly as if
their profile had arrived by sync. The generator is seeded: the same seed
gives the same names, skills and endorsements (keys differ each run).
"""

from __future__ import annotations

import functools
import random
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from automerge import core

from . import automerge_io as am
from . import person_doc as pd
from .acceptance import Accepted
from .identity import Identity
from .resource_path import resources_dir
from .signed_heads import SignedHead
from .store import Store
from .text import skill_key

RESOURCES = resources_dir()

FIRST_NAMES = [
    "Élodie",
    "Camille",
    "Léa",
    "Chloé",
    "Manon",
    "Inès",
    "Zoé",
    "Amélie",
    "Hélène",
    "Noémie",
    "Aïcha",
    "Fatou",
    "Sofía",
    "Ana",
    "Ingrid",
    "Lucas",
    "Hugo",
    "Théo",
    "Mathéo",
    "Nathan",
    "Jérôme",
    "François",
    "Raphaël",
    "Loïc",
    "Joël",
    "Mehdi",
    "Yasmine",
    "Karim",
    "Olusegun",
    "Mei",
    "Hiroshi",
    "Priya",
    "Arjun",
    "Björn",
    "Søren",
    "Zoë",
    "Ümit",
    "Łukasz",
    "Dmitri",
    "Nadia",
    "Omar",
    "Lucía",
    "José",
    "Chloë",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Müller",
    "Nguyen",
    "Haddad",
    "Benali",
    "Diallo",
    "Kowalski",
    "Ivanova",
    "Rossi",
    "Silva",
    "Okafor",
    "Tanaka",
    "Côté",
    "Gagné",
    "Bélanger",
    "Lévesque",
    "Çelik",
    "Østergaard",
]
CITIES = (
    "Paris",
    "Lyon",
    "Marseille",
    "Toulouse",
    "Nantes",
    "Lille",
    "Bordeaux",
    "Montréal",
    "Québec",
    "Bruxelles",
    "Genève",
    "Dakar",
    "Abidjan",
    "Casablanca",
    "Berlin",
    "Lisboa",
    "Madrid",
    "London",
)
HEADLINES = (
    "Développeuse indépendante",
    "Freelance designer",
    "Consultant en données",
    "Artisan ébéniste",
    "Formatrice et coach",
    "Full-stack developer",
    "Traductrice FR/EN/ES",
    "Chef de projet",
    "Photographe",
    "Ingénieur DevOps",
    "Rédactrice web",
    "Illustrator and animator",
    "Comptable indépendant",
    "Électricien",
    "UX researcher",
    "Étudiant en alternance",
)
COMMENTS = (
    "Excellent travail, très rigoureux.",
    "Great collaborator, delivered on time.",
    "Je recommande sans hésiter !",
    "Solid skills and clear communication.",
    "A fait un travail remarquable sur notre projet.",
    "Très pédagogue.",
    "Top quality work 👍",
    "",
    "",
)


def starter_skills() -> list[str]:
    return list(starter_concepts())


@functools.lru_cache(maxsize=1)
def starter_concepts() -> dict[str, str]:
    """The starter list: each skill as people spell it → its ESCO concept URI, "" when free text (issue 13)."""
    path = RESOURCES / "data" / "skills.txt"
    found: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _tab, uri = line.partition("\t")
            found[name.strip()] = uri.strip()
    return found


def _linked(entry: dict) -> dict:
    """`entry` with the concept of its skill, when the starter list links it."""
    concept = starter_concepts().get(entry["skill"] if "skill" in entry else entry["name"], "")
    return {**entry, "concept": concept} if concept else entry


@dataclass
class _Person:
    identity: Identity
    name: str
    skills: dict[str, dict]


def _plan_person(rng: random.Random, catalogue: list[str], skills_each: int) -> _Person:
    identity = Identity.generate()
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    count = max(1, min(len(catalogue), int(rng.gauss(skills_each, 3))))
    skills: dict[str, dict] = {}
    for position, skill in enumerate(rng.sample(catalogue, count)):
        skills[skill_key(skill)] = _linked({
            "name": skill,
            "level": rng.choice((1, 2, 3, 3, 4, 4, 5)),
            "years": rng.randint(0, 20),
            "description": "",
            "keywords": [],
            "evidence": [],
            "position": float(position),
        })
    return _Person(identity, name, skills)


def _document(person: _Person, rng: random.Random, endorsements: dict, offers: dict) -> core.Document:
    doc = core.Document(person.identity.actor_id)
    stamp = pd.now_iso()

    def fill(tx: core.Transaction) -> None:
        am.put(tx, am.ROOT, "schema", pd.SCHEMA)
        am.put(tx, am.ROOT, "kind", "person")
        am.put(tx, am.ROOT, "id", person.identity.person_id)
        am.put(
            tx,
            am.ROOT,
            "profile",
            {
                "name": person.name,
                "headline": rng.choice(HEADLINES),
                "bio": "",
                "location": rng.choice(CITIES),
                "links": [],
                "languages": rng.sample(["fr", "en", "es", "de", "ar"], 2),
                "availability": rng.choice(pd.AVAILABILITY),
            },
        )
        am.put(
            tx,
            am.ROOT,
            "devices",
            {person.identity.device_id: {"name": "demo", "added_at": stamp, "revoked_at": "", "revoked_after_seq": 0}},
        )
        sections = {"skills": person.skills, "endorsements": endorsements, "offers": offers}
        for section in pd.SECTIONS:
            am.put(tx, am.ROOT, section, sections.get(section, {}))

    pd.apply(doc, fill)
    return doc


@dataclass(frozen=True)
class _Subject:
    """Someone an endorsement can go to: a generated person, or one already in the store."""

    person_id: str
    skill_names: tuple[str, ...]


class _Subjects:
    """Who endorsers pick from: the generated people, then each known one counted `weight` times."""

    def __init__(self, planned: list[_Person], known: list[tuple[str, dict[str, dict]]], weight: int) -> None:
        self.planned = [_Subject(p.identity.person_id, tuple(s["name"] for s in p.skills.values())) for p in planned]
        self.known = [_Subject(pid, tuple(s["name"] for s in skills.values())) for pid, skills in known]
        self.weight = max(1, weight)

    def pick(self, rng: random.Random) -> tuple[int, _Subject]:
        index = rng.randrange(len(self.planned) + len(self.known) * self.weight)
        if index < len(self.planned):
            return index, self.planned[index]
        return -1, self.known[(index - len(self.planned)) // self.weight]


def _endorsements(rng: random.Random, subjects: _Subjects, me: int, count: int) -> dict:
    given: dict[str, dict] = {}
    seen: set[tuple[str, str]] = set()
    for _ in range(count):
        other, subject = subjects.pick(rng)
        if other == me or not subject.skill_names:
            continue
        skill = rng.choice(subject.skill_names)
        pair = (subject.person_id, skill)
        if pair in seen:
            continue
        seen.add(pair)
        given[secrets.token_hex(12)] = _linked({
            "subject": subject.person_id,
            "skill": skill,
            "comment": rng.choice(COMMENTS),
            "level": 0,
            "date": pd.now_iso(),
            "revoked": False,
            "revoked_at": "",
        })
    return given


def _offers(rng: random.Random, person: _Person) -> dict:
    if rng.random() > 0.15 or not person.skills:
        return {}
    skill = rng.choice(list(person.skills.values()))["name"]
    kind = rng.choice(pd.OFFER_KINDS)
    title = f"J'offre un coup de main en {skill}" if kind == "offer" else f"Looking for help with {skill}"
    stamp = pd.now_iso()
    return {
        secrets.token_hex(12): _linked({
            "kind": kind,
            "skill": skill,
            "title": title,
            "description": "",
            "status": "open",
            "created_at": stamp,
            "updated_at": stamp,
            "recognition": {},
        })
    }


def build_documents(
    people: int,
    *,
    seed: int = 1,
    skills_each: int = 20,
    endorsements_each: int = 10,
    known: Sequence[tuple[str, dict[str, dict]]] = (),
    known_weight: int = 1,
) -> Iterator[Accepted]:
    """Yield signed person documents, ready for `Store.commit`.

    `known` lists (person id, skills) of people already in the store (the
    user), so the community endorses them too; each counts `known_weight`
    times when an endorser picks whom to endorse.
    """
    rng = random.Random(seed)
    catalogue = starter_skills()
    planned = [_plan_person(rng, catalogue, skills_each) for _ in range(people)]
    subjects = _Subjects(planned, list(known), known_weight)
    for index, person in enumerate(planned):
        given = _endorsements(rng, subjects, index, endorsements_each)
        doc = _document(person, rng, given, _offers(rng, person))
        signed = SignedHead.sign(person.identity, person.identity.person_id, doc.get_heads())
        yield Accepted(person.identity.person_id, doc, doc.get_changes([]), [signed], [signed])


def generate_community(
    store: Store,
    people: int = 200,
    *,
    seed: int = 1,
    skills_each: int = 20,
    endorsements_each: int = 10,
    known: Sequence[tuple[str, dict[str, dict]]] = (),
    known_weight: int = 1,
    batch: int = 500,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Fill a store with a community; returns how many people were added."""
    pending: list[Accepted] = []
    done = 0
    for update in build_documents(
        people, seed=seed, skills_each=skills_each, endorsements_each=endorsements_each, known=known,
        known_weight=known_weight,
    ):
        pending.append(update)
        if len(pending) >= batch:
            done += store.commit(pending)
            pending.clear()
            if progress:
                progress(done, people)
    done += store.commit(pending)
    if progress:
        progress(done, people)
    return done


MY_SKILLS = (("Python", 4, 6), ("Gestion de projet", 3, 4), ("Traduction", 5, 10), ("UX design", 2, 1))


def prepare_demo(
    services, people: int = 300, seed: int = 7, progress: Callable[[int, int], None] | None = None
) -> bool:
    """Give a fresh data dir an identity and a community; False if it had one."""
    if services.identity is not None:
        return False
    services.create_identity("Camille Dupré", "Développeuse Python indépendante", "demo device")
    services.update_profile(
        location="Lyon",
        bio="Je construis des outils libres pour les petites équipes. I build open-source tools for small teams.",
        languages=["fr", "en"],
        links=["https://example.org/camille"],
        availability="available",
    )
    for name, level, years in MY_SKILLS:
        services.add_skill(name, level, years=years, concept=starter_concepts().get(name, ""))
    mine = {s.key: {"name": s.name} for s in services.queries.skills(services.person_id)}
    generate_community(
        services.store,
        people,
        seed=seed,
        skills_each=12,
        endorsements_each=6,
        known=[(services.person_id, mine)],
        known_weight=10,  # the demo user is endorsed often, so their screens have something to show
        progress=progress,
    )
    return True
