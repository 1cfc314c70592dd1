/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signing up for activities at the kiosk, as visitors would: What's on,
 * a session, the personal code or a name and phone number, how many come;
 * then the seat or the waiting list, in the database and on the screen. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lotsen-activity.h"
#include "lotsen-i18n.h"
#include "lotsen-signup.h"
#include "lotsen-test-core.h"
#include "lotsen-test-ui.h"
#include "lotsen-visitor.h"
#include "lotsen-window.h"

typedef LotsenUiFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  lotsen_ui_fixture_set_up (fixture, TRUE, 1600, 1000);
}

static void
assert_shows (Fixture    *fixture,
              const char *text)
{
  if (lotsen_test_ui_find_label (lotsen_ui_fixture_root (fixture), text) == NULL)
    g_error ("The %s page does not show “%s”", lotsen_window_get_page_name (fixture->window), text);
}

static LotsenVisitor *
register_visitor (Fixture    *fixture,
                  const char *given_name)
{
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(GError) error = NULL;
  LotsenVisitor *visitor;

  draft->given_name = g_strdup (given_name);
  draft->consent = TRUE;
  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);

  return visitor;
}

/* The first coming session of the demo's job coaching (4 seats). */
static LotsenSession *
first_session (Fixture    *fixture,
               const char *category)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  sessions = lotsen_activity_list_sessions (fixture->store, TEST_NOW, TEST_NOW + 14 * 24 * 3600,
                                            "sv", category, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >, 0);

  return g_ptr_array_steal_index (sessions, 0);
}

static LotsenSession *
get_session (Fixture *fixture,
             gint64   session_id)
{
  g_autoptr(GError) error = NULL;
  LotsenSession *session = lotsen_activity_get_session (fixture->store, session_id, "sv", &error);

  g_assert_no_error (error);
  return session;
}

static LotsenSignup *
visitor_signup (Fixture       *fixture,
                LotsenVisitor *visitor,
                gint64         session_id)
{
  g_autoptr(GPtrArray) signups = NULL;
  g_autoptr(GError) error = NULL;

  signups = lotsen_activity_list_visitor_signups (fixture->store, visitor->id, "sv", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < signups->len; i++)
    if (((LotsenSignup *) signups->pdata[i])->session_id == session_id)
      return g_ptr_array_steal_index (signups, i);

  return NULL;
}

static void
open_session (Fixture *fixture,
              gint64   session_id)
{
  g_autofree char *target = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);

  if (g_strcmp0 (lotsen_window_get_page_name (fixture->window), "activities") != 0)
    lotsen_ui_fixture_tap (fixture, "win.show-page", "activities");
  lotsen_ui_fixture_assert_page (fixture, "activities");
  lotsen_ui_fixture_tap (fixture, "win.choose-session", target);
  lotsen_ui_fixture_assert_page (fixture, "signup");
}

static void
type_code (Fixture    *fixture,
           const char *code)
{
  for (const char *c = code; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      lotsen_ui_fixture_tap (fixture, "win.code-key", key);
    }
  lotsen_ui_fixture_tap (fixture, "win.sign-in", NULL);
}

/* The whole way: What's on, the session, the personal code, sign up. */
static void
sign_up_with_code (Fixture       *fixture,
                   LotsenVisitor *visitor,
                   gint64         session_id)
{
  open_session (fixture, session_id);
  lotsen_ui_fixture_tap (fixture, "win.sign-up-with-code", NULL);
  lotsen_ui_fixture_assert_page (fixture, "sign-in");
  type_code (fixture, visitor->code);

  /* Back at the session, straight on to how many come. */
  lotsen_ui_fixture_assert_page (fixture, "signup");
  lotsen_ui_fixture_tap (fixture, "win.sign-up", NULL);
  lotsen_ui_fixture_assert_page (fixture, "signup");
}

static void
test_until_full_then_waiting_list (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(LotsenSession) session = first_session (fixture, "work");
  g_autoptr(LotsenSession) after = NULL;
  g_autoptr(GPtrArray) visitors = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_visitor_free);
  g_autofree char *waiting = NULL;
  g_autofree char *card_seats = NULL;
  const char *names[] = { "Amina", "Bashir", "Dawit", "Hana", "Yonas" };

  g_assert_cmpint (session->capacity, ==, 4);
  g_assert_cmpint (session->taken, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (visitors, register_visitor (fixture, names[i]));

  /* Four people take the four seats. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(LotsenSignup) signup = NULL;

      sign_up_with_code (fixture, visitors->pdata[i], session->id);
      assert_shows (fixture, _("You have a seat"));

      signup = visitor_signup (fixture, visitors->pdata[i], session->id);
      g_assert_nonnull (signup);
      g_assert_cmpint (signup->status, ==, LOTSEN_SIGNUP_CONFIRMED);
      g_assert_cmpint (signup->party_size, ==, 1);

      lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);
      lotsen_ui_fixture_assert_page (fixture, "welcome");
      g_assert_null (lotsen_visit_get_visitor_code (lotsen_window_get_visit (fixture->window)));
    }

  /* The card says so before the fifth person taps it. */
  after = get_session (fixture, session->id);
  g_assert_cmpint (after->seats_left, ==, 0);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "activities");
  card_seats = g_strdup_printf (_("Full. Waiting list: %d"), 0);
  assert_shows (fixture, card_seats);

  /* The fifth, in Arabic, goes to the waiting list. */
  lotsen_ui_fixture_choose_language (fixture, "ar");
  sign_up_with_code (fixture, visitors->pdata[4], session->id);
  waiting = g_strdup_printf (_("You are number %d on the waiting list"), 1);
  assert_shows (fixture, waiting);
  g_assert_cmpint (gtk_widget_get_direction (lotsen_window_get_page (fixture->window, "signup")), ==,
                   GTK_TEXT_DIR_RTL);
  {
    g_autoptr(LotsenSignup) signup = visitor_signup (fixture, visitors->pdata[4], session->id);

    g_assert_cmpint (signup->status, ==, LOTSEN_SIGNUP_WAITLISTED);
    g_assert_cmpint (signup->position, ==, 1);
  }
  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);

  /* Amina cancels under My sign-ups: one tap, then yes. */
  lotsen_ui_fixture_tap (fixture, "win.show-page", "activities");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "my-signups");
  lotsen_ui_fixture_assert_page (fixture, "sign-in");
  type_code (fixture, ((LotsenVisitor *) visitors->pdata[0])->code);
  lotsen_ui_fixture_assert_page (fixture, "my-signups");
  assert_shows (fixture, _("You have a seat"));
  {
    g_autoptr(LotsenSignup) signup = visitor_signup (fixture, visitors->pdata[0], session->id);
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, signup->id);

    lotsen_ui_fixture_tap (fixture, "win.cancel-signup", id);
    /* Nothing is cancelled before the yes. */
    g_clear_pointer (&signup, lotsen_signup_free);
    signup = visitor_signup (fixture, visitors->pdata[0], session->id);
    g_assert_cmpint (signup->status, ==, LOTSEN_SIGNUP_CONFIRMED);
    lotsen_ui_fixture_tap (fixture, "win.confirm-cancel-signup", id);
  }
  g_assert_null (visitor_signup (fixture, visitors->pdata[0], session->id));
  assert_shows (fixture, _("You have not signed up for any activity yet."));
  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);

  /* Yonas got the seat, in the same step, and sees it next time. */
  {
    g_autoptr(LotsenSignup) signup = visitor_signup (fixture, visitors->pdata[4], session->id);

    g_assert_cmpint (signup->status, ==, LOTSEN_SIGNUP_CONFIRMED);
    g_assert_true (signup->promoted);
    g_assert_cmpint (signup->position, ==, 0);
  }
  g_clear_pointer (&after, lotsen_session_free);
  after = get_session (fixture, session->id);
  g_assert_cmpint (after->taken, ==, 4);
  g_assert_cmpint (after->waiting, ==, 0);

  lotsen_ui_fixture_tap (fixture, "win.show-page", "activities");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "my-signups");
  type_code (fixture, ((LotsenVisitor *) visitors->pdata[4])->code);
  lotsen_ui_fixture_assert_page (fixture, "my-signups");
  assert_shows (fixture, _("You have a seat: one became free for you"));
}

static void
test_keep_signup (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LotsenSession) session = first_session (fixture, "language");
  g_autoptr(LotsenVisitor) visitor = register_visitor (fixture, "Sara");
  g_autoptr(LotsenSignup) signup = NULL;
  g_autofree char *id = NULL;

  sign_up_with_code (fixture, visitor, session->id);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "my-signups");
  lotsen_ui_fixture_assert_page (fixture, "my-signups");
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "my sign-ups");

  signup = visitor_signup (fixture, visitor, session->id);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, signup->id);
  lotsen_ui_fixture_tap (fixture, "win.cancel-signup", id);
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "my sign-ups, asking to confirm");
  lotsen_ui_fixture_tap (fixture, "win.keep-signup", NULL);
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.confirm-cancel-signup", id));

  g_clear_pointer (&signup, lotsen_signup_free);
  signup = visitor_signup (fixture, visitor, session->id);
  g_assert_cmpint (signup->status, ==, LOTSEN_SIGNUP_CONFIRMED);
}

static GtkEditable *
signup_entry (Fixture *fixture)
{
  GtkWidget *page = lotsen_window_get_page (fixture->window, "signup");
  g_autoptr(GPtrArray) entries = lotsen_test_ui_collect (page, GTK_TYPE_ENTRY);

  g_assert_cmpuint (entries->len, ==, 1);
  return GTK_EDITABLE (entries->pdata[0]);
}

static void
choose_party (Fixture *fixture,
              int      size)
{
  GtkWidget *page = lotsen_window_get_page (fixture->window, "signup");
  g_autoptr(GPtrArray) buttons = lotsen_test_ui_collect (page, GTK_TYPE_TOGGLE_BUTTON);

  g_assert_cmpuint (buttons->len, ==, LOTSEN_PARTY_MAX);
  lotsen_test_ui_click (buttons->pdata[size - 1]);
  g_assert_true (gtk_toggle_button_get_active (buttons->pdata[size - 1]));
  g_assert_false (gtk_toggle_button_get_active (buttons->pdata[0]));
}

/* Without a code: name, phone, party size; a second time is refused. */
static void
test_name_and_phone (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LotsenSession) session = first_session (fixture, "language");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  LotsenSignup *signup;

  open_session (fixture, session->id);
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "sign-up: how");
  lotsen_ui_fixture_tap (fixture, "signup.by-phone", NULL);
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "sign-up: name");

  /* No name: told so, and nothing stored. */
  lotsen_ui_fixture_tap (fixture, "signup.next", NULL);
  assert_shows (fixture, _("Please write your name."));
  gtk_editable_set_text (signup_entry (fixture), "  Mulu  ");
  lotsen_ui_fixture_tap (fixture, "signup.next", NULL);

  /* The name was kept through a language change. */
  lotsen_ui_fixture_choose_language (fixture, "ti");
  lotsen_ui_fixture_assert_page (fixture, "signup");
  lotsen_ui_fixture_tap (fixture, "signup.back", NULL);
  g_assert_cmpstr (gtk_editable_get_text (signup_entry (fixture)), ==, "Mulu");
  lotsen_ui_fixture_tap (fixture, "signup.next", NULL);

  /* Letters are no phone number. */
  gtk_editable_set_text (signup_entry (fixture), "call me");
  lotsen_ui_fixture_tap (fixture, "signup.next", NULL);
  assert_shows (fixture, _("A phone number can only have digits, spaces and a + at the start."));
  gtk_editable_set_text (signup_entry (fixture), "070-123 45 67");
  lotsen_ui_fixture_tap (fixture, "signup.next", NULL);

  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "sign-up: how many");
  choose_party (fixture, 3);
  lotsen_ui_fixture_tap (fixture, "win.sign-up", NULL);
  assert_shows (fixture, _("You have a seat"));

  people = lotsen_activity_list_session_signups (fixture->store, session->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  signup = people->pdata[0];
  g_assert_cmpstr (signup->name, ==, "Mulu");
  g_assert_cmpstr (signup->phone, ==, "+46701234567");
  g_assert_cmpint (signup->party_size, ==, 3);
  g_assert_cmpint (signup->visitor_id, ==, 0);
  g_assert_cmpint (signup->status, ==, LOTSEN_SIGNUP_CONFIRMED);
  lotsen_ui_fixture_tap (fixture, "win.finish-visit", NULL);
  g_assert_cmpstr (lotsen_window_get_language (fixture->window), ==, LOTSEN_DEFAULT_LANGUAGE);

  /* The same person again: refused kindly, nothing added. */
  open_session (fixture, session->id);
  lotsen_ui_fixture_tap (fixture, "signup.by-phone", NULL);
  gtk_editable_set_text (signup_entry (fixture), "Mulu");
  lotsen_ui_fixture_tap (fixture, "signup.next", NULL);
  gtk_editable_set_text (signup_entry (fixture), "0701234567");
  lotsen_ui_fixture_tap (fixture, "signup.next", NULL);
  lotsen_ui_fixture_tap (fixture, "win.sign-up", NULL);
  lotsen_ui_fixture_assert_page (fixture, "signup");
  assert_shows (fixture, _("This phone number is already signed up for this activity."));
  g_assert_null (lotsen_test_ui_find_label (lotsen_ui_fixture_root (fixture), _("You have a seat")));
  g_clear_pointer (&people, g_ptr_array_unref);
  people = lotsen_activity_list_session_signups (fixture->store, session->id, &error);
  g_assert_cmpuint (people->len, ==, 1);
}

/* Signed in first: straight to how many come; twice is refused. */
static void
test_signed_in_twice (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LotsenSession) session = first_session (fixture, "language");
  g_autoptr(LotsenVisitor) visitor = register_visitor (fixture, "Faisal");
  g_autoptr(LotsenSignup) signup = NULL;
  g_autoptr(GPtrArray) people = NULL;

  lotsen_ui_fixture_tap (fixture, "win.show-page", "sign-in");
  type_code (fixture, visitor->code);
  lotsen_ui_fixture_assert_page (fixture, "visitor");

  open_session (fixture, session->id);
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.sign-up-with-code", NULL));
  choose_party (fixture, 2);
  lotsen_ui_fixture_tap (fixture, "win.sign-up", NULL);
  signup = visitor_signup (fixture, visitor, session->id);
  g_assert_cmpint (signup->party_size, ==, 2);
  g_assert_nonnull (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.show-page", "my-signups"));
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "sign-up: done");

  open_session (fixture, session->id);
  lotsen_ui_fixture_tap (fixture, "win.sign-up", NULL);
  assert_shows (fixture, _("You are already signed up for this activity. You can see it under “My sign-ups”."));
  people = lotsen_activity_list_session_signups (fixture->store, session->id, NULL);
  g_assert_cmpuint (people->len, ==, 1);
}

/* The filter tiles show one kind of activity at a time. */
static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LotsenSession) work = first_session (fixture, "work");
  g_autoptr(LotsenSession) language = first_session (fixture, "language");
  g_autofree char *work_id = g_strdup_printf ("%" G_GINT64_FORMAT, work->id);
  g_autofree char *language_id = g_strdup_printf ("%" G_GINT64_FORMAT, language->id);

  lotsen_ui_fixture_tap (fixture, "win.show-page", "activities");
  g_assert_nonnull (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.choose-session", work_id));
  g_assert_nonnull (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.choose-session", language_id));
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "what's on");

  lotsen_ui_fixture_tap (fixture, "win.category", "work");
  g_assert_nonnull (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.choose-session", work_id));
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.choose-session", language_id));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.category", "work"))));

  /* Kept through a language change; "All" shows everything again. */
  lotsen_ui_fixture_choose_language (fixture, "ar");
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.choose-session", language_id));
  lotsen_ui_fixture_tap (fixture, "win.category", "");
  g_assert_nonnull (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.choose-session", language_id));
}

int
main (int   argc,
      char *argv[])
{
  lotsen_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, lotsen_ui_fixture_tear_down_test)

  ADD ("/signup/until-full-then-waiting-list", test_until_full_then_waiting_list);
  ADD ("/signup/keep", test_keep_signup);
  ADD ("/signup/name-and-phone", test_name_and_phone);
  ADD ("/signup/signed-in-twice", test_signed_in_twice);
  ADD ("/signup/filter", test_filter);

#undef ADD

  return g_test_run ();
}
