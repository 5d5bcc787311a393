"""What analysers produce: markers tied to turns, metrics, per-turn labels, and the whole
versioned, JSON-serialisable ``SessionAnalysis``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 1


class Layer(StrEnum):
    """The layers of the connection framework that findings are grouped by."""

    SAFETY_TRUST = "safety_trust"
    RAPPORT = "rapport"
    LISTENING_INQUIRY = "listening_inquiry"
    OPENNESS = "openness"
    STRUCTURE = "structure"


@dataclass(frozen=True, slots=True)
class Marker:
    """One finding, pointing at the turns that produced it and the words that triggered it.

    ``note`` is phrased as an observation the coach can reflect on, never as a grade.
    ``notable`` marks the moments worth looking at again in the summary.
    """

    analyser: str
    kind: str
    turns: tuple[int, ...]
    note: str
    evidence: tuple[str, ...] = ()
    layer: Layer = Layer.LISTENING_INQUIRY
    notable: bool = False
    guide: str = ""  # id of the guide section that explains this kind of finding

    def to_dict(self) -> dict[str, Any]:
        return {
            "analyser": self.analyser,
            "kind": self.kind,
            "turns": list(self.turns),
            "note": self.note,
            "evidence": list(self.evidence),
            "layer": str(self.layer),
            "notable": self.notable,
            "guide": self.guide,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Marker:
        return cls(
            analyser=str(data["analyser"]),
            kind=str(data["kind"]),
            turns=tuple(int(i) for i in data["turns"]),
            note=str(data["note"]),
            evidence=tuple(str(e) for e in data.get("evidence", ())),
            layer=Layer(data.get("layer", Layer.LISTENING_INQUIRY)),
            notable=bool(data.get("notable", False)),
            guide=str(data.get("guide", "")),
        )


@dataclass(frozen=True, slots=True)
class AnalyserResult:
    """Everything one analyser found in one session.

    ``metrics`` holds JSON-ready numbers and small structures; ``turn_labels`` maps a turn
    index to that analyser's labels for the turn (for example its coach move).
    """

    name: str
    version: str
    metrics: Mapping[str, Any] = field(default_factory=dict)
    markers: tuple[Marker, ...] = ()
    turn_labels: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "metrics": dict(self.metrics),
            "markers": [m.to_dict() for m in self.markers],
            "turn_labels": [
                {"turn": index, **labels} for index, labels in sorted(self.turn_labels.items())
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AnalyserResult:
        labels = {
            int(row["turn"]): {k: v for k, v in row.items() if k != "turn"}
            for row in data.get("turn_labels", ())
        }
        return cls(
            name=str(data["name"]),
            version=str(data["version"]),
            metrics=dict(data.get("metrics") or {}),
            markers=tuple(Marker.from_dict(m) for m in data.get("markers", ())),
            turn_labels=labels,
        )


@dataclass(frozen=True, slots=True)
class SessionAnalysis:
    """The analysis of one session: each analyser's result, keyed by analyser name."""

    results: Mapping[str, AnalyserResult]
    mode: str = "lexical"  # "lexical" or "encoder": whether sentence meaning was available
    attunement_version: str = ""
    schema_version: int = SCHEMA_VERSION
    skipped: Mapping[str, str] = field(default_factory=dict)  # analyser name -> why it did not run

    @property
    def versions(self) -> dict[str, str]:
        return {name: r.version for name, r in self.results.items()}

    @property
    def markers(self) -> tuple[Marker, ...]:
        found = [m for r in self.results.values() for m in r.markers]
        return tuple(sorted(found, key=lambda m: (m.turns[0] if m.turns else -1, m.analyser)))

    def metrics(self, analyser: str) -> Mapping[str, Any]:
        result = self.results.get(analyser)
        return result.metrics if result else {}

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "attunement_version": self.attunement_version,
            "mode": self.mode,
            "analysers": self.versions,
            "results": {name: r.to_dict() for name, r in self.results.items()},
            "skipped": dict(self.skipped),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SessionAnalysis:
        return cls(
            results={n: AnalyserResult.from_dict(r) for n, r in data["results"].items()},
            mode=str(data.get("mode", "lexical")),
            attunement_version=str(data.get("attunement_version", "")),
            schema_version=int(data.get("schema_version", SCHEMA_VERSION)),
            skipped=dict(data.get("skipped") or {}),
        )
