/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-idle-monitor.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_IDLE_WARNING (lotsen_idle_warning_get_type ())
G_DECLARE_FINAL_TYPE (LotsenIdleWarning, lotsen_idle_warning, LOTSEN, IDLE_WARNING, GtkWidget)

GtkWidget *lotsen_idle_warning_new (LotsenIdleMonitor *monitor);

G_END_DECLS
