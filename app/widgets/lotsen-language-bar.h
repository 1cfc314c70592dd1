/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_LANGUAGE_BAR (lotsen_language_bar_get_type ())
G_DECLARE_FINAL_TYPE (LotsenLanguageBar, lotsen_language_bar, LOTSEN, LANGUAGE_BAR, GtkWidget)

GtkWidget *lotsen_language_bar_new (void);

G_END_DECLS
