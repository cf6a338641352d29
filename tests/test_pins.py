"One source of version pins: pyproject.toml. environment.yml and every chapter's install cell must take theirs from it."
import json, re, tomllib
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT/'pyproject.toml').read_text())['project']
CHAPTERS = sorted([*(ROOT/'nbs').glob('[0-8][0-9]_*.ipynb'), *(ROOT/'nbs'/'exercises').glob('*.ipynb')])

def _pinned(reqs): return {re.split(r'[=<>\[]', r)[0].lower().replace('_', '-'): r for r in reqs}

def test_hf_libraries_are_pinned_exactly():
    deps = _pinned(PROJECT['dependencies'])
    for lib in ('transformers', 'datasets', 'huggingface-hub', 'peft', 'accelerate', 'gradio'):
        assert '==' in deps[lib], f'{lib} must be pinned exactly in pyproject.toml, got {deps[lib]!r}'
    assert '==' not in deps['torch'], 'torch stays a range so Colab/Kaggle keep their CUDA build; the cpu extra pins it'
    assert PROJECT['requires-python'] == '>=3.11'

def test_environment_yml_installs_from_pyproject():
    text = (ROOT/'environment.yml').read_text()
    assert 'python=3.11' in text
    assert re.search(r'^\s*-\s*-e \.\[dev\]\s*$', text, re.M), 'environment.yml must install the project itself (its pins)'
    assert not re.search(r'==', text), 'no version pins of its own in environment.yml: they would drift from pyproject.toml'

def _install_cell(nb_path):
    cells = json.loads(nb_path.read_text())['cells']
    return next((c for c in cells if c['cell_type'] == 'code' and 'google.colab' in ''.join(c['source'])), None)

@pytest.mark.parametrize('nb', CHAPTERS, ids=lambda p: p.name)
def test_chapter_install_cell_installs_the_project(nb):
    cell = _install_cell(nb)
    assert cell is not None, f'{nb.name} has no Colab/Kaggle install cell'
    src = ''.join(cell['source'])
    assert "'pip', 'install', '-q', '-e', root" in src, 'the install cell must install the cloned project (its pinned deps)'
    assert '==' not in src, 'no pins of its own in the install cell'
    assert PROJECT['urls']['Repository'] in src

def test_install_cells_are_identical():
    srcs = {nb.name: ''.join(_install_cell(nb)['source']) for nb in CHAPTERS}
    assert len(set(srcs.values())) == 1, f'install cells differ: {sorted(srcs)}'
