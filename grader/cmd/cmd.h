/* cmd.h - the grader's subcommands, one file each, dispatched by main.c */
#ifndef CMD_H
#define CMD_H

#include <stdio.h>

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

/* The spec of topic under root: topic is its number ("3", "03"), its
 * name ("03_time_complexity", or a folder of that name) or a part of the
 * name that only one topic has ("time"). Returns a new path, or NULL with
 * a message and the list of topics printed. */
char *topic_spec_path(const char *root, const char *topic);

/* Prints the course's topics, one a line, to out. */
void list_topics(FILE *out, const char *root);

/* --meter: sets ctx to measure every exercise with the meter named by arg
 * ("instructions" or "time"). Returns 0, or -1 with a message printed. */
struct context;
int parse_meter(const char *arg, struct context *ctx);

#endif
