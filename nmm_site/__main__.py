"""`python -m nmm_site` runs the CLI."""

import sys

from nmm_site.cli import main

sys.exit(main())
