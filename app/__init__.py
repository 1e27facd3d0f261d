"""Tawthiq: use cases (app.services, Qt-free), the desktop GUI (app.gui), the command line (app.cli)."""
