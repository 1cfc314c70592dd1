/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-interpreter.c — the languages a visitor can ask an interpreter for.
 *
 * Independent of the kiosk's own languages: a visitor reading Swedish or
 * English on screen may still need a Dari or Amharic interpreter.  The
 * languages known here each have an English name (translated with the
 * rest of the kiosk, so a visitor reads it in their language) and their
 * own name.  Which of them the site offers is staff's choice, kept in the
 * setting "interpreter_languages" (codes separated by spaces, in order);
 * without it, every known language is offered.  Swedish never is: an
 * interpreter is for another language than the staff's.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lotsen-interpreter.h"

#define SETTING "interpreter_languages"

/* The order the site's list starts with: the languages most asked for at
 * Swedish drop-in centres first. */
static const LotsenInterpreterLanguage known[] = {
  /* Translators: a language a visitor can ask an interpreter for. */
  { "ar",  N_("Arabic"), "العربية" },
  /* Translators: a language a visitor can ask an interpreter for (Afghan Persian). */
  { "prs", N_("Dari"), "دری" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "ps",  N_("Pashto"), "پښتو" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "fa",  N_("Persian"), "فارسی" },
  /* Translators: a language a visitor can ask an interpreter for (Central Kurdish). */
  { "ckb", N_("Kurdish (Sorani)"), "کوردیی ناوەندی" },
  /* Translators: a language a visitor can ask an interpreter for (Northern Kurdish). */
  { "kmr", N_("Kurdish (Kurmanji)"), "Kurmancî" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "ti",  N_("Tigrinya"), "ትግርኛ" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "am",  N_("Amharic"), "አማርኛ" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "so",  N_("Somali"), "Soomaali" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "om",  N_("Oromo"), "Afaan Oromoo" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "tr",  N_("Turkish"), "Türkçe" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "ru",  N_("Russian"), "Русский" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "uk",  N_("Ukrainian"), "Українська" },
  /* Translators: one interpreter language: Bosnian, Croatian and Serbian. */
  { "hbs", N_("Bosnian/Croatian/Serbian"), "Bosanski/Hrvatski/Српски" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "pl",  N_("Polish"), "Polski" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "th",  N_("Thai"), "ไทย" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "fr",  N_("French"), "Français" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "es",  N_("Spanish"), "Español" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "en",  N_("English"), "English" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "sw",  N_("Swahili"), "Kiswahili" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "ur",  N_("Urdu"), "اردو" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "sq",  N_("Albanian"), "Shqip" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "ro",  N_("Romanian"), "Română" },
  /* Translators: a language a visitor can ask an interpreter for. */
  { "vi",  N_("Vietnamese"), "Tiếng Việt" },
};

/**
 * lotsen_interpreter_get_known:
 *
 * Returns: every language an interpreter can be asked for, in the order
 *   a new site's list has them
 */
const LotsenInterpreterLanguage *
lotsen_interpreter_get_known (guint *n_languages)
{
  if (n_languages != NULL)
    *n_languages = G_N_ELEMENTS (known);

  return known;
}

/**
 * lotsen_interpreter_lookup:
 *
 * Returns: (nullable): @code's language, or %NULL if no interpreter can
 *   be asked for it (Swedish, or a code this kiosk does not know)
 */
const LotsenInterpreterLanguage *
lotsen_interpreter_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strcmp (known[i].code, code) == 0)
      return &known[i];

  return NULL;
}

/**
 * lotsen_interpreter_get_name:
 *
 * Returns: @language's name in the current language
 */
const char *
lotsen_interpreter_get_name (const LotsenInterpreterLanguage *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  return _(language->name);
}

/**
 * lotsen_interpreter_list:
 *
 * Returns: (transfer full): the codes the site offers, in order; every
 *   known language if staff never changed the list
 */
GStrv
lotsen_interpreter_list (LotsenStore *store)
{
  g_autofree char *value = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  value = lotsen_store_get_setting (store, SETTING);
  if (value == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (known); i++)
        g_strv_builder_add (builder, known[i].code);
    }
  else
    {
      g_auto(GStrv) codes = g_strsplit (value, " ", -1);

      /* A code this kiosk no longer knows is skipped, not shown bare. */
      for (guint i = 0; codes[i] != NULL; i++)
        if (lotsen_interpreter_lookup (codes[i]) != NULL)
          g_strv_builder_add (builder, codes[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
save (LotsenStore *store,
      GStrv        codes,
      GError     **error)
{
  g_autofree char *value = g_strjoinv (" ", codes);

  return lotsen_store_set_setting (store, SETTING, value, error);
}

/**
 * lotsen_interpreter_add:
 * @code: a known language's code
 *
 * Offers @code at the end of the list; already offered, nothing changes.
 */
gboolean
lotsen_interpreter_add (LotsenStore *store,
                        const char  *code,
                        GError     **error)
{
  g_auto(GStrv) codes = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) added = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (g_strcmp0 (code, "sv") == 0)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   _("Swedish is not offered as an interpreter language: staff speak it."));
      return FALSE;
    }
  if (lotsen_interpreter_lookup (code) == NULL)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is a language code such as "xx". */
                   _("“%s” is not a language an interpreter can be asked for."), code ? code : "");
      return FALSE;
    }

  codes = lotsen_interpreter_list (store);
  if (g_strv_contains ((const char * const *) codes, code))
    return TRUE;

  g_strv_builder_addv (builder, (const char **) codes);
  g_strv_builder_add (builder, code);
  added = g_strv_builder_end (builder);

  return save (store, added, error);
}

/**
 * lotsen_interpreter_remove:
 *
 * No longer offers @code; visitors' and tickets' earlier requests stay.
 */
gboolean
lotsen_interpreter_remove (LotsenStore *store,
                           const char  *code,
                           GError     **error)
{
  g_auto(GStrv) codes = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  codes = lotsen_interpreter_list (store);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (g_strcmp0 (codes[i], code) == 0)
        found = TRUE;
      else
        g_strv_builder_add (builder, codes[i]);
    }

  if (!found)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a language code such as "am". */
                   _("“%s” is not on the list of interpreter languages."), code ? code : "");
      return FALSE;
    }

  kept = g_strv_builder_end (builder);
  return save (store, kept, error);
}
