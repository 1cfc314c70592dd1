/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Calls that reach the waiting room: call again, send to another service,
 * and the board that sees calls made on other connections. */
#include "config.h"

#include "lotsen-call-board.h"
#include "lotsen-demo.h"
#include "lotsen-queue.h"
#include "lotsen-test-core.h"

static void
calls_set_up (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_set_up (fixture, data);
  g_assert_true (lotsen_demo_seed (fixture->store, &error));
  g_assert_no_error (error);
}

static LotsenTicket *
take (LotsenStore *store,
      const char  *prefix,
      const char  *lang)
{
  g_autoptr(GError) error = NULL;
  LotsenTicket *ticket = lotsen_queue_take_ticket (store, prefix, lang, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ticket);
  return ticket;
}

static void
test_calls_recall (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) taken = take (fixture->store, "A", "ar");
  g_autoptr(LotsenTicket) called = NULL;
  g_autoptr(LotsenTicket) again = NULL;
  g_autoptr(LotsenTicket) waiting = take (fixture->store, "A", NULL);

  /* Not called yet: nothing to call again, nothing changed. */
  g_assert_null (lotsen_queue_recall (fixture->store, taken->label, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  called = lotsen_queue_call_next (fixture->store, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (called->label, ==, "A001");
  g_assert_cmpint (query_database_int (fixture->path, "SELECT call_count FROM ticket WHERE label = 'A001'"), ==, 1);

  lotsen_clock_set_now (fixture->clock, TEST_NOW + 90);
  again = lotsen_queue_recall (fixture->store, "A001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->status, ==, LOTSEN_TICKET_CALLED);
  g_assert_cmpint (again->desk, ==, 3);
  g_assert_cmpint (again->called_at, ==, TEST_NOW + 90);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT call_count FROM ticket WHERE label = 'A001'"), ==, 2);

  g_assert_null (lotsen_queue_recall (fixture->store, "Z999", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Closed: no call again either. */
  g_assert_true (lotsen_queue_finish (fixture->store, "A001", LOTSEN_TICKET_DONE, &error));
  g_assert_null (lotsen_queue_recall (fixture->store, "A001", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
}

static void
test_calls_transfer (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) a1 = take (fixture->store, "A", "ti");
  g_autoptr(LotsenTicket) b1 = NULL;
  g_autoptr(LotsenTicket) moved = NULL;
  g_autoptr(LotsenTicket) b2 = NULL;
  g_autoptr(LotsenTicket) a2 = NULL;
  g_autoptr(LotsenTicket) called = NULL;
  g_autoptr(GPtrArray) waiting = NULL;

  lotsen_clock_set_now (fixture->clock, TEST_NOW + 60);
  b1 = take (fixture->store, "B", "sv");

  /* A001 was called at desk 1, then sent to B. */
  called = lotsen_queue_call_next (fixture->store, 1, "A", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (called->label, ==, "A001");

  lotsen_clock_set_now (fixture->clock, TEST_NOW + 120);
  moved = lotsen_queue_transfer (fixture->store, "A001", "B", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (moved->label, ==, "A001");
  g_assert_cmpstr (moved->prefix, ==, "B");
  g_assert_cmpint (moved->status, ==, LOTSEN_TICKET_WAITING);
  g_assert_cmpint (moved->desk, ==, 0);
  g_assert_cmpint (moved->called_at, ==, 0);
  /* Its place in time: taken before B001, so it is called before it. */
  g_assert_cmpint (moved->created_at, ==, TEST_NOW);

  waiting = lotsen_queue_list_waiting (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waiting->len, ==, 2);
  g_assert_cmpstr (((LotsenTicket *) waiting->pdata[0])->label, ==, "A001");
  g_assert_cmpstr (((LotsenTicket *) waiting->pdata[1])->label, ==, "B001");

  /* No label is handed out twice: neither A001 again, nor a B label
   * clashing with the numbers B now holds. */
  a2 = take (fixture->store, "A", NULL);
  g_assert_cmpstr (a2->label, ==, "A002");
  b2 = take (fixture->store, "B", NULL);
  g_assert_cmpstr (b2->label, ==, "B003");

  g_clear_pointer (&called, lotsen_ticket_free);
  called = lotsen_queue_call_next (fixture->store, 2, "B", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (called->label, ==, "A001");
  g_assert_cmpint (query_database_int (fixture->path, "SELECT call_count FROM ticket WHERE label = 'A001'"), ==, 2);

  /* Wrong input changes nothing. */
  g_assert_null (lotsen_queue_transfer (fixture->store, "A001", "Q", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (lotsen_queue_transfer (fixture->store, "A001", "B", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lotsen_queue_finish (fixture->store, "A001", LOTSEN_TICKET_DONE, &error));
  g_assert_null (lotsen_queue_transfer (fixture->store, "A001", "A", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT status = 'done' FROM ticket WHERE label = 'A001'"), ==, 1);
}

typedef struct
{
  guint      changed;
  GPtrArray *called;   /* labels with their call count, "A001#2" */
} BoardLog;

static void
changed_cb (LotsenCallBoard *board,
            BoardLog        *log)
{
  log->changed++;
}

static void
called_cb (LotsenCallBoard  *board,
           const LotsenCall *call,
           BoardLog         *log)
{
  g_ptr_array_add (log->called, g_strdup_printf ("%s#%d@%d", call->label, call->call_count, call->desk));
}

static void
test_calls_board_other_connection (StoreFixture  *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenCallBoard) board = NULL;
  g_autoptr(LotsenStore) other = NULL;
  g_autoptr(LotsenTicket) t1 = take (fixture->store, "A", "ar");
  g_autoptr(LotsenTicket) t2 = take (fixture->store, "A", "ti");
  g_autoptr(LotsenTicket) t3 = take (fixture->store, "B", NULL);
  g_autoptr(LotsenTicket) early = NULL;
  g_autoptr(LotsenTicket) called = NULL;
  g_autoptr(LotsenTicket) again = NULL;
  BoardLog log = { 0, g_ptr_array_new_with_free_func (g_free) };
  const LotsenCall *top;
  GPtrArray *calls;

  /* Called before the board existed: shown, never announced. */
  early = lotsen_queue_call_next (fixture->store, 5, "B", &error);
  g_assert_no_error (error);

  board = lotsen_call_board_new (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  g_signal_connect (board, "changed", G_CALLBACK (changed_cb), &log);
  g_signal_connect (board, "called", G_CALLBACK (called_cb), &log);
  calls = lotsen_call_board_get_calls (board);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpstr (((LotsenCall *) calls->pdata[0])->label, ==, "B001");

  /* Nobody wrote: a look costs one pragma and finds nothing. */
  g_assert_false (lotsen_call_board_poll (board));
  g_assert_cmpuint (log.changed, ==, 0);

  /* Another connection (another program, as lotsen-admin is) calls. */
  other = lotsen_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  lotsen_clock_set_now (fixture->clock, TEST_NOW + 30);
  called = lotsen_queue_call_next (other, 2, "A", &error);
  g_assert_no_error (error);

  g_assert_true (lotsen_call_board_poll (board));
  g_assert_cmpuint (log.changed, ==, 1);
  g_assert_cmpuint (log.called->len, ==, 1);
  g_assert_cmpstr (log.called->pdata[0], ==, "A001#1@2");

  calls = lotsen_call_board_get_calls (board);
  g_assert_cmpuint (calls->len, ==, 2);
  top = calls->pdata[0];
  g_assert_cmpstr (top->label, ==, "A001");
  g_assert_cmpint (top->desk, ==, 2);
  g_assert_cmpstr (top->lang, ==, "ar");
  g_assert_cmpint (top->called_at, ==, TEST_NOW + 30);
  g_assert_nonnull (top->service_sv);
  g_assert_nonnull (top->service_local);
  g_assert_cmpstr (top->service_sv, !=, top->service_local);

  /* A write that is no call (a ticket taken): looked at, not announced. */
  g_clear_pointer (&t3, lotsen_ticket_free);
  t3 = take (other, "A", NULL);
  g_assert_false (lotsen_call_board_poll (board));
  g_assert_cmpuint (log.called->len, ==, 1);

  /* A call again is announced again, at the same desk. */
  lotsen_clock_set_now (fixture->clock, TEST_NOW + 31);
  again = lotsen_queue_recall (other, "A001", &error);
  g_assert_no_error (error);
  g_assert_true (lotsen_call_board_poll (board));
  g_assert_cmpuint (log.called->len, ==, 2);
  g_assert_cmpstr (log.called->pdata[1], ==, "A001#2@2");

  /* Two calls between looks: both announced, oldest first. */
  lotsen_clock_set_now (fixture->clock, TEST_NOW + 40);
  g_clear_pointer (&called, lotsen_ticket_free);
  called = lotsen_queue_call_next (other, 4, "A", &error);
  g_assert_no_error (error);
  lotsen_clock_set_now (fixture->clock, TEST_NOW + 41);
  g_clear_pointer (&called, lotsen_ticket_free);
  called = lotsen_queue_call_next (other, 1, "A", &error);
  g_assert_no_error (error);
  g_assert_true (lotsen_call_board_poll (board));
  g_assert_cmpuint (log.called->len, ==, 4);
  g_assert_cmpstr (log.called->pdata[2], ==, "A002#1@4");
  g_assert_cmpstr (log.called->pdata[3], ==, "A003#1@1");

  g_ptr_array_unref (log.called);
  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_finalize_object (g_steal_pointer (&board));
}

static void
test_calls_board_main_loop (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenCallBoard) board = NULL;
  g_autoptr(LotsenTicket) taken = take (fixture->store, "C", "uk");
  g_autoptr(LotsenTicket) called = NULL;
  BoardLog log = { 0, g_ptr_array_new_with_free_func (g_free) };

  board = lotsen_call_board_new (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  g_signal_connect (board, "called", G_CALLBACK (called_cb), &log);
  lotsen_call_board_start (board);

  called = lotsen_queue_call_next (fixture->store, 7, NULL, &error);
  g_assert_no_error (error);

  /* The board's own timer notices; no timed assertion, just a loop. */
  while (log.called->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (log.called->pdata[0], ==, "C001#1@7");

  lotsen_call_board_stop (board);
  g_ptr_array_unref (log.called);
  g_assert_finalize_object (g_steal_pointer (&board));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, calls_set_up, func, store_fixture_tear_down)

  ADD ("/calls/recall", test_calls_recall);
  ADD ("/calls/transfer", test_calls_transfer);
  ADD ("/calls/board/other-connection", test_calls_board_other_connection);
  ADD ("/calls/board/main-loop", test_calls_board_main_loop);

  return g_test_run ();
}
