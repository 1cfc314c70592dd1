/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-activity.c — activities, their sessions, sign-ups and the waiting list.
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

#define G_LOG_DOMAIN "lotsen-activity"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lotsen-activity.h"
#include "lotsen-i18n.h"
#include "lotsen-store-private.h"
#include "lotsen-visitor.h"

#define DEFAULT_MINUTES  60
#define TITLE_MAX_CHARS 120

static const char * const status_names[] = {
  [LOTSEN_SIGNUP_CONFIRMED]  = "confirmed",
  [LOTSEN_SIGNUP_WAITLISTED] = "waitlisted",
  [LOTSEN_SIGNUP_CANCELLED]  = "cancelled",
  [LOTSEN_SIGNUP_ATTENDED]   = "attended",
  [LOTSEN_SIGNUP_NO_SHOW]    = "no_show",
};

/* The categories visitors filter by; staff pick one for each activity.
 * An activity imported with a key not listed here shows the key itself. */
static const LotsenCategory categories[] = {
  /* Translators: a category of activities: language cafés, Swedish practice */
  { "language", "lotsen-language-symbolic", N_("Language") },
  /* Translators: a category of activities: job coaching, CV workshops */
  { "work",     "lotsen-work-symbolic",     N_("Work") },
  /* Translators: a category of activities: courses, study visits */
  { "studies",  "lotsen-studies-symbolic",  N_("Studies") },
  /* Translators: a category of activities: how Swedish society works */
  { "society",  "lotsen-society-symbolic",  N_("Society") },
  /* Translators: a category of activities: parents' groups, children */
  { "family",   "lotsen-family-symbolic",   N_("Family") },
  /* Translators: a category of activities: health information, walks */
  { "health",   "lotsen-health-symbolic",   N_("Health") },
  /* Translators: a category of activities: sports, outings, crafts */
  { "leisure",  "lotsen-leisure-symbolic",  N_("Leisure") },
};

/* The title in ?1, then Swedish, then any language the activity has. */
#define TITLE_LANG(activity) \
  "(SELECT lang FROM activity_text WHERE activity_id = " activity " " \
  "ORDER BY lang = ?1 DESC, lang = 'sv' DESC, lang LIMIT 1)"

#define TAKEN(session) \
  "(SELECT coalesce (sum (party_size), 0) FROM signup " \
  "WHERE session_id = " session " AND status IN ('confirmed', 'attended'))"

#define SESSION_SELECT \
  "SELECT se.id, se.uuid, se.activity_id, se.starts_at, se.ends_at, se.cancelled, " \
  "a.category, a.pictogram, a.location, t.title, t.lang, " \
  "coalesce (se.capacity, a.capacity), " TAKEN ("se.id") ", " \
  "max (coalesce (se.capacity, a.capacity) - " TAKEN ("se.id") ", 0), " \
  "(SELECT coalesce (sum (party_size), 0) FROM signup WHERE session_id = se.id AND status = 'waitlisted'), " \
  "(SELECT count (*) FROM signup WHERE session_id = se.id AND status = 'waitlisted') " \
  "FROM session se JOIN activity a ON a.id = se.activity_id " \
  "LEFT JOIN activity_text t ON t.activity_id = a.id AND t.lang = " TITLE_LANG ("a.id") " "

#define SIGNUP_SELECT \
  "SELECT g.id, g.uuid, g.session_id, g.visitor_id, v.code, coalesce (g.name, v.given_name), " \
  "coalesce (g.phone, nullif (v.phone, '')), g.party_size, g.status, g.position, g.promoted_at, " \
  "g.walk_in, g.created_at, g.changed_at, se.starts_at, se.cancelled, t.title, t.lang " \
  "FROM signup g JOIN session se ON se.id = g.session_id " \
  "LEFT JOIN visitor v ON v.id = g.visitor_id " \
  "LEFT JOIN activity_text t ON t.activity_id = se.activity_id AND t.lang = " TITLE_LANG ("se.activity_id") " "

/* Seated first in the order they signed up, then the waiting list. */
#define SIGNUP_ORDER "g.status = 'waitlisted', g.created_at, g.id"

static void
activity_text_free (LotsenActivityText *text)
{
  g_free (text->lang);
  g_free (text->title);
  g_free (text->description);
  g_free (text);
}

LotsenActivityDraft *
lotsen_activity_draft_new (void)
{
  LotsenActivityDraft *draft = g_new0 (LotsenActivityDraft, 1);

  draft->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) activity_text_free);
  return draft;
}

void
lotsen_activity_draft_free (LotsenActivityDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->category);
  g_free (draft->pictogram);
  g_free (draft->location);
  g_clear_pointer (&draft->once, g_date_time_unref);
  g_ptr_array_unref (draft->texts);
  g_free (draft);
}

/**
 * lotsen_activity_draft_set_text:
 * @lang: a language code
 * @title: the title in @lang
 * @description: (nullable): the description in @lang
 *
 * Sets (or replaces) the activity's text in one language.
 */
void
lotsen_activity_draft_set_text (LotsenActivityDraft *draft,
                                const char          *lang,
                                const char          *title,
                                const char          *description)
{
  LotsenActivityText *text;

  g_return_if_fail (draft != NULL);
  g_return_if_fail (lang != NULL);

  for (guint i = 0; i < draft->texts->len; i++)
    if (g_str_equal (((LotsenActivityText *) draft->texts->pdata[i])->lang, lang))
      {
        g_ptr_array_remove_index (draft->texts, i);
        break;
      }

  text = g_new0 (LotsenActivityText, 1);
  text->lang = g_strdup (lang);
  text->title = g_strdup (title);
  text->description = g_strdup (description);
  g_ptr_array_add (draft->texts, text);
}

void
lotsen_activity_free (LotsenActivity *activity)
{
  if (activity == NULL)
    return;

  g_free (activity->uuid);
  g_free (activity->category);
  g_free (activity->pictogram);
  g_free (activity->location);
  g_free (activity->start_time);
  g_free (activity->title);
  g_free (activity->title_lang);
  g_free (activity->description);
  g_clear_pointer (&activity->texts, g_ptr_array_unref);
  g_strfreev (activity->missing_langs);
  g_free (activity);
}

void
lotsen_session_free (LotsenSession *session)
{
  if (session == NULL)
    return;

  g_free (session->uuid);
  g_free (session->category);
  g_free (session->pictogram);
  g_free (session->location);
  g_free (session->title);
  g_free (session->title_lang);
  g_free (session);
}

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

/**
 * lotsen_activity_get_categories:
 * @n_categories: (out): how many there are
 *
 * Returns: (array length=n_categories): the categories, in the order
 *   they are shown; their labels untranslated (pass them through _())
 */
const LotsenCategory *
lotsen_activity_get_categories (guint *n_categories)
{
  g_return_val_if_fail (n_categories != NULL, NULL);

  *n_categories = G_N_ELEMENTS (categories);
  return categories;
}

/**
 * lotsen_activity_lookup_category:
 * @key: (nullable): a category key such as "language"
 *
 * Returns: (nullable): the category, or %NULL when @key is not one of them
 */
const LotsenCategory *
lotsen_activity_lookup_category (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i].key, key))
      return &categories[i];

  return NULL;
}

static LotsenSignupStatus
status_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (status_names[i], text) == 0)
      return i;

  g_assert_not_reached ();
}

static void
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID, message);
}

static void
set_not_found (GError     **error,
               const char  *message)
{
  g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND, message);
}

static LotsenSession *
session_from_row (sqlite3_stmt *stmt,
                  const char   *lang)
{
  LotsenSession *session = g_new0 (LotsenSession, 1);

  session->id = sqlite3_column_int64 (stmt, 0);
  session->uuid = lotsen_store_column_text (stmt, 1);
  session->activity_id = sqlite3_column_int64 (stmt, 2);
  session->starts_at = sqlite3_column_int64 (stmt, 3);
  session->ends_at = sqlite3_column_int64 (stmt, 4);
  session->cancelled = sqlite3_column_int (stmt, 5) != 0;
  session->category = lotsen_store_column_text (stmt, 6);
  session->pictogram = lotsen_store_column_text (stmt, 7);
  session->location = lotsen_store_column_text (stmt, 8);
  session->title = lotsen_store_column_text (stmt, 9);
  session->title_lang = lotsen_store_column_text (stmt, 10);
  session->title_fallback = g_strcmp0 (session->title_lang, lang) != 0;
  session->capacity = sqlite3_column_int (stmt, 11);
  session->taken = sqlite3_column_int (stmt, 12);
  session->seats_left = sqlite3_column_int (stmt, 13);
  session->waiting = sqlite3_column_int (stmt, 14);
  session->waiting_signups = sqlite3_column_int (stmt, 15);

  return session;
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

/* Runs @stmt to the end, one boxed row per result. */
static GPtrArray *
collect_signups (LotsenStore   *store,
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
typedef struct
{
  gint64   starts_at;
  int      capacity;
  int      taken;
  int      waiting_signups;
  gboolean cancelled;
} Seats;

static gboolean
read_seats (LotsenStore  *store,
            gint64        session_id,
            Seats        *seats,
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
static gboolean
renumber (LotsenStore  *store,
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
static gboolean
promote_waiting (LotsenStore  *store,
                 gint64        session_id,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) pick = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GArray) promoted = g_array_new (FALSE, FALSE, sizeof (gint64));
  Seats seats;
  int free_seats, rc;

  g_assert (!sqlite3_get_autocommit (lotsen_store_get_db (store)));

  if (!read_seats (store, session_id, &seats, error))
    return FALSE;

  free_seats = seats.capacity - seats.taken;
  if (seats.cancelled || seats.waiting_signups == 0 || free_seats <= 0)
    return renumber (store, session_id, error);

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

  return renumber (store, session_id, error);
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
  Seats seats;

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
      !read_seats (store, session_id, &seats, error))
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
  if (signup_id == 0 || !renumber (store, session_id, error))
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
      !promote_waiting (store, session_id, error))
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
      !renumber (store, session_id, error))
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
      !promote_waiting (store, session_id, error))
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
  Seats seats;

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
      !read_seats (store, session_id, &seats, error) ||
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

  return collect_signups (store, stmt, error);
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

  return collect_signups (store, stmt, error);
}

/**
 * lotsen_activity_list_sessions:
 * @from: the first start time to include (unix seconds)
 * @to: the first start time no longer included
 * @lang: (nullable): the language for the titles
 * @category: (nullable): only this category
 * @with_cancelled: also cancelled sessions (for staff)
 *
 * Returns: (transfer full) (element-type LotsenSession): the sessions of
 *   active activities starting in [@from, @to), in time order
 */
GPtrArray *
lotsen_activity_list_sessions (LotsenStore  *store,
                               gint64        from,
                               gint64        to,
                               const char   *lang,
                               const char   *category,
                               gboolean      with_cancelled,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  lang = lang ? lang : LOTSEN_DEFAULT_LANGUAGE;

  stmt = lotsen_store_prepare (store,
                               SESSION_SELECT "WHERE a.active AND se.starts_at >= ?2 AND se.starts_at < ?3 "
                               "AND (?4 IS NULL OR a.category = ?4) AND (?5 OR NOT se.cancelled) "
                               "ORDER BY se.starts_at, se.id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_text (stmt, 4, category, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, with_cancelled);

  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_session_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sessions, session_from_row (stmt, lang));

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&sessions);
}

/**
 * lotsen_activity_get_session:
 * @lang: (nullable): the language for the title
 *
 * Returns: (transfer full): the session with its seat counts
 */
LotsenSession *
lotsen_activity_get_session (LotsenStore  *store,
                             gint64        session_id,
                             const char   *lang,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  lang = lang ? lang : LOTSEN_DEFAULT_LANGUAGE;

  stmt = lotsen_store_prepare (store, SESSION_SELECT "WHERE se.id = ?2", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, session_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, _("This activity no longer exists."));
      return NULL;
    }

  return session_from_row (stmt, lang);
}

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
  Seats seats;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (!check_capacity (capacity, error))
    return FALSE;

  if (!lotsen_store_begin (store, error))
    return FALSE;

  if (!read_seats (store, session_id, &seats, error))
    goto fail;

  stmt = lotsen_store_prepare (store, "UPDATE session SET capacity = ?, changed_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int (stmt, 1, capacity);
  sqlite3_bind_int64 (stmt, 2, lotsen_store_now (store));
  sqlite3_bind_int64 (stmt, 3, session_id);
  if (!lotsen_store_step_done (store, stmt, error) ||
      !promote_waiting (store, session_id, error) ||
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
  Seats seats;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  if (!lotsen_store_begin (store, error))
    return NULL;

  if (!read_seats (store, session_id, &seats, error))
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
  signups = collect_signups (store, people, error);
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
    if (!promote_waiting (store, g_array_index (sessions, gint64, i), error))
      goto fail;

  return lotsen_store_commit (store, error);

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

/**
 * lotsen_activity_get:
 * @lang: (nullable): the language for the title
 *
 * Returns: (transfer full): the activity, with every language's text and
 *   the kiosk's languages that have none yet
 */
LotsenActivity *
lotsen_activity_get (LotsenStore  *store,
                     gint64        activity_id,
                     const char   *lang,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) texts = NULL;
  g_autoptr(LotsenActivity) activity = NULL;
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  const LotsenLanguage *languages;
  guint n_languages;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  lang = lang ? lang : LOTSEN_DEFAULT_LANGUAGE;

  stmt = lotsen_store_prepare (store,
                               "SELECT a.id, a.uuid, a.category, a.pictogram, a.location, a.capacity, "
                               "coalesce (a.weekday, 0), a.start_time, a.minutes, t.title, t.lang, t.description "
                               "FROM activity a LEFT JOIN activity_text t ON t.activity_id = a.id "
                               "AND t.lang = " TITLE_LANG ("a.id") " WHERE a.id = ?2",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, activity_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, _("This activity no longer exists."));
      return NULL;
    }

  activity = g_new0 (LotsenActivity, 1);
  activity->id = sqlite3_column_int64 (stmt, 0);
  activity->uuid = lotsen_store_column_text (stmt, 1);
  activity->category = lotsen_store_column_text (stmt, 2);
  activity->pictogram = lotsen_store_column_text (stmt, 3);
  activity->location = lotsen_store_column_text (stmt, 4);
  activity->capacity = sqlite3_column_int (stmt, 5);
  activity->weekday = sqlite3_column_int (stmt, 6);
  activity->start_time = lotsen_store_column_text (stmt, 7);
  activity->minutes = sqlite3_column_int (stmt, 8);
  activity->title = lotsen_store_column_text (stmt, 9);
  activity->title_lang = lotsen_store_column_text (stmt, 10);
  activity->title_fallback = g_strcmp0 (activity->title_lang, lang) != 0;
  activity->description = lotsen_store_column_text (stmt, 11);
  activity->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) activity_text_free);

  texts = lotsen_store_prepare (store,
                                "SELECT lang, title, description FROM activity_text WHERE activity_id = ? ORDER BY lang",
                                error);
  if (texts == NULL)
    return NULL;

  sqlite3_bind_int64 (texts, 1, activity_id);
  while ((rc = sqlite3_step (texts)) == SQLITE_ROW)
    {
      LotsenActivityText *text = g_new0 (LotsenActivityText, 1);

      text->lang = lotsen_store_column_text (texts, 0);
      text->title = lotsen_store_column_text (texts, 1);
      text->description = lotsen_store_column_text (texts, 2);
      g_ptr_array_add (activity->texts, text);
    }
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      gboolean found = FALSE;

      for (guint t = 0; t < activity->texts->len && !found; t++)
        found = g_str_equal (((LotsenActivityText *) activity->texts->pdata[t])->lang, languages[i].code);

      if (!found)
        g_strv_builder_add (missing, languages[i].code);
    }
  activity->missing_langs = g_strv_builder_end (missing);

  return g_steal_pointer (&activity);
}

/**
 * lotsen_activity_list:
 * @lang: (nullable): the language for the titles
 *
 * Returns: (transfer full) (element-type LotsenActivity): the active
 *   activities, each with every language's text, weekly ones first by
 *   weekday and time, then one-off ones
 */
GPtrArray *
lotsen_activity_list (LotsenStore  *store,
                      const char   *lang,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) activities = NULL;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  stmt = lotsen_store_prepare (store,
                               "SELECT id FROM activity WHERE active "
                               "ORDER BY weekday IS NULL, weekday, start_time, id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  activities = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_activity_free);
  for (guint i = 0; i < ids->len; i++)
    {
      LotsenActivity *activity = lotsen_activity_get (store, g_array_index (ids, gint64, i), lang, error);

      if (activity == NULL)
        return NULL;
      g_ptr_array_add (activities, activity);
    }

  return g_steal_pointer (&activities);
}

/**
 * lotsen_activity_list_categories:
 *
 * Returns: (transfer full): the categories the activities use, each
 *   once, sorted
 */
GStrv
lotsen_activity_list_categories (LotsenStore  *store,
                                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  stmt = lotsen_store_prepare (store, "SELECT DISTINCT category FROM activity ORDER BY category", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
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
