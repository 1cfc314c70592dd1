/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-export — how long the exports and the funder report take on a big
 * database (made by bench-generate): the CSV export of every sign-up,
 * against the sqlite3 program writing the same rows as CSV; the XLSX
 * export of every sign-up, written a row at a time (libxlsxwriter's
 * constant-memory mode); the funder report for the last year and the last
 * five.  Each step: seconds, rows/s, MB/s and the process's peak memory
 * during it (reset before each step where Linux allows).
 *
 * Prints figures only; it never fails on one. */

#define G_LOG_DOMAIN "bench-export"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "lotsen-export.h"
#include "lotsen-stats.h"
#include "lotsen-store-private.h"
#include "lotsen-test-util.h"

/* The export's sign-up rows, without its time formatting: what a person
 * with the sqlite3 program would write. */
#define SIGNUPS_SQL \
  "SELECT g.uuid, se.starts_at, (SELECT title FROM activity_text WHERE activity_id = se.activity_id " \
  "ORDER BY lang = 'sv' DESC, lang LIMIT 1), g.status, g.party_size, g.position, g.name, g.phone, " \
  "v.uuid, g.created_at, g.changed_at, se.uuid FROM signup g JOIN session se ON se.id = g.session_id " \
  "LEFT JOIN visitor v ON v.id = g.visitor_id ORDER BY g.created_at, g.id;"

static char *opt_database;
static char *opt_only;

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database, "The database, e.g. from bench-generate", "PATH" },
  { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only, "Only these steps: csv, xlsx, report (comma-separated)", "STEPS" },
  { NULL }
};

/* Whether to run @step: every step unless --only names some. */
static gboolean
wanted (const char *step)
{
  g_auto(GStrv) steps = NULL;

  if (opt_only == NULL)
    return TRUE;

  steps = g_strsplit (opt_only, ",", -1);
  return g_strv_contains ((const char * const *) steps, step);
}

/* A line of /proc/self/status, in MiB; negative when unknown. */
static double
status_mib (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return -1;

  return g_ascii_strtod (line + strlen (key), NULL) / 1024.0;
}

/* Lets VmHWM start again from the current size (Linux 4.0 and later). */
static gboolean
reset_peak (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean done;

  if (file == NULL)
    return FALSE;

  done = fputs ("5", file) >= 0;
  return fclose (file) == 0 && done;
}

/* The processor time this process has used, user and system, in µs:
 * on a busy machine a fairer figure than the time on the clock. */
static gint64
cpu_usec (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;

  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static gint64
file_size (const char *path)
{
  GStatBuf info;

  return g_stat (path, &info) == 0 ? (gint64) info.st_size : -1;
}

static void
print_step (const char *what,
            guint64     rows,
            gint64      bytes,
            gint64      usec,
            gint64      cpu,
            gboolean    peak_known)
{
  double seconds = usec / (double) G_USEC_PER_SEC;

  g_print ("%s\n", what);
  g_print ("  time    %8.2f s\n", seconds);
  if (cpu >= 0)
    g_print ("  cpu     %8.2f s  (user + system, this process)\n", cpu / (double) G_USEC_PER_SEC);
  if (rows > 0)
    g_print ("  rows    %8" G_GUINT64_FORMAT "  (%.0f rows/s)\n", rows, rows / MAX (seconds, 1e-9));
  if (bytes >= 0)
    g_print ("  size    %8.1f MB  (%.1f MB/s)\n", bytes / 1e6, bytes / 1e6 / MAX (seconds, 1e-9));
  if (peak_known)
    g_print ("  peak    %8.1f MiB RSS during the step\n", status_mib ("VmHWM:"));
}

static void
time_export (LotsenStore        *store,
             LotsenExportFormat  format,
             const char         *path,
             const char         *what)
{
  g_autoptr(GError) error = NULL;
  gboolean peak_known = reset_peak ();
  guint64 rows = 0;
  gint64 cpu0 = cpu_usec ();
  gint64 t0 = g_get_monotonic_time ();

  if (!lotsen_export_to_file (store, LOTSEN_EXPORT_SIGNUPS, format, NULL, path, &rows, &error))
    {
      g_print ("%s\n  failed: %s\n", what, error->message);
      return;
    }

  print_step (what, rows, file_size (path), g_get_monotonic_time () - t0, cpu_usec () - cpu0, peak_known);
}

static void
time_sqlite3 (const char *database,
              const char *path)
{
  g_autofree char *program = g_find_program_in_path ("sqlite3");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *what = "sqlite3 -csv, the same rows (times as numbers)";
  guint64 rows = 0;
  gint64 t0;

  if (program == NULL)
    {
      g_print ("%s\n  skipped: no sqlite3 program (build-aux/setup.sh installs it)\n", what);
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_stdout_file_path (launcher, path);

  t0 = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, program, "-readonly", "-csv", "-header",
                                         database, SIGNUPS_SQL, NULL);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    {
      g_print ("%s\n  failed: %s\n", what, error->message);
      return;
    }

  {
    gint64 usec = g_get_monotonic_time () - t0;
    g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

    /* Rows: lines, less the header (a name with a line break counts twice; rare here). */
    if (mapped != NULL && g_mapped_file_get_length (mapped) > 0)
      {
        const char *p = g_mapped_file_get_contents (mapped);
        const char *end = p + g_mapped_file_get_length (mapped);

        while ((p = memchr (p, '\n', end - p)) != NULL)
          {
            rows++;
            p++;
          }
        rows = rows > 0 ? rows - 1 : 0;
      }

    print_step (what, rows, file_size (path), usec, -1, FALSE);
  }
}

/* The funder report for the @years before today (local midnight). */
static void
time_report (LotsenStore *store,
             int          years)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lotsen_store_get_timezone (store));
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(LotsenReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf ("funder report, %d year%s (lotsen_report_new)",
                                           years, years == 1 ? "" : "s");
  gboolean peak_known = reset_peak ();
  gint64 t0, cpu0;

  {
    g_autoptr(GDateTime) midnight = g_date_time_new (lotsen_store_get_timezone (store),
                                                     g_date_time_get_year (now),
                                                     g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), 0, 0, 0);

    tomorrow = g_date_time_add_days (midnight, 1);
  }
  from = g_date_time_add_years (tomorrow, -years);

  cpu0 = cpu_usec ();
  t0 = g_get_monotonic_time ();
  report = lotsen_report_new (store, g_date_time_to_unix (from), g_date_time_to_unix (tomorrow), &error);
  if (report == NULL)
    {
      g_print ("%s\n  failed: %s\n", what, error->message);
      return;
    }

  print_step (what, 0, -1, g_get_monotonic_time () - t0, cpu_usec () - cpu0, peak_known);
  g_print ("  visits  %8u, participants %u\n", report->total->counts.visits,
           report->total->counts.participants);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *cli_csv = NULL;
  g_autofree char *xlsx = NULL;

  context = g_option_context_new ("- time the exports and the funder report on a big database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (opt_database == NULL || !g_file_test (opt_database, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("bench-export: give --database PATH of an existing database (see bench-generate)\n");
      return 2;
    }

  store = lotsen_store_open (opt_database, NULL, &error);
  if (store == NULL)
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 1;
    }

  dir = g_dir_make_tmp ("lotsen-bench-export-XXXXXX", &error);
  g_assert_no_error (error);
  csv = g_build_filename (dir, "signups.csv", NULL);
  cli_csv = g_build_filename (dir, "signups-sqlite3.csv", NULL);
  xlsx = g_build_filename (dir, "signups.xlsx", NULL);

  g_print ("database: %s (%.1f MB)\n", opt_database, file_size (opt_database) / 1e6);
  g_print ("memory before: %.1f MiB RSS\n\n", status_mib ("VmRSS:"));

  if (wanted ("csv"))
    {
      time_export (store, LOTSEN_EXPORT_CSV, csv, "CSV export of every sign-up (lotsen_export_to_file)");
      /* The same rows once more, with a warm cache, so the two are comparable. */
      time_export (store, LOTSEN_EXPORT_CSV, csv, "CSV export again, warm cache");
      time_sqlite3 (opt_database, cli_csv);
    }
  if (wanted ("xlsx"))
    time_export (store, LOTSEN_EXPORT_XLSX, xlsx, "XLSX export of every sign-up (libxlsxwriter, constant memory)");

  if (wanted ("report"))
    {
      time_report (store, 1);
      time_report (store, 5);
    }

  remove_tree (dir);
  return 0;
}
