"The offline stand-ins: under the real ids, in the project's own cache, labelled, and loadable by the pinned revisions."
import os
from pathlib import Path
import pytest, torch
from hfguide.offline import (STANDINS, standin_hub_cache, standins_record, use_standins, build_key, SENTIMENT3, cache_home,
                             ensure_standins, _snapshot, _write_refs)

def test_models_resolve_into_the_standin_cache_not_the_users():
    from huggingface_hub import hf_hub_download
    path = Path(hf_hub_download('cardiffnlp/twitter-roberta-base-sentiment-latest', 'config.json')).resolve()
    assert standin_hub_cache().resolve() in path.parents and (Path.home()/'.cache'/'huggingface').resolve() not in path.parents
    assert path.parent.name == standins_record()['key']   # the snapshot of this build

def test_snapshot_and_refs_layout(tmp_path):
    "The cache layout huggingface_hub reads: models--org--name/snapshots/<key>, refs/<rev> holding the key."
    key = 'a' * 40
    snap = _snapshot('org/name', key, tmp_path)
    assert snap == tmp_path/'models--org--name'/'snapshots'/key
    _write_refs('org/name', key, ('714eb0f',), tmp_path)
    refs = tmp_path/'models--org--name'/'refs'
    assert sorted(p.name for p in refs.iterdir()) == ['714eb0f', 'main'] and {p.read_text() for p in refs.iterdir()} == {key}

def test_build_key_follows_recipes_and_data(tmp_path, monkeypatch):
    import hashlib, shutil, hfguide.offline as off
    from hfguide.data import data_dir
    for n in ('reviews.csv', 'ner.jsonl', 'qa.jsonl'): shutil.copy(data_dir()/n, tmp_path/n)
    monkeypatch.setenv('HFGUIDE_DATA', str(tmp_path))
    h = hashlib.sha1(f'recipes-v{off.RECIPE_VERSION}'.encode())
    for n in ('reviews.csv', 'ner.jsonl', 'qa.jsonl'): h.update((tmp_path/n).read_bytes())
    assert build_key() == h.hexdigest()
    (tmp_path/'qa.jsonl').write_bytes((tmp_path/'qa.jsonl').read_bytes() + b'\n')
    changed = build_key(); assert changed != h.hexdigest()
    monkeypatch.setattr(off, 'RECIPE_VERSION', off.RECIPE_VERSION + 1)
    assert build_key() not in (changed, h.hexdigest())

def test_cache_home_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv('HFGUIDE_HOME', str(tmp_path))
    assert (cache_home(), standin_hub_cache()) == (tmp_path, tmp_path/'hf'/'hub')
    monkeypatch.delenv('HFGUIDE_HOME')
    assert cache_home() == Path.home()/'.cache'/'hfguide'

def test_ensure_standins_reuses_a_matching_cache_and_times_out_on_a_held_lock(tmp_path, monkeypatch):
    import json
    from filelock import FileLock
    import hfguide.offline as off
    monkeypatch.setenv('HFGUIDE_HOME', str(tmp_path))
    rec = {'key': build_key(), 'repos': ['org/name']}
    _snapshot('org/name', rec['key']).mkdir(parents=True)
    (tmp_path/'standins.json').write_text(json.dumps(rec))
    assert ensure_standins(verbose=False) == rec              # cached: no build, no lock
    (tmp_path/'standins.json').write_text(json.dumps({**rec, 'key': 'old'}))
    with FileLock(str(tmp_path/'standins.lock')):             # another process is building
        with pytest.raises(TimeoutError, match='another process has been building the stand-ins'):
            ensure_standins(verbose=False, lock_timeout=0.5)

def test_ensure_standins_build_timeout(tmp_path, monkeypatch):
    monkeypatch.setenv('HFGUIDE_HOME', str(tmp_path))
    with pytest.raises(TimeoutError, match='took over 1 s and was stopped'): ensure_standins(verbose=False, timeout=1)

def test_standins_block_restores_settings():
    import huggingface_hub.constants as hc
    from hfguide.offline import standins, hf_settings
    with hf_settings(hf_home='/tmp/hfguide-elsewhere', offline=False):
        before = (hc.HF_HOME, hc.HF_HUB_OFFLINE, os.environ.get('HF_HUB_OFFLINE'), os.environ.get('HFGUIDE_STANDINS'))
        with standins(): inside = (hc.HF_HOME, hc.HF_HUB_OFFLINE, os.environ.get('HF_HUB_OFFLINE'))
        after = (hc.HF_HOME, hc.HF_HUB_OFFLINE, os.environ.get('HF_HUB_OFFLINE'), os.environ.get('HFGUIDE_STANDINS'))
    assert before == ('/tmp/hfguide-elsewhere', False, None, before[3]) and after == before
    assert inside == (str(standin_hub_cache().parent), True, '1')

def test_every_standin_is_in_the_record_and_cache_with_a_card():
    from huggingface_hub import ModelCard, hf_hub_download
    rec = standins_record()
    assert rec['key'] == build_key()
    assert sorted(rec['repos']) == sorted(s.repo_id for s in STANDINS)
    for s in STANDINS:
        card = ModelCard.load(hf_hub_download(s.repo_id, 'README.md'))
        assert 'hfguide-standin' in card.data.tags and f'stand-in for `{s.repo_id}`' in card.text

@pytest.mark.parametrize('s', [s for s in STANDINS if s.revisions], ids=lambda s: s.repo_id)
def test_pinned_pipeline_revisions_resolve_offline(s):
    from transformers import AutoConfig
    for rev in s.revisions: assert AutoConfig.from_pretrained(s.repo_id, revision=rev).model_type

def test_two_label_model_is_the_three_label_model_without_neutral():
    from transformers import AutoTokenizer, AutoModelForSequenceClassification
    m3 = AutoModelForSequenceClassification.from_pretrained('cardiffnlp/twitter-roberta-base-sentiment-latest')
    m2 = AutoModelForSequenceClassification.from_pretrained('distilbert/distilbert-base-uncased-finetuned-sst-2-english')
    tok = AutoTokenizer.from_pretrained('cardiffnlp/twitter-roberta-base-sentiment-latest')
    b = tok(['fine I guess', 'awful, broke in a day', 'superb quality'], padding=True, return_tensors='pt')
    with torch.inference_mode(): l3, l2 = m3(**b).logits, m2(**b).logits
    torch.testing.assert_close(l2, l3[:, [SENTIMENT3.index('negative'), SENTIMENT3.index('positive')]])
    assert m2.config.id2label == {0: 'NEGATIVE', 1: 'POSITIVE'}

def test_fine_tuned_standins_meet_their_bars():
    m = standins_record()['metrics']
    assert m['sentiment']['accuracy_2class_en'] >= 0.90 and m['sentiment']['accuracy_3class_en'] >= 0.85
    assert m['ner']['entity_token_accuracy'] >= 0.85

def test_bad_mode_is_refused():
    with pytest.raises(ValueError, match="mode must be 'auto', 'offline' or 'online'"): use_standins('sometimes')

def test_card_says_what_a_standin_is():
    "One card writer for the text and the media stand-ins: metadata, the disclaimer (or not), the figures."
    from hfguide.offline import StandIn, MINILM, _card
    s = StandIn('org/model', 'text-classification', 'sentiment3')
    c = _card(s, 'a tiny thing', {'accuracy': 0.91234, 'n_test': 40}, base_model=MINILM)
    text = str(c)
    assert (c.data.base_model, c.data.license, c.data.tags) == (MINILM, 'apache-2.0', ['hfguide-standin', 'offline'])
    assert '**This is not `org/model`.**' in text and '- What it is: a tiny thing' in text
    assert '- Measured on the held-out split of the shipped data:\n  - accuracy: 0.912\n  - n_test: 40\n' in text
    c = _card(s, 'the real one', {'acc': 0.5}, license='mit', disclaim=False, measured_on='drawn images')
    assert c.data.base_model is None and c.data.license == 'mit' and 'This is not' not in str(c)
    assert '**Built by `hfguide`**' in str(c) and '- Measured on drawn images:\n  - acc: 0.500\n' in str(c)

def _fit_learning_rates(monkeypatch, n_rows, epochs, bs, lr):
    "The learning rate of every optimizer step `_fit` takes, recorded from inside AdamW.step."
    from types import SimpleNamespace
    from hfguide.offline import _fit
    seen = []
    class Recording(torch.optim.AdamW):
        def step(self, *a, **k): seen.append(self.param_groups[0]['lr']); return super().step(*a, **k)
    monkeypatch.setattr(torch.optim, 'AdamW', Recording)
    class Tiny(torch.nn.Module):
        def __init__(self): super().__init__(); self.w = torch.nn.Parameter(torch.zeros(1))
        def forward(self, input_ids): return SimpleNamespace(loss=((self.w - input_ids.float().mean())**2).sum())
    feats = [{'input_ids': [1] * (3 + i % 7)} for i in range(n_rows)]
    _fit(Tiny(), feats, lambda rows: {'input_ids': torch.tensor([len(r['input_ids']) for r in rows])}, epochs=epochs, lr=lr, bs=bs)
    return seen

@pytest.mark.parametrize('n_rows,epochs,bs,lr', [(300, 2, 32, 2e-4), (200, 4, 16, 2e-4), (90, 2, 16, 3e-3)])
def test_fit_warmup_is_not_transformers_linear_schedule(monkeypatch, n_rows, epochs, bs, lr):
    """`_fit` warms up to (s+1)/warm of the rate at step s; transformers' `get_linear_schedule_with_warmup` to s/warm (0 at
    step 0). Same decay after. Swapping in the library would change every stand-in's weights without a `RECIPE_VERSION` bump."""
    from transformers import get_linear_schedule_with_warmup
    seen = _fit_learning_rates(monkeypatch, n_rows, epochs, bs, lr)
    n = epochs * -(-n_rows // bs); warm = max(1, n // 10)
    assert len(seen) == n
    ours = [lr * min((s + 1) / warm, (n - s) / (n - warm)) for s in range(n)]          # the recipe, written out
    assert seen == pytest.approx(ours, rel=1e-12)
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)
    sched = get_linear_schedule_with_warmup(opt, num_warmup_steps=warm, num_training_steps=n)
    library = []
    for _ in range(n): library.append(opt.param_groups[0]['lr']); opt.step(); sched.step()
    assert library[0] == 0 and seen[0] == pytest.approx(lr / warm)                   # the library's first step does nothing
    assert seen[:warm - 1] == pytest.approx(library[1:warm])                          # warm-up: ours is one step ahead
    assert seen[warm:] == pytest.approx(library[warm:])                               # decay: the same
