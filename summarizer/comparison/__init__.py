"""Comparison: where the sources differ (figures given differently, disputed claims)."""
