/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-ticket — how long taking a ticket and calling the next one take on
 * a durable store (WAL, synchronous=FULL): latency per call (median, p90,
 * p99, max), calls per second, and the process's peak memory.
 *
 * Prints figures only; it never fails on one. */

#define G_LOG_DOMAIN "bench-ticket"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "lotsen-demo.h"
#include "lotsen-queue.h"
#include "lotsen-store.h"
#include "lotsen-test-util.h"

#define CALL_COUNT 1000
#define DESK_COUNT 4

static const char * const prefixes[] = { "A", "B", "C", "D" };

static int opt_count = 1000;

static const GOptionEntry entries[] = {
  { "count", 'n', 0, G_OPTION_ARG_INT, &opt_count, "Take N tickets (default 1000)", "N" },
  { NULL }
};

/* Nearest rank: the smallest sample that at least @percent % of all
 * samples do not exceed. */
static gint64
percentile (const gint64 *sorted,
            guint         n,
            guint         percent)
{
  guint rank = (guint) (((guint64) percent * n + 99) / 100);

  return sorted[CLAMP (rank, 1, n) - 1];
}

static void
print_figures (const char *what,
               GArray     *samples,
               gint64      total_usec)
{
  const gint64 *sorted;
  guint n = samples->len;
  double middle;

  g_print ("%s\n", what);
  if (n == 0)
    {
      g_print ("  no calls\n");
      return;
    }

  middle = sort_and_median (samples);
  sorted = &g_array_index (samples, gint64, 0);

  g_print ("  count   %u\n", n);
  g_print ("  median  %8.3f ms\n", middle / 1000.0);
  g_print ("  p90     %8.3f ms\n", percentile (sorted, n, 90) / 1000.0);
  g_print ("  p99     %8.3f ms\n", percentile (sorted, n, 99) / 1000.0);
  g_print ("  max     %8.3f ms\n", sorted[n - 1] / 1000.0);
  g_print ("  rate    %8.1f /s\n", total_usec > 0 ? n / (total_usec / (double) G_USEC_PER_SEC) : 0.0);
}

/* VmHWM from /proc/self/status, in MiB; negative when unknown. */
static double
peak_rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "\nVmHWM:");
  if (line == NULL)
    return -1;

  /* "VmHWM:     12345 kB" */
  return g_ascii_strtod (line + strlen ("\nVmHWM:"), NULL) / 1024.0;
}

static gboolean
take_tickets (LotsenStore  *store,
              guint         count,
              GArray       *samples,
              gint64       *total_usec,
              GError      **error)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(LotsenTicket) ticket = NULL;
      gint64 before = g_get_monotonic_time ();
      gint64 took;

      ticket = lotsen_queue_take_ticket (store, prefixes[i % G_N_ELEMENTS (prefixes)], NULL, error);
      took = g_get_monotonic_time () - before;
      if (ticket == NULL)
        return FALSE;

      if (samples != NULL)
        g_array_append_val (samples, took);
    }

  if (total_usec != NULL)
    *total_usec = g_get_monotonic_time () - start;

  return TRUE;
}

static gboolean
call_tickets (LotsenStore  *store,
              guint         count,
              GArray       *samples,
              gint64       *total_usec,
              GError      **error)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(LotsenTicket) ticket = NULL;
      gint64 before = g_get_monotonic_time ();
      gint64 took;

      ticket = lotsen_queue_call_next (store, 1 + i % DESK_COUNT, NULL, error);
      took = g_get_monotonic_time () - before;
      if (ticket == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
                         "No ticket was waiting at call %u", i + 1);
          return FALSE;
        }

      g_array_append_val (samples, took);
    }

  *total_usec = g_get_monotonic_time () - start;

  return TRUE;
}

static gboolean
run (const char  *path,
     GError     **error)
{
  g_autoptr(LotsenStore) store = NULL;
  g_autoptr(GArray) take_samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), opt_count);
  g_autoptr(GArray) call_samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), CALL_COUNT);
  gint64 take_total = 0, call_total = 0;
  gint64 before;
  double peak;

  before = g_get_monotonic_time ();
  store = lotsen_store_open (path, NULL, error);
  if (store == NULL || !lotsen_demo_seed (store, error))
    return FALSE;

  g_print ("store: fresh database in a temporary folder, durable (WAL, synchronous=FULL)\n");
  g_print ("open + demo seed: %.3f ms\n\n", (g_get_monotonic_time () - before) / 1000.0);

  if (!take_tickets (store, opt_count, take_samples, &take_total, error))
    return FALSE;

  print_figures ("lotsen_queue_take_ticket (prefixes A, B, C, D in turn)", take_samples, take_total);
  g_print ("\n");

  /* Every timed call must find a ticket waiting; the extra ones are not timed. */
  if (opt_count < CALL_COUNT && !take_tickets (store, CALL_COUNT - opt_count, NULL, NULL, error))
    return FALSE;

  if (!call_tickets (store, CALL_COUNT, call_samples, &call_total, error))
    return FALSE;

  print_figures ("lotsen_queue_call_next (desks 1 to 4 in turn)", call_samples, call_total);
  g_print ("\n");

  peak = peak_rss_mib ();
  if (peak >= 0)
    g_print ("peak RSS (VmHWM): %.1f MiB\n", peak);
  else
    g_print ("peak RSS (VmHWM): unknown\n");

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  context = g_option_context_new ("- time taking and calling tickets on a durable store");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-ticket: %s\n", error->message);
      return 2;
    }

  if (opt_count < 1)
    {
      g_printerr ("bench-ticket: --count must be at least 1\n");
      return 2;
    }

  dir = g_dir_make_tmp ("lotsen-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-ticket: %s\n", error->message);
      return 1;
    }

  path = g_build_filename (dir, "lotsen.db", NULL);
  ok = run (path, &error);
  remove_tree (dir);

  if (!ok)
    {
      g_printerr ("bench-ticket: %s\n", error->message);
      return 1;
    }

  return 0;
}
