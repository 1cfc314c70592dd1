/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-startup — how long the kiosk takes from process start to its first
 * frame on screen, on a new database (created and demo-seeded) and on an
 * existing one, and how long each process runs until it has exited.
 *
 * Usage: bench-startup [--runs N] [--database BIG.db] PATH-TO-LOTSEN
 *
 * With --database, also on that existing database (bench-generate's five
 * years of a busy centre), which it opens but does not remove: start-up
 * should not grow with the data (maintenance runs after the first frame).
 *
 * The kiosk's hidden --exit-after-first-frame option prints
 * "first-frame <g_get_monotonic_time ()>" and quits; the monotonic clock is
 * the same in every process, so it compares with the time taken here just
 * before spawning.  Needs a display: tests/bench/run.sh gives it Xvfb.
 *
 * Prints figures only; it never fails on one. */

#define G_LOG_DOMAIN "bench-startup"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lotsen-test-util.h"

#define EXIT_SKIP 77

static int opt_runs = 10;
static char *opt_database;

static const GOptionEntry entries[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "Start the kiosk N times per case (default 10)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database, "Also start on this existing (big) database", "PATH" },
  { NULL }
};

static void
print_row (const char *what,
           GArray     *values)
{
  const gint64 *sorted;
  guint n = values->len;
  double median;

  if (n == 0)
    {
      g_print ("  %-20s %10s\n", what, "no runs");
      return;
    }

  median = sort_and_median (values);
  sorted = &g_array_index (values, gint64, 0);

  g_print ("  %-20s %10.1f %10.1f %10.1f\n", what,
           sorted[0] / 1000.0, median / 1000.0, sorted[n - 1] / 1000.0);
}

static void
print_table (const char *title,
             GArray     *new_database,
             GArray     *existing_database)
{
  g_print ("%s\n", title);
  g_print ("  %-20s %10s %10s %10s\n", "", "min ms", "median ms", "max ms");
  print_row ("new database", new_database);
  print_row ("existing database", existing_database);
}

/* The database and SQLite's companion files, so the next run creates it anew. */
static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static gboolean
parse_first_frame (const char *output,
                   gint64     *first_frame)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint64 value;

      if (g_str_has_prefix (lines[i], "first-frame ") &&
          g_ascii_string_to_unsigned (g_strchomp (lines[i] + strlen ("first-frame ")), 10,
                                      0, G_MAXINT64, &value, NULL))
        {
          *first_frame = (gint64) value;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
run_kiosk (const char  *lotsen,
           const char  *database,
           gint64      *to_first_frame,
           gint64      *to_exit,
           GError     **error)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 spawned, first_frame, exited;

  spawned = g_get_monotonic_time ();
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, error,
                              lotsen, "--windowed", "--database", database,
                              "--exit-after-first-frame", NULL);
  if (process == NULL)
    return FALSE;

  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, error) ||
      !g_subprocess_wait (process, NULL, error))
    return FALSE;
  exited = g_get_monotonic_time ();

  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s did not exit cleanly; its messages:\n%s", lotsen, err ? err : "");
      return FALSE;
    }

  if (!parse_first_frame (out ? out : "", &first_frame))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s printed no \"first-frame\" line; its messages:\n%s", lotsen, err ? err : "");
      return FALSE;
    }

  *to_first_frame = first_frame - spawned;
  *to_exit = exited - spawned;

  return TRUE;
}

static gboolean
run_into (const char  *lotsen,
          const char  *database,
          GArray      *to_first_frame,
          GArray      *to_exit,
          GError     **error)
{
  gint64 frame_usec, exit_usec;

  if (!run_kiosk (lotsen, database, &frame_usec, &exit_usec, error))
    return FALSE;

  g_array_append_val (to_first_frame, frame_usec);
  g_array_append_val (to_exit, exit_usec);

  return TRUE;
}

static gboolean
run (const char  *lotsen,
     const char  *database,
     GError     **error)
{
  /* gint64 µs from spawning to the first frame, and to the exit */
  g_autoptr(GArray) new_first_frame = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) new_exit = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) existing_first_frame = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) existing_exit = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 frame_usec, exit_usec;

  /* Not counted: the first start of all may fill caches (fonts, shared
   * libraries) that every later start finds full. */
  if (!run_kiosk (lotsen, database, &frame_usec, &exit_usec, error))
    return FALSE;
  g_print ("warm-up start (not counted): first frame %.1f ms, exit %.1f ms\n\n",
           frame_usec / 1000.0, exit_usec / 1000.0);

  /* Each start on a new database is followed by one on the database it made. */
  for (int i = 0; i < opt_runs; i++)
    {
      remove_database (database);
      if (!run_into (lotsen, database, new_first_frame, new_exit, error) ||
          !run_into (lotsen, database, existing_first_frame, existing_exit, error))
        return FALSE;
    }

  print_table ("process start -> first frame drawn", new_first_frame, existing_first_frame);
  g_print ("\n");
  print_table ("process start -> process exited (wall time)", new_exit, existing_exit);

  if (opt_database != NULL)
    {
      g_autoptr(GArray) big_first_frame = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) big_exit = g_array_new (FALSE, FALSE, sizeof (gint64));
      double demo, big;

      if (!run_kiosk (lotsen, opt_database, &frame_usec, &exit_usec, error))
        return FALSE;
      for (int i = 0; i < opt_runs; i++)
        if (!run_into (lotsen, opt_database, big_first_frame, big_exit, error))
          return FALSE;

      demo = sort_and_median (existing_first_frame);
      big = sort_and_median (big_first_frame);
      g_print ("\nprocess start -> first frame drawn, existing databases\n");
      g_print ("  %-20s %10s %10s %10s\n", "", "min ms", "median ms", "max ms");
      print_row ("demo database", existing_first_frame);
      print_row ("big database", big_first_frame);
      g_print ("  big / demo (medians): %.3f\n", demo > 0 ? big / demo : 0.0);
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *database = NULL;
  const char *display = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");
  const char *lotsen;
  gboolean ok;

  context = g_option_context_new ("PATH-TO-LOTSEN - time the kiosk from start to first frame");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 2;
    }

  if (argc != 2 || opt_runs < 1)
    {
      g_printerr ("Usage: bench-startup [--runs N] [--database BIG.db] PATH-TO-LOTSEN  (N at least 1)\n");
      return 2;
    }
  lotsen = argv[1];

  if ((display == NULL || *display == '\0') && (wayland == NULL || *wayland == '\0'))
    {
      g_printerr ("bench-startup: no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                  "Run it via tests/bench/run.sh, which starts one with Xvfb.\n");
      return EXIT_SKIP;
    }

  if (!g_file_test (lotsen, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("bench-startup: %s is not an executable\n", lotsen);
      return 2;
    }

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL || g_getenv ("LOTSEN_LOCALEDIR") == NULL)
    g_printerr ("bench-startup: GSETTINGS_SCHEMA_DIR or LOTSEN_LOCALEDIR is not set; "
                "an uninstalled kiosk may not start (tests/bench/run.sh sets both)\n");

  dir = g_dir_make_tmp ("lotsen-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 1;
    }
  database = g_build_filename (dir, "lotsen.db", NULL);

  g_print ("kiosk: %s --windowed --database <new or existing> --exit-after-first-frame\n", lotsen);
  g_print ("display: %s, renderer: %s, %d runs per case\n\n",
           wayland && *wayland ? wayland : display,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "GTK's choice", opt_runs);

  ok = run (lotsen, database, &error);

  remove_tree (dir);

  if (!ok)
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 1;
    }

  return 0;
}
