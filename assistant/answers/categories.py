"""The members of a kind of thing a question picks among, when no photo names the kind itself: nobody writes "did
some sport today", so "which sport did I do most in 2010" counts the visits of each sport the photos do name.

The sports are world knowledge, not this library's: the summer and winter Olympic programmes and the common
recreational and fitness activities (as in Wikipedia's "List of sports"), each as its activity noun and, for
sports said with a verb, the verb ("swim" finds "Swim at the pool" and "swam"). Left out are names that are
mostly something else in a diary ("squash" the vegetable, "boxing" of Boxing Day, "fencing" a fence, "pool" the
swimming pool, "bowls" the dishes, "polo" the shirt, "curling", "spinning"), and verbs that mostly are ("dive", "sail").
"""

from __future__ import annotations

import weakref

import numpy as np

from ..core.words import terms
from ..library import Library

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

# What a household buys at a supermarket or a market, as a shopping list names it: the fresh, chilled, pantry and
# household aisles of a grocer's (dozens of common items, not this library's). Left out are what is mostly had
# ready-made or out ("chips", "cake", "croissant", "wine", "beer"), and "water".
GROCERIES = frozenset("""
    apple banana orange lemon lime grape strawberry blueberry raspberry cherry peach pear plum apricot mango pineapple
    watermelon melon kiwi avocado tomato potato onion garlic carrot lettuce spinach kale broccoli cauliflower cabbage
    cucumber capsicum pepper zucchini courgette eggplant aubergine mushroom pea bean corn celery pumpkin leek asparagus
    beetroot basil parsley coriander ginger milk cheese butter yoghurt yogurt cream egg haloumi feta mozzarella parmesan
    bread bagel rice pasta spaghetti noodle flour sugar salt oil vinegar cereal oat muesli honey jam coffee tea biscuit
    cracker chocolate nut lentil chickpea stock chicken beef pork lamb mince sausage bacon ham salmon tuna fish prawn tofu
    juice nappy detergent soap shampoo toothpaste
""".split())
# Words that ask about buying food for the house ("how often did I do the grocery shopping"): a diary writes what it
# bought ("Vic Market: bread, eggs and milk", "I bought apples and milk") far more often than the word itself.
SHOPPING_WORDS = frozenset(("grocery", "supermarket", "shopping"))
LISTED_GROCERIES = 2  # a caption that names this many groceries is a shopping list ("bananas and bread"; "roast chicken" is a dinner) ...
SHOPS = frozenset(terms("shop shops store supermarket grocer market"))  # ... as is one with a shop ("out of milk, went to the shop")


def members(noun: str | None) -> dict[str, str]:
    """The members of the kind a question's noun names (activity noun -> its verb), or {} for no known kind."""
    return CATEGORIES.get(noun or "", {})


_LISTS: "weakref.WeakKeyDictionary[Library, np.ndarray]" = weakref.WeakKeyDictionary()


def grocery_list_rows(library: Library) -> np.ndarray:
    """Photos (bool per photo) whose caption names at least LISTED_GROCERIES different groceries, or one and a shop:
    the diarist's own words, not a menu or a price tag read by OCR."""
    listed = _LISTS.get(library)
    if listed is None:
        keys = {key for item in GROCERIES for form in (item, item + "s", item + "es") for key in terms(form)}
        captions = library.texts(np.arange(len(library)), ["caption"])["caption"]
        listed = _LISTS[library] = np.array([_lists_groceries(set(terms(caption)), keys) for caption in captions], dtype=bool)
    return listed


def _lists_groceries(words: set[str], groceries: set[str]) -> bool:
    named = len(words & groceries)
    return named >= LISTED_GROCERIES or (named == 1 and bool(words & SHOPS))
