/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_SIGN_IN_PAGE (lotsen_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenSignInPage, lotsen_sign_in_page, LOTSEN, SIGN_IN_PAGE, GtkWidget)

GtkWidget *lotsen_sign_in_page_new (void);
void       lotsen_sign_in_page_set (LotsenSignInPage *self,
                                    const char       *typed,
                                    const char       *message,
                                    gboolean          paused);

G_END_DECLS
