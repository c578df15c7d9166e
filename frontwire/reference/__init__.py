"""Reference tables every stage shares: countries, state-force periods, armed groups, people, outlets, who
fights whom, and the month, weekday and number words, with the one text fold their lookups use.

    fold         the fold: lowercase, transliterate, strip diacritics and punctuation
    files        how a table is written: tab-separated rows, ``|`` between spellings
    countries    names, adjectives, other names; lookups by any spelling
    actors       armed groups (groups.json) and the periods of a state's forces (periods.tsv)
    people       office holders and the party they speak for
    outlets      news outlets, and the party whose own outlet each is
    sides        adversaries and allies (sides.tsv)
    vocabulary   months, weekdays, number words and their values (constants)
    tables       all tables together, loaded once per user folder: ``reference()``

The tables are read when first asked for, never at import time; a user folder (the ``reference_dir``
setting, ``$FRONTWIRE_REFERENCE_DIR``) extends every one of them.
"""

from frontwire.reference.actors import Group
from frontwire.reference.countries import Country
from frontwire.reference.fold import fold
from frontwire.reference.outlets import Outlet
from frontwire.reference.people import Person
from frontwire.reference.sides import Sides
from frontwire.reference.tables import PACKAGED_DIR, Reference, reference, reference_key, use_reference_dir

__all__ = ["PACKAGED_DIR", "Country", "Group", "Outlet", "Person", "Reference", "Sides", "fold", "reference",
           "reference_key", "use_reference_dir"]
