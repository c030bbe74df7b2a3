"""Content: which facts the brief carries (clusters of sentences that say the same thing, the
selection of the whole brief at once) and the sentences that carry them, cited."""
