/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-xlsx.c — data sets as an Excel workbook (libxlsxwriter): a sheet
 * per data set, text cells as strings (never formulas), times as Excel
 * dates.  It keeps one row in memory at a time (the rest waits in
 * temporary files beside the target) and can only be written to a file.
 */

#define G_LOG_DOMAIN "lotsen-export"
/* dup () and dup2 () under -std=c17. */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lotsen-atomic-file.h"
#include "lotsen-export-private.h"
#include "lotsen-xlsx.h"

#define XLSX_MAX_UNITS   32767 /* Excel's longest cell, in UTF-16 code units */
#define XLSX_MAX_WIDTH   60    /* the widest column, in characters */
#define XLSX_TIME_WIDTH  16    /* "yyyy-mm-dd hh:mm" */
#define XLSX_SAMPLE_ROWS 1000  /* the rows that column widths are measured on */
#define XLSX_DATE_TIME   "yyyy-mm-dd hh:mm"

/* A workbook while its sheets are written. */
typedef struct
{
  LotsenStore  *store;
  lxw_workbook *workbook;
  lxw_format   *bold;
  lxw_format   *date_time;
} Workbook;

/**
 * lotsen_export_xlsx_new:
 * @path: the workbook's file
 *
 * A workbook in libxlsxwriter's constant-memory mode: each row goes to a
 * temporary file as soon as the next one begins, so a sheet of a million
 * rows needs no more memory than a sheet of one.  Rows must therefore be
 * written in order, each from left to right, and text cells are written
 * inline rather than as shared strings.  The temporary files go into
 * @path's folder, which has room for the workbook anyway (the system's
 * temporary folder may be in memory).
 *
 * Returns: (transfer full) (nullable): the workbook, closed (and freed)
 *   with workbook_close (); %NULL when it could not be made
 */
lxw_workbook *
lotsen_export_xlsx_new (const char *path)
{
  g_autofree char *folder = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  options.tmpdir = folder; /* copied */
  return workbook_new_opt (path, &options);
}

/* libxlsxwriter tells of each failure on standard error as well
 * ("[ERROR][packager.c:123]: Error ... /folder/.file.xlsx..."), raw and
 * with the temporary file's name, while the caller reports one clear
 * message.  So while a workbook is written, standard error goes to a
 * temporary file; afterwards libxlsxwriter's lines go to the debug log
 * and anything else (another thread's warning) on to standard error. */
static GMutex stderr_lock;
static guint stderr_holders;
static int stderr_saved = -1;
static FILE *stderr_capture;

/**
 * lotsen_xlsx_hold_stderr:
 *
 * Holds standard error back until lotsen_xlsx_release_stderr(); calls
 * nest, also from several threads.  Where standard error cannot be
 * redirected, it is left as it is.
 */
void
lotsen_xlsx_hold_stderr (void)
{
  g_mutex_lock (&stderr_lock);

  if (stderr_holders++ == 0)
    {
      FILE *capture = tmpfile ();

      fflush (stderr);
      if (capture != NULL && (stderr_saved = dup (STDERR_FILENO)) >= 0 &&
          dup2 (fileno (capture), STDERR_FILENO) >= 0)
        stderr_capture = capture;
      else
        {
          if (stderr_saved >= 0)
            close (stderr_saved);
          stderr_saved = -1;
          if (capture != NULL)
            fclose (capture);
        }
    }

  g_mutex_unlock (&stderr_lock);
}

/**
 * lotsen_xlsx_release_stderr:
 *
 * Ends lotsen_xlsx_hold_stderr(); errno is kept.
 */
void
lotsen_xlsx_release_stderr (void)
{
  int saved_errno = errno;

  g_mutex_lock (&stderr_lock);
  g_assert (stderr_holders > 0);

  if (--stderr_holders == 0 && stderr_capture != NULL)
    {
      char line[1024];

      fflush (stderr);
      dup2 (stderr_saved, STDERR_FILENO);
      close (stderr_saved);
      stderr_saved = -1;

      rewind (stderr_capture);
      while (fgets (line, sizeof line, stderr_capture) != NULL)
        {
          if (g_str_has_prefix (line, "[ERROR]") || g_str_has_prefix (line, "[WARNING]"))
            g_debug ("libxlsxwriter: %s", g_strchomp (line));
          else
            fputs (line, stderr);
        }

      fclose (stderr_capture);
      stderr_capture = NULL;
    }

  g_mutex_unlock (&stderr_lock);
  errno = saved_errno;
}

/* The errors of libxlsxwriter's file operations, after which errno
 * tells why. */
static gboolean
is_file_error (lxw_error result)
{
  return result >= LXW_ERROR_CREATING_XLSX_FILE && result <= LXW_ERROR_ZIP_CLOSE;
}

/**
 * lotsen_export_xlsx_check:
 * @result: what a libxlsxwriter call returned (an lxw_error), called
 *   right before
 *
 * A file that could not be written is reported in %G_IO_ERROR with the
 * system's reason (a full disk is %G_IO_ERROR_NO_SPACE) when there is
 * one; clear errno before a call whose failure should be told apart.
 *
 * Returns: %TRUE for LXW_NO_ERROR; else %FALSE with @error set
 */
gboolean
lotsen_export_xlsx_check (int      result,
                          GError **error)
{
  int saved_errno = errno;

  if (result == LXW_NO_ERROR)
    return TRUE;

  if (is_file_error ((lxw_error) result) && saved_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, lotsen_file_error_from_errno (saved_errno),
                   _("The export could not be written: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
               _("The export could not be written: %s"),
               lxw_strerror ((lxw_error) result));
  return FALSE;
}

/* Excel reads "_x0041_" in a cell as "A"; such a text stays literal when
 * its '_' is written as "_x005F_". */
static gboolean
is_xlsx_escape (const char *p)
{
  if (p[0] != '_' || p[1] != 'x')
    return FALSE;

  for (int i = 2; i < 6; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;

  return p[6] == '_';
}

/* Valid UTF-8 @text as a cell holds it: characters XML 1.0 cannot carry
 * become U+FFFD (libxlsxwriter writes the CR that XML can), and the text
 * ends at Excel's limit of 32767 UTF-16 code units. */
static char *
make_cell_text (const char *text)
{
  GString *cell = g_string_sized_new (strlen (text));
  guint units = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint width = c >= 0x10000 ? 2 : 1;

      if (units + width > XLSX_MAX_UNITS)
        break;
      units += width;

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append (cell, REPLACEMENT);
      else if (is_xlsx_escape (p))
        g_string_append (cell, "_x005F_");
      else
        g_string_append_len (cell, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (cell, FALSE);
}

/**
 * lotsen_xlsx_write_text:
 * @text: valid UTF-8
 * @format: (nullable): the cell's format
 * @width: (inout) (optional): grows to the text's length, in characters
 *
 * Writes a string cell: never a formula, whatever it starts with.
 */
gboolean
lotsen_xlsx_write_text (lxw_worksheet  *sheet,
                        lxw_row_t       row,
                        lxw_col_t       col,
                        const char     *text,
                        lxw_format     *format,
                        guint          *width,
                        GError        **error)
{
  g_autofree char *cell = make_cell_text (text);

  if (width != NULL)
    *width = MAX (*width, (guint) g_utf8_strlen (cell, -1));

  return lotsen_export_xlsx_check (worksheet_write_string (sheet, row, col, cell, format), error);
}

static gboolean
write_xlsx_column (Workbook             *book,
                   lxw_worksheet        *sheet,
                   const LotsenDataset  *dataset,
                   sqlite3_stmt         *stmt,
                   lxw_row_t             row,
                   int                   column,
                   guint                *width,
                   GError              **error)
{
  const LotsenColumn *info = &dataset->columns[column];
  lxw_col_t col = column + 1; /* the kiosk id comes first */
  int type = sqlite3_column_type (stmt, column);

  if (type == SQLITE_NULL)
    return TRUE;

  if (type == SQLITE_INTEGER && info->kind != LOTSEN_COLUMN_KIND_TEXT)
    {
      gint64 value = sqlite3_column_int64 (stmt, column);
      g_autofree char *digits = NULL;

      if (info->kind == LOTSEN_COLUMN_KIND_TIME && value >= MIN_TIME && value <= MAX_TIME)
        {
          g_autoptr(GDateTime) local = lotsen_store_to_local (book->store, value);
          g_autofree char *text = NULL;

          if (g_date_time_get_year (local) >= 1900)
            {
              lxw_datetime when = {
                .year = g_date_time_get_year (local),
                .month = g_date_time_get_month (local),
                .day = g_date_time_get_day_of_month (local),
                .hour = g_date_time_get_hour (local),
                .min = g_date_time_get_minute (local),
                .sec = g_date_time_get_second (local),
              };

              if (width != NULL)
                *width = MAX (*width, XLSX_TIME_WIDTH);
              return lotsen_export_xlsx_check (worksheet_write_datetime (sheet, row, col, &when, book->date_time),
                                               error);
            }

          /* Before Excel's calendar begins: as text, as in CSV. */
          text = g_date_time_format (local, ISO_8601);
          return lotsen_xlsx_write_text (sheet, row, col, text, NULL, width, error);
        }

      digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      if (width != NULL)
        *width = MAX (*width, (guint) strlen (digits));
      return lotsen_export_xlsx_check (worksheet_write_number (sheet, row, col, (double) value, NULL), error);
    }

  /* Text, or anything unexpected in a number's place: a string. */
  {
    g_autofree char *text = lotsen_export_column_utf8 (stmt, column);

    return lotsen_xlsx_write_text (sheet, row, col, text, NULL, width, error);
  }
}

/* One data set as a sheet of its name: a bold, frozen header with an
 * autofilter, then a row per row of the data set. */
static gboolean
write_sheet (Workbook                   *book,
             LotsenExportDataset         dataset,
             const LotsenExportOptions  *options,
             guint64                    *n_rows,
             GError                    **error)
{
  const LotsenDataset *info = lotsen_dataset_get (dataset);
  const char *kiosk_id = lotsen_store_get_kiosk_id (book->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint *widths = g_new0 (guint, info->n_columns + 1);
  lxw_worksheet *sheet;
  lxw_row_t row = 0;
  int rc;

  stmt = lotsen_export_prepare_rows (book->store, dataset, options, error);
  if (stmt == NULL)
    return FALSE;

  /* The names are distinct and short; only memory can run out. */
  sheet = workbook_add_worksheet (book->workbook, info->name);
  if (sheet == NULL)
    return lotsen_export_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  if (!lotsen_xlsx_write_text (sheet, 0, 0, "kiosk_id", book->bold, &widths[0], error))
    return FALSE;
  for (guint i = 0; i < info->n_columns; i++)
    if (!lotsen_xlsx_write_text (sheet, 0, i + 1, info->columns[i].key, book->bold, &widths[i + 1], error))
      return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean sample = row < XLSX_SAMPLE_ROWS;

      /* Past Excel's last row, libxlsxwriter fails and so does the export. */
      row++;
      if (!lotsen_xlsx_write_text (sheet, row, 0, kiosk_id, NULL, sample ? &widths[0] : NULL, error))
        return FALSE;

      for (guint i = 0; i < info->n_columns; i++)
        if (!write_xlsx_column (book, sheet, info, stmt, row, i, sample ? &widths[i + 1] : NULL, error))
          return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (book->store, error);
      return FALSE;
    }

  for (guint i = 0; i <= info->n_columns; i++)
    if (!lotsen_export_xlsx_check (worksheet_set_column (sheet, i, i, MIN (widths[i] + 2, XLSX_MAX_WIDTH), NULL),
                                   error))
      return FALSE;

  worksheet_freeze_panes (sheet, 1, 0);
  if (!lotsen_export_xlsx_check (worksheet_autofilter (sheet, 0, 0, row, info->n_columns), error))
    return FALSE;

  *n_rows += row;
  return TRUE;
}

/**
 * lotsen_xlsx_write_workbook:
 * @n_rows: (inout): grows by the rows written, over all sheets
 *
 * Writes @sets as one workbook at @path, a sheet each.
 */
gboolean
lotsen_xlsx_write_workbook (LotsenStore                *store,
                            const LotsenExportDataset  *sets,
                            guint                       n_sets,
                            const LotsenExportOptions  *options,
                            const char                 *path,
                            guint64                    *n_rows,
                            GError                    **error)
{
  Workbook book = { .store = store };
  gboolean written = TRUE;
  lxw_error result;

  book.workbook = lotsen_export_xlsx_new (path);
  if (book.workbook == NULL)
    return lotsen_export_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  lotsen_xlsx_hold_stderr ();

  book.bold = workbook_add_format (book.workbook);
  format_set_bold (book.bold);
  book.date_time = workbook_add_format (book.workbook);
  format_set_num_format (book.date_time, XLSX_DATE_TIME);

  for (guint i = 0; i < n_sets && written; i++)
    written = write_sheet (&book, sets[i], options, n_rows, error);

  /* Closing writes the file and frees the workbook, after an error too
   * (the caller then removes the file). */
  errno = 0;
  result = workbook_close (book.workbook);
  lotsen_xlsx_release_stderr ();

  return written && lotsen_export_xlsx_check (result, error);
}
