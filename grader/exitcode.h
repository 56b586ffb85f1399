/* exitcode.h - the grader's exit codes, one meaning each */
#ifndef EXITCODE_H
#define EXITCODE_H

enum exit_code {
	EXIT_PASSED = 0,   /* every check passed */
	EXIT_FAILED = 1,   /* some check failed */
	EXIT_USAGE = 2,    /* bad command line or a spec that does not lint */
	EXIT_INTERNAL = 3  /* the grader itself could not work */
};

#endif
