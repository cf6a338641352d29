"tools/suite_times.py: seconds per test file from JUnit reports, and the comparison of the files two runs share."
import importlib.util, sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1]/'tools'/'suite_times.py'
spec = importlib.util.spec_from_file_location('suite_times', TOOL); suite_times = importlib.util.module_from_spec(spec); spec.loader.exec_module(suite_times)

def _report(path, cases):
    rows = ''.join(f'<testcase classname="{c}" name="{n}" time="{t}"/>' for c, n, t in cases)
    path.write_text(f'<?xml version="1.0"?><testsuites><testsuite name="pytest">{rows}</testsuite></testsuites>')
    return path

def test_seconds_per_file(tmp_path):
    r = _report(tmp_path/'a.xml', [('tests.test_x', 'test_a', 1.5), ('tests.test_x', 'test_b', 2.0), ('tests.test_y.TestZ', 'test_c', 0.25),
                                   ('nbs.00_setup.ipynb', 'Cell 1', 3.0), ('nbs.exercises.01_pipelines.ipynb', 'Cell 2', 1.0)])
    assert suite_times.file_seconds(r) == {'tests/test_x.py': 3.5, 'tests/test_y.py': 0.25, 'nbs/00_setup.ipynb': 3.0,
                                           'nbs/exercises/01_pipelines.ipynb': 1.0}

def test_compare_counts_shared_files_apart(tmp_path, capsys):
    a = _report(tmp_path/'a.xml', [('tests.test_x', 't', 2.0), ('tests.test_gone', 't', 5.0)])
    b = _report(tmp_path/'b.xml', [('tests.test_x', 't', 3.0), ('nbs.10_new.ipynb', 'Cell 1', 7.0)])
    suite_times.main([str(a), str(b)])
    out = capsys.readouterr().out
    shared = next(l for l in out.splitlines() if l.startswith('files in both runs (1)')).split()
    assert shared[-3:] == ['2.0', '3.0', '+1.0']
    assert 'only before (1 files): 5.0 s: tests/test_gone.py' in out and 'only after (1 files): 7.0 s: nbs/10_new.ipynb' in out
