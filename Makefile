# Two commands on a fresh machine: `make run` (set up, then brief the bundled example) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WHEELS := $(HOME)/.cache/newsbrief/wheels
LLAMA := llama-cpp-python==0.3.36
# Portable x86-64 kernels (AVX2/FMA/F16C) and no AMX: the natively tuned build segfaults here.
LLAMA_CMAKE := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF \
	-DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
export HF_HUB_OFFLINE := 1

.PHONY: run test bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: the CPU build on this machine's disk (see pyproject.toml)
	$(BIN)/pip install --quiet torch==2.13.0
	# llama-cpp-python compiles for ~5-8 minutes the first time on a machine; the wheel is kept
	ls $(WHEELS)/llama_cpp_python-0.3.36-*.whl >/dev/null 2>&1 || \
		CMAKE_ARGS="$(LLAMA_CMAKE)" $(BIN)/pip wheel --quiet --no-cache-dir --no-deps -w $(WHEELS) $(LLAMA)
	$(BIN)/pip install --quiet --find-links $(WHEELS) -e '.[dev]'
	touch $@

install: $(STAMP)

run: $(STAMP)
	$(BIN)/newsbrief summarize examples/ferry/*

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/extractive.py

clean:
	rm -rf $(VENV) *.egg-info
