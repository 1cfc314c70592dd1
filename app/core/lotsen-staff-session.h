/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-queue.h"
#include "lotsen-store.h"

G_BEGIN_DECLS

typedef enum {
  LOTSEN_PIN_STAGE_ENTER,   /* the staff PIN, to open staff mode */
  LOTSEN_PIN_STAGE_NEW,     /* a new PIN (the demo PIN must be changed) */
  LOTSEN_PIN_STAGE_REPEAT,  /* the new PIN once more */
} LotsenPinStage;

#define LOTSEN_TYPE_STAFF_SESSION (lotsen_staff_session_get_type ())
G_DECLARE_FINAL_TYPE (LotsenStaffSession, lotsen_staff_session, LOTSEN, STAFF_SESSION, GObject)

LotsenStaffSession *lotsen_staff_session_new              (LotsenStore         *store);
gboolean            lotsen_staff_session_get_unlocked     (LotsenStaffSession  *self);
void                lotsen_staff_session_lock             (LotsenStaffSession  *self);
LotsenStore        *lotsen_staff_session_get_store        (LotsenStaffSession  *self);

LotsenPinStage      lotsen_staff_session_get_pin_stage    (LotsenStaffSession  *self);
guint               lotsen_staff_session_get_pin_length   (LotsenStaffSession  *self);
const char         *lotsen_staff_session_get_pin_message  (LotsenStaffSession  *self);
gboolean            lotsen_staff_session_is_paused        (LotsenStaffSession  *self);
void                lotsen_staff_session_pin_key          (LotsenStaffSession  *self,
                                                           const char          *digit);
void                lotsen_staff_session_pin_delete       (LotsenStaffSession  *self);
gboolean            lotsen_staff_session_pin_ok           (LotsenStaffSession  *self);

int                 lotsen_staff_session_get_desk         (LotsenStaffSession  *self);
gint64              lotsen_staff_session_get_called_id    (LotsenStaffSession  *self);
LotsenTicket       *lotsen_staff_session_call_next        (LotsenStaffSession  *self,
                                                           int                  desk,
                                                           GError             **error);
gboolean            lotsen_staff_session_finish_ticket    (LotsenStaffSession  *self,
                                                           LotsenTicketStatus   status,
                                                           GError             **error);
gboolean            lotsen_staff_session_recall           (LotsenStaffSession  *self,
                                                           GError             **error);
gboolean            lotsen_staff_session_transfer         (LotsenStaffSession  *self,
                                                           const char          *prefix,
                                                           GError             **error);

gboolean            lotsen_staff_session_end_kiosk        (LotsenStaffSession  *self,
                                                           gboolean             restart,
                                                           GError             **error);
gboolean            lotsen_staff_session_restore_backup   (LotsenStaffSession  *self,
                                                           const char          *backup,
                                                           char               **kept_as,
                                                           GError             **error);

G_END_DECLS
