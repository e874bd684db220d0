"""Make `DroidSansFallback-subset.ttf`, the CJK fallback the app loads when the system has none.

    python resources/fonts/subset_cjk.py /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
        resources/fonts/DroidSansFallback-subset.ttf

The source is Debian's fonts-droid-fallback (Droid Sans Fallback Full, Apache
License 2.0, © Google; licence in DroidSansFallback-LICENSE.txt). Kept: CJK
punctuation, kana, bopomofo, full-width forms and the ideographs of GB 2312
and JIS X 0208 (about 10,000 characters, 1.5 MB instead of 4 MB): skill names,
headlines and people's names in Chinese or Japanese show as text rather than
empty boxes. (The font has no Hangul: Korean relies on the system's fonts.)
"""

from __future__ import annotations

import sys

from fontTools import subset
from fontTools.ttLib import TTFont

RANGES = [(0x3000, 0x3130), (0xFF00, 0xFFF0), (0x4E00, 0xA000)]


def kept(cp: int) -> bool:
    ch = chr(cp)
    encodings = ("gb2312", "shift_jis") if 0x4E00 <= cp < 0xA000 else ()
    if not encodings:
        return True
    for encoding in encodings:
        try:
            ch.encode(encoding)
            return True
        except UnicodeEncodeError:
            pass
    return False


def main(source: str, target: str) -> None:
    chars = {cp for start, end in RANGES for cp in range(start, end) if kept(cp)}
    font = TTFont(source)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    font.save(target)
    print(len(chars), "characters kept")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
