"""The web pages in a real headless browser: Debian's chromium (``make browser-deps``) driven
by Playwright, against ``kg serve`` running as a real process over the seeds graph.

Every test fails on a console error, an uncaught exception in a page, or any request to a
host other than the loopback server (such requests are also blocked, so a page that tries
to load something from the network is caught here, not only in review).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from server.ui import editor_available

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# Flags for a sandboxed, offline machine: no first-run work, no background connections.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
STARTUP_SECONDS = 90.0  # a deadline for the server to come up, not a timing assertion
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
QUERY = "SELECT ?person ?name WHERE { ?person a kg:Person ; rdfs:label ?name } ORDER BY ?name"

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail("no /usr/bin/chromium: `make browser-deps` installs it", pytrace=False)
    pytest.skip("no /usr/bin/chromium: run `make browser-deps`", allow_module_level=True)


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory,
    kg_command: list[str],
    free_port_factory: Callable[[], int],
) -> Iterator[str]:
    """Build seeds/ into a temporary store, serve it with ``kg serve``; yield its base URL."""
    folder = tmp_path_factory.mktemp("browser")
    store = folder / "store"
    built = subprocess.run(
        [*kg_command, "build", str(ROOT / "seeds"), "--store", str(store), "--quiet"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert built.returncode == 0, f"kg build failed:\n{built.stderr}"
    port = free_port_factory()
    log = folder / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*kg_command, "serve", "--store", str(store), "--host", "127.0.0.1",
             "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"kg serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{base}/timeline", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"kg serve did not answer within {STARTUP_SECONDS} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Watch:
    """What a page did that it must not: console errors, exceptions, remote requests."""

    errors: list[str] = field(default_factory=list)
    remote: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert self.requests, "every request passes the route that watches them"
        assert not self.errors, self.errors
        assert not self.remote, f"requests left the machine: {self.remote}"


@pytest.fixture
def page(browser: Browser, tmp_path: Path) -> Iterator[tuple[Page, Watch]]:
    watch = Watch()
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  accept_downloads=True)

    def route(route: Route) -> None:
        url = route.request.url
        watch.requests.append(url)
        host = urllib.parse.urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:")) or host in LOOPBACK:
            route.continue_()
        else:
            watch.remote.append(url)
            route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("console", lambda m: watch.errors.append(f"console {m.type}: {m.text}")
           if m.type in ("error", "warning") else None)
    tab.on("pageerror", lambda e: watch.errors.append(f"page error: {e}"))
    yield tab, watch
    shots = os.environ.get("KG_SCREENSHOTS")
    if shots:  # for people judging the pages: KG_SCREENSHOTS=/tmp/shots pytest ...
        Path(shots).mkdir(parents=True, exist_ok=True)
        for path in tmp_path.glob("*.png"):
            shutil.copy(path, Path(shots) / path.name)
    context.close()


def focus_editor(tab: Page) -> None:
    """Click into the query editor: CodeMirror when make vendored it, else the text area."""
    tab.click(".CodeMirror" if editor_available() else "#query")


def test_query_table_entity_page_and_highlighted_span(
    server: str, page: tuple[Page, Watch], tmp_path: Path
) -> None:
    tab, watch = page
    tab.goto(f"{server}/")
    editor = "codemirror" if editor_available() else "textarea"
    assert tab.get_attribute("html", "data-editor") == editor

    # Type a query as a person does, and run it from the keyboard.
    focus_editor(tab)
    tab.keyboard.press("Control+A")
    tab.keyboard.press("Delete")
    tab.keyboard.type(QUERY)
    with tab.expect_navigation():
        tab.keyboard.press("Control+Enter")
    rows = tab.locator(".results tbody tr")
    assert rows.count() >= 3
    assert "He Yadong" in tab.inner_text(".results table")
    shared = tab.input_value("#share-url")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(shared).query)["query"] == [QUERY]
    tab.screenshot(path=str(tmp_path / "browser-query.png"), full_page=True)

    # Follow the IRI to the entity page.
    tab.click("a[title='https://w3id.org/tradekg/id/actor/he-yadong']")
    tab.wait_for_selector("h1#entity-title")
    assert tab.inner_text("h1") == "He Yadong"
    assert tab.url.endswith("/id/actor/he-yadong")
    evidence = tab.locator(".statements blockquote.evidence").first
    mark = evidence.locator("mark")
    assert mark.is_visible()
    words = mark.inner_text()
    assert words and words in evidence.inner_text()
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the span is highlighted"
    tab.screenshot(path=str(tmp_path / "browser-entity.png"), full_page=True)

    # From the statement's words into the article, scrolled to the span.
    evidence.locator("footer a").click()
    tab.wait_for_selector(".article-text")
    fragment = urllib.parse.urlsplit(tab.url).fragment
    assert fragment.startswith("char=")
    # The span starts at its anchor (other spans may cut it into several marked pieces).
    target = tab.locator(f"[id='{fragment}'] + mark")
    assert target.is_visible() and words.startswith(target.inner_text())
    assert target.evaluate("m => m.getBoundingClientRect().top < innerHeight"), "scrolled to"
    watch.check()


def test_timeline_and_disagreements_pages(
    server: str, page: tuple[Page, Watch], tmp_path: Path
) -> None:
    tab, watch = page
    tab.goto(f"{server}/")
    tab.click("nav >> text=Timeline")
    tab.wait_for_selector("svg.timeline")
    markers = tab.locator("svg.timeline a.marker")
    assert markers.count() == tab.locator("table.events tbody tr").count() > 5
    box = tab.locator("svg.timeline").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    tab.screenshot(path=str(tmp_path / "browser-timeline.png"), full_page=True)
    # A marker is a link, reachable by keyboard, to the page of what it dates.
    first = markers.first
    first.focus()
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert "/id/" in tab.url

    tab.click("nav >> text=Disagreements")
    tab.wait_for_selector("section.disagreement")
    sections = tab.locator("section.disagreement")
    assert sections.count() >= 3
    assert tab.locator("section.disagreement svg").count() >= 3
    assert tab.locator(".side mark").count() >= 6
    tab.screenshot(path=str(tmp_path / "browser-disagreements.png"), full_page=True)
    watch.check()


def test_example_parameters_keyboard_and_download(
    server: str, page: tuple[Page, Watch], tmp_path: Path
) -> None:
    tab, watch = page
    tab.goto(f"{server}/")
    tab.click("text=Which measures did an actor take, and against whom?")
    tab.wait_for_selector("select#param-actor")
    tab.select_option("select#param-actor", label="Japan")
    with tab.expect_navigation():
        tab.click("text=Run with these values")
    table = tab.inner_text(".results table")
    assert "DiplomaticProtest" in table and "Masaaki Kanai" in table
    tab.screenshot(path=str(tmp_path / "browser-example.png"), full_page=True)

    # Tab leaves the editor (no keyboard trap) and reaches the Run button.
    focus_editor(tab)
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Run query"

    with tab.expect_download() as waiting:
        tab.click(".downloads >> text=CSV")
    path = waiting.value.path()
    header = Path(path).read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("measure,type,issuedBy")
    watch.check()


def test_changed_example_values_run_with_the_prominent_button_too(
    server: str, page: tuple[Page, Watch]
) -> None:
    tab, watch = page
    tab.goto(f"{server}/?example=07-measures-by-actor")
    tab.wait_for_selector("select#param-actor")
    assert tab.is_hidden("#stale-values")
    tab.select_option("select#param-actor", label="Japan")
    assert tab.is_visible("#stale-values")
    with tab.expect_navigation():
        tab.click("#query-form >> text=Run query")
    assert "Masaaki Kanai" in tab.inner_text(".results table")
    assert tab.input_value("select#param-actor") != ""  # the values form ran, and shows them
    watch.check()


PHONE = {"width": 390, "height": 844}


def _phone_pages(server: str) -> list[str]:
    """The pages a phone user reaches: query pages, pictures, and entity pages of each kind."""
    long_line = "SELECT ?label WHERE { ?x rdfs:label ?label FILTER(CONTAINS(?label, 'a') }"
    urls = ["/", f"/?{urllib.parse.urlencode({'query': long_line})}",
            "/?example=03-he-yadong", "/?example=07-measures-by-actor", "/timeline",
            "/disagreements", "/entities", "/ontology", "/id/actor/he-yadong",
            "/id/actor/china"]
    with urllib.request.urlopen(f"{server}/disagreements", timeout=30) as response:
        html = response.read().decode("utf-8")
    # An article, a measure and a disagreement of the seeds, as the disagreements page links
    # them.
    for kind in ("article", "measure", "disagreement"):
        found = re.search(rf'href="(/id/{kind}/[^"#]+)"', html)
        assert found, kind
        urls.append(found.group(1))
    return urls


def test_no_page_scrolls_sideways_on_a_phone(
    server: str, browser: Browser, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    missing: list[str] = []
    tab.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    try:
        for url in _phone_pages(server):
            tab.goto(f"{server}{url}")
            # clientWidth, the screen's: a phone's innerWidth grows to a page too wide for it
            # (the bold "Disagreements" in the menu, 394 px of 390, passed as 394 <= 394).
            wide = tab.evaluate("[document.documentElement.scrollWidth,"
                                " document.documentElement.clientWidth]")
            assert wide[0] <= wide[1], (url, wide)
            name = re.sub(r"\W+", "-", url).strip("-") or "query"
            tab.screenshot(path=str(tmp_path / f"phone-{name}.png"), full_page=True)
        # The disagreement pictures shrink to the screen and keep every label inside.
        tab.goto(f"{server}/disagreements")
        for svg in tab.locator("svg.bars, svg.grid").all():
            fits = svg.evaluate("""s => {
                const box = s.getBoundingClientRect();
                const inside = [...s.querySelectorAll('text')].every(t => {
                    const r = t.getBoundingClientRect();  // slanted headers: their extent
                    return r.left >= box.left - 1 && r.right <= box.right + 1;
                });
                return box.right <= innerWidth && inside;
            }""")
            assert fits
        assert not missing, f"404s: {missing}"
    finally:
        context.close()


def test_a_long_choice_does_not_widen_the_form_on_a_phone(
    server: str, browser: Browser
) -> None:
    # A drop-down is as wide as its longest choice; a larger corpus names bodies longer than
    # the seeds' ones (a 500 px form on a 390 px phone cut off the question and the field).
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    try:
        tab.goto(f"{server}/?example=07-measures-by-actor")
        tab.evaluate("""() => document.querySelector('select#param-actor').add(new Option(
            'Department of Industry Security and Import and Export Control of the Ministry '
            + 'of Commerce', 'x'))""")
        sizes = tab.evaluate("""() => [document.documentElement.scrollWidth,
            document.documentElement.clientWidth,
            document.querySelector('.params fieldset').getBoundingClientRect().right]""")
        assert sizes[0] <= sizes[1] and sizes[2] <= sizes[1], sizes
    finally:
        context.close()


# Boxes (border box, one per line) of the small words beside a value (a datatype, a
# precision, a speaker) and of the badges in table cells, against the text around them.
_COVERED_WORDS = """() => {
  const hits = [];
  for (const box of document.querySelectorAll('td .note, td .badge, dd .note')) {
    const cell = box.closest('td, dd');
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (box.contains(t) || !t.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      for (const r of range.getClientRects()) for (const b of box.getClientRects()) {
        const w = Math.min(r.right, b.right) - Math.max(r.left, b.left);
        const h = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
        if (w > 1 && h > 1) hits.push(`${box.textContent.trim()} over ${t.textContent.trim()}`);
      }
    }
  }
  return hits;
}"""


def test_words_beside_a_value_do_not_cover_it(
    server: str, page: tuple[Page, Watch], tmp_path: Path
) -> None:
    # The query notes' box (.note) drew a bordered, padded box around every "xsd:date",
    # "month" and speaker beside a value, over the date and the words of the line above.
    tab, watch = page
    for url in ("/timeline", "/?example=01-protests", "/id/measure/export-ban-china-japan-2026-01"):
        tab.goto(f"{server}{url}")
        assert tab.locator("td .note, dd .note").count(), url
        assert tab.evaluate(_COVERED_WORDS) == [], url
    tab.goto(f"{server}/timeline")
    tab.locator("table.events").screenshot(path=str(tmp_path / "browser-timeline-events.png"))
    # A statement's badge is a badge like a measure's: not a list item of statements
    # (li.statement's padding and rule made it a tall grey box).
    heights = tab.evaluate("""() => [...new Set([...document.querySelectorAll(
        'table.events .badge')].map(b => b.getBoundingClientRect().height))]""")
    assert len(heights) == 1, heights
    watch.check()


def test_a_syntax_error_is_marked_where_it_is(server: str, page: tuple[Page, Watch]) -> None:
    tab, _ = page  # the 400 answer itself is logged as a console error: not the page's
    query = 'SELECT ?m WHERE {\n  ?m kg:date ?d\n  FILTER(?d > "2026-01-01"\n}'
    tab.goto(f"{server}/?{urllib.parse.urlencode({'query': query})}")
    assert "'(' at 3:9 not closed" in tab.inner_text("#query-error")
    assert tab.inner_text("#query-error pre.excerpt") == "4 | }\n  | ^"
    if editor_available():
        marked = tab.locator(".CodeMirror .error-line")
        assert marked.count() == 1
        assert tab.evaluate("document.querySelector('.CodeMirror').CodeMirror"
                            ".getCursor().line") == 3
    else:
        assert tab.evaluate("document.getElementById('query').selectionStart") == \
            query.index("}")


def test_a_running_query_shows_that_it_runs(
    server: str, page: tuple[Page, Watch], tmp_path: Path
) -> None:
    tab, watch = page
    tab.goto(f"{server}/?" + urllib.parse.urlencode({"query": QUERY}))
    # Keep the page while "running": a listener added after the page's own cancels the
    # submission (Playwright cannot read a page whose navigation is held in flight).
    tab.evaluate("""() => document.getElementById('query-form').addEventListener(
        'submit', (event) => event.preventDefault())""")
    state = """() => {
        const form = document.getElementById('query-form');
        return [form.querySelector('.running').textContent, form.getAttribute('aria-busy'),
                form.querySelector('button[type=submit]').disabled,
                form.querySelector('.running').getAttribute('role')];
    }"""
    tab.click("text=Run query")
    tab.wait_for_timeout(1300)  # the status counts seconds: let one pass
    running, busy, disabled, role = tab.evaluate(state)
    assert re.fullmatch("Running\u2026 [1-9][0-9]* s", running), running
    assert (busy, disabled, role) == ("true", True, "status")
    tab.screenshot(path=str(tmp_path / "browser-running.png"))

    # The answer replaces the page: a fresh form, enabled, not busy.
    tab.goto(f"{server}/?" + urllib.parse.urlencode({"query": QUERY}))
    focus_editor(tab)
    with tab.expect_navigation():
        tab.keyboard.press("Control+Enter")
    assert tab.evaluate(state) == ["", None, False, "status"]
    assert tab.locator(".results tbody tr").count() >= 3
    watch.check()


def test_timeline_marks_show_their_words_on_keyboard_focus(
    server: str, page: tuple[Page, Watch], tmp_path: Path
) -> None:
    tab, watch = page
    tab.goto(f"{server}/timeline")
    for _ in range(120):
        tab.keyboard.press("Tab")
        if tab.evaluate("!!document.activeElement.closest('a.marker')"):
            break
    else:
        pytest.fail("no timeline mark is reached with Tab")
    words = tab.locator("#mark-words")
    assert words.is_visible()
    title = tab.evaluate("document.activeElement.querySelector('title').textContent")
    assert words.inner_text() == title and "dates" in title
    ring = tab.evaluate("getComputedStyle(document.activeElement.querySelector("
                        "':scope > :not(title)')).strokeWidth")
    assert ring == "4px", "keyboard focus draws a ring unlike hover"
    tab.screenshot(path=str(tmp_path / "browser-timeline-focus.png"))
    tab.keyboard.press("Shift+Tab")
    if not tab.evaluate("!!document.activeElement.closest('a.marker')"):
        assert words.is_hidden()
    watch.check()


def _contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two computed ``rgb(...)`` colours."""
    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.skipif(not editor_available(), reason="the vendored editor is not installed")
def test_editor_line_numbers_and_brackets_are_legible(
    server: str, page: tuple[Page, Watch]
) -> None:
    tab, watch = page
    tab.goto(f"{server}/?" + urllib.parse.urlencode({"query": QUERY}))
    tab.wait_for_selector(".CodeMirror-linenumber")
    colours = tab.evaluate("""() => {
        const style = (s) => getComputedStyle(document.querySelector(s));
        return [style('.CodeMirror-linenumber').color, style('.CodeMirror-gutters').backgroundColor,
                style('.cm-bracket').color, style('.CodeMirror').backgroundColor];
    }""")
    assert _contrast(colours[0], colours[1]) >= 4.5
    assert _contrast(colours[2], colours[3]) >= 4.5
    watch.check()
