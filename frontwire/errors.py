"""frontwire's exception tree. Every message says what is wrong and what to do next.

    FrontwireError
    ├── UsageError            bad arguments or options (exit code 2)
    ├── InputError            one input cannot be read; the batch goes on
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── InputTooLarge
    │   ├── EncodingError
    │   ├── MalformedInput    a broken JSONL line, unparsable HTML, a bad date
    │   └── MissingInput      a path that does not exist
    ├── UnsupportedLanguage   stored, reported, never coded
    ├── NoArticle             HTML with no article text in it
    ├── StoreError            the database cannot be opened or migrated
    ├── GazetteerError        a gazetteer file that cannot be imported (nothing half-imported)
    ├── GoldError             a gold file frontwire cannot read
    └── MissingDependency     an optional extra is not installed; names the extra

``retryable`` says whether trying the same thing again can help.
"""

from __future__ import annotations


class FrontwireError(Exception):
    """Base of every error frontwire raises on purpose."""

    retryable = False
    stage = "frontwire"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message}; {hint}" if hint else message)


class UsageError(FrontwireError):
    stage = "usage"


class InputError(FrontwireError):
    stage = "ingest"


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class InputTooLarge(InputError):
    pass


class EncodingError(InputError):
    pass


class MalformedInput(InputError):
    pass


class MissingInput(InputError):
    pass


class FetchFailed(InputError):
    """A feed or page could not be fetched; ``retryable`` says whether a later try can help."""

    def __init__(self, message: str, *, hint: str | None = None, retryable: bool = False) -> None:
        super().__init__(message, hint=hint)
        self.retryable = retryable


class UnsupportedLanguage(FrontwireError):
    stage = "clean"


class NoArticle(FrontwireError):
    stage = "clean"


class StoreError(FrontwireError):
    stage = "store"
    retryable = True


class GazetteerError(FrontwireError):
    stage = "geo"


class GoldError(FrontwireError):
    stage = "eval"


class MissingDependency(FrontwireError):
    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"the optional module {module!r} is not installed",
            hint=f"install it with: pip install 'frontwire[{extra}]'",
        )
