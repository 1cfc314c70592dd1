/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lotsen-demo.h"
#include "lotsen-queue.h"
#include "lotsen-test-core.h"

static void
queue_set_up (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_set_up (fixture, data);
  g_assert_true (lotsen_demo_seed (fixture->store, &error));
  g_assert_no_error (error);
}

static char *
take (LotsenStore *store,
      const char  *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (store, prefix, "sv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (ticket);
  return g_strdup (ticket->label);
}

static void
assert_take (LotsenStore *store,
             const char  *prefix,
             const char  *label)
{
  g_autofree char *taken = take (store, prefix);

  g_assert_cmpstr (taken, ==, label);
}

static void
test_queue_numbering (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;

  assert_take (fixture->store, "A", "A001");
  assert_take (fixture->store, "A", "A002");
  assert_take (fixture->store, "B", "B001");
  assert_take (fixture->store, "A", "A003");

  ticket = lotsen_queue_find_ticket (fixture->store, "A002", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ticket->number, ==, 2);
  g_assert_cmpstr (ticket->day, ==, "2026-11-25");
  g_assert_cmpstr (ticket->lang, ==, "sv");
  g_assert_cmpint (ticket->status, ==, LOTSEN_TICKET_WAITING);
  g_assert_cmpint (ticket->created_at, ==, TEST_NOW);
  g_assert_true (g_uuid_string_is_valid (ticket->uuid));
}

static void
test_queue_local_midnight (StoreFixture  *fixture,
                           gconstpointer  data)
{
  /* 23:59:59 in Stockholm: still today. */
  lotsen_clock_set_now (fixture->clock, 1795647599);
  assert_take (fixture->store, "A", "A001");
  assert_take (fixture->store, "A", "A002");

  /* Local midnight, while it is still the 25th in UTC: a new day. */
  lotsen_clock_set_now (fixture->clock, 1795647600);
  assert_take (fixture->store, "A", "A001");

  /* Summer time: midnight is at 22:00 UTC. */
  lotsen_clock_set_now (fixture->clock, 1782943199);
  assert_take (fixture->store, "A", "A001");
  lotsen_clock_set_now (fixture->clock, 1782943200);
  assert_take (fixture->store, "A", "A001");
  assert_take (fixture->store, "A", "A002");
}

static void
test_queue_bad_input (StoreFixture  *fixture,
                      gconstpointer  data)
{
  const char *bad_prefixes[] = { "Q", "a", "AB", "", "Å" };
  g_autoptr(GPtrArray) waiting = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_prefixes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (fixture->store, bad_prefixes[i], NULL, &error);

      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
      g_assert_null (ticket);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (fixture->store, "A", "xx", &error);

    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
    g_assert_null (ticket);
  }

  waiting = lotsen_queue_list_waiting (fixture->store, NULL);
  g_assert_cmpuint (waiting->len, ==, 0);

  /* A refused ticket used no number. */
  assert_take (fixture->store, "A", "A001");
}

static void
test_queue_call_order (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(LotsenTicket) first = NULL;
  g_autoptr(LotsenTicket) only_b = NULL;
  g_autoptr(LotsenTicket) second = NULL;
  g_autoptr(LotsenTicket) none = NULL;

  assert_take (fixture->store, "A", "A001");
  lotsen_clock_advance (fixture->clock, 60);
  assert_take (fixture->store, "B", "B001");
  lotsen_clock_advance (fixture->clock, 60);
  assert_take (fixture->store, "A", "A002");

  waiting = lotsen_queue_list_waiting (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waiting->len, ==, 3);
  g_assert_cmpstr (((LotsenTicket *) waiting->pdata[0])->label, ==, "A001");
  g_assert_cmpstr (((LotsenTicket *) waiting->pdata[1])->label, ==, "B001");
  g_assert_cmpstr (((LotsenTicket *) waiting->pdata[2])->label, ==, "A002");

  first = lotsen_queue_call_next (fixture->store, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->label, ==, "A001");
  g_assert_cmpint (first->status, ==, LOTSEN_TICKET_CALLED);
  g_assert_cmpint (first->desk, ==, 2);
  g_assert_cmpint (first->called_at, ==, lotsen_clock_get_now (fixture->clock));

  only_b = lotsen_queue_call_next (fixture->store, 3, "B", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (only_b->label, ==, "B001");

  second = lotsen_queue_call_next (fixture->store, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->label, ==, "A002");

  none = lotsen_queue_call_next (fixture->store, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);
}

static void
test_queue_call_bad_input (StoreFixture  *fixture,
                           gconstpointer  data)
{
  const int bad_desks[] = { 0, -1, LOTSEN_MAX_DESK + 1 };
  g_autoptr(GPtrArray) waiting = NULL;

  assert_take (fixture->store, "A", "A001");

  for (guint i = 0; i < G_N_ELEMENTS (bad_desks); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LotsenTicket) ticket = lotsen_queue_call_next (fixture->store, bad_desks[i], NULL, &error);

      g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
      g_assert_null (ticket);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LotsenTicket) ticket = lotsen_queue_call_next (fixture->store, 1, "Z", &error);

    g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
    g_assert_null (ticket);
  }

  waiting = lotsen_queue_list_waiting (fixture->store, NULL);
  g_assert_cmpuint (waiting->len, ==, 1);
}

static void
test_queue_finish (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) called = NULL;
  g_autoptr(LotsenTicket) done = NULL;

  assert_take (fixture->store, "A", "A001");
  assert_take (fixture->store, "A", "A002");

  /* Not called yet: it cannot be closed. */
  g_assert_false (lotsen_queue_finish (fixture->store, "A001", LOTSEN_TICKET_DONE, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (lotsen_queue_finish (fixture->store, "X999", LOTSEN_TICKET_DONE, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  called = lotsen_queue_call_next (fixture->store, 1, NULL, &error);
  g_assert_no_error (error);
  lotsen_clock_advance (fixture->clock, 300);
  g_assert_true (lotsen_queue_finish (fixture->store, "A001", LOTSEN_TICKET_DONE, &error));
  g_assert_no_error (error);

  done = lotsen_queue_find_ticket (fixture->store, "A001", &error);
  g_assert_cmpint (done->status, ==, LOTSEN_TICKET_DONE);
  g_assert_cmpint (done->finished_at - done->called_at, ==, 300);

  /* Closed once; not again. */
  g_assert_false (lotsen_queue_finish (fixture->store, "A001", LOTSEN_TICKET_NO_SHOW, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
}

static gint64
take_id (LotsenStore *store,
         const char  *prefix)
{
  g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (store, prefix, NULL, NULL);

  g_assert_nonnull (ticket);
  return ticket->id;
}

static void
test_queue_estimate (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LotsenWaitEstimate estimate;
  gint64 first, fifth, other;
  const int service_minutes[] = { 4, 6, 10 };

  first = take_id (fixture->store, "A");
  for (int i = 0; i < 3; i++)
    take_id (fixture->store, "A");
  fifth = take_id (fixture->store, "A");
  other = take_id (fixture->store, "B");

  g_assert_true (lotsen_queue_estimate_wait (fixture->store, first, &estimate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (estimate.ahead, ==, 0);
  g_assert_cmpint (estimate.max_minutes, ==, 0);

  /* Only the same service counts as ahead. */
  g_assert_true (lotsen_queue_estimate_wait (fixture->store, other, &estimate, &error));
  g_assert_cmpint (estimate.ahead, ==, 0);

  /* No history: the demo's 8 minutes for "A"; 4 ahead × 8 = 32 minutes. */
  g_assert_true (lotsen_queue_estimate_wait (fixture->store, fifth, &estimate, &error));
  g_assert_cmpint (estimate.ahead, ==, 4);
  g_assert_cmpint (estimate.min_minutes, ==, 20);  /* 24 rounded down to five */
  g_assert_cmpint (estimate.max_minutes, ==, 40);  /* 40 */

  /* Three served at desk 1 (4, 6 and 10 minutes): the median is 6, and one
   * desk is open; 1 ahead × 6 = 6 minutes. */
  for (guint i = 0; i < G_N_ELEMENTS (service_minutes); i++)
    {
      g_autoptr(LotsenTicket) called = lotsen_queue_call_next (fixture->store, 1, "A", &error);

      g_assert_no_error (error);
      lotsen_clock_advance (fixture->clock, service_minutes[i] * 60);
      g_assert_true (lotsen_queue_finish (fixture->store, called->label, LOTSEN_TICKET_DONE, &error));
    }
  g_assert_true (lotsen_queue_estimate_wait (fixture->store, fifth, &estimate, &error));
  g_assert_cmpint (estimate.ahead, ==, 1);
  g_assert_cmpint (estimate.min_minutes, ==, 0);
  g_assert_cmpint (estimate.max_minutes, ==, 10);

  /* A second desk opens: the wait halves (1 × 6 ÷ 2 = 3 minutes). */
  lotsen_ticket_free (lotsen_queue_call_next (fixture->store, 2, "B", &error));
  g_assert_true (lotsen_queue_estimate_wait (fixture->store, fifth, &estimate, &error));
  g_assert_cmpint (estimate.min_minutes, ==, 0);
  g_assert_cmpint (estimate.max_minutes, ==, 5);
}

static void
test_queue_interpreter (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) asked = NULL;
  g_autoptr(LotsenTicket) cleared = NULL;
  gint64 id = take_id (fixture->store, "A");

  g_assert_true (lotsen_queue_set_interpreter (fixture->store, id, "ti", &error));
  asked = lotsen_queue_get_ticket (fixture->store, id, &error);
  g_assert_cmpstr (asked->interpreter_lang, ==, "ti");

  g_assert_false (lotsen_queue_set_interpreter (fixture->store, id, "klingon", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (lotsen_queue_set_interpreter (fixture->store, id, NULL, &error));
  cleared = lotsen_queue_get_ticket (fixture->store, id, &error);
  g_assert_null (cleared->interpreter_lang);

  g_assert_false (lotsen_queue_set_interpreter (fixture->store, id + 100, "ar", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
}

static void
test_queue_service_names (StoreFixture  *fixture,
                          gconstpointer  data)
{
  const char * const en_only_langs[] = { "en", NULL };
  const char * const en_only_names[] = { "Bicycle repair", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) arabic = NULL;
  g_autoptr(LotsenService) ti = NULL;
  g_autoptr(LotsenService) fallback = NULL;

  arabic = lotsen_queue_list_services (fixture->store, "ar", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arabic->len, ==, 4);
  g_assert_cmpstr (((LotsenService *) arabic->pdata[0])->prefix, ==, "A");
  g_assert_cmpstr (((LotsenService *) arabic->pdata[0])->name, ==, "استشارة عامة");
  g_assert_cmpstr (((LotsenService *) arabic->pdata[0])->name_lang, ==, "ar");

  ti = lotsen_queue_get_service (fixture->store, "D", "ti", &error);
  g_assert_cmpstr (ti->name, ==, "መንበሪ ገዛ");

  g_assert_true (lotsen_queue_add_service (fixture->store, "E", "lotsen-help-symbolic", 5,
                                           en_only_langs, en_only_names, &error));
  g_assert_no_error (error);
  fallback = lotsen_queue_get_service (fixture->store, "E", "fa", &error);
  g_assert_cmpstr (fallback->name, ==, "Bicycle repair");
  g_assert_cmpstr (fallback->name_lang, ==, "en");

  g_assert_false (lotsen_queue_add_service (fixture->store, "A", "lotsen-help-symbolic", 5,
                                            en_only_langs, en_only_names, &error));
  g_assert_nonnull (error);
}

static void
test_queue_demo_idempotent (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;

  g_assert_true (lotsen_demo_seed (fixture->store, &error));
  g_assert_no_error (error);
  services = lotsen_queue_list_services (fixture->store, "sv", &error);
  g_assert_cmpuint (services->len, ==, 4);
}

/* Two kiosks on one file: each thread has its own connection, as two
 * processes would. */
#define TICKETS_PER_KIOSK 150

typedef struct
{
  const char *path;
  LotsenClock *clock;
  GPtrArray  *labels;
} Kiosk;

static gpointer
kiosk_take_thread (gpointer data)
{
  Kiosk *kiosk = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open (kiosk->path, kiosk->clock, &error);

  g_assert_no_error (error);
  for (int i = 0; i < TICKETS_PER_KIOSK; i++)
    {
      g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (store, "A", NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (kiosk->labels, g_strdup (ticket->label));
    }

  return NULL;
}

static gpointer
kiosk_call_thread (gpointer data)
{
  Kiosk *kiosk = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open (kiosk->path, kiosk->clock, &error);

  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr(LotsenTicket) ticket = lotsen_queue_call_next (store, 1, NULL, &error);

      g_assert_no_error (error);
      if (ticket == NULL)
        break;
      g_ptr_array_add (kiosk->labels, g_strdup (ticket->label));
    }

  return NULL;
}

static void
run_two (StoreFixture *fixture,
         GThreadFunc   func,
         GHashTable   *seen)
{
  Kiosk kiosks[2];
  GThread *threads[2];

  for (int k = 0; k < 2; k++)
    {
      kiosks[k].path = fixture->path;
      kiosks[k].clock = fixture->clock;
      kiosks[k].labels = g_ptr_array_new_with_free_func (g_free);
      threads[k] = g_thread_new ("kiosk", func, &kiosks[k]);
    }

  for (int k = 0; k < 2; k++)
    {
      g_thread_join (threads[k]);
      for (guint i = 0; i < kiosks[k].labels->len; i++)
        {
          const char *label = kiosks[k].labels->pdata[i];

          g_assert_false (g_hash_table_contains (seen, label));
          g_hash_table_add (seen, g_strdup (label));
        }
      g_ptr_array_unref (kiosks[k].labels);
    }
}

static void
test_queue_two_kiosks (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) called = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  run_two (fixture, kiosk_take_thread, taken);

  /* No number twice, none skipped. */
  g_assert_cmpuint (g_hash_table_size (taken), ==, 2 * TICKETS_PER_KIOSK);
  for (int n = 1; n <= 2 * TICKETS_PER_KIOSK; n++)
    {
      g_autofree char *label = g_strdup_printf ("A%03d", n);
      g_assert_true (g_hash_table_contains (taken, label));
    }

  /* Two desks calling at once never get the same ticket, and between
   * them call every one. */
  run_two (fixture, kiosk_call_thread, called);
  g_assert_cmpuint (g_hash_table_size (called), ==, 2 * TICKETS_PER_KIOSK);
}

/* A kiosk runs all day: the write-ahead log must be folded back into the
 * database as it goes, not grow until the kiosk is closed. */
static void
test_queue_wal_checkpoints (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  GStatBuf buf;

  for (int i = 0; i < 2000; i++)
    {
      g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (fixture->store, "A", NULL, NULL);
      g_assert_nonnull (ticket);
      if (i % 2 == 0)
        lotsen_ticket_free (lotsen_queue_call_next (fixture->store, 1, NULL, NULL));
    }

  g_assert_cmpint (g_stat (wal, &buf), ==, 0);
  /* sqlite checkpoints at 1000 pages (4 MiB); without checkpoints this
   * would be some 50 MiB. */
  g_assert_cmpint (buf.st_size, <, 8 * 1024 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, queue_set_up, func, store_fixture_tear_down)

  ADD ("/queue/numbering", test_queue_numbering);
  ADD ("/queue/local-midnight", test_queue_local_midnight);
  ADD ("/queue/bad-input", test_queue_bad_input);
  ADD ("/queue/call-order", test_queue_call_order);
  ADD ("/queue/call-bad-input", test_queue_call_bad_input);
  ADD ("/queue/finish", test_queue_finish);
  ADD ("/queue/estimate", test_queue_estimate);
  ADD ("/queue/interpreter", test_queue_interpreter);
  ADD ("/queue/service-names", test_queue_service_names);
  ADD ("/queue/demo-idempotent", test_queue_demo_idempotent);
  ADD ("/queue/two-kiosks", test_queue_two_kiosks);
  ADD ("/queue/wal-checkpoints", test_queue_wal_checkpoints);

#undef ADD

  return g_test_run ();
}
