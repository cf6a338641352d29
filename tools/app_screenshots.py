"""Copy the browser tests' screenshots of the apps into nbs/images/, small enough to commit.

    python -m pytest tests/test_apps_browser.py     # writes test-artifacts/browser/*.png
    python tools/app_screenshots.py                 # writes nbs/images/app_*.png (chapters 07 and 08 embed them)

Each shot is cropped to its top part (the rest is empty page or a long JSON view), scaled to 800 px wide and reduced
to a 128-colour palette: 10-40 kB each.
"""
import sys
from pathlib import Path
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SRC, DST = ROOT/'test-artifacts'/'browser', ROOT/'nbs'/'images'
# screenshot name -> pixels kept from the top of the 1280-px-wide page
SHOTS = {'gradio_sentiment': 520, 'gradio_entities': 560, 'gradio_attention': 500, 'gradio_sentiment_error': 420,
         'streamlit_sentiment': 700, 'streamlit_batch': 900}
WIDTH, COLOURS, MAX_TOTAL = 800, 128, 400_000

def convert(name, keep, src=SRC, dst=DST):
    "Crop, scale and palette-reduce one screenshot; return the written path."
    im = Image.open(src/f'{name}.png').convert('RGB')
    im = im.crop((0, 0, im.width, min(keep, im.height)))
    im = im.resize((WIDTH, round(im.height * WIDTH / im.width)), Image.LANCZOS)
    out = dst/f'app_{name}.png'
    im.quantize(COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(out, optimize=True)
    return out

if __name__ == '__main__':
    missing = [n for n in SHOTS if not (SRC/f'{n}.png').exists()]
    if missing: sys.exit(f'no screenshot {missing[0]}.png in {SRC}: run python -m pytest tests/test_apps_browser.py first')
    DST.mkdir(exist_ok=True)
    outs = [convert(n, k) for n, k in SHOTS.items()]
    total = sum(p.stat().st_size for p in outs)
    for p in outs: print(f'{p.relative_to(ROOT)}: {p.stat().st_size/1e3:.0f} kB')
    print(f'total {total/1e3:.0f} kB')
    if total > MAX_TOTAL: sys.exit(f'the screenshots add up to {total/1e3:.0f} kB, over {MAX_TOTAL/1e3:.0f} kB: crop or shrink more')
