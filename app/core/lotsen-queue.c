/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-queue.c — services, queue tickets, calling and the wait estimate.
 *
 * Numbers count per service per local day.  Taking a number is one
 * BEGIN IMMEDIATE transaction that reads the day's highest number and
 * writes the next, so two kiosks on one file never hand out the same
 * number and none is skipped.  Calling the next ticket is likewise one
 * transaction, so two desks never get the same ticket.
 */

#define G_LOG_DOMAIN "lotsen-queue"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-queue.h"
#include "lotsen-store-private.h"

#define HISTORY_SAMPLES   20  /* finished tickets the median service time is taken over */
#define MIN_SAMPLES        3  /* fewer than this: use the service's default minutes */
#define DESK_WINDOW_SECS 3600 /* a desk that called within this counts as open */

static const char * const status_names[] = {
  [LOTSEN_TICKET_WAITING] = "waiting",
  [LOTSEN_TICKET_CALLED]  = "called",
  [LOTSEN_TICKET_SERVING] = "serving",
  [LOTSEN_TICKET_DONE]    = "done",
  [LOTSEN_TICKET_NO_SHOW] = "no_show",
};

#define TICKET_COLUMNS \
  "t.id, t.uuid, t.label, s.prefix, t.day, t.number, t.lang, t.interpreter_lang, " \
  "t.status, t.created_at, t.called_at, t.finished_at, t.desk, t.visitor_id"

void
lotsen_service_free (LotsenService *service)
{
  if (service == NULL)
    return;

  g_free (service->prefix);
  g_free (service->pictogram);
  g_free (service->name);
  g_free (service->name_lang);
  g_free (service);
}

void
lotsen_ticket_free (LotsenTicket *ticket)
{
  if (ticket == NULL)
    return;

  g_free (ticket->uuid);
  g_free (ticket->label);
  g_free (ticket->prefix);
  g_free (ticket->day);
  g_free (ticket->lang);
  g_free (ticket->interpreter_lang);
  g_free (ticket);
}

const char *
lotsen_ticket_status_to_string (LotsenTicketStatus status)
{
  g_return_val_if_fail (status <= LOTSEN_TICKET_NO_SHOW, NULL);

  return status_names[status];
}

static LotsenTicketStatus
status_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (status_names[i], text) == 0)
      return i;

  g_assert_not_reached ();
}

static LotsenTicket *
ticket_from_row (sqlite3_stmt *stmt)
{
  LotsenTicket *ticket = g_new0 (LotsenTicket, 1);

  ticket->id = sqlite3_column_int64 (stmt, 0);
  ticket->uuid = lotsen_store_column_text (stmt, 1);
  ticket->label = lotsen_store_column_text (stmt, 2);
  ticket->prefix = lotsen_store_column_text (stmt, 3);
  ticket->day = lotsen_store_column_text (stmt, 4);
  ticket->number = sqlite3_column_int (stmt, 5);
  ticket->lang = lotsen_store_column_text (stmt, 6);
  ticket->interpreter_lang = lotsen_store_column_text (stmt, 7);
  ticket->status = status_from_string ((const char *) sqlite3_column_text (stmt, 8));
  ticket->created_at = sqlite3_column_int64 (stmt, 9);
  ticket->called_at = sqlite3_column_int64 (stmt, 10);
  ticket->finished_at = sqlite3_column_int64 (stmt, 11);
  ticket->desk = sqlite3_column_int (stmt, 12);
  ticket->visitor_id = sqlite3_column_int64 (stmt, 13);

  return ticket;
}

static gboolean
check_language (const char  *lang,
                GError     **error)
{
  if (lang == NULL || lotsen_i18n_lookup (lang) != NULL)
    return TRUE;

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               /* Translators: %s is a language code such as "xx". */
               _("“%s” is not one of the kiosk’s languages."), lang);
  return FALSE;
}

static gboolean
is_valid_prefix (const char *prefix)
{
  return prefix != NULL && prefix[0] >= 'A' && prefix[0] <= 'Z' && prefix[1] == '\0';
}

static void
set_unknown_service_error (const char  *prefix,
                           GError     **error)
{
  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is a service's letter, such as "A". */
               _("There is no service with the letter “%s”."), prefix);
}

/* Picks a service's name: the asked language, then Swedish, then any. */
static const char service_select[] =
  "SELECT s.id, s.prefix, s.pictogram, s.default_minutes, st.name, st.lang "
  "FROM service s "
  "JOIN service_text st ON st.service_id = s.id "
  "AND st.lang = (SELECT lang FROM service_text WHERE service_id = s.id "
  "               ORDER BY lang = ?1 DESC, lang = 'sv' DESC, lang LIMIT 1) ";

static LotsenService *
service_from_row (sqlite3_stmt *stmt)
{
  LotsenService *service = g_new0 (LotsenService, 1);

  service->id = sqlite3_column_int64 (stmt, 0);
  service->prefix = lotsen_store_column_text (stmt, 1);
  service->pictogram = lotsen_store_column_text (stmt, 2);
  service->default_minutes = sqlite3_column_int (stmt, 3);
  service->name = lotsen_store_column_text (stmt, 4);
  service->name_lang = lotsen_store_column_text (stmt, 5);

  return service;
}

/**
 * lotsen_queue_list_services:
 * @lang: the language to name them in
 *
 * Returns: (transfer full) (element-type LotsenService): the active
 *   services in display order
 */
GPtrArray *
lotsen_queue_list_services (LotsenStore  *store,
                            const char   *lang,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  sql = g_strconcat (service_select, "WHERE s.active ORDER BY s.sort_order, s.prefix", NULL);
  stmt = lotsen_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, lang ? lang : LOTSEN_DEFAULT_LANGUAGE, -1, SQLITE_STATIC);

  services = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_service_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (services, service_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&services);
}

LotsenService *
lotsen_queue_get_service (LotsenStore  *store,
                          const char   *prefix,
                          const char   *lang,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  if (!is_valid_prefix (prefix))
    {
      set_unknown_service_error (prefix ? prefix : "", error);
      return NULL;
    }

  sql = g_strconcat (service_select, "WHERE s.prefix = ?2 AND s.active", NULL);
  stmt = lotsen_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, lang ? lang : LOTSEN_DEFAULT_LANGUAGE, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_unknown_service_error (prefix, error);
      return NULL;
    }

  return service_from_row (stmt);
}

/**
 * lotsen_queue_add_service:
 * @langs: (array zero-terminated=1): language codes
 * @names: (array zero-terminated=1): the name in each of @langs
 *
 * Adds a service with its names, in one transaction.
 */
gboolean
lotsen_queue_add_service (LotsenStore         *store,
                          const char          *prefix,
                          const char          *pictogram,
                          int                  default_minutes,
                          const char * const  *langs,
                          const char * const  *names,
                          GError             **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  g_autofree char *uuid = NULL;
  gint64 service_id;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (pictogram != NULL, FALSE);
  g_return_val_if_fail (langs != NULL && names != NULL, FALSE);

  if (!is_valid_prefix (prefix))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   _("A service’s letter must be one capital letter from A to Z."));
      return FALSE;
    }

  if (!lotsen_store_begin (store, error))
    return FALSE;

  insert = lotsen_store_prepare (store,
                                 "INSERT INTO service (uuid, prefix, pictogram, default_minutes, sort_order) "
                                 "VALUES (?, ?, ?, ?, (SELECT count(*) FROM service))",
                                 error);
  if (insert == NULL)
    goto fail;

  uuid = lotsen_store_new_uuid ();
  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, pictogram, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, default_minutes);
  if (!lotsen_store_step_done (store, insert, error))
    goto fail;

  service_id = sqlite3_last_insert_rowid (lotsen_store_get_db (store));

  insert_text = lotsen_store_prepare (store,
                                      "INSERT INTO service_text (service_id, lang, name) VALUES (?, ?, ?)",
                                      error);
  if (insert_text == NULL)
    goto fail;

  for (guint i = 0; langs[i] != NULL && names[i] != NULL; i++)
    {
      sqlite3_reset (insert_text);
      sqlite3_bind_int64 (insert_text, 1, service_id);
      sqlite3_bind_text (insert_text, 2, langs[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_text, 3, names[i], -1, SQLITE_STATIC);
      if (!lotsen_store_step_done (store, insert_text, error))
        goto fail;
    }

  return lotsen_store_commit (store, error);

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

static LotsenTicket *
get_ticket_where (LotsenStore  *store,
                  const char   *where,
                  gint64        id,
                  const char   *text,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  sql = g_strconcat ("SELECT " TICKET_COLUMNS " FROM ticket t JOIN service s ON s.id = t.service_id WHERE ",
                     where, NULL);
  stmt = lotsen_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a ticket label such as "A012". */
                   _("There is no ticket “%s”."),
                   text ? text : "");
      return NULL;
    }

  return ticket_from_row (stmt);
}

LotsenTicket *
lotsen_queue_get_ticket (LotsenStore  *store,
                         gint64        id,
                         GError      **error)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  return get_ticket_where (store, "t.id = ?1", id, NULL, error);
}

/**
 * lotsen_queue_find_ticket:
 * @label: a label such as "A012"
 *
 * Returns: (transfer full): the newest ticket with @label (today's, when
 *   today has one), or %NULL with %LOTSEN_STORE_ERROR_NOT_FOUND
 */
LotsenTicket *
lotsen_queue_find_ticket (LotsenStore  *store,
                          const char   *label,
                          GError      **error)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  return get_ticket_where (store, "t.label = ?1 ORDER BY t.id DESC LIMIT 1", 0, label, error);
}

/* Ends a transaction that wrote @ticket_id, and reads the ticket back. */
static LotsenTicket *
commit_and_get_ticket (LotsenStore  *store,
                       gint64        ticket_id,
                       GError      **error)
{
  if (!lotsen_store_commit (store, error))
    return NULL;

  return lotsen_queue_get_ticket (store, ticket_id, error);
}

/* The service's next number today: above every number it has given and
 * every label with its letter, since a ticket sent to another service
 * keeps its label.  Inside the caller's transaction; -1 on error. */
static int
next_number (LotsenStore          *store,
             const LotsenService  *service,
             const char           *day,
             GError              **error)
{
  g_autoptr(sqlite3_stmt) next = NULL;
  int number;

  next = lotsen_store_prepare (store,
                               "SELECT coalesce (max (n), 0) + 1 FROM ("
                               "  SELECT number AS n FROM ticket WHERE service_id = ?1 AND day = ?2"
                               "  UNION ALL"
                               "  SELECT CAST (substr (label, 2) AS INTEGER) FROM ticket"
                               "  WHERE day = ?2 AND substr (label, 1, 1) = ?3)",
                               error);
  if (next == NULL)
    return -1;

  sqlite3_bind_int64 (next, 1, service->id);
  sqlite3_bind_text (next, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (next, 3, service->prefix, -1, SQLITE_STATIC);
  if (sqlite3_step (next) != SQLITE_ROW)
    {
      lotsen_store_set_error (store, error);
      return -1;
    }
  number = sqlite3_column_int (next, 0);
  /* Done reading: a statement left open would keep the write-ahead log
   * from ever being checkpointed. */
  sqlite3_reset (next);

  return number;
}

/**
 * lotsen_queue_take_ticket:
 * @prefix: the service's letter
 * @lang: (nullable): the language the visitor uses
 *
 * Hands out the service's next number for today.  When this returns, the
 * ticket is on disk.
 *
 * Returns: (transfer full): the new ticket
 */
LotsenTicket *
lotsen_queue_take_ticket (LotsenStore  *store,
                          const char   *prefix,
                          const char   *lang,
                          GError      **error)
{
  return lotsen_queue_take_ticket_for (store, prefix, lang, 0, error);
}

/**
 * lotsen_queue_take_ticket_for:
 * @visitor_id: the signed-in visitor the ticket is for, or 0
 *
 * Like lotsen_queue_take_ticket(), for a visitor who gave their code.
 */
LotsenTicket *
lotsen_queue_take_ticket_for (LotsenStore  *store,
                              const char   *prefix,
                              const char   *lang,
                              gint64        visitor_id,
                              GError      **error)
{
  g_autoptr(LotsenService) service = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *day = NULL;
  g_autofree char *label = NULL;
  g_autofree char *uuid = NULL;
  gint64 now, ticket_id;
  int number;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  if (!check_language (lang, error))
    return NULL;

  if (!lotsen_store_begin (store, error))
    return NULL;

  /* Inside the transaction, so the service cannot vanish under us. */
  service = lotsen_queue_get_service (store, prefix, NULL, error);
  if (service == NULL)
    goto fail;

  now = lotsen_store_now (store);
  day = lotsen_store_format_local_day (store, now);

  number = next_number (store, service, day, error);
  if (number < 0)
    goto fail;

  label = g_strdup_printf ("%s%03d", service->prefix, number);
  uuid = lotsen_store_new_uuid ();

  insert = lotsen_store_prepare (store,
                                 "INSERT INTO ticket (uuid, service_id, day, number, label, lang, created_at, visitor_id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (insert == NULL)
    goto fail;

  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, service->id);
  sqlite3_bind_text (insert, 3, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, number);
  sqlite3_bind_text (insert, 5, label, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, lang, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 7, now);
  if (visitor_id > 0)
    sqlite3_bind_int64 (insert, 8, visitor_id);
  if (!lotsen_store_step_done (store, insert, error))
    goto fail;

  ticket_id = sqlite3_last_insert_rowid (lotsen_store_get_db (store));

  return commit_and_get_ticket (store, ticket_id, error);

fail:
  lotsen_store_rollback (store);
  return NULL;
}

/**
 * lotsen_queue_set_interpreter:
 * @lang: (nullable): the language the visitor wants an interpreter for,
 *   or %NULL for none
 */
gboolean
lotsen_queue_set_interpreter (LotsenStore  *store,
                              gint64        ticket_id,
                              const char   *lang,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (lang != NULL && lotsen_interpreter_lookup (lang) == NULL)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   _("No interpreter can be asked for in that language."));
      return FALSE;
    }

  stmt = lotsen_store_prepare (store, "UPDATE ticket SET interpreter_lang = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ticket_id);
  if (!lotsen_store_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (lotsen_store_get_db (store)) == 0)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND,
                   _("The ticket no longer exists."));
      return FALSE;
    }

  return TRUE;
}

/* Call order: priority first, then first come, first served. */
#define CALL_ORDER "t.priority DESC, t.created_at, t.id"

/**
 * lotsen_queue_list_waiting:
 *
 * Returns: (transfer full) (element-type LotsenTicket): today's waiting
 *   tickets in the order they will be called
 */
GPtrArray *
lotsen_queue_list_waiting (LotsenStore  *store,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autofree char *day = NULL;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  stmt = lotsen_store_prepare (store,
                               "SELECT " TICKET_COLUMNS " FROM ticket t JOIN service s ON s.id = t.service_id "
                               "WHERE t.day = ? AND t.status = 'waiting' ORDER BY " CALL_ORDER,
                               error);
  if (stmt == NULL)
    return NULL;

  day = lotsen_store_format_local_day (store, lotsen_store_now (store));
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);

  tickets = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_ticket_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tickets, ticket_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&tickets);
}

/**
 * lotsen_queue_call_next:
 * @desk: the desk calling, 1 to %LOTSEN_MAX_DESK
 * @prefix: (nullable): only call this service's tickets
 *
 * Returns: (transfer full) (nullable): the called ticket, or %NULL with
 *   no error set when nobody waits
 */
LotsenTicket *
lotsen_queue_call_next (LotsenStore  *store,
                        int           desk,
                        const char   *prefix,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) pick = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *day = NULL;
  gint64 ticket_id;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  if (desk < 1 || desk > LOTSEN_MAX_DESK)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   _("A desk number must be from 1 to %d."), LOTSEN_MAX_DESK);
      return NULL;
    }

  if (prefix != NULL)
    {
      g_autoptr(LotsenService) service = lotsen_queue_get_service (store, prefix, NULL, error);

      if (service == NULL)
        return NULL;
    }

  if (!lotsen_store_begin (store, error))
    return NULL;

  pick = lotsen_store_prepare (store,
                               "SELECT t.id FROM ticket t JOIN service s ON s.id = t.service_id "
                               "WHERE t.day = ?1 AND t.status = 'waiting' AND (?2 IS NULL OR s.prefix = ?2) "
                               "ORDER BY " CALL_ORDER " LIMIT 1",
                               error);
  if (pick == NULL)
    goto fail;

  day = lotsen_store_format_local_day (store, lotsen_store_now (store));
  sqlite3_bind_text (pick, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (pick, 2, prefix, -1, SQLITE_STATIC);

  rc = sqlite3_step (pick);
  if (rc == SQLITE_DONE)
    {
      lotsen_store_rollback (store);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      lotsen_store_set_error (store, error);
      goto fail;
    }
  ticket_id = sqlite3_column_int64 (pick, 0);
  sqlite3_reset (pick);

  update = lotsen_store_prepare (store,
                                 "UPDATE ticket SET status = 'called', called_at = ?, desk = ?, "
                                 "call_count = call_count + 1 WHERE id = ?",
                                 error);
  if (update == NULL)
    goto fail;

  sqlite3_bind_int64 (update, 1, lotsen_store_now (store));
  sqlite3_bind_int (update, 2, desk);
  sqlite3_bind_int64 (update, 3, ticket_id);
  if (!lotsen_store_step_done (store, update, error))
    goto fail;

  return commit_and_get_ticket (store, ticket_id, error);

fail:
  lotsen_store_rollback (store);
  return NULL;
}

/**
 * lotsen_queue_finish:
 * @status: %LOTSEN_TICKET_DONE or %LOTSEN_TICKET_NO_SHOW
 *
 * Closes a called ticket.
 */
gboolean
lotsen_queue_finish (LotsenStore         *store,
                     const char          *label,
                     LotsenTicketStatus   status,
                     GError             **error)
{
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (status == LOTSEN_TICKET_DONE || status == LOTSEN_TICKET_NO_SHOW, FALSE);

  if (!lotsen_store_begin (store, error))
    return FALSE;

  ticket = lotsen_queue_find_ticket (store, label, error);
  if (ticket == NULL)
    goto fail;

  if (ticket->status == LOTSEN_TICKET_DONE || ticket->status == LOTSEN_TICKET_NO_SHOW)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is a ticket label such as "A012". */
                   _("Ticket %s is already closed."), label);
      goto fail;
    }

  if (ticket->status != LOTSEN_TICKET_CALLED && ticket->status != LOTSEN_TICKET_SERVING)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is a ticket label such as "A012". */
                   _("Ticket %s has not been called, so it cannot be closed."), label);
      goto fail;
    }

  update = lotsen_store_prepare (store, "UPDATE ticket SET status = ?, finished_at = ? WHERE id = ?", error);
  if (update == NULL)
    goto fail;

  sqlite3_bind_text (update, 1, status_names[status], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 2, lotsen_store_now (store));
  sqlite3_bind_int64 (update, 3, ticket->id);
  if (!lotsen_store_step_done (store, update, error))
    goto fail;

  return lotsen_store_commit (store, error);

fail:
  lotsen_store_rollback (store);
  return FALSE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The median of the service's recent finished tickets, in seconds, or
 * -1 when there are too few to tell. */
static gint64
median_service_seconds (LotsenStore  *store,
                        gint64        service_id,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = lotsen_store_prepare (store,
                               "SELECT finished_at - called_at FROM ticket "
                               "WHERE service_id = ? AND status = 'done' AND called_at IS NOT NULL "
                               "AND finished_at >= called_at ORDER BY finished_at DESC LIMIT ?",
                               error);
  if (stmt == NULL)
    return -2;

  sqlite3_bind_int64 (stmt, 1, service_id);
  sqlite3_bind_int (stmt, 2, HISTORY_SAMPLES);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seconds = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (samples, seconds);
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return -2;
    }

  if (samples->len < MIN_SAMPLES)
    return -1;

  g_array_sort (samples, compare_int64);
  if (samples->len % 2 == 1)
    return g_array_index (samples, gint64, samples->len / 2);

  return (g_array_index (samples, gint64, samples->len / 2 - 1) +
          g_array_index (samples, gint64, samples->len / 2)) / 2;
}

static int
round_to_five (double minutes,
               gboolean up)
{
  return 5 * (int) (up ? ceil (minutes / 5.0) : floor (minutes / 5.0));
}

/**
 * lotsen_queue_estimate_wait:
 *
 * Estimates the wait as people ahead × recent median service time ÷ open
 * desks, given as a range rounded to five minutes.
 */
gboolean
lotsen_queue_estimate_wait (LotsenStore         *store,
                            gint64               ticket_id,
                            LotsenWaitEstimate  *estimate,
                            GError             **error)
{
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(sqlite3_stmt) ahead = NULL;
  g_autoptr(sqlite3_stmt) info = NULL;
  gint64 service_id, median;
  int default_minutes, desks;
  double minutes;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (estimate != NULL, FALSE);

  memset (estimate, 0, sizeof *estimate);

  ticket = lotsen_queue_get_ticket (store, ticket_id, error);
  if (ticket == NULL)
    return FALSE;

  if (ticket->status != LOTSEN_TICKET_WAITING)
    return TRUE;

  info = lotsen_store_prepare (store,
                              "SELECT t.service_id, s.default_minutes, t.priority, "
                              "  (SELECT count (DISTINCT desk) FROM ticket "
                              "   WHERE day = t.day AND desk IS NOT NULL AND called_at >= ?2) "
                              "FROM ticket t JOIN service s ON s.id = t.service_id WHERE t.id = ?1",
                              error);
  if (info == NULL)
    return FALSE;

  sqlite3_bind_int64 (info, 1, ticket_id);
  sqlite3_bind_int64 (info, 2, lotsen_store_now (store) - DESK_WINDOW_SECS);
  if (sqlite3_step (info) != SQLITE_ROW)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  service_id = sqlite3_column_int64 (info, 0);
  default_minutes = sqlite3_column_int (info, 1);
  desks = MAX (1, sqlite3_column_int (info, 3));

  ahead = lotsen_store_prepare (store,
                               "SELECT count (*) FROM ticket t WHERE t.service_id = ?1 AND t.day = ?2 "
                               "AND t.status = 'waiting' AND (t.priority > ?3 OR (t.priority = ?3 AND "
                               "(t.created_at < ?4 OR (t.created_at = ?4 AND t.id < ?5))))",
                               error);
  if (ahead == NULL)
    return FALSE;

  sqlite3_bind_int64 (ahead, 1, service_id);
  sqlite3_bind_text (ahead, 2, ticket->day, -1, SQLITE_STATIC);
  sqlite3_bind_int (ahead, 3, sqlite3_column_int (info, 2));
  sqlite3_bind_int64 (ahead, 4, ticket->created_at);
  sqlite3_bind_int64 (ahead, 5, ticket->id);
  if (sqlite3_step (ahead) != SQLITE_ROW)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  estimate->ahead = sqlite3_column_int (ahead, 0);
  if (estimate->ahead == 0)
    return TRUE;

  median = median_service_seconds (store, service_id, error);
  if (median == -2)
    return FALSE;

  minutes = estimate->ahead * (median < 0 ? default_minutes : median / 60.0) / desks;

  estimate->min_minutes = round_to_five (minutes * 0.75, FALSE);
  estimate->max_minutes = MAX (estimate->min_minutes + 5, round_to_five (minutes * 1.25, TRUE));

  return TRUE;
}

/**
 * lotsen_queue_recall:
 * @label: a called ticket's label
 *
 * Calls a ticket again, at the desk that called it: the call gets a new
 * time, so the display shows and announces it once more.
 *
 * Returns: (transfer full): the ticket, or %NULL with @error set
 */
LotsenTicket *
lotsen_queue_recall (LotsenStore  *store,
                     const char   *label,
                     GError      **error)
{
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (!lotsen_store_begin (store, error))
    return NULL;

  ticket = lotsen_queue_find_ticket (store, label, error);
  if (ticket == NULL)
    goto fail;

  if (ticket->status != LOTSEN_TICKET_CALLED && ticket->status != LOTSEN_TICKET_SERVING)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is a ticket label such as "A012". */
                   _("Ticket %s is not called at a desk now, so it cannot be called again."), label);
      goto fail;
    }

  update = lotsen_store_prepare (store,
                                 "UPDATE ticket SET called_at = ?, call_count = call_count + 1 WHERE id = ?",
                                 error);
  if (update == NULL)
    goto fail;

  sqlite3_bind_int64 (update, 1, lotsen_store_now (store));
  sqlite3_bind_int64 (update, 2, ticket->id);
  if (!lotsen_store_step_done (store, update, error))
    goto fail;

  return commit_and_get_ticket (store, ticket->id, error);

fail:
  lotsen_store_rollback (store);
  return NULL;
}

/**
 * lotsen_queue_transfer:
 * @label: the ticket to send on
 * @prefix: the letter of the service it goes to
 *
 * Sends a waiting or called ticket to another service.  It keeps its label
 * (the visitor's paper says A012) and its place in time: it waits in the
 * new service as if taken there when it was first taken.
 *
 * Returns: (transfer full): the ticket as it now is, or %NULL with @error
 */
LotsenTicket *
lotsen_queue_transfer (LotsenStore  *store,
                       const char   *label,
                       const char   *prefix,
                       GError      **error)
{
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenService) service = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  int number;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (!lotsen_store_begin (store, error))
    return NULL;

  ticket = lotsen_queue_find_ticket (store, label, error);
  if (ticket == NULL)
    goto fail;

  service = lotsen_queue_get_service (store, prefix, NULL, error);
  if (service == NULL)
    goto fail;

  if (ticket->status == LOTSEN_TICKET_DONE || ticket->status == LOTSEN_TICKET_NO_SHOW)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is a ticket label such as "A012". */
                   _("Ticket %s is already closed, so it cannot be sent to another service."), label);
      goto fail;
    }

  if (g_str_equal (ticket->prefix, service->prefix))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is a ticket label such as "A012". */
                   _("Ticket %s already waits for that service."), label);
      goto fail;
    }

  number = next_number (store, service, ticket->day, error);
  if (number < 0)
    goto fail;

  update = lotsen_store_prepare (store,
                                 "UPDATE ticket SET service_id = ?, number = ?, status = 'waiting', "
                                 "called_at = NULL, desk = NULL WHERE id = ?",
                                 error);
  if (update == NULL)
    goto fail;

  sqlite3_bind_int64 (update, 1, service->id);
  sqlite3_bind_int (update, 2, number);
  sqlite3_bind_int64 (update, 3, ticket->id);
  if (!lotsen_store_step_done (store, update, error))
    goto fail;

  return commit_and_get_ticket (store, ticket->id, error);

fail:
  lotsen_store_rollback (store);
  return NULL;
}

void
lotsen_call_free (LotsenCall *call)
{
  if (call == NULL)
    return;

  g_free (call->label);
  g_free (call->prefix);
  g_free (call->pictogram);
  g_free (call->lang);
  g_free (call->service_sv);
  g_free (call->service_local);
  g_free (call);
}

LotsenCall *
lotsen_call_copy (const LotsenCall *call)
{
  LotsenCall *copy;

  g_return_val_if_fail (call != NULL, NULL);

  copy = g_memdup2 (call, sizeof *call);
  copy->label = g_strdup (call->label);
  copy->prefix = g_strdup (call->prefix);
  copy->pictogram = g_strdup (call->pictogram);
  copy->lang = g_strdup (call->lang);
  copy->service_sv = g_strdup (call->service_sv);
  copy->service_local = g_strdup (call->service_local);

  return copy;
}

G_DEFINE_BOXED_TYPE (LotsenCall, lotsen_call, lotsen_call_copy, lotsen_call_free)

/**
 * lotsen_queue_list_calls:
 * @limit: how many calls at most
 *
 * Today's calls, the newest first: a call again counts as new.  No
 * visitor's name is read: the display shows and speaks only the label.
 *
 * Returns: (transfer full) (element-type LotsenCall): the calls
 */
GPtrArray *
lotsen_queue_list_calls (LotsenStore  *store,
                         guint         limit,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *day = NULL;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  /* The service's name in Swedish and in the ticket's language, each
   * falling back as lotsen_queue_list_services() does. */
  stmt = lotsen_store_prepare (store,
                               "SELECT t.id, t.label, t.desk, s.prefix, s.pictogram, t.lang, t.called_at, t.call_count, "
                               "  coalesce (sv.name, (SELECT min (name) FROM service_text WHERE service_id = s.id)), "
                               "  coalesce (tl.name, sv.name, (SELECT min (name) FROM service_text WHERE service_id = s.id)) "
                               "FROM ticket t JOIN service s ON s.id = t.service_id "
                               "LEFT JOIN service_text sv ON sv.service_id = s.id AND sv.lang = 'sv' "
                               "LEFT JOIN service_text tl ON tl.service_id = s.id AND tl.lang = t.lang "
                               "WHERE t.day = ?1 AND t.called_at IS NOT NULL AND t.desk IS NOT NULL "
                               "ORDER BY t.called_at DESC, t.id DESC LIMIT ?2",
                               error);
  if (stmt == NULL)
    return NULL;

  day = lotsen_store_format_local_day (store, lotsen_store_now (store));
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));

  calls = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_call_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LotsenCall *call = g_new0 (LotsenCall, 1);

      call->ticket_id = sqlite3_column_int64 (stmt, 0);
      call->label = lotsen_store_column_text (stmt, 1);
      call->desk = sqlite3_column_int (stmt, 2);
      call->prefix = lotsen_store_column_text (stmt, 3);
      call->pictogram = lotsen_store_column_text (stmt, 4);
      call->lang = lotsen_store_column_text (stmt, 5);
      call->called_at = sqlite3_column_int64 (stmt, 6);
      call->call_count = sqlite3_column_int (stmt, 7);
      call->service_sv = lotsen_store_column_text (stmt, 8);
      call->service_local = lotsen_store_column_text (stmt, 9);
      g_ptr_array_add (calls, call);
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&calls);
}
