/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The staff screens for activities driven as staff would drive them:
 * create and change an activity in the editor, cancel a session, take
 * attendance; then check the database through the core and the screen.
 *
 * With LOTSEN_STAFF_SCREENSHOTS=DIR set, /staff/screenshots also writes
 * PNGs of every screen in Swedish and Arabic, landscape and portrait. */
#include "config.h"

#include <adwaita.h>

#include "lotsen-activity.h"
#include "lotsen-activity-editor.h"
#include "lotsen-activity-list-page.h"
#include "lotsen-demo.h"
#include "lotsen-i18n.h"
#include "lotsen-outcome.h"
#include "lotsen-signup.h"
#include "lotsen-staff.h"
#include "lotsen-test-core.h"
#include "lotsen-test-ui.h"
#include "lotsen-visitor.h"
#include "lotsen-window.h"

#define DAY (24 * 3600)

typedef LotsenUiFixture Fixture;

/* Tuesday 25 March 2025, 09:00 in Stockholm: the clocks go forward on
 * Sunday the 30th, inside the eight weeks a weekly activity gets. */
static gint64
test_now (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2025, 3, 25, 9, 0, 0);

  return g_date_time_to_unix (now);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  lotsen_ui_fixture_set_up_at (fixture, test_now (), 1280, 800);
}

static void
show_page (Fixture    *fixture,
           const char *name)
{
  lotsen_ui_fixture_tap (fixture, "win.show-page", name);
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->window), ==, name);
}

static GtkWidget *
find_named (Fixture    *fixture,
            GType       type,
            const char *name)
{
  GtkWidget *widget = lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), type, name);

  if (widget == NULL)
    g_error ("No visible %s called “%s” on the %s page", g_type_name (type), name,
             lotsen_window_get_page_name (fixture->window));
  return widget;
}

static void
set_text (Fixture    *fixture,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_named (fixture, GTK_TYPE_ENTRY, name)), text);
}

static void
click_named (Fixture    *fixture,
             const char *name)
{
  lotsen_test_ui_click (find_named (fixture, GTK_TYPE_BUTTON, name));
}

static void
assert_shows (Fixture    *fixture,
              const char *text)
{
  if (lotsen_test_ui_find_label (lotsen_ui_fixture_root (fixture), text) == NULL)
    g_error ("The %s page does not show “%s”", lotsen_window_get_page_name (fixture->window), text);
}

static LotsenActivityEditor *
editor (Fixture *fixture)
{
  GtkWidget *page = lotsen_window_get_page (fixture->window, "staff-activities");
  GtkWidget *widget = lotsen_activity_list_page_get_editor (LOTSEN_ACTIVITY_LIST_PAGE (page));

  g_assert_nonnull (widget);
  return LOTSEN_ACTIVITY_EDITOR (widget);
}

static void
open_activity (Fixture *fixture,
               gint64   activity_id)
{
  g_autofree char *name = g_strdup_printf ("activity-%" G_GINT64_FORMAT, activity_id);

  click_named (fixture, name);
  g_assert_cmpint (lotsen_activity_editor_get_activity_id (editor (fixture)), ==, activity_id);
}

static GPtrArray *
sessions_of (Fixture *fixture,
             gint64   activity_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) lotsen_session_free);
  gint64 now = test_now ();

  all = lotsen_activity_list_sessions (fixture->store, now - DAY, now + 70 * DAY, "sv", NULL, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (((LotsenSession *) all->pdata[i])->activity_id == activity_id)
      g_ptr_array_add (sessions, g_steal_pointer (&all->pdata[i]));

  return sessions;
}

static guint
count_activities (Fixture *fixture)
{
  g_autoptr(GPtrArray) activities = lotsen_activity_list (fixture->store, "sv", NULL);

  return activities->len;
}

static guint
count_sessions (Fixture *fixture,
                gint64   activity_id)
{
  g_autoptr(GPtrArray) sessions = sessions_of (fixture, activity_id);

  return sessions->len;
}

static LotsenSignupStatus
status_of (Fixture *fixture,
           gint64   signup_id)
{
  g_autoptr(LotsenSignup) signup = lotsen_activity_get_signup (fixture->store, signup_id, NULL, NULL);

  return signup->status;
}

static const LotsenActivityText *
find_text (const LotsenActivity *activity,
           const char           *lang)
{
  for (guint i = 0; i < activity->texts->len; i++)
    if (g_str_equal (((LotsenActivityText *) activity->texts->pdata[i])->lang, lang))
      return activity->texts->pdata[i];

  return NULL;
}

static gint64
find_activity (Fixture    *fixture,
               const char *swedish_title)
{
  g_autoptr(GPtrArray) activities = lotsen_activity_list (fixture->store, "sv", NULL);

  for (guint i = 0; i < activities->len; i++)
    if (g_strcmp0 (((LotsenActivity *) activities->pdata[i])->title, swedish_title) == 0)
      return ((LotsenActivity *) activities->pdata[i])->id;

  return 0;
}

static gboolean
is_active (Fixture    *fixture,
           const char *name)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (fixture, GTK_TYPE_TOGGLE_BUTTON, name)));
}

/* The form filled in as staff would: a category (whose pictogram comes with it), every
 * Tuesday at @time, titles in Swedish, English and Arabic only. */
static void
fill_new_activity (Fixture    *fixture,
                   const char *time)
{
  lotsen_ui_fixture_tap (fixture, "activities.new", NULL);
  g_assert_cmpint (lotsen_activity_editor_get_activity_id (editor (fixture)), ==, 0);

  click_named (fixture, "category-language");
  g_assert_true (is_active (fixture, "category-language"));
  g_assert_true (is_active (fixture, "lotsen-language-symbolic"));
  click_named (fixture, "category-leisure");
  g_assert_false (is_active (fixture, "category-language"));
  g_assert_true (is_active (fixture, "lotsen-leisure-symbolic"));
  set_text (fixture, "place", "Idrottshallen");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (fixture, GTK_TYPE_SPIN_BUTTON, "capacity")), 20);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (fixture, GTK_TYPE_SPIN_BUTTON, "minutes")), 90);
  click_named (fixture, "weekday-2");
  set_text (fixture, "time", time);
  set_text (fixture, "title-sv", "Fotboll");
  set_text (fixture, "description-sv", "Vi spelar inomhus");
  set_text (fixture, "title-en", "Football");
  set_text (fixture, "title-ar", "كرة القدم");
}

static char *
expected_missing (const char * const *codes)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append_printf (names, "\u2068%s\u2069", lotsen_i18n_lookup (codes[i])->native_name);
    }

  return g_strdup_printf (_("Missing: %s"), names->str);
}

static void
test_create_activity (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GStrvBuilder) missing_builder = g_strv_builder_new ();
  g_auto(GStrv) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenActivity) activity = NULL;
  g_autoptr(LotsenActivity) changed = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) again = NULL;
  guint before = count_activities (fixture);
  g_autofree char *missing_text = NULL;
  gint64 activity_id;

  /* Every language the kiosk offers but Swedish, English and Arabic,
   * which are typed below, in the kiosk's order. */
  {
    guint n_languages;
    const LotsenLanguage *languages = lotsen_i18n_get_languages (&n_languages);

    for (guint i = 0; i < n_languages; i++)
      if (!g_str_equal (languages[i].code, "sv") && !g_str_equal (languages[i].code, "en") &&
          !g_str_equal (languages[i].code, "ar"))
        g_strv_builder_add (missing_builder, languages[i].code);
    missing = g_strv_builder_end (missing_builder);
  }

  lotsen_test_ui_unlock_staff (fixture->window, "2468");
  show_page (fixture, "staff-activities");
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the activity list");

  /* A time that does not exist: the reason beside the field, nothing lost. */
  fill_new_activity (fixture, "25:00");
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the activity editor");
  lotsen_ui_fixture_tap (fixture, "editor.save", NULL);
  assert_shows (fixture, _("Type the start time as hours and minutes, for example 15:00."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (fixture, GTK_TYPE_ENTRY, "title-ar"))), ==, "كرة القدم");
  g_assert_true (is_active (fixture, "category-leisure"));
  g_assert_cmpint (find_activity (fixture, "Fotboll"), ==, 0);

  /* The line of missing languages follows what is typed. */
  missing_text = expected_missing ((const char * const *) missing);
  assert_shows (fixture, missing_text);

  set_text (fixture, "time", "15:00");
  lotsen_ui_fixture_tap (fixture, "editor.save", NULL);
  g_assert_null (lotsen_activity_list_page_get_editor (
    LOTSEN_ACTIVITY_LIST_PAGE (lotsen_window_get_page (fixture->window, "staff-activities"))));

  /* Stored as typed. */
  activity_id = find_activity (fixture, "Fotboll");
  g_assert_cmpint (activity_id, >, 0);
  activity = lotsen_activity_get (fixture->store, activity_id, "sv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (activity->category, ==, "leisure");
  g_assert_cmpstr (activity->pictogram, ==, "lotsen-leisure-symbolic");
  g_assert_cmpstr (activity->location, ==, "Idrottshallen");
  g_assert_cmpint (activity->capacity, ==, 20);
  g_assert_cmpint (activity->minutes, ==, 90);
  g_assert_cmpint (activity->weekday, ==, 2);
  g_assert_cmpstr (activity->start_time, ==, "15:00");
  g_assert_cmpuint (activity->texts->len, ==, 3);
  g_assert_cmpstr (find_text (activity, "sv")->title, ==, "Fotboll");
  g_assert_cmpstr (find_text (activity, "sv")->description, ==, "Vi spelar inomhus");
  g_assert_cmpstr (find_text (activity, "en")->title, ==, "Football");
  g_assert_null (find_text (activity, "en")->description);
  g_assert_cmpstr (find_text (activity, "ar")->title, ==, "كرة القدم");
  g_assert_cmpstrv (activity->missing_langs, (const char * const *) missing);

  /* Eight Tuesdays at 15:00 local, before and after the clocks go forward. */
  sessions = sessions_of (fixture, activity_id);
  g_assert_cmpuint (sessions->len, ==, LOTSEN_SESSION_WEEKS);
  for (guint i = 0; i < sessions->len; i++)
    {
      LotsenSession *session = sessions->pdata[i];
      g_autoptr(GDateTime) local = lotsen_store_to_local (fixture->store, session->starts_at);

      g_assert_cmpint (g_date_time_get_day_of_week (local), ==, 2);
      g_assert_cmpint (g_date_time_get_hour (local), ==, 15);
      g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
      g_assert_cmpint (session->ends_at - session->starts_at, ==, 90 * 60);
    }

  /* Listed; opened again it shows what was stored, and the languages
   * still missing, exactly. */
  assert_shows (fixture, "Fotboll");
  g_assert_cmpuint (count_activities (fixture), ==, before + 1);
  open_activity (fixture, activity_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (fixture, GTK_TYPE_ENTRY, "title-en"))), ==, "Football");
  assert_shows (fixture, missing_text);
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the activity editor with sessions");

  /* Saving again adds no session. */
  lotsen_ui_fixture_tap (fixture, "editor.save", NULL);
  again = sessions_of (fixture, activity_id);
  g_assert_cmpuint (again->len, ==, LOTSEN_SESSION_WEEKS);

  /* More seats. */
  open_activity (fixture, activity_id);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (fixture, GTK_TYPE_SPIN_BUTTON, "capacity")), 25);
  set_text (fixture, "title-so", "Kubadda cagta");
  lotsen_ui_fixture_tap (fixture, "editor.save", NULL);
  changed = lotsen_activity_get (fixture->store, activity_id, "so", &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed->capacity, ==, 25);
  g_assert_cmpstr (changed->title, ==, "Kubadda cagta");
  /* One fewer missing: Somali has its title now. */
  g_assert_cmpuint (g_strv_length (changed->missing_langs), ==, g_strv_length (missing) - 1);
  g_assert_cmpuint (count_sessions (fixture, activity_id), ==, LOTSEN_SESSION_WEEKS);

  /* No title at all: refused, nothing stored. */
  lotsen_ui_fixture_tap (fixture, "activities.new", NULL);
  click_named (fixture, "lotsen-coffee-symbolic");
  click_named (fixture, "category-work");
  g_assert_true (is_active (fixture, "lotsen-coffee-symbolic"));
  click_named (fixture, "weekday-5");
  set_text (fixture, "time", "10:00");
  lotsen_ui_fixture_tap (fixture, "editor.save", NULL);
  assert_shows (fixture, _("Give the activity a title in at least one language."));
  g_assert_nonnull (lotsen_activity_list_page_get_editor (
    LOTSEN_ACTIVITY_LIST_PAGE (lotsen_window_get_page (fixture->window, "staff-activities"))));
  lotsen_ui_fixture_tap (fixture, "editor.discard", NULL);
  g_assert_cmpuint (count_activities (fixture), ==, before + 1);
}

static gint64
add_activity (Fixture    *fixture,
              int         weekday,
              GDateTime  *once,
              int         capacity,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenActivityDraft) draft = lotsen_activity_draft_new ();
  gint64 activity_id;

  draft->category = g_strdup ("language");
  draft->pictogram = g_strdup ("lotsen-coffee-symbolic");
  draft->location = g_strdup ("Rum 2");
  draft->capacity = capacity;
  draft->weekday = weekday;
  draft->hour = 14;
  draft->once = once ? g_date_time_ref (once) : NULL;
  draft->minutes = 60;
  lotsen_activity_draft_set_text (draft, "sv", title, NULL);

  activity_id = lotsen_activity_create (fixture->store, draft, &error);
  g_assert_no_error (error);
  return activity_id;
}

static gint64
sign_up (Fixture    *fixture,
         gint64      session_id,
         const char *name,
         const char *phone,
         int         party_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSignup) signup = lotsen_activity_sign_up (fixture->store, session_id, 0, name, phone,
                                                            party_size, &error);

  g_assert_no_error (error);
  return signup->id;
}

static GtkWidget *
find_cancel_button (GtkWidget *widget,
                    gint64     session_id)
{
  if (gtk_widget_is_drawable (widget) && GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "editor.cancel-session") == 0 &&
      g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget))) == session_id)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cancel_button (child, session_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Cancels @session_id in the editor the way staff would: the button,
 * then the dialog's destructive answer. */
static void
cancel_session (Fixture *fixture,
                gint64   session_id)
{
  AdwMessageDialog *dialog;

  lotsen_test_ui_click (find_cancel_button (lotsen_ui_fixture_root (fixture), session_id));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel-session"));
  adw_message_dialog_response (dialog, "cancel-session");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
}

static void
test_cancel_session (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(LotsenSession) cancelled = NULL;
  g_autoptr(LotsenSession) other = NULL;
  g_autoptr(LotsenSignup) amina_signup = NULL;
  g_autoptr(LotsenSignup) bashir_signup = NULL;
  g_autofree char *amina = NULL;
  g_autofree char *bashir = NULL;
  g_autofree char *two = NULL;
  g_autofree char *one = NULL;
  gint64 activity_id = add_activity (fixture, 4, NULL, 10, "Läxhjälp");
  LotsenSession *second;

  sessions = sessions_of (fixture, activity_id);
  g_assert_cmpuint (sessions->len, ==, LOTSEN_SESSION_WEEKS);
  second = sessions->pdata[1];
  amina_signup = lotsen_activity_get_signup (fixture->store, sign_up (fixture, second->id, "Amina", "070-111 22 33", 2),
                                             NULL, NULL);
  bashir_signup = lotsen_activity_get_signup (fixture->store,
                                              sign_up (fixture, second->id, "Bashir", "+46 72 444 55 66", 1),
                                              NULL, NULL);

  lotsen_test_ui_unlock_staff (fixture->window, "2468");
  show_page (fixture, "staff-activities");
  open_activity (fixture, activity_id);
  cancel_session (fixture, second->id);

  /* Cancelled in the store, the others not. */
  cancelled = lotsen_activity_get_session (fixture->store, second->id, "sv", NULL);
  g_assert_true (cancelled->cancelled);
  other = lotsen_activity_get_session (fixture->store, ((LotsenSession *) sessions->pdata[2])->id, "sv", NULL);
  g_assert_false (other->cancelled);

  /* The people to tell stay on screen: name, phone, party. */
  assert_shows (fixture, "Amina");
  assert_shows (fixture, "Bashir");
  two = g_strdup_printf (ngettext ("%d person", "%d people", 2), 2);
  amina = g_strdup_printf (_("\u2066%s\u2069 · %s"), amina_signup->phone, two);
  assert_shows (fixture, amina);
  one = g_strdup_printf (ngettext ("%d person", "%d people", 1), 1);
  bashir = g_strdup_printf (_("\u2066%s\u2069 · %s"), bashir_signup->phone, one);
  assert_shows (fixture, bashir);
  g_assert_null (find_cancel_button (lotsen_ui_fixture_root (fixture), second->id));
  assert_shows (fixture, C_("session", "Cancelled"));
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the editor after a cancellation");

  /* "Keep it" changes nothing. */
  lotsen_test_ui_click (find_cancel_button (lotsen_ui_fixture_root (fixture), ((LotsenSession *) sessions->pdata[2])->id));
  adw_message_dialog_response (find_dialog (), "keep");
  gtk_window_destroy (GTK_WINDOW (find_dialog ()));
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  g_clear_pointer (&other, lotsen_session_free);
  other = lotsen_activity_get_session (fixture->store, ((LotsenSession *) sessions->pdata[2])->id, "sv", NULL);
  g_assert_false (other->cancelled);
}

static LotsenSignup *
find_signup (Fixture    *fixture,
             gint64      session_id,
             const char *name)
{
  g_autoptr(GPtrArray) signups = lotsen_activity_list_session_signups (fixture->store, session_id, NULL);

  for (guint i = 0; i < signups->len; i++)
    if (g_strcmp0 (((LotsenSignup *) signups->pdata[i])->name, name) == 0)
      return g_steal_pointer (&signups->pdata[i]);

  return NULL;
}

static void
test_attendance (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) today = lotsen_store_to_local (fixture->store, test_now () + 5 * 3600);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(LotsenSignup) amina = NULL;
  g_autoptr(LotsenSignup) bashir = NULL;
  g_autoptr(LotsenSignup) chaltu = NULL;
  g_autoptr(LotsenSignup) dawit = NULL;
  g_autofree char *name = NULL;
  gint64 activity_id = add_activity (fixture, 0, today, 3, "Syjunta");
  gint64 session_id, amina_id, bashir_id, chaltu_id;
  GtkWidget *status;

  sessions = sessions_of (fixture, activity_id);
  g_assert_cmpuint (sessions->len, ==, 1);
  session_id = ((LotsenSession *) sessions->pdata[0])->id;
  amina_id = sign_up (fixture, session_id, "Amina", "070-111 22 33", 2);
  bashir_id = sign_up (fixture, session_id, "Bashir", "072-444 55 66", 1);
  chaltu_id = sign_up (fixture, session_id, "Chaltu", "073-777 88 99", 1);
  g_assert_cmpint (status_of (fixture, chaltu_id), ==, LOTSEN_SIGNUP_WAITLISTED);

  lotsen_test_ui_unlock_staff (fixture->window, "2468");
  show_page (fixture, "staff-attendance");
  assert_shows (fixture, "Amina");
  assert_shows (fixture, "Chaltu");
  assert_shows (fixture, _("Waiting list"));
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the attendance page");

  /* One tap each, stored at once. */
  name = g_strdup_printf ("present-%" G_GINT64_FORMAT, amina_id);
  click_named (fixture, name);
  amina = lotsen_activity_get_signup (fixture->store, amina_id, NULL, NULL);
  g_assert_cmpint (amina->status, ==, LOTSEN_SIGNUP_ATTENDED);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (fixture, GTK_TYPE_TOGGLE_BUTTON, name))));
  g_free (name);

  name = g_strdup_printf ("no-show-%" G_GINT64_FORMAT, bashir_id);
  click_named (fixture, name);
  bashir = lotsen_activity_get_signup (fixture->store, bashir_id, NULL, NULL);
  g_assert_cmpint (bashir->status, ==, LOTSEN_SIGNUP_NO_SHOW);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (fixture, GTK_TYPE_TOGGLE_BUTTON, name))));
  assert_shows (fixture, _("Did not come"));
  g_free (name);

  /* Bashir's seat went to Chaltu: marked, so staff phone her. */
  chaltu = lotsen_activity_get_signup (fixture->store, chaltu_id, NULL, NULL);
  g_assert_cmpint (chaltu->status, ==, LOTSEN_SIGNUP_CONFIRMED);
  g_assert_true (chaltu->promoted);
  assert_shows (fixture, _("Promoted from the waiting list: please phone them"));
  g_assert_null (lotsen_test_ui_find_label (lotsen_ui_fixture_root (fixture), _("Waiting list")));

  /* A walk-in without a name is refused beside the field. */
  name = g_strdup_printf ("walk-in-%" G_GINT64_FORMAT, session_id);
  click_named (fixture, name);
  g_assert_null (find_signup (fixture, session_id, ""));

  /* A walk-in, added and shown at once. */
  g_free (name);
  name = g_strdup_printf ("walk-in-name-%" G_GINT64_FORMAT, session_id);
  set_text (fixture, name, "Dawit");
  g_free (name);
  name = g_strdup_printf ("walk-in-party-%" G_GINT64_FORMAT, session_id);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (fixture, GTK_TYPE_SPIN_BUTTON, name)), 2);
  g_free (name);
  name = g_strdup_printf ("walk-in-%" G_GINT64_FORMAT, session_id);
  click_named (fixture, name);
  dawit = find_signup (fixture, session_id, "Dawit");
  g_assert_nonnull (dawit);
  g_assert_true (dawit->walk_in);
  g_assert_cmpint (dawit->party_size, ==, 2);
  g_assert_cmpint (dawit->status, ==, LOTSEN_SIGNUP_ATTENDED);
  assert_shows (fixture, "Dawit");
  assert_shows (fixture, _("Walk-in, present"));
  status = find_named (fixture, GTK_TYPE_LABEL, "status");
  g_assert_nonnull (status);
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the attendance page after changes");
}

static void
save_screen (Fixture    *fixture,
             const char *dir,
             const char *what,
             const char *lang,
             const char *shape)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("staff-%s-%s-%s.png", what, lang, shape);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  g_assert_true (lotsen_test_ui_save_png (lotsen_ui_fixture_root (fixture), path, &error));
  g_assert_no_error (error);
}

static void
take_screenshots (Fixture    *fixture,
                  const char *dir,
                  const char *lang,
                  int         width,
                  int         height,
                  gint64      activity_id,
                  gint64      session_id,
                  gboolean    first)
{
  const char *shape = width > height ? "landscape" : "portrait";

  lotsen_ui_fixture_close_window (fixture);
  lotsen_ui_fixture_open_window (fixture, width, height);
  lotsen_window_set_language (fixture->window, lang);
  if (first)
    lotsen_test_ui_unlock_staff (fixture->window, "2468");
  else
    {
      lotsen_ui_fixture_tap (fixture, "win.show-page", "staff");
      lotsen_test_ui_type_pin (lotsen_ui_fixture_root (fixture), "2468");
    }

  show_page (fixture, "staff-activities");
  save_screen (fixture, dir, "list", lang, shape);
  fill_new_activity (fixture, "15:00");
  save_screen (fixture, dir, "editor", lang, shape);
  lotsen_ui_fixture_tap (fixture, "editor.discard", NULL);
  open_activity (fixture, activity_id);
  if (find_cancel_button (lotsen_ui_fixture_root (fixture), session_id) != NULL)
    cancel_session (fixture, session_id);
  save_screen (fixture, dir, "cancelled", lang, shape);
  lotsen_ui_fixture_tap (fixture, "editor.discard", NULL);

  show_page (fixture, "staff");
  show_page (fixture, "staff-attendance");
  save_screen (fixture, dir, "attendance", lang, shape);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("LOTSEN_STAFF_SCREENSHOTS");
  g_autoptr(GDateTime) today = lotsen_store_to_local (fixture->store, test_now () + 2 * 3600);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(LotsenSignup) bashir = NULL;
  const LotsenLanguage *languages;
  guint n_languages;
  gint64 weekly, session_id, today_session;

  if (dir == NULL)
    {
      g_test_skip ("LOTSEN_STAFF_SCREENSHOTS is not set");
      return;
    }

  weekly = add_activity (fixture, 4, NULL, 10, "Läxhjälp för barn i årskurs 4–9 och deras föräldrar");
  sessions = sessions_of (fixture, weekly);
  session_id = ((LotsenSession *) sessions->pdata[1])->id;
  sign_up (fixture, session_id, "Amina Yusuf Abdullahi", "070-111 22 33", 2);
  sign_up (fixture, session_id, "Bashir", "+46 72 444 55 66", 1);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  sessions = sessions_of (fixture, add_activity (fixture, 0, today, 2, "Syjunta"));
  today_session = ((LotsenSession *) sessions->pdata[0])->id;
  sign_up (fixture, today_session, "Amina", "070-111 22 33", 1);
  sign_up (fixture, today_session, "Bashir", "072-444 55 66", 1);
  sign_up (fixture, today_session, "Chaltu", "073-777 88 99", 1);
  bashir = find_signup (fixture, today_session, "Bashir");
  lotsen_activity_mark_no_show (fixture->store, bashir->id, NULL);
  sign_up (fixture, today_session, "Dawit", "073-000 11 22", 2);

  /* Every language in landscape; Swedish and Arabic in portrait too. */
  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    take_screenshots (fixture, dir, languages[i].code, 1920, 1080, weekly, session_id, i == 0);
  take_screenshots (fixture, dir, "sv", 1080, 1920, weekly, session_id, FALSE);
  take_screenshots (fixture, dir, "ar", 1080, 1920, weekly, session_id, FALSE);
}

static gint64
register_at (Fixture    *fixture,
             const char *name,
             const char *phone,
             gint64      at)
{
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = lotsen_clock_get_now (fixture->clock);

  lotsen_clock_set_now (fixture->clock, at);
  draft->given_name = g_strdup (name);
  draft->phone = g_strdup (phone);
  draft->consent = TRUE;
  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);
  lotsen_clock_set_now (fixture->clock, now);

  return visitor->id;
}

/* The follow-up list shows who is due, with their phone; staff record an
 * outcome (kind, day, note), see it, correct a wrong day, remove it; and
 * find a participant by part of their name. */
static void
test_outcomes (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 now = lotsen_clock_get_now (fixture->clock);
  gint64 gul = register_at (fixture, "Gul", "070-123 45 67", now - 100 * 24 * 3600);
  gint64 hamid = register_at (fixture, "Hamid", NULL, now - 10 * 24 * 3600);
  g_autofree char *record_gul = g_strdup_printf ("record-%" G_GINT64_FORMAT, gul);
  g_autofree char *record_hamid = g_strdup_printf ("record-%" G_GINT64_FORMAT, hamid);
  g_autofree char *today = lotsen_store_format_local_day (fixture->store, now);
  g_autoptr(GPtrArray) outcomes = NULL;

  lotsen_test_ui_unlock_staff (fixture->window, "2468");
  show_page (fixture, "staff-outcomes");
  find_named (fixture, GTK_TYPE_BUTTON, record_gul);
  g_assert_null (lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), GTK_TYPE_BUTTON, record_hamid));
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the outcomes page");

  click_named (fixture, record_gul);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (fixture, GTK_TYPE_ENTRY, "date"))), ==, today);

  /* Nothing picked: a message, nothing stored. */
  click_named (fixture, "save-outcome");
  assert_shows (fixture, _("Pick what the participant does now."));
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM outcome"), ==, 0);

  /* A day to come is refused and stays typed. */
  lotsen_test_ui_click (find_named (fixture, GTK_TYPE_TOGGLE_BUTTON, "komvux"));
  set_text (fixture, "date", "2999-01-01");
  click_named (fixture, "save-outcome");
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM outcome"), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (fixture, GTK_TYPE_ENTRY, "date"))), ==, "2999-01-01");

  set_text (fixture, "date", today);
  click_named (fixture, "save-outcome");
  outcomes = lotsen_outcome_list (fixture->store, gul, NULL);
  g_assert_cmpuint (outcomes->len, ==, 1);
  g_assert_cmpstr (((LotsenOutcome *) outcomes->pdata[0])->kind, ==, "komvux");
  g_assert_cmpint (((LotsenOutcome *) outcomes->pdata[0])->reported_by, ==, LOTSEN_OUTCOME_BY_STAFF);
  assert_shows (fixture, lotsen_outcome_kind_get_name ("komvux"));
  /* With an outcome, Gul is no longer due. */
  g_assert_null (lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), GTK_TYPE_BUTTON, record_gul));

  click_named (fixture, "remove");
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM outcome"), ==, 0);
  g_assert_cmpint (query_database_int (fixture->path, "SELECT count(*) FROM audit WHERE what LIKE 'outcome%'"), ==, 2);

  /* Found by part of the name. */
  set_text (fixture, "search", "ami");
  click_named (fixture, "find");
  g_assert_nonnull (lotsen_test_ui_find (lotsen_ui_fixture_root (fixture), GTK_TYPE_BUTTON, record_hamid));
}

int
main (int   argc,
      char *argv[])
{
  lotsen_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, lotsen_ui_fixture_tear_down_test)

  ADD ("/staff/create-activity", test_create_activity);
  ADD ("/staff/cancel-session", test_cancel_session);
  ADD ("/staff/attendance", test_attendance);
  ADD ("/staff/outcomes", test_outcomes);
  ADD ("/staff/screenshots", test_screenshots);

#undef ADD

  return g_test_run ();
}
