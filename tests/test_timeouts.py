"""Every helper that starts a program stops it, and what it started, when its timeout runs out.

`tests/test_procs.py` proves it for the two primitives (`run_bounded`, `serving`); this file proves it for each helper
built on them: the olah Hub server (`mirror.local_hub`), the Streamlit server (`streamlit_app.serve_streamlit`), a
two-process `torchrun` launch (`launching.launch`) and the three stand-in builds. (The agents' code executor,
`llm.run_untrusted`, is tested in `tests/test_llm.py`.) Processes are found in the process table by a marker in their
command line, with a watcher thread recording every pid it ever sees, so a child that exits or is orphaned counts too."""
import json, threading, time
import psutil, pytest
from hfguide.procs import free_port
from _proc_table import none_left

def _watch(marker:str):
    "Start recording the pids of processes whose command line contains `marker`; returns (seen, stop)."
    seen, done = set(), threading.Event()
    def loop():
        while not done.is_set():
            seen.update(_matching(marker)); time.sleep(0.05)
    t = threading.Thread(target=loop, daemon=True); t.start()
    return seen, lambda: (done.set(), t.join())

def _matching(marker:str) -> set[int]:
    found = set()
    for p in psutil.process_iter(['cmdline', 'status']):
        try:
            if p.info['status'] != psutil.STATUS_ZOMBIE and any(marker in a for a in (p.info['cmdline'] or [])): found.add(p.pid)
        except psutil.Error: pass
    return found

def test_local_hub_timeout_leaves_no_server(tmp_path):
    from hfguide.hub import hub_repo, commit_version
    from hfguide.mirror import local_hub
    repo = hub_repo(tmp_path/'mirrors', 'demo/tiny')
    (repo/'config.json').write_text(json.dumps({'model_type': 'bert'}))
    commit_version(repo, 'a config')
    port = free_port()
    seen, stop = _watch('olah')
    try:
        with pytest.raises(TimeoutError, match='did not answer within'):
            with local_hub(tmp_path/'mirrors', port=port, timeout=0.2): pass
    finally: stop()
    assert seen, 'olah never started'
    assert none_left(seen, timeout=10) == []

def test_streamlit_timeout_leaves_no_server(tmp_path):
    from hfguide.streamlit_app import serve_streamlit
    port = free_port()
    seen, stop = _watch('streamlit_app.py')
    try:
        with pytest.raises(TimeoutError, match='did not answer within'):
            with serve_streamlit(port, timeout=0.2, log=tmp_path/'st.log'): pass
    finally: stop()
    assert seen, 'streamlit never started'
    assert none_left(seen, timeout=10) == []

def test_launch_timeout_leaves_no_torchrun_or_worker(tmp_path):
    from hfguide.launching import launch
    seen, stop = _watch(str(tmp_path))   # torchrun and both workers carry `--out tmp_path`
    try:
        with pytest.raises(TimeoutError):
            launch(tmp_path, 2, '--epochs', '50', '--n-train', '32', '--layers', '1', '--max-length', '32', '--cpu', timeout=4)
    finally: stop()
    assert seen, 'torchrun never started'
    assert none_left(seen, timeout=10) == []

BUILDS = [('hfguide.offline', 'ensure_standins', 'import build_standins'),
          ('hfguide.media_standins', 'ensure_media_standins', 'import build_media_standins'),
          ('hfguide.real_weights', 'ensure_smollm2', 'import build_smollm2')]

@pytest.mark.parametrize('module,ensure,marker', BUILDS, ids=[b[1] for b in BUILDS])
def test_build_timeout_leaves_no_builder(tmp_path, monkeypatch, module, ensure, marker):
    "Each group of stand-ins builds in a bounded child process: stopped, with anything it started, at its timeout."
    import importlib
    monkeypatch.setenv('HFGUIDE_HOME', str(tmp_path))   # an empty cache: the build must start
    seen, stop = _watch(marker)
    try:
        with pytest.raises(TimeoutError, match='was stopped'): getattr(importlib.import_module(module), ensure)(verbose=False, timeout=2)
    finally: stop()
    assert seen, 'the build never started'
    assert none_left(seen, timeout=10) == []
