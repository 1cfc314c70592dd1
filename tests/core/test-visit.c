/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The visit, the staff session and the idle monitor without a display:
 * what the visitor at the screen and staff can do, on a fixed clock. */
#include "config.h"

#include "lotsen-demo.h"
#include "lotsen-idle-monitor.h"
#include "lotsen-queue.h"
#include "lotsen-staff.h"
#include "lotsen-staff-session.h"
#include "lotsen-test-core.h"
#include "lotsen-visit.h"

static void
seed (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_demo_seed (fixture->store, &error));
  g_assert_no_error (error);
}

static guint notify_count;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  notify_count++;
}

/* Registering: consent makes a draft, the draft becomes a visitor in one
 * step, and the visitor's page needs someone signed in. */
static void
test_visit_register (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(LotsenVisit) visit = lotsen_visit_new (fixture->store);
  g_autoptr(GError) error = NULL;
  LotsenVisitorDraft *draft;

  g_assert_false (lotsen_visit_has_state (visit));
  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "register"), ==, "consent");
  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "visitor"), ==, "welcome");
  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "ticket"), ==, "welcome");
  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "signup"), ==, "activities");

  g_assert_cmpstr (lotsen_visit_accept_consent (visit, &error), ==, "register");
  draft = lotsen_visit_get_draft (visit);
  g_assert_nonnull (draft);
  g_assert_true (draft->consent);
  g_assert_true (lotsen_visit_has_state (visit));
  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "register"), ==, "register");

  /* Five steps where the site does not ask the ESF+ questions. */
  {
    const char * const steps[] = { "name", "about", "contact", "interests", "check", NULL };

    g_assert_cmpstrv (lotsen_visit_get_register_steps (visit), steps);
    g_assert_cmpuint (lotsen_visit_get_n_register_steps (visit), ==, 5);
  }

  draft->given_name = g_strdup ("Amina");
  draft->gender = LOTSEN_GENDER_WOMAN;
  lotsen_visit_set_register_step (visit, 4);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM visitor"), ==, 0);

  g_assert_true (lotsen_visit_register (visit, "ar", &error));
  g_assert_no_error (error);
  g_assert_null (lotsen_visit_get_draft (visit));
  g_assert_cmpuint (lotsen_visit_get_register_step (visit), ==, 0);
  g_assert_cmpstr (lotsen_visit_get_visitor (visit)->given_name, ==, "Amina");
  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "visitor"), ==, "visitor");
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM visitor WHERE lang = 'ar'"), ==, 1);

  /* Done: nothing of it stays in the visit. */
  notify_count = 0;
  g_signal_connect (visit, "notify::visitor-code", G_CALLBACK (count_notify_cb), NULL);
  lotsen_visit_reset (visit);
  g_assert_cmpuint (notify_count, ==, 1);
  g_assert_null (lotsen_visit_get_visitor (visit));
  g_assert_false (lotsen_visit_has_state (visit));
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM visitor"), ==, 1);
}

/* Where the site asks the ESF+ questions, registering has a step for
 * them, from the moment the visitor accepts until they are done, even
 * when the setting changes in between; the answers are stored. */
static void
test_visit_register_esf (StoreFixture  *fixture,
                         gconstpointer  data)
{
  const char * const with_esf[] = { "name", "about", "contact", "esf", "interests", "check", NULL };
  g_autoptr(LotsenVisit) visit = lotsen_visit_new (fixture->store);
  g_autoptr(GError) error = NULL;
  LotsenVisitorDraft *draft;

  g_assert_true (lotsen_visitor_set_esf_fields (fixture->store, "on", &error));
  g_assert_cmpstr (lotsen_visit_accept_consent (visit, &error), ==, "register");
  g_assert_cmpstrv (lotsen_visit_get_register_steps (visit), with_esf);
  g_assert_cmpuint (lotsen_visit_get_n_register_steps (visit), ==, 6);

  g_assert_true (lotsen_visitor_set_esf_fields (fixture->store, "off", &error));
  g_assert_cmpstrv (lotsen_visit_get_register_steps (visit), with_esf);

  draft = lotsen_visit_get_draft (visit);
  draft->given_name = g_strdup ("Amina");
  draft->employment = LOTSEN_EMPLOYMENT_STUDYING;
  draft->education = LOTSEN_EDUCATION_UNSTATED;
  lotsen_visit_set_register_step (visit, 5);
  g_assert_true (lotsen_visit_register (visit, "so", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_database_int (fixture->path,
                                       "SELECT count (*) FROM visitor WHERE employment = 'studying' "
                                       "AND education = 'unstated'"), ==, 1);

  /* The next visitor registers as the setting is now. */
  g_assert_cmpstr (lotsen_visit_accept_consent (visit, &error), ==, "register");
  g_assert_cmpuint (lotsen_visit_get_n_register_steps (visit), ==, 5);
}

/* Signing in: a wrong code gives the core's message, five pause the
 * keypad, and My sign-ups comes back once the code is right. */
static void
test_visit_sign_in (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(LotsenVisit) visit = lotsen_visit_new (fixture->store);
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_autoptr(GError) error = NULL;

  draft->given_name = g_strdup ("Yonas");
  draft->consent = TRUE;
  draft->lang = g_strdup ("ti");
  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "my-signups"), ==, "sign-in");

  lotsen_visit_code_key (visit, "X");
  lotsen_visit_code_key (visit, "X");
  lotsen_visit_code_delete (visit);
  g_assert_cmpstr (lotsen_visit_get_typed_code (visit), ==, "X");
  g_assert_cmpstr (lotsen_visit_sign_in (visit), ==, "sign-in");
  g_assert_nonnull (lotsen_visit_get_sign_in_message (visit));
  g_assert_cmpstr (lotsen_visit_get_typed_code (visit), ==, "");

  for (const char *c = visitor->code; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      lotsen_visit_code_key (visit, key);
    }
  g_assert_cmpstr (lotsen_visit_sign_in (visit), ==, "my-signups");
  g_assert_cmpstr (lotsen_visit_get_visitor (visit)->code, ==, visitor->code);

  /* Five wrong codes pause the keypad, even for a right one. */
  lotsen_visit_reset (visit);
  for (guint i = 0; i < 5; i++)
    {
      lotsen_visit_code_key (visit, "Q");
      lotsen_visit_sign_in (visit);
    }
  g_assert_true (lotsen_visit_is_sign_in_paused (visit));
  lotsen_visit_code_key (visit, visitor->code);
  g_assert_cmpstr (lotsen_visit_sign_in (visit), ==, "sign-in");
  g_assert_null (lotsen_visit_get_visitor (visit));
}

static const char *
sign_in_with (LotsenVisit *visit,
              const char  *code)
{
  for (const char *c = code; *c != '\0'; c++)
    lotsen_visit_code_key (visit, (char[]) { *c, '\0' });

  return lotsen_visit_sign_in (visit);
}

/* "Do you work or study now?": asked once when a visitor signs in 90 days
 * or more after their first visit with no outcome; one tap stores theirs
 * and goes on where they were going; not asked again for 30 days. */
static void
test_visit_outcome_question (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autoptr(LotsenVisit) visit = lotsen_visit_new (fixture->store);
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitorDraft) recent_draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) yonas = NULL;
  g_autoptr(LotsenVisitor) recent = NULL;
  g_autoptr(GError) error = NULL;

  lotsen_clock_set_now (fixture->clock, TEST_NOW - 100 * 24 * 3600);
  draft->given_name = g_strdup ("Yonas");
  draft->consent = TRUE;
  yonas = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);
  lotsen_clock_set_now (fixture->clock, TEST_NOW - 10 * 24 * 3600);
  recent_draft->given_name = g_strdup ("Hamid");
  recent_draft->consent = TRUE;
  recent = lotsen_visitor_register (fixture->store, recent_draft, &error);
  lotsen_clock_set_now (fixture->clock, TEST_NOW);

  /* Ten days after the first visit: not asked. */
  g_assert_cmpstr (sign_in_with (visit, recent->code), ==, "visitor");
  lotsen_visit_reset (visit);

  /* A hundred days: asked; "Not yet" stores no outcome, and the visitor
   * goes on to My sign-ups, where they were going. */
  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "my-signups"), ==, "sign-in");
  g_assert_cmpstr (sign_in_with (visit, yonas->code), ==, "outcome-question");
  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "outcome-question"), ==, "outcome-question");
  g_assert_cmpstr (lotsen_visit_answer_outcome (visit, "not-yet"), ==, "my-signups");
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM outcome"), ==, 0);
  lotsen_visit_reset (visit);
  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "outcome-question"), ==, "welcome");

  /* Not again within 30 days. */
  lotsen_clock_advance (fixture->clock, 29 * 24 * 3600);
  g_assert_cmpstr (sign_in_with (visit, yonas->code), ==, "visitor");
  lotsen_visit_reset (visit);

  /* After them, asked again: "I study" is stored as theirs, from today. */
  lotsen_clock_advance (fixture->clock, 2 * 24 * 3600);
  g_assert_cmpstr (sign_in_with (visit, yonas->code), ==, "outcome-question");
  g_assert_cmpstr (lotsen_visit_answer_outcome (visit, "studies"), ==, "visitor");
  g_assert_cmpint (query_database_int (fixture->path,
                                       "SELECT count(*) FROM outcome WHERE kind = 'studies' AND reported_by = 'visitor'"), ==, 1);
  lotsen_visit_reset (visit);

  /* With an outcome, never asked again. */
  lotsen_clock_advance (fixture->clock, 60 * 24 * 3600);
  g_assert_cmpstr (sign_in_with (visit, yonas->code), ==, "visitor");
}

/* The audio mode is the visitor's: it keeps the idle timer armed and
 * ends with the visit. */
static void
test_visit_audio_mode (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(LotsenVisit) visit = lotsen_visit_new (fixture->store);

  g_assert_false (lotsen_visit_get_audio_mode (visit));
  g_assert_false (lotsen_visit_has_state (visit));

  lotsen_visit_set_audio_mode (visit, TRUE);
  g_assert_true (lotsen_visit_get_audio_mode (visit));
  g_assert_true (lotsen_visit_has_state (visit));

  lotsen_visit_reset (visit);
  g_assert_false (lotsen_visit_get_audio_mode (visit));
  g_assert_false (lotsen_visit_has_state (visit));
}

/* A ticket and a sign-up through the visit, as the window asks for them. */
static void
test_visit_ticket_and_signup (StoreFixture  *fixture,
                              gconstpointer  data)
{
  g_autoptr(LotsenVisit) visit = lotsen_visit_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  LotsenSignupForm *form;
  LotsenSession *session;

  seed (fixture);

  g_assert_true (lotsen_visit_take_ticket (visit, "A", "fa", &error));
  g_assert_no_error (error);
  g_assert_cmpint (lotsen_visit_get_ticket_id (visit), >, 0);
  g_assert_cmpstr (lotsen_visit_resolve_page (visit, "ticket"), ==, "ticket");
  g_assert_true (lotsen_visit_set_interpreter (visit, "fa", &error));
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket WHERE interpreter_lang = 'fa' AND lang = 'fa'"), ==, 1);
  g_assert_false (lotsen_visit_take_ticket (visit, "?", "fa", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  sessions = lotsen_activity_list_sessions (fixture->store, TEST_NOW, TEST_NOW + 14 * 24 * 3600, "sv", NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >, 0);
  session = sessions->pdata[0];

  lotsen_visit_choose_session (visit, session->id);
  form = lotsen_visit_get_signup_form (visit);
  g_assert_cmpint (form->step, ==, LOTSEN_SIGNUP_STEP_WHO);
  form->name = g_strdup ("Olena");
  form->phone = g_strdup ("0701234567");
  form->party_size = 2;
  g_assert_true (lotsen_visit_sign_up (visit));
  g_assert_cmpint (form->step, ==, LOTSEN_SIGNUP_STEP_DONE);
  g_assert_cmpint (form->signup_id, >, 0);

  /* The same phone number again is refused, in words kept for the page. */
  lotsen_visit_choose_session (visit, session->id);
  form = lotsen_visit_get_signup_form (visit);
  form->name = g_strdup ("Olena");
  form->phone = g_strdup ("0701234567");
  g_assert_false (lotsen_visit_sign_up (visit));
  g_assert_nonnull (lotsen_visit_get_signup_message (visit));
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM signup"), ==, 1);

  /* Nobody signed in: no sign-up can be cancelled here. */
  g_assert_false (lotsen_visit_cancel_signup (visit, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM signup WHERE status = 'cancelled'"), ==, 0);

  lotsen_visit_set_category (visit, "language");
  g_assert_cmpstr (lotsen_visit_get_category (visit), ==, "language");
  lotsen_visit_reset (visit);
  g_assert_cmpstr (lotsen_visit_get_category (visit), ==, "");
  g_assert_null (lotsen_visit_get_signup_form (visit));
  g_assert_cmpint (lotsen_visit_get_ticket_id (visit), ==, 0);
}

/* Locked, the session does nothing staff-only; the demo PIN must be
 * changed; unlocked, it calls and closes tickets; locked again, nothing. */
static void
test_staff_session (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(LotsenStaffSession) staff = lotsen_staff_session_new (fixture->store);
  g_autoptr(LotsenTicket) first = NULL;
  g_autoptr(LotsenTicket) called = NULL;
  g_autoptr(GError) error = NULL;

  seed (fixture);
  g_assert_true (lotsen_staff_ensure_pin (fixture->store, &error));
  first = lotsen_queue_take_ticket (fixture->store, "A", "sv", &error);
  g_assert_no_error (error);

  g_assert_false (lotsen_staff_session_get_unlocked (staff));
  g_assert_null (lotsen_staff_session_get_store (staff));
  g_assert_null (lotsen_staff_session_call_next (staff, 1, &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lotsen_staff_session_finish_ticket (staff, LOTSEN_TICKET_DONE, &error));
  g_clear_error (&error);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM ticket WHERE status = 'waiting'"), ==, 1);

  /* A wrong PIN, then the demo PIN, which must be changed. */
  lotsen_staff_session_pin_key (staff, "9");
  lotsen_staff_session_pin_key (staff, "x");
  g_assert_cmpuint (lotsen_staff_session_get_pin_length (staff), ==, 1);
  g_assert_false (lotsen_staff_session_pin_ok (staff));
  g_assert_nonnull (lotsen_staff_session_get_pin_message (staff));
  for (const char *d = LOTSEN_STAFF_DEMO_PIN; *d; d++)
    lotsen_staff_session_pin_key (staff, (char[]) { *d, '\0' });
  g_assert_false (lotsen_staff_session_pin_ok (staff));
  g_assert_cmpint (lotsen_staff_session_get_pin_stage (staff), ==, LOTSEN_PIN_STAGE_NEW);
  for (guint round = 0; round < 2; round++)
    {
      for (const char *d = "2580"; *d; d++)
        lotsen_staff_session_pin_key (staff, (char[]) { *d, '\0' });
      g_assert_cmpint (lotsen_staff_session_pin_ok (staff), ==, round == 1);
    }
  g_assert_true (lotsen_staff_session_get_unlocked (staff));
  g_assert_true (lotsen_staff_session_get_store (staff) == fixture->store);

  called = lotsen_staff_session_call_next (staff, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (called->label, ==, first->label);
  g_assert_cmpint (lotsen_staff_session_get_desk (staff), ==, 3);
  g_assert_cmpint (lotsen_staff_session_get_called_id (staff), ==, called->id);
  g_assert_true (lotsen_staff_session_finish_ticket (staff, LOTSEN_TICKET_DONE, &error));
  g_assert_cmpint (lotsen_staff_session_get_called_id (staff), ==, 0);
  g_assert_null (lotsen_staff_session_call_next (staff, 3, &error));
  g_assert_no_error (error);

  lotsen_staff_session_lock (staff);
  g_assert_false (lotsen_staff_session_get_unlocked (staff));
  g_assert_null (lotsen_staff_session_get_store (staff));
  g_assert_cmpuint (lotsen_staff_session_get_pin_length (staff), ==, 0);
}

static void
count_expire_cb (LotsenIdleMonitor *monitor,
                 guint             *count)
{
  (*count)++;
}

/* Warned at timeout − warning, expired once at the timeout, put off by
 * any activity, and never while there is nothing to wipe. */
static void
test_idle_monitor (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(LotsenIdleMonitor) idle = lotsen_idle_monitor_new (fixture->clock, 90, 20);
  guint expired = 0;

  g_signal_connect (idle, "expire", G_CALLBACK (count_expire_cb), &expired);

  lotsen_clock_advance (fixture->clock, 500);
  g_assert_false (lotsen_idle_monitor_get_warning (idle));
  g_assert_cmpuint (expired, ==, 0);

  lotsen_idle_monitor_set_armed (idle, TRUE);
  lotsen_clock_advance (fixture->clock, 69);
  g_assert_false (lotsen_idle_monitor_get_warning (idle));
  lotsen_clock_advance (fixture->clock, 1);
  g_assert_true (lotsen_idle_monitor_get_warning (idle));
  g_assert_cmpuint (lotsen_idle_monitor_get_seconds_left (idle), ==, 20);
  lotsen_clock_advance (fixture->clock, 15);
  g_assert_cmpuint (lotsen_idle_monitor_get_seconds_left (idle), ==, 5);

  lotsen_idle_monitor_note_activity (idle);
  g_assert_false (lotsen_idle_monitor_get_warning (idle));
  lotsen_clock_advance (fixture->clock, 89);
  g_assert_cmpuint (expired, ==, 0);
  lotsen_clock_advance (fixture->clock, 1);
  g_assert_cmpuint (expired, ==, 1);
  g_assert_false (lotsen_idle_monitor_get_warning (idle));
  lotsen_clock_advance (fixture->clock, 1);
  g_assert_cmpuint (expired, ==, 1);

  lotsen_idle_monitor_set_armed (idle, FALSE);
  lotsen_clock_advance (fixture->clock, 1000);
  g_assert_cmpuint (expired, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)

  ADD ("/visit/register", test_visit_register);
  ADD ("/visit/register-esf", test_visit_register_esf);
  ADD ("/visit/sign-in", test_visit_sign_in);
  ADD ("/visit/outcome-question", test_visit_outcome_question);
  ADD ("/visit/ticket-and-signup", test_visit_ticket_and_signup);
  ADD ("/visit/audio-mode", test_visit_audio_mode);
  ADD ("/staff-session/lock", test_staff_session);
  ADD ("/idle-monitor/warn-and-expire", test_idle_monitor);

  return g_test_run ();
}
