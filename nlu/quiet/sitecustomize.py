"""Loaded by the Rasa server that `make run` starts (its PYTHONPATH names this folder): the
deprecation warnings of Rasa's pinned dependencies are dropped from the log, everything else
still shows. Rasa replaces the warning filters while it starts, so PYTHONWARNINGS alone does
not silence them."""

import warnings
from typing import TextIO

QUIET = (DeprecationWarning, PendingDeprecationWarning, FutureWarning)
_show = warnings.showwarning


def _show_unless_quiet(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    if not issubclass(category, QUIET):
        _show(message, category, filename, lineno, file, line)


warnings.showwarning = _show_unless_quiet
