"""Claims built by hand for the ledger's unit tests: what the reports in ``reports/`` assert, coded the way
the pipeline would code them, so the ledger is tested independently of extraction quality."""

from __future__ import annotations

from datetime import date

from frontwire.records import Claim, Loss, Span

D1, D2 = date(2020, 11, 1), date(2020, 11, 2)
PLACES = {
    # name: (admin1, lat, lon, place_id)
    "Milanli": ("Qubadli", 39.4891, 46.731, "wof:1"),
    "Ishigli": ("Qubadli", 39.401, 46.6587, "wof:2"),
    "Muradkhanli": ("Qubadli", 39.4544, 46.6264, "wof:3"),
    "Chaprand": ("Jabrayil", 39.3717, 47.1311, "wof:4"),
    "Dere Gilatagh": ("Zangilan", 39.1537, 46.6133, "wof:5"),
    "Boyuk Gilatagh": ("Zangilan", 39.1698, 46.6179, "wof:6"),
    "Aghdam": ("Aghdam", 39.991, 46.927, "wof:7"),
    "Zangilan": ("Zangilan", 39.084, 46.66, "wof:8"),
    "Stepanakert": ("Khankendi", 39.8153, 46.7519, "wof:9"),
}
AZ_FORCES, AM_FORCES = "Military Forces of Azerbaijan", "Military Forces of Armenia"
CAPTURE = ("Battles", "Government regains territory", "Political violence")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence")
SHOOTDOWN = ("Strategic developments", "Disrupted weapons use", "Strategic developments")


def make_claim(claim_id: str, doc_id: str, kind: tuple[str, str, str] = CAPTURE, place: str | None = "Milanli", *,
               day: date = D2, start: date | None = None, end: date | None = None, precision: int = 1,
               actor1: str | None = AZ_FORCES, actor2: str | None = AM_FORCES, claimed_by: str | None = None,
               chain: tuple[str, ...] = (), reported_by: str | None = None, modality: str = "asserted",
               fatalities: int | None = None, losses: tuple[Loss, ...] = (), evidence: str = "",
               admin1: str | None = None, confidence: float = 0.6) -> Claim:
    """A claim with the fields merging reads; ``place`` is a name of ``PLACES`` or None (district-level)."""
    if place is not None and place in PLACES:
        district, lat, lon, place_id = PLACES[place]
        location = place
    else:
        district, lat, lon, place_id, location = admin1, None, None, None, place or admin1
    country_of = {AZ_FORCES: "Azerbaijan", AM_FORCES: "Armenia"}
    return Claim(
        claim_id=claim_id, doc_id=doc_id, event_type=kind[0], sub_event_type=kind[1], disorder_type=kind[2],
        event_date=day, date_start=start or day, date_end=end or day, time_precision=1,
        actor1=actor1, actor1_country=country_of.get(actor1 or ""), actor2=actor2,
        actor2_country=country_of.get(actor2 or ""),
        country="Azerbaijan", admin1=admin1 or district, location=location, latitude=lat, longitude=lon,
        geo_precision=precision if place in PLACES else 2, place_id=place_id,
        fatalities=fatalities, losses=losses, claimed_by=claimed_by,
        claim_chain=chain + ((reported_by,) if reported_by and reported_by not in chain else ()),
        reported_by=reported_by, modality=modality,
        evidence=(Span(evidence, 0, len(evidence)),) if evidence else (), confidence=confidence,
    )


ALIYEV = "Ilham Aliyev"
AZ_MOD, AM_MOD = "Ministry of Defence of Azerbaijan", "Ministry of Defence of Armenia"
WIRE = "President Ilham Aliyev said the army had taken control of Milanli and Ishigli villages of Gubadli"


def seed_scenario() -> list[Claim]:
    """The claims of the ten reports in ``reports/seed_days.jsonl`` (1-2 November 2020).

    Expected merge (see ``test_merge.py``): Milanli (4 asserting claims, one origin, one denial),
    Ishigli (3 claims, one origin), Chaprand (4 claims, two origins), Aghdam shelling (both ministries,
    fatalities disputed), Su-25 shoot-down (denied by Armenia), Gosha Bulag (district-level, alone),
    Stepanakert shelling (Armenian claim, alone): 7 events from 19 claims.
    """
    grad = Loss("Armenia", "MLRS", "BM-21 Grad", 4, "destroyed")
    howitzers = Loss("Armenia", "artillery", "howitzer", 10, "destroyed")
    su25 = Loss("Armenia", "aircraft", "Su-25", 1, "shot down")
    drones = Loss("Azerbaijan", "drone", "UAV", 2, "shot down")
    aa = ("Anadolu Agency",)
    return [
        # aa-1: the agency wire quoting Aliyev and the Azerbaijani ministry
        make_claim("aa1-1", "aa-1", place="Milanli", claimed_by=ALIYEV, chain=(ALIYEV,) + aa, reported_by=aa[0],
                   evidence=WIRE),
        make_claim("aa1-2", "aa-1", place="Ishigli", claimed_by=ALIYEV, chain=(ALIYEV,) + aa, reported_by=aa[0],
                   evidence=WIRE),
        make_claim("aa1-3", "aa-1", place="Chaprand", claimed_by=ALIYEV, chain=(ALIYEV,) + aa, reported_by=aa[0]),
        # trt-1 and sabah-1: two outlets copying the wire
        make_claim("trt1-1", "trt-1", place="Milanli", claimed_by=ALIYEV, chain=(ALIYEV,) + aa, reported_by="TRT World",
                   evidence=WIRE),
        make_claim("trt1-2", "trt-1", place="Ishigli", claimed_by=ALIYEV, chain=(ALIYEV,) + aa, reported_by="TRT World"),
        make_claim("trt1-3", "trt-1", place="Chaprand", claimed_by=ALIYEV, chain=(ALIYEV,) + aa, reported_by="TRT World"),
        make_claim("sab1-1", "sabah-1", place="Milanli", claimed_by="President Ilham Aliyev", chain=aa,
                   reported_by="Daily Sabah", evidence=WIRE),
        make_claim("sab1-2", "sabah-1", place="Ishigli", claimed_by="Aliyev", reported_by="Daily Sabah"),
        make_claim("sab1-3", "sabah-1", place="Chaprand", claimed_by="Aliyev", reported_by="Daily Sabah"),
        # apa-1: an Azerbaijani outlet quoting the ministry (a second origin for Chaprand)
        make_claim("apa1-1", "apa-1", place="Chaprand", day=D1, start=D1, end=D2, claimed_by="Azerbaijani Defence Ministry",
                   reported_by="APA"),
        # azmod-1: the Azerbaijani ministry's own statement
        make_claim("azm1-1", "azmod-1", SHELLING, "Aghdam", day=D1, precision=2, actor1=AM_FORCES, actor2=AZ_FORCES,
                   claimed_by=AZ_MOD, reported_by=AZ_MOD, fatalities=30, losses=(grad, howitzers)),
        make_claim("azm1-2", "azmod-1", SHOOTDOWN, "Zangilan", day=D1, precision=2, actor1=AZ_FORCES, actor2=AM_FORCES,
                   claimed_by=AZ_MOD, reported_by=AZ_MOD, losses=(su25,)),
        # aa-2: the wire copying the ministry's losses
        make_claim("aa2-1", "aa-2", SHELLING, "Aghdam", day=D1, precision=2, actor1=AM_FORCES, actor2=AZ_FORCES,
                   claimed_by="Azerbaijan's Defense Ministry", chain=("Azerbaijan's Defense Ministry",) + aa,
                   reported_by=aa[0], losses=(grad,)),
        make_claim("azm2-1", "azmod-2", CAPTURE, None, admin1="Jabrayil", claimed_by=AZ_MOD, reported_by=AZ_MOD),
        # armod-1: the Armenian ministry denies Milanli and gives its own account of Aghdam
        make_claim("arm1-1", "armod-1", place="Milanli", claimed_by="Shushan Stepanyan", reported_by=AM_MOD,
                   modality="denied"),
        make_claim("arm1-2", "armod-1", SHELLING, "Aghdam", day=D1, precision=2, actor1=AZ_FORCES, actor2=AM_FORCES,
                   claimed_by=AM_MOD, reported_by=AM_MOD, fatalities=5, losses=(drones,)),
        make_claim("arm2-1", "armod-2", SHOOTDOWN, "Zangilan", day=D1, precision=2, claimed_by=AM_MOD,
                   reported_by=AM_MOD, modality="denied"),
        make_claim("arp1-1", "armenpress-1", SHELLING, "Stepanakert", day=D1, actor1=AZ_FORCES, actor2=None,
                   claimed_by="Artsakh Emergency Service", reported_by="Armenpress"),
        # reuters-1: an independent outlet relaying Aliyev's claim
        make_claim("reu1-1", "reuters-1", place="Milanli", claimed_by="Azerbaijani President Ilham Aliyev",
                   reported_by="Reuters"),
    ]
