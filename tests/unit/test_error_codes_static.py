"""Every error the core raises where a person may see it carries a code: `raise XError(say("code", ...))`.

Reads the source (no import, no Qt). A new raise site with bare English fails here, naming it; the
modules left out say why, and the few sites still waiting are counted so that the list can only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

from skiller_desktop.messages import CATALOGUE

ROOT = Path(__file__).resolve().parents[2]
ERRORS = {"SkillerError", "ValidationError", "NotFoundError", "NotAllowedError", "RejectedError", "StorageError",
          "IdentityError", "InteropError", "CredentialError"}
LEFT_OUT = {
    # the CLI's own argument errors: printed by the CLI in English, never shown by the app
    "skiller_desktop/cli.py", "skiller_desktop/teams/cli_commands.py", "skiller_desktop/vocabulary_cli.py",
    "skiller_desktop/interop/cli_commands.py",
    # refusals of other people's data (sync, bundles): logged and shown as the peer's technical words in a
    # tooltip; the UI says the sync's state and what to try by the sync problem's code (sync.words)
    "skiller_desktop/acceptance.py", "skiller_desktop/automerge_io.py", "skiller_desktop/signed_heads.py",
    "skiller_desktop/teams/policy.py", "skiller_desktop/teams/sealed.py", "skiller_desktop/teams/keys.py",
    "skiller_desktop/interop/credentials.py", "skiller_desktop/vocabulary.py", "skiller_desktop/vocabulary_build.py",
    "skiller_desktop/vocabulary_format.py", "skiller_desktop/doc_schema.py",
}
WAITING = {  # raise sites still in bare English: path -> how many (may only go down)
    "skiller_desktop/interop/jsonresume.py": 2,  # the export's own checks
}


def _uncoded(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        first = node.exc.args[0] if node.exc.args else None
        coded = isinstance(first, ast.Call) and isinstance(first.func, ast.Name) and first.func.id == "say"
        if name in ERRORS and not coded:
            lines.append(node.lineno)
    return lines


def _say_codes(path: Path) -> set[str]:
    return {call.args[0].value for call in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "say"
            and call.args and isinstance(call.args[0], ast.Constant)}


def test_every_error_a_person_may_see_is_raised_with_a_code() -> None:
    found = {}
    for path in sorted((ROOT / "skiller_desktop").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name not in LEFT_OUT and (lines := _uncoded(path)):
            found[name] = lines
    over = {name: lines for name, lines in found.items() if len(lines) > WAITING.get(name, 0)}
    assert over == {}, "raise these with say(code, ...) and catalogue the code in skiller_desktop/messages.py"


def test_every_code_said_in_the_core_is_catalogued() -> None:
    said = set()
    for folder in ("skiller_desktop", "sync"):
        for path in (ROOT / folder).rglob("*.py"):
            said |= _say_codes(path)
    assert sorted(said - set(CATALOGUE)) == []
