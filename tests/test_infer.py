"Bad input to the inference helpers: a clear error or a per-row result, never a crash of the batch."
import random
import pytest, torch
from hfguide.data import read_reviews
from hfguide.infer import classify_texts, answer_question, summarize, load_model

SST2 = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english'
GOOD = 'The battery lasts for days and the screen is gorgeous.'

BAD_ROWS = [
    ('', 'text is empty'),
    ('   \n\t', 'text is only whitespace'),
    (None, 'text must be a string, got NoneType'),
    (42, 'text must be a string, got int'),
    (float('nan'), 'text must be a string, got float'),  # a missing CSV cell read by pandas
    (b'bytes', 'text must be a string, got bytes'),
    (['a', 'list'], 'text must be a string, got list'),
]

@pytest.mark.parametrize('bad,msg', BAD_ROWS, ids=[repr(b)[:12] for b, _ in BAD_ROWS])
def test_bad_row_gets_its_error_and_neighbours_are_untouched(bad, msg):
    out = classify_texts([GOOD, bad, GOOD], model=SST2)
    assert out[1] == dict(label=None, score=None, truncated=False, error=msg)
    alone = classify_texts([GOOD], model=SST2)[0]
    for o in (out[0], out[2]):
        assert o['label'] == alone['label'] and o['error'] is None
        assert o['score'] == pytest.approx(alone['score'], abs=1e-5)

def test_overlong_text_is_truncated_and_flagged():
    huge = 'slow and buggy, crashes on start. ' * 3000  # about 100k characters
    assert len(huge) >= 100_000
    out = classify_texts([GOOD, huge], model=SST2, dtype=torch.float32)  # float32: compared with the pipeline below
    assert out[1]['truncated'] is True and out[1]['error'] is None and out[1]['label'] in ('NEGATIVE', 'POSITIVE')
    assert out[0]['truncated'] is False
    # the truncated row is classified on its first 512 tokens, exactly as the pipeline with truncation=True would
    from transformers import pipeline
    ref = pipeline('sentiment-analysis', model=SST2)(huge, truncation=True)[0]
    assert out[1]['label'] == ref['label'] and out[1]['score'] == pytest.approx(ref['score'], abs=1e-4)

def test_emoji_cjk_rtl_text_are_classified():
    out = classify_texts(['Loved it 😍😍', '质量很好，非常满意。', 'المنتج رائع جدا', '\u200b'], model=SST2)
    assert all(o['error'] is None and o['label'] for o in out[:3])
    assert out[3]['error'] is None  # a zero-width space is not whitespace to Python: it is classified, not rejected

def test_results_follow_input_order_whatever_the_lengths():
    texts = [r['text'] for r in read_reviews()[:60]]
    # float32: in bfloat16 a row's score depends (slightly) on how much padding its batch has
    base = classify_texts(texts, model=SST2, batch_size=7, dtype=torch.float32)
    perm = list(range(len(texts))); random.Random(0).shuffle(perm)
    shuffled = classify_texts([texts[i] for i in perm], model=SST2, batch_size=5, dtype=torch.float32)
    assert [s['label'] for s in shuffled] == [base[i]['label'] for i in perm]
    assert [s['score'] for s in shuffled] == pytest.approx([base[i]['score'] for i in perm], abs=1e-5)

def test_single_string_and_all_bad_and_empty_list():
    assert len(classify_texts(GOOD, model=SST2)) == 1
    assert [o['error'] for o in classify_texts([None, ''], model=SST2)] == ['text must be a string, got NoneType', 'text is empty']
    assert classify_texts([], model=SST2) == []

def test_bad_arguments_fail_clearly():
    with pytest.raises(ValueError, match='batch_size must be at least 1'): classify_texts([GOOD], model=SST2, batch_size=0)
    with pytest.raises(FileNotFoundError, match='model folder ./no/such/model does not exist'): classify_texts([GOOD], model='./no/such/model')
    with pytest.raises(ValueError, match="unknown kind 'translation'"): load_model(SST2, 'translation')

def test_answer_question_offsets_and_errors():
    ctx = 'The Eiffel Tower was finished in 1889. It stands in Paris.'
    a = answer_question('When was the Eiffel Tower finished?', ctx)
    assert ctx[a['start']:a['end']] == a['answer'] and 0 < a['score'] <= 1
    with pytest.raises(ValueError, match='question is only whitespace'): answer_question('  ', ctx)
    with pytest.raises(TypeError, match='context must be a string, got int'): answer_question('Why?', 3)

def test_summarize_rejects_empty_and_returns_the_models_summary():
    "The summary equals a direct `generate` with the same settings, decoded: the helper adds no text and drops none."
    from transformers import AutoTokenizer, AutoModelForSeq2SeqLM
    text = 'A long article about hotels and their breakfasts. ' * 50
    tok, m = AutoTokenizer.from_pretrained('facebook/bart-large-cnn'), AutoModelForSeq2SeqLM.from_pretrained('facebook/bart-large-cnn').eval()
    enc = tok(text, truncation=True, max_length=min(tok.model_max_length, m.config.max_position_embeddings), return_tensors='pt')
    with torch.inference_mode(): ids = m.generate(**enc, max_new_tokens=8, min_new_tokens=2, num_beams=1, no_repeat_ngram_size=3)
    expected = tok.decode(ids[0], skip_special_tokens=True).strip()
    assert summarize(text, max_new_tokens=8, min_new_tokens=2, num_beams=1) == expected
    with pytest.raises(ValueError, match='text is empty'): summarize('')
