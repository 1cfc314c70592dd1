/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_VISITOR_PAGE (lotsen_visitor_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenVisitorPage, lotsen_visitor_page, LOTSEN, VISITOR_PAGE, GtkWidget)

GtkWidget *lotsen_visitor_page_new (const char *masked_name);

G_END_DECLS
