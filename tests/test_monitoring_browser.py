"Chapter 15's dashboards in headless Debian chromium: a trackio run and a TensorBoard run, each served on 127.0.0.1 by `serving` and screenshot."
import os, re, subprocess, sys
import pytest
from _browser import launch_browser, require_chromium, shot
from hfguide.diagnostics import trackio_server, tensorboard_server
from hfguide.procs import serving

pw_api = pytest.importorskip('playwright.sync_api')

@pytest.fixture(scope='module')
def browser():
    require_chromium()
    with pw_api.sync_playwright() as pw:
        b = launch_browser(pw)
        yield b
        b.close()

@pytest.fixture
def page(browser):
    p = browser.new_page(viewport={'width': 1280, 'height': 900})
    p.set_default_timeout(90_000)
    yield p
    p.close()

def test_trackio_dashboard(page, tmp_path):
    env = {'TRACKIO_DIR': str(tmp_path)}
    code = ("import trackio; trackio.init(project='ch15-browser', name='run-in-browser');"
            "[trackio.log({'train/loss': 2.0 / (i + 1)}) for i in range(5)]; trackio.finish()")
    subprocess.run([sys.executable, '-c', code], env={**os.environ, **env}, check=True, timeout=300, capture_output=True)
    cmd, url, server_env = trackio_server('ch15-browser')
    with serving(cmd, url, env={**server_env, **env}, timeout=120):
        page.goto(url)
        pw_api.expect(page.get_by_text('run-in-browser').first).to_be_visible(timeout=90_000)
        shot(page, 'trackio_dashboard')  # before the metric check, so a failure leaves a picture to look at
        pw_api.expect(page.get_by_text(re.compile('loss')).first).to_be_visible(timeout=90_000)
        shot(page, 'trackio_dashboard')

def test_tensorboard_dashboard(page, tmp_path):
    code = ("from torch.utils.tensorboard import SummaryWriter; import sys; w = SummaryWriter(sys.argv[1]);"
            "[w.add_scalar('train/loss', 2.0 / (i + 1), i) for i in range(5)]; w.close()")
    subprocess.run([sys.executable, '-c', code, str(tmp_path/'run1')], check=True, timeout=300, capture_output=True)
    cmd, url, server_env = tensorboard_server(tmp_path)
    with serving(cmd, url, env=server_env, timeout=120):
        page.goto(url + '#timeseries')
        pw_api.expect(page.get_by_text('train/loss').first).to_be_visible(timeout=90_000)
        shot(page, 'tensorboard_dashboard')
