/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-activity.c — activities and their sessions: the categories,
 * and activities and sessions read and listed.
 *
 * Staff's changes (drafts checked and written, weekly sessions generated,
 * seats and cancellations) are in lotsen-activity-edit.c; sign-ups, seats
 * and the waiting list in lotsen-signup.c.
 */

#define G_LOG_DOMAIN "lotsen-activity"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lotsen-activity-private.h"
#include "lotsen-i18n.h"
#include "lotsen-visitor.h"

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

#define SESSION_SELECT \
  "SELECT se.id, se.uuid, se.activity_id, se.starts_at, se.ends_at, se.cancelled, " \
  "a.category, a.pictogram, a.location, t.title, t.lang, " \
  "coalesce (se.capacity, a.capacity), " TAKEN ("se.id") ", " \
  "max (coalesce (se.capacity, a.capacity) - " TAKEN ("se.id") ", 0), " \
  "(SELECT coalesce (sum (party_size), 0) FROM signup WHERE session_id = se.id AND status = 'waitlisted'), " \
  "(SELECT count (*) FROM signup WHERE session_id = se.id AND status = 'waitlisted') " \
  "FROM session se JOIN activity a ON a.id = se.activity_id " \
  "LEFT JOIN activity_text t ON t.activity_id = a.id AND t.lang = " TITLE_LANG ("a.id") " "

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
