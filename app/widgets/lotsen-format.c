/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-format.c — times, seats and categories as the visitor reads them.
 *
 * The kiosk has no system locales, so the names of days and months are
 * our own translations, and every screen that shows a session's time
 * writes it the same way. */

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-format.h"

static const char * const weekdays[] = {
  /* Translators: a day of the week, in activity times such as “Monday 14:00”. */
  N_("Monday"),
  /* Translators: a day of the week, in activity times such as “Monday 14:00”. */
  N_("Tuesday"),
  /* Translators: a day of the week, in activity times such as “Monday 14:00”. */
  N_("Wednesday"),
  /* Translators: a day of the week, in activity times such as “Monday 14:00”. */
  N_("Thursday"),
  /* Translators: a day of the week, in activity times such as “Monday 14:00”. */
  N_("Friday"),
  /* Translators: a day of the week, in activity times such as “Monday 14:00”. */
  N_("Saturday"),
  /* Translators: a day of the week, in activity times such as “Monday 14:00”. */
  N_("Sunday"),
};

static const char * const months[] = {
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("January"),
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("February"),
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("March"),
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("April"),
  /* Translators: the name of a month, in dates such as “3 May” (May, the month). */
  N_("May"),
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("June"),
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("July"),
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("August"),
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("September"),
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("October"),
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("November"),
  /* Translators: the name of a month, in dates such as “3 May”. */
  N_("December"),
};

/**
 * lotsen_format_when:
 * @time: unix seconds
 * @timezone: the site's
 *
 * Returns: (transfer full): e.g. "Tuesday 1 December, 15:00", in the
 *   current language
 */
char *
lotsen_format_when (gint64     time,
                    GTimeZone *timezone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, timezone);

  /* Translators: a session's start: weekday, day of the month, month, hour
   * and minute, e.g. "Tuesday 1 December, 15:00". Reorder with %1$s etc. */
  return g_strdup_printf (_("%1$s %2$d %3$s, %4$02d:%5$02d"),
                          _(weekdays[g_date_time_get_day_of_week (local) - 1]),
                          g_date_time_get_day_of_month (local),
                          _(months[g_date_time_get_month (local) - 1]),
                          g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

/**
 * lotsen_format_weekday:
 * @weekday: 1 = Monday … 7 = Sunday
 *
 * Returns: the day's name in the current language
 */
const char *
lotsen_format_weekday (int weekday)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, "");

  return _(weekdays[weekday - 1]);
}

/**
 * lotsen_format_seats:
 *
 * Returns: (transfer full): "3 seats left", or "Full. Waiting list: 2"
 */
char *
lotsen_format_seats (const LotsenSession *session)
{
  if (session->waiting > 0 || session->seats_left == 0)
    return g_strdup_printf (_("Full. Waiting list: %d"), session->waiting);

  return g_strdup_printf (ngettext ("%d seat left", "%d seats left", session->seats_left),
                          session->seats_left);
}

/**
 * lotsen_format_category:
 * @key: a category key
 *
 * Returns: the category's name in the current language, or @key itself
 *   for a category the kiosk does not know
 */
const char *
lotsen_format_category (const char *key)
{
  const LotsenCategory *category = lotsen_activity_lookup_category (key);

  return category != NULL ? _(category->label) : key;
}

/**
 * lotsen_format_interpreter_name:
 * @language_name: a language's name, as on its button
 *
 * Returns: (transfer full): the accessible name of a button that asks
 *   for an interpreter in that language, told apart from the language
 *   bar's
 */
char *
lotsen_format_interpreter_name (const char *language_name)
{
  /* Translators: the accessible name of a button asking for an
   * interpreter; %s is the language's own name (العربية). */
  return g_strdup_printf (_("Interpreter: %s"), language_name);
}

/**
 * lotsen_format_language_name:
 * @code: a language code from the language table
 *
 * Returns: the language's name in the language on screen ("arabiska" on
 *   a Swedish screen), for staff; the code itself when unknown
 */
const char *
lotsen_format_language_name (const char *code)
{
  static const struct { const char *code; const char *name; } names[] = {
    { "sv", NC_("language", "Swedish") },
    { "en", NC_("language", "English") },
    { "ar", NC_("language", "Arabic") },
    { "fa", NC_("language", "Persian") },
    { "ti", NC_("language", "Tigrinya") },
    { "so", NC_("language", "Somali") },
    { "uk", NC_("language", "Ukrainian") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].code, code) == 0)
      return g_dpgettext2 (NULL, "language", names[i].name);

  return code;
}
