/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-staff-session.c — staff mode at the kiosk: the PIN, the desk and
 * its calls.
 *
 * Every staff-only thing the kiosk does goes through the session, and the
 * session does nothing while it is locked: the store is handed out only
 * while :unlocked, and calling or closing a ticket checks it again, so no
 * way of reaching a staff action (a stale button, the accessibility bus,
 * a switch device) gets past the PIN.
 */

#define G_LOG_DOMAIN "lotsen-staff"

#include <glib/gi18n.h>

#include "lotsen-backup.h"
#include "lotsen-staff.h"
#include "lotsen-staff-session.h"

struct _LotsenStaffSession
{
  GObject         parent_instance;

  LotsenStore    *store;
  gboolean        unlocked;
  LotsenPinStage  pin_stage;
  GString        *typed_pin;
  char           *new_pin;
  char           *pin_message;
  int             desk;
  gint64          called_id;
};

G_DEFINE_FINAL_TYPE (LotsenStaffSession, lotsen_staff_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UNLOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
check_unlocked (LotsenStaffSession  *self,
                GError             **error)
{
  if (self->unlocked)
    return TRUE;

  /* Never shown: the kiosk asks for the PIN instead. */
  g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID, "staff mode is locked");
  return FALSE;
}

static void
set_unlocked (LotsenStaffSession *self,
              gboolean            unlocked)
{
  if (self->unlocked == unlocked)
    return;

  self->unlocked = unlocked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNLOCKED]);
}

static void
lotsen_staff_session_dispose (GObject *object)
{
  LotsenStaffSession *self = LOTSEN_STAFF_SESSION (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (lotsen_staff_session_parent_class)->dispose (object);
}

static void
lotsen_staff_session_finalize (GObject *object)
{
  LotsenStaffSession *self = LOTSEN_STAFF_SESSION (object);

  g_string_free (self->typed_pin, TRUE);
  g_free (self->new_pin);
  g_free (self->pin_message);

  G_OBJECT_CLASS (lotsen_staff_session_parent_class)->finalize (object);
}

static void
lotsen_staff_session_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LotsenStaffSession *self = LOTSEN_STAFF_SESSION (object);

  switch (prop_id)
    {
    case PROP_UNLOCKED:
      g_value_set_boolean (value, self->unlocked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_staff_session_class_init (LotsenStaffSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lotsen_staff_session_dispose;
  object_class->finalize = lotsen_staff_session_finalize;
  object_class->get_property = lotsen_staff_session_get_property;

  /**
   * LotsenStaffSession:unlocked:
   *
   * Whether the staff PIN was given and staff mode is open.
   */
  properties[PROP_UNLOCKED] =
    g_param_spec_boolean ("unlocked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lotsen_staff_session_init (LotsenStaffSession *self)
{
  self->typed_pin = g_string_new (NULL);
  self->desk = 1;
}

LotsenStaffSession *
lotsen_staff_session_new (LotsenStore *store)
{
  LotsenStaffSession *self;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  self = g_object_new (LOTSEN_TYPE_STAFF_SESSION, NULL);
  self->store = g_object_ref (store);

  return self;
}

gboolean
lotsen_staff_session_get_unlocked (LotsenStaffSession *self)
{
  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), FALSE);

  return self->unlocked;
}

/**
 * lotsen_staff_session_lock:
 *
 * Closes staff mode and forgets any PIN half typed.
 */
void
lotsen_staff_session_lock (LotsenStaffSession *self)
{
  g_return_if_fail (LOTSEN_IS_STAFF_SESSION (self));

  self->pin_stage = LOTSEN_PIN_STAGE_ENTER;
  g_string_truncate (self->typed_pin, 0);
  g_clear_pointer (&self->new_pin, g_free);
  g_clear_pointer (&self->pin_message, g_free);
  set_unlocked (self, FALSE);
}

/**
 * lotsen_staff_session_get_store:
 *
 * Returns: (transfer none) (nullable): the store for staff pages, or
 *   %NULL while staff mode is locked
 */
LotsenStore *
lotsen_staff_session_get_store (LotsenStaffSession *self)
{
  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), NULL);

  return self->unlocked ? self->store : NULL;
}

LotsenPinStage
lotsen_staff_session_get_pin_stage (LotsenStaffSession *self)
{
  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), LOTSEN_PIN_STAGE_ENTER);

  return self->pin_stage;
}

guint
lotsen_staff_session_get_pin_length (LotsenStaffSession *self)
{
  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), 0);

  return self->typed_pin->len;
}

/**
 * lotsen_staff_session_get_pin_message:
 *
 * Returns: (nullable): why the last PIN was not taken
 */
const char *
lotsen_staff_session_get_pin_message (LotsenStaffSession *self)
{
  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), NULL);

  return self->pin_message;
}

/**
 * lotsen_staff_session_is_paused:
 *
 * Returns: whether too many wrong PINs keep the keypad shut for now
 */
gboolean
lotsen_staff_session_is_paused (LotsenStaffSession *self)
{
  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), FALSE);

  return self->pin_stage == LOTSEN_PIN_STAGE_ENTER && lotsen_staff_seconds_locked (self->store) > 0;
}

void
lotsen_staff_session_pin_key (LotsenStaffSession *self,
                              const char         *digit)
{
  g_return_if_fail (LOTSEN_IS_STAFF_SESSION (self));
  g_return_if_fail (digit != NULL);

  if (self->typed_pin->len < LOTSEN_STAFF_PIN_MAX_DIGITS && g_ascii_isdigit (digit[0]) && digit[1] == '\0')
    g_string_append (self->typed_pin, digit);
  g_clear_pointer (&self->pin_message, g_free);
}

void
lotsen_staff_session_pin_delete (LotsenStaffSession *self)
{
  g_return_if_fail (LOTSEN_IS_STAFF_SESSION (self));

  if (self->typed_pin->len > 0)
    g_string_truncate (self->typed_pin, self->typed_pin->len - 1);
}

/**
 * lotsen_staff_session_pin_ok:
 *
 * Takes the PIN typed so far, at the stage the session is in: the staff
 * PIN (a demo PIN must then be changed), a new PIN, or that new PIN again.
 *
 * Returns: whether staff mode is now open
 */
gboolean
lotsen_staff_session_pin_ok (LotsenStaffSession *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;

  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), FALSE);

  typed = g_strdup (self->typed_pin->str);
  g_string_truncate (self->typed_pin, 0);
  g_clear_pointer (&self->pin_message, g_free);

  switch (self->pin_stage)
    {
    case LOTSEN_PIN_STAGE_ENTER:
      if (!lotsen_staff_check_pin (self->store, typed, &error))
        self->pin_message = g_strdup (error->message);
      else if (lotsen_staff_pin_must_change (self->store))
        self->pin_stage = LOTSEN_PIN_STAGE_NEW;
      else
        set_unlocked (self, TRUE);
      break;

    case LOTSEN_PIN_STAGE_NEW:
      g_free (self->new_pin);
      self->new_pin = g_steal_pointer (&typed);
      self->pin_stage = LOTSEN_PIN_STAGE_REPEAT;
      break;

    case LOTSEN_PIN_STAGE_REPEAT:
      if (g_strcmp0 (typed, self->new_pin) != 0)
        {
          self->pin_message = g_strdup (_("The two PINs are not the same. Please choose a new PIN again."));
          self->pin_stage = LOTSEN_PIN_STAGE_NEW;
        }
      else if (!lotsen_staff_set_pin (self->store, typed, &error))
        {
          self->pin_message = g_strdup (error->message);
          self->pin_stage = LOTSEN_PIN_STAGE_NEW;
        }
      else
        {
          self->pin_stage = LOTSEN_PIN_STAGE_ENTER;
          set_unlocked (self, TRUE);
        }
      g_clear_pointer (&self->new_pin, g_free);
      break;

    default:
      g_assert_not_reached ();
    }

  return self->unlocked;
}

int
lotsen_staff_session_get_desk (LotsenStaffSession *self)
{
  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), 1);

  return self->desk;
}

/**
 * lotsen_staff_session_get_called_id:
 *
 * Returns: the ticket this desk called last and has not closed, or 0
 */
gint64
lotsen_staff_session_get_called_id (LotsenStaffSession *self)
{
  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), 0);

  return self->called_id;
}

/**
 * lotsen_staff_session_call_next:
 * @desk: the desk that calls, from 1
 *
 * Returns: (transfer full) (nullable): the ticket called, or %NULL with
 *   @error unset when none waits, or with @error set (also while locked)
 */
LotsenTicket *
lotsen_staff_session_call_next (LotsenStaffSession  *self,
                                int                  desk,
                                GError             **error)
{
  LotsenTicket *ticket;

  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_unlocked (self, error))
    return NULL;

  self->desk = MAX (desk, 1);
  ticket = lotsen_queue_call_next (self->store, self->desk, NULL, error);
  if (ticket != NULL)
    self->called_id = ticket->id;

  return ticket;
}

/**
 * lotsen_staff_session_finish_ticket:
 * @status: %LOTSEN_TICKET_DONE or %LOTSEN_TICKET_NO_SHOW
 *
 * Closes the ticket this desk called.
 */
gboolean
lotsen_staff_session_finish_ticket (LotsenStaffSession  *self,
                                    LotsenTicketStatus   status,
                                    GError             **error)
{
  g_autoptr(LotsenTicket) ticket = NULL;

  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), FALSE);

  if (!check_unlocked (self, error))
    return FALSE;

  ticket = lotsen_queue_get_ticket (self->store, self->called_id, error);
  if (ticket == NULL || !lotsen_queue_finish (self->store, ticket->label, status, error))
    return FALSE;

  self->called_id = 0;
  return TRUE;
}

/**
 * lotsen_staff_session_recall:
 *
 * Calls the ticket this desk called once more: the display shows and
 * announces it again.
 */
gboolean
lotsen_staff_session_recall (LotsenStaffSession  *self,
                             GError             **error)
{
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenTicket) again = NULL;

  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), FALSE);

  if (!check_unlocked (self, error))
    return FALSE;

  ticket = lotsen_queue_get_ticket (self->store, self->called_id, error);
  if (ticket == NULL)
    return FALSE;

  again = lotsen_queue_recall (self->store, ticket->label, error);
  return again != NULL;
}

/**
 * lotsen_staff_session_transfer:
 * @prefix: the letter of the service the visitor goes on to
 *
 * Sends the ticket this desk called to another service, where it waits
 * in its place in time; the desk is free for the next.
 */
gboolean
lotsen_staff_session_transfer (LotsenStaffSession  *self,
                               const char          *prefix,
                               GError             **error)
{
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(LotsenTicket) moved = NULL;

  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), FALSE);

  if (!check_unlocked (self, error))
    return FALSE;

  ticket = lotsen_queue_get_ticket (self->store, self->called_id, error);
  if (ticket == NULL)
    return FALSE;

  moved = lotsen_queue_transfer (self->store, ticket->label, prefix, error);
  if (moved == NULL)
    return FALSE;

  self->called_id = 0;
  return TRUE;
}

/**
 * lotsen_staff_session_end_kiosk:
 * @restart: %TRUE to restart the kiosk, %FALSE to close it
 *
 * Staff close or restart the kiosk: only while staff mode is open, and
 * recorded in the audit table ("kiosk", "close" or "restart") before the
 * kiosk goes.
 *
 * Returns: %TRUE when the kiosk may go
 */
gboolean
lotsen_staff_session_end_kiosk (LotsenStaffSession  *self,
                                gboolean             restart,
                                GError             **error)
{
  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), FALSE);

  if (!check_unlocked (self, error))
    return FALSE;

  return lotsen_store_audit (self->store, "kiosk", restart ? "restart" : "close", error);
}

/**
 * lotsen_staff_session_restore_backup:
 * @backup: a backup file, e.g. from lotsen_backup_find_newest()
 * @kept_as: (out) (optional) (nullable): where the database in use was kept
 *
 * Staff put a backup back in place of the database in use (after the
 * kiosk found its database damaged and started an empty one): only while
 * staff mode is open.  The database in use is kept aside first, as
 * lotsen_backup_restore() does, and the restore is recorded in the audit
 * table of the restored database ("restore" and the file's name).  The kiosk then
 * restarts, so that an older backup is brought up to date as it opens.
 *
 * Returns: %TRUE when the backup is in place
 */
gboolean
lotsen_staff_session_restore_backup (LotsenStaffSession  *self,
                                     const char          *backup,
                                     char               **kept_as,
                                     GError             **error)
{
  g_autoptr(GError) audit_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LOTSEN_IS_STAFF_SESSION (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (!check_unlocked (self, error))
    return FALSE;

  if (!lotsen_backup_restore (lotsen_store_get_path (self->store), backup, kept_as, error))
    return FALSE;

  /* The backup is in place whatever happens to the record of it. */
  name = g_path_get_basename (backup);
  if (!lotsen_store_audit (self->store, "restore", name, &audit_error))
    g_warning ("The restore of %s could not be recorded: %s", backup, audit_error->message);

  return TRUE;
}
