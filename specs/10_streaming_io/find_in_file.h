/* find_in_file.h - topic 10: search a file of any size through a memory map */
#ifndef FIND_IN_FILE_H
#define FIND_IN_FILE_H

/* The offset in the file at path where the bytes of needle (without its
 * '\0') first occur, or -1 when they do not occur. The file may hold any
 * byte, '\0' included. An empty needle is found at offset 0, in any file
 * that can be opened. Returns -1 as well when the file cannot be opened or
 * mapped. The file is not modified, and it is unmapped and closed before
 * returning.
 * Target: map the file with mmap(2) instead of reading it into memory;
 * O(n + m) time for a file of n bytes and a needle of m, even on a file
 * made to trip up a naive O(n*m) search; at most 8 KiB of heap for a short
 * needle however big the file, all of it freed. */
long find_in_file(const char *path, const char *needle);

#endif
