"""The gazetteer loads lazily, merges imports, and reports its own size and speed."""

from __future__ import annotations

import subprocess
import sys


def test_importing_frontwire_geo_loads_no_gazetteer():
    code = ("import frontwire.geo, frontwire.geo.gazetteer as g, sys; "
            "sys.exit(1 if g._cache else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_bundled_gazetteer_ships_with_notice():
    from frontwire.geo.gazetteer import BUNDLED

    notice = (BUNDLED.parent / "NOTICE").read_text(encoding="utf-8")
    assert "GeoNames" in notice and "Who's On First" in notice and "CC BY" in notice
    assert BUNDLED.stat().st_size < 15_000_000


def test_countries_and_azerbaijani_rayons_are_spelt_as_geonames_ascii(gaz):
    names = {gaz.place(i).name for i in gaz.lookup("Azerbaijan") if gaz.place(i).kind == "country"}
    assert names == {"Azerbaijan"}
    rayons = {gaz.admin1_name("AZ", code) for code in ("14", "69", "43", "03", "65")}
    assert rayons == {"Jabrayil", "Zangilan", "Qubadli", "Agdam", "Khojavend"}


def test_get_gazetteer_is_cached_per_process(gaz):
    from frontwire.geo import get_gazetteer

    assert get_gazetteer("/nonexistent-frontwire-test-dir") is gaz


def test_benchmark_reports_load_time_speed_and_size():
    from frontwire.geo import benchmark

    result = benchmark(n=2000)
    assert result["entries"] > 250_000 and result["keys"] > 400_000
    assert result["load_s"] > 0 and result["lookups_per_s"] > 1000
    assert result["hits"] >= 1500  # every tenth name is misspelt on purpose


def test_bundled_keys_were_built_with_the_current_matching_rules():
    # Changing frontwire/geo/normalize.py without `python scripts/build_gazetteer.py` would make every load
    # recompute half a million keys.
    import gzip

    from frontwire.geo.gazetteer import BUNDLED
    from frontwire.geo.store import key_version

    with gzip.open(BUNDLED, "rt", encoding="utf-8") as handle:
        assert handle.readline().split()[1] == key_version()
