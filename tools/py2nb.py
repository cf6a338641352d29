"""Turn a percent-format script into a notebook: a drafting aid, not the source of truth.

    python tools/py2nb.py draft.py nbs/01_pipelines.ipynb

Cells start at `# %%` (code) or `# %% [markdown]` (markdown lines keep a leading `# `).
After conversion the notebook IS the source; edit it in Jupyter from then on.
"""
import sys, re, nbformat
from pathlib import Path

def convert(src: str):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "python3", "language": "python", "name": "python3"}}
    blocks = re.split(r'^# %%(.*)$', src, flags=re.M)
    for hdr, body in zip(blocks[1::2], blocks[2::2]):
        body = body.strip('\n')
        if '[markdown]' in hdr:
            text = '\n'.join(l[2:] if l.startswith('# ') else l.lstrip('#') for l in body.splitlines())
            nb.cells.append(nbformat.v4.new_markdown_cell(text))
        elif body.strip(): nb.cells.append(nbformat.v4.new_code_cell(body))
    return nb

if __name__ == '__main__':
    src, dst = sys.argv[1:3]
    nbformat.write(convert(Path(src).read_text()), dst)
    print(f'wrote {dst}')
