"""Score frontwire against gold: the seed-style JSON gold (SCHEMA.md "How correctness is judged") and ACLED CSVs.

``frontwire eval GOLD...`` prints per-field scores and fails when one falls below its recorded floor
(``floors.json`` beside this file): scores may rise freely; lowering a floor is a deliberate commit that says why.
"""

from frontwire.evaluate.gate import check_floors, load_floors

__all__ = ["check_floors", "load_floors"]
