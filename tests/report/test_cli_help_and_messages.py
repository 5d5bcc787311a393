"""What a newcomer reads at the command line: usage lines, help texts and the encoder's messages.

Each test runs the real entry point (the `attune` fixture) and reads what a person would see.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _lexical_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTUNE_ENCODER", "off")


@pytest.fixture
def weights(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Weights that look installed (a folder), wherever the real package is or is not."""
    from attunement.analysis import encoder

    folder = tmp_path / "weights"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"weights")
    monkeypatch.setattr(encoder, "model_package_dir", lambda: folder)
    return folder


def test_the_usage_line_names_a_required_argument_as_the_docs_do(attune) -> None:
    code, _, err = attune("analyze")

    assert code == 2
    assert "Usage: attune analyze [OPTIONS] FILE" in err
    assert "{FILE}" not in err


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["analyze", "x.vtt", "--encoder", "maybe"], id="analyze"),
        pytest.param(["eval", "annomi", "x.csv", "--encoder", "maybe"], id="eval"),
    ],
)
def test_a_wrong_encoder_choice_names_the_choices_without_validator_jargon(attune, args) -> None:
    code, _, err = attune(*args)

    assert code == 2
    assert "Invalid value for '--encoder': 'maybe' is not one of 'auto', 'on', 'off'." in err
    assert "Value error" not in err


def test_eval_help_names_the_file_it_wants_and_where_to_read_about_it(attune) -> None:
    code, out, _ = attune("eval", "annomi", "--help")

    assert code == 0
    assert "PATH.csv" in out and "docs/evaluation.md" in out
    assert "<auto|on|off>" in out


def test_encoder_install_says_when_the_model_is_already_built(
    attune, weights, monkeypatch, tmp_path
) -> None:
    from attunement.analysis import encoder

    built = tmp_path / "models" / "encoder.onnx"
    built.parent.mkdir()
    built.write_bytes(b"x" * 2_000_000)
    monkeypatch.setattr(encoder, "model_path", lambda model_dir, data_dir: built)

    code, out, _ = attune("encoder", "install")

    assert code == 0
    assert out.strip() == f"Sentence encoder already built: {built} (2.0 MB); nothing to do."


def test_encoder_install_without_its_build_tools_names_them_and_the_fix(
    attune, weights, monkeypatch
) -> None:
    # A module set to None in sys.modules cannot be imported or found, as if not installed.
    monkeypatch.setitem(sys.modules, "onnx", None)

    code, out, err = attune("encoder", "install")

    assert (code, out) == (2, "")
    assert err.startswith("Error: Building the sentence encoder needs onnx, which is not installed")
    assert "pip install onnx" in err and "internal error" not in err


def test_encoder_status_says_what_to_install_before_the_model_can_be_built(
    attune, weights, monkeypatch
) -> None:
    monkeypatch.setitem(sys.modules, "safetensors", None)

    code, out, _ = attune("encoder", "status")

    assert code == 0
    assert "model: not built yet" in out
    assert "to build it, first: .venv/bin/pip install safetensors" in out


def test_serve_help_says_where_the_workspace_answers_and_where_its_data_lives(attune) -> None:
    code, out, _ = attune("serve", "--help")

    assert code == 0
    assert "http://127.0.0.1:8000" in out and "attune settings" in out


def test_reset_sign_in_help_says_which_workspace_it_acts_on(attune) -> None:
    code, out, _ = attune("reset-sign-in", "--help")

    assert code == 0
    assert "ATTUNE_DATA_DIR" in out and "attune demo" in out


def test_serve_says_where_to_open_the_workspace_and_how_to_stop_it(attune, monkeypatch) -> None:
    from attunement.web import server

    started: list[tuple[str, int]] = []
    monkeypatch.setattr(server, "setup_django", lambda: None)
    monkeypatch.setattr(server, "migrate", lambda: None)
    monkeypatch.setattr(server, "serve", lambda host, port, workers: started.append((host, port)))

    code, out, _ = attune("serve", "--port", "8123")

    assert code == 0 and started == [("127.0.0.1", 8123)]
    assert "Attunement workspace on http://127.0.0.1:8123/" in out
    assert "Open that address in your browser" in out and "Ctrl+C stops the server" in out


@pytest.mark.parametrize("command", ["serve", "demo"])
def test_a_port_in_use_is_one_sentence_with_another_port_before_anything_loads(
    attune, monkeypatch, tmp_path, command
) -> None:
    import socket

    from attunement.web import server

    monkeypatch.setenv("ATTUNE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(server, "setup_django", lambda: pytest.fail("must stop before Django"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        code, out, err = attune(command, "--port", str(port))

    assert (code, out) == (2, "")
    assert err.strip() == (
        f"Error: Port {port} on 127.0.0.1 is already in use (by another program, or by an "
        f"Attunement workspace still running); stop that program, or choose another port, "
        f"e.g. --port {port + 1}."
    )


def test_serve_on_an_address_that_is_not_this_machines_says_which_to_use(attune) -> None:
    code, _, err = attune("serve", "--host", "192.0.2.1", "--port", "8123")

    assert code == 2
    assert err.startswith("Error: 192.0.2.1 is not an address of this machine; use 127.0.0.1")


def test_a_layer_left_unread_by_only_says_so_instead_of_nothing_flagged(attune, tmp_path) -> None:
    session = tmp_path / "s.txt"
    session.write_text(
        "Ann: What would you like to look at today?\nBo: My sister and I argued again.\n",
        encoding="utf-8",
    )
    code, out, _ = attune("analyze", str(session), "--only", "talk", "--coach", "Ann")
    assert code == 0
    flat = " ".join(out.split())
    assert "some did not run" in flat and "Not asked for (--only)" in flat
    assert "not proof that all went well" not in flat
