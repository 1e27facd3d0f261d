"""Refusals that a person must understand in their own language, worded by the GUI.

Services raise one English line, which the CLI prints as it is. A few refusals are the moment a
documenter or coordinator decides whether to trust someone: a fingerprint that does not match, a
coordinator key that changed, an older profile, a revoked key. Those arrive as their own error
classes (app.services.exchange.organisation_profile and trust_list) with the figures as fields, and are
worded here with tr(), so the Arabic interface says them in Arabic. Every other error keeps the service's line.
"""

from __future__ import annotations

from app.gui.i18n import fmt_int, tr
from app.services.exchange import organisation_profile, trust_list
from storage.errors import TawthiqError


def user_text(exc: TawthiqError) -> str:
    """The line to show for `exc`: translated for the refusals above, the service's own otherwise.

    Called on worker threads too (app.gui.tasks.safe_message): QCoreApplication.translate is
    thread-safe.
    """
    if isinstance(exc, organisation_profile.FingerprintMismatch):
        return tr("The fingerprint you typed does not match this key. Compare it digit by digit with the person "
                  "who read it to you; if it still differs, the file may come from an impostor. Nothing was "
                  "changed.")
    if isinstance(exc, organisation_profile.CoordinatorKeyChanged):
        return tr("Refused: this profile is signed by coordinator key %1, not by key %2 that you imported "
                  "before. A changed key may be an impostor: ask your coordinator in person. Nothing was "
                  "imported.").replace("%1", exc.new_key_id).replace("%2", exc.imported_key_id)
    if isinstance(exc, organisation_profile.ProfileOlder):
        return tr("Refused: this profile (number %1) is older than the one you have (number %2) and would roll "
                  "back the organisation's terms, places and recipients. Nothing was imported.").replace(
            "%1", fmt_int(exc.serial)).replace("%2", fmt_int(exc.imported_serial))
    if isinstance(exc, trust_list.KeyIdClash):
        return tr("Refused: a different key with the same key id %1 is already trusted. Nothing was "
                  "changed.").replace("%1", exc.key_id)
    if isinstance(exc, trust_list.TrustRevoked) and exc.key_id:
        return tr("Refused: key %1 was revoked on %2 and its bundles stay refused. To trust it again on "
                  "purpose, select it in the list and choose Reinstate.").replace("%1", exc.key_id).replace(
            "%2", exc.revoked_on)
    return str(exc)
