"""The README never lies: every command and store setting it should name, it names (after datasette's test_docs)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from frontwire.cli.main import build_parser
from frontwire.config import Settings

ROOT = Path(__file__).resolve().parents[2]

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented_in_readme():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in action.choices:
        assert f"`frontwire {name}" in README, f"README does not document 'frontwire {name}'"


def test_every_setting_is_documented_in_readme():
    for field in dataclasses.fields(Settings):
        assert f"`{field.name}`" in README, f"README does not document the setting {field.name}"
        assert f"FRONTWIRE_{field.name.upper()}" in README


def test_readme_gives_the_two_setup_commands():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert "frontwire ingest --examples && frontwire events" in blocks[0]
    assert "python -m pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip() in ci, ".ci/run must run exactly the README's test command"
