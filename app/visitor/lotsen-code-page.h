/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_CODE_PAGE (lotsen_code_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenCodePage, lotsen_code_page, LOTSEN, CODE_PAGE, GtkWidget)

GtkWidget  *lotsen_code_page_new      (const char     *code);
GdkTexture *lotsen_code_page_make_qr  (const char     *text,
                                       int             module_pixels);

G_END_DECLS
