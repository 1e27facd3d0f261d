"""Building and checking what users install: system packages, the core install, the packaged app."""
