"""``python -m frontwire``: the same command line as ``frontwire``."""

from frontwire.cli.main import main

raise SystemExit(main())
