# iro - the Independent Reviewing Officer service system.
#
#   make            build ./iro (build/iro)
#   make test       build and run every test; ends with the runner's summary
#   make check-asan the same tests under AddressSanitizer + UBSan
#   make demo       install what the build needs, make a demo service, show it
#   make bench      benchmarks (see docs/performance.md)
#   make deps       install the Debian packages the build needs
#
# Layers (design.md §1): src/core is pure (libc only) and is linked alone
# into the unit tests, which proves it does no I/O and needs no library.

BUILD    ?= build
CC       ?= cc
PKGS     := sqlite3 jansson xlsxwriter
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
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lsqlite3 -ljansson -lxlsxwriter -lz)

CFLAGS   += $(CSTD) $(WARN) $(OPT) -Isrc -I$(BUILD)/gen $(PKG_CFLAGS) -MMD -MP
LDFLAGS  += $(LDSAN)
LDLIBS   += $(PKG_LIBS) -lcsv -lm -pthread

LIB_SRC   := $(wildcard src/lib/*.c)
CORE_SRC  := $(wildcard src/core/*.c)
STORE_SRC := $(wildcard src/store/*.c)
IO_SRC    := $(wildcard src/io/*.c)
CLI_SRC   := $(wildcard src/cli/*.c)
SCHEMA    := $(sort $(wildcard src/store/schema/*.sql))
GEN_SRC   := $(BUILD)/gen/schema_sql.c

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
LIB_OBJ   := $(call obj,$(LIB_SRC))
CORE_OBJ  := $(call obj,$(CORE_SRC))
STORE_OBJ := $(call obj,$(STORE_SRC)) $(BUILD)/obj/gen/schema_sql.o
IO_OBJ    := $(call obj,$(IO_SRC))
CLI_OBJ   := $(call obj,$(CLI_SRC))
APP_OBJ   := $(LIB_OBJ) $(CORE_OBJ) $(STORE_OBJ) $(IO_OBJ)

UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

.PHONY: all iro test check check-asan demo bench deps clean
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

$(GEN_SRC): $(BUILD)/tools/embed $(SCHEMA)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  GEN   $@")
	$(Q)$(BUILD)/tools/embed store_migrations $(SCHEMA) > $@.tmp && mv $@.tmp $@

# Unit tests: the core alone (plus src/lib), with cmocka.
$(BUILD)/tests/test_%: tests/unit/test_%.c $(CORE_OBJ) $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  TEST  $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ -lcmocka -lm

test: $(BUILD)/iro $(UNIT_BIN)
	@IRO=$(BUILD)/iro UNIT_DIR=$(BUILD)/tests sh tests/run.sh

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
	@sh bench/bench_worklist.sh $(BUILD)/iro
	@sh bench/bench_report.sh $(BUILD)/iro

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
