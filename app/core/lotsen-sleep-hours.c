/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-sleep-hours.c — whether the screen sleeps now: the settings
 * "sleep-from" and "sleep-to" are local wall-clock times ("22:00",
 * "07:00"), the hours between them may run across midnight, and they are
 * compared with the local time as the clock on the wall shows it, so a
 * change to or from summer time moves nothing. */

#define G_LOG_DOMAIN "lotsen-sleep-hours"

#include "config.h"

#include <string.h>

#include "lotsen-sleep-hours.h"

/* "HH:MM" as minutes after midnight, or -1. */
static int
parse_time (const char *text)
{
  guint64 hour, minute;
  g_auto(GStrv) parts = NULL;

  if (text == NULL || *text == '\0')
    return -1;

  parts = g_strsplit (text, ":", -1);
  if (g_strv_length (parts) != 2 || strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &hour, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minute, NULL))
    return -1;

  return (int) (hour * 60 + minute);
}

/**
 * lotsen_sleep_hours_contain:
 * @from: (nullable): when the screen goes to sleep, "HH:MM" local time
 * @to: (nullable): when it wakes for the day, "HH:MM" local time
 * @local: the time now, in the kiosk's time zone
 *
 * Returns: %TRUE when @local is in [@from, @to), across midnight when @to
 *   comes before @from; %FALSE when either is empty or not a time, or
 *   both are the same (the screen never sleeps)
 */
gboolean
lotsen_sleep_hours_contain (const char *from,
                            const char *to,
                            GDateTime  *local)
{
  int start = parse_time (from);
  int end = parse_time (to);
  int now;

  g_return_val_if_fail (local != NULL, FALSE);

  if (start < 0 || end < 0 || start == end)
    return FALSE;

  now = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  if (start < end)
    return now >= start && now < end;

  return now >= start || now < end;
}
