"Chapter 15's helpers (hfguide.diagnostics): the timer, the reports, the health check forced to fire, and the dashboards' server commands."
import json, math, os, subprocess, sys, time
import pytest, torch
from hfguide import diagnostics as D

def test_time_call_counts_and_never_touches_cuda_on_cpu(monkeypatch):
    calls = []
    def boom(*a, **k): raise AssertionError('CUDA events used for CPU work')
    monkeypatch.setattr(torch.cuda, 'Event', boom)
    r = D.time_call(lambda: calls.append(1), 'cpu', warmup=3, repeats=4)
    assert len(calls) == 7 and len(r['ms']) == 4 and r['min_ms'] <= r['median_ms']
    with pytest.raises(ValueError, match='repeats must be at least 1'): D.time_call(lambda: None, repeats=0)

def test_time_call_measures_real_time():
    r = D.time_call(lambda: time.sleep(0.02), warmup=0, repeats=3)
    assert 20 <= r['min_ms'] < 1000

def test_model_report_counts_params_buffers_and_bytes():
    m = torch.nn.Linear(3, 2)
    m.register_buffer('ids', torch.arange(5))
    m.bias.requires_grad_(False)
    r = D.model_report(m)
    assert (r['parameters'], r['trainable'], r['buffers']) == (8, 6, 5)
    assert r['bytes_by_dtype'] == {'float32': 32, 'int64': 40} and r['devices'] == ['cpu']

def test_tokenizer_report_flags_unset_max_length():
    from transformers import AutoTokenizer
    tok = AutoTokenizer.from_pretrained('sentence-transformers/all-MiniLM-L6-v2')
    r = D.tokenizer_report(tok)
    assert r['model_max_length'] == 512 and r['example_tokens'][0] == '[CLS]'
    tok.model_max_length = int(1e30)
    tok.add_tokens(['<brandnew>'])
    r = D.tokenizer_report(tok)
    assert r['model_max_length'] is None and r['len_with_added'] == r['vocab_size'] + 1

def test_diagnose_model_on_cpu():
    from transformers import AutoModel, AutoTokenizer
    mid = 'sentence-transformers/all-MiniLM-L6-v2'
    m, tok = AutoModel.from_pretrained(mid, num_hidden_layers=1), AutoTokenizer.from_pretrained(mid)
    r = D.diagnose_model(m, tok, text='two words', repeats=2)
    assert r['output_shape'] == (1, 4, 384) and r['parameters'] == sum(p.numel() for p in m.parameters()) and r['forward_ms'] > 0
    with pytest.raises(ValueError, match='pass tokenizer='): D.diagnose_model(m)

def _grads_model(value):
    m = torch.nn.Linear(2, 2)
    for p in m.parameters(): p.grad = torch.full_like(p, value)
    return m

class _State:  # the two fields the callback reads
    def __init__(self, step): self.global_step, self.is_world_process_zero = step, True

def test_health_nan_grad_and_loss():
    h = D.TrainingHealth()
    h.on_pre_optimizer_step(None, _State(0), None, model=_grads_model(1.0))
    with pytest.raises(D.TrainingHealthError, match=r'^step 6: gradient norm is nan'):
        h.on_pre_optimizer_step(None, _State(5), None, model=_grads_model(float('nan')))
    with pytest.raises(D.TrainingHealthError, match='training loss is inf'):
        h.on_log(None, _State(3), None, logs={'loss': math.inf})
    h.on_log(None, _State(3), None, logs={'loss': 0.5, 'eval_loss': 1.0})

def test_health_vanishing_needs_patience():
    h = D.TrainingHealth(min_grad_norm=1e-3, patience=3)
    for step in range(2): h.on_pre_optimizer_step(None, _State(step), None, model=_grads_model(1e-6))
    h.on_pre_optimizer_step(None, _State(2), None, model=_grads_model(1.0))  # a healthy step resets the count
    for step in range(3, 5): h.on_pre_optimizer_step(None, _State(step), None, model=_grads_model(1e-6))
    with pytest.raises(D.TrainingHealthError, match='vanished'):
        h.on_pre_optimizer_step(None, _State(5), None, model=_grads_model(1e-6))

def test_health_stops_a_trainer_run_with_nan(tmp_path):
    from hfguide.train import review_classifier, review_data, classifier_trainer
    m, tok = review_classifier(num_hidden_layers=1)
    h = D.poison_after(m.bert.encoder.layer[0], calls=1)
    t = classifier_trainer(m, tok, review_data(tok, n_train=32, n_test=8), tmp_path, epochs=1, batch_size=8, patience=None,
                           logging_steps=1, eval_strategy='no', save_strategy='no', load_best_model_at_end=False,
                           callbacks=[D.TrainingHealth(), D.JsonlLogger(tmp_path/'log.jsonl')])
    with pytest.raises(D.TrainingHealthError, match='^step 2: gradient norm is nan'): t.train()
    h.remove()
    assert t.state.global_step == 1
    rows = [json.loads(l) for l in (tmp_path/'log.jsonl').read_text().splitlines()]
    assert [r['step'] for r in rows] == [1] and math.isfinite(rows[0]['loss'])

def test_server_commands_carry_this_environment_and_the_port(tmp_path, monkeypatch):
    "`procs.serving` passes `env` to Popen as the WHOLE environment: without ours the server would run with no PATH."
    monkeypatch.setenv('HFGUIDE_PROBE', 'kept')
    cmd, url, env = D.trackio_server('p', port=45678)
    assert url == 'http://127.0.0.1:45678/' and env['GRADIO_SERVER_PORT'] == '45678' and cmd[1:4] == ['show', '--project', 'p']
    assert env['HFGUIDE_PROBE'] == 'kept' and env['PATH'] == os.environ['PATH']
    cmd, url, env = D.tensorboard_server(tmp_path, port=45679)
    assert url == 'http://127.0.0.1:45679/' and cmd[cmd.index('--port') + 1] == '45679' and cmd[cmd.index('--logdir') + 1] == str(tmp_path)
    assert env['HFGUIDE_PROBE'] == 'kept' and env['PATH'] == os.environ['PATH']

def test_trackio_metrics_round_trip(tmp_path):
    code = ("import trackio; trackio.init(project='p', name='r');"
            "[trackio.log({'train/loss': 1.0 / (i + 1), 'train/global_step': i + 1}) for i in range(3)]; trackio.finish();"
            "from hfguide.diagnostics import trackio_metrics; import json; print(json.dumps(trackio_metrics('p', 'r')))")
    env = {**os.environ, 'TRACKIO_DIR': str(tmp_path)}
    out = subprocess.run([sys.executable, '-c', code], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    rows = json.loads(out.stdout.strip().splitlines()[-1])
    assert [r['loss'] for r in rows] == [1.0, 0.5, 1 / 3] and [r['global_step'] for r in rows] == [1, 2, 3]
    bad = subprocess.run([sys.executable, '-c', "from hfguide.diagnostics import trackio_metrics; trackio_metrics('nope', 'r')"],
                         env=env, capture_output=True, text=True, timeout=300)
    assert "no trackio project 'nope'" in bad.stderr
