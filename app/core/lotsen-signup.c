/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-signup.c — sign-ups, attendance and the waiting list.
 *
 * Seats: a session holds coalesce (session.capacity, activity.capacity)
 * people.  Sign-ups that are confirmed or attended (walk-ins included)
 * take seats, party size counted; waitlisted ones wait in FIFO order
 * (created_at, id); cancelled and no_show ones hold nothing.
 *
 * Every change that can free a seat — a cancellation, a no-show, a
 * capacity increase — promotes from the waiting list in the same
 * BEGIN IMMEDIATE transaction, so no other connection ever sees a free
 * seat that the first person waiting would fit into.
 *
 * Promotion is strict FIFO: the first waiting party gets seats if it fits
 * and promotion stops at the first party that does not; nobody behind it
 * is let past.  That is fair and easy to explain at the desk ("you are
 * number 2"), at the price of a seat or two staying empty until the party
 * in front fits.  For the same reason a new sign-up goes to the waiting
 * list whenever someone waits already, even when it would fit.
 *
 * The waiting-list position counts sign-ups (parties), not people:
 * position k means k − 1 parties get a seat first.  signup.position holds
 * it for the exports and is renumbered in every transaction that changes
 * the list.  A capacity decrease never removes anyone with a seat.
 *
 * Walk-ins are people who are already in the room: they are recorded as
 * attended directly and may take a session over its capacity (staff at
 * the door decide); they count as taken seats, so nobody waiting is
 * promoted into a seat a walk-in already sits on.
 */

#define G_LOG_DOMAIN "lotsen-signup"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lotsen-activity-private.h"
#include "lotsen-i18n.h"
#include "lotsen-visitor.h"

static const char * const status_names[] = {
  [LOTSEN_SIGNUP_CONFIRMED]  = "confirmed",
  [LOTSEN_SIGNUP_WAITLISTED] = "waitlisted",
  [LOTSEN_SIGNUP_CANCELLED]  = "cancelled",
  [LOTSEN_SIGNUP_ATTENDED]   = "attended",
  [LOTSEN_SIGNUP_NO_SHOW]    = "no_show",
};

void
lotsen_signup_free (LotsenSignup *signup)
{
  if (signup == NULL)
    return;

  g_free (signup->uuid);
  g_free (signup->visitor_code);
  g_free (signup->name);
  g_free (signup->phone);
  g_free (signup->title);
  g_free (signup->title_lang);
  g_free (signup);
}

const char *
lotsen_signup_status_to_string (LotsenSignupStatus status)
{
  g_return_val_if_fail (status <= LOTSEN_SIGNUP_NO_SHOW, NULL);

  return status_names[status];
}

static LotsenSignupStatus
status_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (status_names[i], text) == 0)
      return i;

  g_assert_not_reached ();
}

static LotsenSignup *
signup_from_row (sqlite3_stmt *stmt)
{
  LotsenSignup *signup = g_new0 (LotsenSignup, 1);

  signup->id = sqlite3_column_int64 (stmt, 0);
  signup->uuid = lotsen_store_column_text (stmt, 1);
  signup->session_id = sqlite3_column_int64 (stmt, 2);
  signup->visitor_id = sqlite3_column_int64 (stmt, 3);
  signup->visitor_code = lotsen_store_column_text (stmt, 4);
  signup->name = lotsen_store_column_text (stmt, 5);
  signup->phone = lotsen_store_column_text (stmt, 6);
  signup->party_size = sqlite3_column_int (stmt, 7);
  signup->status = status_from_string ((const char *) sqlite3_column_text (stmt, 8));
  signup->position = sqlite3_column_int (stmt, 9);
  signup->promoted_at = sqlite3_column_int64 (stmt, 10);
  signup->promoted = signup->promoted_at != 0;
  signup->walk_in = sqlite3_column_int (stmt, 11) != 0;
  signup->created_at = sqlite3_column_int64 (stmt, 12);
  signup->changed_at = sqlite3_column_int64 (stmt, 13);
  signup->starts_at = sqlite3_column_int64 (stmt, 14);
  signup->session_cancelled = sqlite3_column_int (stmt, 15) != 0;
  signup->title = lotsen_store_column_text (stmt, 16);
  signup->title_lang = lotsen_store_column_text (stmt, 17);

  return signup;
}

/* Runs @stmt (selecting SIGNUP_SELECT's columns) to the end, one boxed
 * row per result. */
GPtrArray *
lotsen_signup_collect (LotsenStore   *store,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  g_autoptr(GPtrArray) signups = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_signup_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (signups, signup_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&signups);
}

/* The seats of one session, read inside the caller's transaction. */
gboolean
lotsen_session_read_seats (LotsenStore  *store,
                           gint64        session_id,
                           LotsenSeats  *seats,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = lotsen_store_prepare (store,
                               "SELECT se.starts_at, coalesce (se.capacity, a.capacity), " TAKEN ("se.id") ", "
                               "(SELECT count (*) FROM signup WHERE session_id = se.id AND status = 'waitlisted'), "
                               "se.cancelled "
                               "FROM session se JOIN activity a ON a.id = se.activity_id WHERE se.id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found (error, _("This activity no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  seats->starts_at = sqlite3_column_int64 (stmt, 0);
  seats->capacity = sqlite3_column_int (stmt, 1);
  seats->taken = sqlite3_column_int (stmt, 2);
  seats->waiting_signups = sqlite3_column_int (stmt, 3);
  seats->cancelled = sqlite3_column_int (stmt, 4) != 0;

  return TRUE;
}

/* Writes every waiting sign-up's place in the line (1, 2, …) and clears it
 * on those that left the line.  Derived data: changed_at stays. */
gboolean
lotsen_session_renumber_waiting (LotsenStore  *store,
                                 gint64        session_id,
                                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lotsen_store_prepare (store,
                               "UPDATE signup SET position = CASE WHEN status = 'waitlisted' THEN "
                               "  (SELECT count (*) FROM signup w WHERE w.session_id = signup.session_id "
                               "   AND w.status = 'waitlisted' AND (w.created_at < signup.created_at "
                               "   OR (w.created_at = signup.created_at AND w.id < signup.id))) + 1 "
                               "ELSE NULL END "
                               "WHERE session_id = ?1 AND (status = 'waitlisted' OR position IS NOT NULL)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  return lotsen_store_step_done (store, stmt, error);
}

/* Gives free seats to the waiting list, strictly first come, first
 * served: stops at the first party that does not fit.  Inside the
 * caller's transaction. */
gboolean
lotsen_session_promote_waiting (LotsenStore  *store,
                                gint64        session_id,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) pick = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GArray) promoted = g_array_new (FALSE, FALSE, sizeof (gint64));
  LotsenSeats seats;
  int free_seats, rc;

  g_assert (!sqlite3_get_autocommit (lotsen_store_get_db (store)));

  if (!lotsen_session_read_seats (store, session_id, &seats, error))
    return FALSE;

  free_seats = seats.capacity - seats.taken;
  if (seats.cancelled || seats.waiting_signups == 0 || free_seats <= 0)
    return lotsen_session_renumber_waiting (store, session_id, error);

  pick = lotsen_store_prepare (store,
                               "SELECT id, party_size FROM signup WHERE session_id = ? AND status = 'waitlisted' "
                               "ORDER BY created_at, id",
                               error);
  if (pick == NULL)
    return FALSE;

  sqlite3_bind_int64 (pick, 1, session_id);
  while ((rc = sqlite3_step (pick)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (pick, 0);
      int party = sqlite3_column_int (pick, 1);

      if (party > free_seats)
        break;

      free_seats -= party;
      g_array_append_val (promoted, id);
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }
  sqlite3_reset (pick);

  update = lotsen_store_prepare (store,
                                 "UPDATE signup SET status = 'confirmed', promoted_at = ?1, changed_at = ?1 "
                                 "WHERE id = ?2",
                                 error);
  if (update == NULL)
    return FALSE;

  for (guint i = 0; i < promoted->len; i++)
    {
      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, lotsen_store_now (store));
      sqlite3_bind_int64 (update, 2, g_array_index (promoted, gint64, i));
      if (!lotsen_store_step_done (store, update, error))
        return FALSE;
    }

  return lotsen_session_renumber_waiting (store, session_id, error);
}

static gboolean
check_party_size (int      party_size,
                  GError **error)
{
  if (party_size >= 1 && party_size <= LOTSEN_PARTY_MAX)
    return TRUE;

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               /* Translators: %d is the largest party size, e.g. 4. */
               _("A sign-up can be for 1 to %d people."), LOTSEN_PARTY_MAX);
  return FALSE;
}

static gboolean
check_visitor (LotsenStore  *store,
               gint64        visitor_id,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lotsen_store_prepare (store, "SELECT 1 FROM visitor WHERE id = ? AND anonymised_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, visitor_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, _("That personal code is not known here."));
      return FALSE;
    }

  return TRUE;
}

/* Whether the visitor, or someone with the phone number, already holds a
 * seat or a place in line for the session — also across the two ways of
 * signing up (code, or name and phone). */
static gboolean
is_signed_up (LotsenStore  *store,
              gint64        session_id,
              gint64        visitor_id,
              const char   *phone,
              gboolean     *signed_up,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lotsen_store_prepare (store,
                               "SELECT EXISTS (SELECT 1 FROM signup g LEFT JOIN visitor v ON v.id = g.visitor_id "
                               "WHERE g.session_id = ?1 AND g.status IN ('confirmed', 'waitlisted', 'attended') "
                               "AND ((?2 > 0 AND g.visitor_id = ?2) "
                               "  OR (?3 IS NOT NULL AND (g.phone = ?3 OR v.phone = ?3)) "
                               "  OR (?2 > 0 AND g.phone = (SELECT phone FROM visitor WHERE id = ?2 AND phone <> ''))))",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, visitor_id);
  sqlite3_bind_text (stmt, 3, phone, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  *signed_up = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

static gint64
insert_signup (LotsenStore         *store,
               gint64               session_id,
               gint64               visitor_id,
               const char          *name,
               const char          *phone,
               int                  party_size,
               LotsenSignupStatus   status,
               gboolean             walk_in,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *uuid = lotsen_store_new_uuid ();
  gint64 now = lotsen_store_now (store);

  insert = lotsen_store_prepare (store,
                                 "INSERT INTO signup (uuid, session_id, visitor_id, name, phone, party_size, "
                                 "status, walk_in, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (insert == NULL)
    return 0;

  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, session_id);
  if (visitor_id > 0)
    sqlite3_bind_int64 (insert, 3, visitor_id);
  sqlite3_bind_text (insert, 4, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, phone, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 6, party_size);
  sqlite3_bind_text (insert, 7, status_names[status], -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 8, walk_in);
  sqlite3_bind_int64 (insert, 9, now);
  sqlite3_bind_int64 (insert, 10, now);
  if (!lotsen_store_step_done (store, insert, error))
    return 0;

  return sqlite3_last_insert_rowid (lotsen_store_get_db (store));
}

static LotsenSignup *
commit_and_get_signup (LotsenStore  *store,
                       gint64        signup_id,
                       GError      **error)
{
  if (!lotsen_store_commit (store, error))
    return NULL;

  return lotsen_activity_get_signup (store, signup_id, NULL, error);
}

/**
 * lotsen_activity_sign_up:
 * @visitor_id: the signed-in visitor, or 0 for someone without a code
 * @name: (nullable): the given name, when @visitor_id is 0
 * @phone: (nullable): the phone number, when @visitor_id is 0
 * @party_size: 1 to %LOTSEN_PARTY_MAX people, the person included
 *
 * Signs up for a session: a seat when the whole party fits and nobody
 * waits, else the end of the waiting list.  A second sign-up of the same
 * visitor or phone number for the session is refused with
 * %LOTSEN_STORE_ERROR_INVALID and a message that can be shown as it is.
 *
 * Returns: (transfer full): the sign-up (status confirmed or waitlisted,
 *   with its position), or %NULL with @error set
 */
LotsenSignup *
lotsen_activity_sign_up (LotsenStore  *store,
                         gint64        session_id,
                         gint64        visitor_id,
                         const char   *name,
                         const char   *phone,
                         int           party_size,
                         GError      **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_phone = NULL;
  LotsenSignupStatus status;
  gboolean signed_up;
  gint64 signup_id;
  LotsenSeats seats;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);
  g_return_val_if_fail (visitor_id >= 0, NULL);

  if (!check_party_size (party_size, error))
    return NULL;

  if (visitor_id == 0)
    {
      clean_name = lotsen_visitor_normalize_name (name, -1, TRUE, error);
      if (clean_name == NULL)
        return NULL;

      clean_phone = lotsen_visitor_normalize_phone (phone, -1, error);
      if (clean_phone == NULL)
        return NULL;

      if (*clean_phone == '\0')
        {
          set_invalid (error, _("Please give a phone number, so that staff can reach you if something changes."));
          return NULL;
        }
    }

  if (!lotsen_store_begin (store, error))
    return NULL;

  if ((visitor_id > 0 && !check_visitor (store, visitor_id, error)) ||
      !lotsen_session_read_seats (store, session_id, &seats, error))
    goto fail;

  if (seats.cancelled)
    {
      set_invalid (error, _("This activity has been cancelled."));
      goto fail;
    }

  if (seats.starts_at <= lotsen_store_now (store))
    {
      set_invalid (error, _("This activity has already begun, so it is too late to sign up."));
      goto fail;
    }

  if (party_size > seats.capacity)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   ngettext ("This activity has room for only %d person.",
                             "This activity has room for only %d people.", seats.capacity),
                   seats.capacity);
      goto fail;
    }

  if (!is_signed_up (store, session_id, visitor_id, clean_phone, &signed_up, error))
    goto fail;

  if (signed_up)
    {
      /* Only a visitor with a personal code has "My sign-ups". */
      set_invalid (error, visitor_id > 0
                          ? _("You are already signed up for this activity. You can see it under “My sign-ups”.")
                          : _("This phone number is already signed up for this activity."));
      goto fail;
    }

  status = seats.waiting_signups == 0 && party_size <= seats.capacity - seats.taken
           ? LOTSEN_SIGNUP_CONFIRMED : LOTSEN_SIGNUP_WAITLISTED;

  signup_id = insert_signup (store, session_id, visitor_id, clean_name, clean_phone, party_size,
                             status, FALSE, error);
  if (signup_id == 0 || !lotsen_session_renumber_waiting (store, session_id, error))
    goto fail;

  return commit_and_get_signup (store, signup_id, error);

fail:
  lotsen_store_rollback (store);
  return NULL;
}

/**
 * lotsen_activity_get_signup:
 * @lang: (nullable): the language for the activity's title
 *
 * Returns: (transfer full): the sign-up as it is now — a promoted person
 *   sees status confirmed here
 */
LotsenSignup *
lotsen_activity_get_signup (LotsenStore  *store,
                            gint64        signup_id,
                            const char   *lang,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  stmt = lotsen_store_prepare (store, SIGNUP_SELECT "WHERE g.id = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, lang ? lang : LOTSEN_DEFAULT_LANGUAGE, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, signup_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, _("The sign-up no longer exists."));
      return NULL;
    }

  return signup_from_row (stmt);
}

/* Reads a sign-up's status and session inside the caller's transaction. */
static gboolean
read_signup (LotsenStore         *store,
             gint64               signup_id,
             LotsenSignupStatus  *status,
             gint64              *session_id,
             gint64              *starts_at,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lotsen_store_prepare (store,
                               "SELECT g.status, g.session_id, se.starts_at FROM signup g "
                               "JOIN session se ON se.id = g.session_id WHERE g.id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, signup_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, _("The sign-up no longer exists."));
      return FALSE;
    }

  *status = status_from_string ((const char *) sqlite3_column_text (stmt, 0));
  *session_id = sqlite3_column_int64 (stmt, 1);
  *starts_at = sqlite3_column_int64 (stmt, 2);

  return TRUE;
}

static gboolean
set_status (LotsenStore         *store,
            gint64               signup_id,
            LotsenSignupStatus   status,
            GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lotsen_store_prepare (store, "UPDATE signup SET status = ?, changed_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, status_names[status], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, lotsen_store_now (store));
  sqlite3_bind_int64 (stmt, 3, signup_id);

  return lotsen_store_step_done (store, stmt, error);
}

/**
 * lotsen_activity_cancel_signup:
 *
 * Cancels a seat or a place in line and, in the same transaction, gives
 * freed seats to the waiting list.  Cancelling a cancelled sign-up again
 * changes nothing and is no error (a double tap).
 */
gboolean
lotsen_activity_cancel_signup (LotsenStore  *store,
                               gint64        signup_id,
                               GError      **error)
{
  LotsenSignupStatus status;
  gint64 session_id, starts_at;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (!lotsen_store_begin (store, error))
    return FALSE;

  if (!read_signup (store, signup_id, &status, &session_id, &starts_at, error))
    goto fail;

  if (status == LOTSEN_SIGNUP_CANCELLED)
    return lotsen_store_commit (store, error);

  if (status == LOTSEN_SIGNUP_ATTENDED || status == LOTSEN_SIGNUP_NO_SHOW)
    {
      set_invalid (error, _("The activity has already taken place, so the sign-up cannot be cancelled."));
      goto fail;
    }

  if (!set_status (store, signup_id, LOTSEN_SIGNUP_CANCELLED, error) ||
      !lotsen_session_promote_waiting (store, session_id, error))
    goto fail;

  return lotsen_store_commit (store, error);

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

/* Attendance is taken on the session's local day or later, never before. */
static gboolean
check_attendance_day (LotsenStore  *store,
                      gint64        starts_at,
                      GError      **error)
{
  g_autofree char *day = lotsen_store_format_local_day (store, starts_at);
  g_autofree char *today = lotsen_store_format_local_day (store, lotsen_store_now (store));

  if (strcmp (day, today) <= 0)
    return TRUE;

  set_invalid (error, _("Attendance can be taken on the day of the activity, not before."));
  return FALSE;
}

/**
 * lotsen_activity_mark_attended:
 *
 * Marks a sign-up as present.  Someone from the waiting list who came
 * anyway, or was marked absent by mistake, takes a seat even when that
 * goes over capacity: they are in the room.
 */
gboolean
lotsen_activity_mark_attended (LotsenStore  *store,
                               gint64        signup_id,
                               GError      **error)
{
  LotsenSignupStatus status;
  gint64 session_id, starts_at;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (!lotsen_store_begin (store, error))
    return FALSE;

  if (!read_signup (store, signup_id, &status, &session_id, &starts_at, error) ||
      !check_attendance_day (store, starts_at, error))
    goto fail;

  if (status == LOTSEN_SIGNUP_ATTENDED)
    return lotsen_store_commit (store, error);

  if (status == LOTSEN_SIGNUP_CANCELLED)
    {
      set_invalid (error, _("This sign-up was cancelled. Add the person as a walk-in instead."));
      goto fail;
    }

  if (!set_status (store, signup_id, LOTSEN_SIGNUP_ATTENDED, error) ||
      !lotsen_session_renumber_waiting (store, session_id, error))
    goto fail;

  return lotsen_store_commit (store, error);

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

/**
 * lotsen_activity_mark_no_show:
 *
 * Marks someone with a seat as not come; the seat goes to the waiting
 * list in the same transaction.
 */
gboolean
lotsen_activity_mark_no_show (LotsenStore  *store,
                              gint64        signup_id,
                              GError      **error)
{
  LotsenSignupStatus status;
  gint64 session_id, starts_at;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (!lotsen_store_begin (store, error))
    return FALSE;

  if (!read_signup (store, signup_id, &status, &session_id, &starts_at, error) ||
      !check_attendance_day (store, starts_at, error))
    goto fail;

  if (status == LOTSEN_SIGNUP_NO_SHOW)
    return lotsen_store_commit (store, error);

  if (status != LOTSEN_SIGNUP_CONFIRMED && status != LOTSEN_SIGNUP_ATTENDED)
    {
      set_invalid (error, _("Only people with a seat can be marked as not come."));
      goto fail;
    }

  if (!set_status (store, signup_id, LOTSEN_SIGNUP_NO_SHOW, error) ||
      !lotsen_session_promote_waiting (store, session_id, error))
    goto fail;

  return lotsen_store_commit (store, error);

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

/**
 * lotsen_activity_add_walk_in:
 * @visitor_id: the visitor's id when they have a code, or 0
 * @name: (nullable): their given name, when @visitor_id is 0
 *
 * Records people who came without signing up as present.  They may take
 * the session over its capacity (see the top of this file).
 *
 * Returns: (transfer full): the new sign-up, status attended
 */
LotsenSignup *
lotsen_activity_add_walk_in (LotsenStore  *store,
                             gint64        session_id,
                             gint64        visitor_id,
                             const char   *name,
                             int           party_size,
                             GError      **error)
{
  g_autofree char *clean_name = NULL;
  gboolean signed_up;
  gint64 signup_id;
  LotsenSeats seats;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);
  g_return_val_if_fail (visitor_id >= 0, NULL);

  if (!check_party_size (party_size, error))
    return NULL;

  if (visitor_id == 0)
    {
      clean_name = lotsen_visitor_normalize_name (name, -1, TRUE, error);
      if (clean_name == NULL)
        return NULL;
    }

  if (!lotsen_store_begin (store, error))
    return NULL;

  if ((visitor_id > 0 && !check_visitor (store, visitor_id, error)) ||
      !lotsen_session_read_seats (store, session_id, &seats, error) ||
      !check_attendance_day (store, seats.starts_at, error))
    goto fail;

  if (seats.cancelled)
    {
      set_invalid (error, _("This activity has been cancelled."));
      goto fail;
    }

  if (visitor_id > 0)
    {
      if (!is_signed_up (store, session_id, visitor_id, NULL, &signed_up, error))
        goto fail;

      if (signed_up)
        {
          set_invalid (error, _("This visitor is already signed up. Mark them as present instead."));
          goto fail;
        }
    }

  signup_id = insert_signup (store, session_id, visitor_id, clean_name, NULL, party_size,
                             LOTSEN_SIGNUP_ATTENDED, TRUE, error);
  if (signup_id == 0)
    goto fail;

  return commit_and_get_signup (store, signup_id, error);

fail:
  lotsen_store_rollback (store);
  return NULL;
}

/**
 * lotsen_activity_list_visitor_signups:
 * @lang: (nullable): the language for the titles
 *
 * Returns: (transfer full) (element-type LotsenSignup): the visitor's
 *   sign-ups for sessions that have not ended, cancelled ones left out,
 *   soonest first
 */
GPtrArray *
lotsen_activity_list_visitor_signups (LotsenStore  *store,
                                      gint64        visitor_id,
                                      const char   *lang,
                                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  stmt = lotsen_store_prepare (store,
                               SIGNUP_SELECT "WHERE g.visitor_id = ?2 AND g.status <> 'cancelled' "
                               "AND se.ends_at > ?3 ORDER BY se.starts_at, g.id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, lang ? lang : LOTSEN_DEFAULT_LANGUAGE, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, visitor_id);
  sqlite3_bind_int64 (stmt, 3, lotsen_store_now (store));

  return lotsen_signup_collect (store, stmt, error);
}

/**
 * lotsen_activity_list_session_signups:
 *
 * Returns: (transfer full) (element-type LotsenSignup): the session's
 *   sign-ups for staff: those with a seat (present and absent included)
 *   in the order they signed up, then the waiting list in order;
 *   cancelled ones left out.  Titles are in Swedish.
 */
GPtrArray *
lotsen_activity_list_session_signups (LotsenStore  *store,
                                      gint64        session_id,
                                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  stmt = lotsen_store_prepare (store,
                               SIGNUP_SELECT "WHERE g.session_id = ?2 AND g.status <> 'cancelled' "
                               "ORDER BY " SIGNUP_ORDER,
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, LOTSEN_DEFAULT_LANGUAGE, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, session_id);

  return lotsen_signup_collect (store, stmt, error);
}
