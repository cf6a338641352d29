"Chapter 11: generation helpers against references computed here, agents driven by a scripted model, and what the executor refuses."
import time
import pytest, torch
from smolagents import CodeAgent, ToolCallingAgent
import smolagents.local_python_executor as lpe
from hfguide.llm import (chat_inputs, generate_text, top_p_count, bench_batched_generation, bench_kv_cache, time_generation,
                         weather_tool, ScriptedModel, agent_errors, run_scripted, run_untrusted, WEATHER)

@pytest.fixture(scope='module')
def tiny():
    "A tiny random Llama with SmolLM2's real tokenizer and chat template: fast, and greedy ties are rare in float32."
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM
    from hfguide.real_weights import ensure_smollm2
    tok = AutoTokenizer.from_pretrained(ensure_smollm2(verbose=False), padding_side='left')
    torch.set_num_threads(1)  # generation with spare threads on a shared CPU spins (chapter 11)
    torch.manual_seed(0)
    cfg = LlamaConfig(vocab_size=len(tok), hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
                      num_key_value_heads=2, bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id)
    return LlamaForCausalLM(cfg).eval(), tok

QS = ['What is the capital of France?', 'Name a fruit.', 'Hi', 'Tell me a long story about a dragon and a knight.']

def test_chat_inputs_match_the_template_and_pad_left(tiny):
    _, tok = tiny
    x = chat_inputs(tok, QS)
    for i, q in enumerate(QS):
        ids = tok.apply_chat_template([{'role': 'user', 'content': q}], add_generation_prompt=True, return_dict=False)
        row, mask = x['input_ids'][i].tolist(), x['attention_mask'][i].tolist()
        assert row[len(row)-len(ids):] == ids and mask == [0]*(len(row)-len(ids)) + [1]*len(ids)
    sys_ = chat_inputs(tok, 'Hi', system='Be brief.')
    assert 'Be brief.' in tok.decode(sys_['input_ids'][0])

@pytest.mark.parametrize('bad', [42, None, [], [1, 2], [{'role': 'user'}]])
def test_chat_inputs_refuse_bad_prompts(tiny, bad):
    with pytest.raises((TypeError, ValueError), match='prompt'): chat_inputs(tiny[1], bad)

def test_batched_greedy_equals_one_at_a_time(tiny):
    model, tok = tiny
    batch = generate_text(model, tok, QS, max_new_tokens=6)
    assert batch == [generate_text(model, tok, q, max_new_tokens=6) for q in QS]
    r = bench_batched_generation(model, tok, QS, max_new_tokens=6)
    assert r['same_tokens'] is True and r['n_prompts'] == 4 and r['one_at_a_time_s'] > 0 and r['batched_s'] > 0
    assert r['speedup'] == pytest.approx(r['one_at_a_time_s'] / r['batched_s'])

def test_batched_bench_refuses_right_padding(tiny):
    model, tok = tiny
    tok.padding_side = 'right'
    try:
        with pytest.raises(ValueError, match="padding_side = 'left'"): bench_batched_generation(model, tok, QS)
    finally: tok.padding_side = 'left'

def test_kv_cache_variants_give_the_same_tokens(tiny):
    model, tok = tiny
    r = bench_kv_cache(model, tok, max_new_tokens=6, rounds=1)
    assert r['same_tokens'] is True and set(r['tokens_per_s']) == {'no cache', 'dynamic', 'static'}
    t = time_generation(model, tok, 'Hi', max_new_tokens=5)
    assert len(t['ids'][0]) == 5  # exactly max_new_tokens, even if EOS comes first

def test_stop_strings_cut_the_reply(tiny):
    model, tok = tiny
    full = generate_text(model, tok, 'Hi', max_new_tokens=12)
    word = full.split()[1] if len(full.split()) > 1 else full[:2]
    cut = generate_text(model, tok, 'Hi', max_new_tokens=12, stop_strings=[word])
    assert full.startswith(cut) and cut.endswith(word) and len(cut) <= len(full)

def _reference_nucleus(p, mass):
    order = sorted(range(len(p)), key=lambda i: -p[i])
    total, kept = 0.0, 0
    for i in order:
        total += p[i]; kept += 1
        if total >= mass: break
    return kept

@pytest.mark.parametrize('seed', range(5))
def test_top_p_count_matches_a_loop(seed):
    g = torch.Generator().manual_seed(seed)
    probs = torch.softmax(torch.randn(100, generator=g, dtype=torch.float64) * (seed + 1), 0)
    for mass in (0.3, 0.5, 0.9, 0.99):
        assert top_p_count(probs, mass) == _reference_nucleus(probs.tolist(), mass)
    with pytest.raises(ValueError, match='p must be'): top_p_count(probs, 0)

def test_code_agent_really_calls_the_tool():
    calls = []
    agent = CodeAgent(tools=[weather_tool(calls)], verbosity_level=-1, max_steps=2,
                      model=ScriptedModel(['<code>\nfinal_answer(get_weather("Tokyo"))\n</code>']))
    r = agent.run('Weather in Tokyo?', return_full_result=True)
    assert calls == ['Tokyo'] and r.state == 'success' and r.output == f"The weather in Tokyo is {WEATHER['Tokyo']}."

def test_tool_calling_agent_feeds_the_observation_back():
    calls, model = [], ScriptedModel(['{"name": "get_weather", "arguments": {"location": "Beijing"}}',
                                      '{"name": "final_answer", "arguments": {"answer": "ok"}}'])
    agent = ToolCallingAgent(tools=[weather_tool(calls)], model=model, verbosity_level=-1, max_steps=3)
    assert agent.run('Weather in Beijing?') == 'ok' and calls == ['Beijing']
    assert WEATHER['Beijing'] in str(model.seen[-1]) and WEATHER['Beijing'] not in str(model.seen[0])

HOSTILE = [
    ('<code>\nimport os\nos.system("touch /tmp/hfguide-pwned")\n</code>', 'Import of os is not allowed'),
    ('<code>\nimport subprocess\n</code>', 'Import of subprocess is not allowed'),
    ('<code>\nopen("/etc/passwd").read()\n</code>', "'open' is not among"),
    ('<code>\neval("1+1")\n</code>', "'eval' is not among"),
    ('<code>\n__import__("os")\n</code>', "'__import__' is not among"),
    ('<code>\nsearch_web("x")\n</code>', "'search_web' is not among"),
    ('<code>\nget_weather(city="Paris")\n</code>', "unexpected keyword argument 'city'"),
    ('It is sunny, I think.', 'regex pattern <code>(.*?)</code> was not found'),
]

@pytest.mark.parametrize('reply,msg', HOSTILE, ids=[m[:24] for _, m in HOSTILE])
def test_code_agent_refuses_hostile_or_malformed_replies(reply, msg):
    calls = []
    r = run_scripted(reply, calls=calls)
    assert r['state'] == 'max_steps_error' and calls == []
    assert any(msg in e for e in r['errors']), r['errors']

@pytest.mark.parametrize('reply,msg', [('{"name": "rm_rf", "arguments": {}}', 'Unknown tool rm_rf'),
                                       ('{"name": "get_weather", "arguments": {"city": "Paris"}}', 'Argument city is not'),
                                       ('no json here', 'JSON')])
def test_tool_calling_agent_refuses_malformed_calls(reply, msg):
    calls = []
    r = run_scripted(reply, ToolCallingAgent, calls=calls)
    assert r['state'] == 'max_steps_error' and calls == []
    assert any(msg in e for e in r['errors']), r['errors']

def test_endless_while_loop_is_ended_by_the_iteration_cap(monkeypatch):
    monkeypatch.setattr(lpe, 'MAX_WHILE_ITERATIONS', 20_000)
    r = run_scripted('<code>\nwhile True:\n    pass\n</code>')
    assert r['state'] == 'max_steps_error' and any('20000 iterations' in e for e in r['errors']), r['errors']

def test_executor_timeout_is_reported_not_enforced():
    t = time.time()
    r = run_scripted('<code>\nimport time\ntime.sleep(2)\nfinal_answer("done")\n</code>', executor_kwargs={'timeout_seconds': 1})
    assert any('maximum execution time of 1 seconds' in e for e in r['errors'])
    assert time.time() - t >= 2  # the thread ran to its end

def test_authorizing_os_really_hands_it_over(tmp_path):
    target = tmp_path/'made-by-the-model'
    r = run_scripted(f'<code>\nimport os\nos.mkdir({str(target)!r})\nfinal_answer("ok")\n</code>', additional_authorized_imports=['os'])
    assert r['state'] == 'success' and target.is_dir()

def test_run_untrusted_kills_an_endless_loop_and_keeps_the_rules():
    t = time.time()
    loop = run_untrusted('while True:\n    n = 0\n    while n < 10**6:\n        n += 1', timeout=3)
    assert loop['ok'] is False and 'killed after 3 s' in loop['error'] and time.time() - t < 30
    assert run_untrusted('import subprocess')['error'].startswith('InterpreterError') or 'not allowed' in run_untrusted('import subprocess')['error']
    assert run_untrusted('2**10') == {'ok': True, 'output': '1024', 'logs': ''}

def test_scripted_model_says_when_it_runs_out():
    m = ScriptedModel(['a'])
    m.generate([]); 
    with pytest.raises(RuntimeError, match='ran out of replies after 1'): m.generate([])
