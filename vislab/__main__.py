"""``python -m vislab``: the same as the ``vislab`` command."""

import sys

from .cli import main

sys.exit(main())
