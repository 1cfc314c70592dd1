/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-i18n.c — the language table and switching language while running.
 *
 * The process runs in a UTF-8 locale (C.UTF-8 when nothing better is set),
 * so no locale has to be generated on the kiosk.  glibc's gettext honours
 * $LANGUAGE for every lookup once its message cache is invalidated, which
 * is how the language changes without a restart.
 *
 * Adding a language: a new po/<code>.po, a line in po/LINGUAS and a row in
 * the table below.  Nothing else.
 */

#define G_LOG_DOMAIN "lotsen-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "lotsen-i18n.h"

#ifdef HAVE_NL_MSG_CAT_CNTR
extern int _nl_msg_cat_cntr;
#endif

static const LotsenLanguage languages[] = {
  { "sv", "Svenska",    "Swedish",   LOTSEN_TEXT_DIRECTION_LTR, "sv" },
  { "en", "English",    "English",   LOTSEN_TEXT_DIRECTION_LTR, "en" },
  { "ar", "العربية",    "Arabic",    LOTSEN_TEXT_DIRECTION_RTL, "ar" },
  { "fa", "فارسی",      "Persian",   LOTSEN_TEXT_DIRECTION_RTL, "fa" },
  { "ti", "ትግርኛ",       "Tigrinya",  LOTSEN_TEXT_DIRECTION_LTR, NULL },
  { "so", "Soomaali",   "Somali",    LOTSEN_TEXT_DIRECTION_LTR, NULL },
  { "uk", "Українська", "Ukrainian", LOTSEN_TEXT_DIRECTION_LTR, "uk" },
};

static const LotsenLanguage *current = &languages[0];

const LotsenLanguage *
lotsen_i18n_get_languages (guint *n_languages)
{
  if (n_languages != NULL)
    *n_languages = G_N_ELEMENTS (languages);

  return languages;
}

const LotsenLanguage *
lotsen_i18n_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
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
 * @code: a code from the language table
 *
 * Makes every later gettext lookup answer in @code.  Strings already on
 * screen do not change by themselves; the caller rebuilds what it shows.
 *
 * Returns: %FALSE if @code is not in the table (nothing changes)
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
  return current->code;
}

LotsenTextDirection
lotsen_i18n_get_direction (void)
{
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
  const LotsenLanguage *saved = current;
  g_autofree char *saved_env = g_strdup (g_getenv ("LANGUAGE"));
  const char *text;

  g_return_val_if_fail (msgid != NULL, NULL);

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
  const LotsenLanguage *saved = current;
  g_autofree char *saved_env = g_strdup (g_getenv ("LANGUAGE"));
  const char *text;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (code == NULL || lotsen_i18n_lookup (code) == NULL)
    code = LOTSEN_DEFAULT_LANGUAGE;

  lotsen_i18n_set_language (code);
  text = ngettext (msgid, msgid_plural, n);
  restore_language (saved, saved_env);

  return text;
}
