"""Commitments said aloud in a session: the coach's promises and the client's own actions.

Precision comes before recall: a coach confirms every candidate, so each false one costs
attention. The patterns (documented with examples in docs/followup.md):

1. A sentence by the coach or the client that *starts* (after fillers such as "so", "okay")
   with a first-person future: "I'll", "I will", "I'm going to", "I am going to", "I'm gonna",
   "I plan to", "I promise to", "I commit to" — or with a time phrase and then one of those
   ("This week I'll ...", "By Friday, I will ...").
   A hedge in front ("Maybe I'll ...", "I think I'll ...", "If ... I'll") is not a commitment.
2. What follows must be an action: the next word is not a speech act, a state or a vow without
   content ("I'll be honest", "I'll take that on board", "I'll think about it", "I'll do my
   best", "I'll keep smoking"), nor a hedge ("I'll probably ...", "I'll perhaps ..."), and its
   object is not a bare pronoun ("I'll do that", "I'll put it in the diary", "I'll look into
   that tomorrow"): without its referent the card would mean nothing a week later. Vows
   without an action ("I'll take your advice", "I'll try again", "I'll stay positive") and
   things done "now" or "right away" are left out too.
3. The coach's promises are things delivered after the session, so the coach's verb must be one
   of a short list (send, email, forward, look up, find, check, book, call, prepare, share the
   ..., follow up, introduce, arrange, read ...). "I'm going to ask you ...", "I'll show you
   this sheet" describe the next minute of the session, not a promise.
4. The coach's directives to the client ("You should ...", "I want you to ...") are not the
   client's commitments: only the client's own words count for the client. Quoted speech
   ("I said, 'I'll get some later'") reports; it does not commit.
5. A due hint is the last date phrase in the sentence (see ``attunement.relationship.dates``).
6. The same action said twice in a session is one commitment: the last saying wins (its date
   is the one agreed). Verbs that get something to someone (send, email, forward, share ...)
   count as one verb, so "I'll send you the workbook" and later "I'll email you the workbook"
   are one promise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from attunement.relationship.dates import DUE_PATTERN, find_due
from attunement.relationship.history import Party
from attunement.relationship.phrases import clip, normalised, sentences, without_fillers
from attunement.transcript.model import Conversation, Role, Turn

FUTURE = (
    r"I'll|I will|I'm going to|I am going to|I'm gonna|I plan to|I promise to|I commit to"
    r"|I'm committing to"
)
LEAD_TIME = r"(?:this week|next week|tomorrow|tonight|today|by \w+|before \w+|on \w+)"
OPENING = re.compile(rf"^(?:{LEAD_TIME},?\s+)?(?:{FUTURE})\s+(?P<rest>.+)$", re.IGNORECASE)
# First words after "I'll" that make a remark, not an action.
NOT_ACTIONS = re.compile(
    r"^(?:be|take that|take it|take this|think|see|say|admit|tell you (?:what|something)"
    r"|leave (?:it|that|you)|stop (?:you|there)|keep (?:that|it) in mind|bear|let you|need|have to"
    r"|try and see|never|always|wait|do anything|do whatever|do my best|try my best"
    r"|take an interest|keep \w+ing|start with|go with|get some|take your|try your|try again"
    r"|try (?:really )?hard|stay positive|keep trying|forget|exit|eventually|go get)\b",
    re.IGNORECASE,
)
# Words between "I'll" and the verb that change nothing ("I'll definitely call") or hedge it.
ADVERBS = re.compile(r"^(?:(?:definitely|really|also|actually|then|just|certainly|absolutely)\s+)+")
HEDGES = re.compile(r"^(?:maybe|perhaps|probably|possibly|try and|hopefully)\b", re.IGNORECASE)
# The coach's promises are deliverables after the session, not what they do next in the room
# ("I'm going to ask you ...", "I'll show you this sheet"): only these verbs count for the coach.
COACH_VERBS = re.compile(
    r"^(?:send|email|e-mail|forward|post|look (?:up|into)|find|dig out|check|research|book"
    r"|call|ring|phone|text|write (?:to|up)|put together|prepare|bring|follow up|get back to"
    r"|introduce|connect you|share (?:the|a|an|my|some|that)|ask (?!you\b)|confirm|arrange"
    r"|set up|reschedule|read)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"[\"“”]")
BARE_OBJECT = re.compile(
    r"^\w+ (?:it|that|this|them|so)\b"
    r"|^\w+(?: \w+){0,2} (?:it|that|this|them)(?: out| up| over| more)?(?: for sure| again)?$",
    re.IGNORECASE,
)
IMMEDIATE = re.compile(r"\b(?:now|right away|straight away)$", re.IGNORECASE)
# "..., and I'll do it on Monday": the date clause after the action.
DATE_CLAUSE = re.compile(r",?\s+and (?:I'll|I will) do (?:it|that)\b.*$", re.IGNORECASE)
# Ways of getting something to the other person: one verb for spotting the same promise twice.
DELIVER = re.compile(
    r"^(?:send|e-?mail|forward|post|mail|share|pass on|drop)\s+(?:(?:it\s+)?(?:over|across)\s+)?"
    r"(?:(?:to\s+)?you\s+)?(?:over\s+)?"
)
ARTICLE = re.compile(r"^(?:the|a|an|that)\s+")
TO_YOU = re.compile(r"\s+(?:to|with) you$")
OWNERS = {Role.COACH: Party.COACH, Role.CLIENT: Party.CLIENT}
MIN_ACTION_WORDS = 2


@dataclass(frozen=True, slots=True)
class FoundCommitment:
    """A candidate commitment: who, what, where in the transcript and when it is due."""

    owner: Party
    text: str  # the action in the speaker's words, e.g. "send you the article on feedback"
    turn: int
    sentence: str  # the whole sentence, as said
    due_phrase: str = ""
    due: date | None = None


def find_commitments(
    conversation: Conversation, session_date: date | None = None
) -> list[FoundCommitment]:
    """The coach's and the client's commitments in ``conversation``, in order of last saying."""
    latest: dict[tuple[Party, str], FoundCommitment] = {}
    for turn in conversation.turns:
        for found in _in_turn(turn, session_date):
            key = (found.owner, same_action_key(found.text))
            latest.pop(key, None)  # re-insert so the order follows the last saying
            latest[key] = found
    return list(latest.values())


def same_action_key(action: str) -> str:
    """What two sayings of one action share: "send you the workbook" and "email the workbook
    to you" both give "deliver workbook"; other actions compare as said (lower case)."""
    key = normalised(action)
    delivered = DELIVER.match(key)
    if delivered is None:
        return key
    return "deliver " + TO_YOU.sub("", ARTICLE.sub("", key[delivered.end() :]))


def _in_turn(turn: Turn, session_date: date | None) -> list[FoundCommitment]:
    owner = OWNERS.get(turn.role)
    if owner is None:
        return []
    found = (_in_sentence(s, owner, turn.index, session_date) for s in sentences(turn.text))
    return [f for f in found if f is not None]


def _in_sentence(
    sentence: str, owner: Party, turn: int, session_date: date | None
) -> FoundCommitment | None:
    match = OPENING.match(without_fillers(sentence))
    if match is None or QUOTED.search(sentence):  # quoted speech reports, it does not promise
        return None
    action = action_text(match.group("rest"), owner)
    if action is None:
        return None
    hint = find_due(sentence, session_date)
    return FoundCommitment(
        owner=owner,
        text=action,
        turn=turn,
        sentence=clip(sentence, 300),
        due_phrase=hint.phrase if hint else "",
        due=hint.due if hint else None,
    )


def action_text(rest: str, owner: Party = Party.CLIENT) -> str | None:
    """The action after "I'll ...", without its date; None when it is not a concrete action."""
    rest = ADVERBS.sub("", rest.strip().rstrip(".!?"))
    if HEDGES.match(rest) or NOT_ACTIONS.match(rest) or BARE_OBJECT.match(rest):
        return None
    if owner == Party.COACH and not COACH_VERBS.match(rest):
        return None
    action = _without_trailing_date(DATE_CLAUSE.sub("", rest))
    if len(action.split()) < MIN_ACTION_WORDS or BARE_OBJECT.match(action):
        return None
    if IMMEDIATE.search(action):  # done before the session ends: nothing to follow up
        return None
    return clip(action, 200)


def _without_trailing_date(action: str) -> str:
    matches = list(DUE_PATTERN.finditer(action))
    if matches and matches[-1].end() >= len(action.rstrip(" ,.")):
        action = action[: matches[-1].start()]
    # "make an appointment for next week" -> not "make an appointment for"
    return re.sub(r"\s+(?:for|on|by|at|in|before|until)$", "", action.strip(" ,"))
