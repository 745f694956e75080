"""Errors of event extraction.

ExtractError                    base (a sitrep.errors.SitrepError)
├── InvalidReportLine           a `sitrep extract` input line is not a report (names the line)
└── EvaluationDataMissing       an evaluation needs a file under ../shared that is absent
"""

from __future__ import annotations

from sitrep.errors import SitrepError


class ExtractError(SitrepError):
    """Base of the extraction errors."""


class InvalidReportLine(ExtractError):
    """An input line of `sitrep extract` is not valid JSON or not a report."""

    def __init__(self, line_number: int, reason: str) -> None:
        self.line_number, self.reason = line_number, reason
        super().__init__(f"input line {line_number} is not a report: {reason}")


class EvaluationDataMissing(ExtractError):
    """An evaluation file (third-party data kept in ../shared) is not there."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"evaluation data not found: {path} (the shared data directory is needed)")
