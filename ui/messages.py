"""The core's errors and report lines, said to the user in their language: by code, in one place.

The core raises and reports in English with a stable code and parameters
(`skiller_desktop.messages`); here each code has its words, through Qt's
`tr` so lupdate extracts them and `resources/translations/fr.json` holds the
French. Nothing is recognised by its English text: a line without a known
code is shown as it is (and `tests/gui/test_error_codes.py` fails when a
catalogued code has no words here or no French).

Peers' and relays' states, the problems of a sync and what to try, and
relative times are the same vocabulary the CLI prints (`sync.words`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt

from skiller_desktop.errors import SkillerError
from skiller_desktop.messages import code_of, params_of


def _language() -> str:
    """What the catalogues' words depend on: the locale and the translation installed (probed by one word)."""
    return QLocale().name() + "\0" + tr("Name")


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # lupdate files a module-level `tr(...)` under the empty context, and Qt does not fall back to it
    return QCoreApplication.translate("", text, disambiguation, n)


def per_language(build: Callable[[], dict[str, str]]) -> Callable[[], dict[str, str]]:
    """`build`'s words in the language in use, built once per language (a report may hold many lines)."""
    cached = functools.lru_cache(maxsize=4)(lambda _language: build())

    @functools.wraps(build)
    def words() -> dict[str, str]:
        return cached(_language())

    return words


def field_label(field: str) -> str:
    labels = {
        "name": tr("Name"), "headline": tr("Headline"), "bio": tr("About"), "location": tr("Location"),
        "skill": tr("Skill"), "description": tr("Description"), "comment": tr("Comment"),
        "title": tr("Title"), "url": tr("Link"), "language": tr("Language"), "level": tr("Level"),
        "years": tr("Years"), "device": tr("Device"), "availability": tr("Availability"),
        "links": tr("Links"), "languages": tr("Languages"), "keyword": tr("Keyword"), "phrase": tr("Recovery phrase"),
        "passphrase": tr("Passphrase"),
    }
    return labels.get(field, field)


@per_language
def templates() -> dict[str, str]:
    """Every code of skiller_desktop.messages.CATALOGUE, in the user's language ({name}: its params)."""
    return {
        "text.not_text": tr("{field} must be text."),
        "text.nul": tr("{field} contains a character that is not allowed (NUL)."),
        "text.empty": tr("{field} is required."),
        "text.too_long": tr("{field} is too long: {length} characters, at most {limit}."),
        "level.not_number": tr("Choose a level from 1 to 5."),
        "level.range": tr("Choose a level from 1 to 5."),
        "years.not_number": tr("Years must be a whole number from 0 to 80."),
        "years.range": tr("Years must be a whole number from 0 to 80."),
        "storage.data_dir_is_file": tr("{path} is a file, not a folder."),
        "identity.none": tr("There is no identity here yet: create one first."),
        "identity.taken": tr("This data folder already belongs to {person_id}."),
        "identity.no_person_doc": tr("The identity file holds no profile."),
        "identity.doc_missing": tr("Your profile is missing from this data folder."),
        "device.current": tr("This is the device you are using: revoke it from another one."),
        "device.unknown": tr("There is no device “{device}” in your identity."),
        "device.revoked": tr("Device {device} is already revoked."),
        "person.unknown_id": tr("No person {person_id} on this device."),
        "person.not_an_id": tr("“{value}” is not a person id."),
        "person.unknown": tr("This person is not known on this device yet: import or sync their profile first."),
        "person.unknown_here": tr("This person is not known on this device."),
        "profile.unknown_field": tr("Unknown profile field “{key}”."),
        "profile.availability": tr("Availability must be one of: {values}."),
        "skill.duplicate": tr("You already have this skill in your portfolio."),
        "skill.unknown": tr("You have no skill named “{name}”."),
        "import.linked": tr("Linked to the skills vocabulary: {linked} skills named exactly as one of its concepts; "
                            "{ambiguous} skills whose name several concepts share are left for you to choose."),
        "concept.taken": tr("Your skill “{skill}” is already linked to this concept: merge the two instead."),
        "concept.not_uri": tr("“{value}” is not a concept address."),
        "concept.unknown": tr("“{value}” is not in the skills vocabulary."),
        "concept.not_linked": tr("Your skill “{skill}” is not linked to the vocabulary."),
        "concept.ambiguous": tr("“{value}” names several concepts; choose one: {choices}"),
        "concept.pick": tr("Answer with a number from 1 to {count}, or nothing."),
        "concept.no_role": tr("Choose a role among the suggestions."),
        "concept.merge_same": tr("A skill cannot be merged into itself."),
        "concept.merge_two_concepts": tr("“{keep}” and “{absorb}” are linked to different concepts: unlink one "
                                         "first."),
        "endorse.self": tr("You cannot endorse yourself."),
        "endorse.no_such_skill": tr("{name} has no skill named “{skill}” in their portfolio."),
        "endorse.duplicate": tr("You already endorse this skill for this person."),
        "endorsement.not_given": tr("You gave no endorsement “{id}”."),
        "endorsement.revoked": tr("This endorsement is already withdrawn."),
        "endorsement.not_received": tr("You received no endorsement “{id}”."),
        "thanks.already": tr("You already thanked {name} for this endorsement."),
        "endorsement.ambiguous": tr("{count} people gave an endorsement “{id}”: say whose."),
        "offer.kind": tr("Choose an offer or a request."),
        "offer.unknown": tr("There is no offer or request “{id}”."),
        "offer.ambiguous": tr("{count} people posted “{id}”: say whose."),
        "offer.own": tr("This is your own post."),
        "offer.closed": tr("This post is already closed."),
        "offer.status": tr("The status must be one of: {values}."),
        "offer.not_yours": tr("You have no offer or request “{id}”."),
        "document.unknown": tr("There is no document {doc_id} on this device."),
        "block.self": tr("You cannot block yourself."),
        "block.already": tr("{person_id} is already blocked."),
        "block.not_blocked": tr("{person_id} is not blocked."),
        "change.unshareable": tr("This change cannot be shared: {detail}."),
        "evidence.kind": tr("Evidence must be a project or a link."),
        "team.unknown": tr("There is no team {team_id} on this device."),
        "team.code_days": tr("An invitation code is valid for 0 (no end) to 365 days."),
        "team.no_invitation": tr("This team has no invitation “{id}”."),
        "team.invitation_accepted": tr("This invitation was already accepted: remove the member instead."),
        "team.not_member_person": tr("This person is not a member of the team."),
        "team.only_admin": tr("You are the team’s only admin: make someone else admin first."),
        "team.remove_self": tr("To remove yourself, leave the team."),
        "team.only_admin_leaving": tr("You are the team’s only admin: make someone else admin before leaving."),
        "team.invitation_withdrawn_you": tr("Your invitation to this team was withdrawn."),
        "team.code_or_id": tr("Paste an invitation code or a team id (team:…)."),
        "team.already_member_you": tr("You are already a member of this team."),
        "team.no_need": tr("The team has no need “{id}”."),
        "team.cannot_write": tr("Cannot write {path}: {detail}."),
        "team.would_refuse": tr("The team would refuse this: {detail}."),
        "team.not_member_you": tr("You are not a member of this team."),
        "team.admins_only": tr("Only the team’s admins may do this."),
        "team.removed_final": tr("This person was removed from the team; a removal is final."),
        "team.already_member": tr("This person is already a member."),
        "team.code_invalid": tr("This invitation code is not valid for this team."),
        "team.code_used": tr("This invitation code was already used."),
        "team.code_withdrawn": tr("This invitation code was withdrawn by the team."),
        "team.code_expired": tr("This invitation code has expired: ask the team for a new one."),
        "team.role": tr("The role must be one of: {values}."),
        "import.cannot_write": tr("Cannot write {path}: {detail}."),
        "import.no_such_file": tr("{path}: no such file."),
        "import.not_a_file": tr("{path} is not a regular file, so not a LinkedIn export."),
        "import.no_linkedin_files": tr("{file} holds none of the LinkedIn export files ({files}): is it the export from LinkedIn’s “Get a copy of your data”?"),  # noqa: E501
        "import.no_linkedin_readable": tr("No LinkedIn file in {file} could be read: {detail}"),
        "import.not_zip": tr("{file} is not a readable ZIP archive ({detail})."),
        "import.unreadable": tr("{file} cannot be read ({detail})."),
        "import.member_twice": tr("{member}: another {name} was already read ({chosen}): ignored."),
        "import.member_too_large": tr("{file} is too large for a LinkedIn export file."),
        "import.member_damaged": tr("{file} is damaged in the ZIP archive ({detail})."),
        "import.member_longer": tr("{file} is damaged in the ZIP archive (longer than it says)."),
        "import.member_unextractable": tr("{file} cannot be extracted ({detail})."),
        "import.csv_binary": tr("{file} is not a CSV text file (it holds binary data)."),
        "import.csv_encoding": tr("{file} is not a CSV text file (unknown text encoding)."),
        "import.csv_unreadable": tr("{file} is not a readable CSV file ({detail})."),
        "import.csv_no_header": tr("{file} has no header row with {columns}: skipped."),
        "import.csv_bad_date": tr("{file} row {row}: {column} “{value}” is not a date: left empty."),
        "import.linkedin_read": tr("Read from the LinkedIn export: {files}."),
        "import.linkedin_missing": tr("Not in this export (nothing imported from them): {files}."),
        "import.linkedin_kept": tr("Kept, with no Skiller field: {fields}."),
        "import.linkedin_profile": tr("Imported the profile of {name}: {positions} positions, {projects} projects, {certificates} certificates, {languages} languages."),  # noqa: E501
        "import.linkedin_skills": tr("Imported {count} skills at level 3: LinkedIn has no skill levels, adjust them in Skiller."),  # noqa: E501
        "import.linkedin_endorsements": tr("Imported {count} endorsements received, marked unverified: LinkedIn does not sign them, so Skiller cannot prove who gave them."),  # noqa: E501
        "import.duplicate_skill": tr("Skipped the duplicate skill “{name}” (same as “{same}”)."),
        "import.endorsement_incomplete": tr("{file} row {row}: no skill or no endorser: skipped."),
        "import.duplicate_endorsements": tr("Skipped {count} duplicate endorsements."),
        "import.unlisted_skills": tr("Endorsements kept for skills not in Skills.csv: {skills}."),
        "import.duplicate_item": tr("Skipped the duplicate {kind} “{name}”."),
        "import.extras_kept": tr("What Skiller has no field for stays on this device only, never synced: {file}"),
        "import.clipped": tr("{what} was longer than {limit} characters: shortened with “{ellipsis}”."),
        "import.kept_yours": tr("Kept your {name} (the import has “{value}”)."),
        "import.filled": tr("Filled your empty profile fields: {fields}."),
        "import.endorsement_skipped": tr("{skill} from {endorser}: {detail}"),
        "import.resume_invalid": tr("Not a valid JSON Resume: {where}: {detail}"),
        "import.not_utf8": tr("{file} is not UTF-8 text."),
        "import.refused": tr("{file} is refused: {detail}"),
        "import.not_resume_object": tr("{file} holds a JSON {kind}, not a résumé."),
        "import.resume_not_object": tr("A JSON Resume must be a JSON object, not {kind}."),
        "import.field_not_text": tr("{where}.{key} must be text, not {kind}."),
        "import.field_not_texts": tr("{where}.{key} must be a list of texts."),
        "import.field_bad_date": tr("{where}.{key} “{value}” is not a date: left empty (kept for export)."),
        "import.field_not_object": tr("{where}{key} must be an object, not {kind}."),
        "import.field_not_list": tr("{where}{key} must be a list, not {kind}."),
        "import.item_not_object": tr("{where}{key}[{index}] must be an object, not {kind}."),
        "import.language_unnamed": tr("languages[{index}] has no language name: skipped."),
        "import.level_unknown": tr("Skill “{name}”: level “{value}” not recognised, set to 3."),
        "import.resume_summary": tr("Imported from JSON Resume: the profile of {name}, {skills} skills, {positions} positions, {projects} projects, {certificates} certificates, {languages} languages."),  # noqa: E501
        "import.resume_kept": tr("Kept for export, with no Skiller field: {fields}."),
        "import.entry_unnamed": tr("{where} has no {fields}: skipped."),
        "import.skill_twice": tr("Skill “{name}” appears twice: merged into one."),
        "import.no_levels": tr("No level given for {skills}: set to 3, adjust in Skiller."),
        "import.no_name": tr("(no name)"),
        "import.cancelled": tr("The import was cancelled: nothing was imported."),
        # interop, issue 15: résumés read in part
        "import.not_a_resume": tr("{file} is not a JSON Resume: it has none of its sections ({sections})."),
        "import.skipped_date": tr("Skipped {where}: “{value}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        "import.skipped_not_text": tr("Skipped {where}: “{value}” is not text."),
        "import.skipped_not_list": tr("Skipped {where}: “{value}” is not a list."),
        "import.skipped_not_object": tr("Skipped {where}: “{value}” is not an object."),
        "import.skipped_format": tr("Skipped {where}: “{value}” is not a valid address."),
        "import.skipped_other": tr("Skipped {where}: “{value}” does not follow the JSON Resume schema."),
        "credential.no_such_file": tr("{path}: no such file."),
        "credential.folder": tr("{path} is a folder, not a credential file."),
        "credential.not_regular": tr("{path} is not a regular file (a device or a pipe), not a credential file."),
        "credential.invalid": tr("{file}: not a valid credential: {detail}"),
        "credential.cannot_write": tr("Cannot write credentials into {path}: {detail}."),
        "document.unknown_kind": tr("A document of a kind this version does not know was refused."),
        "document.empty": tr("An empty document was refused."),
        "document.too_deep": tr("A document nested too deeply was refused."),
        "document.no_own_id": tr("A document that does not carry its own id was refused."),
        "sync.blocked_sender": tr("Refused: the sender is blocked on this device."),
        "sync.blocked_author": tr("Refused: the author is blocked on this device."),
        "import.already": tr("Already in Skiller, left as they are: {counts}."),
        "import.no_such_path": tr("{path}: no such file or folder."),
        "import.not_json": tr("{file} is not valid JSON (line {line}, column {column})."),
        "import.stored": tr("Stored: {skills_added} new skills, {skills_merged} skills with new keywords, {positions} positions, {projects} projects, {certificates} certificates, {endorsements} unverified endorsements."),  # noqa: E501
        "import.nothing_new": tr("Nothing new: everything in this import is already in Skiller."),
        "pdf.no_language": tr("There are no PDF labels for the language “{language}”: use one of {languages}."),
        "credential.none": tr("given before endorsements carried a credential"),
        "credential.not_verified": tr("its credential does not verify ({detail})"),
        "credential.other_person": tr("its credential names another person"),
        "identity.passphrase_short": tr("The passphrase must have at least 8 characters."),
        "identity.not_export": tr("This file is not a Skiller identity export."),
        "identity.damaged": tr("The identity file is damaged."),
        "identity.wrong_passphrase": tr("The passphrase is wrong or the file is damaged."),
        "identity.no_key": tr("The identity file holds no readable key."),
        "identity.mismatch": tr("The identity file does not match its person id."),
        "identity.cannot_write": tr("Cannot save the identity in {path}: {detail}."),
        "identity.unreadable": tr("The identity in {path} cannot be read."),
        "identity.stored_mismatch": tr("The stored key does not match the stored person id."),
        "identity.key_missing": tr("The private key is missing from the system key store: restore it with your recovery phrase."),  # noqa: E501
        "change.too_big": tr("This change is too large to share ({size} bytes, at most {limit}): split it into smaller ones."),  # noqa: E501
        "file.missing": tr("Cannot read {path}: no such file."),
        "file.folder": tr("{path} is a folder, not a {what}."),
        "file.unreadable": tr("Cannot read {path}: {detail}."),
        "file.not_regular": tr("{path} is not a regular file (a device or a pipe), not a {what}."),
        "file.too_large": tr("{path} is too large for a {what} (over {limit} bytes)."),
        "file.cannot_write": tr("Cannot write {path}: {detail}."),
        "storage.readonly": tr("The data folder is read-only: Skiller cannot save changes there."),
        "storage.full": tr("The disk is full: free some space; nothing was changed."),
        "storage.locked": tr("The data file is busy in another Skiller window; try again."),
        "storage.unopenable": tr("Cannot open the data file: check that the folder exists and is writable."),
        "storage.io": tr("The disk reported an error while saving; nothing was changed."),
        "storage.damaged": tr("The data file is damaged or is not a Skiller store."),
        "storage.failed": tr("The data file could not be used: {detail}."),
        "storage.folder": tr("Cannot use the data folder {path}: {detail}."),
        "storage.newer": tr("This data file was written by a newer Skiller: please update."),
        "bundle.not_bundle": tr("This file is not a Skiller bundle."),
        "bundle.version": tr("This bundle has version {version}; this Skiller reads version {supported}."),
        "bundle.newer": tr("This bundle was written by a newer Skiller (format {version}; this one reads {supported}): update Skiller to open it."),  # noqa: E501
        "identity.newer": tr("This identity file was written by a newer Skiller (format {version}; this one reads {supported}): update Skiller to open it."),  # noqa: E501
        "identity.version": tr("This identity file has version {version}; this Skiller reads version {supported}."),
        "identity.no_keystore_windows": tr("Windows’ Credential Locker is not available, and Skiller does not keep a private key in a plain file on Windows: {detail}"),  # noqa: E501
        "bundle.altered": tr("The bundle was altered after it was exported (its seal does not match)."),
        "bundle.refused": tr("The bundle’s contents are refused: {detail}"),
        "bundle.malformed": tr("The bundle’s contents are malformed."),
        "bundle.not_ascii": tr("The bundle names a document with an id that is not ASCII."),
        "block.not_an_id": tr("This is not a person id (did:key:z6Mk…)."),
        "team.not_a_code": tr("This is not a Skiller team invitation code."),
        "invitation.qr_format": tr("Save the QR code as a .png or .svg file."),
        "phrase.empty": tr("Type or paste your recovery phrase."),
        "phrase.unknown_word": tr("Word {position}, “{word}”, is not in the list of recovery words (a phrase has "
                                  "{expected} words)."),
        "phrase.count": tr("A recovery phrase has {expected} words; this one has {count}."),
        "phrase.checksum": tr("These words do not form your recovery phrase: check each word and their order."),
        "invitation.not_link": tr("This is not a Skiller invitation link (it starts with skiller:invite)."),
        "invitation.too_long": tr("This link is too long to be a Skiller invitation."),
        "invitation.newer_version": tr("This link was made by a newer version of Skiller: update to open it."),
        "invitation.bad_version": tr("This link is damaged: ask for it again."),
        "invitation.too_many_parts": tr("This link is damaged: ask for it again."),
        "invitation.malformed": tr("This link is damaged: ask for it again."),
        "invitation.repeated": tr("This link is damaged: ask for it again."),
        "invitation.missing": tr("This link is damaged: ask for it again."),
        "invitation.no_relay": tr("This link does not say which relay to find the person through."),
        "invitation.relay_count": tr("This link names too many relays."),
        "invitation.bad_person": tr("The person in this link is not a valid Skiller person id."),
        "invitation.bad_relay_length": tr("A relay address in this link is not a valid web address."),
        "invitation.bad_relay_spaces": tr("A relay address in this link is not a valid web address."),
        "invitation.bad_relay": tr("A relay address in this link is not a valid web address."),
        "invitation.bad_relay_host": tr("A relay address in this link is not a valid web address."),
        "invitation.bad_relay_credentials": tr("A relay address in this link carries a user name or password."),
        "invitation.bad_relay_query": tr("A relay address in this link is not a valid web address."),
        "invitation.bad_scheme": tr("A relay address in this link does not start with http:// or https://."),
        "invitation.bad_team_code": tr("The team code in this link is not valid."),
        "invitation.bad_name_length": tr("The name in this link contains hidden characters or is too long."),
        "invitation.bad_name": tr("The name in this link contains hidden characters or is too long."),
        "credential.refused": tr("The credential is refused: {detail}"),
        "known.self": tr("You cannot mark yourself as someone you know."),
        "known.already": tr("You already say you know this person."),
        "known.not_known": tr("You do not say you know this person."),
        "standing.read_only": tr("Standings are out of date, and this data folder is open read-only."),
    }


@per_language
def advice() -> dict[str, str]:
    """What went wrong with a peer or relay, and what to try (skiller_desktop.messages.ADVICE)."""
    return {
        "sync.unreachable": tr("It did not answer. Check your internet connection, or ask whoever runs it whether it is up; Skiller tries again by itself."),  # noqa: E501
        "sync.bad_address": tr("This is not an address Skiller can use. Check it in Settings: it looks like https://relay.example.org."),
        "sync.no_transport": tr("Skiller cannot sync with an address of this kind. Check it in Settings: it starts with http:// or https://."),  # noqa: E501
        "sync.timeout": tr("It answered too slowly. Skiller tries again by itself; if it lasts, tell whoever runs it."),
        "sync.deadline": tr("The sync took too long and paused; it goes on by itself next time."),
        "sync.too_large": tr("It sent more at once than Skiller accepts. Tell whoever runs it."),
        "sync.malformed": tr("It answered in a way Skiller does not understand: is it really a Skiller relay? Check the address."),  # noqa: E501
        "sync.peer_refused": tr("It refused the sync. Check the address; if it lasts, tell whoever runs it."),
        "sync.clock": tr("It refused the sync because this computer's clock is off. Set the date and time to update automatically in your system settings."),  # noqa: E501
        "sync.blocked_there": tr("It does not accept syncs from you (you may be blocked there). Ask whoever runs it."),
        "sync.busy": tr("It is busy right now; Skiller tries again by itself."),
        "sync.failed": tr("The sync stopped on a problem with the data it received; Skiller tries again by itself."),
        "sync.internal": tr("Something went wrong inside Skiller; it was written to the error log and Skiller tries again."),  # noqa: E501
        "sync.cancelled": tr("You stopped the sync; it goes on by itself next time."),
        "sync.incomplete": tr("Synced, but some entries were refused or still wait for others; Skiller asks for them again next time."),  # noqa: E501
    }


@per_language
def state_words() -> dict[str, str]:
    """A peer's or relay's state (skiller_desktop.messages.STATES)."""
    return {
        "state.waiting": tr("Waiting to sync"),
        "state.offline": tr("Not reachable"),
        "state.syncing": tr("Syncing…"),
        "state.up_to_date": tr("Up to date"),
        "state.incomplete": tr("Partly synced"),
        "state.error": tr("Needs attention"),
    }


def when(code: str, params: dict[str, Any]) -> str:
    """A relative time (sync.words.when), in the user's language and plurals, dates in their locale."""
    n = int(params.get("n", 1) or 1)
    if code in ("time.minute", "time.minutes"):
        return tr("%n minute(s) ago", "", n)
    if code in ("time.hour", "time.hours"):
        return tr("%n hour(s) ago", "", n)
    if code == "time.days":
        return tr("%n day(s) ago", "", n)
    if code == "time.yesterday":
        return tr("yesterday at {time}").format(time=params.get("time", ""))
    if code == "time.date":
        date = QDate.fromString(str(params.get("date", "")), Qt.DateFormat.ISODate)
        shown = QLocale().toString(date, QLocale.FormatType.LongFormat) if date.isValid() else str(params.get("date"))
        return tr("on {date}").format(date=shown)
    return tr("just now") if code == "time.just_now" else tr("never")


def local_time(iso: str) -> str:
    """An ISO UTC timestamp as the user's local date and time, in their locale's words ("" if none)."""
    moment = QDateTime.fromString(iso.replace("Z", "+00:00"), Qt.DateFormat.ISODateWithMs) if iso else QDateTime()
    if not moment.isValid():
        return ""
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.LongFormat)


def say_line(text: str) -> str:
    """A report line or a refusal in the user's language, by its code; words with no known code as they are
    (never recased: a file name keeps its case)."""
    code = code_of(text)
    template = templates().get(code) if code else None
    return str(text) if template is None else _fill(template, params_of(text))


def describe(error: BaseException) -> str:
    """Words for the user; never a stack trace."""
    if not isinstance(error, SkillerError):
        return tr("Something went wrong: %s") % type(error).__name__
    if error.code in templates():
        return say_line(error.as_message())
    text = str(error)
    return text + ("" if text.endswith((".", "?", "!")) else ".")


class _Kept(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, params: dict[str, Any]) -> str:
    values = _Kept({key: _localized(key, value) for key, value in params.items()})
    try:
        return template.format_map(values)
    except (ValueError, IndexError):  # a translation with a stray brace: its words, unfilled
        return template


def _localized(key: str, value: Any) -> str:
    if code_of(value):
        return say_line(value)
    if isinstance(value, SkillerError):  # an error given as another's detail: said by its own code
        return say_line(value.as_message())
    if key == "field":
        return field_label(str(value))
    if key == "fields":  # field names joined by ", " (import reports)
        return ", ".join(field_label(name) for name in str(value).split(", "))
    if key == "what":  # the kind of file read_limited was reading
        return _file_kinds().get(str(value), str(value))
    if key == "counts":  # "<n> <section>" joined by ", " (import reports)
        return ", ".join(_count(part) for part in str(value).split(", "))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return QLocale().toString(value) if isinstance(value, int) else QLocale().toString(float(value), "g", 6)


def _file_kinds() -> dict[str, str]:
    return {"JSON Resume file": tr("JSON Resume file"), "LinkedIn export file": tr("LinkedIn export file"),
            "credential file": tr("credential file"), "identity file": tr("identity file"),
            "Skiller identity export": tr("Skiller identity export"), "bundle file": tr("bundle file")}


def _count(part: str) -> str:
    number, _, section = part.partition(" ")
    if not number.isdigit():
        return part
    n = int(number)
    words = {"skills": tr("%n skill(s)", "", n), "positions": tr("%n position(s)", "", n),
             "projects": tr("%n project(s)", "", n), "certificates": tr("%n certificate(s)", "", n),
             "endorsements": tr("%n endorsement(s)", "", n)}
    return words.get(section, part)
