/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "lotsen-dataset.h"
#include "lotsen-store.h"

G_BEGIN_DECLS

typedef struct _LotsenRowWriter LotsenRowWriter;

LotsenRowWriter *lotsen_row_writer_new    (LotsenStore         *store,
                                           const LotsenDataset *dataset,
                                           LotsenExportFormat   format,
                                           char                 separator,
                                           GString             *buffer);
void             lotsen_row_writer_free   (LotsenRowWriter     *writer);
void             lotsen_row_writer_append (LotsenRowWriter     *writer,
                                           sqlite3_stmt        *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenRowWriter, lotsen_row_writer_free)

G_END_DECLS
