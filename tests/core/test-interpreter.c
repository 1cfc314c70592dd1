/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The interpreter languages: many more than the kiosk's own, never
 * Swedish, named in the visitor's language and their own, and a list
 * staff can change that outlives the process. */
#include "config.h"

#include <string.h>

#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-queue.h"
#include "lotsen-demo.h"
#include "lotsen-test-core.h"

/* A new site offers at least twenty, the ones newcomers ask for most. */
static void
test_interpreter_default (StoreFixture  *fixture,
                          gconstpointer  data)
{
  const char *wanted[] = { "ar", "prs", "ps", "fa", "ckb", "kmr", "ti", "am", "so", "om", "tr",
                           "ru", "uk", "hbs", "pl", "th", "fr", "es", "en", "sw" };
  g_auto(GStrv) codes = lotsen_interpreter_list (fixture->store);

  g_assert_cmpuint (g_strv_length (codes), >=, 20);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (!g_strv_contains ((const char * const *) codes, wanted[i]))
      g_error ("A new site does not offer an interpreter in %s", wanted[i]);
  g_assert_false (g_strv_contains ((const char * const *) codes, "sv"));
  g_assert_null (lotsen_interpreter_lookup ("sv"));

  /* Each has its own name, in its own script. */
  g_assert_cmpstr (lotsen_interpreter_lookup ("am")->native_name, ==, "አማርኛ");
  g_assert_cmpstr (lotsen_interpreter_lookup ("prs")->native_name, ==, "دری");
}

/* Named in the visitor's language: Swedish, Arabic, Tigrinya. */
static void
test_interpreter_names (void)
{
  const LotsenInterpreterLanguage *amharic = lotsen_interpreter_lookup ("am");
  guint n_known;
  const LotsenInterpreterLanguage *known = lotsen_interpreter_get_known (&n_known);

  lotsen_i18n_set_language ("sv");
  g_assert_cmpstr (lotsen_interpreter_get_name (amharic), ==, "amhariska");
  lotsen_i18n_set_language ("ar");
  g_assert_cmpstr (lotsen_interpreter_get_name (amharic), ==, "الأمهرية");
  lotsen_i18n_set_language ("ti");
  g_assert_cmpstr (lotsen_interpreter_get_name (amharic), ==, "ኣምሓርኛ");

  /* Every known language is translated in every language the kiosk offers. */
  {
    const LotsenLanguage *languages;
    guint n_languages;

    languages = lotsen_i18n_get_languages (&n_languages);
    for (guint l = 0; l < n_languages; l++)
      {
        if (g_str_equal (languages[l].code, "en"))
          continue;
        lotsen_i18n_set_language (languages[l].code);
        for (guint i = 0; i < n_known; i++)
          if (g_str_equal (lotsen_interpreter_get_name (&known[i]), known[i].name))
            g_error ("“%s” is not translated into %s", known[i].name, languages[l].code);
      }
  }
  lotsen_i18n_set_language ("sv");
}

/* Staff remove and add languages; the list is kept in the database. */
static void
test_interpreter_edit (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = lotsen_interpreter_list (fixture->store);
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) reopened = NULL;
  guint n = g_strv_length (before);

  g_assert_true (lotsen_interpreter_remove (fixture->store, "am", &error));
  g_assert_no_error (error);
  g_assert_true (lotsen_interpreter_remove (fixture->store, "vi", &error));
  g_assert_no_error (error);
  g_assert_true (lotsen_interpreter_add (fixture->store, "am", &error));
  g_assert_no_error (error);
  /* Twice is once. */
  g_assert_true (lotsen_interpreter_add (fixture->store, "am", &error));
  g_assert_no_error (error);

  after = lotsen_interpreter_list (fixture->store);
  g_assert_cmpuint (g_strv_length (after), ==, n - 1);
  g_assert_cmpstr (after[n - 2], ==, "am");   /* added at the end */
  g_assert_false (g_strv_contains ((const char * const *) after, "vi"));

  /* Swedish and unknown codes are refused, with a reason; nothing changes. */
  g_assert_false (lotsen_interpreter_add (fixture->store, "sv", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lotsen_interpreter_add (fixture->store, "xx", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lotsen_interpreter_remove (fixture->store, "vi", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Kept: another connection reads the same list. */
  g_clear_object (&fixture->store);
  fixture->store = lotsen_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  reopened = lotsen_interpreter_list (fixture->store);
  g_assert_cmpstrv (reopened, after);
}

/* A ticket's interpreter is any interpreter language, not only the
 * kiosk's own, and never Swedish. */
static void
test_interpreter_ticket (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenTicket) stored = NULL;

  g_assert_true (lotsen_demo_seed (fixture->store, &error));
  g_assert_no_error (error);
  ticket = lotsen_queue_take_ticket (fixture->store, "A", "sv", &error);
  g_assert_no_error (error);

  g_assert_true (lotsen_queue_set_interpreter (fixture->store, ticket->id, "am", &error));
  g_assert_no_error (error);
  stored = lotsen_queue_get_ticket (fixture->store, ticket->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->interpreter_lang, ==, "am");

  g_assert_false (lotsen_queue_set_interpreter (fixture->store, ticket->id, "sv", &error));
  g_assert_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LOTSEN_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  lotsen_i18n_init (localedir ? localedir : LOCALEDIR);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)
  ADD ("/interpreter/default", test_interpreter_default);
  ADD ("/interpreter/edit", test_interpreter_edit);
  ADD ("/interpreter/ticket", test_interpreter_ticket);
#undef ADD
  g_test_add_func ("/interpreter/names", test_interpreter_names);

  return g_test_run ();
}
