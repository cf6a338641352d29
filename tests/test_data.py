"Data helpers: bad input fails with a message naming the file, row or column; batching keeps every row exactly once."
import pytest
from hfguide.data import load_csv_texts, tokenize_dataset, length_grouped_batches, make_dataloader, load_reviews

@pytest.mark.parametrize('content,msg', [
    (b'', 'is empty'),
    (b'text\n', 'has a header but no rows'),
    (b'review,stars\nok,3\n', "column 'text' not in f.csv; columns are: review, stars"),
    ('text\nfine\nbien\n'.encode() + b'caf\xe9\n', 'f.csv is not UTF-8: byte 0xe9 on line 4 (data row 3)'),
    (b'\x89PNG\r\n\x1a\n\x00\x00binary', 'is not UTF-8'),  # a binary file renamed .csv
])
def test_load_csv_texts_errors(tmp_path, content, msg):
    p = tmp_path/'f.csv'; p.write_bytes(content)
    with pytest.raises(ValueError, match=msg.replace('(', r'\(').replace(')', r'\)')): load_csv_texts(p)

def test_load_csv_texts_keeps_rows_and_bom(tmp_path):
    p = tmp_path/'f.csv'; p.write_bytes('\ufefftext,stars\n"a, quoted",5\n多语言,1\n'.encode('utf-8'))
    ds = load_csv_texts(p)
    assert ds.column_names == ['text', 'stars'] and ds['text'] == ['a, quoted', '多语言']

def test_tokenize_dataset_missing_column():
    from transformers import AutoTokenizer
    tok = AutoTokenizer.from_pretrained('sentence-transformers/all-MiniLM-L6-v2')
    with pytest.raises(ValueError, match="column 'review' not in the dataset; columns are: id, text, stars"):
        tokenize_dataset(load_reviews()['test'], tok, text_column='review')

@pytest.mark.parametrize('n,bs', [(0, 4), (1, 4), (37, 8), (500, 32)])
def test_length_grouped_batches_cover_every_row_once(n, bs):
    lengths = [(i * 37) % 101 + 1 for i in range(n)]
    batches = length_grouped_batches(lengths, bs, seed=1)
    assert sorted(i for b in batches for i in b) == list(range(n))
    assert all(1 <= len(b) <= bs for b in batches)
    assert length_grouped_batches(lengths, bs, seed=1) == batches  # seeded
    with pytest.raises(ValueError, match='batch_size must be at least 1'): length_grouped_batches(lengths, 0)

def test_dataloader_batches_are_padded_per_batch_with_masks():
    from transformers import AutoTokenizer
    tok = AutoTokenizer.from_pretrained('sentence-transformers/all-MiniLM-L6-v2')
    ds = tokenize_dataset(load_reviews()['test'].select(range(40)), tok)
    seen = 0
    for b in make_dataloader(ds, tok, batch_size=8):
        lens = b['attention_mask'].sum(1)
        assert b['input_ids'].shape[1] == int(lens.max())   # padded to its own longest row, not 512
        seen += len(b['labels'])
    assert seen == 40
