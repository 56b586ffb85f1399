# Makefile - build the grader, grade a topic, test the project
#
#   make help            every target, one line each
#   make grade TOPIC=03 [EXERCISE=name] [SUBMISSION=dir] [FORMAT=text|json|...] [OUT=file] [FORCE=1]
#   make test            the project's own tests (unit, end to end, course)
#   make check-course    every topic: references full marks, stubs 0, wrong variants rejected
#   make lint [SPEC=file]
#   make release OUT=dir the students' repository: no solutions, variants or private tests
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
EXERCISE   ?=

# The layers: steps and model at grader/, the subcommands in cmd/, one
# writer per format in report/, reading valgrind's tools in valgrind/.
LAYERS   := grader grader/cmd grader/report grader/valgrind
SRCS     := $(filter-out grader/cmd/main.c,$(foreach d,$(LAYERS),$(wildcard $(d)/*.c)))
OBJS     := $(SRCS:grader/%.c=$(BUILD)/obj/%.o)
TEST_SRCS := $(wildcard grader/tests/*.c)
TEST_OBJS := $(TEST_SRCS:grader/tests/%.c=$(BUILD)/obj/tests/%.o)

GRADER   := $(BUILD)/grader
UNIT     := $(BUILD)/unit-tests

.PHONY: all help deps grade test unit e2e check-course lint bench clean
all: $(GRADER)

help:
	@echo 'make grade TOPIC=03        grade your work on a topic (TOPIC=3, 03, 03_time_complexity or time)'
	@echo '  EXERCISE=has_duplicates  only that exercise; SUBMISSION=dir another folder'
	@echo '  FORMAT=json OUT=file     another report format (text json junit gradescope tap github html)'
	@echo '  FORCE=1                  grade afresh, not from the cache'
	@echo 'make grade                 list the topics'
	@echo '  (inside exercises/NN_topic/, make grade grades that topic)'
	@echo 'make test                  the project'"'"'s own tests: unit, end to end, and the course check'
	@echo 'make unit                  the grader'"'"'s unit tests (Criterion)'
	@echo 'make e2e                   the end-to-end tests (grader/t/)'
	@echo 'make check-course [TOPIC=] references score full marks, stubs 0, wrong variants fail'
	@echo 'make lint [SPEC=file]      check the specs without running code'
	@echo 'make batch TOPIC= SUBMISSIONS=dir CSV=file   grade every student folder of dir'
	@echo 'make new-exercise TOPIC= EXERCISE=   the skeleton of a new exercise'
	@echo 'make bench                 grading speed on topics 03-05'
	@echo 'make bench-fit             how often the growth fit names the right class'
	@echo 'make fuzz                  fuzz the parsers (clang)'
	@echo 'make deps                  install (as root) or name the missing Debian packages'
	@echo 'make clean                 remove build/'

deps:
	@sh grader/deps.sh

$(BUILD)/.deps-ok: grader/deps.sh
	@sh grader/deps.sh
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/obj/%.o: grader/%.c | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(GRADER): $(BUILD)/obj/cmd/main.o $(OBJS)
	$(CC) $(LDFLAGS) $^ -o $@ $(LIBS)

$(UNIT): $(TEST_OBJS) $(OBJS)
	$(CC) $(LDFLAGS) $^ -o $@ $(LIBS) -lcriterion

grade: $(GRADER)
ifeq ($(TOPIC),)
	@$(GRADER) grade --list-topics
else
	@$(GRADER) grade --topic "$(TOPIC)" $(if $(EXERCISE),--exercise "$(EXERCISE)") \
		$(if $(SUBMISSION),--submission "$(SUBMISSION)") \
		--format $(FORMAT) $(if $(OUT),--output "$(OUT)") $(if $(FORCE),--force)
endif

lint: $(GRADER)
	@$(GRADER) lint $(if $(SPEC),$(SPEC),specs/*.yaml)

check-course: $(GRADER)
	@$(GRADER) check $(if $(TOPIC),--topic $(TOPIC))

unit: $(UNIT)
	@cd grader/tests && ../../$(UNIT) --jobs 2

$(BUILD)/.test-deps-ok: grader/deps.sh
	@sh grader/deps.sh test
	@mkdir -p $(BUILD) && touch $@

e2e: $(GRADER) $(BUILD)/.test-deps-ok
	@sh grader/t/run.sh

test: unit e2e check-course

# Grading speed: the reference solutions of topics 03-05, every check run
# afresh, then again with nothing changed (the cache). Prints figures.
BENCH_TOPICS ?= 03 04 05
bench: $(GRADER)
	@sh grader/bench.sh $(GRADER) $(BENCH_TOPICS)

clean:
	rm -rf $(BUILD)

-include $(OBJS:.o=.d) $(TEST_OBJS:.o=.d) $(BUILD)/obj/cmd/main.d

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

# make new-exercise TOPIC=NN_name EXERCISE=name: the skeleton of a new
# exercise (grader new): spec entry, header, tests, bench, stub, reference.
EXERCISE ?=

new-exercise: $(GRADER)
	@$(GRADER) new $(TOPIC) $(EXERCISE)

# make calibrate TOPIC=NN EXERCISE=name: measure the exercise's reference
# and known-wrong variants, and propose its budgets, ladder and timeout.
calibrate: $(GRADER)
	@$(GRADER) calibrate $(if $(TOPIC),--topic $(TOPIC)) $(if $(EXERCISE),--exercise $(EXERCISE))

.PHONY: new-exercise calibrate

# make fuzz [FUZZ_SECONDS=30] [FUZZ_TARGETS='spec expr']: libFuzzer with
# address and undefined-behaviour sanitizers on the parsers of untrusted
# text (docs/fuzzing.md). Seeds in grader/fuzz/corpus/<target>/; what the
# fuzzer finds goes to $(BUILD)/fuzz/corpus/<target>/, crashes to
# $(BUILD)/fuzz/crash-<target>-*. Needs clang with its fuzzer runtime.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 30
FUZZ_TARGETS ?= spec expr massif memcheck tests
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  := -std=c11 -g -O1 -D_GNU_SOURCE -MMD -MP -Igrader $(FUZZ_SAN)
FUZZ_OBJS    := $(SRCS:grader/%.c=$(BUILD)/fuzz/obj/%.o)
FUZZ_LIB     := $(BUILD)/fuzz/libgrader.a

$(BUILD)/fuzz/obj/%.o: grader/%.c | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

# An archive: each target links only the modules it uses.
$(FUZZ_LIB): $(FUZZ_OBJS)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/fuzz/fuzz_%: grader/fuzz/fuzz_%.c $(FUZZ_LIB)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ -o $@ $(LIBS)

fuzz: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(BUILD)/fuzz/corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		$(BUILD)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=$(BUILD)/fuzz/crash-$$t- \
			$(BUILD)/fuzz/corpus/$$t grader/fuzz/corpus/$$t \
			>$(BUILD)/fuzz/$$t.log 2>&1 || { tail -60 $(BUILD)/fuzz/$$t.log; \
			echo "fuzz: $$t FAILED: see $(BUILD)/fuzz/$$t.log and $(BUILD)/fuzz/crash-$$t-*"; exit 1; }; \
		grep -E '^stat::number_of_executed_units|^Done' $(BUILD)/fuzz/$$t.log | tr '\n' ' '; echo; \
	done

.PHONY: fuzz
.SECONDARY: $(FUZZ_OBJS)

-include $(FUZZ_OBJS:.o=.d)

# make batch TOPIC=03 SUBMISSIONS=dir CSV=grades.csv [REPORTS=dir] [JOBS=n]
#            [HTML=class.html] [SUMMARY=class.json] [FORCE=1]:
# grade every student folder of dir (grader batch), one CSV row each;
# reports in REPORTS (default: reports/ next to the CSV); HTML the class
# page, SUMMARY its figures as JSON. A rerun grades only the submissions
# that changed (FORCE=1: all of them). Arguments are checked first.
SUBMISSIONS ?=
CSV         ?=
REPORTS     ?=
JOBS        ?=
HTML        ?=
SUMMARY     ?=

batch: $(GRADER)
	@$(GRADER) batch $(if $(TOPIC),--topic $(TOPIC)) --submissions "$(SUBMISSIONS)" --csv "$(CSV)" \
		$(if $(REPORTS),--reports "$(REPORTS)") $(if $(JOBS),--jobs $(JOBS)) \
		$(if $(HTML),--html "$(HTML)") $(if $(SUMMARY),--summary "$(SUMMARY)") $(if $(FORCE),--force)

.PHONY: batch

# make release OUT=dir: the students' repository, written from the course by
# grader release (grader/cmd/cmd_release.c): exercises, public tests,
# headers, drivers, the grader, the students' Makefile and README
# (ci/release/), the feedback and official workflows; never solutions/,
# variants or private tests. COURSE_REF (default: this checkout's commit)
# is written to dir/COURSE_REF.
COURSE_REF ?= $(shell git describe --always --dirty --abbrev=12 2>/dev/null)

release: $(GRADER)
	@test -n "$(OUT)" || { echo "usage: make release OUT=dir" >&2; exit 2; }
	@$(GRADER) release --out "$(OUT)" $(if $(COURSE_REF),--ref "$(COURSE_REF)")

.PHONY: release
