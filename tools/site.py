"""Build the cookbook's website: the notebooks as they are committed (stored outputs, never executed), with search.

    python tools/site.py [--out _site]        # what `./cookbook docs` runs

MkDocs Material renders the pages and its search runs in the browser (no server, no network); mkdocs-jupyter turns
each notebook into a page from its stored outputs (`execute: false`). Both install from PyPI and build offline,
unlike nbdev's Quarto docs. This script stages the pages in `_site_build/` (git-ignored), generates the navigation
(home, instructors, guide sections, chapters, exercises, appendices) and a "guide sections" page that maps every
`## N.M` heading of the guide to its anchor, builds with `mkdocs build`, then makes the output self-contained:
links between notebooks point at the rendered pages, the Colab badge is a local image, nothing loads from the web.
"""
import argparse, json, re, shutil, subprocess, sys, time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NBS = REPO/'nbs'
BADGE_URL = 'https://colab.research.google.com/assets/colab-badge.svg'
BADGE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="117" height="20" role="img" aria-label="Open in Colab">'
             '<rect width="117" height="20" rx="3" fill="#555"/><rect x="20" width="97" height="20" rx="3" fill="#f9ab00"/>'
             '<circle cx="10" cy="10" r="5" fill="none" stroke="#f9ab00" stroke-width="2.5"/>'
             '<text x="68" y="14" fill="#fff" font-family="Verdana,sans-serif" font-size="11" text-anchor="middle">Open in Colab</text></svg>')

def _title(nb_path: Path) -> str:
    "The notebook's H1 title (its file name when it has none)."
    for c in json.loads(nb_path.read_text())['cells']:
        if c['cell_type'] == 'markdown':
            m = re.search(r'^# (.+)$', ''.join(c['source']), flags=re.M)
            if m: return m.group(1).replace('`', '').strip()
    return nb_path.stem

def chapters() -> list[Path]:
    "Chapter notebooks (`nbs/NN_*.ipynb` with NN below 90), in order."
    return sorted(p for p in NBS.glob('[0-9][0-9]_*.ipynb') if int(p.name[:2]) < 90)

def appendices() -> list[Path]:
    return sorted(p for p in NBS.glob('9[0-9]_*.ipynb'))

def exercises() -> list[Path]:
    return sorted((NBS/'exercises').glob('[0-9][0-9]_*.ipynb'))

def anchor(heading: str) -> str:
    "The id mkdocs-jupyter gives a notebook heading (markdown's inline code and links reduced to their text)."
    from mkdocs_jupyter.utils import slugify
    text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', heading).replace('`', '')
    return slugify(text)

def guide_sections() -> list[dict]:
    "Every `## N.M title` heading of the chapters: section number, title, chapter page and anchor."
    out = []
    for p in chapters():
        for c in json.loads(p.read_text())['cells']:
            if c['cell_type'] != 'markdown': continue
            for m in re.finditer(r'^#{2,3} (\d+\.\d+)\s+(.+)$', ''.join(c['source']), flags=re.M):
                out.append(dict(section=m.group(1), title=m.group(2).strip(), page=p.stem,
                                anchor=anchor(f'{m.group(1)} {m.group(2).strip()}'), chapter=_title(p)))
    return sorted(out, key=lambda s: tuple(int(x) for x in s['section'].split('.')))

def sections_page(sections: list[dict]) -> str:
    "Markdown of the 'guide sections' page: one row per `N.M` heading, linked to its anchor."
    rows = [f"| <span id=\"s{s['section']}\">{s['section']}</span> | [{s['title']}]({s['page']}.ipynb#{s['anchor']}) | "
            f"[{s['chapter']}]({s['page']}.ipynb) |" for s in sections]
    return ('# Guide sections\n\nFind a section of the guide (《Hugging Face 生态指南》) by its number: each row links to the '
            'heading in the chapter that covers it. Sections that several chapters share appear once per chapter. '
            'The search box finds section numbers too.\n\n| § | heading | chapter |\n|---|---|---|\n' + '\n'.join(rows) + '\n')

def _nav() -> list:
    nav = [{'Home': 'index.ipynb'}]
    if (NBS/'instructors.md').exists(): nav.append({'For instructors': 'instructors.md'})
    nav.append({'Guide sections': 'sections.md'})
    nav.append({'Chapters': [{_title(p): p.name} for p in chapters()]})
    nav.append({'Exercises': [{_title(p).replace('Exercises · ', ''): f'exercises/{p.name}'} for p in exercises()]})
    nav.append({'Appendices': [{_title(p): p.name} for p in appendices()]})
    return nav

def config(docs: Path, out: Path) -> dict:
    "The mkdocs.yml for the staged pages."
    return {
        'site_name': 'hfguide · the Hugging Face cookbook', 'docs_dir': str(docs), 'site_dir': str(out),
        'use_directory_urls': False, 'strict': False,
        'theme': {'name': 'material', 'font': False,  # no Google Fonts: the site works offline
                  'features': ['navigation.sections', 'navigation.top', 'search.highlight', 'toc.follow'],
                  'palette': {'primary': 'amber'}},
        'plugins': ['search', {'mkdocs-jupyter': {'execute': False, 'include_source': True, 'ignore_h1_titles': True,
                                                  'include_requirejs': False, 'toc_depth': 3}}],
        'markdown_extensions': ['tables', 'attr_list', 'md_in_html', 'admonition', {'toc': {'permalink': True}}],
        'nav': _nav(),
        'exclude_docs': 'data/\nconfigs/\n',
    }

def _copy_nb(src: Path, dst: Path):
    "Copy a notebook, dropping per-cell run metadata (timings) that nbconvert's validator rejects."
    nb = json.loads(src.read_text())
    # as nbdev's docs do: cells marked `#| hide` and the `#| default_exp` line are not part of the page
    nb['cells'] = [c for c in nb['cells'] if not re.match(r'\s*#\|\s*(hide|default_exp)\b', ''.join(c['source']))]
    for c in nb['cells']: c.get('metadata', {}).pop('execution', None)
    dst.write_text(json.dumps(nb, ensure_ascii=False))

def stage(work: Path) -> Path:
    "Copy the pages into `work/docs` and write the generated ones; return the docs folder."
    docs = work/'docs'
    if docs.exists(): shutil.rmtree(docs)
    (docs/'exercises').mkdir(parents=True)
    for p in [NBS/'index.ipynb', *chapters(), *appendices()]: _copy_nb(p, docs/p.name)
    for p in exercises(): _copy_nb(p, docs/'exercises'/p.name)
    if (NBS/'instructors.md').exists(): shutil.copy2(NBS/'instructors.md', docs/'instructors.md')
    if (NBS/'images').is_dir(): shutil.copytree(NBS/'images', docs/'images')   # pictures the notebooks' markdown shows
    (docs/'sections.md').write_text(sections_page(guide_sections()))
    (docs/'assets').mkdir(); (docs/'assets'/'colab-badge.svg').write_text(BADGE_SVG)
    return docs

_HEAD = re.compile(r'<h([23]) id="([^"]*)"[^>]*>(.*?)</h\1>', flags=re.S)
_TOC = re.compile(r'<a href="#([^"]*)" class="md-nav__link">(\s*<span class="md-ellipsis">\s*)(.*?)(\s*</span>)', flags=re.S)

def fix_toc(html: str) -> str:
    "Point a notebook page's table of contents at its headings' real ids and titles (mkdocs-jupyter drops inline code from both)."
    heads = [(i, re.sub(r'<a class="anchor-link".*?</a>', '', t, flags=re.S).strip()) for _, i, t in _HEAD.findall(html)]
    links = list(_TOC.finditer(html))
    if not heads or not links or len(links) % len(heads): return html
    out, pos = [], 0
    for k, m in enumerate(links):
        hid, title = heads[k % len(heads)]
        out += [html[pos:m.start()], f'<a href="#{hid}" class="md-nav__link">{m.group(2)}{title}{m.group(4)}']; pos = m.end()
    return ''.join(out) + html[pos:]

_LINK = re.compile(r'(href|src)="([^"#:]*?)\.(?:ipynb|md)(#[^"]*)?"')

_LOCAL_IFRAME = re.compile(r'<iframe[^>]*src="https?://(?:127\.0\.0\.1|localhost)[^"]*"[^>]*>.*?</iframe>', re.S | re.I)

def postprocess(out: Path) -> int:
    "Point notebook links at rendered pages, use the local Colab badge, drop mathjax's empty script; return files changed."
    n = 0
    for f in out.rglob('*.html'):
        html = f.read_text()
        depth = len(f.relative_to(out).parts) - 1
        new = _LINK.sub(lambda m: f'{m.group(1)}="{m.group(2)}.html{m.group(3) or ""}"', html)
        new = new.replace(f'src="{BADGE_URL}"', f'src="{"../" * depth}assets/colab-badge.svg"')
        if 'jp-Notebook' in new: new = fix_toc(new)
        new = new.replace('<script src=""> </script>', '').replace('<script src=""></script>', '')
        # a live app shown inline in a notebook (Gradio's iframe on 127.0.0.1) has no server behind a static page
        new = _LOCAL_IFRAME.sub('<p><em>(a live app was shown here while the notebook ran; the screenshots show it)</em></p>', new)
        if new != html: f.write_text(new); n += 1
    for f in out.rglob('*.ipynb'): f.unlink()  # the sources are on GitHub; the site is the rendered pages
    return n

def build(out: str | Path = REPO/'_site', work: str | Path = REPO/'_site_build', quiet: bool = True) -> dict:
    "Stage, build with mkdocs and post-process; return `{pages, seconds, out}`."
    import yaml
    t0, out, work = time.time(), Path(out).resolve(), Path(work).resolve()
    docs = stage(work)
    cfg = work/'mkdocs.yml'
    cfg.write_text(yaml.safe_dump(config(docs, out), allow_unicode=True, sort_keys=False))
    if out.exists(): shutil.rmtree(out)
    cmd = [sys.executable, '-m', 'mkdocs', 'build', '-f', str(cfg)] + (['-q'] if quiet else [])
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=work,  # its conversion cache goes to work/.cache
                        env={**__import__('os').environ, 'NO_MKDOCS_2_WARNING': '1'})
    if r.returncode: raise RuntimeError(f"mkdocs build failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    postprocess(out)
    pages = sorted(str(p.relative_to(out)) for p in out.rglob('*.html') if p.name != '404.html')
    return dict(pages=pages, seconds=round(time.time() - t0, 1), out=str(out))

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', default=str(REPO/'_site'), help='where the site goes (default _site/)')
    ap.add_argument('--verbose', action='store_true', help="show mkdocs' own log")
    a = ap.parse_args()
    r = build(a.out, quiet=not a.verbose)
    print(f"built {len(r['pages'])} pages in {r['seconds']} s: open {r['out']}/index.html "
          f"(or `python -m http.server -d {r['out']}` for search)")
