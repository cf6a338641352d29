"Attention implementations agree (padding included), best_attention takes every branch, the bench pair checks itself."
import pytest, torch
import torch.nn.functional as F
from hfguide.attention import (best_attention, encoder, padded_batch, max_diff_on_tokens, compare_outputs,
                               bench_attention, attention_sweep, peak_mib)

def test_padded_batch_masks_a_different_length_per_row():
    b = padded_batch(batch=3, seq_len=30, seed=1)
    assert b['attention_mask'].sum(1).tolist() == [10, 20, 30]
    assert (b['input_ids'][b['attention_mask'] == 0] == 0).all() and (b['input_ids'][b['attention_mask'] == 1] > 0).all()

def test_sdpa_equals_eager_on_real_tokens_and_the_check_catches_an_ignored_mask():
    d = compare_outputs(('eager', 'sdpa'), seq_len=48, batch=3, hidden=64, heads=2, layers=1)
    assert d['sdpa'] < 1e-4
    b = padded_batch(3, 48)
    m = encoder('sdpa', hidden=64, heads=2, layers=1)
    with torch.no_grad():
        good, nomask = m(**b).last_hidden_state, m(input_ids=b['input_ids']).last_hidden_state
    assert max_diff_on_tokens(good, nomask, b['attention_mask']) > 1e-2  # a wrong (mask-ignoring) implementation fails

def test_sdpa_matches_a_hand_written_attention():
    torch.manual_seed(0)
    q, k, v = torch.randn(3, 2, 2, 16, 8).unbind(0)
    keep = torch.tensor([[1] * 10 + [0] * 6, [1] * 16]).bool()
    scores = q @ k.transpose(-1, -2) / 8 ** 0.5
    ref = scores.masked_fill(~keep[:, None, None, :], float('-inf')).softmax(-1) @ v
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=keep[:, None, None, :])
    assert torch.allclose(out, ref, atol=1e-5)

def test_max_diff_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match='shapes differ'): max_diff_on_tokens(torch.zeros(1, 2, 3), torch.zeros(1, 3, 3), torch.ones(1, 2))

@pytest.mark.parametrize('kw,want', [
    (dict(device='cpu'), 'sdpa'),
    (dict(device='cpu', need_weights=True), 'eager'),
    (dict(device='mps', installed={'flash_attn'}), 'sdpa'),
    (dict(device='cuda', capability=8.0, dtype=torch.bfloat16, installed={'flash_attn'}), 'flash_attention_2'),
    (dict(device='cuda', capability=9.0, dtype=torch.float16, installed={'flash_attn'}), 'flash_attention_2'),
    (dict(device='cuda', capability=8.0, installed={'flash_attn'}), 'flash_attention_2'),  # dtype unknown: assume half
    (dict(device='cuda', capability=7.5, dtype=torch.float16, installed={'flash_attn'}), 'sdpa'),  # T4
    (dict(device='cuda', capability=8.6, dtype=torch.float32, installed={'flash_attn'}), 'sdpa'),  # fp32
    (dict(device='cuda', capability=8.0, dtype=torch.bfloat16, installed=set()), 'sdpa'),  # package missing
    (dict(device='cuda', capability=9.0, dtype=torch.bfloat16, installed={'flash_attn'}, need_weights=True), 'eager'),
])
def test_best_attention_every_branch(kw, want):
    assert best_attention(**kw) == want

def test_best_attention_without_sdpa_falls_back_to_eager(monkeypatch):
    monkeypatch.delattr(torch.nn.functional, 'scaled_dot_product_attention')
    assert best_attention(device='cpu') == 'eager'

def test_best_attention_defaults_use_this_machine_and_bad_device_is_named():
    assert best_attention() in ('sdpa', 'flash_attention_2')
    with pytest.raises(ValueError, match="device must be"): best_attention(device='tpu')
    with pytest.raises(ValueError, match='attn must be one of'): encoder('flash')

def test_bench_pair_and_sweep_report_agreeing_outputs():
    r = bench_attention(seq_len=32, batch=2, rounds=2, hidden=64, heads=2, layers=1)
    assert r['same'] and r['max_diff'] < 1e-4 and set(r['seconds']) == {'eager', 'sdpa'} and r['sdpa_speedup'] > 0
    s = attention_sweep(lengths=(16, 32), impls=('eager', 'sdpa'), rounds=2, memory=False)
    assert s['results']['eager']['ratio'] == [1.0, 1.0] and max(s['results']['sdpa']['max_diff']) < 1e-4

def test_peak_mib_sees_a_freed_allocation_and_eager_keeps_the_score_matrix():
    assert 60 < peak_mib(lambda: torch.ones(64, 2**18).sum()) < 80  # 64 MiB allocated and freed inside
    b = padded_batch(2, 1024)
    ms = {a: encoder(a, max_len=1024) for a in ('eager', 'sdpa')}
    with torch.no_grad():
        for m in ms.values(): m(**b)
        e, s = (peak_mib(lambda: ms[a](**b)) for a in ('eager', 'sdpa'))
    # eager holds B x H x S x S fp32 scores: 2*4*1024*1024*4 bytes = 32 MiB per tensor; sdpa's fused kernel does not
    assert e > 32 and e > 2 * s, (e, s)
