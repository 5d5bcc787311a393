"""The raw material of a client's world: names, people, topics, values, hopes and metaphors.

Every phrase here was written for Attunement's demo data. A ``Topic`` keeps the phrases that must
agree with each other (what the client wants to work on, how they would know it worked, what they
could do about it) so that a generated session stays on one believable subject.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_NAMES = (
    "Priya", "Tom", "Amara", "Kenji", "Lucía", "Dmitri", "Fatima", "Owen", "Ngozi", "Mateo",
    "Sofia", "Aleksander", "Mei", "Hannah", "Rahul", "Chloe", "Yusuf", "Ingrid", "Kwame", "Rosa",
    "Declan", "Aisha", "Björn", "Leila", "Marcus", "Noor", "Elena", "Tariq", "Freya", "Jun",
    "Olu", "Camille", "Ravi", "Greta", "Samir", "Beatriz", "Callum", "Zanele", "Hugo", "Anya",
)  # fmt: skip

# Which first names are women's and which men's, so that "my son" is never called Anya.
WOMEN = frozenset({
    "Priya", "Amara", "Lucía", "Fatima", "Ngozi", "Sofia", "Mei", "Hannah", "Chloe", "Ingrid",
    "Rosa", "Aisha", "Leila", "Noor", "Elena", "Freya", "Camille", "Greta", "Beatriz", "Zanele",
    "Anya",
})  # fmt: skip
MEN = frozenset(FIRST_NAMES) - WOMEN

SURNAMES = (
    "Patel", "Okafor", "Lindqvist", "Moreno", "Nakamura", "Byrne", "Haddad", "Kowalski",
    "Mensah", "Fischer", "Rossi", "Adeyemi", "Novak", "Chen", "O'Neill", "Dubois", "Sharma",
    "Eriksen", "Costa", "Walsh", "Ibrahim", "Schneider", "Tanaka", "Alvarez", "Murphy",
)  # fmt: skip

# How a client refers to the people in their life; a world gives each a first name.
RELATIONS = (
    "my manager", "my partner", "my sister", "my brother", "a colleague", "my co-founder",
    "one of my direct reports", "my mum", "my dad", "my oldest friend", "the new director",
    "our head of finance", "my business partner", "my daughter", "my son", "a mentor of mine",
)  # fmt: skip
# Relations that say whether the person is a woman or a man; the rest could be either.
RELATION_NAMES = {
    "my sister": WOMEN, "my mum": WOMEN, "my daughter": WOMEN,
    "my brother": MEN, "my dad": MEN, "my son": MEN,
}  # fmt: skip


# Who the other person in the story can be for each topic: the one who gets the weekly report
# handed over is someone at work, the one told "only Sundays" is family.
TOPIC_RELATIONS: dict[str, tuple[str, ...]] = {
    "new-lead": ("one of my direct reports", "a colleague"),
    "career-change": ("my partner", "my sister", "my brother", "my oldest friend"),
    "overload": ("my manager", "the new director", "our head of finance"),
    "conflict": ("a colleague", "the new director", "our head of finance"),
    "confidence": ("my manager", "a colleague", "a mentor of mine"),
    "business": ("my co-founder", "my business partner"),
    "return": ("my manager", "a colleague"),
    "delegation": ("one of my direct reports", "a colleague"),
    "purpose": ("my partner", "my oldest friend", "a mentor of mine", "a colleague"),
    "boundaries": ("my sister", "my brother", "my mum", "my dad"),
    "feedback": ("one of my direct reports",),
    "transition": ("a colleague", "my manager", "my partner"),
}


def relations_for(topic: str) -> tuple[str, ...]:
    """Who the other person can be in a story about ``topic`` (anyone when not listed)."""
    return TOPIC_RELATIONS.get(topic, RELATIONS)


def names_for(relation: str) -> tuple[str, ...]:
    """The first names that fit the relation, in ``FIRST_NAMES`` order."""
    fitting = RELATION_NAMES.get(relation)
    return tuple(n for n in FIRST_NAMES if fitting is None or n in fitting)


VALUES = (
    "fairness", "being reliable", "honesty", "independence", "family", "doing good work",
    "kindness", "freedom", "loyalty", "learning", "being useful", "courage", "calm",
    "creativity", "respect", "keeping my word",
)  # fmt: skip

HOPES = (
    "to feel like I'm steering my own work again",
    "to be home for dinner most nights",
    "to lead a team that trusts me",
    "to stop dreading Monday mornings",
    "to have one honest conversation I've been avoiding",
    "to build something I'm proud of",
    "to feel less on edge all the time",
    "to be the kind of manager I wish I'd had",
    "to make a decision and actually stick with it",
    "to enjoy the work again",
    "to have more room to think",
    "to be taken seriously in the room",
)  # fmt: skip

FEELINGS = (
    "frustrated", "anxious", "tired", "relieved", "stuck", "hopeful", "overwhelmed", "angry",
    "embarrassed", "guilty", "excited", "lonely", "uneasy", "proud", "flat", "restless",
)  # fmt: skip

METAPHORS = (
    "treading water", "juggling too many balls", "running on an empty tank",
    "walking on eggshells", "carrying everyone's bags", "stuck in the mud",
    "driving with the handbrake on", "playing catch-up", "holding the fort",
    "spinning plates", "swimming against the tide", "waiting for the other shoe to drop",
    "a pressure cooker", "putting out fires", "going round in circles", "on a treadmill",
)  # fmt: skip

WHEN = (
    "next Thursday", "on the 14th", "at the end of the month", "in a couple of weeks",
    "on Monday", "before the summer", "in early March", "the week after next", "on the 3rd",
    "this Friday", "before the holidays", "in October",
)  # fmt: skip

# The three representational systems: how the client talks about experience, and how a coach
# who matches them asks. Used as clause fragments inside longer sentences.
SENSES: dict[str, tuple[str, ...]] = {
    "visual": (
        "I just can't see a way through it",
        "the whole picture looks messy",
        "it's all a bit blurry from here",
        "I can see it much more clearly now",
        "it looks like a dead end",
        "I keep picturing how it will go wrong",
        "it's like I've got blinkers on",
        "from a distance it looks fine",
    ),
    "auditory": (
        "it sounds like a lot when I say it out loud",
        "I keep hearing that voice telling me I'm not ready",
        "it just doesn't ring true",
        "something clicked when we talked about it",
        "there's so much noise around it",
        "it sounds simple but it isn't",
        "I hear myself saying yes before I've thought",
        "nobody's really listening to each other",
    ),
    "kinesthetic": (
        "it feels really heavy",
        "I feel completely stuck",
        "I get a knot in my stomach about it",
        "I'm carrying all of it on my own",
        "it feels more solid now",
        "I can't get a grip on it",
        "it's like a weight on my chest",
        "I feel pulled in two directions",
    ),
}

COACH_SENSE_QUESTIONS: dict[str, tuple[str, ...]] = {
    "visual": (
        "What do you see when you picture it going well?",
        "How does that look from where you're standing now?",
        "If you could step back and look at the whole picture, what would you notice?",
        "What would that look like in practice?",
        "What stands out when you look back at it?",
        "How would it look if it were already sorted?",
        "What's in the picture that you haven't mentioned yet?",
        "How clear is the next step from here?",
    ),
    "auditory": (
        "How does that sound to you as you say it?",
        "What are you telling yourself when that happens?",
        "Which part of that rings true for you?",
        "What would you want to hear from them?",
        "What's the voice in your head saying about it?",
        "What would you like to say, if you could say it?",
        "How does it sound when you tell it to yourself?",
        "Whose words keep coming back to you?",
    ),
    "kinesthetic": (
        "How does that feel as you talk about it?",
        "What's your gut telling you?",
        "Where do you notice that in your body?",
        "What would it take to feel on solid ground with this?",
        "Where in you does that sit?",
        "What happens inside you when you think about it?",
        "How heavy does it feel right now?",
        "What would help it feel a little lighter?",
    ),
}


@dataclass(frozen=True, slots=True)
class Topic:
    """One subject a client brings, with phrases that fit together."""

    key: str
    focus: str  # what the client wants to work on, in their voice
    coach_focus: str  # the same, as a coach would put it when setting the agenda
    success: str  # how the client would know the session helped
    stake: str  # why it matters now
    tasks: tuple[str, ...]  # things the client could do ("talk to {name} about ...")
    events: tuple[str, ...]  # things that happen in this part of their life
    setbacks: tuple[str, ...]  # what went wrong lately
    article: str  # what the coach might promise to send


TOPICS = (
    Topic(
        "new-lead", "how I'm handling the team now I've been promoted",
        "your step up into leading the team",
        "I'd have a plan for my first proper one-to-ones",
        "the people I used to sit next to now report to me, and it's awkward",
        ("set up one-to-ones with everyone on the team", "ask {name} what support would help most",
         "put on paper what I want the team to be known for", "hand over the reporting work",
         "agree with {name} how we run stand-up", "write a short note on how I like to work",
         "ask an experienced manager to lunch", "stop joining every meeting the team has"),
        ("the team away-day", "my six-month review", "the quarterly planning meeting"),
        ("I snapped at someone in stand-up", "a deadline slipped and I covered for it myself",
         "I redid a piece of work instead of giving feedback", "two of the team went to {name} instead of me", "I stayed late fixing a report nobody asked me to fix", "my one-to-ones got cancelled for the third week running"),
        "a short piece on the first ninety days as a new manager",
    ),
    Topic(
        "career-change", "whether to leave finance and retrain as a teacher",
        "the question of the career change",
        "I'd know what the next small step is, even if I don't decide",
        "I turn forty this year and I don't want to wake up at fifty still wondering",
        ("book a day shadowing at {name}'s school", "look at the actual numbers with {name}",
         "talk to two people who made the switch", "find out the course application dates",
         "volunteer at the homework club one evening", "write down what I'd miss about finance",
         "ask {name} for an honest view of the move", "work out how long our savings last",
         "sit in on a lesson at the local college", "list what a teacher's week actually holds"),
        ("the open evening at the training college", "the bonus round", "my annual appraisal"),
        ("I let the application deadline slide again",
         "I got talked out of it at a family dinner", "I took on another big project at work", "I spent a whole evening on course websites and told nobody", "{name} asked what I'm waiting for and I had no answer", "I had a good day at work and it made me doubt the whole idea"),
        "the workbook on career transitions I mentioned",
    ),
    Topic(
        "overload", "saying no, because I'm drowning in other people's requests",
        "the workload and how hard it is to say no",
        "I'd have one thing I'm going to turn down this week",
        "my health is starting to suffer and I missed my son's match again",
        ("block two afternoons with no meetings", "tell {name} I can't take on the audit",
         "make a list of everything I've said yes to", "leave at six on Tuesday and Thursday"),
        ("the year-end close", "the board pack deadline", "the system migration"),
        ("I worked through the weekend again", "I said yes to another committee",
         "I cancelled on friends for the third time", "I missed a dentist appointment because of a call", "{name} added two more projects to my list", "I answered emails at midnight on a Sunday"),
        "a one-page exercise on sorting commitments",
    ),
    Topic(
        "conflict", "the tension with {name}, which is affecting the whole team",
        "the situation with {name}",
        "I'd know how to open the conversation without it blowing up",
        "two good people have already asked to move teams",
        ("ask {name} for half an hour to talk, just the two of us",
         "write down what I actually want from the relationship",
         "check my own part in it with someone I trust", "stop venting about it to the team"),
        ("the restructure announcement", "the project retrospective", "the client pitch"),
        ("we had words in front of the client", "I went over {name}'s head",
         "I avoided the meeting so I wouldn't have to see {name}", "{name} left me off an important email", "the team took sides in a meeting", "I rewrote my message to {name} five times and never sent it"),
        "a framework for difficult conversations",
    ),
    Topic(
        "confidence", "speaking up in senior meetings, because I go quiet",
        "your voice in the leadership meetings",
        "I'd walk into Tuesday's meeting with one point I'm going to make",
        "I'm up for the director role and people need to hear from me",
        ("prepare one point before each meeting", "ask {name} for honest feedback",
         "speak in the first ten minutes of the meeting", "volunteer to present the update",
         "ask a question in the town hall", "rehearse my point out loud with {name}",
         "write down what I'd say if nothing could go wrong", "book a coffee with the new director",
         "disagree once, politely, in the strategy meeting",
         "send my notes round after the leadership meeting"),
        ("the leadership offsite", "the director interviews", "the strategy review"),
        ("I had a good idea and someone else said it first", "I froze when the CEO asked me",
         "I over-prepared and ran out of time", "I stayed silent through the whole budget discussion", "{name} said I seemed quiet lately", "I prepared a point and then didn't make it"),
        "an article about preparing to speak up in senior rooms",
    ),
    Topic(
        "business", "growing the business without burning out",
        "the growth plans for the business",
        "I'd know which two things to stop doing",
        "we've just taken on a loan and it feels real now",
        ("hire a part-time bookkeeper", "agree with {name} who owns sales",
         "raise our prices for new clients", "take one full day off a week"),
        ("the trade fair", "the lease renewal", "the launch of the new range"),
        ("we lost our biggest customer", "I did the accounts at two in the morning",
         "{name} and I argued about money again", "I worked every evening of the week on invoices", "{name} hired someone without asking me", "we missed a delivery date for the first time"),
        "the pricing template we talked about",
    ),
    Topic(
        "return", "coming back to work after parental leave",
        "your return to work",
        "I'd have a clear idea of what to ask for about hours",
        "I don't want to lose the role I fought for, but I won't miss this time either",
        ("ask HR about a compressed week", "have coffee with {name} before I start",
         "write down my non-negotiables", "set up a handover call with my cover"),
        ("my first week back", "the nursery settling-in days", "the team reshuffle"),
        ("I found out my projects were given away", "I cried in the car park",
         "I agreed to a full-time start without asking for anything", "nobody had set up my laptop on the first day", "I was left out of a planning meeting", "{name} talked to me as if I'd never been away"),
        "a checklist for the first month back",
    ),
    Topic(
        "delegation", "letting go of work I should have handed over long ago",
        "delegation and what gets in the way",
        "I'd pick one piece of work to hand over completely",
        "I'm the bottleneck and everyone can see it",
        ("hand the weekly report to {name}", "agree what good enough looks like",
         "stop checking every email the team sends", "schedule a proper handover",
         "let {name} run the Monday meeting", "list the tasks only I can do",
         "take my name off the approval chain for small orders",
         "ask the team which pieces of work they'd like", "leave a project to {name} for a whole week",
         "write down what I'm afraid will happen if I let go"),
        ("the product launch", "the audit", "my holiday"),
        ("I took back a task after two days", "I rewrote {name}'s slides the night before",
         "the team waited for my sign-off for a week", "I checked {name}'s work at eleven at night", "a small order waited four days for my approval", "I said I'd let go and then stepped in anyway"),
        "a short guide on levels of delegation",
    ),
    Topic(
        "purpose", "feeling flat about work that used to excite me",
        "the flatness you've been feeling about work",
        "I'd have a sense of what's actually missing",
        "I'm good at the job and it still feels empty, and that scares me",
        ("write down the three best days I've had at work", "talk to {name} about the side project",
         "try one thing this month just because it interests me", "take the course I keep putting off"),
        ("the ten-year anniversary at the firm", "the sabbatical window", "the charity project"),
        ("I turned down a project that sounded fun", "I spent Sunday dreading Monday",
         "I snapped at {name} over nothing", "I sat through a whole day without caring about any of it", "a friend asked what I love about my job and I went blank", "I counted the hours until Friday again"),
        "a values exercise I use with clients",
    ),
    Topic(
        "boundaries", "my family expecting me to fix everything",
        "the expectations at home",
        "I'd know what I'm willing to do and what I'm not",
        "my mother's health is changing and I'm already stretched",
        ("tell {name} I can only do Sundays", "ask my siblings to share the visits",
         "turn my phone off after nine", "book one thing that's just for me"),
        ("the family gathering", "my mum's hospital appointment", "the house sale"),
        ("I drove three hours on a work night", "I said yes and then resented it",
         "I had a row with {name} about money", "{name} rang four times during a meeting", "I cancelled my own plans to sort out a family problem", "my sister assumed I'd handle the paperwork"),
        "a reading on caring for others without disappearing",
    ),
    Topic(
        "feedback", "giving honest feedback to someone who's underperforming",
        "the feedback conversation you've been putting off",
        "I'd have the first two sentences of that conversation",
        "if I don't deal with it the rest of the team pays for it",
        ("book the conversation with {name}", "write down three specific examples",
         "ask {name} how they think it's going", "agree a check-in date"),
        ("the mid-year reviews", "the client deadline", "the team restructure"),
        ("I softened it so much the message got lost", "I did the work myself again",
         "I complained about {name} to another manager", "{name} missed another deadline and I said nothing", "a client complained about work I'd already flagged", "I rehearsed the conversation and then cancelled it"),
        "the feedback model I mentioned last time",
    ),
    Topic(
        "transition", "moving to a new country for this role",
        "the move and settling into the new role",
        "I'd know what would help me feel less like an outsider",
        "my partner gave up a lot for this move and I need it to work",
        ("join one group outside work", "ask {name} to lunch", "call home on Sundays, not every night",
         "ask my manager how decisions really get made here"),
        ("the language course", "the first all-hands meeting", "the visa appointment"),
        ("I misread a meeting completely", "I spent the weekend alone in the flat",
         "{name} said I came across as blunt", "I sat alone at lunch again", "a joke of mine fell flat in front of the whole team", "I found out about a decision after it was made"),
        "some notes on working across cultures",
    ),
)  # fmt: skip
