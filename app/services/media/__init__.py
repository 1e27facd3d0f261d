"""Photos and videos as evidence (issue 21): what a file says about itself, whether it was seen
before, and what leaves the vault with it. Qt-free; the media extra (Pillow, ImageHash, PyAV)
is optional and imported only here (app/services/media/extra.py)."""
