"""The supervision export as a PDF: the same items as the HTML file, laid out on A4 pages.

Client names, quotes and dashes need more than the 256 letters of the PDF core fonts, so the
text is set in DejaVu Sans when Debian's ``fonts-dejavu-core`` is installed (``scripts/system-deps``
installs it). Without it the PDF still comes out, in Helvetica with the text simplified to
Latin-1, and its cover says so: a missing font must never stop a coach's export.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from django.utils import dateformat, timezone
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import TTFFont

from attunement.library.export import ExportedSession

# Where Debian's fonts-dejavu-core puts its files; a module constant so tests can point it away.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FAMILY = "export"
BODY, SMALL = 10.5, 8.5
LINE = 5.2
INK, GREY = (31, 42, 51), (95, 103, 112)  # the HTML export's colours

# Typographic marks that Latin-1 lacks, written the plain way.
PLAIN_MARKS = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-", "•": "-"}
    | {"…": "...", "\u2009": " ", "\u202f": " ", "\u200b": ""}
)


def latin1(text: str) -> str:
    """Text the core fonts can show: plain marks, letters without their accents, else "?"."""
    shown = []
    for char in text.translate(PLAIN_MARKS):
        if ord(char) < 256:
            shown.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        shown.append(base or "?")
    return "".join(shown)


def font_files(folder: Path | None = None) -> dict[str, Path] | None:
    """The Unicode font's files by style, or None when one of them is missing."""
    paths = {style: (folder or FONT_DIR) / name for style, name in FONT_FILES.items()}
    return paths if all(p.is_file() for p in paths.values()) else None


class SupervisionPdf(FPDF):
    """An A4 document whose text goes through ``shown`` so no character can break it."""

    def __init__(self, fonts: dict[str, Path] | None) -> None:
        super().__init__(format="A4")
        self.unicode = fonts is not None
        self.replaced = 0  # characters the font has no letter for, shown as "?"
        for style, path in (fonts or {}).items():
            self.add_font(FAMILY, style, str(path))
        self.text_family = FAMILY if self.unicode else "helvetica"
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(20, 18, 20)

    def shown(self, text: str) -> str:
        text = text.replace("\r\n", "\n").replace("\t", " ")
        if not self.unicode:
            return latin1(text)
        font = self.current_font
        known = font.cmap if isinstance(font, TTFFont) else {}
        missing = {c for c in text if c != "\n" and ord(c) not in known}
        self.replaced += sum(text.count(c) for c in missing)
        return "".join("?" if c in missing else c for c in text)

    def write_line(self, text: str, *, size: float = BODY, bold: bool = False, **kw: Any) -> None:
        """One paragraph, wrapped to the page; ``indent`` in mm, ``grey`` for secondary text."""
        indent = kw.get("indent", 0.0)
        self.set_font(self.text_family, "B" if bold else "", size)
        self.set_text_color(*(GREY if kw.get("grey") else INK))
        self.set_x(self.l_margin + indent)
        height = LINE * size / BODY
        self.multi_cell(
            self.epw - indent, height, self.shown(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(self.text_family, "", SMALL)
        self.set_text_color(*GREY)
        line = f"Confidential, for supervision  ·  page {self.page_no()} of {{nb}}"
        self.cell(0, 5, self.shown(line), align="C")


def _day(moment: Any, pattern: str = "j F Y") -> str:
    return dateformat.format(timezone.localtime(moment), pattern)


def _summary_line(item: ExportedSession) -> str:
    session = item.session
    return (
        f"{item.label}  ·  {_day(session.when)}  ·  {session.minutes} minutes  ·  "
        f"{session.get_format_display()}"
    )


def write_cover(pdf: SupervisionPdf, items: list[ExportedSession], coach: str, names: bool) -> None:
    pdf.add_page()
    pdf.write_line("Sessions for supervision", size=20, bold=True)
    pdf.ln(3)
    pdf.write_line(f"Prepared by {coach}, exported {_day(timezone.now())}.")
    pdf.write_line(f"{len(items)} session{'s' if len(items) != 1 else ''} chosen:")
    for item in items:
        pdf.write_line(f"•  {_summary_line(item)}", indent=4)
    pdf.ln(3)
    who = (
        "Clients appear by name, as you asked."
        if names
        else "Clients appear as Client A, Client B and so on; their names are left out."
    )
    pdf.write_line(who, grey=True)
    pdf.write_line(
        "Every client here has consented to the analysis of their sessions. Keep this file "
        "with your supervision notes and delete it when you no longer need it.",
        grey=True,
    )
    if not pdf.unicode:
        pdf.write_line(
            "Note: the Unicode font (Debian package fonts-dejavu-core) is not installed on the "
            "server, so accents, quotes and non-Latin letters are simplified here. The HTML "
            "export shows them exactly.",
            bold=True,
        )


def write_findings(pdf: SupervisionPdf, item: ExportedSession) -> None:
    pdf.write_line("Findings", size=12, bold=True)
    if not item.layers:
        pdf.write_line("The analysis found nothing to point out.", grey=True)
    for title, groups in item.layers:
        pdf.write_line(title, bold=True)
        for line in (line for group in groups for line in group.lines):
            turns = f" ({line.turns_label})" if line.turns_label else ""
            pdf.write_line(f"•  {line.note}{turns}", bold=line.notable, indent=4)


def write_reflections(pdf: SupervisionPdf, item: ExportedSession) -> None:
    pdf.write_line("My reflections", size=12, bold=True)
    if not item.entries:
        pdf.write_line("No journal entry about this session.", grey=True)
    for entry in item.entries:
        pdf.write_line(_day(entry.created, "j M Y"), grey=True)
        pdf.write_line(entry.text, indent=4)
        pdf.ln(1)


def write_transcript(pdf: SupervisionPdf, item: ExportedSession) -> None:
    pdf.write_line("Transcript", size=12, bold=True)
    for turn in item.turns:
        # the client's own name stays out unless the coach asked for names: the label stands in
        speaker = item.label if turn.role == "client" else turn.speaker
        pdf.write_line(f"{turn.index + 1}. {speaker}: {turn.text}")


WITHHELD = "Transcript left out: the client's consent in force no longer covers transcription."


def write_session(pdf: SupervisionPdf, item: ExportedSession) -> None:
    pdf.add_page()
    session = item.session
    pdf.write_line(f"{item.label}  ·  {_day(session.when)}", size=15, bold=True)
    pdf.write_line(
        f"{session.minutes} minutes  ·  {session.get_format_display()}  ·  "
        f"phase: {session.engagement.phase}",
        grey=True,
    )
    pdf.ln(2)
    if item.figures:
        pdf.write_line("Key figures", size=12, bold=True)
        for fact in item.figures:
            pdf.write_line(f"{fact.label}: {fact.value}", indent=4)
        pdf.ln(2)
    write_findings(pdf, item)
    pdf.ln(2)
    write_reflections(pdf, item)
    if item.transcript_withheld:
        pdf.ln(2)
        pdf.write_line(WITHHELD, grey=True)
    if item.turns:
        pdf.ln(2)
        write_transcript(pdf, item)


def render_pdf(items: list[ExportedSession], *, coach: str, names: bool) -> bytes:
    """The PDF of the export items (built by ``export.export_items``, which checks consent)."""
    pdf = SupervisionPdf(font_files())
    pdf.set_title("Sessions for supervision")
    pdf.set_creator("Attunement")
    write_cover(pdf, items, coach, names)
    for item in items:
        write_session(pdf, item)
    if pdf.replaced:
        pdf.ln(4)
        pdf.write_line(
            f"Note: {pdf.replaced} character(s) have no letter in the font used here and show "
            "as ?. The HTML export shows them exactly.",
            grey=True,
        )
    return bytes(pdf.output())
