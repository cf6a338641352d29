"""The local Hub of chapter 09: two tagged versions of a model served by olah on 127.0.0.1, loaded by revision."""
import os, shutil, socket, time
import pytest, torch
from transformers import BertConfig, BertForSequenceClassification
import huggingface_hub.constants as hc
from huggingface_hub import scan_cache_dir
from hfguide.hub import hub_repo, commit_version
from hfguide.mirror import local_hub, use_endpoint
from hfguide.procs import alive as pid_alive

REPO = 'hfguide/tiny-test'

def _tiny(seed):
    torch.manual_seed(seed)
    cfg = BertConfig(vocab_size=64, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32, num_labels=3)
    return BertForSequenceClassification(cfg).eval()

@pytest.fixture(scope='module')
def mirrors(tmp_path_factory):
    "Two versions of a tiny model in a local git repo, tagged v1.0 and v2.0; returns (mirrors, {tag: (sha, state_dict)})."
    root = tmp_path_factory.mktemp('mirrors')
    repo = hub_repo(root, REPO)
    versions = {}
    for tag, seed in (('v1.0', 0), ('v2.0', 1)):
        m = _tiny(seed); m.save_pretrained(repo)
        versions[tag] = (commit_version(repo, f'weights {tag}', tag=tag), {k: v.clone() for k, v in m.state_dict().items()})
    return root, versions

def test_revisions_load_different_weights(mirrors, tmp_path):
    root, versions = mirrors
    cache = tmp_path/'hub'
    before = (hc.ENDPOINT, hc.HF_HUB_OFFLINE, hc.HF_HUB_CACHE)
    t0 = time.perf_counter()
    with local_hub(root, cache_dir=cache) as hub:
        print(f'olah ready in {time.perf_counter() - t0:.1f} s')
        assert hc.ENDPOINT == hub.endpoint and not hc.HF_HUB_OFFLINE
        pid = hub.pid
        assert pid_alive(pid)
        loaded = {tag: BertForSequenceClassification.from_pretrained(REPO, revision=tag) for tag in versions}
        refs = hub.api().list_repo_refs(REPO)
        assert {t.name: t.target_commit for t in refs.tags} == {t: sha for t, (sha, _) in versions.items()}
        assert hub.api().model_info(REPO).sha == versions['v2.0'][0]  # no revision: newest commit (meta_head workaround)
    name = 'classifier.weight'
    w1, w2 = (loaded[t].state_dict()[name] for t in ('v1.0', 'v2.0'))
    assert not torch.equal(w1, w2)
    for tag in versions:  # every parameter equals what was committed under that tag
        sd = loaded[tag].state_dict()
        assert all(torch.equal(sd[k], v) for k, v in versions[tag][1].items())
    # the temporary cache holds both revisions, each under its tag; nothing went to the stand-in cache
    repo_info = {r.repo_id: r for r in scan_cache_dir(cache).repos}[REPO]
    assert {r.commit_hash: set(r.refs) for r in repo_info.revisions} == {sha: {t} for t, (sha, _) in versions.items()}
    assert not list((type(cache)(before[2])).glob('models--hfguide--tiny-test'))
    # server gone, settings back
    assert not pid_alive(pid)
    assert (hc.ENDPOINT, hc.HF_HUB_OFFLINE, hc.HF_HUB_CACHE) == before
    # and the warm cache serves v1.0 with no server, in offline mode
    with use_endpoint('http://127.0.0.1:9', cache, offline=True):
        again = BertForSequenceClassification.from_pretrained(REPO, revision='v1.0')
    assert torch.equal(again.state_dict()[name], w1)

def test_server_stops_on_error(mirrors):
    root, _ = mirrors
    with pytest.raises(ZeroDivisionError):
        with local_hub(root) as hub:
            pid, cache = hub.pid, hub.cache_dir
            1/0
    assert not pid_alive(pid)
    assert not cache.exists()  # the default cache is temporary
    assert 'HF_ENDPOINT' not in os.environ or os.environ['HF_ENDPOINT'] != hub.endpoint

def test_bad_input(mirrors, tmp_path, monkeypatch):
    root, _ = mirrors
    with pytest.raises(FileNotFoundError, match='does not exist'):
        with local_hub(tmp_path/'nope'): pass
    with pytest.raises(ValueError, match='no git repos'):
        with local_hub(tmp_path): pass
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); s.listen()
        with pytest.raises(OSError, match='already in use'):
            with local_hub(root, port=s.getsockname()[1]): pass
    with pytest.raises(ValueError, match="org/name"): hub_repo(tmp_path, 'no-org')
    with pytest.raises(ValueError, match="'model' or 'dataset'"): hub_repo(tmp_path, 'a/b', repo_type='space')
    with pytest.raises(FileNotFoundError, match='hub_repo'): commit_version(tmp_path, 'x')
    with pytest.raises(ValueError, match='http'): 
        with use_endpoint('127.0.0.1:8090', tmp_path): pass
    monkeypatch.setattr('shutil.which', lambda *a, **k: None)
    with pytest.raises(RuntimeError, match='pip install olah'):
        with local_hub(root): pass

def test_server_dies_with_a_crashed_client(mirrors):
    "A Python process killed inside the block (no `finally`, no atexit) still takes its server down (Linux PDEATHSIG, set by hfguide.procs.serving)."
    import sys, textwrap
    from hfguide.procs import run_bounded
    code = textwrap.dedent(f"""
        import os, sys
        from hfguide.mirror import local_hub
        with local_hub({str(mirrors[0])!r}) as hub:
            print(hub.pid, hub.log_path.parent, flush=True)
            os._exit(3)
        """)
    r = run_bounded([sys.executable, '-c', code], timeout=120)
    assert r.returncode == 3, r.stderr[-2000:]
    pid, work = r.stdout.split()
    pid = int(pid)
    t0 = time.monotonic()
    while pid_alive(pid) and time.monotonic() - t0 < 10: time.sleep(0.1)
    shutil.rmtree(work, ignore_errors=True)  # a killed process cannot clean up its temporary folder
    assert not pid_alive(pid)
