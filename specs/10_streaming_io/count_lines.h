/* count_lines.h - topic 10: count the lines of a file of any size */
#ifndef COUNT_LINES_H
#define COUNT_LINES_H

/* The number of lines in the file at path: one per '\n', plus one for a last
 * line that does not end in '\n' (so "" has 0 lines, "a" and "a\n" 1, "\n\n"
 * 2). Any byte value may occur, '\0' included. Returns -1 when the file
 * cannot be opened or read. The file is closed before returning.
 * Target: O(n) time for a file of n bytes, read in chunks through one fixed
 * buffer of at most 64 KiB: whatever n and however long the lines, at most
 * 64 KiB + 8 KiB of heap (room for stdio's own buffer) and 64 KiB + 16 KiB
 * of stack, all of it freed. */
long count_lines(const char *path);

#endif
