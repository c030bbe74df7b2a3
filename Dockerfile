# newsbrief: the REST service (and CLI) in a slim CPU image, models installed at build time.
#   docker build -t newsbrief .
#   docker run --rm -p 8000:8000 -v newsbrief-data:/data newsbrief             # service on :8000
#   docker run --rm -v "$PWD/examples:/in:ro" newsbrief summarize /in/ferry/01-northern-wire.txt /in/ferry/04-harbour-observer.txt
FROM python:3.11-slim AS build

ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# No compilers: llama.cpp comes as xllamacpp's prebuilt wheel with the project's dependencies.
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
# The CPU build of torch: an unpinned torch from PyPI is a multi-GB CUDA build.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0
WORKDIR /src
COPY pyproject.toml README.md ./
COPY summarizer ./summarizer
COPY models ./models
COPY api ./api
COPY eval ./eval
COPY newsbrief ./newsbrief
RUN pip install .

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    NEWSBRIEF_CACHE=/data/cache \
    NEWSBRIEF_DATABASE=/data/service.sqlite
# libgomp: OpenMP runtime that torch and llama.cpp load. Debian package versions are left to the
# base image's release (pinning them breaks the build at its next point release).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 newsbrief \
    && mkdir -p /data \
    && chown newsbrief /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=newsbrief examples ./examples
USER 10001
# Fail the build, not the first request, if a model package is broken: load the embedder and the
# parser, and join + verify the generation model's chunks (into /data/cache, a volume in production).
RUN python -c "from models.embedder import load_embedder; load_embedder().embed(['ok'])" \
    && python -c "from models.parser import load_parser; load_parser().clauses(['It is ok.'])" \
    && python -c "from newsbrief.environment import cache_dir; from models.weights import assemble, QWEN_1_5B; assemble(QWEN_1_5B, cache_dir())"
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]
ENTRYPOINT ["newsbrief"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
