"""The bundled demo sessions: what they are, how they are made, and copying them out.

The files in ``sessions/`` are generated from the specs below and committed, so that a fresh
clone can run ``attune analyze`` on them at once. ``python -m attunement.demo.build`` writes them
again; a test checks that the committed files are exactly what the generator produces.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from attunement.demo.clients import CLIENTS, COACH
from attunement.demo.formats import render
from attunement.demo.generator import SessionSpec, generate_session
from attunement.errors import AttuneError

SESSIONS_DIR = Path(__file__).resolve().parent / "sessions"
README_NAME = "README.txt"
# Maya, Tom and Daniel are also the web demo's clients: the same world seeds keep the same people
# in their lives here (see CLIENTS in clients.py), and the session number places the file.
_WORLD_SEEDS = {name: seed for name, *_, seed in CLIENTS}
MAYA, TOM, DANIEL = (_WORLD_SEEDS[n] for n in ("Maya Lindqvist", "Tom Byrne", "Daniel Okafor"))


@dataclass(frozen=True, slots=True)
class Bundled:
    filename: str
    spec: SessionSpec
    fmt: str  # a key of formats.WRITERS
    about: str  # one line for the README


BUNDLED: tuple[Bundled, ...] = (
    Bundled(
        "maya-session-05-zoom.vtt",
        SessionSpec(505, COACH, "Maya Lindqvist", "good", 30, "confidence", MAYA, 4),
        "zoom-vtt",
        "Good connection, as Zoom exports it: open questions, reflections in Maya's own words, "
        "long client turns, change talk and a check on the relationship at the end.",
    ),
    Bundled(
        "daniel-session-02-teams.vtt",
        SessionSpec(202, COACH, "Daniel Okafor", "strained", 25, "delegation", DANIEL, 1),
        "teams-vtt",
        "Strained connection, as Microsoft Teams exports it: the coach sets the agenda, gives "
        "advice in monologues and asks closed, stacked, leading and why questions; Daniel "
        "answers briefly, says 'yes, but', doubts the coaching and gets talked over.",
    ),
    Bundled(
        "hour-long-session.srt",
        SessionSpec(74, COACH, "Priya Patel", "mixed", 65, "overload"),
        "srt",
        "About an hour and about 800 turns, as SRT subtitles: it starts well, strains in the "
        "middle when the coach takes over, and recovers after the coach names the strain.",
    ),
    Bundled(
        "tom-session-03-otter.txt",
        SessionSpec(303, COACH, "Tom Byrne", "good", 20, "career-change", TOM, 2),
        "otter-txt",
        "Good connection, in Otter's text layout (name and time on one line, words below).",
    ),
    Bundled(
        "amara-session-07.txt",
        SessionSpec(707, COACH, "Amara Mensah", "strained", 15, "conflict"),
        "plain-txt",
        "A short strained session as plain '[hh:mm:ss] Name: text' lines.",
    ),
    Bundled(
        "kenji-session-01.json",
        SessionSpec(101, COACH, "Kenji Nakamura", "good", 12, "new-lead"),
        "json",
        "A short first session with good connection, in Attunement's own JSON.",
    ),
)


def readme_text() -> str:
    lines = [
        "Attunement demo sessions",
        "========================",
        "",
        "Synthetic coaching sessions written by Attunement's generator (attunement.demo).",
        "Every word is invented; no real client, coach or dataset is behind them.",
        f"The coach in every session is {COACH}.",
        "",
        "Try:  attune analyze maya-session-05-zoom.vtt",
        "      attune analyze daniel-session-02-teams.vtt --html daniel.html",
        "",
    ]
    for item in BUNDLED:
        about = textwrap.wrap(item.about, 88, initial_indent="  ", subsequent_indent="  ")
        lines += [item.filename, *about, ""]
    return "\n".join(lines)


def bundled_texts() -> dict[str, str]:
    """Every bundled file's name and text, as the generator makes them now."""
    texts = {
        item.filename: render(generate_session(item.spec), item.fmt, seed=item.spec.seed)
        for item in BUNDLED
    }
    texts[README_NAME] = readme_text()
    return texts


def bundled_paths() -> list[Path]:
    """The committed demo files, README last."""
    return [SESSIONS_DIR / item.filename for item in BUNDLED] + [SESSIONS_DIR / README_NAME]


def write_demo_data(folder: Path, *, force: bool = False) -> list[Path]:
    """Copy the bundled sessions and their README into ``folder``; never overwrite unless
    ``force``. Returns the paths written."""
    if folder.exists() and not folder.is_dir():
        raise AttuneError(f"{folder} is a file, not a folder", "give a folder to write into")
    sources = bundled_paths()
    clashes = [folder / s.name for s in sources if (folder / s.name).exists()]
    if clashes and not force:
        raise AttuneError(
            f"{folder} already holds {len(clashes)} of the demo files ({clashes[0].name} …)",
            "pass --force to overwrite them, or choose another folder",
        )
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sources:
        target = folder / source.name
        target.write_bytes(source.read_bytes())
        written.append(target)
    return written


def regenerate(folder: Path = SESSIONS_DIR) -> list[Path]:
    """Write the bundled files from the generator (what ``python -m attunement.demo.build`` does)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in bundled_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main() -> None:
    for path in regenerate():
        print(f"{path.stat().st_size:>8} bytes  {path.name}")


if __name__ == "__main__":
    main()
