/* origin.h - where the submission's code says it came from, checked
 *
 * Findings (leaks, invalid accesses, the line that makes code slow, the
 * line that allocated most) count against the submission when a stack
 * frame names one of its files. That name comes from the object's debug
 * information, which a line directive could make claim any file. These
 * checks make the claim the object's own, whatever the spelling of
 * the directive: build.c refuses the directive in the source and in the
 * preprocessor's record of file changes (a marker to another name that no
 * #include made), and this reads the line table of the object built.
 */
#ifndef ORIGIN_H
#define ORIGIN_H

#include <stddef.h>

/* The line table of object obj (readelf's decoded lines): every file it
 * names must be one of own (the submission's files, NULL-terminated), a
 * course header (course/...) or a system header (/usr/...). Returns NULL,
 * or why not (the caller frees); *machine is set when readelf could not
 * be run (the machine's fault). */
char *origin_line_table(const char *obj, const char *const *own, int *machine);

#endif
