/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_QUEUE_PAGE (lotsen_queue_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenQueuePage, lotsen_queue_page, LOTSEN, QUEUE_PAGE, GtkWidget)

GtkWidget *lotsen_queue_page_new          (void);
void       lotsen_queue_page_set_services (LotsenQueuePage *self,
                                           GPtrArray       *services);

G_END_DECLS
