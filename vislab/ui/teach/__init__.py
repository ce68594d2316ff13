"""The Teach panel: class bins, training settings, live curves and results (see :class:`TeachPanel`)."""
