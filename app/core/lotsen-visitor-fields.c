/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-visitor-fields.c — the rules for what a visitor may type.
 *
 * Everything a visitor types is checked here, not in the widgets: names
 * and phone numbers are normalised (NFC, trimmed, one canonical phone
 * form), and what could fool a person or a spreadsheet later — control
 * characters, hidden direction marks, symbols in a name, overlong text —
 * is refused with a message the visitor can read in their language.
 */

#define G_LOG_DOMAIN "lotsen-visitor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lotsen-visitor-private.h"

#define OLDEST_AGE   110
#define YOUNGEST_AGE  10

/* Text straight from a field: whole, valid UTF-8, and no NUL inside. */
static gboolean
check_text (const char  *text,
            gsize        length,
            GError     **error)
{
  if (memchr (text, '\0', length) != NULL)
    return set_invalid (error, _("The text holds a hidden control character. Please write it again."));

  if (!g_utf8_validate (text, length, NULL))
    return set_invalid (error, _("The text could not be read. Please write it again."));

  return TRUE;
}

/* Marks that change how text is shown without being seen themselves. */
static gboolean
is_direction_control (gunichar c)
{
  return c == 0x061C ||                    /* ARABIC LETTER MARK */
         c == 0x200E || c == 0x200F ||     /* LRM, RLM */
         (c >= 0x202A && c <= 0x202E) ||   /* embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069);     /* isolates */
}

static gboolean
is_name_punctuation (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == '.';
}

/**
 * lotsen_visitor_normalize_name:
 * @text: what the visitor typed
 * @length: its length in bytes, or -1 when NUL-terminated
 * @required: whether an empty name is an error
 *
 * A name is letters in any script (with their combining marks), single
 * spaces, hyphens, apostrophes and full stops; at most
 * %LOTSEN_NAME_MAX_CHARS characters.  The zero-width (non-)joiners that
 * Persian and Arabic spelling need are kept.
 *
 * Returns: (transfer full): the name in NFC with spaces trimmed and
 *   collapsed ("" for an empty optional name), or %NULL with @error set
 */
char *
lotsen_visitor_normalize_name (const char  *text,
                               gssize       length,
                               gboolean     required,
                               GError     **error)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *nfc = NULL;
  gboolean space = FALSE;
  gboolean letters = FALSE;

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  if (!check_text (text, length, error))
    return NULL;

  nfc = g_utf8_normalize (text, length, G_NORMALIZE_NFC);

  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (is_direction_control (c))
        {
          set_invalid (error, _("The name holds hidden direction marks. Please write it again."));
          return NULL;
        }

      /* Tabs and line breaks are control characters, not spaces. */
      if (type == G_UNICODE_CONTROL || (type == G_UNICODE_FORMAT && c != 0x200C && c != 0x200D))
        {
          set_invalid (error, _("The text holds a hidden control character. Please write it again."));
          return NULL;
        }

      if (g_unichar_isspace (c))
        {
          space = name->len > 0;
          continue;
        }

      if (!g_unichar_isalpha (c) && !g_unichar_ismark (c) && c != 0x200C && c != 0x200D &&
          !is_name_punctuation (c))
        {
          set_invalid (error, _("A name can only have letters, spaces, hyphens (-) and apostrophes (')."));
          return NULL;
        }

      letters |= g_unichar_isalpha (c);
      if (space)
        g_string_append_c (name, ' ');
      space = FALSE;
      g_string_append_unichar (name, c);
    }

  if (name->len == 0)
    {
      if (required)
        {
          set_invalid (error, _("Please write your name."));
          return NULL;
        }
      return g_strdup ("");
    }

  if (!letters)
    {
      set_invalid (error, _("A name can only have letters, spaces, hyphens (-) and apostrophes (')."));
      return NULL;
    }

  if (g_utf8_strlen (name->str, -1) > LOTSEN_NAME_MAX_CHARS)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   ngettext ("A name can be at most %d character long.",
                             "A name can be at most %d characters long.",
                             LOTSEN_NAME_MAX_CHARS),
                   LOTSEN_NAME_MAX_CHARS);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * lotsen_visitor_normalize_phone:
 *
 * Accepts Swedish numbers ("070-123 45 67") and international ones
 * ("+964 770 123 4567", "00964…"), in any script's digits, and gives them
 * one form: "+" and digits only (E.164), e.g. "+46701234567".
 *
 * Returns: (transfer full): the number, "" when none was given, or %NULL
 *   with @error set
 */
char *
lotsen_visitor_normalize_phone (const char  *text,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean plus = FALSE;
  gsize n;

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  if (!check_text (text, length, error))
    return NULL;

  if (g_utf8_strlen (text, length) > LOTSEN_PHONE_MAX_CHARS)
    {
      set_invalid (error, _("That phone number is too long."));
      return NULL;
    }

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        g_string_append_c (digits, '0' + g_unichar_digit_value (c));
      else if (c == '+' && digits->len == 0 && !plus)
        plus = TRUE;
      else if (g_unichar_isspace (c) || (c < 0x80 && strchr ("-()./", (int) c) != NULL))
        continue;
      else
        {
          set_invalid (error, _("A phone number can only have digits, spaces and a + at the start."));
          return NULL;
        }
    }

  if (digits->len == 0 && !plus)
    return g_strdup ("");

  if (!plus && g_str_has_prefix (digits->str, "00"))
    {
      plus = TRUE;
      g_string_erase (digits, 0, 2);
    }

  if (!plus)
    {
      /* A Swedish number: 0, then 7 to 9 digits. */
      if (digits->str[0] != '0' || digits->len < 8 || digits->len > 10)
        {
          set_invalid (error, _("Please write a Swedish number starting with 0, or another country’s number starting with +."));
          return NULL;
        }
      g_string_erase (digits, 0, 1);
      g_string_prepend (digits, "46");
    }
  else if (g_str_has_prefix (digits->str, "460"))
    g_string_erase (digits, 2, 1);  /* "+46 070…": the 0 does not belong */

  n = digits->len;
  if (n < 8 || n > 15 || digits->str[0] == '0')
    {
      set_invalid (error, _("That phone number has too few or too many digits."));
      return NULL;
    }

  g_string_prepend_c (digits, '+');
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static int
current_year (LotsenStore *store)
{
  g_autoptr(GDateTime) local = lotsen_store_to_local (store, lotsen_store_now (store));

  return g_date_time_get_year (local);
}

/**
 * lotsen_visitor_get_birth_years:
 *
 * The birth years a visitor can pick: from %OLDEST_AGE to %YOUNGEST_AGE
 * years ago.
 */
void
lotsen_visitor_get_birth_years (LotsenStore *store,
                                int         *oldest,
                                int         *youngest)
{
  int year = current_year (store);

  *oldest = year - OLDEST_AGE;
  *youngest = year - YOUNGEST_AGE;
}

gboolean
lotsen_visitor_check_birth_year (LotsenStore  *store,
                                 int           year,
                                 GError      **error)
{
  int oldest, youngest;

  lotsen_visitor_get_birth_years (store, &oldest, &youngest);
  if (year == 0 || (year >= oldest && year <= youngest))
    return TRUE;

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               _("Please pick a birth year from %d to %d."), oldest, youngest);
  return FALSE;
}

/**
 * lotsen_visitor_normalize_code:
 *
 * Returns: (transfer full): @text in capitals without spaces or dashes
 */
char *
lotsen_visitor_normalize_code (const char *text)
{
  GString *code = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (code, g_ascii_toupper (*p));

  return g_string_free (code, FALSE);
}
