/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The screen's sleep hours, on a fixed clock in the kiosk's time zone:
 * across midnight, on both summer-time changes, and never when unset. */
#include "config.h"

#include "lotsen-clock.h"
#include "lotsen-sleep-hours.h"
#include "lotsen-test-util.h"

/* Whether the screen sleeps at @unix_seconds, Stockholm time. */
static gboolean
asleep_at (const char *from,
           const char *to,
           gint64      unix_seconds)
{
  g_autoptr(LotsenClock) clock = lotsen_clock_new_fixed (unix_seconds);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (lotsen_clock_get_now (clock));
  g_autoptr(GDateTime) local = NULL;

  g_assert_nonnull (zone);
  local = g_date_time_to_timezone (utc, zone);

  return lotsen_sleep_hours_contain (from, to, local);
}

/* @hour:@minute on 2024-@month-@day, Stockholm time, as Unix seconds. */
static gint64
local_time (int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) time = g_date_time_new (zone, 2024, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
test_across_midnight (void)
{
  g_assert_false (asleep_at ("22:00", "07:00", local_time (1, 15, 21, 59)));
  g_assert_true (asleep_at ("22:00", "07:00", local_time (1, 15, 22, 0)));
  g_assert_true (asleep_at ("22:00", "07:00", local_time (1, 15, 23, 59)));
  g_assert_true (asleep_at ("22:00", "07:00", local_time (1, 16, 0, 0)));
  g_assert_true (asleep_at ("22:00", "07:00", local_time (1, 16, 6, 59)));
  g_assert_false (asleep_at ("22:00", "07:00", local_time (1, 16, 7, 0)));
  g_assert_false (asleep_at ("22:00", "07:00", local_time (1, 16, 12, 0)));
}

static void
test_within_a_day (void)
{
  g_assert_false (asleep_at ("12:00", "13:30", local_time (6, 3, 11, 59)));
  g_assert_true (asleep_at ("12:00", "13:30", local_time (6, 3, 12, 0)));
  g_assert_true (asleep_at ("12:00", "13:30", local_time (6, 3, 13, 29)));
  g_assert_false (asleep_at ("12:00", "13:30", local_time (6, 3, 13, 30)));
  g_assert_false (asleep_at ("12:00", "13:30", local_time (6, 3, 23, 0)));
}

/* The hours are wall-clock hours: summer time moves none of them. */
static void
test_summer_time (void)
{
  /* 31 March 2024: at 02:00 CET the clocks go to 03:00 CEST. */
  gint64 change = local_time (3, 31, 3, 0);
  g_autoptr(LotsenClock) clock = lotsen_clock_new_fixed (change - 1);

  g_assert_false (asleep_at ("03:00", "04:00", lotsen_clock_get_now (clock)));
  lotsen_clock_advance (clock, 1);
  g_assert_true (asleep_at ("03:00", "04:00", lotsen_clock_get_now (clock)));
  g_assert_true (asleep_at ("22:00", "07:00", local_time (3, 31, 6, 59)));
  g_assert_false (asleep_at ("22:00", "07:00", local_time (3, 31, 7, 0)));
  /* 07:00 CEST is 05:00 UTC: not an hour early or late. */
  g_assert_cmpint (local_time (3, 31, 7, 0) % 86400, ==, 5 * 3600);

  /* 27 October 2024: at 03:00 CEST the clocks go back to 02:00 CET, and
   * 02:30 comes twice: both times are in 02:00–03:00. */
  lotsen_clock_set_now (clock, local_time (10, 27, 1, 59) + 60);
  g_assert_true (asleep_at ("02:00", "03:00", lotsen_clock_get_now (clock)));
  lotsen_clock_advance (clock, 30 * 60);
  g_assert_true (asleep_at ("02:00", "03:00", lotsen_clock_get_now (clock)));
  lotsen_clock_advance (clock, 60 * 60);
  g_assert_true (asleep_at ("02:00", "03:00", lotsen_clock_get_now (clock)));
  lotsen_clock_advance (clock, 30 * 60);
  g_assert_false (asleep_at ("02:00", "03:00", lotsen_clock_get_now (clock)));
  g_assert_true (asleep_at ("22:00", "07:00", local_time (10, 27, 6, 59)));
  g_assert_false (asleep_at ("22:00", "07:00", local_time (10, 27, 7, 0)));
}

static void
test_never (void)
{
  gint64 night = local_time (1, 15, 23, 0);
  const char *not_times[] = { "", "22", "24:00", "22:60", "22:5", "10:00:00", "ten", "-1:00", NULL };

  g_assert_false (asleep_at ("", "", night));
  g_assert_false (asleep_at (NULL, NULL, night));
  g_assert_false (asleep_at ("22:00", "", night));
  g_assert_false (asleep_at ("", "07:00", night));
  g_assert_false (asleep_at ("22:00", "22:00", night));
  for (guint i = 0; not_times[i] != NULL; i++)
    {
      g_assert_false (asleep_at (not_times[i], "07:00", night));
      g_assert_false (asleep_at ("22:00", not_times[i], night));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sleep-hours/across-midnight", test_across_midnight);
  g_test_add_func ("/sleep-hours/within-a-day", test_within_a_day);
  g_test_add_func ("/sleep-hours/summer-time", test_summer_time);
  g_test_add_func ("/sleep-hours/never", test_never);

  return g_test_run ();
}
