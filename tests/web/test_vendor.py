"""The page's vendored browser libraries are the npm versions package.json pins, byte for byte, with their licences.

``scripts/vendor_web_assets.py`` copies them into the package so that ``pip install`` alone gives a working page
that loads nothing from the network; these tests fail when someone bumps a pin without rerunning it, edits a
vendored file by hand, or drops a licence.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from frontwire.web import STATIC_DIR

ROOT = Path(__file__).resolve().parents[2]
VENDOR = STATIC_DIR / "vendor"
RERUN = "rerun `python scripts/vendor_web_assets.py` and commit package.json, package-lock.json and the vendor folder"


def _manifest() -> dict:
    return json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))


def test_vendored_packages_are_the_versions_package_json_pins_and_locks():
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    vendored = {entry["package"]: entry["version"] for entry in _manifest()["packages"]}
    assert vendored == pins, RERUN
    for package, version in pins.items():
        assert locked[f"node_modules/{package}"]["version"] == version, "run `npm install --package-lock-only`"


def test_vendored_files_match_their_manifest_and_each_package_ships_its_licence():
    on_disk = {path.relative_to(VENDOR).as_posix() for path in VENDOR.rglob("*") if path.is_file()}
    listed = {"manifest.json"}
    for entry in _manifest()["packages"]:
        assert "LICENSE" in entry["files"], f"{entry['package']} is vendored without its licence"
        for name, digest in entry["files"].items():
            path = VENDOR / entry["package"] / name
            listed.add(f"{entry['package']}/{name}")
            assert path.exists(), f"{path} is missing: {RERUN}"
            assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{path} was changed: {RERUN}"
    assert on_disk == listed, f"files in vendor/ that the manifest does not list: {sorted(on_disk - listed)}"
