"""Wording: how a chosen sentence is put (abstractive fusion), and the checks that it says only
what its cited sentences say (names, numbers, quotes, hedges, loaded terms)."""
