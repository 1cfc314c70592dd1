/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void lotsen_steps_show       (GtkStack   *steps,
                              const char *name);
void lotsen_steps_fill_entry (GtkEntry   *entry,
                              const char *text,
                              GCallback   changed_cb,
                              gpointer    user_data);

G_END_DECLS
