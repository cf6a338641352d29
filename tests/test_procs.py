"hfguide.procs: after a timeout, an error or Ctrl-C, no process of the tree is left (grandchildren in their own session included)."
import os, signal, subprocess, sys, threading, time
import psutil, pytest
from hfguide.procs import alive, kill_tree, run_bounded, serving, free_port, url_answers
from _proc_table import reference_alive as _reference_alive, none_left as _none_left

# a child that starts a grandchild in its own session (as torchrun starts workers) and one in its group, writes their pids, hangs
TREE = """
import os, subprocess, sys, time
a = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)'], start_new_session=True)
b = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)'])
open(sys.argv[1], 'w').write(f'{os.getpid()} {a.pid} {b.pid}')
print('started', flush=True)
time.sleep(300)
"""

def _pids(path, timeout=30):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if path.exists() and len(path.read_text().split()) == 3: return [int(x) for x in path.read_text().split()]
        time.sleep(0.05)
    raise AssertionError('the tree did not start')

def test_alive_agrees_with_proc():
    p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)'])
    assert alive(p.pid) and _reference_alive(p.pid)
    p.kill(); time.sleep(0.2)          # not yet waited for: a zombie
    assert not alive(p.pid) and not _reference_alive(p.pid)
    p.wait()

def test_run_bounded_timeout_leaves_nothing(tmp_path):
    f = tmp_path/'pids'
    t0 = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired) as e: run_bounded([sys.executable, '-c', TREE, f], timeout=3)
    assert time.monotonic() - t0 < 30 and 'started' in e.value.output
    assert isinstance(e.value, TimeoutError) and e.value.timeout == 3   # the builds and the code sandbox catch a plain TimeoutError
    pids = _pids(f)
    assert _none_left(pids) == [], 'processes outlived the timeout'

def test_plain_subprocess_run_would_orphan_the_grandchildren(tmp_path):
    "The reference failure: subprocess.run's timeout kills only the child (why run_bounded exists)."
    f = tmp_path/'pids'
    with pytest.raises(subprocess.TimeoutExpired): subprocess.run([sys.executable, '-c', TREE, f], timeout=3, capture_output=True)
    child, *grand = _pids(f)
    try: assert not _reference_alive(child) and all(map(_reference_alive, grand))
    finally:
        for g in grand: os.kill(g, signal.SIGKILL)

def test_run_bounded_keyboard_interrupt_leaves_nothing(tmp_path, sigint_raises):
    f = tmp_path/'pids'
    threading.Timer(3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    with pytest.raises(KeyboardInterrupt): run_bounded([sys.executable, '-c', TREE, f], timeout=60)
    assert _none_left(_pids(f)) == []

def test_run_bounded_results_and_errors():
    r = run_bounded([sys.executable, '-c', 'import sys; print("out"); print("err", file=sys.stderr); sys.exit(4)'], timeout=30)
    assert (r.returncode, r.stdout, r.stderr) == (4, 'out\n', 'err\n')
    with pytest.raises(subprocess.CalledProcessError): run_bounded([sys.executable, '-c', 'raise SystemExit(2)'], timeout=30, check=True)
    with pytest.raises(ValueError, match='timeout must be a positive'): run_bounded(['true'], timeout=-1)

def test_run_bounded_stops_leftovers_after_a_normal_exit(tmp_path):
    "A command that exits but leaves a daemon in its group: the daemon is stopped too."
    f = tmp_path/'pid'
    code = f"import subprocess,sys; p=subprocess.Popen([sys.executable,'-c','import time; time.sleep(300)'],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL); open({str(f)!r},'w').write(str(p.pid))"
    assert run_bounded([sys.executable, '-c', code], timeout=30).returncode == 0
    assert _none_left([int(f.read_text())]) == []

def test_kill_tree_returns_every_pid(tmp_path):
    f = tmp_path/'pids'
    p = subprocess.Popen([sys.executable, '-c', TREE, f], start_new_session=True, stdout=subprocess.DEVNULL)
    pids = _pids(f)
    assert set(pids) <= set(kill_tree(p.pid)); p.wait()
    assert _none_left(pids) == []

def test_serving_stops_the_server_and_its_children(tmp_path):
    port, f = free_port(), tmp_path/'pids'
    code = TREE.rsplit('time.sleep(300)', 1)[0] + f"import http.server; http.server.HTTPServer(('127.0.0.1', {port}), http.server.SimpleHTTPRequestHandler).serve_forever()\n"
    with serving([sys.executable, '-c', code, f], f'http://127.0.0.1:{port}/', timeout=60, cwd=tmp_path, log=tmp_path/'log') as proc:
        assert url_answers(f'http://127.0.0.1:{port}/')
        pids = _pids(f)
    assert _none_left(pids) == [] and not url_answers(f'http://127.0.0.1:{port}/')

def test_serving_timeout_and_early_exit_leave_nothing(tmp_path):
    f = tmp_path/'pids'
    with pytest.raises(TimeoutError, match='did not answer within 2 s'):
        with serving([sys.executable, '-c', TREE, f], lambda: False, timeout=2): pass
    assert _none_left(_pids(f)) == []
    with pytest.raises(RuntimeError, match='exited with code 3 before answering:\nbad config'):
        with serving([sys.executable, '-c', 'print("bad config"); raise SystemExit(3)'], lambda: False, timeout=30, log=tmp_path/'log'): pass

def test_error_inside_the_block_still_stops_the_server(tmp_path):
    f = tmp_path/'pids'
    with pytest.raises(ZeroDivisionError):
        with serving([sys.executable, '-c', TREE, f], lambda: f.exists() and len(f.read_text().split()) == 3, timeout=30): 1/0
    assert _none_left(_pids(f)) == []

def test_server_dies_with_a_killed_owner(tmp_path):
    "An owner killed inside the block (no finally, no atexit) still takes its server down (PR_SET_PDEATHSIG via the shim)."
    code = ("import os, sys; from hfguide.procs import serving\n"
            f"with serving([sys.executable, '-c', 'import time; time.sleep(300)'], lambda: True, timeout=30) as p:\n"
            "    print(p.pid, flush=True); os._exit(3)\n")
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 3, r.stderr
    assert _none_left([int(r.stdout)], timeout=10) == []
