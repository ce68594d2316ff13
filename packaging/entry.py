"""The frozen application's entry point (build_app.spec): one executable for the window and the commands.

``vislab`` and ``vislab photo.jpg`` open the window, ``vislab classify ...`` runs a command: the same
:func:`vislab.cli.main` the installed console script calls.
"""

import multiprocessing
import sys

from vislab.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a worker process started by a library runs its task, not vislab
    sys.exit(main())
