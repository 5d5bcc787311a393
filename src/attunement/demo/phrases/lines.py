"""What the coach and the client say in a demo session, beat by beat, in two qualities.

Templates are filled from a client's world (``world.py``): ``{client}`` and ``{coach}`` are first
names, ``{name}`` the other person in the story, ``{relation}`` who that person is, and the topic,
feeling, metaphor and sense phrases the client has used. Reflections and summaries re-use the
client's own words (``{feeling}``, ``{metaphor}``, ``{sense_you}``) because that is what a
listening coach does. Every line was written for Attunement; none comes from a dataset.
No line contains a colon, so ``Name: text`` exports stay unambiguous.
"""

from __future__ import annotations

# ---- good connection --------------------------------------------------------------------

GOOD_GREETING = (
    "Hi {client}, good to see you. How have the last couple of weeks been?",
    "Hello {client}. Before we start, how are you arriving today?",
    "Hi {client}, lovely to see you again. What's been going on since we last spoke?",
)
GOOD_CHECKIN = (
    "Hi {coach}. Honestly, a bit mixed. I've got {event} soon and it's taking a lot of my head space.",
    "Good to see you too. Busy, but okay. I've got {event} coming up, so that's been on my mind.",
    "Hi. It's been a strange fortnight, to be honest. Some good days, some not so good.",
)
GOOD_ASK_FOCUS = (
    "What would you like to focus on today?",
    "Where would you like to start today?",
    "What feels most important to look at in our time today?",
)
CLIENT_FOCUS = (
    "I'd like to talk about {focus}. {stake_cap}.",
    "I keep coming back to {focus}. {stake_cap}.",
    "Can we look at {focus}? {stake_cap}, and I can't keep pushing it away.",
)
GOOD_ASK_SUCCESS = (
    "And if our time today went well for you, what would be different by the end?",
    "How would you know this session had been useful?",
    "What would you like to leave with today?",
)
CLIENT_SUCCESS = (
    "I think {success}. That would already be a lot.",
    "Honestly? {success_cap}. Even that would help.",
)
GOOD_CONFIRM_AIM = (
    "So you want to look at {focus_you}, and a good outcome is that {success_you}. Shall we start there?",
    "Okay. So the focus is {focus_you}, and by the end {success_you}. Does that sound right?",
)
CLIENT_AGREE = ("Yes, that's it.", "Yes. Let's do that.", "That sounds right, yes.")

GOOD_OPEN_QUESTION = (
    "What's been happening with {coach_focus}?",
    "Tell me more about {coach_focus}. Where are you with it right now?",
    "What happened the last time it came up?",
    "What's the hardest part of it for you?",
    "How are you making sense of it at the moment?",
    "What do you notice about how you respond when that happens?",
    "What else is going on around this?",
    "Where would you like to go with this next?",
)
CLIENT_STORY_OPEN = (
    "Well, last week {setback}.",
    "So the latest thing is that {setback}.",
    "It came to a head a few days ago, when {setback}.",
)
CLIENT_STORY_MIDDLE = (
    "And I felt really {feeling} afterwards, if I'm honest.",
    "It's like I'm {metaphor} all the time.",
    "And {sense}, you know?",
    "{relation_cap}, {name}, noticed and asked if I was alright, and I just said I was fine.",
    "I kept replaying it on the way home.",
    "The thing is, {value} really matters to me, and this doesn't feel like me.",
    "I know it sounds small when I say it like that.",
    "{stake_cap}.",
)
CLIENT_STORY_CLOSE = (
    "I suppose what I really want is {hope}.",
    "And I don't know how to get out of that pattern.",
    "So yes, that's where I am with it.",
    "I just want it to feel different.",
)
ENCOURAGERS = ("Mm-hm.", "Mm.", "Yeah.", "Right.", "Go on.", "I see.", "Okay.", "Yes.")
CLIENT_FILLERS = ("Yeah.", "Right.", "Mm.", "Exactly.", "Yes.")
# Quick clarifying exchanges: (coach question, client answer) pairs.
GOOD_CLARIFY = (
    ("When was that?", "Last Tuesday."),
    ("Who else was there?", "Just the two of us, thankfully."),
    ("How long has it been like this?", "Months, really. Since the spring."),
    (
        "And then what happened?",
        "Then nothing. That's the thing. We all carried on as if it never happened.",
    ),
    ("Was that the first time?", "No. It's happened before."),
    (
        "What did you say?",
        "Not much. I nodded and said I'd look into it, which is what I always do.",
    ),
    ("How did {name} react?", "Surprised, I think. And then a bit cold for the rest of the day."),
    (
        "What was that like for you?",
        "Horrible, honestly. I felt about ten years old, sitting there.",
    ),
)

GOOD_REFLECTION = (
    "So you felt {feeling}.",
    "It's like {metaphor_you}.",
    "It sounds like {sense_you}.",
    "You felt {feeling}, and underneath that there's something about {value}.",
    "So part of you is {metaphor}, and part of you wants {hope_you}.",
    "It really matters to you, because {value} is who you are.",
)
CLIENT_AFTER_REFLECTION = (
    "Yes, exactly. I hadn't put it like that, but that's it. I think I've been telling myself it's fine when it isn't.",
    "Yeah. That's it. And if I'm really honest, I'm worried people will see that I don't have it all figured out.",
    "Mm. Hearing you say it back, it sounds heavier than I'd admitted. I haven't really told anyone how much it gets to me.",
    "That's right. It's not really about {name} at all, is it? It's about what I think I'm supposed to be.",
    "Yes. And I notice I go quiet when I feel like that. I sort of shrink.",
)
GOOD_SUMMARY = (
    "Let me check I've got this. {setback_you_cap}, you felt {feeling}, and it's like {metaphor_you}. What you want is {hope_you}. Have I missed anything?",
    "Can I pull a few threads together? There's {focus_you}, there's feeling {feeling}, and there's {value}, which really matters to you. Is that a fair summary?",
)
CLIENT_AFTER_SUMMARY = (
    "No, that's it. Hearing it all together actually helps.",
    "That's fair. I'd add that I'm tired of waiting for it to fix itself.",
    "Yes. When you put it all in one place it makes more sense.",
)
# The client brings a topic in, and the coach follows: (client line, coach line) pairs.
CLIENT_BRINGS_TOPIC = (
    (
        "Can I bring something else in? It's connected. {relation_cap} said something last week that's stuck with me.",
        "Of course. What did they say?",
    ),
    (
        "Actually, there's something I haven't mentioned. I think it's part of this.",
        "Please, go ahead. What's that about?",
    ),
    (
        "Can I go back to something? I think there's more to it than I said at the start.",
        "Yes, let's. What's coming up for you?",
    ),
)
# When the client's words offer nothing specific to reflect, the coach reflects the whole.
GOOD_PLAIN_REFLECTION = (
    "So it's been weighing on you.",
    "That's a lot to be carrying.",
    "It sounds like it's been hard to put down.",
)
GOOD_FIRST_QUESTION = (
    "Tell me more about {coach_focus}. Where are you with it right now?",
    "What's been happening with {coach_focus}?",
)

GOOD_INSIGHT_QUESTION = (
    "What are you noticing as you say that?",
    "What does that tell you about what you need?",
    "If you step back from all of this, what do you see?",
    "What would you say to a friend who told you this story?",
)
CLIENT_INSIGHT = (
    "I think what I'm realising is that I've been waiting for permission. And nobody's going to give it to me. I want to stop waiting.",
    "I suppose I'm seeing that I keep doing the same thing and expecting it to go differently. I need to try something else.",
    "It's funny, I came in thinking the problem was {name}, but I think it's more about me not saying what I need. I'm ready to change that.",
    "I think I've known this for a while. I just haven't wanted to look at it. I want to do something about it now.",
)
GOOD_AFFIRM = (
    "That's a real insight, and it took some courage to say.",
    "I can hear how much clearer that is for you.",
    "You've done a lot of thinking in the last few minutes.",
)

GOOD_ASK_ACTION = (
    "So what might you do about it?",
    "What's one small step you could take before we next meet?",
    "What options can you see now?",
)
CLIENT_OPTIONS = (
    "I could {task}. Or maybe {task2}. The first one scares me more, which probably means it matters more.",
    "Well, I could {task}. I've been putting that off for ages. And I could {task2}.",
)
GOOD_ASK_CHOICE = (
    "Which of those feels right to start with?",
    "Which one do you want to commit to?",
)
CLIENT_COMMIT = (
    "I'm going to {task} {when}. I'll put it in the diary today.",
    "I'll {task}, and I'll do it {when}. I want to be able to tell you how it went.",
)
GOOD_ASK_CONFIDENCE = (
    "On a scale of nought to ten, how confident are you that you'll do it?",
    "How sure do you feel, out of ten?",
)
CLIENT_CONFIDENCE = (
    "Seven, maybe. It depends on the week.",
    "Eight. I really want to do this one.",
    "Six, if I'm honest. I've said this kind of thing before.",
)
GOOD_RAISE_CONFIDENCE = (
    "What would make it one point higher?",
    "What could get in the way, and what would help?",
)
CLIENT_RAISE = (
    "If I told someone I was doing it. Maybe I'll tell {name}, so I can't back out.",
    "Blocking the time now, before the week fills up. I'll do that straight after this call.",
)

GOOD_TAKEAWAY = (
    "We've got a few minutes left. What are you taking away from today?",
    "As we come towards the end, what stands out for you from today?",
)
CLIENT_TAKEAWAY = (
    "That I've been waiting for things to change on their own. And that I can {task}. It feels lighter than when I came in.",
    "Mostly that it's not as stuck as it felt. I've got a next step and I know why it matters to me.",
)
GOOD_RELATIONSHIP_CHECK = (
    "And how was today's session for you? Is there anything you'd like me to do differently?",
    "Before we finish, how did our way of working feel today?",
)
CLIENT_RELATIONSHIP_ANSWER = (
    "It was good. I liked that you gave me space to think. Maybe push me a bit more next time.",
    "Really helpful. You didn't rush me, and I noticed that.",
)
GOOD_PROMISE = (
    "Thank you, I'll take that on board. I'll send you {article} {when}. Good luck with it, {client}.",
    "I appreciate that. I'll email you {article} this week. Take care, {client}.",
)
CLIENT_GOODBYE = ("Thanks, {coach}. See you next time.", "Thank you. Bye for now.")

# ---- strained connection ----------------------------------------------------------------

STRAINED_GREETING = (
    "Right, let's get going, we've got a lot to get through. Did you do the homework I gave you?",
    "Hi {client}. Okay, so last time I asked you to work on {coach_focus}. Did you do it?",
)
CLIENT_GUARDED_OPEN = ("Not really.", "Some of it.", "I didn't have time.", "Sort of.")
STRAINED_AGENDA = (
    "Okay. Well, today I think we need to look at {coach_focus}, because that's clearly what's holding you back. I've seen this a lot with people in your position.",
    "Right. I want to spend today on {coach_focus}. It's the obvious priority and I think we both know it.",
)
CLIENT_GUARDED = (
    "I don't know.",
    "Maybe.",
    "Okay.",
    "I suppose so.",
    "It's fine.",
    "Not really.",
    "Probably.",
    "I guess.",
    "Yeah, sure.",
    "If you say so.",
)
STRAINED_CLOSED = (
    "Did you {task_you}?",
    "Have you spoken to {name} yet?",
    "Is that still a problem?",
    "Was it as bad as last time?",
    "Are you sleeping any better?",
)
STRAINED_WHY = (
    "Why haven't you done anything about it yet?",
    "Why do you let {name} get to you like that?",
    "Why didn't you just say no?",
    "Why would you agree to that?",
)
STRAINED_LEADING = (
    "Don't you think it would be better to just {task_you}?",
    "Wouldn't it be easier if you simply told {name} how it is?",
    "Surely the answer is to {task_you}, isn't it?",
    "You'd agree that you're avoiding it, wouldn't you?",
)
STRAINED_STACKED = (
    "Have you tried to {task_you}? Or talked to {name}? What about going to HR?",
    "What happened? Did you say anything? Was {name} there?",
    "Is it the workload? Or is it {name}? Or is it you?",
)
STRAINED_ADVICE = (
    "What you need to do is {task_you}.",
    "In my experience people in your position always struggle with this, and the answer is structure.",
    "I had a client last year with exactly the same problem, and once she started to {task_you} it all fell into place.",
    "You should also {task2_you}, and do it this week, not next month.",
    "Honestly, I'd stop worrying about {name} and just get on with it.",
    "The key thing here is discipline.",
    "You've got to be firmer with people, otherwise they'll walk all over you.",
    "If I were you I'd write it all down tonight and make a plan.",
    "When I was managing teams I had the same thing, and I just dealt with it head on.",
    "There's no point overthinking it.",
)
# Guarded answers that fit the question they answer.
CLIENT_GUARDED_CLOSED = ("Not really.", "No.", "Sort of.", "Yes.", "A bit.", "Not yet.")
CLIENT_GUARDED_WHY = ("I don't know.", "I just didn't.", "It's complicated.", "No reason, really.")
CLIENT_GUARDED_STACKED = ("Which one?", "I don't know. All of it, maybe.", "Sort of. I don't know.")
CLIENT_YES_BUT = (
    "Yeah, but it's not that simple.",
    "I've tried that, but it didn't go anywhere.",
    "Maybe, but {name} wouldn't go for it.",
    "I hear you, but that's not really how it works where I am.",
    "Yes, but I don't have the time for that.",
)
CLIENT_DOUBT = (
    "I'm not sure this is really helping, to be honest.",
    "I don't really see how talking about it changes anything.",
    "We talked about this last time and nothing changed.",
    "I only really come because work is paying for it.",
)
CLIENT_SUSTAIN = (
    "There's no point, nothing's going to change.",
    "I can't really do anything about it.",
    "That's just how it is.",
)
CLIENT_CUT_OFF = (
    "I was going to say that",
    "It's more that",
    "The thing is, {name}",
    "Well, what happened was",
)
STRAINED_INSIGHT = (
    "What you need to see here is that this is a pattern. You do it every time. Once you accept that, the rest is easy.",
    "The real issue, and I'll be blunt, is confidence. You need to believe in yourself more.",
    "I think the lesson here is obvious. You take on too much because you want to be liked.",
    "Let me tell you what I'm hearing. You know what to do, you just don't do it.",
)
STRAINED_HOMEWORK = (
    "So, homework. I want you to {task_you}, {task2_you}, and write me a short note on how it went. Okay?",
    "Right, for next time. {task_you_cap}. And {task2_you}. No excuses this time.",
)
STRAINED_WRAP = (
    "Okay, we're out of time. Same time in two weeks?",
    "Right, that's all we've got time for. I think that was a really productive session.",
)
CLIENT_FLAT_GOODBYE = ("Sure. Bye.", "Okay. Thanks.", "Fine. See you.")

# ---- repair: the coach notices the strain and names it ----------------------------------

REPAIR_OPEN = (
    "Can I pause us for a moment? I notice I've been doing most of the talking and giving you a lot of advice. How is this landing for you?",
)
REPAIR_CLIENT = ("Honestly? It's been a bit much. I felt like I wasn't really being heard.",)
REPAIR_ACKNOWLEDGE = (
    "Thank you for telling me that. I'm sorry, I got ahead of you. Let's go back to what matters to you. Where would you like to pick this up?",
)
REPAIR_RESUME = ("I'd like to go back to {focus}. I don't think I got to say the real part of it.",)

# ---- complying without engaging: the client does what was agreed and says little of it ----
# The coach is the good one, but the client reports events rather than reflecting, names no
# feelings, raises no aim of their own and leaves the coach to propose what to work on and
# what to do next. No line uses the openness lexicon's feeling, disclosure or insight words.

COMPLIANT_CHECKIN = (
    "Good, thanks. Busy with {event}, but nothing new really.",
    "All good, thanks. Work as usual, and {event} is coming up.",
    "Fine, thanks. Nothing much to report apart from {event}.",
)
COMPLIANT_REVIEW = (
    "Last time you were going to {task_you}. How did that go?",
    "Where did you get to with the action from last time?",
    "How did you get on with what you planned to do after our last session?",
)
CLIENT_DID_IT = (
    "Yes, I did it. I said I'd {task} and I did it on Monday. Then I ticked it off the list.",
    "Done. I did it last week, like we said. {name} said it was okay, and that was that.",
    "Yes, that's done. I did it on Tuesday, and then we had a meeting about the next part.",
    "I did, yes. I sent the email on Wednesday and {name} replied the same day.",
)
COACH_PROPOSES_AIM = (
    "Good. I thought we could look at {coach_focus} today. Does that work for you?",
    "Great. Today I'd like us to focus on {coach_focus}, if that's alright with you.",
    "Okay. Let's look at {coach_focus} today. Is that alright?",
)
CLIENT_GOES_ALONG = (
    "Sure, that works for me. Whatever you think is best.",
    "Yes, we can do that. You know best what we should cover.",
    "Okay, that sounds sensible. I'll go with your plan.",
)
CLIENT_REPORT = (
    "Well, last week we had a meeting about it.",
    "{name} said it was going okay.",
    "Then I updated the plan and sent it round.",
    "On Thursday I did the next part, like we agreed.",
    "I've done everything on the list so far.",
    "I followed the steps from last time.",
    "The meeting went ahead and I said what we planned.",
    "So that's all on track.",
    "Then {name} asked for the figures and I sent them over.",
    "We went through the list on Friday and agreed the dates.",
    "I put the next two tasks in the diary as well.",
    "I told {name} what we agreed here and {name} said fine.",
)
COMPLIANT_PROBE = (
    "And how was that for you?",
    "What did you make of it?",
    "What was that like, doing it?",
    "What did you notice in yourself while you were doing it?",
)
CLIENT_FLAT = (
    "It was okay. I just did what we said.",
    "Not much to say, really. It got done.",
    "I didn't really think about it. I just got on with it.",
    "It went to plan, so no complaints.",
    "Okay, I think. It's one more thing off the list.",
)
COMPLIANT_REFLECTION = (
    "So you got it done.",
    "It sounds like it went to plan.",
    "So you followed it through.",
)
CLIENT_NO_INSIGHT = (
    "Nothing new, really. I'll keep going with what you suggested.",
    "I'm not sure. I suppose I should keep going with the plan.",
    "Not a lot. It's going to plan, so I'll carry on.",
)
CLIENT_ASKS_COACH = (
    "What do you think I should do next?",
    "Your call, really. What would you do?",
    "I don't mind. What would be the next step, in your view?",
)
COACH_OFFERS_STEP = (
    "One option is to {task_you}. How does that sound?",
    "Some people in your position {task2_you}. Would that fit?",
)
CLIENT_ACCEPTS = (
    "Okay, I'll {task}. I'll do it {when}.",
    "Yes, that makes sense. I'll get it done {when}.",
)
CLIENT_SURE = (
    "Ten. It's on the list now.",
    "Nine. I'll get it done.",
    "Ten, it's not a big job.",
)
CLIENT_COMPLIANT_TAKEAWAY = (
    "That I'll {task} {when}. That's the plan.",
    "The next step, mainly. I've got it written on my list.",
)
CLIENT_COMPLIANT_CHECK = (
    "It was good, thanks. Nothing to change.",
    "All good. It was useful, thanks.",
)
