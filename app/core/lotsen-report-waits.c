/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-report-waits.c — waiting times for the funder report, kept so
 * that the exact median can be read off without sorting every wait.
 */

#define G_LOG_DOMAIN "lotsen-stats"

#include "config.h"

#include "lotsen-stats-private.h"

void
lotsen_waits_add (LotsenWaits *waits,
                  gint64       wait)
{
  if (wait >= 0 && wait < WAIT_BINS)
    {
      if (waits->bins == NULL)
        waits->bins = g_new0 (guint32, WAIT_BINS);
      waits->bins[wait]++;
    }
  else
    {
      if (waits->outliers == NULL)
        waits->outliers = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (waits->outliers, wait);
    }

  waits->n++;
}

void
lotsen_waits_merge (LotsenWaits       *sum,
                    const LotsenWaits *waits)
{
  if (waits->bins != NULL)
    {
      if (sum->bins == NULL)
        sum->bins = g_new0 (guint32, WAIT_BINS);
      for (guint i = 0; i < WAIT_BINS; i++)
        sum->bins[i] += waits->bins[i];
    }

  if (waits->outliers != NULL)
    {
      if (sum->outliers == NULL)
        sum->outliers = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (sum->outliers, waits->outliers->data, waits->outliers->len);
    }

  sum->n += waits->n;
}

void
lotsen_waits_clear (LotsenWaits *waits)
{
  g_clear_pointer (&waits->bins, g_free);
  g_clear_pointer (&waits->outliers, g_array_unref);
  waits->n = 0;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The @k-th smallest wait, from 0; the outliers are sorted. */
static gint64
waits_nth (const LotsenWaits *waits,
           guint64            k)
{
  const gint64 *outliers = waits->outliers != NULL ? (const gint64 *) (gpointer) waits->outliers->data : NULL;
  guint n_outliers = waits->outliers != NULL ? waits->outliers->len : 0;
  guint below = 0;

  g_assert (k < waits->n);

  while (below < n_outliers && outliers[below] < 0)
    below++;
  if (k < below)
    return outliers[k];
  k -= below;

  if (waits->bins != NULL)
    for (gint64 wait = 0; wait < WAIT_BINS; wait++)
      {
        if (k < waits->bins[wait])
          return wait;
        k -= waits->bins[wait];
      }

  g_assert (below + k < n_outliers);
  return outliers[below + k];
}

/* The middle wait, or the mean of the middle two rounded half away from
 * zero (as SQL's round () does); -1 without any wait. */
gint64
lotsen_waits_median (LotsenWaits *waits)
{
  gint64 sum;

  if (waits->n == 0)
    return -1;

  if (waits->outliers != NULL)
    g_array_sort (waits->outliers, compare_gint64);

  sum = waits_nth (waits, (waits->n - 1) / 2) + waits_nth (waits, waits->n / 2);
  return sum >= 0 ? (sum + 1) / 2 : -((-sum + 1) / 2);
}
