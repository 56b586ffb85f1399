/* protocol.h - what the grader and its harness (runner, test hooks) agree on
 *
 * Both sides include this header: the runner and the Criterion hooks when
 * they end a run or write a record, the grader when it reads one. Change a
 * value here and both sides change with it.
 */
#ifndef GRADER_PROTOCOL_H
#define GRADER_PROTOCOL_H

/* The code under test called exit(), _exit(), abort() or the like: the
 * harness wrote an "exit HOW STATUS" record and ended the process. */
#define PROTOCOL_EXIT_ENDED 86
/* bench_alloc() or bench_calloc() could not allocate the input. */
#define PROTOCOL_EXIT_NO_INPUT 71
/* The runner could not write its record file. */
#define PROTOCOL_EXIT_NO_RECORD 74
/* The runner's time-budget alarm could not write its record. */
#define PROTOCOL_EXIT_ALARM 75
/* The runner was called with bad arguments. */
#define PROTOCOL_EXIT_USAGE 64
/* The runner could not install its system-call filter (harness/lockdown.c)
 * and did not run the submission: a fault of the machine, not the code. */
#define PROTOCOL_EXIT_LOCKDOWN 78

/* The most sizes one ladder may have: lint refuses more, the runner reads
 * no more. */
#define PROTOCOL_MAX_SIZES 64

#endif
