/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-admin as staff use it: its output, exit status, and that wrong
 * input changes nothing. */
/* mkfifo () and lstat () under -std=c17. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "lotsen-activity.h"
#include "lotsen-queue.h"
#include "lotsen-signup.h"
#include "lotsen-store-private.h"
#include "lotsen-visitor.h"
#include "lotsen-test-core.h"

static const char *admin_path;
static char *database;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
admin (Run *run,
       ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (char *) admin_path);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, database);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    {
      g_autofree char *command = g_strjoinv (" ", (char **) argv->pdata);

      g_printerr ("%s\n%s", command, run->err);
      if (WIFSIGNALED (wait_status))
        g_printerr ("killed by signal %d\n", WTERMSIG (wait_status));
    }
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static int
count_tickets (const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open (database, NULL, &error);
  g_autoptr(GPtrArray) waiting = NULL;

  g_assert_no_error (error);
  waiting = lotsen_queue_list_waiting (store, &error);
  g_assert_no_error (error);
  return waiting->len;
}

static void
test_admin_journey (void)
{
  g_auto(Run) take1 = { 0 }, take2 = { 0 }, take3 = { 0 }, queue = { 0 };
  g_auto(Run) call1 = { 0 }, call2 = { 0 }, done = { 0 }, noshow = { 0 }, call3 = { 0 }, empty = { 0 };

  /* A new database starts with the demo services, as the kiosk's does. */
  admin (&take1, "ticket", "take", "A", NULL);
  g_assert_cmpint (take1.status, ==, 0);
  g_assert_cmpstr (take1.out, ==, "A001\n");

  admin (&take2, "ticket", "take", "B", "--lang", "ar", NULL);
  g_assert_cmpstr (take2.out, ==, "B001\n");
  admin (&take3, "ticket", "take", "A", NULL);
  g_assert_cmpstr (take3.out, ==, "A002\n");

  admin (&queue, "queue", NULL);
  g_assert_cmpint (queue.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (queue.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_true (g_str_has_prefix (lines[0], "A001\t"));
    g_assert_true (g_str_has_prefix (lines[1], "B001\t"));
    g_assert_nonnull (strstr (lines[1], "\tar\t"));
    g_assert_true (g_str_has_prefix (lines[2], "A002\t"));
  }

  admin (&call1, "call-next", "--desk", "3", NULL);
  g_assert_cmpint (call1.status, ==, 0);
  g_assert_cmpstr (call1.out, ==, "A001\n");
  admin (&call2, "call-next", "--desk", "4", "--service", "A", NULL);
  g_assert_cmpstr (call2.out, ==, "A002\n");

  admin (&done, "ticket", "done", "A001", NULL);
  g_assert_cmpint (done.status, ==, 0);
  admin (&noshow, "ticket", "no-show", "A002", NULL);
  g_assert_cmpint (noshow.status, ==, 0);

  admin (&call3, "call-next", "--desk", "1", NULL);
  g_assert_cmpstr (call3.out, ==, "B001\n");

  admin (&empty, "call-next", "--desk", "1", NULL);
  g_assert_cmpint (empty.status, ==, 1);
  g_assert_cmpstr (empty.out, ==, "");
  g_assert_cmpstr (empty.err, !=, "");
}

/* Call again and send to another service, as staff at a desk would. */
static void
test_admin_recall_transfer (void)
{
  g_auto(Run) take1 = { 0 }, take2 = { 0 }, call = { 0 }, recall = { 0 }, transfer = { 0 };
  g_auto(Run) again = { 0 }, unknown = { 0 }, waiting = { 0 }, bad_letter = { 0 }, same = { 0 };
  g_auto(Run) queue = { 0 }, call_b = { 0 };
  char *shared = database;

  /* A database of its own: the journey's tickets would be ahead. */
  database = g_strconcat (shared, "-calls", NULL);

  admin (&take1, "ticket", "take", "A", "--lang", "fa", NULL);
  g_assert_cmpstr (take1.out, ==, "A001\n");
  admin (&take2, "ticket", "take", "B", NULL);
  g_assert_cmpstr (take2.out, ==, "B001\n");

  admin (&waiting, "ticket", "recall", "A001", NULL);
  g_assert_cmpint (waiting.status, ==, 2);
  g_assert_cmpstr (waiting.err, !=, "");

  admin (&call, "call-next", "--desk", "2", "--service", "A", NULL);
  g_assert_cmpstr (call.out, ==, "A001\n");
  admin (&recall, "ticket", "recall", "A001", NULL);
  g_assert_cmpint (recall.status, ==, 0);
  g_assert_cmpstr (recall.out, ==, "A001 2\n");
  g_assert_cmpint (query_database_int (database, "SELECT call_count FROM ticket WHERE label = 'A001'"), ==, 2);

  admin (&unknown, "ticket", "recall", "A099", NULL);
  g_assert_cmpint (unknown.status, ==, 2);

  admin (&bad_letter, "ticket", "transfer", "A001", "Q", NULL);
  g_assert_cmpint (bad_letter.status, ==, 2);
  admin (&same, "ticket", "transfer", "A001", "A", NULL);
  g_assert_cmpint (same.status, ==, 2);
  g_assert_cmpint (query_database_int (database, "SELECT status = 'called' FROM ticket WHERE label = 'A001'"), ==, 1);

  admin (&transfer, "ticket", "transfer", "A001", "B", NULL);
  g_assert_cmpint (transfer.status, ==, 0);
  g_assert_cmpstr (transfer.out, ==, "A001 B\n");

  /* It waits in B ahead of B001, which was taken after it. */
  admin (&queue, "queue", NULL);
  g_assert_true (g_str_has_prefix (queue.out, "A001\t"));
  admin (&call_b, "call-next", "--desk", "5", "--service", "B", NULL);
  g_assert_cmpstr (call_b.out, ==, "A001\n");

  admin (&again, "ticket", "transfer", "A001", "B", "extra", NULL);
  g_assert_cmpint (again.status, ==, 2);

  g_free (database);
  database = shared;
}

/* Text of a PDF as pdftotext reads it, or NULL where pdftotext is missing. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (pdftotext == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A printed ticket in three scripts: the label, the service in Swedish
 * and in the visitor's language, the people ahead in both. */
static void
test_admin_ticket_print (void)
{
  const struct { const char *lang, *paper, *service, *ahead; } cases[] = {
    { "sv", "80mm", "Allmän rådgivning", "före dig" },
    { "ar", "80mm", "استشارة", "أمامك" },
    { "ti", "58mm", "ሓፈሻዊ", "ቅድሜኹም" },
  };
  g_autofree char *dir = g_dir_make_tmp ("lotsen-print-XXXXXX", NULL);
  char *shared = database;

  database = g_strconcat (shared, "-print", NULL);
  /* Someone ahead of each, so the people ahead are printed. */
  {
    g_auto(Run) first = { 0 };

    admin (&first, "ticket", "take", "A", NULL);
    g_assert_cmpstr (first.out, ==, "A001\n");
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) take = { 0 }, print = { 0 };
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, cases[i].lang);
      g_autofree char *label = NULL;
      g_autofree char *text = NULL;

      admin (&take, "ticket", "take", "A", "--lang", cases[i].lang, NULL);
      g_assert_cmpint (take.status, ==, 0);
      label = g_strstrip (g_strdup (take.out));
      admin (&print, "ticket", "print", label, "--output", pdf, "--paper", cases[i].paper, NULL);
      g_assert_cmpint (print.status, ==, 0);
      g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

      text = pdf_text (pdf);
      if (text == NULL)
        continue;
      g_test_message ("%s: %s", cases[i].lang, text);
      g_assert_nonnull (strstr (text, label));
      g_assert_nonnull (strstr (text, "Allmän rådgivning"));
      /* Swedish always, then the visitor's own language. */
      g_assert_nonnull (strstr (text, "före dig"));
      g_assert_nonnull (strstr (text, cases[i].service));
      g_assert_nonnull (strstr (text, cases[i].ahead));
    }

  {
    g_auto(Run) paper = { 0 }, unknown = { 0 }, printer = { 0 };

    admin (&paper, "ticket", "print", "A001", "--output", "x.pdf", "--paper", "99mm", NULL);
    g_assert_cmpint (paper.status, ==, 2);
    admin (&unknown, "ticket", "print", "Q123", "--output", "x.pdf", NULL);
    g_assert_cmpint (unknown.status, ==, 2);
    g_assert_false (g_file_test ("x.pdf", G_FILE_TEST_EXISTS));
    /* A queue that does not exist: the printer's problem, said. */
    admin (&printer, "ticket", "print", "A001", "--printer", "no-such-queue", NULL);
    g_assert_cmpint (printer.status, ==, 1);
    g_assert_cmpstr (printer.err, !=, "");
  }

  remove_tree (dir);
  g_free (database);
  database = shared;
}

static void
test_admin_bad_input (void)
{
  const char *cases[][10] = {
    { "ticket", "take", "Q", NULL },
    { "ticket", "take", "A", "--lang", "xx", NULL },
    { "ticket", "done", "Z123", NULL },
    { "ticket", "no-show", "A001", NULL },  /* waiting, not called */
    { "call-next", NULL },                  /* no desk */
    { "call-next", "--desk", "0", NULL },
    { "call-next", "--desk", "100", NULL },
    { "call-next", "--desk", "two", NULL },
    { "call-next", "--desk", "1", "--service", "Q", NULL },
    { "frobnicate", NULL },
    { "ticket", NULL },
    /* A word too many is refused, never ignored. */
    { "call-next", "x", "--desk", "1", NULL },
    { "queue", "x", NULL },
    { "purge", "now", NULL },
    { "ticket", "take", "A", "B", NULL },
    { "ticket", "done", "A001", "A002", NULL },
    { "visitor", "show", "ABC", "DEF", NULL },
    { "export", "tickets", "visitors", "--output", "-", NULL },
    { "import", "a.jsonl", "b.jsonl", NULL },
    { "report", "now", "--from", "2026-01-01", "--to", "2026-01-31", "--output", "r.pdf", NULL },
    { "activity", "list", "all", NULL },
    { "signups", "1", "2", NULL },
    /* Dates exactly as YYYY-MM-DD, and real ones. */
    { "export", "tickets", "--from", "26-01-01", "--output", "-", NULL },
    { "export", "tickets", "--from", "2026-+1-01", "--output", "-", NULL },
    { "export", "tickets", "--from", "2026-1-01", "--output", "-", NULL },
    { "export", "tickets", "--from", " 2026-01-01", "--output", "-", NULL },
    { "export", "tickets", "--to", "2026-02-30", "--output", "-", NULL },
    { "export", "tickets", "--to", "0026-01-01", "--output", "-", NULL },
    { "export", "tickets", "--to", "2026-01-011", "--output", "-", NULL },
    { "activity", "list", "--from", "2026-13-01", NULL },
    { "activity", "list", "--to", "+2026-01-01", NULL },
    { "report", "--from", "2026-01-01", "--to", "2026-1-31", "--output", "r.pdf", NULL },
    /* A period that ends before it starts, wherever a period is asked for. */
    { "activity", "list", "--from", "2026-05-02", "--to", "2026-05-01", NULL },
    { "export", "tickets", "--from", "2026-05-02", "--to", "2026-05-01", "--output", "-", NULL },
    { "report", "--from", "2026-05-02", "--to", "2026-05-01", "--output", "r.pdf", NULL },
    { NULL },
  };
  g_auto(Run) setup = { 0 };

  admin (&setup, "ticket", "take", "A", NULL);
  g_assert_cmpint (count_tickets ("waiting"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      admin (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], cases[i][5],
             cases[i][6], cases[i][7], cases[i][8], cases[i][9], NULL);
      if (run.status != 2)
        g_error ("case %u (%s %s): status %d, not 2", i, cases[i][0], cases[i][1] ? cases[i][1] : "",
                 run.status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "lotsen-admin: "));
      g_assert_cmpint (count_tickets ("waiting"), ==, 1);
    }
}

static void
test_admin_corrupt_database (void)
{
  g_autofree char *saved = database;
  g_autofree char *dir = g_path_get_dirname (saved);
  g_autofree char *corrupt = g_build_filename (dir, "corrupt.db", NULL);
  g_auto(Run) run = { 0 };
  g_autofree char *contents = NULL;

  g_file_set_contents (corrupt, "not a database at all, but a long enough file to be read", -1, NULL);
  database = corrupt;
  admin (&run, "queue", NULL);
  database = g_steal_pointer (&saved);

  /* The tool reports it and leaves the file exactly as it was. */
  g_assert_cmpint (run.status, ==, 3);
  g_assert_true (g_str_has_prefix (run.err, "lotsen-admin: "));
  g_file_get_contents (corrupt, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "not a database at all, but a long enough file to be read");
}

/* Many lotsen-admin processes at once on one database, as several kiosks
 * and desks would be: every ticket number once, none skipped, and no
 * ticket called twice. */
#define PARALLEL 24

static GPtrArray *
run_parallel (const char * const *command)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < PARALLEL; i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();

      g_ptr_array_add (argv, (char *) admin_path);
      g_ptr_array_add (argv, (char *) "--database");
      g_ptr_array_add (argv, database);
      for (guint a = 0; command[a] != NULL; a++)
        g_ptr_array_add (argv, (char *) command[a]);
      g_ptr_array_add (argv, NULL);

      g_ptr_array_add (processes, g_subprocess_newv ((const char * const *) argv->pdata,
                                                     G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < processes->len; i++)
    {
      g_autofree char *out = NULL;

      g_subprocess_communicate_utf8 (processes->pdata[i], NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (processes->pdata[i]), ==, 0);
      g_ptr_array_add (labels, g_strdup (g_strstrip (out)));
    }

  return labels;
}

static void
test_admin_parallel (void)
{
  const char * const take[] = { "ticket", "take", "D", NULL };
  const char * const call[] = { "call-next", "--desk", "7", "--service", "D", NULL };
  g_autoptr(GPtrArray) taken = NULL;
  g_autoptr(GPtrArray) called = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  taken = run_parallel (take);
  for (guint i = 0; i < taken->len; i++)
    {
      g_assert_false (g_hash_table_contains (seen, taken->pdata[i]));
      g_hash_table_add (seen, taken->pdata[i]);
    }
  for (int n = 1; n <= PARALLEL; n++)
    {
      g_autofree char *label = g_strdup_printf ("D%03d", n);
      g_assert_true (g_hash_table_contains (seen, label));
    }

  called = run_parallel (call);
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < called->len; i++)
    {
      g_assert_false (g_hash_table_contains (seen, called->pdata[i]));
      g_hash_table_add (seen, called->pdata[i]);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, PARALLEL);
}

static void
test_admin_visitor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open (database, NULL, &error);
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_auto(Run) show = { 0 }, erase = { 0 }, again = { 0 }, erase_again = { 0 };

  g_assert_no_error (error);
  draft->given_name = g_strdup ("Олена");
  draft->phone = g_strdup ("+380 67 123 45 67");
  draft->gender = LOTSEN_GENDER_WOMAN;
  draft->employment = LOTSEN_EMPLOYMENT_UNEMPLOYED;
  draft->consent = TRUE;
  visitor = lotsen_visitor_register (store, draft, &error);
  g_assert_no_error (error);

  admin (&show, "visitor", "show", visitor->code, NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Олена"));
  g_assert_nonnull (strstr (show.out, "+380671234567"));
  g_assert_nonnull (strstr (show.out, "woman"));
  /* The ESF+ answers: one given, one not asked. */
  g_assert_nonnull (strstr (show.out, "\nemployment         unemployed\n"));
  g_assert_nonnull (strstr (show.out, "\neducation          -\n"));

  admin (&erase, "visitor", "delete", visitor->code, NULL);
  g_assert_cmpint (erase.status, ==, 0);

  admin (&again, "visitor", "show", visitor->code, NULL);
  g_assert_cmpint (again.status, ==, 2);
  g_assert_cmpstr (again.out, ==, "");

  admin (&erase_again, "visitor", "delete", visitor->code, NULL);
  g_assert_cmpint (erase_again.status, ==, 2);
}

static void
test_admin_export (void)
{
  g_autofree char *dir = g_path_get_dirname (database);
  g_autofree char *path = g_build_filename (dir, "tickets.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) take = { 0 }, to_file = { 0 }, to_stdout = { 0 }, today = { 0 }, later = { 0 };
  const char *bad[][8] = {
    { "export", "tickets", NULL },                                       /* no --output */
    { "export", "recipes", "--output", "-", NULL },
    { "export", "tickets", "--format", "docx", "--output", "-", NULL },
    { "export", "tickets", "--from", "25/11/2026", "--output", "-", NULL },
    { "export", "tickets", "--separator", "|", "--output", "-", NULL },
    /* An empty file name is no file name (it crashed once). */
    { "export", "visitors", "--output", "", NULL },
    { "export", "all", "--format", "xlsx", "--output", "", NULL },
    { "export", "tickets", "--format", "xlsx", "--output", "", NULL },
  };

  admin (&take, "ticket", "take", "C", "--lang", "ti", NULL);
  g_assert_cmpint (take.status, ==, 0);

  admin (&to_file, "export", "tickets", "--output", path, NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "kiosk_id;"));
  g_assert_nonnull (strstr (contents, ";C001;"));

  admin (&to_stdout, "export", "tickets", "--format", "jsonl", "--separator", ",", "--output", "-", NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_nonnull (strstr (to_stdout.out, "\"label\":\"C001\""));
  g_assert_nonnull (strstr (to_stdout.out, "\"interpreter_lang\":null"));

  /* A day range: everything today, nothing in a later year. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

    admin (&today, "export", "tickets", "--format", "jsonl", "--from", day, "--to", day, "--output", "-", NULL);
    admin (&later, "export", "tickets", "--format", "jsonl", "--from", "2099-01-01", "--output", "-", NULL);
  }
  g_assert_nonnull (strstr (today.out, "C001"));
  g_assert_cmpstr (later.out, ==, "");

  /* The last day there is: a bound that holds (and no critical, which
   * would end the tool here). */
  {
    g_auto(Run) last = { 0 }, none = { 0 }, list = { 0 };

    admin (&last, "export", "tickets", "--format", "jsonl", "--to", "9999-12-31", "--output", "-", NULL);
    g_assert_cmpint (last.status, ==, 0);
    g_assert_nonnull (strstr (last.out, "C001"));
    g_assert_cmpstr (last.err, ==, "");
    admin (&none, "export", "tickets", "--format", "jsonl", "--from", "9999-12-31", "--to", "9999-12-31",
           "--output", "-", NULL);
    g_assert_cmpint (none.status, ==, 0);
    g_assert_cmpstr (none.out, ==, "");
    admin (&list, "activity", "list", "--from", "1900-01-01", "--to", "9999-12-31", NULL);
    g_assert_cmpint (list.status, ==, 0);
    g_assert_cmpstr (list.err, ==, "");
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      admin (&run, bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4], bad[i][5], bad[i][6], NULL);
      if (run.status != 2)
        g_error ("export case %u: status %d, not 2", i, run.status);
      g_assert_cmpstr (run.out, ==, "");
    }

  /* A folder that is not there: an error, and no file. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "tickets.csv", NULL);

    admin (&run, "export", "tickets", "--output", nowhere, NULL);
    g_assert_cmpint (run.status, ==, 3);
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }

  /* Not a file to replace: wrong input, and it stays what it was. */
  {
    g_autofree char *fifo = g_build_filename (dir, "export-fifo", NULL);
    g_auto(Run) run = { 0 }, into_folder = { 0 }, book = { 0 };
    GStatBuf info;

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    admin (&run, "export", "tickets", "--output", fifo, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, fifo));
    admin (&book, "export", "all", "--format", "xlsx", "--output", fifo, NULL);
    g_assert_cmpint (book.status, ==, 2);
    g_assert_cmpint (g_lstat (fifo, &info), ==, 0);
    g_assert_true (S_ISFIFO (info.st_mode));
    admin (&into_folder, "export", "tickets", "--output", dir, NULL);
    g_assert_cmpint (into_folder.status, ==, 2);
    g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
    g_unlink (fifo);
  }

  g_unlink (path);
}

static LotsenVisitor *
register_visitor (LotsenStore *store,
                  const char  *given_name)
{
  g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
  g_autoptr(GError) error = NULL;
  LotsenVisitor *visitor;

  draft->given_name = g_strdup (given_name);
  draft->phone = g_strdup ("070-123 45 67");
  draft->consent = TRUE;
  visitor = lotsen_visitor_register (store, draft, &error);
  g_assert_no_error (error);
  return visitor;
}

static gboolean
code_is_known (LotsenStore *store,
               const char  *code)
{
  g_autoptr(LotsenVisitor) visitor = lotsen_visitor_find_by_code (store, code, NULL);

  return visitor != NULL;
}

/* lotsen-admin runs on the real clock: the visitors are registered 400 and
 * 100 days before it. */
static void
test_admin_purge (void)
{
  const char *bad[] = { "29", "3651", "0", "-1", "abc", "", "365days", "99999999999" };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenClock) clock = lotsen_clock_new_fixed (now - 400 * 24 * 3600);
  g_autoptr(LotsenStore) store = lotsen_store_open (database, clock, &error);
  g_autoptr(LotsenVisitor) old = NULL;
  g_autoptr(LotsenVisitor) middle = NULL;
  g_auto(Run) purge = { 0 }, shorter = { 0 }, again = { 0 };

  g_assert_no_error (error);
  old = register_visitor (store, "Gammal");
  lotsen_clock_set_now (clock, now - 100 * 24 * 3600);
  middle = register_visitor (store, "Mellan");
  lotsen_clock_set_now (clock, now);

  /* A wrong period: exit 2, the setting as it was, nobody anonymised. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *setting = NULL;

      admin (&run, "purge", "--retention-days", bad[i], NULL);
      if (run.status != 2)
        g_error ("purge --retention-days “%s”: status %d, not 2", bad[i], run.status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "lotsen-admin: "));
      setting = lotsen_store_get_setting (store, "retention_days");
      g_assert_null (setting);
      g_assert_cmpuint (lotsen_store_get_retention_days (store), ==, 365);
      g_assert_true (code_is_known (store, old->code));
    }

  /* The default year: only the visitor from 400 days ago. */
  admin (&purge, "purge", NULL);
  g_assert_cmpint (purge.status, ==, 0);
  g_assert_true (g_str_has_prefix (purge.out, "1 "));
  g_assert_false (code_is_known (store, old->code));
  g_assert_true (code_is_known (store, middle->code));

  /* A shorter period is stored and takes the other one too. */
  admin (&shorter, "purge", "--retention-days", "30", NULL);
  g_assert_cmpint (shorter.status, ==, 0);
  g_assert_true (g_str_has_prefix (shorter.out, "1 "));
  g_assert_cmpuint (lotsen_store_get_retention_days (store), ==, 30);
  g_assert_false (code_is_known (store, middle->code));

  admin (&again, "purge", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_str_has_prefix (again.out, "0 "));
}

static void
test_admin_export_formats (void)
{
  g_autofree char *dir = g_path_get_dirname (database);
  g_autofree char *path = g_build_filename (dir, "all.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) workbook = { 0 }, calendar = { 0 };
  const char *bad[][8] = {
    { "export", "tickets", "--format", "ics", "--output", "-", NULL },
    { "export", "all", "--format", "xlsx", "--output", "-", NULL },  /* a workbook needs a file */
    { "export", "tickets", "--format", "xlsx", "--output", "-", NULL },
    { "export", "all", "--format", "csv", "--output", "-", NULL },   /* "all" is a workbook's */
  };
  gsize length = 0;

  admin (&workbook, "export", "all", "--format", "xlsx", "--output", path, NULL);
  g_assert_cmpint (workbook.status, ==, 0);
  g_assert_cmpstr (workbook.out, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "PK\x03\x04", 4) == 0);

  admin (&calendar, "export", "activities", "--format", "ics", "--output", "-", NULL);
  g_assert_cmpint (calendar.status, ==, 0);
  g_assert_true (g_str_has_prefix (calendar.out, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (calendar.out, "END:VCALENDAR\r\n"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      admin (&run, bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4], bad[i][5], bad[i][6], NULL);
      if (run.status != 2)
        g_error ("export format case %u: status %d, not 2", i, run.status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "lotsen-admin: "));
    }

  g_unlink (path);
}

/* Another kiosk's export merged in: a summary, the broken line by its
 * number, nothing twice; an unreadable file or one that is not JSONL is
 * wrong input. */
static void
test_admin_import (void)
{
  g_autofree char *dir = g_path_get_dirname (database);
  g_autofree char *path = g_build_filename (dir, "tickets.jsonl", NULL);
  g_autofree char *csv = g_build_filename (dir, "tickets-for-import.csv", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *again = NULL;
  g_autofree char *skipped = NULL;
  g_auto(Run) take = { 0 }, out = { 0 }, to_csv = { 0 }, first = { 0 }, second = { 0 };
  g_auto(Run) unreadable = { 0 }, not_jsonl = { 0 }, seed = { 0 };
  char *own_database = database;
  guint rows;

  admin (&take, "ticket", "take", "B", NULL);
  g_assert_cmpint (take.status, ==, 0);
  admin (&out, "export", "tickets", "--format", "jsonl", "--output", path, NULL);
  g_assert_cmpint (out.status, ==, 0);
  admin (&to_csv, "export", "tickets", "--output", csv, NULL);
  g_assert_cmpint (to_csv.status, ==, 0);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  {
    g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

    rows = g_strv_length (lines) - 1;
  }
  {
    g_autofree char *broken = g_strconcat (contents, "{\"dataset\":\"tickets\",\"uuid\":\n", NULL);

    g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  }
  g_assert_cmpuint (rows, >, 0);

  /* Into another kiosk, started as the kiosk starts (with the demo
   * services: an import alone would make an empty database). */
  database = other;
  admin (&seed, "queue", NULL);
  g_assert_cmpint (seed.status, ==, 0);
  admin (&first, "import", path, NULL);
  admin (&second, "import", path, NULL);
  admin (&unreadable, "import", missing, NULL);
  admin (&not_jsonl, "import", csv, NULL);
  database = own_database;

  expected = g_strdup_printf ("%u rows added, 0 already here, 1 line skipped\n", rows);
  again = g_strdup_printf ("0 rows added, %u already here, 1 line skipped\n", rows);
  skipped = g_strdup_printf ("Line %u: ", rows + 1);

  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (g_str_has_prefix (first.out, expected));
  g_assert_nonnull (strstr (first.out, skipped));
  g_assert_cmpint (second.status, ==, 0);
  g_assert_true (g_str_has_prefix (second.out, again));
  g_assert_nonnull (strstr (second.out, skipped));

  g_assert_cmpint (unreadable.status, ==, 2);
  g_assert_cmpstr (unreadable.out, ==, "");
  g_assert_cmpstr (unreadable.err, !=, "");
  g_assert_cmpint (not_jsonl.status, ==, 2);
  g_assert_cmpstr (not_jsonl.out, ==, "");
  g_assert_nonnull (strstr (not_jsonl.err, "JSONL"));

  /* Endless zeros: refused, not read into memory until it runs out. */
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_auto(Run) zeros = { 0 };

      admin (&zeros, "import", "/dev/zero", NULL);
      g_assert_cmpint (zeros.status, ==, 2);
      g_assert_cmpstr (zeros.out, ==, "");
      g_assert_nonnull (strstr (zeros.err, "JSONL"));
    }

  g_unlink (path);
  g_unlink (csv);
}

/* The text of the PDF at @path has decimals written with @separator (the
 * median wait in minutes), and none with the other one. */
static void
assert_pdf_decimals (const char *path,
                     const char *separator)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *other = NULL;
  int status = 0;

  if (pdftotext == NULL)
    return;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  wanted = g_strdup_printf ("(^|\\s)\\d+\\%s\\d(\\s|$)", separator);
  other = g_strdup_printf ("\\d\\%s\\d", g_str_equal (separator, ",") ? "." : ",");
  if (!g_regex_match_simple (wanted, text, G_REGEX_MULTILINE, 0) ||
      g_regex_match_simple (other, text, 0, 0))
    g_error ("decimals not written with “%s”:\n%s", separator, text);
}

/* The funder report: a PDF that a PDF reader can draw, the CSV and the
 * workbook; wrong input is exit status 2 and writes nothing. */
static void
test_admin_report (void)
{
  g_autofree char *folder = g_path_get_dirname (database);
  g_autofree char *pdf = g_build_filename (folder, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (folder, "report.csv", NULL);
  g_autofree char *xlsx = g_build_filename (folder, "report.xlsx", NULL);
  g_autofree char *wrong = g_build_filename (folder, "wrong.pdf", NULL);
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_auto(Run) take = { 0 }, call = { 0 }, sv = { 0 }, en = { 0 }, table = { 0 }, book = { 0 };
  const char *cases[][12] = {
    { "report", "--to", "2026-01-31", "-o", NULL },                                    /* no start */
    { "report", "--from", "2026-13-01", "--to", "2026-12-31", "-o", NULL },            /* no such month */
    { "report", "--from", "2026-02-01", "--to", "2026-01-31", "-o", NULL },            /* backwards */
    { "report", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "doc", "-o", NULL },
    { "report", "--from", "2026-01-01", "--to", "2026-01-31", "--lang", "de", "-o", NULL },
    { "report", "--from", "2026-01-01", "--to", "2026-01-31", NULL },                  /* no output */
    { "report", "extra", "--from", "2026-01-01", "--to", "2026-01-31", "-o", NULL },
    /* wrong.pdf is no CSV file */
    { "report", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "csv", "-o", NULL },
  };
  char *own_database = database;
  gsize length = 0;

  /* A database of its own: today holds one anonymous ticket, called (so
   * there is a median wait, in minutes with a decimal). */
  database = g_build_filename (folder, "report.db", NULL);
  admin (&take, "ticket", "take", "A", NULL);
  g_assert_cmpint (take.status, ==, 0);
  admin (&call, "call-next", "--desk", "1", NULL);
  g_assert_cmpint (call.status, ==, 0);

  admin (&sv, "report", "--from", today, "--to", today, "--output", pdf, NULL);
  g_assert_cmpint (sv.status, ==, 0);
  g_assert_cmpstr (sv.err, ==, "");
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 1000);
  g_clear_pointer (&contents, g_free);

  if (pdftoppm != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *pages = g_dir_make_tmp ("lotsen-report-XXXXXX", &error);
      g_autofree char *prefix = NULL;
      g_autofree char *first = NULL;
      const char *argv[] = { pdftoppm, "-png", "-r", "50", pdf, NULL, NULL };
      int status = 0;

      g_assert_no_error (error);
      prefix = g_build_filename (pages, "page", NULL);
      argv[5] = prefix;
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      /* The title page, the charts, the tables. */
      first = g_build_filename (pages, "page-1.png", NULL);
      g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
      {
        g_autofree char *third = g_build_filename (pages, "page-3.png", NULL);
        g_assert_true (g_file_test (third, G_FILE_TEST_IS_REGULAR));
      }
      remove_tree (pages);
    }

  /* Swedish writes the median with a decimal comma, with no system locale. */
  assert_pdf_decimals (pdf, ",");

  admin (&en, "report", "--from", today, "--to", today, "--lang", "en", "--format", "pdf", "-o", pdf, NULL);
  g_assert_cmpint (en.status, ==, 0);
  assert_pdf_decimals (pdf, ".");

  admin (&table, "report", "--from", today, "--to", today, "--format", "csv", "-o", csv, NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  /* In Swedish by default, every header and key. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Månad;Deltagare;Nya;"));
  /* The one anonymous ticket of today. */
  g_assert_nonnull (strstr (contents, "\r\nTotalt;0;0;0;1;1;0;0;0;0\r\n"));
  g_assert_null (strstr (contents, "participants"));
  g_clear_pointer (&contents, g_free);

  {
    g_auto(Run) english = { 0 };

    admin (&english, "report", "--from", today, "--to", today, "--format", "csv", "--lang", "en", "-o", csv, NULL);
    g_assert_cmpint (english.status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Month;Participants;New;"));
    g_assert_nonnull (strstr (contents, "\r\nTotal;0;0;0;1;1;0;0;0;0\r\n"));
    g_clear_pointer (&contents, g_free);
  }

  /* The file's name says which format when --format does not. */
  admin (&book, "report", "--from", today, "--to", today, "-o", xlsx, NULL);
  g_assert_cmpint (book.status, ==, 0);
  g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char **argv = cases[i];
      guint n = 0;

      while (argv[n] != NULL)
        n++;
      /* "-o" takes the file that must not appear. */
      if (g_str_equal (argv[n - 1], "-o"))
        argv[n] = wrong;

      admin (&run, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5], argv[6], argv[7], argv[8],
             argv[9], argv[10], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
      g_assert_false (g_file_test (wrong, G_FILE_TEST_EXISTS));
    }

  g_unlink (pdf);
  g_unlink (csv);
  g_unlink (xlsx);
  g_free (database);
  database = own_database;
}

static void
test_admin_activities (void)
{
  g_autofree char *saved = database;
  g_autofree char *dir = g_path_get_dirname (saved);
  g_autofree char *own = g_build_filename (dir, "activities.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open (own, NULL, &error);
  g_autoptr(LotsenActivityDraft) draft = lotsen_activity_draft_new ();
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(LotsenSignup) first = NULL, second = NULL, third = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *day = NULL, *starts = NULL, *id = NULL, *expected = NULL;
  g_auto(Run) list = { 0 }, empty = { 0 }, signups = { 0 }, bad_day = { 0 }, bad_id = { 0 };
  g_auto(Run) unknown = { 0 }, bare = { 0 };

  /* The tool runs on the real clock: an activity the day after tomorrow. */
  g_assert_no_error (error);
  now = lotsen_store_to_local (store, g_get_real_time () / G_USEC_PER_SEC);
  when = g_date_time_new (lotsen_store_get_timezone (store), g_date_time_get_year (now),
                          g_date_time_get_month (now), g_date_time_get_day_of_month (now), 14, 30, 0);
  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_add_days (when, 2);

  draft->category = g_strdup ("language");
  draft->pictogram = g_strdup ("lotsen-coffee-symbolic");
  draft->capacity = 2;
  draft->once = g_date_time_ref (now);
  lotsen_activity_draft_set_text (draft, "sv", "Läxhjälp", NULL);
  lotsen_activity_draft_set_text (draft, "en", "Homework help", NULL);
  g_assert_cmpint (lotsen_activity_create (store, draft, &error), >, 0);
  g_assert_no_error (error);

  sessions = lotsen_activity_list_sessions (store, 0, G_MAXINT64, "sv", NULL, FALSE, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, ((LotsenSession *) sessions->pdata[0])->id);

  first = lotsen_activity_sign_up (store, ((LotsenSession *) sessions->pdata[0])->id, 0, "Amina", "0701111111", 2, &error);
  second = lotsen_activity_sign_up (store, ((LotsenSession *) sessions->pdata[0])->id, 0, "Sara", "0702222222", 1, &error);
  third = lotsen_activity_sign_up (store, ((LotsenSession *) sessions->pdata[0])->id, 0, "Omar", "0703333333", 2, &error);
  g_assert_no_error (error);
  g_assert_true (lotsen_activity_cancel_signup (store, first->id, &error));
  g_assert_no_error (error);

  database = own;
  day = g_date_time_format (now, "%Y-%m-%d");
  starts = g_date_time_format (now, "%Y-%m-%d %H:%M");
  admin (&list, "activity", "list", "--from", day, "--to", day, NULL);
  admin (&empty, "activity", "list", "--from", "2020-01-01", "--to", "2020-01-31", NULL);
  admin (&signups, "signups", id, NULL);
  admin (&bad_day, "activity", "list", "--from", "1 May", NULL);
  admin (&bad_id, "signups", "first", NULL);
  admin (&unknown, "signups", "99999", NULL);
  admin (&bare, "activity", NULL);
  database = g_steal_pointer (&saved);

  expected = g_strdup_printf ("%s\t%s\tLäxhjälp\t1/2\t2\n", id, starts);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, expected);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_cmpstr (empty.out, ==, "");

  /* Sara got one of Amina's seats (staff phone her); Omar's two do not fit. */
  g_assert_cmpint (signups.status, ==, 0);
  g_assert_cmpstr (signups.out, ==, "confirmed\tSara\t1\tpromoted\nwaiting 1\tOmar\t2\t-\n");

  g_assert_cmpint (bad_day.status, ==, 2);
  g_assert_cmpint (bad_id.status, ==, 2);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpint (bare.status, ==, 2);
  g_assert_true (g_str_has_prefix (bad_id.err, "lotsen-admin: "));
}

/* The number of audit rows of @what in @path. */
static int
count_audit (const char *path,
             const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open (path, NULL, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n;

  g_assert_no_error (error);
  stmt = lotsen_store_prepare (store, "SELECT count (*) FROM audit WHERE what = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, what, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  return n;
}

static int
count_rows (const char *path,
            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = lotsen_store_open (path, NULL, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = lotsen_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* Closing a closed ticket says so; an .xlsx file gets a workbook, or a
 * clear refusal when --format says otherwise; reading a visitor is
 * audited; the waiting list is numbered in its order even when the
 * stored places are stale. */
static void
test_admin_small_defects (void)
{
  g_autofree char *saved = database;
  g_autofree char *dir = g_path_get_dirname (saved);
  g_autofree char *own = g_build_filename (dir, "defects.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "v.xlsx", NULL);
  g_autofree char *wrong = g_build_filename (dir, "w.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) take = { 0 }, call = { 0 }, done = { 0 }, again = { 0 }, noshow = { 0 };
  g_auto(Run) book = { 0 }, mismatch = { 0 }, show = { 0 }, signups = { 0 };
  g_autofree char *code = NULL;

  database = own;
  admin (&take, "ticket", "take", "A", NULL);
  admin (&call, "call-next", "--desk", "1", NULL);
  admin (&done, "ticket", "done", "A001", NULL);
  g_assert_cmpint (done.status, ==, 0);
  admin (&again, "ticket", "done", "A001", NULL);
  admin (&noshow, "ticket", "no-show", "A001", NULL);
  g_assert_cmpint (again.status, ==, 2);
  g_assert_nonnull (strstr (again.err, "already closed"));
  g_assert_null (strstr (again.err, "has not been called"));
  g_assert_cmpint (noshow.status, ==, 2);
  g_assert_nonnull (strstr (noshow.err, "already closed"));

  /* The extension names the format; a contradiction is refused. */
  admin (&book, "export", "tickets", "--output", xlsx, NULL);
  g_assert_cmpint (book.status, ==, 0);
  g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));
  admin (&mismatch, "export", "tickets", "--format", "csv", "--output", wrong, NULL);
  g_assert_cmpint (mismatch.status, ==, 2);
  g_assert_nonnull (strstr (mismatch.err, "--format"));
  g_assert_false (g_file_test (wrong, G_FILE_TEST_EXISTS));

  {
    g_autoptr(LotsenStore) store = lotsen_store_open (own, NULL, &error);
    g_autoptr(LotsenVisitorDraft) draft = lotsen_visitor_draft_new ();
    g_autoptr(LotsenVisitor) visitor = NULL;
    g_autoptr(LotsenActivityDraft) activity = lotsen_activity_draft_new ();
    g_autoptr(GDateTime) now = g_date_time_new_now (lotsen_store_get_timezone (store));
    g_autoptr(GDateTime) when = g_date_time_add_days (now, 3);
    g_autoptr(GPtrArray) sessions = NULL;
    gint64 session;
    const char * const names[] = { "Sara", "Omar", "Lina" };
    const char * const phones[] = { "0702222222", "0703333333", "0704444444" };

    g_assert_no_error (error);
    draft->lang = g_strdup ("sv");
    draft->given_name = g_strdup ("Amina");
    draft->consent = TRUE;
    visitor = lotsen_visitor_register (store, draft, &error);
    g_assert_no_error (error);
    code = g_strdup (visitor->code);

    activity->category = g_strdup ("language");
    activity->pictogram = g_strdup ("lotsen-coffee-symbolic");
    activity->capacity = 1;
    activity->once = g_date_time_ref (when);
    lotsen_activity_draft_set_text (activity, "sv", "Läxhjälp", NULL);
    g_assert_cmpint (lotsen_activity_create (store, activity, &error), >, 0);
    g_assert_no_error (error);
    sessions = lotsen_activity_list_sessions (store, 0, G_MAXINT64, "sv", NULL, FALSE, &error);
    g_assert_no_error (error);
    session = 0;
    for (guint i = 0; i < sessions->len; i++)
      if (g_strcmp0 (((LotsenSession *) sessions->pdata[i])->title, "Läxhjälp") == 0)
        session = ((LotsenSession *) sessions->pdata[i])->id;
    g_assert_cmpint (session, >, 0);
    id = g_strdup_printf ("%" G_GINT64_FORMAT, session);

    /* Amina has the seat; three wait. */
    lotsen_signup_free (lotsen_activity_sign_up (store, session, 0, "Amina", "0701111111", 1, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        LotsenSignup *signup = lotsen_activity_sign_up (store, session, 0, names[i], phones[i], 1, &error);

        g_assert_no_error (error);
        lotsen_signup_free (signup);
      }
    /* Places stored the wrong way round, as an older import left them. */
    g_assert_true (lotsen_store_exec (store, "UPDATE signup SET position = 4 - position WHERE status = 'waitlisted'",
                                      &error));
    g_assert_no_error (error);
  }

  g_assert_cmpint (count_audit (own, "visitor_show"), ==, 0);
  admin (&show, "visitor", "show", code, NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_cmpint (count_audit (own, "visitor_show"), ==, 1);

  admin (&signups, "signups", id, NULL);
  g_assert_cmpint (signups.status, ==, 0);
  g_assert_cmpstr (signups.out, ==,
                   "confirmed\tAmina\t1\t-\nwaiting 1\tSara\t1\t-\nwaiting 2\tOmar\t1\t-\nwaiting 3\tLina\t1\t-\n");

  /* Sign-ups imported before their sessions: kept, said in one line,
   * exit status 4; placed when the sessions come, exit status 0. */
  {
    g_autofree char *signups_file = g_build_filename (dir, "signups.jsonl", NULL);
    g_autofree char *sessions_file = g_build_filename (dir, "sessions.jsonl", NULL);
    g_autofree char *later = g_build_filename (dir, "later.db", NULL);
    g_auto(Run) out1 = { 0 }, out2 = { 0 }, first = { 0 }, second = { 0 };

    admin (&out1, "export", "signups", "--format", "jsonl", "--output", signups_file, NULL);
    admin (&out2, "export", "activities", "--format", "jsonl", "--output", sessions_file, NULL);
    g_assert_cmpint (out1.status, ==, 0);
    g_assert_cmpint (out2.status, ==, 0);

    database = later;
    admin (&first, "import", signups_file, NULL);
    g_assert_cmpint (first.status, ==, 4);
    g_assert_nonnull (strstr (first.err, "4 sign-ups wait for their sessions"));
    g_assert_null (strchr (strchr (first.err, '\n') + 1, '\n'));
    g_assert_cmpint (count_rows (later, "signup"), ==, 0);

    admin (&second, "import", sessions_file, NULL);
    g_assert_cmpint (second.status, ==, 0);
    g_assert_cmpstr (second.err, ==, "");
    g_assert_nonnull (strstr (second.out, "4 rows of earlier imports placed or linked to their visitors now"));
    g_assert_cmpint (count_rows (later, "signup"), ==, 4);
    database = own;
  }

  database = g_steal_pointer (&saved);
}

/* The site's names as settings, on the report's cover; an import or an
 * export into a database lotsen-admin makes adds no demo rows. */
static void
test_admin_settings (void)
{
  g_autofree char *saved = database;
  g_autofree char *dir = g_path_get_dirname (saved);
  g_autofree char *own = g_build_filename (dir, "settings.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *out = g_build_filename (dir, "fresh.jsonl", NULL);
  g_autofree char *pdf = g_build_filename (dir, "cover.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_auto(Run) set_site = { 0 }, set_project = { 0 }, get_site = { 0 }, get_days = { 0 }, bad_key = { 0 };
  g_auto(Run) too_long = { 0 }, report = { 0 }, export = { 0 }, bare = { 0 };
  g_autofree char *long_name = g_strnfill (81, 'x');

  database = own;
  admin (&set_site, "setting", "set", "site_name", "  Mötesplats Malmö ", NULL);
  admin (&set_project, "setting", "set", "project_name", "Vägen in", NULL);
  admin (&get_site, "setting", "get", "site_name", NULL);
  admin (&get_days, "setting", "get", "retention_days", NULL);
  admin (&bad_key, "setting", "set", "colour", "blue", NULL);
  admin (&too_long, "setting", "set", "project_name", long_name, NULL);
  admin (&bare, "setting", "set", "site_name", NULL);
  g_assert_cmpint (set_site.status, ==, 0);
  g_assert_cmpint (set_project.status, ==, 0);
  g_assert_cmpstr (get_site.out, ==, "Mötesplats Malmö\n");
  g_assert_cmpstr (get_days.out, ==, "365\n");
  g_assert_cmpint (bad_key.status, ==, 2);
  g_assert_nonnull (strstr (bad_key.err, "site_name"));
  g_assert_cmpint (too_long.status, ==, 2);
  g_assert_cmpint (bare.status, ==, 2);
  g_assert_cmpint (count_audit (own, "settings"), ==, 2);

  /* The ESF+ questions: off until turned on; only on or off. */
  {
    g_auto(Run) esf_off = { 0 }, esf_on = { 0 }, esf_get = { 0 }, esf_bad = { 0 };

    admin (&esf_off, "setting", "get", "esf_fields", NULL);
    g_assert_cmpstr (esf_off.out, ==, "off\n");
    admin (&esf_bad, "setting", "set", "esf_fields", "yes", NULL);
    g_assert_cmpint (esf_bad.status, ==, 2);
    g_assert_nonnull (strstr (esf_bad.err, "esf_fields"));
    admin (&esf_on, "setting", "set", "esf_fields", "on", NULL);
    g_assert_cmpint (esf_on.status, ==, 0);
    admin (&esf_get, "setting", "get", "esf_fields", NULL);
    g_assert_cmpstr (esf_get.out, ==, "on\n");
    g_assert_cmpint (count_audit (own, "settings"), ==, 3);
  }

  admin (&report, "report", "--from", "2026-01-01", "--to", "2026-01-31", "--lang", "en", "-o", pdf, NULL);
  g_assert_cmpint (report.status, ==, 0);
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-l", "1", pdf, "-", NULL };
      g_autofree char *text = NULL;
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, NULL);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (text, "Vägen in — Mötesplats Malmö"));
      g_assert_null (strstr (text, "Lotsen"));
    }

  database = fresh;
  admin (&export, "export", "activities", "--format", "jsonl", "--output", out, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpint (count_rows (fresh, "activity"), ==, 0);
  g_assert_cmpint (count_rows (fresh, "service"), ==, 0);

  /* An import into a database it makes: the file's rows only. */
  {
    g_autofree char *other = g_build_filename (dir, "fresh-import.db", NULL);
    g_autofree char *visitors = g_build_filename (dir, "one-visitor.jsonl", NULL);
    g_auto(Run) import = { 0 };

    g_assert_true (g_file_set_contents (visitors,
                                        "{\"dataset\":\"visitors\",\"uuid\":\"11111111-1111-4111-8111-111111111111\","
                                        "\"created_at\":\"2026-11-25T09:30:00+01:00\",\"given_name\":\"Amina\"}\n",
                                        -1, NULL));
    database = other;
    admin (&import, "import", visitors, NULL);
    g_assert_cmpint (import.status, ==, 0);
    g_assert_cmpint (count_rows (other, "visitor"), ==, 1);
    g_assert_cmpint (count_rows (other, "activity"), ==, 0);
    g_assert_cmpint (count_rows (other, "session"), ==, 0);
    g_assert_cmpint (count_rows (other, "service"), ==, 0);
  }

  database = g_steal_pointer (&saved);
}

/* backup while other lotsen-admin processes take tickets, then restore:
 * the copy is whole, and wrong files are refused with status 2. */
static void
test_admin_backup_restore (void)
{
  g_autofree char *saved = database;
  g_autofree char *dir = g_path_get_dirname (saved);
  g_autofree char *copy = g_build_filename (dir, "backup.db", NULL);
  g_autofree char *garbage = g_build_filename (dir, "not-a-backup.db", NULL);
  g_autoptr(GPtrArray) writers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_auto(Run) first = { 0 }, backup = { 0 }, more = { 0 }, restore = { 0 }, after = { 0 };
  g_auto(Run) refused = { 0 }, missing = { 0 }, no_output = { 0 }, extra = { 0 };
  gint64 count;

  database = g_build_filename (dir, "backup-source.db", NULL);
  admin (&first, "ticket", "take", "A", NULL);
  g_assert_cmpint (first.status, ==, 0);

  for (int i = 0; i < PARALLEL; i++)
    {
      const char *argv[] = { admin_path, "--database", database, "ticket", "take", "B", NULL };

      g_ptr_array_add (writers, g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error));
      g_assert_no_error (error);
    }

  admin (&backup, "backup", "--output", copy, NULL);

  for (guint i = 0; i < writers->len; i++)
    {
      g_subprocess_wait_check (writers->pdata[i], NULL, &error);
      g_assert_no_error (error);
    }

  g_assert_cmpint (backup.status, ==, 0);
  g_assert_cmpstr (backup.out, ==, "");
  g_assert_cmpint (query_database_int (copy, "SELECT count(*) = 1 FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
  count = query_database_int (copy, "SELECT count(*) FROM ticket WHERE service_id = (SELECT id FROM service WHERE prefix = 'B')");
  g_assert_cmpint (count, ==, query_database_int (copy, "SELECT coalesce(max(number), 0) FROM ticket "
                                                        "WHERE service_id = (SELECT id FROM service WHERE prefix = 'B')"));
  g_assert_cmpint (query_database_int (copy, "SELECT count(*) FROM ticket"), ==, count + 1);
  g_assert_cmpint (query_database_int (database, "SELECT count(*) FROM ticket"), ==, PARALLEL + 1);

  /* The kiosk's panel shows when it was made. */
  g_assert_cmpint (query_database_int (database, "SELECT count(*) FROM setting WHERE key = 'backup_last_at'"), ==, 1);

  admin (&more, "ticket", "take", "A", NULL);
  admin (&restore, "restore", copy, NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_nonnull (strstr (restore.err, ".before-restore-"));
  g_assert_cmpint (query_database_int (database, "SELECT count(*) FROM ticket"), ==, count + 1);
  g_assert_cmpint (query_database_int (database, "SELECT count(*) FROM audit WHERE what = 'restore'"), ==, 1);
  admin (&after, "ticket", "take", "A", NULL);
  g_assert_cmpstr (after.out, ==, "A002\n");

  /* Wrong input changes nothing. */
  g_assert_true (g_file_set_contents (garbage, "not a database at all, but long enough to be read as one", -1, NULL));
  admin (&refused, "restore", garbage, NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_true (g_str_has_prefix (refused.err, "lotsen-admin: "));
  admin (&missing, "restore", "/nonexistent/backup.db", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  admin (&no_output, "backup", NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  admin (&extra, "restore", copy, "again", NULL);
  g_assert_cmpint (extra.status, ==, 2);
  g_assert_cmpint (query_database_int (database, "SELECT count(*) FROM ticket"), ==, count + 2);

  g_free (database);
  database = g_steal_pointer (&saved);
}

/* lotsen-admin runs on the real clock: Gul came 100 days before it,
 * Hamid 10 days before. */
static void
test_admin_outcome (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenClock) clock = lotsen_clock_new_fixed (now - 100 * 24 * 3600);
  g_autoptr(LotsenStore) store = lotsen_store_open (database, clock, &error);
  g_autoptr(LotsenVisitor) gul = NULL;
  g_autoptr(LotsenVisitor) hamid = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *expected = NULL;
  g_auto(Run) due = { 0 }, set = { 0 }, list = { 0 }, due_after = { 0 }, removed = { 0 };

  g_assert_no_error (error);
  gul = register_visitor (store, "Gul");
  lotsen_clock_set_now (clock, now - 10 * 24 * 3600);
  hamid = register_visitor (store, "Hamid");

  /* Due: Gul, with her phone; not Hamid yet. */
  admin (&due, "outcome", "list", "--due", NULL);
  g_assert_cmpint (due.status, ==, 0);
  g_assert_true (strstr (due.out, gul->code) != NULL);
  {
    g_autofree char *line = g_strdup_printf ("%s\tGul\t%s\t", gul->code, gul->phone);

    if (strstr (due.out, line) == NULL)
      g_error ("“%s” is not in the follow-up list:\n%s", line, due.out);
  }
  g_assert_null (strstr (due.out, hamid->code));

  /* The same list as a CSV file for a spreadsheet: a header, Gul's row
   * with her phone; written whole, audited. */
  {
    g_autofree char *dir = g_path_get_dirname (database);
    g_autofree char *csv = g_build_filename (dir, "follow-up.csv", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *row = NULL;
    g_auto(Run) written = { 0 }, refused = { 0 };

    admin (&written, "outcome", "list", "--due", "--output", csv, NULL);
    g_assert_cmpint (written.status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "code;name;phone;first_visit\r\n"));
    /* The phone number as stored, +46…, starts like a formula: it gets an
     * apostrophe, so a spreadsheet shows it as text. */
    g_assert_true (g_str_has_prefix (gul->phone, "+"));
    row = g_strdup_printf ("%s;Gul;\"'%s\";", gul->code, gul->phone);
    g_assert_nonnull (strstr (contents, row));
    g_assert_null (strstr (contents, hamid->code));
    g_assert_cmpint (query_database_int (database, "SELECT count(*) FROM audit WHERE detail LIKE 'follow-up list, 1 rows%'"), ==, 1);

    admin (&refused, "outcome", "list", "--output", csv, NULL);
    g_assert_cmpint (refused.status, ==, 2);
  }

  /* Wrong input: exit 2, nothing stored. */
  {
    const char *bad[][3] = {
      { gul->code, "lottery", NULL },
      { gul->code, "sfi", "2026-02-30" },
      { gul->code, "sfi", "2999-01-01" },
      { "XXXXX", "sfi", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(Run) run = { 0 };

        if (bad[i][2] != NULL)
          admin (&run, "outcome", "set", bad[i][0], bad[i][1], "--date", bad[i][2], NULL);
        else
          admin (&run, "outcome", "set", bad[i][0], bad[i][1], NULL);
        if (run.status != 2)
          g_error ("outcome set %s %s: status %d, not 2", bad[i][0], bad[i][1], run.status);
        g_assert_true (g_str_has_prefix (run.err, "lotsen-admin: "));
      }
    g_assert_cmpint (query_database_int (database, "SELECT count(*) FROM outcome"), ==, 0);
  }

  admin (&set, "outcome", "set", gul->code, "komvux", "--note", "evening", NULL);
  g_assert_cmpint (set.status, ==, 0);
  admin (&list, "outcome", "list", NULL);
  expected = g_strdup_printf ("%s\tkomvux\t%s\tstaff\tevening\n", gul->code, day);
  g_assert_cmpstr (list.out, ==, expected);
  g_assert_cmpint (query_database_int (database, "SELECT count(*) FROM audit WHERE what = 'outcome set'"), ==, 1);

  /* With an outcome Gul is no longer due. */
  admin (&due_after, "outcome", "list", "--due", NULL);
  g_assert_cmpstr (due_after.out, ==, "");

  admin (&removed, "outcome", "remove", gul->code, "komvux", NULL);
  g_assert_cmpint (removed.status, ==, 0);
  g_assert_cmpint (query_database_int (database, "SELECT count(*) FROM outcome"), ==, 0);
}

/* voice coverage counts the clips of a language without a voice; voice
 * export copies the ones recorded at the kiosk. */
static void
test_admin_voice (void)
{
  g_autofree char *home = g_dir_make_tmp ("lotsen-voice-XXXXXX", NULL);
  g_autofree char *shipped = g_build_filename (home, "shipped", NULL);
  g_autofree char *lotsen = g_build_filename (home, "lotsen", NULL);
  g_autofree char *clips = g_build_filename (lotsen, "clips", NULL);
  g_autofree char *ti = g_build_filename (clips, "ti", NULL);
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "Queue ticket", -1);
  g_autofree char *name = g_strconcat (key, ".ogg", NULL);
  g_autofree char *clip = g_build_filename (ti, name, NULL);
  g_autofree char *out = g_build_filename (home, "out", NULL);
  g_autofree char *out_ti = g_build_filename (out, "ti", NULL);
  g_autofree char *copied = g_build_filename (out_ti, name, NULL);
  g_autofree char *ti_line = NULL;
  g_auto(Run) coverage = { 0 };
  g_auto(Run) exported = { 0 };
  g_auto(Run) wrong = { 0 };
  unsigned n = 0, m = 0;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("LOTSEN_CLIPSDIR", shipped, TRUE);
  g_assert_cmpint (g_mkdir_with_parents (ti, 0755), ==, 0);
  g_assert_true (g_file_set_contents (clip, "OggS", -1, NULL));

  admin (&coverage, "voice", "coverage", NULL);
  g_assert_cmpint (coverage.status, ==, 0);
  g_assert_cmpint (sscanf (strstr (coverage.out, "sv: "), "sv: %u of %u (voice)", &n, &m), ==, 2);
  g_assert_cmpuint (n, ==, m);
  g_assert_cmpuint (m, >, 50);
  g_assert_nonnull (strstr (coverage.out, "ar: "));
  ti_line = g_strdup_printf ("ti: 1 of %u (clips)\n", m);
  g_assert_nonnull (strstr (coverage.out, ti_line));
  g_assert_nonnull (strstr (coverage.out, "so: 0 of "));

  admin (&exported, "voice", "export", out, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (exported.out, ==, "ti: 1 clip\n");

  admin (&wrong, "voice", NULL);
  g_assert_cmpint (wrong.status, ==, 2);

  g_unlink (copied);
  g_rmdir (out_ti);
  g_rmdir (out);
  g_unlink (clip);
  g_rmdir (ti);
  g_rmdir (clips);
  g_rmdir (lotsen);
  g_rmdir (home);
  g_unsetenv ("XDG_DATA_HOME");
  g_unsetenv ("LOTSEN_CLIPSDIR");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: test-admin PATH-TO-LOTSEN-ADMIN\n");
      return 2;
    }
  admin_path = argv[1];

  dir = g_dir_make_tmp ("lotsen-admin-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (dir, "lotsen.db", NULL);

  g_test_add_func ("/admin/journey", test_admin_journey);
  g_test_add_func ("/admin/recall-transfer", test_admin_recall_transfer);
  g_test_add_func ("/admin/ticket-print", test_admin_ticket_print);
  g_test_add_func ("/admin/bad-input", test_admin_bad_input);
  g_test_add_func ("/admin/corrupt-database", test_admin_corrupt_database);
  g_test_add_func ("/admin/parallel", test_admin_parallel);
  g_test_add_func ("/admin/visitor", test_admin_visitor);
  g_test_add_func ("/admin/export", test_admin_export);
  g_test_add_func ("/admin/export/formats", test_admin_export_formats);
  g_test_add_func ("/admin/purge", test_admin_purge);
  g_test_add_func ("/admin/import", test_admin_import);
  g_test_add_func ("/admin/activities", test_admin_activities);
  g_test_add_func ("/admin/report", test_admin_report);
  g_test_add_func ("/admin/backup-restore", test_admin_backup_restore);
  g_test_add_func ("/admin/small-defects", test_admin_small_defects);
  g_test_add_func ("/admin/settings", test_admin_settings);
  g_test_add_func ("/admin/outcome", test_admin_outcome);
  g_test_add_func ("/admin/voice", test_admin_voice);

  status = g_test_run ();

  remove_tree (dir);
  g_free (database);
  return status;
}
