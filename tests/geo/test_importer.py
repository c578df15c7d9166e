"""`frontwire gazetteer import`: dumps of the user's own extend the gazetteer; bad ones change nothing."""

from __future__ import annotations

import argparse
import json
import random

import pytest

from frontwire.config import Settings
from frontwire.errors import GazetteerError
from frontwire.geo.gazetteer import Gazetteer, get_gazetteer
from frontwire.geo.importer import import_gazetteer
from frontwire.records import Document, EventFrame, Span

SYLLABLES = ["zor", "vat", "khel", "mun", "dar", "qib", "lev", "sor", "tav", "nil", "parq", "oz", "yub", "rask"]


def _invented_names(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < n:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + "ovka")
    return sorted(names)


def _geonames_row(gid, name, lat, lon, fclass="P", fcode="PPL", cc="AZ", a1="14", a2="", alt="", pop=700):
    ascii_name = name.replace("ı", "i")
    return "\t".join([str(gid), name, ascii_name, alt, f"{lat:.5f}", f"{lon:.5f}", fclass, fcode, cc, "", a1, a2,
                      "", "", str(pop), "", "900", "Asia/Baku", "2024-01-01"])


@pytest.fixture()
def dump(tmp_path):
    """A GeoNames country dump of a few hundred invented villages, one ADM2 district among them."""
    names = _invented_names(300)
    rows = [_geonames_row(90_000_000, "Qarvandiz District", 39.30, 46.90, "A", "ADM2", a2="777", pop=0)]
    for k, name in enumerate(names):
        rows.append(_geonames_row(90_000_001 + k, name, 39.2 + k / 1000, 46.8 + k / 2000, a2="777",
                                  alt=name.upper() + "," + name.replace("ovka", "ovca")))
    path = tmp_path / "XZ.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path, names


def test_imported_geonames_places_are_found_after_import(dump, tmp_path):
    path, names = dump
    into = tmp_path / "gaz"
    report = import_gazetteer([path], into)
    assert list(report.written.values()) == [301]
    gaz = Gazetteer.load(sorted(into.glob("*.tsv.gz")))
    for name in names[:50]:
        hits = [gaz.place(i) for i in gaz.lookup(name)]
        assert any(p.name == name and p.cc == "AZ" and p.admin1 == "14" and p.admin2 == "Qarvandiz District"
                   for p in hits)
    # an alternate spelling from the dump's own alternatenames column
    assert gaz.lookup(names[0].replace("ovka", "ovca"))


def test_imported_places_merge_with_the_bundled_gazetteer_and_resolve_in_text(dump, tmp_path):
    path, names = dump
    into = tmp_path / "gaz"
    import_gazetteer([path], into)
    gaz = get_gazetteer(str(into))
    assert gaz.lookup("Jabrayil")  # the bundled entries are still there
    text = f"Azerbaijani forces took {names[7]} in Jabrayil district on Monday."
    frame = EventFrame(event_type="Battles", sub_event_type="Government regains territory",
                       disorder_type="Political violence", anchor=Span(text, 0, len(text)),
                       country_hints=("Azerbaijan",))
    place = resolve_event_place_for(frame, text, gaz)
    assert place.location == names[7] and place.geo_precision == 1
    assert place.place_id == "geonames:90000008" and place.admin1 == "Jabrayil"


def resolve_event_place_for(frame, text, gaz):
    from frontwire.geo import resolve_event_place

    return resolve_event_place(frame, Document(id="t", text=text), gaz)


def test_malformed_dump_is_refused_with_its_line_number_and_nothing_written(dump, tmp_path):
    path, _ = dump
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[41] = "\t".join(lines[41].split("\t")[:12])  # a truncated row on line 42
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    into = tmp_path / "gaz"
    with pytest.raises(GazetteerError, match=r"XZ\.txt:42: expected 19 tab-separated columns, found 12"):
        import_gazetteer([path], into)
    assert not into.exists() or not any(into.iterdir())


def test_failed_reimport_leaves_the_previous_import_in_place(dump, tmp_path):
    path, _ = dump
    into = tmp_path / "gaz"
    import_gazetteer([path], into)
    before = (into / "XZ.tsv.gz").read_bytes()
    lines = path.read_text(encoding="utf-8").splitlines()
    cols = lines[9].split("\t")
    cols[4] = "north"
    lines[9] = "\t".join(cols)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r":10: latitude/longitude"):
        import_gazetteer([path], into)
    assert (into / "XZ.tsv.gz").read_bytes() == before
    assert [p.name for p in into.iterdir()] == ["XZ.tsv.gz"]  # no temporary file left behind


def test_alternate_names_file_adds_spellings_to_its_dump(dump, tmp_path):
    path, names = dump
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text("1\t90000003\ten\tPort Zembla\t\t\t\t\t\t\n2\t90000003\tlink\thttps://x\t\t\t\t\t\t\n",
                   encoding="utf-8")
    into = tmp_path / "gaz"
    import_gazetteer([path, alt], into)
    gaz = Gazetteer.load(sorted(into.glob("*.tsv.gz")))
    assert [gaz.ids[i] for i in gaz.lookup("Port Zembla")] == ["geonames:90000003"]


def test_alternate_names_alone_are_refused(tmp_path):
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text("1\t90000003\ten\tPort Zembla\t\t\t\t\t\t\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="needs the GeoNames dump"):
        import_gazetteer([alt], tmp_path / "gaz")


def test_wof_tsv_and_geojson_exports_are_imported(tmp_path):
    header = ("wof_id\tplacetype\tname\tlatitude\tlongitude\tcountry\tparent_id\tregion\tcounty\tlocaladmin\tgn_id\t"
              "wd_id\tis_current\tdeprecated\tsuperseded_by\tnames_eng\tnames_aze\tnames_hye\tnames_rus\tnames_other")
    row = "\t".join(["123", "locality", "Qizilbelovka", "39.4", "46.7", "AZ", "1", "Qubadli", "", "", "", "", "-1",
                     "", "", "", "Qızılbelovka", "", "", "und:Kyzylbelovka"])
    tsv = tmp_path / "wof_extra.tsv"
    tsv.write_text(header + "\n" + row + "\n", encoding="utf-8")
    feature = {"type": "Feature", "properties": {
        "wof:id": 456, "wof:name": "Sarnavetsk", "wof:placetype": "locality", "geom:latitude": 40.9,
        "geom:longitude": 45.1, "wof:country": "AM", "name:hye_x_preferred": ["Սառնավեցկ"]},
        "geometry": {"type": "Point", "coordinates": [45.1, 40.9]}}
    geojson = tmp_path / "sarnavetsk.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    into = tmp_path / "gaz"
    import_gazetteer([tsv, geojson], into)
    gaz = Gazetteer.load(sorted(into.glob("*.tsv.gz")))
    hit = gaz.place(gaz.lookup("Kizilbelovka")[0])
    assert (hit.id, hit.admin1) == ("wof:123", "43")  # the region name became GeoNames admin1 AZ.43 Qubadli
    assert [gaz.ids[i] for i in gaz.lookup("Sarnavetsk")] == ["wof:456"]


def test_wof_row_with_bad_coordinates_is_refused_with_its_line(tmp_path):
    tsv = tmp_path / "wof_bad.tsv"
    tsv.write_text("wof_id\tplacetype\tname\tlatitude\tlongitude\tcountry\n1\tlocality\tA\t1\t2\tAZ\n"
                   "2\tlocality\tB\tx\t2\tAZ\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"wof_bad\.tsv:3: latitude/longitude"):
        import_gazetteer([tsv], tmp_path / "gaz")


def test_cli_import_exit_codes(dump, tmp_path):
    from frontwire.cli import gazetteer as cli

    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers(dest="command"))
    path, _ = dump
    settings = Settings(gazetteer_dir=str(tmp_path / "from-settings"))
    args = parser.parse_args(["gazetteer", "import", str(path)])
    assert args.func(args, settings) == 0
    assert (tmp_path / "from-settings" / "XZ.tsv.gz").exists()
    args = parser.parse_args(["gazetteer", "import", str(tmp_path / "missing.txt"), "--into", str(tmp_path / "o")])
    assert args.func(args, settings) == 1
    args = parser.parse_args(["gazetteer"])
    assert args.func(args, settings) == 2


def test_one_bad_dump_among_several_imports_none_of_them(dump, tmp_path):
    path, _ = dump
    bad = tmp_path / "YY.txt"
    bad.write_text(_geonames_row(91_000_000, "Qorvanid", 40.0, 45.0) + "\nnot\ta\tgeonames\trow\n", encoding="utf-8")
    into = tmp_path / "gaz"
    with pytest.raises(GazetteerError, match=r"YY\.txt:2: expected 19"):
        import_gazetteer([path, bad], into)
    assert not into.exists() or not any(into.iterdir())


def test_extraction_reads_the_gazetteer_it_is_handed_not_only_the_packaged_one(dump, tmp_path):
    from frontwire.extract import extract_frames
    from frontwire.nlp import parse_one

    path, names = dump
    into = tmp_path / "gaz"
    import_gazetteer([path], into)
    text = f"Protesters clashed with police in {names[11]} on Saturday, throwing stones at officers."
    document = Document(id="t", text=text)
    # no country is named: the places named decide, through the gazetteer extraction is handed
    handed = extract_frames(document, parse_one(text), gazetteer=get_gazetteer(str(into)), use_packaged=False)
    packaged = extract_frames(document, parse_one(text), use_packaged=False)
    assert handed and "Azerbaijan" in handed[0].country_hints
    assert not packaged or "Azerbaijan" not in packaged[0].country_hints
