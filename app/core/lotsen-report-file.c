/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-report-file.c — the funder report written out: as CSV to a
 * stream, or to a file as CSV or as an XLSX workbook with a sheet per
 * section, the way the exports write theirs.
 */

#define G_LOG_DOMAIN "lotsen-stats"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <xlsxwriter.h>

#include "lotsen-atomic-file.h"
#include "lotsen-csv.h"
#include "lotsen-export.h"
#include "lotsen-stats.h"
#include "lotsen-store-private.h"
#include "lotsen-xlsx.h"

#define XLSX_MAX_WIDTH 60

/**
 * lotsen_report_write_csv:
 * @separator: ';' (Swedish Excel) or ','
 * @out: where to write; it is flushed, not closed
 *
 * Writes the report as CSV the way the exports write it (UTF-8 with a
 * BOM, CRLF, staff-entered text neutralised): one table per section, in
 * the order of #LotsenReportSection, each a header row whose first cell
 * names the section, then its rows, and an empty line after it.  The
 * headers and the keys in the first column are in the current gettext
 * language (lotsen_report_label()); the other cells are names or numbers.
 *
 * Returns: %TRUE on success
 */
gboolean
lotsen_report_write_csv (const LotsenReport  *report,
                         char                 separator,
                         GOutputStream       *out,
                         GError             **error)
{
  g_autoptr(GString) buffer = g_string_new (LOTSEN_CSV_BOM);

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (separator != ';' && separator != ',')
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The separator between fields must be “;” or “,”."));
      return FALSE;
    }

  for (LotsenReportSection section = 0; section < LOTSEN_REPORT_N_SECTIONS; section++)
    {
      guint n_columns = lotsen_report_get_n_columns (section);
      guint n_rows = lotsen_report_get_n_rows (report, section);

      if (section > 0)
        g_string_append (buffer, "\r\n");

      for (guint column = 0; column < n_columns; column++)
        lotsen_export_append_csv_cell (buffer, separator, column,
                                       lotsen_report_get_column_label (section, column), FALSE);
      g_string_append (buffer, "\r\n");

      for (guint row = 0; row < n_rows; row++)
        {
          for (guint column = 0; column < n_columns; column++)
            {
              const char *text;
              gint64 number;
              g_autofree char *digits = NULL;

              switch (lotsen_report_get_cell (report, section, row, column, &text, &number))
                {
                case LOTSEN_REPORT_CELL_NUMBER:
                  digits = g_strdup_printf ("%" G_GINT64_FORMAT, number);
                  lotsen_export_append_csv_cell (buffer, separator, column, digits, FALSE);
                  break;
                case LOTSEN_REPORT_CELL_TEXT:
                  lotsen_export_append_csv_cell (buffer, separator, column, lotsen_report_label (text), FALSE);
                  break;
                case LOTSEN_REPORT_CELL_NAME:
                  lotsen_export_append_csv_cell (buffer, separator, column, text, TRUE);
                  break;
                case LOTSEN_REPORT_CELL_EMPTY:
                default:
                  lotsen_export_append_csv_cell (buffer, separator, column, "", FALSE);
                  break;
                }
            }
          g_string_append (buffer, "\r\n");
        }

      if (!lotsen_export_write_buffer (out, buffer, error))
        return FALSE;
    }

  if (!g_output_stream_flush (out, NULL, error))
    return FALSE;

  return TRUE;
}

/* A sheet's name: the section's title in the current language, without
 * the characters a sheet name may not have, at most 31 characters; one
 * that two long titles would share (in @used, case-folded) ends with the
 * section's number instead. */
static char *
sheet_name_for (LotsenReportSection  section,
                GHashTable          *used)
{
  const char *title = lotsen_report_section_title (section);
  g_autofree char *number = g_strdup_printf (" %u", section + 1);
  GString *name = g_string_new (NULL);
  guint n = 0;

  for (const char *p = title; *p != '\0' && n < 31; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (name, c < 128 && strchr ("[]:*?/\\'", (int) c) != NULL ? ' ' : c);
    }

  {
    g_autofree char *folded = g_utf8_casefold (name->str, -1);

    if (g_hash_table_contains (used, folded))
      {
        /* At most 31 characters with the number. */
        const char *end = g_utf8_offset_to_pointer (name->str, MIN (n, 31 - strlen (number)));

        g_string_truncate (name, end - name->str);
        g_string_append (name, number);
      }
  }

  g_hash_table_add (used, g_utf8_casefold (name->str, -1));
  return g_string_free (name, FALSE);
}

/* One section as a sheet of its title: a bold, frozen header, then its
 * rows; numbers as numbers, text as strings (never formulas). */
static gboolean
write_xlsx_section (const LotsenReport   *report,
                    LotsenReportSection   section,
                    lxw_workbook         *workbook,
                    lxw_format           *bold,
                    GHashTable           *used,
                    GError              **error)
{
  guint n_columns = lotsen_report_get_n_columns (section);
  guint n_rows = lotsen_report_get_n_rows (report, section);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  g_autofree char *sheet_name = NULL;
  lxw_worksheet *sheet;

  sheet_name = sheet_name_for (section, used);
  sheet = workbook_add_worksheet (workbook, sheet_name);
  if (sheet == NULL)
    return lotsen_export_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  for (guint column = 0; column < n_columns; column++)
    if (!lotsen_xlsx_write_text (sheet, 0, column, lotsen_report_get_column_label (section, column), bold,
                                 &widths[column], error))
      return FALSE;

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        const char *text;
        gint64 number;
        g_autofree char *digits = NULL;

        switch (lotsen_report_get_cell (report, section, row, column, &text, &number))
          {
          case LOTSEN_REPORT_CELL_NUMBER:
            digits = g_strdup_printf ("%" G_GINT64_FORMAT, number);
            widths[column] = MAX (widths[column], (guint) strlen (digits));
            if (!lotsen_export_xlsx_check (worksheet_write_number (sheet, row + 1, column, (double) number, NULL),
                                           error))
              return FALSE;
            break;
          case LOTSEN_REPORT_CELL_TEXT:
            if (!lotsen_xlsx_write_text (sheet, row + 1, column, lotsen_report_label (text), NULL,
                                         &widths[column], error))
              return FALSE;
            break;
          case LOTSEN_REPORT_CELL_NAME:
            if (!lotsen_xlsx_write_text (sheet, row + 1, column, text, NULL, &widths[column], error))
              return FALSE;
            break;
          case LOTSEN_REPORT_CELL_EMPTY:
          default:
            break;
          }
      }

  for (guint column = 0; column < n_columns; column++)
    if (!lotsen_export_xlsx_check (worksheet_set_column (sheet, column, column,
                                                         MIN (widths[column] + 2, XLSX_MAX_WIDTH), NULL),
                                   error))
      return FALSE;

  worksheet_freeze_panes (sheet, 1, 0);
  return TRUE;
}

static gboolean
write_xlsx (const LotsenReport  *report,
            const char          *path,
            GError             **error)
{
  lxw_workbook *workbook = lotsen_export_xlsx_new (path);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lxw_format *bold;
  gboolean written = TRUE;
  lxw_error result;

  if (workbook == NULL)
    return lotsen_export_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  lotsen_xlsx_hold_stderr ();
  bold = workbook_add_format (workbook);
  format_set_bold (bold);

  for (LotsenReportSection section = 0; section < LOTSEN_REPORT_N_SECTIONS && written; section++)
    written = write_xlsx_section (report, section, workbook, bold, used, error);

  /* Closing writes the file and frees the workbook, after an error too. */
  errno = 0;
  result = workbook_close (workbook);
  lotsen_xlsx_release_stderr ();

  return written && lotsen_export_xlsx_check (result, error);
}

typedef struct
{
  const LotsenReport *report;
  LotsenReportFormat  format;
} ReportJob;

static gboolean
write_report_file (GOutputStream  *out,
                   const char     *temp_path,
                   const char     *target,
                   GString        *detail,
                   gpointer        user_data,
                   GError        **error)
{
  ReportJob *job = user_data;

  if (job->format == LOTSEN_REPORT_XLSX)
    {
      if (!write_xlsx (job->report, temp_path, error))
        return FALSE;
    }
  else if (!lotsen_report_write_csv (job->report, ';', out, error))
    return FALSE;

  g_string_append_printf (detail, "report %s %s from=%" G_GINT64_FORMAT " to=%" G_GINT64_FORMAT,
                          job->format == LOTSEN_REPORT_XLSX ? "xlsx" : "csv", target,
                          job->report->from, job->report->to);
  return TRUE;
}

/**
 * lotsen_report_to_file:
 * @path: the file to write; an existing file is replaced
 *
 * Writes @report to @path: %LOTSEN_REPORT_CSV as lotsen_report_write_csv()
 * does with ';', %LOTSEN_REPORT_XLSX as a workbook with a sheet per
 * section, named after it.  The file is written, synced, renamed and
 * recorded in the audit table as every export is
 * (lotsen_export_replace_file()).
 *
 * Returns: %TRUE on success
 */
gboolean
lotsen_report_to_file (LotsenStore         *store,
                       const LotsenReport  *report,
                       LotsenReportFormat   format,
                       const char          *path,
                       GError             **error)
{
  ReportJob job = { report, format };

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (format <= LOTSEN_REPORT_XLSX, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return lotsen_export_replace_file (store, path, write_report_file, &job, error);
}
