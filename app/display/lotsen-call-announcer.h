/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lotsen-queue.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_CALL_ANNOUNCER (lotsen_call_announcer_get_type ())
G_DECLARE_FINAL_TYPE (LotsenCallAnnouncer, lotsen_call_announcer, LOTSEN, CALL_ANNOUNCER, GObject)

LotsenCallAnnouncer *lotsen_call_announcer_new      (GSettings           *settings);
void                 lotsen_call_announcer_announce (LotsenCallAnnouncer *self,
                                                     const LotsenCall    *call);

G_END_DECLS
