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
    "What's changed with {coach_focus} since we last spoke?",
    "When you think about {coach_focus}, what comes up first?",
    "What would you like me to understand about this?",
    "What's most alive for you in this right now?",
    "How is this showing up in your week?",
    "What do you make of it, looking at it today?",
    "What part of this have we not talked about yet?",
    "What do you find yourself doing when it gets difficult?",
    "What's the story you tell yourself about it?",
    "Who else is part of this for you?",
    "What matters most to you in all of this?",
    "What does a good day with this look like, and what does a hard one look like?",
    "How did it go the last time it went well?",
    "What would you want to be different a month from now?",
)
CLIENT_STORY_OPEN = (
    "Well, last week {setback}.",
    "So the latest thing is that {setback}.",
    "It came to a head a few days ago, when {setback}.",
    "Where do I start? On Monday {setback}.",
    "Okay. So the other day {setback}.",
    "The short version is that {setback}.",
    "Here is what happened. {setback_cap}.",
    "Right, so this week {setback}.",
    "There was a moment on Thursday when {setback}.",
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
    "And I've felt really {feeling} since then.",
    "Most days it feels like {metaphor}.",
    "Honestly, {sense}, and I don't know what to do with that.",
    "I told {name} about it later and we didn't really get anywhere.",
    "And I keep thinking about what {value} means for me in all this.",
    "Part of me just wants {hope}.",
    "I lay awake that night going over it, and the next night too.",
    "I'm not proud of how I handled it, and I've been kicking myself since.",
    "And it's not the first time, either. It keeps happening in different forms.",
    "I noticed I was holding my breath the whole time.",
    "Afterwards I went for a long walk just to clear my head, and it barely helped.",
    "I think {name} could tell something was off, but neither of us said anything.",
    "I did what I always do, which is smile and carry on.",
    "It's been sitting with me all week, like a stone in my shoe.",
    "At home they say I talk about nothing else in the evenings.",
    "And then there's the rest of life going on at the same time.",
    "It's a bit like being {metaphor}, if that makes sense.",
    "I felt really {feeling}, more than the situation deserved.",
    "I care about {value}, and that's what makes it sting.",
    "I tried to laugh it off in the moment, but it stayed with me for days.",
    "Looking back, I could see it coming a mile off, and I still walked into it.",
    "By the evening I was exhausted, and I hadn't even done the real work.",
    "And {name} didn't mention it again, which somehow made it worse.",
    "What bothers me is that I knew what I wanted to say.",
)
CLIENT_STORY_CLOSE = (
    "I suppose what I really want is {hope}.",
    "And I don't know how to get out of that pattern.",
    "So yes, that's where I am with it.",
    "I just want it to feel different.",
    "What I'd love, more than anything, is {hope}.",
    "So that's it, more or less. That's where things stand today.",
    "And I'd like to find a better way through it.",
    "I think that's why it's on my mind so much today.",
    "Deep down I want {hope}.",
    "I want to handle the next one differently.",
    "That's the bit I want to work on, if we can.",
    "So I'm hoping we can untangle it a bit.",
    "I'd like to stop feeling like this about it.",
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
    (
        "Where were you when it happened?",
        "At my desk, with the whole floor listening.",
    ),
    (
        "How often does that happen?",
        "Every couple of weeks, maybe more.",
    ),
    (
        "Did anyone else notice?",
        "I think one person did. She gave me a look afterwards.",
    ),
    (
        "What did you do next?",
        "I went back to my emails and pretended it hadn't happened.",
    ),
    (
        "How did you feel walking out of there?",
        "Shaky. And cross with myself.",
    ),
    (
        "What did {name} say afterwards?",
        "Nothing about it. We talked about something else entirely.",
    ),
    (
        "Has anything like this happened before?",
        "Once, a few years ago, in my old job.",
    ),
    (
        "How long did it stay with you?",
        "Most of the day, to be honest.",
    ),
    (
        "What time of day was it?",
        "Late afternoon, when I'm at my most tired.",
    ),
    (
        "What were you hoping would happen?",
        "That someone would back me up. Nobody did.",
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
    "Yes. That's exactly it. I think I've been pretending it doesn't bother me.",
    "Mm, yes. When you say it like that I realise how long I've been carrying it.",
    "Right. And I think {value} is the bit I keep losing sight of.",
    "Yes. I hadn't noticed until now how much of it is about {value}.",
    "That's it. I think I want {hope}, and I've been too busy to admit it.",
    "Yes, and I notice my shoulders drop when you say that. It's a relief to hear it named.",
    "Exactly. I've been putting on a brave face, and it's wearing thin.",
    "Yes. I think part of me has known that for a while, and I've been avoiding looking at it.",
    "That lands. It's more about how I see myself than about what happened.",
    "Yes. And saying it out loud makes me realise I want to do something about it.",
)
GOOD_SUMMARY = (
    "Let me check I've got this. {setback_you_cap}, you felt {feeling}, and it's like {metaphor_you}. What you want is {hope_you}. Have I missed anything?",
    "Can I pull a few threads together? There's {focus_you}, there's feeling {feeling}, and there's {value}, which really matters to you. Is that a fair summary?",
    "So, putting it together. {setback_you_cap}, and since then you've felt {feeling}. Underneath it is {value}. Have I got that right?",
    "Here's what I'm hearing. It's like {metaphor_you}, and what you want is {hope_you}. What have I left out?",
    "If I gather it up, there's {focus_you}, a sense that {sense_you}, and {value}, which matters a lot to you. How does that sound?",
    "Let me play that back. {setback_you_cap}. You felt {feeling}, and you'd like {hope_you}. Is that close?",
    "So, three things, I think. Feeling {feeling}, {focus_you}, and wanting {hope_you}. Does that fit?",
)
CLIENT_AFTER_SUMMARY = (
    "No, that's it. Hearing it all together actually helps.",
    "That's fair. I'd add that I'm tired of waiting for it to fix itself.",
    "Yes. When you put it all in one place it makes more sense.",
    "Yes, that's the whole of it. It's good to hear it laid out.",
    "That's right. I hadn't joined those up before.",
    "Yes. Seeing it together, I know where I want to start.",
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
    (
        "There's another side to this I'd like to mention, if that's okay.",
        "Yes, of course. Tell me about it.",
    ),
    (
        "I realise I haven't said anything about home, and it's part of it.",
        "Go ahead. How does home come into it?",
    ),
    (
        "Something came up this morning that I think belongs here.",
        "Let's hear it. What came up?",
    ),
    (
        "Can I say something I've been holding back?",
        "Please do. What's on your mind?",
    ),
    (
        "I want to add one thing before we move on.",
        "Sure. What would you like to add?",
    ),
)
# When the client's words offer nothing specific to reflect, the coach reflects the whole.
GOOD_PLAIN_REFLECTION = (
    "So it's been weighing on you.",
    "That's a lot to be carrying.",
    "It sounds like it's been hard to put down.",
    "It sounds like it's taken a lot out of you.",
    "So this has been on your mind for a while.",
    "You've been holding a lot of this on your own.",
    "It's been sitting heavily with you.",
    "So it keeps coming back, even when you try to put it aside.",
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
    "What's becoming clearer for you?",
    "What do you know now that you didn't at the start of today?",
    "What feels important about what you just said?",
    "What's the pattern you're noticing?",
)
CLIENT_INSIGHT = (
    "I think what I'm realising is that I've been waiting for permission. And nobody's going to give it to me. I want to stop waiting.",
    "I suppose I'm seeing that I keep doing the same thing and expecting it to go differently. I need to try something else.",
    "It's funny, I came in thinking the problem was {name}, but I think it's more about me not saying what I need. I'm ready to change that.",
    "I think I've known this for a while. I just haven't wanted to look at it. I want to do something about it now.",
    "I think I'm realising that I don't have to get it perfect. I just have to start. I want to try that.",
    "What I notice is that I keep putting everyone else first. I need to change that, even a little.",
    "I'm starting to see that the fear is bigger than the actual risk. I'm ready to do something about it.",
)
GOOD_AFFIRM = (
    "That's a real insight, and it took some courage to say.",
    "I can hear how much clearer that is for you.",
    "You've done a lot of thinking in the last few minutes.",
    "That sounds like an important thing to see.",
    "You've put your finger on something there.",
    "That's a big shift from where you started today.",
)

GOOD_ASK_ACTION = (
    "So what might you do about it?",
    "What's one small step you could take before we next meet?",
    "What options can you see now?",
    "What could you do differently this time?",
    "Given all that, what would you like to try?",
    "What's one thing that would move this forward?",
    "Where would you like to begin?",
)
CLIENT_OPTIONS = (
    "I could {task}. Or maybe {task2}. The first one scares me more, which probably means it matters more.",
    "Well, I could {task}. I've been putting that off for ages. And I could {task2}.",
    "One thing would be to {task}. Another is to {task2}. Both feel possible.",
    "Maybe {task}. Or {task2}, which would be easier to start.",
    "I've thought about it. I could {task}, or I could {task2}.",
)
GOOD_ASK_CHOICE = (
    "Which of those feels right to start with?",
    "Which one do you want to commit to?",
    "Which of those would you like to try first?",
    "Which one feels most like you?",
    "Which would make the biggest difference?",
    "Which of them are you drawn to?",
)
CLIENT_COMMIT = (
    "I'm going to {task} {when}. I'll put it in the diary today.",
    "I'll {task}, and I'll do it {when}. I want to be able to tell you how it went.",
    "I'll {task}. I'm going to do it {when}, before I can talk myself out of it.",
    "I'm going to {task} {when}. I've decided.",
    "The first one. I will {task} {when}.",
)
GOOD_ASK_CONFIDENCE = (
    "On a scale of nought to ten, how confident are you that you'll do it?",
    "How sure do you feel, out of ten?",
    "How likely is it that you'll do it, out of ten?",
    "Where are you on a scale of one to ten, that it'll happen?",
    "If ten is certain, where are you now?",
    "How confident are you, from one to ten?",
)
CLIENT_CONFIDENCE = (
    "Seven, maybe. It depends on the week.",
    "Eight. I really want to do this one.",
    "Six, if I'm honest. I've said this kind of thing before.",
    "About a seven. I want it, but I know me.",
    "Eight, I think. It feels doable.",
    "A six. Maybe a six and a half.",
    "Seven. Higher than it would have been last month.",
)
GOOD_RAISE_CONFIDENCE = (
    "What would make it one point higher?",
    "What could get in the way, and what would help?",
    "What would help you get there?",
    "What support would make the difference?",
    "What might stop you, and how would you handle it?",
    "What would get it to a nine?",
)
CLIENT_RAISE = (
    "If I told someone I was doing it. Maybe I'll tell {name}, so I can't back out.",
    "Blocking the time now, before the week fills up. I'll do that straight after this call.",
    "Putting a reminder in my phone for the morning. That usually works for me.",
    "Telling a friend, so someone asks me about it at the weekend.",
    "Doing it early in the day, before everything else gets in the way.",
    "Writing down why it matters. I'll stick it on the fridge.",
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
    "Did you talk to {name} like I said?",
    "Have you written the plan yet?",
    "Is {name} still doing that?",
    "Did it work?",
    "Have you told anyone else about this?",
    "Was that before or after the meeting?",
    "Do you think {name} noticed?",
    "Is that the same thing as last month?",
)
STRAINED_WHY = (
    "Why haven't you done anything about it yet?",
    "Why do you let {name} get to you like that?",
    "Why didn't you just say no?",
    "Why would you agree to that?",
    "Why didn't you tell {name} straight away?",
    "Why do you keep putting it off?",
    "Why is this so hard for you?",
    "Why didn't you ask for help sooner?",
    "Why would {name} listen to you if you don't push?",
    "Why haven't you written anything down yet?",
    "Why do you think that keeps happening to you?",
    "Why not just {task_you}?",
)
STRAINED_LEADING = (
    "Don't you think it would be better to just {task_you}?",
    "Wouldn't it be easier if you simply told {name} how it is?",
    "Surely the answer is to {task_you}, isn't it?",
    "You'd agree that you're avoiding it, wouldn't you?",
    "Don't you think {name} would respect you more if you were firmer?",
    "Wouldn't it make sense to {task_you} this week?",
    "Surely you can see that this can't go on, can't you?",
    "It's obvious the problem is the way you handle {name}, isn't it?",
    "You know what you need to do, don't you?",
    "Don't you think you're making this harder than it is?",
    "Wouldn't you feel better if it was simply sorted?",
    "You'd admit it's been going on too long, wouldn't you?",
)
STRAINED_STACKED = (
    "Have you tried to {task_you}? Or talked to {name}? What about going to HR?",
    "What happened? Did you say anything? Was {name} there?",
    "Is it the workload? Or is it {name}? Or is it you?",
    "Did you tell {name}? What did they say? And what did you do then?",
    "Is it time? Is it confidence? Or do you just not want to?",
    "When are you going to {task_you}? This week? Next week?",
    "What's stopping you? Is it {name}? Is it the workload?",
    "Have you planned it? Have you put it in the diary? Does {name} know?",
    "Why now? What changed? Was it something {name} said?",
    "Do you want this or not? And if you do, what are you waiting for?",
    "How long has it been? A month? Longer?",
    "Who have you told? Your manager? Anyone at home?",
    "Is {name} the problem here? Or the deadlines? Or the way you plan your week?",
    "Did you sleep on it? Did it look different in the morning?",
    "Have you thought about what it's costing you? And what it's costing the team?",
    "Which bit is hardest? Starting? Keeping going?",
    "Did {name} push back? Did you hold your ground?",
    "What's your plan? Do you even have one yet?",
    "Are you avoiding {name}? Or avoiding the task itself?",
    "When did this start? Before the summer? After the reorganisation?",
    "Have you asked for help? From whom? And what happened?",
    "Is it fear? Is it habit? Is it something else?",
    "Did you write anything down? Did you share it with anyone?",
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
    "You need to set yourself a deadline and stick to it.",
    "The best thing you can do is {task_you} and stop waiting for the right moment.",
    "You have to stop worrying what {name} thinks.",
    "What works is a clear plan, written down, with dates.",
    "You should be having this conversation with {name} this week.",
    "People respect directness, so just say it.",
    "I'd recommend blocking out an hour every morning for it.",
    "The trick is to stop asking permission.",
    "You've got to prioritise, it's as simple as that.",
    "Most people overcomplicate this, and the answer is usually the obvious one.",
    "I always tell people to start with the hardest thing first.",
    "You need to take control of your diary.",
    "Just tell {name} what you need and leave it at that.",
    "My advice is to stop explaining yourself so much.",
    "You should make a list tonight and work through it.",
    "It's really about setting expectations early.",
    "Don't let {name} set the agenda for you.",
    "You have to be more assertive, that's the bottom line.",
    "I've seen this a hundred times, and it always comes down to follow-through.",
    "Try to {task2_you} first, it's the quick win.",
    "You need to stop saying yes to everything.",
    "What I'd do is book the time right now, while we're talking.",
    "Write down three priorities and ignore everything else.",
    "You can't keep waiting for things to improve on their own.",
    "If it were me, I'd have sorted this weeks ago.",
    "You need to be clear about what you will and won't do.",
    "Send {name} an email today, keep it short, and move on.",
    "Nobody is going to hand you this, so you have to take it.",
    "You're overthinking it, so pick something and do it.",
    "The first step is obvious, and it's to {task_you}.",
    "Stop treating every request as urgent.",
    "Put it in the diary, and treat it like a meeting with the CEO.",
    "You'll feel better the moment it's done, I promise you.",
    "I'd have a frank word with {name} before the end of the week.",
    "Keep it simple, one goal and one deadline.",
    "The sooner you deal with it, the smaller it gets.",
    "You're far too nice about this, frankly.",
    "Take an hour on Friday and clear the decks.",
    "Set the rules now and people will follow them.",
    "Don't wait until you feel ready, because you never will.",
    "You have to show {name} you mean business.",
    "What you're missing is a routine.",
    "Be firm, be brief and don't apologise.",
    "Ask yourself what a strong leader would do, and do that.",
    "The answer is almost always to have the conversation sooner.",
)
# Guarded answers that fit the question they answer.
CLIENT_GUARDED_CLOSED = ("Not really.", "No.", "Sort of.", "Yes.", "A bit.", "Not yet.")
CLIENT_GUARDED_WHY = ("I don't know.", "I just didn't.", "It's complicated.", "No reason, really.")
CLIENT_GUARDED_STACKED = (
    "Which one?",
    "I don't know. All of it, maybe.",
    "Sort of. I don't know.",
    "Um. The first one, I guess.",
    "All of them, a bit. I'm not sure.",
    "I don't know which to answer.",
    "Bit of everything, really.",
)
CLIENT_YES_BUT = (
    "Yeah, but it's not that simple.",
    "I've tried that, but it didn't go anywhere.",
    "Maybe, but {name} wouldn't go for it.",
    "I hear you, but that's not really how it works where I am.",
    "Yes, but I don't have the time for that.",
    "I know, but it's harder than it sounds.",
    "Sure, but you don't know {name}.",
    "Maybe, but I've got a lot on right now.",
    "Okay, but that's easier said than done.",
    "I suppose, but it's never come to anything before.",
    "Yeah, but then who does the rest of it?",
    "Right, but that's not really the issue.",
    "I understand, but it's not my call.",
    "Yes, but I'd need {name} to agree first.",
    "I guess, but it feels a bit much.",
    "That's true, but it'll just make things awkward.",
    "I see that, but I've done that already.",
)
CLIENT_DOUBT = (
    "I'm not sure this is really helping, to be honest.",
    "I don't really see how talking about it changes anything.",
    "We talked about this last time and nothing changed.",
    "I only really come because work is paying for it.",
    "I don't see how this is going to help, honestly.",
    "I'm only here because my manager suggested it.",
    "I've tried coaching before and it didn't change much.",
    "Sometimes this feels like a waste of time.",
)
# The strained coach's answer to the client's doubt, cutting in.
STRAINED_DOUBT_REPLY = (
    "Well, it only works if you put the effort in.",
    "Look, you get out of this what you put in.",
    "That's exactly why we need to be more disciplined about it.",
    "It will help once you actually do what we agree.",
)
CLIENT_SUSTAIN = (
    "There's no point, nothing's going to change.",
    "I can't really do anything about it.",
    "That's just how it is.",
    "It's always been like this, so I can't see it changing.",
    "I don't think I can do much about it.",
    "Things like that don't change, in my experience.",
    "I'd rather leave it as it is, to be honest.",
    "It's not something I can fix.",
)
CLIENT_CUT_OFF = (
    "I was going to say that",
    "It's more that I",
    "The thing is, {name}",
    "Well, what happened was",
    "Can I just say",
    "Actually, the problem is",
    "That's not quite what",
    "I think what I mean is",
    "What I was trying to say",
    "The reason I didn't was",
    "If I could just finish",
    "The bit you're missing is",
    "I did try, it's just",
    "It's not that I don't",
)
STRAINED_INSIGHT = (
    "What you need to see here is that this is a pattern. You do it every time. Once you accept that, the rest is easy.",
    "The real issue, and I'll be blunt, is confidence. You need to believe in yourself more.",
    "I think the lesson here is obvious. You take on too much because you want to be liked.",
    "Let me tell you what I'm hearing. You know what to do, you just don't do it.",
    "Here's what I think is going on. You're scared of conflict, and it's costing you.",
    "The pattern is clear to me. You wait, and then it's too late.",
    "What I see is someone who knows the answer and won't act on it.",
    "To be honest, the issue is that you care too much what people think.",
    "If I'm blunt, this is about boundaries, and you don't have any.",
    "I'll tell you what I think. You already know the answer and you're scared of it.",
    "Frankly, the problem isn't {name}. It's that you won't make a decision.",
    "What I'm seeing is a habit of waiting for permission. Stop waiting.",
    "This is the same thing we talked about last time, just in different clothes.",
)
STRAINED_HOMEWORK = (
    "So, homework. I want you to {task_you}, {task2_you}, and write me a short note on how it went. Okay?",
    "Right, for next time. {task_you_cap}. And {task2_you}. No excuses this time.",
    "Okay. Before next time you need to {task_you} and {task2_you}. I'll want to see it done.",
    "Homework, then. {task_you_cap}, and {task2_you} as well. Write it all down.",
    "So by next session I expect you to {task_you}. And {task2_you}, too.",
    "Right. Two things for next time. {task_you_cap}. Then {task2_you}.",
    "Your action for next time is to {task_you}. No more putting it off.",
    "By the time we meet again I want you to have done one thing, and that's {task_you}.",
    "Let's be concrete. You'll {task_you} this week, and {task2_you} the week after.",
    "Here's the plan. First {task_you}, then {task2_you}, and email me when both are done.",
    "I'm setting you one task, and it's to {task_you}. We'll check it at the start of next session.",
    "Same as before, really. {task_you_cap}. This time actually do it.",
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
    "On Monday I sent the summary to {name} and copied in the rest of the team.",
    "I booked the room for the next meeting and sent the invitations out on Tuesday.",
    "We went through the figures line by line and everything matched what we expected.",
    "I finished the second part on Wednesday afternoon, a day earlier than planned.",
)
COMPLIANT_PROBE = (
    "And how was that for you?",
    "What did you make of it?",
    "What was that like, doing it?",
    "What did you notice in yourself while you were doing it?",
    "What stood out for you about it?",
    "How did it sit with you afterwards?",
    "What was it like once it was done?",
)
CLIENT_FLAT = (
    "It was okay. I just did what we said.",
    "Not much to say, really. It got done.",
    "I didn't really think about it. I just got on with it.",
    "It went to plan, so no complaints.",
    "Okay, I think. It's one more thing off the list.",
    "Fine. It was just another task on the list, and now it's done.",
    "Nothing special. It was on the list, so I did it, the same as the others.",
    "It was straightforward enough. I followed the plan and it went through.",
    "Much the same as anything else at work, really. It got done on time.",
    "It was alright. No problems, and nobody asked any questions about it.",
)
COMPLIANT_REFLECTION = (
    "So you got it done.",
    "It sounds like it went to plan.",
    "So you followed it through.",
    "So that's done and dusted.",
    "It went the way you planned it.",
    "So it's ticked off.",
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

# ---- saying a line again ------------------------------------------------------------------
# When a long session has used every line of a table, the line said again opens with one of
# these, so that no longer line is said twice verbatim. Only fillers the analysers skip before a
# question or a "yes, but" (so the line keeps its kind).
LEAD_INS = ("So,", "Well,", "Hmm,", "Um,", "Mm,", "Oh,", "So, um,", "Um, so,")
# A coach who lectures says the same advice again, and says so.
ADVICE_LEAD_INS = (
    "As I said,",
    "Again,",
    "Like I said before,",
    "I'll say it again,",
    "Honestly,",
    "Look,",
    "Trust me,",
    "Believe me,",
    "Seriously,",
    "I keep saying it,",
    "Remember,",
    "Listen,",
)


# How a session opens and closes, by how it is going: (coach's lines, client's answers).
# A compliant client reports the last action done, and the coach, not the client, names the aim.
OPENINGS: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {
    "compliant": (
        (GOOD_GREETING, COMPLIANT_CHECKIN),
        (COMPLIANT_REVIEW, CLIENT_DID_IT),
        (COACH_PROPOSES_AIM, CLIENT_GOES_ALONG),
    ),
    "good": (
        (GOOD_GREETING, GOOD_CHECKIN),
        (GOOD_ASK_FOCUS, CLIENT_FOCUS),
        (GOOD_ASK_SUCCESS, CLIENT_SUCCESS),
        (GOOD_CONFIRM_AIM, CLIENT_AGREE),
    ),
    "strained": (
        (STRAINED_GREETING, CLIENT_GUARDED_OPEN),
        (STRAINED_AGENDA, CLIENT_GUARDED),
    ),
}
CLOSES: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {
    "compliant": (
        (GOOD_TAKEAWAY, CLIENT_COMPLIANT_TAKEAWAY),
        (GOOD_RELATIONSHIP_CHECK, CLIENT_COMPLIANT_CHECK),
        (GOOD_PROMISE, CLIENT_GOODBYE),
    ),
    "good": (
        (GOOD_TAKEAWAY, CLIENT_TAKEAWAY),
        (GOOD_RELATIONSHIP_CHECK, CLIENT_RELATIONSHIP_ANSWER),
        (GOOD_PROMISE, CLIENT_GOODBYE),
    ),
    "strained": ((STRAINED_WRAP, CLIENT_FLAT_GOODBYE),),
}
