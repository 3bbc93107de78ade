# iro - the Independent Reviewing Officer service system.
#
#   make            build ./iro (build/iro)
#   make test       build and run every test; ends with the runner's summary
#   make check-asan the same tests under AddressSanitizer + UBSan
#   make demo       install what the build needs, make a demo service, show it
#   make fuzz       run each fuzz target for 5 minutes (clang's libFuzzer)
#   make bench      benchmarks (see docs/performance.md)
#   make deps       install the Debian packages the build needs
#
# Layers (design.md §1): src/core is pure (libc only) and is linked alone
# into the unit tests, which proves it does no I/O and needs no library.

BUILD    ?= build
CC       ?= cc
PKGS     := sqlite3 jansson xlsxwriter libmicrohttpd libsodium expat
SANITIZE ?=
V        ?=
Q        := $(if $(V),,@)

WARN     := -Wall -Wextra -Werror -Wformat=2 -Wvla -Wshadow \
            -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith
CSTD     := -std=c17 -D_POSIX_C_SOURCE=200809L
ifeq ($(SANITIZE),1)
OPT      := -O1 -g -fno-omit-frame-pointer \
            -fsanitize=address,undefined -fno-sanitize-recover=all
LDSAN    := -fsanitize=address,undefined
else
OPT      := -O2 -g -D_FORTIFY_SOURCE=2 -fstack-protector-strong
LDSAN    :=
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lsqlite3 -ljansson -lxlsxwriter -lz -lmicrohttpd -lsodium -lexpat)

CFLAGS   += $(CSTD) $(WARN) $(OPT) -Isrc -I$(BUILD)/gen $(PKG_CFLAGS) -MMD -MP
LDFLAGS  += $(LDSAN)
LDLIBS   += $(PKG_LIBS) -lcsv -lm -pthread

LIB_SRC   := $(wildcard src/lib/*.c)
CORE_SRC  := $(wildcard src/core/*.c)
STORE_SRC := $(wildcard src/store/*.c)
IO_SRC    := $(wildcard src/io/*.c)
WEB_SRC   := $(wildcard src/web/*.c)
CLI_SRC   := $(wildcard src/cli/*.c)
SCHEMA    := $(sort $(wildcard src/store/schema/*.sql))
GEN_SRC   := $(BUILD)/gen/schema_sql.c $(BUILD)/gen/web_assets.c

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
LIB_OBJ   := $(call obj,$(LIB_SRC))
CORE_OBJ  := $(call obj,$(CORE_SRC))
STORE_OBJ := $(call obj,$(STORE_SRC)) $(BUILD)/obj/gen/schema_sql.o
IO_OBJ    := $(call obj,$(IO_SRC))
WEB_OBJ   := $(call obj,$(WEB_SRC)) $(BUILD)/obj/gen/web_assets.o
CLI_OBJ   := $(call obj,$(CLI_SRC))
APP_OBJ   := $(LIB_OBJ) $(CORE_OBJ) $(STORE_OBJ) $(IO_OBJ) $(WEB_OBJ)

UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

.PHONY: all iro test check check-asan demo bench deps clean fuzz
all: $(BUILD)/iro
iro: $(BUILD)/iro

$(BUILD)/iro: $(CLI_OBJ) $(APP_OBJ)
	@echo "  LINK  $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC    $<")
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC    $<")
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

# The schema migrations are .sql files compiled into the binary.
$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CSTD) $(WARN) -O1 -o $@ $<

$(BUILD)/gen/schema_sql.c: $(BUILD)/tools/embed $(SCHEMA)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  GEN   $@")
	$(Q)$(BUILD)/tools/embed store_migrations $(SCHEMA) > $@.tmp && mv $@.tmp $@

# The web pages' assets: GOV.UK Frontend from npm (pinned by
# package-lock.json; `npm ci` at build time, no Node at run time) with its
# GDS Transport font swapped for the system's, and iro's own CSS and JS,
# compiled into the binary under versioned names (landscape.md §3).
GOVUK_VER  := $(shell sed -n 's/.*"govuk-frontend": "\([0-9.]*\)".*/\1/p' package.json)
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk
SYSFONT    := system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif
WEB_ASSETS := src/web/assets/iro.css src/web/assets/iro.js
ASSET_VER   = $(shell cat $(WEB_ASSETS) package-lock.json | sha256sum | cut -c1-10)

$(GOVUK_DIST)/govuk-frontend.min.css: package-lock.json
	@echo "  NPM   ci (govuk-frontend $(GOVUK_VER))"
	$(Q)PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	$(Q)touch $@

$(BUILD)/gen/web_assets.c: $(BUILD)/tools/embed $(GOVUK_DIST)/govuk-frontend.min.css $(WEB_ASSETS) package.json
	@mkdir -p $(BUILD)/assets $(BUILD)/gen
	@$(if $(V),,echo "  GEN   $@")
	$(Q)rm -f $(BUILD)/assets/*
	$(Q)sed -e 's/@font-face{[^}]*}//g' -e 's/GDS Transport,arial,sans-serif/$(SYSFONT)/g' \
		-e 's/font-family:GDS Transport/font-family:$(SYSFONT)/g' \
		-e 's|/\*# sourceMappingURL=[^*]*\*/||' \
		$(GOVUK_DIST)/govuk-frontend.min.css > $(BUILD)/assets/govuk-frontend-$(GOVUK_VER).min.css
	$(Q)sed -e 's|//# sourceMappingURL=.*||' $(GOVUK_DIST)/govuk-frontend.min.js \
		> $(BUILD)/assets/govuk-frontend-$(GOVUK_VER).min.js
	$(Q)cp src/web/assets/iro.css $(BUILD)/assets/iro-$(ASSET_VER).css
	$(Q)sed -e 's|@GOVUK_JS@|govuk-frontend-$(GOVUK_VER).min.js|' src/web/assets/iro.js \
		> $(BUILD)/assets/iro-$(ASSET_VER).js
	$(Q)$(BUILD)/tools/embed web_assets $(BUILD)/assets/* > $@.tmp
	$(Q)printf 'const char ASSET_GOVUK_CSS[] = "/assets/govuk-frontend-%s.min.css";\nconst char ASSET_GOVUK_JS[] = "/assets/govuk-frontend-%s.min.js";\nconst char ASSET_IRO_CSS[] = "/assets/iro-%s.css";\nconst char ASSET_IRO_JS[] = "/assets/iro-%s.js";\n' \
		$(GOVUK_VER) $(GOVUK_VER) $(ASSET_VER) $(ASSET_VER) >> $@.tmp
	$(Q)mv $@.tmp $@

# Unit tests: the core alone (plus src/lib), with cmocka.
$(BUILD)/tests/test_%: tests/unit/test_%.c $(CORE_OBJ) $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  TEST  $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ -lcmocka -lm

# Fuzzing (design.md): libFuzzer targets over the SSDA903 readers, built
# with clang and its sanitizers. `make test` runs each for FUZZ_SECONDS
# (10) from its corpus; `make fuzz` for 300 seconds each. Under
# SANITIZE=1 the unit and script tests carry the sanitizers instead.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 10
FUZZ_NAMES   := fuzz_903_csv fuzz_903_xml
FUZZ_SRC     := $(CORE_SRC) $(LIB_SRC) src/io/csv_in.c src/io/v903_files.c src/io/v903_xml.c
FUZZ_BIN     := $(if $(filter 1,$(SANITIZE)),,$(patsubst %,$(BUILD)/fuzz/%,$(FUZZ_NAMES)))

$(BUILD)/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_SRC)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  FUZZ  $@")
	$(Q)$(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		$(CSTD) -Isrc -o $@ $^ -lcsv -lexpat -lm

test: $(BUILD)/iro $(UNIT_BIN) $(FUZZ_BIN)
	@IRO=$(BUILD)/iro UNIT_DIR=$(BUILD)/tests FUZZ_DIR=$(if $(FUZZ_BIN),$(BUILD)/fuzz) \
		FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/run.sh

fuzz: $(FUZZ_BIN)
	@FUZZ_DIR=$(BUILD)/fuzz FUZZ_SECONDS=300 sh tests/fuzz/t_fuzz.sh

check: test

check-asan:
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=1 test

deps:
	@sh scripts/install-deps.sh

demo: deps
	@$(MAKE) --no-print-directory -s all
	@sh scripts/demo.sh $(BUILD)/iro

bench: $(BUILD)/iro
	@sh bench/bench_import.sh $(BUILD)/iro
	@sh bench/bench_903.sh $(BUILD)/iro
	@sh bench/bench_worklist.sh $(BUILD)/iro
	@sh bench/bench_report.sh $(BUILD)/iro
	@sh bench/bench_web.sh $(BUILD)/iro

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
