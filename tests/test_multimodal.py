"Chapter 10's helpers (audio intake, resampling, WER, images) and the media stand-ins (CT2 reader, Whisper converter)."
import struct
from pathlib import Path
import numpy as np, pytest
from hfguide.multimodal import (draw_shape, shape_images, SHAPE_LABELS, synthesize_speech, resample_audio, load_audio,
                                normalize_transcript, word_error_rate, check_image, SENTENCES)
from hfguide.media_standins import read_ct2, whisper_ct2_dir, MEDIA_STANDINS, ensure_media_standins, media_build_key

@pytest.fixture(scope='module')
def media(standins):
    return ensure_media_standins(verbose=False)

@pytest.fixture
def whisper_quiet():
    "transformers 5.24's own `WhisperForConditionalGeneration.generate` passes `suppress_tokens` next to a generation config and logs a deprecation about it: not our call."
    import transformers
    old = transformers.logging.get_verbosity(); transformers.logging.set_verbosity_error()
    yield
    transformers.logging.set_verbosity(old)

def _peak_hz(x, sr): return np.argmax(np.abs(np.fft.rfft(x))) * sr / len(x)

def test_resample_keeps_pitch_and_length():
    sr = 22_050; x = np.sin(2*np.pi*440*np.arange(sr)/sr).astype(np.float32)
    y = resample_audio(x, sr, 16_000)
    assert len(y) == 16_000 and y.dtype == np.float32
    assert abs(_peak_hz(y, 16_000) - 440) <= 1

def test_resample_filters_what_the_new_rate_cannot_hold():
    sr = 22_050; hiss = np.sin(2*np.pi*9_000*np.arange(sr)/sr)
    assert np.sqrt(np.mean(resample_audio(hiss, sr, 16_000)**2)) < 0.1  # a 9 kHz tone is above 16 kHz's Nyquist limit: removed, not folded

@pytest.mark.parametrize('bad', [0, -16_000, 22_050.5, float('nan')])
def test_resample_refuses_bad_rates(bad):
    with pytest.raises(ValueError, match='positive whole number'): resample_audio(np.zeros(10), bad)

def test_load_audio_mixes_stereo_down_in_either_layout():
    rng = np.random.default_rng(0); l, r = rng.standard_normal(800), rng.standard_normal(800)
    want = ((l + r) / 2).astype(np.float32)
    np.testing.assert_allclose(load_audio(np.stack([l, r], 1), sampling_rate=16_000), want, atol=1e-6)
    np.testing.assert_allclose(load_audio(np.stack([l, r], 0), sampling_rate=16_000), want, atol=1e-6)

def test_load_audio_refuses_bad_input(tmp_path):
    import soundfile as sf
    with pytest.raises(ValueError, match='empty'): load_audio(np.zeros(0), sampling_rate=16_000)
    with pytest.raises(ValueError, match='sampling_rate='): load_audio(np.zeros(100))
    with pytest.raises(ValueError, match='NaN'): load_audio(np.array([0.0, np.nan]), sampling_rate=16_000)
    with pytest.raises(ValueError, match='1-D'): load_audio(np.zeros((2, 3, 4)), sampling_rate=16_000)
    with pytest.raises(FileNotFoundError): load_audio(tmp_path/'missing.wav')
    p = tmp_path/'a.wav'; sf.write(str(p), np.zeros(441, dtype=np.float32), 44_100)
    with pytest.raises(ValueError, match='44100 Hz'): load_audio(p, sampling_rate=16_000)
    assert len(load_audio(p)) == 160

def test_synthesized_speech_is_a_22k_mono_wav(tmp_path):
    import soundfile as sf
    p = synthesize_speech('Hello there.', tmp_path/'x.wav')
    info = sf.info(str(p))
    assert (info.samplerate, info.channels) == (22_050, 1) and info.duration > 0.3
    with pytest.raises(ValueError, match='empty'): synthesize_speech('   ')

def _edit_distance(a, b):
    d = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, d[0] = d[0], i
        for j, y in enumerate(b, 1): prev, d[j] = d[j], min(d[j] + 1, d[j-1] + 1, prev + (x != y))
    return d[-1]

def test_wer_matches_an_independent_edit_distance():
    refs = ['the cat sat on the mat', 'hello world', 'a b c d']
    hyps = ['The cat sat on a mat!', 'hello big world', 'a c d']
    n = [normalize_transcript(x).split() for x in refs]; h = [normalize_transcript(x).split() for x in hyps]
    want = sum(_edit_distance(a, b) for a, b in zip(n, h)) / sum(map(len, n))
    assert abs(word_error_rate(refs, hyps) - want) < 1e-12 and want == 3 / 12
    with pytest.raises(ValueError, match='2 references but 1'): word_error_rate(refs[:2], hyps[:1])
    with pytest.raises(ValueError, match='at least one word'): word_error_rate(['...'], ['x'])

def test_check_image_refuses_non_images(tmp_path):
    (tmp_path/'fake.png').write_text('not a png')
    with pytest.raises(ValueError, match='not an image file'): check_image(tmp_path/'fake.png')
    with pytest.raises(ValueError, match='height, width'): check_image(np.zeros((3, 4)))
    with pytest.raises(TypeError, match='expected a PIL image'): check_image(42)
    from PIL import Image
    assert check_image(Image.new('RGBA', (3, 2))).mode == 'RGB'

def test_drawn_shapes_are_balanced_seeded_and_checked():
    a, b, c = shape_images(18, seed=1), shape_images(18, seed=1), shape_images(18, seed=2)
    assert sorted(l for _, l in a) == sorted(SHAPE_LABELS * 2)
    assert [np.asarray(i).tobytes() for i, _ in a] == [np.asarray(i).tobytes() for i, _ in b]
    assert [np.asarray(i).tobytes() for i, _ in a] != [np.asarray(i).tobytes() for i, _ in c]
    red = np.asarray(draw_shape('circle', 'red', seed=0)).reshape(-1, 3).astype(int)
    assert ((red[:, 0] - red[:, 2]) > 100).sum() > 300  # a red shape has many pixels far redder than blue
    with pytest.raises(ValueError, match='shape must be one of'): draw_shape('hexagon', 'red')
    with pytest.raises(ValueError, match='colour must be one of'): draw_shape('circle', 'pink')

def _write_ct2(path, variables, aliases):
    "A CTranslate2 v6 file written independently of the reader under test."
    def s(t): return struct.pack('H', len(t) + 1) + t.encode() + b'\0'
    ids = {np.dtype(np.float32): 0, np.dtype(np.int8): 1, np.dtype(np.float16): 4}
    out = struct.pack('I', 6) + s('TestSpec') + struct.pack('I', 1) + struct.pack('I', len(variables))
    for k, v in variables.items():
        out += s(k) + struct.pack('B', v.ndim) + b''.join(struct.pack('I', d) for d in v.shape)
        out += struct.pack('B', ids[v.dtype]) + struct.pack('I', v.nbytes) + v.tobytes()
    out += struct.pack('I', len(aliases)) + b''.join(s(a) + s(t) for a, t in aliases.items())
    Path(path).write_bytes(out)

def test_read_ct2_round_trips_a_written_file(tmp_path):
    v = {'a/w': np.arange(6, dtype=np.float16).reshape(2, 3), 'b': np.array(3, dtype=np.int8),
         'c': np.linspace(0, 1, 5, dtype=np.float32)}
    _write_ct2(tmp_path/'model.bin', v, {'d/alias': 'a/w'})
    got = read_ct2(tmp_path/'model.bin')
    assert got['__spec__'] == 'TestSpec'
    for k, x in v.items(): np.testing.assert_array_equal(got[k], x); assert got[k].dtype == x.dtype
    np.testing.assert_array_equal(got['d/alias'], v['a/w'])
    (tmp_path/'bad.bin').write_bytes(struct.pack('I', 5) + b'\0' * 8)
    with pytest.raises(ValueError, match='format 5'): read_ct2(tmp_path/'bad.bin')

def test_whisper_conversion_splits_the_fused_projections(media):
    import torch
    from transformers import WhisperForConditionalGeneration
    v = read_ct2(whisper_ct2_dir()/'model.bin')
    m = WhisperForConditionalGeneration.from_pretrained('openai/whisper-tiny.en')
    d = m.config.d_model
    qkv = torch.from_numpy(v['encoder/layer_2/self_attention/linear_0/weight'].astype(np.float32))
    for j, proj in enumerate(('q_proj', 'k_proj', 'v_proj')):
        torch.testing.assert_close(getattr(m.model.encoder.layers[2].self_attn, proj).weight, qkv[j*d:(j+1)*d])
    kv = torch.from_numpy(v['decoder/layer_1/attention/linear_1/weight'].astype(np.float32))
    torch.testing.assert_close(m.model.decoder.layers[1].encoder_attn.v_proj.weight, kv[d:])
    assert m.proj_out.weight.data_ptr() == m.model.decoder.embed_tokens.weight.data_ptr()
    gc = m.generation_config
    assert (gc.no_timestamps_token_id, gc.is_multilingual, gc.decoder_start_token_id) == (50362, False, 50257)

def test_converted_whisper_transcribes_and_timestamps(media, tmp_path, whisper_quiet):
    from transformers import pipeline
    asr = pipeline('automatic-speech-recognition', model='openai/whisper-tiny.en')
    x = load_audio(synthesize_speech(SENTENCES[2], tmp_path/'s.wav'))
    out = asr({'raw': x, 'sampling_rate': 16_000}, return_timestamps=True)
    assert word_error_rate([SENTENCES[2]], [out['text']]) <= 0.25, out['text']
    assert out['chunks'] and out['chunks'][0]['timestamp'][0] == 0.0

def test_media_standins_are_recorded_and_labelled(media):
    from huggingface_hub import ModelCard, hf_hub_download
    assert media['key'] == media_build_key() and sorted(media['repos']) == sorted(s.repo_id for s in MEDIA_STANDINS)
    assert media['metrics']['vit']['held_out_accuracy'] >= 0.85
    for s in MEDIA_STANDINS:
        card = ModelCard.load(hf_hub_download(s.repo_id, 'README.md'))
        assert 'hfguide-standin' in card.data.tags and f'stand-in for `{s.repo_id}`' in card.text
    from transformers import AutoConfig
    assert AutoConfig.from_pretrained('google/vit-base-patch16-224', revision='3f49326').model_type == 'vit'

def test_media_build_is_bounded_by_its_timeout(tmp_path, monkeypatch):
    import time
    from hfguide.media_standins import media_standins_record
    monkeypatch.setenv('HFGUIDE_HOME', str(tmp_path))
    t0 = time.time()
    with pytest.raises(TimeoutError, match='was stopped'): ensure_media_standins(verbose=False, timeout=2)
    assert time.time() - t0 < 30 and media_standins_record() is None
