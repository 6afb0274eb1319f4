# Two commands from a fresh clone: `make run` and `make test`. Both create .venv when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   := inventories/lutsk-2020
OUT    := out/lutsk-2020
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup run test bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "odaudit needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

# Exit 1 from odaudit means "ran and found errors" (the demo has planted mistakes): not a failure of make.
run: $(STAMP)
	@$(BIN)/odaudit campaign run $(DEMO) --out $(OUT); rc=$$?; \
	  if [ $$rc -gt 1 ]; then exit $$rc; fi; \
	  echo "Reports are in $(OUT)/ (open $(OUT)/status.html)"

# One pytest worker per core, at most 4 (pytest-xdist); a file's tests stay on one worker.
JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 4 ] && n=4; echo $$n)

test: $(STAMP)
	$(BIN)/ruff check audits flows tests bench inventories
	$(BIN)/pytest -n $(JOBS) --dist loadfile

bench: $(STAMP)
	$(BIN)/python bench/campaign.py

clean:
	rm -rf $(VENV) var out .pytest_cache .ruff_cache
