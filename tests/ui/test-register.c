/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Registering, signing in and walking away, driven through the real
 * widgets: the on-screen keyboard, the choice buttons, the keypad. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <sqlite3.h>

#include "lotsen-demo.h"
#include "lotsen-i18n.h"
#include "lotsen-queue.h"
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

/* A choice on the registration page, by its value. */
static void
choose (Fixture    *fixture,
        const char *value)
{
  GtkWidget *page = lotsen_window_get_page (fixture->window, "register");
  GtkWidget *button = lotsen_test_ui_find (page, GTK_TYPE_TOGGLE_BUTTON, value);

  if (button == NULL)
    g_error ("No choice “%s” on the registration page", value);
  lotsen_test_ui_click (button);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

/* Types on the on-screen keyboard: plain keys, or "consonant>form" for a
 * Ge'ez consonant whose vowel order is picked from its popover. */
static void
type_keys (Fixture            *fixture,
           const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (keys[i], ">", 2);

      if (parts[1] != NULL)
        {
          lotsen_ui_fixture_tap (fixture, "keyboard.vowels", parts[0]);
          lotsen_ui_fixture_tap (fixture, "keyboard.type", parts[1]);
        }
      else
        lotsen_ui_fixture_tap (fixture, "keyboard.type", parts[0]);
    }
}

static GtkEditable *
entry (Fixture *fixture,
       guint    index)
{
  GtkWidget *page = lotsen_window_get_page (fixture->window, "register");
  g_autoptr(GPtrArray) entries = lotsen_test_ui_collect (page, GTK_TYPE_ENTRY);

  g_assert_cmpuint (entries->len, >, index);
  return GTK_EDITABLE (entries->pdata[index]);
}

static int
count_rows (Fixture    *fixture,
            const char *sql)
{
  return query_database_int (fixture->path, sql);
}

/* Whether a screen reader reaches a label that reads @text. */
static gboolean
reaches_label (GtkWidget  *root,
               const char *text)
{
  g_autoptr(GPtrArray) reachable = lotsen_test_ui_collect_reachable (root);

  for (guint i = 0; i < reachable->len; i++)
    if (GTK_IS_LABEL (reachable->pdata[i]) &&
        g_str_equal (gtk_label_get_text (reachable->pdata[i]), text))
      return TRUE;

  return FALSE;
}

/* The whole journey in @language, the name typed on its own keyboard. */
static LotsenVisitor *
register_in (Fixture            *fixture,
             const char         *language,
             const char * const *name_keys,
             const char         *expected_name)
{
  const char * const phone_keys[] = { "0", "7", "0", "1", "2", "3", "4", "5", "6", "7", NULL };
  g_autoptr(GError) error = NULL;
  LotsenVisitor *visitor;

  lotsen_ui_fixture_choose_language (fixture, language);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_assert_page (fixture, "consent");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  lotsen_ui_fixture_assert_page (fixture, "register");

  /* 1: the name, on the language's own keyboard. */
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the consent and name step");
  type_keys (fixture, name_keys);
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 0)), ==, expected_name);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);

  /* 2: birth year and gender. */
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the birth year step");
  choose (fixture, "1990");
  choose (fixture, "1994");
  choose (fixture, "1");   /* LOTSEN_GENDER_WOMAN */
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);

  /* 3: phone on the digit keys, and where the visitor lives. */
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the phone step");
  type_keys (fixture, phone_keys);
  choose (fixture, "Lund");
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);

  /* 4: interests and an interpreter (the site asks no ESF+ questions). */
  g_assert_false (reaches_label (lotsen_ui_fixture_root (fixture), _("What do you do now?")));
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the interests step");
  choose (fixture, "work");
  choose (fixture, "health");
  choose (fixture, language);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);

  /* 5: check, then save. Nothing was stored before this tap. */
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM visitor"), ==, 0);
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the check step");
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  lotsen_ui_fixture_assert_page (fixture, "code");
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the code page");

  visitor = lotsen_visitor_find_by_code (fixture->store, lotsen_visit_get_visitor_code (lotsen_window_get_visit (fixture->window)), &error);
  g_assert_no_error (error);

  /* The code on screen is the one stored. */
  g_assert_nonnull (lotsen_test_ui_find_label (lotsen_ui_fixture_root (fixture), visitor->code));

  return visitor;
}

static void
assert_stored (const LotsenVisitor *visitor,
               const char          *language,
               const char          *given_name)
{
  const char * const interests[] = { "work", "health", NULL };

  g_assert_cmpstr (visitor->given_name, ==, given_name);
  g_assert_null (visitor->family_name);
  g_assert_cmpint (visitor->birth_year, ==, 1994);
  g_assert_cmpint (visitor->gender, ==, LOTSEN_GENDER_WOMAN);
  g_assert_cmpstr (visitor->phone, ==, "+46701234567");
  g_assert_cmpstr (visitor->municipality, ==, "Lund");
  g_assert_cmpstrv (visitor->interests, interests);
  g_assert_cmpstr (visitor->interpreter_lang, ==, language);
  g_assert_cmpstr (visitor->lang, ==, language);
  g_assert_cmpint (visitor->consent_version, ==, LOTSEN_CONSENT_VERSION);
}

static void
test_register_tigrinya (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const keys[] = { "ሰ>ሳ", "በ>ባ", NULL };
  g_autoptr(LotsenVisitor) visitor = register_in (fixture, "ti", keys, "ሳባ");

  assert_stored (visitor, "ti", "ሳባ");
}

static void
test_register_arabic (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const keys[] = { "س", "ل", "م", "ى", NULL };
  g_autoptr(LotsenVisitor) visitor = NULL;
  GtkWidget *page;

  visitor = register_in (fixture, "ar", keys, "سلمى");
  assert_stored (visitor, "ar", "سلمى");

  page = lotsen_window_get_page (fixture->window, "code");
  g_assert_cmpint (gtk_widget_get_direction (page), ==, GTK_TEXT_DIR_RTL);
}

/* A name that a spreadsheet would run: refused, in the visitor's
 * language, and the visitor stays on the step. */
static void
test_register_refuses (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *refused = NULL;

  lotsen_ui_fixture_choose_language (fixture, "uk");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  gtk_editable_set_text (entry (fixture, 0), "=cmd|' /C calc'!A0");
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);

  refused = lotsen_visitor_normalize_name ("=cmd|' /C calc'!A0", -1, TRUE, &error);
  g_assert_null (refused);
  expected = g_strdup (error->message);
  g_assert_nonnull (lotsen_test_ui_find_label (lotsen_ui_fixture_root (fixture), expected));
  lotsen_ui_fixture_assert_page (fixture, "register");
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 0)), ==, "=cmd|' /C calc'!A0");
}

/* Where the site asks the ESF+ questions: one more step, picture tiles
 * a screen reader finds by their names in the visitor's language, one
 * answer each, kept across a change of language, shown on the check
 * step and stored. */
static void
test_register_esf (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const keys[] = { "س", "ل", "م", "ى", NULL };
  const char * const employments[] = { "unemployed", "working", "studying", "inactive", "unstated" };
  GtkWidget *root;
  GtkWidget *page;
  g_autofree char *step = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lotsen_visitor_set_esf_fields (fixture->store, "on", &error));
  g_assert_no_error (error);
  lotsen_ui_fixture_choose_language (fixture, "ar");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  type_keys (fixture, keys);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);

  /* Step 4 of 6, in Arabic. */
  root = lotsen_ui_fixture_root (fixture);
  step = g_strdup_printf (_("Step %u of %u"), 4, 6);
  g_assert_cmpstr (step, !=, "Step 4 of 6");
  g_assert_nonnull (lotsen_test_ui_find_label (root, step));
  g_assert_cmpstr (_("What do you do now?"), !=, "What do you do now?");
  g_assert_true (reaches_label (root, _("What do you do now?")));
  g_assert_true (reaches_label (root, _("How long did you go to school?")));
  /* Only this step: the next one's question is not there yet. */
  g_assert_false (reaches_label (root, _("What would you like help with? Tap all that fit.")));
  lotsen_test_ui_assert_touch (root, "the ESF+ step");
  lotsen_test_ui_assert_reach_is_screen (root, "the ESF+ step");

  /* Every answer a tile with its name in Arabic. */
  page = lotsen_window_get_page (fixture->window, "register");
  for (guint i = 0; i < G_N_ELEMENTS (employments); i++)
    g_assert_nonnull (lotsen_test_ui_find (page, GTK_TYPE_TOGGLE_BUTTON, employments[i]));
  g_assert_null (gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (lotsen_test_ui_find (page, GTK_TYPE_TOGGLE_BUTTON, "unemployed")),
    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Looking for work")));
  g_assert_null (gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (lotsen_test_ui_find (page, GTK_TYPE_TOGGLE_BUTTON, "post_secondary")),
    GTK_ACCESSIBLE_PROPERTY_LABEL, _("University or college")));

  /* One answer a question: a second tap on another moves it. */
  choose (fixture, "studying");
  choose (fixture, "unemployed");
  choose (fixture, "post_secondary");
  page = lotsen_window_get_page (fixture->window, "register");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (lotsen_test_ui_find (page, GTK_TYPE_TOGGLE_BUTTON,
                                                                                         "studying"))));

  /* Another language: the answers stay. */
  lotsen_ui_fixture_choose_language (fixture, "ti");
  lotsen_ui_fixture_assert_page (fixture, "register");
  page = lotsen_window_get_page (fixture->window, "register");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (lotsen_test_ui_find (page, GTK_TYPE_TOGGLE_BUTTON,
                                                                                        "unemployed"))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (lotsen_test_ui_find (page, GTK_TYPE_TOGGLE_BUTTON,
                                                                                        "post_secondary"))));

  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  /* The check step repeats both answers, in Tigrinya. */
  root = lotsen_ui_fixture_root (fixture);
  g_assert_cmpstr (_("Looking for work"), !=, "Looking for work");
  g_assert_true (lotsen_test_ui_holds_text (root, _("Looking for work")));
  g_assert_true (lotsen_test_ui_holds_text (root, _("University or college")));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM visitor"), ==, 0);

  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  lotsen_ui_fixture_assert_page (fixture, "code");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM visitor WHERE employment = 'unemployed' "
                                        "AND education = 'post_secondary' AND lang = 'ti'"), ==, 1);
}

/* The language changes mid-flow: nothing typed or chosen is lost. */
static void
test_register_language_switch (Fixture       *fixture,
                               gconstpointer  data)
{
  const char * const keys[] = { "a", "n", "n", "a", NULL };  /* after Shift: "Anna" */

  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  lotsen_ui_fixture_tap (fixture, "keyboard.shift", NULL);
  type_keys (fixture, keys);
  lotsen_ui_fixture_choose_language (fixture, "fa");
  lotsen_ui_fixture_assert_page (fixture, "register");
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 0)), ==, "Anna");

  lotsen_ui_fixture_tap (fixture, "register.next", NULL);
  choose (fixture, "1980");
  choose (fixture, "1985");
  lotsen_ui_fixture_choose_language (fixture, "ti");
  {
    GtkWidget *page = lotsen_window_get_page (fixture->window, "register");
    GtkWidget *year = lotsen_test_ui_find (page, GTK_TYPE_TOGGLE_BUTTON, "1985");

    g_assert_nonnull (year);
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (year)));
  }

  lotsen_ui_fixture_tap (fixture, "register.back", NULL);
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 0)), ==, "Anna");
}

static void
test_decline (Fixture       *fixture,
              gconstpointer  data)
{
  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_tap (fixture, "win.decline-consent", NULL);
  lotsen_ui_fixture_assert_page (fixture, "welcome");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM visitor"), ==, 0);
}

/* WCAG 2.2.1: a warning that can be answered, then a clean screen. */
static void
test_walk_away (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const keys[] = { "ሰ>ሳ", "በ>ባ", NULL };

  lotsen_ui_fixture_choose_language (fixture, "ti");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  type_keys (fixture, keys);
  gtk_editable_set_text (entry (fixture, 1), "Zelda");
  g_assert_true (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "ሳባ"));

  /* Still there: the warning comes, the visitor answers, nothing is lost. */
  lotsen_window_show_idle_warning (fixture->window);
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));
  g_assert_nonnull (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.still-here", NULL));
  lotsen_test_ui_assert_touch (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.still-here", NULL),
                               "the idle warning");
  lotsen_ui_fixture_tap (fixture, "win.still-here", NULL);
  g_assert_null (lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.still-here", NULL));
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 1)), ==, "Zelda");

  /* Gone: past the timeout, everything is wiped. */
  lotsen_clock_advance (fixture->clock, 91);
  lotsen_test_ui_wait (lotsen_ui_fixture_root (fixture));

  lotsen_ui_fixture_assert_page (fixture, "welcome");
  g_assert_cmpstr (lotsen_window_get_language (fixture->window), ==, LOTSEN_DEFAULT_LANGUAGE);
  g_assert_false (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "ሳባ"));
  g_assert_false (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "Zelda"));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM visitor"), ==, 0);

  /* A new visitor starts an empty form. */
  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 0)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 1)), ==, "");
}

static LotsenVisitor *
registered_visitor (Fixture *fixture)
{
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(GError) error = NULL;
  LotsenVisitor *visitor;

  draft->given_name = g_strdup ("Amina");
  draft->family_name = g_strdup ("Said");
  draft->consent = TRUE;
  visitor = lotsen_visitor_register (fixture->store, draft, &error);
  g_assert_no_error (error);

  return visitor;
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
}

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LotsenVisitor) visitor = registered_visitor (fixture);
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autofree char *greeting = NULL;

  lotsen_ui_fixture_choose_language (fixture, "so");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "sign-in");
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the sign-in page");
  type_code (fixture, visitor->code);
  lotsen_ui_fixture_tap (fixture, "win.sign-in", NULL);
  lotsen_ui_fixture_assert_page (fixture, "visitor");
  lotsen_test_ui_assert_touch (lotsen_ui_fixture_root (fixture), "the welcome-back page");

  /* Only initials on screen, never the name. */
  greeting = g_strdup_printf (_("Welcome back, %s!"), "A… S…");
  g_assert_nonnull (lotsen_test_ui_find_label (lotsen_ui_fixture_root (fixture), greeting));
  g_assert_false (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "Amina"));

  /* A ticket taken now is theirs. */
  lotsen_ui_fixture_tap (fixture, "win.show-page", "queue");
  lotsen_ui_fixture_tap (fixture, "win.take-ticket", "B");
  ticket = lotsen_queue_find_ticket (fixture->store, "B001", NULL);
  g_assert_cmpint (ticket->visitor_id, ==, visitor->id);
}

static void
test_wrong_codes_pause (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LotsenVisitor) visitor = registered_visitor (fixture);
  GtkWidget *key;

  lotsen_ui_fixture_tap (fixture, "win.show-page", "sign-in");
  for (int i = 0; i < LOTSEN_CODE_GATE_TRIES; i++)
    {
      type_code (fixture, "XXXX");
      lotsen_ui_fixture_tap (fixture, "win.sign-in", NULL);
      lotsen_ui_fixture_assert_page (fixture, "sign-in");
    }

  /* The keypad rests: even the right code cannot be typed now. */
  key = lotsen_test_ui_find_action (lotsen_ui_fixture_root (fixture), "win.code-key", "A");
  g_assert_false (gtk_widget_is_sensitive (key));

  lotsen_clock_advance (fixture->clock, LOTSEN_CODE_GATE_PAUSE_SECS);
  lotsen_ui_fixture_tap (fixture, "win.go-home", NULL);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "sign-in");
  type_code (fixture, visitor->code);
  lotsen_ui_fixture_tap (fixture, "win.sign-in", NULL);
  lotsen_ui_fixture_assert_page (fixture, "visitor");
}

/* A new consent text: the returning visitor is asked again. */
static void
test_consent_renewal (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LotsenVisitor) visitor = registered_visitor (fixture);
  g_autoptr(LotsenVisitor) renewed = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE visitor SET consent_version = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  lotsen_ui_fixture_tap (fixture, "win.show-page", "sign-in");
  type_code (fixture, visitor->code);
  lotsen_ui_fixture_tap (fixture, "win.sign-in", NULL);
  lotsen_ui_fixture_assert_page (fixture, "consent");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  lotsen_ui_fixture_assert_page (fixture, "visitor");

  renewed = lotsen_visitor_find_by_code (fixture->store, visitor->code, NULL);
  g_assert_cmpint (renewed->consent_version, ==, LOTSEN_CONSENT_VERSION);
}

/* A half-filled form left for another screen comes back as it was; once
 * dropped (here by declining a new consent text), it is gone for good. */
static void
test_abandoned_form (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LotsenVisitor) visitor = registered_visitor (fixture);
  sqlite3 *db = NULL;

  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  gtk_editable_set_text (entry (fixture, 0), "Berit");
  lotsen_ui_fixture_tap (fixture, "win.show-page", "staff");
  lotsen_ui_fixture_tap (fixture, "win.go-home", NULL);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_assert_page (fixture, "register");
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 0)), ==, "Berit");

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE visitor SET consent_version = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  lotsen_ui_fixture_tap (fixture, "win.show-page", "staff");
  lotsen_ui_fixture_tap (fixture, "win.go-home", NULL);
  lotsen_ui_fixture_tap (fixture, "win.show-page", "sign-in");
  type_code (fixture, visitor->code);
  lotsen_ui_fixture_tap (fixture, "win.sign-in", NULL);
  lotsen_ui_fixture_assert_page (fixture, "consent");
  lotsen_ui_fixture_tap (fixture, "win.decline-consent", NULL);
  lotsen_ui_fixture_assert_page (fixture, "welcome");
  g_assert_false (lotsen_test_ui_holds_text (lotsen_ui_fixture_root (fixture), "Berit"));

  lotsen_ui_fixture_tap (fixture, "win.show-page", "register");
  lotsen_ui_fixture_assert_page (fixture, "consent");
  lotsen_ui_fixture_tap (fixture, "win.accept-consent", NULL);
  g_assert_cmpstr (gtk_editable_get_text (entry (fixture, 0)), ==, "");
  gtk_editable_set_text (entry (fixture, 0), "Cecilia");
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM visitor"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  lotsen_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, lotsen_ui_fixture_tear_down_test)

  ADD ("/register/tigrinya", test_register_tigrinya);
  ADD ("/register/arabic", test_register_arabic);
  ADD ("/register/refuses", test_register_refuses);
  ADD ("/register/language-switch", test_register_language_switch);
  ADD ("/register/esf", test_register_esf);
  ADD ("/register/decline", test_decline);
  ADD ("/register/walk-away", test_walk_away);
  ADD ("/register/sign-in", test_sign_in);
  ADD ("/register/wrong-codes-pause", test_wrong_codes_pause);
  ADD ("/register/consent-renewal", test_consent_renewal);
  ADD ("/register/abandoned-form", test_abandoned_form);

#undef ADD

  return g_test_run ();
}
