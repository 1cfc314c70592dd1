/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-visitor-purge.c — the retention period: visitors not seen for
 * it lose what names them.
 */

#define G_LOG_DOMAIN "lotsen-visitor"

#include "config.h"

#include "lotsen-store-private.h"
#include "lotsen-visitor.h"

/* Who has not been seen for the retention period and still has a name:
 * ?1 is the cut-off time. */
#define PURGE_DUE \
  "anonymised_at IS NULL AND coalesce (last_seen_at, created_at) < ?1"

/**
 * lotsen_visitor_purge:
 * @n_anonymised: (out) (optional): how many visitors were anonymised
 *
 * The retention period: every visitor not seen for
 * lotsen_store_get_retention_days() days loses their name, phone, e-mail
 * and personal code (which is then free for someone else), here and on
 * their sign-ups; a sign-up made with a name and phone number instead of
 * a code loses them when its session is that long past.  What the
 * funders' statistics need stays: birth year,
 * gender, municipality, interests, languages, the ESF+ answers, consent,
 * and their tickets
 * and sign-ups.  One transaction; recorded in the audit table.
 */
gboolean
lotsen_visitor_purge (LotsenStore  *store,
                      guint        *n_anonymised,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) signups = NULL;
  g_autoptr(sqlite3_stmt) notes = NULL;
  g_autoptr(sqlite3_stmt) visitors = NULL;
  g_autoptr(sqlite3_stmt) walk_ins = NULL;
  g_autofree char *detail = NULL;
  guint days;
  gint64 now, cutoff;
  int count, n_walk_ins;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (n_anonymised != NULL)
    *n_anonymised = 0;

  days = lotsen_store_get_retention_days (store);
  now = lotsen_store_now (store);
  cutoff = now - (gint64) days * 24 * 3600;

  if (!lotsen_store_begin (store, error))
    return FALSE;

  signups = lotsen_store_prepare (store,
                                  "UPDATE signup SET name = NULL, phone = NULL "
                                  "WHERE visitor_id IN (SELECT id FROM visitor WHERE " PURGE_DUE ")",
                                  error);
  /* An outcome's note is staff's free text about the person: it goes;
   * the outcome's kind and date stay for the statistics. */
  notes = lotsen_store_prepare (store,
                                "UPDATE outcome SET note = NULL "
                                "WHERE visitor_id IN (SELECT id FROM visitor WHERE " PURGE_DUE ")",
                                error);
  visitors = lotsen_store_prepare (store,
                                   "UPDATE visitor SET given_name = NULL, family_name = NULL, phone = NULL, "
                                   "email = NULL, code = NULL, anonymised_at = ?2 "
                                   "WHERE " PURGE_DUE,
                                   error);
  /* Sign-ups made with a name and phone number instead of a code keep
   * them until their session is as long past as the retention period. */
  walk_ins = lotsen_store_prepare (store,
                                   "UPDATE signup SET name = NULL, phone = NULL "
                                   "WHERE visitor_id IS NULL AND (name IS NOT NULL OR phone IS NOT NULL) "
                                   "AND session_id IN (SELECT id FROM session WHERE ends_at < ?1)",
                                   error);
  if (signups == NULL || notes == NULL || visitors == NULL || walk_ins == NULL)
    goto fail;

  sqlite3_bind_int64 (signups, 1, cutoff);
  sqlite3_bind_int64 (notes, 1, cutoff);
  sqlite3_bind_int64 (visitors, 1, cutoff);
  sqlite3_bind_int64 (visitors, 2, now);
  sqlite3_bind_int64 (walk_ins, 1, cutoff);
  if (!lotsen_store_step_done (store, signups, error) ||
      !lotsen_store_step_done (store, notes, error) ||
      !lotsen_store_step_done (store, visitors, error))
    goto fail;
  count = sqlite3_changes (lotsen_store_get_db (store));

  if (!lotsen_store_step_done (store, walk_ins, error))
    goto fail;
  n_walk_ins = sqlite3_changes (lotsen_store_get_db (store));

  detail = n_walk_ins > 0
    ? g_strdup_printf ("anonymised %d visitors not seen for %u days and %d sign-ups without a code",
                       count, days, n_walk_ins)
    : g_strdup_printf ("anonymised %d visitors not seen for %u days", count, days);
  if (!lotsen_store_audit (store, "purge", detail, error) ||
      !lotsen_store_commit (store, error))
    goto fail;

  if (n_anonymised != NULL)
    *n_anonymised = count;

  return TRUE;

fail:
  lotsen_store_rollback (store);
  return FALSE;
}
