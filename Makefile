# Makefile - build the grader, grade a topic, test the project
#
#   make grade TOPIC=03 [SUBMISSION=dir] [FORMAT=text|json|...] [OUT=file] [FORCE=1]
#   make test            the project's own tests (unit, end to end, course)
#   make check-course    every topic: references full marks, stubs 0, wrong variants rejected
#   make lint [SPEC=file]
#   make deps            install (as root) or name the missing Debian packages

CC       ?= gcc
BUILD    ?= build
SANITIZE ?=
CFLAGS   ?= -O2 -g
WARN     := -std=c11 -Wall -Wextra -pedantic -Wstrict-prototypes -Wvla \
            -Wwrite-strings -Wformat=2 -Wno-format-nonliteral
ifeq ($(CI),true)
WARN     += -Werror
endif
ifneq ($(SANITIZE),)
CFLAGS   += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS  += -fsanitize=$(SANITIZE)
endif
ALL_CFLAGS := $(WARN) $(CFLAGS) -D_GNU_SOURCE -MMD -MP -Igrader
LIBS     := -lyaml -lm -lpthread

TOPIC      ?=
SUBMISSION ?=
FORMAT     ?= text
OUT        ?=
SPEC       ?=
FORCE      ?=

SRCS     := $(filter-out grader/main.c,$(wildcard grader/*.c))
OBJS     := $(SRCS:grader/%.c=$(BUILD)/obj/%.o)
TEST_SRCS := $(wildcard grader/tests/*.c)
TEST_OBJS := $(TEST_SRCS:grader/tests/%.c=$(BUILD)/obj/tests/%.o)

GRADER   := $(BUILD)/grader
UNIT     := $(BUILD)/unit-tests

.PHONY: all deps grade test unit e2e check-course lint bench clean
all: $(GRADER)

deps:
	@sh grader/deps.sh

$(BUILD)/.deps-ok: grader/deps.sh
	@sh grader/deps.sh
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/obj/%.o: grader/%.c | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(GRADER): $(BUILD)/obj/main.o $(OBJS)
	$(CC) $(LDFLAGS) $^ -o $@ $(LIBS)

$(UNIT): $(TEST_OBJS) $(OBJS)
	$(CC) $(LDFLAGS) $^ -o $@ $(LIBS) -lcriterion

grade: $(GRADER)
	@$(GRADER) grade $(if $(TOPIC),--topic $(TOPIC)) \
		$(if $(SUBMISSION),--submission "$(SUBMISSION)") \
		--format $(FORMAT) $(if $(OUT),--output "$(OUT)") $(if $(FORCE),--force)

lint: $(GRADER)
	@$(GRADER) lint $(if $(SPEC),$(SPEC),specs/*.yaml)

check-course: $(GRADER)
	@$(GRADER) check $(if $(TOPIC),--topic $(TOPIC))

unit: $(UNIT)
	@cd grader/tests && ../../$(UNIT) --jobs 2

e2e: $(GRADER)
	@sh grader/t/run.sh

test: unit e2e check-course

# Grading speed: the reference solutions of topics 03-05, every check run
# afresh, then again with nothing changed (the cache). Prints figures.
BENCH_TOPICS ?= 03 04 05
bench: $(GRADER)
	@for t in $(BENCH_TOPICS); do \
		s=$$(ls specs/$$t*.yaml | head -1); s=$${s#specs/}; s=$${s%.yaml}; \
		echo "== topic $$s: everything afresh"; \
		start=$$(date +%s.%N); \
		$(GRADER) grade --topic $$t --submission solutions/$$s --force --timings >/dev/null; \
		awk -v a=$$start -v b=$$(date +%s.%N) 'BEGIN { printf "process wall: %.2f s\n", b - a }'; \
		echo "== topic $$s: again, nothing changed"; \
		start=$$(date +%s.%N); \
		$(GRADER) grade --topic $$t --submission solutions/$$s --timings >/dev/null; \
		awk -v a=$$start -v b=$$(date +%s.%N) 'BEGIN { printf "process wall: %.2f s\n", b - a }'; \
	done

clean:
	rm -rf $(BUILD)

-include $(OBJS:.o=.d) $(TEST_OBJS:.o=.d) $(BUILD)/obj/main.d

# make bench-fit: how often the growth fit names the right class, over the
# corpus of grader/fitbench (figures, not a pass mark; see docs/fitting.md).
#   FIT_METER=instructions|time|both  FIT_REPEAT=N  FIT_BUSY=0 (no load)
#   FIT_ARGS='--only n_sum_array,exp_hanoi --verbose --vary-seed --jobs 2'
FIT_METER  ?= both
FIT_REPEAT ?= 3
FIT_BUSY   ?= 1
FIT_ARGS   ?=

bench-fit: $(GRADER)
	@$(GRADER) fitbench --meter $(FIT_METER) --repeat $(FIT_REPEAT) \
		$(if $(filter 1,$(FIT_BUSY)),--busy) $(FIT_ARGS)
