"""What `make dist` leaves out never includes Tawthiq's own packages (issue 16).

A setuptools build run in the checkout leaves a tawthiq.egg-info there, which lists app, forms,
storage and resources as its files; the release build then excluded our own packages and the
packaged program could not import app.cli (CI of 2026-12-04).
"""

from __future__ import annotations

from release import build, closure


def test_a_stray_egg_info_of_ours_does_not_exclude_our_packages(tmp_path, monkeypatch):
    info = tmp_path / "tawthiq.egg-info"
    info.mkdir()
    (info / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: tawthiq\nVersion: 0.1.0\n")
    (info / "SOURCES.txt").write_text("app/__init__.py\napp/cli.py\nforms/__init__.py\nstorage/__init__.py\n"
                                      "resources/forms/kidnapping.json\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    excluded = closure.not_core_modules()
    assert not excluded & set(build.OUR_PACKAGES)
    assert "resources" not in excluded
    assert "pytest" in excluded  # still leaves the test tools out
