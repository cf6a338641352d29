"Benchmarks are checked for correctness (same answers) on small sizes, never timed; the CLI works and fails clearly."
import json, statistics, sys
from pathlib import Path
import pytest
from hfguide.procs import run_bounded
from hfguide.bench import bench_inference, encoder_flops, _batch_shapes

ROOT = Path(__file__).resolve().parents[1]

def test_bench_inference_three_ways_agree():
    "The bench's agreement flags, recomputed here from the same texts with the pipeline and classify_texts."
    from transformers import pipeline
    from hfguide.data import read_reviews
    import torch
    from hfguide.infer import classify_texts
    m = 'cardiffnlp/twitter-roberta-base-sentiment-latest'
    r = bench_inference(n=40, batch_size=8, model=m)
    texts = [x['text'] for x in read_reviews(lang=None)[:40]]
    per_row = [pipeline('sentiment-analysis', model=m)(t, truncation=True)[0]['label'] for t in texts]
    ours = [x['label'] for x in classify_texts(texts, model=m, batch_size=8)]
    ours32 = [x['label'] for x in classify_texts(texts, model=m, batch_size=8, dtype=torch.float32)]
    assert r['n'] == 40 and r['label_mismatches'] == sum(a != b for a, b in zip(per_row, ours))
    assert r['helper_label_agreement'] == sum(a == b for a, b in zip(per_row, ours)) / 40
    assert r['same_labels'] == (per_row == ours32) and r['same_labels']   # fp32 ways: the same labels
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
    r = _cli('bench', '--quick', '--pairs', 'checkpointing', 'sdpa', '--json', str(out), '--progress-every', '600')
    assert r.returncode == 0, r.stderr
    res = json.loads(out.read_text())['inference']
    assert res['n'] == 24 and res['same_labels'] is True
    lora = json.loads(out.read_text())['lora_vs_full']
    assert lora['same_tokens'] == (lora['full']['tokens'] == lora['lora']['tokens']) and lora['same_tokens'] and lora['steps'] == 3 and len(lora['full']['losses']) == len(lora['lora']['losses']) == 3
    assert lora['full']['trainable'] == lora['full']['total'] and lora['lora']['trainable'] < lora['lora']['total'] / 50
    assert 'LoRA vs full fine-tuning' in r.stdout
    assert 'classify_texts' in r.stdout and 'same labels, per-row / pipeline / helper fp32: True' in r.stdout
    stored = json.loads(out.read_text())
    assert list(stored['pairs']) == ['checkpointing', 'sdpa'] and all(p['agree'] for p in stored['pairs'].values())
    # the stored ratios are the per-round medians of the stored raw seconds
    ck = stored['pairs']['checkpointing']
    assert stored['ratios']['checkpointing_speedup'] == pytest.approx(statistics.median(a / b for a, b in zip(ck['rounds_s']['off'], ck['rounds_s']['on'])))
    assert stored['ratios']['checkpointing_memory_saving'] == pytest.approx(ck['memory_mib']['off'] / ck['memory_mib']['on']) and ck['memory_mib']['on'] < ck['memory_mib']['off']
    assert stored['ratios']['sdpa_speedup'] == stored['pairs']['sdpa']['speedup']
    # stdout: one progress line per pair as it starts and ends, then one table row per pair; no warnings in between
    lines = r.stdout.splitlines()
    assert [l.split(':')[0] for l in lines if l.startswith('pair ')] == ['pair 1/2', 'pair 1/2', 'pair 2/2', 'pair 2/2']
    head = next(i for i, l in enumerate(lines) if l.startswith('optimization pairs'))
    assert lines[head + 2].split()[:3] == ['checkpointing', 'off', 'on'] and lines[head + 3].split()[:3] == ['sdpa', 'eager', 'sdpa']
    assert not any('Warning' in l for l in lines)

def test_cli_bench_unknown_pair():
    r = _cli('bench', '--quick', '--pairs', 'warp_drive')
    assert r.returncode == 2 and 'unknown pair(s) warp_drive' in r.stderr and 'checkpointing' in r.stderr

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

# the optimization pairs (chapters 13 and 14), small: each side's result recomputed here, not read off the pair's own flag
@pytest.fixture(scope='module')
def quick_pairs():
    from hfguide.bench import run_pairs
    return run_pairs(['checkpointing', 'bf16_step', 'compile', 'onnx', 'sdpa'], quick=True, print_fn=lambda *a, **k: None)   # chapter 12's: tests/test_quant.py

def _minilm(layers=1):
    from hfguide.optimize import _fresh_model
    return _fresh_model('sentence-transformers/all-MiniLM-L6-v2', layers)

def _texts():
    from hfguide.data import load_reviews
    return list(load_reviews()['train']['text'][:64])

def test_pairs_registry_covers_the_issues():
    from hfguide.bench import PAIRS
    assert {'checkpointing', 'bf16_step', 'compile', 'onnx', 'sdpa', 'quant_bf16', 'quant_torch_int8', 'quant_ort_int8', 'fast_path'} <= set(PAIRS)

@pytest.mark.timeout(1200)
def test_pair_checkpointing_and_bf16_recomputed(quick_pairs):
    import torch
    from hfguide.optimize import packed_batch
    m, tok = _minilm(); m.train()
    ck, bf = quick_pairs['checkpointing'], quick_pairs['bf16_step']
    with torch.no_grad():
        l32 = m(**packed_batch(tok, _texts(), 2, ck['detail']['seq_len'])).loss.item()
        b = packed_batch(tok, _texts(), 2, bf['detail']['seq_len'])
        f32 = m(**b).loss.item()
        with torch.amp.autocast('cpu', dtype=torch.bfloat16): f16 = m(**b).loss.item()
    assert ck['detail']['loss_off'] == pytest.approx(l32, abs=1e-6) and ck['detail']['loss_on'] == pytest.approx(l32, abs=1e-6)
    assert ck['memory_mib']['on'] < ck['memory_mib']['off'] / 2 and ck['agree']
    assert bf['detail']['loss_fp32'] == pytest.approx(f32, abs=1e-6) and bf['detail']['loss_bf16'] == pytest.approx(f16, abs=1e-3)
    assert bf['agree'] == (abs(f32 - f16) < 0.05)

def test_pair_compile_and_onnx_logits_recomputed(quick_pairs):
    import torch
    from hfguide.optimize import packed_batch
    m, tok = _minilm(); m.eval()
    c, o = quick_pairs['compile'], quick_pairs['onnx']
    with torch.inference_mode():
        if c is not None:
            b = {k: v for k, v in packed_batch(tok, _texts(), 2, c['detail']['seq_len']).items() if k != 'labels'}
            assert float((torch.tensor(c['detail']['logits']) - m(**b).logits).abs().max()) <= 1e-4 and c['agree']
        if o is not None:
            ref = m(**tok(_texts()[:4], padding=True, return_tensors='pt')).logits
            assert float((torch.tensor(o['detail']['logits']) - ref).abs().max()) <= 1e-4 and o['agree']

def test_pair_sdpa_recomputed(quick_pairs):
    import torch
    from hfguide.attention import encoder, padded_batch
    p = quick_pairs['sdpa']
    b = padded_batch(p['detail']['batch'], p['detail']['seq_len'])
    with torch.no_grad():
        e, s = (encoder(a, max_len=512, **p['detail']['shape'])(**b).last_hidden_state for a in ('eager', 'sdpa'))
    keep = b['attention_mask'].bool()
    diff = (e[keep] - s[keep]).abs().max().item()
    assert diff < 1e-4 and p['agree'] and p['detail']['max_diff'] == pytest.approx(diff, abs=1e-7)

def test_every_pair_ratio_is_the_median_of_round_ratios(quick_pairs):
    from hfguide.bench import bench_ratios
    ratios = bench_ratios(dict(pairs=quick_pairs))
    for n, p in quick_pairs.items():
        if p is None or p['rounds_s'] is None: continue
        b, v = p['rounds_s'][p['baseline']], p['rounds_s'][p['variant']]
        assert len(b) == len(v) >= 3 and ratios[f'{n}_speedup'] == pytest.approx(statistics.median(x / y for x, y in zip(b, v)), rel=1e-12)

def test_a_new_pair_is_one_registry_entry(monkeypatch):
    "How chapter 12 adds its quantization pairs: one entry in PAIRS; the runner, the table and the ratios pick it up."
    from hfguide import bench
    rec = bench._pair_record('fake int8', 'fp32', 'int8', {'fp32': [1, 2, 10], 'int8': [2, 1, 5]}, True, 'same labels 16/16')
    monkeypatch.setitem(bench.PAIRS, 'fake_int8', lambda quick: rec)
    lines = []
    got = bench.run_pairs(['fake_int8'], print_fn=lambda s, **k: lines.append(s))
    assert len(lines) == 2 and bench.bench_ratios(dict(pairs=got)) == {'fake_int8_speedup': 2}   # per-round median, not 2/2
    assert 'fake_int8' in bench.format_pairs(got) and '2.00x' in bench.format_pairs(got)
    with pytest.raises(ValueError, match="expected 'fp32' and 'int8'"): bench._pair_record('x', 'fp32', 'int8', {'fp32': [1]}, True, '')
