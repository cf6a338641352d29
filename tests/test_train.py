"Chapters 04 and 05 helpers: argument translation, parameter accounting on several configs, and bad input that must fail clearly."
import os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]

def test_modern_training_args_translates_and_builds():
    from transformers import TrainingArguments
    from hfguide.train import modern_training_args
    new, notes = modern_training_args(output_dir='/tmp/x', evaluation_strategy='epoch', warmup_ratio=0.1, logging_dir='./logs',
                                      group_by_length=True, learning_rate=3e-5)
    assert new == dict(output_dir='/tmp/x', eval_strategy='epoch', warmup_steps=0.1, train_sampling_strategy='group_by_length', learning_rate=3e-5)
    assert len(notes) == 4 and any(n.startswith('logging_dir: dropped') for n in notes)
    args = TrainingArguments(**new, report_to=[])
    assert args.eval_strategy == 'epoch' and args.warmup_steps == 0.1 and args.train_sampling_strategy == 'group_by_length'

def test_classification_loss_is_a_mean_over_the_accumulated_batch():
    import torch
    from types import SimpleNamespace
    from hfguide.train import classification_loss
    torch.manual_seed(0)
    logits, labels = torch.randn(8, 3), torch.randint(0, 3, (8,))
    whole = torch.nn.functional.cross_entropy(logits, labels)
    halves = sum(classification_loss(SimpleNamespace(logits=logits[i:i + 4]), labels[i:i + 4], num_items_in_batch=8) for i in (0, 4))
    assert torch.allclose(halves, whole) and torch.allclose(classification_loss(SimpleNamespace(logits=logits), labels), whole)

@pytest.mark.parametrize('r,targets', [(4, ['query', 'value']), (16, ['query', 'value']), (8, ['query', 'key', 'value', 'dense'])])
def test_lora_accounting_matches_peft(r, targets):
    from transformers import BertConfig, BertForSequenceClassification
    from peft import LoraConfig, get_peft_model, TaskType
    from hfguide.adapters import lora_param_totals, lora_param_table
    cfg = BertConfig(hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128, vocab_size=100, num_labels=3)
    m = get_peft_model(BertForSequenceClassification(cfg), LoraConfig(task_type=TaskType.SEQ_CLS, r=r, target_modules=targets))
    t = lora_param_totals(m)
    assert (t['trainable'], t['all']) == m.get_nb_trainable_parameters()
    table = lora_param_table(m)
    lora = table[table.kind == 'lora']
    assert set(lora.r) == {r} and t['modules_to_save'] == 64 * 3 + 3
    # every LoRA layer holds r*(in+out): recompute from the shapes of the wrapped linear layers
    assert t['lora'] == sum(r * sum(map(int, s.split('x'))) for s in lora['shape'])

@pytest.mark.parametrize('call,err,msg', [
    (lambda T, A: T.classifier_trainer(None, None, {'train': None}, '/tmp/x'), ValueError, "data needs 'train' and 'test'"),
    (lambda T, A: T.classifier_trainer(None, None, {}, '/tmp/x', batch_size=16, grad_accum=3), ValueError, 'not a multiple of grad_accum'),
    (lambda T, A: T.train_reviews('/tmp/hfguide-no-such-run', resume=True), FileNotFoundError, 'no checkpoint-'),
    (lambda T, A: A.adalora_config(20, warmup=0.5, final=0.45), ValueError, 'no pruning phase'),
    (lambda T, A: __import__('hfguide.bench').bench.bench_lora_vs_full(steps=1), ValueError, 'at least 2'),
])
def test_bad_input_fails_clearly(call, err, msg):
    import hfguide.train as T, hfguide.adapters as A
    with pytest.raises(err, match=msg): call(T, A)

def test_train_cli_rejects_bad_flags():
    from hfguide.procs import run_bounded
    r = run_bounded([sys.executable, '-m', 'hfguide.train', '--out', '/tmp/x', '--rows', 'many'], timeout=120)
    assert r.returncode == 2 and "invalid int value: 'many'" in r.stderr
