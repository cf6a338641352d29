"The CLI's long commands report progress, and `hfguide prefetch --list` works offline."
import os, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def _cli(*args, timeout=600):
    env = {**os.environ, 'PYTHONPATH': str(ROOT), 'HF_HUB_OFFLINE': '1'}
    return subprocess.run([sys.executable, '-m', 'hfguide.cli', *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=timeout)

def test_bench_prints_progress():
    "A line announcing the steps, a table per finished step, heartbeat lines while a step runs, and the total."
    r = _cli('bench', '--n', '16', '--n-tokenize', '200', '--n-train', '8', '--lora-steps', '0', '--pairs', 'none', '--progress-every', '0.2')
    assert r.returncode == 0, r.stderr
    assert '%|' not in r.stderr and 'FutureWarning' not in r.stderr, f"library chatter got into the bench output: {r.stderr[-300:]}"
    out = r.stdout
    assert 'bench: 3 benchmarks' in out and 'LoRA' not in out.splitlines()[0]
    assert out.count('still running') >= 2, out
    assert '✓ bench: done in' in out.splitlines()[-1]

def test_prefetch_list_offline():
    "Every stand-in id is listed (with the pinned revisions), plus the extra repos, without the network."
    from hfguide.offline import STANDINS
    from hfguide.cli import PREFETCH_EXTRA, prefetch_list
    r = _cli('prefetch', '--list', timeout=120)
    assert r.returncode == 0, r.stderr
    for s in STANDINS: assert s.repo_id in r.stdout
    for rid in PREFETCH_EXTRA: assert rid in r.stdout
    assert 'revisions 714eb0f' in r.stdout
    assert f'{len(prefetch_list())} repos' in r.stdout

def test_prefetch_refuses_offline_download():
    "Downloading with HF_HUB_OFFLINE set fails at once with a message, before any request."
    r = _cli('prefetch', '--only', 'openai-community/gpt2', timeout=120)
    assert r.returncode != 0 and 'HF_HUB_OFFLINE is set' in r.stderr
