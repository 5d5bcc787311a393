"""The one conftest of the suite: shared fixtures and tiny hand-written transcripts.

Add fixtures in their own clearly headed section; keep transcripts short and written by us.
"""

from __future__ import annotations

import os

import pytest

# onnxruntime writes a device id and telemetry queue under ~/.cache unless told not to, and it
# reads this on import: set it before anything can import it.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the developer's real data folder."""
    if "ATTUNE_TEST_KEEP_DATA_DIR" not in os.environ:
        monkeypatch.setenv("ATTUNE_DATA_DIR", str(tmp_path_factory.mktemp("attune-data")))
    yield
