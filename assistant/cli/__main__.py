"""`python -m assistant.cli …`, as the `lifelog` command."""

import sys

from .commands import main

sys.exit(main())
