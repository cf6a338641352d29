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

# --- CSV files as spreadsheets export them: the right rows, or an error naming the line ---

ROWS = [{'id': '1', 'text': 'Great, really great'}, {'id': '2', 'text': 'Line one\nline two, "quoted"'}, {'id': '3', 'text': 'Très bien – 很好 😍'}]

def _expected(rows=ROWS): return [r['text'] for r in rows], [r['id'] for r in rows]

def _write_with_csv_module(path, rows, encoding, **fmt):
    "The reference file: written by Python's csv writer, which quotes what needs quoting."
    import csv, io
    buf = io.StringIO(newline='')
    w = csv.DictWriter(buf, fieldnames=['id', 'text'], **fmt); w.writeheader(); w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))

@pytest.mark.parametrize('encoding,fmt', [
    ('utf-8', {}), ('utf-8-sig', {}), ('utf-8', {'delimiter': ';'}), ('utf-8', {'delimiter': '\t'}), ('utf-8', {'delimiter': '|'}),
    ('utf-16', {'delimiter': '\t'}),                          # Excel's "Unicode text": UTF-16 with a BOM, tab-separated
    ('utf-8', {'lineterminator': '\n'}), ('utf-8-sig', {'delimiter': ';', 'quoting': 1}),
], ids=str)
def test_load_csv_texts_reads_spreadsheet_exports(tmp_path, encoding, fmt):
    p = tmp_path/'f.csv'; _write_with_csv_module(p, ROWS, encoding, **fmt)
    ds = load_csv_texts(p)
    assert (ds['text'], ds['id']) == _expected()

def test_load_csv_texts_explicit_encoding_for_cp1252(tmp_path):
    rows = [{'id': '1', 'text': 'Très bien, café – 5€'}]
    p = tmp_path/'f.csv'; _write_with_csv_module(p, rows, 'cp1252', delimiter=';')
    with pytest.raises(ValueError, match=r"f.csv is not UTF-8: byte 0xe8 on line 2 .* encoding='cp1252'"): load_csv_texts(p)
    assert load_csv_texts(p, encoding='cp1252')['text'] == [rows[0]['text']]
    with pytest.raises(ValueError, match="unknown encoding 'klingon'"): load_csv_texts(p, encoding='klingon')

def test_load_csv_texts_blank_rows_and_odd_line_breaks_are_kept_right(tmp_path):
    p = tmp_path/'f.csv'
    p.write_bytes('id,text\r\n\r\n1,"a\u2028b"\r\n,\r\n2,plain\r\n\r\n'.encode())   # blank lines, an all-empty row, U+2028 inside a field
    ds = load_csv_texts(p)
    assert ds['text'] == ['a\u2028b', 'plain'] and ds['id'] == ['1', '2']

@pytest.mark.parametrize('content,msg', [
    (b'id,text\n1,ok\n2,too,many\n', 'f.csv: line 3 has 3 fields, the header has 2'),
    (b'id,text\n1,ok\n\n2\n', 'f.csv: line 4 has 1 fields, the header has 2'),
    (b'id;text\n1;"a\nb"\n2;x;y\n', 'f.csv: line 4 has 3 fields'),      # the multi-line field counts as lines 2-3
    (b'text,text\na,b\n', 'the header repeats a column name: text, text'),
    (b'\n\n  \n', 'f.csv is empty'),
    (b'id,text\n1,"unterminated\n2,rest of the file\n', 'f.csv: line 2 cannot be read as CSV'),
    (b'id,text\n1,"quoted" then more\n', 'f.csv: line 2 cannot be read as CSV'),
])
def test_load_csv_texts_names_the_bad_line(tmp_path, content, msg):
    p = tmp_path/'f.csv'; p.write_bytes(content)
    with pytest.raises(ValueError, match=msg.replace('(', r'\(').replace(')', r'\)')): load_csv_texts(p)
