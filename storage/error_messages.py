"""The English wording of every error code: the line the command line prints (`str(exc)`).

Codes are stable (scripts and the GUI's catalogue, app/gui/error_texts.py, rely on them); a
wording may change, the code may not. `{name}` is an argument filled in one pass by
storage.errors.fill; `{name:,}` groups a count by thousands. Like every error line, a wording
never carries case content, names or keys: arguments are counts, key ids, file names and fields.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # ---- ack
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
    "audit.broken": "the audit log is broken at entry {entry}",
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
    "bundle_case.attachment_not_carried": "a case record refers to an attachment the bundle does not carry",
    "bundle_case.other_source": "the bundle carries a case id that belongs to another source: nothing was applied",
    "bundle_case.version_differs": ("the bundle carries a case version that differs from the one received earlier "
                                    "under the same number: nothing was applied"),
    "bundle_case.attachment_id_held": ("the bundle carries an attachment id this vault already holds for other "
                                       "content: nothing was applied"),
    "bundle_case.attachment_id_twice": ("the bundle carries one attachment id for two different contents: nothing "
                                        "was applied"),
    # ---- case
    "case.not_found": "no case with that id",
    "case.no_such_version": "no such version of that case",
    "case.attachment_unreadable": "the attachment is not a readable file",
    "case.no_attachment": "no attachment with that id",
    "case.invalid": "invalid case: {problem}",
    "case.invalid_more": "invalid case: {problem} (and {more} more)",
    # ---- consent
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
    "custodian.key_file_exists": "that file exists already: a custodian key is never overwritten",
    "custodian.not_key_file": "that is not a readable Tawthiq custodian key file",
    "custodian.key_file_damaged": "the custodian key file is damaged",
    "custodian.unreasonable_work": "the custodian key file asks for unreasonable key-derivation work",
    "custodian.no_identity": "no identity was recorded for that witness",
    "custodian.not_linked": "those two pseudonyms are not linked",
    # ---- database
    "database.wrong_key": "the vault database cannot be opened with this vault's key",
    "database.newer_schema": "this vault was written by a newer Tawthiq (schema {schema}, we know {latest})",
    # ---- export
    "export.purpose_unknown": "usage: unknown purpose (one of {choices})",
    "export.allow_field": "usage: --allow-field takes only sensitive victim fields: {fields}",
    "export.format_unknown": "usage: unknown format (one of {choices})",
    "export.no_folder": "the folder for the export does not exist",
    "export.csv_needs_folder": "a CSV export needs a folder: that path is a file",
    "export.path_is_folder": "that path is a folder: name the file to write",
    # ---- file
    "file.unreadable": "the {what} file cannot be read",
    "file.too_large": "the {what} file is too large",
    # ---- identity
    "identity.malformed": "the identity file is malformed",
    # ---- import
    "import.coordinator_only": "bundles are verified and imported on a coordinator's vault",
    "import.fork_two_bundles": ("FORK ALARM: documenter {documenter} sent two different bundles numbered {sequence}: "
                                "nothing was applied"),
    "import.fork_previous": ("FORK ALARM: documenter {documenter} bundle {sequence} does not follow the bundle "
                             "{previous} imported earlier: nothing was applied"),
    "import.fork_next": ("FORK ALARM: bundle {next} imported earlier does not follow this bundle {sequence}: nothing "
                         "was applied"),
    "import.record_not_json": "{member} is not valid JSON",
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
    "keyfile.unreasonable_work": "the key file asks for unreasonable key-derivation work",
    # ---- keys
    "keys.fingerprint_shape": "usage: a fingerprint is {groups} groups of {digits} digits",
    # ---- linkage
    "linkage.decision_unknown": "usage: the decision must be one of {choices}",
    "linkage.no_pair_run_link": "no candidate pair with that id (run `tawthiq link` first)",
    "linkage.pair_not_current": "that pair's records are no longer current: run `tawthiq link` again",
    "linkage.no_pair": "no candidate pair with that id",
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
    "passphrase.empty": "the passphrase is empty: choose a long passphrase of several words",
    "passphrase.too_short": "the passphrase is too short ({length} characters; use at least {minimum})",
    "passphrase.too_easy": "the passphrase is too easy to guess: use several unrelated words",
    # ---- profile
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
    # ---- trust
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
    # ---- wipe
    "wipe.no_vault": "no vault in {folder}: nothing was wiped",
    "wipe.files_left": "the keys were destroyed, but some files in {folder} could not be removed; delete the folder",
    "wipe.after_failed_unlocks": ("wrong passphrase: that was failed attempt {attempts}, the limit set for this "
                                  "vault, and the vault has been wiped"),
    "wipe.limit_range": "usage: the limit must be between 1 and {maximum} attempts, or off",
    # ---- witness
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
    "witness_record.other_documenter": "a witness pseudonym in the bundle belongs to another documenter",
}
