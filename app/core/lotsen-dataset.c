/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-dataset.c — the columns of each data set, in one place.
 *
 * The export selects each column's expression and writes it under its
 * key, in this order; the import reads the same keys back with the same
 * types.  A new column is added here, at the end of its data set, so that
 * older readers' columns stay where they were.
 */

#define G_LOG_DOMAIN "lotsen-dataset"

#include "config.h"

#include "lotsen-dataset.h"

#define TEXT   LOTSEN_COLUMN_KIND_TEXT
#define NUMBER LOTSEN_COLUMN_KIND_NUMBER
#define TIME   LOTSEN_COLUMN_KIND_TIME

#define REQUIRED LOTSEN_COLUMN_REQUIRED
#define DERIVED  LOTSEN_COLUMN_DERIVED

/* Rows whose @column lies in [?1, ?2); an unbound end is open. */
#define IN_RANGE(column) "(?1 IS NULL OR " column " >= ?1) AND (?2 IS NULL OR " column " < ?2)"

/* Staff-entered content in Swedish, or in some language when there is
 * no Swedish text. */
#define SWEDISH_TITLE(activity) \
  "(SELECT title FROM activity_text WHERE activity_id = " activity " " \
  "ORDER BY lang = 'sv' DESC, lang LIMIT 1)"

static const LotsenColumn visitor_columns[] = {
  [LOTSEN_VISITORS_UUID]             = { "uuid", TEXT, "uuid", REQUIRED },
  [LOTSEN_VISITORS_CODE]             = { "code", TEXT, "code" },
  [LOTSEN_VISITORS_CREATED_AT]       = { "created_at", TIME, "created_at", REQUIRED },
  [LOTSEN_VISITORS_LANG]             = { "lang", TEXT, "lang" },
  [LOTSEN_VISITORS_GIVEN_NAME]       = { "given_name", TEXT, "given_name" },
  [LOTSEN_VISITORS_FAMILY_NAME]      = { "family_name", TEXT, "family_name" },
  [LOTSEN_VISITORS_BIRTH_YEAR]       = { "birth_year", NUMBER, "birth_year" },
  [LOTSEN_VISITORS_GENDER]           = { "gender", TEXT, "gender" },
  [LOTSEN_VISITORS_PHONE]            = { "phone", TEXT, "phone" },
  [LOTSEN_VISITORS_MUNICIPALITY]     = { "municipality", TEXT, "municipality" },
  [LOTSEN_VISITORS_INTERESTS]        = { "interests", TEXT, "interests" },
  [LOTSEN_VISITORS_INTERPRETER_LANG] = { "interpreter_lang", TEXT, "interpreter_lang" },
  [LOTSEN_VISITORS_CONSENT_VERSION]  = { "consent_version", NUMBER, "consent_version" },
  [LOTSEN_VISITORS_CONSENT_AT]       = { "consent_at", TIME, "consent_at" },
  [LOTSEN_VISITORS_LAST_SEEN_AT]     = { "last_seen_at", TIME, "last_seen_at" },
  [LOTSEN_VISITORS_EMPLOYMENT]       = { "employment", TEXT, "employment" },
  [LOTSEN_VISITORS_EDUCATION]        = { "education", TEXT, "education" },
};

static const LotsenColumn ticket_columns[] = {
  [LOTSEN_TICKETS_UUID]             = { "uuid", TEXT, "t.uuid", REQUIRED },
  [LOTSEN_TICKETS_LABEL]            = { "label", TEXT, "t.label", REQUIRED },
  [LOTSEN_TICKETS_SERVICE_PREFIX]   = { "service_prefix", TEXT, "s.prefix", REQUIRED },
  [LOTSEN_TICKETS_SERVICE_NAME]     = { "service_name", TEXT,
                                        "(SELECT name FROM service_text WHERE service_id = s.id "
                                        "ORDER BY lang = 'sv' DESC, lang LIMIT 1)" },
  [LOTSEN_TICKETS_DAY]              = { "day", TEXT, "t.day", REQUIRED },
  [LOTSEN_TICKETS_NUMBER]           = { "number", NUMBER, "t.number", REQUIRED },
  [LOTSEN_TICKETS_LANG]             = { "lang", TEXT, "t.lang" },
  [LOTSEN_TICKETS_INTERPRETER_LANG] = { "interpreter_lang", TEXT, "t.interpreter_lang" },
  [LOTSEN_TICKETS_STATUS]           = { "status", TEXT, "t.status", REQUIRED },
  [LOTSEN_TICKETS_CREATED_AT]       = { "created_at", TIME, "t.created_at", REQUIRED },
  [LOTSEN_TICKETS_CALLED_AT]        = { "called_at", TIME, "t.called_at" },
  [LOTSEN_TICKETS_FINISHED_AT]      = { "finished_at", TIME, "t.finished_at" },
  [LOTSEN_TICKETS_DESK]             = { "desk", NUMBER, "t.desk" },
  [LOTSEN_TICKETS_WAIT_SECONDS]     = { "wait_seconds", NUMBER, "t.called_at - t.created_at", DERIVED },
  [LOTSEN_TICKETS_SERVICE_SECONDS]  = { "service_seconds", NUMBER, "t.finished_at - t.called_at", DERIVED },
  [LOTSEN_TICKETS_VISITOR_UUID]     = { "visitor_uuid", TEXT, "v.uuid" },
};

static const LotsenColumn signup_columns[] = {
  [LOTSEN_SIGNUPS_UUID]              = { "uuid", TEXT, "g.uuid", REQUIRED },
  [LOTSEN_SIGNUPS_SESSION_STARTS_AT] = { "session_starts_at", TIME, "se.starts_at" },
  [LOTSEN_SIGNUPS_ACTIVITY_TITLE]    = { "activity_title", TEXT, SWEDISH_TITLE ("se.activity_id") },
  [LOTSEN_SIGNUPS_STATUS]            = { "status", TEXT, "g.status", REQUIRED },
  [LOTSEN_SIGNUPS_PARTY_SIZE]        = { "party_size", NUMBER, "g.party_size" },
  [LOTSEN_SIGNUPS_POSITION]          = { "position", NUMBER, "g.position" },
  [LOTSEN_SIGNUPS_NAME]              = { "name", TEXT, "g.name" },
  [LOTSEN_SIGNUPS_PHONE]             = { "phone", TEXT, "g.phone" },
  [LOTSEN_SIGNUPS_VISITOR_UUID]      = { "visitor_uuid", TEXT, "v.uuid" },
  [LOTSEN_SIGNUPS_CREATED_AT]        = { "created_at", TIME, "g.created_at", REQUIRED },
  [LOTSEN_SIGNUPS_CHANGED_AT]        = { "changed_at", TIME, "g.changed_at" },
  /* Last, so that older readers' columns stay where they were; an import
   * finds the sign-up's session by it (an older export's line, without
   * it, by its start and title). */
  [LOTSEN_SIGNUPS_SESSION_UUID]      = { "session_uuid", TEXT, "se.uuid" },
};

/* One row per session, and one for each activity without any (its
 * session columns empty). */
static const LotsenColumn activity_columns[] = {
  [LOTSEN_ACTIVITIES_ACTIVITY_UUID] = { "activity_uuid", TEXT, "a.uuid", REQUIRED },
  [LOTSEN_ACTIVITIES_CATEGORY]      = { "category", TEXT, "a.category", REQUIRED },
  [LOTSEN_ACTIVITIES_LOCATION]      = { "location", TEXT, "a.location" },
  [LOTSEN_ACTIVITIES_CAPACITY]      = { "capacity", NUMBER, "coalesce (se.capacity, a.capacity)" },
  [LOTSEN_ACTIVITIES_SESSION_UUID]  = { "session_uuid", TEXT, "se.uuid" },
  [LOTSEN_ACTIVITIES_STARTS_AT]     = { "starts_at", TIME, "se.starts_at" },
  [LOTSEN_ACTIVITIES_ENDS_AT]       = { "ends_at", TIME, "se.ends_at" },
  [LOTSEN_ACTIVITIES_CANCELLED]     = { "cancelled", NUMBER, "se.cancelled" },
  [LOTSEN_ACTIVITIES_TITLE]         = { "title", TEXT, SWEDISH_TITLE ("a.id") },
  /* Every language's title and description, as a JSON object:
   * {"sv": {"title": "…", "description": "…"}, "en": …}. */
  [LOTSEN_ACTIVITIES_TEXTS]         = { "texts", TEXT,
                                        "(SELECT json_group_object (lang, json_object ('title', title, "
                                        "'description', description)) FROM "
                                        "(SELECT lang, title, description FROM activity_text "
                                        "WHERE activity_id = a.id ORDER BY lang))" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (visitor_columns) == LOTSEN_VISITORS_N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (ticket_columns) == LOTSEN_TICKETS_N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (signup_columns) == LOTSEN_SIGNUPS_N_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (activity_columns) == LOTSEN_ACTIVITIES_N_COLUMNS);

static const LotsenDataset datasets[] = {
  [LOTSEN_EXPORT_VISITORS] = {
    "visitors",
    "FROM visitor WHERE " IN_RANGE ("created_at") " ORDER BY created_at, id",
    visitor_columns, G_N_ELEMENTS (visitor_columns),
  },
  [LOTSEN_EXPORT_TICKETS] = {
    "tickets",
    "FROM ticket t JOIN service s ON s.id = t.service_id "
    "LEFT JOIN visitor v ON v.id = t.visitor_id "
    "WHERE " IN_RANGE ("t.created_at") " ORDER BY t.created_at, t.id",
    ticket_columns, G_N_ELEMENTS (ticket_columns),
  },
  [LOTSEN_EXPORT_SIGNUPS] = {
    "signups",
    "FROM signup g JOIN session se ON se.id = g.session_id "
    "LEFT JOIN visitor v ON v.id = g.visitor_id "
    "WHERE " IN_RANGE ("g.created_at") " ORDER BY g.created_at, g.id",
    signup_columns, G_N_ELEMENTS (signup_columns),
  },
  [LOTSEN_EXPORT_ACTIVITIES] = {
    "activities",
    "FROM activity a LEFT JOIN session se ON se.activity_id = a.id "
    "WHERE se.id IS NULL OR (" IN_RANGE ("se.starts_at") ") ORDER BY se.starts_at, se.id, a.id",
    activity_columns, G_N_ELEMENTS (activity_columns),
  },
};

const LotsenDataset *
lotsen_dataset_get (LotsenExportDataset dataset)
{
  g_return_val_if_fail (dataset < G_N_ELEMENTS (datasets), NULL);

  return &datasets[dataset];
}

/**
 * lotsen_dataset_get_select:
 *
 * Returns: (transfer full): the SELECT of @dataset's rows, its columns in
 *   order; ?1 is the period's start or NULL, ?2 its end or NULL
 */
char *
lotsen_dataset_get_select (const LotsenDataset *dataset)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");

  g_return_val_if_fail (dataset != NULL, NULL);

  for (guint i = 0; i < dataset->n_columns; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, dataset->columns[i].sql);
    }

  g_string_append_c (sql, ' ');
  g_string_append (sql, dataset->from);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}
