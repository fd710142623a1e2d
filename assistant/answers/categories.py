"""The members of a kind of thing a question picks among, when no photo names the kind itself: nobody writes "did
some sport today", so "which sport did I do most in 2010" counts the visits of each sport the photos do name.

The sports are world knowledge, not this library's: the summer and winter Olympic programmes and the common
recreational and fitness activities (as in Wikipedia's "List of sports"), each as its activity noun and, for
sports said with a verb, the verb ("swim" finds "Swim at the pool" and "swam"). Left out are names that are
mostly something else in a diary ("squash" the vegetable, "boxing" of Boxing Day, "fencing" a fence, "pool" the
swimming pool, "bowls" the dishes, "polo" the shirt, "curling", "spinning"), and verbs that mostly are ("dive", "sail").
"""

from __future__ import annotations

import numpy as np

from ..core.words import plural
from .answer import Answer
from .context import Context
from .moments import activity_rows
from .visits import visits

# activity noun -> the verb a diary says it with ("" when the noun is what it says: "tennis", "yoga")
SPORTS = {
    "swimming": "swim", "running": "run", "jogging": "jog", "cycling": "cycle", "hiking": "hike", "climbing": "climb",
    "bouldering": "", "rowing": "", "kayaking": "kayak", "canoeing": "canoe", "sailing": "", "surfing": "surf",
    "windsurfing": "windsurf", "kitesurfing": "kitesurf", "paddleboarding": "paddleboard", "diving": "",
    "skiing": "ski", "snowboarding": "snowboard", "skating": "skate", "skateboarding": "skateboard",
    "tennis": "", "badminton": "", "pickleball": "", "volleyball": "", "basketball": "", "netball": "", "football": "",
    "soccer": "", "futsal": "", "rugby": "", "cricket": "", "baseball": "", "softball": "", "hockey": "", "lacrosse": "",
    "handball": "", "golf": "", "archery": "", "judo": "", "karate": "", "taekwondo": "", "wrestling": "wrestle",
    "kickboxing": "", "weightlifting": "", "powerlifting": "", "gymnastics": "", "athletics": "", "triathlon": "",
    "marathon": "", "yoga": "", "pilates": "", "aerobics": "", "zumba": "", "crossfit": "", "bowling": "",
    "snooker": "", "billiards": "", "darts": "", "frisbee": "", "orienteering": "", "equestrian": "",
}
# nouns a question names the kind by ("which sport", "what exercise") -> its members
CATEGORIES = {"sport": SPORTS, "exercise": SPORTS, "workout": SPORTS}


def members(noun: str | None) -> dict[str, str]:
    """The members of the kind a question's noun names (activity noun -> its verb), or {} for no known kind."""
    return CATEGORIES.get(noun or "", {})


def most_of_kind(context: Context, noun: str, kind: dict[str, str], until_seconds: int) -> Answer:
    """ "Which sport did I do most": each visit in scope whose words name a member of the kind votes for it; the
    most (or least) visited wins. Found by a list and by words: likely at best, unsure when the counts nearly tie."""
    library = context.library
    scope = context.moments.scope & (library.local_seconds <= until_seconds)
    found, groups = [], []
    for name, verb in kind.items():
        rows = np.flatnonzero(activity_rows(library, name, verb) & scope)
        for group in visits(context.timeline, rows, library.utc_seconds, library.local_seconds):
            found.append((name, group.rows.tolist()))
            groups.append(group)
    if not found:
        return context.cannot_tell(f"I can't tell: no photo of {context.scope_label or 'the library'} names a {noun} I know "
                                   f"(of {len(kind)}, from swimming to {list(kind)[-1]}).", f"no {noun} named in the photos' words")
    named = sorted({name for name, _ in found})
    return context.valued(found, "at", "likely", f"the {plural(noun, 2)} the photos' words name ({', '.join(named)}), from a list of "
                          f"{len(kind)} {plural(noun, 2)}", groups)
