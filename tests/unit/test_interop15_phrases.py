"""Issue 15.5: a recovery phrase written in any BIP-39 list restores, checked on Trezor's own vectors.

tests/unit/interop/data/bip39-vectors-24.json holds python-mnemonic's 24-word vectors (source and
licence in data/README.md): every language's zero-entropy phrase, and all the Chinese ones. Simplified
and traditional Chinese share most characters, so a phrase may be made only of words both lists hold.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skiller_desktop.identity import Identity, PhraseError, recovery_phrase, seed_from_phrase

VECTORS = json.loads((Path(__file__).parent / "interop" / "data" / "bip39-vectors-24.json").read_text("utf-8"))
CASES = [(language, entropy, phrase) for language, vectors in VECTORS.items() if isinstance(vectors, list)
         for entropy, phrase in vectors]
ZERO = "00" * 32


@pytest.mark.parametrize("language", ["chinese_simplified", "chinese_traditional"])
def test_the_zero_entropy_chinese_vector_restores(language: str) -> None:
    [phrase] = [p for lang, e, p in CASES if lang == language and e == ZERO]
    assert phrase.split()[0] == "的"  # in both lists: why a single-list guess refused it
    identity = Identity.from_seed(seed_from_phrase(phrase))
    assert identity.public_key == Identity.from_seed(bytes(32)).public_key


@pytest.mark.parametrize(("language", "entropy", "phrase"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_every_vector_gives_its_entropy(language: str, entropy: str, phrase: str) -> None:
    assert seed_from_phrase(phrase).hex() == entropy


def test_traditional_characters_not_in_the_simplified_list_restore() -> None:
    """A phrase only the traditional list holds: the one list holding every word is found."""
    simplified = dict((e, p) for lang, e, p in CASES if lang == "chinese_simplified")
    differing = [(e, p) for lang, e, p in CASES if lang == "chinese_traditional" and simplified.get(e) != p]
    assert differing, "the vectors must hold phrases that differ between the two lists"
    for entropy, phrase in differing:
        assert seed_from_phrase(phrase).hex() == entropy


def test_a_miscopied_chinese_phrase_is_refused_by_its_checksum() -> None:
    [phrase] = [p for lang, e, p in CASES if lang == "chinese_simplified" and e == ZERO]
    words = phrase.split()
    words[-1] = "的"  # a word of the list, in the wrong place
    with pytest.raises(PhraseError) as refused:
        seed_from_phrase(" ".join(words))
    assert refused.value.problem == "checksum"


def test_a_stray_word_among_chinese_ones_is_named() -> None:
    [phrase] = [p for lang, e, p in CASES if lang == "chinese_traditional" and e == ZERO]
    words = phrase.split()
    words[5] = "zebra!"
    with pytest.raises(PhraseError) as refused:
        seed_from_phrase(" ".join(words))
    assert (refused.value.problem, refused.value.params["position"]) == ("unknown_word", 6)


def test_our_own_phrases_still_round_trip() -> None:
    identity = Identity.generate()
    for language in ("en", "fr"):
        assert seed_from_phrase(recovery_phrase(identity, language)) == identity.private_key.private_bytes_raw()
