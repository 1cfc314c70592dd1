/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_CONSENT_PAGE (lotsen_consent_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenConsentPage, lotsen_consent_page, LOTSEN, CONSENT_PAGE, GtkWidget)

GtkWidget *lotsen_consent_page_new (void);

G_END_DECLS
