"""What the session page shows: findings grouped by layer and kind, tags on the right turns."""

from __future__ import annotations

from attunement.analysis.model import AnalyserResult, Layer, Marker, SessionAnalysis
from attunement.practice import presenters


def _analysis(*markers: Marker) -> SessionAnalysis:
    return SessionAnalysis(results={"x": AnalyserResult("x", "1", markers=markers)})


def _conversation(n: int) -> dict:
    return {
        "turns": [{"index": i, "speaker": "A", "role": "coach", "text": f"t{i}"} for i in range(n)]
    }


def test_findings_are_grouped_by_layer_in_framework_order_and_by_kind():
    views = presenters.marker_views(
        _analysis(
            Marker("x", "stacked", (1,), "n1", layer=Layer.LISTENING_INQUIRY),
            Marker("x", "stacked", (3,), "n2", layer=Layer.LISTENING_INQUIRY),
            Marker("x", "permission", (2,), "n3", layer=Layer.SAFETY_TRUST, notable=True),
        )
    )
    layers = presenters.findings_by_layer(views)
    assert [title for title, _ in layers] == ["Safety and trust", "Listening and inquiry"]
    assert [(g.kind, len(g.views)) for g in layers[1][1]] == [("stacked", 2)]


def test_a_finding_tags_each_of_its_turns_but_a_long_stretch_only_where_it_begins():
    views = presenters.marker_views(
        _analysis(
            Marker("x", "echo", (2, 4), "short"),
            Marker("x", "stretch", tuple(range(5, 25)), "long"),
        )
    )
    turns = presenters.turn_views(_conversation(30), views)
    tagged = {t.index: [v.marker.kind for v in t.findings] for t in turns if t.findings}
    assert tagged == {2: ["echo"], 4: ["echo"], 5: ["stretch"]}


def test_a_long_list_of_turns_shows_the_first_few_and_how_many_more():
    view = presenters.marker_views(_analysis(Marker("x", "k", tuple(range(10)), "n")))[0]
    assert view.shown_turns == [1, 2, 3, 4, 5, 6] and view.more_turns == 4


def test_findings_saying_the_same_thing_become_one_sentence_with_all_their_turns():
    same = "The coach shared something of their own here."
    views = presenters.marker_views(
        _analysis(
            Marker("x", "self_disclosure", (6,), same, layer=Layer.RAPPORT),
            Marker("x", "self_disclosure", (8,), "Another remark.", layer=Layer.RAPPORT),
            Marker("x", "self_disclosure", (12,), same, layer=Layer.RAPPORT),
        )
    )
    group = presenters.findings_by_layer(views)[0][1][0]
    assert [(line.note, [v.number for v in line.views]) for line in group.lines] == [
        (same, [1, 3]),
        ("Another remark.", [2]),
    ]
    assert group.lines[0].turns_label == "turns 7, 13"


def test_a_notable_finding_keeps_its_own_line_beside_the_same_sentence_unmarked():
    views = presenters.marker_views(
        _analysis(Marker("x", "k", (1,), "Same."), Marker("x", "k", (2,), "Same.", notable=True))
    )
    lines = presenters.findings_by_layer(views)[0][1][0].lines
    assert [(line.notable, line.single) for line in lines] == [(False, True), (True, True)]
