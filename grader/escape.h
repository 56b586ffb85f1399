/* escape.h - every escaping rule of every report format, in one place */
#ifndef ESCAPE_H
#define ESCAPE_H

#include <stdio.h>

/* Writes s as a JSON string literal, quotes included; NULL as null.
 * Control characters and invalid UTF-8 bytes are escaped (\u00XX), so any
 * bytes a submission printed make valid JSON. */
void json_string(FILE *out, const char *s);

/* Writes s with &, <, >, " and ' escaped for XML and HTML text and
 * attributes; control characters other than tab and newline, which XML
 * 1.0 cannot hold, become U+FFFD. */
void xml_text(FILE *out, const char *s);

/* Writes s for a terminal: escape sequences and other control characters a
 * submission printed are shown as ^[ etc., so they cannot restyle the
 * report or move the cursor. */
void term_text(FILE *out, const char *s);

#endif
