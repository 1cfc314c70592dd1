/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *lotsen_label_append (GtkWidget  *box,
                                const char *text,
                                const char *css_class);
void       lotsen_label_set_message (GtkLabel   *label,
                                     const char *message);

G_END_DECLS
