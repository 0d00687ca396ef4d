"""Lets `python -m photoessay_desktop` behave exactly like the `photoessay` command."""

from photoessay_desktop.app.cli import main

raise SystemExit(main())
