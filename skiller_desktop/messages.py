"""What the core says to people, by code: one catalogue of English templates, no Qt.

An error or a report line carries a stable `code` and its `params` beside its
English text, so the UI can say it in the user's language by code
(`ui/messages.py`) and never by matching English sentences; the CLI and the
logs print the English. `Message` is a `str`, so code that only prints, joins
or stores lines keeps working; it survives pickling (the verification pool)
and keeps its code there.

A template's placeholders are `str.format` fields; the UI's translations use
the same field names. `tests/gui/test_error_codes.py` checks that every code
here has words in the UI and a French translation, and
`tests/unit/test_error_codes_static.py` that the core raises with codes.
"""

from __future__ import annotations

from typing import Any

CATALOGUE: dict[str, str] = {
    # -- text fields (text.py) -----------------------------------------------------------
    "text.not_text": "{field} must be text",
    "text.nul": "{field} contains a NUL character",
    "text.empty": "{field} cannot be empty",
    "text.too_long": "{field} is too long ({length:,} characters; at most {limit:,})",
    "level.not_number": "{field} must be a whole number from 1 to 5",
    "level.range": "{field} must be from 1 to 5 (got {value})",
    "years.not_number": "years must be a whole number",
    "years.range": "years must be from 0 to 80 (got {value})",
    # -- services.py ------------------------------------------------------------------
    "storage.data_dir_is_file": "{path} is a file, not a folder",
    "identity.none": "no identity here yet: run 'skiller init --name NAME' first",
    "identity.taken": "this data dir already belongs to {person_id}",
    "identity.no_person_doc": "the identity file holds no person document",
    "identity.doc_missing": "your person document is missing from this data dir",
    "identity.passphrase_short": "the passphrase must have at least 8 characters",
    "identity.not_export": "this file is not a Skiller identity export",
    "identity.damaged": "the identity file is damaged (its nonce or salt has the wrong size)",
    "identity.wrong_passphrase": "wrong passphrase, or the identity file was altered",
    "identity.no_key": "the identity file holds no readable key",
    "identity.mismatch": "the identity file does not match its person id",
    "identity.cannot_write": "cannot write the identity in {path}: {detail}",
    "identity.unreadable": "the identity in {path} is unreadable",
    "identity.stored_mismatch": "the stored key does not match the stored person id",
    "identity.key_missing": "the private key is missing from the system key store; restore it with your recovery "
                            "phrase",
    "device.current": "this is the device you are using; revoke it from another one",
    "device.unknown": "no device {device!r} in your identity",
    "device.revoked": "device {device} is already revoked",
    "person.unknown_id": "no person {person_id} on this node",
    "person.not_an_id": "{value!r} is not a person id",
    "person.unknown": "this person is not known on this node; import or sync their profile first",
    "person.unknown_here": "this person is not known on this node",
    "profile.unknown_field": "unknown profile field {key!r}",
    "profile.availability": "availability must be one of {values}",
    "skill.duplicate": "you already have the skill {name!r}",
    "skill.unknown": "you have no skill named {name!r}",
    "import.linked": "Linked to the skills vocabulary: {linked} skills named exactly as one of its concepts; "
                     "{ambiguous} skills whose name several concepts share are left for you to choose",
    "concept.taken": "your skill {skill!r} is already linked to this concept: merge the two instead",
    "concept.not_uri": "{value!r} is not a concept URI",
    "concept.unknown": "{value!r} is not a concept of the skills vocabulary",
    "concept.not_linked": "your skill {skill!r} is not linked to a concept",
    "concept.ambiguous": "{value!r} names several concepts; give one of their URIs: {choices}",
    "concept.pick": "answer with a number from 1 to {count}, or nothing",
    "concept.no_role": "choose a role among the suggestions",
    "concept.merge_same": "a skill cannot be merged into itself",
    "concept.merge_two_concepts": "{keep!r} and {absorb!r} are linked to different concepts: unlink one first",
    "endorse.self": "you cannot endorse yourself",
    "endorse.no_such_skill": "{name} has no skill named {skill!r} in their portfolio",
    "endorse.duplicate": "you already endorse {skill} for this person",
    "endorsement.not_given": "you gave no endorsement {id!r}",
    "endorsement.revoked": "this endorsement is already revoked",
    "endorsement.not_received": "you received no endorsement {id!r}",
    "endorsement.ambiguous": "{count} people gave an endorsement {id!r}; say whose (endorser id)",
    "thanks.already": "you already thanked {name} for this endorsement",
    "offer.kind": "kind must be 'offer' or 'request'",
    "offer.unknown": "no offer or request {id!r}",
    "offer.ambiguous": "{count} people posted {id!r}; say whose",
    "offer.own": "this is your own post",
    "offer.closed": "this post is already closed",
    "offer.status": "status must be one of {values}",
    "offer.not_yours": "you have no offer or request {id!r}",
    "document.unknown": "no document {doc_id} on this node",
    "block.self": "you cannot block yourself",
    "block.already": "{person_id} is already blocked",
    "block.not_blocked": "{person_id} is not blocked",
    "change.unshareable": "this change cannot be shared: {detail}",
    "evidence.kind": "evidence must be a project or a link",
    "change.too_big": "one entry is {size:,} bytes, over the {limit:,} bytes a change may hold",
    # -- files and the data folder (files.py, db.py, bundles.py) ------------------------------
    "file.missing": "cannot read {path}: no such file",
    "file.folder": "{path} is a folder, not a {what}",
    "file.unreadable": "cannot read {path}: {detail}",
    "file.not_regular": "{path} is not a regular file (a device or a pipe), not a {what}",
    "file.too_large": "{path} is too large for a {what} (over {limit:,} bytes)",
    "file.cannot_write": "cannot write {path}: {detail}",
    "storage.readonly": "the data folder is read-only: Skiller cannot save changes there",
    "storage.full": "the disk is full: free some space, nothing was changed",
    "storage.locked": "the data file is busy in another Skiller window; try again",
    "storage.unopenable": "cannot open the data file (check the folder exists and is writable)",
    "storage.io": "the disk reported an error while saving; nothing was changed",
    "storage.damaged": "the data file is damaged or is not a Skiller store",
    "storage.failed": "the data file could not be used: {detail}",
    "storage.folder": "cannot use the data folder {path}: {detail}",
    "storage.newer": "this data file was written by a newer Skiller; please update",
    "bundle.not_bundle": "this file is not a Skiller bundle",
    "bundle.version": "this bundle has version {version!r}; this Skiller reads {supported}",
    # -- package: files written by a newer Skiller (versions.py) ----------------------
    "bundle.newer": "this bundle was written by a newer Skiller (format {version}; this one reads {supported}): "
                    "update Skiller to open it",
    "identity.newer": "this identity file was written by a newer Skiller (format {version}; this one reads "
                      "{supported}): update Skiller to open it",
    "identity.version": "this identity file has version {version!r}; this Skiller reads {supported}",
    "identity.no_keystore_windows": "Windows' Credential Locker is not available, and Skiller does not keep a "
                                    "private key in a plain file on Windows: {detail}",
    "bundle.altered": "the bundle was altered after it was exported (its seal does not match)",
    "bundle.refused": "the bundle's contents are refused: {detail}",
    "bundle.malformed": "the bundle's contents are malformed",
    "bundle.not_ascii": "the bundle names a document with an id that is not ASCII",
    "block.not_an_id": "not a person id (did:key:z6Mk…)",
    "team.not_a_code": "this is not a Skiller team invitation code",
    "invitation.qr_format": "save the QR code as a .png or .svg file",
    # -- the recovery phrase (identity.py) ---------------------------------------------
    "phrase.empty": "the recovery phrase is empty",
    "phrase.unknown_word": "word {position}, {word!r}, is not a recovery phrase word (a phrase has {expected} words)",
    "phrase.count": "the recovery phrase has {count} words; it needs {expected}",
    "phrase.checksum": "the recovery phrase is wrong: check every word and their order",
    # -- invitation links (invitations.py) --------------------------------------------
    "invitation.not_link": "this is not a Skiller invitation link (it should start with skiller:invite)",
    "invitation.too_long": "this link is longer than {max:,} characters",
    "invitation.newer_version": "this link was made by a newer Skiller: update to open it",
    "invitation.bad_version": "this link has no valid version",
    "invitation.no_relay": "this link names no relay to find the person through",
    "invitation.relay_count": "an invitation names 1 to {max} relays (this one: {count})",
    "invitation.too_many_parts": "this link has too many parts (at most {max})",
    "invitation.malformed": "this link is damaged (its parts cannot be read)",
    "invitation.repeated": "this link gives {part!r} more than once",
    "invitation.missing": "this link has no {part!r}",
    "invitation.bad_person": "the person id in this link is not a valid Skiller person id",
    "invitation.bad_relay_length": "a relay address is empty or longer than {max} characters",
    "invitation.bad_relay_spaces": "a relay address contains spaces or control characters",
    "invitation.bad_relay": "a relay address is not a valid web address",
    "invitation.bad_scheme": "a relay address must start with http:// or https://",
    "invitation.bad_relay_host": "a relay address has no valid host name",
    "invitation.bad_relay_credentials": "a relay address must not carry a user name or password",
    "invitation.bad_relay_query": "a relay address must not have a query (?) or a fragment (#)",
    "invitation.bad_team_code": "the team invitation code in this link is not valid",
    "invitation.bad_name_length": "the name in this link is longer than {max} characters",
    "invitation.bad_name": "the name in this link contains invisible or control characters",
    "credential.refused": "{detail}",
    # -- teams (teams/service.py) -------------------------------------------------------
    "team.unknown": "no team {team_id} on this node",
    "team.code_days": "a code is valid for 0 (no end) to 365 days",
    "team.no_invitation": "this team has no invitation {id!r}",
    "team.invitation_accepted": "this invitation was already accepted: remove the member instead",
    "team.not_member_person": "this person is not a member of the team",
    "team.only_admin": "you are the team's only admin: make someone else admin first",
    "team.remove_self": "to remove yourself, leave the team",
    "team.only_admin_leaving": "you are the team's only admin: make someone else admin before leaving",
    "team.invitation_withdrawn_you": "your invitation to this team was withdrawn",
    "team.code_or_id": "give an invitation code or a team id (team:…)",
    "team.already_member_you": "you are already a member of this team",
    "team.no_need": "the team has no need {id!r}",
    "team.cannot_write": "cannot write {path}: {detail}",
    "team.would_refuse": "the team would refuse this: {detail}",
    "team.not_member_you": "you are not a member of this team",
    "team.admins_only": "only the team's admins may do this",
    "team.removed_final": "this person was removed from the team; a removal is final",
    "team.already_member": "this person is already a member",
    "team.code_invalid": "this invitation code is not valid for this team",
    "team.code_used": "this invitation code was already used",
    "team.code_withdrawn": "this invitation code was withdrawn by the team",
    "team.code_expired": "this invitation code has expired: ask for a new one",
    "team.role": "role must be one of {values}",
    # -- import and export (interop/) -------------------------------------------------
    "import.cannot_write": "cannot write {path}: {detail}",
    "import.no_such_file": "{path}: no such file",
    "import.not_a_file": "{path} is not a regular file, not a LinkedIn export",
    "import.no_linkedin_files": "{file} holds none of the LinkedIn export files ({files}): is it the archive "
                                "from “Get a copy of your data”?",
    "import.no_such_path": "{path}: no such file or folder",
    "import.no_linkedin_readable": "No LinkedIn file in {file} could be read: {detail}",
    "import.not_zip": "{file} is not a readable ZIP archive ({detail})",
    "import.unreadable": "{file} cannot be read ({detail})",
    "import.member_twice": "{member}: another {name} was already read ({chosen}): ignored",
    "import.member_too_large": "{file} is too large for a LinkedIn export file",
    "import.member_damaged": "{file} is damaged in the ZIP archive ({detail})",
    "import.member_longer": "{file} is damaged in the ZIP archive (longer than it says)",
    "import.member_unextractable": "{file} cannot be extracted ({detail})",
    "import.csv_binary": "{file} is not a CSV text file (it holds binary data)",
    "import.csv_encoding": "{file} is not a CSV text file (unknown text encoding)",
    "import.csv_unreadable": "{file} is not a readable CSV file ({detail})",
    "import.csv_no_header": "{file} has no header row with {columns}: skipped",
    "import.csv_bad_date": "{file} row {row}: {column} {value!r} is not a date: left empty",
    "import.linkedin_read": "Read LinkedIn export: {files}",
    "import.linkedin_missing": "Not in this export (nothing imported from them): {files}",
    "import.linkedin_kept": "Kept, with no Skiller field: {fields}",
    "import.linkedin_profile": "Imported profile of {name}, {positions} positions, {projects} projects, "
                               "{certificates} certificates, {languages} languages",
    "import.linkedin_skills": "Imported {count} skills at level 3: LinkedIn has no skill levels, adjust them in "
                              "Skiller",
    "import.linkedin_endorsements": "Imported {count} endorsements received, marked unverified: LinkedIn does not "
                                    "sign them, so Skiller cannot prove who gave them",
    "import.duplicate_skill": "Skipped duplicate skill {name!r} (same as {same!r})",
    "import.endorsement_incomplete": "{file} row {row}: no skill or no endorser: skipped",
    "import.duplicate_endorsements": "Skipped {count} duplicate endorsements",
    "import.unlisted_skills": "Endorsements kept for skills not in Skills.csv: {skills}",
    "import.duplicate_item": "Skipped duplicate {kind} {name!r}",
    "import.extras_kept": "What Skiller has no field for stays on this device only, never synced: {file}",
    "import.clipped": "{what} was longer than {limit:,} characters: clipped with “{ellipsis}”",
    "import.kept_yours": "Kept your {name} (the import has {value!r})",
    "import.filled": "Filled your empty profile fields: {fields}",
    "import.already": "Already in Skiller, left as they are: {counts}",
    "import.stored": "Stored: {skills_added} new skills, {skills_merged} skills with new keywords, {positions} "
                     "positions, {projects} projects, {certificates} certificates, {endorsements} unverified "
                     "endorsements",
    "import.nothing_new": "Nothing new: everything in this import is already in Skiller",
    "pdf.no_language": "no PDF labels for language {language!r}: use one of {languages}",
    "credential.none": "given before endorsements carried a credential",
    "credential.not_verified": "its credential does not verify ({detail})",
    "credential.other_person": "its credential names another person",
    "import.endorsement_skipped": "{skill} from {endorser}: {detail}",
    "import.resume_invalid": "Not a valid JSON Resume: {where}: {detail}",
    "import.not_utf8": "{file} is not UTF-8 text",
    "import.not_json": "{file} is not valid JSON (line {line}, column {column}: {detail})",
    "import.refused": "{file} is refused: {detail}",
    "import.not_resume_object": "{file} holds a JSON {kind}, not a résumé object",
    "import.resume_not_object": "A JSON Resume must be a JSON object, not {kind}",
    "import.field_not_text": "{where}.{key} must be text, not {kind}",
    "import.field_not_texts": "{where}.{key} must be a list of texts",
    "import.field_bad_date": "{where}.{key} {value!r} is not a date: left empty (kept for export)",
    "import.field_not_object": "{where}{key} must be an object, not {kind}",
    "import.field_not_list": "{where}{key} must be a list, not {kind}",
    "import.item_not_object": "{where}{key}[{index}] must be an object, not {kind}",
    "import.language_unnamed": "languages[{index}] has no language name: skipped",
    "import.level_unknown": "Skill {name!r}: level {value!r} not recognised, set to 3",
    "import.resume_summary": "Imported from JSON Resume: profile of {name}, {skills} skills, {positions} positions, "
                             "{projects} projects, {certificates} certificates, {languages} languages",
    "import.resume_kept": "Kept for export, with no Skiller field: {fields}",
    "import.entry_unnamed": "{where} has no {fields}: skipped",
    "import.skill_twice": "Skill {name!r} appears twice: merged into one",
    "import.no_levels": "No level given for {skills}: set to 3, adjust in Skiller",
    "import.no_name": "(no name)",
    "import.cancelled": "the import was cancelled: nothing was imported",
    # -- interop, issue 15: résumés read in part, credentials from elsewhere ----------------------------
    "import.not_a_resume": "{file} is not a JSON Resume: it has none of its sections ({sections})",
    "import.skipped_date": "Skipped {where}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "import.skipped_not_text": "Skipped {where}: {value!r} is not text",
    "import.skipped_not_list": "Skipped {where}: {value!r} is not a list",
    "import.skipped_not_object": "Skipped {where}: {value!r} is not an object",
    "import.skipped_format": "Skipped {where}: {value!r} is not a valid address",
    "import.skipped_other": "Skipped {where}: {value!r} does not follow the JSON Resume schema",
    "credential.no_such_file": "{path}: no such file",
    "credential.folder": "{path} is a folder, not a credential file",
    "credential.not_regular": "{path} is not a regular file (a device or a pipe), not a credential file",
    "credential.invalid": "{file}: not a valid credential: {detail}",
    "credential.cannot_write": "cannot write credentials into {path}: {detail}",
    # -- refusals of synced documents (acceptance.py, sync/engine.py) -----------------------
    "document.unknown_kind": "document {doc_id!r} is of no kind this node knows",
    "document.empty": "document {doc_id} is empty",
    "document.too_deep": "document {doc_id} is nested too deeply",
    "document.no_own_id": "document {doc_id} does not carry its own id",
    "sync.blocked_sender": "blocked: the sender's key is blocked here",
    "sync.blocked_author": "blocked: the author's key is blocked here",
    # -- standing (standing_service.py) ------------------------------------------------------
    "known.self": "you cannot mark yourself as known",
    "known.already": "you already say you know this person",
    "known.not_known": "you do not say you know this person",
    "standing.read_only": "standings are out of date and this data dir is open read-only",
}

# A peer's or relay's state in plain words (sync.words): the CLI prints these, the UI says them by code.
STATES: dict[str, str] = {
    "state.waiting": "Waiting to sync",
    "state.offline": "Not reachable",
    "state.syncing": "Syncing…",
    "state.up_to_date": "Up to date",
    "state.incomplete": "Partly synced",
    "state.error": "Needs attention",
}

# What went wrong with a peer or relay, one sentence a freelancer understands, and what to try.
ADVICE: dict[str, str] = {
    "sync.unreachable": "It did not answer. Check your internet connection, or ask whoever runs it whether it is "
                        "up; Skiller tries again by itself.",
    "sync.bad_address": "This is not an address Skiller can use. Check it in Settings: it looks like "
                        "https://relay.example.org.",
    "sync.no_transport": "Skiller cannot sync with an address of this kind. Check it in Settings: it starts with "
                         "http:// or https://.",
    "sync.timeout": "It answered too slowly. Skiller tries again by itself; if it lasts, tell whoever runs it.",
    "sync.deadline": "The sync took too long and paused; it goes on by itself next time.",
    "sync.too_large": "It sent more at once than Skiller accepts. Tell whoever runs it.",
    "sync.malformed": "It answered in a way Skiller does not understand: is it really a Skiller relay? "
                      "Check the address.",
    "sync.peer_refused": "It refused the sync. Check the address; if it lasts, tell whoever runs it.",
    "sync.clock": "It refused the sync because this computer's clock is off. Set the date and time to update "
                  "automatically in your system settings.",
    "sync.blocked_there": "It does not accept syncs from you (you may be blocked there). Ask whoever runs it.",
    "sync.busy": "It is busy right now; Skiller tries again by itself.",
    "sync.failed": "The sync stopped on a problem with the data it received; Skiller tries again by itself.",
    "sync.internal": "Something went wrong inside Skiller; it was written to the error log and Skiller tries again.",
    "sync.cancelled": "You stopped the sync; it goes on by itself next time.",
    "sync.incomplete": "Synced, but some entries were refused or still wait for others; Skiller asks for them "
                       "again next time.",
}

# When, relative to now, in the local time zone (sync.words.when).
TIMES: dict[str, str] = {
    "time.never": "never",
    "time.just_now": "just now",
    "time.minute": "1 minute ago",
    "time.minutes": "{n} minutes ago",
    "time.hour": "1 hour ago",
    "time.hours": "{n} hours ago",
    "time.yesterday": "yesterday at {time}",
    "time.days": "{n} days ago",
    "time.date": "on {date}",
}

# Refusals that the very same signed bytes would meet again (`sync.replicator.refused_for_good`).
FINAL_REFUSALS = frozenset({
    "document.schema", "document.unknown_kind", "document.empty", "document.too_deep", "document.no_own_id",
    "sync.blocked_sender", "sync.blocked_author",
})


class Message(str):
    """English words that remember their code and parameters."""

    code: str
    params: dict[str, Any]

    def __new__(cls, text: str, code: str = "", params: dict[str, Any] | None = None) -> Message:
        self = super().__new__(cls, text)
        self.code = code
        self.params = dict(params or {})
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (str(self), self.code, self.params))


def say(code: str, /, **params: Any) -> Message:
    """The English words for `code` with `params`, carrying both (a KeyError is our bug: a code not catalogued)."""
    return Message(CATALOGUE[code].format(**params), code, params)


def coded(text: str, code: str) -> Message:
    """Words that are not ours (a peer's refusal, a library's message) under a code that says what they are."""
    return text if isinstance(text, Message) and text.code else Message(text, code)


def code_of(text: str) -> str:
    return text.code if isinstance(text, Message) else ""


def params_of(text: str) -> dict[str, Any]:
    return text.params if isinstance(text, Message) else {}
