/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-activity-edit.c — staff's changes to activities and sessions:
 * a draft checked and written with its texts, the weekly sessions
 * generated, a session's seats changed or the session cancelled.  Every
 * change is recorded in the audit table.
 *
 * Sign-ups, seats and the waiting list are in lotsen-signup.c; a change
 * here that can free seats (more seats for an activity or a session)
 * promotes from the waiting list through it, in the same transaction.
 */

#define G_LOG_DOMAIN "lotsen-activity"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lotsen-activity-private.h"
#include "lotsen-i18n.h"

#define DEFAULT_MINUTES  60
#define TITLE_MAX_CHARS 120

static gboolean
check_capacity (int      capacity,
                GError **error)
{
  if (capacity >= 0 && capacity <= LOTSEN_CAPACITY_MAX)
    return TRUE;

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               /* Translators: %d is the largest number of seats, e.g. 999. */
               _("The number of seats must be from 0 to %d."), LOTSEN_CAPACITY_MAX);
  return FALSE;
}

/* Staff changes go into the audit table, in the change's transaction. */
static gboolean G_GNUC_PRINTF (4, 5)
audit_change (LotsenStore  *store,
              GError      **error,
              const char   *what,
              const char   *format,
              ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  return lotsen_store_audit (store, what, detail, error);
}

/**
 * lotsen_activity_set_session_capacity:
 * @capacity: the session's seats, 0 to %LOTSEN_CAPACITY_MAX
 *
 * Gives one session its own number of seats.  More seats go to the
 * waiting list at once; fewer never take a seat from anyone who has one
 * (the session stays over capacity until people cancel).
 */
gboolean
lotsen_activity_set_session_capacity (LotsenStore  *store,
                                      gint64        session_id,
                                      int           capacity,
                                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  LotsenSeats seats;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (!check_capacity (capacity, error))
    return FALSE;

  if (!lotsen_store_begin (store, error))
    return FALSE;

  if (!lotsen_session_read_seats (store, session_id, &seats, error))
    goto fail;

  stmt = lotsen_store_prepare (store, "UPDATE session SET capacity = ?, changed_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int (stmt, 1, capacity);
  sqlite3_bind_int64 (stmt, 2, lotsen_store_now (store));
  sqlite3_bind_int64 (stmt, 3, session_id);
  if (!lotsen_store_step_done (store, stmt, error) ||
      !lotsen_session_promote_waiting (store, session_id, error) ||
      !audit_change (store, error, "session capacity", "session %" G_GINT64_FORMAT ": %d seats",
                     session_id, capacity))
    goto fail;

  return lotsen_store_commit (store, error);

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

/**
 * lotsen_activity_cancel_session:
 *
 * Cancels one session.  The sign-ups keep their status (so the statistics
 * still see who had signed up) and show the session as cancelled.
 *
 * Returns: (transfer full) (element-type LotsenSignup): the people to
 *   tell — those with a seat, then the waiting list — or %NULL with
 *   @error set
 */
GPtrArray *
lotsen_activity_cancel_session (LotsenStore  *store,
                                gint64        session_id,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) people = NULL;
  g_autoptr(GPtrArray) signups = NULL;
  LotsenSeats seats;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  if (!lotsen_store_begin (store, error))
    return NULL;

  if (!lotsen_session_read_seats (store, session_id, &seats, error))
    goto fail;

  update = lotsen_store_prepare (store, "UPDATE session SET cancelled = 1, changed_at = ? WHERE id = ?", error);
  if (update == NULL)
    goto fail;

  sqlite3_bind_int64 (update, 1, lotsen_store_now (store));
  sqlite3_bind_int64 (update, 2, session_id);
  if (!lotsen_store_step_done (store, update, error) ||
      !audit_change (store, error, "session cancel", "session %" G_GINT64_FORMAT, session_id))
    goto fail;

  people = lotsen_store_prepare (store,
                                 SIGNUP_SELECT "WHERE g.session_id = ?2 AND g.status IN ('confirmed', 'waitlisted') "
                                 "ORDER BY " SIGNUP_ORDER,
                                 error);
  if (people == NULL)
    goto fail;

  sqlite3_bind_text (people, 1, LOTSEN_DEFAULT_LANGUAGE, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (people, 2, session_id);
  signups = lotsen_signup_collect (store, people, error);
  if (signups == NULL || !lotsen_store_commit (store, error))
    goto fail;

  return g_steal_pointer (&signups);

fail:
  lotsen_store_rollback (store);
  return NULL;
}

static gboolean
check_draft (const LotsenActivityDraft  *draft,
             gboolean                    schedule,
             GError                    **error)
{
  if (draft->category == NULL || *draft->category == '\0' ||
      draft->pictogram == NULL || *draft->pictogram == '\0')
    {
      set_invalid (error, _("Choose a category and a pictogram for the activity."));
      return FALSE;
    }

  if (!check_capacity (draft->capacity, error))
    return FALSE;

  if (schedule)
    {
      if (draft->minutes < 0 || draft->minutes > LOTSEN_SESSION_MINUTES_MAX)
        {
          g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                       /* Translators: %d is a number of minutes. */
                       _("An activity can last at most %d minutes."), LOTSEN_SESSION_MINUTES_MAX);
          return FALSE;
        }

      if (draft->weekday < 0 || draft->weekday > 7 ||
          (draft->weekday > 0 && (draft->hour < 0 || draft->hour > 23 ||
                                  draft->minute < 0 || draft->minute > 59)) ||
          (draft->weekday == 0 && draft->once == NULL))
        {
          set_invalid (error, _("Choose a weekday and a time, or one date and time."));
          return FALSE;
        }
    }

  if (draft->texts->len == 0 && schedule)
    {
      set_invalid (error, _("The activity needs a title in at least one language."));
      return FALSE;
    }

  for (guint i = 0; i < draft->texts->len; i++)
    {
      const LotsenActivityText *text = draft->texts->pdata[i];

      if (lotsen_i18n_lookup (text->lang) == NULL)
        {
          g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                       /* Translators: %s is a language code such as "xx". */
                       _("“%s” is not one of the kiosk’s languages."), text->lang);
          return FALSE;
        }

      if (text->title == NULL || !g_utf8_validate (text->title, -1, NULL) ||
          (text->description != NULL && !g_utf8_validate (text->description, -1, NULL)))
        {
          set_invalid (error, _("The title is missing or cannot be read."));
          return FALSE;
        }

      if (g_utf8_strlen (text->title, -1) > TITLE_MAX_CHARS)
        {
          g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                       /* Translators: %d is a number of characters. */
                       _("A title can be at most %d characters long."), TITLE_MAX_CHARS);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_texts (LotsenStore                *store,
             gint64                      activity_id,
             const LotsenActivityDraft  *draft,
             GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lotsen_store_prepare (store,
                               "INSERT INTO activity_text (activity_id, lang, title, description) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT (activity_id, lang) DO UPDATE SET title = excluded.title, "
                               "description = excluded.description",
                               error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < draft->texts->len; i++)
    {
      const LotsenActivityText *text = draft->texts->pdata[i];
      g_autofree char *title = g_strstrip (g_strdup (text->title));
      g_autofree char *description = text->description ? g_strstrip (g_strdup (text->description)) : NULL;

      if (*title == '\0')
        {
          set_invalid (error, _("The title is missing or cannot be read."));
          return FALSE;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, activity_id);
      sqlite3_bind_text (stmt, 2, text->lang, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
      if (description != NULL && *description != '\0')
        sqlite3_bind_text (stmt, 4, description, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 4);
      if (!lotsen_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_session (LotsenStore  *store,
                gint64        activity_id,
                gint64        starts_at,
                int           minutes,
                guint        *n_added,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = lotsen_store_new_uuid ();

  stmt = lotsen_store_prepare (store,
                               "INSERT OR IGNORE INTO session (uuid, activity_id, starts_at, ends_at, changed_at) "
                               "VALUES (?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, activity_id);
  sqlite3_bind_int64 (stmt, 3, starts_at);
  sqlite3_bind_int64 (stmt, 4, starts_at + (gint64) minutes * 60);
  sqlite3_bind_int64 (stmt, 5, lotsen_store_now (store));
  if (!lotsen_store_step_done (store, stmt, error))
    return FALSE;

  if (n_added != NULL)
    *n_added += sqlite3_changes (lotsen_store_get_db (store));

  return TRUE;
}

/* Adds a weekly activity's missing sessions from today to
 * %LOTSEN_SESSION_WEEKS weeks ahead.  Each start is built from the local
 * date and wall-clock time, so 15:00 stays 15:00 on either side of a
 * daylight-saving change; UNIQUE (activity_id, starts_at) keeps a second
 * run from adding any twice. */
static gboolean
generate_weekly (LotsenStore  *store,
                 gint64        activity_id,
                 int           weekday,
                 int           hour,
                 int           minute,
                 int           minutes,
                 guint        *n_added,
                 GError      **error)
{
  GTimeZone *tz = lotsen_store_get_timezone (store);
  gint64 now = lotsen_store_now (store);
  g_autoptr(GDateTime) local_now = lotsen_store_to_local (store, now);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now),
                  g_date_time_get_year (local_now));

  for (int d = 0; d < LOTSEN_SESSION_WEEKS * 7; d++, g_date_add_days (&date, 1))
    {
      g_autoptr(GDateTime) starts = NULL;

      if ((int) g_date_get_weekday (&date) != weekday)
        continue;

      starts = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), hour, minute, 0);
      if (starts == NULL || g_date_time_to_unix (starts) <= now)
        continue;

      if (!insert_session (store, activity_id, g_date_time_to_unix (starts), minutes, n_added, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * lotsen_activity_create:
 *
 * Adds an activity with its texts and its sessions (the one-off one, or
 * %LOTSEN_SESSION_WEEKS weeks of a weekly one), in one transaction.
 *
 * Returns: the new activity's id, or 0 with @error set
 */
gint64
lotsen_activity_create (LotsenStore                *store,
                        const LotsenActivityDraft  *draft,
                        GError                    **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GDateTime) once = NULL;
  g_autofree char *uuid = lotsen_store_new_uuid ();
  g_autofree char *start_time = NULL;
  gint64 activity_id;
  int minutes;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!check_draft (draft, TRUE, error))
    return 0;

  minutes = draft->minutes > 0 ? draft->minutes : DEFAULT_MINUTES;
  if (draft->weekday > 0)
    start_time = g_strdup_printf ("%02d:%02d", draft->hour, draft->minute);
  else
    {
      once = g_date_time_to_timezone (draft->once, lotsen_store_get_timezone (store));
      start_time = g_date_time_format (once, "%H:%M");
    }

  if (!lotsen_store_begin (store, error))
    return 0;

  insert = lotsen_store_prepare (store,
                                 "INSERT INTO activity (uuid, category, pictogram, location, capacity, "
                                 "weekday, start_time, minutes, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (insert == NULL)
    goto fail;

  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, draft->category, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, draft->pictogram, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, draft->location, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 5, draft->capacity);
  if (draft->weekday > 0)
    sqlite3_bind_int (insert, 6, draft->weekday);
  sqlite3_bind_text (insert, 7, start_time, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 8, minutes);
  sqlite3_bind_int64 (insert, 9, lotsen_store_now (store));
  if (!lotsen_store_step_done (store, insert, error))
    goto fail;

  activity_id = sqlite3_last_insert_rowid (lotsen_store_get_db (store));

  if (!write_texts (store, activity_id, draft, error))
    goto fail;

  if (draft->weekday > 0
      ? !generate_weekly (store, activity_id, draft->weekday, draft->hour, draft->minute, minutes, NULL, error)
      : !insert_session (store, activity_id, g_date_time_to_unix (once), minutes, NULL, error))
    goto fail;

  if (!audit_change (store, error, "activity create", "activity %" G_GINT64_FORMAT, activity_id))
    goto fail;

  if (!lotsen_store_commit (store, error))
    return 0;

  return activity_id;

fail:
  lotsen_store_rollback (store);
  return 0;
}

/**
 * lotsen_activity_update:
 *
 * Changes an activity's category, pictogram, place, seats and texts (a
 * language in @draft replaces that language's text; the others stay).
 * The schedule in @draft is not used: sessions already generated stay.
 * More seats go at once to the waiting lists of the coming sessions that
 * have no capacity of their own.
 */
gboolean
lotsen_activity_update (LotsenStore                *store,
                        gint64                      activity_id,
                        const LotsenActivityDraft  *draft,
                        GError                    **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) coming = NULL;
  g_autoptr(GArray) sessions = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (!check_draft (draft, FALSE, error))
    return FALSE;

  if (!lotsen_store_begin (store, error))
    return FALSE;

  update = lotsen_store_prepare (store,
                                 "UPDATE activity SET category = ?, pictogram = ?, location = ?, capacity = ?, "
                                 "changed_at = ? WHERE id = ?",
                                 error);
  if (update == NULL)
    goto fail;

  sqlite3_bind_text (update, 1, draft->category, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, draft->pictogram, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, draft->location, -1, SQLITE_STATIC);
  sqlite3_bind_int (update, 4, draft->capacity);
  sqlite3_bind_int64 (update, 5, lotsen_store_now (store));
  sqlite3_bind_int64 (update, 6, activity_id);
  if (!lotsen_store_step_done (store, update, error))
    goto fail;

  if (sqlite3_changes (lotsen_store_get_db (store)) == 0)
    {
      set_not_found (error, _("This activity no longer exists."));
      goto fail;
    }

  if (!write_texts (store, activity_id, draft, error) ||
      !audit_change (store, error, "activity change", "activity %" G_GINT64_FORMAT, activity_id))
    goto fail;

  coming = lotsen_store_prepare (store,
                                 "SELECT id FROM session WHERE activity_id = ? AND capacity IS NULL "
                                 "AND NOT cancelled AND ends_at > ?",
                                 error);
  if (coming == NULL)
    goto fail;

  sqlite3_bind_int64 (coming, 1, activity_id);
  sqlite3_bind_int64 (coming, 2, lotsen_store_now (store));
  while ((rc = sqlite3_step (coming)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (coming, 0);
      g_array_append_val (sessions, id);
    }
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      goto fail;
    }
  sqlite3_reset (coming);

  for (guint i = 0; i < sessions->len; i++)
    if (!lotsen_session_promote_waiting (store, g_array_index (sessions, gint64, i), error))
      goto fail;

  return lotsen_store_commit (store, error);

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

/**
 * lotsen_activity_generate_sessions:
 * @n_added: (out) (optional): how many sessions were added
 *
 * Adds the missing sessions of every active weekly activity up to
 * %LOTSEN_SESSION_WEEKS weeks ahead; run it at start-up and daily.
 * Running it again adds nothing.
 */
gboolean
lotsen_activity_generate_sessions (LotsenStore  *store,
                                   guint        *n_added,
                                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint added = 0;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (!lotsen_store_begin (store, error))
    return FALSE;

  stmt = lotsen_store_prepare (store,
                               "SELECT id, weekday, start_time, minutes FROM activity "
                               "WHERE active AND weekday IS NOT NULL AND start_time IS NOT NULL",
                               error);
  if (stmt == NULL)
    goto fail;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *start_time = (const char *) sqlite3_column_text (stmt, 2);
      int hour, minute;

      if (sscanf (start_time, "%d:%d", &hour, &minute) != 2 ||
          hour < 0 || hour > 23 || minute < 0 || minute > 59)
        {
          g_debug ("Activity %" G_GINT64_FORMAT " has an unreadable start time “%s”",
                   (gint64) sqlite3_column_int64 (stmt, 0), start_time);
          continue;
        }

      if (!generate_weekly (store, sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                            hour, minute, sqlite3_column_int (stmt, 3), &added, error))
        goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      goto fail;
    }
  sqlite3_reset (stmt);

  if (!lotsen_store_commit (store, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;

  return TRUE;

fail:
  lotsen_store_rollback (store);
  return FALSE;
}
