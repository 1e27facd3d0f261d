"""Hostile inputs tried and refused (issue 8), per kind of outside data, through the real readers.

The samples are the test suite's corpus (tests/hostile_corpus.py and tests/hostile/make_case_json.py),
not a second one. Each sample is fed to what the CLI runs for that kind of file, in this process, and
sorted by what came out: our own one-line error (a TawthiqError subclass), a clean result (only CSV
imports may take a file; a taken bundle, profile or identity would be a miss), or anything else
(a crash, target 0). The latency row gives the median and slowest sample; its peak RSS is the whole
corpus's (the samples, up to 20 MiB each, are built before it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.commands.profile import read_small_file
from app.services.exchange import imports, organisation_data, organisation_profile, trust_list
from app.services.intake import cases
from app.services.untrusted_json import loads_untrusted
from benchmarks.harness import Run, Target, bench
from storage import keyfile
from storage.errors import TawthiqError
from storage.vault import Vault

NO_CRASH = Target("value", "<=", 0, "", "issue 8: no crash other than our own error types")
TIME_BOUND = Target("max", "<", 60, "s", "docs/threat-model.md section 5: each hostile input refused within 60 s")
PASSPHRASE = "benchmark cedar terraces above the river 1931"  # noqa: S105 (throwaway vault)


def _try_all(run: Run, kind: str, samples: dict[str, bytes], attempt: Callable[[str, bytes], object], *,
             may_take: bool = False) -> dict[str, str]:
    """Feed every sample to `attempt(name, raw)`; record the latencies and the counts for `kind`."""
    outcomes: dict[str, str] = {}

    def one(item: tuple[str, bytes]) -> None:
        name, raw = item
        try:
            attempt(name, raw)
            outcomes[name] = "taken"
        except TawthiqError as exc:
            # Our error, and the clear one the issue asks for: one line, not empty.
            message = str(exc)
            outcomes[name] = "refused" if message and "\n" not in message else "crash"
        except Exception:  # noqa: BLE001 - counting exactly these is the point
            outcomes[name] = "crash"

    shown = "read, then refused or taken" if may_take else "read and refused"
    run.time(f"{kind}: one hostile sample, {shown}", one, inputs=sorted(samples.items()), warmup=0,
             targets=[TIME_BOUND])
    tried, counts = len(samples), list(outcomes.values())
    run.metric(f"{kind}: samples tried", tried)
    run.metric(f"{kind}: refused with our own one-line error", counts.count("refused"),
               targets=[] if may_take else [Target("value", ">=", tried, "", "issue 8: every hostile sample refused")])
    if may_take:
        run.metric(f"{kind}: taken (a clean, bounded result)", counts.count("taken"))
    run.metric(f"{kind}: crashes (any other exception)", counts.count("crash"), targets=[NO_CRASH])
    odd = sorted(n for n, o in outcomes.items() if o == "crash" or (o == "taken" and not may_take))
    if odd:
        run.note(f"{kind}: not refused: {', '.join(odd)}")
    if may_take:
        run.note(f"{kind}: taken: {', '.join(sorted(n for n, o in outcomes.items() if o == 'taken')) or 'none'}")
    return outcomes


def _vault(run: Run, name: str, role: str = "documenter") -> Vault:
    return Vault.create(run.tmp / name, PASSPHRASE, role=role, name=name, kdf_params=dict(keyfile.TEST_PARAMS),
                        check_strength=False)


def _as_file(run: Run) -> Callable[[str, bytes], Path]:
    folder = run.tmp / "samples"
    folder.mkdir(exist_ok=True)
    numbers = iter(range(1 << 30))

    def write(name: str, raw: bytes) -> Path:  # a neutral file name: the sample's name is not the point
        path = folder / f"sample-{next(numbers)}.bin"
        path.write_bytes(raw)
        return path

    return write


# ---- case JSON ----------------------------------------------------------------------------------
def _hostile_case_samples() -> dict[str, bytes]:
    from tests.hostile.make_case_json import SAMPLES  # the committed corpus

    samples = {name: content for name, (content, _) in SAMPLES.items()}
    samples["nested 100,000 levels"] = b'{"form": "k", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    samples["16 MiB of one string"] = b'{"form": "k", "narrative": "' + b"a" * (16 << 20)
    return samples


@bench("adversarial.hostile_case_json", title="hostile case JSON: parse and save path, each refused", scales=None)
def hostile_case_json(run: Run) -> None:
    vault = _vault(run, "vault")
    _try_all(run, "case JSON", _hostile_case_samples(),
             lambda _, raw: cases.save_case(vault, loads_untrusted(raw)))  # type: ignore[arg-type]
    vault.lock()


# ---- bundles ------------------------------------------------------------------------------------
@bench("adversarial.hostile_bundles", title="hostile bundles: the reader's corpus, and an import into a coordinator",
       scales=None)
def hostile_bundles(run: Run) -> None:
    import io

    from storage.bundle import reader
    from tests.bundle_support import Party, content_digest, enroll
    from tests.hostile_corpus import HOSTILE_MEMBERS, HOSTILE_RECORDS, reader_corpus, signed_bundle_to

    documenter, coordinator = Party(), Party()
    trusted = coordinator.trusts(documenter)
    _try_all(run, "bundle reader (tar, manifest, signature)", reader_corpus(documenter, coordinator),
             lambda _, raw: reader.read_bundle(io.BytesIO(raw), [coordinator.identity], trusted))

    # The same members, and hostile record contents, signed by a documenter a real coordinator trusts.
    coord, doc = _vault(run, "coord", "coordinator"), _vault(run, "doc")
    enroll(coord, doc)
    sender = Party(key=doc.signing_key, key_id=doc.signing_key_id)
    doc.lock()
    samples = {f"member {n}": signed_bundle_to(sender, coord.age_recipient, {"records/a.json": b"{}"}, [m])
               for n, m in HOSTILE_MEMBERS.items()}
    samples |= {n: signed_bundle_to(sender, coord.age_recipient, {"records/a.json": raw})
                for n, raw in HOSTILE_RECORDS.items()}
    to_file = _as_file(run)
    before = content_digest(coord)
    _try_all(run, "bundle import by a coordinator", samples,
             lambda name, raw: imports.import_bundle(coord, to_file(name, raw)))
    run.metric("bundle import: coordinator vault changed by the corpus (0 or 1)", int(content_digest(coord) != before),
               targets=[Target("value", "<=", 0, "", "issue 8: no change to the vault")])
    coord.lock()


@bench("adversarial.trusted_signer_abuse",
       title="bundles signed by a documenter the coordinator trusts (issue 14 items 1-6): verify and import each",
       scales=None)
def trusted_signer_abuse(run: Run) -> None:
    from tests.bundle_support import content_digest
    from tests.hostile_corpus import trusted_signer_corpus, trusted_signer_world

    coord, sender, held = trusted_signer_world(run.tmp, lambda name, role: _vault(run, name, role))
    samples = trusted_signer_corpus(sender, held)
    to_file = _as_file(run)
    before = content_digest(coord)
    _try_all(run, "verify of a trusted signer's hostile bundle", samples,
             lambda name, raw: imports.verify(coord, to_file(name, raw)))
    _try_all(run, "import of a trusted signer's hostile bundle", samples,
             lambda name, raw: imports.import_bundle(coord, to_file(name, raw)))
    run.metric("trusted signer: coordinator vault changed by the corpus (0 or 1)",
               int(content_digest(coord) != before),
               targets=[Target("value", "<=", 0, "", "issue 14: a failed import changes nothing")])
    run.note("Signed with the key of a documenter the coordinator trusts and holds a case, an attachment and a "
             "witness from (tests/hostile_corpus.py::trusted_signer_world), as in "
             "tests/adversarial/test_trusted_signer_abuse.py.")
    coord.lock()


# ---- organisation profiles and identity files ------------------------------------------------------
@bench("adversarial.hostile_enrollment", title="hostile organisation profiles and identity files", scales=None)
def hostile_enrollment(run: Run) -> None:
    from tests.hostile_corpus import IDENTITY_SAMPLES, PROFILE_SAMPLES, WRONG_FINGERPRINT, enrollment_samples

    coord, doc = _vault(run, "coord", "coordinator"), _vault(run, "doc")
    samples = enrollment_samples(organisation_profile.export_profile(coord), trust_list.export_identity(doc))
    to_file = _as_file(run)

    def profile_import(name: str, raw: bytes) -> None:  # what `tawthiq profile import FILE --fingerprint` runs
        candidate = organisation_profile.read_profile(read_small_file(str(to_file(name, raw)), "profile"))
        organisation_profile.confirm_fingerprint(candidate, WRONG_FINGERPRINT)
        organisation_profile.import_profile(doc, candidate)

    def trust(name: str, raw: bytes) -> None:  # what `tawthiq trust FILE --fingerprint` runs
        candidate = trust_list.read_identity(read_small_file(str(to_file(name, raw)), "identity"))
        organisation_profile.confirm_fingerprint(candidate, WRONG_FINGERPRINT)
        trust_list.trust(coord, candidate)

    _try_all(run, "profile files", {n: samples[n] for n in PROFILE_SAMPLES}, profile_import)
    _try_all(run, "identity files", {n: samples[n] for n in IDENTITY_SAMPLES}, trust)
    run.note("The fingerprint given is well-formed but wrong, as in "
             "tests/adversarial/test_hostile_enrollment_files.py, so a sample that got past the readers "
             "would still be refused, by the fingerprint check.")
    coord.lock()
    doc.lock()


# ---- CSV imports of vocabularies and places --------------------------------------------------------
@bench("adversarial.hostile_csv", title="hostile CSV imports of vocabularies and places", scales=None)
def hostile_csv(run: Run) -> None:
    from tests.hostile_corpus import CSV_SAMPLES

    vault = _vault(run, "vault")
    to_file = _as_file(run)
    _try_all(run, "vocabulary CSV", CSV_SAMPLES,
             lambda name, raw: organisation_data.import_vocabulary_csv(vault, "act_types", to_file(name, raw)),
             may_take=True)
    _try_all(run, "places CSV", CSV_SAMPLES,
             lambda name, raw: organisation_data.import_places_csv(vault, to_file(name, raw)), may_take=True)
    run.note("Through app/services/exchange/organisation_data.py, as `tawthiq vocabulary import` / "
             "`places import` do; a CSV may be taken when it is well-formed (e.g. a code with an RTL "
             "override, a formula-like label).")
    vault.lock()


# ---- outside text printed by the CLI --------------------------------------------------------------
@bench("adversarial.hostile_terminal_text", title="hostile names and titles printed by the CLI (issue 14 item 12)",
       scales=None)
def hostile_terminal_text(run: Run) -> None:
    import contextlib
    import io
    import re

    from app import cli
    from app.services.vault import keys
    from tests.hostile_corpus import TERMINAL_TEXT_SAMPLES, forged_trust_line

    raw_unsafe = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
    pass_file = run.tmp / "passphrase"
    pass_file.write_text(PASSPHRASE + "\n")

    def printed(folder: Path, *args: str) -> list[str]:
        """What the real `tawthiq` command prints, run in this process."""
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = cli.main(["--vault", str(folder), "--passphrase-file", str(pass_file), *args])
        if status != 0:
            raise TawthiqError(f"tawthiq {args[0]} exited {status}")
        return out.getvalue().splitlines()

    doc = _vault(run, "doc")
    case_ids = {name: cases.save_case(doc, {"form": "kidnapping", "title": title})[0]
                for name, title in TERMINAL_TEXT_SAMPLES.items()}
    doc.lock()
    spoiled: list[str] = []

    def show(item: tuple[str, str]) -> None:
        name, case_id = item
        lines = printed(run.tmp / "doc", "case", "show", case_id)
        if any(raw_unsafe.search(line) for line in lines) or lines[0].count("\t"):
            spoiled.append(name)

    run.time("case title: `case show` of one hostile title", show, inputs=sorted(case_ids.items()), warmup=0)
    listed = printed(run.tmp / "doc", "case", "list")
    forged_rows = len(listed) - len(TERMINAL_TEXT_SAMPLES) + sum(line.count("\t") != 5 for line in listed)
    spoiled += ["case list"] * any(raw_unsafe.search(line) for line in listed)
    run.metric("case titles: samples printed", len(TERMINAL_TEXT_SAMPLES))
    run.metric("case titles: printed with a raw control or bidi character, or a forged column", len(spoiled),
               targets=[Target("value", "<=", 0, "", "issue 14 item 12: outside text escaped on every CLI line")])
    run.metric("case list: forged lines or columns", forged_rows,
               targets=[Target("value", "<=", 0, "", "issue 14 item 12")])

    # The attack that found it: an identity whose name forges a `trust --list` line for a revoked key.
    coord, honest = _vault(run, "coord", "coordinator"), _vault(run, "honest")
    victim = keys.public_key(honest)
    forged = forged_trust_line(victim.id_hex, keys.fingerprint(victim))
    mallory = Vault.create(run.tmp / "mallory", PASSPHRASE, name=forged, kdf_params=dict(keyfile.TEST_PARAMS),
                           check_strength=False)
    for documenter in (honest, mallory):
        trust_list.trust(coord, trust_list.read_identity(trust_list.export_identity(documenter)))
        documenter.lock()
    trust_list.revoke(coord, victim.id_hex)
    coord.lock()
    rows = [line.split("\t") for line in printed(run.tmp / "coord", "trust", "--list")]
    looks_trusted = sum(row[0] == victim.id_hex and row[1:2] == ["trusted"] for row in rows)
    run.metric("trust --list: lines showing the revoked key as trusted", looks_trusted,
               targets=[Target("value", "<=", 0, "", "issue 14 item 12: the forged-line attack")])
    run.metric("trust --list: lines for 2 trusted keys", len(rows))
    run.note("Through app.cli.main in this process, so the printers measured are the ones `tawthiq` runs; the "
             "samples are tests/hostile_corpus.py's TERMINAL_TEXT_SAMPLES (ESC, CR, LF, TAB, C1, DEL, bidi "
             "overrides and isolates, line separators).")


# ---- photos and videos ------------------------------------------------------------------------------
@bench("adversarial.hostile_media", title="hostile photos and videos attached (issue 21): each ends with a clear "
       "result", scales=None)
def hostile_media(run: Run) -> None:
    from app.services.media import capture, perceptual
    from tests.media_corpus import hostile_media as samples

    vault = _vault(run, "vault")
    case_id, _ = cases.save_case(vault, {"form": "kidnapping", "title": "hostile media"})
    to_file = _as_file(run)
    results = {capture.READ, capture.NONE_FOUND, capture.NOT_MEDIA, capture.UNREADABLE, capture.TOO_LARGE}
    hash_results = {perceptual.HASHED, perceptual.PLAIN, perceptual.NOT_PICTURE, capture.UNREADABLE, capture.TOO_LARGE}
    outcomes: dict[str, str] = {}

    def attach(name: str, raw: bytes) -> None:
        media = cases.attach_file(vault, case_id, to_file(name, raw))["media"]
        if media["capture"]["status"] not in results or media["hash_status"] not in hash_results:
            raise RuntimeError("not a documented result")
        outcomes[name] = f"{media['capture']['status']}/{media['hash_status']}"

    _try_all(run, "hostile media files attached", samples(), attach, may_take=True)
    run.note("Attached through cases.attach_file as `tawthiq case attach` does; a clear result is the file "
             "stored as given with a documented status for its metadata and hashes: "
             + "; ".join(f"{n}: {o}" for n, o in sorted(outcomes.items())) + ".")
    vault.lock()


# ---- spreadsheets for `case import` (issue 18) -----------------------------------------------------
@bench("adversarial.hostile_sheets", title="hostile spreadsheets for `case import` (issue 18)", scales=None)
def hostile_sheets(run: Run) -> None:
    from app.services.intake.sheet_import import mapping as sheet_mapping
    from app.services.intake.sheet_import import run as sheet_run
    from tests.hostile_corpus import SHEET_MAPPING, sheet_samples

    vault = _vault(run, "vault")
    paths = sheet_samples(run.tmp / "sheets")
    mapping = sheet_mapping.from_json(SHEET_MAPPING)
    samples = {name: str(path).encode() for name, path in paths.items()}
    _try_all(run, "spreadsheet", samples,
             lambda name, raw: sheet_run.apply(vault, Path(raw.decode()), mapping))
    run.note("Through app/services/intake/sheet_import (what `tawthiq case import` runs): formula cells, "
             "1,000,000 columns (CSV and XLSX), an ODS cell repeated over 16 million cells (it aborted the "
             "interpreter inside calamine before the guard), a zip bomb, a 2 GB cell (XLSX declared, CSV sparse), "
             "invalid UTF-8, NUL bytes, a 5 MiB line, damaged workbooks. Each is refused by a cap checked before "
             "a reader allocates for it.")
    vault.lock()
