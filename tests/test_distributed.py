"""hfguide.distributed: bad input to the CLI and helpers, the shipped accelerate configs, and a tiny 2-process run that must match 1 process.
(That the same check fails when gradients are not synchronised is shown in nbs/06_accelerate.ipynb, which CI runs too.)"""
import os, signal, subprocess, sys, threading, time
import psutil
from pathlib import Path
import pytest
from hfguide.procs import run_bounded
from hfguide.distributed import weight_diff, run_training, load_classifier
from hfguide.launching import launch, launch_plan, read_run

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ROOT/'nbs'/'configs'
TINY = ('--epochs', '1', '--n-train', '32', '--layers', '1', '--max-length', '32', '--n-eval', '40', '--cpu')

@pytest.mark.parametrize('args,msg', [
    (['--batch-size', '7'], 'n_train (192) must be a multiple of batch_size (7)'),
    (['--epochs', '0'], 'epochs must be an integer >= 1, got 0'),
    (['--grad-accum', '0'], 'grad_accum must be an integer >= 1, got 0'),
    (['--lr', '-1'], 'lr must be positive, got -1.0'),
    (['--layers', '9'], 'layers must be an integer from 1 to 6'),
])
def test_cli_rejects_bad_values_in_one_line(tmp_path, args, msg):
    res = run_bounded([sys.executable, '-m', 'hfguide.distributed', '--out', str(tmp_path), *args], timeout=120, cwd=ROOT)
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 1 and len(lines) == 1, res.stderr          # one line, no traceback
    assert lines[0].startswith('error: ') and msg in lines[0], lines[0]

def test_helpers_reject_bad_input(tmp_path):
    with pytest.raises(ValueError, match='nproc must be an integer >= 1'): launch(tmp_path, 0)
    with pytest.raises(FileNotFoundError, match='no rank'): read_run(tmp_path)
    with pytest.raises(ValueError, match='n_train .* must be a multiple of batch_size'): run_training(n_train=30, batch_size=8)
    with pytest.raises(ValueError, match='different tensors'):
        import torch
        weight_diff({'a': torch.zeros(1)}, {'b': torch.zeros(1)})

def test_shipped_configs():
    ddp, fsdp = launch_plan(CONFIGS/'accelerate_ddp.yaml'), launch_plan(CONFIGS/'accelerate_fsdp.yaml')
    assert (ddp['distributed_type'], ddp['num_processes'], ddp['mixed_precision']) == ('MULTI_GPU', 2, 'fp16')   # fp16: runs natively on Kaggle's 2xT4; launch(mixed_precision='bf16') on Ampere+
    assert (fsdp['distributed_type'], fsdp['FSDP_VERSION'], fsdp['FSDP_AUTO_WRAP_POLICY']) == ('FSDP', '2', 'TRANSFORMER_BASED_WRAP')
    assert fsdp['FSDP_TRANSFORMER_CLS_TO_WRAP'] == 'BertLayer'
    assert type(load_classifier(layers=1).bert.encoder.layer[0]).__name__ == 'BertLayer'   # the class the config wraps

@pytest.mark.parametrize('edit,err', [
    (('fsdp_offload_params', 'fsdp_offload_parms'), "unknown fsdp_config keys ['fsdp_offload_parms']"),
    (('SHARDED_STATE_DICT', 'SHARDED'), 'invalid fsdp_config value'),
    (('distributed_type: FSDP', 'distributed_type: FSDP\nnum_gpus: 2'), 'unknown keys'),
])
def test_bad_configs_are_rejected(tmp_path, edit, err):
    p = tmp_path/'bad.yaml'
    p.write_text((CONFIGS/'accelerate_fsdp.yaml').read_text().replace(*edit))
    with pytest.raises(ValueError, match=err.replace('[', r'\[').replace(']', r'\]')): launch_plan(p)
    with pytest.raises(FileNotFoundError): launch_plan(tmp_path/'nope.yaml')

def test_two_processes_match_one(tmp_path):
    one = [run_training(tmp_path/'one', epochs=1, n_train=32, layers=1, max_length=32, n_eval=40, cpu=True)]   # in this process
    two = launch(tmp_path/'two', 2, *TINY)
    assert [(r['process_index'], r['num_processes'], r['backend']) for r in one + two] == [(0, 1, None), (0, 2, 'gloo'), (1, 2, 'gloo')]
    assert two[0]['digest'] == two[1]['digest']
    assert [r['eval']['n_gathered'] for r in two] == [64, 64] and two[0]['eval']['n_eval'] == 40
    start = load_classifier(layers=1).state_dict()
    same = weight_diff(tmp_path/'one'/'model.safetensors', tmp_path/'two'/'model.safetensors', start)
    assert same['relative'] < 1e-3, same
    assert abs(one[0]['eval']['loss'] - two[0]['eval']['loss']) < 1e-4

def test_interrupted_torchrun_leaves_no_worker(tmp_path, sigint_raises):
    "torchrun starts its workers in sessions of their own; stopping `launch` (Ctrl-C here, a timeout alike) stops them too."
    def workers():
        found = []
        for p in psutil.process_iter(['cmdline']):
            cmd = p.info['cmdline'] or []
            if str(tmp_path) in cmd and 'torch.distributed.run' not in cmd: found.append(p.pid)
        return found
    seen = []
    def interrupt_when_workers_run():
        t0 = time.monotonic()
        while time.monotonic() - t0 < 240:
            seen[:] = workers()
            if len(seen) >= 2: break
            time.sleep(0.2)
        os.kill(os.getpid(), signal.SIGINT)
    threading.Thread(target=interrupt_when_workers_run, daemon=True).start()
    with pytest.raises(KeyboardInterrupt): launch(tmp_path, 2, *TINY, '--epochs', '50', timeout=300)
    assert len(seen) >= 2, 'the two workers never started'
    t0 = time.monotonic()
    while workers() and time.monotonic() - t0 < 10: time.sleep(0.1)
    assert workers() == [] and not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in seen)
