"""A gold file's rules about extra events: ``must_not`` (traps an event must not fall into) and ``tolerated``.

A ``must_not`` rule is prose for the reader (``rule``) and, where one fits, a machine ``check`` on one field of
an event: ``{"field": F, KIND: VALUE}`` with KIND one of ``equals``, ``in``, ``not_in``, ``before``, ``after``
(ISO dates), ``gt``, ``lt`` (numbers) or ``contains`` (a substring, of any item of a list field). A rule
without a check cannot be judged by a machine: scorers list it, they never count it as kept or broken.

A ``tolerated`` entry is an event a careful coder might also code: it does not count against precision. It is
a ``match`` of field values (with a ``description`` or ``text``) or, where no field values can say it, a
sentence for the reader, which scorers list as not machine-checked. Place names are compared as
``same_name`` does (after transliteration), every other field exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from frontwire.errors import GoldError
from frontwire.evaluate.matching import same_name

PLACE_FIELDS = frozenset({"location", "admin1", "admin2", "country"})


def _same(field: str, value: Any, wanted: Any) -> bool:
    if value == wanted:
        return True
    return field in PLACE_FIELDS and isinstance(value, str) and isinstance(wanted, str) and same_name(value, wanted)


def _contains(value: Any, needle: Any) -> bool:
    text = str(needle).lower()
    if isinstance(value, list):
        return any(text in json.dumps(v, ensure_ascii=False).lower() for v in value)
    return text in str(value or "").lower()


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _greater(field: str, value: Any, wanted: Any) -> bool:
    number = _number(value)
    return number is not None and number > float(wanted)


def _less(field: str, value: Any, wanted: Any) -> bool:
    number = _number(value)
    return number is not None and number < float(wanted)


# kind -> (field, event's value, the check's value) -> broken?; a missing value never breaks a comparison
_CHECKS: dict[str, Callable[[str, Any, Any], bool]] = {
    "equals": lambda f, v, w: v is not None and _same(f, v, w),
    "in": lambda f, v, w: v is not None and any(_same(f, v, x) for x in w),
    "not_in": lambda f, v, w: v is not None and not any(_same(f, v, x) for x in w),
    "before": lambda f, v, w: v is not None and str(v) < str(w),
    "after": lambda f, v, w: v is not None and str(v) > str(w),
    "gt": _greater,
    "lt": _less,
    "contains": lambda f, v, w: _contains(v, w),
}


def check_kind(rule: dict[str, Any]) -> str | None:
    """The kind of a rule's machine check (``gt``, ``not_in``...), None for a rule without one."""
    check = rule.get("check")
    if not check:
        return None
    kinds = [k for k in check if k != "field"]
    if "field" not in check or len(kinds) != 1 or kinds[0] not in _CHECKS:
        raise GoldError(f"must_not rule {rule.get('rule', '')[:60]!r}: cannot read its check {check}",
                        hint=f"a check is {{'field': F, KIND: VALUE}} with KIND one of {', '.join(_CHECKS)}")
    return kinds[0]


def breaks(rule: dict[str, Any], event: dict[str, Any]) -> bool:
    """True when ``event`` breaks ``rule``'s machine check (False for a rule without one)."""
    kind = check_kind(rule)
    if kind is None:
        return False
    check = rule["check"]
    return _CHECKS[kind](check["field"], event.get(check["field"]), check[kind])


def machine_checked(rules: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rules split into those with a machine check and those only a reader can judge."""
    checked = [r for r in rules if check_kind(r) is not None]
    return checked, [r for r in rules if check_kind(r) is None]


def tolerated(gold: dict[str, Any], event: dict[str, Any]) -> bool:
    """True when ``event`` is one of the extra events the gold tolerates (by an entry with a ``match``)."""
    return any(all(_same(k, event.get(k), v) for k, v in t["match"].items())
               for t in gold.get("tolerated", []) if isinstance(t, dict) and "match" in t)


def unchecked_tolerations(gold: dict[str, Any]) -> list[str]:
    """Tolerated events written only as prose: a reader judges them, the scorer lists them."""
    return [t if isinstance(t, str) else str(t.get("description") or t.get("text") or t)
            for t in gold.get("tolerated", []) if not (isinstance(t, dict) and "match" in t)]
