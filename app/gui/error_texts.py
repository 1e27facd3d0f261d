"""Every coded service error worded in the interface language (Qt's catalogues, as all GUI text).

storage.error_messages.ENGLISH words the same codes for the command line; this is the GUI's side:
the same arguments by name (`{key_id}`), filled in one pass by app.gui.refusals.user_text, worded
for a window rather than a terminal (no command-line hints such as `tawthiq init`). Translators
meet these strings in resources/translations/ar/error_texts.ts; tests/gui/test_error_catalogue.py
checks that both catalogues know every code with the same arguments, in English and in Arabic.
"""

from __future__ import annotations

from app.gui.i18n import tr


def wording(code: str) -> str | None:
    """The interface-language wording of `code`, None for a code this catalogue does not know."""
    return _wordings().get(code)


def codes() -> set[str]:
    return set(_wordings())


def file_kind(value: str) -> str:
    """The kind of file an error names (`what`, `kind`: "profile", "tawthiq.identity"), in words."""
    kinds = {"profile": tr("organisation profile"), "tawthiq.profile": tr("organisation profile"),
             "identity": tr("identity"), "tawthiq.identity": tr("identity"),
             "acknowledgement": tr("acknowledgement"), "tawthiq.ack": tr("acknowledgement"),
             "case": tr("case"), "witness": tr("witness"), "consent": tr("consent"),
             "key file": tr("key file"), "custodian key file": tr("custodian key file"),
             "database": tr("database"), "database journal": tr("database journal"),
             "attachments folder": tr("attachments folder")}
    return kinds.get(value, value)


def _wordings() -> dict[str, str]:
    # Built on each call: tr() answers in the language installed at that moment.
    return {
        # ---- ack
        "ack.coordinator_only": tr("Acknowledgements are written on a coordinator's vault"),
        "ack.name_documenter": tr("Choose the documenter the acknowledgement is for."),
        "ack.no_bundle_from_documenter": tr("No bundle has been imported from that documenter"),
        "ack.no_profile": tr("Import the organisation profile before an acknowledgement"),
        "ack.other_documenter": tr("The acknowledgement is for another documenter: nothing was marked"),
        "ack.malformed": tr("The acknowledgement is malformed"),
        "ack.documenter_only": tr("Only a documenter's vault purges delivered cases"),
        # ---- attachment
        "attachment.invalid_reference": tr("Invalid attachment reference"),
        "attachment.missing": tr("An attachment file is missing from the vault"),
        "attachment.damaged": tr("An attachment file is damaged and cannot be decrypted"),
        "attachment.hash_mismatch": tr("An attachment does not match its recorded hash"),
        "attachment.too_large_for_memory": tr("The attachment is too large to open in memory"),
        # ---- audit
        "audit.broken": tr("The audit log is broken at entry {entry}"),
        # ---- bundle
        "bundle.data_after_end": tr("The bundle has data after the end of its archive"),
        "bundle.archive_truncated": tr("The bundle's archive is truncated"),
        "bundle.archive_malformed": tr("The bundle's archive is malformed"),
        "bundle.tar_extensions": tr("The bundle's archive uses tar extensions this program does not accept"),
        "bundle.not_regular_file": tr("The bundle contains something other than a regular file (link, folder or "
                                      "device)"),
        "bundle.file_twice": tr("The bundle contains the same file twice"),
        "bundle.member_too_large": tr("{member} is larger than allowed"),
        "bundle.member_truncated": tr("{member} is truncated"),
        "bundle.wrong_start": tr("The bundle does not start with {head}"),
        "bundle.untrusted_signer": tr("The bundle is signed by key {key_id}, which this vault does not trust"),
        "bundle.manifest_hash": tr("Manifest.json does not match its hash in SHA256SUMS"),
        "bundle.manifest_not_json": tr("Manifest.json is not valid JSON"),
        "bundle.sender_mismatch": tr("The manifest names a sender key other than the trusted key that signed it"),
        "bundle.unlisted_file": tr("The bundle contains a file that SHA256SUMS does not list"),
        "bundle.records_too_large": tr("The bundle's records are larger than allowed"),
        "bundle.member_hash": tr("{member} does not match its hash in SHA256SUMS"),
        "bundle.member_size": tr("{member} has a size other than the manifest says"),
        "bundle.files_missing": tr("The bundle lacks {count} file(s) that SHA256SUMS lists"),
        "bundle.too_many_files": tr("The bundle lists too many files (more than {limit})"),
        "bundle.sums_not_ascii": tr("SHA256SUMS is not ASCII text"),
        "bundle.sums_no_newline": tr("SHA256SUMS does not end with a newline"),
        "bundle.sums_line_malformed": tr("SHA256SUMS line {line} is malformed"),
        "bundle.sums_twice": tr("SHA256SUMS lists {member} twice"),
        "bundle.sums_outside_layout": tr("SHA256SUMS lists a name outside the bundle layout ({member})"),
        "bundle.sums_no_manifest": tr("SHA256SUMS does not list manifest.json"),
        "bundle.too_many_records": tr("The bundle lists too many records (more than {limit})"),
        "bundle.too_many_attachments": tr("The bundle lists too many attachments (more than {limit})"),
        "bundle.manifest_not_whole_number": tr("Manifest: {field} must be a whole number ≥ {low}"),
        "bundle.manifest_not_object": tr("Manifest: not a JSON object"),
        "bundle.manifest_version": tr("Manifest: not a tawthiq bundle of a version this program reads"),
        "bundle.manifest_missing": tr("Manifest: {field} missing"),
        "bundle.manifest_malformed": tr("Manifest: {field} malformed"),
        "bundle.manifest_record_entry": tr("Manifest: a record entry is malformed"),
        "bundle.manifest_record_path": tr("Manifest: a record entry names a path that does not match its id"),
        "bundle.manifest_record_twice": tr("Manifest: a record is listed twice"),
        "bundle.manifest_attachment_entry": tr("Manifest: an attachment entry is malformed"),
        "bundle.manifest_attachment_path": tr("Manifest: an attachment path does not match its hash"),
        "bundle.manifest_attachment_twice": tr("Manifest: an attachment is too large or listed twice"),
        "bundle.manifest_lists_more": tr("The manifest lists {count} file(s) that SHA256SUMS does not"),
        "bundle.sums_lists_more": tr("SHA256SUMS lists {count} file(s) that the manifest does not"),
        "bundle.attachment_hash_name": tr("An attachment's hash in SHA256SUMS differs from its name"),
        "bundle.recipient_not_age": tr("A coordinator recipient in the organisation profile is not an age key"),
        "bundle.no_recipients": tr("The bundle has no recipients"),
        "bundle.too_big_to_write": tr("A bundle holds at most {max_records} records and {max_attachments} "
                                      "attachments; this one would hold {records} and {attachments}"),
        "bundle.attachment_changed": tr("An attachment changed size or content while it was exported"),
        "bundle.write_failed": tr("The bundle could not be written (is the disk full?)"),
        "bundle.manifest_audit": tr("Manifest: audit malformed"),
        "bundle.record_id_twice": tr("Two records share an id; the bundle was not written"),
        "bundle.output_is_folder": tr("The output is a folder; give a file name"),
        "bundle.export_meanwhile": tr("Another export finished meanwhile: export again"),
        "bundle.witness_changed_during_export": tr("A witness changed while the bundle was written: export again"),
        "bundle.unknown_record_kind": tr("The bundle carries a kind of record this program does not know"),
        # ---- bundle_case
        "bundle_case.changed_during_export": tr("A case was edited while the bundle was written: export again"),
        "bundle_case.id_not_uuid": tr("A case record has an id that is not a UUID"),
        "bundle_case.no_versions": tr("A case record carries no versions"),
        "bundle_case.attachment_list": tr("A case record has a malformed attachment list"),
        "bundle_case.version_malformed": tr("A case record has a malformed version"),
        "bundle_case.version_number": tr("A case record has a bad version number"),
        "bundle_case.parent_version": tr("A case record has a bad parent version"),
        "bundle_case.version_header": tr("A case record has a malformed version header"),
        "bundle_case.version_hash": tr("A case record does not match its own version hash"),
        "bundle_case.other_case_id": tr("A case record names another case id in its body"),
        "bundle_case.invalid_fields": tr("A case record fails validation against its form ({fields})"),
        "bundle_case.invalid": tr("A case record fails validation against its form"),
        "bundle_case.attachment_malformed": tr("A case record has a malformed attachment"),
        "bundle_case.media_malformed": tr("A case record has a malformed media record for an attachment (capture "
                                          "metadata or perceptual hashes)"),
        "bundle_case.attachment_not_carried": tr("A case record refers to an attachment the bundle does not carry"),
        "bundle_case.other_source": tr("The bundle carries a case id that belongs to another source: nothing was "
                                       "applied"),
        "bundle_case.version_differs": tr("The bundle carries a case version that differs from the one received "
                                          "earlier under the same number: nothing was applied"),
        "bundle_case.attachment_id_clash": tr("The bundle carries an attachment id this vault already holds, or "
                                              "the bundle carries twice, for other content: nothing was applied"),
        # ---- case
        "annotation.empty": tr("Write the note first"),
        "annotation.too_long": tr("A note is at most {limit} characters"),
        "annotation.control": tr("A note cannot hold NUL characters"),
        "annotation.own_case": tr("Only a received case is annotated; a case recorded here is edited"),
        "case.not_found": tr("No case with that id"),
        "case.no_such_version": tr("No such version of that case"),
        "case.attachment_unreadable": tr("The attachment is not a readable file"),
        "case.no_attachment": tr("No attachment with that id"),
        "case.invalid": tr("Invalid case: {problem}"),
        "case.invalid_more": tr("Invalid case: {problem} (and {more} more)"),
        # ---- consent
        "consent.not_object": tr("Consent: must be a JSON object"),
        "consent.unknown_field": tr("Consent: unknown field {field}"),
        "consent.given_not_bool": tr("Consent.given: must be true or false"),
        "consent.how_unknown": tr("Consent.how: one of {choices}"),
        "consent.date_malformed": tr("Consent.{field}: a date as YYYY-MM-DD"),
        "consent.recorded_by_too_long": tr("Consent.recorded_by: text of at most {limit} characters"),
        "consent.scope_unknown": tr("Consent.scope: a list of {choices}"),
        "consent.disclosure_not_bool": tr("Consent.name_disclosure: must be true or false"),
        "consent.purpose_unknown": tr("Unknown purpose {purpose}; one of {choices}"),
        "consent.mode_unknown": tr("Mode: 'omit' or 'redact'"),
        # ---- coordinator
        "coordinator.only": tr("{what} is done on a coordinator's vault"),
        # ---- custodian
        "custodian.key_file_exists": tr("That file exists already: a custodian key is never overwritten"),
        "custodian.not_key_file": tr("That is not a readable Tawthiq custodian key file"),
        "custodian.key_file_damaged": tr("The custodian key file is damaged"),
        "custodian.unreasonable_work": tr("The custodian key file asks for unreasonable key-derivation work"),
        "custodian.no_identity": tr("No identity was recorded for that witness"),
        "custodian.not_linked": tr("Those two pseudonyms are not linked"),
        "custodian.wrong_passphrase": tr("Wrong custodian passphrase: the custodian key was not opened"),
        # ---- database
        "database.wrong_key": tr("The vault database cannot be opened with this vault's key"),
        "database.newer_schema": tr("This vault was written by a newer Tawthiq (schema {schema}, we know {latest})"),
        # ---- export
        "proofmode.unreadable": tr("Not a ProofMode bundle Tawthiq can read (a zip of one photo or video, its proof, "
                                   "signatures and public key): nothing was attached."),
        "proofmode.extra_missing": tr("ProofMode bundles need the media extra, which is not installed."),
        "media.trust_anchors_unreadable": tr("The trust anchors file is not PEM certificates (at most 1 MiB)."),
        "export.media_needs_folder": tr("Photos and videos go only into a CSV export (a folder)."),
        "export.purpose_unknown": tr("Unknown purpose (one of {choices})."),
        "export.allow_field": tr("Only sensitive victim fields can be allowed: {fields}."),
        "export.format_unknown": tr("Unknown format (one of {choices})."),
        "export.no_folder": tr("The folder for the export does not exist"),
        "export.csv_needs_folder": tr("A CSV export needs a folder: that path is a file"),
        "export.path_is_folder": tr("That path is a folder: name the file to write"),
        "export.needs_estimation": tr("The capture-history table needs the estimation part of Tawthiq, which is not "
                                     "installed with this copy"),
        # ---- file
        "file.unreadable": tr("The {what} file cannot be read"),
        "file.too_large": tr("The {what} file is too large"),
        # ---- identity
        "identity.malformed": tr("The identity file is malformed"),
        # ---- import
        "import.coordinator_only": tr("Bundles are verified and imported on a coordinator's vault"),
        "import.fork_two_bundles": tr("FORK ALARM: documenter {documenter} sent two different bundles numbered "
                                      "{sequence}: nothing was applied"),
        "import.fork_previous": tr("FORK ALARM: documenter {documenter} bundle {sequence} does not follow the "
                                   "bundle {previous} imported earlier: nothing was applied"),
        "import.fork_next": tr("FORK ALARM: bundle {next} imported earlier does not follow this bundle {sequence}: "
                               "nothing was applied"),
        "import.record_not_json": tr("{member} is not valid JSON"),
        "import.record_entry_mismatch": tr("{member} does not match its manifest entry"),
        "import.unreadable": tr("{path}: cannot be read"),
        "import.applied_already": tr("This bundle was applied already"),
        "import.attachments_not_kept": tr("The bundle was verified without keeping its attachments: import it again"),
        "import.imported_meanwhile": tr("The bundle was imported meanwhile: nothing was applied"),
        "import.audit_fork_previous": tr("FORK ALARM: documenter {documenter}'s audit log before bundle {sequence} "
                                         "is not the one bundle {previous} showed: its history was rewritten; "
                                         "nothing was applied"),
        "import.audit_fork_next": tr("FORK ALARM: bundle {next} imported earlier shows documenter {documenter}'s "
                                     "audit log differently from this bundle {sequence}: its history was rewritten; "
                                     "nothing was applied"),
        # ---- json
        "json.constant": tr("{name} is not a JSON number"),
        "json.too_many_digits": tr("A number has too many digits"),
        "json.number_too_large": tr("A number is too large"),
        "json.duplicate_key": tr("A key appears twice in the same object"),
        "json.nul": tr("The text contains a NUL character"),
        "json.lone_surrogate": tr("The text contains an invalid Unicode escape (a lone surrogate)"),
        "json.too_deep": tr("Nested more than {limit} levels deep"),
        "json.not_utf8": tr("The {what} file is not UTF-8 text"),
        "json.refused": tr("The {what} file is refused: {reason}"),
        "json.nested_too_deeply": tr("The {what} file is nested too deeply"),
        "json.invalid_at": tr("The {what} file is not valid JSON (line {line}, column {column})"),
        "json.invalid": tr("The {what} file is not valid JSON"),
        # ---- keyfile
        "backup.not_backup": tr("This is not a Tawthiq backup file"),
        "backup.usage": tr("Choose where to write the backup, or a backup to verify"),
        "backup.truncated": tr("The backup file is cut short: it does not verify, and nothing was restored from it"),
        "backup.damaged": tr("The backup file is damaged or was changed: it does not verify, and nothing was "
                             "restored from it"),
        "backup.data_after_end": tr("The backup file has data after its end: it was changed, and nothing was "
                                    "restored from it"),
        "backup.unsupported_version": tr("Backup format version {version} is not supported by this version of Tawthiq"),
        "backup.vault_changed": tr("The vault changed while it was being backed up (an attachment was removed): "
                                   "no backup was written. Try again."),
        "backup.inside_vault": tr("A backup cannot be written inside the vault folder (a wipe would destroy it "
                                  "with the vault): choose another place"),
        "backup.cannot_read": tr("The backup file {file} cannot be read"),
        "backup.cannot_write": tr("The backup file {file} could not be written ({reason}): no backup was made"),
        "backup.restored_database_damaged": tr("The database in the backup fails its integrity check: nothing was "
                                               "restored"),
        "restore.target_not_empty": tr("{folder} is not empty: a backup is restored only into a new or empty folder"),
        "restore.new_passphrase_needed": tr("A vault restored with recovery shares needs a new passphrase"),
        "recovery.bad_numbers": tr("Shares: at least 2 must be needed to recover, no more than the number made, "
                                   "and at most {max} made"),
        "recovery.share_unknown_word": tr("Share {number}: word {position} is not in the SLIP-39 word list; check "
                                          "its spelling"),
        "recovery.share_checksum": tr("Share {number} has a changed or misspelt word (its checksum does not "
                                      "match): check it word by word. Nothing was recovered."),
        "recovery.share_malformed": tr("Share {number} is not a whole SLIP-39 share (words missing or extra): "
                                       "nothing was recovered"),
        "recovery.too_few_shares": tr("{given} different share(s) given, {needed} needed: nothing was recovered"),
        "recovery.shares_mismatch": tr("Share {number} belongs to another set of shares than share 1: nothing was "
                                       "recovered"),
        "recovery.shares_inconsistent": tr("The shares do not combine into one secret (they are not of one set): "
                                           "nothing was recovered"),
        "recovery.shares_do_not_open": tr("These shares do not open this key file (another set, or new shares "
                                          "were made since): nothing was changed"),
        "recovery.shares_stdin_twice": tr("Only one of the passphrase and the shares can come from standard input"),
        "recovery.shares_file_unreadable": tr("The shares file cannot be read"),
        "recovery.shares_file_too_long": tr("The shares file is too long to hold recovery shares"),
        "recovery.shares_no_terminal": tr("No terminal to ask for the shares"),
        "recovery.share_file_exists": tr("{file} exists already: shares are never written over a file"),
        "recovery.share_file_not_written": tr("{file} could not be written ({reason})"),
        "recovery.not_set_up": tr("No recovery shares were made for this key file: only its passphrase opens it"),
        "custodian.not_successor": tr("The new custodian key file is not a successor of this key (another link "
                                      "key, or the same key): nothing was resealed"),
        "handover.none": tr("This vault has made no key handover"),
        "handover.malformed": tr("The handover file is malformed or does not name the coordinator key imported "
                                 "before"),
        "handover.other_key": tr("Refused: the handover names coordinator key {new_key_id}, but the profile is signed "
                                 "by {profile_key_id} (or lists other recipients): nothing was imported"),
        "handover.not_needed": tr("The profile is signed by the coordinator key imported before: no handover is "
                                  "needed"),
        "keyfile.unsupported_version": tr("Key file version {version} is not supported"),
        "keyfile.damaged": tr("The key file is damaged or not a Tawthiq key file"),
        "keyfile.unreasonable_work": tr("The key file asks for unreasonable key-derivation work"),
        # ---- keys
        "keys.fingerprint_shape": tr("A fingerprint is {groups} groups of {digits} digits."),
        # ---- linkage
        "linkage.decision_unknown": tr("The decision must be one of {choices}."),
        "linkage.no_pair_run_link": tr("No candidate pair with that id (run linkage first)."),
        "linkage.pair_not_current": tr("That pair's records are no longer current: run linkage again."),
        "linkage.no_pair": tr("No candidate pair with that id"),
        "linkage.nothing_to_undo": tr("No review decision is left to undo"),
        "linkage.no_cluster": tr("No victim {cluster} in the last linkage run."),
        "linkage.not_in_cluster": tr("{record} is not one of this victim's records."),
        "linkage.alone_in_cluster": tr("{record} is this victim's only record: there is nothing to take out."),
        # ---- mapping (spreadsheet import)
        "mapping.malformed": tr("The mapping file is malformed at {where}"),
        "mapping.unreadable": tr("The mapping file {file} cannot be read"),
        "mapping.unknown_form": tr("The mapping names a form this program does not have: {form}"),
        "mapping.unknown_target": tr("The mapping names a field the form does not have: {target}"),
        "mapping.no_such_column": tr("The mapping names a column that sheet {sheet} does not have (or has twice): "
                                     "{column}"),
        # ---- sheet (spreadsheet import, the file as a whole)
        "sheet.unreadable": tr("{file} cannot be read"),
        "sheet.unknown_kind": tr("{file} is not a CSV, XLSX or ODS file"),
        "sheet.file_too_large": tr("{file} is larger than {limit} MiB: nothing was imported"),
        "sheet.part_too_large": tr("{file} holds a part larger than {limit} MiB once unpacked: nothing was imported"),
        "sheet.zip_bomb": tr("{file} unpacks to far more than it holds (a zip bomb): nothing was imported"),
        "sheet.damaged": tr("{file} is damaged or not a spreadsheet: nothing was imported"),
        "sheet.encrypted": tr("{file} is password-protected: save it without a password and import again"),
        "sheet.formula_cells": tr("{file} has formula cells (the first at {cell}); their values were computed by "
                                  "another program and are not read: save the sheet as values and import again"),
        "sheet.too_many_columns": tr("{file} has more than {limit} columns: nothing was imported"),
        "sheet.too_many_cells": tr("{file} has more than {limit} cells in one sheet: split it, or save it as CSV"),
        "sheet.line_too_long": tr("{file}: line {line} is longer than 4 MiB: nothing was imported"),
        "sheet.not_utf8": tr("{file}: line {line} is not UTF-8 text: save the CSV as UTF-8 and import again"),
        "sheet.not_text": tr("{file}: line {line} holds NUL bytes, not text: nothing was imported"),
        "sheet.cell_too_large": tr("{file}: a cell near row {row} is too long or malformed: nothing was imported"),
        "sheet.empty": tr("{file} has no header row"),
        "sheet.no_such_sheet": tr("{file} has no sheet named {sheet}"),
        "sheet.changed": tr("{file} changed while it was being imported: nothing was imported"),
        "sheet.rows_refused": tr("{refused} of {cases} cases were refused; {imported} imported"),
        # ---- sheet_row (one problem of one row, in the dry run's report)
        "sheet_row.unmatched_value": tr("{field}: no code, label or variant matches this value: choose one for it"),
        "sheet_row.bad_date": tr("{field}: a date is YYYY, YYYY-MM or YYYY-MM-DD (or a date cell)"),
        "sheet_row.bad_number": tr("{field}: not a number (or not a whole one)"),
        "sheet_row.bad_boolean": tr("{field}: not yes or no"),
        "sheet_row.unknown_form": tr("No form of that name"),
        "sheet_row.no_key": tr("The case key is empty"),
        "sheet_row.key_repeated": tr("This case key appeared earlier, apart from this row: a case's rows must be "
                                     "together"),
        "sheet_row.no_such_case": tr("No case has this row's key"),
        "sheet_row.entry_out_of_order": tr("This row's case came earlier: rows of a case must follow the cases' order"),
        "sheet_row.bad_case_id": tr("The case id is not a UUID"),
        "sheet_row.duplicate_case_id": tr("The same case id appears twice"),
        "sheet_row.case_exists": tr("A case with this id is already in the vault"),
        "sheet_row.invalid_field": tr("{field}: {problem}"),
        # ---- xlsform
        "xlsform.unknown_form": tr("No form named {form}"),
        "linkage.spark_missing": tr("The Spark engine needs pyspark, which is not installed: {hint}"),
        "linkage.java_missing": tr("The Spark engine needs a Java runtime (17 or later)."),
        # ---- orgdata
        "orgdata.no_vocabulary": tr("No vocabulary named {name}."),
        "orgdata.not_imported": tr("Nothing was imported: {reason}"),
        "orgdata.cannot_travel": tr("The profile was not written: this vault's organisation data cannot travel "
                                    "({reason}); import a corrected CSV"),
        "orgdata.profile_malformed": tr("The profile's organisation data is malformed ({reason}): nothing was "
                                        "imported"),
        # ---- passphrase
        "passphrase.empty": tr("The passphrase is empty: choose a long passphrase of several words"),
        "passphrase.too_short": tr("The passphrase is too short ({length} characters; use at least {minimum})"),
        "passphrase.too_easy": tr("The passphrase is too easy to guess: use several unrelated words"),
        # ---- profile
        "profile.not_age_recipient": tr("The {what} is not an age recipient (age1…)."),
        "profile.too_large": tr("The profile would be larger than {mib} MiB, more than a documenter's vault "
                                "accepts: too many organisation places"),
        "profile.no_coordinator_recipient": tr("The profile names no coordinator recipient"),
        "profile.recipient_not_age": tr("The profile contains a recipient that is not an age key"),
        "profile.forms_malformed": tr("The profile's form list is malformed"),
        "profile.serial_malformed": tr("The profile's serial number is malformed"),
        "profile.fingerprint_mismatch": tr("The fingerprint you typed does not match this key. Compare it digit by "
                                           "digit with the person who read it to you; if it still differs, the file "
                                           "may come from an impostor. Nothing was changed."),
        "profile.coordinator_key_changed": tr("Refused: this profile is signed by coordinator key {new_key_id}, not "
                                              "by key {imported_key_id} that you imported before. A changed key may "
                                              "be an impostor: ask your coordinator in person. Nothing was imported."),
        "profile.older": tr("Refused: this profile (number {serial}) is older than the one you have (number "
                            "{imported_serial}) and would roll back the organisation's terms, places and recipients. "
                            "Nothing was imported."),
        "profile.none": tr("No organisation profile has been imported yet."),
        # ---- signature
        "signature.not_ed25519_key": tr("Not a minisign Ed25519 public key"),
        "signature.not_key_file": tr("Not a minisign public key file"),
        "signature.file_too_large": tr("The signature file is too large"),
        "signature.file_not_text": tr("The signature file is not text"),
        "signature.not_minisign": tr("The signature file is not in minisign format"),
        "signature.not_ed25519": tr("The signature is not a minisign Ed25519 signature"),
        "signature.comment_malformed": tr("The trusted comment signature is malformed"),
        "signature.not_base64": tr("The {part} is not valid base64"),
        "signature.wrong_key": tr("Signed by key {key_id}, expected key {expected_key_id}"),
        "signature.does_not_verify": tr("The signature does not verify with key {key_id}"),
        # ---- signed_file
        "signed_file.too_large": tr("The {kind} file is too large"),
        "signed_file.not_signed_file": tr("Not a tawthiq {kind} file"),
        "signed_file.no_signing_key": tr("The {kind} file names no signing key"),
        # ---- source
        "source.coordinator_only": tr("External lists are imported on a coordinator's vault"),
        "source.name_invalid": tr("A list's name is 1 to 60 letters, digits, spaces, dots, dashes or brackets"),
        "source.name_taken": tr("A list with that name is already imported: remove it first or choose another name"),
        "source.not_found": tr("No list has that name"),
        "source.unreadable": tr("The list file cannot be read"),
        "source.kind_unknown": tr("The list must be a .csv or .xlsx file"),
        "source.too_large": tr("The list file is larger than {limit:,} bytes"),
        "source.too_many_rows": tr("The list has more than {limit:,} rows"),
        "source.too_many_columns": tr("The list has more than {limit:,} columns"),
        "source.no_header": tr("The list has no header row"),
        "source.empty": tr("The list has no rows under its header"),
        "source.header_repeated": tr("Column {column:,} repeats the name of an earlier column"),
        "source.cell_too_long": tr("Row {row:,}, column {column:,}: the cell is longer than {limit:,} characters"),
        "source.field_too_long": tr("Line {line:,}: a cell is longer than {limit:,} characters"),
        "source.control_character": tr("Row {row:,}, column {column:,}: the cell holds a control or "
                                       "direction-override character"),
        "source.not_utf8": tr("The CSV file is not UTF-8 text"),
        "source.csv_malformed": tr("The CSV file is malformed at line {line:,}"),
        "source.workbook_unreadable": tr("The spreadsheet cannot be read (damaged, encrypted or not an .xlsx "
                                         "workbook)"),
        "source.expands_too_much": tr("The spreadsheet expands to more than {limit:,} bytes"),
        "source.sheet_missing": tr("The spreadsheet has no sheet with the name the mapping gives"),
        "source.mapping_unreadable": tr("The mapping file cannot be read"),
        "source.mapping_malformed": tr("The mapping file is not a JSON object of the documented shape"),
        "source.mapping_unknown_key": tr("The mapping has a key this version does not know (keys: {keys})"),
        "source.mapping_unknown_field": tr("The mapping's columns name a field this version does not know, or a "
                                           "column name that is not text (fields: {fields})"),
        "source.mapping_no_name": tr("The mapping must give the column of the name (name, name_ar or name_latin)"),
        "source.mapping_date_formats": tr("The mapping's date formats must be a list of date formats, each with %Y"),
        "source.mapping_defaults": tr("The mapping's defaults may set only {fields}, each to a code of its "
                                      "vocabulary"),
        "source.mapping_value_code": tr("The mapping's values for {field} must be codes of its vocabulary"),
        "source.mapping_column_missing": tr("The mapping gives a column for {field} that the list does not have"),
        # ---- trust
        "trust.own_key": tr("That is this vault's own key"),
        "trust.revoked": tr("Refused: key {key_id} was revoked on {revoked_on} and its bundles stay refused. To "
                            "trust it again on purpose, select it in the list and choose Reinstate."),
        "trust.key_id_clash": tr("Refused: a different key with the same key id {key_id} is already trusted. "
                                 "Nothing was changed."),
        "trust.no_revoked_key": tr("No revoked documenter with that key id"),
        "trust.fingerprint_mismatch_revoked": tr("The fingerprint you typed does not match this key. Compare it "
                                                 "digit by digit with the person who read it to you; if it still "
                                                 "differs, the file may come from an impostor. Nothing was changed."),
        "trust.no_trusted_key": tr("No trusted documenter with that key id"),
        # ---- vault
        "vault.wrong_passphrase": tr("Wrong passphrase: the vault was not opened and nothing was changed"),
        "vault.exists": tr("A vault already exists in {folder}"),
        "vault.not_found": tr("No vault in {folder}."),
        "vault.locked": tr("The vault is locked"),
        # ---- wipe
        "wipe.no_vault": tr("No vault in {folder}: nothing was wiped"),
        "wipe.files_left": tr("The keys were destroyed, but some files in {folder} could not be removed; delete the "
                              "folder"),
        "wipe.after_failed_unlocks": tr("Wrong passphrase: that was failed attempt {attempts}, the limit set for "
                                        "this vault, and the vault has been wiped"),
        "wipe.limit_range": tr("The limit must be between 1 and {maximum} attempts, or off."),
        # ---- witness
        "witness.bad_pseudonym": tr("A pseudonym looks like W-7KQ3-M9XD"),
        "witness.field_too_long": tr("Invalid witness: {field}: text of at most {limit} characters"),
        "witness.risk_unknown": tr("Invalid witness: risk: one of {choices}"),
        "witness.identity_not_object": tr("Invalid witness: identity must be a JSON object"),
        "witness.identity_unknown_field": tr("Invalid witness: identity has an unknown field {field}"),
        "witness.custodian_not_age": tr("The organisation profile's custodian recipient is not an age key"),
        "witness.key_cannot_open": tr("This key cannot open that witness's identity"),
        "witness.identity_other_pseudonym": tr("The sealed identity does not belong to this pseudonym"),
        "witness.not_object": tr("Invalid witness: a witness must be a JSON object"),
        "witness.unknown_field": tr("Invalid witness: unknown field {field}"),
        "witness.keep_local_not_bool": tr("Invalid witness: keep_local_copy must be true or false"),
        "witness.not_found": tr("No witness with that pseudonym"),
        "witness.received": tr("This witness was received from a documenter: it is changed on their vault"),
        "witness.only_register_fields": tr("Invalid witness: only alias, relation, risk and follow_up can change"),
        "witness.no_local_copy": tr("This vault keeps no readable copy of that identity (sealed to the custodian)"),
        "witness.reason_required": tr("A reason is required to open an identity"),
        "witness.reason_too_long": tr("The reason must be at most {limit} characters"),
        # ---- witness_record
        "witness_record.not_witness": tr("A witness record in the bundle is invalid: not a witness record"),
        "witness_record.unknown_field": tr("A witness record in the bundle is invalid: unknown field {field}"),
        "witness_record.pseudonym": tr("A witness record in the bundle is invalid: the pseudonym is malformed"),
        "witness_record.revision": tr("A witness record in the bundle is invalid: revision must be a positive whole "
                                      "number"),
        "witness_record.invalid": tr("A witness record in the bundle is invalid: {reason}"),
        "witness_record.updated_at": tr("A witness record in the bundle is invalid: updated_at is missing"),
        "witness_record.sealed_shape": tr("A witness record in the bundle is invalid: sealed_identity must be {age, "
                                          "recipient}"),
        "witness_record.sealed_too_large": tr("A witness record in the bundle is invalid: the sealed identity is "
                                              "too large"),
        "witness_record.sealed_not_base64": tr("A witness record in the bundle is invalid: the sealed identity is "
                                               "not base64"),
        "witness_record.sealed_not_age": tr("A witness record in the bundle is invalid: the sealed identity is not "
                                            "an age file"),
        "witness_record.sealed_recipient": tr("A witness record in the bundle is invalid: the sealed identity's "
                                              "recipient is malformed"),
        "witness_record.other_documenter": tr("A witness pseudonym in the bundle belongs to another documenter"),
        # ---- cli (issue 13 item 5: the last English raise sites)
        "cli.usage": tr("Usage: {message}"),
        # ---- ack (issue 13 item 5: the last English raise sites)
        "ack.purge_needs_yes": tr("{count} delivered case(s) can be purged: confirm first."),
        "ack.usage_import": tr("Choose the acknowledgement file to import."),
        "ack.usage": tr("Write an acknowledgement to a file, or import one."),
        # ---- audit (issue 13 item 5: the last English raise sites)
        "audit.vault_failed": tr("The vault failed verification: {count} problem(s)"),
        # ---- bundle (issue 13 item 5: the last English raise sites)
        "bundle.manifest_sequence_too_high": tr("Manifest: sequence is above {limit}"),
        "bundle.manifest_key_twice": tr("manifest.json has a key twice in one object"),
        "bundle.manifest_nul": tr("manifest.json contains a NUL character"),
        "bundle.manifest_surrogate": tr("manifest.json contains a lone surrogate"),
        "bundle.member_negative_size": tr("The bundle's archive is malformed (a member of negative size)"),
        "bundle.comment_mismatch": tr("The signature's trusted comment does not name this bundle's id and sequence"),
        "bundle.not_addressed_here": tr("The bundle was not addressed to this vault (its signed recipients leave it "
                                        "out)"),
        # ---- consent (issue 13 item 5: the last English raise sites)
        "consent.usage": tr("Give either a consent file or a withdrawal."),
        # ---- file (issue 13 item 5: the last English raise sites)
        "file.larger_than": tr("The {what} file is larger than {mib} MiB"),
        # ---- estimate (issue 13 item 5: the last English raise sites)
        "estimate.by_usage": tr("Strata are {strata}, each at most once."),
        "estimate.list_usage": tr("Each list needs a name and its documenters, and each list is named once."),
        "estimate.too_few_lists": tr("Estimation needs {minimum} to {maximum} lists; {count} chosen. Group "
                                     "documenters into lists, or leave some out by clearing their list name."),
        "estimate.too_many_lists": tr("Estimation needs {minimum} to {maximum} lists; {count} chosen. Group "
                                      "documenters into lists, or leave some out by clearing their list name."),
        "estimate.unknown_documenter": tr("No documenter is known as {name}"),
        "estimate.extra_missing": tr("Estimation is not installed with this copy of Tawthiq (its estimation extra)."),
        # ---- import (issue 13 item 5: the last English raise sites)
        "import.record_refused": tr("{member} was refused: {reason}"),
        # ---- keyfile (issue 13 item 5: the last English raise sites)
        "keyfile.kdf_above_top": tr("The {what} asks for more key-derivation work ({kdf}) than Tawthiq ever sets (at "
                                    "most {memory_mib} MiB, t = {iterations}, p = {lanes}): it was not made by "
                                    "Tawthiq, and it was not opened"),
        "keyfile.kdf_below_floor": tr("The {what}'s key derivation ({kdf}) is below Tawthiq's floor ({memory_mib} "
                                      "MiB, t = {iterations}, p = {lanes}): its passphrase could be guessed far "
                                      "faster than promised, so it was not used"),
        "keyfile.kdf_impossible": tr("The {what} is damaged: its key-derivation parameters are impossible"),
        # ---- keys (issue 13 item 5: the last English raise sites)
        "keys.age_identity_exists": tr("{path} exists already: the age identity is never written over a file; choose "
                                       "a new name"),
        "keys.age_identity_not_written": tr("The age identity could not be written to {path} ({reason})"),
        # ---- linkage (issue 13 item 5: the last English raise sites)
        "linkage.coordinator_only": tr("Linkage runs on a coordinator vault (this vault is a documenter's)"),
        # ---- passphrase (issue 13 item 5: the last English raise sites)
        "passphrase.stdin_twice": tr("Only one passphrase can be read from standard input"),
        "passphrase.file_unreadable": tr("The passphrase file cannot be read"),
        "passphrase.file_too_long": tr("The passphrase file is too long to be a passphrase"),
        "passphrase.file_not_utf8": tr("The passphrase file is not UTF-8 text"),
        "passphrase.no_terminal": tr("No terminal to ask for the passphrase"),
        "passphrase.differ": tr("The two passphrases differ: nothing was changed"),
        "passphrase.same": tr("The new passphrase is the same as the old one: nothing was changed"),
        # ---- profile (issue 13 item 5: the last English raise sites)
        "profile.handover_or_new_key": tr("Give a handover or confirm a new coordinator key, not both"),
        "profile.fingerprint_needed": tr("The {what}'s fingerprint must be checked"),
        "profile.not_confirmed": tr("Not confirmed: nothing was imported"),
        # ---- report (issue 13 item 5: the last English raise sites)
        "report.needs_qt": tr("The PDF report needs the Qt libraries (PySide6), which cannot be loaded"),
        "report.pdf_needs_folder": tr("Name a PDF file in an existing folder"),
        # ---- trust (issue 13 item 5: the last English raise sites)
        "trust.usage": tr("Trust a documenter's identity file, revoke a key, reinstate a key or list the trusted "
                          "keys."),
        "trust.reinstate_usage": tr("Reinstating a key needs its fingerprint."),
        # ---- vault (issue 13 item 5: the last English raise sites)
        "vault.part_unreadable": tr("The vault's {what} ({name}) cannot be read: the vault was not opened"),
        "vault.part_is_link": tr("The vault's {what} ({name}) is a symbolic link: Tawthiq opens a vault only when "
                                 "its parts are in the vault folder itself, where a wipe destroys them; move what "
                                 "the link points to into {folder}. The vault was not opened"),
        "vault.part_not_file": tr("The vault's {what} ({name}) is not a regular file: the vault was not opened"),
        "vault.part_not_folder": tr("The vault's {what} ({name}) is not a regular folder: the vault was not opened"),
        # ---- wipe (issue 13 item 5: the last English raise sites)
        "wipe.limit_usage": tr("The limit is a number of attempts, or off."),
        "wipe.not_confirmed": tr("Not wiped: the answer was not {word}"),
        "wipe.after_failed_unlocks_not_wiped": tr("Wrong passphrase: that was failed attempt {attempts}, the limit "
                                                  "set for this vault, and the vault was to be wiped, but the key "
                                                  "file could not be destroyed, so the vault is NOT wiped: {left}"),
        "wipe.after_failed_unlocks_incomplete": tr("Wrong passphrase: that was failed attempt {attempts}, the limit "
                                                   "set for this vault, and the vault has been wiped, but not "
                                                   "everything could be removed: {left}"),
        "wipe.keys_not_destroyed": tr("The key file could not be destroyed, so the vault is NOT wiped: {left}"),
        "wipe.incomplete": tr("The keys were destroyed, but not everything could be removed: {left}; delete what is "
                              "left by hand"),
        # ---- witness (issue 13 item 5: the last English raise sites)
        "witness.no_custodian_yet": tr("No custodian recipient yet: import the organisation profile first"),
        # ---- witness_record (issue 13 item 5: the last English raise sites)
        "witness_record.not_custodian": tr("A witness record in the bundle is invalid: the identity is not sealed to "
                                           "this organisation's custodian"),
        # ---- where (issue 13 item 5: the last English raise sites)
        "where.line": tr("{source}, line {line}"),
        "where.vocabulary_file": tr("vocabulary file"),
        "where.places_file": tr("places file"),
        "where.place": tr("place {number}"),
        "where.term": tr("{name}, term {number}"),
        # ---- form (issue 13 item 5: the last English raise sites)
        "form.labels_malformed": tr("{where}: labels are an object of language → text"),
        "form.field_id": tr("{where}: a field needs an id of lower-case letters, digits and _"),
        "form.field_type": tr("{where}: unknown field type {kind}"),
        "form.field_vocabulary": tr("{where}: unknown vocabulary {vocabulary}"),
        "form.condition_malformed": tr("{where}: a condition is {\"field\": id, \"in\": [values]}"),
        "form.group_empty": tr("{where}: a group needs children"),
        "form.group_ids_twice": tr("{where}: two children share an id"),
        "form.not_object": tr("{source}: a form definition is a JSON object"),
        "form.format": tr("{source}: unsupported definition format {format}"),
        "form.id_malformed": tr("{source}: the form id must be lower-case letters, digits and _"),
        "form.version_malformed": tr("{source}: the version must be a whole number from 1"),
        "form.no_sections": tr("{source}: a form needs sections"),
        "form.section_malformed": tr("{source}: a section needs an id and fields"),
        "form.field_ids_clash": tr("{source}: field ids repeat or reuse a system key"),
        "form.file_not_json": tr("{source}: not readable JSON"),
        "form.file_name_mismatch": tr("{source}: the file name does not match the id and version inside"),
        "form.id_not_text": tr("The form id must be text"),
        "form.unknown": tr("Unknown form {form}"),
        "form.unknown_version": tr("Form {form} has no version {version}"),
        "form.no_example": tr("No example for form {form}"),
        # ---- vocabulary (issue 13 item 5: the last English raise sites)
        "vocabulary.not_csv": tr("{source}: not readable CSV (a malformed quote or a field over 128 KiB)"),
        "vocabulary.columns": tr("{source}: the CSV needs the columns code,en,ar"),
        "vocabulary.code_malformed": tr("{where}: a code is letters, digits, _ . - (at most 64)"),
        "vocabulary.code_twice": tr("{where}: the code {code} appears twice"),
        "vocabulary.no_label": tr("{where}: a term needs an English or Arabic label"),
        "vocabulary.label_too_long": tr("{where}: a label is longer than {limit} characters"),
        "vocabulary.label_control": tr("{where}: a label contains control characters"),
        "vocabulary.unknown": tr("No vocabulary named {name}"),
        "vocabulary.name_not_text": tr("A vocabulary name is text"),
        "vocabulary.file_unreadable": tr("The vocabulary file cannot be read"),
        "vocabulary.file_too_large": tr("The vocabulary file is larger than 1 MiB"),
        "vocabulary.file_not_utf8": tr("The vocabulary file is not UTF-8 text"),
        "vocabulary.name_malformed": tr("A vocabulary name is lower-case letters, digits and _"),
        "vocabulary.terms_not_list": tr("The terms of {name} are not a list"),
        "vocabulary.too_many_terms": tr("More than {limit} terms for {name}"),
        "vocabulary.term_malformed": tr("{where}: a term is {code, labels: {en, ar}} with text values"),
        # ---- places (issue 13 item 5: the last English raise sites)
        "places.file_unreadable": tr("The places file cannot be read"),
        "places.file_too_large": tr("The places file is larger than 16 MiB"),
        "places.file_not_utf8": tr("The places file is not UTF-8 text"),
        "places.code_and_level": tr("{where}: needs a code and a level ({levels})"),
        "places.no_name": tr("{where}: a place needs an English or Arabic name"),
        "places.code_malformed": tr("{where}: a parent or P-code is letters, digits, _ . - (at most 64)"),
        "places.too_many_variants": tr("{where}: more than {limit} spelling variants"),
        "places.name_too_long": tr("{where}: a name is longer than {limit} characters"),
        "places.name_control": tr("{where}: a name contains control characters"),
        "places.not_list": tr("The places are not a list"),
        "places.too_many": tr("More than {limit} places"),
        "places.not_object": tr("{where}: not an object"),
        "places.place_malformed": tr("{where}: a place is {code, level, parent, names: {en, ar}, variants, pcode}"),
        "places.parent_loop": tr("{where}: the place is its own ancestor (a loop of parents)"),
        "places.pcode_malformed": tr("{where}: a malformed P-code"),
        "places.name_too_long_or_control": tr("{where}: a name is longer than {limit} characters or contains control "
                                              "characters"),
        "places.not_csv": tr("The places file is not readable CSV (a malformed quote or a field over 128 KiB)"),
        "places.columns": tr("The places file needs the columns code,level,name_en,name_ar or OCHA's admin1Pcode…"),
        # ---- orgdata (issue 13 item 5: the last English raise sites)
        "orgdata.keys": tr("Not {vocabularies, places}"),
        "orgdata.vocabularies_not_mapping": tr("The vocabularies are not a mapping of names to terms"),
        "linkage.extra_missing": tr("Linkage needs the optional linkage extra, which is not installed with this copy "
                                    "of Tawthiq"),
        "case.received": tr("That case was received from a documenter and belongs to the documenter: it cannot be "
                            "changed here; record your own notes as a new case"),
        "bundle.other_recipient": tr("The bundle is not encrypted to this vault (it is for another recipient)"),
        "bundle.decryption_failed": tr("The bundle is damaged or was tampered with (decryption failed)"),
        "bundle.cannot_decrypt": tr("The bundle cannot be decrypted ({error})"),
    }
