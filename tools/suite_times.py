"""Compare the test suite's time per file between two runs, from pytest's JUnit XML reports.

    python tools/suite_times.py BEFORE.xml AFTER.xml

`.ci/run` writes `test-artifacts/junit.xml`; for an older commit, run `./cookbook test --junitxml=FILE` in a clone of it.
Prints seconds per file (a notebook, or a file under tests/) in both runs, the total of the files both runs have, and
the files only one run has, so "the suite grew" can be told apart from "the suite got more tests"."""
import argparse, sys
import xml.etree.ElementTree as ET
from collections import defaultdict

def file_seconds(path:str) -> dict[str, float]:
    "Seconds per test file (summed over its test cases) in a pytest JUnit XML report."
    out = defaultdict(float)
    for case in ET.parse(path).getroot().iter('testcase'):
        cls = case.get('classname', '')   # 'tests.test_x', 'tests.test_x.TestY' or 'nbs.exercises.01_x.ipynb'
        if cls.endswith('.ipynb'): name = cls[:-len('.ipynb')].replace('.', '/') + '.ipynb'
        else:
            parts = cls.split('.')
            k = next((i for i, x in enumerate(parts) if x.startswith('test_') or x == 'conftest'), len(parts) - 1)
            name = '/'.join(parts[:k + 1]) + '.py'
        out[name] += float(case.get('time') or 0)
    return dict(out)

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('before'); p.add_argument('after')
    a = p.parse_args(argv)
    b, c = file_seconds(a.before), file_seconds(a.after)
    both = sorted(set(b) & set(c), key=lambda k: -(c[k] - b[k]))
    print(f"{'file':48s} {'before':>8s} {'after':>8s} {'change':>8s}")
    for k in both: print(f"{k:48s} {b[k]:8.1f} {c[k]:8.1f} {c[k] - b[k]:+8.1f}")
    tb, tc = sum(b[k] for k in both), sum(c[k] for k in both)
    print(f"{'files in both runs (' + str(len(both)) + ')':48s} {tb:8.1f} {tc:8.1f} {tc - tb:+8.1f}")
    for label, only, d in (('only before', set(b) - set(c), b), ('only after', set(c) - set(b), c)):
        if only: print(f"{label} ({len(only)} files): {sum(d[k] for k in only):.1f} s: {', '.join(sorted(only))}")
    print(f"{'all':48s} {sum(b.values()):8.1f} {sum(c.values()):8.1f}")

if __name__ == '__main__': sys.exit(main())
