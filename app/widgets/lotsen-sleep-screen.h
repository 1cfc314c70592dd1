/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-store.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_SLEEP_SCREEN (lotsen_sleep_screen_get_type ())
G_DECLARE_FINAL_TYPE (LotsenSleepScreen, lotsen_sleep_screen, LOTSEN, SLEEP_SCREEN, GtkWidget)

GtkWidget *lotsen_sleep_screen_new        (LotsenStore       *store,
                                           GSettings         *settings,
                                           guint              timeout);
gboolean   lotsen_sleep_screen_get_asleep (LotsenSleepScreen *self);

G_END_DECLS
