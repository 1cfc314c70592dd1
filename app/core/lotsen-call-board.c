/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-call-board.c — the calls the waiting room sees, from any process.
 *
 * The board has a database connection of its own and asks sqlite every
 * LOTSEN_CALL_BOARD_POLL_MS whether anyone wrote since (PRAGMA
 * data_version: a counter in the shared memory of the write-ahead log,
 * read without touching the tables, that moves whenever another
 * connection commits — the kiosk's own, lotsen-admin's, another
 * kiosk's).  Only then are today's calls read again.  A call or a call
 * again that was not on the board before is announced with ::called, once.
 */

#define G_LOG_DOMAIN "lotsen-call-board"

#include "config.h"

#include "lotsen-call-board.h"
#include "lotsen-store-private.h"

struct _LotsenCallBoard
{
  GObject       parent_instance;

  LotsenStore  *store;
  sqlite3_stmt *data_version;
  gint64        last_version;
  GPtrArray    *calls;       /* (element-type LotsenCall) newest first */
  GHashTable   *seen;        /* ticket id → call_count already announced */
  guint         timeout_id;
  gboolean      loaded;
};

G_DEFINE_FINAL_TYPE (LotsenCallBoard, lotsen_call_board, G_TYPE_OBJECT)

enum {
  CHANGED,
  CALLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
lotsen_call_board_dispose (GObject *object)
{
  LotsenCallBoard *self = LOTSEN_CALL_BOARD (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->data_version, sqlite3_finalize);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lotsen_call_board_parent_class)->dispose (object);
}

static void
lotsen_call_board_finalize (GObject *object)
{
  LotsenCallBoard *self = LOTSEN_CALL_BOARD (object);

  g_clear_pointer (&self->calls, g_ptr_array_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);

  G_OBJECT_CLASS (lotsen_call_board_parent_class)->finalize (object);
}

static void
lotsen_call_board_class_init (LotsenCallBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lotsen_call_board_dispose;
  object_class->finalize = lotsen_call_board_finalize;

  /**
   * LotsenCallBoard::changed:
   *
   * The list of calls changed; lotsen_call_board_get_calls() has it.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LotsenCallBoard::called:
   * @call: the new call (or call again)
   *
   * A ticket was called, or called again, since the board last looked.
   * Emitted after ::changed, oldest call first.
   */
  signals[CALLED] = g_signal_new ("called", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                  LOTSEN_TYPE_CALL | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
lotsen_call_board_init (LotsenCallBoard *self)
{
  self->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_call_free);
  self->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->last_version = -1;
}

/**
 * lotsen_call_board_new:
 * @path: the database file the kiosk uses
 * @clock: (nullable): the clock saying what "today" is; %NULL for the real one
 *
 * Opens a connection of its own to @path and reads today's calls (none of
 * them is announced: they were called before the board existed).
 */
LotsenCallBoard *
lotsen_call_board_new (const char   *path,
                       LotsenClock  *clock,
                       GError      **error)
{
  g_autoptr(LotsenCallBoard) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LOTSEN_TYPE_CALL_BOARD, NULL);
  self->store = lotsen_store_open (path, clock, error);
  if (self->store == NULL)
    return NULL;

  self->data_version = lotsen_store_prepare (self->store, "PRAGMA data_version", error);
  if (self->data_version == NULL)
    return NULL;

  lotsen_call_board_poll (self);

  return g_steal_pointer (&self);
}

static gboolean
poll_cb (gpointer user_data)
{
  lotsen_call_board_poll (LOTSEN_CALL_BOARD (user_data));
  return G_SOURCE_CONTINUE;
}

/**
 * lotsen_call_board_start:
 *
 * Looks for new calls every %LOTSEN_CALL_BOARD_POLL_MS from the main loop.
 */
void
lotsen_call_board_start (LotsenCallBoard *self)
{
  g_return_if_fail (LOTSEN_IS_CALL_BOARD (self));

  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (LOTSEN_CALL_BOARD_POLL_MS, poll_cb, self);
}

void
lotsen_call_board_stop (LotsenCallBoard *self)
{
  g_return_if_fail (LOTSEN_IS_CALL_BOARD (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

static gboolean
same_calls (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const LotsenCall *x = g_ptr_array_index (a, i);
      const LotsenCall *y = g_ptr_array_index (b, i);

      if (x->ticket_id != y->ticket_id || x->call_count != y->call_count || x->desk != y->desk ||
          g_strcmp0 (x->prefix, y->prefix) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * lotsen_call_board_poll:
 *
 * Looks once: when another connection wrote since the last look, reads
 * today's calls and emits ::changed and ::called as needed.  The timer
 * calls it; tests may too.
 *
 * Returns: %TRUE when the calls changed
 */
gboolean
lotsen_call_board_poll (LotsenCallBoard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  gint64 version;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_CALL_BOARD (self), FALSE);

  rc = sqlite3_step (self->data_version);
  version = rc == SQLITE_ROW ? sqlite3_column_int64 (self->data_version, 0) : -1;
  sqlite3_reset (self->data_version);
  if (rc != SQLITE_ROW)
    {
      g_debug ("PRAGMA data_version: %s", sqlite3_errstr (rc));
      return FALSE;
    }

  if (version == self->last_version)
    return FALSE;

  calls = lotsen_queue_list_calls (self->store, LOTSEN_CALL_BOARD_SIZE, &error);
  if (calls == NULL)
    {
      /* Busy or locked for a moment: the next look tries again. */
      g_debug ("Reading the calls: %s", error->message);
      return FALSE;
    }
  self->last_version = version;

  if (self->loaded && same_calls (calls, self->calls))
    return FALSE;

  fresh = g_ptr_array_new ();
  for (guint i = calls->len; i > 0; i--)
    {
      LotsenCall *call = g_ptr_array_index (calls, i - 1);
      gpointer seen;

      if (g_hash_table_lookup_extended (self->seen, &call->ticket_id, NULL, &seen) &&
          GPOINTER_TO_INT (seen) >= call->call_count)
        continue;

      g_hash_table_insert (self->seen, g_memdup2 (&call->ticket_id, sizeof call->ticket_id),
                           GINT_TO_POINTER (call->call_count));
      if (self->loaded)
        g_ptr_array_add (fresh, call);
    }

  g_ptr_array_unref (self->calls);
  self->calls = g_steal_pointer (&calls);
  self->loaded = TRUE;

  g_signal_emit (self, signals[CHANGED], 0);
  for (guint i = 0; i < fresh->len; i++)
    g_signal_emit (self, signals[CALLED], 0, g_ptr_array_index (fresh, i));

  return TRUE;
}

/**
 * lotsen_call_board_get_calls:
 *
 * Returns: (transfer none) (element-type LotsenCall): today's latest
 *   calls, newest first
 */
GPtrArray *
lotsen_call_board_get_calls (LotsenCallBoard *self)
{
  g_return_val_if_fail (LOTSEN_IS_CALL_BOARD (self), NULL);

  return self->calls;
}
