/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-export.c — the kiosk's data for staff systems: one row source,
 * several writers.
 *
 * Each data set is one SELECT (its columns in lotsen-dataset.c); its rows
 * are stepped and written one at a time, so an export of years of tickets
 * needs no more memory than one.  The writers: CSV and JSONL rows
 * (lotsen-row-writer.c, lotsen-csv.c), an XLSX workbook (lotsen-xlsx.c)
 * and iCalendar (lotsen-ics.c).  A file export goes through
 * lotsen-atomic-file.c: to a temporary file beside the target, synced and
 * renamed over it, and recorded in the audit table in the same
 * transaction, so there is never a half-written export nor one without a
 * record.
 */

#define G_LOG_DOMAIN "lotsen-export"

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-atomic-file.h"
#include "lotsen-csv.h"
#include "lotsen-export-private.h"
#include "lotsen-ics.h"
#include "lotsen-row-writer.h"
#include "lotsen-xlsx.h"

#define FLUSH_BYTES 65536 /* rows are buffered up to this before a write */

static const char * const format_names[] = {
  [LOTSEN_EXPORT_CSV]   = "csv",
  [LOTSEN_EXPORT_JSONL] = "jsonl",
  [LOTSEN_EXPORT_XLSX]  = "xlsx",
  [LOTSEN_EXPORT_ICS]   = "ics",
};

/* ';' between CSV fields, every row. */
static const LotsenExportOptions default_options = { ';', 0, 0 };

/**
 * lotsen_export_dataset_from_string:
 * @name: "visitors", "tickets", "signups" or "activities"
 * @dataset: (out): where to put the data set
 *
 * Returns: %TRUE when @name is a data set; otherwise %FALSE with
 *   %LOTSEN_STORE_ERROR_INVALID
 */
gboolean
lotsen_export_dataset_from_string (const char           *name,
                                   LotsenExportDataset  *dataset,
                                   GError              **error)
{
  g_return_val_if_fail (dataset != NULL, FALSE);

  for (guint i = 0; i <= LOTSEN_EXPORT_ACTIVITIES; i++)
    if (name != NULL && g_ascii_strcasecmp (name, lotsen_dataset_get (i)->name) == 0)
      {
        *dataset = i;
        return TRUE;
      }

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               /* Translators: %s is what was asked for; the four words are
                * command words and stay in English. */
               _("“%s” is not something that can be exported. Choose visitors, tickets, signups or activities."),
               name ? name : "");
  return FALSE;
}

const char *
lotsen_export_dataset_to_string (LotsenExportDataset dataset)
{
  g_return_val_if_fail (dataset <= LOTSEN_EXPORT_ACTIVITIES, NULL);

  return lotsen_dataset_get (dataset)->name;
}

/**
 * lotsen_export_format_from_string:
 * @name: "csv", "jsonl" or "json" (the same as "jsonl"), "xlsx", "ics" or
 *   "ical" (the same as "ics")
 * @format: (out): where to put the format
 *
 * Returns: %TRUE when @name is a format; otherwise %FALSE with
 *   %LOTSEN_STORE_ERROR_INVALID
 */
gboolean
lotsen_export_format_from_string (const char          *name,
                                  LotsenExportFormat  *format,
                                  GError             **error)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name != NULL && g_ascii_strcasecmp (name, "csv") == 0)
    {
      *format = LOTSEN_EXPORT_CSV;
      return TRUE;
    }

  if (name != NULL && (g_ascii_strcasecmp (name, "jsonl") == 0 || g_ascii_strcasecmp (name, "json") == 0))
    {
      *format = LOTSEN_EXPORT_JSONL;
      return TRUE;
    }

  if (name != NULL && g_ascii_strcasecmp (name, "xlsx") == 0)
    {
      *format = LOTSEN_EXPORT_XLSX;
      return TRUE;
    }

  if (name != NULL && (g_ascii_strcasecmp (name, "ics") == 0 || g_ascii_strcasecmp (name, "ical") == 0))
    {
      *format = LOTSEN_EXPORT_ICS;
      return TRUE;
    }

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               /* Translators: %s is what was asked for; csv, jsonl, xlsx and
                * ics stay as they are. */
               _("“%s” is not an export format. Choose csv, jsonl, xlsx or ics."),
               name ? name : "");
  return FALSE;
}

const char *
lotsen_export_format_to_string (LotsenExportFormat format)
{
  g_return_val_if_fail (format <= LOTSEN_EXPORT_ICS, NULL);

  return format_names[format];
}

/* @column as valid UTF-8 (a NUL or a byte that is not UTF-8 becomes
 * U+FFFD), or %NULL for SQL NULL. */
char *
lotsen_export_column_utf8 (sqlite3_stmt *stmt,
                           int           column)
{
  const char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  text = (const char *) sqlite3_column_text (stmt, column);
  if (text == NULL)
    return g_strdup ("");

  return g_utf8_make_valid (text, sqlite3_column_bytes (stmt, column));
}

static gboolean
check_options (const LotsenExportOptions  *options,
               GError                    **error)
{
  if (options->separator != '\0' && options->separator != ';' && options->separator != ',')
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The separator between fields must be “;” or “,”."));
      return FALSE;
    }

  if (options->from != 0 && options->to != 0 && options->to < options->from)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The end of the period comes before its start."));
      return FALSE;
    }

  return TRUE;
}

/* What lotsen_export_write() can write: not a workbook, which
 * libxlsxwriter writes to a file only, and a calendar of activities. */
static gboolean
check_stream_format (LotsenExportDataset   dataset,
                     LotsenExportFormat    format,
                     GError              **error)
{
  if (format == LOTSEN_EXPORT_XLSX)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           /* Translators: xlsx stays as it is. */
                           _("An xlsx workbook can only be written to a file."));
      return FALSE;
    }

  if (format == LOTSEN_EXPORT_ICS && dataset != LOTSEN_EXPORT_ACTIVITIES)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           /* Translators: activities and ics are command words and stay in English. */
                           _("Only activities can be exported as a calendar (ics)."));
      return FALSE;
    }

  return TRUE;
}

/* The one row source of every format: @dataset's rows whose main time
 * lies in the period of @options. */
sqlite3_stmt *
lotsen_export_prepare_rows (LotsenStore                *store,
                            LotsenExportDataset         dataset,
                            const LotsenExportOptions  *options,
                            GError                    **error)
{
  const LotsenDataset *info = lotsen_dataset_get (dataset);
  g_autofree char *sql = lotsen_dataset_get_select (info);
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;

  g_assert ((guint) sqlite3_column_count (stmt) == info->n_columns);

  if (options->from != 0)
    sqlite3_bind_int64 (stmt, 1, options->from);
  if (options->to != 0)
    sqlite3_bind_int64 (stmt, 2, options->to);

  return g_steal_pointer (&stmt);
}

/**
 * lotsen_export_write:
 * @options: (nullable): the separator and the period; %NULL for the defaults
 * @out: where to write; it is flushed, not closed
 * @n_rows: (out) (optional): the number of rows written, not counting a
 *   CSV header
 *
 * Writes @dataset as @format to @out, row by row.  Every row carries the
 * kiosk's id; times are the site's local time in ISO 8601 with the UTC
 * offset.  With a period, only rows whose main time (created_at, or
 * starts_at for activities) lies in [from, to) are written.
 *
 * %LOTSEN_EXPORT_ICS writes one VEVENT per session of
 * %LOTSEN_EXPORT_ACTIVITIES, its times in UTC; any other data set is
 * %LOTSEN_STORE_ERROR_INVALID.  %LOTSEN_EXPORT_XLSX cannot be written to
 * a stream (use lotsen_export_to_file()) and is
 * %LOTSEN_STORE_ERROR_INVALID here.
 *
 * Returns: %TRUE on success; on error @out may hold part of the export
 */
gboolean
lotsen_export_write (LotsenStore                *store,
                     LotsenExportDataset         dataset,
                     LotsenExportFormat          format,
                     const LotsenExportOptions  *options,
                     GOutputStream              *out,
                     guint64                    *n_rows,
                     GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(LotsenRowWriter) writer = NULL;
  char separator;
  guint64 rows = 0;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (dataset <= LOTSEN_EXPORT_ACTIVITIES, FALSE);
  g_return_val_if_fail (format <= LOTSEN_EXPORT_ICS, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_rows != NULL)
    *n_rows = 0;

  if (options == NULL)
    options = &default_options;

  if (!check_options (options, error) || !check_stream_format (dataset, format, error))
    return FALSE;

  stmt = lotsen_export_prepare_rows (store, dataset, options, error);
  if (stmt == NULL)
    return FALSE;

  buffer = g_string_sized_new (FLUSH_BYTES);
  separator = options->separator != '\0' ? options->separator : ';';

  if (format == LOTSEN_EXPORT_ICS)
    {
      /* DTSTAMP: when the export was made. */
      stamp = lotsen_ics_format_time (lotsen_store_now (store));
      lotsen_ics_append_header (buffer);
    }
  else
    writer = lotsen_row_writer_new (store, lotsen_dataset_get (dataset), format, separator, buffer);

  if (format == LOTSEN_EXPORT_CSV)
    {
      g_string_append (buffer, LOTSEN_CSV_BOM);
      lotsen_csv_append_header (buffer, separator, lotsen_dataset_get (dataset));
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (writer != NULL)
        {
          lotsen_row_writer_append (writer, stmt);
          rows++;
        }
      else if (lotsen_ics_append_event (buffer, stamp, stmt))
        rows++;

      if (buffer->len >= FLUSH_BYTES && !lotsen_export_write_buffer (out, buffer, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  if (format == LOTSEN_EXPORT_ICS)
    lotsen_ics_append_footer (buffer);

  if (!lotsen_export_write_buffer (out, buffer, error))
    return FALSE;

  if (!g_output_stream_flush (out, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The export could not be written: %s"),
                   local_error->message);
      return FALSE;
    }

  if (n_rows != NULL)
    *n_rows = rows;

  return TRUE;
}

/* What export_file() hands to write_export_file(). */
typedef struct
{
  LotsenStore                *store;
  const LotsenExportDataset  *sets;
  guint                       n_sets;
  LotsenExportFormat          format;
  const LotsenExportOptions  *options;
  guint64                     rows;
} ExportJob;

static gboolean
write_export_file (GOutputStream  *out,
                   const char     *temp_path,
                   const char     *target,
                   GString        *detail,
                   gpointer        user_data,
                   GError        **error)
{
  ExportJob *job = user_data;

  /* libxlsxwriter writes by the file's name. */
  if (job->format == LOTSEN_EXPORT_XLSX)
    {
      if (!check_options (job->options, error) ||
          !lotsen_xlsx_write_workbook (job->store, job->sets, job->n_sets, job->options, temp_path,
                                       &job->rows, error))
        return FALSE;
    }
  else if (!lotsen_export_write (job->store, job->sets[0], job->format, job->options, out,
                                 &job->rows, error))
    return FALSE;

  for (guint i = 0; i < job->n_sets; i++)
    g_string_append_printf (detail, "%s%s", i > 0 ? "," : "", lotsen_dataset_get (job->sets[i])->name);
  g_string_append_printf (detail, " %s %s rows=%" G_GUINT64_FORMAT,
                          format_names[job->format], target, job->rows);
  if (job->options->from != 0)
    g_string_append_printf (detail, " from=%" G_GINT64_FORMAT, job->options->from);
  if (job->options->to != 0)
    g_string_append_printf (detail, " to=%" G_GINT64_FORMAT, job->options->to);

  return TRUE;
}

/* The data set exports' files. */
static gboolean
export_file (LotsenStore                *store,
             const LotsenExportDataset  *sets,
             guint                       n_sets,
             LotsenExportFormat          format,
             const LotsenExportOptions  *options,
             const char                 *path,
             guint64                    *n_rows,
             GError                    **error)
{
  ExportJob job = {
    .store = store,
    .sets = sets,
    .n_sets = n_sets,
    .format = format,
    .options = options != NULL ? options : &default_options,
  };

  g_assert (n_sets == 1 || format == LOTSEN_EXPORT_XLSX);

  if (n_rows != NULL)
    *n_rows = 0;

  if (!lotsen_export_replace_file (store, path, write_export_file, &job, error))
    return FALSE;

  if (n_rows != NULL)
    *n_rows = job.rows;

  return TRUE;
}

/**
 * lotsen_export_to_file:
 * @path: the file to write; an existing file is replaced
 * @n_rows: (out) (optional): the number of rows written
 *
 * Like lotsen_export_write(), into a new file: the export is written to a
 * temporary file beside @path (readable by its owner only), synced to
 * disk, then renamed to @path and recorded in the audit table in one
 * transaction.  On any error there is no new file and an old file at
 * @path is left as it was.
 *
 * %LOTSEN_EXPORT_XLSX writes a workbook with one sheet, named after
 * @dataset; see lotsen_export_workbook_to_file().
 */
gboolean
lotsen_export_to_file (LotsenStore                *store,
                       LotsenExportDataset         dataset,
                       LotsenExportFormat          format,
                       const LotsenExportOptions  *options,
                       const char                 *path,
                       guint64                    *n_rows,
                       GError                    **error)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (dataset <= LOTSEN_EXPORT_ACTIVITIES, FALSE);
  g_return_val_if_fail (format <= LOTSEN_EXPORT_ICS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_file (store, &dataset, 1, format, options, path, n_rows, error);
}

/**
 * lotsen_export_workbook_to_file:
 * @sets: (array length=n_sets): the data sets, each at most once, in the
 *   order of their sheets
 * @n_sets: how many; at least one
 * @options: (nullable): the period (the separator is only checked); %NULL
 *   for every row
 * @path: the file to write; an existing file is replaced
 * @n_rows: (out) (optional): the number of rows written, over all sheets,
 *   not counting the headers
 *
 * Writes @sets into one XLSX workbook, a sheet per data set named after
 * it: a bold header row that stays in view and has an autofilter, text as
 * strings (never formulas), numbers as numbers, times as the site's local
 * date and time.  The file is written, synced, renamed and audited as by
 * lotsen_export_to_file().
 *
 * Returns: %TRUE on success
 */
gboolean
lotsen_export_workbook_to_file (LotsenStore                *store,
                                const LotsenExportDataset  *sets,
                                guint                       n_sets,
                                const LotsenExportOptions  *options,
                                const char                 *path,
                                guint64                    *n_rows,
                                GError                    **error)
{
  guint seen = 0;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (sets != NULL && n_sets > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_sets; i++)
    {
      g_return_val_if_fail (sets[i] <= LOTSEN_EXPORT_ACTIVITIES, FALSE);
      /* Two sheets cannot have one name. */
      g_return_val_if_fail ((seen & (1u << sets[i])) == 0, FALSE);
      seen |= 1u << sets[i];
    }

  return export_file (store, sets, n_sets, LOTSEN_EXPORT_XLSX, options, path, n_rows, error);
}
