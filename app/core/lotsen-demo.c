/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-demo.c — the services and activities a new kiosk starts with.
 *
 * This is site content, as staff would enter it, so its translations are
 * data here rather than gettext strings.  A language without a row falls
 * back to Swedish on screen.
 */

#define G_LOG_DOMAIN "lotsen-demo"

#include "config.h"

#include "lotsen-activity.h"
#include "lotsen-demo.h"
#include "lotsen-queue.h"
#include "lotsen-store-private.h"
#include "lotsen-visitor.h"

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
  /* Not yet translated into every language, as happens: the kiosk shows
   * the Swedish title, marked, where one is missing. */
  { "family", "lotsen-family-symbolic", "Rum 1", 10, 4, 0, 17, 0, 90,
    { "Föräldragrupp", "Parents’ group", "مجموعة الآباء والأمهات", "گروه والدین",
      NULL, NULL, NULL, NULL } },
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

/* Through the activity module, as staff would create them: the same
 * checks, and weekly sessions made the same way, eight weeks ahead. */
static gboolean
seed_activities (LotsenStore  *store,
                 GError      **error)
{
  g_autoptr(GDateTime) now = lotsen_store_to_local (store, lotsen_store_now (store));

  for (guint a = 0; a < G_N_ELEMENTS (activities); a++)
    {
      g_autoptr(LotsenActivityDraft) draft = lotsen_activity_draft_new ();

      draft->category = g_strdup (activities[a].category);
      draft->pictogram = g_strdup (activities[a].pictogram);
      draft->location = g_strdup (activities[a].location);
      draft->capacity = activities[a].capacity;
      draft->weekday = activities[a].weekday;
      draft->hour = activities[a].hour;
      draft->minute = activities[a].minute;
      draft->minutes = activities[a].minutes;

      if (activities[a].weekday == 0)
        {
          g_autoptr(GDateTime) day = g_date_time_add_days (now, activities[a].day_offset);

          draft->once = g_date_time_new (lotsen_store_get_timezone (store),
                                         g_date_time_get_year (day),
                                         g_date_time_get_month (day),
                                         g_date_time_get_day_of_month (day),
                                         activities[a].hour, activities[a].minute, 0);
        }

      for (guint l = 0; langs[l] != NULL; l++)
        if (activities[a].titles[l] != NULL)
          lotsen_activity_draft_set_text (draft, langs[l], activities[a].titles[l], NULL);

      if (lotsen_activity_create (store, draft, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * lotsen_demo_seed:
 *
 * Adds the demo services, activities and municipalities to a store that
 * has none.  Safe to call on every start: what is there already is left
 * alone.
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
