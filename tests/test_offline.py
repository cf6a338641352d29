"The offline stand-ins: under the real ids, in the project's own cache, labelled, and loadable by the pinned revisions."
import os
from pathlib import Path
import pytest, torch
from hfguide.offline import STANDINS, standin_hub_cache, standins_record, use_standins, build_key, SENTIMENT3

def test_cache_is_not_the_users():
    assert Path.home()/'.cache'/'huggingface' not in standin_hub_cache().parents
    assert os.environ['HF_HOME'] == str(standin_hub_cache().parent) and os.environ['HF_HUB_OFFLINE'] == '1'

def test_every_standin_is_in_the_record_and_cache_with_a_card():
    from huggingface_hub import ModelCard, hf_hub_download
    rec = standins_record()
    assert rec['key'] == build_key()
    assert sorted(rec['repos']) == sorted(s.repo_id for s in STANDINS)
    for s in STANDINS:
        card = ModelCard.load(hf_hub_download(s.repo_id, 'README.md'))
        assert 'hfguide-standin' in card.data.tags and f'stand-in for `{s.repo_id}`' in card.text

@pytest.mark.parametrize('s', [s for s in STANDINS if s.revisions], ids=lambda s: s.repo_id)
def test_pinned_pipeline_revisions_resolve_offline(s):
    from transformers import AutoConfig
    for rev in s.revisions: assert AutoConfig.from_pretrained(s.repo_id, revision=rev).model_type

def test_two_label_model_is_the_three_label_model_without_neutral():
    from transformers import AutoTokenizer, AutoModelForSequenceClassification
    m3 = AutoModelForSequenceClassification.from_pretrained('cardiffnlp/twitter-roberta-base-sentiment-latest')
    m2 = AutoModelForSequenceClassification.from_pretrained('distilbert/distilbert-base-uncased-finetuned-sst-2-english')
    tok = AutoTokenizer.from_pretrained('cardiffnlp/twitter-roberta-base-sentiment-latest')
    b = tok(['fine I guess', 'awful, broke in a day', 'superb quality'], padding=True, return_tensors='pt')
    with torch.inference_mode(): l3, l2 = m3(**b).logits, m2(**b).logits
    torch.testing.assert_close(l2, l3[:, [SENTIMENT3.index('negative'), SENTIMENT3.index('positive')]])
    assert m2.config.id2label == {0: 'NEGATIVE', 1: 'POSITIVE'}

def test_fine_tuned_standins_meet_their_bars():
    m = standins_record()['metrics']
    assert m['sentiment']['accuracy_2class_en'] >= 0.90 and m['sentiment']['accuracy_3class_en'] >= 0.85
    assert m['ner']['entity_token_accuracy'] >= 0.85

def test_bad_mode_is_refused():
    with pytest.raises(ValueError, match="mode must be 'auto', 'offline' or 'online'"): use_standins('sometimes')
