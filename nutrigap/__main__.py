"""``python -m nutrigap``: the command line interface."""

from nutrigap.cli import main

raise SystemExit(main())
