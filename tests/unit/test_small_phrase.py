"""Recovery phrases in English or French words hold the same key; a wrong one says what is wrong."""

from __future__ import annotations

import unicodedata

import pytest
from mnemonic import Mnemonic

from skiller_desktop.identity import (
    Identity,
    PhraseError,
    raw_private_key,
    recovery_phrase,
    seed_from_phrase,
    translate_phrase,
)


def test_a_french_phrase_restores_the_same_key_as_the_english_one():
    identity = Identity.generate()
    english, french = recovery_phrase(identity), recovery_phrase(identity, "fr")
    assert english != french
    assert all(w in Mnemonic("french").wordlist for w in french.split())
    assert seed_from_phrase(french) == seed_from_phrase(english) == raw_private_key(identity.private_key)
    assert translate_phrase(french, "en") == english
    assert translate_phrase(english, "fr_FR") == french


def test_accents_case_and_sheet_numbers_do_not_matter():
    identity = Identity.generate()
    french = recovery_phrase(identity, "french")
    bare = "".join(c for c in unicodedata.normalize("NFKD", french) if not unicodedata.combining(c))
    numbered = " ".join(f"{i}. {w}" for i, w in enumerate(bare.upper().split(), 1))
    assert seed_from_phrase(numbered) == raw_private_key(identity.private_key)


def test_a_short_phrase_says_how_many_words_are_expected():
    words = recovery_phrase(Identity.generate()).split()
    with pytest.raises(PhraseError, match="has 23 words; it needs 24") as caught:
        seed_from_phrase(" ".join(words[:23]))
    assert caught.value.problem == "count" and caught.value.params == {"expected": 24, "count": 23}


def test_an_unknown_word_is_named_with_its_place():
    words = recovery_phrase(Identity.generate(), "fr").split()
    words[6] = "ordinateur"
    with pytest.raises(PhraseError, match="word 7, 'ordinateur'") as caught:
        seed_from_phrase(" ".join(words))
    assert caught.value.problem == "unknown_word"
    assert caught.value.params["word"] == "ordinateur" and caught.value.params["position"] == 7


def test_words_in_the_wrong_order_fail_the_checksum():
    words = recovery_phrase(Identity.from_seed(bytes(range(32)))).split()  # fixed: a swap may pass 1 in 256
    words[0], words[1] = words[1], words[0]
    with pytest.raises(PhraseError) as caught:
        seed_from_phrase(" ".join(words))
    assert caught.value.problem == "checksum"


def test_a_phrase_of_words_both_lists_share_is_read_in_the_language_whose_checksum_holds():
    import random

    english, french = Mnemonic("english"), Mnemonic("french")
    shared = sorted(set(english.wordlist) & set(french.wordlist))
    rng = random.Random(12)
    while True:  # a French phrase made only of the 123 words English has too, and no valid English phrase
        head = rng.choices(shared, k=23)
        tails = [w for w in shared if french.check(" ".join([*head, w])) and not english.check(" ".join([*head, w]))]
        if tails:
            phrase = " ".join([*head, tails[0]])
            break
    assert seed_from_phrase(phrase) == bytes(french.to_entropy(phrase))
