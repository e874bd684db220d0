"""`skiller vocabulary ...`: the ESCO vocabulary from the command line (issue 13).

Loaded by the CLI like the other command groups (`cli._extensions`). Read-only:
these commands never touch the store; the `Services` they are handed is not
used. `skill add --concept` belongs to the skill commands once a skill can
name its concept (issue 13, point 2).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import Any

from . import vocabulary
from .vocabulary import ADAPTED_NOTICE, ATTRIBUTION, ATTRIBUTION_URL


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("vocabulary", help="the ESCO skills vocabulary (English and French)")
    actions = group.add_subparsers(dest="action", required=True)
    p = actions.add_parser("suggest", help="skills matching what you type, best first")
    p.add_argument("text")
    _language_and_limit(p)
    p.set_defaults(handler=cmd_suggest)
    p = actions.add_parser("lookup", help="the concepts having exactly this label (several: it is ambiguous)")
    p.add_argument("label")
    p.set_defaults(handler=cmd_lookup)
    p = actions.add_parser("show", help="one concept: labels, synonyms, groups")
    p.add_argument("uri")
    p.set_defaults(handler=cmd_show)
    p = actions.add_parser("occupations", help="occupations matching what you type")
    p.add_argument("text")
    _language_and_limit(p)
    p.set_defaults(handler=cmd_occupations)
    p = actions.add_parser("role", help="the essential and optional skills of an occupation")
    p.add_argument("uri")
    p.add_argument("--language", default="en", help="en or fr (default en)")
    p.set_defaults(handler=cmd_role)
    actions.add_parser("about", help="where the vocabulary comes from").set_defaults(handler=cmd_about)


def _language_and_limit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", default="en", help="en or fr: the language labels are shown in (default en)")
    parser.add_argument("--limit", type=int, default=10)


def cmd_suggest(_services: object, a: argparse.Namespace) -> None:
    found = vocabulary.suggest(a.text, a.language, a.limit)
    _emit(a, found, lambda: "\n".join(_suggestion_line(s) for s in found) or "No matching skill.")


def cmd_lookup(_services: object, a: argparse.Namespace) -> int:
    uris = vocabulary.lookup_exact(a.label)
    labels = [f"{vocabulary.label(uri, 'en')}  {uri}" for uri in uris]
    header = f"Ambiguous: {len(uris)} concepts have this label." if len(uris) > 1 else ""
    _emit(a, uris, lambda: "\n".join([header, *labels]).strip() or "No concept has exactly this label.")
    return 0 if uris else 1


def cmd_show(_services: object, a: argparse.Namespace) -> int:
    concept = vocabulary.concept(a.uri)
    if concept is None:
        _emit(a, None, f"No ESCO skill has the URI {a.uri}.")
        return 1
    _emit(a, concept, lambda: "\n".join(_concept_lines(concept)))
    return 0


def cmd_occupations(_services: object, a: argparse.Namespace) -> None:
    found = vocabulary.occupation_suggest(a.text, a.language, a.limit)
    lines = [f"{o.label}{_matched(o.matched)}  ISCO {o.isco}  {o.uri}" for o in found]
    _emit(a, found, lambda: "\n".join(lines) or "No matching occupation.")


def cmd_role(_services: object, a: argparse.Namespace) -> int:
    skills = vocabulary.occupation_skills(a.uri)
    if skills is None:
        _emit(a, None, f"No ESCO occupation has the URI {a.uri}.")
        return 1

    def lines() -> str:
        out = []
        for title, uris in (("Essential", skills.essential), ("Optional", skills.optional)):
            out.append(f"{title} ({len(uris)}):")
            out += [f"  {vocabulary.label(uri, a.language)}  {uri}" for uri in uris]
        return "\n".join(out)

    _emit(a, skills, lines)
    return 0


def cmd_about(_services: object, a: argparse.Namespace) -> None:
    stats = vocabulary.shared().stats()
    about = {"attribution": ATTRIBUTION, "url": ATTRIBUTION_URL, "notice": ADAPTED_NOTICE,
             "concepts": int(stats["count_concepts"]), "occupations": int(stats["count_occupations"])}
    _emit(a, about, f"{ATTRIBUTION} ({ATTRIBUTION_URL})\n{ADAPTED_NOTICE}\n"
                    f"{about['concepts']:,} skills and knowledge concepts, {about['occupations']:,} occupations.")


def _suggestion_line(suggestion: vocabulary.Suggestion) -> str:
    group = f"  [{suggestion.group}]" if suggestion.group else ""
    return f"{suggestion.label}{_matched(suggestion.matched)}{group}  {suggestion.uri}"


def _matched(matched: str | None) -> str:
    return f" (matched: {matched})" if matched else ""


def _concept_lines(concept: vocabulary.Concept) -> list[str]:
    lines = [concept.uri, f"en: {concept.en}", f"fr: {concept.fr}"]
    if concept.kind:
        lines.append(f"type: {concept.kind}")
    if concept.groups:
        lines.append(f"groups: {', '.join(concept.groups)}")
    lines += [f"en synonym: {label}" for label in concept.en_alt]
    lines += [f"fr synonym: {label}" for label in concept.fr_alt]
    return lines


def _emit(args: argparse.Namespace, value: Any, text: str | Any) -> None:
    """JSON with --json, else the text: as `cli.emit`, kept here so these commands do not import cli."""
    if args.json:
        print(json.dumps(_plain(value), ensure_ascii=False, indent=1))
    else:
        print(text() if callable(text) else text)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {key: _plain(item) for key, item in dataclasses.asdict(value).items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value
