/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lotsen-dataset.h"

G_BEGIN_DECLS

/* A CSV file starts with it, so that spreadsheets read UTF-8. */
#define LOTSEN_CSV_BOM "\xEF\xBB\xBF"

gboolean lotsen_csv_starts_formula     (const char          *text,
                                        gsize                length);
void     lotsen_csv_append_text        (GString             *buffer,
                                        char                 separator,
                                        guint                index,
                                        const char          *text,
                                        gsize                length,
                                        gboolean             neutralise);
void     lotsen_export_append_csv_cell (GString             *buffer,
                                        char                 separator,
                                        guint                index,
                                        const char          *text,
                                        gboolean             neutralise);
void     lotsen_csv_append_header      (GString             *buffer,
                                        char                 separator,
                                        const LotsenDataset *dataset);

G_END_DECLS
