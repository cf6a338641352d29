"""Write nbs/data/chat.jsonl: 50 short chat turns ("Which library should I use to ...?" -> "Library: X. Why: ...").

Standard library only: python tools/make_chat.py [--out FOLDER] (default nbs/data next to this script). Output is byte-identical on every run."""
import argparse, json
from pathlib import Path
# (task phrasing A, phrasing B, library, reason)
T = [
 ("load a pretrained model and its tokenizer", "get a model and tokenizer from the Hub", "transformers", "its Auto classes build the right architecture from the config."),
 ("download a dataset and map a tokenizer over it", "prepare a dataset in batches", "datasets", "it memory-maps Arrow tables and runs map() in batches."),
 ("fine-tune only a small adapter instead of all weights", "train LoRA adapters", "peft", "LoRA trains low-rank updates, about 1% of the weights."),
 ("run the same training loop on several GPUs", "scale a PyTorch loop to many devices", "accelerate", "Accelerator wraps the model, optimizer and data loaders for you."),
 ("store weights safely without pickle", "save tensors in a safe file format", "safetensors", "it stores raw tensors, so loading runs no code."),
 ("upload a model to the Hub", "push files to a Hub repository", "huggingface_hub", "HfApi uploads files and creates repos and commits."),
 ("train a fast tokenizer on my own corpus", "build a BPE vocabulary", "tokenizers", "it is written in Rust and trains on millions of lines quickly."),
 ("load a model in 4-bit to save memory", "quantize a large model with NF4", "bitsandbytes", "BitsAndBytesConfig packs weights into 4-bit NormalFloat."),
 ("fine-tune a chat model on conversations", "do supervised fine-tuning on chat data", "trl", "SFTTrainer applies the chat template and trains on the answers."),
 ("build a quick web demo for a model", "share an interactive demo in the browser", "gradio", "a few lines turn a function into a web app."),
 ("compute accuracy and F1 for my predictions", "score predictions against labels", "evaluate", "it loads standard metrics with one call."),
 ("turn text into sentence embeddings", "find similar sentences by meaning", "sentence-transformers", "it pools token vectors into one embedding per sentence."),
 ("export a model to ONNX for fast CPU inference", "serve a model with ONNX Runtime", "onnxruntime", "it runs exported graphs with fused kernels and int8 quantization."),
 ("compare attention kernels in PyTorch", "use fused scaled dot-product attention", "torch", "scaled_dot_product_attention picks a flash or fused kernel."),
 ("run a model on a tiny device in int8", "quantize weights with optimum-quanto", "optimum-quanto", "it quantizes Linear layers to int8 or int4 weights."),
 ("build an agent that calls tools", "let a language model use Python tools", "smolagents", "its agents plan, call tools and read the results."),
 ("track training metrics locally", "log and plot my training runs offline", "trackio", "it logs to a local SQLite file and serves a dashboard."),
 ("transcribe speech to text", "turn an audio file into text", "transformers", "the automatic-speech-recognition pipeline runs Whisper-style models."),
 ("split a long dataset into train and test", "hold out a test set from my data", "datasets", "Dataset.train_test_split makes a seeded split."),
 ("merge a LoRA adapter into the base model", "fold adapter weights into the model", "peft", "merge_and_unload adds the low-rank update to each weight."),
 ("load only part of a huge checkpoint", "read one tensor without loading the whole file", "safetensors", "safe_open reads tensors lazily by name."),
 ("cache models for offline use", "work without internet after one download", "huggingface_hub", "snapshot_download fills the cache and HF_HUB_OFFLINE=1 reads it."),
 ("generate text with a small chat model", "chat with a language model", "transformers", "apply_chat_template formats the messages and generate() answers."),
 ("mix precision during training to save memory", "train in bf16 on a GPU", "accelerate", "mixed_precision='bf16' casts the forward pass for you."),
 ("build a Streamlit dashboard for predictions", "make a data app around a classifier", "streamlit", "it reruns your script on every widget change."),
]
rows = []
for i, (a, b, lib, why) in enumerate(T):
    for j, q in enumerate((a, b)):
        rows.append(dict(id=f"c{2*i+j+1:03d}", group=f"t{i+1:02d}", messages=[
            dict(role="user", content=f"Which library should I use to {q}?"),
            dict(role="assistant", content=f"Library: {lib}. Why: {why}")]))
ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--out', type=Path, default=Path(__file__).resolve().parents[1]/'nbs'/'data', help='folder to write chat.jsonl into')
out = ap.parse_args().out/'chat.jsonl'
with open(out, 'w', encoding='utf-8') as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(rows), "conversations written to", out)
