/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-clock.h"
#include "lotsen-queue.h"

G_BEGIN_DECLS

#define LOTSEN_TYPE_TICKET_PAGE (lotsen_ticket_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenTicketPage, lotsen_ticket_page, LOTSEN, TICKET_PAGE, GtkWidget)

GtkWidget *lotsen_ticket_page_new         (guint                     seconds,
                                           LotsenClock              *clock,
                                           const char * const       *interpreters);
void       lotsen_ticket_page_set_ticket  (LotsenTicketPage         *self,
                                           const LotsenTicket       *ticket,
                                           const char               *service_name,
                                           const LotsenWaitEstimate *estimate);
guint      lotsen_ticket_page_get_seconds_left (LotsenTicketPage    *self);

G_END_DECLS
