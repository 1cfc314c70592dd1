/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-ics.c — the activities' sessions as iCalendar (RFC 5545), to
 * import into a calendar program: one VEVENT per session, times in UTC.
 */

#define G_LOG_DOMAIN "lotsen-export"

#include "config.h"

#include "lotsen-export-private.h"
#include "lotsen-ics.h"

#define ICS_LINE_OCTETS 75 /* RFC 5545 3.1, without the CRLF */

/* %TRUE when @column holds unix seconds that a calendar can show. */
static gboolean
column_time (sqlite3_stmt *stmt,
             int           column,
             gint64       *unix_seconds)
{
  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER)
    return FALSE;

  *unix_seconds = sqlite3_column_int64 (stmt, column);
  return *unix_seconds >= MIN_TIME && *unix_seconds <= MAX_TIME;
}

/* An iCalendar DATE-TIME in UTC: 20261125T090000Z. */
char *
lotsen_ics_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  g_assert (utc != NULL);
  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

/* An iCalendar TEXT value (RFC 5545 3.3.11): '\', ';' and ',' escaped,
 * a line break (CRLF, LF or CR) as "\n"; other control characters, which
 * TEXT cannot hold, become U+FFFD. */
static void
append_ics_text (GString    *line,
                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\\' || c == ';' || c == ',')
        {
          g_string_append_c (line, '\\');
          g_string_append_c (line, c);
        }
      else if (c == '\r' && p[1] == '\n')
        continue;
      else if (c == '\n' || c == '\r')
        g_string_append (line, "\\n");
      else if ((c < 0x20 && c != '\t') || c == 0x7F)
        g_string_append (line, REPLACEMENT);
      else
        g_string_append_c (line, c);
    }
}

/* One content line, folded (RFC 5545 3.1): at most 75 octets a line,
 * each continuation starting with a space, never inside a UTF-8
 * character. */
static void
append_ics_line (GString    *buffer,
                 const char *line,
                 gsize       length)
{
  gsize room = ICS_LINE_OCTETS;

  while (length > room)
    {
      gsize cut = room;

      /* Back to the first byte of a character. */
      while (((guchar) line[cut] & 0xC0) == 0x80)
        cut--;

      g_string_append_len (buffer, line, cut);
      g_string_append (buffer, "\r\n ");
      line += cut;
      length -= cut;
      room = ICS_LINE_OCTETS - 1; /* the space counts */
    }

  g_string_append_len (buffer, line, length);
  g_string_append (buffer, "\r\n");
}

static void
append_ics_property (GString    *buffer,
                     const char *name,
                     const char *value,
                     gboolean    is_text)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  if (is_text)
    append_ics_text (line, value);
  else
    g_string_append (line, value);

  append_ics_line (buffer, line->str, line->len);
}

void
lotsen_ics_append_header (GString *buffer)
{
  g_string_append (buffer,
                   "BEGIN:VCALENDAR\r\n"
                   "VERSION:2.0\r\n"
                   "PRODID:-//Lotsen//Lotsen kiosk//SV\r\n"
                   "CALSCALE:GREGORIAN\r\n"
                   "X-WR-CALNAME:Lotsen\r\n");
}

/* One session (a row of the activities data set) as a VEVENT, in UTC.  A session without a start time is
 * no event (RFC 5545 needs DTSTART) and is left out: returns %FALSE. */
gboolean
lotsen_ics_append_event (GString      *buffer,
                         const char   *stamp,
                         sqlite3_stmt *stmt)
{
  g_autofree char *uuid = lotsen_export_column_utf8 (stmt, LOTSEN_ACTIVITIES_SESSION_UUID);
  g_autofree char *title = lotsen_export_column_utf8 (stmt, LOTSEN_ACTIVITIES_TITLE);
  g_autofree char *location = lotsen_export_column_utf8 (stmt, LOTSEN_ACTIVITIES_LOCATION);
  g_autofree char *uid = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gint64 starts_at, ends_at;
  gboolean cancelled;

  if (uuid == NULL || !column_time (stmt, LOTSEN_ACTIVITIES_STARTS_AT, &starts_at))
    return FALSE;

  uid = g_strconcat (uuid, "@lotsen", NULL);
  start = lotsen_ics_format_time (starts_at);
  /* Without a later end, the event ends when it starts (RFC 5545 3.6.1). */
  if (column_time (stmt, LOTSEN_ACTIVITIES_ENDS_AT, &ends_at) && ends_at > starts_at)
    end = lotsen_ics_format_time (ends_at);
  cancelled = sqlite3_column_int64 (stmt, LOTSEN_ACTIVITIES_CANCELLED) != 0;

  g_string_append (buffer, "BEGIN:VEVENT\r\n");
  append_ics_property (buffer, "UID", uid, TRUE);
  append_ics_property (buffer, "DTSTAMP", stamp, FALSE);
  append_ics_property (buffer, "DTSTART", start, FALSE);
  if (end != NULL)
    append_ics_property (buffer, "DTEND", end, FALSE);
  if (title != NULL && *title != '\0')
    append_ics_property (buffer, "SUMMARY", title, TRUE);
  if (location != NULL && *location != '\0')
    append_ics_property (buffer, "LOCATION", location, TRUE);
  append_ics_property (buffer, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED", FALSE);
  g_string_append (buffer, "END:VEVENT\r\n");

  return TRUE;
}

void
lotsen_ics_append_footer (GString *buffer)
{
  g_string_append (buffer, "END:VCALENDAR\r\n");
}
