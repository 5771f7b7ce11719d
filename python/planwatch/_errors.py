"""The planwatch exception hierarchy.

Every error raised by planwatch derives from :class:`PlanwatchError` and carries a stable
kebab-case ``code`` (the same code the Rust core uses). Errors about bad input also derive from
:class:`ValueError`, so ``except ValueError`` keeps working in generic code::

    PlanwatchError
    ├── ParseError(ValueError)        .input .start .end (code points) .code
    ├── QuantityError(ValueError)     .code   (inexact, overflow)
    │   └── UnitError                 .code   (incompatible-units, percent-vs-point, unknown-unit)
    ├── LoadError(ValueError)         .path .line .column .message .code == "load"
    ├── InvalidInputError(ValueError) .code == "invalid"
    └── ValidationError(ValueError)   .errors() -> list of dicts, .report

The Rust extension raises these classes; they live in Python so that they can have several
bases and keyword-rich constructors, and so that they pickle.
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = [
    "PlanwatchError",
    "ParseError",
    "QuantityError",
    "UnitError",
    "LoadError",
    "InvalidInputError",
    "ValidationError",
]


class PlanwatchError(Exception):
    """Base class of every planwatch error. ``code`` is a stable kebab-case identifier."""

    code: str = "error"

    def __init__(self, message: str, code: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __reduce__(self) -> Any:
        return (type(self), (self.message, self.code))

    def __str__(self) -> str:
        return self.message


class ParseError(PlanwatchError, ValueError):
    """A numeral, quantity or figure failed to parse.

    ``input`` is the string given; ``input[start:end]`` (code points) is the offending text.
    """

    def __init__(self, message: str, code: str, input: str, start: int, end: int) -> None:
        super().__init__(message, code)
        self.input = input
        self.start = start
        self.end = end

    def __reduce__(self) -> Any:
        return (type(self), (self.message, self.code, self.input, self.start, self.end))


class QuantityError(PlanwatchError, ValueError):
    """Quantity arithmetic or conversion failed (``inexact``, ``overflow``)."""


class UnitError(QuantityError):
    """Units that do not mix: different dimensions, percent vs percentage points, or an
    unknown unit code."""


class LoadError(PlanwatchError, ValueError):
    """Data failed to load. ``line`` and ``column`` are 1-based (0 when unknown); ``str()``
    is ``path:line:column: message`` (the position when known, ``<input>`` without a path)."""

    code = "load"

    def __init__(
        self, message: str, path: Optional[str] = None, line: int = 0, column: int = 0
    ) -> None:
        super().__init__(message, "load")
        self.path = path
        self.line = line
        self.column = column

    def __reduce__(self) -> Any:
        return (type(self), (self.message, self.path, self.line, self.column))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        return f"{where}: {self.message}"


class InvalidInputError(PlanwatchError, ValueError):
    """An argument that is not a valid value (a bad code, a non-finite decimal)."""

    code = "invalid"

    def __init__(self, message: str, code: str = "invalid") -> None:
        super().__init__(message, code)


class ValidationError(PlanwatchError, ValueError):
    """A validation report with errors, raised by ``ValidationReport.raise_for_errors()``."""

    code = "validation"

    def __init__(self, message: str, errors: list[dict[str, Any]]) -> None:
        super().__init__(message, "validation")
        self._errors = errors

    def errors(self) -> list[dict[str, Any]]:
        """Every error-severity issue as a dict: code, severity, path, message, …"""
        return [dict(e) for e in self._errors]

    def __reduce__(self) -> Any:
        return (type(self), (self.message, self._errors))
