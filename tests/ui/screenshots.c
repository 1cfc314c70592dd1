/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screenshots — renders every kiosk screen in every language to PNG.
 *
 *   screenshots OUTPUT-DIR [WIDTHxHEIGHT]
 *
 * Run under Xvfb (build-aux/screenshots.sh does that).  Each file is
 * OUTPUT-DIR/<language>-<screen>.png.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "lotsen-activity.h"
#include "lotsen-demo.h"
#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-queue.h"
#include "lotsen-staff.h"
#include "lotsen-test-ui.h"
#include "lotsen-visitor.h"
#include "lotsen-window.h"

static void
shoot (LotsenWindow *window,
       const char   *dir,
       const char   *screen)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%s.png", lotsen_i18n_get_language (), screen);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  lotsen_test_ui_wait (GTK_WIDGET (window));
  if (!lotsen_test_ui_save_png (GTK_WIDGET (window), path, &error))
    g_printerr ("%s\n", error->message);
  else
    g_print ("%s\n", path);
}

static void
click (LotsenWindow *window,
       const char   *action,
       const char   *target)
{
  lotsen_test_ui_tap (GTK_WIDGET (window), action, target);
}

/* A choice button on the registration page, by its value. */
static void
click_named (LotsenWindow *window,
             const char   *name)
{
  GtkWidget *page = lotsen_window_get_page (window, "register");
  GtkWidget *button = lotsen_test_ui_find (page, GTK_TYPE_TOGGLE_BUTTON, name);

  if (button == NULL)
    g_error ("No choice “%s” on the %s page", name, lotsen_window_get_page_name (window));
  lotsen_test_ui_click (button);
}

/* A name in the language's own script, as the keyboard would type it. */
static void
type_name (LotsenWindow *window,
           const char   *language)
{
  const struct { const char *code; const char *given; const char *family; } names[] = {
    { "sv", "Åsa", "Lindqvist" }, { "en", "Grace", "Okafor" }, { "ar", "محمد", "الأحمد" },
    { "fa", "مهسا", "رضایی" }, { "ti", "ሳባ", "ተስፋይ" }, { "so", "Hodan", "Warsame" },
    { "uk", "Олена", "Шевченко" }, { "prs", "فرشته", "احمدی" }, { "ps", "ملالۍ", "یوسفزۍ" },
    { "ckb", "ئاراس", "محەمەد" }, { "kmr", "Şêrîn", "Baran" }, { "ru", "Ирина", "Смирнова" },
  };
  g_autoptr(GPtrArray) entries = lotsen_test_ui_collect (GTK_WIDGET (window), GTK_TYPE_ENTRY);
  const LotsenLanguage *found = lotsen_i18n_lookup (language);
  /* A language added later: a name in the script of its keyboard, or a Latin one. */
  const char *given = "Sam", *family = "Lind";

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].code, language) ||
        (found != NULL && g_str_equal (names[i].code, found->keyboard) && g_str_equal (given, "Sam")))
      {
        given = names[i].given;
        family = names[i].family;
      }

  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), given);
  /* The sign-up asks for the first name only. */
  if (entries->len > 1)
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), family);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db = NULL;
  const LotsenLanguage *languages;
  g_autofree char *work_session = NULL;
  g_autofree char *cafe_session = NULL;
  GPtrArray *sessions;
  const char *dir;
  int width = 1920, height = 1080;
  guint n_languages;
  const char *only;
  g_auto(GStrv) only_codes = NULL;
  gboolean pin_set = FALSE;

  lotsen_test_ui_init (&argc, &argv);

  if (argc < 2)
    {
      g_printerr ("usage: screenshots OUTPUT-DIR [WIDTHxHEIGHT]\n");
      return 2;
    }
  dir = argv[1];
  if (argc > 2 && sscanf (argv[2], "%dx%d", &width, &height) != 2)
    {
      g_printerr ("screenshots: size must look like 1920x1080\n");
      return 2;
    }
  g_mkdir_with_parents (dir, 0755);

  tmpdir = g_dir_make_tmp ("lotsen-shots-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmpdir, "lotsen.db", NULL);
  store = lotsen_store_open (db, NULL, &error);
  g_assert_no_error (error);
  lotsen_demo_seed (store, &error);
  g_assert_no_error (error);
  /* Every screen a visitor can meet: the ESF+ questions too. */
  lotsen_visitor_set_esf_fields (store, "on", &error);
  g_assert_no_error (error);

  /* A queue, so the ticket screen shows people ahead and a wait. */
  for (int i = 0; i < 4; i++)
    lotsen_ticket_free (lotsen_queue_take_ticket (store, "A", NULL, NULL));
  lotsen_ticket_free (lotsen_queue_take_ticket (store, "B", "ti", NULL));

  /* The first coming job coaching and language café, to tap. */
  sessions = lotsen_activity_list_sessions (store, g_get_real_time () / G_USEC_PER_SEC, G_MAXINT64,
                                            "sv", "work", FALSE, &error);
  g_assert_no_error (error);
  work_session = g_strdup_printf ("%" G_GINT64_FORMAT, ((LotsenSession *) sessions->pdata[0])->id);
  g_ptr_array_unref (sessions);
  sessions = lotsen_activity_list_sessions (store, g_get_real_time () / G_USEC_PER_SEC, G_MAXINT64,
                                            "sv", "language", FALSE, &error);
  g_assert_no_error (error);
  cafe_session = g_strdup_printf ("%" G_GINT64_FORMAT, ((LotsenSession *) sessions->pdata[0])->id);
  g_ptr_array_unref (sessions);

  /* Every language the kiosk offers, or those LOTSEN_SCREENSHOT_LANGUAGES
   * lists ("sv ar ti"). */
  only = g_getenv ("LOTSEN_SCREENSHOT_LANGUAGES");
  only_codes = only != NULL && *only != '\0' ? g_strsplit_set (only, " ,", -1) : NULL;
  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      LotsenWindow *window;
      LotsenWindow *broken;
      g_autofree char *code = NULL;

      if (only_codes != NULL && !g_strv_contains ((const char * const *) only_codes, languages[i].code))
        continue;

      window = lotsen_window_new (NULL, store, NULL, NULL);

      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      gtk_window_present (GTK_WINDOW (window));
      lotsen_window_set_language (window, languages[i].code);

      shoot (window, dir, "1-welcome");
      click (window, "win.show-page", "activities");
      shoot (window, dir, "2-whats-on");
      click (window, "win.go-home", NULL);
      click (window, "win.show-page", "queue");
      shoot (window, dir, "3-queue");
      click (window, "win.choose-language", NULL);
      shoot (window, dir, "3-language-choice");
      click (window, "win.close-languages", NULL);
      click (window, "win.take-ticket", "A");
      shoot (window, dir, "4-ticket");
      click (window, "ticket.choose-interpreter", NULL);
      shoot (window, dir, "5-ticket-interpreter-choose");
      click (window, "win.set-interpreter", "ti");
      shoot (window, dir, "6-ticket-interpreter-chosen");
      click (window, "win.show-page", "staff");
      shoot (window, dir, "7-staff-pin");
      lotsen_test_ui_type_pin (GTK_WIDGET (window), !pin_set ? LOTSEN_STAFF_DEMO_PIN : "2468");
      if (!pin_set)
        {
          pin_set = TRUE;
          lotsen_test_ui_type_pin (GTK_WIDGET (window), "2468");
          lotsen_test_ui_type_pin (GTK_WIDGET (window), "2468");
        }
      shoot (window, dir, "7-staff");
      click (window, "win.show-page", "staff-outcomes");
      shoot (window, dir, "7-staff-outcomes");
      click (window, "win.show-page", "staff");

      /* Registration, step by step. */
      click (window, "win.go-home", NULL);
      click (window, "win.show-page", "register");
      shoot (window, dir, "9-consent");
      click (window, "win.accept-consent", NULL);
      type_name (window, languages[i].code);
      shoot (window, dir, "10-register-name");
      click (window, "register.next", NULL);
      click_named (window, "1990");
      click_named (window, "1994");
      click_named (window, "1");
      shoot (window, dir, "11-register-about");
      click (window, "register.next", NULL);
      click_named (window, "Lund");
      shoot (window, dir, "12-register-contact");
      click (window, "register.next", NULL);
      click_named (window, "unemployed");
      click_named (window, "upper_secondary");
      shoot (window, dir, "12-register-esf");
      click (window, "register.next", NULL);
      click_named (window, "work");
      click_named (window, "swedish");
      /* An interpreter in the visitor's language; a Swedish speaker needs none. */
      if (lotsen_interpreter_lookup (languages[i].code) != NULL)
        click_named (window, languages[i].code);
      shoot (window, dir, "13-register-interests");
      click (window, "register.next", NULL);
      shoot (window, dir, "14-register-check");
      click (window, "register.next", NULL);
      shoot (window, dir, "15-code");
      code = g_strdup (lotsen_visit_get_visitor_code (lotsen_window_get_visit (window)));
      /* What a registered visitor is asked months after their first visit. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "outcome-question");
      lotsen_test_ui_wait (GTK_WIDGET (window));
      shoot (window, dir, "15-outcome-question");
      click (window, "win.answer-outcome", "skip");

      /* A returning visitor. */
      click (window, "win.finish-visit", NULL);
      lotsen_window_set_language (window, languages[i].code);
      click (window, "win.show-page", "sign-in");
      click (window, "win.code-key", "A");
      shoot (window, dir, "16-sign-in");
      click (window, "win.code-delete", NULL);
      for (const char *c = code; *c != '\0'; c++)
        {
          char key[2] = { *c, '\0' };
          click (window, "win.code-key", key);
        }
      click (window, "win.sign-in", NULL);
      shoot (window, dir, "17-welcome-back");
      g_clear_pointer (&code, g_free);

      /* Signing up, with the code: job coaching fills up after four. */
      click (window, "win.show-page", "activities");
      click (window, "win.category", "work");
      shoot (window, dir, "20-whats-on-work");
      click (window, "win.choose-session", work_session);
      shoot (window, dir, "21-signup-how-many");
      click (window, "win.sign-up", NULL);
      shoot (window, dir, "22-signup-done");
      click (window, "win.show-page", "my-signups");
      shoot (window, dir, "23-my-signups");
      click (window, "win.cancel-signup", NULL);
      shoot (window, dir, "24-my-signups-cancel");
      click (window, "win.keep-signup", NULL);

      /* And without a code. */
      click (window, "win.finish-visit", NULL);
      lotsen_window_set_language (window, languages[i].code);
      click (window, "win.show-page", "activities");
      click (window, "win.choose-session", cafe_session);
      shoot (window, dir, "25-signup-how");
      click (window, "signup.by-phone", NULL);
      type_name (window, languages[i].code);
      shoot (window, dir, "26-signup-name");
      click (window, "signup.next", NULL);
      {
        g_autoptr(GPtrArray) entries = lotsen_test_ui_collect (GTK_WIDGET (window), GTK_TYPE_ENTRY);
        /* A number of its own per language: the same one twice is refused. */
        g_autofree char *phone = g_strdup_printf ("070-123 45 %02u", i);

        gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), phone);
      }
      shoot (window, dir, "27-signup-phone");
      click (window, "signup.next", NULL);
      click (window, "win.sign-up", NULL);
      shoot (window, dir, "28-signup-done-by-phone");

      /* Wrong codes, then the pause. */
      click (window, "win.finish-visit", NULL);
      lotsen_window_set_language (window, languages[i].code);
      click (window, "win.show-page", "sign-in");
      for (int w = 0; w < 5; w++)
        {
          for (int k = 0; k < 4; k++)
            click (window, "win.code-key", "X");
          click (window, "win.sign-in", NULL);
        }
      shoot (window, dir, "18-sign-in-paused");

      /* Walking away. */
      lotsen_window_show_idle_warning (window);
      shoot (window, dir, "19-still-there");

      gtk_window_destroy (GTK_WINDOW (window));

      /* The kiosk logs the reason for staff, as a warning. */
      g_test_expect_message ("lotsen-window", G_LOG_LEVEL_WARNING, "Out of order:*");
      broken = lotsen_window_new (NULL, NULL, "The database /srv/lotsen/lotsen.db cannot be opened: unable to open database file", NULL);
      g_test_assert_expected_messages ();
      gtk_window_set_default_size (GTK_WINDOW (broken), width, height);
      gtk_window_present (GTK_WINDOW (broken));
      lotsen_window_set_language (broken, languages[i].code);
      shoot (broken, dir, "8-out-of-order");
      gtk_window_destroy (GTK_WINDOW (broken));
    }

  g_unlink (db);
  return 0;
}
