/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-visit.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_SIGNUP_PAGE (lotsen_signup_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenSignupPage, lotsen_signup_page, LOTSEN, SIGNUP_PAGE, GtkWidget)

GtkWidget *lotsen_signup_page_new (LotsenVisit         *visit);
void       lotsen_signup_page_set (LotsenSignupPage    *self,
                                   const LotsenSession *session,
                                   GTimeZone           *timezone,
                                   const char          *visitor_name,
                                   const LotsenSignup  *signup,
                                   const char          *message);

G_END_DECLS
