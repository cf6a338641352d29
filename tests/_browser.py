"Shared helpers for the browser tests: Debian's chromium driven by Playwright (no browser download)."
import os, shutil
from pathlib import Path
import pytest

CHROMIUM = os.environ.get('HFGUIDE_CHROMIUM') or shutil.which('chromium') or '/usr/bin/chromium'
ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync']
ARTIFACTS = Path(__file__).resolve().parents[1]/'test-artifacts'/'browser'  # git-ignored

def require_chromium():
    "Skip (or fail, when CI sets HFGUIDE_REQUIRE_BROWSER=1) without a system chromium."
    if Path(CHROMIUM).is_file(): return CHROMIUM
    msg = f'no chromium at {CHROMIUM}: `apt-get install -y chromium` (Debian) to run the browser tests'
    if os.environ.get('HFGUIDE_REQUIRE_BROWSER') == '1': pytest.fail(msg)
    pytest.skip(msg)

from hfguide.procs import free_port

def launch_browser(pw):
    return pw.chromium.launch(executable_path=require_chromium(), args=ARGS)

def shot(page, name):
    "Save a full-page screenshot under test-artifacts/browser/."
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS/f'{name}.png'), full_page=True)
