"""monev: a register of public-service complaints and its yearly report."""

__version__ = "0.1.0"
