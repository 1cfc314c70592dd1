/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_READ_ALOUD (lotsen_read_aloud_get_type ())
G_DECLARE_FINAL_TYPE (LotsenReadAloud, lotsen_read_aloud, LOTSEN, READ_ALOUD, GtkWidget)

GtkWidget *lotsen_read_aloud_new              (void);
void       lotsen_read_aloud_set_unavailable  (LotsenReadAloud *self,
                                               gboolean         unavailable);
gboolean   lotsen_read_aloud_get_unavailable  (LotsenReadAloud *self);
gboolean   lotsen_read_aloud_owns             (LotsenReadAloud *self,
                                               GtkWidget       *widget);

char      *lotsen_read_aloud_widget_text      (GtkWidget       *widget);
GStrv      lotsen_read_aloud_collect          (GtkWidget       *page,
                                               gboolean         with_choices);

G_END_DECLS
