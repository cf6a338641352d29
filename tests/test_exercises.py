"Every chapter has an exercise notebook with at least three checked exercises, and every checker is tested both ways."
import ast, importlib, json, re
from pathlib import Path
import pytest

NBS = Path(__file__).resolve().parents[1]/'nbs'
CHAPTERS = sorted(p for p in NBS.glob('[0-9][0-9]_*.ipynb') if int(p.name[:2]) < 90)

def _cells(p, kind=None):
    return [''.join(c['source']) for c in json.loads(p.read_text())['cells'] if kind is None or c['cell_type'] == kind]

def _exercise_nb(ch: Path) -> Path | None:
    found = sorted((NBS/'exercises').glob(f'{ch.name[:2]}_*.ipynb'))
    return found[0] if found else None

def _checks(nb: Path) -> list[str]:
    "Checker calls of an exercise notebook: code cells that are a single `check_*(...)` call."
    return [m.group(1) for src in _cells(nb, 'code') if (m := re.fullmatch(r'\s*(check_\w+)\(.*\)\s*', src, flags=re.S))]

def _imports(nb: Path) -> dict:
    "`{name: module}` for `from hfguide.X import a, b` lines of the notebook."
    out = {}
    for src in _cells(nb, 'code'):
        for node in ast.walk(ast.parse(src)) if 'import' in src else []:
            if isinstance(node, ast.ImportFrom) and (node.module or '').startswith('hfguide.'):
                out.update({a.name: node.module for a in node.names})
    return out

def test_chapters_found():
    assert len(CHAPTERS) >= 10, [p.name for p in CHAPTERS]

@pytest.mark.parametrize('ch', CHAPTERS, ids=lambda p: p.stem)
def test_chapter_has_exercises(ch):
    "nbs/exercises/NN_*.ipynb exists, has at least three checked exercises, each checker importable from where it says."
    nb = _exercise_nb(ch)
    assert nb, f"no nbs/exercises/{ch.name[:2]}_*.ipynb for {ch.name}: each chapter brings at least three exercises"
    checks = _checks(nb)
    assert len(set(checks)) >= 3, f"{nb.name} has {len(set(checks))} checked exercises ({checks}); at least 3"
    imports = _imports(nb)
    for c in checks:
        assert c in imports, f"{nb.name}: {c} is called but not imported from an hfguide module"
        assert callable(getattr(importlib.import_module(imports[c]), c, None)), f"{imports[c]} has no {c}"
    stubs = [s for s in _cells(nb, 'code') if 'raise NotImplementedError' in s or re.search(r"^\w+\s*=\s*(''|\"\"|None)\s*(#.*)?$", s.strip(), re.M)]
    assert len(stubs) >= len(set(checks)), f"{nb.name}: every exercise starts unanswered (a stub that raises NotImplementedError, or an empty answer)"

@pytest.mark.parametrize('ch', CHAPTERS, ids=lambda p: p.stem)
def test_chapter_links_its_exercises(ch):
    "The chapter's end links its exercise notebook."
    nb = _exercise_nb(ch)
    if nb is None: pytest.skip('no exercise notebook (test_chapter_has_exercises fails)')
    assert any(f'exercises/{nb.name}' in s for s in _cells(ch, 'markdown')), \
        f"{ch.name} does not link exercises/{nb.name}; add at its end: **Exercises**: [exercises/{nb.name}](exercises/{nb.name}), checked as you go."

def _checker_modules():
    "(module name, appendix notebook) for hfguide.exercises and every hfguide.exercises_NN."
    out = []
    for p in sorted(NBS.glob('94_exercises*.ipynb')):
        m = re.search(r'#\|\s*default_exp\s+(\S+)', _cells(p, 'code')[0])
        if m: out.append((f'hfguide.{m.group(1)}', p))
    return out

@pytest.mark.parametrize('mod,nb', _checker_modules(), ids=lambda x: getattr(x, 'name', x))
def test_every_checker_tested_both_ways(mod, nb):
    "Each exported `check_*` has a reference solution confirmed (✅) and a wrong answer rejected, in its appendix notebook."
    m = importlib.import_module(mod)
    names = [n for n in dir(m) if n.startswith('check_') and callable(getattr(m, n))]
    assert names, f"{mod} exports no checkers"
    src = '\n'.join(_cells(nb, 'code'))
    for n in names:
        # a reference solution confirmed: its ✅ asserted with test_stdout, or a bare top-level call (checkers raise on a wrong answer)
        assert re.search(rf"test_stdout\(lambda: {n}\(.*'✅", src) or re.search(rf"^{n}\(\w+\)\s*(#.*)?$", src, re.M), \
            f"{nb.name}: no reference solution confirmed by {n}"
        assert re.search(rf"test_fail\(lambda: {n}\(.*contains=", src), f"{nb.name}: no wrong answer fed to {n} with its expected hint"
