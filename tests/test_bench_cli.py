"Benchmarks are checked for correctness (same answers) on small sizes, never timed; the CLI works and fails clearly."
import json, os, subprocess, sys
from pathlib import Path
import pytest
from hfguide.bench import bench_inference, encoder_flops, _batch_shapes

ROOT = Path(__file__).resolve().parents[1]

def test_bench_inference_three_ways_agree():
    r = bench_inference(n=40, batch_size=8)
    assert r['n'] == 40 and r['same_labels'] and r['label_mismatches'] == 0
    assert all(v > 0 for v in r['seconds'].values()) and 0 < r['fraction_of_peak']

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
    env = {**os.environ, 'PYTHONPATH': str(ROOT)}
    return subprocess.run([sys.executable, '-m', 'hfguide.cli', *args], capture_output=True, text=True, env=env, cwd=ROOT)

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
    assert lora['same_tokens'] and lora['steps'] == 3 and len(lora['full']['losses']) == len(lora['lora']['losses']) == 3
    assert lora['full']['trainable'] == lora['full']['total'] and lora['lora']['trainable'] < lora['lora']['total'] / 50
    assert 'LoRA vs full fine-tuning' in r.stdout
    assert 'classify_texts' in r.stdout and 'same labels, all four ways: True' in r.stdout

@pytest.mark.parametrize('args,msg', [(['bench', '--n', 'many'], "invalid int value: 'many'"), (['frobnicate'], 'invalid choice'), ([], 'required')])
def test_cli_bad_arguments(args, msg):
    r = _cli(*args)
    assert r.returncode == 2 and msg in r.stderr and 'usage: hfguide' in r.stderr

def test_bench_tokenize_three_ways_same_ids():
    from hfguide.bench import bench_tokenize
    r = bench_tokenize(n=300)
    assert r['same_ids'] and r['n'] == 300 and all(v > 0 for v in r['seconds'].values())

def test_bench_train_padding_same_losses_fewer_tokens():
    from hfguide.bench import bench_train_padding
    from hfguide.data import read_reviews
    from transformers import AutoTokenizer
    r = bench_train_padding(n=12, batch_size=4)
    assert r['same_losses'] and r['max_loss_diff'] < 1e-4
    assert r['tokens']['fixed_512'] == 12 * 512 and r['tokens']['dynamic_grouped'] < r['tokens']['fixed_512']
    # the guide side pads to the longest row of the first 1,000-row map batch of the training split, computed here directly
    tok = AutoTokenizer.from_pretrained('sentence-transformers/all-MiniLM-L6-v2')
    longest = max(len(x) for x in tok([r_['text'] for r_ in read_reviews(split='train')][:1000], truncation=True, max_length=512)['input_ids'])
    assert r['guide_padded_length'] == longest < 512
    assert r['tokens']['guide_map_padding'] == 12 * longest
