import pytest

from skiller_desktop.errors import IdentityError, ValidationError
from skiller_desktop.identity import (
    Identity,
    did_from_public_key,
    open_identity,
    public_key_from_did,
    recovery_phrase,
    seal_identity,
    seed_from_phrase,
    split_actor,
)


def test_person_id_is_a_did_key_of_the_public_key():
    identity = Identity.generate()
    assert identity.person_id.startswith("did:key:z6Mk")
    assert public_key_from_did(identity.person_id) == identity.public_key
    assert did_from_public_key(identity.public_key) == identity.person_id


@pytest.mark.parametrize("bad", ["", "alice", "did:key:zzzz", "did:web:example.org", "did:key:z" + "1" * 40])
def test_malformed_person_ids_are_refused(bad):
    with pytest.raises(ValidationError):
        public_key_from_did(bad)


def test_two_devices_of_one_person_have_different_actors():
    first = Identity.generate()
    second = Identity.from_seed(first.private_key.private_bytes_raw())
    assert first.person_id == second.person_id
    assert first.actor_id != second.actor_id
    assert split_actor(second.actor_id) == (first.person_id, second.device_id)


def test_recovery_phrase_restores_the_same_person():
    identity = Identity.generate()
    phrase = recovery_phrase(identity)
    assert len(phrase.split()) == 24
    restored = Identity.from_seed(seed_from_phrase("  " + phrase.upper().replace(" ", "   ") + "\n"))
    assert restored.person_id == identity.person_id


def test_a_wrong_word_in_the_phrase_is_refused():
    words = recovery_phrase(Identity.generate()).split()
    words[3], words[4] = words[4], words[3]
    with pytest.raises(ValidationError, match="recovery phrase"):
        seed_from_phrase(" ".join(words))


def test_sealed_identity_needs_the_right_passphrase():
    identity = Identity.generate()
    sealed = seal_identity(identity, "correct horse battery", {"note": "é"})
    seed, payload = open_identity(sealed, "correct horse battery")
    assert Identity.from_seed(seed).person_id == identity.person_id
    assert payload == {"note": "é"}
    with pytest.raises(IdentityError, match="wrong passphrase"):
        open_identity(sealed, "wrong horse battery")


def test_short_passphrases_are_refused():
    with pytest.raises(ValidationError, match="at least 8"):
        seal_identity(Identity.generate(), "short", {})
