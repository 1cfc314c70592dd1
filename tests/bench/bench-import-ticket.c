/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import-ticket — how long a visitor waits for a ticket while staff
 * import a large file, and while the database is backed up: one thread
 * imports a JSONL file of visitors and tickets (lotsen_import_jsonl_file(),
 * its own connection), then backs the grown database up three times
 * (lotsen_backup_write(), sqlite's online backup), while another takes a
 * ticket every few milliseconds on a second connection, as the kiosk does,
 * and times each take.  Prints the worst and the median take during each,
 * the import's time and its batches; the target is a worst take under
 * 100 ms.
 *
 * Prints figures only; it never fails on one. */

#define G_LOG_DOMAIN "bench-import-ticket"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "lotsen-backup.h"
#include "lotsen-demo.h"
#include "lotsen-import.h"
#include "lotsen-queue.h"
#include "lotsen-store.h"
#include "lotsen-test-util.h"

#define TAKE_PAUSE_USEC (10 * 1000) /* between two takes */
#define N_BACKUPS       3

static int opt_lines = 100000;

static const GOptionEntry entries[] = {
  { "lines", 'n', 0, G_OPTION_ARG_INT, &opt_lines, "Import N lines (default 100000)", "N" },
  { NULL }
};

typedef struct
{
  const char         *database;
  const char         *file;
  LotsenImportReport  report;
  gint64              usec;
  gboolean            ok;
  gint                done;   /* atomic */
  const char         *backup;
  gint64              backup_usec;
  gint                backed_up;  /* atomic */
} ImportJob;

/* Two visitors, then a ticket of a day long past, over and over. */
static void
write_file (const char *path,
            guint       n_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_lines; i++)
    {
      if (i % 3 < 2)
        g_string_append_printf (text,
                                "{\"dataset\":\"visitors\",\"kiosk_id\":\"bench\",\"uuid\":\"v-%u\","
                                "\"created_at\":\"2020-03-02T09:00:00+01:00\",\"given_name\":\"Amina\","
                                "\"family_name\":\"Hassan\",\"phone\":\"+4670%07u\",\"lang\":\"ar\"}\n",
                                i, i % 10000000);
      else
        g_string_append_printf (text,
                                "{\"dataset\":\"tickets\",\"kiosk_id\":\"bench\",\"uuid\":\"t-%u\","
                                "\"label\":\"A%03u\",\"service_prefix\":\"A\",\"day\":\"2020-03-%02u\","
                                "\"number\":%u,\"status\":\"done\",\"created_at\":\"2020-03-02T09:30:00+01:00\","
                                "\"visitor_uuid\":\"v-%u\"}\n",
                                i, i / 28 + 1, i % 28 + 1, i / 28 + 1, i - 1);
    }

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);
}

static gpointer
import_thread (gpointer data)
{
  ImportJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open (job->database, NULL, &error);
  gint64 start;

  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  job->ok = lotsen_import_jsonl_file (store, job->file, &job->report, &error);
  job->usec = g_get_monotonic_time () - start;
  if (!job->ok)
    g_printerr ("import failed: %s\n", error->message);

  g_atomic_int_set (&job->done, 1);

  /* Then backups of the grown file, one after another. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_BACKUPS; i++)
    if (!lotsen_backup_write (job->database, job->backup, &error))
      {
        g_printerr ("backup failed: %s\n", error->message);
        g_clear_error (&error);
      }
  job->backup_usec = g_get_monotonic_time () - start;

  g_atomic_int_set (&job->backed_up, 1);
  return NULL;
}

/* The kiosk: a ticket now and then until *@done, each take timed whole. */
static guint
take_tickets (LotsenStore *kiosk,
              gint        *done,
              GArray      *takes)
{
  guint failed = 0;

  while (!g_atomic_int_get (done))
    {
      g_autoptr(LotsenTicket) ticket = NULL;
      g_autoptr(GError) take_error = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 took;

      ticket = lotsen_queue_take_ticket (kiosk, "B", NULL, &take_error);
      took = g_get_monotonic_time () - start;
      if (ticket == NULL)
        {
          failed++;
          g_printerr ("a take failed after %.1f ms: %s\n", took / 1000.0, take_error->message);
        }
      else
        g_array_append_val (takes, took);

      g_usleep (TAKE_PAUSE_USEC);
    }

  return failed;
}

static void
print_takes (const char *during,
             GArray     *takes,
             guint       failed)
{
  g_print ("tickets taken during %s: %u (%u failed)\n", during, takes->len, failed);
  if (takes->len == 0)
    return;

  g_print ("  median take %8.3f ms\n", sort_and_median (takes) / 1000.0);
  g_print ("  worst take  %8.3f ms (target: under 100 ms)\n",
           g_array_index (takes, gint64, takes->len - 1) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— ticket takes during a large import");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *database = NULL;
  g_autofree char *file = NULL;
  g_autoptr(LotsenStore) kiosk = NULL;
  g_autoptr(GArray) takes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) backup_takes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *backup = NULL;
  g_autoptr(GThread) thread = NULL;
  ImportJob job = { 0 };
  guint failed, backup_failed;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt_lines = MAX (opt_lines, 1);

  dir = g_dir_make_tmp ("lotsen-bench-import-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  database = g_build_filename (dir, "kiosk.db", NULL);
  file = g_build_filename (dir, "other.jsonl", NULL);
  backup = g_build_filename (dir, "backup.db", NULL);

  kiosk = lotsen_store_open (database, NULL, &error);
  if (kiosk == NULL || !lotsen_demo_seed (kiosk, &error))
    g_error ("%s", error->message);
  write_file (file, opt_lines);

  job.database = database;
  job.file = file;
  job.backup = backup;
  thread = g_thread_new ("import", import_thread, &job);

  failed = take_tickets (kiosk, &job.done, takes);
  backup_failed = take_tickets (kiosk, &job.backed_up, backup_takes);
  g_thread_join (g_steal_pointer (&thread));

  g_print ("import of %d lines: %.2f s, %" G_GUINT64_FORMAT " batches, %s\n", opt_lines,
           job.usec / (double) G_USEC_PER_SEC, job.report.n_batches, job.ok ? "done" : "failed");
  print_takes ("the import", takes, failed);
  g_print ("%d backups of the grown database: %.2f s\n", N_BACKUPS, job.backup_usec / (double) G_USEC_PER_SEC);
  print_takes ("the backups", backup_takes, backup_failed);

  lotsen_import_report_clear (&job.report);
  g_clear_object (&kiosk);
  g_unlink (file);
  g_unlink (backup);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *path = g_strconcat (database, suffixes[i], NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);

  return EXIT_SUCCESS;
}
