"Every chapter's Colab badge, install cell and export cell agree with the one setting in pyproject.toml (tools/colab.py)."
import copy, json, re, sys, tomllib
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT/'tools'))
import colab

S = colab.settings()
NBS = colab.notebooks()

def _cells(nb): return json.loads(Path(nb).read_text())['cells']
def _src(c): return ''.join(c['source'])

def test_the_tool_manages_every_chapter_and_no_appendix():
    names = {p.name for p in NBS}
    assert {'00_setup.ipynb', '05_peft.ipynb', '09_hub.ipynb'} <= names
    assert not any(p.parent.name == 'nbs' and p.name[:2] >= '90' for p in NBS), 'appendices have no Colab cells'

@pytest.mark.parametrize('nb', NBS, ids=lambda p: str(p.relative_to(ROOT/'nbs')))
def test_notebook_agrees_with_pyproject(nb):
    assert colab.apply(nb, S, write=False) == [], f'{nb.name} is out of date: run python tools/colab.py'
    cells = _cells(nb)
    srcs = [_src(c) for c in cells]
    badges = [m for s in srcs for m in colab.BADGE_RE.findall(s)]
    assert badges == [colab.badge(nb, S)], badges
    assert f"/{S['user']}/{S['repo']}/blob/{S['branch']}/{nb.relative_to(ROOT).as_posix()})" in badges[0]
    inst = [s for c, s in zip(cells, srcs) if c['cell_type'] == 'code' and colab.CELL_MARK in s]
    assert len(inst) == 1 and S['url'] in inst[0] and "os.environ.get('HFGUIDE_REPO_URL'" in inst[0]
    assert '==' not in inst[0], 'no pins in the cell: they live in pyproject.toml'
    ch = nb.name[:2]
    assert (f"extra='ch{ch}'" in inst[0]) == (ch in S['extras'])
    # the install cell comes before any cell that imports the package or the HF stack
    first_import = next(i for i, s in enumerate(srcs) if re.search(r'^\s*(from|import) (hfguide|transformers|datasets|torch)\b', s, re.M))
    assert srcs.index(inst[0]) < first_import
    for s in srcs:
        if 'nbdev_export(' in s: assert s == colab.EXPORT_CELL, 'the export cell must be harmless without nbdev'

def test_home_is_one_setting_and_two_spellings_must_agree(tmp_path):
    pp = (ROOT/'pyproject.toml').read_text()
    (tmp_path/'pyproject.toml').write_text(pp.replace(f'user = "{S["user"]}"', 'user = "someone-else"'))
    with pytest.raises(ValueError, match='two homes'): colab.settings(tmp_path)

def test_a_fork_gets_its_own_badges_and_clone_url(tmp_path):
    "Publishing a fork: change the setting, rerun the tool; every badge and clone URL follow, nothing else changes."
    pp = (ROOT/'pyproject.toml').read_text()
    fork = pp.replace(S['url'], 'https://github.com/alice/hf-workshop').replace(f'user = "{S["user"]}"', 'user = "alice"') \
             .replace(f'repo = "{S["repo"]}"', 'repo = "hf-workshop"')
    (tmp_path/'pyproject.toml').write_text(fork)
    (tmp_path/'nbs'/'exercises').mkdir(parents=True)
    for nb in NBS: (tmp_path/nb.relative_to(ROOT)).write_bytes(nb.read_bytes())
    s2 = colab.settings(tmp_path)
    for nb in colab.notebooks(tmp_path):
        before = _cells(nb)
        assert set(colab.apply(nb, s2, root=tmp_path)) == {'badge', 'install cell'}
        after = _cells(nb)
        text = json.dumps(after)
        assert 'github/alice/hf-workshop/blob/main/nbs/' in text and 'https://github.com/alice/hf-workshop' in text
        assert 'github.com/hfguide/hfguide' not in text
        changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
        assert len(before) == len(after) and len(changed) == 2, changed
        assert all(a['outputs'] == b['outputs'] for a, b in zip(before, after) if a['cell_type'] == 'code')

def test_missing_cells_are_added_to_a_new_chapter(tmp_path):
    (tmp_path/'nbs').mkdir()
    (tmp_path/'pyproject.toml').write_text((ROOT/'pyproject.toml').read_text().replace('ch15 =', 'ch16 = ["x==1"]\nch15 ='))
    nb = tmp_path/'nbs'/'16_new.ipynb'
    nb.write_text(json.dumps({'cells': [{'cell_type': 'markdown', 'metadata': {}, 'source': ['# New\n', '> what']},
                                        {'cell_type': 'code', 'metadata': {}, 'outputs': [], 'execution_count': None, 'source': ['import hfguide']}],
                              'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5}))
    s = colab.settings(tmp_path)
    assert colab.notebooks(tmp_path) == [nb]
    assert colab.apply(nb, s, root=tmp_path) == ['badge added', 'install cell added']
    srcs = [_src(c) for c in _cells(nb)]
    assert srcs[1] == colab.badge(nb, s, tmp_path) and "extra='ch16'" in srcs[2] and srcs[3] == 'import hfguide'
    assert colab.apply(nb, s, root=tmp_path) == []

def test_chapter_extras_are_pinned_consistently_and_in_dev():
    "Each chapter's extra pins exactly, one version per package across extras, and dev (local/CI) installs them all."
    opt = tomllib.loads((ROOT/'pyproject.toml').read_text())['project']['optional-dependencies']
    name = lambda r: re.split(r'[=<>\[ ]', r)[0].lower().replace('_', '-')
    dev = {name(r): r for r in opt['dev']}
    seen = {}
    for ch, reqs in S['extras'].items():
        for r in reqs:
            assert '==' in r, f'ch{ch}: {r!r} must be pinned exactly'
            assert seen.setdefault(name(r), r) == r, f'ch{ch} pins {r!r} but another chapter pins {seen[name(r)]!r}'
            assert dev.get(name(r)) == r, f'dev must install {r!r} (ch{ch}) so local runs and CI have it'

def test_install_says_when_a_restart_is_needed(monkeypatch, tmp_path, capsys):
    "install() pip-installs the clone with the extra, moves into its folder, and flags packages replaced under the kernel."
    import subprocess
    from importlib import metadata
    (tmp_path/'nbs').mkdir()
    monkeypatch.chdir(tmp_path)
    calls, versions = [], {'numpy': '1.0'}
    monkeypatch.setattr(subprocess, 'run', lambda cmd, check: calls.append(cmd) or versions.update(numpy='2.0'))
    real = metadata.version
    monkeypatch.setattr(metadata, 'version', lambda d: versions.get(d) or real(d))
    import numpy   # the kernel has imported numpy before the install cell runs
    changed = colab.install(tmp_path, extra='ch05', folder='nbs')
    assert calls[0][-2:] == ['-e', f'{tmp_path}[ch05]'] and Path.cwd() == tmp_path/'nbs'
    assert changed == ['numpy 1.0 -> 2.0'] and 'RESTART NEEDED' in capsys.readouterr().out
    versions['numpy'] = '2.0'; monkeypatch.chdir(tmp_path)   # after the restart: same versions, no notice
    assert colab.install(tmp_path, folder='nbs') == [] and 'no restart needed' in capsys.readouterr().out
