/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-clock.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_IDLE_MONITOR (lotsen_idle_monitor_get_type ())
G_DECLARE_FINAL_TYPE (LotsenIdleMonitor, lotsen_idle_monitor, LOTSEN, IDLE_MONITOR, GObject)

LotsenIdleMonitor *lotsen_idle_monitor_new              (LotsenClock       *clock,
                                                         guint              timeout,
                                                         guint              warning);
void               lotsen_idle_monitor_note_activity    (LotsenIdleMonitor *self);
void               lotsen_idle_monitor_set_armed        (LotsenIdleMonitor *self,
                                                         gboolean           armed);
gboolean           lotsen_idle_monitor_get_warning      (LotsenIdleMonitor *self);
guint              lotsen_idle_monitor_get_seconds_left (LotsenIdleMonitor *self);
void               lotsen_idle_monitor_check            (LotsenIdleMonitor *self);
void               lotsen_idle_monitor_pretend_idle     (LotsenIdleMonitor *self,
                                                         guint              seconds);

G_END_DECLS
