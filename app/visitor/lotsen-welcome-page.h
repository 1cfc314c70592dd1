/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_WELCOME_PAGE (lotsen_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenWelcomePage, lotsen_welcome_page, LOTSEN, WELCOME_PAGE, GtkWidget)

GtkWidget *lotsen_welcome_page_new (void);

G_END_DECLS
