"""What the vocabulary resource and its reader agree on: folding, words, ids, the file layout.

Shared by the builder (`vocabulary_build.py`) and the reader (`vocabulary.py`)
so that a label is folded and split the same way when it is indexed and when
it is typed. Changing `fold_label` or `label_words` changes what the index
means: bump `FOLD_VERSION`, and the reader refuses a resource built with
another one instead of silently missing matches. See docs/vocabulary.md.
"""

from __future__ import annotations

import re
import sys
import zlib
from array import array

from .text import fold

FORMAT_VERSION = 1
SHORT_PREFIX = 3  # typed words this short may read the precomputed `short` table, not the word index
SHORT_MIN = 200  # ...when more concepts than this share the start (else the word range is cheap)
FOLD_VERSION = 1
APPLICATION_ID = 0x45534331  # "ESC1" in the SQLite header, so `file` and we can tell it apart

SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
OCCUPATION_PREFIX = "http://data.europa.eu/esco/occupation/"

KINDS = ("", "skill/competence", "knowledge")  # stored as the index; "" = untyped in ESCO v1.1.1
LANGUAGES = ("en", "fr")

# Apostrophe look-alikes typed or pasted for "d'entreprise": one form, so ’ and ' are one skill.
_APOSTROPHES = re.compile("[’‘ʼ`´′]")  # a regex: 4x faster than str.translate here
# A word: letters and digits, keeping "+" and "#" so "C++" and "C#" stay words of their own.
_WORD = re.compile(r"[^\W_][\w+#]*")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def fold_label(text: str) -> str:
    """Case, accents, spacing and apostrophe forms folded: the key labels are compared on.

    ASCII text (most English labels) takes a short cut that gives what `text.fold`
    gives, in a tenth of the time: decoding a concept folds about nine labels.
    """
    text = _APOSTROPHES.sub("'", text)
    if text.isascii():
        return " ".join(text.lower().split())
    return fold(text)


def label_words(folded: str) -> list[str]:
    """Words of a folded label, in order; "d'entreprise" gives "d" and "entreprise"."""
    return _WORD.findall(folded)


def label_hash(folded: str) -> int:
    """32-bit key of a folded label in the exact-label index; collisions are resolved by comparing labels.

    CRC-32 rather than a cryptographic hash: nothing here is adversarial, and zlib is
    loaded anyway where hashlib costs ~10 ms of import on a cold start.
    """
    return zlib.crc32(folded.encode("utf-8"))


def uuid_bytes(uri: str, prefix: str) -> bytes:
    """The 16 bytes of an ESCO URI's UUID; anything else is refused so no URI is stored wrong.

    Only the canonical lowercase form is accepted, so `uri_of` gives back the very same text.
    """
    suffix = uri[len(prefix):] if uri.startswith(prefix) else ""
    if not _UUID.fullmatch(suffix):
        raise ValueError(f"not an ESCO URI under {prefix} with a lowercase UUID: {uri!r}")
    return bytes.fromhex(suffix.replace("-", ""))


def uri_of(raw: bytes, prefix: str) -> str:
    text = raw.hex()
    return f"{prefix}{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def pack_ids(ids: list[int]) -> bytes:
    """Concept ids as little-endian uint16, ascending: 2 bytes a posting (13,680 concepts fit)."""
    packed = array("H", ids)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def unpack_ids(blob: bytes | None, typecode: str = "H") -> array:
    ids = array(typecode)
    if blob:
        ids.frombytes(blob)
        if sys.byteorder == "big":
            ids.byteswap()
    return ids


def pack_hashes(hashes: list[int]) -> bytes:
    """uint32 little-endian: label hashes (the exact-label index, bisected in memory), offsets."""
    packed = array("I", hashes)
    if packed.itemsize != 4:  # pragma: no cover - every platform we ship on has 4-byte C ints
        raise RuntimeError("array('I') is not 32-bit here")
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def pack_alternatives(alternatives: list[tuple[str, str]]) -> bytes | None:
    """Alternative labels as raw deflate of "e<label>" / "f<label>" lines (2.9 MB of text -> 1.1 MB)."""
    if not alternatives:
        return None
    text = "\n".join(language[0] + label for language, label in alternatives).encode("utf-8")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    return packer.compress(text) + packer.flush()


def unpack_alternatives(blob: bytes | None) -> list[tuple[str, str]]:
    if not blob:
        return []
    lines = zlib.decompress(blob, -15).decode("utf-8").split("\n")
    return [(_LANGUAGE_OF[line[0]], line[1:]) for line in lines]


_LANGUAGE_OF = {language[0]: language for language in LANGUAGES}
