"""The exported package stands on its own: no module uses a name that only a notebook's unexported cell defined.

A notebook can hide such a bug: its helper runs fine in the notebook, where an earlier cell imported `math`, and fails
with `NameError` once a learner imports it from `hfguide` (this test found one in `exercises_13`)."""
from pathlib import Path
import pytest
from pyflakes import api, messages, reporter

PKG = Path(__file__).resolve().parents[1]/'hfguide'
UNDEFINED = (messages.UndefinedName, messages.UndefinedLocal, messages.UndefinedExport)

def undefined_names(source:str, filename:str='<module>') -> list[str]:
    "pyflakes' undefined-name findings for `source`, as 'file:line: message'."
    found = []
    class Collect(reporter.Reporter):
        def __init__(self): pass
        def flake(self, m):
            if isinstance(m, UNDEFINED): found.append(f'{Path(m.filename).name}:{m.lineno}: {m.message % m.message_args}')
        def syntaxError(self, filename, msg, lineno, offset, text): found.append(f'{filename}:{lineno}: syntax error {msg}')
        def unexpectedError(self, filename, msg): found.append(f'{filename}: {msg}')
    api.check(source, filename, Collect())
    return found

def test_the_check_finds_a_missing_import():
    assert undefined_names("def f(x): return math.isclose(x, 1)\n") == ["<module>:1: undefined name 'math'"]
    assert undefined_names("import math\ndef f(x): return math.isclose(x, 1)\n") == []

@pytest.mark.parametrize('module', sorted(PKG.glob('*.py')), ids=lambda p: p.name)
def test_no_undefined_names(module):
    assert undefined_names(module.read_text(), str(module)) == []
