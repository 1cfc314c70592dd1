/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_SOON_PAGE (lotsen_soon_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenSoonPage, lotsen_soon_page, LOTSEN, SOON_PAGE, GtkWidget)

GtkWidget *lotsen_soon_page_new (const char *title);

G_END_DECLS
