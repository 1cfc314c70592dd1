/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_VIEW_OPTIONS (lotsen_view_options_get_type ())
G_DECLARE_FINAL_TYPE (LotsenViewOptions, lotsen_view_options, LOTSEN, VIEW_OPTIONS, GtkWidget)

/* The text sizes a visitor can choose, in per cent. */
#define LOTSEN_TEXT_SCALE_DEFAULT 100

GtkWidget  *lotsen_view_options_new              (void);
gboolean    lotsen_view_options_is_text_scale    (guint       scale);
const char *lotsen_view_options_text_scale_class (guint       scale);
void        lotsen_view_options_install_styles   (GdkDisplay *display);

G_END_DECLS
