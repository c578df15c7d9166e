"""The map page: static files only (HTML, CSS, plain JavaScript and the vendored libraries), no build step.

The API serves ``STATIC_DIR/index.html`` at ``/`` and mounts ``STATIC_DIR`` at ``/static``. Everything the page
loads lives under it, so the page works with no network at all; ``scripts/vendor_web_assets.py`` fills
``vendor/`` from the npm packages pinned in ``package.json``.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
INDEX_HTML = STATIC_DIR / "index.html"

__all__ = ["INDEX_HTML", "STATIC_DIR"]
