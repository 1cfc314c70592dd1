/* SPDX-License-Identifier: GPL-3.0-or-later */
/* power-cut-writer — writes to a Lotsen database as a busy kiosk would
 * (queue tickets, registrations, sign-ups, in turn) until it is killed,
 * and prints every record the moment the core acknowledges it:
 *
 *   ticket UUID LABEL
 *   visitor UUID
 *   signup UUID
 *
 * test-power-cut kills it with SIGKILL at a random moment and looks for
 * every acknowledged record afterwards.
 *
 * Usage: power-cut-writer DATABASE */

#define G_LOG_DOMAIN "power-cut-writer"

#include "config.h"

#include <stdio.h>

#include "lotsen-activity.h"
#include "lotsen-demo.h"
#include "lotsen-queue.h"
#include "lotsen-signup.h"
#include "lotsen-store.h"
#include "lotsen-visitor.h"

static gint64
first_session (LotsenStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 now = lotsen_clock_get_now (lotsen_store_get_clock (store));

  sessions = lotsen_activity_list_sessions (store, now, now + 14 * 24 * 3600, "sv", NULL, FALSE, &error);
  if (sessions == NULL || sessions->len == 0)
    g_error ("No session to sign up for: %s", error ? error->message : "none in the coming 14 days");

  return ((LotsenSession *) g_ptr_array_index (sessions, 0))->id;
}

static gboolean
write_one (LotsenStore  *store,
           guint         i,
           gint64        session_id,
           GError      **error)
{
  switch (i % 3)
    {
    case 0:
      {
        g_autoptr(LotsenTicket) ticket = lotsen_queue_take_ticket (store, i % 2 ? "A" : "B", "sv", error);

        if (ticket == NULL)
          return FALSE;
        printf ("ticket %s %s\n", ticket->uuid, ticket->label);
        break;
      }

    case 1:
      {
        g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
        g_autoptr(LotsenVisitor) visitor = NULL;

        draft->lang = g_strdup ("sv");
        draft->given_name = g_strdup ("Amina");
        draft->gender = LOTSEN_GENDER_WOMAN;
        draft->consent = TRUE;
        visitor = lotsen_visitor_register (store, draft, error);
        if (visitor == NULL)
          return FALSE;
        printf ("visitor %s\n", visitor->uuid);
        break;
      }

    default:
      {
        g_autofree char *phone = g_strdup_printf ("070%07u", i % 10000000);
        g_autoptr(LotsenSignup) signup = lotsen_activity_sign_up (store, session_id, 0, "Sara",
                                                                  phone, 1, error);
        if (signup == NULL)
          return FALSE;
        printf ("signup %s\n", signup->uuid);
        break;
      }
    }

  /* Acknowledged: as the kiosk's screen would show it. */
  fflush (stdout);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  gint64 session_id;

  if (argc != 2)
    {
      g_printerr ("usage: power-cut-writer DATABASE\n");
      return 2;
    }

  store = lotsen_store_open_seeded (argv[1], NULL, lotsen_demo_seed, &error);
  if (store == NULL)
    {
      g_printerr ("power-cut-writer: %s\n", error->message);
      return 3;
    }
  session_id = first_session (store);

  for (guint i = g_random_int (); ; i++)
    if (!write_one (store, i, session_id, &error))
      {
        g_printerr ("power-cut-writer: %s\n", error->message);
        return 3;
      }
}
