"""Bridge nbdev's cell flags and nbval, so one `#| gpu` marker gates a cell in both runners.

- A cell whose nbdev directives include a flag from `tst_flags` (`notest gpu hub`) is skipped by nbval too,
  unless the flag is forced: `--flags gpu` (or CUDA present) for `gpu`, `--flags hub` (or HF_TOKEN set) for `hub`.
  `#| eval: false` cells are skipped as nbdev skips them.
- nbdev-clean blanks execution counts, and nbval refuses a reference cell that has outputs but no count
  ("Unrun reference cell has outputs"); stored outputs are restored to "run" so `# NBVAL_CHECK_OUTPUT` compares them.
- Each notebook kernel starts with `hfguide.warning_policy.strict_warnings()`: deprecations raised by the cookbook's own calls
  into the HF libraries fail the cell.
"""
import os, re, shutil, tomllib
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent
TST_FLAGS = tomllib.loads((ROOT/'pyproject.toml').read_text())['tool']['nbdev']['tst_flags'].split()
KERNEL_PREAMBLE = "from hfguide.warning_policy import strict_warnings as _sw; _sw(); del _sw"
_directive = re.compile(r'^\s*#\s*\|\s*([\w-]+)\s*:?\s*(.*?)\s*$')

def cell_directives(source: str) -> dict:
    "nbdev directives at the top of a cell's `source`: `{'gpu': '', 'eval': 'false', ...}`."
    out = {}
    for line in source.splitlines():
        if not line.strip(): continue
        m = _directive.match(line)
        if not m: break
        out[m.group(1)] = m.group(2)
    return out

def default_flags(flags_opt: str = '') -> set:
    "Flags forced on: those given with --flags, plus gpu when CUDA is present and hub when HF_TOKEN is set."
    flags = set(flags_opt.split())
    if 'gpu' not in flags and shutil.which('nvidia-smi'):
        try:
            import torch
            if torch.cuda.is_available(): flags.add('gpu')
        except ImportError: pass
    if os.environ.get('HF_TOKEN'): flags.add('hub')
    return flags

def skip_reason(source: str, forced: set, tags=()) -> str | None:
    "Why a code cell with `source` (and metadata `tags`) is not run (None if it runs), by nbdev's rules."
    if 'skip-execution' in tags: return 'skip-execution tag'
    if 'nbdev_export' + '(' in source: return 'the nbdev_export() cell'
    d = cell_directives(source)
    if d.get('eval', '') in ('false', 'False'): return 'eval: false'
    off = (set(TST_FLAGS) - forced) & d.keys()
    return f"#| {sorted(off)[0]} cell (run with --flags {sorted(off)[0]})" if off else None

def pytest_addoption(parser):
    parser.addoption('--flags', default='', help='nbdev test flags to run, e.g. "gpu hub" (as nbdev-test --flags)')

def pytest_collection_modifyitems(config, items):
    forced = default_flags(config.getoption('--flags'))
    for item in items:
        cell = getattr(item, 'cell', None)
        if cell is None or type(item).__name__ != 'IPyNbCell': continue
        reason = skip_reason(cell.source, forced, cell.get('metadata', {}).get('tags', []))
        if reason: item.add_marker(pytest.mark.skip(reason=reason))
        if cell.get('outputs') and cell.get('execution_count') is None: cell['execution_count'] = 1

def _patch_nbval_setup():
    try: from nbval.plugin import IPyNbFile
    except ImportError: return
    if getattr(IPyNbFile.setup, '_hfguide', False): return
    orig = IPyNbFile.setup
    def setup(self):
        orig(self)
        self.kernel.await_idle(self.kernel.execute_cell_input(KERNEL_PREAMBLE, allow_stdin=False), 120)
    setup._hfguide = True
    IPyNbFile.setup = setup

_patch_nbval_setup()
