/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lotsen-i18n.h"

static void
test_i18n_table (void)
{
  g_autofree char *linguas_path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *linguas = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  const LotsenLanguage *languages;
  guint n_languages;

  languages = lotsen_i18n_get_all_languages (&n_languages);
  g_assert_cmpstr (languages[0].code, ==, LOTSEN_DEFAULT_LANGUAGE);
  g_assert_true (languages[0].offered);

  g_file_get_contents (linguas_path, &linguas, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (linguas, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      /* Every catalogue has a line in po/languages.ini … */
      g_assert_nonnull (lotsen_i18n_lookup (lines[i]));
      g_hash_table_add (listed, lines[i]);
    }

  /* … and every language the build made has a catalogue, a native name,
   * a keyboard and a plural count; the offered ones come first, and are
   * those translated at least to the threshold. */
  for (guint i = 0; i < n_languages; i++)
    {
      g_assert_true (g_hash_table_contains (listed, languages[i].code));
      g_assert_true (g_utf8_validate (languages[i].native_name, -1, NULL));
      g_assert_cmpuint (strlen (languages[i].native_name), >, 0);
      g_assert_cmpuint (strlen (languages[i].keyboard), >, 0);
      g_assert_cmpuint (languages[i].n_plurals, >=, 1);
      g_assert_true (lotsen_i18n_lookup (languages[i].code) == &languages[i]);
      g_assert_cmpint (languages[i].offered, ==,
                       languages[i].coverage >= LOTSEN_I18N_THRESHOLD || i == 0);
      if (i > 0 && languages[i].offered)
        g_assert_true (languages[i - 1].offered);
    }
  g_assert_cmpuint (g_hash_table_size (listed), ==, n_languages);

  /* The data of po/languages.ini, not defaults. */
  g_assert_cmpstr (lotsen_i18n_lookup ("ar")->list_separator, ==, "، ");
  g_assert_cmpstr (lotsen_i18n_lookup ("sv")->list_separator, ==, ", ");
  g_assert_cmpuint (lotsen_i18n_lookup ("ar")->n_plurals, ==, 6);
  g_assert_cmpstr (lotsen_i18n_lookup ("fa")->keyboard, ==, "fa");

  g_assert_cmpint (lotsen_i18n_lookup ("ar")->direction, ==, LOTSEN_TEXT_DIRECTION_RTL);
  g_assert_cmpint (lotsen_i18n_lookup ("fa")->direction, ==, LOTSEN_TEXT_DIRECTION_RTL);
  g_assert_cmpint (lotsen_i18n_lookup ("ti")->direction, ==, LOTSEN_TEXT_DIRECTION_LTR);
  g_assert_null (lotsen_i18n_lookup ("xx"));
  g_assert_null (lotsen_i18n_lookup (NULL));
}

/* The language changes while the process runs: sv → ar → ti → sv. */
static void
test_i18n_switch (void)
{
  const char *msgid = "Queue ticket";
  g_autofree char *swedish = NULL;
  g_autofree char *arabic = NULL;
  g_autofree char *tigrinya = NULL;

  g_assert_true (lotsen_i18n_set_language ("sv"));
  swedish = g_strdup (_(msgid));
  g_assert_cmpstr (swedish, !=, msgid);
  g_assert_cmpint (lotsen_i18n_get_direction (), ==, LOTSEN_TEXT_DIRECTION_LTR);

  g_assert_true (lotsen_i18n_set_language ("ar"));
  arabic = g_strdup (_(msgid));
  g_assert_cmpstr (arabic, !=, msgid);
  g_assert_cmpstr (arabic, !=, swedish);
  g_assert_cmpstr (lotsen_i18n_get_language (), ==, "ar");
  g_assert_cmpint (lotsen_i18n_get_direction (), ==, LOTSEN_TEXT_DIRECTION_RTL);
  /* Arabic script: U+0600 to U+06FF. */
  g_assert_cmpint (g_utf8_get_char (arabic), >=, 0x0600);
  g_assert_cmpint (g_utf8_get_char (arabic), <=, 0x06FF);

  g_assert_true (lotsen_i18n_set_language ("ti"));
  tigrinya = g_strdup (_(msgid));
  /* Ge'ez script: U+1200 to U+137F. */
  g_assert_cmpint (g_utf8_get_char (tigrinya), >=, 0x1200);
  g_assert_cmpint (g_utf8_get_char (tigrinya), <=, 0x137F);
  g_assert_cmpint (lotsen_i18n_get_direction (), ==, LOTSEN_TEXT_DIRECTION_LTR);

  g_assert_true (lotsen_i18n_set_language ("sv"));
  g_assert_cmpstr (_(msgid), ==, swedish);

  /* An unknown code changes nothing. */
  g_assert_false (lotsen_i18n_set_language ("xx"));
  g_assert_cmpstr (lotsen_i18n_get_language (), ==, "sv");
  g_assert_cmpstr (_(msgid), ==, swedish);
}

/* Every language really is translated: the welcome tiles never show the
 * English source in another language. */
static void
test_i18n_every_language (void)
{
  const char *msgids[] = { "Welcome!", "Register", "Activities", "Queue ticket", "Your number" };
  const LotsenLanguage *languages;
  guint n_languages;

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      if (g_str_equal (languages[i].code, "en"))
        continue;

      lotsen_i18n_set_language (languages[i].code);
      for (guint m = 0; m < G_N_ELEMENTS (msgids); m++)
        if (g_strcmp0 (_(msgids[m]), msgids[m]) == 0)
          g_error ("“%s” is not translated into %s", msgids[m], languages[i].code);
    }

  lotsen_i18n_set_language ("sv");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LOTSEN_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  lotsen_i18n_init (localedir ? localedir : LOCALEDIR);

  g_test_add_func ("/i18n/table", test_i18n_table);
  g_test_add_func ("/i18n/switch", test_i18n_switch);
  g_test_add_func ("/i18n/every-language", test_i18n_every_language);

  return g_test_run ();
}
