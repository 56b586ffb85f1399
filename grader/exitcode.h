/* exitcode.h - the grader's exit codes, one meaning each */
#ifndef EXITCODE_H
#define EXITCODE_H

enum exit_code {
	EXIT_PASSED = 0,   /* every check passed */
	EXIT_FAILED = 1,   /* some check failed */
	EXIT_USAGE = 2,    /* bad command line or a spec that does not lint */
	EXIT_COURSE = 2,   /* the course's own files are broken (a test file or
			    * driver that does not compile): like a bad spec */
	EXIT_INTERNAL = 3  /* the grader itself, or the machine, could not work
			    * (valgrind missing, a file not creatable); wins over 2 and 1 */
};

#endif
