"""Run one chapter notebook as a Colab learner would: in the kernel named `colab-sim`, cells in order.

    python tests/_colab_run.py NOTEBOOK CWD

Runs in a process whose environment the caller has cleaned (PATH, no PYTHONPATH, JUPYTER_PATH to the stub kernel).
Skips the cells the test harness skips (`#| notest`/`gpu`/`hub`, `eval: false`, the export cell), by conftest's rules.
Exit 0 if every cell ran; 1 with the failing cell's source and error otherwise.
"""
import sys, time, importlib.util
from pathlib import Path
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location('_root_conftest', ROOT/'conftest.py')
harness = importlib.util.module_from_spec(spec); spec.loader.exec_module(harness)

def main(nb_path, cwd):
    nb = nbformat.read(nb_path, as_version=4)
    client = NotebookClient(nb, kernel_name='colab-sim', timeout=900, startup_timeout=120,
                            resources={'metadata': {'path': cwd}})
    t0, ran = time.time(), 0
    with client.setup_kernel():
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != 'code' or not cell.source.strip(): continue
            if harness.skip_reason(cell.source, set(), cell.get('metadata', {}).get('tags', [])): continue
            try: client.execute_cell(cell, i)
            except (CellExecutionError, CellTimeoutError) as e:
                print(f'FAILED at cell {i} of {Path(nb_path).name}:\n{cell.source[:600]}\n---\n{str(e)[-3000:]}')
                return 1
            ran += 1
            if i < 6:   # the install cell's report (restart notice, what it installed)
                for o in cell.get('outputs', []):
                    if o.get('name') == 'stdout': print(o['text'].strip()[-400:])
    print(f'{Path(nb_path).name}: {ran} cells ran in {time.time() - t0:.0f} s')
    return 0

if __name__ == '__main__': sys.exit(main(*sys.argv[1:3]))
