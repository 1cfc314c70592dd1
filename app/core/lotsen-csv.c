/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-csv.c — CSV cells and header rows (RFC 4180), as every export
 * writes them: for spreadsheets, so every text cell is treated as
 * hostile and one that a spreadsheet would run as a formula gets a
 * leading apostrophe.
 */

#define G_LOG_DOMAIN "lotsen-export"

#include "config.h"

#include <string.h>

#include "lotsen-csv.h"

/* What a spreadsheet takes for the start of a formula. */
#define FORMULA_STARTS "=+-@\t\r"

/**
 * lotsen_csv_starts_formula:
 * @text: a cell's text, not necessarily nul-terminated
 * @length: its length in bytes
 *
 * Returns: %TRUE when a spreadsheet would take @text for a formula
 */
gboolean
lotsen_csv_starts_formula (const char *text,
                           gsize       length)
{
  return length > 0 && memchr (FORMULA_STARTS, text[0], strlen (FORMULA_STARTS)) != NULL;
}

/* A CSV cell: quoted when it holds the separator, a quote or a line
 * break (quotes doubled); a cell that a spreadsheet would take for a
 * formula gets an apostrophe in front and is quoted as well. */
void
lotsen_csv_append_text (GString    *buffer,
                        char        separator,
                        guint       index,
                        const char *text,
                        gsize       length,
                        gboolean    neutralise)
{
  gboolean formula;
  gboolean quote;

  if (index > 0)
    g_string_append_c (buffer, separator);

  formula = neutralise && lotsen_csv_starts_formula (text, length);
  quote = formula;
  for (gsize i = 0; i < length && !quote; i++)
    quote = text[i] == separator || text[i] == '"' || text[i] == '\r' || text[i] == '\n';

  if (quote)
    g_string_append_c (buffer, '"');
  if (formula)
    g_string_append_c (buffer, '\'');

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        g_string_append_c (buffer, '"');
      g_string_append_c (buffer, text[i]);
    }

  if (quote)
    g_string_append_c (buffer, '"');
}

/**
 * lotsen_export_append_csv_cell:
 * @buffer: the row so far
 * @separator: ';' or ','
 * @index: the cell's column; from 1 on, a separator goes before it
 * @text: valid UTF-8
 * @neutralise: %TRUE for text that anyone could have typed: when it
 *   starts like a formula, it gets an apostrophe in front
 *
 * Appends one CSV cell as every export writes it (RFC 4180 quoting).
 */
void
lotsen_export_append_csv_cell (GString    *buffer,
                               char        separator,
                               guint       index,
                               const char *text,
                               gboolean    neutralise)
{
  g_return_if_fail (buffer != NULL && text != NULL);

  lotsen_csv_append_text (buffer, separator, index, text, strlen (text), neutralise);
}

/**
 * lotsen_csv_append_header:
 * @buffer: where the file is written
 * @separator: ';' or ','
 * @dataset: the data set whose column names make the header
 *
 * Appends the header row: the kiosk's id first, then @dataset's columns.
 */
void
lotsen_csv_append_header (GString             *buffer,
                          char                 separator,
                          const LotsenDataset *dataset)
{
  lotsen_csv_append_text (buffer, separator, 0, "kiosk_id", strlen ("kiosk_id"), FALSE);
  for (guint i = 0; i < dataset->n_columns; i++)
    {
      const char *name = dataset->columns[i].key;

      lotsen_csv_append_text (buffer, separator, i + 1, name, strlen (name), FALSE);
    }
  g_string_append (buffer, "\r\n");
}
