/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The staff's export page, driven through its buttons: pick what, format,
 * period and folder, tap Export, then check the file, the screen and the
 * audit table; and a folder that cannot be written, which must show a
 * clear message and leave nothing behind.
 *
 * LOTSEN_TEST_FULL_FOLDER and LOTSEN_TEST_READONLY_FOLDER, when set, name
 * a folder on a full and on a read-only file system for two more cases;
 * LOTSEN_STAFF_SCREENSHOTS names a folder for pictures of the page. */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <sqlite3.h>
#include <string.h>

#include "lotsen-demo.h"
#include "lotsen-export-page.h"
#include "lotsen-i18n.h"
#include "lotsen-staff.h"
#include "lotsen-test-core.h"
#include "lotsen-test-ui.h"
#include "lotsen-visitor.h"
#include "lotsen-window.h"

#define BOM "\xEF\xBB\xBF"

/* A kiosk window and a folder that stands for a USB stick. */
typedef struct
{
  LotsenUiFixture ui;
  char           *out;
  LotsenVisitor  *visitor;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();

  lotsen_ui_fixture_set_up (&fixture->ui, TRUE, 1600, 1000);
  fixture->out = g_dir_make_tmp ("lotsen-stick-XXXXXX", &error);
  g_assert_no_error (error);
  /* The demo PIN changed already (test-window.c walks through that). */
  g_assert_true (lotsen_staff_set_pin (fixture->ui.store, "2468", &error));
  g_assert_no_error (error);

  /* Someone who registered this month (TEST_NOW is 2026-11-25). */
  draft->lang = g_strdup ("ar");
  draft->given_name = g_strdup ("Amina");
  draft->family_name = g_strdup ("Export-Testsson");
  draft->birth_year = 1990;
  draft->consent = TRUE;
  fixture->visitor = lotsen_visitor_register (fixture->ui.store, draft, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  lotsen_ui_fixture_tear_down (&fixture->ui);
  lotsen_visitor_free (fixture->visitor);
  remove_tree (fixture->out);
  g_free (fixture->out);
}

static GtkWidget *
root (Fixture *fixture)
{
  return GTK_WIDGET (fixture->ui.window);
}

static void
tap (Fixture    *fixture,
     const char *action,
     const char *target)
{
  lotsen_test_ui_tap (root (fixture), action, target);
}

/* Staff mode with its PIN, then its export tile. */
static LotsenExportPage *
open_export_page (Fixture *fixture)
{
  GtkWidget *page;

  tap (fixture, "win.show-page", "staff");
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->ui.window), ==, "staff-pin");
  lotsen_test_ui_type_pin (root (fixture), "2468");
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->ui.window), ==, "staff");

  tap (fixture, "win.show-page", "staff-export");
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->ui.window), ==, "staff-export");
  page = lotsen_window_get_page (fixture->ui.window, "staff-export");
  g_assert_true (LOTSEN_IS_EXPORT_PAGE (page));
  g_assert_true (gtk_widget_is_drawable (page));

  /* A staff screen: no language bar. */
  g_assert_null (lotsen_test_ui_find_action (root (fixture), "win.language", NULL));

  return LOTSEN_EXPORT_PAGE (page);
}

typedef struct
{
  LotsenExportPage *page;
  gboolean          was_busy;
  gboolean          export_sensitive_while_busy;
  gboolean          choices_sensitive_while_busy;
  gboolean          spinner_shown_while_busy;
} BusyWatch;

static void
busy_cb (LotsenExportPage *page,
         GParamSpec       *pspec,
         BusyWatch        *watch)
{
  GtkWidget *run, *choice, *spinner;

  if (!lotsen_export_page_is_busy (page))
    return;

  run = lotsen_test_ui_find_action (GTK_WIDGET (page), "export.run", NULL);
  choice = lotsen_test_ui_find_action (GTK_WIDGET (page), "export.dataset", "tickets");
  spinner = lotsen_test_ui_find (GTK_WIDGET (page), GTK_TYPE_SPINNER, NULL);
  watch->was_busy = TRUE;
  watch->export_sensitive_while_busy = gtk_widget_is_sensitive (run);
  watch->choices_sensitive_while_busy = gtk_widget_is_sensitive (choice);
  watch->spinner_shown_while_busy = spinner != NULL && gtk_spinner_get_spinning (GTK_SPINNER (spinner)) &&
                                    lotsen_test_ui_find_label (GTK_WIDGET (page), _("Exporting…")) != NULL;
}

/* Taps Export and runs the main loop until the file is written or not. */
static void
run_export (Fixture          *fixture,
            LotsenExportPage *page)
{
  BusyWatch watch = { page };
  gulong id = g_signal_connect (page, "notify::busy", G_CALLBACK (busy_cb), &watch);

  tap (fixture, "export.run", NULL);
  while (lotsen_export_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
  lotsen_test_ui_wait (root (fixture));
  g_signal_handler_disconnect (page, id);

  /* While it ran, nothing could be changed or started twice. */
  g_assert_true (watch.was_busy);
  g_assert_false (watch.export_sensitive_while_busy);
  g_assert_false (watch.choices_sensitive_while_busy);
  g_assert_true (watch.spinner_shown_while_busy);
  g_assert_null (lotsen_test_ui_find (GTK_WIDGET (page), GTK_TYPE_SPINNER, NULL));
  g_assert_true (gtk_widget_is_sensitive (lotsen_test_ui_find_action (GTK_WIDGET (page), "export.run", NULL)));
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return query_database_int (fixture->ui.path, sql);
}

static gint64
count_audits (Fixture    *fixture,
              const char *detail)
{
  char *sql;
  gint64 count;

  if (detail == NULL)
    return query_int (fixture, "SELECT count (*) FROM audit WHERE what = 'export'");

  sql = sqlite3_mprintf ("SELECT count (*) FROM audit WHERE what = 'export' AND detail = %Q AND at = %d",
                         detail, TEST_NOW);
  count = query_int (fixture, sql);
  sqlite3_free (sql);
  return count;
}

static void
assert_shows (GtkWidget  *page,
              const char *text)
{
  if (lotsen_test_ui_find_label (page, text) == NULL)
    g_error ("The export page does not show “%s”", text);
}

/* A file's name on screen: whole, read from left to right in any language. */
static void
assert_shows_path (GtkWidget  *page,
                   const char *path)
{
  g_autofree char *isolated = g_strconcat ("\u2066", path, "\u2069", NULL);

  assert_shows (page, isolated);
}

/* The card that says how the last export went, when on screen. */
static gboolean
shows_card (GtkWidget  *page,
            const char *name,
            const char *icon_name)
{
  GtkWidget *card = lotsen_test_ui_find (page, GTK_TYPE_BOX, name);
  g_autoptr(GPtrArray) images = NULL;

  if (card == NULL)
    return FALSE;

  images = lotsen_test_ui_collect (card, GTK_TYPE_IMAGE);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_cmpstr (gtk_image_get_icon_name (images->pdata[0]), ==, icon_name);
  return TRUE;
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  const char *dir = g_getenv ("LOTSEN_STAFF_SCREENSHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;

  file = g_strdup_printf ("export-%s-%s.png", name, lotsen_window_get_language (fixture->ui.window));
  path = g_build_filename (dir, file, NULL);
  lotsen_test_ui_wait (root (fixture));
  g_assert_true (lotsen_test_ui_save_png (root (fixture), path, &error));
  g_assert_no_error (error);
}

/* Picks with the choice buttons as staff would, and checks each stays
 * pressed. */
static void
choose (Fixture          *fixture,
        LotsenExportPage *page,
        const char       *dataset,
        const char       *format,
        const char       *period)
{
  const struct { const char *action; const char *target; } picks[] = {
    { "export.dataset", dataset }, { "export.format", format }, { "export.period", period },
  };

  for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
    {
      GtkWidget *button;

      tap (fixture, picks[i].action, picks[i].target);
      button = lotsen_test_ui_find_action (GTK_WIDGET (page), picks[i].action, picks[i].target);
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
    }
}

/* Visitors as CSV for this month: the file, its rows, the screen, the
 * audit; again, beside it, never over it. */
static void
test_visitors_csv (Fixture       *fixture,
                   gconstpointer  data)
{
  LotsenExportPage *page = open_export_page (fixture);
  g_autofree char *expected = g_build_filename (fixture->out, "lotsen-visitors-2026-11.csv", NULL);
  g_autofree char *second = g_build_filename (fixture->out, "lotsen-visitors-2026-11 (2).csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *first_contents = NULL;
  g_autofree char *row = NULL;
  g_autofree char *rows_text = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 n_visitors;

  /* Nothing to write to yet: Export waits for a folder. */
  g_assert_null (lotsen_export_page_get_folder (page));
  assert_shows (GTK_WIDGET (page), _("Put in a USB stick, or choose a folder."));
  g_assert_false (gtk_widget_is_sensitive (lotsen_test_ui_find_action (GTK_WIDGET (page), "export.run", NULL)));
  lotsen_test_ui_assert_touch (GTK_WIDGET (page), "the export page");
  screenshot (fixture, "idle");

  choose (fixture, page, "visitors", "csv", "this-month");
  lotsen_export_page_set_folder (page, fixture->out);
  lotsen_test_ui_wait (root (fixture));
  run_export (fixture, page);

  /* The file, named after what, when and the month. */
  g_assert_true (g_file_get_contents (expected, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, BOM "kiosk_id;uuid;code;created_at;lang;given_name;family_name;"));
  row = g_strdup_printf (";%s;%s;", fixture->visitor->uuid, fixture->visitor->code);
  g_assert_nonnull (strstr (contents, row));
  g_assert_nonnull (strstr (contents, ";Amina;Export-Testsson;1990;"));

  /* The screen says where it went and how many rows. */
  start = g_date_time_new (lotsen_store_get_timezone (fixture->ui.store), 2026, 11, 1, 0, 0, 0);
  end = g_date_time_add_months (start, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM visitor WHERE created_at >= %" G_GINT64_FORMAT
                                            " AND created_at < %" G_GINT64_FORMAT,
                                            g_date_time_to_unix (start), g_date_time_to_unix (end));

    n_visitors = query_int (fixture, sql);
  }
  g_assert_cmpint (n_visitors, >=, 1);
  rows_text = g_strdup_printf (ngettext ("%lu row", "%lu rows", (gulong) n_visitors), (gulong) n_visitors);
  assert_shows_path (GTK_WIDGET (page), expected);
  assert_shows (GTK_WIDGET (page), rows_text);
  g_assert_true (shows_card (GTK_WIDGET (page), "export-done", "lotsen-done-symbolic"));
  g_assert_false (shows_card (GTK_WIDGET (page), "export-error", "lotsen-warning-symbolic"));

  /* The audit: one record of this file. */
  detail = g_strdup_printf ("visitors csv %s rows=%" G_GINT64_FORMAT " from=%" G_GINT64_FORMAT " to=%" G_GINT64_FORMAT,
                            expected, n_visitors, g_date_time_to_unix (start), g_date_time_to_unix (end));
  g_assert_cmpint (count_audits (fixture, detail), ==, 1);
  lotsen_test_ui_assert_touch (GTK_WIDGET (page), "the export page, after an export");
  screenshot (fixture, "done");

  /* Once more: a second file beside the first, which stays as it was. */
  run_export (fixture, page);
  g_assert_true (g_file_get_contents (expected, &first_contents, NULL, NULL));
  g_assert_cmpstr (first_contents, ==, contents);
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  assert_shows_path (GTK_WIDGET (page), second);
  listing = list_folder (fixture->out, NULL);
  g_assert_cmpstr (listing, ==, "lotsen-visitors-2026-11 (2).csv lotsen-visitors-2026-11.csv");
  g_assert_cmpint (count_audits (fixture, NULL), ==, 2);
}

/* Without the staff PIN the page is not there, even when asked for by
 * name; with it, only the formats a data set can be written in are
 * offered; leaving staff mode locks the page again. */
static void
test_locked_and_formats (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct { const char *dataset; const char *shown; } cases[] = {
    { "visitors", "csv xlsx jsonl" },
    { "signups", "csv xlsx jsonl" },
    { "tickets", "csv xlsx jsonl" },
    { "activities", "csv xlsx jsonl ics" },
    { "all", "xlsx" },
    { "report", "csv xlsx pdf" },
  };
  static const char * const every[] = { "csv", "xlsx", "jsonl", "ics", "pdf" };
  LotsenExportPage *page;

  gtk_widget_activate_action (root (fixture), "win.show-page", "s", "staff-export");
  lotsen_test_ui_wait (root (fixture));
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->ui.window), ==, "staff-pin");
  g_assert_null (lotsen_window_get_page (fixture->ui.window, "staff-export"));
  tap (fixture, "win.go-home", NULL);

  page = open_export_page (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) shown = g_strsplit (cases[i].shown, " ", -1);
      g_autofree char *format = NULL;

      tap (fixture, "export.dataset", cases[i].dataset);
      for (guint j = 0; j < G_N_ELEMENTS (every); j++)
        {
          gboolean offered = lotsen_test_ui_find_action (GTK_WIDGET (page), "export.format", every[j]) != NULL;

          if (offered != g_strv_contains ((const char * const *) shown, every[j]))
            g_error ("%s: the format %s is %s", cases[i].dataset, every[j], offered ? "offered" : "missing");
        }

      /* The chosen format is always one of them. */
      g_object_get (page, "format", &format, NULL);
      g_assert_true (g_strv_contains ((const char * const *) shown, format));
    }

  /* The report counts a period: "everything" is not offered for it. */
  g_assert_null (lotsen_test_ui_find_action (GTK_WIDGET (page), "export.period", "all"));
  tap (fixture, "export.dataset", "signups");
  g_assert_nonnull (lotsen_test_ui_find_action (GTK_WIDGET (page), "export.period", "all"));

  /* Back to the staff panel, then out: the page is locked again. */
  tap (fixture, "win.show-page", "staff");
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->ui.window), ==, "staff");
  tap (fixture, "win.go-home", NULL);
  gtk_widget_activate_action (root (fixture), "win.show-page", "s", "staff-export");
  lotsen_test_ui_wait (root (fixture));
  g_assert_cmpstr (lotsen_window_get_page_name (fixture->ui.window), ==, "staff-pin");
}

/* The funder report for this year as a PDF; everything of last year in
 * one workbook; sign-ups of all time as JSON lines. */
static void
test_report_workbook_jsonl (Fixture       *fixture,
                            gconstpointer  data)
{
  LotsenExportPage *page = open_export_page (fixture);
  g_autofree char *expected = g_build_filename (fixture->out, "lotsen-report-2026.pdf", NULL);
  g_autofree char *workbook = g_build_filename (fixture->out, "lotsen-all-2025.xlsx", NULL);
  g_autofree char *jsonl = g_build_filename (fixture->out, "lotsen-signups-all-2026-11-25.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  gsize length = 0;

  choose (fixture, page, "report", "pdf", "this-year");
  lotsen_export_page_set_folder (page, fixture->out);
  run_export (fixture, page);

  g_assert_true (g_file_get_contents (expected, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  assert_shows_path (GTK_WIDGET (page), expected);
  listing = list_folder (fixture->out, NULL);
  g_assert_cmpstr (listing, ==, "lotsen-report-2026.pdf");
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM audit WHERE what = 'export' "
                                       "AND detail LIKE 'report pdf %lotsen-report-2026.pdf from=%'"), ==, 1);

  choose (fixture, page, "all", "xlsx", "last-year");
  run_export (fixture, page);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (workbook, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);
  assert_shows_path (GTK_WIDGET (page), workbook);

  choose (fixture, page, "signups", "jsonl", "all");
  run_export (fixture, page);
  g_assert_true (g_file_test (jsonl, G_FILE_TEST_IS_REGULAR));
  assert_shows_path (GTK_WIDGET (page), jsonl);
  g_assert_cmpint (count_audits (fixture, NULL), ==, 3);
}

static void
assert_failed (Fixture          *fixture,
               LotsenExportPage *page,
               const char       *folder,
               const char       *before,
               const char       *message)
{
  assert_shows (GTK_WIDGET (page), message);

  /* The warning pictogram is on screen, the success card is not. */
  g_assert_true (shows_card (GTK_WIDGET (page), "export-error", "lotsen-warning-symbolic"));
  g_assert_false (shows_card (GTK_WIDGET (page), "export-done", "lotsen-done-symbolic"));
  g_assert_null (lotsen_test_ui_find_label (GTK_WIDGET (page), _("Saved as:")));

  /* Nothing was left behind: no file, no temporary file. */
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *after = list_folder (folder, NULL);

      g_assert_cmpstr (after, ==, before);
    }
}

/* A folder that went away, and a "folder" that is a file's child. */
static void
test_folder_gone (Fixture       *fixture,
                  gconstpointer  data)
{
  LotsenExportPage *page = open_export_page (fixture);
  g_autofree char *stick = g_build_filename (fixture->out, "stick", NULL);
  g_autofree char *file = g_build_filename (fixture->out, "notes.txt", NULL);
  g_autofree char *below_file = g_build_filename (file, "export", NULL);
  g_autofree char *listing = NULL;
  const char *message = _("The folder is not there any more. Was the USB stick taken out? Nothing was written.");
  gint64 audits = count_audits (fixture, NULL);

  /* Chosen, then taken out. */
  g_assert_cmpint (g_mkdir (stick, 0700), ==, 0);
  choose (fixture, page, "signups", "csv", "this-month");
  lotsen_export_page_set_folder (page, stick);
  g_assert_cmpint (g_rmdir (stick), ==, 0);
  run_export (fixture, page);
  assert_failed (fixture, page, NULL, NULL, message);
  assert_shows (GTK_WIDGET (page), g_strerror (ENOENT));
  lotsen_test_ui_assert_touch (GTK_WIDGET (page), "the export page, after a failed export");
  screenshot (fixture, "error");

  /* Below a file. */
  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  lotsen_export_page_set_folder (page, below_file);
  run_export (fixture, page);
  assert_failed (fixture, page, NULL, NULL, message);

  listing = list_folder (fixture->out, NULL);
  g_assert_cmpstr (listing, ==, "notes.txt");
  g_assert_cmpint (count_audits (fixture, NULL), ==, audits);

  /* A good folder after a bad one: the warning goes. */
  lotsen_export_page_set_folder (page, fixture->out);
  run_export (fixture, page);
  g_assert_null (lotsen_test_ui_find_label (GTK_WIDGET (page), message));
  assert_shows (GTK_WIDGET (page), _("Saved as:"));
}

/* A full or a read-only file system, when the environment offers one. */
static void
test_folder_cannot_be_written (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *variable = data;
  const char *folder = g_getenv (variable);
  LotsenExportPage *page;
  g_autofree char *before = NULL;
  const char *message;

  if (folder == NULL)
    {
      g_autofree char *why = g_strdup_printf ("Set %s to a folder on such a file system", variable);

      g_test_skip (why);
      return;
    }

  page = open_export_page (fixture);
  before = list_folder (folder, NULL);
  message = g_str_equal (variable, "LOTSEN_TEST_FULL_FOLDER")
            ? _("The USB stick is full. Nothing was written. Free some space on it, or use another stick.")
            : _("This folder cannot be written to (read-only). Nothing was written. If it is a USB stick, check its lock switch, or use another stick.");

  choose (fixture, page, "all", "xlsx", "this-year");
  lotsen_export_page_set_folder (page, folder);
  run_export (fixture, page);
  assert_failed (fixture, page, folder, before, message);
  screenshot (fixture, g_str_equal (variable, "LOTSEN_TEST_FULL_FOLDER") ? "full" : "read-only");

  choose (fixture, page, "report", "pdf", "this-year");
  run_export (fixture, page);
  assert_failed (fixture, page, folder, before, message);

  choose (fixture, page, "visitors", "csv", "all");
  run_export (fixture, page);
  assert_failed (fixture, page, folder, before, message);
}

/* The page in Arabic: right to left, every button still a touch target;
 * an error in words of the staff's language. */
static void
test_arabic (Fixture       *fixture,
             gconstpointer  data)
{
  LotsenExportPage *page;
  g_autofree char *expected = g_build_filename (fixture->out, "lotsen-tickets-2026-10.csv", NULL);
  g_autofree char *gone = g_build_filename (fixture->out, "gone", NULL);

  lotsen_test_ui_choose_language (root (fixture), "ar");
  page = open_export_page (fixture);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (page)), ==, GTK_TEXT_DIR_RTL);
  lotsen_test_ui_assert_touch (GTK_WIDGET (page), "the export page in Arabic");
  screenshot (fixture, "idle");

  choose (fixture, page, "tickets", "csv", "last-month");
  lotsen_export_page_set_folder (page, fixture->out);
  run_export (fixture, page);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  assert_shows_path (GTK_WIDGET (page), expected);
  screenshot (fixture, "done");

  lotsen_export_page_set_folder (page, gone);
  run_export (fixture, page);
  assert_failed (fixture, page, NULL, NULL,
                 _("The folder is not there any more. Was the USB stick taken out? Nothing was written."));
  screenshot (fixture, "error");
}

/* The project's and the site's names, typed on the page and applied:
 * stored for the report's cover; one too long is refused and said so. */
static void
test_report_names (Fixture       *fixture,
                   gconstpointer  data)
{
  LotsenExportPage *page;
  GtkWidget *project;
  GtkWidget *site;
  g_autofree char *stored = NULL;
  g_autofree char *too_long = g_strnfill (81, 'x');

  /* @data: the language the staff member chose before, if any. */
  if (data != NULL)
    tap (fixture, "win.language", data);
  page = open_export_page (fixture);
  project = lotsen_test_ui_find (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "project_row");
  site = lotsen_test_ui_find (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "site_row");

  g_assert_nonnull (project);
  g_assert_nonnull (site);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (project)), ==, _("Project"));
  g_assert_cmpint (gtk_widget_get_height (project), >=, 72);

  gtk_editable_set_text (GTK_EDITABLE (project), "Vägen in");
  g_signal_emit_by_name (project, "apply");
  gtk_editable_set_text (GTK_EDITABLE (site), " Mötesplats Malmö ");
  g_signal_emit_by_name (site, "apply");
  lotsen_test_ui_wait (root (fixture));

  stored = lotsen_store_get_setting (fixture->ui.store, "project_name");
  g_assert_cmpstr (stored, ==, "Vägen in");
  g_clear_pointer (&stored, g_free);
  stored = lotsen_store_get_setting (fixture->ui.store, "site_name");
  g_assert_cmpstr (stored, ==, "Mötesplats Malmö");
  g_clear_pointer (&stored, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (site)), ==, "Mötesplats Malmö");
  g_assert_nonnull (lotsen_test_ui_find_label (GTK_WIDGET (page), _("Saved. The next report shows it.")));
  /* Scrolled to, as a staff member would. */
  gtk_widget_grab_focus (site);
  screenshot (fixture, "names");

  gtk_editable_set_text (GTK_EDITABLE (project), too_long);
  g_signal_emit_by_name (project, "apply");
  stored = lotsen_store_get_setting (fixture->ui.store, "project_name");
  g_assert_cmpstr (stored, ==, "Vägen in");
  g_assert_true (gtk_widget_has_css_class (project, "error"));
  {
    g_autofree char *message = g_strdup_printf (_("A name is one line of at most %d characters."), 80);

    g_assert_nonnull (lotsen_test_ui_find_label (GTK_WIDGET (page), message));
  }
}

/* The ESF+ questions switched on and off from the panel, by a tap on
 * the row: stored and audited by the core, and said so. */
static void
test_esf_questions (Fixture       *fixture,
                    gconstpointer  data)
{
  LotsenExportPage *page;
  GtkWidget *row;
  GtkWidget *toggle;

  if (data != NULL)
    tap (fixture, "win.language", data);
  page = open_export_page (fixture);
  row = lotsen_test_ui_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "esf_row");
  g_assert_nonnull (row);
  toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  g_assert_true (GTK_IS_SWITCH (toggle));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   _("Ask about work and education (ESF+)"));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     _("Ask about work and education (ESF+)")));
  g_assert_cmpint (gtk_widget_get_height (row), >=, 72);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_false (lotsen_visitor_get_esf_fields (fixture->ui.store));

  adw_action_row_activate (ADW_ACTION_ROW (row));
  lotsen_test_ui_wait (root (fixture));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (lotsen_visitor_get_esf_fields (fixture->ui.store));
  g_assert_nonnull (lotsen_test_ui_find_label (GTK_WIDGET (page),
                                               _("Saved. Visitors who register from now on are asked.")));
  /* Scrolled to the row, as a staff member would. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (row, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adjustment, at.y - 200);
    lotsen_test_ui_wait (root (fixture));
  }
  screenshot (fixture, "esf");

  adw_action_row_activate (ADW_ACTION_ROW (row));
  lotsen_test_ui_wait (root (fixture));
  g_assert_false (lotsen_visitor_get_esf_fields (fixture->ui.store));
  g_assert_nonnull (lotsen_test_ui_find_label (GTK_WIDGET (page),
                                               _("Saved. Visitors who register from now on are not asked.")));
  g_assert_cmpint (query_database_int (fixture->ui.path,
                                       "SELECT count (*) FROM audit WHERE detail LIKE 'esf_fields=%'"), ==, 2);
}

/* The follow-up call list as a file for a spreadsheet: who is due for a
 * call, with their phone number. */
static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) gul = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_build_filename (fixture->out, "lotsen-followup-2026-11.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *row = NULL;
  gint64 now = lotsen_clock_get_now (fixture->ui.clock);
  LotsenExportPage *page;

  lotsen_clock_set_now (fixture->ui.clock, now - 100 * 24 * 3600);
  draft->given_name = g_strdup ("Gul");
  draft->phone = g_strdup ("070-123 45 67");
  draft->consent = TRUE;
  gul = lotsen_visitor_register (fixture->ui.store, draft, &error);
  g_assert_no_error (error);
  lotsen_clock_set_now (fixture->ui.clock, now);

  page = open_export_page (fixture);
  choose (fixture, page, "followup", "csv", "this-month");
  lotsen_export_page_set_folder (page, fixture->out);
  lotsen_test_ui_wait (root (fixture));
  run_export (fixture, page);

  g_assert_true (g_file_get_contents (expected, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, BOM "code;name;phone;first_visit\r\n"));
  row = g_strdup_printf ("%s;Gul;", gul->code);
  g_assert_nonnull (strstr (contents, row));
  /* Amina registered today: not due. */
  g_assert_null (strstr (contents, fixture->visitor->code));
  assert_shows_path (GTK_WIDGET (page), expected);
}

int
main (int   argc,
      char *argv[])
{
  lotsen_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/export-page/visitors-csv", test_visitors_csv);
  ADD ("/export-page/locked-and-formats", test_locked_and_formats);
  ADD ("/export-page/report-workbook-jsonl", test_report_workbook_jsonl);
  ADD ("/export-page/folder-gone", test_folder_gone);
  ADD ("/export-page/arabic", test_arabic);
  ADD ("/export-page/report-names", test_report_names);
  ADD ("/export-page/follow-up", test_follow_up);
  ADD ("/export-page/esf-questions", test_esf_questions);
  g_test_add ("/export-page/esf-questions/arabic", Fixture, "ar", fixture_set_up, test_esf_questions,
              fixture_tear_down);
  g_test_add ("/export-page/report-names/arabic", Fixture, "ar", fixture_set_up, test_report_names, fixture_tear_down);
  g_test_add ("/export-page/report-names/tigrinya", Fixture, "ti", fixture_set_up, test_report_names,
              fixture_tear_down);
  g_test_add ("/export-page/full", Fixture, "LOTSEN_TEST_FULL_FOLDER",
              fixture_set_up, test_folder_cannot_be_written, fixture_tear_down);
  g_test_add ("/export-page/read-only", Fixture, "LOTSEN_TEST_READONLY_FOLDER",
              fixture_set_up, test_folder_cannot_be_written, fixture_tear_down);

#undef ADD

  return g_test_run ();
}
