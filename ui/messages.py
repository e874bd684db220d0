"""The core's error messages, said to the user in their language.

The core speaks English; the usual validation messages are recognised here
and translated, the rest shown as they are.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from skiller_desktop.errors import SkillerError, ValidationError


def tr(text: str) -> str:
    # lupdate files a module-level `tr(...)` under the empty context, and Qt does not fall back to it
    return QCoreApplication.translate("", text)


def field_label(field: str) -> str:
    labels = {
        "name": tr("Name"), "headline": tr("Headline"), "bio": tr("About"), "location": tr("Location"),
        "skill": tr("Skill"), "description": tr("Description"), "comment": tr("Comment"),
        "title": tr("Title"), "url": tr("Link"), "language": tr("Language"), "level": tr("Level"),
        "years": tr("Years"), "device": tr("Device"), "availability": tr("Availability"),
    }
    return labels.get(field, field)


def describe(error: BaseException) -> str:
    """Words for the user; never a stack trace."""
    if not isinstance(error, SkillerError):
        return tr("Something went wrong: %s") % type(error).__name__
    text = str(error)
    field = error.field if isinstance(error, ValidationError) else None
    if field:
        if text.endswith("cannot be empty"):
            return tr("%s is required.") % field_label(field)
        m = re.search(r"too long \(([\d,]+) characters; at most ([\d,]+)\)", text)
        if m:
            return tr("%s is too long: %s characters, at most %s.") % (field_label(field), m[1], m[2])
        if field == "level":
            return tr("Choose a level from 1 to 5.")
        if field == "years":
            return tr("Years must be a whole number from 0 to 80.")
        if text.startswith("you already have the skill"):
            return tr("You already have this skill in your portfolio.")
        if text.startswith("you already endorse"):
            return tr("You already endorse this skill for this person.")
    known = {
        "you cannot endorse yourself": tr("You cannot endorse yourself."),
        "this is your own post": tr("This is your own post."),
        "this post is already closed": tr("This post is already closed."),
        **team_messages(),
    }
    if text in known:
        return known[text]
    if "wrong passphrase" in text.lower() or "passphrase" in text.lower():
        return tr("The passphrase is wrong or the file is damaged.")
    if "phrase" in text.lower():
        return tr("This recovery phrase is not valid: check each word.")
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def team_messages() -> dict[str, str]:
    return {
        "only the team's admins may do this": tr("Only the team’s admins may do this."),
        "you are not a member of this team": tr("You are not a member of this team."),
        "you are already a member of this team": tr("You are already a member of this team."),
        "this person is already a member": tr("This person is already a member."),
        "this person is not a member of the team": tr("This person is not a member of the team."),
        "this person was removed from the team; a removal is final":
            tr("This person was removed from the team; a removal is final."),
        "to remove yourself, leave the team": tr("To remove yourself, leave the team."),
        "give an invitation code or a team id (team:…)": tr("Paste an invitation code or a team id (team:…)."),
        "this invitation code is not valid for this team": tr("This invitation code is not valid for this team."),
        "this invitation code was already used": tr("This invitation code was already used."),
        "this invitation code was withdrawn by the team": tr("This invitation code was withdrawn by the team."),
        "this invitation code has expired: ask for a new one":
            tr("This invitation code has expired: ask the team for a new one."),
        "your invitation to this team was withdrawn": tr("Your invitation to this team was withdrawn."),
        "this invitation was already accepted: remove the member instead":
            tr("This invitation was already accepted: remove the member instead."),
        "this is not a Skiller team invitation code": tr("This is not a Skiller team invitation code."),
        "you are the team's only admin: make someone else admin before leaving":
            tr("You are the team’s only admin: make someone else admin before leaving."),
        "you are the team's only admin: make someone else admin first":
            tr("You are the team’s only admin: make someone else admin first."),
    }
