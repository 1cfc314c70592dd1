/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_PIN_PAGE (lotsen_pin_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenPinPage, lotsen_pin_page, LOTSEN, PIN_PAGE, GtkWidget)

GtkWidget *lotsen_pin_page_new (void);
void       lotsen_pin_page_set (LotsenPinPage *self,
                                const char    *title,
                                guint          typed,
                                const char    *message,
                                gboolean       locked);

G_END_DECLS
