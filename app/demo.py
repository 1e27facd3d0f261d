"""`make demo`: the desktop app on a throw-away vault full of sample cases.

    python -m app.demo            # opens the window, unlocked; the passphrase is printed
    python -m app.demo --language ar

The vault and the language file live in a temporary folder deleted when the window closes. The
key derivation uses the small test parameters so the demo opens at once: never for real cases.
"""

from __future__ import annotations

import argparse
import copy
import logging
import os
import random
import sys
import tempfile
from pathlib import Path

from app.services.intake import case_rules, cases
from storage import keyfile
from storage.vault import Vault

DEMO_PASSPHRASE = "demo only: olive grove under the citadel"  # noqa: S105 - a throw-away demo vault
log = logging.getLogger("tawthiq.demo")

_PLACES = (("SY-HI", "حمص", "Homs"), ("SY-LA", "اللاذقية", "Latakia"), ("SY-TA", "طرطوس", "Tartus"),
           ("SY-HM", "حماة", "Hama"), ("SY-DI", "دمشق", "Damascus"))
_NAMES = (("محمد الأحمد", "Mohammad al-Ahmad"), ("يارا حداد", "Yara Haddad"), ("خالد العلي", "Khaled al-Ali"),
          ("سامر يوسف", "Samer Youssef"), ("ريم الحسن", "Reem al-Hasan"), ("علي إبراهيم", "Ali Ibrahim"))
_TITLES = ("Abduction at a checkpoint on the road to {place}", "Taxi driver taken from his car in {place}",
           "Two brothers missing after a raid in {place}", "Student abducted near the university in {place}")


def _simple_case(rng: random.Random, i: int) -> dict:
    code, place_ar, place_en = rng.choice(_PLACES)
    name_ar, name_latin = rng.choice(_NAMES)
    return {
        "form": "kidnapping",
        "title": rng.choice(_TITLES).format(place=place_en),
        "narrative": f"اختُطف {name_ar} في {place_ar} على يد مسلحين مجهولين. لا يُعرف مصيره حتى الآن.",
        "date": {"start": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "precision": "day"},
        "location": {"governorate": code},
        "victims": [{"name_ar": name_ar, "name_latin": name_latin, "sex": "male" if i % 3 else "female",
                     "age": rng.randint(16, 60), "act": ["abduction"], "fate": "missing"}],
        "sources": [{"type": "relative", "statement": "Account given by a relative of the victim."}],
    }


def _examples() -> list[dict]:
    from forms.definitions import list_forms
    from forms.schema import example_case

    found = []
    for definition in list_forms():
        try:
            found.append(example_case(definition.id))
        except Exception as exc:  # noqa: BLE001 - a form without an example is simply skipped
            log.debug("no example for a form", exc_info=exc)
    return found


def fill_demo_vault(vault: Vault, count: int = 60, seed: int = 3) -> int:
    """Save sample cases (the forms' own examples first, then generated ones); returns how many."""
    rng = random.Random(seed)  # noqa: S311 - sample data, not secrets
    saved = 0
    bodies = _examples()
    for i in range(count):
        bodies.append(_simple_case(rng, i))
    for i, body in enumerate(bodies):
        try:
            case_id, _ = cases.save_case(vault, copy.deepcopy(body))
        except case_rules.InvalidCase as exc:
            log.debug("a demo case was refused: %s", exc)
            continue
        saved += 1
        if i % 4 == 0:
            cases.seal_case(vault, case_id)
    return saved


def create_demo_vault(folder: Path) -> Vault:
    # A throw-away vault whose passphrase is printed: fast, insecure key derivation is the point, and
    # the explicit test mode lets it be written and reopened (each use says so on stderr).
    os.environ[keyfile.TEST_KDF_ENV] = "1"
    vault = Vault.create(folder / "vault", DEMO_PASSPHRASE, name="demo", kdf_params=dict(keyfile.TEST_PARAMS),
                         check_strength=False)
    fill_demo_vault(vault)
    return vault


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.demo")
    parser.add_argument("--language", choices=("en", "ar"), default=None)
    args = parser.parse_args(argv)
    from app import hygiene

    hygiene.harden_process()
    with tempfile.TemporaryDirectory(prefix="tawthiq-demo-") as tmp:
        folder = Path(tmp)
        vault = create_demo_vault(folder)
        print(f"Demo vault in {folder} (deleted on exit). Passphrase: {DEMO_PASSPHRASE}")
        from app.gui.main import application, build_window
        from app.gui.prefs import PreUnlockPrefs

        prefs = PreUnlockPrefs(folder / "gui-language.json")
        if args.language:
            prefs.set_language(args.language)
        app = application()
        window = build_window(folder / "vault", prefs)
        window.session.open(vault)
        window.show()
        try:
            return int(app.exec())
        finally:
            window.session.shutdown()


if __name__ == "__main__":
    sys.exit(main())
