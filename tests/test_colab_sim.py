"""Colab simulation: each chapter's own install cell, in a fresh venv shaped like a Colab runtime, then the chapter.

The venv starts as Colab does: CPU torch, an OLDER transformers/datasets than pyproject pins, ipykernel and the usual
scientific stack, and a stub `google.colab` module that the kernel imports at start (so the install cells take their
Colab branch). `HFGUIDE_REPO_URL` points the cells' `git clone` at a snapshot of this checkout (tracked and untracked,
non-ignored files), `HFGUIDE_CLONE_DIR` at a scratch "/content/hfguide". Each chapter then runs offline on the
stand-ins, with the venv's own PATH and no PYTHONPATH: a chapter fails here if it needs a package its cell does not
install. One venv serves all chapters; after a chapter whose cell added an extra, the packages it added or changed are
put back, so the next chapter sees only the base stack and its own extra.

Slow (a few minutes, most of it running the chapters): `HFGUIDE_SKIP_COLAB_SIM=1` skips it for quick local runs.
The Colab image (venv + pre-installed packages + stub) is built once per machine under `$HFGUIDE_HOME` (about 5 minutes
from pip's cache) and copied, pristine, for each run. `HFGUIDE_COLAB_SIM_CHAPTERS=00,09` (the default) runs only those chapters (the first should be one without an
extra); `all` runs every chapter.
`HFGUIDE_COLAB_SIM_DROP_EXTRA=09` empties that chapter's extra in the snapshot: the proof that the simulation fails
when a chapter's cell does not install what it needs (`HFGUIDE_COLAB_SIM_CHAPTERS=00,09` with it must fail on 09).
"""
import hashlib, json, os, re, shutil, subprocess, sys, time
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT/'tools'))
import colab

pytestmark = pytest.mark.skipif(os.environ.get('HFGUIDE_SKIP_COLAB_SIM') == '1', reason='HFGUIDE_SKIP_COLAB_SIM=1')

# What a fresh Colab runtime already has (versions deliberately different from pyproject's pins).
COLAB_IMAGE = ['torch==2.13.0', 'transformers==4.57.6', 'datasets==4.4.2', 'ipykernel', 'numpy', 'pandas',
               'matplotlib', 'scikit-learn', 'requests', 'nbformat']
STUB = '"Stand-in for Colab\'s google.colab package: its presence is what the install cells test."\n'
STUB_OUTPUT = '''"Stand-in for google.colab.output: checks that the port answers and says what Colab would show."
import urllib.request
def _show(port, path, how):
    status = urllib.request.urlopen(f'http://127.0.0.1:{port}{path}', timeout=30).status
    print(f'[google.colab stub] port {port} would be shown {how} (HTTP {status})')
def serve_kernel_port_as_iframe(port, path='/', height=400, cache_in_notebook=False): _show(port, path, 'in an iframe')
def serve_kernel_port_as_window(port, path='/', anchor_text=None): _show(port, path, 'in a new window')
'''
# By default (and in CI) a chapter without an extra and one with: the whole stack installs, and a missing extra fails.
# All chapters run twice as long as the rest of the suite: HFGUIDE_COLAB_SIM_CHAPTERS=all.
_sel = os.environ.get('HFGUIDE_COLAB_SIM_CHAPTERS', '00,09')
CHAPTERS = [p for p in colab.notebooks() if p.parent.name == 'nbs' and (_sel == 'all' or p.name[:2] in _sel.split(','))]

def _run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=kw.pop('timeout', 1200), **kw)
    assert r.returncode == 0, f"{' '.join(map(str, cmd))[:300]}\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    return r.stdout

def _pip_list(py):
    return {re.sub(r'[-_.]+', '-', d['name'].lower()): d['version'] for d in json.loads(_run([py, '-m', 'pip', 'list', '--format=json']))}

def _colab_image() -> Path:
    "The pristine 'Colab runtime' venv, built once per machine (pip cache, local torch wheel) and copied per run."
    key = hashlib.sha1(repr((COLAB_IMAGE, STUB, STUB_OUTPUT, sys.version)).encode()).hexdigest()[:12]
    image = Path(os.environ.get('HFGUIDE_HOME', Path.home()/'.cache'/'hfguide'))/f'colab-image-{key}'
    if (image/'.complete').exists(): return image
    shutil.rmtree(image, ignore_errors=True)
    _run([sys.executable, '-m', 'venv', str(image)])
    py = str(image/'bin'/'python')
    _run([py, '-m', 'pip', 'install', '-q', *COLAB_IMAGE], timeout=2400)
    site = Path(_run([py, '-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])']).strip())
    (site/'google'/'colab').mkdir(parents=True, exist_ok=True)       # no google/__init__.py: google.protobuf coexists
    (site/'google'/'colab'/'__init__.py').write_text(STUB)
    (site/'google'/'colab'/'output.py').write_text(STUB_OUTPUT)
    (image/'.complete').write_text(' '.join(COLAB_IMAGE))
    return image

@pytest.fixture(scope='module')
def colab_sim(tmp_path_factory):
    t0 = time.time()
    tmp = tmp_path_factory.mktemp('colab')
    venv = tmp/'venv'
    shutil.copytree(_colab_image(), venv, symlinks=True)   # a pristine copy each run, as each Colab runtime starts
    py = str(venv/'bin'/'python')
    kdir = tmp/'jupyter'/'kernels'/'colab-sim'; kdir.mkdir(parents=True)
    (kdir/'kernel.json').write_text(json.dumps({'display_name': 'Colab sim', 'language': 'python', 'argv': [
        py, '-m', 'ipykernel_launcher', '-f', '{connection_file}', '--IPKernelApp.exec_lines=import google.colab']}))
    # the clone source: this checkout as it is now, committed into a scratch repo
    src = tmp/'src'
    files = _run(['git', 'ls-files', '-co', '--exclude-standard', '-z'], cwd=ROOT).split('\0')
    for f in filter(None, files):
        if (ROOT/f).is_file(): (src/f).parent.mkdir(parents=True, exist_ok=True); shutil.copy2(ROOT/f, src/f)
    drop = os.environ.get('HFGUIDE_COLAB_SIM_DROP_EXTRA')
    if drop:
        pp = src/'pyproject.toml'
        pp.write_text(re.sub(rf'^ch{drop} = .*$', f'ch{drop} = []', pp.read_text(), count=1, flags=re.M))
    git = ['git', '-c', 'user.name=sim', '-c', 'user.email=sim@localhost', '-c', 'init.defaultBranch=main']
    for cmd in (['init', '-q'], ['add', '-A'], ['commit', '-qm', 'snapshot']): _run(git + cmd, cwd=src)
    content = tmp/'content'; content.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ('PYTHONPATH', 'VIRTUAL_ENV', 'JUPYTER_PATH')}
    env.update(PATH=f"{venv/'bin'}:/usr/local/bin:/usr/bin:/bin", JUPYTER_PATH=str(tmp/'jupyter'),
               HFGUIDE_REPO_URL=str(src), HFGUIDE_CLONE_DIR=str(content/'hfguide'), MPLBACKEND='Agg')
    image = _pip_list(py)
    print(f'\ncolab sim venv ready in {time.time() - t0:.0f} s: transformers {image["transformers"]}, datasets {image["datasets"]}')
    return dict(py=py, env=env, src=src, content=content, image=image, base=None, settings=colab.settings(src))

@pytest.mark.parametrize('nb', CHAPTERS, ids=lambda p: p.name[:2])
def test_chapter_runs_on_colab_after_its_install_cell(nb, colab_sim):
    sim = colab_sim
    s = sim['settings']   # the snapshot's setting (what the cells were generated from)
    extra = bool(s['extras'].get(nb.name[:2]))
    before = _pip_list(sim['py'])
    r = subprocess.run([sys.executable, str(ROOT/'tests'/'_colab_run.py'), str(sim['src']/nb.relative_to(ROOT)), str(sim['content'])],
                       env=sim['env'], capture_output=True, text=True, timeout=1500)
    print(r.stdout[-1500:])
    after = _pip_list(sim['py'])
    if sim['base'] is None and not extra and 'hfguide' in after: sim['base'] = after
    if extra and 'hfguide' in before:   # put the venv back as it was before this chapter's extra
        added = sorted(set(after) - set(before))
        changed = sorted(f'{n}=={v}' for n, v in before.items() if n in after and after[n] != v)
        if added: _run([sim['py'], '-m', 'pip', 'uninstall', '-y', '-q', *added])
        if changed: _run([sim['py'], '-m', 'pip', 'install', '-q', '--no-deps', *changed])
    assert r.returncode == 0, f'{nb.name} failed on the simulated Colab:\n{r.stdout[-4000:]}\n{r.stderr[-2000:]}'
    assert 'hfguide installed from' in r.stdout or 'RESTART NEEDED' in r.stdout, 'the install cell did not run'
    assert after['transformers'] != sim['image']['transformers'], 'the install cell kept Colab\'s transformers'
    if extra:
        for req in s['extras'][nb.name[:2]]:
            name, _, ver = req.partition('==')
            assert after.get(name.lower().replace('_', '-')) == ver, f'{req} not installed by {nb.name}\'s cell'
