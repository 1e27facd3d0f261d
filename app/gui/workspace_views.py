"""The workspace's views: one line per view, in the order the navigation shows them.

The list is explicit (no module registers itself on import): what the window shows does not
depend on which modules happen to import, and a missing view is an ImportError, not a silent gap.
The window imports this module just after the unlock page is painted, so the views and the
services they import never delay the first window (app/gui/window.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.gui.case_list import CaseListView
from app.gui.cluster_view import ClusterView
from app.gui.custodian_view import CustodianView
from app.gui.dashboard_view import DashboardView
from app.gui.estimate_view import EstimateView
from app.gui.export_view import ExportView
from app.gui.i18n import QT_TRANSLATE_NOOP
from app.gui.import_view import ImportView
from app.gui.keys_view import KeysView
from app.gui.profile_view import ProfileView
from app.gui.review_view import ReviewView
from app.gui.session import Session
from app.gui.settings_view import SettingsView
from app.gui.sheet_import_view import SheetImportView
from app.gui.trust_view import TrustView
from app.gui.witness_views import WitnessRegisterView
from app.services.changes import CASES, DECISIONS, DOCUMENTERS, EVERY, IMPORT, WITNESSES


@dataclass(frozen=True)
class WorkspaceView:
    key: str
    title: str  # English source text; the window translates it (QT_TRANSLATE_NOOP marks it for lupdate)
    factory: Callable[[Session], QWidget]  # called with the session the first time the view is shown
    roles: tuple[str, ...] | None = None  # the vault roles that see it; None = every role
    order: int = 100
    follows: tuple[str, ...] = ()  # kinds of change (app.services.changes) after which it refreshes


WORKSPACE_VIEWS = (
    WorkspaceView("cases", QT_TRANSLATE_NOOP("", "Cases"), CaseListView, order=10, follows=(CASES, IMPORT)),
    WorkspaceView("witnesses", QT_TRANSLATE_NOOP("", "Witnesses"), WitnessRegisterView,
                  roles=("documenter", "coordinator"), order=30, follows=(WITNESSES, IMPORT)),
    WorkspaceView("review", QT_TRANSLATE_NOOP("", "Review links"), ReviewView, roles=("coordinator",), order=40,
                  follows=(CASES, IMPORT)),  # it shows its own decisions already
    WorkspaceView("victims", QT_TRANSLATE_NOOP("", "Linked victims"), ClusterView, roles=("coordinator",),
                  order=41, follows=(CASES, IMPORT, DECISIONS)),
    WorkspaceView("import", QT_TRANSLATE_NOOP("", "Import bundles"), ImportView, roles=("coordinator",), order=40),
    WorkspaceView("sheets", QT_TRANSLATE_NOOP("", "Import spreadsheet"), SheetImportView,
                  roles=("documenter", "coordinator"), order=42),
    WorkspaceView("documenters", QT_TRANSLATE_NOOP("", "Documenters"), TrustView, roles=("coordinator",), order=45,
                  follows=(DOCUMENTERS, IMPORT)),
    WorkspaceView("export", QT_TRANSLATE_NOOP("", "Export"), ExportView, roles=("documenter",), order=50,
                  follows=(CASES, WITNESSES)),
    WorkspaceView("custodian", QT_TRANSLATE_NOOP("", "Custodian"), CustodianView, roles=("coordinator",), order=47,
                  follows=(WITNESSES, IMPORT)),
    WorkspaceView("dashboard", QT_TRANSLATE_NOOP("", "Statistics"), DashboardView, order=60, follows=EVERY),
    WorkspaceView("estimate", QT_TRANSLATE_NOOP("", "Estimate"), EstimateView, roles=("coordinator",), order=62,
                  follows=(DOCUMENTERS,)),
    WorkspaceView("organisation", QT_TRANSLATE_NOOP("", "Organisation"), ProfileView, roles=("documenter",),
                  order=70),
    WorkspaceView("keys", QT_TRANSLATE_NOOP("", "Keys"), KeysView, order=80),
    WorkspaceView("settings", QT_TRANSLATE_NOOP("", "Settings"), SettingsView, order=90),
)
