/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_CLOCK (lotsen_clock_get_type ())
G_DECLARE_FINAL_TYPE (LotsenClock, lotsen_clock, LOTSEN, CLOCK, GObject)

LotsenClock *lotsen_clock_new_system (void);
LotsenClock *lotsen_clock_new_fixed  (gint64       unix_seconds);

gint64       lotsen_clock_get_now    (LotsenClock *self);
void         lotsen_clock_set_now    (LotsenClock *self,
                                      gint64       unix_seconds);
void         lotsen_clock_advance    (LotsenClock *self,
                                      gint64       seconds);

G_END_DECLS
