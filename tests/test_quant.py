"Quantized variants: sizes measured from files, labels close to fp32, the comparison and the chooser computed right."
import pytest, torch
from hfguide.quant import (disk_mib, build_variant, predict_labels, held_out_reviews, compare_variants, rule_cpu_variant,
                           fastest_cpu_variant, fast_classifier, CLASSIFIER)
from transformers import AutoTokenizer, AutoConfig

@pytest.fixture(scope='module')
def clf():
    texts, gold = held_out_reviews()
    return AutoTokenizer.from_pretrained(CLASSIFIER), AutoConfig.from_pretrained(CLASSIFIER).id2label, texts[:40], gold[:40]

@pytest.fixture(scope='module')
def fp32(tmp_path_factory): return build_variant('fp32', folder=tmp_path_factory.mktemp('v'))

def test_disk_mib_counts_every_file(tmp_path):
    (tmp_path/'sub').mkdir(); (tmp_path/'a').write_bytes(b'0' * 3 * 2**19); (tmp_path/'sub'/'b').write_bytes(b'0' * 2**19)
    assert disk_mib(tmp_path) == 2.0 and disk_mib(tmp_path/'a') == 1.5
    with pytest.raises(FileNotFoundError, match='does not exist'): disk_mib(tmp_path/'none')

def test_held_out_reviews_are_the_test_split():
    from hfguide.data import read_reviews
    texts, gold = held_out_reviews()
    rows = read_reviews(lang=None, split='test')
    assert texts == [r['text'] for r in rows] and gold == [r['label'] for r in rows]
    train = {r['text'] for r in read_reviews(lang=None, split='train')}
    assert not set(texts) & train

def test_predict_labels_keeps_input_order(clf, fp32):
    tok, id2label, texts, _ = clf
    got = predict_labels(fp32, tok, texts, id2label, batch_size=7)
    one_by_one = [id2label[fp32.logits(tok([t], return_tensors='pt')).argmax(-1).item()] for t in texts]
    assert got == one_by_one
    with pytest.raises(ValueError, match='no texts'): predict_labels(fp32, tok, [], id2label)

def test_fp32_disk_size_is_its_parameters(fp32):
    from transformers import AutoModelForSequenceClassification
    n = sum(p.numel() for p in AutoModelForSequenceClassification.from_pretrained(CLASSIFIER).parameters())
    assert abs(fp32.disk_mib - n * 4 / 2**20) < 1.0

@pytest.mark.parametrize('name,max_share,min_agree', [('bf16', 0.55, 0.95), ('ort_int8', 0.5, 0.9), ('torch_int8', 1.0, 0.85),
                                                      ('bnb_nf4', 1.0, 0.8), ('quanto_int8', 1.0, 0.9)])
def test_variant_is_smaller_and_agrees_with_fp32(clf, fp32, tmp_path, name, max_share, min_agree):
    tok, id2label, texts, _ = clf
    v = build_variant(name, folder=tmp_path)
    assert v.disk_mib < max_share * fp32.disk_mib + 0.5 and v.disk_mib < fp32.disk_mib
    a, b = predict_labels(v, tok, texts, id2label), predict_labels(fp32, tok, texts, id2label)
    assert sum(x == y for x, y in zip(a, b)) / len(a) >= min_agree
    if name == 'torch_int8': assert 'deprecated' in v.note

def test_unknown_variant_is_named():
    with pytest.raises(ValueError, match="unknown variant 'int3'"): build_variant('int3')

def test_compare_variants_computes_accuracy_and_agreement(clf, tmp_path):
    tok, id2label, texts, gold = clf
    r = compare_variants(['bf16'], texts=texts, labels=gold, timing_rows=8, rounds=2, folder=tmp_path)
    assert list(r['rows']) == ['fp32', 'bf16'] and r['rows']['fp32']['time_ratio'] == 1.0
    ref = predict_labels(build_variant('fp32', folder=tmp_path/'ref'), tok, texts, id2label)
    assert r['rows']['fp32']['accuracy'] == sum(p == g for p, g in zip(ref, gold)) / len(gold)
    assert r['rows']['fp32']['agree_fp32'] == 1.0 and 0 <= r['rows']['bf16']['agree_fp32'] <= 1
    with pytest.raises(ValueError, match='2 texts but 1 labels'): compare_variants(['bf16'], texts=texts[:2], labels=gold[:1])

@pytest.mark.parametrize('flags,ort,want', [(['avx2', 'avx512_vnni', 'avx512_bf16'], True, 'ort_int8'), (['avx_vnni'], True, 'ort_int8'),
                                           (['amx_int8'], True, 'ort_int8'), (['avx512_vnni', 'amx_bf16'], False, 'bf16'),
                                           (['avx512_bf16'], True, 'bf16'), (['avx2', 'avx512f'], True, 'fp32'), ([], False, 'fp32')])
def test_rule_every_branch(flags, ort, want):
    assert rule_cpu_variant(flags, ort) == want

def test_measured_choice_is_fastest_within_tolerance(clf, tmp_path):
    _, _, texts, gold = clf
    r = fastest_cpu_variant(how='measure', candidates=('bf16', 'ort_int8'), tolerance=0.01, texts=texts, labels=gold,
                            timing_rows=8, rounds=2, folder=tmp_path)
    rows, base = r['table']['rows'], r['table']['rows']['fp32']['accuracy']
    ok = {n: x['time_ratio'] for n, x in rows.items() if x['accuracy'] >= base - 0.01}
    assert r['variant'] == min(ok, key=ok.get)
    assert fastest_cpu_variant()['variant'] == rule_cpu_variant()
    with pytest.raises(ValueError, match="'rule' or 'measure'"): fastest_cpu_variant(how='fast')

def test_classify_texts_on_a_fast_variant(clf):
    "classify_texts(variant=...) labels like the variant itself, in input order, and keeps bad rows as errors."
    from hfguide.infer import classify_texts
    tok, id2label, texts, _ = clf
    v, t, labels = fast_classifier('bf16', CLASSIFIER)
    assert v.name == 'bf16' and labels == id2label and fast_classifier('bf16', CLASSIFIER)[0] is v   # built once
    got = classify_texts([texts[0], '', None, *texts[1:6]], model=CLASSIFIER, variant='bf16', batch_size=3)
    assert [g['error'] is None for g in got] == [True, False, False] + [True] * 5
    assert [g['label'] for g in got if g['error'] is None] == predict_labels(v, tok, [texts[0], *texts[1:6]], id2label)
    with pytest.raises(ValueError, match="unknown variant 'int3'"): classify_texts(['x'], model=CLASSIFIER, variant='int3')

def test_quant_pair_recomputed(clf, fp32, tmp_path):
    "The bench's quant pair: its accuracy, size ratio and speed-up recomputed here from the same texts and its raw rounds."
    from hfguide.bench import pair_quant_bf16, pair_speedup, bench_ratios
    from hfguide.optimize import median_ratio
    tok, id2label, texts, gold = clf
    p = pair_quant_bf16(quick=True)
    ours = predict_labels(fp32, tok, texts[:16], id2label)
    assert p['detail']['accuracy']['fp32'] == sum(a == g for a, g in zip(ours, gold[:16])) / 16
    bf = predict_labels(build_variant('bf16', folder=tmp_path), tok, texts[:16], id2label)
    assert p['detail']['accuracy']['bf16'] == sum(a == g for a, g in zip(bf, gold[:16])) / 16
    assert pair_speedup(p) == median_ratio(p['rounds_s'], 'fp32', 'bf16')
    smaller = bench_ratios({'pairs': {'quant_bf16': p}})['quant_bf16_smaller_on_disk']
    assert smaller == pytest.approx(fp32.disk_mib / p['detail']['disk_mib']['bf16'], rel=1e-3) and 1.9 < smaller < 2.1   # bf16 halves every weight

def test_fast_path_pair_recomputed(clf):
    "The bench's fast_path pair: both sides' held-out accuracy recomputed from classify_texts in fp32 and from the rule's variant."
    from hfguide.bench import pair_fast_path
    from hfguide.infer import classify_texts
    tok, id2label, texts, gold = clf
    acc = lambda labels: sum(a == g for a, g in zip(labels, gold[:16])) / 16
    p = pair_fast_path(quick=True)
    fast = p['detail']['fast_variant']
    assert fast == rule_cpu_variant()
    ref32 = [r['label'] for r in classify_texts(texts[:16], model=CLASSIFIER, device='cpu', dtype=torch.float32)]
    v, t, labels = fast_classifier(fast, CLASSIFIER)
    ref_fast = predict_labels(v, t, texts[:16], labels)
    assert p['detail']['accuracy'] == {'fp32': acc(ref32), 'fast': acc(ref_fast)}
    assert p['agree'] == (acc(ref_fast) >= acc(ref32) - 0.01)

def test_make_chat_reproduces_the_shipped_file(tmp_path):
    import sys
    from pathlib import Path
    from hfguide.procs import run_bounded
    root = Path(__file__).resolve().parents[1]
    r = run_bounded([sys.executable, root/'tools'/'make_chat.py', '--out', tmp_path], timeout=60)
    assert r.returncode == 0, r.stderr
    assert (tmp_path/'chat.jsonl').read_bytes() == (root/'nbs'/'data'/'chat.jsonl').read_bytes()

# --- the LLM side: perplexity, agreement, chat data, QLoRA plumbing, memory arithmetic ---
import math
from hfguide.quant import (perplexity, greedy_agreement, read_chat, chat_dataset, format_share, weights_gib, llm_variant,
                           eval_text)

@pytest.fixture(scope='module')
def tiny_lm():
    from transformers import LlamaConfig, LlamaForCausalLM, AutoTokenizer
    torch.manual_seed(0)
    tok = AutoTokenizer.from_pretrained('openai-community/gpt2')
    return LlamaForCausalLM(LlamaConfig(vocab_size=len(tok), hidden_size=32, intermediate_size=64, num_hidden_layers=1,
                                        num_attention_heads=2, num_key_value_heads=1)).eval(), tok

def test_perplexity_is_exp_of_transformers_loss_and_windows_cover_every_token(tiny_lm):
    m, tok = tiny_lm
    text = 'The battery lasts for days and the screen is gorgeous. ' * 3
    ids = tok(text, return_tensors='pt')['input_ids']
    with torch.no_grad(): ref = math.exp(m(input_ids=ids, labels=ids).loss.item())
    assert perplexity(m, tok, text) == pytest.approx(ref, rel=1e-4)
    # windows of 5: each window's loss by hand, weighted by its token count
    total, n = 0.0, 0
    with torch.no_grad():
        for s in range(0, ids.shape[1] - 1, 5):
            w = ids[:, s:s+6]
            total += m(input_ids=w, labels=w).loss.item() * (w.shape[1] - 1); n += w.shape[1] - 1
    assert n == ids.shape[1] - 1 and perplexity(m, tok, text, max_length=5) == pytest.approx(math.exp(total / n), rel=1e-4)
    with pytest.raises(ValueError, match='empty'): perplexity(m, tok, ' ')

def test_greedy_agreement_counts_positions():
    assert greedy_agreement([[1, 2, 3, 4]], [[1, 2, 0, 4]]) == 0.5   # the prefix before the first different token
    assert greedy_agreement([[1, 2], [3]], [[1, 2], [3]]) == 1.0
    with pytest.raises(ValueError, match='2 reference generations but 1'): greedy_agreement([[1], [2]], [[1]])

def test_chat_split_keeps_tasks_together_and_has_both_sides():
    train, test = read_chat('train'), read_chat('test')
    assert len(train) + len(test) == len(read_chat()) == 50 and test and train
    assert not {r['group'] for r in train} & {r['group'] for r in test}
    assert all(format_share([r['messages'][1]['content']]) == 1.0 for r in train + test)  # every answer is in the taught format
    ds = chat_dataset('test')
    assert len(ds) == len(test) and ds[0]['prompt'][0]['role'] == 'user' and ds[0]['completion'][0]['role'] == 'assistant'
    with pytest.raises(ValueError, match='split must be'): read_chat('dev')

def test_format_share_rejects_other_shapes():
    assert format_share(['Library: peft. Why: adapters.', 'library: peft. why: x', 'Use peft.', 'Library: trl.']) == 0.25
    with pytest.raises(ValueError, match='no answers'): format_share([])

def test_weights_gib_arithmetic():
    assert weights_gib(2**30, 2**30, 16) == 4.0
    assert weights_gib(2**30, 0, 4, block=64, double_quant=False) == pytest.approx((4 + 32 / 64) / 8)  # a 32-bit scale per 64 weights
    assert weights_gib(2**30, 0, 4) < weights_gib(2**30, 0, 4, double_quant=False)
    assert weights_gib(2**30, 0, 8, double_quant=False) == pytest.approx((8 + 0.5) / 8)
    assert weights_gib(2**30, 0, 4) == pytest.approx((4 + 8 / 64 + 32 / (64 * 256)) / 8)

def test_llm_variant_rejects_unknown_and_eval_text_is_test_split():
    from hfguide.data import read_qa
    with pytest.raises(ValueError, match="unknown variant 'int2'"): llm_variant('int2')
    contexts = list(dict.fromkeys(r['context'] for r in read_qa(split='test')))
    assert eval_text(3).split('\n\n') == contexts[:3]

def test_int8_peak_runs_on_an_exact_kernel():
    a, b = torch.randint(-128, 128, (32, 32), dtype=torch.int8), torch.randint(-128, 128, (32, 32), dtype=torch.int8)
    assert torch.equal(torch._int_mm(a, b), a.int() @ b.int())
    from hfguide.bench import matmul_peak_gflops
    assert matmul_peak_gflops(64, 2, torch.int8) > 0

def test_pick_within_tolerance_and_fallback_to_fp32():
    from hfguide.quant import pick_within
    rows = {'fp32': dict(time_ratio=1.0, accuracy=0.90), 'fast_bad': dict(time_ratio=0.2, accuracy=0.88),
            'ok': dict(time_ratio=0.5, accuracy=0.891), 'slow': dict(time_ratio=2.0, accuracy=0.95)}
    assert pick_within(rows, 0.01) == 'ok' and pick_within(rows, 0.03) == 'fast_bad'
    assert pick_within({'fp32': rows['fp32'], 'slow': rows['slow']}) == 'fp32'
    with pytest.raises(ValueError, match="'fp32' reference"): pick_within({'ok': rows['ok']})
