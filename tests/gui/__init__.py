"""The desktop app, driven by real input events."""
