# Two commands on a fresh machine: `make run` (set up, then brief the bundled example) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
LLAMA := llama-cpp-python==0.3.36
# llama.cpp kernels chosen explicitly, never AMX: the natively tuned build (-march=native) uses AMX
# tiles, which segfault on these machines. AVX-512 with VNNI where the CPU has it (prompt reading
# 73 -> 105 tokens/s on 2 cores), else portable AVX2.
LLAMA_VARIANT := $(shell grep -q avx512_vnni /proc/cpuinfo 2>/dev/null && echo avx512 || echo avx2)
LLAMA_CMAKE_avx2 := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF \
	-DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
LLAMA_CMAKE_avx512 := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=ON \
	-DGGML_AVX512_VNNI=ON -DGGML_AVX_VNNI=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
WHEELS := $(HOME)/.cache/newsbrief/wheels/$(LLAMA_VARIANT)
export HF_HUB_OFFLINE := 1

.PHONY: run test bench install install-dev fast-llm clean chromium

# What `make run` needs: the service, the CLI and the models. llama.cpp comes prebuilt (xllamacpp),
# so nothing is compiled.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: the CPU build on this machine's disk (see pyproject.toml)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .
	touch $@

# The evaluation harness (ROUGE, LexRank, Ray, plots) and the test tools, for `make test` and the nightly job.
$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

install-dev: $(DEV_STAMP)

# Opt-in: compile llama-cpp-python once per machine (~8-15 minutes on 2 cores; the wheel is kept),
# then run with NEWSBRIEF_GENERATOR=qwen-1.5b-llama-cpp-python. Worth it only where the CPU has
# AVX-512 VNNI; with AVX2 the prebuilt engine is faster (README, "Speed").
fast-llm: $(STAMP)
	ls $(WHEELS)/llama_cpp_python-0.3.36-*.whl >/dev/null 2>&1 || \
		CMAKE_ARGS="$(LLAMA_CMAKE_$(LLAMA_VARIANT))" $(BIN)/pip wheel --quiet --no-cache-dir --no-deps -w $(WHEELS) $(LLAMA)
	$(BIN)/pip install --quiet --find-links $(WHEELS) $(LLAMA)

run: $(STAMP)
	$(BIN)/newsbrief summarize examples/ferry/*

# The web page and the eval report are tested in Debian's Chromium (Playwright never downloads a browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: $(DEV_STAMP) chromium
	$(BIN)/python -m pytest

bench: $(DEV_STAMP)
	$(BIN)/python bench/extractive.py

clean:
	rm -rf $(VENV) *.egg-info
