/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-staff-session.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_OUTCOMES_PAGE (lotsen_outcomes_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenOutcomesPage, lotsen_outcomes_page, LOTSEN, OUTCOMES_PAGE, GtkWidget)

GtkWidget *lotsen_outcomes_page_new     (LotsenStaffSession *staff);
void       lotsen_outcomes_page_refresh (LotsenOutcomesPage *self);

G_END_DECLS
