"GPU branches checked without a GPU: the dtype and precision choices a T4 (sm_75) and an Ampere+ card get."
import subprocess
import pytest, torch
import hfguide.env as env

T4 = dict(device='cuda', name='Tesla T4', capability='7.5', n_gpus=1, bf16=True, fp16=True, bf16_fast=False, memory_gb=14.6)
A100 = dict(T4, name='NVIDIA A100-SXM4-40GB', capability='8.0', bf16_fast=True, memory_gb=39.4)

@pytest.mark.parametrize('card,want', [(T4, torch.float16), (A100, torch.bfloat16)], ids=['T4', 'A100'])
def test_inference_dtype_on_gpus(monkeypatch, card, want):
    monkeypatch.setattr(env, 'device_info', lambda: card)
    assert env.inference_dtype() == want and env.inference_dtype('cuda') == want and env.inference_dtype('cuda:0') == want
    # torch's bf16 flag says True on a T4 (emulation); the choice must follow bf16_fast, never fp32 on a GPU
    from hfguide.train import mixed_precision_args
    monkeypatch.setattr(env, 'best_device', lambda: 'cuda')
    assert mixed_precision_args() == ({'fp16': True} if card is T4 else {'bf16': True})

def test_classify_texts_loads_fp16_on_a_t4(monkeypatch):
    import hfguide.infer as infer
    monkeypatch.setattr(env, 'device_info', lambda: T4)
    seen = {}
    def fake_load(model, kind, device, dtype): seen.update(device=device, dtype=dtype); raise RuntimeError('stop here')
    monkeypatch.setattr(infer, 'load_model', fake_load)
    with pytest.raises(RuntimeError, match='stop here'): infer.classify_texts(['fine'], device='cuda')
    assert seen == dict(device='cuda', dtype=torch.float16)

def test_launch_passes_the_chosen_precision(monkeypatch, tmp_path):
    import hfguide.launching as launching
    calls = []   # launch runs its command through procs.run_bounded: record it, and fail as a broken launcher would
    monkeypatch.setattr(launching, 'run_bounded', lambda cmd, **kw: calls.append(list(map(str, cmd))) or subprocess.CompletedProcess(cmd, 1, '', 'boom'))
    for mp in ('fp16', None):
        with pytest.raises(RuntimeError, match='boom'): launching.launch(tmp_path, 2, config_file='x.yaml', mixed_precision=mp)
    assert calls[0][calls[0].index('--mixed_precision') + 1] == 'fp16' and '--mixed_precision' not in calls[1]
