/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*LotsenPresenceFunc) (gpointer user_data);

GtkEventController *lotsen_presence_watch (GtkWidget          *window,
                                           LotsenPresenceFunc  func,
                                           gpointer            user_data);

G_END_DECLS
