"""A real browser (Playwright driving Debian's Chromium) against the real app: demo lifelog, tiny CLIP.

Every test opens its own browser context, so it is its own session with its own conversation. The
screenshots go to artifacts/screenshots/ always, and also to $LIFELOG_SCREENSHOTS when it is set
(`make screenshots` points it at docs/screenshots/, which the README shows).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TIMEOUT_MS = 60_000  # the first message may wait for the model and library to load on two busy cores
VIEWPORT = {"width": 1280, "height": 860}


def unavailable(reason: str) -> None:
    """Skip here, but fail in CI: CI installs Chromium, so a missing browser there is a broken setup."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests (`make test` installs Chromium as root)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the browser tests need the playwright package: pip install -e '.[test]'")
    if not CHROMIUM.exists():
        unavailable(f"the browser tests need Chromium at {CHROMIUM}: sudo apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, app_server):
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(app_server)
    yield page
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


def save_screenshot(page, name: str) -> Path:
    """A full-page PNG, palette-reduced so it stays small enough to commit; copied to $LIFELOG_SCREENSHOTS."""
    from PIL import Image
    from playwright.sync_api import expect

    expect(page.locator("[data-testid='status-tracker']:not(.hide)")).to_have_count(0)  # nothing still updating
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    with Image.open(path) as shot:
        shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    if os.environ.get("LIFELOG_SCREENSHOTS"):
        target = ROOT / os.environ["LIFELOG_SCREENSHOTS"]
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / name)
    return path


# ---- what the page shows ------------------------------------------------------------------------


def send(page, text: str) -> None:
    page.locator("#message textarea").fill(text)
    page.locator("#message textarea").press("Enter")


def chips(page):
    return page.locator("#chips label")


def captions(page):
    return page.locator("#results .caption-label")


def last_reply(page):
    return page.locator("#chat .message.bot").last


def photo_id(image) -> str:
    """The library id of a photo on screen: Gradio serves it under its own file name."""
    return unquote(image.get_attribute("src").rsplit("/", 1)[-1])


def moment_panel(page):
    return page.locator("#moment").first  # Gradio 6 repeats a group's elem_id on an inner wrapper


# ---- the tests ----------------------------------------------------------------------------------


def test_a_german_memory_gets_its_chips_and_the_reply_says_what_reads_it(page):
    from playwright.sync_api import expect

    expect(page.locator("#notice")).to_be_hidden()
    send(page, "Kaffee mit einem Laptop an einem Freitagmorgen im Mai 2019 in Dublin")
    expect(chips(page)).to_have_text(["May 2019", "Fridays", "morning", "near Dublin", "looking for: Kaffee mit einem Laptop"])
    expect(captions(page).first).to_have_text(re.compile(r"^1\. Fri \d\d May 2019, \d\d:\d\d · "))
    # the app runs the tiny CLIP, with no multilingual text tower: the reply says the English one ranks the pictures
    expect(last_reply(page)).to_contain_text("Your memory is in German, and no multilingual CLIP text model is installed")
    expect(last_reply(page)).to_contain_text("I reply in English")
    save_screenshot(page, "german.png")


def test_a_memory_fills_the_gallery_and_a_moment_leads_to_more_like_it(page):
    from playwright.sync_api import expect

    expect(page.locator("#notice")).to_be_hidden()  # loaded: the loading notice goes (a library was given: no demo notice)
    send(page, "coffee on a Friday morning in Dublin")
    expect(chips(page)).to_have_text(["Fridays", "morning", "near Dublin", "looking for: coffee"])
    expect(page.locator("#results img").first).to_be_visible()
    expect(captions(page).first).to_have_text(re.compile(r"^1\. Fri \d\d May 2019, \d\d:\d\d · "))
    expect(last_reply(page)).to_contain_text(re.compile(r"\d+ photos fit"))

    send(page, "not at home")  # a refinement adds to what is already there
    expect(chips(page)).to_have_text(["Fridays", "morning", "near Dublin", "not: Home", "looking for: coffee"])
    assert not any("Home" in caption for caption in captions(page).all_inner_texts())  # chips and gallery update together
    expect(page.locator("#map img")).to_be_visible()
    assert page.locator("#results img").count() >= 3
    save_screenshot(page, "chat.png")

    page.locator("#results .thumbnail-item").nth(1).click()
    panel = moment_panel(page)
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(re.compile(r"Fri \d\d May 2019, \d\d:\d\d"))  # the time span
    expect(panel).to_contain_text(re.compile(r"\d+ photos? in this moment"))
    assert page.locator("#timeline img").count() >= 3
    page.locator("#more-like").scroll_into_view_if_needed()
    expect(page.locator("#timeline .caption-label", has_text="◀")).to_be_in_viewport()  # the chosen photo, not scrolled away
    expect(page.locator("#more-like")).to_be_visible()
    save_screenshot(page, "moment.png")

    before = captions(page).all_inner_texts()
    strip_photo = page.locator("#timeline img").first
    example = photo_id(strip_photo)
    strip_photo.click()
    expect(chips(page).filter(has_text=f"like: photo {example}")).to_have_count(1)
    expect(page.locator("#results img").first).to_have_attribute("src", re.compile(re.escape(example) + "$"))  # the example first
    expect(captions(page)).not_to_have_text(before)
    expect(panel).to_be_hidden()  # new results close the old moment
    expect(last_reply(page)).to_contain_text(f"More like photo {example}")
    save_screenshot(page, "more_like.png")


def test_more_like_this_button_searches_by_the_opened_moment(page):
    from playwright.sync_api import expect

    send(page, "a desk with a laptop")
    expect(page.locator("#results img").nth(2)).to_be_visible()
    chosen = photo_id(page.locator("#results img").nth(2))
    page.locator("#results .thumbnail-item").nth(2).click()
    page.locator("#more-like").click()
    expect(chips(page).filter(has_text=f"like: photo {chosen}")).to_have_count(1)
    expect(page.locator("#results img").first).to_have_attribute("src", re.compile(re.escape(chosen) + "$"))


def test_unticking_a_chip_drops_it_and_searches_again(page):
    from playwright.sync_api import expect

    send(page, "pints in a pub on a Friday evening")
    expect(chips(page)).to_have_text(["Fridays", "evening", "looking for: pints in a pub"])
    expect(page.locator("#results img").first).to_be_visible()
    before = captions(page).all_inner_texts()
    assert all(caption.split(". ", 1)[1].startswith("Fri") for caption in before)

    chips(page).filter(has_text="Fridays").click()
    expect(chips(page)).to_have_text(["evening", "looking for: pints in a pub"])
    expect(captions(page)).not_to_have_text(before)
    expect(last_reply(page)).to_contain_text("Dropped Fridays")
    after = captions(page).all_inner_texts()
    assert not all(caption.split(". ", 1)[1].startswith("Fri") for caption in after)
    hours = [int(re.search(r", (\d\d):\d\d ·", caption).group(1)) for caption in after]
    assert all(hour >= 16 for hour in hours), after  # each caption gives the time of its photo, which is in the evening
    save_screenshot(page, "chip_removed.png")


def test_no_results_offers_hints_and_picking_one_searches_again(page):
    from playwright.sync_api import expect

    send(page, "a pub in Thessaloniki on a Friday in the morning")  # the Thessaloniki trip was Saturday and Sunday
    expect(last_reply(page)).to_contain_text("Nothing fits all of that")
    offers = page.locator("#choices label")
    expect(offers.first).to_have_text(re.compile(r"^\s*1\. \d+ photos "))
    expect(last_reply(page)).to_contain_text(offers.first.inner_text().strip().split(". ", 1)[1])  # the reply lists the same choices
    assert page.locator("#results img").count() == 0
    save_screenshot(page, "no_results.png")

    offers.first.click()
    expect(page.locator("#results img").first).to_be_visible()
    expect(last_reply(page)).to_contain_text("Trying")
    expect(page.locator("#choices")).to_be_hidden()


def test_an_ambiguous_place_asks_which_one(page):
    from playwright.sync_api import expect

    send(page, "coffee at the airport")
    expect(last_reply(page)).to_contain_text("Which the airport did you mean?")
    expect(page.locator("#choices label")).to_have_text(["1. Dublin Airport", "2. Thessaloniki Airport Makedonia"])
    page.locator("#choices label", has_text="Thessaloniki").click()
    expect(chips(page)).to_have_text(["Thessaloniki Airport Makedonia", "looking for: coffee"])
    expect(captions(page).first).to_contain_text("Thessaloniki")
    for caption in captions(page).all_inner_texts():
        assert "Thessaloniki" in caption


def test_what_happened_before_and_after_and_not_this(page):
    from playwright.sync_api import expect

    send(page, "pints in The Brazen Head")
    expect(page.locator("#results img").first).to_be_visible()
    page.locator("#results .thumbnail-item").first.click()
    expect(moment_panel(page)).to_be_visible()
    page.locator("#after").click()
    expect(last_reply(page)).to_contain_text(re.compile("What happened after|Nothing else was recorded that day"))
    assert page.locator("#results img").count() > 0  # "nothing after" leaves the moments on screen
    if "Nothing else" in last_reply(page).inner_text():
        expect(moment_panel(page)).to_be_visible()
    else:
        page.locator("#results .thumbnail-item").first.click()
    page.locator("#before").click()
    expect(last_reply(page)).to_contain_text("What happened before")
    expect(moment_panel(page)).to_be_hidden()

    page.locator("#results .thumbnail-item").first.click()
    rejected = photo_id(page.locator("#results img").first)
    page.locator("#not-this").click()
    expect(chips(page).filter(has_text=f"not: photo {rejected}")).to_have_count(1)
    expect(page.locator("#results img").first).not_to_have_attribute("src", re.compile(re.escape(rejected) + "$"))


def test_an_empty_message_keeps_the_results_and_start_over_clears_them(page):
    from playwright.sync_api import expect

    send(page, "a bus")
    expect(page.locator("#results img").first).to_be_visible()
    shown = captions(page).all_inner_texts()
    page.locator("#send").click()
    expect(last_reply(page)).to_contain_text("Tell me what you remember")
    expect(captions(page)).to_have_text(shown)

    page.locator("#start-over").click()
    expect(last_reply(page)).to_contain_text("Starting over")
    expect(chips(page)).to_have_count(0)
    expect(page.locator("#results img")).to_have_count(0)

    send(page, "a bus")  # the chat's own bin starts over too
    expect(chips(page)).to_have_count(1)
    page.locator("#chat button[aria-label='Clear']").click()
    expect(chips(page)).to_have_count(0)
    expect(last_reply(page)).to_contain_text("Starting over")


def test_a_question_shows_the_answer_and_its_evidence_and_a_click_opens_the_moment(page):
    from playwright.sync_api import expect

    from assistant.demo.itinerary import ITINERARY, PLACES

    pub = next(activity for activity in ITINERARY if activity.scene == "pub")  # the demo's one evening in a pub
    pub_name = PLACES[pub.place].semantic_name
    send(page, "When did I last have a pint?")
    expect(last_reply(page)).to_contain_text(re.compile(rf"^\s*{pub.day} \(.*{re.escape(pub_name)}"))  # the answer comes first
    expect(captions(page).first).to_contain_text(pub_name)
    assert all(pub_name in caption for caption in captions(page).all_inner_texts())  # every result is evidence
    save_screenshot(page, "answer.png")

    page.locator("#results .thumbnail-item").first.click()
    panel = moment_panel(page)
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(pub_name)

    send(page, "How many times did I go to Taverna Ladadika?")
    expect(panel).to_be_hidden()  # new evidence closes the moment
    send(page, "show me")  # opens the first evidence moment, as a click does
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Taverna Ladadika")
