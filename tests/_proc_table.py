"Shared helpers for the process tests: whether a process still runs, read from /proc, independent of hfguide.procs."
import time
from pathlib import Path

def reference_alive(pid:int) -> bool:
    "/proc says the process exists and is not a zombie."
    try: return Path(f'/proc/{pid}/stat').read_text().rsplit(') ', 1)[1][0] != 'Z'
    except (FileNotFoundError, ProcessLookupError): return False

def none_left(pids, timeout:float=5) -> list[int]:
    "The pids still running after waiting up to `timeout` s for them to go."
    t0 = time.monotonic()
    while any(map(reference_alive, pids)) and time.monotonic() - t0 < timeout: time.sleep(0.05)
    return [p for p in pids if reference_alive(p)]
