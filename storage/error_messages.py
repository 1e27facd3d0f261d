"""The English wording of every error code: the line the command line prints (`str(exc)`).

Codes are stable (scripts and the GUI's catalogue, app/gui/error_texts.py, rely on them); a
wording may change, the code may not. `{name}` is an argument filled in one pass by
storage.errors.fill; `{name:,}` groups a count by thousands. Like every error line, a wording
never carries case content, names or keys: arguments are counts, key ids, file names and fields.
"""

from __future__ import annotations

from forms.error_messages import ENGLISH as FORMS_ENGLISH

ENGLISH: dict[str, str] = {
    # ---- cli
    "cli.usage": "usage: {message} (see `tawthiq --help`)",
    # ---- ack
    "ack.purge_needs_yes": "usage: {count} delivered case(s) can be purged: confirm with --yes",
    "ack.usage_import": "usage: ack import FILE",
    "ack.usage": "usage: ack --out FILE [--documenter KEYID] | ack import FILE",
    "ack.coordinator_only": "acknowledgements are written on a coordinator's vault",
    "ack.name_documenter": "name the documenter: --documenter KEYID (see `trust --list`)",
    "ack.no_bundle_from_documenter": "no bundle has been imported from that documenter",
    "ack.no_profile": "import the organisation profile before an acknowledgement",
    "ack.other_documenter": "the acknowledgement is for another documenter: nothing was marked",
    "ack.malformed": "the acknowledgement is malformed",
    "ack.documenter_only": "only a documenter's vault purges delivered cases",
    # ---- attachment
    "attachment.invalid_reference": "invalid attachment reference",
    "attachment.missing": "an attachment file is missing from the vault",
    "attachment.damaged": "an attachment file is damaged and cannot be decrypted",
    "attachment.hash_mismatch": "an attachment does not match its recorded hash",
    "attachment.too_large_for_memory": "the attachment is too large to open in memory",
    # ---- audit
    "audit.vault_failed": "the vault failed verification: {count} problem(s)",
    "audit.broken": "the audit log is broken at entry {entry}",
    # ---- backup
    "backup.not_backup": "this is not a Tawthiq backup file",
    "backup.usage": "usage: tawthiq backup --out FILE, or tawthiq backup verify FILE",
    "backup.truncated": "the backup file is cut short: it does not verify, and nothing was restored from it",
    "backup.damaged": "the backup file is damaged or was changed: it does not verify, and nothing was restored from it",
    "backup.data_after_end": "the backup file has data after its end: it was changed, and nothing was restored from it",
    "backup.unsupported_version": "backup format version {version} is not supported by this version of Tawthiq",
    "backup.vault_changed": ("the vault changed while it was being backed up (an attachment was removed): no "
                             "backup was written; run it again"),
    "backup.inside_vault": ("a backup cannot be written inside the vault folder (a wipe would destroy it with the "
                            "vault): choose another place"),
    "backup.cannot_read": "the backup file {file} cannot be read",
    "backup.cannot_write": "the backup file {file} could not be written ({reason}): no backup was made",
    "backup.restored_database_damaged": "the database in the backup fails its integrity check: nothing was restored",
    # ---- recovery
    "recovery.bad_numbers": ("shares: at least 2 must be needed to recover, no more than the number made, and at "
                             "most {max} made"),
    "recovery.share_unknown_word": ("share {number}: word {position} is not in the SLIP-39 word list; check its "
                                    "spelling"),
    "recovery.share_checksum": ("share {number} has a changed or misspelt word (its checksum does not match): "
                                "check it word by word; nothing was recovered"),
    "recovery.share_malformed": ("share {number} is not a whole SLIP-39 share (words missing or extra): nothing "
                                 "was recovered"),
    "recovery.too_few_shares": "{given} different share(s) given, {needed} needed: nothing was recovered",
    "recovery.shares_mismatch": "share {number} belongs to another set of shares than share 1: nothing was recovered",
    "recovery.shares_inconsistent": ("the shares do not combine into one secret (they are not of one set): "
                                     "nothing was recovered"),
    "recovery.shares_do_not_open": ("these shares do not open this key file (another set, or new shares were made "
                                    "since): nothing was changed"),
    "recovery.shares_stdin_twice": "usage: only one of the passphrase and the shares can come from standard input",
    "recovery.shares_file_unreadable": "the shares file cannot be read",
    "recovery.shares_file_too_long": "the shares file is too long to hold recovery shares",
    "recovery.shares_no_terminal": "usage: no terminal to ask for the shares: use --shares-file",
    "recovery.share_file_exists": "{file} exists already: shares are never written over a file",
    "recovery.share_file_not_written": "{file} could not be written ({reason})",
    "recovery.not_set_up": "no recovery shares were made for this key file: only its passphrase opens it",
    # ---- restore
    "restore.target_not_empty": "{folder} is not empty: a backup is restored only into a new or empty folder",
    "restore.new_passphrase_needed": ("a vault restored with recovery shares needs a new passphrase "
                                      "(--new-passphrase-file, or asked)"),
    # ---- bundle
    "bundle.data_after_end": "the bundle has data after the end of its archive",
    "bundle.archive_truncated": "the bundle's archive is truncated",
    "bundle.archive_malformed": "the bundle's archive is malformed",
    "bundle.tar_extensions": "the bundle's archive uses tar extensions this program does not accept",
    "bundle.not_regular_file": "the bundle contains something other than a regular file (link, folder or device)",
    "bundle.file_twice": "the bundle contains the same file twice",
    "bundle.member_too_large": "{member} is larger than allowed",
    "bundle.member_truncated": "{member} is truncated",
    "bundle.wrong_start": "the bundle does not start with {head}",
    "bundle.untrusted_signer": "the bundle is signed by key {key_id}, which this vault does not trust",
    "bundle.manifest_hash": "manifest.json does not match its hash in SHA256SUMS",
    "bundle.manifest_not_json": "manifest.json is not valid JSON",
    "bundle.sender_mismatch": "the manifest names a sender key other than the trusted key that signed it",
    "bundle.unlisted_file": "the bundle contains a file that SHA256SUMS does not list",
    "bundle.records_too_large": "the bundle's records are larger than allowed",
    "bundle.member_hash": "{member} does not match its hash in SHA256SUMS",
    "bundle.member_size": "{member} has a size other than the manifest says",
    "bundle.files_missing": "the bundle lacks {count} file(s) that SHA256SUMS lists",
    "bundle.too_many_files": "the bundle lists too many files (more than {limit:,})",
    "bundle.sums_not_ascii": "SHA256SUMS is not ASCII text",
    "bundle.sums_no_newline": "SHA256SUMS does not end with a newline",
    "bundle.sums_line_malformed": "SHA256SUMS line {line} is malformed",
    "bundle.sums_twice": "SHA256SUMS lists {member} twice",
    "bundle.sums_outside_layout": "SHA256SUMS lists a name outside the bundle layout ({member})",
    "bundle.sums_no_manifest": "SHA256SUMS does not list manifest.json",
    "bundle.too_many_records": "the bundle lists too many records (more than {limit:,})",
    "bundle.too_many_attachments": "the bundle lists too many attachments (more than {limit:,})",
    "bundle.manifest_not_whole_number": "manifest: {field} must be a whole number ≥ {low}",
    "bundle.manifest_not_object": "manifest: not a JSON object",
    "bundle.manifest_version": "manifest: not a tawthiq bundle of a version this program reads",
    "bundle.manifest_missing": "manifest: {field} missing",
    "bundle.manifest_malformed": "manifest: {field} malformed",
    "bundle.manifest_sequence_too_high": "manifest: sequence is above {limit:,}",
    "bundle.manifest_key_twice": "manifest.json has a key twice in one object",
    "bundle.manifest_nul": "manifest.json contains a NUL character",
    "bundle.manifest_surrogate": "manifest.json contains a lone surrogate",
    "bundle.other_recipient": "the bundle is not encrypted to this vault (it is for another recipient)",
    "bundle.decryption_failed": "the bundle is damaged or was tampered with (decryption failed)",
    "bundle.cannot_decrypt": "the bundle cannot be decrypted ({error})",
    "bundle.member_negative_size": "the bundle's archive is malformed (a member of negative size)",
    "bundle.comment_mismatch": "the signature's trusted comment does not name this bundle's id and sequence",
    "bundle.not_addressed_here": "the bundle was not addressed to this vault (its signed recipients leave it out)",
    "bundle.manifest_record_entry": "manifest: a record entry is malformed",
    "bundle.manifest_record_path": "manifest: a record entry names a path that does not match its id",
    "bundle.manifest_record_twice": "manifest: a record is listed twice",
    "bundle.manifest_attachment_entry": "manifest: an attachment entry is malformed",
    "bundle.manifest_attachment_path": "manifest: an attachment path does not match its hash",
    "bundle.manifest_attachment_twice": "manifest: an attachment is too large or listed twice",
    "bundle.manifest_lists_more": "the manifest lists {count} file(s) that SHA256SUMS does not",
    "bundle.sums_lists_more": "SHA256SUMS lists {count} file(s) that the manifest does not",
    "bundle.attachment_hash_name": "an attachment's hash in SHA256SUMS differs from its name",
    "bundle.recipient_not_age": "a coordinator recipient in the organisation profile is not an age key",
    "bundle.no_recipients": "the bundle has no recipients",
    "bundle.too_big_to_write": ("a bundle holds at most {max_records:,} records and {max_attachments:,} attachments; "
                                "this one would hold {records:,} and {attachments:,}"),
    "bundle.attachment_changed": "an attachment changed size or content while it was exported",
    "bundle.write_failed": "the bundle could not be written (is the disk full?)",
    "bundle.manifest_audit": "manifest: audit malformed",
    "bundle.record_id_twice": "two records share an id; the bundle was not written",
    "bundle.output_is_folder": "the output is a folder; give a file name",
    "bundle.export_meanwhile": "another export finished meanwhile: export again",
    "bundle.witness_changed_during_export": "a witness changed while the bundle was written: export again",
    "bundle.unknown_record_kind": "the bundle carries a kind of record this program does not know",
    # ---- bundle_case
    "bundle_case.changed_during_export": "a case was edited while the bundle was written: export again",
    "bundle_case.id_not_uuid": "a case record has an id that is not a UUID",
    "bundle_case.no_versions": "a case record carries no versions",
    "bundle_case.attachment_list": "a case record has a malformed attachment list",
    "bundle_case.version_malformed": "a case record has a malformed version",
    "bundle_case.version_number": "a case record has a bad version number",
    "bundle_case.parent_version": "a case record has a bad parent version",
    "bundle_case.version_header": "a case record has a malformed version header",
    "bundle_case.version_hash": "a case record does not match its own version hash",
    "bundle_case.other_case_id": "a case record names another case id in its body",
    "bundle_case.invalid_fields": "a case record fails validation against its form ({fields})",
    "bundle_case.invalid": "a case record fails validation against its form",
    "bundle_case.attachment_malformed": "a case record has a malformed attachment",
    "bundle_case.media_malformed": ("a case record has a malformed media record for an attachment (capture "
                                    "metadata or perceptual hashes)"),
    "bundle_case.attachment_not_carried": "a case record refers to an attachment the bundle does not carry",
    "bundle_case.other_source": "the bundle carries a case id that belongs to another source: nothing was applied",
    "bundle_case.version_differs": ("the bundle carries a case version that differs from the one received earlier "
                                    "under the same number: nothing was applied"),
    "bundle_case.attachment_id_clash": ("the bundle carries an attachment id this vault already holds, or the "
                                        "bundle carries twice, for other content: nothing was applied"),
    # ---- annotation
    "annotation.empty": "an annotation needs some text",
    "annotation.too_long": "an annotation is at most {limit} characters",
    "annotation.control": "an annotation cannot hold NUL characters",
    "annotation.own_case": "only a received case is annotated; a case recorded here is edited",
    # ---- case
    "case.not_found": "no case with that id",
    "case.no_such_version": "no such version of that case",
    "case.attachment_unreadable": "the attachment is not a readable file",
    "case.no_attachment": "no attachment with that id",
    "case.received": ("that case was received from a documenter and belongs to the documenter: it cannot be changed "
                      "here; record your own notes as a new case"),
    "case.invalid": "invalid case: {problem}",
    "case.invalid_more": "invalid case: {problem} (and {more} more)",
    # ---- consent
    "consent.usage": "usage: give either a consent JSON file or --withdraw",
    "consent.not_object": "consent: must be a JSON object",
    "consent.unknown_field": "consent: unknown field {field}",
    "consent.given_not_bool": "consent.given: must be true or false",
    "consent.how_unknown": "consent.how: one of {choices}",
    "consent.date_malformed": "consent.{field}: a date as YYYY-MM-DD",
    "consent.recorded_by_too_long": "consent.recorded_by: text of at most {limit} characters",
    "consent.scope_unknown": "consent.scope: a list of {choices}",
    "consent.disclosure_not_bool": "consent.name_disclosure: must be true or false",
    "consent.purpose_unknown": "unknown purpose {purpose}; one of {choices}",
    "consent.mode_unknown": "mode: 'omit' or 'redact'",
    # ---- coordinator
    "coordinator.only": "{what} is done on a coordinator's vault",
    # ---- custodian
    "custodian.wrong_passphrase": "wrong custodian passphrase: the custodian key was not opened",
    "custodian.key_file_exists": "that file exists already: a custodian key is never overwritten",
    "custodian.not_key_file": "that is not a readable Tawthiq custodian key file",
    "custodian.key_file_damaged": "the custodian key file is damaged",
    "custodian.unreasonable_work": "the custodian key file asks for unreasonable key-derivation work",
    "custodian.no_identity": "no identity was recorded for that witness",
    "custodian.not_linked": "those two pseudonyms are not linked",
    "custodian.not_successor": ("the new custodian key file is not a successor of this key (another link key, "
                                "or the same key): nothing was resealed"),
    # ---- database
    "database.wrong_key": "the vault database cannot be opened with this vault's key",
    "database.newer_schema": "this vault was written by a newer Tawthiq (schema {schema}, we know {latest})",
    # ---- export
    "proofmode.unreadable": ("not a ProofMode bundle Tawthiq can read (a zip of one photo or video, its proof "
                             "CSV or JSON, signatures and public key; at most 64 files and 512 MiB): nothing was "
                             "attached"),
    "proofmode.extra_missing": "ProofMode bundles need the media extra: pip install 'tawthiq[media]'",
    "media.trust_anchors_unreadable": "the trust anchors file is not PEM certificates (at most 1 MiB)",
    "export.media_needs_folder": ("photos and videos go only into a csv export (a folder): use --format csv with "
                                  "--media"),
    "export.purpose_unknown": "usage: unknown purpose (one of {choices})",
    "export.allow_field": "usage: --allow-field takes only sensitive victim fields: {fields}",
    "export.format_unknown": "usage: unknown format (one of {choices})",
    "export.no_folder": "the folder for the export does not exist",
    "export.csv_needs_folder": "a CSV export needs a folder: that path is a file",
    "export.path_is_folder": "that path is a folder: name the file to write",
    "export.needs_estimation": "the capture-history table needs the estimation extra: "
                               "pip install 'tawthiq[estimation]'",
    # ---- file
    "file.larger_than": "the {what} file is larger than {mib} MiB",
    "file.unreadable": "the {what} file cannot be read",
    "file.too_large": "the {what} file is too large",
    # ---- handover
    "handover.none": "this vault has made no key handover (`tawthiq keys rotate` makes one)",
    "handover.malformed": "the handover file is malformed or does not name the coordinator key imported before",
    "handover.other_key": ("REFUSED: the handover names coordinator key {new_key_id}, but the profile is signed by "
                           "{profile_key_id} (or lists other recipients): nothing was imported"),
    "handover.not_needed": ("the profile is signed by the coordinator key imported before: no handover is needed; "
                            "import it without --handover"),
    # ---- identity
    "identity.malformed": "the identity file is malformed",
    # ---- estimate
    "estimate.by_usage": "usage: --by takes {strata} (each at most once)",
    "estimate.list_usage": "usage: --list NAME=DOC[,DOC…], each list named once",
    "estimate.too_few_lists": "estimation needs {minimum} to {maximum} lists; {count} given",
    "estimate.too_many_lists": ("estimation needs {minimum} to {maximum} lists; {count} given (group documenters "
                                "into lists)"),
    "estimate.unknown_documenter": ("no documenter is known as {name} (use a key id or a name from `trust --list`, "
                                    "or source:NAME for an imported list)"),
    "estimate.extra_missing": "estimation needs the estimation extra: pip install 'tawthiq[estimation]'",
    # ---- import
    "import.coordinator_only": "bundles are verified and imported on a coordinator's vault",
    "import.fork_two_bundles": ("FORK ALARM: documenter {documenter} sent two different bundles numbered {sequence}: "
                                "nothing was applied"),
    "import.fork_previous": ("FORK ALARM: documenter {documenter} bundle {sequence} does not follow the bundle "
                             "{previous} imported earlier: nothing was applied"),
    "import.fork_next": ("FORK ALARM: bundle {next} imported earlier does not follow this bundle {sequence}: nothing "
                         "was applied"),
    "import.record_not_json": "{member} is not valid JSON",
    "import.record_refused": "{member}: {reason}",
    "import.record_entry_mismatch": "{member} does not match its manifest entry",
    "import.unreadable": "{path}: cannot be read",
    "import.applied_already": "this bundle was applied already",
    "import.attachments_not_kept": "the bundle was verified without keeping its attachments: import it again",
    "import.imported_meanwhile": "the bundle was imported meanwhile: nothing was applied",
    "import.audit_fork_previous": ("FORK ALARM: documenter {documenter}'s audit log before bundle {sequence} is not "
                                   "the one bundle {previous} showed: its history was rewritten; nothing was applied"),
    "import.audit_fork_next": ("FORK ALARM: bundle {next} imported earlier shows documenter {documenter}'s audit log "
                               "differently from this bundle {sequence}: its history was rewritten; nothing was "
                               "applied"),
    # ---- json
    "json.constant": "{name} is not a JSON number",
    "json.too_many_digits": "a number has too many digits",
    "json.number_too_large": "a number is too large",
    "json.duplicate_key": "a key appears twice in the same object",
    "json.nul": "the text contains a NUL character",
    "json.lone_surrogate": "the text contains an invalid Unicode escape (a lone surrogate)",
    "json.too_deep": "nested more than {limit} levels deep",
    "json.not_utf8": "the {what} file is not UTF-8 text",
    "json.refused": "the {what} file is refused: {reason}",
    "json.nested_too_deeply": "the {what} file is nested too deeply",
    "json.invalid_at": "the {what} file is not valid JSON (line {line}, column {column})",
    "json.invalid": "the {what} file is not valid JSON",
    # ---- keyfile
    "keyfile.unsupported_version": "key file version {version} is not supported",
    "keyfile.damaged": "the key file is damaged or not a Tawthiq key file",
    "keyfile.kdf_above_top": ("the {what} asks for more key-derivation work ({kdf}) than Tawthiq ever sets (at most "
                              "{memory_mib} MiB, t = {iterations}, p = {lanes}): it was not made by Tawthiq, and it "
                              "was not opened"),
    "keyfile.kdf_below_floor": ("the {what}'s key derivation ({kdf}) is below Tawthiq's floor ({memory_mib} MiB, "
                                "t = {iterations}, p = {lanes}): its passphrase could be guessed far faster than "
                                "promised, so it was not used"),
    "keyfile.kdf_impossible": "the {what} is damaged: its key-derivation parameters are impossible",
    "keyfile.unreasonable_work": "the key file asks for unreasonable key-derivation work",
    # ---- keys
    "keys.age_identity_exists": ("{path} exists already: the age identity is never written over a file; choose "
                                 "a new name"),
    "keys.age_identity_not_written": "the age identity could not be written to {path} ({reason})",
    "keys.fingerprint_shape": "usage: a fingerprint is {groups} groups of {digits} digits",
    # ---- linkage
    "linkage.extra_missing": ("linkage needs the optional linkage extra, which is not installed: pip install "
                              "'tawthiq[linkage]'"),
    "linkage.coordinator_only": "linkage runs on a coordinator vault (this vault is a documenter's)",
    "linkage.decision_unknown": "usage: the decision must be one of {choices}",
    "linkage.no_pair_run_link": "no candidate pair with that id (run `tawthiq link` first)",
    "linkage.pair_not_current": "that pair's records are no longer current: run `tawthiq link` again",
    "linkage.no_pair": "no candidate pair with that id",
    "linkage.nothing_to_undo": "no review decision left to undo",
    "linkage.no_cluster": "no victim cluster {cluster} in the last linkage run (see `tawthiq link --json`)",
    "linkage.not_in_cluster": "{record} is not one record of that cluster (see `tawthiq link show CLUSTER`)",
    "linkage.alone_in_cluster": "{record} is the only record of that cluster: there is nothing to split",
    # ---- mapping (spreadsheet import: the mapping file)
    "mapping.malformed": "the mapping file is malformed at {where}",
    "mapping.unreadable": "the mapping file {file} cannot be read",
    "mapping.unknown_form": "the mapping names a form this program does not have: {form}",
    "mapping.unknown_target": "the mapping names a field the form does not have: {target}",
    "mapping.no_such_column": "the mapping names a column that sheet {sheet} does not have (or has twice): {column}",
    # ---- sheet (spreadsheet import: the file as a whole; nothing is imported)
    "sheet.unreadable": "{file} cannot be read",
    "sheet.unknown_kind": "{file} is not a CSV, XLSX or ODS file",
    "sheet.file_too_large": "{file} is larger than {limit} MiB: nothing was imported",
    "sheet.part_too_large": "{file} holds a part larger than {limit} MiB once unpacked: nothing was imported",
    "sheet.zip_bomb": "{file} unpacks to far more than it holds (a zip bomb): nothing was imported",
    "sheet.damaged": "{file} is damaged or not a spreadsheet: nothing was imported",
    "sheet.encrypted": "{file} is password-protected: save it without a password and import again",
    "sheet.formula_cells": ("{file} has formula cells (the first at {cell}); their values were computed by another "
                            "program and are not read: save the sheet as values and import again"),
    "sheet.too_many_columns": "{file} has more than {limit} columns: nothing was imported",
    "sheet.too_many_cells": "{file} has more than {limit:,} cells in one sheet: split it, or save it as CSV",
    "sheet.line_too_long": "{file}: line {line} is longer than 4 MiB: nothing was imported",
    "sheet.not_utf8": "{file}: line {line} is not UTF-8 text: save the CSV as UTF-8 and import again",
    "sheet.not_text": "{file}: line {line} holds NUL bytes, not text: nothing was imported",
    "sheet.cell_too_large": "{file}: a cell near row {row} is too long or malformed: nothing was imported",
    "sheet.empty": "{file} has no header row",
    "sheet.no_such_sheet": "{file} has no sheet named {sheet}",
    "sheet.changed": "{file} changed while it was being imported: nothing was imported",
    "sheet.rows_refused": "{refused:,} of {cases:,} cases were refused (see the report above); {imported:,} imported",
    # ---- sheet_row (spreadsheet import: one problem of one row, shown in the dry run's report)
    "sheet_row.unmatched_value": ("{field}: no code, label or variant matches this value: settle it once in the "
                                  "mapping's values"),
    "sheet_row.bad_date": "{field}: a date is YYYY, YYYY-MM or YYYY-MM-DD (or a date cell)",
    "sheet_row.bad_number": "{field}: not a number (or not a whole one)",
    "sheet_row.bad_boolean": "{field}: not yes or no",
    "sheet_row.unknown_form": "no form of that name: the form column names one of `tawthiq form list`",
    "sheet_row.no_key": "the case key is empty",
    "sheet_row.key_repeated": "this case key appeared earlier, apart from this row: a case's rows must be together",
    "sheet_row.no_such_case": "no case has this row's key",
    "sheet_row.entry_out_of_order": "this row's case came earlier: rows of a case must follow the cases' order",
    "sheet_row.bad_case_id": "the case id is not a UUID",
    "sheet_row.duplicate_case_id": "the same case id appears twice",
    "sheet_row.case_exists": "a case with this id is already in the vault",
    "sheet_row.invalid_field": "{field}: {problem}",
    # ---- xlsform
    "xlsform.unknown_form": "no form named {form}",
    "linkage.spark_missing": "the Spark engine needs pyspark, which is not installed: {hint}",
    "linkage.java_missing": "the Spark engine needs a Java runtime (17 or later): install one "
                            "(Debian: apt-get install default-jre-headless) or set JAVA_HOME",
    # ---- orgdata
    "orgdata.no_vocabulary": "no vocabulary named {name} (see `tawthiq vocabulary list`)",
    "orgdata.not_imported": "nothing was imported: {reason}",
    "orgdata.cannot_travel": ("the profile was not written: this vault's organisation data cannot travel ({reason}); "
                              "import a corrected CSV"),
    "orgdata.profile_malformed": "the profile's organisation data is malformed ({reason}): nothing was imported",
    # ---- passphrase
    "passphrase.stdin_twice": "usage: only one passphrase can be read from standard input",
    "passphrase.file_unreadable": "the passphrase file cannot be read",
    "passphrase.file_too_long": "the passphrase file is too long to be a passphrase",
    "passphrase.file_not_utf8": "the passphrase file is not UTF-8 text",
    "passphrase.no_terminal": "usage: no terminal to ask for the passphrase: use --passphrase-file",
    "passphrase.differ": "the two passphrases differ: nothing was changed",
    "passphrase.same": "the new passphrase is the same as the old one: nothing was changed",
    "passphrase.empty": "the passphrase is empty: choose a long passphrase of several words",
    "passphrase.too_short": "the passphrase is too short ({length} characters; use at least {minimum})",
    "passphrase.too_easy": "the passphrase is too easy to guess: use several unrelated words",
    # ---- profile
    "profile.handover_or_new_key": "usage: --handover or --new-coordinator-key, not both",
    "profile.fingerprint_needed": "usage: give --fingerprint DIGITS: the {what}'s fingerprint must be checked",
    "profile.not_confirmed": "not confirmed: nothing was imported",
    "profile.not_age_recipient": "usage: the {what} is not an age recipient (age1…)",
    "profile.too_large": ("the profile would be larger than {mib} MiB, more than a documenter's vault accepts: too "
                          "many organisation places"),
    "profile.no_coordinator_recipient": "the profile names no coordinator recipient",
    "profile.recipient_not_age": "the profile contains a recipient that is not an age key",
    "profile.forms_malformed": "the profile's form list is malformed",
    "profile.serial_malformed": "the profile's serial number is malformed",
    "profile.fingerprint_mismatch": "the fingerprint does not match the file's key: nothing was imported",
    "profile.coordinator_key_changed": ("REFUSED: this profile is signed by coordinator key {new_key_id}, not by "
                                        "{imported_key_id} imported earlier; a changed key may be an impostor: ask "
                                        "your coordinator"),
    "profile.older": ("REFUSED: this profile (number {serial}) is older than the one imported (number "
                      "{imported_serial}); it would roll back the organisation's terms, places and recipients: "
                      "nothing was imported"),
    "profile.none": "no organisation profile has been imported (`tawthiq profile import FILE`)",
    # ---- report
    "report.needs_qt": "the PDF report needs the Qt libraries (PySide6), which cannot be loaded",
    "report.pdf_needs_folder": "name a PDF file in an existing folder",
    # ---- signature
    "signature.not_ed25519_key": "not a minisign Ed25519 public key",
    "signature.not_key_file": "not a minisign public key file",
    "signature.file_too_large": "the signature file is too large",
    "signature.file_not_text": "the signature file is not text",
    "signature.not_minisign": "the signature file is not in minisign format",
    "signature.not_ed25519": "the signature is not a minisign Ed25519 signature",
    "signature.comment_malformed": "the trusted comment signature is malformed",
    "signature.not_base64": "the {part} is not valid base64",
    "signature.wrong_key": "signed by key {key_id}, expected key {expected_key_id}",
    "signature.does_not_verify": "the signature does not verify with key {key_id}",
    # ---- signed_file
    "signed_file.too_large": "the {kind} file is too large",
    "signed_file.not_signed_file": "not a tawthiq {kind} file",
    "signed_file.no_signing_key": "the {kind} file names no signing key",
    # ---- source
    "source.coordinator_only": "external lists are imported on a coordinator's vault",
    "source.name_invalid": "a source name is 1 to 60 letters, digits, spaces, dots, dashes or brackets",
    "source.name_taken": "a source with that name is already imported: remove it first or choose another name",
    "source.not_found": "no source has that name (see `tawthiq source list`)",
    "source.unreadable": "the list file cannot be read",
    "source.kind_unknown": "the list must be a .csv or .xlsx file",
    "source.too_large": "the list file is larger than {limit:,} bytes",
    "source.too_many_rows": "the list has more than {limit:,} rows",
    "source.too_many_columns": "the list has more than {limit:,} columns",
    "source.no_header": "the list has no header row",
    "source.empty": "the list has no rows under its header",
    "source.header_repeated": "column {column:,} repeats the name of an earlier column",
    "source.cell_too_long": "row {row:,}, column {column:,}: the cell is longer than {limit:,} characters",
    "source.field_too_long": "line {line:,}: a cell is longer than {limit:,} characters",
    "source.control_character": "row {row:,}, column {column:,}: the cell holds a control or direction-override "
                                "character",
    "source.not_utf8": "the CSV file is not UTF-8 text",
    "source.csv_malformed": "the CSV file is malformed at line {line:,}",
    "source.workbook_unreadable": "the spreadsheet cannot be read (damaged, encrypted or not an .xlsx workbook)",
    "source.expands_too_much": "the spreadsheet expands to more than {limit:,} bytes",
    "source.sheet_missing": "the spreadsheet has no sheet with the name the mapping gives",
    "source.mapping_unreadable": "the mapping file cannot be read",
    "source.mapping_malformed": "the mapping file is not a JSON object of the documented shape (docs/sources.md)",
    "source.mapping_unknown_key": "the mapping has a key this version does not know (keys: {keys})",
    "source.mapping_unknown_field": "the mapping's columns name a field this version does not know, or a column name "
                                    "that is not text (fields: {fields})",
    "source.mapping_no_name": "the mapping must give the column of the name (name, name_ar or name_latin)",
    "source.mapping_date_formats": "the mapping's date_formats must be a list of date formats, each with %Y",
    "source.mapping_defaults": "the mapping's defaults may set only {fields}, each to a code of its vocabulary",
    "source.mapping_value_code": "the mapping's values for {field} must be codes of its vocabulary",
    "source.mapping_column_missing": "the mapping gives a column for {field} that the list does not have",
    # ---- trust
    "trust.usage": ("usage: trust FILE --fingerprint DIGITS | trust --revoke KEYID | trust --reinstate KEYID "
                    "--fingerprint DIGITS | trust --list"),
    "trust.reinstate_usage": "usage: trust --reinstate KEYID --fingerprint DIGITS",
    "trust.own_key": "that is this vault's own key",
    "trust.revoked": ("REFUSED: key {key_id} was revoked on {revoked_on} and its bundles stay refused; to trust it "
                      "again on purpose: trust --reinstate {key_id} --fingerprint DIGITS"),
    "trust.key_id_clash": "REFUSED: a different key with the same key id {key_id} is already trusted",
    "trust.no_revoked_key": "no revoked documenter with that key id",
    "trust.fingerprint_mismatch_revoked": "the fingerprint does not match the revoked key: nothing was changed",
    "trust.no_trusted_key": "no trusted documenter with that key id",
    # ---- vault
    "vault.wrong_passphrase": "wrong passphrase: the vault was not opened and nothing was changed",
    "vault.exists": "a vault already exists in {folder}",
    "vault.not_found": "no vault in {folder} (create one with `tawthiq init`)",
    "vault.locked": "the vault is locked",
    "vault.part_unreadable": "the vault's {what} ({name}) cannot be read: the vault was not opened",
    "vault.part_is_link": ("the vault's {what} ({name}) is a symbolic link: Tawthiq opens a vault only when its parts "
                           "are in the vault folder itself, where a wipe destroys them; move what the link points to "
                           "into {folder}. The vault was not opened"),
    "vault.part_not_file": "the vault's {what} ({name}) is not a regular file: the vault was not opened",
    "vault.part_not_folder": "the vault's {what} ({name}) is not a regular folder: the vault was not opened",
    # ---- wipe
    "wipe.limit_usage": "usage: --after-failed-unlocks takes a number of attempts or 'off'",
    "wipe.not_confirmed": "not wiped: the answer was not {word}",
    "wipe.no_vault": "no vault in {folder}: nothing was wiped",
    "wipe.files_left": "the keys were destroyed, but some files in {folder} could not be removed; delete the folder",
    "wipe.after_failed_unlocks": ("wrong passphrase: that was failed attempt {attempts}, the limit set for this "
                                  "vault, and the vault has been wiped"),
    "wipe.after_failed_unlocks_not_wiped": (
        "wrong passphrase: that was failed attempt {attempts}, the limit set for this vault, and the vault was to "
        "be wiped, but the key file could not be destroyed, so the vault is NOT wiped: {left}"),
    "wipe.after_failed_unlocks_incomplete": (
        "wrong passphrase: that was failed attempt {attempts}, the limit set for this vault, and the vault has been "
        "wiped, but not everything could be removed: {left}"),
    "wipe.keys_not_destroyed": "the key file could not be destroyed, so the vault is NOT wiped: {left}",
    "wipe.incomplete": ("the keys were destroyed, but not everything could be removed: {left}; delete what is left "
                        "by hand"),
    "wipe.limit_range": "usage: the limit must be between 1 and {maximum} attempts, or off",
    # ---- witness
    "witness.no_custodian_yet": "no custodian recipient yet: import the organisation profile first",
    "witness.bad_pseudonym": "a pseudonym looks like W-7KQ3-M9XD",
    "witness.field_too_long": "invalid witness: {field}: text of at most {limit} characters",
    "witness.risk_unknown": "invalid witness: risk: one of {choices}",
    "witness.identity_not_object": "invalid witness: identity must be a JSON object",
    "witness.identity_unknown_field": "invalid witness: identity has an unknown field {field}",
    "witness.custodian_not_age": "the organisation profile's custodian recipient is not an age key",
    "witness.key_cannot_open": "this key cannot open that witness's identity",
    "witness.identity_other_pseudonym": "the sealed identity does not belong to this pseudonym",
    "witness.not_object": "invalid witness: a witness must be a JSON object",
    "witness.unknown_field": "invalid witness: unknown field {field}",
    "witness.keep_local_not_bool": "invalid witness: keep_local_copy must be true or false",
    "witness.not_found": "no witness with that pseudonym",
    "witness.received": "this witness was received from a documenter: it is changed on their vault",
    "witness.only_register_fields": "invalid witness: only alias, relation, risk and follow_up can change",
    "witness.no_local_copy": "this vault keeps no readable copy of that identity (sealed to the custodian)",
    "witness.reason_required": "a reason is required to open an identity",
    "witness.reason_too_long": "the reason must be at most {limit} characters",
    # ---- witness_record
    "witness_record.not_witness": "a witness record in the bundle is invalid: not a witness record",
    "witness_record.unknown_field": "a witness record in the bundle is invalid: unknown field {field}",
    "witness_record.pseudonym": "a witness record in the bundle is invalid: the pseudonym is malformed",
    "witness_record.revision": "a witness record in the bundle is invalid: revision must be a positive whole number",
    "witness_record.invalid": "a witness record in the bundle is invalid: {reason}",
    "witness_record.updated_at": "a witness record in the bundle is invalid: updated_at is missing",
    "witness_record.sealed_shape": ("a witness record in the bundle is invalid: sealed_identity must be {age, "
                                    "recipient}"),
    "witness_record.sealed_too_large": "a witness record in the bundle is invalid: the sealed identity is too large",
    "witness_record.sealed_not_base64": "a witness record in the bundle is invalid: the sealed identity is not base64",
    "witness_record.sealed_not_age": ("a witness record in the bundle is invalid: the sealed identity is not an age "
                                      "file"),
    "witness_record.sealed_recipient": ("a witness record in the bundle is invalid: the sealed identity's recipient "
                                        "is malformed"),
    "witness_record.not_custodian": ("a witness record in the bundle is invalid: the identity is not sealed to this "
                                     "organisation's custodian"),
    "witness_record.other_documenter": "a witness pseudonym in the bundle belongs to another documenter",
}

# The case model's codes (forms.errors.FormError and the Phrases its errors name) are worded in
# forms/error_messages.py, the lowest layer; the command line and the GUI's catalogue know them here
# (tests/gui/test_error_catalogue.py checks that no code is worded in both).
ENGLISH.update(FORMS_ENGLISH)
