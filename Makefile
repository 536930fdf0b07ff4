# svcwork — the two commands a fresh machine needs:
#   make reports   reports for every demo client under data/clients/ (into out/), compared with their
#                  earlier rounds under data/previous/ (reported into out-previous/ first)
#   make test      the whole test suite (pytest + nbval), as CI runs it
# Both create .venv and install svcwork with its dependencies first (the notebooks run in .venv's own
# python3 kernel, the one svcwork.kernels.KERNEL names: no other kernel is registered).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.svcwork-installed
OUT    ?= out
export MPLBACKEND := Agg
# tests and nbval use a fixed, non-secret pseudonymisation key (never the user's secret file), so the
# checked notebook outputs are the committed ones
TEST_ENV := SVCWORK_KEY=test-key-not-secret
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup compiled reports test test-fast lab templates demo notebooks clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "svcwork needs Python 3.11 or later; $(PYTHON) is $$($(PYTHON) --version 2>/dev/null || echo "not found")." \
		     "Run with PYTHON=python3.11 (or a later one), e.g. make reports PYTHON=python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

# No bytecode is written (above) but svcwork's own, compiled once up front: every run starts a process
# and two kernels that import them, and compiling them there costs each about 0.15 s (Python only reads
# a cache that is current)
compiled: $(STAMP)
	$(BIN)/python -m compileall -q -j 0 svcwork

reports: compiled
	$(BIN)/svcwork batch data/previous -o $(OUT)-previous --jobs 2
	$(BIN)/svcwork batch data/clients -o $(OUT) --jobs 2 --since $(OUT)-previous

# One pytest-xdist worker per CPU; each test file goes whole to one worker (its module fixtures run once,
# a notebook's cells in order in one kernel), the longest files first (tests/conftest.py SLOWEST_FIRST).
XDIST := -n logical --dist loadscope --no-loadscope-reorder

test: compiled
	$(TEST_ENV) $(BIN)/python -m pytest tests notebooks --nbval-lax --nbval-current-env \
		--nbval-sanitize-with notebooks/nbval_sanitize.cfg -p no:cacheprovider $(XDIST)

test-fast: compiled
	$(TEST_ENV) $(BIN)/python -m pytest tests -m "not slow" -p no:cacheprovider $(XDIST)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

# Regenerate committed artefacts (tests prove they are up to date).
templates: $(STAMP)
	$(BIN)/svcwork template --lang he -o templates/intake_he.xlsx
	$(BIN)/svcwork template --lang en -o templates/intake_en.xlsx
	$(BIN)/svcwork reference -o docs/intake.md

demo: $(STAMP)
	$(BIN)/svcwork demo

notebooks: $(STAMP)
	$(TEST_ENV) $(BIN)/python -c "import svcwork.batch as b; b.refresh_notebooks()"

clean:
	rm -rf $(OUT) $(OUT)-previous .pytest_cache build *.egg-info
