"""`python -m bot.staff`: the staff accounts CLI (bot/staff/cli.py)."""

import sys

from bot.staff.cli import main

sys.exit(main())
