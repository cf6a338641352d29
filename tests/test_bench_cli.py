"Benchmarks are checked for correctness (same answers) on small sizes, never timed; the CLI works and fails clearly."
import json, sys
from pathlib import Path
import pytest
from hfguide.procs import run_bounded
from hfguide.bench import bench_inference, encoder_flops, _batch_shapes

ROOT = Path(__file__).resolve().parents[1]

def test_bench_inference_three_ways_agree():
    "The bench's agreement flags, recomputed here from the same texts with the pipeline and classify_texts."
    from transformers import pipeline
    from hfguide.data import read_reviews
    from hfguide.infer import classify_texts
    m = 'cardiffnlp/twitter-roberta-base-sentiment-latest'
    r = bench_inference(n=40, batch_size=8, model=m)
    texts = [x['text'] for x in read_reviews(lang=None)[:40]]
    per_row = [pipeline('sentiment-analysis', model=m)(t, truncation=True)[0]['label'] for t in texts]
    ours = [x['label'] for x in classify_texts(texts, model=m, batch_size=8)]
    assert r['n'] == 40 and r['label_mismatches'] == sum(a != b for a, b in zip(per_row, ours))
    assert r['same_labels'] == (per_row == ours) and r['same_labels']   # the stand-in is deterministic: the ways agree
    assert set(r['seconds']) == {'per_row', 'pipeline_batched', 'classify_texts', 'classify_texts_fp32'}
    assert r['speedup_vs_per_row'] == r['seconds']['per_row'] / r['seconds']['classify_texts']

def test_sorted_batches_do_less_padded_work():
    from transformers import AutoConfig, AutoTokenizer
    from hfguide.data import read_reviews
    m = 'cardiffnlp/twitter-roberta-base-sentiment-latest'
    cfg, tok = AutoConfig.from_pretrained(m), AutoTokenizer.from_pretrained(m)
    texts = [r['text'] for r in read_reviews()[:200]]
    sorted_shapes, plain = _batch_shapes(tok, texts, 32, sort=True), _batch_shapes(tok, texts, 32, sort=False)
    assert sum(r for r, _ in sorted_shapes) == sum(r for r, _ in plain) == 200
    assert encoder_flops(cfg, sorted_shapes) < encoder_flops(cfg, plain)

def _cli(*args):
    return run_bounded([sys.executable, '-m', 'hfguide.cli', *args], timeout=600, cwd=ROOT)

def test_cli_env_reports_offline_standins():
    r = _cli('env')
    assert r.returncode == 0, r.stderr
    assert 'offline (stand-ins)' in r.stdout and 'transformers=5.' in r.stdout

def test_cli_bench_writes_json(tmp_path):
    out = tmp_path/'bench.json'
    r = _cli('bench', '--n', '24', '--n-tokenize', '200', '--n-train', '8', '--lora-steps', '3', '--json', str(out))
    assert r.returncode == 0, r.stderr
    res = json.loads(out.read_text())['inference']
    assert res['n'] == 24 and res['same_labels'] is True
    lora = json.loads(out.read_text())['lora_vs_full']
    assert lora['same_tokens'] == (lora['full']['tokens'] == lora['lora']['tokens']) and lora['same_tokens'] and lora['steps'] == 3 and len(lora['full']['losses']) == len(lora['lora']['losses']) == 3
    assert lora['full']['trainable'] == lora['full']['total'] and lora['lora']['trainable'] < lora['lora']['total'] / 50
    assert 'LoRA vs full fine-tuning' in r.stdout
    assert 'classify_texts' in r.stdout and 'same labels, all four ways: True' in r.stdout

@pytest.mark.parametrize('args,msg', [(['bench', '--n', 'many'], "invalid int value: 'many'"), (['frobnicate'], 'invalid choice'), ([], 'required')])
def test_cli_bad_arguments(args, msg):
    r = _cli(*args)
    assert r.returncode == 2 and msg in r.stderr and 'usage: hfguide' in r.stderr

def test_bench_tokenize_three_ways_same_ids():
    from hfguide.bench import bench_tokenize
    from transformers import AutoTokenizer
    from hfguide.data import read_reviews
    r = bench_tokenize(n=300)
    tok = AutoTokenizer.from_pretrained('sentence-transformers/all-MiniLM-L6-v2')
    base = [x['text'] for x in read_reviews(lang=None)]
    texts = (base * (300 // len(base) + 1))[:300]
    one_by_one = [tok(t, truncation=True, max_length=512)['input_ids'] for t in texts]
    raw = [e.ids for e in tok.backend_tokenizer.encode_batch(texts)]
    assert r['n'] == 300 and r['same_ids'] == (one_by_one == raw)
    assert r['batched_vs_per_example'] == r['seconds']['per_example_map'] / r['seconds']['batched_map']

def test_bench_train_padding_same_losses_fewer_tokens():
    from hfguide.bench import bench_train_padding
    import torch
    from hfguide.data import load_reviews
    from hfguide.train import review_classifier
    from hfguide.data import read_reviews
    from transformers import AutoTokenizer
    r = bench_train_padding(n=12, batch_size=4)
    m, tok = review_classifier('sentence-transformers/all-MiniLM-L6-v2', seed=0)   # the bench's fresh classifier, rebuilt here
    rows = load_reviews()['train'].select(range(8))
    labels = torch.tensor(rows['label'])
    with torch.inference_mode():
        losses = [torch.nn.functional.cross_entropy(m.eval()(**tok(list(rows['text']), padding=p, max_length=512, truncation=True,
                                                                 return_tensors='pt')).logits, labels, reduction='none')
                  for p in ('max_length', 'longest')]
    diff = float((losses[0] - losses[1]).abs().max())
    assert r['same_losses'] == (diff < 1e-4) and r['same_losses'] and abs(r['max_loss_diff'] - diff) < 1e-5
    assert r['tokens']['fixed_512'] == 12 * 512 and r['tokens']['dynamic_grouped'] < r['tokens']['fixed_512']
    # the guide side pads to the longest row of the first 1,000-row map batch of the training split, computed here directly
    tok = AutoTokenizer.from_pretrained('sentence-transformers/all-MiniLM-L6-v2')
    longest = max(len(x) for x in tok([r_['text'] for r_ in read_reviews(split='train')][:1000], truncation=True, max_length=512)['input_ids'])
    assert r['guide_padded_length'] == longest < 512
    assert r['tokens']['guide_map_padding'] == 12 * longest
