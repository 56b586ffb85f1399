/* escape.h - every escaping rule of every report format, in one place
 *
 * Whatever a submission printed or the compiler said about it reaches a
 * report only through these functions. Each writes s (NULL writes nothing,
 * except json_string) so that the format's reader sees text, never markup,
 * a command or a control sequence. Bytes that are not valid UTF-8 (stray
 * bytes, overlong forms, surrogates) are never copied through as they are.
 */
#ifndef ESCAPE_H
#define ESCAPE_H

#include <stdio.h>

/* Writes s as a JSON string literal, quotes included; NULL as null.
 * Control characters and invalid UTF-8 bytes are escaped (\u00XX), so any
 * bytes a submission printed make valid JSON. The literal is also a valid
 * YAML double-quoted scalar (TAP's diagnostics use it so). */
void json_string(FILE *out, const char *s);

/* Writes s with &, <, >, " and ' escaped for XML and HTML text and
 * attributes; control characters other than tab and newline, which XML
 * 1.0 cannot hold, C1 controls, U+FFFE, U+FFFF and invalid UTF-8 become
 * U+FFFD. */
void xml_text(FILE *out, const char *s);

/* As xml_text, and tab and newline as character references, which an
 * attribute value keeps (a parser turns raw ones into spaces). */
void xml_attr(FILE *out, const char *s);

/* Writes s for a terminal: escape sequences and other control characters a
 * submission printed are shown as ^[ etc., so they cannot restyle the
 * report or move the cursor; C1 controls and invalid UTF-8 become U+FFFD. */
void term_text(FILE *out, const char *s);

/* Writes s as the message of a GitHub Actions workflow command (after the
 * second ::), by GitHub's rules: % as %25, CR as %0D, LF as %0A, so the
 * command stays on one line and nothing in s can start another command.
 * Other control characters are shown as ^[ etc., tabs as spaces. */
void workflow_data(FILE *out, const char *s);

/* As workflow_data, for a property value (file=, title=): also : as %3A
 * and , as %2C. */
void workflow_property(FILE *out, const char *s);

/* Writes s as inline Markdown text (GitHub's flavour, e.g. a table cell):
 * &, < and > as entities so no HTML gets through, Markdown's inline
 * punctuation and | backslash-escaped, newlines as <br>. */
void markdown_text(FILE *out, const char *s);

/* Writes s as a TAP test description: on one line, with # and \ escaped
 * so that s cannot add a SKIP or TODO directive. */
void tap_text(FILE *out, const char *s);

/* Writes s as one CSV field (RFC 4180): quoted when it holds a comma, a
 * quote, CR or LF or has spaces at either end, with quotes doubled. A
 * field that begins with =, +, -, @, tab or CR is quoted with a ' put in
 * front, so spreadsheets read it as text and not as a formula. */
void csv_field(FILE *out, const char *s);

#endif
