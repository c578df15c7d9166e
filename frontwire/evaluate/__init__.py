"""Every score of frontwire against gold, and the quality gate that holds them (``floors.json``).

``frontwire eval`` runs the whole-pipeline scores and fails when one crosses its recorded bound: a floor for
scores that should be high, a ceiling for counts of mistakes. Scores may improve freely; loosening a bound is a
deliberate commit that says why. Modules, by what they score:

* ``seed`` one article against one gold file in the form of ``shared/gold/seed.json``, field by field;
* ``news`` a set of full news articles against their gold files: a table per article and the totals;
  both judge articles with ``article`` (pairing by ``matching``, ``must_not`` and ``tolerated`` by ``rules``);
* ``negatives`` events coded from articles where none should be; ``unlabeled`` a seeded draw of events from
  articles with no gold, for a person to read (``corpus`` runs the pipeline over articles for all of them);
* ``acled`` the whole pipeline on ACLED's notes, cross-validated; also the one ACLED reader and fold scheme;
* the stage scores, each runnable as ``python -m frontwire.evaluate.<module>``: ``places`` (geo alone),
  ``dates`` (dates alone) and ``extraction`` (extract alone) on the ACLED notes, ``feed`` (a general wire feed).
"""

from frontwire.evaluate.gate import Bound, check_floors, load_floors

__all__ = ["Bound", "check_floors", "load_floors"]
