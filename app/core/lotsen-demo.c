/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-demo.c — the services and activities a new kiosk starts with.
 *
 * This is site content, as staff would enter it, so its translations are
 * data here rather than gettext strings.  A language without a row falls
 * back to Swedish on screen.
 */

#define G_LOG_DOMAIN "lotsen-demo"

#include "config.h"

#include "lotsen-demo.h"
#include "lotsen-queue.h"
#include "lotsen-store-private.h"
#include "lotsen-visitor.h"

#define SESSION_DAYS 14

static const char * const langs[] = { "sv", "en", "ar", "fa", "ti", "so", "uk", NULL };

static const struct {
  const char *prefix;
  const char *pictogram;
  int         default_minutes;
  const char *names[G_N_ELEMENTS (langs)];
} services[] = {
  { "A", "lotsen-help-symbolic", 8,
    { "Allmän rådgivning", "General advice", "استشارة عامة", "مشاوره عمومی",
      "ሓፈሻዊ ምኽሪ", "Talo guud", "Загальна консультація", NULL } },
  { "B", "lotsen-documents-symbolic", 12,
    { "Blanketter och dokument", "Forms and documents", "النماذج والوثائق", "فرم‌ها و مدارک",
      "ቅጥዕታትን ሰነዳትን", "Foomam iyo dukumentiyo", "Бланки та документи", NULL } },
  { "C", "lotsen-work-symbolic", 15,
    { "Arbete och studier", "Work and studies", "العمل والدراسة", "کار و تحصیل",
      "ስራሕን ትምህርትን", "Shaqo iyo waxbarasho", "Робота й навчання", NULL } },
  { "D", "lotsen-housing-symbolic", 10,
    { "Boende", "Housing", "السكن", "مسکن",
      "መንበሪ ገዛ", "Guri", "Житло", NULL } },
};

static const struct {
  const char *category;
  const char *pictogram;
  const char *location;
  int         capacity;
  int         weekday;     /* 1 = Monday … 7 = Sunday; 0 = once, in day_offset days */
  int         day_offset;
  int         hour, minute, minutes;
  const char *titles[G_N_ELEMENTS (langs)];
} activities[] = {
  { "language", "lotsen-coffee-symbolic", "Biblioteket, plan 2", 12, 2, 0, 15, 0, 90,
    { "Språkcafé", "Language café", "مقهى اللغة", "کافه زبان",
      "ካፌ ቋንቋ", "Kafeega luqadda", "Мовне кафе", NULL } },
  { "work", "lotsen-work-symbolic", "Rum 3", 4, 4, 0, 10, 0, 60,
    { "Jobbcoachning", "Job coaching", "التدريب على العمل", "مربیگری شغلی",
      "ምኽሪ ስራሕ", "Tababarka shaqada", "Коучинг з працевлаштування", NULL } },
  { "society", "lotsen-society-symbolic", "Entrén", 15, 0, 9, 13, 0, 120,
    { "Studiebesök på Arbetsförmedlingen", "Study visit to the Public Employment Service",
      "زيارة دراسية إلى مكتب العمل", "بازدید آموزشی از اداره کار",
      "ናይ ትምህርቲ ምብጻሕ ናብ ቤት ጽሕፈት ስራሕ", "Booqasho waxbarasho Xafiiska Shaqada",
      "Навчальний візит до служби зайнятості", NULL } },
};

static const char * const municipalities[] = {
  "Malmö", "Lund", "Helsingborg", "Landskrona", "Trelleborg",
};

static gboolean
has_rows (LotsenStore *store,
          const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", table);
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (store, sql, NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
}

static gboolean
insert_session (LotsenStore  *store,
                gint64        activity_id,
                GDateTime    *starts,
                int           minutes,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = lotsen_store_new_uuid ();
  gint64 start = g_date_time_to_unix (starts);

  stmt = lotsen_store_prepare (store,
                               "INSERT OR IGNORE INTO session (uuid, activity_id, starts_at, ends_at) "
                               "VALUES (?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, activity_id);
  sqlite3_bind_int64 (stmt, 3, start);
  sqlite3_bind_int64 (stmt, 4, start + minutes * 60);

  return lotsen_store_step_done (store, stmt, error);
}

static gboolean
seed_activities (LotsenStore  *store,
                 GError      **error)
{
  GTimeZone *tz = lotsen_store_get_timezone (store);
  g_autoptr(GDateTime) now = lotsen_store_to_local (store, lotsen_store_now (store));

  if (!lotsen_store_begin (store, error))
    return FALSE;

  for (guint a = 0; a < G_N_ELEMENTS (activities); a++)
    {
      g_autoptr(sqlite3_stmt) insert = NULL;
      g_autoptr(sqlite3_stmt) text = NULL;
      g_autofree char *uuid = lotsen_store_new_uuid ();
      g_autofree char *start_time = NULL;
      gint64 activity_id;

      insert = lotsen_store_prepare (store,
                                     "INSERT INTO activity (uuid, category, pictogram, location, capacity, "
                                     "weekday, start_time, minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                     error);
      if (insert == NULL)
        goto fail;

      start_time = g_strdup_printf ("%02d:%02d", activities[a].hour, activities[a].minute);
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, activities[a].category, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, activities[a].pictogram, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, activities[a].location, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 5, activities[a].capacity);
      if (activities[a].weekday > 0)
        sqlite3_bind_int (insert, 6, activities[a].weekday);
      sqlite3_bind_text (insert, 7, start_time, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 8, activities[a].minutes);
      if (!lotsen_store_step_done (store, insert, error))
        goto fail;

      activity_id = sqlite3_last_insert_rowid (lotsen_store_get_db (store));

      text = lotsen_store_prepare (store,
                                   "INSERT INTO activity_text (activity_id, lang, title) VALUES (?, ?, ?)",
                                   error);
      if (text == NULL)
        goto fail;

      for (guint l = 0; langs[l] != NULL; l++)
        {
          sqlite3_reset (text);
          sqlite3_bind_int64 (text, 1, activity_id);
          sqlite3_bind_text (text, 2, langs[l], -1, SQLITE_STATIC);
          sqlite3_bind_text (text, 3, activities[a].titles[l], -1, SQLITE_STATIC);
          if (!lotsen_store_step_done (store, text, error))
            goto fail;
        }

      for (int d = 0; d <= SESSION_DAYS; d++)
        {
          g_autoptr(GDateTime) day = g_date_time_add_days (now, d);
          g_autoptr(GDateTime) starts = NULL;

          if (activities[a].weekday > 0
              ? g_date_time_get_day_of_week (day) != activities[a].weekday
              : d != activities[a].day_offset)
            continue;

          /* Built from the local wall-clock time, so it is right on either
           * side of a daylight-saving change. */
          starts = g_date_time_new (tz,
                                    g_date_time_get_year (day),
                                    g_date_time_get_month (day),
                                    g_date_time_get_day_of_month (day),
                                    activities[a].hour, activities[a].minute, 0);
          if (!insert_session (store, activity_id, starts, activities[a].minutes, error))
            goto fail;
        }
    }

  return lotsen_store_commit (store, error);

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

/**
 * lotsen_demo_seed:
 *
 * Adds the demo services, activities and municipalities to a store that
 * has none.  Safe
 * to call on every start: what is there already is left alone.
 */
gboolean
lotsen_demo_seed (LotsenStore  *store,
                  GError      **error)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (!has_rows (store, "service"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (services); i++)
        if (!lotsen_queue_add_service (store, services[i].prefix, services[i].pictogram,
                                       services[i].default_minutes, langs,
                                       services[i].names, error))
          return FALSE;
    }

  if (!has_rows (store, "activity") && !seed_activities (store, error))
    return FALSE;

  if (!has_rows (store, "municipality"))
    for (guint i = 0; i < G_N_ELEMENTS (municipalities); i++)
      if (!lotsen_visitor_add_municipality (store, municipalities[i], error))
        return FALSE;

  return TRUE;
}
