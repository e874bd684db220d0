"""A fast generator of signed person documents for benchmarks and big tests.

Builds each document directly with Automerge (several changes, one signed
head after each, as real edits would leave), then commits them in batches
through the store, so the result is exactly what a node would hold.
"""

from __future__ import annotations

import random

from skiller_desktop import person_doc as pd
from skiller_desktop.acceptance import Accepted
from skiller_desktop.identity import Identity
from skiller_desktop.signed_heads import SignedHead
from skiller_desktop.store import Store

SKILLS = [
    "Python", "Rust", "SQL", "Design", "Écriture", "Gestion de projet", "Comptabilité", "Marketing",
    "Photographie", "Menuiserie", "Traduction", "Data science", "Kubernetes", "Pâtisserie", "UX",
    "Négociation", "Java", "Go", "Électricité", "Soudure", "Vente", "Formation", "Juridique",
    "Illustration", "Montage vidéo", "Jardinage", "Plomberie", "Cuisine", "Support", "Recrutement",
]
CHUNK = 500


def build_person(identity: Identity, index: int, others: list[str], rng: random.Random,
                 skills: int = 20, endorsements: int = 10) -> Accepted:
    doc = pd.new_document(identity, f"Person {index}", f"Headline {index}", "laptop")
    heads = [SignedHead.sign(identity, identity.person_id, doc.get_heads())]
    names = rng.sample(SKILLS, min(skills, len(SKILLS)))
    half = len(names) // 2
    for part in (names[:half], names[half:]):
        pd.apply(doc, pd.merge_many([
            pd.put_entry("skills", name.lower(), {
                "name": name, "level": rng.randint(1, 5), "years": rng.randint(0, 20),
                "description": "", "keywords": [], "evidence": [], "position": float(i),
            }) for i, name in enumerate(part)
        ]))
        heads.append(SignedHead.sign(identity, identity.person_id, doc.get_heads()))
    given = rng.sample(others, min(endorsements, len(others)))
    for k in range(0, len(given), max(1, len(given) // 2 or 1)):
        pd.apply(doc, pd.merge_many([
            pd.put_entry("endorsements", f"{index:06d}{j:04d}", {
                "subject": subject, "skill": rng.choice(SKILLS), "comment": "great work",
                "level": 0, "date": pd.now_iso(), "revoked": False, "revoked_at": "",
            }) for j, subject in enumerate(given[k:k + max(1, len(given) // 2)], start=k)
        ]))
        heads.append(SignedHead.sign(identity, identity.person_id, doc.get_heads()))
    return Accepted(identity.person_id, doc, doc.get_changes([]), heads, [heads[-1]])


def identities_for(people: int, seed: int = 1) -> tuple[random.Random, list[Identity]]:
    """The same keys `generate` uses, so a benchmark can edit the generated people."""
    rng = random.Random(seed)
    return rng, [Identity.from_seed(rng.randbytes(32), rng.randbytes(8).hex()) for _ in range(people)]


def generate(store: Store, people: int, seed: int = 1, skills: int = 20,
             endorsements: int = 10) -> list[Identity]:
    """Fill `store` with `people` signed person documents; returns their identities."""
    rng, identities = identities_for(people, seed)
    ids = [i.person_id for i in identities]
    for start in range(0, people, CHUNK):
        batch = [
            build_person(identities[i], i, ids[:i] + ids[i + 1:] if people < 50 else rng.sample(ids, 12), rng,
                         skills, endorsements)
            for i in range(start, min(people, start + CHUNK))
        ]
        store.commit(batch)
    return identities
