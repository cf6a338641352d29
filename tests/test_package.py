"""The exported package is pyflakes-clean: no undefined name, no unused import, no dead f-string.

An undefined name is the bug a notebook hides: a helper runs fine in its notebook, where an earlier unexported cell
imported `math`, and fails with `NameError` once a learner imports it from `hfguide` (this test found one in
`exercises_13`). Unused imports are what moving code between notebooks leaves behind."""
from pathlib import Path
import pytest
from pyflakes import api, reporter

PKG = Path(__file__).resolve().parents[1]/'hfguide'

def pyflakes_findings(source:str, filename:str='<module>') -> list[str]:
    "pyflakes' findings for `source`, as 'file:line: message'."
    found = []
    class Collect(reporter.Reporter):
        def __init__(self): pass
        def flake(self, m): found.append(f'{Path(m.filename).name}:{m.lineno}: {m.message % m.message_args}')
        def syntaxError(self, filename, msg, lineno, offset, text): found.append(f'{filename}:{lineno}: syntax error {msg}')
        def unexpectedError(self, filename, msg): found.append(f'{filename}: {msg}')
    api.check(source, filename, Collect())
    return found

def test_the_check_finds_what_it_should():
    assert pyflakes_findings("def f(x): return math.isclose(x, 1)\n") == ["<module>:1: undefined name 'math'"]
    assert pyflakes_findings("import math, os\ndef f(x): return math.isclose(x, 1)\n") == ["<module>:1: 'os' imported but unused"]
    assert pyflakes_findings("from __future__ import annotations\nimport math\ndef f(x): return math.isclose(x, 1)\n") == []

@pytest.mark.parametrize('module', sorted(PKG.glob('*.py')), ids=lambda p: p.name)
def test_module_is_pyflakes_clean(module):
    assert pyflakes_findings(module.read_text(), str(module)) == []
