"The chapter 08 dashboard headless with streamlit.testing.v1.AppTest: pages, bad uploads, order and bad rows."
import pytest

@pytest.fixture(scope='module')
def script():
    import hfguide.streamlit_app as m   # offline: the session fixture (tests/conftest.py) switched to the stand-ins
    return m.__file__

@pytest.fixture
def at(script):
    from streamlit.testing.v1 import AppTest
    a = AppTest.from_file(script, default_timeout=120).run()
    assert not a.exception
    return a

def _page(at, name): return at.sidebar.selectbox(key='page').select(name).run()

def test_sentiment_page(at):
    from hfguide.apps import sentiment
    for text in ['I love this product!', '这家酒店太棒了 😍', 'الخدمة كانت سيئة جدا', 'x ' * 100_000]:
        at.text_area(key='sentiment_text').input(text)
        at.button(key='analyse_sentiment').click().run()
        assert not at.exception and not at.error
        assert at.metric[0].value == sentiment(text)['label']
    assert 'first 5,000' in at.info[0].value   # the 200k-character text was cut, with a notice
    for text, msg in [('', 'text is empty'), ('  \n ', 'text is only whitespace')]:
        at.text_area(key='sentiment_text').input(text)
        at.button(key='analyse_sentiment').click().run()
        assert [e.value for e in at.error] == [msg]
    at.button(key='example_1').click().run()   # still serving; examples analyse
    assert at.metric[0].value == 'negative'

def test_entities_page(at):
    _page(at, 'Entities')
    at.text_area(key='ner_text').input('Apple was founded by Steve Jobs in Cupertino.')
    at.button(key='find_entities').click().run()
    df = at.dataframe[0].value
    assert set(df['entity']) >= {'PER', 'LOC'} and 'steve jobs' in df['word'].str.lower().tolist()
    at.text_area(key='ner_text').input('   ')
    at.button(key='find_entities').click().run()
    assert at.error[0].value == 'text is only whitespace'

BAD = {
    'missing column': (b'id,review\n1,Great\n', "column 'text' not in bad.csv; columns are: id, review"),
    'empty file': (b'', 'bad.csv is empty'),
    'header only': (b'id,text\n', 'has a header but no rows'),
    'not UTF-8': ('id,text\n1,très bien\n'.encode('latin-1'), 'not UTF-8'),
    '20 MB': (b'id,text\n' + b'1,The hotel was fine and the staff were kind.\n' * 460_000, 'the limit is 10 MB'),
    'binary renamed .csv': (bytes(range(256)) * 64, 'binary file'),
}

@pytest.mark.parametrize('case', BAD)
def test_bad_upload_gets_a_message_and_the_next_file_works(at, case):
    raw, msg = BAD[case]
    _page(at, 'Batch CSV')
    at.file_uploader(key='csv').set_value(('bad.csv', raw, 'text/csv')).run()
    assert not at.exception
    assert msg in at.error[0].value
    at.file_uploader(key='csv').set_value(('good.csv', b'id,text\n1,Great hotel\n', 'text/csv')).run()
    at.button(key='analyse_batch').click().run()
    assert not at.error and at.success[0].value == 'Labelled 1 of 1 rows.'

def test_batch_keeps_order_reports_bad_rows_and_offers_download(at):
    from hfguide.data import read_reviews
    from hfguide.infer import classify_texts
    from hfguide.apps import SENTIMENT_MODEL
    import csv, io
    rows = read_reviews()[:300]
    texts = [r['text'] for r in rows]
    texts[7], texts[150] = '', '   '
    buf = io.StringIO(); w = csv.writer(buf); w.writerow(['id', 'text']); w.writerows([(r['id'], t) for r, t in zip(rows, texts)])
    _page(at, 'Batch CSV')
    at.file_uploader(key='csv').set_value(('reviews.csv', buf.getvalue().encode(), 'text/csv')).run()
    at.button(key='analyse_batch').click().run()
    assert not at.exception
    df = at.dataframe[-1].value
    assert df['id'].tolist() == [r['id'] for r in rows]
    want = [r['label'] for r in classify_texts(texts, model=SENTIMENT_MODEL)]
    got = df['label'].tolist()
    assert [g for i, g in enumerate(got) if i not in (7, 150)] == [x for i, x in enumerate(want) if i not in (7, 150)]
    assert at.warning[0].value.startswith('2 rows could not be analysed')
    assert at.success[0].value == 'Labelled 298 of 300 rows.'
    assert len(at.get('download_button')) == 1

def test_dashboard_module_does_not_load_gradio():
    "The Streamlit dashboard shares the model functions with the Gradio app without importing gradio."
    import sys
    from hfguide.procs import run_bounded
    r = run_bounded([sys.executable, '-c', "import sys, hfguide.streamlit_app; print(sorted(m for m in sys.modules if m.split('.')[0] == 'gradio'))"], timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == '[]', r.stdout + r.stderr

def test_serve_streamlit_answers_then_leaves_nothing(tmp_path):
    "`serve_streamlit` is a context manager: the dashboard answers inside the block, and no process of its tree outlives it."
    import sys, psutil
    from hfguide.procs import free_port, url_answers
    from hfguide.streamlit_app import serve_streamlit
    port = free_port()
    with serve_streamlit(port, timeout=120, log=tmp_path/'st.log') as proc:
        assert url_answers(f'http://127.0.0.1:{port}/_stcore/health')
        tree = [proc.pid, *(c.pid for c in psutil.Process(proc.pid).children(recursive=True))]
    assert not url_answers(f'http://127.0.0.1:{port}/_stcore/health')
    assert [p for p in tree if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE] == []

def test_cli_serves_the_dashboard_until_stopped(tmp_path):
    "`hfguide app streamlit` blocks serving the dashboard (stopped here by leaving the block)."
    import sys
    from hfguide.procs import free_port, serving
    port = free_port()
    with serving([sys.executable, '-m', 'hfguide.cli', 'app', 'streamlit', '--port', port], f'http://127.0.0.1:{port}/_stcore/health',
                 timeout=120, log=tmp_path/'cli.log'):
        pass
