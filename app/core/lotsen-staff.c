/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-staff.c — the staff PIN.
 *
 * The PIN is kept only as a libsodium crypto_pwhash_str() hash in the
 * store's settings.  A new database gets a demo PIN that must be changed
 * at the first staff login.  Wrong PINs are counted in the database, so a
 * restart does not forgive them: after LOTSEN_STAFF_FREE_TRIES in a row,
 * staff mode locks for a minute, and each further wrong PIN doubles that,
 * up to an hour.  Logins, lockouts and changes go into the audit table.
 */

#define G_LOG_DOMAIN "lotsen-staff"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "lotsen-staff.h"
#include "lotsen-store-private.h"

#define KEY_HASH        "staff_pin_hash"
#define KEY_MUST_CHANGE "staff_pin_must_change"
#define KEY_FAILURES    "staff_pin_failures"
#define KEY_LOCKED      "staff_pin_locked_until"

static gboolean
init_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
                           _("The PIN cannot be checked on this computer."));
      return FALSE;
    }

  return TRUE;
}

static gint64
get_int_setting (LotsenStore *store,
                 const char  *key)
{
  g_autofree char *value = lotsen_store_get_setting (store, key);

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static gboolean
set_int_setting (LotsenStore  *store,
                 const char   *key,
                 gint64        value,
                 GError      **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return lotsen_store_set_setting (store, key, text, error);
}

static gboolean
is_valid_pin (const char *pin)
{
  gsize length = pin ? strlen (pin) : 0;

  return length >= LOTSEN_STAFF_PIN_MIN_DIGITS && length <= LOTSEN_STAFF_PIN_MAX_DIGITS &&
         strspn (pin, "0123456789") == length;
}

static char *
hash_pin (const char  *pin,
          GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!init_sodium (error))
    return NULL;

  if (crypto_pwhash_str (hash, pin, strlen (pin),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
                           _("The PIN cannot be checked on this computer."));
      return NULL;
    }

  return g_strdup (hash);
}

/**
 * lotsen_staff_ensure_pin:
 *
 * Gives a store without a staff PIN the demo PIN, to be changed at the
 * first login.
 */
gboolean
lotsen_staff_ensure_pin (LotsenStore  *store,
                         GError      **error)
{
  g_autofree char *existing = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  existing = lotsen_store_get_setting (store, KEY_HASH);
  if (existing != NULL)
    return TRUE;

  hash = hash_pin (LOTSEN_STAFF_DEMO_PIN, error);
  if (hash == NULL)
    return FALSE;

  return lotsen_store_set_setting (store, KEY_HASH, hash, error) &&
         lotsen_store_set_setting (store, KEY_MUST_CHANGE, "1", error);
}

/**
 * lotsen_staff_seconds_locked:
 *
 * Returns: how long staff mode stays locked after wrong PINs; 0 when open
 */
int
lotsen_staff_seconds_locked (LotsenStore *store)
{
  gint64 until, now;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), 0);

  until = get_int_setting (store, KEY_LOCKED);
  now = lotsen_store_now (store);

  return until > now ? (int) (until - now) : 0;
}

gboolean
lotsen_staff_pin_must_change (LotsenStore *store)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  return get_int_setting (store, KEY_MUST_CHANGE) != 0;
}

static void
set_locked_error (GError **error,
                  int      seconds)
{
  int minutes = (seconds + 59) / 60;

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               ngettext ("Too many wrong PINs. Staff mode is locked for %d more minute.",
                         "Too many wrong PINs. Staff mode is locked for %d more minutes.",
                         minutes),
               minutes);
}

/* A wrong PIN: counted, and past the free tries, a lock that doubles. */
static gboolean
record_failure (LotsenStore  *store,
                GError      **error)
{
  gint64 failures = get_int_setting (store, KEY_FAILURES) + 1;

  if (!set_int_setting (store, KEY_FAILURES, failures, error))
    return FALSE;

  if (failures >= LOTSEN_STAFF_FREE_TRIES)
    {
      int extra = (int) MIN (failures - LOTSEN_STAFF_FREE_TRIES, 6);
      gint64 seconds = MIN ((gint64) LOTSEN_STAFF_LOCK_SECS << extra, LOTSEN_STAFF_LOCK_MAX_SECS);
      g_autofree char *detail = g_strdup_printf ("locked for %" G_GINT64_FORMAT " s after %" G_GINT64_FORMAT " wrong PINs",
                                                 seconds, failures);

      if (!set_int_setting (store, KEY_LOCKED, lotsen_store_now (store) + seconds, error) ||
          !lotsen_store_audit (store, "staff lock", detail, error))
        return FALSE;

      set_locked_error (error, (int) seconds);
      return FALSE;
    }

  g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                       _("That PIN is not right. Please try again."));
  return FALSE;
}

/**
 * lotsen_staff_check_pin:
 *
 * Opens staff mode with @pin: %TRUE when it is right (recorded in the
 * audit table).  A wrong PIN, or any PIN while locked, gives
 * %LOTSEN_STORE_ERROR_INVALID with a message for staff.
 */
gboolean
lotsen_staff_check_pin (LotsenStore  *store,
                        const char   *pin,
                        GError      **error)
{
  g_autofree char *hash = NULL;
  int locked;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  locked = lotsen_staff_seconds_locked (store);
  if (locked > 0)
    {
      set_locked_error (error, locked);
      return FALSE;
    }

  if (!lotsen_staff_ensure_pin (store, error) || !init_sodium (error))
    return FALSE;

  hash = lotsen_store_get_setting (store, KEY_HASH);
  if (pin == NULL || hash == NULL ||
      crypto_pwhash_str_verify (hash, pin, strlen (pin)) != 0)
    return record_failure (store, error);

  return set_int_setting (store, KEY_FAILURES, 0, error) &&
         set_int_setting (store, KEY_LOCKED, 0, error) &&
         lotsen_store_audit (store, "staff login", NULL, error);
}

/**
 * lotsen_staff_set_pin:
 * @pin: 4 to 8 digits, not the demo PIN
 *
 * Changes the staff PIN (recorded in the audit table).
 */
gboolean
lotsen_staff_set_pin (LotsenStore  *store,
                      const char   *pin,
                      GError      **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);

  if (!is_valid_pin (pin))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   _("A PIN is %d to %d digits."), LOTSEN_STAFF_PIN_MIN_DIGITS, LOTSEN_STAFF_PIN_MAX_DIGITS);
      return FALSE;
    }

  if (g_str_equal (pin, LOTSEN_STAFF_DEMO_PIN))
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("Please choose a PIN other than the demo PIN."));
      return FALSE;
    }

  hash = hash_pin (pin, error);
  if (hash == NULL)
    return FALSE;

  if (!lotsen_store_begin (store, error))
    return FALSE;

  if (!lotsen_store_set_setting (store, KEY_HASH, hash, error) ||
      !lotsen_store_set_setting (store, KEY_MUST_CHANGE, "0", error) ||
      !lotsen_store_audit (store, "pin change", NULL, error))
    {
      lotsen_store_rollback (store);
      return FALSE;
    }

  return lotsen_store_commit (store, error);
}
