"The website (`./cookbook docs`): built from the committed notebooks, then checked in headless chromium."
import functools, http.server, os, threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse, unquote
import pytest
from _browser import launch_browser, require_chromium

REPO = Path(__file__).resolve().parents[1]
try: import mkdocs_jupyter, material  # noqa: F401  (the site builder: mkdocs-material + mkdocs-jupyter, from PyPI)
except ImportError as e:
    if os.environ.get('HFGUIDE_REQUIRE_BROWSER') == '1': raise
    pytest.skip(f'{e.name} is not installed: pip install mkdocs-material mkdocs-jupyter', allow_module_level=True)
import importlib.util  # tools/site.py, loaded by path (the name `site` is the standard library's)
_spec = importlib.util.spec_from_file_location('hfguide_site', REPO/'tools'/'site.py')
site = importlib.util.module_from_spec(_spec); _spec.loader.exec_module(site)
SHOTS = REPO/'test-artifacts'/'site'

class _Page(HTMLParser):
    "Ids, links and image sources of one HTML page."
    def __init__(self):
        super().__init__(); self.ids, self.links, self.imgs = set(), [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get('id'): self.ids.add(a['id'])
        if tag == 'a' and a.get('name'): self.ids.add(a['name'])
        if tag == 'a' and a.get('href'): self.links.append(a['href'])
        if tag == 'img' and a.get('src'): self.imgs.append(a['src'])

def _parse(path: Path) -> _Page:
    p = _Page(); p.feed(path.read_text()); return p

@pytest.fixture(scope='module')
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp('site')/'html'
    return site.build(out, work=tmp_path_factory.mktemp('site_build'))

@pytest.fixture(scope='module')
def server(built):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    handler = functools.partial(Quiet, directory=built['out'])
    httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True); t.start()
    yield f'http://127.0.0.1:{httpd.server_address[1]}/'
    httpd.shutdown(); httpd.server_close()

def test_pages(built):
    "Every chapter, exercise notebook and appendix has a page, plus home, instructors and the sections map."
    pages = set(built['pages'])
    want = {'index.html', 'sections.html', 'instructors.html'} | {p.stem + '.html' for p in site.chapters() + site.appendices()} \
           | {f'exercises/{p.stem}.html' for p in site.exercises()}
    assert want <= pages, f"missing pages: {sorted(want - pages)}"
    assert not list(Path(built['out']).rglob('*.ipynb')), "notebook sources were copied into the site"

def test_sections_map(built):
    "The guide's numbered sections all appear on the sections page, each linked to a heading of its chapter."
    secs = site.guide_sections()
    assert {'4.1', '4.2', '4.3', '6.1', '6.2'} <= {s['section'] for s in secs}
    page = (Path(built['out'])/'sections.html').read_text()
    for s in secs: assert f"{s['page']}.html#{s['anchor']}" in page, s
    lora = next(s for s in secs if s['section'] == '4.2')
    assert lora['page'] == '05_peft' and lora['anchor'] in _parse(Path(built['out'])/'05_peft.html').ids

def test_links_and_anchors(built):
    "Every internal link points at a file of the site, and every #anchor at an id on the target page."
    out, parsed, broken = Path(built['out']), {}, []
    def page(p):
        if p not in parsed: parsed[p] = _parse(p)
        return parsed[p]
    n = 0
    for f in sorted(out.rglob('*.html')):
        if f.name == '404.html': continue  # served at any path, so its links are absolute (site root)
        for href in page(f).links + page(f).imgs:
            u = urlparse(href)
            if u.scheme or href.startswith('//') or href.startswith('mailto:'): continue
            target = (f.parent/unquote(u.path)).resolve() if u.path else f
            if target.is_dir(): target = target/'index.html'
            n += 1
            if not target.exists(): broken.append(f"{f.relative_to(out)}: {href} (no file)"); continue
            if u.fragment and target.suffix == '.html' and unquote(u.fragment) not in page(target).ids:
                broken.append(f"{f.relative_to(out)}: {href} (no id {u.fragment!r})")
    assert n > 500, f"only {n} internal links checked"
    assert not broken, f"{len(broken)} broken links:\n" + '\n'.join(broken[:30])

def test_browser(built, server):
    "Every page loads in chromium with no console error or failed request, every image loads; search finds a section."
    pytest.importorskip('playwright'); require_chromium()
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    with sync_playwright() as pw:
        browser = launch_browser(pw)
        page = browser.new_page(viewport={'width': 1280, 'height': 900})
        page.on('console', lambda m: m.type == 'error' and problems.append(f"{page.url}: console: {m.text}"))
        page.on('pageerror', lambda e: problems.append(f"{page.url}: page error: {e}"))
        # a request the next navigation cancels (net::ERR_ABORTED: the search worker, the favicon) is not a failure
        page.on('requestfailed', lambda r: 'ERR_ABORTED' not in (r.failure or '') and problems.append(f"{page.url}: failed request {r.url} ({r.failure})"))
        page.on('response', lambda r: r.status >= 400 and problems.append(f"{page.url}: HTTP {r.status} {r.url}"))
        for rel in built['pages']:
            page.goto(urljoin(server, rel), wait_until='load')
            bad = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
            problems += [f"{rel}: image did not load: {b[:120]}" for b in bad]
        for name, rel in (('home', 'index.html'), ('chapter', '05_peft.html'), ('exercise', 'exercises/05_peft.html'),
                          ('sections', 'sections.html')):
            page.goto(urljoin(server, rel), wait_until='load'); page.screenshot(path=str(SHOTS/f'{name}.png'))
        # search: the in-browser index finds the guide's section 4.2 by its words
        page.goto(urljoin(server, 'index.html'), wait_until='load')
        page.click('input.md-search__input')
        page.fill('input.md-search__input', 'LoRA fine-tuning')
        page.wait_for_selector('.md-search-result__item', timeout=20_000)
        hits = page.eval_on_selector_all('.md-search-result__item a', 'els => els.map(e => e.href)')
        page.screenshot(path=str(SHOTS/'search.png'))
        browser.close()
    assert not problems, '\n'.join(problems[:30])
    assert any('05_peft.html' in h for h in hits), hits[:10]
