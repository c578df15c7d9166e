"""Claimants: one source under its many spellings, and the side a claimant speaks for."""

from __future__ import annotations

import pytest

from frontwire.ledger.names import origin_key, side_of


@pytest.mark.parametrize("a,b", [
    ("Azerbaijani Defence Ministry", "Ministry of Defence of Azerbaijan"),
    ("Azerbaijan's Defense Ministry", "Ministry of Defense of Azerbaijan"),
    ("President Ilham Aliyev", "Aliyev"),
    ("Armenian MoD", "Ministry of Defence of Armenia"),
])
def test_spellings_of_one_source_share_an_origin(a: str, b: str) -> None:
    assert origin_key(a) == origin_key(b)


@pytest.mark.parametrize("a,b", [
    ("Ministry of Defence of Azerbaijan", "Ministry of Defence of Armenia"),
    ("Ministry of Defence of Azerbaijan", "Ministry of Foreign Affairs of Azerbaijan"),
    ("Anadolu Agency", "TRT World"),
])
def test_different_sources_have_different_origins(a: str, b: str) -> None:
    assert origin_key(a) != origin_key(b)


@pytest.mark.parametrize("claimant,side", [
    ("Ministry of Defence of Azerbaijan", "Azerbaijan"),
    ("Ilham Aliyev", "Azerbaijan"),
    ("Armenian Defence Ministry spokeswoman Shushan Stepanyan", "Armenia"),
    ("Shushan Stepanyan", "Armenia"),
    ("Artsakh Emergency Service", "Artsakh"),
    ("Russian Defence Ministry", "Russia"),
    ("Anadolu Agency", None),  # an outlet speaks for no party
    ("Armenpress", None),
    ("Reuters", None),
    (None, None),
])
def test_side_of_claimant(claimant: str | None, side: str | None) -> None:
    assert side_of(claimant) == side
