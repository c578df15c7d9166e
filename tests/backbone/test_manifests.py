"""Shipped data files are what their build scripts would write today, and the manifest check says why not.

The sub-event model and the gazetteer are built by scripts from ../shared and shaped by repository code;
their manifests record the hashes of all three. A test here fails when the shipped file, the code that
shapes it or (with ../shared at hand) one of its inputs no longer matches, and names the script to rerun.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from frontwire.extract.classifier import MODEL_PATH
from frontwire.manifest import manifest_path, read_manifest, stale_reasons, write_manifest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
GAZETTEER = REPO / "frontwire" / "data" / "gazetteer" / "places.tsv.gz"


def _script(name: str) -> ModuleType:
    """A build script loaded as a module, so that the test asks it (not a copy) what it reads and hashes."""
    module_name = f"_frontwire_script_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, REPO / "scripts" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[module_name] = module
    return sys.modules[module_name]


def test_shipped_subevent_model_is_what_its_script_builds_today():
    from frontwire.extract.classifier import CODE_FILES, rules_fingerprint

    script = _script("train_classifier")
    inputs = script.default_training_files() if SHARED.exists() else None
    reasons = stale_reasons(MODEL_PATH, code=CODE_FILES, inputs=inputs, libraries=("scikit-learn",),
                            derived=rules_fingerprint())
    assert not reasons, "the shipped sub-event model is stale:\n" + "\n".join(reasons)


def test_shipped_report_model_is_what_its_script_builds_today():
    from frontwire.extract.reports import CODE_FILES, LIBRARIES
    from frontwire.extract.reports import MODEL_PATH as REPORTS_PATH

    script = _script("train_report_model")
    inputs = None
    if script.ARTICLES.exists():
        inputs = [script.ARTICLES.resolve(), script.LABELS, *(p.resolve() for p in script.ACLED),
                  *([script.GLOCON.resolve()] if script.GLOCON.exists() else [])]
    reasons = stale_reasons(REPORTS_PATH, code=CODE_FILES, inputs=inputs, libraries=LIBRARIES)
    assert not reasons, "the shipped report model is stale:\n" + "\n".join(reasons)


def test_shipped_gazetteer_is_what_its_script_builds_today():
    script = _script("build_gazetteer")
    inputs = script.source_files(script.DEFAULT_SOURCE) if script.DEFAULT_SOURCE.exists() else None
    reasons = stale_reasons(GAZETTEER, code=script.CODE_FILES, inputs=inputs)
    assert not reasons, "the shipped gazetteer is stale:\n" + "\n".join(reasons)


def test_manifests_name_their_script_and_inputs_by_repository_path():
    for output, script in ((MODEL_PATH, "scripts/train_classifier.py"), (GAZETTEER, "scripts/build_gazetteer.py")):
        manifest = read_manifest(output)
        assert manifest.script == script
        assert manifest.inputs and all(name.startswith("../shared/data/") for name in manifest.inputs)
        assert script in manifest.code


@pytest.fixture
def built(tmp_path):
    """A toy build: one input, one code file, a script and the output they made, with its manifest."""
    (tmp_path / "data").mkdir()
    files = {"input": tmp_path / "data" / "rows.csv", "code": tmp_path / "shape.py",
             "script": tmp_path / "build.py", "output": tmp_path / "out.bin"}
    files["input"].write_text("a,b\n1,2\n")
    files["code"].write_text("FACTOR = 2\n")
    files["script"].write_text("print('build')\n")
    files["output"].write_bytes(b"\x00built")
    write_manifest(files["output"], script=files["script"], inputs=[files["input"]], code=[files["code"]],
                   libraries=("numpy",), facts={"rows": 1}, root=tmp_path)
    return files


def _reasons(files, tmp_path, inputs="same", libraries=("numpy",)):
    today = [files["input"]] if inputs == "same" else inputs
    return stale_reasons(files["output"], code=[files["code"]], inputs=today, libraries=libraries, root=tmp_path)


def test_a_fresh_build_is_not_stale(built, tmp_path):
    assert manifest_path(built["output"]).name == "out.manifest.json"
    assert _reasons(built, tmp_path) == []
    assert read_manifest(built["output"]).facts == {"rows": 1}


def test_changed_code_stales_the_output_and_names_the_script(built, tmp_path):
    built["code"].write_text("FACTOR = 3\n")
    reasons = _reasons(built, tmp_path)
    assert len(reasons) == 1 and "code shape.py changed" in reasons[0] and "python build.py" in reasons[0]


def test_changed_script_stales_the_output(built, tmp_path):
    built["script"].write_text("print('build differently')\n")
    assert any("code build.py changed" in r for r in _reasons(built, tmp_path))


def test_code_newly_shaping_the_output_stales_it(built, tmp_path):
    extra = tmp_path / "rules.py"
    extra.write_text("RULES = []\n")
    reasons = stale_reasons(built["output"], code=[built["code"], extra], inputs=None, root=tmp_path)
    assert reasons and "rules.py shapes the output now" in reasons[0]


def test_edited_output_is_stale(built, tmp_path):
    built["output"].write_bytes(b"\x00edited by hand")
    assert any("out.bin differs" in r for r in _reasons(built, tmp_path))


def test_changed_new_or_missing_input_stales_the_output(built, tmp_path):
    built["input"].write_text("a,b\n1,3\n")
    assert any("input data/rows.csv changed" in r for r in _reasons(built, tmp_path))
    added = tmp_path / "data" / "more.csv"
    added.write_text("a,b\n")
    assert any("input data/more.csv is new" in r for r in _reasons(built, tmp_path, inputs=[built["input"], added]))
    assert any("is gone" in r for r in _reasons(built, tmp_path, inputs=[]))


def test_inputs_out_of_reach_are_not_checked(built, tmp_path):
    built["input"].unlink()  # ../shared absent: the recorded inputs cannot be compared, nothing else changes
    assert _reasons(built, tmp_path, inputs=None) == []


def test_other_library_version_stales_a_pickle(built, tmp_path):
    path = manifest_path(built["output"])
    data = json.loads(path.read_text())
    data["libraries"]["numpy"] = "0.0.1"
    path.write_text(json.dumps(data))
    reasons = _reasons(built, tmp_path)
    assert len(reasons) == 1 and "built with numpy 0.0.1" in reasons[0]
    assert _reasons(built, tmp_path, libraries=()) == []  # a file every version reads (a TSV) need not check


def test_changed_derived_digest_stales_the_output(tmp_path):
    output, script = tmp_path / "model.bin", tmp_path / "train.py"
    output.write_bytes(b"weights")
    script.write_text("print('train')\n")
    write_manifest(output, script=script, inputs=[], code=[], derived={"trigger_rules": "aaa"}, root=tmp_path)
    check = {"code": [], "inputs": [], "root": tmp_path}
    assert stale_reasons(output, derived={"trigger_rules": "aaa"}, **check) == []
    assert "trigger_rules changed since the build" in stale_reasons(output, derived={"trigger_rules": "bbb"}, **check)[0]
    assert "not recorded" in stale_reasons(output, derived={"trigger_rules": "aaa", "lexicon": "c"}, **check)[0]


def test_missing_manifest_is_stale(built, tmp_path):
    manifest_path(built["output"]).unlink()
    assert "has no manifest" in _reasons(built, tmp_path)[0]
