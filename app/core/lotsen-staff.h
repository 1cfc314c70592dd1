/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-store.h"

G_BEGIN_DECLS

#define LOTSEN_STAFF_DEMO_PIN       "1234"
#define LOTSEN_STAFF_PIN_MIN_DIGITS 4
#define LOTSEN_STAFF_PIN_MAX_DIGITS 8
#define LOTSEN_STAFF_FREE_TRIES     5   /* wrong PINs before staff mode locks */
#define LOTSEN_STAFF_LOCK_SECS      60  /* the first lock; each wrong PIN after doubles it */
#define LOTSEN_STAFF_LOCK_MAX_SECS  3600

gboolean lotsen_staff_ensure_pin         (LotsenStore  *store,
                                          GError      **error);
gboolean lotsen_staff_check_pin          (LotsenStore  *store,
                                          const char   *pin,
                                          GError      **error);
gboolean lotsen_staff_set_pin            (LotsenStore  *store,
                                          const char   *pin,
                                          GError      **error);
gboolean lotsen_staff_pin_must_change    (LotsenStore  *store);
int      lotsen_staff_seconds_locked     (LotsenStore  *store);

G_END_DECLS
