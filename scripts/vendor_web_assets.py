"""Copy the map page's browser libraries from npm into ``frontwire/web/static/vendor/``.

    python scripts/vendor_web_assets.py [--node-modules DIR]

The page loads nothing from the network, and ``pip install frontwire`` must give a working page, so the
built files of the npm packages pinned in ``package.json`` (exact versions, locked in ``package-lock.json``)
are committed inside the package. This script installs them with ``npm ci`` in a temporary folder (or reads
an existing ``node_modules``), copies the files the page uses and each package's licence to
``vendor/<package>/``, and writes ``vendor/manifest.json`` (package, version, licence, and the SHA-256 of
every copied file), which ``tests/web/test_vendor.py`` checks against the files and the pins.

Run it after changing a version in ``package.json`` (and ``npm install --package-lock-only``), then commit
``package.json``, ``package-lock.json`` and the vendor folder together.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENDOR_DIR = ROOT / "frontwire" / "web" / "static" / "vendor"
MANIFEST = VENDOR_DIR / "manifest.json"

# package -> the files the page uses, as paths inside the npm package -> paths inside vendor/<package>/.
# Leaflet's CSS finds its images at images/ beside it, so they keep that layout. The 1:50m country outlines
# are detailed enough to place a village against its border at zoom 8 and small enough (740 kB) to ship.
FILES: dict[str, dict[str, str]] = {
    "leaflet": {
        "dist/leaflet.js": "leaflet.js",
        "dist/leaflet.css": "leaflet.css",
        **{f"dist/images/{name}": f"images/{name}" for name in (
            "layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")},
        "LICENSE": "LICENSE",
    },
    "leaflet.markercluster": {
        "dist/leaflet.markercluster.js": "leaflet.markercluster.js",
        "dist/MarkerCluster.css": "MarkerCluster.css",
        "MIT-LICENCE.txt": "LICENSE",
    },
    "topojson-client": {
        "dist/topojson-client.min.js": "topojson-client.min.js",
        "LICENSE": "LICENSE",
    },
    "world-atlas": {
        "countries-50m.json": "countries-50m.json",
        "LICENSE": "LICENSE",
    },
}

# world-atlas's own licence covers the packaging; the outlines themselves are Natural Earth's.
NOTES = {"world-atlas": "Country outlines from Natural Earth 4.1.0 (public domain), https://www.naturalearthdata.com"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pinned_versions(root: Path = ROOT) -> dict[str, str]:
    """The exact versions ``package.json`` pins; a range there is an error, since the copy must be reproducible."""
    pins = json.loads((root / "package.json").read_text(encoding="utf-8"))["dependencies"]
    loose = [f"{name} {version}" for name, version in pins.items() if not version[:1].isdigit()]
    if loose:
        raise SystemExit(f"package.json must pin exact versions, not {', '.join(loose)}")
    return dict(pins)


def npm_ci(workdir: Path) -> Path:
    """Install the locked packages in ``workdir`` with ``npm ci`` (no install scripts run) and return node_modules."""
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, workdir / name)
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is not installed: install Node.js (apt-get install npm), or pass --node-modules DIR")
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=workdir, check=True,
                   stdout=sys.stderr)
    return workdir / "node_modules"


def vendor(node_modules: Path, out: Path = VENDOR_DIR) -> list[dict[str, Any]]:
    """Copy the page's files and licences from ``node_modules`` into ``out`` (emptied first); return what was copied."""
    pins = pinned_versions()
    if set(pins) != set(FILES):
        raise SystemExit(f"package.json pins {sorted(pins)} but this script copies {sorted(FILES)}: make them agree")
    if out.exists():
        shutil.rmtree(out)
    packages: list[dict[str, Any]] = []
    for package, files in sorted(FILES.items()):
        meta = json.loads((node_modules / package / "package.json").read_text(encoding="utf-8"))
        if meta["version"] != pins[package]:
            raise SystemExit(f"{package} {meta['version']} in {node_modules}, package.json pins {pins[package]}")
        copied = {}
        for source, target in files.items():
            destination = out / package / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(node_modules / package / source, destination)
            copied[target] = sha256(destination)
        entry = {"package": package, "version": meta["version"], "license": meta.get("license"),
                 "license_file": "LICENSE", "files": dict(sorted(copied.items()))}
        if package in NOTES:
            entry["note"] = NOTES[package]
        packages.append(entry)
    manifest = {"script": "scripts/vendor_web_assets.py", "packages": packages}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return packages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--node-modules", type=Path, metavar="DIR",
                        help="copy from this node_modules (already installed from package-lock.json) instead of "
                             "running npm ci in a temporary folder")
    args = parser.parse_args(argv)
    if args.node_modules:
        packages = vendor(args.node_modules)
    else:
        with tempfile.TemporaryDirectory(prefix="frontwire-vendor-") as tmp:
            packages = vendor(npm_ci(Path(tmp)))
    for entry in packages:
        print(f"{entry['package']} {entry['version']}: {len(entry['files'])} file(s)", file=sys.stderr)
    print(f"wrote {MANIFEST.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
