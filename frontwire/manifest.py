"""Build manifests: what a shipped data file was built from, so that a test notices when it has gone stale.

A model or gazetteer under ``frontwire/data`` is written by a script from inputs in ``../shared`` and shaped
by code in the repository. When that code or those inputs change, nothing else would tell that the shipped
file no longer is what the script would build today. Its manifest, a small JSON file beside it
(``subevent.joblib`` -> ``subevent.manifest.json``), records the SHA-256 of the output, of every input and of
every code file that shapes it (paths relative to the repository, so ``../shared/...`` for inputs), and the
versions of the libraries it was built with. What depends on part of a file only (a model reads the
codebook's trigger patterns, not its note templates) is recorded as a named digest that the caller computes
(``derived``). :func:`stale_reasons` lists what no longer matches; each reason names the script to rerun.
A second shipped file needs two calls: :func:`write_manifest` in its build script and :func:`stale_reasons`
in a test.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class Manifest:
    """What one shipped file was built from; every path is relative to the repository root, with ``/``."""

    output: str
    output_sha256: str
    script: str
    inputs: dict[str, str] = field(default_factory=dict)
    code: dict[str, str] = field(default_factory=dict)
    libraries: dict[str, str] = field(default_factory=dict)
    derived: dict[str, str] = field(default_factory=dict)
    facts: dict[str, object] = field(default_factory=dict)

    def to_json(self) -> str:
        data = {"output": self.output, "output_sha256": self.output_sha256, "script": self.script,
                "inputs": dict(sorted(self.inputs.items())), "code": dict(sorted(self.code.items())),
                "libraries": dict(sorted(self.libraries.items())), "derived": dict(sorted(self.derived.items())),
                "facts": self.facts}
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def manifest_path(output: Path) -> Path:
    """Where the manifest of ``output`` lives: beside it, its name without any suffix plus ``.manifest.json``."""
    return output.with_name(output.name.split(".", 1)[0] + ".manifest.json")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def relative(path: Path, root: Path = REPO) -> str:
    """``path`` relative to the repository (``../shared/...`` for shared data), with forward slashes."""
    return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()


def library_versions(names: Iterable[str]) -> dict[str, str]:
    """Installed versions of the distributions ``names`` ("scikit-learn"); "absent" for one not installed."""
    out: dict[str, str] = {}
    for name in names:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "absent"
    return out


def write_manifest(output: Path, *, script: Path, inputs: Sequence[Path], code: Sequence[Path],
                   libraries: Sequence[str] = (), derived: Mapping[str, str] | None = None,
                   facts: Mapping[str, object] | None = None, root: Path = REPO) -> Path:
    """Record what ``output`` was built from in its manifest; call it from the build script, after writing.

    ``code``: the repository files that shape the output (the script is added). ``derived``: named digests
    of what the output depends on that is not a whole file. ``facts``: a few figures worth keeping with it
    (row counts, sizes); they are not checked.
    """
    manifest = Manifest(
        output=relative(output, root), output_sha256=sha256_file(output), script=relative(script, root),
        inputs={relative(p, root): sha256_file(p) for p in inputs},
        code={relative(p, root): sha256_file(p) for p in {*code, script}},
        libraries=library_versions(libraries), derived=dict(derived or {}), facts=dict(facts or {}),
    )
    path = manifest_path(output)
    path.write_text(manifest.to_json(), encoding="utf-8")
    return path


def read_manifest(output: Path) -> Manifest:
    """The manifest beside ``output``; FileNotFoundError when there is none."""
    data = json.loads(manifest_path(output).read_text(encoding="utf-8"))
    return Manifest(output=data["output"], output_sha256=data["output_sha256"], script=data["script"],
                    inputs=data.get("inputs", {}), code=data.get("code", {}), libraries=data.get("libraries", {}),
                    derived=data.get("derived", {}), facts=data.get("facts", {}))


def stale_reasons(output: Path, *, code: Sequence[Path], inputs: Sequence[Path] | None = None,
                  libraries: Sequence[str] = (), derived: Mapping[str, str] | None = None,
                  root: Path = REPO) -> list[str]:
    """Why the shipped ``output`` is not what its build script would write today; empty when it is current.

    ``code``: the files that shape the output today (a file added to or dropped from the list counts).
    ``inputs``: today's input files, or None when they are not at hand (``../shared`` absent): recorded
    inputs are then checked only where they exist. ``libraries``: distributions whose installed version
    must be the recorded one (a pickle is only readable by the scikit-learn that wrote it). ``derived``:
    today's named digests, as the build script computes them.
    """
    try:
        manifest = read_manifest(output)
    except FileNotFoundError:
        return [f"{relative(output, root)} has no manifest ({manifest_path(output).name}): rebuild it"]
    rebuild = f"rerun `python {manifest.script}` and commit the file and its manifest"
    reasons: list[str] = []
    if not output.exists():
        reasons.append(f"{manifest.output} is missing")
    elif sha256_file(output) != manifest.output_sha256:
        reasons.append(f"{manifest.output} differs from the file its manifest describes")
    today_code = {relative(p, root) for p in code} | {manifest.script}
    for name in sorted(today_code | set(manifest.code)):
        path = root / name
        if name not in manifest.code:
            reasons.append(f"code {name} shapes the output now but was not hashed at build time")
        elif name not in today_code:
            reasons.append(f"code {name} was hashed at build time but no longer shapes the output")
        elif not path.exists() or sha256_file(path) != manifest.code[name]:
            reasons.append(f"code {name} changed since the build")
    if inputs is not None:
        today_inputs = {relative(p, root) for p in inputs}
        for name in sorted(today_inputs - set(manifest.inputs)):
            reasons.append(f"input {name} is new since the build")
        for name in sorted(set(manifest.inputs) - today_inputs):
            reasons.append(f"input {name} was used at build time but is gone")
    for name, digest in sorted(manifest.inputs.items()):
        path = root / name
        if path.exists() and sha256_file(path) != digest:
            reasons.append(f"input {name} changed since the build")
    today_derived = dict(derived or {})
    for name in sorted(today_derived.keys() | manifest.derived.keys()):
        if name not in manifest.derived:
            reasons.append(f"{name} shapes the output now but was not recorded at build time")
        elif name not in today_derived:
            reasons.append(f"{name} was recorded at build time but no longer shapes the output")
        elif today_derived[name] != manifest.derived[name]:
            reasons.append(f"{name} changed since the build")
    installed = library_versions(libraries)
    for name in libraries:
        if manifest.libraries.get(name) != installed[name]:
            reasons.append(f"built with {name} {manifest.libraries.get(name, '(unrecorded)')}, "
                           f"{installed[name]} is installed")
    return [f"{reason}: {rebuild}" for reason in reasons]
