"The Gradio NLP toolbox (chapter 07) over HTTP: bad input, the real attention, and 50 concurrent requests."
import statistics, time
from concurrent.futures import ThreadPoolExecutor
import numpy as np, pytest, torch

@pytest.fixture(scope='module')
def app():
    from hfguide.apps import serve
    demo = serve('toolbox', port=None, block=False)
    yield demo
    demo.close()

@pytest.fixture(scope='module')
def client(app):
    from gradio_client import Client
    return Client(app.local_url, verbose=False)

def _err(client, *args, api):
    from gradio_client.exceptions import AppError
    with pytest.raises(AppError) as e: client.predict(*args, api_name=api)
    return str(e.value)

LONG = 'The room was lovely. ' * 10_000  # 210,000 characters

@pytest.mark.parametrize('api,args', [('/sentiment', ()), ('/entities', ()), ('/summarize', ()), ('/attention', (1, 0))])
@pytest.mark.parametrize('text,msg', [('', 'text is empty'), (' \n\t ', 'only whitespace')])
def test_empty_input_gets_a_message_and_the_app_keeps_serving(client, api, args, text, msg):
    assert msg in _err(client, text, *args, api=api)
    assert client.predict('Apple opened a store in Paris.', api_name='/sentiment').split()[0] in ('negative', 'neutral', 'positive')

def test_huge_input_is_cut_with_a_notice(client):
    t = time.perf_counter()
    out = client.predict(LONG, api_name='/sentiment')
    assert 'first 5,000 were analysed' in out and out.split()[0] in ('negative', 'neutral', 'positive')
    hl, note = client.predict(LONG, api_name='/entities')
    assert 'first 5,000' in note
    _, weights, note = client.predict(LONG, 0, 0, api_name='/attention')
    assert 'first 40 tokens' in note and len(weights['tokens']) == 40
    assert time.perf_counter() - t < 60

@pytest.mark.parametrize('text', ['Loved it 😍🔥👍', '这家酒店的服务非常好，我很满意。', 'الخدمة كانت ممتازة جدا', 'שירות מצוין', 'mixed: good 好 جيد 👍'])
def test_any_script_is_answered(client, text):
    assert client.predict(text, api_name='/sentiment').split()[0] in ('negative', 'neutral', 'positive')
    hl, note = client.predict(text, api_name='/entities')
    for e in hl['entities'] if isinstance(hl, dict) and hl.get('entities') else []: assert 0 <= e['start'] < e['end'] <= len(text)
    _, w, _ = client.predict(text, 0, 0, api_name='/attention')
    np.testing.assert_allclose(np.array(w['weights']).sum(-1), 1, atol=1e-5)

def test_out_of_range_head_is_refused(client):
    assert 'greater than maximum value' in _err(client, 'hello there', 0, 99, api='/attention')   # Gradio checks the slider's range
    from hfguide.apps import attention_map
    with pytest.raises(ValueError, match='head must be between'): attention_map('hello there', 0, 12)   # the helper's own check

def test_attention_equals_the_model_tensor(client):
    "The app's numbers (API) and the plotted image are attentions[layer][0, head] of a direct eager model call."
    from transformers import AutoModel, AutoTokenizer
    from hfguide.apps import ATTENTION_MODEL, attention_map, attention_figure, attention_shape
    text = 'The receptionist in Berlin was unbelievably helpful.'
    tok = AutoTokenizer.from_pretrained(ATTENTION_MODEL)
    model = AutoModel.from_pretrained(ATTENTION_MODEL, attn_implementation='eager').eval()
    enc = tok(text, return_tensors='pt')
    with torch.inference_mode(): ref = model(**enc, output_attentions=True).attentions
    n_layers, n_heads = attention_shape()
    assert (len(ref), ref[0].shape[1]) == (n_layers, n_heads)
    for layer, head in [(0, 0), (n_layers - 1, n_heads - 1), (1, 5)]:
        _, w, _ = client.predict(text, layer, head, api_name='/attention')
        got = torch.tensor(w['weights'])
        assert w['tokens'] == tok.convert_ids_to_tokens(enc['input_ids'][0])   # the model's word pieces
        assert torch.allclose(got, ref[layer][0, head], atol=1e-6)
        assert torch.allclose(got.sum(-1), torch.ones(len(got)), atol=1e-5)
        a = attention_map(text, layer, head)
        assert np.array_equal(attention_figure(a).axes[0].images[0].get_array().data, a['weights'])
    assert not torch.allclose(ref[1][0, 5], ref[1][0, 6], atol=1e-3)   # heads differ, so a wrong head would fail above

def test_50_concurrent_requests(client, capsys):
    "All 50 answered, each with the label the helper gives for its text; p50/p95 latency printed."
    from hfguide.data import read_reviews
    from hfguide.apps import sentiment
    texts = [r['text'] for r in read_reviews()[:50]]
    want = [sentiment(t)['label'] for t in texts]
    def call(t):
        t0 = time.perf_counter(); out = client.predict(t, api_name='/sentiment'); return out, time.perf_counter() - t0
    t0 = time.perf_counter()
    with ThreadPoolExecutor(50) as ex: res = list(ex.map(call, texts))
    wall = time.perf_counter() - t0
    assert [o.split()[0] for o, _ in res] == want
    lat = sorted(l for _, l in res)
    p50, p95 = statistics.median(lat), lat[int(0.95 * len(lat)) - 1]
    with capsys.disabled(): print(f'\n50 concurrent /sentiment requests: all answered; p50 {p50:.2f} s, p95 {p95:.2f} s, wall {wall:.2f} s')
