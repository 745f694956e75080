"""sitrep: conflict reports in, structured events out."""

__version__ = "0.1.0"
