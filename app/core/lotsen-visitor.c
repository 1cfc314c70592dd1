/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-visitor.c — registration and the personal code: a visitor
 * registered, found by their code, seen again, or erased.
 *
 * What a visitor types is checked by the rules in
 * lotsen-visitor-fields.c.  Nothing is stored until the visitor confirms
 * the last step, and then in one transaction.  The retention purge is in
 * lotsen-visitor-purge.c, the pause after wrong codes in
 * lotsen-code-gate.c.
 */

#define G_LOG_DOMAIN "lotsen-visitor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "lotsen-i18n.h"
#include "lotsen-interpreter.h"
#include "lotsen-visitor-private.h"

#define CODE_TRIES 64 /* random codes tried before giving up; 4 characters first, then 5 */

static const char * const interests[] = {
  "swedish", "work", "studies", "housing", "health", "society", "family", "leisure", NULL
};

static const char * const gender_names[] = {
  [LOTSEN_GENDER_UNSTATED] = "unstated",
  [LOTSEN_GENDER_WOMAN]    = "woman",
  [LOTSEN_GENDER_MAN]      = "man",
  [LOTSEN_GENDER_OTHER]    = "other",
};

static const char * const employment_keys[] = {
  [LOTSEN_EMPLOYMENT_UNASKED]    = NULL,
  [LOTSEN_EMPLOYMENT_UNEMPLOYED] = "unemployed",
  [LOTSEN_EMPLOYMENT_EMPLOYED]   = "working",
  [LOTSEN_EMPLOYMENT_STUDYING]   = "studying",
  [LOTSEN_EMPLOYMENT_INACTIVE]   = "inactive",
  [LOTSEN_EMPLOYMENT_UNSTATED]   = "unstated",
};

static const char * const education_keys[] = {
  [LOTSEN_EDUCATION_UNASKED]         = NULL,
  [LOTSEN_EDUCATION_COMPULSORY]      = "compulsory",
  [LOTSEN_EDUCATION_UPPER_SECONDARY] = "upper_secondary",
  [LOTSEN_EDUCATION_POST_SECONDARY]  = "post_secondary",
  [LOTSEN_EDUCATION_UNSTATED]        = "unstated",
};

G_STATIC_ASSERT (G_N_ELEMENTS (employment_keys) == LOTSEN_N_EMPLOYMENTS);
G_STATIC_ASSERT (G_N_ELEMENTS (education_keys) == LOTSEN_N_EDUCATIONS);

#define VISITOR_COLUMNS \
  "id, uuid, code, lang, given_name, family_name, birth_year, gender, phone, municipality, " \
  "interests, interpreter_lang, consent_version, consent_at, created_at, last_seen_at, " \
  "employment, education"

/**
 * lotsen_visitor_get_interests:
 *
 * Returns: (transfer none): the keys of the interests a visitor can tick
 */
const char * const *
lotsen_visitor_get_interests (void)
{
  return interests;
}

const char *
lotsen_gender_to_string (LotsenGender gender)
{
  g_return_val_if_fail (gender <= LOTSEN_GENDER_OTHER, NULL);

  return gender_names[gender];
}

static LotsenGender
gender_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (gender_names); i++)
    if (g_strcmp0 (gender_names[i], text) == 0)
      return i;

  return LOTSEN_GENDER_UNSTATED;
}

/* @key's place among an ESF+ question's @keys; 0 (not asked) for %NULL
 * or a key that is not one of them. */
static guint
find_answer (const char * const *keys,
             guint               n_keys,
             const char         *key)
{
  for (guint i = 1; key != NULL && i < n_keys; i++)
    if (g_str_equal (keys[i], key))
      return i;

  return 0;
}

/**
 * lotsen_employment_to_string:
 *
 * Returns: (nullable): the key stored for @employment; %NULL for
 *   %LOTSEN_EMPLOYMENT_UNASKED
 */
const char *
lotsen_employment_to_string (LotsenEmployment employment)
{
  g_return_val_if_fail (employment < LOTSEN_N_EMPLOYMENTS, NULL);

  return employment_keys[employment];
}

/**
 * lotsen_employment_from_string:
 * @key: (nullable): a key as stored
 *
 * Returns: the answer; %LOTSEN_EMPLOYMENT_UNASKED for %NULL or a key
 *   that is not one of them
 */
LotsenEmployment
lotsen_employment_from_string (const char *key)
{
  return find_answer (employment_keys, G_N_ELEMENTS (employment_keys), key);
}

/**
 * lotsen_education_to_string:
 *
 * Returns: (nullable): the key stored for @education; %NULL for
 *   %LOTSEN_EDUCATION_UNASKED
 */
const char *
lotsen_education_to_string (LotsenEducation education)
{
  g_return_val_if_fail (education < LOTSEN_N_EDUCATIONS, NULL);

  return education_keys[education];
}

/**
 * lotsen_education_from_string:
 * @key: (nullable): a key as stored
 *
 * Returns: the answer; %LOTSEN_EDUCATION_UNASKED for %NULL or a key that
 *   is not one of them
 */
LotsenEducation
lotsen_education_from_string (const char *key)
{
  return find_answer (education_keys, G_N_ELEMENTS (education_keys), key);
}

/**
 * lotsen_visitor_get_esf_fields:
 *
 * Returns: whether the site asks the ESF+ questions (employment situation
 *   and highest education) at registration: the setting "esf_fields" is
 *   "on"; off when it is missing
 */
gboolean
lotsen_visitor_get_esf_fields (LotsenStore *store)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  value = lotsen_store_get_setting (store, "esf_fields");
  return g_strcmp0 (value, "on") == 0;
}

/**
 * lotsen_visitor_set_esf_fields:
 * @value: "on" or "off"
 *
 * Stores the setting "esf_fields" and records the change in the audit
 * table.  Visitors who registered before keep their answers.
 *
 * Returns: %TRUE when stored; %FALSE with %LOTSEN_STORE_ERROR_INVALID
 *   (and nothing changed) for another value
 */
gboolean
lotsen_visitor_set_esf_fields (LotsenStore  *store,
                               const char   *value,
                               GError      **error)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!g_str_equal (value, "on") && !g_str_equal (value, "off"))
    /* Translators: keep "on" and "off" as they are: they are typed like that. */
    return set_invalid (error, _("esf_fields is either on or off."));

  return lotsen_store_change_setting (store, "esf_fields", value, error);
}

LotsenVisitorDraft *
lotsen_visitor_draft_new (void)
{
  return g_new0 (LotsenVisitorDraft, 1);
}

void
lotsen_visitor_draft_free (LotsenVisitorDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->lang);
  g_free (draft->given_name);
  g_free (draft->family_name);
  g_free (draft->phone);
  g_free (draft->municipality);
  g_strfreev (draft->interests);
  g_free (draft->interpreter_lang);
  g_free (draft);
}

void
lotsen_visitor_free (LotsenVisitor *visitor)
{
  if (visitor == NULL)
    return;

  g_free (visitor->uuid);
  g_free (visitor->code);
  g_free (visitor->lang);
  g_free (visitor->given_name);
  g_free (visitor->family_name);
  g_free (visitor->phone);
  g_free (visitor->municipality);
  g_strfreev (visitor->interests);
  g_free (visitor->interpreter_lang);
  g_free (visitor);
}

static gboolean
is_valid_code (const char *code)
{
  gsize length = strlen (code);

  return length >= LOTSEN_CODE_MIN_LENGTH && length <= LOTSEN_CODE_MAX_LENGTH &&
         strspn (code, LOTSEN_CODE_ALPHABET) == length;
}

/* A code from the operating system's random source, without bias. */
static char *
random_code (int length)
{
  static const char alphabet[] = LOTSEN_CODE_ALPHABET;
  const guint n = sizeof alphabet - 1;
  char *code = g_malloc0 (length + 1);
  int filled = 0;

  while (filled < length)
    {
      guint8 bytes[16];
      ssize_t got = getrandom (bytes, sizeof bytes, 0);

      if (got <= 0)
        {
          bytes[0] = g_random_int_range (0, n);
          got = 1;
        }

      for (ssize_t i = 0; i < got && filled < length; i++)
        if (bytes[i] < 256 - 256 % n)
          code[filled++] = alphabet[bytes[i] % n];
    }

  return code;
}

GPtrArray *
lotsen_visitor_list_municipalities (LotsenStore  *store,
                                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  stmt = lotsen_store_prepare (store, "SELECT name FROM municipality ORDER BY sort_order, name", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return NULL;
    }

  return g_steal_pointer (&names);
}

gboolean
lotsen_visitor_add_municipality (LotsenStore  *store,
                                 const char   *name,
                                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = lotsen_store_prepare (store,
                               "INSERT OR IGNORE INTO municipality (name, sort_order) "
                               "VALUES (?, (SELECT count(*) FROM municipality))",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return lotsen_store_step_done (store, stmt, error);
}

static gboolean
is_municipality (LotsenStore *store,
                 const char  *name)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (store, "SELECT 1 FROM municipality WHERE name = ?", NULL);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static LotsenVisitor *
visitor_from_row (sqlite3_stmt *stmt)
{
  LotsenVisitor *visitor = g_new0 (LotsenVisitor, 1);
  const char *interest_list = (const char *) sqlite3_column_text (stmt, 10);

  visitor->id = sqlite3_column_int64 (stmt, 0);
  visitor->uuid = lotsen_store_column_text (stmt, 1);
  visitor->code = lotsen_store_column_text (stmt, 2);
  visitor->lang = lotsen_store_column_text (stmt, 3);
  visitor->given_name = lotsen_store_column_text (stmt, 4);
  visitor->family_name = lotsen_store_column_text (stmt, 5);
  visitor->birth_year = sqlite3_column_int (stmt, 6);
  visitor->gender = gender_from_string ((const char *) sqlite3_column_text (stmt, 7));
  visitor->phone = lotsen_store_column_text (stmt, 8);
  visitor->municipality = lotsen_store_column_text (stmt, 9);
  visitor->interests = interest_list && *interest_list ? g_strsplit (interest_list, ",", -1) : g_new0 (char *, 1);
  visitor->interpreter_lang = lotsen_store_column_text (stmt, 11);
  visitor->consent_version = sqlite3_column_int (stmt, 12);
  visitor->consent_at = sqlite3_column_int64 (stmt, 13);
  visitor->created_at = sqlite3_column_int64 (stmt, 14);
  visitor->last_seen_at = sqlite3_column_int64 (stmt, 15);
  visitor->employment = lotsen_employment_from_string ((const char *) sqlite3_column_text (stmt, 16));
  visitor->education = lotsen_education_from_string ((const char *) sqlite3_column_text (stmt, 17));

  return visitor;
}

static LotsenVisitor *
get_visitor_where (LotsenStore  *store,
                   const char   *where,
                   gint64        id,
                   const char   *code,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " VISITOR_COLUMNS " FROM visitor WHERE ", where, NULL);

  stmt = lotsen_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  if (code != NULL)
    sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND,
                           _("That code is not known here. Please check it and try again."));
      return NULL;
    }

  return visitor_from_row (stmt);
}

/* Checks every field of @draft and gives back the cleaned values. */
static gboolean
clean_draft (LotsenStore               *store,
             const LotsenVisitorDraft  *draft,
             char                     **given_name,
             char                     **family_name,
             char                     **phone,
             char                     **interest_list,
             GError                   **error)
{
  if (!draft->consent)
    return set_invalid (error, _("Please read and accept how your information is kept first."));

  if (draft->lang != NULL && lotsen_i18n_lookup (draft->lang) == NULL)
    return set_invalid (error, _("That language is not one of the kiosk’s languages."));

  if (draft->interpreter_lang != NULL && lotsen_interpreter_lookup (draft->interpreter_lang) == NULL)
    return set_invalid (error, _("No interpreter can be asked for in that language."));

  if (draft->gender > LOTSEN_GENDER_OTHER ||
      draft->employment >= LOTSEN_N_EMPLOYMENTS ||
      draft->education >= LOTSEN_N_EDUCATIONS)
    return set_invalid (error, _("Please choose one of the answers."));

  if (!lotsen_visitor_check_birth_year (store, draft->birth_year, error))
    return FALSE;

  if (draft->municipality != NULL && *draft->municipality != '\0' &&
      !is_municipality (store, draft->municipality))
    return set_invalid (error, _("Please choose one of the municipalities in the list."));

  for (guint i = 0; draft->interests != NULL && draft->interests[i] != NULL; i++)
    if (!g_strv_contains (interests, draft->interests[i]))
      return set_invalid (error, _("Please choose one of the answers."));

  *given_name = lotsen_visitor_normalize_name (draft->given_name, -1, TRUE, error);
  if (*given_name == NULL)
    return FALSE;

  *family_name = lotsen_visitor_normalize_name (draft->family_name, -1, FALSE, error);
  if (*family_name == NULL)
    return FALSE;

  *phone = lotsen_visitor_normalize_phone (draft->phone, -1, error);
  if (*phone == NULL)
    return FALSE;

  *interest_list = draft->interests ? g_strjoinv (",", draft->interests) : g_strdup ("");
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
code_is_taken (LotsenStore  *store,
               const char   *code,
               gboolean     *taken,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (store, "SELECT 1 FROM visitor WHERE code = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  *taken = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * lotsen_visitor_register:
 *
 * Checks everything in @draft and stores the visitor with a new personal
 * code, all in one transaction: on any error nothing is stored.
 *
 * Returns: (transfer full): the new visitor, with its code
 */
LotsenVisitor *
lotsen_visitor_register (LotsenStore               *store,
                         const LotsenVisitorDraft  *draft,
                         GError                   **error)
{
  g_autofree char *given_name = NULL;
  g_autofree char *family_name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *interest_list = NULL;
  g_autofree char *code = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 now, visitor_id;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!clean_draft (store, draft, &given_name, &family_name, &phone, &interest_list, error))
    return NULL;

  if (!lotsen_store_begin (store, error))
    return NULL;

  for (int attempt = 0; code == NULL; attempt++)
    {
      gboolean taken;

      if (attempt == CODE_TRIES)
        {
          g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
                               _("No free personal code was found. Please ask the staff."));
          goto fail;
        }

      code = random_code (attempt < CODE_TRIES / 2 ? LOTSEN_CODE_MIN_LENGTH : LOTSEN_CODE_MAX_LENGTH);
      if (!code_is_taken (store, code, &taken, error))
        goto fail;
      if (taken)
        g_clear_pointer (&code, g_free);
    }

  insert = lotsen_store_prepare (store,
                                 "INSERT INTO visitor (uuid, code, created_at, last_seen_at, lang, "
                                 "given_name, family_name, birth_year, gender, phone, municipality, "
                                 "interests, interpreter_lang, consent_version, consent_at, "
                                 "employment, education) "
                                 "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?3, "
                                 "?14, ?15)",
                                 error);
  if (insert == NULL)
    goto fail;

  now = lotsen_store_now (store);
  uuid = lotsen_store_new_uuid ();
  sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 3, now);
  bind_text_or_null (insert, 4, draft->lang);
  bind_text_or_null (insert, 5, given_name);
  bind_text_or_null (insert, 6, family_name);
  if (draft->birth_year != 0)
    sqlite3_bind_int (insert, 7, draft->birth_year);
  sqlite3_bind_text (insert, 8, gender_names[draft->gender], -1, SQLITE_STATIC);
  bind_text_or_null (insert, 9, phone);
  bind_text_or_null (insert, 10, draft->municipality);
  bind_text_or_null (insert, 11, interest_list);
  bind_text_or_null (insert, 12, draft->interpreter_lang);
  sqlite3_bind_int (insert, 13, LOTSEN_CONSENT_VERSION);
  bind_text_or_null (insert, 14, employment_keys[draft->employment]);
  bind_text_or_null (insert, 15, education_keys[draft->education]);
  if (!lotsen_store_step_done (store, insert, error))
    goto fail;

  visitor_id = sqlite3_last_insert_rowid (lotsen_store_get_db (store));
  if (!lotsen_store_commit (store, error))
    return NULL;

  return get_visitor_where (store, "id = ?1", visitor_id, NULL, error);

fail:
  lotsen_store_rollback (store);
  return NULL;
}

/**
 * lotsen_visitor_find_by_code:
 * @code: as typed; spaces, dashes and small letters are forgiven
 *
 * Returns: (transfer full): the visitor, or %NULL with
 *   %LOTSEN_STORE_ERROR_NOT_FOUND
 */
LotsenVisitor *
lotsen_visitor_find_by_code (LotsenStore  *store,
                             const char   *code,
                             GError      **error)
{
  g_autofree char *normalized = lotsen_visitor_normalize_code (code);

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  if (!is_valid_code (normalized))
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_NOT_FOUND,
                           _("That code is not known here. Please check it and try again."));
      return NULL;
    }

  /* An anonymised visitor has no code any more; the check stays in case
   * one is ever given back by hand. */
  return get_visitor_where (store, "code = ?1 AND anonymised_at IS NULL", 0, normalized, error);
}

gboolean
lotsen_visitor_needs_consent (const LotsenVisitor *visitor)
{
  g_return_val_if_fail (visitor != NULL, TRUE);

  return visitor->consent_version < LOTSEN_CONSENT_VERSION;
}

/**
 * lotsen_visitor_renew_consent:
 *
 * Records that a returning visitor accepted the current consent text, and
 * that they were here now.
 */
gboolean
lotsen_visitor_renew_consent (LotsenStore  *store,
                              gint64        visitor_id,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  stmt = lotsen_store_prepare (store,
                               "UPDATE visitor SET consent_version = ?1, consent_at = ?2, last_seen_at = ?2 "
                               "WHERE id = ?3",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, LOTSEN_CONSENT_VERSION);
  sqlite3_bind_int64 (stmt, 2, lotsen_store_now (store));
  sqlite3_bind_int64 (stmt, 3, visitor_id);

  return lotsen_store_step_done (store, stmt, error);
}

/**
 * lotsen_visitor_record_visit:
 *
 * Notes that the visitor was here now (their data is kept for a time
 * counted from their last visit).
 */
gboolean
lotsen_visitor_record_visit (LotsenStore  *store,
                             gint64        visitor_id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  stmt = lotsen_store_prepare (store, "UPDATE visitor SET last_seen_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, lotsen_store_now (store));
  sqlite3_bind_int64 (stmt, 2, visitor_id);

  return lotsen_store_step_done (store, stmt, error);
}

static void
append_initial (GString    *masked,
                const char *name)
{
  if (name == NULL || *name == '\0')
    return;

  if (masked->len > 0)
    g_string_append_c (masked, ' ');
  g_string_append_unichar (masked, g_unichar_totitle (g_utf8_get_char (name)));
  g_string_append (masked, "…");
}

/**
 * lotsen_visitor_masked_name:
 *
 * Returns: (transfer full): only the initials, e.g. "A… S…": enough for a
 *   visitor to recognise themselves, too little for anyone behind them
 */
char *
lotsen_visitor_masked_name (const LotsenVisitor *visitor)
{
  GString *masked = g_string_new (NULL);

  g_return_val_if_fail (visitor != NULL, NULL);

  append_initial (masked, visitor->given_name);
  append_initial (masked, visitor->family_name);

  return g_string_free (masked, FALSE);
}

/**
 * lotsen_visitor_erase:
 *
 * The right to erasure: the visitor and everything that names them are
 * removed; their tickets and sign-ups stay, without a name, for the
 * statistics.  Recorded in the audit table.
 */
gboolean
lotsen_visitor_erase (LotsenStore  *store,
                      const char   *code,
                      GError      **error)
{
  g_autoptr(LotsenVisitor) visitor = NULL;
  g_autoptr(sqlite3_stmt) signups = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (!lotsen_store_begin (store, error))
    return FALSE;

  visitor = lotsen_visitor_find_by_code (store, code, error);
  if (visitor == NULL)
    goto fail;

  signups = lotsen_store_prepare (store, "UPDATE signup SET name = NULL, phone = NULL WHERE visitor_id = ?", error);
  remove = lotsen_store_prepare (store, "DELETE FROM visitor WHERE id = ?", error);
  if (signups == NULL || remove == NULL)
    goto fail;

  sqlite3_bind_int64 (signups, 1, visitor->id);
  sqlite3_bind_int64 (remove, 1, visitor->id);
  if (!lotsen_store_step_done (store, signups, error) ||
      !lotsen_store_step_done (store, remove, error) ||
      !lotsen_store_audit (store, "erase", visitor->uuid, error))
    goto fail;

  return lotsen_store_commit (store, error);

fail:
  lotsen_store_rollback (store);
  return FALSE;
}
