# The two commands of the README: `make site` builds the site, `make test` runs every
# test. Both install what they need (Debian packages as root) and nothing else.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
PORTAL := .build/release/portal

.PHONY: site test deps release clean

## make site: install dependencies, build portal in release mode, write Public/.
site: release
	$(PORTAL) build

## make test: every test (unit, fixture and whole-site tests).
test: deps
	swift build --build-tests
	swift test

release: deps
	swift build -c release --product portal

## Debian packages that are missing are installed (needs root, as on CI and a fresh machine).
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

clean:
	rm -rf .build Public
