"""REST service (FastAPI). Translates HTTP to the pipeline and back; no logic of its own."""
