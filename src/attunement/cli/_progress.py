"""A progress bar on standard error for long commands (shown only on a terminal)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def progress(console: Any, total: int, what: str) -> Iterator[Callable[[int], None]]:
    """``with progress(err, n, "analysing") as advance: … advance(1)``; nothing is drawn when
    standard error is not a terminal, so piped output and logs stay clean."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (what, BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as bar:
        job = bar.add_task(what, total=total)
        yield lambda n: bar.advance(job, n)
