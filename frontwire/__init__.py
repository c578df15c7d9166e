"""frontwire: conflict news in, a sourced, geolocated, de-duplicated ledger of ACLED-coded events out."""

__version__ = "0.1.0"
