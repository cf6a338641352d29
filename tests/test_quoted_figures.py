"""Every speed ratio quoted in the README or in a chapter's prose comes from the stored bench run.

Convention: prose writes a measured ratio as a number followed by `x` ("about 2.9x faster"). Each such figure in
README.md and in the markdown cells of nbs/*.ipynb must equal, at the precision it is written with, one of the
ratios `hfguide bench --json nbs/bench_results.json` stored under `ratios`. Other multiples are written out in
words or with `×` (shapes such as `384 × 3`)."""
import json, re
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT/'nbs'/'bench_results.json'
RATIO_RE = re.compile(r'(?<![\w.])(\d+(?:\.\d+)?)x(?!\w)')

def prose_files():
    return [ROOT/'README.md', *sorted((ROOT/'nbs').glob('*.ipynb'))]

def prose(path: Path) -> str:
    "The text a reader reads as prose: the README, or a notebook's markdown cells."
    if path.suffix != '.ipynb': return path.read_text(encoding='utf-8')
    return '\n'.join(''.join(c['source']) for c in json.loads(path.read_text(encoding='utf-8'))['cells'] if c['cell_type'] == 'markdown')

def quoted_ratios(text: str) -> list[str]:
    "Figures written as `<number>x` in `text`."
    return RATIO_RE.findall(text)

def backed(quoted: str, stored) -> bool:
    "True if some stored ratio, rounded to the quoted precision, is the quoted figure."
    d = len(quoted.split('.')[1]) if '.' in quoted else 0
    return any(round(v, d) == round(float(quoted), d) for v in stored)

def unbacked(text: str, stored) -> list[str]:
    return [q for q in quoted_ratios(text) if not backed(q, stored)]

@pytest.fixture(scope='module')
def stored():
    "The stored ratios; none when no bench run is stored (then no ratio may be quoted)."
    return list(json.loads(RESULTS.read_text())['ratios'].values()) if RESULTS.is_file() else []

@pytest.mark.parametrize('path', prose_files(), ids=lambda p: p.name)
def test_quoted_ratios_are_stored(path, stored):
    bad = unbacked(prose(path), stored)
    assert not bad, f"{path.name} quotes {', '.join(b + 'x' for b in bad)}, which no stored bench ratio matches (nbs/bench_results.json)"

def test_the_check_can_fail():
    "A typed-in figure that the bench never measured is caught; a stored one passes at its precision."
    stored = [2.8734, 9.61]
    assert unbacked('the loop is 999x faster, or 0.001x', stored) == ['999', '0.001']
    assert unbacked('about 2.9x faster, 2.87x, 3x, 10x', stored) == []
    assert unbacked('about 2.8x faster, 11x', stored) == ['2.8', '11']
    assert quoted_ratios('a 384x384 matrix, 8 × 3, 2.5x') == ['2.5']

@pytest.mark.skipif(not RESULTS.is_file(), reason='no bench run stored yet (then no ratio may be quoted in prose)')
def test_stored_ratios_are_recomputed_from_raw_timings():
    "The stored ratios are the bench's own: each one agrees with the raw seconds stored next to it."
    from hfguide.bench import bench_ratios
    res = json.loads(RESULTS.read_text())
    assert res['ratios'] == pytest.approx(bench_ratios(res), rel=1e-9)
    assert res['train_padding']['same_losses'] and res['inference']['same_labels'] and res['tokenize']['same_ids']
    assert res['inference']['helper_label_agreement'] >= 0.99   # the helper's bf16 may flip a borderline row, no more
