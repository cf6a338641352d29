"One source of version pins: pyproject.toml. environment.yml and every chapter's install cell must take theirs from it."
import json, re, tomllib
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT/'pyproject.toml').read_text())['project']

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

# The chapters' install cells are generated from pyproject.toml by tools/colab.py; tests/test_colab_cells.py checks them.
