"""Session analysis: analysers registered as plugins, run by a pipeline into a versioned,
JSON-serialisable ``SessionAnalysis``. Imports no Django."""

from attunement.analysis.model import AnalyserResult, Layer, Marker, SessionAnalysis

__all__ = ["AnalyserResult", "Layer", "Marker", "SessionAnalysis", "analyse"]


def analyse(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Shortcut for ``attunement.analysis.pipeline.analyse`` (imported on first call)."""
    from attunement.analysis.pipeline import analyse as run

    return run(*args, **kwargs)
