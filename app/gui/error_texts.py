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
             "case": tr("case"), "witness": tr("witness")}
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
        "bundle_case.attachment_not_carried": tr("A case record refers to an attachment the bundle does not carry"),
        "bundle_case.other_source": tr("The bundle carries a case id that belongs to another source: nothing was "
                                       "applied"),
        "bundle_case.version_differs": tr("The bundle carries a case version that differs from the one received "
                                          "earlier under the same number: nothing was applied"),
        "bundle_case.attachment_id_held": tr("The bundle carries an attachment id this vault already holds for "
                                             "other content: nothing was applied"),
        "bundle_case.attachment_id_twice": tr("The bundle carries one attachment id for two different contents: "
                                              "nothing was applied"),
        # ---- case
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
        # ---- database
        "database.wrong_key": tr("The vault database cannot be opened with this vault's key"),
        "database.newer_schema": tr("This vault was written by a newer Tawthiq (schema {schema}, we know {latest})"),
        # ---- export
        "export.purpose_unknown": tr("Unknown purpose (one of {choices})."),
        "export.allow_field": tr("Only sensitive victim fields can be allowed: {fields}."),
        "export.format_unknown": tr("Unknown format (one of {choices})."),
        "export.no_folder": tr("The folder for the export does not exist"),
        "export.csv_needs_folder": tr("A CSV export needs a folder: that path is a file"),
        "export.path_is_folder": tr("That path is a folder: name the file to write"),
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
        "linkage.spark_missing": tr("The Spark engine needs pyspark, which is not installed."),
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
    }
