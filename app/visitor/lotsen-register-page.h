/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-visit.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_REGISTER_PAGE (lotsen_register_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenRegisterPage, lotsen_register_page, LOTSEN, REGISTER_PAGE, GtkWidget)

GtkWidget *lotsen_register_page_new (LotsenVisit        *visit,
                                     GPtrArray          *municipalities,
                                     const char * const *interpreters,
                                     int                 oldest_year,
                                     int                 youngest_year);

G_END_DECLS
