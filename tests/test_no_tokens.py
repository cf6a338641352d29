"""No file of the repo (notebook outputs included) holds a string shaped like a Hugging Face token."""
import json, subprocess
from pathlib import Path
import pytest
from hfguide.hub import find_token_like, repo_files, TOKEN_RE

ROOT = Path(__file__).resolve().parents[1]
FAKE = 'hf_' + 'Ab3' * 12  # built at run time, so this file never contains one

def test_repo_has_no_tokens():
    files = repo_files(ROOT)
    assert len(files) > 20 and any(f.suffix == '.ipynb' for f in files)
    hits = find_token_like(files)
    assert not hits, 'token-shaped strings (masked): ' + '; '.join(f'{p}:{n} {m}' for p, n, m in hits)

def test_planted_token_is_found(tmp_path):
    nb = tmp_path/'leak.ipynb'
    nb.write_text(json.dumps({'cells': [{'cell_type': 'code', 'source': 'x = 1\n',
                                          'outputs': [{'output_type': 'stream', 'text': f'my token: {FAKE}\n'}]}]}, indent=1))
    clean = tmp_path/'clean.py'
    clean.write_text('from huggingface_hub import hf_hub_download\ntoken = "hf_short"\n')
    hits = find_token_like([nb, clean])
    assert [(Path(p).name, m) for p, _, m in hits] == [('leak.ipynb', FAKE[:5] + f'…({len(FAKE)} chars)')]
    assert FAKE not in repr(hits)  # reports never leak the secret
    assert hits[0][1] == next(i for i, l in enumerate(nb.read_text().splitlines(), 1) if FAKE in l)  # the line number

def test_planted_token_in_a_git_repo_fails_the_scan(tmp_path):
    "The same scan as CI's, on a throwaway repo: an untracked, non-ignored notebook with a token is caught."
    subprocess.run(['git', 'init', '-q', str(tmp_path)], check=True)
    (tmp_path/'.gitignore').write_text('ignored/\n')
    (tmp_path/'ok.py').write_text('print(1)\n')
    (tmp_path/'ignored').mkdir(); (tmp_path/'ignored'/'x.txt').write_text(FAKE)
    files = repo_files(tmp_path)
    assert find_token_like(files) == []
    (tmp_path/'nb.ipynb').write_text(json.dumps({'cells': [{'outputs': [{'text': FAKE}]}]}))
    assert len(find_token_like(repo_files(tmp_path))) == 1

@pytest.mark.parametrize('s,hit', [('hf_' + 'a1' * 15, True), ('hf_' + 'a' * 29, False), ('hf_hub_download_' + 'a' * 40, False)])
def test_pattern(s, hit):
    assert bool(TOKEN_RE.search(s)) == hit
