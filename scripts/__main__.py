"""`python -m scripts` runs the CLI."""

import sys

from scripts.cli import main

sys.exit(main())
