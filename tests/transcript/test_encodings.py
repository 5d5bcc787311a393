"""Bytes as exporters write them: UTF-8 with and without BOM, UTF-16, Windows-1252, CRLF, CR."""

from __future__ import annotations

import codecs

import pytest

from attunement.transcript import decode, read_bytes

TEXT = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nRenée: Où en êtes-vous – vraiment?\n\n2\n00:00:03.000 --> 00:00:05.000\nBo: Somewhere “between”.\n"
EXPECTED = [("Renée", "Où en êtes-vous – vraiment?"), ("Bo", "Somewhere “between”.")]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(TEXT.encode("utf-16"), id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(TEXT.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(TEXT.encode("cp1252"), id="windows-1252"),
        pytest.param(TEXT.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(TEXT.replace("\n", "\r").encode("utf-8"), id="cr-only"),
    ],
)
def test_every_common_encoding_and_line_end_reads_the_same_words(data):
    conversation = read_bytes(data, "session.vtt", coach="Renée")

    assert [(t.speaker, t.text) for t in conversation.turns] == EXPECTED


def test_windows_1252_is_recognised_even_when_the_first_odd_byte_comes_late(monkeypatch):
    monkeypatch.setattr(decode, "CHUNK_BYTES", 16)
    data = TEXT.replace("Renée", "Rene").encode("cp1252")

    conversation = read_bytes(data, "session.vtt")

    assert conversation.turns[0].text == "Où en êtes-vous – vraiment?"


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64])
def test_line_ends_and_characters_split_across_chunks_are_put_back_together(monkeypatch, chunk):
    monkeypatch.setattr(decode, "CHUNK_BYTES", chunk)
    data = TEXT.replace("\n", "\r\n").encode("utf-8")

    conversation = read_bytes(data, "session.vtt")

    assert [(t.speaker, t.text) for t in conversation.turns] == EXPECTED


MIXED = "Ann: Where shall we start – today?\nBo: With my café, I think.\n"


def test_a_file_mixing_utf8_and_windows_1252_keeps_both_kinds_of_character():
    # The dash was saved as UTF-8, the accent later by an editor writing Windows-1252.
    data = MIXED.replace("café", "caf\udce9").encode("utf-8", "surrogateescape")

    conversation = read_bytes(data, "session.txt", coach="Ann")

    assert [t.text for t in conversation.turns] == [
        "Where shall we start – today?",
        "With my café, I think.",
    ]
