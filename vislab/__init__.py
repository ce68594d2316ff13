"""vislab: a desktop lab for looking inside image classifiers."""

__version__ = "0.1.0"
