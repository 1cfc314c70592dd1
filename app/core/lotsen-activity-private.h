/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by lotsen-activity.c, lotsen-activity-edit.c and lotsen-signup.c only. */
#pragma once

#include "lotsen-activity.h"
#include "lotsen-signup.h"
#include "lotsen-store-private.h"

G_BEGIN_DECLS

/* The title in ?1, then Swedish, then any language the activity has. */
#define TITLE_LANG(activity) \
  "(SELECT lang FROM activity_text WHERE activity_id = " activity " " \
  "ORDER BY lang = ?1 DESC, lang = 'sv' DESC, lang LIMIT 1)"

#define TAKEN(session) \
  "(SELECT coalesce (sum (party_size), 0) FROM signup " \
  "WHERE session_id = " session " AND status IN ('confirmed', 'attended'))"

/* The columns lotsen_signup_collect() reads; ?1 is the title's language. */
#define SIGNUP_SELECT \
  "SELECT g.id, g.uuid, g.session_id, g.visitor_id, v.code, coalesce (g.name, v.given_name), " \
  "coalesce (g.phone, nullif (v.phone, '')), g.party_size, g.status, g.position, g.promoted_at, " \
  "g.walk_in, g.created_at, g.changed_at, se.starts_at, se.cancelled, t.title, t.lang " \
  "FROM signup g JOIN session se ON se.id = g.session_id " \
  "LEFT JOIN visitor v ON v.id = g.visitor_id " \
  "LEFT JOIN activity_text t ON t.activity_id = se.activity_id AND t.lang = " TITLE_LANG ("se.activity_id") " "

/* Seated first in the order they signed up, then the waiting list. */
#define SIGNUP_ORDER "g.status = 'waitlisted', g.created_at, g.id"

/* The seats of one session. */
typedef struct
{
  gint64   starts_at;
  int      capacity;
  int      taken;
  int      waiting_signups;
  gboolean cancelled;
} LotsenSeats;

gboolean   lotsen_session_read_seats      (LotsenStore   *store,
                                           gint64         session_id,
                                           LotsenSeats   *seats,
                                           GError       **error);
gboolean   lotsen_session_renumber_waiting (LotsenStore   *store,
                                            gint64         session_id,
                                            GError       **error);
gboolean   lotsen_session_promote_waiting (LotsenStore   *store,
                                           gint64         session_id,
                                           GError       **error);
GPtrArray *lotsen_signup_collect          (LotsenStore   *store,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);

static inline void
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID, message);
}

static inline void
set_not_found (GError     **error,
               const char  *message)
{
  g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND, message);
}

G_END_DECLS
