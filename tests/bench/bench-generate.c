/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-generate — a busy drop-in centre's five years in a new database,
 * for the export and report benchmarks: by default 250 000 visitors,
 * 1 000 000 sign-ups and 2 000 000 tickets.
 *
 * The schema, kiosk id, services and demo activities come from the core
 * (lotsen_store_open(), lotsen_demo_seed()); the rows are written with
 * direct SQL, prepared statements and one transaction, without the
 * journal, because the per-row core API syncs each row to disk.
 *
 * What it is like: the centre is open Monday to Friday, 09–16; fewer come
 * in July and around Christmas, more each year; Mondays are busiest.
 * Tickets: general advice the most, housing the least; waits and service
 * times are skewed (most short, a few long); most are served, some are no
 * shows.  Activities: weekly sessions, popular ones fuller, some
 * cancelled; most sign-ups attended, some no shows or cancelled, parties
 * of one mostly.  Visitors: a few come often, most now and then; those not
 * seen for a year are anonymised, as lotsen_visitor_purge() leaves them.
 *
 * Deterministic for a --seed.  Prints what it wrote and how fast. */

#define G_LOG_DOMAIN "bench-generate"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "lotsen-demo.h"
#include "lotsen-store-private.h"
#include "lotsen-visitor.h"

#define FULL_VISITORS 250000
#define FULL_SIGNUPS  1000000
#define FULL_TICKETS  2000000
#define YEARS         5
#define DAY           86400
#define OPEN_HOUR     9
#define CLOSE_HOUR    16
#define SIGNUPS_PER_SESSION 12.0
#define ANONYMISE_AFTER (365 * (gint64) DAY)

static char *opt_database;
static double opt_scale = 1.0;
static gint64 opt_visitors = -1;
static gint64 opt_signups = -1;
static gint64 opt_tickets = -1;
static gint64 opt_seed = 1;

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database, "The new database (must not exist)", "PATH" },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &opt_scale, "Multiply the full numbers (default 1.0)", "F" },
  { "visitors", 0, 0, G_OPTION_ARG_INT64, &opt_visitors, "Visitors (default 250000 × scale)", "N" },
  { "signups", 0, 0, G_OPTION_ARG_INT64, &opt_signups, "Sign-ups (default 1000000 × scale)", "N" },
  { "tickets", 0, 0, G_OPTION_ARG_INT64, &opt_tickets, "Tickets (default 2000000 × scale)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Random seed (default 1)", "N" },
  { NULL }
};

/* xoshiro-style generators are overkill here: splitmix64 is fast, small
 * and good enough for made-up data. */
static guint64 rng_state;

static guint64
next_random (void)
{
  guint64 z = (rng_state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* In [0, 1). */
static double
uniform (void)
{
  return (next_random () >> 11) * (1.0 / 9007199254740992.0);
}

/* In [0, n). */
static gint64
below (gint64 n)
{
  return n > 0 ? (gint64) (uniform () * n) : 0;
}

static double
exponential (double mean)
{
  return -mean * log (1.0 - uniform ());
}

/* Index by cumulative weights. */
static guint
pick (const double *weights,
      guint         n)
{
  double total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  r = uniform () * total;
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }

  return n - 1;
}

/* A version 4 uuid from the generator, so that a seed gives one database. */
static void
make_uuid (char out[37])
{
  guint64 hi = next_random (), lo = next_random ();

  hi = (hi & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF0FFF)) | G_GUINT64_CONSTANT (0x0000000000004000);
  lo = (lo & G_GUINT64_CONSTANT (0x3FFFFFFFFFFFFFFF)) | G_GUINT64_CONSTANT (0x8000000000000000);
  g_snprintf (out, 37, "%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint) (hi >> 32), (guint) ((hi >> 16) & 0xFFFF), (guint) (hi & 0xFFFF),
              (guint) (lo >> 48), lo & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF));
}

/* The @index-th visitor's code: distinct for distinct indexes, five
 * characters from the kiosk's alphabet, shuffled by a multiplier prime to
 * the number of codes. */
static void
make_code (gint64 index,
           char   out[LOTSEN_CODE_MAX_LENGTH + 1])
{
  const char *alphabet = LOTSEN_CODE_ALPHABET;
  gint64 base = strlen (alphabet);
  gint64 space = base * base * base * base * base;
  gint64 value = (index * 1000003) % space;

  for (int i = LOTSEN_CODE_MAX_LENGTH - 1; i >= 0; i--)
    {
      out[i] = alphabet[value % base];
      value /= base;
    }
  out[LOTSEN_CODE_MAX_LENGTH] = '\0';
}

static void
check (LotsenStore *store,
       int          rc,
       const char  *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("%s: %s", what, sqlite3_errmsg (lotsen_store_get_db (store)));
}

static sqlite3_stmt *
prepare (LotsenStore *store,
         const char  *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = lotsen_store_prepare (store, sql, &error);

  if (stmt == NULL)
    g_error ("%s", error->message);
  return stmt;
}

static void
step (LotsenStore  *store,
      sqlite3_stmt *stmt)
{
  check (store, sqlite3_step (stmt), "insert");
  sqlite3_reset (stmt);
}

static void
bind_maybe_text (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static const char * const langs[] = { "sv", "ar", "ti", "fa", "so", "uk", "en" };
static const double lang_weights[] = { 20, 25, 15, 12, 10, 12, 6 };
static const char * const given_names[] = {
  "Amina", "Mohammed", "Fatima", "Ali", "Hana", "Yonas", "Selam", "Olena", "Dmytro", "Zahra",
  "Ahmad", "Maryam", "Abdi", "Hodan", "Anna", "Erik", "ሃይለ", "ሰላም", "محمد", "فاطمة", "O'Neil",
};
static const char * const family_names[] = {
  "Hassan", "Mohamud", "Tesfay", "Gebremedhin", "Kovalenko", "Shevchenko", "Rahimi", "Ahmadi",
  "Johansson", "Andersson", "ማርያም", "العلي", "Ali \"Junior\"",
};
static const char * const municipalities[] = {
  "Göteborg", "Mölndal", "Partille", "Kungälv", "Härryda", "Lerum", "Ale", NULL,
};
static const char * const interests[] = {
  "work", "language", "housing", "work,language", "society", "health,family", NULL,
};

typedef struct
{
  LotsenStore *store;
  GTimeZone   *zone;
  gint64       start;     /* local midnight five years ago */
  gint64       end;       /* local midnight today */
  gint64       n_days;
  gint64       n_visitors;
  gint64      *visitor_ids;
  gint64      *visitor_seen; /* the last visit so far, by index */
  gint64      *visitor_created;
} Generator;

/* A visitor for a visit at @when: the regulars (a tenth of them) come
 * half the time; only one registered by then. */
static gint64
pick_visitor (Generator *gen,
              gint64     when)
{
  gint64 n = gen->n_visitors;
  gint64 index;

  if (n == 0)
    return -1;

  for (int tries = 0; tries < 4; tries++)
    {
      index = uniform () < 0.5 ? below (MAX (n / 10, 1)) : below (n);
      if (gen->visitor_created[index] <= when)
        {
          gen->visitor_seen[index] = MAX (gen->visitor_seen[index], when);
          return index;
        }
    }

  return -1;
}

/* How busy a day is: seasons, weekdays and growth; 0 when closed. */
static double
day_weight (Generator *gen,
            gint64     day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (gen->start + day * DAY + 12 * 3600);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, gen->zone);
  int weekday = g_date_time_get_day_of_week (local);
  int month = g_date_time_get_month (local);
  int dom = g_date_time_get_day_of_month (local);
  double weight = 1.0;

  if (weekday >= 6)
    return 0;
  if (month == 12 && dom >= 23)
    return 0;

  weight *= weekday == 1 ? 1.3 : weekday == 5 ? 0.8 : 1.0;
  weight *= month == 7 ? 0.45 : month == 8 ? 0.8 : month == 6 ? 0.9 : 1.0;
  weight *= 0.7 + 0.6 * day / (double) gen->n_days;

  return weight;
}

/* Spreads @total over @n slots in proportion to @weights, randomly, so
 * that the counts add up to @total exactly. */
static gint64 *
spread (const double *weights,
        gint64        n,
        gint64        total)
{
  gint64 *counts = g_new0 (gint64, n);
  double sum = 0;
  gint64 given = 0;

  for (gint64 i = 0; i < n; i++)
    sum += weights[i];

  for (gint64 i = 0; i < n && sum > 0; i++)
    {
      double expected = total * weights[i] / sum;

      counts[i] = (gint64) floor (expected * (0.8 + 0.4 * uniform ()) + uniform ());
      given += counts[i];
    }

  while (given != total && sum > 0)
    {
      gint64 i = below (n);

      if (weights[i] <= 0)
        continue;
      if (given < total)
        {
          counts[i]++;
          given++;
        }
      else if (counts[i] > 0)
        {
          counts[i]--;
          given--;
        }
    }

  return counts;
}

static void
generate_visitors (Generator *gen)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char uuid[37], code[LOTSEN_CODE_MAX_LENGTH + 1];
  gint64 span = gen->end - gen->start;

  gen->visitor_ids = g_new0 (gint64, gen->n_visitors);
  gen->visitor_seen = g_new0 (gint64, gen->n_visitors);
  gen->visitor_created = g_new0 (gint64, gen->n_visitors);

  stmt = prepare (gen->store,
                  "INSERT INTO visitor (uuid, code, created_at, lang, given_name, family_name, birth_year, "
                  "gender, phone, municipality, interests, interpreter_lang, consent_version, consent_at, "
                  "last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?3, ?3)");

  /* Registrations grow over the years: the square root spreads them so. */
  for (gint64 i = 0; i < gen->n_visitors; i++)
    {
      static const char * const genders[] = { "woman", "man", "other", "unstated" };
      static const double gender_weights[] = { 52, 44, 1, 3 };
      gint64 created = gen->start + (gint64) (span * sqrt ((i + uniform ()) / gen->n_visitors));
      const char *lang = langs[pick (lang_weights, G_N_ELEMENTS (langs))];
      char phone[32];

      /* Open hours, roughly. */
      created = created - (created - gen->start) % DAY + (OPEN_HOUR - 1) * 3600 + below (7 * 3600);
      gen->visitor_created[i] = created;
      gen->visitor_seen[i] = created;

      make_uuid (uuid);
      make_code (i, code);
      g_snprintf (phone, sizeof phone, "+4670%07" G_GINT64_FORMAT, below (10000000));

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, created);
      sqlite3_bind_text (stmt, 4, lang, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, given_names[below (G_N_ELEMENTS (given_names))], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, family_names[below (G_N_ELEMENTS (family_names))], -1, SQLITE_STATIC);
      if (uniform () < 0.9)
        sqlite3_bind_int64 (stmt, 7, 1950 + below (58));
      else
        sqlite3_bind_null (stmt, 7);
      sqlite3_bind_text (stmt, 8, genders[pick (gender_weights, G_N_ELEMENTS (genders))], -1, SQLITE_STATIC);
      bind_maybe_text (stmt, 9, uniform () < 0.7 ? phone : NULL);
      bind_maybe_text (stmt, 10, municipalities[below (G_N_ELEMENTS (municipalities))]);
      bind_maybe_text (stmt, 11, interests[below (G_N_ELEMENTS (interests))]);
      bind_maybe_text (stmt, 12, uniform () < 0.2 ? lang : NULL);
      step (gen->store, stmt);

      gen->visitor_ids[i] = sqlite3_last_insert_rowid (lotsen_store_get_db (gen->store));
    }
}

typedef struct
{
  gint64 id;
  gint64 starts_at;
  double weight; /* how many sign up, relatively */
} Session;

/* Weekly activities (the demo's and more), enough that a session has
 * about SIGNUPS_PER_SESSION sign-ups; each week's sessions. */
static GArray *
generate_sessions (Generator *gen,
                   gint64     n_signups,
                   double   **popularity)
{
  static const char * const categories[] = { "language", "work", "society", "health", "family", "leisure" };
  g_autoptr(sqlite3_stmt) activity = NULL;
  g_autoptr(sqlite3_stmt) text = NULL;
  g_autoptr(sqlite3_stmt) session = NULL;
  GArray *sessions = g_array_new (FALSE, FALSE, sizeof (Session));
  gint64 weeks = gen->n_days / 7;
  gint64 wanted = MAX ((gint64) (n_signups / SIGNUPS_PER_SESSION), 1);
  gint64 n_activities = CLAMP (wanted / MAX (weeks, 1) / 4, 3, 80);
  g_autofree gint64 *ids = g_new0 (gint64, n_activities);
  g_autofree int *weekdays = g_new0 (int, n_activities);
  g_autofree int *hours = g_new0 (int, n_activities);
  g_autofree int *capacities = g_new0 (int, n_activities);
  double per_week = wanted / (double) MAX (weeks, 1);
  char uuid[37];

  *popularity = g_new0 (double, n_activities);

  activity = prepare (gen->store,
                      "INSERT INTO activity (uuid, category, pictogram, location, capacity, weekday, "
                      "start_time, minutes) VALUES (?1, ?2, 'lotsen-activities-symbolic', ?3, ?4, ?5, ?6, 90)");
  text = prepare (gen->store, "INSERT INTO activity_text (activity_id, lang, title) VALUES (?1, ?2, ?3)");
  session = prepare (gen->store,
                     "INSERT INTO session (uuid, activity_id, starts_at, ends_at, cancelled) "
                     "VALUES (?1, ?2, ?3, ?3 + 5400, ?4)");

  for (gint64 a = 0; a < n_activities; a++)
    {
      char title[64], start_time[8], location[32];

      weekdays[a] = 1 + a % 5;
      hours[a] = 10 + (a / 5) % 6;
      capacities[a] = 8 + below (18);
      (*popularity)[a] = 0.4 + 1.2 * uniform ();
      g_snprintf (title, sizeof title, "Aktivitet %" G_GINT64_FORMAT " – %s", a + 1,
                  categories[a % G_N_ELEMENTS (categories)]);
      g_snprintf (start_time, sizeof start_time, "%02d:00", hours[a]);
      g_snprintf (location, sizeof location, "Rum %" G_GINT64_FORMAT, 1 + a % 6);

      make_uuid (uuid);
      sqlite3_bind_text (activity, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (activity, 2, categories[a % G_N_ELEMENTS (categories)], -1, SQLITE_STATIC);
      sqlite3_bind_text (activity, 3, location, -1, SQLITE_STATIC);
      sqlite3_bind_int (activity, 4, capacities[a]);
      sqlite3_bind_int (activity, 5, weekdays[a]);
      sqlite3_bind_text (activity, 6, start_time, -1, SQLITE_STATIC);
      step (gen->store, activity);
      ids[a] = sqlite3_last_insert_rowid (lotsen_store_get_db (gen->store));

      sqlite3_bind_int64 (text, 1, ids[a]);
      sqlite3_bind_text (text, 2, "sv", -1, SQLITE_STATIC);
      sqlite3_bind_text (text, 3, title, -1, SQLITE_STATIC);
      step (gen->store, text);
    }

  /* Each week, each activity on its weekday and some on more days, as
   * many as the sign-ups need. */
  for (gint64 week = 0; week < weeks; week++)
    for (gint64 a = 0; a < n_activities; a++)
      {
        double times = per_week / n_activities;
        int n = (int) floor (times + uniform ());

        for (int k = 0; k < MIN (n, 5); k++)
          {
            gint64 day = week * 7 + (weekdays[a] - 1 + k) % 5;
            Session entry;

            if (day_weight (gen, day) == 0)
              continue;

            make_uuid (uuid);
            entry.starts_at = gen->start + day * DAY + hours[a] * 3600;
            entry.weight = (*popularity)[a];
            sqlite3_bind_text (session, 1, uuid, -1, SQLITE_STATIC);
            sqlite3_bind_int64 (session, 2, ids[a]);
            sqlite3_bind_int64 (session, 3, entry.starts_at);
            sqlite3_bind_int (session, 4, uniform () < 0.02);
            step (gen->store, session);
            entry.id = sqlite3_last_insert_rowid (lotsen_store_get_db (gen->store));
            g_array_append_val (sessions, entry);
          }
      }

  return sessions;
}

static void
generate_signups (Generator *gen,
                  GArray    *sessions,
                  gint64     n_signups)
{
  static const char * const statuses[] = { "attended", "no_show", "cancelled", "waitlisted", "confirmed" };
  static const double status_weights[] = { 68, 12, 10, 6, 4 };
  static const double party_weights[] = { 80, 12, 5, 3 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree double *weights = g_new0 (double, MAX (sessions->len, 1));
  g_autofree gint64 *counts = NULL;
  char uuid[37];

  for (guint i = 0; i < sessions->len; i++)
    weights[i] = g_array_index (sessions, Session, i).weight;
  counts = spread (weights, sessions->len, sessions->len > 0 ? n_signups : 0);

  stmt = prepare (gen->store,
                  "INSERT INTO signup (uuid, session_id, visitor_id, name, phone, party_size, status, "
                  "position, created_at, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");

  for (guint i = 0; i < sessions->len; i++)
    {
      const Session *session = &g_array_index (sessions, Session, i);
      int waiting = 0;

      for (gint64 k = 0; k < counts[i]; k++)
        {
          gint64 created = session->starts_at - 3600 - below (14 * DAY);
          gint64 visitor = pick_visitor (gen, created);
          const char *status = statuses[pick (status_weights, G_N_ELEMENTS (statuses))];
          gint64 changed = created;
          char phone[32];

          /* Only the future is still confirmed or waiting. */
          if (session->starts_at < gen->end && (g_str_equal (status, "confirmed")))
            status = "attended";
          if (!g_str_equal (status, "confirmed") && !g_str_equal (status, "waitlisted"))
            changed = MIN (session->starts_at + 7200, gen->end);

          make_uuid (uuid);
          g_snprintf (phone, sizeof phone, "+4673%07" G_GINT64_FORMAT, below (10000000));
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, session->id);
          if (visitor >= 0)
            {
              sqlite3_bind_int64 (stmt, 3, gen->visitor_ids[visitor]);
              sqlite3_bind_null (stmt, 4);
              sqlite3_bind_null (stmt, 5);
            }
          else
            {
              sqlite3_bind_null (stmt, 3);
              sqlite3_bind_text (stmt, 4, given_names[below (G_N_ELEMENTS (given_names))], -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 5, phone, -1, SQLITE_STATIC);
            }
          sqlite3_bind_int (stmt, 6, 1 + pick (party_weights, G_N_ELEMENTS (party_weights)));
          sqlite3_bind_text (stmt, 7, status, -1, SQLITE_STATIC);
          if (g_str_equal (status, "waitlisted"))
            sqlite3_bind_int (stmt, 8, ++waiting);
          else
            sqlite3_bind_null (stmt, 8);
          sqlite3_bind_int64 (stmt, 9, created);
          sqlite3_bind_int64 (stmt, 10, changed);
          step (gen->store, stmt);
        }
    }
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
generate_tickets (Generator *gen,
                  gint64     n_tickets)
{
  static const char * const prefixes[] = { "A", "B", "C", "D" };
  static const double service_weights[] = { 45, 25, 18, 12 };
  static const double service_minutes[] = { 8, 12, 15, 10 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) arrivals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree double *weights = g_new0 (double, gen->n_days);
  g_autofree gint64 *counts = NULL;
  gint64 service_ids[G_N_ELEMENTS (prefixes)];
  char uuid[37], label[16], day_text[11];

  for (guint s = 0; s < G_N_ELEMENTS (prefixes); s++)
    {
      g_autoptr(sqlite3_stmt) find = prepare (gen->store, "SELECT id FROM service WHERE prefix = ?");

      sqlite3_bind_text (find, 1, prefixes[s], -1, SQLITE_STATIC);
      check (gen->store, sqlite3_step (find), "service");
      service_ids[s] = sqlite3_column_int64 (find, 0);
    }

  for (gint64 d = 0; d < gen->n_days; d++)
    weights[d] = day_weight (gen, d);
  counts = spread (weights, gen->n_days, n_tickets);

  stmt = prepare (gen->store,
                  "INSERT INTO ticket (uuid, service_id, visitor_id, day, number, label, lang, interpreter_lang, "
                  "status, created_at, called_at, finished_at, desk) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");

  for (gint64 d = 0; d < gen->n_days; d++)
    {
      gint64 midnight = gen->start + d * DAY;
      int numbers[G_N_ELEMENTS (prefixes)] = { 0 };
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;

      if (counts[d] == 0)
        continue;

      utc = g_date_time_new_from_unix_utc (midnight + 12 * 3600);
      local = g_date_time_to_timezone (utc, gen->zone);
      g_snprintf (day_text, sizeof day_text, "%04d-%02d-%02d", g_date_time_get_year (local),
                  g_date_time_get_month (local), g_date_time_get_day_of_month (local));

      /* Two peaks: the opening and after lunch. */
      g_array_set_size (arrivals, 0);
      for (gint64 k = 0; k < counts[d]; k++)
        {
          double hour = uniform () < 0.55 ? OPEN_HOUR + exponential (1.2) : 12.5 + exponential (1.0);
          gint64 at = midnight + (gint64) (MIN (hour, CLOSE_HOUR - 0.1) * 3600);

          g_array_append_val (arrivals, at);
        }
      g_array_sort (arrivals, compare_times);

      for (guint k = 0; k < arrivals->len; k++)
        {
          gint64 created = g_array_index (arrivals, gint64, k);
          guint s = pick (service_weights, G_N_ELEMENTS (prefixes));
          gint64 called = created + 60 + (gint64) exponential (15 * 60);
          gint64 finished = called + 60 + (gint64) exponential ((service_minutes[s] - 1) * 60);
          gboolean today = midnight + DAY > gen->end;
          double fate = uniform ();
          const char *status = fate < 0.9 ? "done" : "no_show";
          const char *lang = langs[pick (lang_weights, G_N_ELEMENTS (langs))];
          gint64 visitor = uniform () < 0.4 ? pick_visitor (gen, created) : -1;

          make_uuid (uuid);
          numbers[s]++;
          g_snprintf (label, sizeof label, "%s%03d", prefixes[s], numbers[s]);

          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, service_ids[s]);
          if (visitor >= 0)
            sqlite3_bind_int64 (stmt, 3, gen->visitor_ids[visitor]);
          else
            sqlite3_bind_null (stmt, 3);
          sqlite3_bind_text (stmt, 4, day_text, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 5, numbers[s]);
          sqlite3_bind_text (stmt, 6, label, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, lang, -1, SQLITE_STATIC);
          bind_maybe_text (stmt, 8, uniform () < 0.15 && !g_str_equal (lang, "sv") ? lang : NULL);

          if (today && called > gen->end)
            {
              sqlite3_bind_text (stmt, 9, "waiting", -1, SQLITE_STATIC);
              sqlite3_bind_int64 (stmt, 10, created);
              sqlite3_bind_null (stmt, 11);
              sqlite3_bind_null (stmt, 12);
              sqlite3_bind_null (stmt, 13);
            }
          else
            {
              sqlite3_bind_text (stmt, 9, status, -1, SQLITE_STATIC);
              sqlite3_bind_int64 (stmt, 10, created);
              sqlite3_bind_int64 (stmt, 11, called);
              if (g_str_equal (status, "done"))
                sqlite3_bind_int64 (stmt, 12, finished);
              else
                sqlite3_bind_null (stmt, 12);
              sqlite3_bind_int (stmt, 13, 1 + below (6));
            }
          step (gen->store, stmt);
        }
    }
}

/* The visits decided last_seen_at; a year without one anonymises. */
static gint64
finish_visitors (Generator *gen)
{
  g_autoptr(sqlite3_stmt) seen = NULL;
  g_autoptr(sqlite3_stmt) anonymise = NULL;
  gint64 anonymised = 0;

  seen = prepare (gen->store, "UPDATE visitor SET last_seen_at = ?2 WHERE id = ?1");
  anonymise = prepare (gen->store,
                       "UPDATE visitor SET given_name = NULL, family_name = NULL, phone = NULL, email = NULL, "
                       "code = NULL, anonymised_at = ?2 WHERE id = ?1");

  for (gint64 i = 0; i < gen->n_visitors; i++)
    {
      gint64 last = gen->visitor_seen[i];

      if (last != gen->visitor_created[i])
        {
          sqlite3_bind_int64 (seen, 1, gen->visitor_ids[i]);
          sqlite3_bind_int64 (seen, 2, last);
          step (gen->store, seen);
        }

      if (last + ANONYMISE_AFTER < gen->end)
        {
          sqlite3_bind_int64 (anonymise, 1, gen->visitor_ids[i]);
          sqlite3_bind_int64 (anonymise, 2, MIN (last + ANONYMISE_AFTER + 7 * DAY, gen->end));
          step (gen->store, anonymise);
          anonymised++;
        }
    }

  return anonymised;
}

/* Seconds since *@since, which becomes now. */
static void
print_phase (const char *what,
             gint64     *since)
{
  gint64 now = g_get_monotonic_time ();

  g_print ("  %-26s %6.2f s\n", what, (now - *since) / (double) G_USEC_PER_SEC);
  *since = now;
}

/* The explicit indexes of the tables filled here, dropped: one CREATE
 * INDEX afterwards sorts once instead of growing a tree row by row.
 * Returns: their SQL, to run again */
static GPtrArray *
drop_indexes (LotsenStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  stmt = prepare (store,
                  "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                  "AND tbl_name IN ('visitor', 'session', 'signup', 'ticket')");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, lotsen_store_column_text (stmt, 0));
      g_ptr_array_add (indexes, lotsen_store_column_text (stmt, 1));
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (char *) g_ptr_array_index (names, i));

      check (store, sqlite3_exec (lotsen_store_get_db (store), sql, NULL, NULL, NULL), sql);
    }

  return indexes;
}

static gint64
scaled (gint64 option,
        gint64 full)
{
  return option >= 0 ? option : (gint64) llround (full * opt_scale);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GArray) sessions = NULL;
  g_autoptr(GPtrArray) indexes = NULL;
  g_autofree double *popularity = NULL;
  Generator gen = { 0 };
  gint64 n_visitors, n_signups, n_tickets, anonymised, t0, t1, phase;
  double seconds;
  GStatBuf info;

  context = g_option_context_new ("- fill a new database with five years of a busy centre");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (opt_database == NULL || opt_scale < 0)
    {
      g_printerr ("bench-generate: give --database PATH (a file that does not exist yet)\n");
      return 2;
    }
  if (g_file_test (opt_database, G_FILE_TEST_EXISTS))
    {
      g_printerr ("bench-generate: %s exists; it is left alone\n", opt_database);
      return 2;
    }

  n_visitors = scaled (opt_visitors, FULL_VISITORS);
  n_signups = scaled (opt_signups, FULL_SIGNUPS);
  n_tickets = scaled (opt_tickets, FULL_TICKETS);
  rng_state = (guint64) opt_seed;

  t0 = g_get_monotonic_time ();

  store = lotsen_store_open (opt_database, NULL, &error);
  if (store == NULL || !lotsen_demo_seed (store, &error))
    g_error ("%s", error->message);

  gen.store = store;
  gen.zone = lotsen_store_get_timezone (store);
  gen.n_visitors = n_visitors;
  now = g_date_time_new_now (gen.zone);
  today = g_date_time_new (gen.zone, g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now), 0, 0, 0);
  first = g_date_time_add_years (today, -YEARS);
  gen.start = g_date_time_to_unix (first);
  gen.end = g_date_time_to_unix (today);
  gen.n_days = (gen.end - gen.start) / DAY;

  /* A benchmark's data, not a kiosk's: no journal, no syncs, until done. */
  check (store, sqlite3_exec (lotsen_store_get_db (store),
                              "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                              "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; BEGIN",
                              NULL, NULL, NULL), "begin");
  indexes = drop_indexes (store);
  phase = g_get_monotonic_time ();

  generate_visitors (&gen);
  print_phase ("visitors", &phase);
  sessions = generate_sessions (&gen, n_signups, &popularity);
  print_phase ("sessions", &phase);
  generate_signups (&gen, sessions, n_signups);
  print_phase ("sign-ups", &phase);
  generate_tickets (&gen, n_tickets);
  print_phase ("tickets", &phase);
  anonymised = finish_visitors (&gen);
  print_phase ("last visits, anonymising", &phase);
  for (guint i = 0; i < indexes->len; i++)
    check (store, sqlite3_exec (lotsen_store_get_db (store), g_ptr_array_index (indexes, i), NULL, NULL, NULL),
           g_ptr_array_index (indexes, i));
  print_phase ("indexes", &phase);

  check (store, sqlite3_exec (lotsen_store_get_db (store),
                              "COMMIT; ANALYZE; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL",
                              NULL, NULL, NULL), "commit");
  t1 = g_get_monotonic_time ();
  seconds = (t1 - t0) / (double) G_USEC_PER_SEC;

  g_print ("database   %s\n", opt_database);
  {
    g_autofree char *from = g_date_time_format (first, "%Y-%m-%d");
    g_autofree char *to = g_date_time_format (today, "%Y-%m-%d");

    g_print ("period     %s to %s (%" G_GINT64_FORMAT " days)\n", from, to, gen.n_days);
  }
  g_print ("visitors   %" G_GINT64_FORMAT " (%" G_GINT64_FORMAT " anonymised)\n", n_visitors, anonymised);
  g_print ("sessions   %u\n", sessions->len);
  g_print ("sign-ups   %" G_GINT64_FORMAT "\n", n_signups);
  g_print ("tickets    %" G_GINT64_FORMAT "\n", n_tickets);
  g_print ("time       %.2f s (%.0f rows/s)\n", seconds,
           (n_visitors + sessions->len + n_signups + n_tickets) / MAX (seconds, 1e-9));
  if (g_stat (opt_database, &info) == 0)
    g_print ("file       %.1f MB\n", info.st_size / 1e6);

  g_free (gen.visitor_ids);
  g_free (gen.visitor_seen);
  g_free (gen.visitor_created);
  return 0;
}
