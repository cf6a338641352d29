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

# the bench pairs, small: both sides must agree (speed is not asserted)
def test_bench_checkpointing_small():
    r = O.bench_checkpointing(seq_lens=(16, 32), batch_size=2, rounds=1, layers=1)
    assert r['agree'] and all(row['mib_on'] < row['mib_off'] for row in r['rows'])
    assert r['rows'][1]['mib_off'] > r['rows'][0]['mib_off']

def test_bench_bf16_small():
    r = O.bench_bf16_step(batch_size=2, seq_len=16, rounds=1, layers=1)
    assert r['agree'] and set(r['seconds']) == {'fp32', 'bf16'} and r['time_ratio'] > 0

@pytest.mark.timeout(900)
def test_bench_compile_small():
    r = O.bench_compile(batch_size=2, seq_lens=(16, 24), rounds=1, layers=1)
    assert r['agree'] and r['max_logit_diff'] <= 1e-4 and len(r['new_length_s']) == 1

def test_bench_onnx_small(tmp_path):
    r = O.bench_onnx(batch_size=4, rounds=1, layers=1, workdir=tmp_path)
    assert r['agree'] and r['max_logit_diff'] <= 1e-4 and r['onnx_mib'] > 1
    assert (tmp_path/'model.onnx').is_file()
