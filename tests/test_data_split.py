"The shipped reviews: the generator reproduces them byte for byte, no test sentence occurs in train, the hand-written set is separate."
import csv, importlib.util, re, subprocess, sys
from collections import Counter
from pathlib import Path
import pytest
from hfguide.data import read_reviews, data_dir

ROOT = Path(__file__).resolve().parents[1]

def _sentences(text):
    "Sentences of a review, lower-cased, split after . ! ? (English) or 。！？ (Chinese)."
    parts = re.split(r'(?<=[.!?])\s+', text) if not re.search(r'[\u4e00-\u9fff]', text) else re.findall(r'[^。！？]+[。！？]*', text)
    return {p.strip().lower() for p in parts if p.strip()}

def _leaks(train, test):
    "Test sentences that also occur in some train review."
    seen = set().union(*(_sentences(r['text']) for r in train))
    return {s for r in test for s in _sentences(r['text'])} & seen

def test_make_data_reproduces_shipped_files(tmp_path):
    "Running tools/make_data.py writes exactly the shipped reviews, NER and QA files."
    out = subprocess.run([sys.executable, str(ROOT/'tools'/'make_data.py'), '--out', str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    for name in ('reviews.csv', 'ner.jsonl', 'qa.jsonl'):
        assert (tmp_path/name).read_bytes() == (ROOT/'nbs'/'data'/name).read_bytes(), f"{name} differs from the generator's output"

@pytest.mark.parametrize('lang', ['en', 'zh'])
def test_no_test_sentence_in_train(lang):
    "The leak-free split: not one sentence of a test review occurs in a training review."
    train, test = read_reviews(lang, split='train'), read_reviews(lang, split='test')
    assert len(test) >= 40 and len(train) > len(test)
    assert _leaks(train, test) == set()

def test_leak_check_can_fail():
    "The same check flags a split that shares a sentence (so the test above is not vacuous)."
    train = read_reviews(split='train')
    planted = [{'text': 'A new review. ' + _first_sentence(train[0]['text'])}]
    assert _leaks(train, planted) == {_first_sentence(train[0]['text']).lower()}

def _first_sentence(text): return re.split(r'(?<=[.!?])\s+', text)[0]

def test_split_balanced():
    "Every (topic, stars) cell has test reviews, so the test split measures every class and topic."
    test = read_reviews(split='test')
    cells = Counter((r['topic'], r['stars']) for r in test)
    assert len(cells) == 8 * 5 and set(cells.values()) == {7}

def test_heldout_is_separate_and_complete():
    "The hand-written reviews: at least 100, all labels, labels match stars, no sentence shared with the generated data."
    held = read_reviews(split='heldout')
    assert len(held) >= 100 and len({r['text'] for r in held}) == len(held)
    assert Counter(r['label'] for r in held) == {'positive': 48, 'neutral': 24, 'negative': 48}
    for r in held:
        assert r['label'] == ('negative' if r['stars'] <= 2 else 'neutral' if r['stars'] == 3 else 'positive'), r['id']
    assert _leaks(read_reviews(lang=None), held) == set()

def test_heldout_not_generated():
    "No hand-written review can come out of the generator: none uses a phrase from its banks."
    spec = importlib.util.spec_from_file_location('make_data', ROOT/'tools'/'make_data.py')
    md = importlib.util.module_from_spec(spec); spec.loader.exec_module(md)
    bank = {s for b in md.ALL_BANKS for t in md.bank_lines(b) for s in md.sentences(t, 'any')}
    held = {s for r in read_reviews(split='heldout') for s in md.sentences(r['text'], 'en')}
    assert held & bank == set()

def test_bad_split_names_the_choices():
    with pytest.raises(ValueError, match="'train', 'test', 'heldout' or None"): read_reviews(split='valid')
