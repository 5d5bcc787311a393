"""`attune serve` really serves: migrations on start, Granian answering on the chosen port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _first_answer(url: str, deadline: float) -> tuple[int, dict[str, str]]:
    opener = urllib.request.build_opener(_NoRedirect)
    while True:
        try:
            with opener.open(url, timeout=2) as response:
                return response.status, dict(response.headers)
        except urllib.error.HTTPError as answer:  # 302 arrives here with redirects disabled
            return answer.code, dict(answer.headers)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_serve_migrates_a_new_data_folder_and_sends_the_first_visitor_to_setup(tmp_path):
    port = _free_port()
    env = {**os.environ, "ATTUNE_DATA_DIR": str(tmp_path), "ATTUNE_ENCODER": "off"}
    env.pop("DATABASE_URL", None)  # no configuration: the SQLite file in the data folder
    command = [sys.executable, "-m", "attunement", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        status, headers = _first_answer(f"http://127.0.0.1:{port}/", time.monotonic() + 60)
    finally:
        server.send_signal(signal.SIGINT)
        output = server.communicate(timeout=30)[0].decode(errors="replace")
    assert (status, headers.get("location")) == (302, "/setup/"), output
    assert headers.get("server") == "granian"
    assert "default-src 'self'" in headers["content-security-policy"]
    assert (tmp_path / "attunement.sqlite3").stat().st_size > 0
