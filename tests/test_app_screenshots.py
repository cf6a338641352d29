"The apps' screenshots that chapters 07 and 08 embed exist, stay small, and come from the browser tests' list."
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT/'tools'))
import app_screenshots

def _images(nb):
    md = ''.join(''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'markdown')
    return re.findall(r'!\[[^\]]+\]\((images/[^)]+)\)', md)

def test_embedded_screenshots_exist_and_are_small():
    imgs = {n: _images(ROOT/'nbs'/n) for n in ('07_gradio.ipynb', '08_streamlit.ipynb')}
    assert any('app_gradio' in i for i in imgs['07_gradio.ipynb']), imgs
    assert any('app_streamlit' in i for i in imgs['08_streamlit.ipynb']), imgs
    for nb, paths in imgs.items():
        for p in paths:
            assert (ROOT/'nbs'/p).is_file(), f'{nb} embeds {p}, which does not exist'
            assert Path(p).stem.removeprefix('app_') in app_screenshots.SHOTS, f'{p} is not one of the browser tests\' shots'
    total = sum(f.stat().st_size for f in (ROOT/'nbs'/'images').glob('app_*.png'))
    assert total < app_screenshots.MAX_TOTAL, f'screenshots total {total} bytes'
