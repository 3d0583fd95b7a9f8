# Keras Two Ways. Quick start: `make lab` (JupyterLab on the course), `make test` (every test).
# Every target first makes sure .venv holds the pinned requirements (see course/bootstrap.py):
# the first run installs them, later runs skip the install until requirements.txt changes.

PYTHON ?= python3
BOOTSTRAP = $(PYTHON) -m course.bootstrap
# BACKEND=jax|torch|tensorflow runs the course on that Keras backend (torch: `make torch` first)
ifdef BACKEND
export KERAS_BACKEND := $(BACKEND)
endif

.PHONY: help lab test torch lessons outputs evidence release site bench heldout pictures install clean

help:
	@echo "make lab        start JupyterLab on the course (ARGS='--no-browser' to pass options; BACKEND=jax or torch)"
	@echo "make test       run the whole test suite (ARGS='solutions/01_two_ways.ipynb' for one notebook)"
	@echo "make torch      add the PyTorch backend (CPU wheel, ~1 GB) to .venv: then make lab BACKEND=torch"
	@echo "make lessons    regenerate lessons/ from solutions/"
	@echo "make outputs    re-execute solutions to refresh their stored outputs (NB=01_two_ways.ipynb for one)"
	@echo "make evidence   re-run the studies behind the lessons' numbers, write their tables (ARGS='--check --cheap')"
	@echo "make release    write the learner bundle (no answers) to DIR, e.g. make release DIR=../keras-two-ways-lessons"
	@echo "                (ARGS='--repository https://github.com/OWNER/NAME': Colab and Kaggle links, install cells)"
	@echo "make site       build the course website into _site/ (ARGS='--repository URL --jupyterhub URL')"
	@echo "make bench      measure the suite, every notebook, the widgets and the grader (~25 min; one table)"
	@echo "make heldout    grade the held-out wrong answers with the course grader (~8 min; issue #13's measure)"
	@echo "make pictures   remake the README's pictures in .github/readme/ (needs chromium)"
	@echo "make clean      remove .venv and generated files"

lab:
	$(BOOTSTRAP) lab $(ARGS)

test:
	$(BOOTSTRAP) test $(ARGS)

torch:
	$(BOOTSTRAP) run -m pip install --quiet -r requirements-torch.txt

lessons:
	$(BOOTSTRAP) run -m course build

outputs:
	$(BOOTSTRAP) run -m course refresh $(NB)
	$(BOOTSTRAP) run -m course build

evidence:
	$(BOOTSTRAP) run -m course evidence $(ARGS)

release:
	$(BOOTSTRAP) run -m course release $(DIR) $(ARGS)

site:
	$(BOOTSTRAP) run -m course site $(ARGS)

bench:
	$(BOOTSTRAP) run -m course bench $(ARGS)

heldout:
	$(BOOTSTRAP) run -m course heldout $(ARGS)

pictures:
	$(BOOTSTRAP) run -m course pictures

install:
	$(BOOTSTRAP) install

clean:
	rm -rf .venv *.egg-info test-artifacts _site jupyter_execute
