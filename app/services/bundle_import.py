"""The name the GUI's import view looks for: `import_bundle(vault, path, progress=None)`."""

from app.services.imports import import_bundle

__all__ = ["import_bundle"]
