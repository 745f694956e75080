"""Errors shared by every stage.

    SitrepError                     base of everything we raise on purpose
    ├── ConfigError                 a setting is missing or wrong (message names the setting)
    ├── ServiceError                a local stand-in would not start, stop or answer
    │   └── ServiceTimeout          it did not answer within the start-up timeout
    └── InvalidRecord               a message is not a valid wire record (goes to the DLQ)
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of all errors sitrep raises on purpose; the CLI prints them as one line."""


class ConfigError(SitrepError):
    """A setting is missing or wrong."""

    def __init__(self, message: str, setting: str | None = None) -> None:
        self.setting = setting
        super().__init__(f"{message} (setting: {setting})" if setting else message)


class ServiceError(SitrepError):
    """A local stand-in would not start, stop or answer."""


class ServiceTimeout(ServiceError):
    """A service did not answer in time."""

    def __init__(self, service: str, address: str, timeout_s: float) -> None:
        self.service, self.address, self.timeout_s = service, address, timeout_s
        super().__init__(f"{service} did not answer on {address} within {timeout_s:.0f}s")


class InvalidRecord(SitrepError):
    """A message is not a valid wire record."""

    def __init__(self, message: str, record_type: str = "") -> None:
        self.record_type = record_type
        super().__init__(message)
