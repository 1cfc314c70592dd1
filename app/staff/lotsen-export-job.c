/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-export-job.c — one export from the staff's export page: a data
 * set or the funder report, for a period, into a folder.
 *
 * It runs in a worker thread with its own connection to the database
 * (WAL lets it read beside the kiosk's), so the screen never freezes;
 * the core writes a temporary file and renames it, so a failure leaves
 * nothing behind, and the job says in words what kind of failure it was
 * (a stick that is full, read-only or gone).  No GTK here.
 */

#define G_LOG_DOMAIN "lotsen-export-page"

#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "lotsen-export.h"
#include "lotsen-export-job.h"
#include "lotsen-outcome.h"
#include "lotsen-report-pdf.h"
#include "lotsen-stats.h"

void
lotsen_export_job_free (LotsenExportJob *job)
{
  g_free (job->db_path);
  g_clear_object (&job->clock);
  g_free (job->dataset);
  g_free (job->format);
  g_free (job->folder);
  g_free (job->name);
  g_free (job->path);
  g_free (job);
}

/* The local period [*from, *to) and its part of the file name: "2026-11",
 * "2026", or for everything "all-" and today's date. */
char *
lotsen_export_job_compute_period (LotsenStore *store,
                                  const char  *period,
                                  gint64      *from,
                                  gint64      *to)
{
  GTimeZone *timezone = lotsen_store_get_timezone (store);
  gint64 now = lotsen_clock_get_now (lotsen_store_get_clock (store));
  g_autoptr(GDateTime) local = lotsen_store_to_local (store, now);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  int year = g_date_time_get_year (local);
  int month = g_date_time_get_month (local);

  if (g_str_equal (period, "this-month") || g_str_equal (period, "last-month"))
    {
      g_autoptr(GDateTime) first = g_date_time_new (timezone, year, month, 1, 0, 0, 0);

      start = g_str_equal (period, "this-month") ? g_date_time_ref (first) : g_date_time_add_months (first, -1);
      end = g_date_time_add_months (start, 1);
      *from = g_date_time_to_unix (start);
      *to = g_date_time_to_unix (end);
      return g_date_time_format (start, "%Y-%m");
    }

  if (g_str_equal (period, "this-year") || g_str_equal (period, "last-year"))
    {
      start = g_date_time_new (timezone, g_str_equal (period, "this-year") ? year : year - 1, 1, 1, 0, 0, 0);
      end = g_date_time_add_years (start, 1);
      *from = g_date_time_to_unix (start);
      *to = g_date_time_to_unix (end);
      return g_date_time_format (start, "%Y");
    }

  *from = 0;
  *to = 0;
  return g_date_time_format (local, "all-%Y-%m-%d");
}

/* "name.ext", or "name (2).ext" and so on: an existing file is never
 * replaced. */
static char *
find_free_path (const char *folder,
                const char *name,
                const char *extension)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *base = n == 1 ? g_strdup_printf ("%s.%s", name, extension)
                                     : g_strdup_printf ("%s (%u).%s", name, n, extension);
      g_autofree char *path = g_build_filename (folder, base, NULL);
      GStatBuf info;

      if (g_lstat (path, &info) != 0 && errno == ENOENT)
        return g_steal_pointer (&path);
    }
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *message)
{
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    code = G_IO_ERROR_NO_SPACE;

  g_set_error_literal (error, G_IO_ERROR, code, message ? message : g_strerror (saved_errno));
  return FALSE;
}

/* The folder is there and is a folder. */
static gboolean
check_folder (const char  *folder,
              GError     **error)
{
  GStatBuf info;

  if (g_stat (folder, &info) != 0)
    return set_io_error (error, errno, NULL);

  if (!S_ISDIR (info.st_mode))
    return set_io_error (error, ENOTDIR, NULL);

  return TRUE;
}

/* Tries to write a little into @folder, to learn why an export could not:
 * a stick that is full, read-only or gone. */
static gboolean
probe_folder (const char  *folder,
              GError     **error)
{
  static const char block[64 * 1024];
  g_autofree char *probe = g_build_filename (folder, ".lotsen-probe-XXXXXX", NULL);
  gsize written = 0;
  int fd, saved_errno = 0;

  fd = g_mkstemp_full (probe, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_io_error (error, errno, NULL);

  while (written < sizeof block && saved_errno == 0)
    {
      gssize n = write (fd, block + written, sizeof block - written);

      if (n >= 0)
        written += n;
      else if (errno != EINTR)
        saved_errno = errno;
    }

  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;

  close (fd);
  g_unlink (probe);

  if (saved_errno != 0)
    return set_io_error (error, saved_errno, NULL);

  return TRUE;
}

/* The core passes on the system's reason as a %G_IO_ERROR code; the
 * screen needs to know what kind of failure it was.  When the code does
 * not say (the workbook library, an input/output error), a little write
 * into the folder finds out. */
static GError *
classify_error (GError     *error,
                const char *folder)
{
  g_autoptr(GError) probe_error = NULL;
  GError *classified = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    return error;

  if (!probe_folder (folder, &probe_error))
    {
      classified = g_error_new (G_IO_ERROR, probe_error->code, "%s (%s)", error->message, probe_error->message);
      g_error_free (error);
      return classified;
    }

  return error;
}

static gboolean
write_export (LotsenStore      *store,
              LotsenExportJob  *job,
              GError          **error)
{
  static const LotsenExportDataset every[] = {
    LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_ACTIVITIES,
  };
  LotsenExportOptions options = { .separator = ';', .from = job->from, .to = job->to };
  LotsenExportDataset dataset;
  LotsenExportFormat format;

  if (g_str_equal (job->dataset, "report"))
    {
      g_autoptr(LotsenReport) report = lotsen_report_new (store, job->from, job->to, error);

      if (report == NULL)
        return FALSE;

      if (g_str_equal (job->format, "pdf"))
        return lotsen_report_pdf_to_file (store, report, job->path, error);

      return lotsen_report_to_file (store, report,
                                    g_str_equal (job->format, "csv") ? LOTSEN_REPORT_CSV : LOTSEN_REPORT_XLSX,
                                    job->path, error);
    }

  /* Who is due for a call today: no period. */
  if (g_str_equal (job->dataset, "followup"))
    return lotsen_outcome_export_follow_up (store, job->path, error);

  if (g_str_equal (job->dataset, "all"))
    return lotsen_export_workbook_to_file (store, every, G_N_ELEMENTS (every), &options, job->path,
                                           &job->rows, error);

  return lotsen_export_dataset_from_string (job->dataset, &dataset, error) &&
         lotsen_export_format_from_string (job->format, &format, error) &&
         lotsen_export_to_file (store, dataset, format, &options, job->path, &job->rows, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LotsenExportJob *job = task_data;
  g_autoptr(LotsenStore) store = NULL;
  GError *error = NULL;

  store = lotsen_store_open (job->db_path, job->clock, &error);
  if (store == NULL)
    {
      job->store_failed = TRUE;
      g_task_return_error (task, error);
      return;
    }

  if (!check_folder (job->folder, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job->path = find_free_path (job->folder, job->name, job->format);

  if (!write_export (store, job, &error))
    {
      g_task_return_error (task, classify_error (error, job->folder));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * lotsen_export_job_explain:
 * @error: why @job failed
 *
 * Returns: what went wrong, in words for staff
 */
const char *
lotsen_export_job_explain (const LotsenExportJob *job,
                           const GError          *error)
{
  if (job->store_failed)
    return _("The database could not be opened for the export. Nothing was written.");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return _("The USB stick is full. Nothing was written. Free some space on it, or use another stick.");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("This folder cannot be written to (read-only). Nothing was written. If it is a USB stick, check its lock switch, or use another stick.");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    return _("The folder is not there any more. Was the USB stick taken out? Nothing was written.");

  return _("The file could not be written. Nothing was saved.");
}

/**
 * lotsen_export_job_new:
 * @store: the kiosk's store: the job opens its own connection to the
 *   same file, and counts the period with its clock and time zone
 * @dataset: "visitors", "signups", "tickets", "activities", "all", "report"
 *   or "followup"
 * @format: "csv", "xlsx", "jsonl", "ics" or "pdf"
 * @period: "this-month", "last-month", "this-year", "last-year" or "all"
 * @folder: where the file goes
 */
LotsenExportJob *
lotsen_export_job_new (LotsenStore *store,
                       const char  *dataset,
                       const char  *format,
                       const char  *period,
                       const char  *folder)
{
  LotsenExportJob *job = g_new0 (LotsenExportJob, 1);
  g_autofree char *when = NULL;

  job->db_path = g_strdup (lotsen_store_get_path (store));
  job->clock = g_object_ref (lotsen_store_get_clock (store));
  job->dataset = g_strdup (dataset);
  job->format = g_strdup (format);
  job->folder = g_strdup (folder);
  when = lotsen_export_job_compute_period (store, period, &job->from, &job->to);
  job->name = g_strdup_printf ("lotsen-%s-%s", dataset, when);

  return job;
}

/**
 * lotsen_export_job_run:
 * @job: (transfer full): the export
 *
 * Writes the file in a worker thread; @callback gets the job back from
 * lotsen_export_job_finish().
 */
void
lotsen_export_job_run (LotsenExportJob     *job,
                       gpointer             source_object,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, lotsen_export_job_run);
  g_task_set_task_data (task, job, (GDestroyNotify) lotsen_export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * lotsen_export_job_finish:
 *
 * Returns: (transfer none): the job, with the file written (@error unset)
 *   or not (@error set); it lives as long as @result
 */
LotsenExportJob *
lotsen_export_job_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lotsen_export_job_run, NULL);

  g_task_propagate_boolean (G_TASK (result), error);
  return g_task_get_task_data (G_TASK (result));
}
