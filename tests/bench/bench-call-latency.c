/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-call-latency — how soon a call made in another process reaches the
 * call board (and so the now-serving display): lotsen-admin call-next runs
 * as its own process on the same database, and the time is taken from the
 * moment it has exited (its call committed) to the board's ::called signal,
 * and from its start to the signal.  The board polls PRAGMA data_version
 * every LOTSEN_CALL_BOARD_POLL_MS, so the first figure is at most about
 * that; the aim is well under one second.  Also the cost of an idle look.
 *
 * Usage: bench-call-latency LOTSEN-ADMIN [--count N]
 * Prints figures only; it never fails on one. */

#define G_LOG_DOMAIN "bench-call-latency"

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lotsen-call-board.h"
#include "lotsen-demo.h"
#include "lotsen-queue.h"
#include "lotsen-store.h"
#include "lotsen-test-util.h"

static int opt_count = 40;

static const GOptionEntry entries[] = {
  { "count", 'n', 0, G_OPTION_ARG_INT, &opt_count, "Make N calls (default 40)", "N" },
  { NULL }
};

static gint64
percentile (const gint64 *sorted,
            guint         n,
            guint         percent)
{
  guint rank = (guint) (((guint64) percent * n + 99) / 100);

  return sorted[CLAMP (rank, 1, n) - 1];
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
print_figures (const char *what,
               GArray     *samples)
{
  gint64 *values = (gint64 *) samples->data;

  g_array_sort (samples, compare_int64);
  g_print ("%-34s n=%u  median %6.1f ms  p90 %6.1f ms  max %6.1f ms\n", what, samples->len,
           percentile (values, samples->len, 50) / 1000.0,
           percentile (values, samples->len, 90) / 1000.0,
           values[samples->len - 1] / 1000.0);
}

static void
called_cb (LotsenCallBoard  *board,
           const LotsenCall *call,
           gint64           *received)
{
  *received = g_get_monotonic_time ();
}

static void
exited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gint64 *exited = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *exited = g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("LOTSEN-ADMIN");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autoptr(LotsenCallBoard) board = NULL;
  g_autoptr(GArray) from_commit = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) from_start = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 received = 0, exited = 0, idle_start, idle_usec;
  const char *admin;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("Usage: bench-call-latency LOTSEN-ADMIN [--count N]\n");
      return 2;
    }
  admin = argv[1];

  dir = g_dir_make_tmp ("lotsen-bench-calls-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "lotsen.db", NULL);
  store = lotsen_store_open_seeded (path, NULL, lotsen_demo_seed, &error);
  g_assert_no_error (error);
  for (int i = 0; i < opt_count; i++)
    lotsen_ticket_free (lotsen_queue_take_ticket (store, "A", "ar", NULL));

  board = lotsen_call_board_new (path, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (board, "called", G_CALLBACK (called_cb), &received);
  lotsen_call_board_start (board);

  /* What the board costs while nothing happens: one look. */
  idle_start = g_get_monotonic_time ();
  for (int i = 0; i < 10000; i++)
    lotsen_call_board_poll (board);
  idle_usec = g_get_monotonic_time () - idle_start;

  for (int i = 0; i < opt_count; i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *desk = g_strdup_printf ("%d", 1 + i % 9);
      gint64 started, latency;

      received = exited = 0;
      /* Not in step with the board's timer. */
      g_usleep (g_random_int_range (0, 250000));

      started = g_get_monotonic_time ();
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                  admin, "--database", path, "call-next", "--desk", desk, NULL);
      g_assert_no_error (error);
      g_subprocess_wait_async (process, NULL, exited_cb, &exited);

      while (received == 0 || exited == 0)
        g_main_context_iteration (NULL, TRUE);

      /* The signal can come before the process is reaped. */
      latency = MAX (received - exited, 0);
      g_array_append_val (from_commit, latency);
      latency = received - started;
      g_array_append_val (from_start, latency);
    }

  g_print ("Poll interval: %d ms; an idle look: %.1f us\n", LOTSEN_CALL_BOARD_POLL_MS, idle_usec / 10000.0);
  print_figures ("lotsen-admin exited -> ::called", from_commit);
  print_figures ("lotsen-admin started -> ::called", from_start);

  lotsen_call_board_stop (board);
  g_clear_object (&board);
  g_clear_object (&store);
  remove_tree (dir);

  return EXIT_SUCCESS;
}
