/* cmd.h - the grader's subcommands, one file each, dispatched by main.c */
#ifndef CMD_H
#define CMD_H

/* Each takes its own argv (argv[0] is the subcommand's name) and returns
 * the process's exit code (exitcode.h). */
int cmd_grade(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_fitbench(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_calibrate(int argc, char **argv);
int cmd_release(int argc, char **argv);

/* The course root: --root, else $GRADER_ROOT, else the folder above the
 * one holding the grader's binary (build/grader lives in the course). */
char *course_root(const char *given);

/* The spec of topic (e.g. "03" or "03_time_complexity") under root:
 * specs/<topic>*.yaml. Returns a new path, or NULL with a message printed. */
char *topic_spec_path(const char *root, const char *topic);

#endif
