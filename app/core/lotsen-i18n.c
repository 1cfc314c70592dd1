/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-i18n.c — the kiosk's languages and switching language while running.
 *
 * The process runs in a UTF-8 locale (C.UTF-8 when nothing better is set),
 * so no locale has to be generated on the kiosk.  glibc's gettext honours
 * $LANGUAGE for every lookup once its message cache is invalidated, which
 * is how the language changes without a restart.
 *
 * The languages are data, not code: po/languages.ini describes each one,
 * and the build (build-aux/gen-languages.py) keeps those po/LINGUAS builds,
 * adds each catalogue's coverage and compiles the result into the core's
 * resources.  Adding a language is a .po file, its group in languages.ini
 * and its code in LINGUAS; nothing here changes.  $LOTSEN_LANGUAGES_FILE
 * names another such file (tests, a build tree's po/languages.ini).
 */

#define G_LOG_DOMAIN "lotsen-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "lotsen-core-resources.h"
#include "lotsen-i18n.h"

#ifdef HAVE_NL_MSG_CAT_CNTR
extern int _nl_msg_cat_cntr;
#endif

#define LANGUAGES_RESOURCE RESOURCE_BASE "/core/languages.ini"

/* Loaded once and kept for the life of the process: callers hold on to
 * the pointers.  The offered languages come first, in the file's order. */
static LotsenLanguage *languages;
static guint n_all;
static guint n_offered;
static const LotsenLanguage *current;

/* What the kiosk speaks if its language file cannot be read. */
static const LotsenLanguage swedish_only = {
  "sv", "Svenska", "Swedish", "svenska", LOTSEN_TEXT_DIRECTION_LTR, "sv", "sv", ", ", 2, 100, TRUE,
};

static GKeyFile *
open_language_file (GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  const char *path = g_getenv ("LOTSEN_LANGUAGES_FILE");

  if (path != NULL && *path != '\0')
    {
      if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, error))
        return NULL;
    }
  else
    {
      g_autoptr(GBytes) bytes = g_resource_lookup_data (lotsen_core_get_resource (), LANGUAGES_RESOURCE,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, error);

      if (bytes == NULL || !g_key_file_load_from_bytes (file, bytes, G_KEY_FILE_NONE, error))
        return NULL;
    }

  return g_steal_pointer (&file);
}

static gboolean
read_language (GKeyFile       *file,
               const char     *code,
               LotsenLanguage *language)
{
  g_autofree char *name = g_key_file_get_string (file, code, "Name", NULL);
  g_autofree char *direction = g_key_file_get_string (file, code, "Direction", NULL);
  g_autofree char *separator = g_key_file_get_string (file, code, "ListSeparator", NULL);
  g_autofree char *english = g_key_file_get_string (file, code, "EnglishName", NULL);
  g_autofree char *swedish = g_key_file_get_string (file, code, "SwedishName", NULL);
  g_autofree char *keyboard = g_key_file_get_string (file, code, "Keyboard", NULL);

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_warning ("Language %s has no name; it is left out", code);
      return FALSE;
    }

  /* Interned: the strings live as long as the process. */
  language->code = g_intern_string (code);
  language->native_name = g_intern_string (name);
  language->english_name = g_intern_string (english ? english : code);
  language->swedish_name = g_intern_string (swedish ? swedish : language->english_name);
  language->direction = g_strcmp0 (direction, "rtl") == 0 ? LOTSEN_TEXT_DIRECTION_RTL : LOTSEN_TEXT_DIRECTION_LTR;
  language->keyboard = g_intern_string (keyboard ? keyboard : "sv");
  language->list_separator = g_intern_string (separator ? separator : ", ");
  language->n_plurals = (guint) g_key_file_get_integer (file, code, "Plurals", NULL);
  language->coverage = (guint) CLAMP (g_key_file_get_integer (file, code, "Coverage", NULL), 0, 100);
  language->offered = g_key_file_get_boolean (file, code, "Offered", NULL)
                      || g_str_equal (code, LOTSEN_DEFAULT_LANGUAGE);

  if (g_key_file_has_key (file, code, "Voice", NULL))
    {
      g_autofree char *voice = g_key_file_get_string (file, code, "Voice", NULL);

      language->voice = voice && *voice ? g_intern_string (voice) : NULL;
    }

  return TRUE;
}

static void
load_languages (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GKeyFile) file = open_language_file (&error);
      g_auto(GStrv) codes = NULL;
      g_autoptr(GArray) offered = g_array_new (FALSE, TRUE, sizeof (LotsenLanguage));
      g_autoptr(GArray) hidden = g_array_new (FALSE, TRUE, sizeof (LotsenLanguage));
      gboolean has_default = FALSE;

      if (file == NULL)
        g_warning ("Cannot read the language file: %s", error->message);
      else
        codes = g_key_file_get_groups (file, NULL);

      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        {
          LotsenLanguage language = { 0 };

          if (!read_language (file, codes[i], &language))
            continue;
          has_default |= g_str_equal (language.code, LOTSEN_DEFAULT_LANGUAGE);
          /* Swedish first: the first tile, and the fallback of every other. */
          if (g_str_equal (language.code, LOTSEN_DEFAULT_LANGUAGE))
            g_array_prepend_val (offered, language);
          else
            g_array_append_val (language.offered ? offered : hidden, language);
        }
      if (!has_default)
        g_array_prepend_val (offered, swedish_only);

      n_offered = offered->len;
      n_all = offered->len + hidden->len;
      g_array_append_vals (offered, hidden->data, hidden->len);
      languages = (LotsenLanguage *) (void *) g_array_free (g_steal_pointer (&offered), FALSE);
      current = &languages[0];

      g_once_init_leave (&loaded, 1);
    }
}

/**
 * lotsen_i18n_get_languages:
 * @n_languages: (out): how many
 *
 * Returns: the languages the kiosk offers (translated enough), Swedish first
 */
const LotsenLanguage *
lotsen_i18n_get_languages (guint *n_languages)
{
  load_languages ();
  if (n_languages != NULL)
    *n_languages = n_offered;

  return languages;
}

/**
 * lotsen_i18n_get_all_languages:
 * @n_languages: (out): how many
 *
 * Returns: every language the build has a catalogue for: the offered ones
 *   first, then those not translated enough yet
 */
const LotsenLanguage *
lotsen_i18n_get_all_languages (guint *n_languages)
{
  load_languages ();
  if (n_languages != NULL)
    *n_languages = n_all;

  return languages;
}

/**
 * lotsen_i18n_lookup:
 * @code: (nullable): a language code
 *
 * Returns: (nullable): @code's language, offered or not, or %NULL if the
 *   build has no catalogue for it
 */
const LotsenLanguage *
lotsen_i18n_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  load_languages ();
  for (guint i = 0; i < n_all; i++)
    if (strcmp (languages[i].code, code) == 0)
      return &languages[i];

  return NULL;
}

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0;
}

static gboolean
is_utf8_locale (const char *name)
{
  return name != NULL && (strstr (name, "UTF-8") != NULL || strstr (name, "utf8") != NULL);
}

/**
 * lotsen_i18n_init:
 * @localedir: where the compiled catalogues are
 *
 * Sets up a UTF-8 locale and the text domain.  Call once, before any
 * translated string is looked up.
 */
void
lotsen_i18n_init (const char *localedir)
{
  setlocale (LC_ALL, "");

  /* Checked per category: an environment may set only LC_CTYPE (Python
   * does so for its children), and gettext ignores $LANGUAGE while
   * LC_MESSAGES is "C".  C.UTF-8 is built into glibc: always present. */
  if (!is_utf8_locale (setlocale (LC_CTYPE, NULL)) && setlocale (LC_CTYPE, "C.UTF-8") == NULL)
    g_debug ("No UTF-8 locale available; text may not show");
  if (is_c_locale (setlocale (LC_MESSAGES, NULL)) && setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
    g_debug ("No UTF-8 locale for messages; translations may not show");

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * lotsen_i18n_set_language:
 * @code: a code of the language file
 *
 * Makes every later gettext lookup answer in @code.  Strings already on
 * screen do not change by themselves; the caller rebuilds what it shows.
 *
 * Returns: %FALSE if the build has no such language (nothing changes)
 */
gboolean
lotsen_i18n_set_language (const char *code)
{
  const LotsenLanguage *language = lotsen_i18n_lookup (code);

  if (language == NULL)
    return FALSE;

  current = language;

  /* Swedish is the fallback for every other language's missing strings:
   * the msgids are English, and a visitor at a Swedish centre is better
   * served by Swedish than by the source text. */
  if (strcmp (code, LOTSEN_DEFAULT_LANGUAGE) == 0)
    g_setenv ("LANGUAGE", code, TRUE);
  else
    {
      g_autofree char *chain = g_strconcat (code, ":", LOTSEN_DEFAULT_LANGUAGE, NULL);
      g_setenv ("LANGUAGE", chain, TRUE);
    }

#ifdef HAVE_NL_MSG_CAT_CNTR
  ++_nl_msg_cat_cntr;
#endif

  return TRUE;
}

const char *
lotsen_i18n_get_language (void)
{
  load_languages ();
  return current->code;
}

LotsenTextDirection
lotsen_i18n_get_direction (void)
{
  load_languages ();
  return current->direction;
}

/* Puts back the language lotsen_i18n_set_language() changed: the table's
 * and $LANGUAGE exactly as they were (unset in lotsen-admin, which speaks
 * the user's locale). */
static void
restore_language (const LotsenLanguage *saved,
                  const char           *saved_env)
{
  current = saved;
  if (saved_env != NULL)
    g_setenv ("LANGUAGE", saved_env, TRUE);
  else
    g_unsetenv ("LANGUAGE");
#ifdef HAVE_NL_MSG_CAT_CNTR
  ++_nl_msg_cat_cntr;
#endif
}

/**
 * lotsen_i18n_translate_in:
 * @code: a language code
 * @msgid: a string marked with N_()
 *
 * @msgid in the language @code (Swedish where it has no translation), for
 * a screen or a paper that shows two languages at once, such as the call
 * display.  The current language is unchanged.  Main thread only.
 *
 * Returns: (transfer none): the translation, as gettext() keeps it
 */
const char *
lotsen_i18n_translate_in (const char *code,
                          const char *msgid)
{
  const LotsenLanguage *saved;
  g_autofree char *saved_env = g_strdup (g_getenv ("LANGUAGE"));
  const char *text;

  g_return_val_if_fail (msgid != NULL, NULL);

  load_languages ();
  saved = current;

  if (code == NULL || lotsen_i18n_lookup (code) == NULL)
    code = LOTSEN_DEFAULT_LANGUAGE;

  lotsen_i18n_set_language (code);
  text = gettext (msgid);
  restore_language (saved, saved_env);

  return text;
}

/**
 * lotsen_i18n_ntranslate_in:
 *
 * Like lotsen_i18n_translate_in(), for a string with a plural.
 *
 * Returns: (transfer none): the translation for @n
 */
const char *
lotsen_i18n_ntranslate_in (const char *code,
                           const char *msgid,
                           const char *msgid_plural,
                           gulong      n)
{
  const LotsenLanguage *saved;
  g_autofree char *saved_env = g_strdup (g_getenv ("LANGUAGE"));
  const char *text;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  load_languages ();
  saved = current;

  if (code == NULL || lotsen_i18n_lookup (code) == NULL)
    code = LOTSEN_DEFAULT_LANGUAGE;

  lotsen_i18n_set_language (code);
  text = ngettext (msgid, msgid_plural, n);
  restore_language (saved, saved_env);

  return text;
}
