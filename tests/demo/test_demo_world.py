"""A demo client's world: the same people in every session, names that fit the relation, and
actions that move on from one session to the next."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

import pytest

from attunement.demo.clients import CLIENTS, COACH
from attunement.demo.generator import SessionSpec, generate_session
from attunement.demo.phrases import world as W
from attunement.relationship.commitments import find_commitments
from attunement.relationship.history import Party

# "My sister, Rosa", "A colleague, Ravi": how the client introduces the other person.
INTRODUCED = re.compile(
    r"\b((?i:" + "|".join(re.escape(r) for r in W.RELATIONS) + r")), ([A-Z]\w+)"
)
SESSIONS = 4


@cache
def series(name: str) -> tuple[str, ...]:
    """The first few sessions of one web-demo client, as clients.py makes them."""
    _, _, topic, _, _, _, _, seed = next(c for c in CLIENTS if c[0] == name)
    specs = (
        SessionSpec(seed * 100 + n + 1, COACH, name, "good", 12, topic, world_seed=seed, part=n)
        for n in range(SESSIONS)
    )
    return tuple(" ".join(t.text for t in generate_session(s).turns) for s in specs)


def people(text: str) -> set[tuple[str, str]]:
    return {(relation.lower(), name) for relation, name in INTRODUCED.findall(text)}


@pytest.mark.parametrize("name", [c[0] for c in CLIENTS])
def test_a_demo_client_names_the_same_person_in_every_session(name: str) -> None:
    met = set().union(*(people(text) for text in series(name)))
    assert len(met) == 1, met
    _, other = met.pop()
    assert all(other in text for text in series(name))


@pytest.mark.parametrize("relation", sorted(W.RELATION_NAMES))
def test_a_son_or_a_sister_gets_a_name_that_fits(relation: str) -> None:
    women = relation in ("my sister", "my mum", "my daughter")
    names = W.names_for(relation)
    assert names and all((n in W.WOMEN) == women for n in names)


@pytest.mark.parametrize("seed", range(40))
def test_every_generated_world_introduces_people_with_fitting_names(seed: int) -> None:
    text = " ".join(t.text for t in generate_session(SessionSpec(seed, COACH, "Sam Carter")))
    for relation, name in people(text):
        assert name in W.names_for(relation), (relation, name)


@pytest.mark.parametrize("name", [c[0] for c in CLIENTS])
def test_a_demo_clients_actions_move_on_from_one_session_to_the_next(name: str) -> None:
    _, _, topic, _, _, _, _, seed = next(c for c in CLIENTS if c[0] == name)
    actions = []
    for n in range(SESSIONS):
        spec = SessionSpec(
            seed * 100 + n + 1, COACH, name, "good", 12, topic, world_seed=seed, part=n
        )
        found = find_commitments(generate_session(spec))
        actions.append({f.text for f in found if f.owner == Party.CLIENT})
    assert all(actions)
    assert all(a != b for a, b in pairwise(actions))
    assert len(set().union(*actions)) >= SESSIONS
