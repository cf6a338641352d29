"The chapter 07 Gradio toolbox and the chapter 08 Streamlit dashboard, driven in headless Debian chromium with Playwright."
import time
import pytest
from _browser import launch_browser, require_chromium, free_port, shot

pw_api = pytest.importorskip('playwright.sync_api')

@pytest.fixture(scope='module')
def browser():
    require_chromium()
    with pw_api.sync_playwright() as pw:
        b = launch_browser(pw)
        yield b
        b.close()

@pytest.fixture(scope='module')
def gradio_url():
    from hfguide.apps import serve
    demo = serve('toolbox', port=None, block=False)
    yield demo.local_url
    demo.close()

@pytest.fixture
def page(browser):
    p = browser.new_page(viewport={'width': 1280, 'height': 900})
    p.set_default_timeout(60_000)
    yield p
    p.close()

def _run(page, prefix, text):
    page.locator(f'#{prefix}-text textarea').fill(text)
    page.locator(f'#{prefix}-btn').click()

def _textbox(page, elem_id, timeout=60):
    "Wait for the output textbox `elem_id` to be filled; return its value."
    box = page.locator(f'#{elem_id} textarea')
    t0 = time.time()
    while time.time() - t0 < timeout:
        v = box.input_value()
        if v: return v
        time.sleep(0.2)
    raise AssertionError(f'#{elem_id} stayed empty')

def _expected_label(text):
    "What the model itself says for `text`, computed here: the page must show it (offline that is the stand-in's answer)."
    from hfguide.apps import sentiment
    return sentiment(text)['label']

def test_gradio_toolbox_in_the_browser(page, gradio_url):
    page.goto(gradio_url)
    # Sentiment: type, click, read
    pos, neg = 'I love this product, it works perfectly!', 'This is terrible, it broke after a day.'
    want_pos, want_neg = _expected_label(pos), _expected_label(neg)
    assert want_pos != want_neg   # so the second answer cannot be the first one left on the page
    _run(page, 'sentiment', pos)
    assert _textbox(page, 'sentiment-out').split()[0] == want_pos
    shot(page, 'gradio_sentiment')
    # bad input: a message in the UI, then the next request is served
    _run(page, 'sentiment', '   ')
    pw_api.expect(page.get_by_text('text is only whitespace').first).to_be_visible()
    shot(page, 'gradio_sentiment_error')
    _run(page, 'sentiment', neg)
    t0 = time.time()
    while not page.locator('#sentiment-out textarea').input_value().startswith(want_neg) and time.time() - t0 < 60: time.sleep(0.2)
    assert page.locator('#sentiment-out textarea').input_value().startswith(want_neg)
    # Entities tab
    page.get_by_role('tab', name='Entities').click()
    _run(page, 'entities', 'Apple was founded by Steve Jobs in Cupertino.')
    pw_api.expect(page.locator('#entities-note')).to_contain_text('entities')
    out = page.locator('#entities-out')
    pw_api.expect(out).to_contain_text('PER')
    pw_api.expect(out).to_contain_text('Steve Jobs')
    shot(page, 'gradio_entities')
    # Summary tab: the too-short rule shows a message
    page.get_by_role('tab', name='Summary').click()
    _run(page, 'summary', 'Too short.')
    pw_api.expect(page.get_by_text('Text too short to summarize').first).to_be_visible()
    _run(page, 'summary', ' '.join(['The hotel was clean, quiet and close to the station, and the staff were kind.'] * 4))
    assert _textbox(page, 'summary-out')
    shot(page, 'gradio_summary')
    # Attention tab: choose layer and head, render the heatmap
    page.get_by_role('tab', name='Attention').click()
    page.locator('#attention-layer input[type=number]').fill('1')
    page.locator('#attention-head input[type=number]').fill('3')
    _run(page, 'attention', 'The staff at the Paris hotel were unbelievably welcoming.')
    plot = page.locator('#attention-plot img')
    pw_api.expect(plot).to_be_visible()
    page.get_by_text('The numbers').click()
    pw_api.expect(page.locator('#attention-json')).to_contain_text('##bly')   # word pieces, not words
    shot(page, 'gradio_attention')

# --- Streamlit, once in the browser ---

@pytest.fixture(scope='module')
def streamlit_url(tmp_path_factory):
    from hfguide.streamlit_app import serve_streamlit
    require_chromium()
    port = free_port()
    with serve_streamlit(port, timeout=120, log=tmp_path_factory.mktemp('st')/'streamlit.log'):
        yield f'http://127.0.0.1:{port}'

def test_streamlit_dashboard_in_the_browser(page, streamlit_url, tmp_path):
    page.goto(streamlit_url)
    text = 'I love this product, it works perfectly!'
    page.get_by_label('Text').fill(text)
    page.get_by_role('button', name='Analyse sentiment').click()
    pw_api.expect(page.get_by_test_id('stMetricValue')).to_have_text(_expected_label(text), timeout=60_000)
    shot(page, 'streamlit_sentiment')
    page.get_by_test_id('stSidebar').get_by_test_id('stSelectbox').click()
    page.get_by_role('option', name='Batch CSV').click()
    f = tmp_path/'reviews.csv'
    f.write_text('id,text\n1,Great hotel\n2,\n3,Awful food\n', encoding='utf-8')
    page.locator('input[type=file]').set_input_files(str(f))
    page.get_by_role('button', name='Analyse all rows').click()
    pw_api.expect(page.get_by_text('Labelled 2 of 3 rows.')).to_be_visible(timeout=60_000)
    pw_api.expect(page.get_by_text('1 rows could not be analysed', exact=False)).to_be_visible()
    pw_api.expect(page.get_by_role('button', name='Download results (CSV)')).to_be_visible()
    shot(page, 'streamlit_batch')
