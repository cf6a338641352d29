"Chapter 14's helpers (hfguide.optimize): exact activation accounting, the amp policy table, KV-cache arithmetic, and the bench pairs on small sizes (correctness only, never speed)."
import pytest, torch
from hfguide import optimize as O

def test_saved_bytes_counts_each_storage_once():
    x = torch.randn(1000, requires_grad=True)
    out, n = O.saved_activation_bytes(lambda x: (x * x).exp().sum(), dict(x=x))
    # mul saves x twice (one storage: 4000 bytes), exp saves its 1000-float result: 8000 bytes in all
    assert n == 8000
    out.backward()
    torch.testing.assert_close(x.grad, 2 * x.detach() * (x.detach() ** 2).exp())

def test_saved_bytes_nothing_without_grad():
    x = torch.randn(100)
    assert O.saved_activation_bytes(lambda x: (x * x).exp().sum(), dict(x=x))[1] == 0

def _tiny_classifier(layers=1):
    return O._fresh_model('sentence-transformers/all-MiniLM-L6-v2', layers)

def test_checkpointing_switch_and_linear_memory():
    m, tok = _tiny_classifier(1)
    O.set_checkpointing(m, True)
    assert m.is_activation_checkpointing and m.training
    O.set_checkpointing(m, False)
    assert not m.is_activation_checkpointing
    texts = ['a short review of a product that worked well'] * 4
    sizes = [O.saved_activation_bytes(m, O.packed_batch(tok, texts, b, 32))[1] for b in (2, 4, 8)]
    assert sizes[0] < sizes[1] < sizes[2]
    assert abs((sizes[2] - sizes[1]) - 2 * (sizes[1] - sizes[0])) <= 0.02 * sizes[2]  # activations grow linearly with the batch

def test_packed_batch_shapes_and_errors():
    _, tok = _tiny_classifier(1)
    b = O.packed_batch(tok, ['one two three'], batch_size=3, seq_len=7)
    assert b['input_ids'].shape == (3, 7) and b['attention_mask'].all() and set(b['labels'].tolist()) <= {0, 1, 2}
    with pytest.raises(ValueError, match='tokenized to nothing'): O.packed_batch(tok, [''], 2, 4)

def test_amp_policy_follows_hardware(monkeypatch):
    import hfguide.env as E
    monkeypatch.setattr(E, '_cpuinfo', lambda: dict(name='x', flags={'avx2'}))
    assert O.amp_policy('cpu')['dtype'] is None
    monkeypatch.setattr(E, '_cpuinfo', lambda: dict(name='x', flags={'avx2', 'amx_bf16'}))
    p = O.amp_policy('cpu')
    assert p['dtype'] == torch.bfloat16 and not p['scaler'] and 'amx_bf16' in p['why']
    monkeypatch.setattr(E, 'device_info', lambda: dict(bf16_fast=False))
    p = O.amp_policy('cuda')
    assert p['dtype'] == torch.float16 and p['scaler'] and p['device_type'] == 'cuda'
    monkeypatch.setattr(E, 'device_info', lambda: dict(bf16_fast=True))
    assert O.amp_policy('cuda')['dtype'] == torch.bfloat16 and not O.amp_policy('cuda')['scaler']
    with pytest.raises(ValueError, match="unknown device 'xla'"): O.amp_policy('xla')

def test_amp_train_step_fp32_policy_equals_plain_step():
    torch.manual_seed(0)
    a = torch.nn.Linear(4, 3); b = torch.nn.Linear(4, 3); b.load_state_dict(a.state_dict())
    class M(torch.nn.Module):
        def __init__(s, lin): super().__init__(); s.lin = lin
        def forward(s, x, labels):
            return type('O', (), {'loss': torch.nn.functional.cross_entropy(s.lin(x), labels)})()
    x, y = torch.randn(8, 4), torch.randint(0, 3, (8,))
    oa, ob = torch.optim.SGD(a.parameters(), lr=0.1), torch.optim.SGD(b.parameters(), lr=0.1)
    O.amp_train_step(M(a), dict(x=x, labels=y), oa, dict(device_type='cpu', dtype=None, scaler=False))
    torch.nn.functional.cross_entropy(b(x), y).backward(); ob.step()
    torch.testing.assert_close(a.weight, b.weight)
    with pytest.raises(ValueError, match='GradScaler'):
        O.amp_train_step(M(a), dict(x=x, labels=y), oa, dict(device_type='cuda', dtype=torch.float16, scaler=True))

def test_kv_cache_bytes_matches_a_real_cache():
    from transformers import LlamaConfig, LlamaForCausalLM
    cfg = LlamaConfig(vocab_size=64, hidden_size=32, intermediate_size=64, num_hidden_layers=3, num_attention_heads=4, num_key_value_heads=2)
    m = LlamaForCausalLM(cfg).eval()
    with torch.inference_mode(): cache = m(input_ids=torch.randint(0, 64, (2, 11)), use_cache=True).cache
    got = sum(t.numel() * t.element_size() for l in cache.layers for t in (l.keys, l.values))
    assert got == O.kv_cache_bytes(cfg, 11, batch=2, dtype_bytes=4) == 2 * 3 * 2 * 8 * 11 * 2 * 4

def test_layer_placement_without_device_map():
    assert O.layer_placement(torch.nn.Linear(2, 2)) == {'cpu': ['']}

def test_export_onnx_refuses_batch_of_one(tmp_path):
    m, tok = _tiny_classifier(1)
    with pytest.raises(ValueError, match='at least 2 rows'):
        O.export_onnx(m, tmp_path/'m.onnx', tok(['one'], return_tensors='pt'))

# the bench pairs, small: both sides must agree (speed is not asserted); the agreement is recomputed here
import statistics
from hfguide.data import load_reviews
TEXTS = list(load_reviews()['train']['text'][:64])

def _round_ratio(times, num, den):
    return statistics.median(a / b for a, b in zip(times[num], times[den]))

def _kept_bytes(model, batch):
    "Bytes of the storages autograd saves for backward, counted here with our own hook."
    seen = {}
    def pack(t): seen[t.untyped_storage().data_ptr()] = t.untyped_storage().nbytes(); return t
    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t): loss = model(**batch).loss
    return loss, sum(seen.values())

def test_median_ratio_is_per_round_not_ratio_of_medians():
    t = {'a': [1, 2, 10], 'b': [2, 1, 5]}        # per-round a/b: 0.5, 2, 2 -> 2; medians 2 / 2 -> 1
    assert O.median_ratio(t, 'a', 'b') == 2
    calls = []
    O._alternating({'a': lambda: calls.append('a'), 'b': lambda: calls.append('b')}, 4)
    assert calls == list('abbaabba')

def test_bench_checkpointing_small():
    r = O.bench_checkpointing(seq_lens=(16, 32), batch_size=2, rounds=3, layers=1)
    m, tok = _tiny_classifier(1); m.train()
    for row in r['rows']:
        b = O.packed_batch(tok, TEXTS, 2, row['seq_len'])
        loss, kept = _kept_bytes(m, b)
        # both sides' losses are the plain model's loss, computed here
        assert row['loss_off'] == pytest.approx(loss.item(), abs=1e-6) and row['loss_on'] == pytest.approx(loss.item(), abs=1e-6)
        assert row['mib_off'] * 2**20 == kept and row['mib_on'] < row['mib_off'] / 2
        assert len(row['rounds_s']['on']) == len(row['rounds_s']['off']) == 3
        assert row['time_ratio'] == pytest.approx(_round_ratio(row['rounds_s'], 'on', 'off'), rel=1e-12)
    assert r['agree'] and r['rows'][1]['mib_off'] > r['rows'][0]['mib_off']

def test_bench_bf16_small():
    r = O.bench_bf16_step(batch_size=2, seq_len=16, rounds=3, layers=1)
    m, tok = _tiny_classifier(1); m.train()
    b = O.packed_batch(tok, TEXTS, 2, 16)
    with torch.no_grad():
        l32 = m(**b).loss.item()
        with torch.amp.autocast('cpu', dtype=torch.bfloat16): l16 = m(**b).loss.item()
    assert r['loss_fp32'] == pytest.approx(l32, abs=1e-6) and r['loss_bf16'] == pytest.approx(l16, abs=1e-3)
    assert r['agree'] == (abs(l32 - l16) < 0.05) and r['agree']
    flags = set(next(l for l in open('/proc/cpuinfo') if l.startswith('flags')).split(':')[1].split())
    assert r['cpu_features'] == sorted(flags & {'avx512_bf16', 'amx_bf16', 'amx_tile'})
    assert r['time_ratio'] == pytest.approx(_round_ratio(r['rounds_s'], 'bf16', 'fp32'), rel=1e-12)

def _eager_logits(batch):
    m, _ = _tiny_classifier(1); m.eval()
    with torch.inference_mode(): return m(**batch).logits

@pytest.mark.timeout(900)
def test_bench_compile_small():
    r = O.bench_compile(batch_size=2, seq_lens=(16, 24), rounds=3, layers=1)
    _, tok = _tiny_classifier(1)
    b = {k: v for k, v in O.packed_batch(tok, TEXTS, 2, 16).items() if k != 'labels'}
    diff = float((torch.tensor(r['logits']) - _eager_logits(b)).abs().max())
    assert diff <= 1e-4 and r['agree'] and len(r['new_length_s']) == 1
    assert r['time_ratio'] == pytest.approx(_round_ratio(r['rounds_s'], 'compiled', 'eager'), rel=1e-12)

def test_bench_onnx_small(tmp_path):
    r = O.bench_onnx(batch_size=4, rounds=3, layers=1, workdir=tmp_path)
    _, tok = _tiny_classifier(1)
    ref = _eager_logits(tok(TEXTS[:4], padding=True, return_tensors='pt'))
    assert float((torch.tensor(r['logits']) - ref).abs().max()) <= 1e-4 and r['agree'] and r['onnx_mib'] > 1
    assert (tmp_path/'model.onnx').is_file()
    assert r['time_ratio'] == pytest.approx(_round_ratio(r['rounds_s'], 'ort', 'eager'), rel=1e-12)
