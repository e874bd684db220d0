"""Refresh the translation catalogues: extract (lupdate), fill French from fr.json, compile (lrelease).

Run from the repository root with the venv active: `python resources/translations/update.py`.
English is the source language; its catalogue holds only the plural forms.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate(language: str, *extra: str) -> Path:
    ts = HERE / f"skiller_{language}.ts"
    subprocess.run(["pyside6-lupdate", *extra, *sources(), "-no-obsolete", "-source-language", "en",
                    "-target-language", language, "-ts", str(ts)], cwd=ROOT, check=True)
    return ts


def fill(ts: Path, table: dict[str, str | list[str]]) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        wanted = table.get(source)
        if wanted is None:
            if source in ("English", "Français"):
                continue
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            for form in wanted if isinstance(wanted, list) else [wanted, wanted]:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = wanted if isinstance(wanted, str) else wanted[0]
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def fill_english_plurals(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        singular = source.replace("(s)", "").replace("person", "person")
        plural = source.replace("person(s)", "people").replace("(s)", "s")
        for form in (singular, plural):
            ET.SubElement(translation, "numerusform").text = form
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def main() -> int:
    french = lupdate("fr")
    missing = fill(french, json.loads((HERE / "fr.json").read_text("utf-8")))
    english = lupdate("en", "-pluralonly")
    fill_english_plurals(english)
    for ts in (french, english):
        subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    if missing:
        print("untranslated:", *missing, sep="\n  ", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
