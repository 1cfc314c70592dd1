/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-queue.h"
#include "lotsen-store.h"

G_BEGIN_DECLS

typedef enum {
  LOTSEN_PAPER_80MM,
  LOTSEN_PAPER_58MM,
} LotsenPaper;

gboolean  lotsen_paper_from_string     (const char          *text,
                                        LotsenPaper         *paper);
GBytes   *lotsen_ticket_pdf_render     (LotsenStore         *store,
                                        const LotsenTicket  *ticket,
                                        LotsenPaper          paper,
                                        GError             **error);
GBytes   *lotsen_code_pdf_render       (const char          *code,
                                        const char          *lang,
                                        LotsenPaper          paper,
                                        GError             **error);

G_END_DECLS
